// The floor of scripts/bench-startup: the least a Qt 6 Widgets program with a table can do
// between exec and a window on screen. A table window is shown; after its first paint the
// program says so on stderr and quits (with --stay it stays, for reading its memory map).
// Nothing of the console is linked in.
#include <QApplication>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace {
class FirstPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After the paint event is handled, as the console's rows would be.
            QTimer::singleShot(0, qApp, [] {
                std::fputs("floor: painted\n", stderr);
                std::fflush(stderr);
                if (!QCoreApplication::arguments().contains(QStringLiteral("--stay")))
                    QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardItemModel model(0, 7);
    model.setHorizontalHeaderLabels({ QStringLiteral("Title"), QStringLiteral("Type"),
                                      QStringLiteral("Note"), QStringLiteral("Follow-up"),
                                      QStringLiteral("Assignee"), QStringLiteral("Created"),
                                      QStringLiteral("Updated") });
    QTableView view;
    view.setModel(&model);
    FirstPaint firstPaint;
    view.viewport()->installEventFilter(&firstPaint);
    view.resize(1200, 700);
    view.show();
    return QApplication::exec();
}
