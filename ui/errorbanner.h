#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QTimer;

namespace Care360 {

// A calm, non-modal message above the table: one sentence, the request ID, and the action that
// makes sense (Retry, or entering a key). Server answers never open a modal dialog.
class ErrorBanner : public QFrame {
    Q_OBJECT
    Q_CLASSINFO("care360-notification", "sentence")
    Q_PROPERTY(QString sentence READ message)
public:
    enum class Kind { Error, Warning, Info };
    // SwitchProfile: "Open with <profile>" (setOfferedProfile), for a case of another organisation.
    enum class Action { None, Retry, EnterKey, DiscardDrafts, SwitchProfile };

    explicit ErrorBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &message, const QString &requestId = {},
                     Action action = Action::None);
    QString message() const;
    // Keeps Retry disabled for the server's Retry-After, counting down on the button.
    void holdRetry(int seconds);
    // The profile Action::SwitchProfile's button names ("Acme Pharmacy — Production").
    void setOfferedProfile(const QString &label);

signals:
    void retryRequested();
    void enterKeyRequested();
    void discardDraftsRequested();
    void switchProfileRequested();

private:
    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QString m_message; // the plain sentence with its request ID, as shown
    QPushButton *m_retryButton;
    QPushButton *m_keyButton;
    QPushButton *m_discardButton;
    QPushButton *m_profileButton;
    QPushButton *m_closeButton;
    QTimer *m_retryCountdown;
    int m_retryHeldSeconds = 0;
};

} // namespace Care360
