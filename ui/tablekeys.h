#pragma once

#include <QObject>

class QAbstractItemView;

namespace Care360 {

// Keys the escalation table needs beyond Qt's: Ctrl+Space selects or unselects the current
// cell's row without opening an editor (with AnyKeyPressed, Qt would start editing on the
// space), and Shift+F10 or the Menu key open the cell's own commands (the view's actions) at
// the cell, as a right click does.
class TableKeys : public QObject {
    Q_OBJECT
public:
    explicit TableKeys(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void toggleCurrentRow();
    void openContextMenu();

    QAbstractItemView *m_view;
};

} // namespace Care360
