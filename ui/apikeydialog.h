#pragma once

#include "app/core/caseworkspace.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace Care360 {

// Asks for the API key of the core's current environment and hands it to the core, which saves
// it in the keychain and gives it to the client. Never reads the stored key, so opening it has no
// side effects; the key goes one way only.
class ApiKeyDialog : public QDialog {
    Q_OBJECT
public:
    explicit ApiKeyDialog(CaseWorkspace *core, QWidget *parent = nullptr);

private:
    enum class Pending { None, Write, Remove };

    void save();
    void forget();
    void onKeySaved(const CaseWorkspace::KeyResult &result);
    void onKeyForgotten(const CaseWorkspace::KeyResult &result);
    void setPending(Pending pending);
    void showStatus(const QString &text, bool isError);
    void updateKeychainState();

    CaseWorkspace *m_core;
    Pending m_pending = Pending::None;
    QLabel *m_environmentLabel = nullptr;
    QLabel *m_keychainStateLabel = nullptr;
    QLineEdit *m_keyEdit = nullptr;
    QToolButton *m_showKeyButton = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_forgetButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Care360
