#include "followupstore.h"

#include "followupdatabase.h"

#include "models/clock.h"
#include "models/escalation.h"

namespace Care360 {

FollowUpStore::FollowUpStore(const QString &file, int keepDays, QObject *parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("followUpStore"));
    qRegisterMetaType<QList<Care360::FollowUp>>();
    m_thread.setObjectName(QStringLiteral("followUpStore"));
    m_context.moveToThread(&m_thread);
    m_thread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(&m_context, [this, file, keepDays] {
        m_database = std::make_unique<FollowUpDatabase>(file);
        if (!m_database->isOpen()) {
            emit problem(m_database->problem());
            return;
        }
        m_database->dropCasesListedBefore(Clock::currentDateTimeUtc().addDays(-keepDays));
        QMetaObject::invokeMethod(this, [this, all = m_database->all()] { onLoaded(all); });
    });
}

FollowUpStore::~FollowUpStore()
{
    QMetaObject::invokeMethod(
        &m_context, [this] { m_database.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void FollowUpStore::onThread(std::function<bool(FollowUpDatabase &)> work)
{
    QMetaObject::invokeMethod(&m_context, [this, work = std::move(work)] {
        if (!m_database || !m_database->isOpen())
            return;
        if (!work(*m_database)) {
            emit problem(m_database->problem());
            return;
        }
        QMetaObject::invokeMethod(this, [this, all = m_database->all()] { onLoaded(all); });
    });
}

void FollowUpStore::onLoaded(const QList<FollowUp> &followUps)
{
    m_followUps = followUps;
    m_loaded = true;
    emit loaded(m_followUps);
}

void FollowUpStore::record(const QString &profile, const QString &caseId,
                           const QList<Escalation> &active, const QDateTime &refreshedAt)
{
    // The notes are not kept: they are cleared before the list leaves this thread.
    QList<Escalation> kept = active;
    for (Escalation &escalation : kept)
        escalation.note.reset();
    onThread([=](FollowUpDatabase &database) {
        return database.record(profile, caseId, kept, refreshedAt);
    });
}

void FollowUpStore::markReminded(const FollowUp &followUp)
{
    onThread([=](FollowUpDatabase &database) { return database.markReminded(followUp); });
}

void FollowUpStore::snooze(const FollowUp &followUp, const QDateTime &untilUtc)
{
    onThread([=](FollowUpDatabase &database) { return database.snooze(followUp, untilUtc); });
}

void FollowUpStore::reload()
{
    onThread([](FollowUpDatabase &) { return true; });
}

} // namespace Care360

#include "moc_followupstore.cpp"
