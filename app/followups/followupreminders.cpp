#include "followupreminders.h"

#include "followupstore.h"

#include "models/clock.h"
#include "models/qtcompat.h"

#include <algorithm>

namespace Care360 {

namespace {
constexpr qint64 kLongestSleepMs = 60 * 60 * 1000;
} // namespace

FollowUpReminders::FollowUpReminders(FollowUpStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("followUpReminders"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FollowUpReminders::checkNow);
    connect(m_store, &FollowUpStore::loaded, this, &FollowUpReminders::checkNow);
    if (m_store->hasLoaded())
        QMetaObject::invokeMethod(this, &FollowUpReminders::checkNow, Qt::QueuedConnection);
}

QString FollowUpReminders::keyOf(const FollowUp &followUp)
{
    return followUp.profile + QLatin1Char('\n') + followUp.caseId + QLatin1Char('\n')
        + followUp.escalationId + QLatin1Char('\n')
        + QString::number(followUp.followUpDueAt.toMSecsSinceEpoch()) + QLatin1Char('\n')
        + QString::number(
               followUp.snoozedUntil.isValid() ? followUp.snoozedUntil.toMSecsSinceEpoch() : 0);
}

void FollowUpReminders::checkNow()
{
    const QDateTime now = Clock::currentDateTimeUtc();
    for (const FollowUp &followUp : m_store->followUps()) {
        if (!followUp.needsReminder(now))
            continue;
        const QString key = keyOf(followUp);
        if (m_said.contains(key))
            continue;
        m_said.insert(key);
        m_store->markReminded(followUp);
        emit due(followUp);
    }
    schedule();
}

void FollowUpReminders::schedule()
{
    const QDateTime now = Clock::currentDateTimeUtc();
    qint64 sleep = kLongestSleepMs;
    for (const FollowUp &followUp : m_store->followUps()) {
        const QDateTime next =
            followUp.snoozedUntil.isValid() ? followUp.snoozedUntil : followUp.followUpDueAt;
        if (next.isValid() && next > now)
            sleep = std::min(sleep, now.msecsTo(next));
    }
    m_timer.start(int(std::max<qint64>(sleep, 1000)));
}

void FollowUpReminders::snoozeForAnHour(const FollowUp &followUp)
{
    m_store->snooze(followUp, Clock::currentDateTimeUtc().addSecs(60 * 60));
}

void FollowUpReminders::snoozeUntilTomorrow(const FollowUp &followUp, int workingHour)
{
    const QDate tomorrow = Clock::currentDateTimeUtc().toLocalTime().date().addDays(1);
    m_store->snooze(followUp, QtCompat::localDateTime(tomorrow, QTime(workingHour, 0)).toUTC());
}

} // namespace Care360

#include "moc_followupreminders.cpp"
