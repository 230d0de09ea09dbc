#include "environment.h"

#include <QCoreApplication>

namespace Care360 {

Environment Environment::production()
{
    return { Kind::Production, QUrl(QStringLiteral("https://api.care360-next.carevalidate.com")) };
}

Environment Environment::staging()
{
    return { Kind::Staging,
             QUrl(QStringLiteral("https://api-staging.care360-next.carevalidate.com")) };
}

Environment Environment::sandbox(const QUrl &baseUrl)
{
    return { Kind::Sandbox, baseUrl };
}

Environment Environment::custom(const QUrl &baseUrl)
{
    return { Kind::Custom, baseUrl };
}

Environment Environment::fromKind(Kind kind, const QUrl &baseUrl)
{
    switch (kind) {
    case Kind::Sandbox:
        return sandbox(QUrl());
    case Kind::Staging:
        return staging();
    case Kind::Production:
        return production();
    case Kind::Custom:
        break;
    }
    return custom(baseUrl);
}

QString Environment::name() const
{
    return name(kind);
}

QString Environment::name(Kind kind)
{
    switch (kind) {
    case Kind::Sandbox:
        return QStringLiteral("sandbox");
    case Kind::Staging:
        return QStringLiteral("staging");
    case Kind::Production:
        return QStringLiteral("production");
    case Kind::Custom:
        return QStringLiteral("custom");
    }
    return QString();
}

std::optional<Environment::Kind> Environment::kindFromName(const QString &name)
{
    for (Kind kind : { Kind::Sandbox, Kind::Staging, Kind::Production, Kind::Custom }) {
        if (name.compare(Environment::name(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

QString Environment::displayName() const
{
    switch (kind) {
    case Kind::Sandbox:
        return QCoreApplication::translate("Care360::Environment", "Sandbox");
    case Kind::Staging:
        return QCoreApplication::translate("Care360::Environment", "Staging");
    case Kind::Production:
        return QCoreApplication::translate("Care360::Environment", "Production");
    case Kind::Custom:
        return QCoreApplication::translate("Care360::Environment", "Custom");
    }
    return QString();
}

} // namespace Care360
