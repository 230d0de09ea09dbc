// CaseWorkspace's team directory (people instead of user IDs) and the practice cases' names.
#include "caseworkspace.h"

#include "app/session/connectionmanager.h"
#include "models/assigneedirectory.h"
#include "models/teamdirectory.h"
#include "models/untrustedtext.h"

#include <QDir>
#include <QFile>

namespace Care360 {

QString CaseWorkspace::importTeamDirectory(const QString &path, int *count)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1 could not be opened: %2.")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    if (file.size() > TeamDirectoryFile::maxBytes)
        return tr("%1 is larger than %2 MiB; a team directory is far smaller.")
            .arg(QDir::toNativeSeparators(path))
            .arg(TeamDirectoryFile::maxBytes / (1024 * 1024));
    const TeamDirectoryFile::Parsed parsed = TeamDirectoryFile::parse(file.readAll());
    if (!parsed.error.isEmpty())
        return tr("Nothing was imported: %1").arg(parsed.error);
    m_assignees->setTeam(parsed.members);
    m_settings.setTeamDirectory(m_assignees->teamToVariantList());
    if (count)
        *count = int(parsed.members.size());
    return {};
}

void CaseWorkspace::applyTeamFor(const Profile &profile)
{
    const PracticeServer *practice = m_connection->practiceServer();
    if (profile.isPractice() && practice) // not saved: the demo's own people
        m_assignees->setTeam(practice->practiceOrganisations().value(profile.practiceIndex).people);
    else
        m_assignees->teamFromVariantList(m_settings.teamDirectory());
}

QList<PracticeServer::PracticeCase> CaseWorkspace::practiceCases() const
{
    const PracticeServer *practice = m_connection->practiceServer();
    return profile().isPractice() && practice ? practice->practiceCases(profile().practiceIndex)
                                              : QList<PracticeServer::PracticeCase>();
}

QString CaseWorkspace::caseTitle(const QString &caseId, const QList<Escalation> &escalations) const
{
    for (const PracticeServer::PracticeCase &practice : practiceCases()) {
        if (practice.caseId == caseId)
            return practice.title;
    }
    const auto oldest = std::min_element(
        escalations.cbegin(), escalations.cend(),
        [](const Escalation &a, const Escalation &b) { return a.createdAt < b.createdAt; });
    constexpr int maxTitleChars = 60; // one line of the case list
    return oldest == escalations.cend()
        ? QString()
        : UntrustedText::visible(UntrustedText::capped(oldest->title.simplified(), maxTitleChars));
}

QList<QPair<QString, QString>> CaseWorkspace::recentCasesWithTitles() const
{
    QList<QPair<QString, QString>> cases;
    for (const QString &caseId : m_settings.recentCases())
        cases.append({ caseId, m_settings.recentCaseTitle(caseId) });
    return cases;
}

} // namespace Care360
