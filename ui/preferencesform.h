#pragma once

#include <QFocusEvent>
#include <QLabel>
#include <QSpinBox>

#include "namedwidget.h"

// The pieces every Preferences page is made of: named controls, labels whose mnemonic focuses
// their control, and wrapped hints.
namespace Care360::PreferencesForm {

inline QLabel *buddyLabel(const QString &text, QWidget *buddy, const char *objectName)
{
    auto *label = new QLabel(text, buddy->parentWidget());
    label->setObjectName(QLatin1String(objectName));
    label->setBuddy(buddy);
    return label;
}

inline QLabel *hintLabel(const QString &text, QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    return label;
}

// A spin box whose number is selected whenever the keyboard brings the focus (Tab, Alt+letter,
// a page switch), so that what is typed replaces it; Qt selects it for Tab only, and "14" typed
// after a page switch would become 149.
class NumberSpinBox : public QSpinBox {
public:
    using QSpinBox::QSpinBox;

protected:
    void focusInEvent(QFocusEvent *event) override
    {
        QSpinBox::focusInEvent(event);
        const Qt::FocusReason reason = event->reason();
        if (reason != Qt::MouseFocusReason && reason != Qt::ActiveWindowFocusReason
            && reason != Qt::PopupFocusReason)
            selectAll();
    }
};

} // namespace Care360::PreferencesForm
