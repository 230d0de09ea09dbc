#pragma once

// The differential check between the two response decoders, shared by
// tests/models/tst_escalationlistreader.cpp and the fuzz target tests/fuzz/fuzz_decoder.cpp:
// Codec::decodeResponse (EscalationListReader first) must give exactly the outcome of
// Codec::decodeResponseWithDocument (QJsonDocument only) for every body. Qt Core only.
#include "models/apioutcome.h"
#include "models/contractcodec.h"
#include "models/escalation.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Care360::Testing {

inline QString describe(const Escalation &e)
{
    auto text = [](const std::optional<QString> &s) {
        return s ? QStringLiteral("\"%1\"").arg(*s) : QStringLiteral("null");
    };
    auto time = [](const std::optional<QDateTime> &t) {
        return t ? t->toString(Qt::ISODateWithMs) : QStringLiteral("null");
    };
    return QStringLiteral("{%1|%2|%3|%4|%5|%6|%7|%8|%9}")
        .arg(e.id, e.type, e.title, text(e.note), time(e.followUpDueAt), text(e.assignedToUserId))
        .arg(e.isCompleted)
        .arg(e.createdAt.toString(Qt::ISODateWithMs), time(e.updatedAt));
}

// The first field in which the two outcomes differ, empty when they are identical.
inline QString difference(const ApiOutcome &fast, const ApiOutcome &reference)
{
    auto differs = [](const char *name, const auto &a, const auto &b) {
        return a == b ? QString() : QString::fromLatin1(name);
    };
    const QString simple[] = {
        differs("kind", fast.kind, reference.kind),
        differs("httpStatus", fast.httpStatus, reference.httpStatus),
        differs("message", fast.message, reference.message),
        differs("serverError", fast.serverError, reference.serverError),
        differs("missingIds", fast.missingIds, reference.missingIds),
        differs("validationPath", fast.validationPath, reference.validationPath),
        differs("itemIndex", fast.itemIndex, reference.itemIndex),
        differs("field", fast.field, reference.field),
        differs("validationMessage", fast.validationMessage, reference.validationMessage),
        differs("email", fast.email, reference.email),
        differs("detail", fast.detail, reference.detail),
        differs("requestId", fast.requestId, reference.requestId),
        differs("retryAfterSeconds", fast.retryAfterSeconds, reference.retryAfterSeconds),
        differs("escalation count", fast.escalations.size(), reference.escalations.size()),
    };
    for (const QString &name : simple)
        if (!name.isEmpty())
            return name;
    for (qsizetype i = 0; i < fast.escalations.size(); ++i)
        if (fast.escalations.at(i) != reference.escalations.at(i))
            return QStringLiteral("escalation %1: %2 vs %3")
                .arg(i)
                .arg(describe(fast.escalations.at(i)), describe(reference.escalations.at(i)));
    return QString();
}

// The HTTP statuses that take each branch of the decoders.
inline constexpr int kDecoderStatuses[] = { 200, 400, 401, 404 };

// Checks one body at each of kDecoderStatuses; returns the first difference, empty when none.
inline QString decoderDifference(const QByteArray &body)
{
    for (int status : kDecoderStatuses) {
        const QString diff = difference(Codec::decodeResponse(status, body),
                                        Codec::decodeResponseWithDocument(status, body));
        if (!diff.isEmpty())
            return QStringLiteral("status %1, body %2: %3")
                .arg(status)
                .arg(QString::fromLatin1(body.toPercentEncoding(" {}[]\":,")), diff);
    }
    return QString();
}

} // namespace Care360::Testing
