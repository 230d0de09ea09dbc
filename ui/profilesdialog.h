#pragma once

#include "models/profile.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Care360 {

class ConsoleServices;

// File › Organisations…: the agent's organisation profiles, added (a name, an environment and,
// for a custom one, its address), renamed and removed (its key is deleted from the keychain
// after a confirmation). A profile open in some window is not removed: its drafts are there.
class ProfilesDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProfilesDialog(ConsoleServices *services, QWidget *parent = nullptr);

    // The one the agent added last, for the window to switch to.
    QString addedProfileId() const { return m_addedId; }

private:
    void reload(const QString &selectId = QString());
    void addProfile();
    void renameProfile();
    void removeProfile();
    void onSelectionChanged();
    void say(const QString &sentence, bool problem);
    std::optional<Profile> selected() const;

    ConsoleServices *m_services;
    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_environment;
    QLineEdit *m_address;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_remove;
    QLabel *m_message;
    QList<Profile> m_profiles;
    QString m_addedId;
};

} // namespace Care360
