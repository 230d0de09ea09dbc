#pragma once
// What the Preferences dialog's tests share: the dialog, opened and driven the way people use
// it, keys on whatever has the focus (tst_preferencesdialog, tst_preferencescafile).
#include "ui/preferencesdialog.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

#include <memory>

class PreferencesDialogTest : public QObject {
protected:
    void open()
    {
        m_dialog = std::make_unique<Care360::PreferencesDialog>();
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        QVERIFY(focused());
    }
    QWidget *focused() const { return QApplication::focusWidget(); }
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = focused() ? focused() : m_dialog.get();
        QTest::keyClick(target, key, modifiers);
    }
    void type(const QString &text) { QTest::keyClicks(focused(), text); }
    // Tab until the widget has the focus, as someone without a mouse would.
    bool tabTo(QWidget *widget)
    {
        for (int i = 0; i < 40 && focused() != widget; ++i)
            press(Qt::Key_Tab);
        return focused() == widget;
    }
    template<typename T> T *find(const char *name) const
    {
        auto *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("the preferences dialog has no %s", name);
        return widget;
    }
    // The sentence the dialog shows, empty when it shows none.
    QString problemText() const
    {
        auto *label = find<QLabel>("preferencesProblemLabel");
        return label->isVisible() ? label->text() : QString();
    }

    std::unique_ptr<Care360::PreferencesDialog> m_dialog;
};
