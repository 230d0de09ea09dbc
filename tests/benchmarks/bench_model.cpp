#include "models/clock.h"
#include "models/contractcodec.h"
#include "models/escalationfilterproxymodel.h"
#include "models/escalationtablemodel.h"
#include "models/qtcompat.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <memory>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace Care360;

namespace {
constexpr int kRows = 100000;
constexpr int kDrafts = 10000;
const QStringList kTitles = {
    QStringLiteral("Address verification"),    QStringLiteral("Refill Request"),
    QStringLiteral("Shipping Delays"),         QStringLiteral("Call Back Needed - English"),
    QStringLiteral("Payment: Refund Request"), QStringLiteral("Waiting on Pharmacy reply")
};
const QStringList kTypes = { QStringLiteral("support"), QStringLiteral("clinical"),
                             QStringLiteral("external") };

QString uuid(int n, char prefix)
{
    return QStringLiteral("%1%2-e5f6-4890-abcd-ef1234567890")
        .arg(QLatin1Char(prefix))
        .arg(n, 7, 16, QLatin1Char('0'));
}

// A realistic 200 response: every second row has a note, two in three a follow-up date,
// half an assignee; the shape and formats are exactly the contract's.
QByteArray listingBody(int rows)
{
    const QDateTime base = QtCompat::utcDateTime(QDate(2025, 5, 10), QTime(8, 0));
    QJsonArray items;
    for (int n = 0; n < rows; ++n) {
        Escalation e;
        e.id = uuid(n, 'a');
        e.type = kTypes.at(n % kTypes.size());
        e.title = kTitles.at(n % kTitles.size());
        if (n % 2 == 0)
            e.note = QStringLiteral("Patient confirmed new address, reship order %1.").arg(n);
        if (n % 3 != 0)
            e.followUpDueAt = base.addSecs(qint64(n) * 37);
        if (n % 2 == 1)
            e.assignedToUserId = uuid(n % 50, 'b');
        e.createdAt = base;
        e.updatedAt = base.addDays(9);
        items.append(Codec::escalationToJson(e));
    }
    const QJsonObject envelope {
        { QStringLiteral("status"), 200 },
        { QStringLiteral("success"), true },
        { QStringLiteral("message"), QStringLiteral("Escalation(s) updated successfully") },
        { QStringLiteral("data"), QJsonObject { { QStringLiteral("escalations"), items } } }
    };
    return QJsonDocument(envelope).toJson(QJsonDocument::Compact);
}

// Live heap bytes: unlike the resident size it does not count memory freed but kept by malloc.
qint64 heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    return qint64(mallinfo2().uordblks);
#else
    return -1;
#endif
}

qint64 residentBytes()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * 4096 : -1;
}
// The whole listing behind the console's proxy, for the filter and sort benchmarks.
struct ProxiedListing {
    explicit ProxiedListing(const QList<Escalation> &escalations,
                            std::function<QDateTime()> clock = {})
    {
        Clock::setSource(std::move(clock)); // empty: the system clock
        model.setCaseEscalations(QStringLiteral("case"), escalations);
        proxy.setSourceModel(&model);
    }

    EscalationTableModel model;
    EscalationFilterProxyModel proxy; // declared last so it goes before its source
};
} // namespace

class BenchModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void decodeAndReset();
    void decodeOnly();
    void resetOnly();
    void pendingUpdatesWithTenThousandDrafts();
    void filterText();
    void filterOnlyOverdue();
    void sortByFollowUp();
    void memoryPerRow();

private:
    QByteArray m_body;
    QList<Escalation> m_escalations;
};

void BenchModel::initTestCase()
{
    m_body = listingBody(kRows);
    m_escalations = Codec::decodeResponse(200, m_body).escalations;
    QCOMPARE(m_escalations.size(), kRows);
    qInfo("response body: %lld bytes for %d escalations", qint64(m_body.size()), kRows);
}

void BenchModel::decodeAndReset()
{
    EscalationTableModel model;
    QBENCHMARK
    {
        const ApiOutcome outcome = Codec::decodeResponse(200, m_body);
        model.setCaseEscalations(QStringLiteral("case"), outcome.escalations);
    }
    QCOMPARE(model.rowCount(), kRows);
}

void BenchModel::decodeOnly()
{
    ApiOutcome outcome;
    QBENCHMARK
    {
        outcome = Codec::decodeResponse(200, m_body);
    }
    QCOMPARE(outcome.escalations.size(), kRows);
}

void BenchModel::resetOnly()
{
    EscalationTableModel model;
    QBENCHMARK
    {
        model.setCaseEscalations(QStringLiteral("case"), m_escalations);
    }
    QCOMPARE(model.rowCount(), kRows);
}

void BenchModel::pendingUpdatesWithTenThousandDrafts()
{
    EscalationTableModel model;
    model.setCaseEscalations(QStringLiteral("case"), m_escalations);
    const int step = kRows / kDrafts;
    for (int row = 0; row < kRows; row += step)
        model.setData(model.index(row, EscalationTableModel::Note), QStringLiteral("draft"));
    QCOMPARE(model.pendingCount(), kDrafts);
    QList<EscalationUpdate> updates;
    QBENCHMARK
    {
        updates = model.pendingUpdates();
    }
    QCOMPARE(updates.size(), kDrafts);
}

void BenchModel::filterText()
{
    ProxiedListing listing(m_escalations);
    EscalationFilterProxyModel &proxy = listing.proxy;
    int round = 0;
    QBENCHMARK
    {
        // Alternate so that every iteration really filters all rows again.
        proxy.setFilterText(++round % 2 ? QStringLiteral("refill") : QStringLiteral("order 4"));
        // The proxy filters lazily: asking for the rows makes it do the work.
        QVERIFY(proxy.rowCount() > 0);
    }
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < kRows);
}

void BenchModel::filterOnlyOverdue()
{
    ProxiedListing listing(m_escalations,
                           [] { return QtCompat::utcDateTime(QDate(2025, 5, 20), QTime(0, 0)); });
    EscalationFilterProxyModel &proxy = listing.proxy;
    int round = 0;
    QBENCHMARK
    {
        proxy.setOnlyOverdue(++round % 2);
        QVERIFY(proxy.rowCount() > 0);
    }
    proxy.setOnlyOverdue(true);
    QVERIFY(proxy.rowCount() > 0 && proxy.rowCount() < kRows);
}

void BenchModel::sortByFollowUp()
{
    ProxiedListing listing(m_escalations);
    EscalationFilterProxyModel &proxy = listing.proxy;
    int round = 0;
    QBENCHMARK
    {
        proxy.sort(EscalationTableModel::FollowUpDue,
                   ++round % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        QVERIFY(proxy.rowCount() > 0);
    }
    QCOMPARE(proxy.rowCount(), kRows);
}

void BenchModel::memoryPerRow()
{
    // The model alone: decode, load, then drop the decoded list so only the model holds rows.
    const qint64 before = residentBytes();
    const qint64 heapBefore = heapInUse();
    auto model = std::make_unique<EscalationTableModel>();
    {
        const ApiOutcome outcome = Codec::decodeResponse(200, m_body);
        model->setCaseEscalations(QStringLiteral("case"), outcome.escalations);
    }
    const qint64 after = residentBytes();
    const qint64 heapAfter = heapInUse();
    QCOMPARE(model->rowCount(), kRows);
    qInfo("heap in use per row: %lld bytes; resident per row: %lld bytes (sizeof Escalation %zu, "
          "EscalationRow %zu)",
          (heapAfter - heapBefore) / kRows, (after - before) / kRows, sizeof(Escalation),
          sizeof(EscalationRow));
    // The first ID lookup (first undo, first merge) builds the index.
    model->indexOfEscalation(model->index(0, 0).data(EscalationTableModel::IdRole).toString());
    qInfo("heap for the ID index per row: %lld bytes", (heapInUse() - heapAfter) / kRows);
    // Drafts live in a block allocated only for edited rows (freed heap hides it from RSS).
    qInfo("per edited row: sizeof RowEdits %zu + the draft strings + one undo step",
          sizeof(RowEdits));
}

QTEST_MAIN(BenchModel)
#include "bench_model.moc"
