#!/usr/bin/env python3
"""Compares two runs of the Monday job (scripts/soak_job.py), or checks one.

    soak_compare.py REFERENCE_ROOT FAULTY_ROOT --weeks 2026-W20,2026-W21 --audiences london-site

A root holds home/ (ROBIN_HOME: the cache .robin-cache/ and Output/), docs/
(the clone of the docs repository), docs.git (its remote) and sink/ (what the
SMTP server received). Prints one line per difference and exits 1 if there is
any:

- the cache: the same files with the same bytes, but for the `.fetched`
  sidecars (they hold the real time of each fetch: only their presence is
  compared) and the sent-log (its times and Message-IDs are a run's own: it is
  checked against the mail instead);
- Output/: every file, hidden ones included (a temporary left behind is a
  difference), byte for byte;
- the docs repository: the tree of HEAD, the tree pushed to the remote, the
  working tree (clean, and every file byte for byte), and the commits' subjects
  (one per week, "Add ...": no extra or "Update" commit);
- the mail, in each root: exactly one message per (week, audience), and the
  sent-log has exactly one line for each, naming that message's Message-ID
  (or, for a run killed while the server took the message, its handed-over
  note in sent-log.handed-over/, which the rerun does not send again).
"""
import argparse
import email
import email.policy
import hashlib
import json
import os
import subprocess
import sys


def files(root, skip=lambda rel: False):
    """Every file under root (hidden ones too) as {relative path: sha256}, links as their target."""
    found = {}
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if skip(rel):
                continue
            if os.path.islink(path):
                found[rel] = "link -> " + os.readlink(path)
            else:
                with open(path, "rb") as handle:
                    found[rel] = hashlib.sha256(handle.read()).hexdigest()
    return found


def compare_trees(label, reference, faulty, skip=lambda rel: False):
    """One line per file missing, extra or different between the two folders."""
    ref, got = files(reference, skip), files(faulty, skip)
    problems = []
    for rel in sorted(set(ref) | set(got)):
        if rel not in got:
            problems.append(f"{label}: {rel}: missing after the faulty run")
        elif rel not in ref:
            problems.append(f"{label}: {rel}: not in the fault-free run (left behind?)")
        elif ref[rel] != got[rel]:
            problems.append(f"{label}: {rel}: bytes differ")
    return problems, len(ref)


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, text=True, check=True).stdout.strip()


def sidecars(cache):
    """Problems with the `.fetched` sidecars: each CSV has one, each one its CSV."""
    problems = []
    names = files(cache)
    for rel in names:
        if rel.endswith(".csv") and rel + ".fetched" not in names:
            problems.append(f"cache: {rel}: no .fetched sidecar")
        if rel.endswith(".csv.fetched") and rel[: -len(".fetched")] not in names:
            problems.append(f"cache: {rel}: a sidecar without its CSV")
    return problems


def mail(root, weeks, audiences):
    """Problems with what the sink received and the sent-log: one message per (week, audience)."""
    sink = os.path.join(root, "sink")
    received = {}
    for name in sorted(os.listdir(sink)):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(sink, name), "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        with open(os.path.join(sink, name[:-4] + ".json")) as handle:
            envelope = json.load(handle)
        message_id = str(message["Message-ID"]).strip()
        period = message_id.lstrip("<").split(".", 1)[0]
        audience = next((slug for slug, to in audiences.items() if envelope["rcpt_tos"] == to), None)
        received.setdefault((period, audience), []).append(message_id)
    logged = {}
    cache = os.path.join(root, "home", ".robin-cache")
    # The sent-log's lines, and the handed-over notes of runs killed while the server
    # took a message (the rerun does not send it again: it counts as logged once).
    notes = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(cache, "sent-log.handed-over"))
             for name in names]
    for path in [os.path.join(cache, "sent-log.tsv")] + notes:
        with open(path) as handle:
            for line in handle:
                if line.startswith("#") or not line.strip():
                    continue
                fields = line.rstrip("\n").split("\t")
                audience = fields[4] if len(fields) > 4 and fields[4] else None
                if fields[2] not in logged.get((fields[0], audience), []):
                    logged.setdefault((fields[0], audience), []).append(fields[2])
    problems = []
    expected = {(week, audience) for week in weeks for audience in audiences}
    for key in sorted(expected | set(received) | set(logged), key=str):
        name = f"{key[0]} {key[1] or 'organisation'}"
        got, log = received.get(key, []), logged.get(key, [])
        if key not in expected:
            problems.append(f"mail: {name}: not a (week, audience) of the run, received {len(got)}, logged {len(log)}")
            continue
        if len(got) != 1:
            problems.append(f"mail: {name}: received {len(got)} messages, not 1")
        if len(log) != 1:
            problems.append(f"mail: {name}: {len(log)} sent-log lines, not 1")
        elif got and log[0] not in got:
            problems.append(f"mail: {name}: the sent-log's {log[0]} is not the message received")
    return problems, sum(len(v) for v in received.values()), len(notes)


def compare(reference, faulty, weeks, audiences):
    """Every problem, and a one-line account of what was compared."""
    problems = []
    skip_cache = lambda rel: rel.endswith(".fetched") or rel == "sent-log.tsv" or rel.startswith("sent-log.handed-over/")
    cache_ref, cache_got = (os.path.join(r, "home", ".robin-cache") for r in (reference, faulty))
    found, cache_files = compare_trees("cache", cache_ref, cache_got, skip_cache)
    problems += found + sidecars(cache_got)
    found, output_files = compare_trees("Output", *(os.path.join(r, "home", "Output") for r in (reference, faulty)))
    problems += found
    trees = {}
    for label, root in (("fault-free", reference), ("faulty", faulty)):
        docs = os.path.join(root, "docs")
        trees[label] = git(docs, "rev-parse", "HEAD^{tree}")
        pushed = git(os.path.join(root, "docs.git"), "rev-parse", "main^{tree}")
        if pushed != trees[label]:
            problems.append(f"docs ({label}): the remote's main has tree {pushed}, HEAD has {trees[label]} (not pushed?)")
        status = git(docs, "status", "--porcelain", "--ignored", "--untracked-files=all")
        if status:
            problems.append(f"docs ({label}): working tree not clean: {status.splitlines()[0]}")
    subjects = {label: git(os.path.join(root, "docs"), "log", "--format=%s", "main")
                for label, root in (("fault-free", reference), ("faulty", faulty))}
    if subjects["fault-free"] != subjects["faulty"]:
        problems.append("docs: the commits differ: " + " | ".join(subjects["faulty"].splitlines()[:3])
                        + " ... after the faulty run, " + " | ".join(subjects["fault-free"].splitlines()[:3]) + " ... fault-free")
    if trees["fault-free"] != trees["faulty"]:
        problems.append(f"docs: HEAD^{{tree}} {trees['faulty']} after the faulty run, {trees['fault-free']} fault-free")
    found, docs_files = compare_trees("docs", *(os.path.join(r, "docs") for r in (reference, faulty)))
    problems += found
    messages, unconfirmed = {}, {}
    for label, root in (("fault-free", reference), ("faulty", faulty)):
        found, messages[label], unconfirmed[label] = mail(root, weeks, audiences)
        problems += [f"{p} ({label} run)" for p in found]
    summary = (f"compared {cache_files} cache files (CSV bytes; .fetched sidecars by presence), {output_files} Output files, "
               f"docs tree {trees['faulty'][:12]}, {docs_files} working-tree files and "
               f"{len(subjects['faulty'].splitlines())} commits; "
               f"mail: {messages['faulty']} messages after the faults, {messages['fault-free']} fault-free, "
               f"for {len(weeks)} weeks x {len(audiences)} reports; {unconfirmed['faulty']} left unconfirmed "
               "(a run killed while the server took the message: not sent again)")
    return problems, summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference")
    parser.add_argument("faulty")
    parser.add_argument("--weeks", required=True, help="comma-separated ISO weeks the job ran for")
    parser.add_argument("--audiences", default="", help="comma-separated slug=recipient list (organisation: =recipient)")
    args = parser.parse_args()
    audiences = {}
    for item in args.audiences.split(","):
        slug, _, to = item.partition("=")
        audiences[slug or None] = [to]
    problems, summary = compare(args.reference, args.faulty, args.weeks.split(","), audiences)
    for line in problems:
        print(line)
    print(summary)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
