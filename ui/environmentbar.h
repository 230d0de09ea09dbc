#pragma once

#include "models/profile.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace Care360 {

// Toolbar part: which organisation profile the console talks to ("Acme Pharmacy — Production"),
// a marker in the profile's own colour that names it, and the state of its API key.
class EnvironmentBar : public QWidget {
    Q_OBJECT
public:
    explicit EnvironmentBar(QWidget *parent = nullptr);

    // What the selector offers (practice profiles first), and which is open; no signal.
    void setProfiles(const QList<Profile> &profiles, const Profile &current);
    void setKeyState(const QString &text, const QString &toolTip);
    QToolButton *keyButton() const { return m_keyButton; }

signals:
    void profileRequested(const Care360::Profile &profile);
    // The last entry, "Organisations…": the dialog that adds, renames and removes them.
    void manageRequested();

private:
    void onActivated(int index);
    void showMarker();

    QComboBox *m_combo;
    QLabel *m_marker;
    QLabel *m_keyStateLabel;
    QToolButton *m_keyButton;
    QList<Profile> m_profiles;
    Profile m_current;
};

} // namespace Care360
