#!/usr/bin/env python3
"""Fails when a committed translation is not complete for the current sources.

For each translations/care360_<lang>.ts: lupdate runs over models app ui into a copy, with the
options translations/README.md gives for that file (English: plural forms only). The check
fails when the copy holds an unfinished, vanished or obsolete message (a new tr() string, or
one whose text changed), when its set of messages differs from the committed file's (the
committed file is stale), or when a translation is empty or lost a placeholder of its source.

Usage: check_translations.py LUPDATE SOURCE_DIR
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
BAD_TYPES = ("unfinished", "vanished", "obsolete")


def messages(path):
    """(context, source, comment) -> (type, [translation texts]) for every message."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"), message.findtext("comment") or "")
            translation = message.find("translation")
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            found[key] = (translation.get("type", ""), texts)
    return found


def describe(key):
    return "%s: %r" % (key[0], key[1][:90])


def check(lupdate, source_dir, ts_path, work_dir):
    language = re.fullmatch(r"care360_(\w+)\.ts", os.path.basename(ts_path)).group(1)
    copy = os.path.join(work_dir, os.path.basename(ts_path))
    shutil.copyfile(ts_path, copy)
    command = [lupdate, "-no-obsolete", "-locations", "none", "-source-language", "en",
               "-target-language", language, "models", "app", "ui", "-ts", copy]
    if language == "en":
        command.insert(1, "-pluralonly")
    run = subprocess.run(command, cwd=source_dir, capture_output=True, text=True)
    if run.returncode != 0:
        return ["lupdate failed (%d): %s" % (run.returncode, run.stderr.strip())]
    committed, updated = messages(ts_path), messages(copy)
    problems = []
    for key, (kind, texts) in sorted(updated.items()):
        if kind in BAD_TYPES:
            problems.append("%s message, translate it: %s" % (kind, describe(key)))
        elif any(not text for text in texts):
            problems.append("empty translation: %s" % describe(key))
        elif any(sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(key[1])))
                 for text in texts):
            problems.append("placeholders differ from the source: %s" % describe(key))
    for key in sorted(committed.keys() - updated.keys()):
        problems.append("no longer in the sources, regenerate the file: %s" % describe(key))
    for key in sorted(updated.keys() - committed.keys()):
        if updated[key][0] not in BAD_TYPES:
            problems.append("missing from the committed file: %s" % describe(key))
    for key, (kind, _) in sorted(committed.items()):
        if kind in BAD_TYPES and key in updated and updated[key][0] not in BAD_TYPES:
            problems.append("committed as %s: %s" % (kind, describe(key)))
    return problems


def main(lupdate, source_dir):
    files = sorted(glob.glob(os.path.join(source_dir, "translations", "care360_*.ts")))
    if not files:
        print("no translations/care360_*.ts found under %s" % source_dir)
        return 1
    failed = False
    with tempfile.TemporaryDirectory() as work_dir:
        for ts_path in files:
            problems = check(lupdate, source_dir, ts_path, work_dir)
            name = os.path.relpath(ts_path, source_dir)
            print("%s: %s" % (name, "complete" if not problems else "%d problem(s)" % len(problems)))
            for problem in problems:
                print("  " + problem)
            failed = failed or bool(problems)
    if failed:
        print("Regenerate with the lupdate command of translations/README.md and fill the "
              "messages listed.")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
