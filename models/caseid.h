#pragma once

#include <QString>
#include <QStringView>

// Care360 IDs: 8-4-4-4-12 hexadecimal. The page's own example IDs carry no RFC 4122 version
// nibble, so no version is required. The one place that knows the pattern.
namespace Care360::CaseId {

bool isUuid(QStringView text);
// The first ID in any pasted text or link, lower-cased; empty when there is none.
QString extract(QStringView text);

} // namespace Care360::CaseId
