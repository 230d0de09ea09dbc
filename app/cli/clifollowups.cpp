#include "clifollowups.h"

#include "app/followups/followupdatabase.h"
#include "app/session/preferences.h"
#include "models/clock.h"

namespace Care360 {

CliFollowUps::CliFollowUps(const QString &place)
    : m_profile(place)
{
}

void CliFollowUps::add(const QString &caseId, const QList<Escalation> &active)
{
    Listing listing { caseId, active, Clock::currentDateTimeUtc() };
    // The store has no place for notes; they leave here so that none is ever handed to it.
    for (Escalation &escalation : listing.active)
        escalation.note.reset();
    m_listings.append(listing);
}

void CliFollowUps::record(QTextStream &err)
{
    if (m_listings.isEmpty() || m_profile.isEmpty())
        return;
    FollowUpDatabase database(FollowUpDatabase::defaultFile());
    bool written = database.isOpen();
    // In order, so that a send's answer replaces the listing made before it.
    for (const Listing &listing : std::as_const(m_listings)) {
        if (!written)
            break;
        written = database.record(m_profile, listing.caseId, listing.active, listing.at);
    }
    if (!written) {
        err << tr("Warning: this answer was not kept for due and the console's Follow-ups view. %1")
                   .arg(database.problem().simplified())
            << Qt::endl;
        return;
    }
    m_listings.clear();
    // As the console does when it opens the store: cases not listed for so long leave it.
    database.dropCasesListedBefore(
        Clock::currentDateTimeUtc().addDays(-Preferences().followUpKeepDays()));
}

} // namespace Care360
