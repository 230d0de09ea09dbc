#pragma once

// Keyboard mnemonics of a window, its menus and its dialogs, shared by tst_keyboard (English)
// and tst_i18n (Spanish): the letters after '&' that must be unique where they act together.
#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMultiHash>
#include <QStringList>
#include <QWidget>

namespace Mnemonics {
// The mnemonic letter of a text ("Re&vert" -> 'v'), or a null QChar.
inline QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// "<letter>: <text> / <text>" for every letter used twice among the texts.
inline QStringList clashes(const QStringList &texts)
{
    QMultiHash<QChar, QString> byLetter;
    for (const QString &text : texts) {
        if (const QChar letter = mnemonic(text); !letter.isNull())
            byLetter.insert(letter, text);
    }
    QStringList found;
    for (const QChar letter : byLetter.uniqueKeys()) {
        if (byLetter.count(letter) > 1)
            found << QStringLiteral("%1: %2").arg(letter).arg(byLetter.values(letter).join(" / "));
    }
    return found;
}

// The texts that carry a window-wide mnemonic: buttons, labels with buddies, group boxes, and
// the menu bar's titles; never what sits inside a menu.
inline QStringList windowTexts(QWidget *root)
{
    QStringList texts;
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
        texts << button->text();
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    for (QGroupBox *box : root->findChildren<QGroupBox *>())
        texts << box->title();
    if (auto *bar = root->findChild<QMenuBar *>()) {
        for (const QAction *action : bar->actions())
            texts << action->text();
    }
    return texts;
}

inline QStringList actionTexts(const QList<QAction *> &actions)
{
    QStringList texts;
    for (const QAction *action : actions)
        texts << action->text();
    return texts;
}

} // namespace Mnemonics
