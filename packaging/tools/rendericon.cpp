// care360-rendericon: renders the scalable app icon into the raster formats installers need
// (a macOS .iconset folder for iconutil, a Windows .ico, single PNGs), so only the SVG is kept
// in the repository. Build-time tool; never installed.
#include <QBuffer>
#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <utility>
#include <vector>

namespace Care360 {
namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image;
}

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        err() << "cannot write " << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    return true;
}

// The names and pixel sizes iconutil expects inside an .iconset folder.
bool writeIconset(QSvgRenderer &renderer, const QString &dir)
{
    if (!QDir().mkpath(dir)) {
        err() << "cannot create " << dir << Qt::endl;
        return false;
    }
    for (const int points : { 16, 32, 128, 256, 512 }) {
        const QString base = QStringLiteral("%1/icon_%2x%2").arg(dir).arg(points);
        if (!writeFile(base + QStringLiteral(".png"), encodePng(render(renderer, points)))
            || !writeFile(base + QStringLiteral("@2x.png"),
                          encodePng(render(renderer, points * 2)))) {
            return false;
        }
    }
    return true;
}

// An ICO whose entries are PNG-compressed (supported since Windows Vista); 256 is stored as 0.
bool writeIco(QSvgRenderer &renderer, const QString &path)
{
    std::vector<std::pair<int, QByteArray>> images;
    for (const int size : { 16, 24, 32, 48, 64, 128, 256 })
        images.emplace_back(size, encodePng(render(renderer, size)));

    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint16(0) << quint16(1) << quint16(images.size());
    quint32 offset = 6 + 16 * quint32(images.size());
    for (const auto &[size, png] : images) {
        const quint8 edge = size >= 256 ? 0 : quint8(size);
        out << edge << edge << quint8(0) << quint8(0) << quint16(1) << quint16(32)
            << quint32(png.size()) << offset;
        offset += quint32(png.size());
    }
    for (const auto &image : images)
        out.writeRawData(image.second.constData(), int(image.second.size()));
    return writeFile(path, bytes);
}

int usage()
{
    err() << "usage: care360-rendericon <icon.svg> --iconset <dir.iconset>\n"
             "       care360-rendericon <icon.svg> --ico <file.ico>\n"
             "       care360-rendericon <icon.svg> --png <size> <file.png>"
          << Qt::endl;
    return 2;
}

} // namespace
} // namespace Care360

int main(int argc, char *argv[])
{
    using namespace Care360;
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4)
        return usage();

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err() << "not a valid SVG: " << args.at(1) << Qt::endl;
        return 1;
    }
    const QString mode = args.at(2);
    if (mode == QLatin1String("--iconset") && args.size() == 4)
        return writeIconset(renderer, args.at(3)) ? 0 : 1;
    if (mode == QLatin1String("--ico") && args.size() == 4)
        return writeIco(renderer, args.at(3)) ? 0 : 1;
    if (mode == QLatin1String("--png") && args.size() == 5) {
        bool ok = false;
        const int size = args.at(3).toInt(&ok);
        if (!ok || size <= 0 || size > 4096)
            return usage();
        return writeFile(args.at(4), encodePng(render(renderer, size))) ? 0 : 1;
    }
    return usage();
}
