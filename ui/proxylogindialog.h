#pragma once

#include "app/network/proxylogins.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLineEdit;

namespace Care360 {

// Asks for the login a company proxy wants (HTTP 407), in the middle of a request: Qt waits for
// the answer. What is typed goes to ProxyLogins, which keeps it in the keychain.
class ProxyLoginDialog : public QDialog {
    Q_OBJECT
public:
    // refused: the proxy turned the last login down.
    ProxyLoginDialog(const QString &proxy, bool refused, QWidget *parent = nullptr);

    // Shows the dialog over the active window; nullopt when the agent cancels.
    static std::optional<ProxyLogins::Login> ask(const QString &proxy, bool refused);

private:
    QLineEdit *m_user;
    QLineEdit *m_password;
    QDialogButtonBox *m_buttons;
};

} // namespace Care360
