#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Care360 {

class ConsoleServices;
class FollowUpRefresher;

// "Refresh all" in the Follow-ups window: the button (which stops a refresh under way), its
// progress, and the sentence it ends with. The rate and the rules are FollowUpRefresher's.
class RefreshAllBar : public QWidget {
    Q_OBJECT
public:
    explicit RefreshAllBar(ConsoleServices *services, QWidget *parent = nullptr);

    QPushButton *button() const { return m_button; }
    FollowUpRefresher *refresher() const { return m_refresher; }

private:
    void toggle();
    void onProgress(int done, int total, const QString &current);
    void onFinished(const QString &sentence);

    FollowUpRefresher *m_refresher;
    QPushButton *m_button;
    QProgressBar *m_progress;
    QLabel *m_sentence;
};

} // namespace Care360
