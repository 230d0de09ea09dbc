// care360-sandbox keeps nothing of a request once it is answered (issue 23): the real process is
// sent refused requests carrying a key canary and a note canary, then its whole memory is read
// through /proc/PID/maps and /proc/PID/mem, and neither canary may be anywhere in it.
#include "httptesthelper.h"

#include "app/sandbox/demodata.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>

#include <optional>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

// ASan's quarantine keeps freed blocks as they were, so freed requests would be found there.
#if defined(__SANITIZE_ADDRESS__)
#define CARE360_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CARE360_TEST_ASAN 1
#endif
#endif

using namespace Care360::Sandbox;
using namespace Care360::Sandbox::Testing;

namespace {

const QString kProgram = QStringLiteral(CARE360_BIN_DIR "/care360-sandbox");
const QString kActive = QStringLiteral("e5ca1a7e-0000-4000-8000-000000000001"); // Acme's first

// A text and the copies of it found in memory, as UTF-8 and as UTF-16 (QString's own form).
struct Needle {
    QByteArray utf8;
    QByteArray utf16;
    qsizetype utf8Count = 0;
    qsizetype utf16Count = 0;
    QStringList regions; // where it was found: "[heap]", "[stack]", a file, "anonymous"
    qsizetype total() const { return utf8Count + utf16Count; }
};

Needle needle(const QString &text)
{
    Needle n;
    n.utf8 = text.toUtf8();
    n.utf16 = QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    return n;
}

// The matches of what in data that start at or after firstNew (earlier ones ended in the tail of
// the previous block, where they were counted already).
qsizetype countIn(const QByteArray &data, const QByteArray &what, qsizetype firstNew)
{
    qsizetype count = 0;
    for (qsizetype at = data.indexOf(what); at >= 0; at = data.indexOf(what, at + 1)) {
        if (at >= firstNew)
            ++count;
    }
    return count;
}

// Counts the needles in every readable mapping of pid. Empty with *why when the memory cannot be
// read (no ptrace permission, no /proc).
bool scanMemory(qint64 pid, QList<Needle *> needles, QString *why)
{
#ifdef Q_OS_LINUX
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (!maps.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot open %1: %2").arg(maps.fileName(), maps.errorString());
        return false;
    }
    const QByteArray memPath = QStringLiteral("/proc/%1/mem").arg(pid).toLocal8Bit();
    const int fd = ::open(memPath.constData(), O_RDONLY);
    if (fd < 0) {
        *why = QStringLiteral("cannot open %1: %2 (needs root or ptrace permission)")
                   .arg(QString::fromLocal8Bit(memPath), QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    qsizetype longest = 0;
    for (const Needle *n : needles)
        longest = qMax(longest, n->utf16.size());
    constexpr qint64 kBlock = 1024 * 1024;
    qint64 bytesRead = 0;
    static const QRegularExpression line(
        QStringLiteral("^([0-9a-f]+)-([0-9a-f]+) (\\S+) \\S+ \\S+ \\S+\\s*(.*)$"));
    for (const QByteArray &text : maps.readAll().split('\n')) {
        const QRegularExpressionMatch m = line.match(QString::fromLocal8Bit(text));
        if (!m.hasMatch() || !m.captured(3).startsWith(u'r'))
            continue;
        bool ok = false;
        const qint64 start = m.captured(1).toLongLong(&ok, 16);
        const qint64 end = ok ? m.captured(2).toLongLong(&ok, 16) : 0;
        if (!ok) // [vsyscall] lies above what off_t can address
            continue;
        const QString region =
            m.captured(4).isEmpty() ? QStringLiteral("anonymous") : m.captured(4);
        QByteArray previousTail;
        for (qint64 at = start; at < end; at += kBlock) {
            QByteArray block(int(qMin(kBlock, end - at)), Qt::Uninitialized);
            const ssize_t got = ::pread(fd, block.data(), size_t(block.size()), off_t(at));
            if (got <= 0)
                break; // [vvar] and friends cannot be read; nothing of ours lives there
            block.truncate(qsizetype(got));
            bytesRead += got;
            const QByteArray data = previousTail + block;
            for (Needle *n : needles) {
                const qsizetype utf8 =
                    countIn(data, n->utf8, previousTail.size() - n->utf8.size() + 1);
                const qsizetype utf16 =
                    countIn(data, n->utf16, previousTail.size() - n->utf16.size() + 1);
                n->utf8Count += utf8;
                n->utf16Count += utf16;
                if ((utf8 || utf16) && !n->regions.contains(region))
                    n->regions << region;
            }
            previousTail = block.right(longest - 1);
        }
    }
    ::close(fd);
    if (bytesRead == 0) {
        *why = QStringLiteral("no mapping of %1 could be read").arg(pid);
        return false;
    }
    return true;
#else
    Q_UNUSED(pid);
    Q_UNUSED(needles);
    *why = QStringLiteral("/proc/PID/mem is Linux only");
    return false;
#endif
}

QString describe(const char *name, const Needle &n)
{
    return QStringLiteral("%1: %2 copies as UTF-8, %3 as UTF-16 (%4)")
        .arg(QLatin1String(name))
        .arg(n.utf8Count)
        .arg(n.utf16Count)
        .arg(n.regions.isEmpty() ? QStringLiteral("nowhere")
                                 : n.regions.join(QStringLiteral(", ")));
}

QByteArray updateBody(const QString &escalationId, const QString &note, bool unknownField = false)
{
    QJsonObject item { { QStringLiteral("escalationId"), escalationId },
                       { QStringLiteral("note"), note } };
    QJsonObject body { { QStringLiteral("action"), QStringLiteral("UPDATE_ESCALATION") },
                       { QStringLiteral("escalations"), QJsonArray { item } } };
    if (unknownField)
        body.insert(QStringLiteral("priority"), QStringLiteral("high"));
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// A request written in one piece on a kept-alive connection, as a script would send it; the
// status of its answer, read whole (0 when none came).
int rawPost(QTcpSocket &socket, const QUrl &url, const QByteArray &key, const QByteArray &body)
{
    socket.write("POST " + url.path().toLatin1()
                 + " HTTP/1.1\r\nHost: " + url.authority().toLatin1() + "\r\ncv-api-key: " + key
                 + "\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    static const QRegularExpression length(QStringLiteral("\r\nContent-Length: (\\d+)\r\n"),
                                           QRegularExpression::CaseInsensitiveOption);
    QByteArray answer;
    while (socket.waitForReadyRead(10000)) {
        answer += socket.readAll();
        const qsizetype head = answer.indexOf("\r\n\r\n");
        const QRegularExpressionMatch m = length.match(QString::fromLatin1(answer.left(head + 2)));
        if (head >= 0 && m.hasMatch() && answer.size() >= head + 4 + m.captured(1).toLongLong())
            return answer.mid(9, 3).toInt();
    }
    return 0;
}

// A care360-sandbox process, its canaries, and what a scan of its memory found.
struct Sandbox {
    QProcess process;
    QUrl base;
    QString keyCanary;
    QString noteCanary;
    QHash<int, int> statuses; // of the answers, for the report

    ~Sandbox()
    {
        process.kill();
        process.waitForFinished(5000);
    }
    bool start()
    {
        const QString tag = QString::number(QRandomGenerator::global()->generate64(), 16);
        keyCanary = QStringLiteral("key-canary-") + tag;
        noteCanary = QStringLiteral("note-canary-") + tag;
        process.start(kProgram, { QStringLiteral("--port"), QStringLiteral("0") });
        if (!process.waitForStarted(10000) || !process.waitForReadyRead(10000))
            return false;
        const QString first = QString::fromUtf8(process.readLine()).trimmed();
        base = QUrl(first.mid(int(qstrlen("listening on "))));
        return first.startsWith(QLatin1String("listening on ")) && base.port() > 0;
    }
    QUrl url() const { return caseUrl(base, Demo::acmeCaseId); }
    bool answered(int status, int expected)
    {
        ++statuses[status];
        return status == expected;
    }
};

} // namespace

class TestSandboxMemory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void bigRefusedRequestsLeaveNothing();
    void smallRefusedRequestsLeaveNothing();

private:
    // Scans the sandbox's memory and fails when a canary is in it; skips when it cannot be read.
    void expectNothingLeft(Sandbox &sandbox, int noteUnitBytes);

    QNetworkAccessManager m_manager;
};

void TestSandboxMemory::initTestCase()
{
#ifdef CARE360_TEST_ASAN
    QSKIP("ASan's quarantine keeps freed blocks unchanged on purpose: the scan would find them");
#endif
    QVERIFY2(QFile::exists(kProgram), qPrintable(kProgram));
}

void TestSandboxMemory::bigRefusedRequestsLeaveNothing()
{
    Sandbox sandbox;
    QVERIFY(sandbox.start());
    // About 160 KB, as in the issue; the ü makes Qt's JSON keep it as UTF-16.
    const QString unit = sandbox.noteCanary + QStringLiteral(" Büro ");
    const QString bigNote = unit.repeated(160 * 1024 / unit.toUtf8().size());
    const QString smallNote = sandbox.noteCanary + QStringLiteral(" Büro");
    const QByteArray key = sandbox.keyCanary.toUtf8();
    const QByteArray demoKey = Demo::acmeApiKey.toUtf8();
    const QUrl url = sandbox.url();
    const QString unknown = QStringLiteral("b9c8d7e6-f5a4-3210-fedc-ba9876543210");
    QUrl elsewhere = sandbox.base;
    elsewhere.setPath(QStringLiteral("/api/v1/elsewhere"));

    // 60 refused requests through Qt's client, as before the core dump of the issue; the last
    // of each round is small, so that the socket's read buffer holds all of it.
    for (int round = 0; round < 10; ++round) {
        QVERIFY(
            sandbox.answered(post(m_manager, url, key, updateBody(kActive, bigNote)).status, 401));
        QVERIFY(sandbox.answered(
            post(m_manager, url, demoKey, updateBody(kActive, bigNote, true)).status, 400));
        QVERIFY(sandbox.answered(post(m_manager, url, demoKey, updateBody(unknown, bigNote)).status,
                                 400));
        QVERIFY(sandbox.answered(
            post(m_manager, elsewhere, key, updateBody(kActive, bigNote)).status, 404));
        QVERIFY(sandbox.answered(
            post(m_manager, url, key, updateBody(kActive, bigNote.repeated(8))).status, 413));
        QVERIFY(sandbox.answered(post(m_manager, url, key, updateBody(kActive, smallNote)).status,
                                 401));
    }
    expectNothingLeft(sandbox, int(unit.toUtf8().size()));
}

void TestSandboxMemory::smallRefusedRequestsLeaveNothing()
{
    Sandbox sandbox;
    QVERIFY(sandbox.start());
    // 2 KB of ASCII, each request written in one piece (as curl does): pieces of these notes
    // were left in dead stack frames.
    const QString unit = sandbox.noteCanary + u' ';
    const QString note = unit.repeated(2048 / unit.size());
    QTcpSocket socket;
    socket.connectToHost(sandbox.base.host(), quint16(sandbox.base.port()));
    QVERIFY(socket.waitForConnected(10000));
    for (int round = 0; round < 10; ++round) {
        QVERIFY(sandbox.answered(
            rawPost(socket, sandbox.url(), sandbox.keyCanary.toUtf8(), updateBody(kActive, note)),
            401));
        QVERIFY(sandbox.answered(rawPost(socket, sandbox.url(), Demo::acmeApiKey.toUtf8(),
                                         updateBody(kActive, note, true)),
                                 400));
    }
    expectNothingLeft(sandbox, int(unit.size()));
}

void TestSandboxMemory::expectNothingLeft(Sandbox &sandbox, int noteUnitBytes)
{
    // The answers are written before the exchange goes: give its deleteLater() a moment.
    QTest::qWait(300);
    Needle keyFound = needle(sandbox.keyCanary);
    Needle noteFound = needle(sandbox.noteCanary);
    Needle demoKeyFound = needle(Demo::acmeApiKey); // the store holds it: the scan must see it
    QString why;
    if (!scanMemory(sandbox.process.processId(), { &keyFound, &noteFound, &demoKeyFound }, &why))
        QSKIP(qPrintable(QStringLiteral("cannot read the sandbox's memory: ") + why));
    QStringList answers;
    int total = 0;
    for (auto it = sandbox.statuses.cbegin(); it != sandbox.statuses.cend(); ++it) {
        answers << QStringLiteral("%1 x %2").arg(it.value()).arg(it.key());
        total += it.value();
    }
    answers.sort();
    qInfo("after %d refused requests (%s):", total, qPrintable(answers.join(QStringLiteral(", "))));
    qInfo("  %s", qPrintable(describe("key canary", keyFound)));
    qInfo("  %s, about %lld KB of note text", qPrintable(describe("note canary", noteFound)),
          qint64(noteFound.utf8Count + noteFound.utf16Count * 2) * noteUnitBytes / 1024);
    qInfo("  %s", qPrintable(describe("demo key (kept by the store)", demoKeyFound)));
    QVERIFY2(demoKeyFound.regions.contains(QLatin1String("[heap]")),
             "the scan does not see what the sandbox holds");
    QVERIFY2(keyFound.total() == 0, qPrintable(describe("key canary", keyFound)));
    QVERIFY2(noteFound.total() == 0, qPrintable(describe("note canary", noteFound)));
}

QTEST_GUILESS_MAIN(TestSandboxMemory)
#include "tst_sandbox_memory.moc"
