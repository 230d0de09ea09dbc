#include "demodata.h"
#include "models/wirenames.h"

#include "models/contractcodec.h"

#include <QJsonArray>

namespace Care360::Sandbox::Demo {

namespace {

const QStringList kSupportTitles { QStringLiteral("Cancellation"),
                                   QStringLiteral("Hold Order"),
                                   QStringLiteral("Address verification"),
                                   QStringLiteral("Missing ID"),
                                   QStringLiteral("Refill Request"),
                                   QStringLiteral("Price question"),
                                   QStringLiteral("Dose questions"),
                                   QStringLiteral("Missed appointment -reschedule"),
                                   QStringLiteral("Promo code questions"),
                                   QStringLiteral("Non-receipt of medication"),
                                   QStringLiteral("Shipping Delays"),
                                   QStringLiteral("Patient has a question"),
                                   QStringLiteral("Order delays"),
                                   QStringLiteral("Copy of script"),
                                   QStringLiteral("Lab request"),
                                   QStringLiteral("Waiting on Pharmacy reply"),
                                   QStringLiteral("Call Back Needed - English"),
                                   QStringLiteral("Call Back Needed - Spanish"),
                                   QStringLiteral("Payment: Refund Request"),
                                   QStringLiteral("Health Coach Review") };

QString uuid(const char *prefix, int number)
{
    return QLatin1String(prefix) + QStringLiteral("-0000-4000-8000-")
        + QStringLiteral("%1").arg(number, 12, 10, QLatin1Char('0'));
}

// Builds escalations of one case; each call appends one in creation order.
class CaseBuilder {
public:
    CaseBuilder(const QDateTime &now, int firstNumber)
        : m_now(now)
        , m_number(firstNumber)
    {
    }

    CaseBuilder &add(const QString &title, const QJsonValue &note = QJsonValue::Null,
                     const QJsonValue &followUp = QJsonValue::Null,
                     const QJsonValue &assignee = QJsonValue::Null, bool completed = false,
                     const QString &type = QStringLiteral("support"))
    {
        const QString created = Codec::formatTimestamp(m_now.addDays(-20).addSecs(m_number * 60));
        m_escalations.append(QJsonObject { { QStringLiteral("id"), uuid("e5ca1a7e", m_number++) },
                                           { QStringLiteral("type"), type },
                                           { QStringLiteral("title"), title },
                                           { Wire::note, note },
                                           { Wire::followUpDueAt, followUp },
                                           { QStringLiteral("assignedToUserId"), assignee },
                                           { QStringLiteral("isCompleted"), completed },
                                           { QStringLiteral("createdAt"), created },
                                           { QStringLiteral("updatedAt"), created } });
        return *this;
    }
    QJsonObject build(const QString &caseId) const
    {
        return { { QStringLiteral("id"), caseId }, { Wire::escalations, m_escalations } };
    }
    QJsonValue in(qint64 seconds) const { return Codec::formatTimestamp(m_now.addSecs(seconds)); }

private:
    QDateTime m_now;
    int m_number;
    QJsonArray m_escalations;
};

QJsonObject user(const QString &id, const QString &email, const QString &role)
{
    return { { QStringLiteral("id"), id },
             { QStringLiteral("email"), email },
             { QStringLiteral("role"), role } };
}

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

} // namespace

QJsonObject data(const QDateTime &now)
{
    const QString agent = uuid("a5e20000", 1);
    const QString nurse = uuid("a5e20000", 2);
    const QString manager = uuid("a5e20000", 3);
    const QString globexAgent = uuid("a5e20000", 11);

    CaseBuilder main(now, 1);
    main.add(QStringLiteral("Address verification"),
             QStringLiteral("Patient asked to confirm the new delivery address before the next "
                            "shipment."),
             main.in(6 * kHour), agent)
        .add(QStringLiteral("Refill Request"), QJsonValue::Null, main.in(-2 * kDay), nurse)
        .add(QStringLiteral("Missing ID"), QStringLiteral("ID photo received and verified."),
             QJsonValue::Null, agent, true)
        .add(QStringLiteral("Shipping Delays"),
             QStringLiteral("Carrier reports a two-day delay; patient informed by e-mail."))
        .add(QStringLiteral("Price question"))
        .add(QStringLiteral("Payment Received"), QJsonValue::Null, QJsonValue::Null, nurse, true)
        .add(QStringLiteral("Patient has responded to providers question"), QJsonValue::Null,
             main.in(3 * kDay), agent, false, QStringLiteral("clinical"))
        .add(QStringLiteral("Call Back Needed - Spanish"),
             QStringLiteral("Prefers a call back after 5 pm."), main.in(-5 * kHour));

    CaseBuilder second(now, 101);
    second
        .add(QStringLiteral("Hold Order"), QStringLiteral("Hold until the patient returns."),
             second.in(2 * kDay), nurse)
        .add(QStringLiteral("Promo code questions"))
        .add(QStringLiteral("Lab request"), QJsonValue::Null, second.in(-1 * kDay));

    CaseBuilder large(now, 1001);
    for (int i = 0; i < 1000; ++i) {
        const QJsonValue note = i % 7 == 0
            ? QJsonValue(QStringLiteral("Training note number %1.").arg(i + 1))
            : QJsonValue(QJsonValue::Null);
        const QJsonValue followUp = i % 4 == 0 ? large.in((i % 9 - 4) * kDay) : QJsonValue::Null;
        const QJsonValue assignee =
            i % 5 == 0 ? QJsonValue(i % 10 == 0 ? agent : nurse) : QJsonValue(QJsonValue::Null);
        large.add(kSupportTitles.at(i % kSupportTitles.size()), note, followUp, assignee);
    }

    CaseBuilder globex(now, 501);
    globex
        .add(QStringLiteral("Non-receipt of medication"),
             QStringLiteral("Tracking shows delivered; patient reports nothing received."),
             globex.in(4 * kHour), globexAgent)
        .add(QStringLiteral("Order delays"), QJsonValue::Null, globex.in(-3 * kDay))
        .add(QStringLiteral("Copy of script"))
        .add(QStringLiteral("Waiting on Pharmacy reply"), QJsonValue::Null, globex.in(5 * kDay),
             globexAgent);

    const QJsonObject acme {
        { QStringLiteral("name"), acmeName },
        { QStringLiteral("apiKeys"), QJsonArray { acmeApiKey } },
        { QStringLiteral("users"),
          QJsonArray { user(agent, acmeAgentEmail, QStringLiteral("CVTPA")),
                       user(nurse, acmeNurseEmail, QStringLiteral("CVTPA")),
                       user(manager, acmeManagerEmail, QStringLiteral("CASEMANAGER")) } },
        { QStringLiteral("cases"),
          QJsonArray { main.build(acmeCaseId), second.build(acmeSecondCaseId),
                       large.build(acmeLargeCaseId) } }
    };
    const QJsonObject globexOrg {
        { QStringLiteral("name"), globexName },
        { QStringLiteral("apiKeys"), QJsonArray { globexApiKey } },
        { QStringLiteral("users"),
          QJsonArray { user(globexAgent, globexAgentEmail, QStringLiteral("CVTPA")) } },
        { QStringLiteral("cases"), QJsonArray { globex.build(globexCaseId) } }
    };
    return { { QStringLiteral("organizations"), QJsonArray { acme, globexOrg } } };
}

} // namespace Care360::Sandbox::Demo
