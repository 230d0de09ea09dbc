#!/usr/bin/env python3
"""Reads the real console's accessibility tree over AT-SPI (what Orca reads) and checks it.

Run by run_atspi_test.sh inside an X server and a D-Bus session with the AT-SPI bus:
  atspi_check.py --console BIN --draftprobe BIN --out DIR
Scenarios, each a fresh console process:
  unknown-case  a case ID the sandbox does not know: the banner's sentence is in the tree,
                as an alert or a notification.
  demo-case     the demo case with a draft seeded by draftprobe: cells say "Overdue" and
                "Edited".
In both, every showing interactive object must have a non-empty name. Every finding is printed
before the script fails; the whole tree goes to DIR/atspi-tree-<scenario>.txt.
"""

import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

import pyatspi  # noqa: E402

UNKNOWN_CASE = "0c0c0c0c-1111-4222-8333-444455556666"
DEMO_CASE = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01"
# app/sandbox/demodata.cpp: uuid("e5ca1a7e", 1), the demo case's first escalation.
EDITED_ESCALATION = "e5ca1a7e-0000-4000-8000-000000000001"
SEEDED_NOTE = "Call back after the pharmacy confirms the address"
BANNER_TEXT = "no case with this ID"
# The console's QCoreApplication names (ui/main.cpp): the journal lives under them.
CONSOLE_ORGANIZATION = "Care360"
CONSOLE_APPLICATION = "care360-escalations"

APP_TIMEOUT = 30
TREE_TIMEOUT = 30
POLL = 0.25
MAX_NODES = 20000

INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_MENU,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_TABLE_COLUMN_HEADER,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_DATE_EDITOR,
}


class CheckFailed(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Reading the tree. Every call may meet an object that has just gone away: such objects are
# read as empty rather than aborting the walk.

def safe(call, default):
    try:
        return call()
    except (GLib.Error, RuntimeError, LookupError):
        return default


def state_name(state):
    """'showing' for STATE_SHOWING, whichever enum type the binding hands back."""
    return Atspi.StateType(int(state)).value_nick


class Node:
    """One accessible object, read once: role, name, description, states, children."""

    def __init__(self, accessible, parent):
        self.parent = parent
        self.role = safe(accessible.getRole, None)
        self.role_name = safe(accessible.getRoleName, "?")
        self.name = safe(lambda: accessible.name, "") or ""
        self.description = safe(lambda: accessible.description, "") or ""
        states = safe(lambda: accessible.getState().getStates(), [])
        self.states = sorted(state_name(s) for s in states)
        self.children = []

    @property
    def showing(self):
        return "showing" in self.states

    def label(self):
        return "[%s] %r" % (self.role_name, self.name)

    def chain(self):
        parts = []
        node = self
        while node is not None:
            parts.append(node.label())
            node = node.parent
        return " > ".join(reversed(parts))

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def read_tree(app):
    count = 0

    def visit(accessible, parent):
        nonlocal count
        count += 1
        node = Node(accessible, parent)
        if count >= MAX_NODES:
            return node
        for i in range(safe(lambda: accessible.childCount, 0)):
            child = safe(lambda i=i: accessible.getChildAtIndex(i), None)
            if child is not None:
                node.children.append(visit(child, node))
        return node

    return visit(app, None)


def dump(root, path):
    with open(path, "w", encoding="utf-8") as out:
        for node in root.walk():
            depth = sum(1 for _ in node.ancestors())
            out.write("%s[%s] name=%r description=%r states=%s\n" % (
                "  " * depth, node.role_name, node.name, node.description,
                ",".join(node.states)))
    print("tree dump: %s" % path)


def find_application(pid, alive, deadline):
    """The console's application object on the registry's desktop, found by process ID."""
    while time.monotonic() < deadline and alive():
        desktop = safe(lambda: pyatspi.Registry.getDesktop(0), None)
        if desktop is not None:
            for i in range(safe(lambda: desktop.childCount, 0)):
                app = safe(lambda i=i: desktop.getChildAtIndex(i), None)
                if app is not None and safe(app.get_process_id, -1) == pid:
                    # Without an event loop the client cache would go stale: always ask Qt.
                    safe(lambda: app.set_cache_mask(Atspi.Cache.NONE), None)
                    return app
        time.sleep(POLL)
    return None


# ---------------------------------------------------------------------------------------------
# Processes

# Sanitizer reports found in a child's log (scripts/test-sanitizers runs this test with
# instrumented executables): each one fails the run, as in every other test of the suite.
SANITIZER_REPORTS = []
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:")


class Process:
    """A child process whose output goes to a log file, killed on every exit path."""

    def __init__(self, name, argv, env, log_dir, stdin=None, stdout=None):
        self.name = name
        self.log_path = os.path.join(log_dir, name + ".log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(argv, env=env, stdin=stdin,
                                     stdout=stdout if stdout is not None else self.log,
                                     stderr=self.log)
        self.buffer = b""

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
        text = self.log_tail(10000)
        if any(marker in text for marker in SANITIZER_MARKERS):
            SANITIZER_REPORTS.append("%s: sanitizer report in %s" % (self.name, self.log_path))

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    # Line protocol (draftprobe): answers on stdout, one line each.
    def send(self, line):
        self.proc.stdin.write((line + "\n").encode())
        self.proc.stdin.flush()

    def wait_for(self, prefix, timeout=20):
        """The first line starting with prefix (a str or a tuple); fails with all it saw."""
        deadline = time.monotonic() + timeout
        seen = []
        while True:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                line = raw.decode("utf-8", "replace").strip()
                seen.append(line)
                if line.startswith(prefix):
                    return line
            remaining = deadline - time.monotonic()
            chunk = None
            if remaining > 0:
                ready, _, _ = select.select([self.proc.stdout], [], [], min(remaining, POLL))
                if not ready:
                    continue
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                self.buffer += chunk
            if not chunk:  # timed out, or the process closed its output
                raise CheckFailed("%s: no line starting with %r within %d s; it said %r; "
                                  "stderr:\n%s" % (self.name, prefix, timeout, seen,
                                                   self.log_tail()))


# ---------------------------------------------------------------------------------------------
# Checks

class Report:
    def __init__(self):
        self.failures = []
        self.unnamed = {}

    def check(self, ok, message):
        print("%s: %s" % ("PASS" if ok else "FAIL", message.splitlines()[0]))
        if not ok:
            self.failures.append(message)
        return ok


def unnamed_interactive(root):
    return [n for n in root.walk()
            if n.role in INTERACTIVE_ROLES and n.showing and not n.name.strip()]


def check_names(scenario, root, report):
    checked = [n for n in root.walk() if n.role in INTERACTIVE_ROLES and n.showing]
    # An empty walk (states or roles misread) must not pass as "all named".
    report.check(len(checked) >= 5,
                 "%s: the naming check sees the window's controls (%d showing interactive "
                 "objects)" % (scenario, len(checked)))
    offenders = unnamed_interactive(root)
    for node in offenders:
        report.unnamed.setdefault(node.chain(), set()).add(scenario)
    report.check(not offenders,
                 "%s: %d showing interactive object(s) without a name%s" % (
                     scenario, len(offenders),
                     "".join("\n    " + n.chain() for n in offenders)))


def poll_tree(app, predicate, alive, timeout):
    """Reads the tree until predicate(tree) holds or timeout passes; returns the last tree."""
    deadline = time.monotonic() + timeout
    while True:
        safe(app.clear_cache, None)
        root = read_tree(app)
        if predicate(root) or time.monotonic() >= deadline or not alive():
            return root
        time.sleep(POLL)


def screenshot(path):
    """The X screen as PNG when ImageMagick's import is installed; the tree dump is the record."""
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", path], check=False, timeout=20,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def scenario_env(env, scenario):
    """Settings and the drafts journal of one scenario, apart from the others'."""
    own = dict(env)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        own[name] = os.path.join(env[name], scenario)
        os.makedirs(own[name], exist_ok=True)
    return own


def mentions(node, text):
    return text in node.name or text in node.description


class Console:
    def __init__(self, args, env, scenario, extra):
        self.process = Process("console-" + scenario,
                               [args.console, "--environment", "sandbox"] + extra, env,
                               args.log_dir)
        self.scenario = scenario
        self.out = args.out

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.stop()

    def alive(self):
        return self.process.alive()

    def poll(self, app, predicate):
        root = poll_tree(app, predicate, self.alive, TREE_TIMEOUT)
        dump(root, os.path.join(self.out, "atspi-tree-%s.txt" % self.scenario))
        screenshot(os.path.join(self.out, "atspi-%s.png" % self.scenario))
        if not self.alive():
            raise CheckFailed("%s: the console exited while its tree was read; its output:\n%s"
                              % (self.scenario, self.process.log_tail()))
        return root

    def application(self):
        app = find_application(self.process.pid, self.alive, time.monotonic() + APP_TIMEOUT)
        if app is None:
            raise CheckFailed("%s: the console (pid %d, %s) did not appear on the AT-SPI bus "
                              "within %d s; its output:\n%s" % (
                                  self.scenario, self.process.pid,
                                  "running" if self.process.alive() else "exited",
                                  APP_TIMEOUT, self.process.log_tail()))
        return app


def scenario_unknown_case(args, env, report):
    scenario = "unknown-case"
    with Console(args, env, scenario, ["--case", UNKNOWN_CASE]) as console:
        app = console.application()
        root = console.poll(app, lambda r: any(mentions(n, BANNER_TEXT) for n in r.walk()))
        matches = [n for n in root.walk() if mentions(n, BANNER_TEXT)]
        report.check(bool(matches),
                     "%s: an object's name or description contains %r (the banner is read)%s"
                     % (scenario, BANNER_TEXT,
                        "" if matches else "\n    no such object after %d s" % TREE_TIMEOUT))
        # Orca 43 speaks a notification as it shows, not an alert (tst_orca, docs/accessibility.md).
        announced = (pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION)
        alerts = [n for n in matches if n.role in announced]
        detail = "".join("\n    found as %s, description %r" % (n.chain(), n.description)
                         for n in matches)
        for n in matches:
            holder = next((a for a in n.ancestors() if a.role in announced), None)
            if holder is not None:
                detail += "\n    (inside an alert, but the alert itself is %s)" % holder.label()
        report.check(bool(alerts),
                     "%s: the banner's sentence is on an object with role alert or notification "
                     "(QAccessible::AlertMessage, QAccessible::Notification)%s"
                     % (scenario, "" if alerts else detail))
        check_names(scenario, root, report)


def seed_draft(args, env):
    """Leaves one unsent note in the journal the console restores (same names, keychain)."""
    probe = Process("draftprobe",
                    [args.draftprobe, "--sandbox", "--case", DEMO_CASE,
                     "--organization", CONSOLE_ORGANIZATION,
                     "--application", CONSOLE_APPLICATION],
                    env, args.log_dir, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        ready = probe.wait_for("ready")
        if not ready.startswith("ready pending=0 "):
            raise CheckFailed("draftprobe: expected a fresh journal, got %r" % ready)
        probe.send("note %s %s" % (EDITED_ESCALATION, SEEDED_NOTE))
        answer = probe.wait_for(("edited", "refused"), 10)
        if answer != "edited":
            raise CheckFailed("draftprobe refused a note for %s: is it still the demo case's "
                              "first escalation (app/sandbox/demodata.cpp)?" % EDITED_ESCALATION)
        probe.wait_for("written")
        probe.send("flush")
        probe.wait_for("flushed")
        probe.send("quit")
        probe.proc.wait(15)
        print("seeded a draft for %s" % EDITED_ESCALATION)
    except subprocess.TimeoutExpired:
        raise CheckFailed("draftprobe did not quit within 15 s")
    finally:
        probe.stop()


def cells(root):
    return [n for n in root.walk() if n.role == pyatspi.ROLE_TABLE_CELL]


def scenario_demo_case(args, env, report):
    scenario = "demo-case"
    seed_draft(args, env)
    with Console(args, env, scenario, ["--case", DEMO_CASE]) as console:
        app = console.application()

        def settled(root):
            names = [c.name for c in cells(root)]
            return (any(SEEDED_NOTE in n for n in names)
                    and any("Overdue" in n for n in names)
                    and any("Edited" in n for n in names))

        root = console.poll(app, settled)
        all_cells = cells(root)
        note_cells = [c for c in all_cells if SEEDED_NOTE in c.name]
        report.check(bool(note_cells),
                     "%s: the restored draft's note is in a table cell (%d cells read)"
                     % (scenario, len(all_cells)))
        for word in ("Overdue", "Edited"):
            found = [c for c in all_cells if word in c.name]
            named = [c.name for c in all_cells if c.name][:14]
            sample = "".join("\n    cell %r" % name for name in named)
            report.check(bool(found),
                         "%s: a table cell's accessible name says %r (Qt::AccessibleTextRole)%s"
                         % (scenario, word,
                            "" if found else "\n    no such cell (waited up to %d s); cells "
                            "read, e.g.:%s" % (TREE_TIMEOUT, sample)))
        check_names(scenario, root, report)


def main():
    # A TERM (ctest's timeout, the runner's trap) unwinds, so every console is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser()
    parser.add_argument("--console", required=True)
    parser.add_argument("--draftprobe", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--log-dir", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
               QT_ACCESSIBILITY="1", LC_ALL="C.UTF-8", LANGUAGE="en")

    report = Report()
    for name, run in (("unknown-case", scenario_unknown_case),
                      ("demo-case", scenario_demo_case)):
        try:
            run(args, scenario_env(env, name), report)
        except CheckFailed as failure:
            report.check(False, "%s: %s" % (name, failure))

    for found in SANITIZER_REPORTS:
        report.check(False, found)

    if report.unnamed:
        print("\nShowing interactive objects without a name (%d):" % len(report.unnamed))
        for chain, scenarios in sorted(report.unnamed.items()):
            print("  %s   [%s]" % (chain, ", ".join(sorted(scenarios))))
    if report.failures:
        print("\n%d check(s) failed:" % len(report.failures))
        for failure in report.failures:
            print("- " + failure)
        return 1
    print("\nall accessibility checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
