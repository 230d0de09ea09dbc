#pragma once

#include <QByteArray>
#include <QObject>

namespace Care360 {

// The drafts journal's key: 32 random bytes in their own keychain entry (the API keys' service,
// entry "drafts-journal-key"), created on first use. Never written anywhere else.
class JournalKey : public QObject {
    Q_OBJECT
public:
    explicit JournalKey(QObject *parent = nullptr);
    ~JournalKey() override;

    static QString entryName();

    // Reads the key, creating it when the keychain has none. Answers with ready() or
    // unavailable(), once per call.
    void fetch();

signals:
    void ready(const QByteArray &key);
    // A sentence saying why unsent changes cannot be kept across a restart.
    void unavailable(const QString &sentence);

private:
    void create();
    void fail(int error, const QString &detail);
};

} // namespace Care360
