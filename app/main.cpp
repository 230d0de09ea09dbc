#include "care360/version.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral(CARE360_APP_NAME));
    QApplication::setApplicationVersion(QStringLiteral(CARE360_VERSION));
    QApplication::setOrganizationDomain(QStringLiteral("care360.com"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Care360 Escalations Console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Care360::MainWindow window;
    window.show();
    return app.exec();
}
