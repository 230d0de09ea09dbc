#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QComboBox;
class QLabel;
class QSpinBox;
class QTabWidget;

namespace Care360 {

class NetworkPreferencesPage;

// Settings › Preferences: one page per area (network, follow-ups, confirmations, language)
// over Preferences, like KeePassXC's ApplicationSettingsWidget. It reads Preferences when made
// and writes them only on OK, after refusing what cannot work (a manual proxy without a host, a
// CA file with no certificate) with a sentence inside the dialog.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // OK and Enter: saves and closes, or says what is wrong and focuses that field.
    void accept() override;

private:
    struct Choices;

    QWidget *createFollowUpPage();
    QWidget *createConfirmationPage();
    QWidget *createLanguagePage();
    void fill(const Choices &choices);
    Choices chosen() const;
    void showProblem(const QString &sentence, QWidget *field);

    QTabWidget *m_pages = nullptr;
    NetworkPreferencesPage *m_network = nullptr;
    QSpinBox *m_followUpHour = nullptr;
    QSpinBox *m_dueSoonHours = nullptr;
    QCheckBox *m_reminders = nullptr;
    QCheckBox *m_autostart = nullptr;
    // What the box showed when the dialog opened: OK touches the entry only when it changed.
    bool m_startAtLoginShown = false;
    QSpinBox *m_keepDays = nullptr;
    QSpinBox *m_refreshPerMinute = nullptr;
    QLineEdit *m_myEmail = nullptr;
    QCheckBox *m_confirmProduction = nullptr;
    QCheckBox *m_listBeforeSend = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Care360
