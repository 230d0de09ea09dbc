#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace Care360 {

// Where the console sends its requests. Production and Staging have fixed addresses; Sandbox is a
// loopback URL of a running care360-sandbox; Custom is whatever the user entered.
struct Environment {
    enum class Kind { Sandbox, Staging, Production, Custom };

    Kind kind = Kind::Production;
    QUrl baseUrl;

    static Environment production();
    static Environment staging();
    static Environment sandbox(const QUrl &baseUrl);
    static Environment custom(const QUrl &baseUrl);
    // The environment of a kind; baseUrl is used by Custom (the sandbox's is known once it runs).
    static Environment fromKind(Kind kind, const QUrl &baseUrl = QUrl());

    // Stable lower-case name for settings and the command line: "sandbox", "staging", ...
    QString name() const;
    static QString name(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    // Translated name for the user: "Sandbox", "Staging", "Production", "Custom".
    QString displayName() const;
    bool isProduction() const { return kind == Kind::Production; }

    friend bool operator==(const Environment &a, const Environment &b)
    {
        return a.kind == b.kind && a.baseUrl == b.baseUrl;
    }
    friend bool operator!=(const Environment &a, const Environment &b) { return !(a == b); }
};

} // namespace Care360
