#include "casebar.h"

#include <QAction>

#include "models/caseid.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTimer>
#include <QToolButton>

namespace Care360 {

void nameClearButton(QLineEdit *edit, const QString &name)
{
    // Qt's clear button shows an action with no text, read as an unnamed button: name it.
    // The action is the line edit's child, not one of its actions().
    if (auto *clear = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"))) {
        clear->setText(name);
        clear->setToolTip(name);
    }
}

CaseBar::CaseBar(QWidget *parent)
    : QWidget(parent)
    , m_caseCombo(new QComboBox(this))
    , m_validityLabel(new QLabel(this))
    , m_loadButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("caseBar"));
    auto *label = new QLabel(tr("Case &ID:"), this);
    label->setObjectName(QStringLiteral("caseLabel"));
    label->setBuddy(m_caseCombo);

    m_caseCombo->setObjectName(QStringLiteral("caseIdCombo"));
    m_caseCombo->setAccessibleName(tr("Case ID"));
    m_caseCombo->setEditable(true);
    m_caseCombo->setInsertPolicy(QComboBox::NoInsert);
    m_caseCombo->setMinimumContentsLength(38);
    m_caseCombo->lineEdit()->setObjectName(QStringLiteral("caseIdEdit"));
    m_caseCombo->lineEdit()->setAccessibleName(tr("Case ID"));
    m_caseCombo->lineEdit()->setPlaceholderText(tr("Paste a case ID or a link to a case"));
    m_caseCombo->lineEdit()->setClearButtonEnabled(true);
    nameClearButton(m_caseCombo->lineEdit(), tr("Clear the case ID"));

    m_validityLabel->setObjectName(QStringLiteral("caseValidityLabel"));
    m_validityLabel->setAccessibleName(tr("Case ID check"));

    m_loadButton->setObjectName(QStringLiteral("loadButton"));
    m_loadButton->setAccessibleName(tr("Load case"));
    m_loadButton->setText(tr("Load"));
    m_loadButton->setToolTip(tr("Load the case's active escalations (Enter)"));
    m_loadButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_caseCombo, 1);
    layout->addWidget(m_validityLabel);
    layout->addWidget(m_loadButton);

    connect(m_caseCombo, &QComboBox::editTextChanged, this, &CaseBar::updateValidity);
    connect(m_caseCombo->lineEdit(), &QLineEdit::returnPressed, this, &CaseBar::requestLoad);
    connect(m_caseCombo, qOverload<int>(&QComboBox::activated), this, &CaseBar::requestLoad);
    connect(m_loadButton, &QToolButton::clicked, this, &CaseBar::requestLoad);
    updateValidity();
}

QString CaseBar::caseId() const
{
    return CaseId::extract(m_caseCombo->currentText());
}

void CaseBar::setCaseId(const QString &caseId)
{
    // Setting the same text again raises text events that a screen reader takes for the focus
    // being back in the field (Orca 48), after the table already had it.
    if (m_caseCombo->currentText() != caseId)
        m_caseCombo->setEditText(caseId);
}

void CaseBar::setRecentCases(const QList<QPair<QString, QString>> &cases)
{
    m_recentCases = cases;
    fillList();
}

void CaseBar::setPracticeCases(const QList<QPair<QString, QString>> &cases)
{
    m_practiceCases = cases;
    fillList();
}

void CaseBar::fillList()
{
    const QString text = m_caseCombo->currentText();
    m_caseCombo->clear();
    // The ID first, so that picking an entry puts a loadable ID in the field (the title after
    // it is ignored by CaseId::extract).
    QSet<QString> listed;
    const auto add = [this, &listed](const QString &id, const QString &title) {
        if (listed.contains(id))
            return;
        listed.insert(id);
        m_caseCombo->addItem(title.isEmpty() ? id : tr("%1 (%2)").arg(id, title), id);
    };
    QHash<QString, QString> practiceTitles;
    for (const auto &[id, title] : std::as_const(m_practiceCases))
        practiceTitles.insert(id, title);
    for (const auto &[id, title] : std::as_const(m_recentCases))
        add(id, title.isEmpty() ? practiceTitles.value(id) : title);
    for (const auto &[id, title] : std::as_const(m_practiceCases))
        add(id, title);
    m_caseCombo->setEditText(text);
}

void CaseBar::setLoadEnabled(bool enabled)
{
    m_loadEnabled = enabled;
    updateValidity();
}

void CaseBar::focusCaseField()
{
    m_caseCombo->setFocus(Qt::ShortcutFocusReason);
    m_caseCombo->lineEdit()->selectAll();
}

void CaseBar::updateValidity()
{
    const QString text = m_caseCombo->currentText().trimmed();
    const QString id = CaseId::extract(text);
    // A textual mark as well as the tooltip, so the state is not told by colour alone.
    // A screen reader hears the check in words, never "check mark".
    if (text.isEmpty()) {
        m_validityLabel->setText(QString());
        m_validityLabel->setToolTip(QString());
        m_validityLabel->setAccessibleName(tr("Case ID check: nothing entered"));
    } else if (id.isEmpty()) {
        m_validityLabel->setText(tr("✗ not a case ID"));
        m_validityLabel->setToolTip(
            tr("A case ID looks like 3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01."));
        m_validityLabel->setAccessibleName(tr("Case ID check: not a case ID"));
    } else {
        m_validityLabel->setText(id == text.toLower() ? tr("✓") : tr("✓ %1").arg(id));
        m_validityLabel->setToolTip(tr("Case ID %1").arg(id));
        m_validityLabel->setAccessibleName(tr("Case ID check: valid, %1").arg(id));
    }
    m_loadButton->setEnabled(m_loadEnabled && !id.isEmpty());
}

void CaseBar::requestLoad()
{
    const QString id = caseId();
    if (id.isEmpty() || !m_loadEnabled)
        return;
    if (m_caseCombo->currentText() != id)
        m_caseCombo->setEditText(id);
    // Return on a recent case fires both returnPressed and activated: emit once per key press.
    if (m_loadQueued)
        return;
    m_loadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_loadQueued = false;
        const QString current = caseId();
        if (!current.isEmpty() && m_loadEnabled)
            emit loadRequested(current);
    });
}

} // namespace Care360
