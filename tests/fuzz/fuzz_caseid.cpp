// Fuzz target: case and escalation IDs in pasted text and links, CaseId::extract and
// CaseId::isUuid. Checks, on the input read as UTF-8 and (even sizes) as raw UTF-16, lone
// surrogates included:
// - whatever extract returns is empty, or an ID (isUuid), lower-case, and a part of the
//   lower-cased input;
// - on valid UTF-16 it is exactly the first 8-4-4-4-12 hexadecimal run, found here by a plain
//   scan independent of the regular expression;
// - isUuid is true exactly for a text that is one whole ID, and then extract gives it back.
// Seeds: tests/fuzz/corpus/caseid/.
#include "fuzzsupport.h"

#include "models/caseid.h"

#include <QString>

#include <cstring>

using namespace Care360;

namespace {

bool isHex(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

// Whether text[at..at+36) is 8-4-4-4-12 hexadecimal digits.
bool idAt(QStringView text, qsizetype at)
{
    if (at + 36 > text.size())
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[at + i] != u'-' : !isHex(text[at + i]))
            return false;
    }
    return true;
}

QString firstId(QStringView text)
{
    for (qsizetype at = 0; at + 36 <= text.size(); ++at)
        if (idAt(text, at))
            return text.mid(at, 36).toString().toLower();
    return QString();
}

void checkText(const QString &text)
{
    const QString id = CaseId::extract(text);
    if (!id.isEmpty()) {
        Fuzz::check(CaseId::isUuid(id), "extract returned something that is not an ID", id);
        Fuzz::check(id == id.toLower(), "extract returned an ID that is not lower-case", id);
        Fuzz::check(text.toLower().contains(id), "extract returned an ID not in the text", id);
    }
    if (text.isValidUtf16())
        Fuzz::check(id == firstId(text), "extract is not the first ID of the text",
                    id + QStringLiteral(" vs ") + firstId(text));
    const bool whole = text.size() == 36 && idAt(text, 0);
    Fuzz::check(CaseId::isUuid(text) == whole, "isUuid disagrees with the 8-4-4-4-12 pattern",
                text);
    if (whole)
        Fuzz::check(id == text.toLower(), "extract does not give a whole ID back", id);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    checkText(QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (size % 2 == 0) {
        QString utf16(qsizetype(size / 2), Qt::Uninitialized);
        std::memcpy(utf16.data(), data, size);
        checkText(utf16);
    }
    return 0;
}
