#include "credentialresult.h"

#include "models/untrustedtext.h"

#include <qt6keychain/keychain.h>

#include <QRegularExpression>

namespace Care360 {

namespace {
// libsecret/D-Bus texts meaning "nobody provides org.freedesktop.secrets" or "no session bus".
bool meansNoBackend(const QString &text)
{
    static const char *const markers[] = {
        "not provided by any .service files",
        "Cannot autolaunch D-Bus",
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "Could not connect",
        "Failed to execute program",
    };
    for (const char *marker : markers) {
        if (text.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool meansLocked(const QString &text)
{
    static const QRegularExpression locked(QStringLiteral("\\block(ed)?\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    return locked.match(text).hasMatch();
}

// The backend's words in terms an agent knows: D-Bus error names and daemon jargon become a
// phrase; anything else is kept (capped, control characters shown), since it may help support.
QString withDetail(const QString &detail)
{
    if (detail.isEmpty())
        return CredentialResult::tr("no details given");
    const auto says = [&detail](const char *text) {
        return detail.contains(QLatin1String(text), Qt::CaseInsensitive);
    };
    if (says("ServiceUnknown") || says("not provided by any .service files"))
        return CredentialResult::tr("the keychain service is not running");
    if (says("NoReply") || says("Timeout") || says("timed out"))
        return CredentialResult::tr("the keychain did not answer in time");
    if (says("autolaunch") || says("session bus") || says("DBUS_SESSION_BUS_ADDRESS")
        || says("Could not connect"))
        return CredentialResult::tr("this session has no connection to a keychain");
    if (says("dismissed") || says("cancel"))
        return CredentialResult::tr("the unlock prompt was dismissed");
    QString plain = detail;
    // "org.freedesktop.DBus.Error.Foo: text" -> "text"
    static const QRegularExpression dbusName(
        QStringLiteral("^[a-zA-Z0-9_.]+\\.Error\\.[A-Za-z]+:\\s*"));
    plain.remove(dbusName);
    return UntrustedText::shown(plain.trimmed().isEmpty() ? detail : plain.trimmed());
}
} // namespace

CredentialResult::Status CredentialResult::classify(int keychainError, const QString &errorText)
{
    switch (keychainError) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Status::NoBackend;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        // libsecret reports a locked collection as AccessDenied.
        return meansLocked(errorText) ? Status::Locked : Status::AccessDenied;
    default:
        break;
    }
    if (meansNoBackend(errorText))
        return Status::NoBackend;
    if (meansLocked(errorText))
        return Status::Locked;
    return Status::OtherError;
}

QString CredentialResult::backendChoices()
{
    return tr("GNOME Keyring, KWallet with its Secret Service interface or KeePassXC's Secret "
              "Service integration (the macOS Keychain and the Windows Credential Manager are used "
              "automatically)");
}

QString CredentialResult::installHint()
{
    return tr("To remember it, install or enable %1, then enter the key again.")
        .arg(backendChoices());
}

QString CredentialResult::notRememberedMessage(const QString &detail)
{
    return tr("Your key will not be remembered: no keychain is available (%1).")
               .arg(withDetail(detail))
        + QLatin1Char(' ') + installHint();
}

QString CredentialResult::userMessage() const
{
    switch (status) {
    case Status::Ok:
        if (operation == Operation::Write)
            return tr("The API key is saved in the system keychain.");
        if (operation == Operation::Remove)
            return tr("The API key was removed from the system keychain.");
        if (inMemoryOnly)
            return tr("An API key is kept in memory for this session only; it will not be "
                      "remembered.");
        return tr("An API key is saved in the system keychain for this environment.");
    case Status::NotFound:
        if (operation == Operation::Remove)
            return tr("No API key was saved for this environment.");
        return tr("No API key is saved for this environment yet. Enter one to connect.");
    case Status::NoBackend:
        if (inMemoryOnly && operation == Operation::Write)
            return tr("Your key will not be remembered: no keychain is available (%1). It is kept "
                      "in memory until you close the console.")
                       .arg(withDetail(detail))
                + QLatin1Char(' ') + installHint();
        if (inMemoryOnly && operation == Operation::Remove)
            return tr("The API key kept in memory for this session was forgotten; no keychain is "
                      "available (%1).")
                .arg(withDetail(detail));
        return tr("No keychain is available (%1). Install or enable %2, then try again.")
            .arg(withDetail(detail), backendChoices());
    case Status::AccessDenied:
        return tr("Access to the system keychain was denied (%1). Allow Care360 Escalations to use "
                  "the keychain when it asks, or check the keychain's access settings, then try "
                  "again.")
            .arg(withDetail(detail));
    case Status::Locked:
        return tr("The keychain is locked. Unlock your keyring, for example in Passwords and Keys "
                  "or by logging in again, then try again.");
    case Status::OtherError:
        break;
    }
    return tr("The system keychain reported an error: %1. Try again; if it keeps failing, check "
              "the keychain application.")
        .arg(withDetail(detail));
}

QString CredentialResult::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("Ok");
    case Status::NotFound:
        return QStringLiteral("NotFound");
    case Status::NoBackend:
        return QStringLiteral("NoBackend");
    case Status::AccessDenied:
        return QStringLiteral("AccessDenied");
    case Status::Locked:
        return QStringLiteral("Locked");
    case Status::OtherError:
        break;
    }
    return QStringLiteral("OtherError");
}

} // namespace Care360
