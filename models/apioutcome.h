#pragma once

#include "escalation.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Care360 {

// The typed result of one API call: one kind per documented response of the contract page,
// plus the transport failures a client can meet before any response exists.
struct ApiOutcome {
    enum class Kind {
        Updated, // 200: escalations updated, active list returned
        Listed, // the read-by-error trick answered with the active list (client only)
        EscalationsNotFound, // 400: missing IDs plus the active list
        ValidationFailed, // 400 VALIDATION_ERROR, or the same check done locally
        AssigneeNotFound, // 400: no CVTPA user with that e-mail
        CaseNotFound, // 400: "Case not found!"
        PermissionDenied, // 401: case of another organisation
        InvalidApiKey, // 401/403 with an API-key error text
        UnexpectedResponse, // anything else the server said
        TimedOut,
        ConnectionFailed,
        TlsFailed,
        // A company proxy asked for a login (407) that was not given or that it turned down;
        // nothing reached Care360. detail: the proxy, "host:port".
        ProxyLoginNeeded,
        Cancelled,
        TooLarge,
        Refused, // refused locally before sending (insecure URL, redirect)
        // Not sent: a field the agent edited was changed on Care360 by someone else since the
        // edit began (found by the listing before the send, or an earlier one).
        Conflict,
    };

    Kind kind = Kind::UnexpectedResponse;
    int httpStatus = 0; // 0 when no response arrived
    QString message; // the envelope's "message", when present
    QString serverError; // the envelope's "error", when present
    QList<Escalation> escalations; // Updated, Listed, EscalationsNotFound
    QStringList missingIds; // EscalationsNotFound
    QString validationPath; // ValidationFailed: e.g. "escalations.0.escalationId"
    int itemIndex = -1; // ValidationFailed: the item the path names, -1 when none
    QString field; // ValidationFailed: the field the path names, empty when none
    QString validationMessage; // ValidationFailed: the text after "<path>, "
    QString email; // AssigneeNotFound
    int conflicts = 0; // Conflict: the fields changed under the agent's drafts
    QString detail; // transport failures: the network stack's or TLS text
    int retryAfterSeconds = -1; // the answer's Retry-After (429, 503), -1 when absent
    QString requestId; // X-Request-ID of the call, set by the client
    // A request that changes data went out whole (or got an answer): Care360 may have acted.
    bool mayHaveArrived = false;
    // The request went out whole or got an answer: something on the way took it, so its
    // request ID means something (a refusal before sending has none worth showing).
    bool requestSent = false;

    // The request ID worth showing people: only when a request went out (one refused before
    // sending, or a connection refused, has nothing to look up).
    QString shownRequestId() const { return requestSent ? requestId : QString(); }
    bool isSuccess() const { return kind == Kind::Updated || kind == Kind::Listed; }
    // Whether sending the same request again may succeed without the agent changing anything.
    bool isRetryable() const;
    // Who reads the sentence: the console keeps unsent changes, the CLI keeps nothing.
    enum class Audience { Console, Cli };
    // One sentence an agent understands, without the request ID. changesPending: the console
    // holds unsent changes, so the sentence may say they are kept (never when there are none).
    QString userMessage(Audience audience = Audience::Console, bool changesPending = true) const;
    static QString kindName(Kind kind); // as logs and --json spell it: "listed"
    static QString kindText(Kind kind); // for people, translated: "listed", "listado"
};

} // namespace Care360

Q_DECLARE_METATYPE(Care360::ApiOutcome)
