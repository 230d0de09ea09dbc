#include "escalationdelegate.h"
#include "completionpick.h"
#include "followupeditor.h"
#include "qtcompatwidgets.h"
#include "statepalette.h"

#include "models/assigneedirectory.h"
#include "models/escalationtablemodel.h"
#include "models/requestschema.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>
#include <QTimer>
#include <QToolTip>

#include <optional>

namespace Care360 {

namespace {
using Model = EscalationTableModel;

const char *const kFilledProperty = "care360Filled";
const char *const kSeedProperty = "care360Seed";
const char *const kCommittedProperty = "care360Committed";
const char *const kSpokenProperty = "care360Spoken";

// Says how many people an assignee editor's list offers when it opens, from the editor (the
// list is a window of its own, with no focus event a screen reader would follow).
class SuggestionsSpeaker : public QObject {
public:
    explicit SuggestionsSpeaker(QLineEdit *editor)
        : QObject(editor)
        , m_editor(editor)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            const auto *popup = static_cast<QAbstractItemView *>(watched);
            const int offered = popup->model() ? popup->model()->rowCount() : 0;
            QtCompat::announce(
                m_editor,
                EscalationDelegate::tr("%Ln person(s) offered; Down to choose, Enter to take.",
                                       nullptr, offered));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QLineEdit *m_editor;
};

// The assignee editor; the follow-up editor is a line edit too, with its own rules.
QLineEdit *asEmail(QObject *editor)
{
    return qobject_cast<FollowUpEditor *>(editor) ? nullptr : qobject_cast<QLineEdit *>(editor);
}

// Empty means "no change" and is fine to leave; anything else must be an address.
bool isAcceptableEmail(const QLineEdit *email)
{
    const QString text = AssigneeDirectory::emailFromCompletion(email->text());
    return text.isEmpty() || RequestSchema::isEmail(text);
}

void showHint(QWidget *editor, const QString &hint)
{
    QToolTip::showText(editor->mapToGlobal(QPoint(0, editor->height())), hint, editor);
}

void showEmailHint(QLineEdit *email)
{
    showHint(email,
             EscalationDelegate::tr("Enter a valid e-mail address, or press Esc to cancel."));
}

// Text the follow-up editor cannot read never leaves it: it stays open with the reason.
bool keepsUnreadableDate(FollowUpEditor *date)
{
    if (!date || date->isAcceptable())
        return false;
    showHint(date, date->hint());
    QtCompat::announce(date, date->hint()); // the tooltip alone is not heard
    return true;
}

// Whether the keyboard went somewhere other than the editor and its popups (the calendar).
bool focusLeft(const QWidget *editor)
{
    for (const QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        if (w == editor)
            return false;
    }
    return true;
}

bool isCommitKey(const QKeyEvent *key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
        && key->modifiers().testFlag(Qt::ControlModifier);
}
} // namespace

EscalationDelegate::EscalationDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    setObjectName(QStringLiteral("escalationDelegate"));
}

QWidget *EscalationDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    switch (index.column()) {
    case Model::Note: {
        auto *editor = new QPlainTextEdit(parent);
        editor->setObjectName(QStringLiteral("noteEditor"));
        editor->setAccessibleName(tr("Note"));
        editor->setTabChangesFocus(true);
        editor->setToolTip(tr("Ctrl+Enter saves the note as a draft, Esc cancels."));
        return editor;
    }
    case Model::FollowUpDue:
        return new FollowUpEditor(m_followUpHour, parent);
    case Model::Assignee: {
        auto *editor = new QLineEdit(parent);
        editor->setObjectName(QStringLiteral("assigneeEditor"));
        editor->setAccessibleName(tr("Assignee e-mail"));
        editor->setPlaceholderText(tr("name@organisation.example"));
        // Names and e-mails, matched anywhere: "ode" finds "Kim Ode <kim@…>".
        auto *completer = new QCompleter(m_completions, editor);
        completer->setObjectName(QStringLiteral("assigneeCompleter"));
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        editor->setCompleter(completer);
        // The popup takes the Enter that picks an entry: that same press commits it.
        // createEditor() is const by Qt's signature; committing emits the delegate's signals.
        // The popup forwards that Enter straight to the line edit's event(), past this
        // delegate's event filter: returnPressed is where it arrives.
        auto *self = const_cast<EscalationDelegate *>(this);
        const auto commitLater = [self, editor] {
            QTimer::singleShot(0, editor, [self, editor] { self->commitEditor(editor); });
        };
        connect(completer, qOverload<const QString &>(&QCompleter::activated), editor, commitLater);
        // The list opening is heard with its size (Orca read nothing until Down).
        completer->popup()->installEventFilter(new SuggestionsSpeaker(editor));
        connect(editor, &QLineEdit::returnPressed, editor, commitLater);
        return editor;
    }
    default:
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void EscalationDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    // Qt calls this again on every dataChanged() covering an open editor (the due-state timer,
    // a merged answer): fill each editor once, so that what the agent is typing survives.
    if (editor->property(kFilledProperty).toBool())
        return;
    editor->setProperty(kFilledProperty, true);
    const QVariant value = index.data(Model::EditValueRole);
    if (auto *note = qobject_cast<QPlainTextEdit *>(editor)) {
        note->setPlainText(value.toString());
        note->moveCursor(QTextCursor::End);
    } else if (auto *date = qobject_cast<FollowUpEditor *>(editor)) {
        // An empty follow-up opens empty: its reading line says what may be typed.
        const QDateTime local = value.toDateTime().toLocalTime();
        date->setDateTime(local);
        date->selectAll();
        // What was shown: leaving it as it is changes nothing, however it would read now.
        date->setProperty(kSeedProperty, date->text());
        // The editor's own tooltip lists its shortcuts; the stored UTC value goes below them.
        if (local.isValid())
            date->setToolTip(date->toolTip() + QLatin1Char('\n')
                             + tr("UTC: %1").arg(local.toUTC().toString(Qt::ISODate)));
    } else if (auto *email = qobject_cast<QLineEdit *>(editor)) {
        email->setText(value.toString());
    } else {
        QStyledItemDelegate::setEditorData(editor, index);
    }
}

void EscalationDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                      const QModelIndex &index) const
{
    if (auto *note = qobject_cast<QPlainTextEdit *>(editor)) {
        model->setData(index, note->toPlainText(), Qt::EditRole);
    } else if (auto *date = qobject_cast<FollowUpEditor *>(editor)) {
        // Opening and leaving a follow-up changes nothing; an empty one cannot be sent (Care360
        // keeps the old date) and an unreadable one never becomes a draft.
        const QDateTime value = date->dateTime();
        if (date->text() == date->property(kSeedProperty).toString() || !value.isValid())
            return;
        model->setData(index, value.toUTC(), Qt::EditRole);
    } else if (auto *email = qobject_cast<QLineEdit *>(editor)) {
        const QString text = AssigneeDirectory::emailFromCompletion(email->text());
        // An invalid address never becomes a draft; the eventFilter keeps the editor open.
        if (RequestSchema::isEmail(text))
            model->setData(index, text, Qt::EditRole);
    } else {
        QStyledItemDelegate::setModelData(editor, model, index);
    }
}

void EscalationDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                              const QModelIndex &index) const
{
    if (qobject_cast<QPlainTextEdit *>(editor)) {
        // The note editor grows below the row so that several lines are visible while typing.
        QRect rect = option.rect;
        rect.setHeight(qMax(rect.height() * 4, 120));
        rect.setWidth(qMax(rect.width(), 320));
        editor->setGeometry(rect);
        return;
    }
    if (qobject_cast<FollowUpEditor *>(editor)) {
        // The follow-up editor grows below the row for the line that shows how it reads.
        QRect rect = option.rect;
        rect.setHeight(qMax(rect.height(), editor->sizeHint().height()));
        rect.setWidth(qMax(rect.width(), 360));
        editor->setGeometry(rect);
        return;
    }
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
}

bool EscalationDelegate::commitEditor(QWidget *editor)
{
    // Enter and the completion can both ask for the same commit: the first one wins.
    if (editor->property(kCommittedProperty).toBool())
        return true;
    if (keepsUnreadableDate(qobject_cast<FollowUpEditor *>(editor)))
        return false;
    if (auto *email = asEmail(editor); email && !isAcceptableEmail(email)) {
        takeOfferedCompletion(email); // "ode" + Enter: the first person offered
        if (!isAcceptableEmail(email)) {
            showEmailHint(email);
            return false;
        }
    }
    editor->setProperty(kCommittedProperty, true);
    emit commitData(editor);
    emit closeEditor(editor, QAbstractItemDelegate::NoHint);
    return true;
}

bool EscalationDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *editor = qobject_cast<QWidget *>(object);
    // The first focus of an editor: a screen reader hears which editor it is (and the date a
    // follow-up editor reads; never a note's text, which is patient information).
    if (editor && event->type() == QEvent::FocusIn && !editor->property(kSpokenProperty).toBool()) {
        editor->setProperty(kSpokenProperty, true);
        const auto *date = qobject_cast<FollowUpEditor *>(editor);
        const QString reading = date ? date->accessibleDescription() : QString();
        QtCompat::sayOpenedEditor(
            editor,
            reading.isEmpty() ? tr("Editing: %1").arg(editor->accessibleName())
                              : tr("Editing: %1, %2").arg(editor->accessibleName(), reading));
    }
    // Claim Ctrl+Enter before the window's Send shortcut sees it: in the note it commits.
    if (editor && event->type() == QEvent::ShortcutOverride
        && qobject_cast<QPlainTextEdit *>(editor) && isCommitKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    if (editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (qobject_cast<QPlainTextEdit *>(editor) && isCommitKey(key)) {
            emit commitData(editor);
            emit closeEditor(editor, QAbstractItemDelegate::NoHint);
            return true;
        }
        auto *email = asEmail(editor);
        const bool submits = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
            || key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        // Enter and Tab commit a readable date (Tab then opens the next cell's editor).
        if (submits && keepsUnreadableDate(qobject_cast<FollowUpEditor *>(editor)))
            return true;
        // Enter in a one-line editor is committed here, at once: Qt's own commit is queued, so
        // a click on another cell before it ran committed the editor a second time (the view
        // warned that it "does not belong to this view"), and an address's returnPressed made a
        // third. An unreadable date or address keeps its editor open with a hint; a partial
        // name takes the first person offered.
        const bool oneLine = !qobject_cast<QPlainTextEdit *>(editor); // Enter: a new line there
        if (oneLine && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            commitEditor(editor);
            return true;
        }
        if (email && submits && !isAcceptableEmail(email)) {
            showEmailHint(email);
            return true;
        }
    }
    // Leaving an invalid address or date by clicking elsewhere keeps the editor (and the text)
    // open; the calendar popup taking the keyboard is not leaving.
    if (auto *email = asEmail(editor);
        email && event->type() == QEvent::FocusOut && !isAcceptableEmail(email)) {
        showEmailHint(email);
        return true;
    }
    if (event->type() == QEvent::FocusOut && focusLeft(editor)
        && keepsUnreadableDate(qobject_cast<FollowUpEditor *>(editor)))
        return true;
    return QStyledItemDelegate::eventFilter(object, event);
}

void EscalationDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    if (index.data(Model::InactiveRole).toBool()) {
        option->font.setStrikeOut(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
    std::optional<StatePalette::State> state;
    if (index.column() == Model::FollowUpDue) {
        if (index.data(Model::OverdueRole).toBool()) {
            option->text = tr("Overdue · %1").arg(option->text);
            state = StatePalette::State::Overdue;
        } else if (index.data(Model::DueSoonRole).toBool()) {
            option->text = tr("Due soon · %1").arg(option->text);
            state = StatePalette::State::DueSoon;
        }
    }
    if (!index.data(Model::ErrorRole).toString().isEmpty()) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
        state = StatePalette::State::Error;
    } else if (index.data(Model::DirtyRole).toBool()) {
        option->text = tr("✎ %1").arg(option->text);
        option->font.setItalic(true);
        state = StatePalette::State::Edited;
    }
    if (!state)
        return;
    // Tints come from the view's palette so that dark and high-contrast themes stay readable;
    // the text keeps its colour (the inactive grey too) unless the tint would make it too faint.
    // Selected cells are painted in Highlight/HighlightedText and need nothing here.
    const QColor background = StatePalette::background(option->palette, *state);
    option->backgroundBrush = background;
    for (const auto group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        option->palette.setColor(
            group, QPalette::Text,
            StatePalette::readableOn(option->palette.color(group, QPalette::Text), background));
    }
}

} // namespace Care360
