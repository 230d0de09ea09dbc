#include "preferences.h"

#include "app/api/apijob.h"

namespace Care360 {

namespace {
const QString kProxyMode = QStringLiteral("network/proxyMode");
const QString kProxyHost = QStringLiteral("network/proxyHost");
const QString kProxyPort = QStringLiteral("network/proxyPort");
const QString kCaBundle = QStringLiteral("network/caBundleFile");
const QString kDeadline = QStringLiteral("network/requestDeadlineSeconds");
const QString kFollowUpHour = QStringLiteral("followUp/defaultHour");
const QString kDueSoonHours = QStringLiteral("followUp/dueSoonHours");
const QString kKeepDays = QStringLiteral("followUps/keepDays");
const QString kReminders = QStringLiteral("followUps/reminders");
const QString kRefreshPerMinute = QStringLiteral("followUps/refreshPerMinute");
const QString kMyEmail = QStringLiteral("followUps/myEmail");
const QString kConfirmProduction = QStringLiteral("safety/confirmProductionSend");
const QString kListBeforeSend = QStringLiteral("safety/listBeforeSend");
const QString kLanguage = QStringLiteral("ui/language");

// The settings file is the agent's to edit: anything unusable means the default.
int intIn(const QSettings &settings, const QString &key, int low, int high, int fallback)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok && value >= low && value <= high ? value : fallback;
}
} // namespace

ProxyChoice Preferences::proxy() const
{
    ProxyChoice choice;
    const QString mode = m_settings.value(kProxyMode).toString();
    const QString host = m_settings.value(kProxyHost).toString().trimmed();
    const int port = intIn(m_settings, kProxyPort, 1, 65535, 0);
    if (mode == QLatin1String("none")) {
        choice.mode = ProxyChoice::Mode::None;
    } else if (mode == QLatin1String("manual") && !host.isEmpty() && port != 0) {
        choice.mode = ProxyChoice::Mode::Manual;
        choice.host = host;
        choice.port = quint16(port);
    }
    return choice;
}

void Preferences::setProxy(const ProxyChoice &choice)
{
    switch (choice.mode) {
    case ProxyChoice::Mode::System:
        m_settings.remove(kProxyMode);
        break;
    case ProxyChoice::Mode::None:
        m_settings.setValue(kProxyMode, QStringLiteral("none"));
        break;
    case ProxyChoice::Mode::Manual:
        m_settings.setValue(kProxyMode, QStringLiteral("manual"));
        break;
    }
    if (choice.mode == ProxyChoice::Mode::Manual) {
        m_settings.setValue(kProxyHost, choice.host.trimmed());
        m_settings.setValue(kProxyPort, int(choice.port));
    } else {
        m_settings.remove(kProxyHost);
        m_settings.remove(kProxyPort);
    }
}

QString Preferences::caBundleFile() const
{
    return m_settings.value(kCaBundle).toString();
}

void Preferences::setCaBundleFile(const QString &file)
{
    if (file.trimmed().isEmpty())
        m_settings.remove(kCaBundle);
    else
        m_settings.setValue(kCaBundle, file.trimmed());
}

std::chrono::seconds Preferences::requestDeadline() const
{
    const auto fallback = int(ApiJobSettings::defaultDeadline.count());
    return std::chrono::seconds(intIn(m_settings, kDeadline, 1, 3600, fallback));
}

void Preferences::setRequestDeadline(std::chrono::seconds deadline)
{
    m_settings.setValue(kDeadline, qint64(deadline.count()));
}

int Preferences::followUpHour() const
{
    return intIn(m_settings, kFollowUpHour, 0, 23, defaultFollowUpHour);
}

void Preferences::setFollowUpHour(int hour)
{
    m_settings.setValue(kFollowUpHour, hour);
}

int Preferences::dueSoonHours() const
{
    return intIn(m_settings, kDueSoonHours, 1, 24 * 14, defaultDueSoonHours);
}

void Preferences::setDueSoonHours(int hours)
{
    m_settings.setValue(kDueSoonHours, hours);
}

int Preferences::followUpKeepDays() const
{
    return intIn(m_settings, kKeepDays, 1, 3650, defaultFollowUpKeepDays);
}

void Preferences::setFollowUpKeepDays(int days)
{
    m_settings.setValue(kKeepDays, days);
}

bool Preferences::followUpReminders() const
{
    return m_settings.value(kReminders, true).toBool();
}

void Preferences::setFollowUpReminders(bool remind)
{
    m_settings.setValue(kReminders, remind);
}

int Preferences::refreshPerMinute() const
{
    return intIn(m_settings, kRefreshPerMinute, 1, 60, defaultRefreshPerMinute);
}

void Preferences::setRefreshPerMinute(int perMinute)
{
    m_settings.setValue(kRefreshPerMinute, perMinute);
}

QString Preferences::myEmail() const
{
    return m_settings.value(kMyEmail).toString().trimmed();
}

void Preferences::setMyEmail(const QString &email)
{
    m_settings.setValue(kMyEmail, email.trimmed());
}

bool Preferences::confirmProductionSend() const
{
    return m_settings.value(kConfirmProduction, true).toBool();
}

void Preferences::setConfirmProductionSend(bool confirm)
{
    m_settings.setValue(kConfirmProduction, confirm);
}

bool Preferences::listBeforeSend() const
{
    return m_settings.value(kListBeforeSend, true).toBool();
}

void Preferences::setListBeforeSend(bool list)
{
    m_settings.setValue(kListBeforeSend, list);
}

QString Preferences::language() const
{
    const QString language = m_settings.value(kLanguage).toString();
    return language == QLatin1String("en") || language == QLatin1String("es") ? language
                                                                              : QString();
}

void Preferences::setLanguage(const QString &language)
{
    if (language.isEmpty())
        m_settings.remove(kLanguage);
    else
        m_settings.setValue(kLanguage, language);
}

} // namespace Care360
