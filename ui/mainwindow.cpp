#include "mainwindow.h"

#include <QLabel>

namespace Care360 {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *label = new QLabel(tr("Care360 Escalations Console"), this);
    label->setObjectName(QStringLiteral("placeholderLabel"));
    setCentralWidget(label);
}

} // namespace Care360
