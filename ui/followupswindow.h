#pragma once

#include "app/core/startupoptions.h"

#include <QList>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;
class QTreeView;

namespace Care360 {

class AssigneeDirectory;
class ConsoleServices;
class FollowUpsModel;
class RefreshAllBar;

// The Follow-ups view (issue 25): every escalation with a follow-up the console has listed,
// across cases and organisations, grouped by when it is due. It reads the local store only, so
// opening it asks Care360 nothing; Enter opens the case, which lists it afresh.
class FollowUpsWindow : public QWidget {
    Q_OBJECT
public:
    explicit FollowUpsWindow(ConsoleServices *services, QWidget *parent = nullptr);

    // Shows, raises and activates the window with the keyboard on the list.
    void present();
    FollowUpsModel *model() const { return m_model; }

signals:
    // Enter or a double click on a follow-up: its case, where it was listed.
    void openRequested(const Care360::StartupOptions &options);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLayout *createWidgets();
    void setUpKeys();
    void onLoaded();
    // Who the assignees are and which of them is the agent (Preferences' e-mail).
    void updatePeople();
    void updateProfiles();
    void updateStatus();
    // Regroups only when a follow-up changed group since the last grouping: a reset moves
    // nothing under the agent's keys, but it is not free either.
    void activate(const QModelIndex &index);
    void rememberCurrent();
    void afterReset();

    ConsoleServices *m_services;
    FollowUpsModel *m_model;
    AssigneeDirectory *m_people;
    QSet<QString> m_myUserIds;
    QComboBox *m_profileCombo = nullptr;
    QCheckBox *m_mineCheck = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_closeButton = nullptr;
    RefreshAllBar *m_refreshAll = nullptr;
    QTimer *m_regroupTimer;
    QString m_problem; // the store's last sentence, until it loads again
    // The follow-up the keyboard was on before a reset (profile, case, escalation).
    QStringList m_current;
};

} // namespace Care360
