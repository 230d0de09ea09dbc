// A console without a window, for the crash tests: the same CaseWorkspace, journal and keychain
// as the real console, driven line by line on stdin so that a test can edit, wait for the
// journal, kill it with SIGKILL and start it again. Notes arrive on stdin, never in argv.
//   draftprobe --base-url URL --case ID     a Custom environment (its key in the keychain)
//   draftprobe --sandbox --case ID          the in-process practice sandbox
// --organization and --application name the QCoreApplication (so its journal directory), so that
// a test can seed the journal the real console (organisation "Care360") will restore.
// Commands: "note <escalationId> <text>", "send", "flush", "quit". Answers one line each.
#include "app/core/caseworkspace.h"
#include "app/core/consoleservices.h"
#include "app/drafts/draftjournal.h"
#include "app/drafts/draftkeeper.h"
#include "app/sandbox/sandboxthread.h"
#include "models/escalationtablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

using namespace Care360;

namespace {
void say(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void reportReady(EscalationTableModel *model)
{
    say(QStringLiteral("ready pending=%1 rows=%2")
            .arg(model->pendingCount())
            .arg(model->rowCount()));
    for (const SavedDraft &saved : model->savedDrafts())
        say(QStringLiteral("draft %1 note=%2")
                .arg(saved.drafts.escalationId, saved.drafts.note.value_or(QString())));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), QString(), QStringLiteral("url"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"));
    const QCommandLineOption caseId(QStringLiteral("case"), QString(), QStringLiteral("id"));
    const QCommandLineOption organization(QStringLiteral("organization"), QString(),
                                          QStringLiteral("name"), QStringLiteral("Care360-tests"));
    const QCommandLineOption application(QStringLiteral("application"), QString(),
                                         QStringLiteral("name"), QStringLiteral("draftprobe"));
    parser.addOptions({ baseUrl, sandbox, caseId, organization, application });
    parser.process(app);
    QCoreApplication::setOrganizationName(parser.value(organization));
    QCoreApplication::setApplicationName(parser.value(application));

    ConsoleServices services(parser.isSet(sandbox) ? Sandbox::SandboxThread::factory(
                                 Sandbox::SandboxThread::Start::WhenAsked)
                                                   : PracticeServerFactory());
    CaseWorkspace &core = *services.createWorkspace();
    EscalationTableModel *model = core.model();
    auto *keeper = core.findChild<DraftKeeper *>(QStringLiteral("draftKeeper"));
    auto *journal = services.findChild<DraftJournal *>(QStringLiteral("draftJournal"));
    QObject::connect(&core, &CaseWorkspace::notice, &app,
                     [](CaseWorkspace::NoticeKind, const QString &text) {
                         say(QStringLiteral("notice: ") + text);
                     });
    QObject::connect(keeper, &DraftKeeper::restoreFinished, &app, [model] { reportReady(model); });
    QObject::connect(journal, &DraftJournal::written, &app, [](const QString &, bool removed) {
        say(removed ? QStringLiteral("removed") : QStringLiteral("written"));
    });
    QObject::connect(&core, &CaseWorkspace::finished, &app,
                     [](CaseSession::Action action, const ApiOutcome &outcome) {
                         if (action == CaseSession::Action::Send)
                             say(QStringLiteral("sent ") + ApiOutcome::kindName(outcome.kind));
                         else if (outcome.kind != ApiOutcome::Kind::Listed)
                             say(QStringLiteral("failed ") + outcome.userMessage());
                     });

    StartupOptions options;
    options.caseId = parser.value(caseId);
    options.environment =
        parser.isSet(sandbox) ? Environment::Kind::Sandbox : Environment::Kind::Custom;
    options.baseUrl = QUrl(parser.value(baseUrl));
    core.start(options);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QTextStream in(stdin);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        const QString line = in.readLine();
        const QString command = line.section(QLatin1Char(' '), 0, 0);
        if (line.isNull() || command == QLatin1String("quit")) {
            input.setEnabled(false);
            QCoreApplication::quit();
        } else if (command == QLatin1String("note")) {
            const QString id = line.section(QLatin1Char(' '), 1, 1);
            const QString text = line.section(QLatin1Char(' '), 2);
            say(model->setData(model->indexOfEscalation(id, EscalationTableModel::Note), text)
                    ? QStringLiteral("edited")
                    : QStringLiteral("refused"));
        } else if (command == QLatin1String("send")) {
            if (core.send(CaseWorkspace::Confirmation::Given) != CaseWorkspace::Step::Started)
                say(QStringLiteral("not-sent"));
        } else if (command == QLatin1String("flush")) {
            keeper->flush();
            say(QStringLiteral("flushed"));
        }
    });
    return QCoreApplication::exec();
}
