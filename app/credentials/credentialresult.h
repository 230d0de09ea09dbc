#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace Care360 {

// The outcome of one credential-store operation, with the sentence an agent reads.
struct CredentialResult {
    Q_DECLARE_TR_FUNCTIONS(CredentialResult)

public:
    enum class Status {
        Ok,
        NotFound, // no key saved yet: not an error
        NoBackend, // no keychain service can be reached
        AccessDenied,
        Locked, // the keyring/collection is locked
        OtherError, // anything else: detail holds the backend's own text
    };
    enum class Operation { Read, Write, Remove };

    Status status = Status::OtherError;
    Operation operation = Operation::Read;
    QString key; // Read only: the stored key
    bool inMemoryOnly = false; // the key lives (or lived) only in this process, not in the keychain
    QString detail; // the backend's error text, empty on success

    bool isSuccess() const { return status == Status::Ok; }
    // One sentence (two at most) an agent understands, saying what to do.
    QString userMessage() const;
    static QString statusName(Status status);
    // Maps a QtKeychain error code and its text onto a status (texts decide for the
    // libsecret backend, which reports a missing service as a generic OtherError).
    static Status classify(int keychainError, const QString &errorText);
    // "Your key will not be remembered: no keychain is available (<detail>)." plus what to do.
    static QString notRememberedMessage(const QString &detail);
    // What to install or enable when no keychain is available.
    static QString installHint();
    static QString backendChoices();
};

} // namespace Care360

Q_DECLARE_METATYPE(Care360::CredentialResult)
