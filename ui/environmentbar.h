#pragma once

#include "models/environment.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace Care360 {

// Toolbar part: which Care360 environment the console talks to, and the state of its API key.
class EnvironmentBar : public QWidget {
    Q_OBJECT
public:
    explicit EnvironmentBar(bool offerSandbox, QWidget *parent = nullptr);

    // Shows environment without emitting environmentRequested.
    void setEnvironment(const Environment &environment);
    // The custom address used last, offered when Custom URL… is chosen from elsewhere.
    void setRememberedCustomUrl(const QUrl &url) { m_rememberedCustomUrl = url; }
    void setKeyState(const QString &text, const QString &toolTip);
    QToolButton *keyButton() const { return m_keyButton; }

signals:
    void environmentRequested(const Care360::Environment &environment);

private:
    void onActivated(int index);

    QComboBox *m_combo;
    QLabel *m_sandboxBadge;
    QLabel *m_keyStateLabel;
    QToolButton *m_keyButton;
    QUrl m_rememberedCustomUrl;
    Environment m_current;
};

} // namespace Care360
