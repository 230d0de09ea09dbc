#pragma once

#include "app/drafts/journalindex.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace Care360 {

// The first screen's list of cases whose unsent changes are kept on this computer (from the
// journal's sealed index): where each is, when it was last changed, and Enter opens it.
class UnsentWorkList : public QWidget {
    Q_OBJECT
public:
    explicit UnsentWorkList(QWidget *parent = nullptr);

    void setEntries(const QList<JournalIndex::Entry> &entries);
    bool isEmpty() const;

signals:
    void openRequested(const QString &journalEnvironment, const QString &caseId);

private:
    QLabel *m_title;
    QListWidget *m_list;
};

} // namespace Care360
