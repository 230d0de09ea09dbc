#pragma once

#include <QDateTime>
#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Care360 {

class FollowUpEditor;

// One value for many escalations: an assignee, a follow-up date, or a line added to every
// note. The window turns the answer into one undo step; Send carries it in one request.
class BulkEditDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind { Assignee, FollowUp, NoteLine };

    BulkEditDialog(Kind kind, int rows, const QStringList &completions, int followUpHour,
                   QWidget *parent = nullptr);

    // The e-mail (from "Name <e-mail>" too) or the note line.
    QString text() const;
    QDateTime followUp() const; // local time, whole minutes

private:
    void updateOk();

    Kind m_kind;
    QLineEdit *m_edit = nullptr;
    FollowUpEditor *m_date = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Care360
