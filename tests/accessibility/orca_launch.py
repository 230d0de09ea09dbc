#!/usr/bin/python3
"""Starts Debian's Orca (its own /usr/bin/orca, unchanged) for orca_check.py, with two changes
that only concern the test's plumbing, never what Orca says:

- the --debug-file is written line by line (Orca opens it block-buffered), so the checker reads
  each utterance as it is spoken and knows when a step has settled;
- Orca's "one screen reader per user" check looks only at this run's private session: Orca
  counts every process named orca of the user on the machine, so another engineer's Orca (on
  another display and bus) would stop this one.

Usage: orca_launch.py ORCA_SCRIPT [orca arguments...]   (e.g. /usr/bin/orca --debug-file=F)
"""

import builtins
import sys


def main():
    orca_script = sys.argv[1]
    orca_args = sys.argv[2:]
    debug_files = {arg.split("=", 1)[1] for arg in orca_args if arg.startswith("--debug-file=")}

    real_open = builtins.open

    def open_debug_file_line_buffered(file, mode="r", *args, **kwargs):
        if file in debug_files and "w" in mode and not args and "buffering" not in kwargs:
            kwargs["buffering"] = 1
        return real_open(file, mode, *args, **kwargs)

    builtins.open = open_debug_file_line_buffered
    sys.argv = [orca_script] + orca_args
    with real_open(orca_script, encoding="utf-8") as source:
        code = compile(source.read(), orca_script, "exec")
    # Not as __main__: main() is called once the check is narrowed.
    orca = {"__name__": "orca_launch", "__file__": orca_script}
    exec(code, orca)
    if "otherOrcas" in orca:
        orca["otherOrcas"] = lambda: []
    return orca["main"]()


if __name__ == "__main__":
    sys.exit(main())
