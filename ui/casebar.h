#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Care360 {

// The case ID field: accepts a UUID or any pasted text or URL that contains one, validates as
// the agent types and remembers recent cases in its drop-down.
// Names the clear button of a line edit for screen readers (Qt leaves it unnamed).
void nameClearButton(QLineEdit *edit, const QString &name);

class CaseBar : public QWidget {
    Q_OBJECT
public:
    explicit CaseBar(QWidget *parent = nullptr);

    QString caseId() const;
    void setCaseId(const QString &caseId);
    // (case ID, title) pairs, most recent first; a title may be empty.
    void setRecentCases(const QList<QPair<QString, QString>> &cases);
    // Demo cases offered after the recent ones (on the sandbox): ID -> title.
    void setPracticeCases(const QList<QPair<QString, QString>> &cases);
    void setLoadEnabled(bool enabled);
    void focusCaseField();

signals:
    void loadRequested(const QString &caseId);

private:
    void updateValidity();
    void requestLoad();

    QComboBox *m_caseCombo;
    QLabel *m_validityLabel;
    QToolButton *m_loadButton;
    void fillList();

    QList<QPair<QString, QString>> m_recentCases;
    QList<QPair<QString, QString>> m_practiceCases;
    bool m_loadEnabled = true;
    bool m_loadQueued = false;
};

} // namespace Care360
