#include "profile.h"

#include "wirenames.h"

#include <QCoreApplication>

namespace Care360 {

QString Profile::label() const
{
    const QString environmentName = environment.displayName();
    if (name.compare(environmentName, Qt::CaseInsensitive) == 0 || name.isEmpty())
        return environmentName;
    return QCoreApplication::translate("Care360::Profile", "%1 — %2").arg(name, environmentName);
}

QString Profile::legacyKeyEntry() const
{
    return fromAddress && !isPractice() ? addressKeyEntry(environment.baseUrl) : QString();
}

QString Profile::placeOf(const Environment &environment)
{
    // The sandbox's port changes every run: its kind names it. A custom server is its origin.
    return environment.kind == Environment::Kind::Custom ? addressKeyEntry(environment.baseUrl)
                                                         : environment.name();
}

QString Profile::addressKeyEntry(const QUrl &baseUrl)
{
    if (!baseUrl.isValid() || baseUrl.scheme().isEmpty() || baseUrl.host().isEmpty())
        return {};
    QUrl origin;
    origin.setScheme(baseUrl.scheme().toLower());
    origin.setHost(baseUrl.host());
    const int port = baseUrl.port();
    const int defaultPort = origin.scheme() == QLatin1String("https") ? 443
        : origin.scheme() == QLatin1String("http")                    ? 80
                                                                      : -1;
    if (port != -1 && port != defaultPort)
        origin.setPort(port);
    return Wire::apiKeyHeader + QLatin1Char('@') + origin.toString(QUrl::FullyEncoded);
}

QString Profile::practicePlace(int index)
{
    // The first practice organisation keeps the Sandbox's place from before profiles.
    const QString sandbox = Environment::name(Environment::Kind::Sandbox);
    return index == 0 ? sandbox : sandbox + QLatin1Char('-') + QString::number(index + 1);
}

QString Profile::practiceId(int index)
{
    return QStringLiteral("practice-%1").arg(index + 1);
}

} // namespace Care360
