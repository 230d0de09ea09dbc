#pragma once

#include <QMainWindow>

namespace Care360 {

// Placeholder until the console window issue lands.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace Care360
