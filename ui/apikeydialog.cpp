#include "apikeydialog.h"
#include "namedwidget.h"
#include "statepalette.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Care360 {

namespace {
// Qt gives a window its layout's minimum height, which ignores how tall wrapped labels get at the
// window's width: keep the dialog tall enough for every line of a long keychain error.
class WrappedHeightKeeper : public QObject {
public:
    explicit WrappedHeightKeeper(QWidget *window)
        : QObject(window)
    {
        setObjectName(QStringLiteral("wrappedHeightKeeper"));
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        auto *window = static_cast<QWidget *>(watched);
        if ((event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)
            && window->layout() && window->layout()->hasHeightForWidth()) {
            const int needed = window->layout()->totalMinimumHeightForWidth(window->width());
            if (needed > 0 && needed != window->minimumHeight())
                window->setMinimumHeight(needed);
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

ApiKeyDialog::ApiKeyDialog(CaseWorkspace *core, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
{
    // The key belongs to the organisation: its name leads, then the environment.
    const QString environmentName = core->profile().label();
    const QUrl baseUrl = core->environment().baseUrl;
    setObjectName(QStringLiteral("apiKeyDialog"));
    setWindowTitle(tr("API key for %1").arg(environmentName));
    setAccessibleName(windowTitle());

    m_environmentLabel = named(new QLabel(this), "environmentLabel", tr("Organisation"));
    m_environmentLabel->setTextFormat(Qt::RichText);
    m_environmentLabel->setText(
        tr("This key applies to <b>%1</b> only:<br>%2")
            .arg(environmentName.toHtmlEscaped(), baseUrl.toDisplayString().toHtmlEscaped()));
    m_environmentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_environmentLabel->setAccessibleDescription(
        tr("%1, %2").arg(environmentName, baseUrl.toDisplayString()));

    auto *keyLabel =
        named(new QLabel(tr("&API key (cv-api-key):"), this), "apiKeyLabel", tr("API key label"));
    m_keyEdit = named(new QLineEdit(this), "apiKeyEdit", tr("API key"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                   | Qt::ImhNoAutoUppercase | Qt::ImhHiddenText);
    m_keyEdit->setPlaceholderText(tr("Paste the key from the Care360 organisation settings"));
    m_keyEdit->setMinimumWidth(360);
    keyLabel->setBuddy(m_keyEdit);

    m_showKeyButton = named(new QToolButton(this), "showKeyButton", tr("Show key"));
    m_showKeyButton->setCheckable(true);
    m_showKeyButton->setText(tr("Show"));
    m_showKeyButton->setToolTip(tr("Show or hide the key while you check it"));
    connect(m_showKeyButton, &QToolButton::toggled, this, [this](bool shown) {
        m_keyEdit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKeyButton->setText(shown ? tr("Hide") : tr("Show"));
        m_showKeyButton->setAccessibleName(shown ? tr("Hide key") : tr("Show key"));
    });

    m_keychainStateLabel = named(new QLabel(this), "keychainStateLabel", tr("Keychain state"));
    m_keychainStateLabel->setWordWrap(true);
    m_statusLabel = named(new QLabel(this), "keyStatusLabel", tr("Key status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->hide();

    auto *buttons = named(new QDialogButtonBox(this), "apiKeyButtons", tr("Dialog buttons"));
    m_saveButton = named(new QPushButton(tr("&Save"), this), "saveKeyButton", tr("Save key"));
    m_forgetButton =
        named(new QPushButton(tr("&Forget key"), this), "forgetKeyButton", tr("Forget key"));
    m_forgetButton->setToolTip(tr("Remove the saved key of this environment from the keychain"));
    m_cancelButton = named(new QPushButton(tr("Cancel"), this), "cancelButton", tr("Cancel"));
    m_saveButton->setDefault(true);
    buttons->addButton(m_saveButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_forgetButton, QDialogButtonBox::DestructiveRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    // Buttons are wired one by one: Save must not close the dialog before the store answers.
    connect(m_saveButton, &QPushButton::clicked, this, &ApiKeyDialog::save);
    connect(m_forgetButton, &QPushButton::clicked, this, &ApiKeyDialog::forget);
    connect(m_cancelButton, &QPushButton::clicked, this, &ApiKeyDialog::reject);

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_showKeyButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_environmentLabel);
    layout->addWidget(keyLabel);
    layout->addLayout(keyRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_keychainStateLabel);
    layout->addWidget(buttons);

    new WrappedHeightKeeper(this);

    connect(m_core, &CaseWorkspace::keySaveFinished, this, &ApiKeyDialog::onKeySaved);
    connect(m_core, &CaseWorkspace::keyForgetFinished, this, &ApiKeyDialog::onKeyForgotten);
    updateKeychainState();
}

void ApiKeyDialog::save()
{
    if (m_pending != Pending::None)
        return;
    QString problem;
    const std::optional<QString> key = CaseWorkspace::normalizeKey(m_keyEdit->text(), &problem);
    if (!key) {
        showStatus(problem, true);
        m_keyEdit->setFocus();
        return;
    }
    setPending(Pending::Write);
    showStatus(tr("Saving the key in the system keychain…"), false);
    m_core->saveKey(*key);
}

void ApiKeyDialog::forget()
{
    if (m_pending != Pending::None)
        return;
    setPending(Pending::Remove);
    showStatus(tr("Removing the key from the system keychain…"), false);
    m_core->forgetKey();
}

void ApiKeyDialog::onKeySaved(const CaseWorkspace::KeyResult &result)
{
    if (m_pending != Pending::Write)
        return;
    setPending(Pending::None);
    updateKeychainState();
    if (result.ok) {
        accept(); // in memory only: the key state in the toolbar says it will not be remembered
        return;
    }
    showStatus(result.message, true); // the typed text stays for another try
}

void ApiKeyDialog::onKeyForgotten(const CaseWorkspace::KeyResult &result)
{
    if (m_pending != Pending::Remove)
        return;
    setPending(Pending::None);
    updateKeychainState();
    if (result.ok) {
        m_keyEdit->clear();
        showStatus(tr("The key for this environment is forgotten. Enter a new one or close this "
                      "window."),
                   false);
        return;
    }
    showStatus(result.message, true);
}

void ApiKeyDialog::setPending(Pending pending)
{
    m_pending = pending;
    const bool busy = pending != Pending::None;
    m_keyEdit->setReadOnly(busy);
    m_saveButton->setEnabled(!busy);
    m_forgetButton->setEnabled(!busy);
}

void ApiKeyDialog::showStatus(const QString &text, bool isError)
{
    m_statusLabel->setText(text);
    m_statusLabel->setProperty("error", isError);
    StatePalette::follow(m_statusLabel, [this, isError] {
        QPalette pal; // nothing of its own, so the rest follows the dialog's palette
        if (isError)
            pal.setColor(QPalette::WindowText,
                         StatePalette::text(palette(), StatePalette::State::Error));
        m_statusLabel->setPalette(pal);
    });
    m_statusLabel->setAccessibleDescription(text);
    m_statusLabel->show();
}

void ApiKeyDialog::updateKeychainState()
{
    const QString text = m_core->keyEntryDescription();
    m_keychainStateLabel->setText(text);
    m_keychainStateLabel->setAccessibleDescription(text);
}

} // namespace Care360
