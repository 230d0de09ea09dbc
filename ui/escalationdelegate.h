#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace Care360 {

// Editors and at-a-glance marks for the escalations table. Editable columns get real editors:
// a multi-line note (Ctrl+Enter commits, Esc cancels), a follow-up date typed as people write
// it (FollowUpEditor: Enter and Tab commit only what it can read), and an e-mail field with
// completion. Dirty, failing, overdue and due-soon cells carry a text or icon mark besides any
// colour, so nothing is told by colour alone.
class EscalationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit EscalationDelegate(QObject *parent = nullptr);

    // What the assignee editor offers: "Name <e-mail>" entries and e-mails.
    void setCompletions(const QStringList &entries) { m_completions = entries; }
    void setFollowUpHour(int hour) { m_followUpHour = hour; }
    // Commits an open editor and closes it, as Enter would, so that quitting, switching or
    // sending sees its text. False when the text cannot become a draft (an invalid e-mail, a
    // date it cannot read): the editor stays open with its hint.
    bool commitEditor(QWidget *editor);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    QStringList m_completions;
    int m_followUpHour = 9;
};

} // namespace Care360
