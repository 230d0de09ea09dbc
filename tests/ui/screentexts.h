#pragma once

// What the language suites look for on screen (tests/ui/tst_i18n): the texts a window shows,
// those that skipped tr(), the widgets that clip a longer translation, and the dialogs they
// open to look.
#include "models/escalationtablemodel.h"
#include "ui/preferencesdialog.h"

#include <QAbstractButton>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QTabWidget>
#include <QTest>

#include <functional>

namespace Care360::ScreenTexts {

using Model = EscalationTableModel;

inline const QChar pseudoMark(0x27E6); // ⟦, which the pseudo-translation puts before every text

// Qt's own standard-button texts: qtbase translates them, so they carry no pseudo mark.
inline bool isQtStandardButton(QAbstractButton *button)
{
    auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget());
    return box && box->standardButton(button) != QDialogButtonBox::NoButton
        && !button->text().contains(pseudoMark);
}

inline bool insideCalendar(const QWidget *widget)
{
    for (; widget; widget = widget->parentWidget()) {
        if (qobject_cast<const QCalendarWidget *>(widget))
            return true;
    }
    return false;
}

// "<where>: <text>" for every text on screen under root, plus its menus' actions.
inline QStringList visibleTexts(QWidget *root)
{
    QStringList texts;
    const auto add = [&texts](const QObject *from, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts << from->objectName() + QStringLiteral(": ") + text;
    };
    add(root, root->windowTitle());
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!widget->isVisibleTo(root) && !qobject_cast<QMenu *>(widget))
            continue;
        // Qt's calendar: month names and numbers are QLocale's data, not ours.
        if (insideCalendar(widget))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget);
            button && !isQtStandardButton(button))
            add(button, button->text());
        if (auto *label = qobject_cast<QLabel *>(widget))
            add(label, label->text());
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            add(edit, edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(widget))
            add(box, box->title());
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                add(combo, combo->itemText(i));
        }
        if (auto *list = qobject_cast<QListWidget *>(widget)) {
            for (int i = 0; i < list->count(); ++i)
                add(list, list->item(i)->text());
        }
        if (auto *header = qobject_cast<QHeaderView *>(widget);
            header && header->orientation() == Qt::Horizontal && header->model()) {
            for (int section = 0; section < header->count(); ++section)
                add(header, header->model()->headerData(section, Qt::Horizontal).toString());
        }
        if (auto *menu = qobject_cast<QMenu *>(widget)) {
            add(menu, menu->title());
            for (const QAction *action : menu->actions())
                add(menu, action->text());
        }
    }
    return texts;
}

// The texts without the pseudo mark, apart from data: strings that never went through tr().
inline QStringList untranslated(const QStringList &texts)
{
    // Data, not wording: the case field remembers the case IDs opened before.
    static const QRegularExpression caseIdItem(QStringLiteral(
        "^caseIdCombo: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QStringList found;
    for (const QString &text : texts) {
        if (!text.contains(pseudoMark) && !caseIdItem.match(text).hasMatch())
            found << text;
    }
    return found;
}

// "<name> (<hint> > <size>)" for each visible label or button under root too small for its text.
inline QStringList clipped(QWidget *root)
{
    QStringList found;
    const auto check = [&found](QWidget *widget, bool fits, int needed, int has) {
        if (!fits)
            found << QStringLiteral("%1 \"%2\" (%3 > %4)")
                         .arg(widget->objectName(), widget->property("text").toString())
                         .arg(needed)
                         .arg(has);
    };
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        // A line edit's clear button paints only its icon; its text is for screen readers.
        if (!widget->isVisible() || widget->property("text").toString().isEmpty()
            || qobject_cast<QLineEdit *>(widget->parentWidget()))
            continue;
        auto *label = qobject_cast<QLabel *>(widget);
        if (label && label->wordWrap()) {
            const int needed = label->heightForWidth(label->width());
            check(label, needed <= label->height(), needed, label->height());
        } else if (label || qobject_cast<QAbstractButton *>(widget)) {
            const int needed = widget->sizeHint().width();
            check(widget, needed <= widget->width(), needed, widget->width());
        }
    }
    return found;
}

// Shows a dialog and saves it next to the window's screenshots.
inline void showAndSave(QDialog &dialog, const QString &name)
{
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString dir = QStringLiteral(CARE360_BIN_DIR "/../screenshots");
    QDir().mkpath(dir);
    dialog.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Calls check on each page of the Preferences dialog, shown; the tabs and buttons act on all.
inline void forEachPreferencesPage(PreferencesDialog &dialog,
                                   const std::function<void(QWidget *)> &check)
{
    auto *pages = dialog.findChild<QTabWidget *>(QStringLiteral("preferencesPages"));
    QVERIFY(pages && pages->count() == 4);
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QTest::qWait(20); // the page's layout
        check(pages->widget(page));
    }
}

inline QList<EscalationUpdate> twoUpdates(Model *model)
{
    const QString first = model->index(0, 0).data(Model::IdRole).toString();
    const QString second = model->index(1, 0).data(Model::IdRole).toString();
    return { { first, QStringLiteral("n"), {}, {} },
             { second, {}, {}, QStringLiteral("agent@acme.example") } };
}

} // namespace Care360::ScreenTexts
