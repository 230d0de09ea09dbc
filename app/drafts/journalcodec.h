#pragma once

#include "models/saveddraft.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace Care360::JournalCodec {

// The plaintext inside a sealed journal: JSON, one object per row with drafts,
// {"format":1,"savedAt":"…Z","rows":[{"escalation":{…page shape…},"drafts":{…request item…},
//  "base":{…page shape, only when a drafted field changed on Care360 meanwhile…}}]}.
struct Contents {
    QDateTime savedAt; // UTC
    QList<SavedDraft> drafts;
};

QByteArray encode(const Contents &contents);
// A fingerprint of what encode() would store for these drafts, savedAt aside, computed without
// building the text: equal drafts, equal digest.
QByteArray digest(const QList<SavedDraft> &drafts);
// nullopt for anything but the format above (a journal from a newer console included).
std::optional<Contents> decode(const QByteArray &plain);

} // namespace Care360::JournalCodec
