#pragma once

#include "models/profile.h"

#include <QCoreApplication>
#include <QList>
#include <QSettings>

#include <optional>

namespace Care360 {

// The organisation profiles the agent keeps (settings; their keys are in the keychain, see
// ProfileKeys), shared by the console and the CLI. Every call reads the settings again, so a
// profile the CLI added is seen by a running console's next question. Names are unique compared
// case-insensitively; ids never change.
class ProfileStore {
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
public:
    ProfileStore();

    // The agent's profiles, by name (the sandbox's practice ones are not stored).
    QList<Profile> profiles() const;
    // By id, else by name (case-insensitive).
    std::optional<Profile> find(const QString &nameOrId) const;

    // Why a name cannot be used (empty, too long, line breaks, taken by another profile), or an
    // empty string.
    QString nameProblem(const QString &name, const QString &exceptId = QString()) const;
    // A new profile, or nullopt with the sentence in *problem.
    std::optional<Profile> add(const QString &name, const Environment &environment,
                               QString *problem);
    bool rename(const QString &id, const QString &newName, QString *problem);
    // The profile and its settings (recent cases, team); its key is the caller's (ProfileKeys).
    // False when it is unknown, or (with the sentence) when the settings cannot be written.
    bool remove(const QString &id, QString *problem = nullptr);

    // The profile standing for this address: the one migrated from it, else the only profile on
    // it, else a new one named after the environment, created at the first call that names the
    // address (its old key moves on the first read, see ProfileKeys).
    // *created says whether this call made it.
    Profile forAddress(const Environment &environment, bool *created = nullptr);

    QString lastProfileId() const;
    void setLastProfileId(const QString &id);

    // First start with profiles: the addresses the settings know (the last environment, the
    // remembered custom address) become profiles, with the recent cases, team directory and
    // learnt e-mails they had. Safe to run again after an interruption: it finishes the job.
    void migrateSettings();

    // The sandbox's practice organisations as profiles, in the data's order (one placeholder,
    // "Sandbox", without names).
    static QList<Profile> practiceProfiles(const QStringList &organisationNames);
    // The sandbox's first organisation, where a newcomer starts (a placeholder, see above).
    static Profile firstPractice() { return practiceProfiles({}).constFirst(); }
    // A practice profile by its id or place ("practice-2", "sandbox-2"), as a placeholder.
    static std::optional<Profile> practiceProfile(const QString &idOrPlace);
    // Stored or practice: by id, name or place.
    std::optional<Profile> anyProfile(const QString &idNameOrPlace) const;
    // Every profile the settings have seen open this case, most recently used first.
    QList<Profile> profilesThatOpened(const QString &caseId) const;

private:
    // False, with the sentence, when the settings file cannot be written (a full disk).
    bool save(QList<Profile> profiles, QString *problem = nullptr);
    QString uniqueName(const QString &wanted) const;
    void copyLegacyData(const Profile &profile, bool withRecentCases);

    mutable QSettings m_settings;
};

} // namespace Care360
