#pragma once

#include "app/session/preferences.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace Care360 {

// The Network page of Preferences: the proxy (the system's, none, or one given by hand), the
// organisation's certificate authorities for TLS-inspecting company proxies, and the request
// time limit. It knows what of it cannot work; PreferencesDialog saves it.
class NetworkPreferencesPage : public QWidget {
    Q_OBJECT
public:
    explicit NetworkPreferencesPage(QWidget *parent = nullptr);

    void setValues(const ProxyChoice &proxy, const QString &caBundleFile, int deadlineSeconds);
    ProxyChoice proxy() const;
    // Absolute, with "~" expanded; empty for none.
    QString caBundleFile() const;
    int deadlineSeconds() const;
    // The sentence that refuses what is on the page, with the field to correct; empty when it
    // can be saved. Reads the CA file as the network will (PEM, else DER).
    QString problem(QWidget **field) const;
    // The proxy setting that is chosen: where the keyboard starts.
    QWidget *chosenProxyButton() const;

private:
    void updateProxyFields();
    void browseCaBundle();

    QRadioButton *m_systemProxy = nullptr;
    QRadioButton *m_noProxy = nullptr;
    QRadioButton *m_manualProxy = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLineEdit *m_host = nullptr;
    QLabel *m_portLabel = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_caBundle = nullptr;
    QSpinBox *m_deadline = nullptr;
};

} // namespace Care360
