#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Care360 {

class CredentialStore;
struct CredentialResult;

// Asks for the API key of one environment and saves it in the keychain through the store.
// Never reads the stored key (that is the caller's business), so opening it has no side effects.
class ApiKeyDialog : public QDialog {
    Q_OBJECT
public:
    ApiKeyDialog(const QString &environmentName, const QUrl &baseUrl, CredentialStore *store,
                 QWidget *parent = nullptr);

signals:
    // After the store answered: inMemoryOnly when no keychain could keep it.
    void keySaved(const QString &key, bool inMemoryOnly);
    void keyForgotten();

private:
    enum class Pending { None, Write, Remove };

    void save();
    void forget();
    void onWriteFinished(const QUrl &baseUrl, const CredentialResult &result);
    void onRemoveFinished(const QUrl &baseUrl, const CredentialResult &result);
    void setPending(Pending pending);
    void showStatus(const QString &text, bool isError);
    void updateKeychainState();

    QUrl m_baseUrl;
    CredentialStore *m_store;
    Pending m_pending = Pending::None;
    QString m_pendingKey; // the normalized key being written
    QLabel *m_environmentLabel = nullptr;
    QLabel *m_keychainStateLabel = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QToolButton *m_showKeyButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_forgetButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Care360
