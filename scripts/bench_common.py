"""Shared plumbing for the benchmark peers (bench_duckdb.py, bench_pandas.py).

The peers compute the "core" subset of metrics.json (see CORE_* below) and
write it in the same shape, so `compare_metrics.py --subset core.json
metrics.json` checks them against the reference or robin-report. Config,
period and inventory rules come from reference_metrics.py so all three agree.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_metrics as ref  # noqa: E402

CORE_DESK_FIELDS = ["reservations", "canceled_in_advance", "released", "checked_in", "people", "person_days",
                    "desk_days"]
CORE_ROOM_FIELDS = ["events", "meetings", "canceled", "declined", "auto_unbooked", "checked_in", "booked_hours",
                    "utilization"]


def parse_args(description: str):
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--desks", nargs="+", required=True, metavar="FILE")
    ap.add_argument("--spaces", nargs="+", required=True, metavar="FILE")
    ap.add_argument("--from", dest="start", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--to", dest="end", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--config")
    ap.add_argument("--out", help="write the core metrics JSON here")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()
    args.cfg = ref.load_config(args.config, None, None)
    args.period = ref.Period(args.start, args.end, args.cfg)
    return args


def read_header(path: str) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return next(csv.reader(f))


def header_names(path: str, wanted: list[str]) -> dict[str, str]:
    """Documented column -> the header as spelled in the file (trimmed, case-insensitive lookup)."""
    header = read_header(path)
    index = {}
    for h in header:
        index.setdefault(h.strip().lower(), h)
    missing = [w for w in wanted if w.lower() not in index]
    if missing:
        sys.exit(f"{path}: missing column {missing[0]!r}")
    return {w: index[w.lower()] for w in wanted}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def finish(tool: str, started: float, args, desks: dict, rooms: dict, heat_minutes: dict, extra=None) -> None:
    """desks/rooms: {"total": {..}, "by_building": {(b,): {..}}, ...} raw counts; heat_minutes: {(date, hour): min}."""
    seconds = time.perf_counter() - started
    result = assemble(args, desks, rooms, heat_minutes)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
    line = {"tool": tool, "seconds": round(seconds, 3), "peak_rss_mb": round(peak_rss_mb(), 1),
            "threads": args.threads}
    line.update(extra or {})
    print(json.dumps(line), flush=True)


def assemble(args, desks: dict, rooms: dict, heat_minutes: dict) -> dict:
    cfg, p = args.cfg, args.period
    inv = cfg.room_inventory

    def desk_entry(keys, names, g):
        return {**dict(zip(names, keys)), **{k: int(g[k]) for k in CORE_DESK_FIELDS}}

    def room_entry(keys, names, g, rooms_seen):
        out = dict(zip(names, keys))
        for k in ["events", "meetings", "canceled", "declined", "auto_unbooked", "checked_in"]:
            out[k] = int(g[k])
        out["booked_hours"] = float(g["booked_minutes"]) / 60
        out["utilization"] = ref.ratio(float(g["bh_minutes"]), rooms_seen * (cfg.bh_end - cfg.bh_start) * p.workdays)
        return out

    def ordered(groups: dict, fn):
        return [fn(k, groups[k]) for k in sorted(groups, key=lambda k: tuple(str(x) for x in k))]

    # Building-level room inventory only (the peers do not count rooms per floor);
    # the benchmark data configures none.
    building_seen = {k[0]: inv.get((k[0],), int(g["rooms_distinct"])) for k, g in rooms["by_building"].items()}
    total_seen = sum(building_seen.values())
    heatmap = []
    for wd, name in enumerate(ref.WEEKDAYS):
        dates = [d for d in p.dates if d.weekday() == wd]
        for hour in range(24):
            share = None
            if dates and total_seen:
                share = sum(heat_minutes.get((d, hour), 0.0) / (60 * total_seen) for d in dates) / len(dates)
            heatmap.append({"weekday": name, "hour": hour, "share": share})
    return {
        "desks": {
            "total": desk_entry((), (), desks["total"]),
            "by_building": ordered(desks["by_building"], lambda k, g: desk_entry(k, ["building"], g)),
            "by_floor": ordered(desks["by_floor"], lambda k, g: desk_entry(k, ["building", "floor"], g)),
            "by_department": ordered(desks["by_department"], lambda k, g: desk_entry(k, ["department"], g)),
        },
        "rooms": {
            "total": room_entry((), (), rooms["total"], total_seen),
            "by_building": ordered(rooms["by_building"],
                                   lambda k, g: room_entry(k, ["building"], g, building_seen[k[0]])),
            "by_space": ordered(rooms["by_space"],
                                lambda k, g: room_entry(k, ["building", "floor", "space", "space_id"], g,
                                                        int(g["rooms_distinct"]))),
            "heatmap": heatmap,
        },
    }
