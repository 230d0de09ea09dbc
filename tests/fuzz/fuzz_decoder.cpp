// Fuzz target: the response decoder. Codec::decodeResponse (EscalationListReader's own scanner
// first, QJsonDocument for whatever it declines) must never crash, leak or hit undefined
// behaviour on any body, and must give exactly the outcome of the QJsonDocument-only reference
// Codec::decodeResponseWithDocument at each status class (the differential check of
// tests/models/tst_escalationlistreader.cpp, shared through tests/outcomedifference.h).
// Input: the raw response body. Seeds: tests/fuzz/corpus/decoder/.
#include "fuzzsupport.h"
#include "tests/outcomedifference.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = Care360::Fuzz::bytes(data, size);
    const QString difference = Care360::Testing::decoderDifference(body);
    if (!difference.isEmpty())
        Care360::Fuzz::fail("decodeResponse and decodeResponseWithDocument differ", difference);
    return 0;
}
