#!/usr/bin/env python3
"""Start-up side by side (issue 26): the console against a bare Qt table window, the CLI
against curl, run alternately so that both see the same machine. It reports; it never fails
on time. Run through scripts/bench-startup (a private D-Bus session with gnome-keyring).

Moments are taken from outside, from exec to a line the program prints:
  floor      "floor: painted" (startup_floor, after its first paint)
  sandbox    the in-process sandbox's "listening on" line (care360.sandbox)
  case       the care360.api line with "status" that ends the listing (care360.api)
Peak RSS is the kernel's ru_maxrss of the process, taken with wait4() after it ends.
"""
import argparse
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

DEMO_CASE = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01"      # 6 active escalations
SECOND_CASE = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e02"    # 3 active
LARGE_CASE = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e99"     # 1,000 active
ACME_KEY = "acme-demo-key"


def escalation(number):
    """The demo data's escalation IDs (app/sandbox/demodata.cpp)."""
    return "e5ca1a7e-0000-4000-8000-%012d" % number


def fresh_home(parent):
    home = tempfile.mkdtemp(prefix="home.", dir=parent)
    for sub in ("config", "data", "cache"):
        os.mkdir(os.path.join(home, sub))
    return home


def home_environment(home):
    env = dict(os.environ)
    env.update(HOME=home, XDG_CONFIG_HOME=home + "/config", XDG_DATA_HOME=home + "/data",
               XDG_CACHE_HOME=home + "/cache", QT_QPA_PLATFORM="offscreen",
               QT_LOGGING_RULES="care360.sandbox.info=true\ncare360.api.info=true")
    return env


def cpu_ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except OSError:
        return 0


def wait_until_quiet(names=("gnome-keyring-daemon", "dbus-daemon"), limit_s=3.0):
    """Each console run leaves the keyring writing what it stored (a fresh HOME makes a new
    journal key, and the keyring rewrites its whole file): the next run must not share the CPU
    with that, or every later run, the floor's too, measures the one before."""
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/comm" % entry) as comm:
                    if comm.read().strip() in names:
                        pids.append(int(entry))
            except OSError:
                pass
    deadline = time.monotonic() + limit_s
    before = sum(cpu_ticks(pid) for pid in pids)
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        time.sleep(0.03)
        now = sum(cpu_ticks(pid) for pid in pids)
        quiet = quiet + 1 if now == before else 0
        before = now


def run_until(argv, env, markers, settle_s=0.0, timeout_s=30.0):
    """Starts argv and returns ({marker: ms from exec}, peak RSS in MiB). The process is
    killed once every marker was seen (after settle_s) or at timeout_s."""
    wait_until_quiet()
    start = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen, pending = {}, b""
    fd = process.stdout.fileno()
    while len(seen) < len(markers) and time.monotonic() - start < timeout_s:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        now = time.monotonic()
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            for name, text in markers.items():
                if name not in seen and text.encode() in line:
                    seen[name] = (now - start) * 1000.0
    if settle_s:
        time.sleep(settle_s)
    try:
        process.send_signal(signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, _, usage = os.wait4(process.pid, 0)
    process.returncode = -9
    process.stdout.close()
    return seen, usage.ru_maxrss / 1024.0


def prepare_returning_home(home, bin_dir):
    """A returning agent's HOME: drafts in the three Acme cases (all the sandbox key opens),
    written by draftprobe through the real journal and keychain, and recent cases."""
    env = home_environment(home)
    probe = os.path.join(bin_dir, "draftprobe")
    drafts = {DEMO_CASE: [1, 2], SECOND_CASE: [101], LARGE_CASE: [1001, 1500]}
    for case, numbers in drafts.items():
        process = subprocess.Popen(
            [probe, "--sandbox", "--case", case, "--organization", "Care360",
             "--application", "care360-escalations"],
            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True)
        wait_for_line(process, "ready")
        for number in numbers:
            process.stdin.write("note %s Benchmark draft %d\n" % (escalation(number), number))
            process.stdin.flush()
        process.stdin.write("flush\n")
        process.stdin.flush()
        wait_for_line(process, "written")
        process.stdin.write("quit\n")
        process.stdin.close()
        process.wait(timeout=20)


def wait_for_line(process, prefix):
    while True:
        line = process.stdout.readline()
        if not line:
            raise RuntimeError("draftprobe ended before '%s'" % prefix)
        if line.startswith(prefix):
            return line


class Sandbox:
    """An external care360-sandbox, for the CLI and curl."""

    def __init__(self, bin_dir, env):
        self.process = subprocess.Popen([os.path.join(bin_dir, "care360-sandbox")], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True)
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("care360-sandbox ended before it listened")
            if "http://" in line:
                self.url = "http://" + line.split("http://", 1)[1].split()[0].strip('"')
                return

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def median(values):
    return statistics.median(values) if values else float("nan")


def ratio(value, floor):
    return value / floor if floor else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, help="build directory (its bin/)")
    parser.add_argument("--baseline", help="an earlier build directory, run alternately")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    bin_dir = os.path.join(args.build, "bin")
    consoles = [("console", os.path.join(bin_dir, "care360-escalations"))]
    if args.baseline:
        consoles.insert(0, ("baseline", os.path.join(args.baseline, "bin", "care360-escalations")))
    floor_bin = os.path.join(bin_dir, "startup_floor")
    scratch = tempfile.mkdtemp(prefix="care360-bench-startup.")
    results = {}

    def add(key, value):
        if value is not None:
            results.setdefault(key, []).append(value)

    try:
        returning = fresh_home(scratch)
        prepare_returning_home(returning, bin_dir)
        for _ in range(args.runs):
            seen, rss = run_until([floor_bin], home_environment(fresh_home(scratch)),
                                  {"floor": "floor: painted"})
            add(("floor", "floor"), seen.get("floor"))
            add(("floor", "rss"), rss)
            for name, console in consoles:
                for label, case in (("demo", DEMO_CASE), ("large", LARGE_CASE)):
                    seen, rss = run_until(
                        [console, "--case", case], home_environment(fresh_home(scratch)),
                        {"sandbox": "listening on", "case": case + " status"}, settle_s=0.3)
                    add((name, "sandbox"), seen.get("sandbox"))
                    add((name, label), seen.get("case"))
                    if label == "large":
                        add((name, "rss"), rss)
                # The returning agent: its journal is read and three cases hold drafts.
                seen, _ = run_until([console, "--case", DEMO_CASE], home_environment(returning),
                                    {"case": DEMO_CASE + " status"}, settle_s=0.3)
                add((name, "returning"), seen.get("case"))
        cli_results = bench_cli(bin_dir, scratch, args.runs,
                                os.path.join(args.baseline, "bin") if args.baseline else None)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    floor = median(results.get(("floor", "floor"), []))
    floor_rss = median(results.get(("floor", "rss"), []))
    print("Start-up, %d runs each, alternating; medians (ms from exec; RSS in MiB)" % args.runs)
    rows = [("in-process sandbox listening", "sandbox", floor),
            ("6-escalation demo case listed", "demo", floor),
            ("1,000-escalation case listed", "large", floor),
            ("demo case, returning agent (drafts in 3 cases)", "returning", floor),
            ("peak RSS with 1,000 rows", "rss", floor_rss)]
    names = [name for name, _ in consoles]
    header = "| from exec to | " + " | ".join(names) + " | floor | " + " | ".join(
        "%s ratio" % n for n in names) + " |"
    print(header)
    print("|" + "---|" * (2 + 2 * len(names)))
    for title, key, base in rows:
        values = [median(results.get((name, key), [])) for name in names]
        missing = [n for n in names if len(results.get((n, key), [])) < args.runs]
        print("| %s | %s | %.1f | %s |%s" % (
            title, " | ".join("%.1f" % v for v in values), base,
            " | ".join("%.2f×" % ratio(v, base) for v in values),
            "  (not seen in every run: %s)" % ", ".join(missing) if missing else ""))
    curl = cli_results["curl"]
    print()
    print("| the same update, from exec to exit | ms | curl | ratio |")
    print("|---|---|---|---|")
    for title, key in (("baseline CLI update, key from the keychain", "baseline-cli"),
                       ("CLI update, key from the keychain", "cli"),
                       ("CLI update, key from CARE360_API_KEY", "cli-env")):
        if key not in cli_results:
            continue
        print("| %s | %.1f | %.1f | %.2f× |" % (title, cli_results[key], curl,
                                               ratio(cli_results[key], curl)))
    return 0


def bench_cli(bin_dir, scratch, runs, baseline_bin=None):
    """care360-escalations-cli update against curl posting the same body to the same sandbox
    (the demo key is public: it is in care360-sandbox --help)."""
    home = fresh_home(scratch)
    env = home_environment(home)
    sandbox = Sandbox(bin_dir, env)
    del env["QT_LOGGING_RULES"]  # the CLI as scripts run it: quiet
    try:
        cli = os.path.join(bin_dir, "care360-escalations-cli")
        base = ["--env", "sandbox", "--base-url", sandbox.url]
        subprocess.run([cli, *base, "key", "set"], input=ACME_KEY + "\n", env=env, text=True,
                       check=True, stdout=subprocess.DEVNULL)
        when = "2027-01-04T09:00:00.000Z"
        update = [cli, *base, "update", "--case", SECOND_CASE, "--escalation", escalation(101),
                  "--follow-up", when]
        body = ('{"action":"UPDATE_ESCALATION","escalations":[{"escalationId":"%s",'
                '"followUpDueAt":"%s"}]}' % (escalation(101), when))
        curl = ["curl", "-sS", "-o", "/dev/null", "-X", "POST",
                sandbox.url + "/api/v1/cases/" + SECOND_CASE, "-H", "cv-api-key: " + ACME_KEY,
                "-H", "Content-Type: application/json", "--data-raw", body]
        # The key from the keychain (as agents run it), or from CARE360_API_KEY (automation).
        env_key = dict(env, CARE360_API_KEY=ACME_KEY)
        commands = [("cli", update, env), ("cli-env", update, env_key), ("curl", curl, env)]
        if baseline_bin:
            earlier = [os.path.join(baseline_bin, "care360-escalations-cli")] + update[1:]
            commands.insert(0, ("baseline-cli", earlier, env))
        timings = {name: [] for name, _, _ in commands}
        for _ in range(runs):
            for name, argv, run_env in commands:
                start = time.monotonic()
                subprocess.run(argv, env=run_env, check=True, stdout=subprocess.DEVNULL)
                timings[name].append((time.monotonic() - start) * 1000.0)
        return {name: median(values) for name, values in timings.items()}
    finally:
        sandbox.close()


if __name__ == "__main__":
    sys.exit(main())
