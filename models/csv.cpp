#include "csv.h"

#include <QCoreApplication>

#include <csv.h>

namespace Care360::Csv {

namespace {
struct Reader {
    Table table;
    QStringList row;
};

void onField(void *data, size_t length, void *reader)
{
    static_cast<Reader *>(reader)->row
        << QString::fromUtf8(static_cast<const char *>(data), qsizetype(length));
}

void onRecordEnd(int, void *reader)
{
    auto *r = static_cast<Reader *>(reader);
    r->table.rows << std::exchange(r->row, QStringList());
}

struct Translate {
    Q_DECLARE_TR_FUNCTIONS(Care360::Csv)
};

// Whether neutralised() prefixes text: its first character after any 's starts a formula.
bool startsAFormula(QStringView text)
{
    qsizetype first = 0;
    while (first < text.size() && text.at(first) == u'\'')
        ++first;
    return first < text.size() && QStringView(u"=+-@\t\r").contains(text.at(first));
}
} // namespace

Table read(const QByteArray &utf8, char separator)
{
    QByteArray bytes = utf8;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    Reader reader;
    csv_parser parser;
    // Strict: a stray quote inside an unquoted field is an error, not a guess.
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        reader.table.error = Translate::tr("The CSV reader could not start.");
        return reader.table;
    }
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    const size_t parsed =
        csv_parse(&parser, bytes.constData(), size_t(bytes.size()), onField, onRecordEnd, &reader);
    if (parsed != size_t(bytes.size()) || csv_fini(&parser, onField, onRecordEnd, &reader) != 0) {
        reader.table.error = Translate::tr("Row %1 is not valid CSV (%2).")
                                 .arg(reader.table.rows.size() + 1)
                                 .arg(QString::fromLatin1(csv_strerror(csv_error(&parser))));
    }
    csv_free(&parser);
    return reader.table;
}

QByteArray record(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        const QByteArray field = fields.at(i).toUtf8();
        // libcsv trims spaces and tabs around unquoted fields: quoting keeps them.
        const bool quote = field.contains(',') || field.contains('"') || field.contains('\n')
            || field.contains('\r') || field.startsWith(' ') || field.endsWith(' ')
            || field.startsWith('\t') || field.endsWith('\t');
        if (!quote) {
            line += field;
            continue;
        }
        // csv_write doubles the quotes and adds the outer pair; its size is bounded by 2n+2.
        QByteArray quoted(field.size() * 2 + 2, Qt::Uninitialized);
        quoted.truncate(qsizetype(csv_write(quoted.data(), size_t(quoted.size()), field.constData(),
                                            size_t(field.size()))));
        line += quoted;
    }
    return line + "\r\n";
}

QString neutralised(const QString &cell)
{
    return startsAFormula(cell) ? QLatin1Char('\'') + cell : cell;
}

QString unneutralised(const QString &cell)
{
    return cell.startsWith(QLatin1Char('\'')) && startsAFormula(QStringView(cell).mid(1))
        ? cell.mid(1)
        : cell;
}

} // namespace Care360::Csv
