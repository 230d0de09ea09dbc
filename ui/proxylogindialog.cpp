#include "proxylogindialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Care360 {

ProxyLoginDialog::ProxyLoginDialog(const QString &proxy, bool refused, QWidget *parent)
    : QDialog(parent)
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("proxyLoginDialog"));
    setWindowTitle(tr("Proxy login"));
    const QString why = refused
        ? tr("The proxy %1 did not accept that login. Enter it again.").arg(proxy)
        : tr("The proxy %1 asks for a login before anything reaches Care360.").arg(proxy);
    auto *explanation = new QLabel(
        why + QLatin1Char(' ') + tr("It is kept in the system keychain, not asked again."), this);
    explanation->setObjectName(QStringLiteral("proxyLoginExplanation"));
    explanation->setWordWrap(true);
    // Read first by a screen reader when the dialog comes up in the middle of a request.
    setAccessibleDescription(explanation->text());

    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_user->setAccessibleName(tr("Proxy user name"));
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);

    m_buttons->setObjectName(QStringLiteral("proxyLoginButtons"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("proxyLoginButton"));
    ok->setText(tr("&Log in"));
    ok->setEnabled(false);
    connect(m_user, &QLineEdit::textChanged, ok,
            [ok](const QString &user) { ok->setEnabled(!user.trimmed().isEmpty()); });
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("proxyCancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_user->setFocus();
}

std::optional<ProxyLogins::Login> ProxyLoginDialog::ask(const QString &proxy, bool refused)
{
    ProxyLoginDialog dialog(proxy, refused, QApplication::activeWindow());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return ProxyLogins::Login { dialog.m_user->text().trimmed(), dialog.m_password->text() };
}

} // namespace Care360
