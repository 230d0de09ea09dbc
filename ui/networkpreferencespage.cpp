#include "networkpreferencespage.h"

#include "preferencesform.h"

#include "app/network/networksetup.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>

namespace Care360 {

using namespace PreferencesForm;

namespace {

// A typed "~/certs/ca.pem" or a relative path, made into the absolute path that is saved.
QString expandedPath(const QString &typed)
{
    QString path = QDir::fromNativeSeparators(typed.trimmed());
    if (path == QLatin1String("~") || path.startsWith(QLatin1String("~/")))
        path.replace(0, 1, QDir::homePath());
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

// Why a CA bundle file cannot be used, or an empty string: the reading the console does at
// start (NetworkSetup), and its sentence.
QString caBundleProblem(const QString &path)
{
    QString problem;
    NetworkSetup::readCaBundle(path, &problem);
    return problem;
}

} // namespace

NetworkPreferencesPage::NetworkPreferencesPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("networkPage"));
    auto *proxyBox = new QGroupBox(tr("Proxy"), this);
    proxyBox->setObjectName(QStringLiteral("proxyGroup"));
    m_systemProxy = named(new QRadioButton(tr("Use the &system's proxy settings"), proxyBox),
                          "systemProxyRadio", tr("Use the system's proxy settings"));
    m_noProxy = named(new QRadioButton(tr("No pro&xy"), proxyBox), "noProxyRadio", tr("No proxy"));
    m_manualProxy = named(new QRadioButton(tr("Use &this proxy:"), proxyBox), "manualProxyRadio",
                          tr("Use this proxy"));
    m_host = named(new QLineEdit(proxyBox), "proxyHostEdit", tr("Proxy host name"));
    m_host->setPlaceholderText(tr("proxy.example.org"));
    m_hostLabel = buddyLabel(tr("&Host:"), m_host, "proxyHostLabel");
    m_port = named(new NumberSpinBox(proxyBox), "proxyPortSpin", tr("Proxy port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("not set")); // 0: a manual proxy asks for one
    m_portLabel = buddyLabel(tr("&Port:"), m_port, "proxyPortLabel");
    connect(m_manualProxy, &QRadioButton::toggled, this,
            &NetworkPreferencesPage::updateProxyFields);

    auto *manualRow = new QHBoxLayout;
    manualRow->addSpacing(style()->pixelMetric(QStyle::PM_IndicatorWidth)
                          + style()->pixelMetric(QStyle::PM_RadioButtonLabelSpacing));
    manualRow->addWidget(m_hostLabel);
    manualRow->addWidget(m_host, 1);
    manualRow->addWidget(m_portLabel);
    manualRow->addWidget(m_port);
    auto *proxyLayout = new QVBoxLayout(proxyBox);
    proxyLayout->addWidget(m_systemProxy);
    proxyLayout->addWidget(m_noProxy);
    proxyLayout->addWidget(m_manualProxy);
    proxyLayout->addLayout(manualRow);

    m_caBundle = named(new QLineEdit(this), "caBundleEdit", tr("CA bundle file"));
    m_caBundle->setPlaceholderText(tr("None: only the system's certificate authorities"));
    auto *caLabel = buddyLabel(tr("Organisation certificate &authorities (CA bundle file):"),
                               m_caBundle, "caBundleLabel");
    auto *browse =
        named(new QPushButton(tr("B&rowse…"), this), "caBundleBrowseButton", tr("Browse"));
    browse->setToolTip(tr("Choose the CA bundle file"));
    connect(browse, &QPushButton::clicked, this, &NetworkPreferencesPage::browseCaBundle);
    auto *caHint = hintLabel(tr("Needed only when your organisation's proxy inspects encrypted "
                                "connections (TLS inspection): your IT department has the file, "
                                "in PEM or DER format. The system's own authorities stay trusted."),
                             this, "caBundleHint");
    m_caBundle->setAccessibleDescription(caHint->text());
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caBundle, 1);
    caRow->addWidget(browse);

    m_deadline =
        named(new NumberSpinBox(this), "requestDeadlineSpin", tr("Request time limit in seconds"));
    m_deadline->setRange(1, 3600);
    auto *deadlineForm = new QFormLayout;
    deadlineForm->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    deadlineForm->addRow(
        buddyLabel(tr("Request time &limit (seconds):"), m_deadline, "requestDeadlineLabel"),
        m_deadline);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(proxyBox);
    layout->addWidget(caLabel);
    layout->addLayout(caRow);
    layout->addWidget(caHint);
    layout->addLayout(deadlineForm);
    layout->addStretch(1);
    // Top to bottom, whatever order the widgets were made in (Qt 6.4 has no list setTabOrder).
    const QList<QWidget *> order { m_systemProxy, m_noProxy,  m_manualProxy, m_host,
                                   m_port,        m_caBundle, browse,        m_deadline };
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));
}

void NetworkPreferencesPage::setValues(const ProxyChoice &proxy, const QString &caBundleFile,
                                       int deadlineSeconds)
{
    m_systemProxy->setChecked(proxy.mode == ProxyChoice::Mode::System);
    m_noProxy->setChecked(proxy.mode == ProxyChoice::Mode::None);
    m_manualProxy->setChecked(proxy.mode == ProxyChoice::Mode::Manual);
    m_host->setText(proxy.host);
    m_port->setValue(proxy.port);
    m_caBundle->setText(QDir::toNativeSeparators(caBundleFile));
    m_deadline->setValue(deadlineSeconds);
    updateProxyFields();
}

ProxyChoice NetworkPreferencesPage::proxy() const
{
    ProxyChoice choice;
    if (m_manualProxy->isChecked())
        choice = { ProxyChoice::Mode::Manual, m_host->text().trimmed(), quint16(m_port->value()) };
    else if (m_noProxy->isChecked())
        choice.mode = ProxyChoice::Mode::None;
    return choice;
}

QString NetworkPreferencesPage::caBundleFile() const
{
    return expandedPath(m_caBundle->text());
}

int NetworkPreferencesPage::deadlineSeconds() const
{
    return m_deadline->value();
}

QString NetworkPreferencesPage::problem(QWidget **field) const
{
    const ProxyChoice choice = proxy();
    if (choice.mode == ProxyChoice::Mode::Manual) {
        *field = m_host;
        if (choice.host.isEmpty())
            return tr("Enter the proxy's host name, or choose another proxy setting.");
        QUrl url;
        url.setHost(choice.host, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return tr("Enter only the proxy's host name, such as proxy.example.org, without "
                      "http:// or a port.");
        *field = m_port;
        if (choice.port == 0)
            return tr("Enter the proxy's port, such as 3128 or 8080.");
    }
    *field = m_caBundle;
    return caBundleFile().isEmpty() ? QString() : caBundleProblem(caBundleFile());
}

QWidget *NetworkPreferencesPage::chosenProxyButton() const
{
    if (m_manualProxy->isChecked())
        return m_manualProxy;
    return m_noProxy->isChecked() ? m_noProxy : m_systemProxy;
}

void NetworkPreferencesPage::updateProxyFields()
{
    const bool manual = m_manualProxy->isChecked();
    for (QWidget *widget : QList<QWidget *> { m_hostLabel, m_host, m_portLabel, m_port })
        widget->setEnabled(manual);
}

void NetworkPreferencesPage::browseCaBundle()
{
    const QString current = caBundleFile();
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Choose the CA bundle file"),
        current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
        tr("Certificates (*.pem *.crt *.cer *.der);;PEM certificates (*.pem *.crt *.cer);;"
           "DER certificates (*.der *.cer *.crt);;All files (*)"));
    if (!file.isEmpty())
        m_caBundle->setText(QDir::toNativeSeparators(file));
    m_caBundle->setFocus(Qt::OtherFocusReason);
}

} // namespace Care360
