#include "profilesdialog.h"
#include "namedwidget.h"

#include "announcer.h"
#include "statepalette.h"

#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/credentials/profilekeys.h"
#include "app/session/profilestore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Care360 {

ProfilesDialog::ProfilesDialog(ConsoleServices *services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_list(named(new QListWidget(this), "profilesList", tr("Organisations")))
    , m_name(named(new QLineEdit(this), "profileNameEdit", tr("Name")))
    , m_environment(named(new QComboBox(this), "profileEnvironmentCombo", tr("Environment")))
    , m_address(named(new QLineEdit(this), "profileAddressEdit", tr("Address")))
    , m_add(named(new QPushButton(tr("&Add"), this), "addProfileButton", tr("Add")))
    , m_rename(named(new QPushButton(tr("Re&name"), this), "renameProfileButton", tr("Rename")))
    , m_remove(named(new QPushButton(tr("&Remove…"), this), "removeProfileButton", tr("Remove")))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Organisations"));
    m_environment->addItem(Environment::production().displayName(),
                           int(Environment::Kind::Production));
    m_environment->addItem(Environment::staging().displayName(), int(Environment::Kind::Staging));
    m_environment->addItem(tr("Custom URL"), int(Environment::Kind::Custom));
    m_address->setPlaceholderText(QStringLiteral("https://"));
    m_message->setObjectName(QStringLiteral("profilesMessage"));
    m_message->setWordWrap(true);

    auto *intro = new QLabel(tr("Care360 gives each organisation its own API key. Add one "
                                "organisation for each client you serve; the selector in the "
                                "toolbar switches between them."),
                             this);
    intro->setWordWrap(true);
    auto *listLabel = new QLabel(tr("&Organisations:"), this);
    listLabel->setBuddy(m_list);

    auto *form = new QFormLayout;
    form->addRow(tr("Na&me:"), m_name);
    form->addRow(tr("&Environment:"), m_environment);
    form->addRow(tr("A&ddress:"), m_address);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->setObjectName(QStringLiteral("profilesButtons"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(listLabel);
    layout->addWidget(m_list);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(m_add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_rename, &QPushButton::clicked, this, &ProfilesDialog::renameProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfilesDialog::onSelectionChanged);
    connect(m_environment, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_address->setEnabled(Environment::Kind(m_environment->currentData().toInt())
                              == Environment::Kind::Custom);
    });
    // Enter in the name field adds, as the form's first button; Rename and Remove are asked for.
    connect(m_name, &QLineEdit::returnPressed, this, &ProfilesDialog::addProfile);
    connect(m_address, &QLineEdit::returnPressed, this, &ProfilesDialog::addProfile);
    m_address->setEnabled(false);
    resize(520, 420);
    reload();
}

void ProfilesDialog::reload(const QString &selectId)
{
    m_profiles = ProfileStore().profiles();
    m_list->clear();
    for (const Profile &profile : std::as_const(m_profiles)) {
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 (%2)").arg(profile.label(), profile.environment.baseUrl.host()),
            m_list);
        if (profile.id == selectId)
            m_list->setCurrentItem(item);
    }
    onSelectionChanged();
}

std::optional<Profile> ProfilesDialog::selected() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_profiles.size() ? std::optional<Profile>(m_profiles.at(row))
                                               : std::nullopt;
}

void ProfilesDialog::onSelectionChanged()
{
    const std::optional<Profile> profile = selected();
    m_rename->setEnabled(profile.has_value());
    m_remove->setEnabled(profile.has_value());
    if (profile)
        m_name->setText(profile->name);
}

void ProfilesDialog::say(const QString &sentence, bool problem)
{
    m_message->setText(sentence);
    const QPalette pal = palette();
    QPalette shown = m_message->palette();
    shown.setColor(QPalette::WindowText,
                   problem ? StatePalette::text(pal, StatePalette::State::Error)
                           : pal.color(QPalette::WindowText));
    m_message->setPalette(shown);
    Announcer::say(m_message, sentence);
}

void ProfilesDialog::addProfile()
{
    const auto kind = Environment::Kind(m_environment->currentData().toInt());
    // Credentials, query and fragment never belong in a base URL that is stored and shown.
    const QUrl url = QUrl::fromUserInput(m_address->text().trimmed())
                         .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (kind == Environment::Kind::Custom && (!url.isValid() || url.host().isEmpty())) {
        say(tr("Enter the address of the Care360 API, such as https://care360.example.org."), true);
        return;
    }
    QString problem;
    const auto added =
        ProfileStore().add(m_name->text(), Environment::fromKind(kind, url), &problem);
    if (!added) {
        say(problem, true);
        return;
    }
    m_addedId = added->id;
    reload(added->id);
    m_services->notifyProfilesChanged();
    say(tr("%1 was added. Choose it in the toolbar and enter its API key.").arg(added->label()),
        false);
}

void ProfilesDialog::renameProfile()
{
    const std::optional<Profile> chosen = selected();
    if (!chosen)
        return;
    const Profile profile = *chosen;
    QString problem;
    if (!ProfileStore().rename(profile.id, m_name->text(), &problem)) {
        say(problem, true);
        return;
    }
    reload(profile.id);
    m_services->notifyProfilesChanged();
    say(tr("Renamed to %1.").arg(m_name->text().trimmed()), false);
}

void ProfilesDialog::removeProfile()
{
    const std::optional<Profile> chosen = selected();
    if (!chosen)
        return;
    const Profile profile = *chosen;
    for (const CaseWorkspace *workspace : m_services->workspaces()) {
        if (workspace->profile().id == profile.id) {
            say(tr("%1 is open in a window. Switch that window to another organisation first, so "
                   "that no unsent change is left without its organisation.")
                    .arg(profile.label()),
                true);
            return;
        }
    }
    QMessageBox question(QMessageBox::Warning, tr("Remove organisation"),
                         tr("Remove %1? Its API key is deleted from the system keychain, and its "
                            "recent cases and team directory from this computer.")
                             .arg(profile.label()),
                         QMessageBox::Cancel, this);
    question.setObjectName(QStringLiteral("removeProfileQuestion"));
    QPushButton *remove = question.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveProfileButton"));
    question.setDefaultButton(QMessageBox::Cancel);
    question.exec();
    if (question.clickedButton() != remove)
        return;
    ProfileKeys *keys = m_services->profileKeys();
    auto *once = new QObject(this);
    connect(
        keys, &ProfileKeys::removeFinished, once,
        [this, once, profile](const QString &id, const CredentialResult &result) {
            if (id != profile.id)
                return;
            once->deleteLater();
            using Status = CredentialResult::Status;
            if (result.status != Status::Ok && result.status != Status::NotFound) {
                // Kept, so that its key is not left behind without a way to delete it.
                say(tr("%1 was not removed: %2").arg(profile.label(), result.userMessage()), true);
                return;
            }
            QString problem;
            if (!ProfileStore().remove(profile.id, &problem)) {
                say(tr("The API key of %1 was deleted, but the organisation stays in the list. %2")
                        .arg(profile.label(), problem),
                    true);
                return;
            }
            reload();
            m_services->notifyProfilesChanged();
            say(tr("%1 and its API key were removed.").arg(profile.label()), false);
        });
    keys->remove(profile);
}

} // namespace Care360

#include "moc_profilesdialog.cpp"
