#include "desktopnotifier.h"

#include "models/escalationpresenter.h"
#include "models/untrustedtext.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace Care360 {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kOpen = QStringLiteral("default");
const QString kSnoozeHour = QStringLiteral("snooze-hour");
const QString kSnoozeTomorrow = QStringLiteral("snooze-tomorrow");
// A title is server text: one short line, its controls made visible.
constexpr int kTitleChars = 80;
} // namespace

DesktopNotifier::DesktopNotifier(const QString &desktopEntry, QObject *parent)
    : QObject(parent)
    , m_desktopEntry(desktopEntry)
{
    setObjectName(QStringLiteral("desktopNotifier"));
    QDBusConnection bus = QDBusConnection::sessionBus();
    bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(onActionInvoked(uint, QString)));
    bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                SLOT(onClosed(uint, uint)));
}

bool DesktopNotifier::isAvailable()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()->isServiceRegistered(kService).value();
}

QString DesktopNotifier::summaryFor(const FollowUp &followUp)
{
    return tr("Follow-up due: %1")
        .arg(UntrustedText::visible(UntrustedText::capped(followUp.title, kTitleChars)));
}

QString DesktopNotifier::bodyFor(const FollowUp &followUp, const QString &profileLabel)
{
    // The body may be read as markup by the desktop: everything in it is escaped.
    return tr("%1 · due %2 · case %3")
        .arg(UntrustedText::visible(profileLabel),
             EscalationPresenter::localDateTimeText(followUp.followUpDueAt), followUp.caseId)
        .toHtmlEscaped();
}

void DesktopNotifier::notify(const FollowUp &followUp, const QString &profileLabel)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    const QStringList actions { kOpen,           tr("Open case"),
                                kSnoozeHour,     tr("Snooze 1 hour"),
                                kSnoozeTomorrow, tr("Remind me tomorrow") };
    QVariantMap hints;
    hints.insert(QStringLiteral("desktop-entry"), m_desktopEntry);
    hints.insert(QStringLiteral("category"), QStringLiteral("x-care360.followup"));
    call << QCoreApplication::applicationName() << uint(0) << m_desktopEntry << summaryFor(followUp)
         << bodyFor(followUp, profileLabel) << actions << hints << int(-1);
    auto *watcher =
        new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, followUp](QDBusPendingCallWatcher *) {
                watcher->deleteLater();
                const QDBusPendingReply<uint> reply = *watcher;
                if (reply.isError()) {
                    emit unavailable(followUp);
                    return;
                }
                m_shown.insert(reply.value(), followUp);
            });
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_shown.constFind(id);
    if (it == m_shown.constEnd())
        return; // another program's notification
    const FollowUp followUp = it.value();
    if (action == kOpen)
        emit answered(followUp, Answer::Open);
    else if (action == kSnoozeHour)
        emit answered(followUp, Answer::SnoozeHour);
    else if (action == kSnoozeTomorrow)
        emit answered(followUp, Answer::SnoozeTomorrow);
}

void DesktopNotifier::onClosed(uint id, uint)
{
    m_shown.remove(id);
}

} // namespace Care360

#include "moc_desktopnotifier.cpp"
