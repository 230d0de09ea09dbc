#include "draftcipher.h"

#include <sodium.h>

namespace Care360::DraftCipher {

namespace {
const QByteArray kMagic = QByteArrayLiteral("C360DRF1");
constexpr auto kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr auto kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(keyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}
} // namespace

bool isAvailable()
{
    static const bool available = sodium_init() >= 0;
    return available;
}

QByteArray newKey()
{
    QByteArray key(keyBytes, Qt::Uninitialized);
    if (isAvailable())
        crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

QByteArray seal(const QByteArray &key, const QByteArray &plain, const QByteArray &context)
{
    if (!isAvailable() || key.size() != keyBytes)
        return {};
    const QByteArray associated = QByteArray(kMagic).append(context);
    QByteArray sealed(kMagic.size() + qsizetype(kNonceBytes) + plain.size() + qsizetype(kTagBytes),
                      Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    std::copy(kMagic.cbegin(), kMagic.cend(), sealed.begin());
    unsigned char *nonce = out + kMagic.size();
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + kNonceBytes, &written, bytes(plain), size_t(plain.size()), bytes(associated),
        size_t(associated.size()), nullptr, nonce, bytes(key));
    sealed.truncate(kMagic.size() + qsizetype(kNonceBytes) + qsizetype(written));
    return sealed;
}

bool isCutShort(const QByteArray &sealed)
{
    return sealed.size() < kMagic.size() + qsizetype(kNonceBytes) + qsizetype(kTagBytes);
}

std::optional<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                               const QByteArray &context)
{
    const qsizetype header = kMagic.size() + qsizetype(kNonceBytes);
    if (!isAvailable() || key.size() != keyBytes || sealed.size() < header + qsizetype(kTagBytes)
        || !sealed.startsWith(kMagic))
        return std::nullopt;
    const QByteArray associated = QByteArray(kMagic).append(context);
    const unsigned char *nonce = bytes(sealed) + kMagic.size();
    QByteArray plain(sealed.size() - header - qsizetype(kTagBytes), Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr, nonce + kNonceBytes,
            size_t(sealed.size() - header), bytes(associated), size_t(associated.size()), nonce,
            bytes(key))
        != 0)
        return std::nullopt;
    plain.truncate(qsizetype(length));
    return plain;
}

struct Fingerprint::State {
    crypto_generichash_state hash;
};

Fingerprint::Fingerprint()
    : m_state(std::make_unique<State>())
{
    isAvailable();
    crypto_generichash_init(&m_state->hash, nullptr, 0, crypto_generichash_BYTES);
}

Fingerprint::~Fingerprint() = default;

void Fingerprint::add(QByteArrayView bytes)
{
    crypto_generichash_update(&m_state->hash, reinterpret_cast<const unsigned char *>(bytes.data()),
                              size_t(bytes.size()));
}

QByteArray Fingerprint::result()
{
    QByteArray out(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash_final(&m_state->hash, reinterpret_cast<unsigned char *>(out.data()),
                             size_t(out.size()));
    return out;
}

void wipe(QByteArray &bytes)
{
    // Only a buffer this copy alone holds: writing to a shared one would detach and wipe a
    // fresh copy, leaving the original for whoever shares it.
    if (!bytes.isEmpty() && bytes.isDetached())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

} // namespace Care360::DraftCipher
