#!/usr/bin/env python3
"""Hand-worked checks of scripts/reference_metrics.py (and compare_metrics.py).

    python3 scripts/test_reference.py

Writes two small desk files and two space files (overlapping, with duplicates,
shuffled and oddly cased headers, an unknown column, two buildings in
different zones) to a temp dir and checks numbers worked out by hand; the
arithmetic is in the comments.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_metrics as ref  # noqa: E402

DESK_HEADER = [" reservation id", "BUILDING", "Floor ", "Desk ID", "Type", "Start (UTC)", "Hour Duration",
               "Checked In At (UTC)", "Canceled At (UTC)", "Assignee Department", "Assignee Email",
               "Assignee Name", "Creator Email", "Some New Column", "Organization", "End (UTC)"]
SPACE_HEADER = ["Event ID", "Space ID", "Building", "Floor", "Space", "Event Status", "Updated At (UTC)",
                "Capacity", "Attendees", "Started At (UTC)", "Ended At (UTC)", "Minute Duration",
                "Checked In At (UTC)", "Minutes Delayed", "Automatically Unbooked At (UTC)",
                "Host Department", "Host Robin Email", "Host Robin Name", "Title", "Brand New"]

# Paris is UTC+1 and New York UTC-5 in November 2026 (no DST change in the period).
CONFIG = """
timezone = "UTC"
min_group_size = 2
[policy]
days_per_week = 2
[buildings."PAR"]
timezone = "Europe/Paris"
rooms = 5
[buildings."PAR".floors."2"]
desks = 4
[buildings."NYC"]
timezone = "America/New_York"
desks = 10
"""


def desk(rid, b, fl, d, typ, start, hours, checked="", canceled="", dept="", email="", name="", creator=""):
    return [rid, b, fl, d, typ, start, hours, checked, canceled, dept, email, name, creator, "x", "Org", ""]


DESKS1 = [
    # R1 PAR/1 D1 Mon16 09:00 Paris, checked in, alice (email case/space folded)
    desk("R1", "PAR", "1", "D1", "hoteled", "2026-11-16 08:00:00", "8", "2026-11-16 08:05:00", "", "Sales", "Alice@X.com "),
    # R2 Tue17 00:30 Paris, canceled the evening before -> canceled_in_advance
    desk("R2", "PAR", "1", "D2", "hot", "2026-11-16 23:30:00", "8", "", "2026-11-16 20:00:00", "Sales", "bob@x.com"),
    # R3 canceled after start, no check-in -> released
    desk("R3", "PAR", "2", "D3", "assigned", "2026-11-17T07:00:00Z", "4", "", "2026-11-17 09:00:00", "Eng", "carol@x.com"),
    # R4 NYC: 03:00 UTC Tue17 = 22:00 Mon16 New York; same person as R1
    desk("R4", "NYC", "5", "D10", "hoteled", "2026-11-17 03:00:00", "2.5", "", "", "Sales", "alice@x.com"),
    # R5 NYC Sat21 10:00, name only, no department
    desk("R5", "NYC", "5", "D11", "hoteled", "2026-11-21 15:00:00", "3", "", "", "", "", "Dave"),
    # R7 first version: canceled in advance (replaced by the version in file 2)
    desk("R7", "PAR", "2", "D3", "hoteled", "2026-11-18 08:00:00", "8", "", "2026-11-17 08:00:00", "Eng", "erin@x.com"),
    # R8 Mon23 00:30 Paris: outside a Mon16-Sun22 period
    desk("R8", "PAR", "1", "D1", "hoteled", "2026-11-22 23:30:00", "8", "", "", "Sales", "hank@x.com"),
    # R9 NYC Sun15 23:00 local: outside
    desk("R9", "NYC", "5", "D10", "hoteled", "2026-11-16 04:00:00", "8", "", "", "Sales", "alice@x.com"),
    # R10 creator email only
    desk("R10", "PAR", "1", "D1", "hoteled", "2026-11-19 08:00:00", "8", "", "", "Eng", "", "", "Frank@X.com"),
    # R11 nobody at all: counts for desks, not people
    desk("R11", "PAR", "1", "D1", "hoteled", "2026-11-16 12:00:00", "1", "", "", ""),
]
DESKS2 = [
    # R7 last version: canceled after start but checked in -> checked_in, attended, not released
    desk("R7", "PAR", "2", "D3", "hoteled", "2026-11-18 08:00:00", "8", "2026-11-18 08:10:00", "2026-11-18 12:00:00", "Eng", "erin@x.com"),
    # R12 ISO with offset and fraction: 08:00:00.5 UTC Fri20
    desk("R12", "PAR", "1", "D2", "hoteled", "2026-11-20T09:00:00.500+01:00", "8", "2026-11-20T08:01:00Z", "", "Sales", "alice@x.com"),
    # R13 Wed18
    desk("R13", "PAR", "1", "D2", "hoteled", "2026-11-18 09:00:00", "8", "", "", "Sales", "gina@x.com"),
]


def ev(eid, sid, b, fl, sp, status, updated, cap, att, start, end="", minutes="", checked="", delayed="",
       unbooked="", dept="", email="", name=""):
    return [eid, sid, b, fl, sp, status, updated, cap, att, start, end, minutes, checked, delayed, unbooked,
            dept, email, name, "secret title", "?"]


SPACES1 = [
    # E1 Mon16 08:30-09:30 Paris: 30 business minutes
    ev("E1", "S1", "PAR", "1", "Room A", "CONFIRMED", "2026-11-10 10:00:00", "10", "4", "2026-11-16 07:30:00",
       minutes="60", checked="2026-11-16 07:35:00", delayed="5", dept="Sales", email="alice@x.com"),
    ev("E2", "S1", "PAR", "1", "Room A", "Cancelled", "", "10", "", "2026-11-17 10:00:00", minutes="60",
       dept="Sales", email="bob@x.com"),
    ev("E3", "S2", "PAR", "2", "Room B", "Resource declined", "", "4", "", "2026-11-17 10:00:00", minutes="60",
       dept="Eng", email="carol@x.com"),
    # E4 Wed18 16:00-18:30 Paris from Ended At (150 min): 60 business minutes; 3 attendees of 4
    ev("E4", "S2", "PAR", "2", "Room B", "Confirmed", "", "4", "a@x.com; b@x.com, ,c@x.com",
       "2026-11-18T15:00:00Z", end="2026-11-18 17:30:00", unbooked="2026-11-18 15:15:00",
       dept="Eng", email="erin@x.com"),
    # E5 NYC Fri20 16:00 -> Sat21 02:00 (600 min): 60 business minutes
    ev("E5", "S10", "NYC", "5", "Board", "confirmed", "", "20", "", "2026-11-20 21:00:00", minutes="600",
       checked="2026-11-20 21:00:00", name="Dave"),
    # E5 in a second room: 16:00-16:30, 0 attendees (a known zero)
    ev("E5", "S11", "NYC", "5", "Huddle", "confirmed", "", "2", "0", "2026-11-20 21:00:00", minutes="30",
       checked="2026-11-20 21:02:00", delayed="2.5", name="Dave"),
    # E7 Mon23 00:30 Paris: outside
    ev("E7", "S1", "PAR", "1", "Room A", "confirmed", "", "10", "3", "2026-11-22 23:30:00", minutes="60",
       dept="Sales", email="alice@x.com"),
    # E8 first version (same empty Updated At as the later one -> the later read wins)
    ev("E8", "S1", "PAR", "1", "Room A", "confirmed", "", "10", "2", "2026-11-15 23:30:00", minutes="999",
       dept="Sales", email="gina@x.com"),
]
SPACES2 = [
    # E1 again with an older Updated At: ignored
    ev("E1", "S1", "PAR", "1", "Room A", "CONFIRMED", "2026-11-09 10:00:00", "10", "9", "2026-11-16 07:30:00",
       minutes="120", dept="Sales", email="alice@x.com"),
    # E8 Mon16 00:30-01:15:30 Paris
    ev("E8", "S1", "PAR", "1", "Room A", "confirmed", "", "10", "2", "2026-11-15 23:30:00", minutes="45.5",
       dept="Sales", email="gina@x.com"),
    # E9 Sun22 11:00-12:00 Paris, weekend
    ev("E9", "S1", "PAR", "1", "Room A", "confirmed", "", "10", "5", "2026-11-22 10:00:00", minutes="60",
       dept="Sales", email="Alice@x.com"),
    # E10 NYC Sun22 23:00 -> Mon23 01:00: only the Sunday hour counts in the heatmap
    ev("E10", "S10", "NYC", "5", "Board", "confirmed", "", "20", "", "2026-11-23 04:00:00", minutes="120",
       name="Dave"),
]

failures = 0


def check(label, got, want):
    global failures
    ok = (got == want) if not isinstance(want, float) else (
        got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12))
    if not ok:
        failures += 1
        print(f"FAIL {label}: got {got!r}, want {want!r}")


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def find(groups, **keys):
    matches = [g for g in groups if all(g[k] == v for k, v in keys.items())]
    assert len(matches) == 1, (keys, groups)
    return matches[0]


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="refmetrics-")
    paths = {}
    for name, header, rows in [("d1", DESK_HEADER, DESKS1), ("d2", DESK_HEADER, DESKS2),
                               ("s1", SPACE_HEADER, SPACES1), ("s2", SPACE_HEADER, SPACES2)]:
        paths[name] = os.path.join(tmp, name + ".csv")
        write(paths[name], header, rows)
    cfg_path = os.path.join(tmp, "robin-report.toml")
    with open(cfg_path, "w") as f:
        f.write(CONFIG)
    cfg = ref.load_config(cfg_path, None, None)
    import datetime as dt
    m = ref.compute([paths["d1"], paths["d2"]], [paths["s1"], paths["s2"]],
                    dt.date(2026, 11, 16), dt.date(2026, 11, 22), cfg)

    check("workdays", m["period"]["workdays"], 5)
    # ---- desks total. In period: R1 R2 R3 R4 R5 R7(v2) R10 R11 R12 R13 (R8, R9 out).
    t = m["desks"]["total"]
    for k, v in dict(reservations=10, canceled_in_advance=1, released=1, checked_in=3, kept=9,
                     people=5,          # alice dave erin frank gina
                     person_days=6,     # alice Mon16 (R1+R4), alice Fri20, dave Sat21, erin Wed18, frank Thu19, gina Wed18
                     desks_seen=16,     # PAR floor 1 {D1,D2} + floor 2 inventory 4 = 6, + NYC inventory 10
                     desk_days=6,       # D1 Mon, D10 Mon, D3 Wed, D2 Wed, D1 Thu, D2 Fri (D11 Sat is a weekend)
                     peak_date="2026-11-18", peak_people=2).items():
        check(f"desks.total.{k}", t[k], v)
    check("desks.total.check_in_rate", t["check_in_rate"], 3 / 9)
    check("desks.total.no_show_rate", t["no_show_rate"], 1 / 9)
    check("desks.total.avg_days_per_person", t["avg_days_per_person"], 6 / 5)
    check("desks.total.desk_utilization", t["desk_utilization"], 6 / 80)
    check("desks.total.avg_daily_people", t["avg_daily_people"], 5 / 5)  # 5 workday person-days / 5
    check("desks.total.booked_hours", t["booked_hours"], 46.5)  # 8+2.5+3+8+8+1+8+8
    check("desks.total.policy_adherence", t["policy_adherence"], 1 / 5)  # only alice has >= 2 days in 1 week
    b = m["desks"]["by_building"]
    check("desks.by_building order", [g["building"] for g in b], ["NYC", "PAR"])
    nyc, par = b
    check("NYC.reservations", nyc["reservations"], 2)
    check("NYC.desks_seen", nyc["desks_seen"], 10)
    check("NYC.desk_utilization", nyc["desk_utilization"], 1 / 50)
    check("NYC.avg_daily_people", nyc["avg_daily_people"], 1 / 5)
    check("NYC.peak", (nyc["peak_date"], nyc["peak_people"]), ("2026-11-16", 1))  # tie Mon/Sat -> earliest
    check("NYC.policy_adherence", nyc["policy_adherence"], 0.5)  # alice yes (org-wide 2 days), dave no
    check("NYC.booked_hours", nyc["booked_hours"], 5.5)
    check("PAR.reservations", par["reservations"], 8)
    check("PAR.kept", par["kept"], 7)
    check("PAR.check_in_rate", par["check_in_rate"], 3 / 7)
    check("PAR.people", par["people"], 4)
    check("PAR.person_days", par["person_days"], 5)
    check("PAR.desks_seen", par["desks_seen"], 6)  # floors roll up: floor 1 seen 2 + floor 2 inventory 4
    check("PAR.desk_utilization", par["desk_utilization"], 5 / 30)
    check("PAR.policy_adherence", par["policy_adherence"], 1 / 4)
    check("PAR.booked_hours", par["booked_hours"], 41.0)
    f = m["desks"]["by_floor"]
    check("desks.by_floor keys", [(g["building"], g["floor"]) for g in f], [("NYC", "5"), ("PAR", "1"), ("PAR", "2")])
    check("NYC/5.desks_seen", f[0]["desks_seen"], 2)  # the building inventory does not apply to floors
    check("NYC/5.desk_utilization", f[0]["desk_utilization"], 1 / 10)
    check("PAR/1.reservations", f[1]["reservations"], 6)
    check("PAR/1.desk_utilization", f[1]["desk_utilization"], 4 / 10)
    check("PAR/2.desks_seen", f[2]["desks_seen"], 4)
    check("PAR/2.desk_utilization", f[2]["desk_utilization"], 1 / 20)
    check("PAR/2.released", f[2]["released"], 1)
    d = m["desks"]["by_department"]
    # Sales {alice, gina}, Eng {erin, frank} stay; (no department) {dave} folds into (small teams)
    check("desks.by_department keys", [g["department"] for g in d], ["(small teams)", "Eng", "Sales"])
    st = d[0]
    check("small.reservations", st["reservations"], 2)
    check("small.people", st["people"], 1)
    check("small.person_days", st["person_days"], 1)
    check("small.desks_seen", st["desks_seen"], 2)
    check("small.desk_utilization", st["desk_utilization"], 1 / 10)
    sales = d[2]
    check("Sales.reservations", sales["reservations"], 5)
    check("Sales.check_in_rate", sales["check_in_rate"], 0.5)
    check("Sales.person_days", sales["person_days"], 3)
    check("Sales.desk_utilization", sales["desk_utilization"], 4 / 15)
    check("Sales.policy_adherence", sales["policy_adherence"], 0.5)
    check("desks.by_type keys", [(g["type"], g["reservations"]) for g in m["desks"]["by_type"]],
          [("assigned", 1), ("hot", 1), ("hoteled", 8)])
    check("desks.daily", [(x["date"][-2:], x["people"], x["desks"]) for x in m["desks"]["daily"]],
          [("16", 1, 2), ("17", 0, 0), ("18", 2, 2), ("19", 1, 1), ("20", 1, 1), ("21", 1, 1), ("22", 0, 0)])
    check("desks.by_weekday", [(x["weekday"], x["people"]) for x in m["desks"]["by_weekday"]],
          [("Mon", 1.0), ("Tue", 0.0), ("Wed", 2.0), ("Thu", 1.0), ("Fri", 1.0), ("Sat", 1.0), ("Sun", 0.0)])

    # ---- rooms. In period: E1(v1) E2 E3 E4 E5/S10 E5/S11 E8(v2) E9 E10 (E7 out).
    r = m["rooms"]["total"]
    for k, v in dict(events=9, meetings=7, canceled=1, declined=1, auto_unbooked=1, checked_in=3,
                     rooms_seen=7).items():  # PAR inventory 5 + NYC {S10,S11}
        check(f"rooms.total.{k}", r[k], v)
    check("rooms.total.ghost_rate", r["ghost_rate"], 1 / 7)
    check("rooms.total.check_in_rate", r["check_in_rate"], 3 / 7)
    check("rooms.total.booked_hours", r["booked_hours"], (60 + 150 + 600 + 30 + 45.5 + 60 + 120) / 60)
    check("rooms.total.utilization", r["utilization"], (30 + 60 + 60 + 30) / (7 * 480 * 5))
    check("rooms.total.avg_attendees", r["avg_attendees"], (4 + 3 + 0 + 2 + 5) / 5)
    check("rooms.total.avg_fill", r["avg_fill"], (0.4 + 0.75 + 0 + 0.2 + 0.5) / 5)
    check("rooms.total.oversized_share", r["oversized_share"], 4 / 5)
    check("rooms.total.avg_minutes_delayed", r["avg_minutes_delayed"], 3.75)
    rb = m["rooms"]["by_building"]
    check("rooms.by_building keys", [g["building"] for g in rb], ["NYC", "PAR"])
    check("NYC.rooms.events", rb[0]["events"], 3)
    check("NYC.rooms.check_in_rate", rb[0]["check_in_rate"], 2 / 3)
    check("NYC.rooms.booked_hours", rb[0]["booked_hours"], 12.5)
    check("NYC.rooms.utilization", rb[0]["utilization"], 90 / 4800)
    check("NYC.rooms.avg_attendees", rb[0]["avg_attendees"], 0.0)
    check("PAR.rooms.rooms_seen", rb[1]["rooms_seen"], 5)
    check("PAR.rooms.utilization", rb[1]["utilization"], 90 / 12000)
    check("PAR.rooms.avg_fill", rb[1]["avg_fill"], (0.4 + 0.75 + 0.2 + 0.5) / 4)
    check("PAR.rooms.ghost_rate", rb[1]["ghost_rate"], 0.25)
    sp = m["rooms"]["by_space"]
    check("rooms.by_space keys", [(g["building"], g["floor"], g["space"], g["space_id"]) for g in sp],
          [("NYC", "5", "Board", "S10"), ("NYC", "5", "Huddle", "S11"), ("PAR", "1", "Room A", "S1"),
           ("PAR", "2", "Room B", "S2")])
    check("S10.utilization", sp[0]["utilization"], 60 / 2400)
    check("S10.check_in_rate", sp[0]["check_in_rate"], 0.5)
    check("S1.events", sp[2]["events"], 4)
    check("S1.utilization", sp[2]["utilization"], 30 / 2400)
    check("S2.ghost_rate", sp[3]["ghost_rate"], 1.0)
    check("S2.utilization", sp[3]["utilization"], 60 / 2400)
    rd = m["rooms"]["by_department"]
    # Sales hosts {alice, gina} stay; Eng {erin} and (no department) {Dave} fold
    check("rooms.by_department keys", [g["department"] for g in rd], ["(small teams)", "Sales"])
    check("rooms.small.events", rd[0]["events"], 5)
    check("rooms.small.rooms_seen", rd[0]["rooms_seen"], 3)
    check("rooms.small.utilization", rd[0]["utilization"], 150 / 7200)
    heat = {(h["weekday"], h["hour"]): h["share"] for h in m["rooms"]["heatmap"]}
    check("heatmap size", len(m["rooms"]["heatmap"]), 168)
    for (wd, hour), minutes in {("Mon", 0): 30, ("Mon", 1): 15.5, ("Mon", 8): 30, ("Mon", 9): 30,
                                ("Wed", 16): 60, ("Wed", 17): 60, ("Wed", 18): 30, ("Fri", 16): 90,
                                ("Fri", 23): 60, ("Sat", 0): 60, ("Sat", 1): 60, ("Sun", 11): 60,
                                ("Sun", 23): 60, ("Sun", 0): 0, ("Tue", 10): 0}.items():
        check(f"heatmap {wd} {hour}", heat[(wd, hour)], minutes / 420)

    # ---- 10-day period Mon16..Wed25: two Mondays, Tuesdays, Wednesdays
    m2 = ref.compute([paths["d1"], paths["d2"]], [paths["s1"], paths["s2"]],
                     dt.date(2026, 11, 16), dt.date(2026, 11, 25), cfg)
    check("10d.workdays", m2["period"]["workdays"], 8)
    check("10d.by_weekday", [x["people"] for x in m2["desks"]["by_weekday"]],
          [1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0])  # Mon (1 + hank 1)/2, Wed (2 + 0)/2
    # weeks = 10/7; alice has 2 days -> 2 / 1.43 = 1.4 < 2: nobody adheres
    check("10d.policy_adherence", m2["desks"]["total"]["policy_adherence"], 0.0)
    heat2 = {(h["weekday"], h["hour"]): h["share"] for h in m2["rooms"]["heatmap"]}
    # E7 (Mon23 00:30-01:30 Paris) now in; E10's Mon23 hour too. rooms_seen still 7.
    check("10d.heatmap Mon 0", heat2[("Mon", 0)], (30 / 420 + (30 + 60) / 420) / 2)
    check("10d.heatmap Thu 9", heat2[("Thu", 9)], 0.0)

    # ---- a 3-day Sat..Mon period: no Tuesday -> null; Sunday workweek edge
    m3 = ref.compute([paths["d1"], paths["d2"]], [paths["s1"], paths["s2"]],
                     dt.date(2026, 11, 21), dt.date(2026, 11, 23), cfg)
    check("3d.by_weekday Tue", m3["desks"]["by_weekday"][1]["people"], None)
    check("3d.heatmap Tue 9", m3["rooms"]["heatmap"][24 + 9]["share"], None)
    check("3d.workdays", m3["period"]["workdays"], 1)

    # ---- CLI end to end, and compare_metrics on itself and on a changed copy
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(tmp, "m.json")
    rc = subprocess.run([sys.executable, os.path.join(here, "reference_metrics.py"), "--desks", paths["d1"],
                         paths["d2"], "--spaces", paths["s1"], paths["s2"], "--from", "2026-11-16", "--to",
                         "2026-11-22", "--config", cfg_path, "-o", out]).returncode
    check("cli rc", rc, 0)
    with open(out) as fh:
        text = fh.read()
    check("no emails or titles in output", any(s in text for s in ("@x.com", "secret title", "Dave")), False)
    cmp = os.path.join(here, "compare_metrics.py")
    check("compare equal", subprocess.run([sys.executable, cmp, out, out], capture_output=True).returncode, 0)
    data = json.loads(text)
    data["rooms"]["total"]["utilization"] += 1e-12  # within tolerance
    data["desks"]["by_building"][0]["people"] = 99
    out2 = os.path.join(tmp, "m2.json")
    with open(out2, "w") as fh:
        json.dump(data, fh)
    res = subprocess.run([sys.executable, cmp, out, out2], capture_output=True, text=True)
    check("compare differs rc", res.returncode, 1)
    check("compare reports path", res.stdout.strip(), "$.desks.by_building[0:NYC].people: 2 != 99")

    # ---- the benchmark peers agree with the reference on the core figures (when installed)
    for peer, module in [("bench_duckdb.py", "duckdb"), ("bench_pandas.py", "pandas")]:
        try:
            __import__(module)
        except ImportError:
            print(f"skip {peer}: {module} not installed")
            continue
        core = os.path.join(tmp, peer + ".json")
        res = subprocess.run([sys.executable, os.path.join(here, peer), "--desks", paths["d1"], paths["d2"],
                              "--spaces", paths["s1"], paths["s2"], "--from", "2026-11-16", "--to", "2026-11-22",
                              "--config", cfg_path, "--out", core], capture_output=True, text=True)
        check(f"{peer} rc", (res.returncode, res.stderr[-500:]), (0, ""))
        res = subprocess.run([sys.executable, cmp, "--subset", core, out], capture_output=True, text=True)
        check(f"{peer} matches reference", res.stdout, "")

    # ---- rows shaped like Robin's real exports (Tests/RobinAnalyticsTests/Fixtures/real: `Level`,
    # RESOURCE_DECLINED/CANCELED, composite ids, all-day events, empty buildings and floors,
    # Work Area, out-of-range numbers). HQ is New York, Tokyo Office Tokyo; 4 rooms.
    real = os.path.join(here, "..", "Tests", "RobinAnalyticsTests", "Fixtures", "real")
    real_cfg = ref.load_config(os.path.join(real, "robin-report.toml"), None, None)
    listing = {k: sorted(os.path.join(real, k, n) for n in os.listdir(os.path.join(real, k))) for k in ("desks", "spaces")}
    warnings = io.StringIO()
    with contextlib.redirect_stderr(warnings):
        mr = ref.compute(listing["desks"], listing["spaces"], dt.date(2026, 11, 16), dt.date(2026, 11, 22), real_cfg)
    check("real.warnings", len(warnings.getvalue().splitlines()), 9)  # one per unusable value, file:line first
    check("real.warning form", warnings.getvalue().splitlines()[0].endswith(
        'desks/2026-11-17.csv:6: column "Hour Duration": "-2" is unreadable, taken as empty'), True)
    rt = mr["rooms"]["total"]
    check("real.events", rt["events"], 14)
    check("real.canceled", rt["canceled"], 2)   # CANCELED, Cancelled (an all-day one: not all_day)
    check("real.declined", rt["declined"], 1)   # RESOURCE_DECLINED
    check("real.all_day", rt["all_day"], 3)     # Wed HQ, Thu Tokyo, Sat HQ
    # 90 (the later copy of 207480119) + 3 x 480 all-day + 45 (1e300 -> Ended At) + 30 + 30 (inf -> Ended At)
    # + 60 + 60 (one event, two rooms); NaN without Ended At and -15 with an earlier Ended At add 0.
    check("real.booked_hours", rt["booked_hours"], (90 + 3 * 480 + 45 + 30 + 30 + 60 + 60) / 60)
    check("real.avg_attendees", rt["avg_attendees"], (6 + 10 + 5 + 2 + 3 + 3 + 4 + 3 + 3 + 2) / 10)  # 100001 unknown
    sat = [c["share"] for c in mr["rooms"]["heatmap"] if c["weekday"] == "Sat"]
    check("real.heatmap Sat", sat, [0.25 if 9 <= h < 17 else 0.0 for h in range(24)])  # only the all-day booking
    check("real.by_space keys", [(g["building"], g["floor"], g["space_id"]) for g in mr["rooms"]["by_space"]],
          [("(no building)", "(no floor)", "S-9"), ("HQ", "(no floor)", "S-2"), ("HQ", "3", "S-1"),
           ("Tokyo Office", "7", "T-1")])
    check("real.by_work_area keys", [(g["building"], g["work_area"]) for g in mr["desks"]["by_work_area"]],
          [("(no building)", "(no work area)"), ("HQ", "(no work area)"), ("HQ", "North"), ("HQ", "South"),
           ("Tokyo Office", "Quiet zone")])
    hq_no_floor = find(mr["desks"]["by_floor"], building="HQ", floor="(no floor)")
    check("real.HQ/(no floor).desks_seen", hq_no_floor["desks_seen"], 6)  # configured by its placeholder name
    check("real.desks booked_hours", mr["desks"]["total"]["booked_hours"], 35.0)  # 1e300 and -2 hours add 0
    check("real.majority tie", ref.majority_date(dt.datetime(2026, 11, 17, 12), 1440), dt.date(2026, 11, 18))
    check("real.status", [ref.event_status(x) for x in ("RESOURCE_DECLINED", "CANCELED", "resource declined")],
          ["declined", "canceled", "declined"])

    # ---- errors: missing column, bad timestamp
    bad = os.path.join(tmp, "bad.csv")
    write(bad, DESK_HEADER[1:], [r[1:] for r in DESKS1])
    try:
        ref.load_desks([bad], cfg)
        check("missing column error", "no error", "error")
    except ref.DataError as e:
        check("missing column error", "reservation id" in str(e).lower(), True)
    write(bad, DESK_HEADER, [desk("X", "PAR", "1", "D1", "hot", "2026-13-01 09:00", "1")])
    try:
        ref.load_desks([bad], cfg)
        check("bad timestamp error", "no error", "error")
    except ref.DataError as e:
        check("bad timestamp error", "bad.csv:2" in str(e), True)

    # ---- insights, on hand-built documents and rows (docs/metrics.md "Insights")
    check("earlier week", ref.earlier_period(dt.date(2026, 11, 16), dt.date(2026, 11, 22), 2),
          (dt.date(2026, 11, 2), dt.date(2026, 11, 8)))
    check("earlier month", ref.earlier_period(dt.date(2026, 3, 1), dt.date(2026, 3, 31), 1),
          (dt.date(2026, 2, 1), dt.date(2026, 2, 28)))
    check("earlier month over a year", ref.earlier_period(dt.date(2026, 1, 1), dt.date(2026, 1, 31), 1),
          (dt.date(2025, 12, 1), dt.date(2025, 12, 31)))
    check("earlier range", ref.earlier_period(dt.date(2026, 11, 10), dt.date(2026, 11, 19), 1),
          (dt.date(2026, 10, 31), dt.date(2026, 11, 9)))
    icfg = ref.Config()
    icfg.min_group_size = 2
    icfg.desk_inventory, icfg.room_inventory = {}, {}
    icfg.closed_dates = frozenset({dt.date(2026, 11, 19)})
    icfg.targets = {"desk_utilization": 0.5, "check_in_rate": 0.8}
    ref.CFG = icfg

    def idoc(sales_adp, hq_util, daily=(), tiny_adp=1.0):
        return {"desks": {"total": {"desk_utilization": 0.44, "check_in_rate": None},
                          "by_building": [{"building": "HQ", "people": 3, "avg_daily_people": 3.0,
                                           "desk_utilization": hq_util, "check_in_rate": 0.8}],
                          "by_floor": [],
                          "by_department": [{"department": "Sales", "people": 3, "avg_daily_people": sales_adp,
                                             "desk_utilization": None},
                                            {"department": "(small teams)", "people": 9, "avg_daily_people": tiny_adp,
                                             "desk_utilization": None}],
                          "daily": [{"date": d, "people": n} for d, n in daily]},
                "rooms": {"total": {"utilization": None}, "by_building": []}}

    earlier = [idoc(8, 0.3), idoc(9, 0.3), idoc(10, 0.3)]
    # Sales 10 -> 4: |-6| >= 5 and >= 0.2 x 10, relative -0.6, baseline (8 + 9 + 10) / 3 = 9.
    # HQ 0.30 -> 0.35: 0.05 (0.0499... in doubles, within the tolerance), relative 1/6.
    # (small teams) 1 -> 20 moves by far but is never named.
    moved = ref.movers(idoc(4, 0.35, tiny_adp=20), idoc(10, 0.3), earlier)
    check("movers", [(m["measure"], m["group"], m["relative_change"], m["baseline"]) for m in moved],
          [("avg_daily_people", {"department": "Sales"}, -0.6, 9.0),
           ("desk_utilization", {"building": "HQ"}, (0.35 - 0.3) / 0.3, 0.3)])
    # desk_utilization: org 0.44 < 0.45 missed; HQ 0.35 missed. check_in_rate: org null (no entry), HQ 0.8 met.
    check("targets", [(t["measure"], t["group"], t["status"]) for t in ref.targets(idoc(4, 0.35))],
          [("check_in_rate", {"building": "HQ"}, "met"), ("desk_utilization", {}, "missed"),
           ("desk_utilization", {"building": "HQ"}, "missed")])
    # Thursdays 10, 12, 8 then 4: median 9, 4 < 4.5; Thursday 26 is fine; Thursday 19 is closed.
    weeks_back = [idoc(0, 0, [("2026-10-29", 10)]), idoc(0, 0, [("2026-11-05", 12)]), idoc(0, 0, [("2026-11-12", 8)])]
    this = idoc(0, 0, [("2026-11-19", 1), ("2026-11-26", 4), ("2026-11-27", 0)])
    check("low days", ref.low_days(this, weeks_back + [this]),
          [{"kind": "low_day", "date": "2026-11-26", "people": 4, "usual": 9.0}])

    def row(person, desk_id, day, dept="Eng", floor="1"):
        return ref.DeskRow("HQ", floor, desk_id, "hoteled", "", dept, person, dt.date(2026, 11, day), False, False,
                           False, True, False, 8.0)
    # Eng (3 people): Mon a, b; Tue a; Wed a, b, c; Thu 19 closed (c alone); Sat a.
    irows = [row("a", "D1", 16), row("b", "D2", 16), row("a", "D1", 17), row("a", "D1", 18), row("b", "D2", 18),
             row("c", "D3", 18), row("c", "D3", 19), row("a", "D1", 21)]
    ip = ref.Period(dt.date(2026, 11, 16), dt.date(2026, 11, 22), icfg)
    idesks = ref.desk_metrics(irows, False, ip)
    cap = ref.capacity(irows, idesks, ip)["by_building"][0]
    # 3 desks; Wednesday used 3 (Thursday is closed, Saturday no workday): 1.0, at_risk; 3 people / 3 desks.
    check("capacity", (cap["desks"], cap["peak_desks_used"], cap["peak_date"], cap["peak_occupancy"], cap["status"]),
          (3, 3, "2026-11-18", 1.0, "at_risk"))
    eng = ref.colocation(irows, idesks, ip)["by_department"][0]
    # Mon 2/3, Tue 1/3, Wed 3/3, Thu null (closed), Fri 0; pairs Mon 2 x 1/2, Tue 1 x 0, Wed 3 x 2/2 -> 4 / 6.
    check("colocation", (eng["weekday_share"], eng["anchor_weekday"], eng["co_presence"]),
          ({"Mon": 2 / 3, "Tue": 1 / 3, "Wed": 1.0, "Thu": None, "Fri": 0.0}, "Wed", 4 / 6))

    print("ok" if failures == 0 else f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
