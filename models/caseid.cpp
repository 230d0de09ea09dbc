#include "caseid.h"

#include <QRegularExpression>

namespace Care360::CaseId {

namespace {
const QString &pattern()
{
    static const QString uuid = QStringLiteral(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    return uuid;
}
} // namespace

bool isUuid(QStringView text)
{
    static const QRegularExpression whole(QRegularExpression::anchoredPattern(pattern()));
    return whole.match(text.toString()).hasMatch();
}

QString extract(QStringView text)
{
    static const QRegularExpression anywhere(pattern());
    return anywhere.match(text.toString()).captured(0).toLower();
}

} // namespace Care360::CaseId
