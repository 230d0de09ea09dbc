// care360-sandbox --http-debug (issue 23): no part of an API key reaches the log, however the key
// is written (commas, parentheses, quotes, spaces, backslashes, bytes QDebug writes as \xNN), and
// the redaction still works for the last log lines at shutdown.
#include "app/sandbox/sandboxlogging.h"

#include <QDebug>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

#ifdef Q_OS_UNIX
#include <signal.h>
#endif

using namespace Care360::Sandbox;

namespace {

const QString kProgram = QStringLiteral(CARE360_BIN_DIR "/care360-sandbox");

// Keys that broke out of the old pattern ([^\s",)]+ stopped at the first of them). Every word
// of three or more letters in them is unique to its key, so a leak of any part can be found.
QList<QByteArray> hostileKeys()
{
    return { QByteArrayLiteral("kaalpha,kabravo)kacharlie\"kadelta kaecho"),
             QByteArrayLiteral("\"kbalpha\", kbbravo"),
             QByteArrayLiteral("kcalpha\\\"kcbravo\\\\kccharlie"),
             QByteArrayLiteral("kdalpha\xff"
                               "abcdef kdbravo"), // QDebug: "kdalpha\xFF""abcdef kdbravo"
             QByteArrayLiteral("kealpha) (\"x\": \"kebravo") };
}

QStringList partsOf(const QByteArray &key)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    QStringList parts;
    for (const QRegularExpressionMatch &m : word.globalMatch(QString::fromLatin1(key)))
        parts << m.captured();
    return parts;
}

// The header as QtHttpServer's request dump writes it: ("cv-api-key": "value").
QString dumpLine(const QByteArray &name, const QByteArray &value)
{
    QString line;
    QDebug(&line).nospace() << "Request: (Headers: (" << QByteArray("Host") << ": "
                            << QByteArray("127.0.0.1") << "), (" << name << ": " << value << "), ("
                            << QByteArray("Content-Length") << ": " << QByteArray("12") << "))";
    return line;
}

} // namespace

class TestSandboxLogGuard : public QObject {
    Q_OBJECT
private slots:
    void redactsEveryPartOfAQuotedKey_data();
    void redactsEveryPartOfAQuotedKey();
    void redactsAnUnquotedKeyToTheEndOfItsLine();
    void httpDebugNeverPrintsAnyPartOfAKey();
};

void TestSandboxLogGuard::redactsEveryPartOfAQuotedKey_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("key");
    for (const QByteArray &key : hostileKeys()) {
        QTest::addRow("%s", partsOf(key).constFirst().toLatin1().constData())
            << QByteArrayLiteral("cv-api-key") << key;
    }
    QTest::newRow("any spelling") << QByteArrayLiteral("CV-Api-Key") << hostileKeys().constFirst();
}

void TestSandboxLogGuard::redactsEveryPartOfAQuotedKey()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, key);
    const QString line = dumpLine(name, key);
    const QString redacted = redactApiKeys(line);
    for (const QString &part : partsOf(key))
        QVERIFY2(!redacted.contains(part), qPrintable(redacted));
    QVERIFY2(redacted.contains(QLatin1String("[redacted]")), qPrintable(redacted));
    // Only the value goes: the headers around it stay readable.
    QVERIFY2(redacted.contains(QLatin1String("\"127.0.0.1\"")), qPrintable(redacted));
    QVERIFY2(redacted.contains(QLatin1String("(\"Content-Length\": \"12\")")),
             qPrintable(redacted));
}

void TestSandboxLogGuard::redactsAnUnquotedKeyToTheEndOfItsLine()
{
    // Without QDebug's quotes nothing says where the value ends: the rest of the line goes.
    const QString redacted = redactApiKeys(QStringLiteral("cv-api-key: kfalpha\" ) kfbravo\nnext"));
    QCOMPARE(redacted, QStringLiteral("cv-api-key: [redacted]\nnext"));
    QCOMPARE(redactApiKeys(QStringLiteral("no key here")), QStringLiteral("no key here"));
}

void TestSandboxLogGuard::httpDebugNeverPrintsAnyPartOfAKey()
{
#ifndef Q_OS_UNIX
    QSKIP("POSIX signals only");
#else
    QVERIFY2(QFile::exists(kProgram), qPrintable(kProgram));
    QProcess sandbox;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Every debug category: qt.core.library logs at exit, after static objects are destroyed.
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    sandbox.setProcessEnvironment(environment);
    sandbox.start(
        kProgram,
        { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--http-debug") });
    QVERIFY(sandbox.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine(), 10000);
    const QString first = QString::fromUtf8(sandbox.readLine()).trimmed();
    QVERIFY2(first.startsWith(QLatin1String("listening on ")), qPrintable(first));
    const QUrl base(first.mid(int(qstrlen("listening on "))));

    // Raw HTTP: these bytes go on the wire as they are (header values may hold any of them).
    const QByteArray body = QByteArrayLiteral("{}");
    for (const QByteArray &key : hostileKeys()) {
        QTcpSocket socket;
        socket.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(socket.waitForConnected(10000));
        socket.write("POST /api/v1/cases/3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01 HTTP/1.1\r\nHost: "
                     + base.authority().toLatin1() + "\r\ncv-api-key: " + key
                     + "\r\nContent-Type: application/json\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (!answer.contains("\r\n\r\n") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 401 "), answer.constData());
    }
    ::kill(pid_t(sandbox.processId()), SIGTERM);
    QVERIFY(sandbox.waitForFinished(10000));
    QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.exitCode(), 0);
    const QString log = QString::fromUtf8(sandbox.readAllStandardError());
    // The lines that matter, for the failure messages.
    QStringList relevant;
    for (const QString &line : log.split(u'\n')) {
        if (line.contains(QLatin1String("cv-api-key"))
            || line.contains(QLatin1String("QRegularExpression")))
            relevant << line;
    }
    for (const QString &line : std::as_const(relevant))
        qInfo("%s", qPrintable(line));
    const QString shown = QStringLiteral("%1 such lines (above)").arg(relevant.size());
    QStringList leaked;
    for (const QByteArray &key : hostileKeys()) {
        for (const QString &part : partsOf(key)) {
            if (log.contains(part))
                leaked << part;
        }
    }
    QVERIFY2(!log.contains(QLatin1String("invalid QRegularExpression")), qPrintable(shown));
    QVERIFY2(leaked.isEmpty(),
             qPrintable(QLatin1String("leaked: ") + leaked.join(u' ') + u'\n' + shown));
    // The dump was there, one [redacted] per request, and the exit's library lines after it.
    QCOMPARE(log.count(QLatin1String("[redacted]")), hostileKeys().size());
    QVERIFY2(log.contains(QLatin1String("unloaded library")), qPrintable(log));
#endif
}

QTEST_GUILESS_MAIN(TestSandboxLogGuard)
#include "tst_sandbox_logguard.moc"
