// The --help text; packaging builds the man page from it with help2man, so it is the reference.
#include "bulkupdatefile.h"
#include "clioptions.h"

namespace Care360 {

QString CliOptionsParser::helpText()
{
    return tr(R"(Usage:
  care360-escalations-cli [--env ENV] [--base-url URL] list --case ID
      [--format table|csv|json] [--show-notes]
  care360-escalations-cli [--env ENV] [--base-url URL] update --case ID
      --escalation ID [--note-file FILE] [--follow-up WHEN] [--assign EMAIL]
      [--escalation ID ...]                       (all groups go in one request)
  care360-escalations-cli [--env ENV] [--base-url URL] update [--case ID] --from FILE
      [--base OLD] [--accept-display-marks]       (one request per case in FILE)
  care360-escalations-cli due [--profile NAME] [--within DURATION | --overdue] [--mine]
      [--format table|csv|json]                   (from this computer; nothing is sent)
  care360-escalations-cli [--profile NAME] directory import FILE
  care360-escalations-cli [--profile NAME] directory show
  care360-escalations-cli [--profile NAME] key set|forget|status
  care360-escalations-cli profile list [--format table|json]
  care360-escalations-cli profile add NAME --env production|staging|custom [--base-url URL]
  care360-escalations-cli profile rename NAME NEW
  care360-escalations-cli profile remove NAME [--yes]

Lists and edits the active escalations of a Care360 case. Note text is printed only
where it is asked for: by list with --show-notes, or --format csv or json. The table
leaves it out, and nothing printed after an update holds any. Errors name a wrong
argument by its position (1 is the first after the program name), never by its text.

Options:
  --profile NAME   The organisation profile (name in any case, or id) on every command;
                   also CARE360_PROFILE. Without it: the profile standing for --env and
                   --base-url, else the only profile; with several and none named, the
                   command refuses and lists them (exit code 2).
  --env ENV        production (default), staging, sandbox or custom.
  --base-url URL   The server address; required with --env sandbox (the URL a running
                   care360-sandbox prints) and --env custom. Plain http:// only for loopback.
  --case ID        The case UUID, or a link or any text containing it.
  --escalation ID  Starts the changes of one escalation; the options below apply to it.
  --note-file FILE New note, read from FILE ("-" for standard input). There is no --note
                   TEXT: patient information never goes into the process arguments.
  --follow-up WHEN New follow-up date: ISO 8601 (2025-06-15T09:00:00Z) or "DATE TIME" in
                   local time (2025-06-15 09:00).
  --assign EMAIL   Reassign to this Care360 user.
  --from FILE      Takes the changes from a bulk file ("-" for standard input; see below).
  --base OLD       With --from: the list --format csv export that FILE was edited from.
                   Only the fields FILE changes from OLD are sent, and only if Care360
                   still holds OLD's value: a field someone changed since the export
                   refuses the whole run (see below).
  --accept-display-marks
                   With --from: send a note that looks like what a display shows (4,096
                   characters ending in "…", or a symbol such as ␉ for a control
                   character) instead of refusing its row.
  --timeout SECS   The longest a request may take in all (default 60); a server that stops
                   sending for 30 s ends it sooner.
  --ca-file FILE   Also trust the certificate authorities in FILE (PEM or DER), e.g. the
                   one a company proxy that inspects secure traffic signs with. Those of
                   SSL_CERT_FILE, SSL_CERT_DIR and the console's Preferences are added too; the
                   system's stay trusted and verification is never turned off.
  --format FORMAT  How list prints: table (the default; assignees by name or e-mail when
                   the team directory knows them; no notes), csv or json.
                   csv: RFC 4180 with the header escalationId,type,title,note,followUpDueAt,
                   assignedToUserId,assignee (dates in UTC ISO 8601). Every value is the
                   stored text exactly, whatever its length and control characters, except
                   that a value a spreadsheet would run as a formula (its first character
                   after any ' is =, +, -, @, tab or carriage return) gets a leading ',
                   which update --from takes off again.
  --show-notes     With list's table: a NOTE column, each note's first 40 characters
                   on one line. (csv and json always carry the notes whole.)
  --json           The same as --format json: the server's JSON envelope, read and
                   written again as one line of valid JSON; the text exactly as stored,
                   escaped: \n, \r, \t, \b and \f as such, every other control or format
                   character (bidi controls and marks too) and U+2028/U+2029 as \uXXXX.
                   (list asks with an unknown escalation ID, so its envelope is the 400
                   "Escalation not found" answer whose data.escalations is the active
                   list.) With update, the envelope without the escalations' notes; with
                   update --from, one envelope per case sent, in order.
  --help, --version

Bulk files (update --from FILE, at most %1 MiB):
  CSV whose first row names the columns, in any order: escalationId and at least one of
  note, followUpDueAt (ISO 8601 with a zone, e.g. 2025-06-15T09:00:00Z) and
  assignedToEmail, plus optionally caseId. Quoted cells may hold commas, quotes and line
  breaks, as spreadsheets write them. An empty cell leaves that field unchanged (a note
  cannot be cleared this way). Or JSON lines, when the first character is "{": one object
  per line with the same keys; a missing key, null or "" leaves the field unchanged.
  Rows without a caseId cell go to --case; with a caseId column --case may be omitted.
  A file written by list --format csv is taken as it is: its columns type, title,
  assignedToUserId and assignee (and createdAt, updatedAt) are ignored, one line on
  standard error names them, and the ' it put before a formula is taken off.
  Every case is listed first, and only the fields that differ from what the server holds
  are sent (assignedToEmail is compared when the team directory knows the current
  assignee's e-mail): a row with nothing left is dropped, and a case with nothing left
  is not sent ("Case ID: nothing to change; not sent.", exit code 0). A note that looks
  like what a display shows is refused, naming its row, unless --accept-display-marks.
  The whole file is checked before anything is sent: the first bad row is named ("Row 4:",
  counting the header as row 1; "Line 3:" for JSON lines), nothing is sent, and the exit
  code is 3; a case that cannot be listed also stops the run before anything is sent.
  Each case gets one request with all its changed rows, cases in the order they first
  appear, each reported on a line of its own ("Case ID: ...", no table: note text is never
  printed; run list to see the result); the first case that fails ends the run, and the
  cases after it are not sent.
  With --base OLD (a list --format csv file, read as FILE is): a field FILE holds as OLD
  had it is not sent, so a change someone made to it since stays. Every other field to
  send is compared with what the server holds now (the note's text exactly, an empty
  note the same as none; the follow-up as an instant; the assignee by OLD's
  assignedToUserId): if it is no longer OLD's, someone changed it after the export and
  nothing is sent, exit code 3, one line per such field naming its row, the field and
  the escalation ID ("Row 4: note of escalation ID was changed ..."). A row whose
  escalation is not in OLD is refused the same way, before anything is listed. Without
  --base, the server's value is overwritten, whoever changed it.

Follow-ups (due): every active escalation with a follow-up date, soonest first, as
its case was last listed by the console or by list or update here. Each successful list
or update keeps the case's active escalations on this computer, never their notes, for as
many days after the case was last listed as the console's Preferences say (Follow-ups;
30 by default). due sends nothing and reads no keychain, so a change made on Care360
since shows only once the case is listed again: REFRESHED (lastRefreshedAt) says when it
was. When nothing is kept or nothing matches, the table is a sentence on standard error
(exit code 0); csv prints only its header, json [].
  --profile NAME   Only one organisation profile (name or id); or, as before profiles,
                   production, staging, sandbox or a custom server's URL.
  --within DURATION
                   Only what is due within DURATION from now, and what is already
                   overdue: a number and m, h or d (90m, 12h, 1d, 30d).
  --overdue        Only what is overdue.
  --mine           Only what is assigned to you: the user IDs that the team directory or
                   the e-mails learnt from reassignments give your e-mail (Settings >
                   Preferences > Follow-ups in the console; followUps/myEmail).
  --format FORMAT  table (the default: local times; titles and assignees as list shows
                   them), csv (RFC 4180 with the header caseId,escalationId,type,title,
                   followUpDueAt,assignedToUserId,assignee,profile,lastRefreshedAt; dates
                   in UTC ISO 8601; formulas neutralised as list's are) or json (an array
                   of objects with those keys, assignedToUserId and assignee null when
                   nobody is assigned; escaped as list's is).

Team directory (one per organisation profile, shared with the console, which shows
assignees by name):
  directory import FILE  Replaces the team directory with FILE ("-" for standard input):
                   CSV with the header userId,email[,name] (any order) or a JSON array of
                   {"userId": ..., "email": ..., "name": ...}. One bad row and nothing is
                   imported (exit code 3).
  directory show   Prints the team directory.

Company networks: the console's proxy choice (Settings > Preferences) applies. With the
system's (the default), the proxy variables decide as they do for curl when any is set:
https_proxy / HTTPS_PROXY for https, http_proxy for http, else all_proxy / ALL_PROXY
("host:port" means http://), never for this computer's own addresses, and not for the
hosts no_proxy lists ("*", a host, or a domain); with none set, the desktop's settings.
A proxy that asks for a login gets the user:password written in its URL
(http://user:password@host:port), else the login the console saved in the keychain.

Organisation profiles (shared with the console): Care360 gives each organisation its own
API key, kept in the system keychain under the profile's id. profile list prints NAME,
ENVIRONMENT, ADDRESS, KEY (stored or none) and ID; with --format json an array of
{"id", "name", "environment", "baseUrl", "hasKey"}. Names are unique in any case. profile
remove deletes the profile's key too; it asks on a terminal, elsewhere it needs --yes.

The API key is never taken from the command line: it comes from CARE360_API_KEY, or else
from the system keychain for the profile (store it with "key set", which reads it from
standard input).

Exit codes: 0 success, 2 usage (also a file that cannot be read, the follow-ups kept
too), 3 validation failed (also a bad bulk or directory file; nothing was sent or
imported), 4 case or escalation not found, 5 permission denied or bad key, 6 assignee
not found, 7 network, timeout or TLS, 8 unexpected response.
Logs: QT_LOGGING_RULES="care360.api.info=true".
)")
        .arg(BulkUpdateFile::maxBytes / (1024 * 1024));
}

} // namespace Care360
