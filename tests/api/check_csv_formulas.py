#!/usr/bin/env python3
"""list --format csv read by a CSV reader that is not ours: no cell may start a formula.

Starts the real care360-sandbox with a data file whose titles, notes and an assignee ID are
hostile (OWASP's CSV-injection starts: = + - @ tab CR), lists the case with the real
care360-escalations-cli --format csv, and reads the output with Python's csv module. Fails when
any field starts with = + - @ tab or CR, or when a planted text cannot be recovered by taking
off the one leading ' that Csv::neutralised adds (what update --from does).

Usage: check_csv_formulas.py SANDBOX CLI [--keep-csv FILE] [--write-raw FILE]
  --keep-csv FILE   also write the CLI's CSV to FILE (scripts/check-csv-in-libreoffice)
  --write-raw FILE  also write the planted texts as CSV without any neutralising (the
                    positive control: a spreadsheet must find formulas in that one)
Standard library only; exit code 0 when every check holds, 1 when one fails.
"""
import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
KEY = "hostile-key"
CASE_ID = "c0a5e000-0000-4000-8000-0000000000f1"
USER_ID = "c4a5e000-0000-4000-8000-0000000000f1"
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "\tleading tab",
    "\rleading CR",
    "'=already quoted",  # must become ''=… so that taking one ' off gives it back
    "plain, \"quoted\" text",  # never prefixed
]
HEADER = ["escalationId", "type", "title", "note", "followUpDueAt", "assignedToUserId",
          "assignee"]


def escalation_id(index):
    return "e5ca1a7e-0000-4000-8000-%012x" % (0xF00 + index)


def planted():
    """escalation ID -> {column: planted text}; every hostile text as title, note and assignee."""
    rows = {}
    for index, text in enumerate(HOSTILE):
        rows[escalation_id(index)] = {"title": text, "note": text, "assignedToUserId": text}
    return rows


def data_file(rows):
    escalations = []
    for escalation, fields in rows.items():
        escalations.append({
            "id": escalation, "type": "support", "title": fields["title"],
            "note": fields["note"], "followUpDueAt": None,
            "assignedToUserId": fields["assignedToUserId"], "isCompleted": False,
            "createdAt": "2025-05-10T08:00:00.000Z", "updatedAt": "2025-05-10T08:00:00.000Z"})
    return {"organizations": [{
        "name": "Hostile Org", "apiKeys": [KEY],
        "users": [{"id": USER_ID, "email": "agent@example.com", "role": "CASEMANAGER"}],
        "cases": [{"id": CASE_ID, "escalations": escalations}]}]}


def expected_cell(text):
    """What Csv::neutralised makes of text: a ' before it when its first non-' starts a formula."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def read_first_line(process, timeout):
    """The sandbox's first stdout line, or "" when none comes in time (a hang guard only)."""
    result = []
    reader = threading.Thread(target=lambda: result.append(process.stdout.readline()))
    reader.daemon = True
    reader.start()
    reader.join(timeout)
    return result[0].decode("utf-8", "replace") if result else ""


def export_csv(sandbox, cli, work):
    path = os.path.join(work, "hostile.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(data_file(planted()), out)
    server = subprocess.Popen([sandbox, "--data", path], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    try:
        line = read_first_line(server, 30)
        match = re.fullmatch(r"listening on (http://127\.0\.0\.1:\d+)\n", line)
        if not match:
            raise SystemExit("FAIL: care360-sandbox did not print its address: %r" % line)
        environment = dict(os.environ)
        environment.update({
            "CARE360_API_KEY": KEY,
            # Never the developer's keychain or team directory.
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=" + os.path.join(work, "no-bus"),
            "XDG_CONFIG_HOME": os.path.join(work, "config"),
            "LC_ALL": "C.UTF-8", "TZ": "UTC"})
        run = subprocess.run([cli, "--env", "sandbox", "--base-url", match.group(1), "list",
                              "--case", CASE_ID, "--format", "csv"],
                             capture_output=True, env=environment, timeout=120)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if run.returncode != 0:
        raise SystemExit("FAIL: list --format csv exited with %d: %s"
                         % (run.returncode, run.stderr.decode("utf-8", "replace")))
    return run.stdout


def check(output):
    """The problems found in the CLI's CSV bytes; empty when all is well."""
    problems = []
    # newline="": the reader sees CRs and line breaks inside quoted fields as they are.
    rows = list(csv.reader(io.StringIO(output.decode("utf-8"), newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        return ["unexpected header: %r" % (rows[:1],)]
    for number, row in enumerate(rows, start=1):
        for column, field in enumerate(row):
            if field.startswith(FORMULA_STARTS):
                problems.append("row %d, column %s starts a formula: %r"
                                % (number, HEADER[column] if column < len(HEADER) else column,
                                   field))
    expected = planted()
    listed = {row[0]: dict(zip(HEADER, row)) for row in rows[1:] if row}
    if sorted(listed) != sorted(expected):
        problems.append("listed escalations %r, planted %r" % (sorted(listed), sorted(expected)))
    for escalation, fields in expected.items():
        for column, text in fields.items():
            cell = listed.get(escalation, {}).get(column)
            if cell != expected_cell(text):
                problems.append("%s of %s: %r, expected %r"
                                % (column, escalation, cell, expected_cell(text)))
            # update --from's reading (Csv::unneutralised): one ' off where neutralising put it.
            recovered = cell
            if cell and cell.startswith("'") and cell[1:].lstrip("'").startswith(FORMULA_STARTS):
                recovered = cell[1:]
            if recovered != text:
                problems.append("%s of %s does not give back the stored text: %r from %r"
                                % (column, escalation, recovered, text))
    return problems


def write_raw(path):
    """The planted texts as CSV without any neutralising: what an unsafe export would write."""
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for escalation, fields in planted().items():
            writer.writerow([escalation, "support", fields["title"], fields["note"], "",
                             fields["assignedToUserId"], ""])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sandbox")
    parser.add_argument("cli")
    parser.add_argument("--keep-csv")
    parser.add_argument("--write-raw")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="care360-csv-") as work:
        output = export_csv(args.sandbox, args.cli, work)
    if args.keep_csv:
        with open(args.keep_csv, "wb") as out:
            out.write(output)
    if args.write_raw:
        write_raw(args.write_raw)
    problems = check(output)
    for problem in problems:
        print("FAIL: " + problem)
    if problems:
        return 1
    print("PASS: %d hostile texts in title, note and assignedToUserId: no field starts a "
          "formula, each gives back its stored text" % len(HOSTILE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
