#!/usr/bin/env python3
"""`make soak`: the Monday job (examples/weekly-report.sh) under faults and kill -9.

    scripts/soak_job.py [path/to/robin-report]

Everything runs on loopback in a temporary folder, against the real binary,
as cron would run the job: `robin-report simulate` as Robin's API, a
configuration written by `robin-report init` with an [email] table and one
[[audiences]] entry, scripts/smtp_sink.py as the SMTP server (with AUTH), and
a docs repository cloned from a bare one it pushes to.

1. Fault-free: the job runs once for each of N consecutive weeks (N = kills +
   SOAK_SPARE_WEEKS), as N Mondays would; the time of each phase (fetch, render, email, publish,
   push) is measured.
2. Faulty, in fresh folders: the same weeks in the same order. For each week
   the simulator starts again with a queue of faults (a storm of 429s, 503,
   500s, resets, a cut body with its Content-Length and one without, a body
   dripped slower than --request-timeout allows, sometimes a redirect to
   another port) and random ones at SOAK_FAULT_RATE. The job is killed
   (kill -9, its whole process group) at a random point of one phase (each
   phase gets a fifth of the kills), then run again, faults still on, until it
   exits 0 or SOAK_RERUNS reruns are used. A kill that misses (the job
   finished first) is aimed again at the next week's job.
3. A final clean rerun (faults off): the last week's job, and any week whose
   reruns ran out.
4. scripts/soak_compare.py: the cache's CSVs, Output/ and the docs repository
   are the same as the fault-free run's, and each (week, audience) was mailed
   exactly once, as the sent-log says.

Settings (environment): SOAK_SEED (default: random; printed, so a failing run
can be replayed), SOAK_KILLS (20), SOAK_RERUNS (8), SOAK_FAULT_RATE (0.05), SOAK_SPARE_WEEKS (3),
SOAK_KEEP=1 keeps the folder (it is kept anyway when the soak fails).
Exit status 0 when everything matched, 1 otherwise.
"""
import datetime
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import soak_compare  # noqa: E402
from soak_monitor import PHASES, JobRun, stop_all  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JOB = os.path.join(ROOT, "examples", "weekly-report.sh")
TOKEN = "soak-token-" + os.urandom(6).hex()
SMTP_USER, SMTP_PASSWORD = "soak", "soak-" + os.urandom(6).hex()
ORG = 1
AUDIENCE = ("London site", "london-site", ["London"], "london-lead@example.com")
ORG_TO = "leadership@example.com"
# Loopback speeds: exports ready after 0.2 s, polled every 0.2 s, 600 POSTs a
# minute on both sides; a request may take 5 s, so a drip at 2 kB/s fails.
READY_AFTER, POLL, POSTS_PER_MINUTE, REQUEST_TIMEOUT = "0.2", "0.2", "600", "5"
RANDOM_KINDS = "429,500,503,reset,cut,cut-no-length,html,json,empty,drip=1500"
JOB_TIMEOUT = 600


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Simulator:
    """`robin-report simulate --verbose` on a free port; its log (with faults) goes to `log`."""

    def __init__(self, binary, faults, log):
        self.log = open(log, "ab")
        self.process = subprocess.Popen(
            [binary, "simulate", "--port", "0", "--token", TOKEN, "--ready-after", READY_AFTER,
             "--posts-per-minute", POSTS_PER_MINUTE, "--verbose", *faults],
            stdout=subprocess.PIPE, stderr=self.log, stdin=subprocess.DEVNULL)
        self.url = self.process.stdout.readline().decode().strip()
        if not self.url.startswith("http://127.0.0.1:"):
            raise SystemExit(f"soak: the simulator did not start (said {self.url!r})")

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()


class Sink:
    """scripts/smtp_sink.py with AUTH, writing to `folder`."""

    def __init__(self, folder):
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(ROOT, "scripts", "smtp_sink.py"), folder,
             "--user", SMTP_USER, "--password", SMTP_PASSWORD],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        line = self.process.stdout.readline().decode().split()
        if len(line) != 2 or line[0] != "port":
            raise SystemExit("soak: smtp_sink.py did not start (is aiosmtpd installed? make pydeps)")
        self.port = int(line[1])

    def stop(self):
        self.process.stdin.close()
        self.process.wait()


class World:
    """One run's folders: ROBIN_HOME, the docs clone and its remote, the sink, the shims."""

    def __init__(self, binary, root):
        self.binary, self.root = binary, root
        self.home, self.docs, self.remote = (os.path.join(root, n) for n in ("home", "docs", "docs.git"))
        self.bin = os.path.join(root, "bin")
        self.phases = os.path.join(root, "phases.log")
        self.url_file = os.path.join(root, "sim.url")
        self.fault_log = os.path.join(root, "simulator.log")
        for folder in (self.home, self.bin, os.path.join(root, "sink"), os.path.join(root, "git-home")):
            os.makedirs(folder)
        self.sink = Sink(os.path.join(root, "sink"))
        self.simulator = None
        self.environment = {
            "PATH": self.bin + ":" + os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.path.join(root, "git-home"), "GIT_CONFIG_NOSYSTEM": "1", "LANG": "C.UTF-8",
            "ROBIN_HOME": self.home, "DOCS_REPO": self.docs, "ROBIN_REPORT": os.path.join(self.bin, "robin-report"),
            "ROBIN_API_TOKEN": TOKEN, "SMTP_PASSWORD": SMTP_PASSWORD, "SOAK_PHASES": self.phases,
        }
        self.write_shims()
        self.make_docs()

    def write_shims(self):
        # The job's robin-report: the real binary, `report` pointed at the simulator
        # (the URL file changes when the simulator restarts). Each command and
        # `git push` note their start in SOAK_PHASES, for the kill timing.
        shim = f"""#!/bin/sh
echo "$1" >> "$SOAK_PHASES"
if [ "$1" = report ]; then
  exec '{self.binary}' "$@" --base-url "$(cat '{self.url_file}')" --poll-interval {POLL} \\
    --posts-per-minute {POSTS_PER_MINUTE} --request-timeout {REQUEST_TIMEOUT}
fi
exec '{self.binary}' "$@"
"""
        git = f"""#!/bin/sh
case " $* " in *" push "*) echo push >> "$SOAK_PHASES" ;; esac
exec '{shutil.which("git")}' "$@"
"""
        for name, text in (("robin-report", shim), ("git", git)):
            path = os.path.join(self.bin, name)
            with open(path, "w") as handle:
                handle.write(text)
            os.chmod(path, 0o755)

    def git(self, *args, cwd=None):
        subprocess.run(["git", *args], cwd=cwd or self.root, env=self.environment, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def make_docs(self):
        identity = ["-c", "user.name=Someone", "-c", "user.email=someone@example.com"]
        self.git("init", "--quiet", "--bare", "--initial-branch=main", self.remote)
        self.git("clone", "--quiet", self.remote, self.docs)
        with open(os.path.join(self.docs, "README.md"), "w") as handle:
            handle.write("# Workplace docs\n")
        self.git("-C", self.docs, "add", "README.md")
        self.git("-C", self.docs, *identity, "commit", "--quiet", "-m", "Start")
        self.git("-C", self.docs, "push", "--quiet", "-u", "origin", "main")

    def start_simulator(self, faults=()):
        self.stop_simulator()
        self.simulator = Simulator(self.binary, list(faults), self.fault_log)
        with open(self.url_file, "w") as handle:
            handle.write(self.simulator.url)

    def stop_simulator(self):
        if self.simulator:
            self.simulator.stop()
            self.simulator = None

    def configure(self):
        """`robin-report init` from the simulator, then [email] and one audience."""
        subprocess.run([self.binary, "init", "--org", str(ORG), "--base-url", self.simulator.url, "--poll-interval", POLL,
                        "--quiet"], cwd=self.home, env=self.environment, check=True)
        name, _, buildings, to = AUDIENCE
        with open(os.path.join(self.home, "robin-report.toml"), "a") as handle:
            handle.write(f"""
[email]
from = "Workplace team <workplace@example.com>"
to = ["{ORG_TO}"]
smtp_url = "smtp://127.0.0.1:{self.sink.port}"
smtp_user = "{SMTP_USER}"

[[audiences]]
name = "{name}"
buildings = {json.dumps(buildings)}
to = ["{to}"]
""")

    def run_job(self, week, kill=None):
        return JobRun(JOB, week, self.environment, self.phases, self.home, kill, JOB_TIMEOUT).wait()

    def close(self):
        self.stop_simulator()
        self.sink.stop()


def weeks(count):
    """`count` consecutive ISO weeks, the last one two weeks back (so even its
    look-ahead week is over and settled: no day of the run is provisional)."""
    last = datetime.date.today() - datetime.timedelta(days=15)
    last -= datetime.timedelta(days=last.weekday())
    mondays = [last - datetime.timedelta(weeks=n) for n in reversed(range(count))]
    return ["%d-W%02d" % day.isocalendar()[:2] for day in mondays]


def cycle_faults(rng, redirect_port):
    """The queued faults of one week, and the random ones."""
    queued = [f"post:429=1x{rng.randint(3, 5)}", "post:503", "post:reset", "get:500x2", "get:reset",
              "get:cut", "get:cut-no-length", f"get:drip={rng.choice([500, 1000, 2000])}", "get:html"]
    if rng.random() < 0.35:
        queued.append(f"{rng.choice(['get', 'post'])}:redirect={redirect_port}")
    rng.shuffle(queued)
    args = [item for spec in queued for item in ("--fault", spec)]
    return args + ["--fault-rate", os.environ.get("SOAK_FAULT_RATE", "0.05"), "--fault-kinds", RANDOM_KINDS,
                   "--fault-seed", str(rng.getrandbits(32))]


def fault_counts(log):
    """What the simulator logged: statuses that are faults, dropped connections, body faults."""
    counts = {}
    with open(log, errors="replace") as handle:
        for line in handle:
            parts = line.split(" -> ")
            if len(parts) != 2:
                continue
            answer = parts[1].strip()
            if answer.startswith(("429", "5")) or answer == "dropped":
                kind = answer.split()[0]
            elif "(" in answer:
                kind = answer.split("(", 1)[1].rstrip(")").split("=")[0]
            else:
                continue
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def main():
    # Terminated (make interrupted, a CI timeout): stop the simulators and sinks too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/robin-report"))
    seed = int(os.environ.get("SOAK_SEED") or random.SystemRandom().randrange(1, 2**31))
    kills = int(os.environ.get("SOAK_KILLS", "20"))
    reruns = int(os.environ.get("SOAK_RERUNS", "8"))
    rng = random.Random(seed)
    started = time.monotonic()
    base = tempfile.mkdtemp(prefix="robin-soak-")
    # A copy: a build during the soak must not change the binary under test halfway.
    shutil.copy2(binary, os.path.join(base, "robin-report"))
    binary = os.path.join(base, "robin-report")
    the_weeks = weeks(kills + int(os.environ.get("SOAK_SPARE_WEEKS", "3")))
    print(f"soak: seed {seed} (SOAK_SEED={seed} replays it), {kills} kills, weeks {the_weeks[0]}..{the_weeks[-1]}, "
          f"folder {base}", flush=True)
    worlds = []
    problems = []
    try:
        # 1. Fault-free.
        reference = World(binary, os.path.join(base, "fault-free"))
        worlds.append(reference)
        reference.start_simulator()
        reference.configure()
        durations = {}
        for week in the_weeks:
            run = reference.run_job(week)
            if run.status != 0:
                raise SystemExit(f"soak: the fault-free job failed for {week}: {run.output.strip()}")
            durations[week] = run.durations
        reference.stop_simulator()
        fault_free_seconds = time.monotonic() - started
        medians = {phase: sorted(d.get(phase, 0) for d in durations.values())[len(durations) // 2] for phase in PHASES}
        print(f"soak: fault-free run: {len(the_weeks)} weeks in {fault_free_seconds:.0f} s; median phase times: "
              + ", ".join(f"{p} {medians[p]:.2f} s" for p in PHASES), flush=True)

        # 2. Faulty: one kill per week, each phase a fifth of the time, at a random
        # fraction of that phase's shortest fault-free duration. A kill that misses
        # (the job finished first: nothing is left to interrupt that week) moves on to
        # the next week; the spare weeks are there for those.
        faulty = World(binary, os.path.join(base, "faulty"))
        worlds.append(faulty)
        shortest = {phase: min(d.get(phase, 0.05) for d in durations.values()) for phase in PHASES}
        targets = [PHASES[n % len(PHASES)] for n in range(kills)]
        rng.shuffle(targets)
        targets = [(phase, rng.uniform(0.05, 0.9) * shortest[phase]) for phase in targets]
        redirect_port = free_port()
        unfinished = []
        kill_lines = []
        landed = 0
        for week in the_weeks:
            faulty.start_simulator(cycle_faults(rng, redirect_port))
            if week == the_weeks[0]:
                faulty.configure()
            target = targets[landed] if landed < len(targets) else None
            before, after, missed, killed = [], [], False, None
            while True:
                if target and killed is None and not missed:
                    run = faulty.run_job(week, target)
                    if run.killed:
                        killed = run
                        landed += 1
                    elif run.status == 0:
                        missed = True  # finished before the kill: the kill moves to the next week
                        break
                    else:
                        before.append(run)  # failed from the faults before the kill came
                        if len(before) > reruns:
                            break
                    continue
                run = faulty.run_job(week)
                after.append(run)
                if run.status == 0 or len(after) == reruns:
                    break
            failures = [a.failure for a in before + after if a.status != 0]
            last = (after or before)[-1] if (after or before) else None
            finished = missed or (last is not None and last.status == 0 and (not killed or bool(after)))
            if killed:
                line = (f"kill {landed:2}: {week}: aimed at {target[0]} +{target[1]:.2f} s, killed at "
                        f"{killed.elapsed:.2f} s in {killed.kill_phase}; ")
                line += f"{len(after)} rerun(s) to exit 0" if finished else f"{len(after)} reruns, none exited 0"
            elif target:
                line = f"        {week}: aimed at {target[0]} +{target[1]:.2f} s: " + (
                    "the job finished first; the kill moves to the next week" if missed else "no run got that far")
            else:
                line = f"        {week}: no kill left; " + ("exit 0" if finished else f"{len(after)} runs, none exited 0")
            if before:
                line += f" (after {len(before)} run(s) failing before it)"
            if not finished:
                unfinished.append(week)
                problems.append(f"{week}: {reruns} reruns, none exited 0: {failures[-1] if failures else '?'}")
            if failures:
                line += "; failures: " + " | ".join(sorted(set(failures)))[:600]
            kill_lines.append(line)
            print("soak: " + line, flush=True)
        if landed < kills:
            problems.append(f"only {landed} of {kills} kills landed (the job finished before the others)")
        faulty.stop_simulator()
        counts = fault_counts(faulty.fault_log)

        # 3. The final clean rerun.
        faulty.start_simulator()
        for week in unfinished + [the_weeks[-1]]:
            run = faulty.run_job(week)
            if run.status != 0:
                problems.append(f"clean rerun of {week}: exit {run.status}: {run.output.strip()}")
        faulty.stop_simulator()
        for world in worlds:
            world.close()
        worlds = []

        # 4. Compare.
        name, slug, _, to = AUDIENCE
        found, summary = soak_compare.compare(reference.root, faulty.root, the_weeks, {None: [ORG_TO], slug: [to]})
        problems += found
        phases = {}
        for line in kill_lines:
            if line.startswith("kill") and " in " in line:
                phase = line.split(" in ", 1)[1].split(";")[0]
                phases[phase] = phases.get(phase, 0) + 1
        print("soak: kills landed in: " + ", ".join(f"{p} {phases.get(p, 0)}" for p in PHASES))
        print("soak: faults the simulator logged: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        print("soak: " + summary)
    finally:
        stop_all()
        for world in worlds:
            world.close()
    wall = time.monotonic() - started
    for line in problems:
        print("soak: FAIL: " + line)
    if problems or os.environ.get("SOAK_KEEP"):
        print(f"soak: folders kept in {base}")
    else:
        shutil.rmtree(base)
    print(f"soak: seed {seed}: {'FAIL' if problems else 'PASS'} in {wall:.0f} s")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
