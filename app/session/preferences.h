#pragma once

#include <QSettings>
#include <QString>

#include <chrono>

namespace Care360 {

// How requests reach the Internet: the system's configuration (libproxy on Linux, the OS
// settings elsewhere; https_proxy and no_proxy included), no proxy, or one given by hand.
struct ProxyChoice {
    enum class Mode { System, None, Manual };
    Mode mode = Mode::System;
    QString host; // Manual only
    quint16 port = 0; // Manual only

    bool operator==(const ProxyChoice &other) const
    {
        return mode == other.mode && host == other.host && port == other.port;
    }
    bool operator!=(const ProxyChoice &other) const { return !(*this == other); }
};

// What the agent chooses in Settings › Preferences (and the command line reads too): network,
// follow-ups, confirmations and language. Never a secret: the proxy login lives in the keychain.
class Preferences {
public:
    Preferences() = default;

    ProxyChoice proxy() const;
    void setProxy(const ProxyChoice &choice);
    // A PEM or DER file of the organisation's certificate authorities (TLS inspection), added
    // to the system's roots; empty for none.
    QString caBundleFile() const;
    void setCaBundleFile(const QString &file);
    // The longest a request may take in all (default 60 s, 1 s to 1 h).
    std::chrono::seconds requestDeadline() const;
    void setRequestDeadline(std::chrono::seconds deadline);

    // The working hour a new follow-up date gets (local time), 9 unless set.
    int followUpHour() const;
    void setFollowUpHour(int hour);
    // How far ahead a follow-up counts as due soon (hours, default 24).
    int dueSoonHours() const;
    void setDueSoonHours(int hours);

    // Follow-ups of cases not listed for this many days leave the local record (default 30).
    int followUpKeepDays() const;
    void setFollowUpKeepDays(int days);
    // A desktop notification when a follow-up in the record comes due (default on).
    bool followUpReminders() const;
    void setFollowUpReminders(bool remind);
    // "Refresh all" lists at most this many cases a minute (default 6, 1 to 60).
    int refreshPerMinute() const;
    void setRefreshPerMinute(int perMinute);
    // The agent's own Care360 e-mail: "assigned to me" in the Follow-ups view and the CLI's due.
    QString myEmail() const;
    void setMyEmail(const QString &email);

    bool confirmProductionSend() const;
    void setConfirmProductionSend(bool confirm);
    // List the case just before each send to find a colleague's change first (default on).
    bool listBeforeSend() const;
    void setListBeforeSend(bool list);

    // "en", "es", or empty for the system's language; read at start.
    QString language() const;
    void setLanguage(const QString &language);

    static constexpr int defaultFollowUpHour = 9;
    static constexpr int defaultDueSoonHours = 24;
    static constexpr int defaultFollowUpKeepDays = 30;
    static constexpr int defaultRefreshPerMinute = 6;

private:
    mutable QSettings m_settings;
};

} // namespace Care360
