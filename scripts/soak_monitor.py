"""One run of the Monday job for scripts/soak_job.py: watched, timed per phase, maybe killed.

The job runs in its own process group (a new session), so `kill -9` reaches
the shell, robin-report and any git it started at once, as a crash or a
reboot would. Its phases are told apart by what can be seen from outside:

- fetch: from the start until `report` releases the cache's lock (an flock,
  listed in /proc/locks);
- render: from then (or from the first `.<week>.new.*.tmp` folder in Output/)
  until `email` starts;
- email, publish, push: from the line the job's robin-report and git shims
  write to the phases file as each command starts.
"""
import glob
import os
import signal
import subprocess
import tempfile
import time

PHASES = ["fetch", "render", "email", "publish", "push"]
POLL_SECONDS = 0.002
# Process groups of the jobs still running, for stop_all() when the soak itself stops.
RUNNING = set()


def stop_all():
    """Kills every job still running (the soak was interrupted)."""
    for group in list(RUNNING):
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass
    RUNNING.clear()


class JobRun:
    """The job for `week`; `kill` = (phase, seconds into it) or None."""

    def __init__(self, job, week, environment, phases_file, home, kill, timeout):
        self.week, self.home, self.phases_file, self.kill, self.timeout = week, home, phases_file, kill, timeout
        open(phases_file, "w").close()
        self.output_file = tempfile.TemporaryFile()
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            ["/bin/sh", job], env=dict(environment, WEEK=week), cwd=home, stdin=subprocess.DEVNULL,
            stdout=self.output_file, stderr=subprocess.STDOUT, start_new_session=True)
        RUNNING.add(self.process.pid)
        self.marks = {"fetch": self.started}
        self.killed = False
        self.hung = False
        self.kill_phase = None
        self.kill_delay = kill[1] if kill else None
        self.elapsed = None
        self.status = None
        self.output = ""
        self.durations = {}

    def wait(self):
        """Watches the run to its end (or kills it); returns self."""
        phase, lock_seen, deadline, read = "fetch", False, None, 0
        lock = None
        while self.process.poll() is None:
            now = time.monotonic()
            with open(self.phases_file) as handle:
                handle.seek(read)
                lines = handle.read()
                read += len(lines)
            for word in lines.split():
                if word in ("email", "publish", "push"):
                    phase = word
                    self.marks.setdefault(word, now)
            if phase == "fetch":
                lock = lock or self.lock_inode()
                held = lock is not None and self.lock_held(lock)
                lock_seen = lock_seen or held
                if (lock_seen and not held) or self.writing_output():
                    phase = "render"
                    self.marks["render"] = now
            if self.kill and deadline is None and self.kill[0] in self.marks:
                deadline = self.marks[self.kill[0]] + self.kill[1]
            if deadline is not None and now >= deadline:
                self.stop()
                self.killed, self.kill_phase, self.elapsed = True, phase, now - self.started
                break
            if now - self.started > self.timeout:
                self.stop()
                self.hung = True
                break
            time.sleep(POLL_SECONDS)
        ended = time.monotonic()
        self.status = self.process.wait()
        RUNNING.discard(self.process.pid)
        order = sorted(self.marks.items(), key=lambda item: item[1])
        for (name, start), following in zip(order, order[1:] + [(None, ended)]):
            self.durations[name] = following[1] - start
        self.output_file.seek(0)
        self.output = self.output_file.read().decode(errors="replace")
        self.output_file.close()
        return self

    @property
    def failure(self):
        """One line for a run that did not exit 0."""
        if self.hung:
            return f"still running after {self.timeout} s (killed)"
        lines = self.output.strip().splitlines()
        return lines[-1] if lines else f"exit {self.status}"

    def stop(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def lock_inode(self):
        paths = glob.glob(os.path.join(self.home, ".robin-cache", "*", "*", ".lock"))
        return os.stat(paths[0]).st_ino if paths else None

    @staticmethod
    def lock_held(inode):
        with open("/proc/locks") as handle:
            return f":{inode} " in handle.read()

    def writing_output(self):
        try:
            return any(name.startswith(f".{self.week}.new.") for name in os.listdir(os.path.join(self.home, "Output")))
        except FileNotFoundError:
            return False
