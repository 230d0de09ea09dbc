#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>
#include <optional>

namespace Care360::DraftCipher {

// Authenticated encryption of the drafts journal with libsodium's XChaCha20-Poly1305 (IETF):
// a well-kept library, random 192-bit nonces that never need a counter, and a tag that refuses
// a torn, truncated or tampered file. A sealed file is the magic, the nonce and the ciphertext;
// the magic and a context (environment and case) are authenticated too, so a file copied under
// another case's name does not open.

constexpr int keyBytes = 32;

// Whether libsodium initialised; without it there is no journal.
bool isAvailable();
// A fresh random key.
QByteArray newKey();
QByteArray seal(const QByteArray &key, const QByteArray &plain, const QByteArray &context);
// nullopt when the key, the context or any byte of the file is wrong.
std::optional<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                               const QByteArray &context);
// An incremental BLAKE2b-256 fingerprint (libsodium's generic hash), several times faster than
// QCryptographicHash's SHA-256 here: the journal compares drafts without keeping their text.
class Fingerprint {
public:
    Fingerprint();
    ~Fingerprint();
    void add(QByteArrayView bytes);
    QByteArray result();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Shorter than any sealed file (magic, nonce and tag): empty or cut short, not tampered with.
bool isCutShort(const QByteArray &sealed);

// Overwrites the bytes in place (a plaintext of notes, a key) before they are freed.
void wipe(QByteArray &bytes);

} // namespace Care360::DraftCipher
