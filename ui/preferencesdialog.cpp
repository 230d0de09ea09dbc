#include "preferencesdialog.h"

#include "networkpreferencespage.h"
#include "preferencesform.h"
#include "qtcompatwidgets.h"
#include "statepalette.h"

#include "app/api/apijob.h"
#include "app/session/autostart.h"
#include "app/session/preferences.h"
#include "care360/version.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Care360 {

// Everything the dialog shows; a default-made one holds the defaults (Restore Defaults).
struct PreferencesDialog::Choices {
    ProxyChoice proxy;
    QString caBundleFile;
    int deadlineSeconds = int(ApiJobSettings::defaultDeadline.count());
    int followUpHour = Preferences::defaultFollowUpHour;
    int dueSoonHours = Preferences::defaultDueSoonHours;
    bool followUpReminders = true;
    bool startAtLogin = false;
    int followUpKeepDays = Preferences::defaultFollowUpKeepDays;
    int refreshPerMinute = Preferences::defaultRefreshPerMinute;
    QString myEmail;
    bool confirmProductionSend = true;
    bool listBeforeSend = true;
    QString language;
};

using namespace PreferencesForm;

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    setAccessibleName(windowTitle());

    m_pages = named(new QTabWidget(this), "preferencesPages", tr("Preferences pages"));
    m_pages->tabBar()->setObjectName(QStringLiteral("preferencesTabBar"));
    m_pages->tabBar()->setAccessibleName(tr("Preferences pages"));
    m_network = new NetworkPreferencesPage(this);
    m_pages->addTab(m_network, tr("&Network"));
    m_pages->addTab(createFollowUpPage(), tr("&Follow-ups"));
    m_pages->addTab(createConfirmationPage(), tr("Conf&irmations"));
    m_pages->addTab(createLanguagePage(), tr("Lan&guage"));

    m_problem = hintLabel(QString(), this, "preferencesProblemLabel");
    m_problem->hide();
    StatePalette::follow(m_problem, [this] {
        QPalette pal; // nothing of its own, so the rest follows the dialog's palette
        pal.setColor(QPalette::WindowText,
                     StatePalette::text(palette(), StatePalette::State::Error));
        m_problem->setPalette(pal);
    });

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->setObjectName(QStringLiteral("preferencesButtons"));
    const QList<QPair<QDialogButtonBox::StandardButton, const char *>> standard {
        { QDialogButtonBox::Ok, "preferencesOkButton" },
        { QDialogButtonBox::Cancel, "preferencesCancelButton" },
        { QDialogButtonBox::RestoreDefaults, "restoreDefaultsButton" },
    };
    for (const auto &[which, name] : standard)
        named(buttons->button(which), name, buttons->button(which)->text().remove(u'&'));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    // Only the widgets: nothing is saved before OK.
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                fill(Choices());
                m_problem->hide();
            });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    const Preferences preferences;
    Choices saved;
    saved.proxy = preferences.proxy();
    saved.caBundleFile = preferences.caBundleFile();
    saved.deadlineSeconds = int(preferences.requestDeadline().count());
    saved.followUpHour = preferences.followUpHour();
    saved.dueSoonHours = preferences.dueSoonHours();
    saved.followUpReminders = preferences.followUpReminders();
    saved.startAtLogin = Autostart::isEnabled(QStringLiteral(CARE360_APP_ID));
    saved.followUpKeepDays = preferences.followUpKeepDays();
    saved.refreshPerMinute = preferences.refreshPerMinute();
    saved.myEmail = preferences.myEmail();
    saved.confirmProductionSend = preferences.confirmProductionSend();
    saved.listBeforeSend = preferences.listBeforeSend();
    saved.language = preferences.language();
    m_startAtLoginShown = saved.startAtLogin;
    fill(saved);
    // The chosen proxy setting first: Tab leads on through the network page.
    m_network->chosenProxyButton()->setFocus();
}

QWidget *PreferencesDialog::createFollowUpPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("followUpPage"));
    m_followUpHour = named(new NumberSpinBox(page), "followUpHourSpin",
                           tr("Default hour for new follow-up dates"));
    m_followUpHour->setRange(0, 23);
    m_followUpHour->setSuffix(QStringLiteral(":00")); // read as a time of day: 9:00, 14:00
    m_dueSoonHours =
        named(new NumberSpinBox(page), "dueSoonHoursSpin", tr("Due soon window in hours"));
    m_dueSoonHours->setRange(1, 24 * 14);
    m_reminders = named(new QCheckBox(tr("&Remind me when a follow-up comes due"), page),
                        "followUpRemindersCheck", tr("Remind me when a follow-up comes due"));
    m_autostart = named(new QCheckBox(tr("S&tart the console when I log in"), page),
                        "startAtLoginCheck", tr("Start the console when I log in"));
    m_keepDays = named(new NumberSpinBox(page), "followUpKeepDaysSpin",
                       tr("Keep follow-ups of cases listed within this many days"));
    m_keepDays->setRange(1, 3650);
    m_refreshPerMinute = named(new NumberSpinBox(page), "refreshPerMinuteSpin",
                               tr("Refresh all: cases listed per minute at most"));
    m_refreshPerMinute->setRange(1, 60);
    m_myEmail = named(new QLineEdit(page), "myEmailEdit", tr("My Care360 e-mail"));
    m_myEmail->setPlaceholderText(tr("you@example.com"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(buddyLabel(tr("Default &hour for new follow-up dates:"), m_followUpHour,
                            "followUpHourLabel"),
                 m_followUpHour);
    form->addRow(hintLabel(tr("A date typed without a time, such as “tomorrow”, gets this hour."),
                           page, "followUpHourHint"));
    form->addRow(buddyLabel(tr("Due &soon window (hours):"), m_dueSoonHours, "dueSoonHoursLabel"),
                 m_dueSoonHours);
    form->addRow(hintLabel(tr("Follow-ups due within this many hours are marked “due soon”."), page,
                           "dueSoonHoursHint"));
    form->addRow(m_reminders);
    form->addRow(hintLabel(tr("A desktop notification names the escalation's title, the "
                              "organisation and the time, never a note."),
                           page, "followUpRemindersHint"));
    form->addRow(m_autostart);
    form->addRow(
        hintLabel(tr("Reminders arrive only while the console runs."), page, "startAtLoginHint"));
    form->addRow(buddyLabel(tr("&Keep follow-ups of cases listed within (days):"), m_keepDays,
                            "followUpKeepDaysLabel"),
                 m_keepDays);
    form->addRow(buddyLabel(tr("Refresh all: cases &per minute at most:"), m_refreshPerMinute,
                            "refreshPerMinuteLabel"),
                 m_refreshPerMinute);
    form->addRow(buddyLabel(tr("&My Care360 e-mail:"), m_myEmail, "myEmailLabel"), m_myEmail);
    form->addRow(hintLabel(tr("“Assigned to me” in the Follow-ups view and the CLI's due "
                              "--mine."),
                           page, "myEmailHint"));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWidget *PreferencesDialog::createConfirmationPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("confirmationPage"));
    m_confirmProduction = new QCheckBox(tr("Ask before sending to &Production"), page);
    named(m_confirmProduction, "confirmProductionCheck", tr("Ask before sending to Production"));
    m_listBeforeSend = new QCheckBox(tr("&List the case again just before sending"), page);
    named(m_listBeforeSend, "listBeforeSendCheck", tr("List the case again just before sending"));
    // Under the box rather than in it: a check box does not wrap a longer translation.
    auto *listHint = hintLabel(tr("Finds a colleague's change first, so that it is not "
                                  "overwritten unseen."),
                               page, "listBeforeSendHint");
    m_listBeforeSend->setAccessibleDescription(listHint->text());
    auto *hintRow = new QHBoxLayout;
    hintRow->addSpacing(style()->pixelMetric(QStyle::PM_IndicatorWidth)
                        + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing));
    hintRow->addWidget(listHint, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_confirmProduction);
    layout->addWidget(m_listBeforeSend);
    layout->addLayout(hintRow);
    layout->addStretch(1);
    return page;
}

QWidget *PreferencesDialog::createLanguagePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("languagePage"));
    m_language = named(new QComboBox(page), "languageCombo", tr("Console language"));
    m_language->addItem(tr("System language"), QString());
    // Each language in its own words, so that someone who cannot read the current one finds it.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Español"), QStringLiteral("es"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(buddyLabel(tr("&Language:"), m_language, "languageLabel"), m_language);
    form->addRow(hintLabel(tr("The console changes language the next time it starts."), page,
                           "languageHint"));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

void PreferencesDialog::fill(const Choices &choices)
{
    m_network->setValues(choices.proxy, choices.caBundleFile, choices.deadlineSeconds);
    m_followUpHour->setValue(choices.followUpHour);
    m_dueSoonHours->setValue(choices.dueSoonHours);
    m_reminders->setChecked(choices.followUpReminders);
    m_autostart->setChecked(choices.startAtLogin);
    m_keepDays->setValue(choices.followUpKeepDays);
    m_refreshPerMinute->setValue(choices.refreshPerMinute);
    m_myEmail->setText(choices.myEmail);
    m_confirmProduction->setChecked(choices.confirmProductionSend);
    m_listBeforeSend->setChecked(choices.listBeforeSend);
    m_language->setCurrentIndex(qMax(0, m_language->findData(choices.language)));
}

PreferencesDialog::Choices PreferencesDialog::chosen() const
{
    Choices choices;
    choices.proxy = m_network->proxy();
    choices.caBundleFile = m_network->caBundleFile();
    choices.deadlineSeconds = m_network->deadlineSeconds();
    choices.followUpHour = m_followUpHour->value();
    choices.dueSoonHours = m_dueSoonHours->value();
    choices.followUpReminders = m_reminders->isChecked();
    choices.startAtLogin = m_autostart->isChecked();
    choices.followUpKeepDays = m_keepDays->value();
    choices.refreshPerMinute = m_refreshPerMinute->value();
    choices.myEmail = m_myEmail->text().trimmed();
    choices.confirmProductionSend = m_confirmProduction->isChecked();
    choices.listBeforeSend = m_listBeforeSend->isChecked();
    choices.language = m_language->currentData().toString();
    return choices;
}

void PreferencesDialog::showProblem(const QString &sentence, QWidget *field)
{
    m_problem->setText(sentence);
    m_problem->show();
    for (int page = 0; page < m_pages->count(); ++page) {
        if (m_pages->widget(page)->isAncestorOf(field))
            m_pages->setCurrentIndex(page);
    }
    field->setFocus(Qt::OtherFocusReason);
    // Selected, so that the correction replaces it (the field may have had the focus already).
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        edit->selectAll();
    else if (auto *spin = qobject_cast<QAbstractSpinBox *>(field))
        spin->selectAll();
    QtCompat::announce(m_problem, sentence);
}

void PreferencesDialog::accept()
{
    QWidget *field = nullptr;
    const QString sentence = m_network->problem(&field);
    if (!sentence.isEmpty())
        return showProblem(sentence, field);
    const QString email = m_myEmail->text().trimmed();
    if (!email.isEmpty() && (!email.contains(QLatin1Char('@')) || email.contains(QLatin1Char(' '))))
        return showProblem(tr("“%1” is not an e-mail address: type the one you sign in to "
                              "Care360 with, or leave it empty.")
                               .arg(email),
                           m_myEmail);

    const Choices choices = chosen();
    // The entry is the desktop's, not this dialog's: the desktop's own start-up settings or a
    // file manager may have changed it since the box was shown. Only the agent's change goes.
    QString autostartProblem;
    if (choices.startAtLogin != m_startAtLoginShown
        && !Autostart::setEnabled(choices.startAtLogin, QStringLiteral(CARE360_APP_ID),
                                  QStringLiteral(CARE360_APP_NAME), &autostartProblem))
        return showProblem(autostartProblem, m_autostart);
    Preferences preferences;
    preferences.setProxy(choices.proxy);
    preferences.setCaBundleFile(choices.caBundleFile);
    preferences.setRequestDeadline(std::chrono::seconds(choices.deadlineSeconds));
    preferences.setFollowUpHour(choices.followUpHour);
    preferences.setDueSoonHours(choices.dueSoonHours);
    preferences.setFollowUpReminders(choices.followUpReminders);
    preferences.setFollowUpKeepDays(choices.followUpKeepDays);
    preferences.setRefreshPerMinute(choices.refreshPerMinute);
    preferences.setMyEmail(choices.myEmail);
    preferences.setConfirmProductionSend(choices.confirmProductionSend);
    preferences.setListBeforeSend(choices.listBeforeSend);
    preferences.setLanguage(choices.language);
    QDialog::accept();
}

} // namespace Care360
