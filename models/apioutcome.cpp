#include "apioutcome.h"

#include "untrustedtext.h"

#include <QCoreApplication>

namespace Care360 {

namespace {
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Care360::ApiOutcome", text, disambiguation, n);
}
} // namespace

bool ApiOutcome::isRetryable() const
{
    switch (kind) {
    case Kind::TimedOut:
    case Kind::ConnectionFailed:
    case Kind::Cancelled:
    case Kind::ProxyLoginNeeded: // trying again asks for the login
        return true;
    case Kind::UnexpectedResponse:
        return httpStatus == 0 || httpStatus == 429 || httpStatus >= 500
            || (httpStatus >= 200 && httpStatus < 300);
    default:
        return false;
    }
}

QString ApiOutcome::userMessage(Audience audience, bool changesPending) const
{
    // Everything the server or the network stack wrote goes in capped and made visible.
    using UntrustedText::shown;
    // With changes kept, or without: the CLI keeps none, nor a console that has none pending.
    const auto say = [audience, changesPending](const QString &kept, const QString &plain) {
        return audience == Audience::Console && changesPending ? kept : plain;
    };
    // Where the agent can act: the console's Preferences, or the CLI's options.
    const auto forAudience = [audience](const QString &console, const QString &cli) {
        return audience == Audience::Console ? console : cli;
    };
    switch (kind) {
    case Kind::Updated:
        return tr("Changes saved; the case has %Ln active escalation(s).", nullptr,
                  int(escalations.size()));
    case Kind::Listed:
        return tr("%Ln active escalation(s) loaded.", nullptr, int(escalations.size()));
    case Kind::EscalationsNotFound:
        return say(tr("%Ln escalation(s) are no longer active (completed or removed elsewhere); "
                      "the list has been refreshed and your other changes are kept.",
                      nullptr, int(missingIds.size())),
                   tr("%Ln escalation(s) are no longer active (completed or removed elsewhere); "
                      "the list has been refreshed.",
                      nullptr, int(missingIds.size())));
    case Kind::ValidationFailed:
        return itemIndex >= 0
            ? tr("Change %1 was refused: %2.").arg(itemIndex + 1).arg(shown(validationMessage))
            : tr("The request was refused: %1.").arg(shown(validationMessage));
    case Kind::AssigneeNotFound:
        return tr("No assignable Care360 user has the e-mail %1 in this organisation; check the "
                  "address or choose another assignee.")
            .arg(shown(email));
    case Kind::CaseNotFound:
        return tr("Care360 has no case with this ID; check the case ID.");
    case Kind::PermissionDenied:
        return tr("This case belongs to another organisation than your API key; use that "
                  "organisation's key.");
    case Kind::InvalidApiKey:
        return tr("Care360 did not accept the API key for this environment; enter a valid key.");
    case Kind::TimedOut:
        if (mayHaveArrived)
            return say(tr("Care360 did not answer in time; the changes may have been applied. "
                          "They stay pending: send them again to be sure."),
                       tr("Care360 did not answer in time."));
        return say(tr("Care360 did not answer in time; your changes are kept, try again."),
                   tr("Care360 did not answer in time."));
    case Kind::ConnectionFailed:
        if (mayHaveArrived)
            return say(
                tr("The connection to Care360 broke before it answered (%1); the changes "
                   "may have been applied. They stay pending: send them again to be sure.")
                    .arg(shown(detail)),
                tr("The connection to Care360 broke before it answered (%1).").arg(shown(detail)));
        // Sent whole and then cut off: Care360 (or a proxy) was reached, not the network lost.
        if (requestSent)
            return say(tr("The connection closed before Care360 answered (%1); your changes are "
                          "kept, try again."),
                       tr("The connection closed before Care360 answered (%1); try again."))
                .arg(shown(detail));
        return tr("Could not reach Care360 (%1); check the network and try again.")
            .arg(shown(detail));
    case Kind::TlsFailed:
        // Healthcare organisations often inspect TLS: their proxy's certificate authority is
        // then the missing piece, and the agent can add it without turning verification off.
        return forAudience(
                   tr("The secure connection to Care360 could not be verified (%1); nothing was "
                      "sent. If your organisation inspects secure traffic, add its certificate "
                      "authority in Settings › Preferences › Network."),
                   tr("The secure connection to Care360 could not be verified (%1); nothing was "
                      "sent. If your organisation inspects secure traffic, give its certificate "
                      "authority with --ca-file FILE or SSL_CERT_FILE."))
            .arg(shown(detail));
    case Kind::ProxyLoginNeeded:
        return forAudience(
                   tr("The proxy %1 asks for a login that was not given or was not accepted; "
                      "nothing reached Care360. Try again to enter the proxy login."),
                   tr("The proxy %1 asks for a login that was not given or was not accepted; "
                      "nothing reached Care360. Give it in the proxy variable "
                      "(http://user:password@%1) or save it once in the console."))
            .arg(shown(detail));
    case Kind::Cancelled:
        return say(tr("The request was cancelled; your changes are kept."),
                   tr("The request was cancelled."));
    case Kind::TooLarge:
        return tr("Care360 sent an answer too large to be genuine; it was discarded.");
    case Kind::Conflict:
        return tr("Someone else changed %Ln field(s) you edited on Care360 since you began; each "
                  "is marked Conflict. Keep yours or take theirs, then send again. Nothing was "
                  "sent.",
                  nullptr, conflicts);
    case Kind::Refused:
        // With a status the request did reach the server, which answered with a redirect.
        return httpStatus == 0 ? tr("The request was not sent: %1").arg(shown(detail))
                               : tr("The redirect was not followed: %1").arg(shown(detail));
    case Kind::UnexpectedResponse:
        break;
    }
    if (httpStatus == 0)
        return say(tr("Care360 answered with something the console cannot read; your changes "
                      "are kept."),
                   tr("Care360 answered with something that cannot be read."));
    if (httpStatus == 429) {
        // The server's own words when it gave any (api-notes: rate limits are undocumented).
        const QString why = serverError.isEmpty() ? tr("too many requests") : shown(serverError);
        return retryAfterSeconds > 0
            ? say(tr("Care360 asks to slow down (%1); try again in %Ln second(s). Your changes "
                     "are kept.",
                     nullptr, retryAfterSeconds),
                  tr("Care360 asks to slow down (%1); try again in %Ln second(s).", nullptr,
                     retryAfterSeconds))
                  .arg(why)
            : say(tr("Care360 asks to slow down (%1); try again shortly. Your changes are kept."),
                  tr("Care360 asks to slow down (%1); try again shortly."))
                  .arg(why);
    }
    const QString text = shown(!serverError.isEmpty() ? serverError : message);
    return text.isEmpty()
        ? say(tr("Care360 answered with an unexpected response (HTTP %1); your changes are "
                 "kept."),
              tr("Care360 answered with an unexpected response (HTTP %1)."))
              .arg(httpStatus)
        : say(tr("Care360 answered \"%1\" (HTTP %2); your changes are kept."),
              tr("Care360 answered \"%1\" (HTTP %2)."))
              .arg(text)
              .arg(httpStatus);
}

QString ApiOutcome::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Updated:
        return QStringLiteral("updated");
    case Kind::Listed:
        return QStringLiteral("listed");
    case Kind::EscalationsNotFound:
        return QStringLiteral("escalations-not-found");
    case Kind::ValidationFailed:
        return QStringLiteral("validation-failed");
    case Kind::AssigneeNotFound:
        return QStringLiteral("assignee-not-found");
    case Kind::CaseNotFound:
        return QStringLiteral("case-not-found");
    case Kind::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Kind::InvalidApiKey:
        return QStringLiteral("invalid-api-key");
    case Kind::UnexpectedResponse:
        return QStringLiteral("unexpected-response");
    case Kind::TimedOut:
        return QStringLiteral("timed-out");
    case Kind::ConnectionFailed:
        return QStringLiteral("connection-failed");
    case Kind::TlsFailed:
        return QStringLiteral("tls-failed");
    case Kind::ProxyLoginNeeded:
        return QStringLiteral("proxy-login-needed");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::TooLarge:
        return QStringLiteral("too-large");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::Conflict:
        return QStringLiteral("conflict");
    }
    return QString();
}

QString ApiOutcome::kindText(Kind kind)
{
    switch (kind) {
    case Kind::Updated:
        return tr("updated");
    case Kind::Listed:
        return tr("listed");
    case Kind::EscalationsNotFound:
        return tr("escalations not found");
    case Kind::ValidationFailed:
        return tr("refused as invalid");
    case Kind::AssigneeNotFound:
        return tr("assignee not found");
    case Kind::CaseNotFound:
        return tr("case not found");
    case Kind::PermissionDenied:
        return tr("permission denied");
    case Kind::InvalidApiKey:
        return tr("API key refused");
    case Kind::UnexpectedResponse:
        return tr("unexpected answer");
    case Kind::TimedOut:
        return tr("timed out");
    case Kind::ConnectionFailed:
        return tr("connection failed");
    case Kind::TlsFailed:
        return tr("secure connection failed");
    case Kind::ProxyLoginNeeded:
        return tr("proxy login needed");
    case Kind::Cancelled:
        return tr("cancelled");
    case Kind::TooLarge:
        return tr("answer too large");
    case Kind::Refused:
        return tr("refused before sending");
    case Kind::Conflict:
        return tr("changed by someone else");
    }
    return QString();
}

} // namespace Care360
