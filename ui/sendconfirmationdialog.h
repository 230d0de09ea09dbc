#pragma once

#include "models/escalation.h"

#include <QDialog>

class QCheckBox;

namespace Care360 {

// Asks before anything is sent to Production. Lists rows and field names, never note text.
class SendConfirmationDialog : public QDialog {
    Q_OBJECT
public:
    // titles: escalation id -> title, to name the rows.
    // organisation: the open profile's name, in the title and the sentence.
    SendConfirmationDialog(const QString &caseId, const QString &organisation,
                           const QList<EscalationUpdate> &updates,
                           const QHash<QString, QString> &titles, QWidget *parent = nullptr);

    bool dontAskAgain() const;

private:
    QCheckBox *m_dontAskAgain;
};

} // namespace Care360
