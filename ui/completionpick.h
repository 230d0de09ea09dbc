#pragma once

#include <QCompleter>
#include <QLineEdit>

namespace Care360 {

// "nur" + Enter means the first person the list offers for it, in the cell editor and the bulk
// dialog alike. Returns whether the field's text was replaced.
inline bool takeOfferedCompletion(QLineEdit *field)
{
    QCompleter *completer = field->completer();
    if (!completer || field->text().trimmed().isEmpty() || completer->completionCount() == 0)
        return false;
    field->setText(completer->currentCompletion());
    return true;
}

} // namespace Care360
