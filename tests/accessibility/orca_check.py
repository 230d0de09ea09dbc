#!/usr/bin/python3
"""What a blind agent hears: the real Orca listening to the real console, driven by keys.

Run by run_orca_test.sh, which provides the X server (with a window manager), speech-dispatcher
(silent) and Orca's private home:
  orca_check.py --console BIN --orca /usr/bin/orca --launcher orca_launch.py --out DIR --work DIR
Orca logs every utterance in its --debug-file as "HH:MM:SS.ffffff - SPEECH OUTPUT: 'text'...";
each step presses keys with xdotool, waits until Orca is quiet, and owns what Orca said since the
step began. The transcript (DIR/orca-transcript.txt) has one utterance per line, keyed by step.
Each step's checks are about meaning ("No assignable" is heard after a refused send), never the
exact wording or Orca's role words. Every failure is listed, then the transcript, then exit 1.
"""

import argparse
import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import time

DEMO_CASE = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01"  # app/sandbox/demodata.h: acmeCaseId
REFUSED_EMAIL = "nobody@nowhere.example"  # no Care360 user: the sandbox refuses the send

ORCA_START_TIMEOUT = 45
WINDOW_TIMEOUT = 45
QUIT_TIMEOUT = 20
KEY_DELAY_MS = 60
# A step has settled once Orca has logged nothing (no event, no speech) for QUIET seconds.
MIN_WAIT = 1.0
QUIET = 1.2
MAX_WAIT = 15.0

RECORD_START = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) - (.*)$")
# Orca 43: "SPEECH OUTPUT: 'text'" + optional " voice=NAME" + the voice: a dict, a list of
# dicts, or None. A record that does not parse fails the run (OrcaLog.unparsed).
SPEECH = re.compile(r"^SPEECH OUTPUT: '(.*?)'(?: voice=\S+)?\s*(?:\[.*\]|\{.*\}|None|\})?\s*$",
                    re.S)


class HarnessError(Exception):
    """The harness could not do its job (Orca, X or the console did not start): not a finding."""


# ---------------------------------------------------------------------------------------------
# Processes

class Child:
    """A child process with its output in a log file; stopped (TERM, then KILL) on every path."""

    def __init__(self, name, argv, env, log_dir):
        self.name = name
        self.log_path = os.path.join(log_dir, name + ".log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(argv, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)

    def alive(self):
        return self.proc.poll() is None

    def wait(self, timeout):
        try:
            self.proc.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            return False

    def stop(self):
        if self.alive():
            self.proc.terminate()
            if not self.wait(5):
                self.proc.kill()
                self.wait(5)
        self.log.close()

    def tail(self, lines=20):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


def run(argv, timeout=30):
    """Runs a short command (xdotool); its failure is the harness's failure."""
    try:
        done = subprocess.run(argv, timeout=timeout, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    except subprocess.TimeoutExpired:
        raise HarnessError("%s did not end within %d s" % (" ".join(argv), timeout))
    if done.returncode != 0:
        raise HarnessError("%s failed (%d): %s" % (" ".join(argv), done.returncode,
                                                   done.stderr.strip()))
    return done.stdout


# ---------------------------------------------------------------------------------------------
# Orca's debug log

class Utterance:
    def __init__(self, offset, time_text, text):
        self.offset = offset
        self.time = time_text
        self.text = text


class OrcaLog:
    """Orca's --debug-file, written line by line (orca_launch.py): read as it grows."""

    def __init__(self, path):
        self.path = path
        self.unparsed = []  # SPEECH OUTPUT records the pattern did not understand

    def size(self):
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0

    def settle(self, min_wait=MIN_WAIT, quiet=QUIET, max_wait=MAX_WAIT):
        """Waits until Orca has logged nothing for `quiet` seconds (at least min_wait in all)."""
        start = time.monotonic()
        last_size, last_change = self.size(), start
        while True:
            time.sleep(0.1)
            now = time.monotonic()
            size = self.size()
            if size != last_size:
                last_size, last_change = size, now
            if now - start >= max_wait:
                return
            if now - start >= min_wait and now - last_change >= quiet:
                return

    def utterances(self):
        """Every SPEECH OUTPUT record, with the byte offset where it starts."""
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except OSError:
            return []
        found = []
        self.unparsed = []
        record = None  # (offset, time, lines)

        def close(rec):
            if rec is None:
                return
            offset, stamp, lines = rec
            # Orca indents an utterance's further lines by 18 spaces.
            text = "\n".join([lines[0]] + [l[18:] if l.startswith(" " * 18) else l
                                           for l in lines[1:]])
            match = SPEECH.match(text)
            if match:
                found.append(Utterance(offset, stamp, match.group(1)))
            else:
                self.unparsed.append(text)

        offset = 0
        for raw in data.split(b"\n"):
            line = raw.decode("utf-8", "replace")
            start = RECORD_START.match(line)
            if start:
                close(record)
                record = (offset, start.group(1), [start.group(2)]) \
                    if start.group(2).startswith("SPEECH OUTPUT:") else None
            elif record is not None and line.startswith(" " * 18):
                record[2].append(line)
            else:
                close(record)
                record = None
            offset += len(raw) + 1
        close(record)
        return found

    def version(self):
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                match = re.search(r"ORCA: Launching version (\S+)", f.read())
        except OSError:
            match = None
        return match.group(1) if match else "?"


# ---------------------------------------------------------------------------------------------
# Checks on meaning: case-insensitive patterns over what one step made Orca say

class Heard:
    def __init__(self, pattern, meaning):
        self.regex = re.compile(pattern, re.I)
        self.meaning = meaning

    def holds(self, texts):
        return any(self.regex.search(t) for t in texts)


class NotHeard(Heard):
    def holds(self, texts):
        return not super().holds(texts)


class HeardAtMost(Heard):
    def __init__(self, pattern, times, meaning):
        super().__init__(pattern, meaning)
        self.times = times

    def holds(self, texts):
        return sum(1 for t in texts if self.regex.search(t)) <= self.times


class KnownGap(Heard):
    """Not heard today, for a reason written down: reported as a known gap, and turned into a
    failure the day it is heard, so the mark cannot outlive the gap it describes."""

    def __init__(self, pattern, meaning, reason, heard_from=None, gap_from=None):
        super().__init__(pattern, meaning)
        self.reason = reason
        self.heard_from = heard_from  # the Orca major version that speaks it: a plain check there
        self.gap_from = gap_from  # the first Orca major version it is a gap in: plain before

    def is_gap_for(self, orca_major):
        if orca_major is None:
            return True
        return (self.heard_from is None or orca_major < self.heard_from) and (
            self.gap_from is None or orca_major >= self.gap_from)


class Step:
    def __init__(self, name, keys, action, checks=(), min_wait=MIN_WAIT):
        self.name = name
        self.keys = keys  # what the agent does, for the transcript
        self.action = action
        self.checks = list(checks)
        self.min_wait = min_wait
        self.start = 0
        self.end = 0
        self.heard = []


def key(*keys):
    return lambda: run(["xdotool", "key", "--delay", str(KEY_DELAY_MS)] + list(keys))


def type_text(text):
    return lambda: run(["xdotool", "type", "--delay", str(KEY_DELAY_MS), text], timeout=60)


def in_three_days_patterns():
    """The follow-up date Ctrl+3 sets (today + 3 at 09:00), as any usual English form says it."""
    day = datetime.date.today() + datetime.timedelta(days=3)
    month, abbr = day.strftime("%B"), day.strftime("%b")
    return r"\b%d(st|nd|rd|th)? (%s|%s)\b|\b(%s|%s)\.? %d\b|%s" % (
        day.day, month, abbr, month, abbr, day.day, day.isoformat())


def steps():
    edited = Heard(r"\bedited\b", "the cell now says it is edited")
    return [
        Step("start", "launch the console (sandbox)", None, [
            Heard(r"\bsandbox\b", "the environment (Sandbox) is heard at start"),
        ], min_wait=4.0),
        Step("focus-case", "Ctrl+L", key("ctrl+l"), [
            Heard(r"\bcase id\b", "the case field is named"),
        ]),
        Step("type-case", "type the demo case ID", type_text(DEMO_CASE), [
            HeardAtMost(DEMO_CASE[:8], 2, "typing does not re-speak the case ID on every key"),
        ]),
        Step("load", "Enter", key("Return"), [
            Heard(r"active escalations", "the table is named"),
            Heard(r"\bnote\b", "the first cell (the note) is read"),
        ], min_wait=2.5),
        Step("to-follow-up", "Right", key("Right"), [
            KnownGap(r"follow-up", "the follow-up cell is read with its column",
                     "Orca 48 reads the whole row on the first arrow after a load. Moving the "
                     "case list's rebuild out of the load (its caret events came after the "
                     "table's focus) did not change it; the load's announcement and the "
                     "due-reminder notification also arrive after the table's focus",
                     gap_from=48),
            NotHeard(r"\(UTC\)", "the cell's UTC time is not read on every arrow"),
        ]),
        Step("to-assignee", "Right", key("Right"), [
            Heard(r"assignee", "the assignee cell is read with its column"),
            NotHeard(r"user id", "the assignee's user ID is not read on every arrow"),
        ]),
        Step("details", "Ctrl+I", key("ctrl+i"), [
            Heard(r"user id", "Cell details says what the tooltip holds (the user ID)"),
        ]),
        Step("back-to-note", "Left Left", key("Left", "Left"), [
            Heard(r"\bnote\b", "the note cell is read with its column"),
        ]),
        Step("edit-note", "F2", key("F2"), [
            Heard(r"\bnote\b", "the note editor is named"),
        ]),
        Step("type-note", "Ctrl+A, type a note", lambda: (
            key("ctrl+a")(), type_text("Called back, refill approved")())),
        Step("commit-note", "Ctrl+Enter", key("ctrl+Return"), [
            edited,
            Heard(r"refill approved", "the committed note is read back"),
        ]),
        Step("to-follow-up-2", "Right", key("Right"), [
            Heard(r"follow-up", "the follow-up cell is read"),
        ]),
        Step("edit-follow-up", "F2", key("F2"), [
            Heard(r"follow-up", "the follow-up editor is named"),
            Heard(r"\b20\d\d\b", "the date the editor holds is heard"),
            NotHeard(r"calendar|\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b",
                     "the hidden calendar is not read"),
        ]),
        Step("in-three-days", "Ctrl+3", key("ctrl+3"), [
            Heard(in_three_days_patterns(), "the new date (in three days) is heard"),
        ]),
        Step("commit-follow-up", "Enter", key("Return"), [edited]),
        Step("to-assignee-2", "Right", key("Right"), [
            Heard(r"assignee", "the assignee cell is read"),
        ]),
        # A new row is read whole (Orca's default), without column names.
        Step("to-next-row", "Down", key("Down"), [
            Heard(r"\w", "the next row is read"),
        ]),
        Step("edit-assignee", "F2", key("F2"), [
            Heard(r"assignee", "the assignee editor is named"),
        ]),
        Step("type-nurse", "type nurse", type_text("nurse"), [
            Heard(r"offered", "the list of people offered is heard when it opens"),
        ]),
        Step("pick-nurse", "Down", key("Down"), [
            Heard(r"nurse", "the completion offered is heard"),
        ]),
        Step("commit-nurse", "Enter", key("Return"), [
            edited, Heard(r"nurse", "the picked assignee is heard"),
        ]),
        Step("back-to-row-1", "Up", key("Up"), [
            Heard(r"\bedited\b", "the first row is read with its pending edits"),
        ]),
        Step("assign-nobody", "F2, Ctrl+A, type %s, Enter" % REFUSED_EMAIL, lambda: (
            key("F2", "ctrl+a")(), type_text(REFUSED_EMAIL)(), key("Return")()), [
            edited,
        ], min_wait=2.0),
        Step("refused-send", "Ctrl+Return", key("ctrl+Return"), [
            Heard(r"no assignable", "the refusal's sentence is heard"),
        ], min_wait=2.5),
        Step("undo-nobody", "Ctrl+Z", key("ctrl+z")),
        Step("send", "Ctrl+Return", key("ctrl+Return"), [
            Heard(r"\bsaved\b", "the successful send is heard"),
        ], min_wait=2.5),
        # What the console has seen comes back across cases (issue 25), heard as well as seen.
        Step("follow-ups", "Ctrl+Shift+F", key("ctrl+shift+f"), [
            Heard(r"follow-ups", "the Follow-ups window is named"),
            Heard(r"overdue", "its first group (Overdue) is heard"),
            NotHeard(r"expanded", "a follow-up (which has nothing to expand) is not 'expanded'"),
        ], min_wait=2.0),
        Step("follow-ups-close", "Escape", key("Escape"), [
            Heard(r"active escalations|\bnote\b|follow-up|assignee",
                  "back on the case's table"),
        ], min_wait=1.5),
        Step("back-to-note-2", "Left Left", key("Left", "Left"), [
            Heard(r"\bnote\b", "the note cell is read with its column"),
        ]),
        Step("type-note-2", "F2, Ctrl+A, type a note", lambda: (
            key("F2", "ctrl+a")(), type_text("Left a voicemail")())),
        Step("commit-note-2", "Ctrl+Enter", key("ctrl+Return"), [edited]),
        # With a change pending, Send is enabled: Tab leaves the table and lands on it.
        Step("tab-out", "Tab", key("Tab"), [
            Heard(r"\bsend\b", "Tab leaves the table (the Send button is next)"),
        ]),
        Step("tab-back", "Shift+Tab", key("shift+Tab")),
        # Whose data is open (issue 24): the selector names the organisation and environment.
        Step("organisation", "Alt+N (Organisation)", key("alt+n"), [
            Heard(r"organi[sz]ation", "the selector is named"),
            Heard(r"acme health", "the open organisation is heard in the selector"),
        ]),
        Step("quit", "Ctrl+Q", key("ctrl+q"), [
            Heard(r"unsent", "the quit question says there are unsent changes"),
        ], min_wait=2.0),
        Step("keep", "Alt+K (Keep for next time)", key("alt+k")),
    ]


# ---------------------------------------------------------------------------------------------
# The run

def start_orca(args, log_dir):
    debug_file = os.path.join(args.work, "orca-debug.log")
    orca = Child("orca", ["/usr/bin/python3", args.launcher, args.orca,
                          "--debug-file=" + debug_file], dict(os.environ), log_dir)
    log = OrcaLog(debug_file)
    deadline = time.monotonic() + ORCA_START_TIMEOUT
    while time.monotonic() < deadline and orca.alive():
        if any("Screen reader on" in u.text for u in log.utterances()):
            log.settle(min_wait=1.0)
            return orca, log
        time.sleep(0.25)
    raise HarnessError("Orca did not say \"Screen reader on\" within %d s (%s); its output:\n%s"
                       % (ORCA_START_TIMEOUT, "running" if orca.alive() else "exited",
                          orca.tail()))


def console_env(args):
    home = os.path.join(args.work, "console-home")
    env = dict(os.environ)
    for name in ("SPEECHD_ADDRESS", "GSETTINGS_BACKEND"):
        env.pop(name, None)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local", "share"),
               XDG_CACHE_HOME=os.path.join(home, ".cache"),
               QT_QPA_PLATFORM="xcb", QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               LC_ALL="C.UTF-8", LANGUAGE="en")
    os.makedirs(env["XDG_CONFIG_HOME"], exist_ok=True)
    return env


def start_console(args, log_dir):
    console = Child("console", [args.console, "--environment", "sandbox"], console_env(args),
                    log_dir)
    window = run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                  str(console.proc.pid)], timeout=WINDOW_TIMEOUT).split()
    if not window:
        raise HarnessError("the console showed no window; its output:\n" + console.tail())
    run(["xdotool", "windowactivate", "--sync", window[0]], timeout=20)
    return console


def orca_major(version):
    match = re.match(r"(\d+)", version or "")
    return int(match.group(1)) if match else None


def installed_orca_version():
    # Orca 48 no longer logs its version at launch; "orca --version" answers on every version.
    try:
        out = subprocess.run(["orca", "--version"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "?"
    match = re.search(r"(\d+(?:\.\d+)*)", out)  # "43.1", or "Orca version 48.1, AT-SPI2 …"
    return match.group(1) if match else "?"


def transcript(all_steps, orca_version):
    width = max(len(s.name) for s in all_steps)
    lines = ["# What Orca %s said, one utterance per line: step | utterance" % orca_version,
             "# (a line break inside an utterance is shown as ⏎)"]
    for step in all_steps:
        lines.append("%s | ── %s" % (step.name.ljust(width), step.keys))
        for u in step.heard:
            lines.append("%s | %s" % (step.name.ljust(width), u.text.replace("\n", " ⏎ ")))
    return "\n".join(lines) + "\n"


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser()
    parser.add_argument("--console", required=True)
    parser.add_argument("--orca", required=True)
    parser.add_argument("--launcher", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    log_dir = os.path.join(args.work, "logs")
    os.makedirs(log_dir, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)

    all_steps = steps()
    failures = []
    orca = console = log = None
    orca_version = "?"
    try:
        orca, log = start_orca(args, log_dir)
        orca_version = log.version()
        if orca_version == "?":
            orca_version = installed_orca_version()
        for step in all_steps:
            step.start = log.size()
            if step.action is None:
                console = start_console(args, log_dir)
            else:
                if console is None or not console.alive():
                    raise HarnessError("the console ended before step %s; its output:\n%s"
                                       % (step.name, console.tail() if console else ""))
                step.action()
            log.settle(min_wait=step.min_wait)
            step.end = log.size()
        if not console.wait(QUIT_TIMEOUT):
            failures.append("keep: the console did not quit within %d s of Alt+K" % QUIT_TIMEOUT)
    except (HarnessError, OSError) as error:
        failures.append("harness: %s" % error)
    finally:
        for child in (console, orca):
            if child is not None:
                child.stop()

    if log is not None:
        heard = log.utterances()
        failures.extend("harness: an utterance the transcript cannot read: %r" % text
                        for text in log.unparsed)
        for step in all_steps:
            step.heard = [u for u in heard if step.start <= u.offset < (step.end or step.start)]
        if os.path.exists(log.path):
            shutil.copyfile(log.path, os.path.join(args.out, "orca-debug.log"))
    text = transcript(all_steps, orca_version)
    path = os.path.join(args.out, "orca-transcript.txt")
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)

    for step in all_steps:
        texts = [u.text for u in step.heard]
        for check in step.checks:
            heard = bool(step.end) and check.holds(texts)
            if isinstance(check, KnownGap) and check.is_gap_for(orca_major(orca_version)):
                print("%s: %s: %s (%s)" % ("FAIL" if heard else "KNOWN GAP", step.name,
                                           check.meaning, check.reason))
                if heard:
                    failures.append("%s (%s): %s is heard now: remove its KnownGap mark"
                                    % (step.name, step.keys, check.meaning))
                continue
            print("%s: %s: %s" % ("PASS" if heard else "FAIL", step.name, check.meaning))
            if not heard:
                failures.append("%s (%s): %s" % (step.name, step.keys, check.meaning))
    print("transcript: %s" % path)
    if failures:
        print("\n%d check(s) failed:" % len(failures))
        for failure in failures:
            print("- " + failure)
        print("\n" + text)
        return 1
    print("\nall Orca checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
