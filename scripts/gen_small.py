#!/usr/bin/env python3
"""Quick synthetic Robin exports (test data for the reference and the benchmark peers).

    scripts/gen_small.py --from 2026-11-01 --to 2026-11-30 --out DIR [--people 300]
                         [--overlap-hours 2] [--seed 1] [--meetings-per-person 0.25] [--real-shapes]
    scripts/gen_small.py --print-org [--people 300]

Same command line as robin-synth (the Swift generator) so scripts/bench.sh can
fall back to it. Writes DIR/desks/YYYY-MM-DD.csv, DIR/spaces/YYYY-MM-DD.csv and
DIR/robin-report.toml. Every documented column is written (in a shuffled order
per kind, plus an undocumented one). A daily file holds the rows whose UTC start
lies in [D 00:00 - overlap, D+1 00:00 + overlap) UTC, so rows near midnight
appear in two files; the copy in the later file is sometimes an update (checked
in, canceled, later Updated At), which exercises dedup.
Three buildings in different zones (New York, London, Tokyo), a few small
departments (fewer than 5 people) for the privacy fold, inventory overrides.

--real-shapes adds what Robin's real exports show (docs/metrics.md "Input facts"):
`Level` for `Floor` and oddly spelled headers (`event_status`), statuses in
any case with `_` (`RESOURCE_DECLINED`, `CANCELED`), composite event ids
(`207480119_20230101T043000Z`), all-day events (one every Saturday in each
building), empty Building and Floor cells, a desk `Work Area` column, and
out-of-range numbers (`Minute Duration` of `1e300`, `NaN`, `-30`; `Capacity`
and `Attendees` past 100,000). Without it the output is what it always was
(the benchmark peers do not know these rules).

Planted signals, for the insights cross-check (scripts/crosscheck.sh); each
changes only what it says, and the same options go to --print-org:
  --drop DEPT:DATE        from DATE on, DEPT's people come in a third less often
  --holiday DATE          almost nobody comes in (3%), and DATE is in closed_dates
  --idle-floor B/F        floor F of building B gets 4x its desks as configured inventory
  --overbook B:DATE       on DATE everyone of building B books a desk, none canceled
  --anchor DEPT:Wkd       DEPT comes in on weekday Wkd (Mon..Sun) at 95%, other days half as often
  --targets               writes a [targets] table
  --stable                every week repeats: each choice depends on the weekday, not the date
                          (an organisation with nothing to report as a change)
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import sys
from zoneinfo import ZoneInfo

DESK_COLUMNS = [
    "Organization", "Building", "Floor", "Desk Group", "Desk ID", "Desk Name", "Reservation ID", "Series ID",
    "Type", "Start (UTC)", "End (UTC)", "Hour Duration", "Checked In At (UTC)", "Canceled At (UTC)",
    "Cancellation Type", "Creator Name", "Creator Department", "Creator Groups", "Creator Email",
    "Assignee Name", "Assignee Department", "Assignee Groups", "Assignee Email", "Desk Type",
    "Bookable On Unassigned Days",
]
SPACE_COLUMNS = [
    "Organization", "Building", "Floor", "Space", "Space ID", "Event ID", "Event Status",
    "Created At (UTC)", "Updated At (UTC)", "All Day Event", "Title", "Is Recurring", "Capacity",
    "Invited People", "Attendees", "Location", "Started At (UTC)", "Ended At (UTC)", "Minute Duration",
    "Checked In At (UTC)", "Minutes Delayed", "Automatically Unbooked At (UTC)", "Creator Robin ID",
    "Creator Robin Name", "Creator Department", "Creator Groups", "Creator Robin Email", "Created By Email",
    "Host Robin ID", "Host Robin Name", "Host Department", "Host Groups", "Host Robin Email",
    "Hosting Calendar Email", "Local Creator ID", "Local Creator Email", "Cancellation Type",
]

BUILDINGS = [  # name, zone, floors, share of people
    ("HQ New York", "America/New_York", 5, 0.55),
    ("London", "Europe/London", 3, 0.30),
    ("Tokyo", "Asia/Tokyo", 2, 0.15),
]
DEPARTMENTS = [("Engineering", 30), ("Sales", 20), ("Marketing", 10), ("Finance", 8), ("People", 6),
               ("Legal", 5), ("Support", 12), ("Design", 5), ("", 2)]
SMALL_DEPARTMENTS = ["Board", "Internal Audit", "Ventures"]  # 2-4 people each
DESK_TYPES = [("hoteled", 50), ("hot", 15), ("assigned", 25), ("shared", 5), ("reverse_hoteled", 5)]
STATUSES = [("CONFIRMED", 60), ("Confirmed", 20), ("Canceled", 6), ("Cancelled", 4), ("Resource declined", 3)]
REAL_STATUSES = STATUSES + [("CANCELED", 4), ("RESOURCE_DECLINED", 3), ("resource_declined", 1), ("CANCELLED", 1)]
# Header spellings of real exports: matched ignoring case, surrounding spaces and `_` versus space.
REAL_HEADERS = {"Floor": "Level", "Event Status": "event_status", "Minute Duration": " MINUTE_DURATION ",
                "Start (UTC)": "start_(utc)"}
ALL_DAY_TRUE = ["TRUE", "True", "true", "Yes", "1"]
ALL_DAY_FALSE = ["FALSE", "False", "No", "0", ""]
WORK_AREAS = ["North", "South", "Quiet zone", ""]
OUT_OF_RANGE_MINUTES = ["1e300", "1e308", "-30", "NaN", "inf"]


def weighted(rng, items):
    return rng.choices([i for i, _ in items], weights=[w for _, w in items])[0]


def fmt(t: dt.datetime, rng) -> str:
    """Mostly Robin's `YYYY-MM-DD HH:MM:SS`; a few ISO 8601 spellings."""
    r = rng.random()
    if r < 0.96:
        return t.strftime("%Y-%m-%d %H:%M:%S")
    if r < 0.98:
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (t + dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S") + ".250+02:00"


class Org:
    def __init__(self, people: int, seed: int):
        rng = random.Random(seed)
        self.people = []
        depts = DEPARTMENTS
        small = []
        for name in SMALL_DEPARTMENTS:
            small += [name] * rng.randint(2, 4)
        for i in range(people):
            b = weighted(rng, [(b, s) for b, _, _, s in BUILDINGS])
            dept = small[i] if i < len(small) else weighted(rng, depts)
            first = f"Person{i:06d}"
            email = f"{first.lower()}@acme.example"
            if rng.random() < 0.02:
                email = ""  # a name only
            elif rng.random() < 0.05:
                email = email.upper()
            self.people.append({"name": f"{first} Example", "email": email, "dept": dept, "building": b,
                                "floor": str(rng.randint(1, self.floors(b))), "rate": rng.choice([0.2, 0.4, 0.6, 0.8])})
        self.desks = {}  # (building, floor) -> [desk ids]
        self.rooms = {}  # (building, floor) -> [(space id, name, capacity)]
        did = 1000
        sid = 5000
        for b, _, floors, share in BUILDINGS:
            for fl in range(1, floors + 1):
                n = max(4, int(people * share / floors * 0.7))
                self.desks[(b, str(fl))] = [str(did + k) for k in range(n)]
                did += n
                rooms = []
                for k in range(max(2, n // 6)):
                    cap = rng.choice([2, 4, 6, 8, 12, 20])
                    rooms.append((str(sid), f"{b[:3]}-{fl}-{k:02d} ({cap})", cap))
                    sid += 1
                self.rooms[(b, str(fl))] = rooms

    @staticmethod
    def floors(building):
        return next(f for b, _, f, _ in BUILDINGS if b == building)

    def toml(self, plant=None) -> str:
        plant = plant or Plant()
        lines = ['# written by scripts/gen_small.py', 'timezone = "America/New_York"',
                 'workweek = ["Mon", "Tue", "Wed", "Thu", "Fri"]', 'business_hours = { start = "09:00", end = "17:00" }',
                 'min_group_size = 5']
        if plant.holidays:
            lines.append("closed_dates = [" + ", ".join(f'"{d.isoformat()}"' for d in sorted(plant.holidays)) + "]")
        lines += ['', '[policy]', 'days_per_week = 3', '']
        if plant.targets:
            lines += ['[targets]', 'desk_utilization = 0.6', 'room_utilization = 0.2', 'policy_adherence = 0.5',
                      'check_in_rate = 0.7', 'avg_days_per_person = 2.5', '']
        hq_desks = sum(len(v) for (b, _), v in self.desks.items() if b == "HQ New York")
        tokyo_rooms = sum(len(v) for (b, _), v in self.rooms.items() if b == "Tokyo")
        # Inventory: a building count (HQ desks, Tokyo rooms) and a floor count (London floor 2 desks).
        lines += ['[buildings."HQ New York"]', f'desks = {hq_desks + 40}', '']
        for b, zone, _, _ in BUILDINGS[1:]:  # HQ uses the top-level zone
            lines += [f'[buildings."{b}"]', f'timezone = "{zone}"']
            if b == "Tokyo":
                lines.append(f'rooms = {tokyo_rooms + 3}')
            lines.append('')
        lines += ['[buildings."London".floors."2"]', f'desks = {len(self.desks[("London", "2")]) + 7}', '']
        if plant.idle_floor:
            b, fl = plant.idle_floor
            lines += [f'[buildings."{b}".floors."{fl}"]', f'desks = {4 * len(self.desks[(b, fl)])}', '']
        return "\n".join(lines)


class Plant:
    """The planted signals (see the module doc); none by default."""

    def __init__(self, args=None):
        def pair(text, sep):
            left, _, right = text.rpartition(sep)
            return left, right
        self.drops = {}  # department -> first date
        self.holidays = set()
        self.idle_floor = None
        self.overbook = {}  # (building, date)
        self.anchors = {}  # department -> weekday index
        self.targets = self.stable = False
        if args is None:
            return
        for text in args.drop or []:
            dept, day = pair(text, ":")
            self.drops[dept] = dt.date.fromisoformat(day)
        self.holidays = {dt.date.fromisoformat(d) for d in args.holiday or []}
        if args.idle_floor:
            self.idle_floor = pair(args.idle_floor, "/")
        for text in args.overbook or []:
            b, day = pair(text, ":")
            self.overbook[(b, dt.date.fromisoformat(day))] = True
        for text in args.anchor or []:
            dept, day = pair(text, ":")
            self.anchors[dept] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].index(day)
        self.targets, self.stable = args.targets, args.stable

    def chance(self, person, building, day, chance):
        """A person's chance of booking a desk on `day`, with the signals applied."""
        if person["dept"] in self.anchors:
            chance = 0.95 if day.weekday() == self.anchors[person["dept"]] else chance / 2
        if person["dept"] in self.drops and day >= self.drops[person["dept"]]:
            chance *= 2 / 3
        if day in self.holidays:
            chance *= 0.03
        if (building, day) in self.overbook:
            chance = 1.0
        return chance


def generate(org: Org, start: dt.date, end: dt.date, out: str, overlap: float, seed: int, mpp: float,
             real: bool = False, plant: Plant | None = None) -> None:
    plant = plant or Plant()
    rng = random.Random(seed + 1)
    zones = {b: ZoneInfo(z) for b, z, _, _ in BUILDINGS}
    over = dt.timedelta(hours=overlap)
    headers = {}
    for kind, columns in [("desks", DESK_COLUMNS + (["Work Area"] if real else [])), ("spaces", SPACE_COLUMNS)]:
        header = list(columns) + ["Undocumented Column"]
        random.Random(seed + len(kind)).shuffle(header)
        headers[kind] = header
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    written = {kind: [REAL_HEADERS.get(c, c) if real else c for c in h] for kind, h in headers.items()}
    # rows are bucketed by UTC date and written as soon as no later local day can add to a file
    buckets = {"desks": {}, "spaces": {}}  # kind -> utc date -> [(utc start, row, updated copy or None)]

    def add(kind, s, row, update):
        h = headers[kind]
        buckets[kind].setdefault(s.date(), []).append(
            (s, [row.get(c, "x") for c in h], [update.get(c, "x") for c in h] if update else None))

    def write_file(d):
        midnight = dt.datetime.combine(d, dt.time())
        lo, hi = midnight - over, midnight + dt.timedelta(days=1) + over
        for kind in buckets:
            rows = [r for k in (d - dt.timedelta(days=1), d, d + dt.timedelta(days=1))
                    for r in buckets[kind].get(k, []) if lo <= r[0] < hi]
            rows.sort(key=lambda r: r[0])
            with open(os.path.join(out, kind, f"{d.isoformat()}.csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(written[kind])
                for s, row, update in rows:
                    # a row in two files: the later file gets the updated copy
                    late = update is not None and midnight - over <= s < midnight + over
                    w.writerow(update if late else row)
            buckets[kind].pop(d - dt.timedelta(days=2), None)

    next_file = start
    rid = 1
    eid = 1
    by_building = {}
    for p in org.people:
        by_building.setdefault(p["building"], []).append(p)
    # one day before and after the range, so the edge files hold rows from outside the period
    day = start - dt.timedelta(days=1)
    while day <= end + dt.timedelta(days=1):
        weekend = day.weekday() >= 5
        for b, people in by_building.items():
            tz = zones[b]
            off = dt.datetime.combine(day, dt.time(12), tz).utcoffset()
            if plant.stable:  # the same choices on every date with this weekday
                rng = random.Random(f"{seed}/{b}/{day.weekday()}")
            overbooked = (b, day) in plant.overbook
            for p in people:
                if rng.random() > plant.chance(p, b, day, p["rate"] * (0.08 if weekend else 1.0)):
                    continue
                fl = p["floor"] if rng.random() < 0.9 else str(rng.randint(1, org.floors(b)))
                desk = rng.choice(org.desks[(b, fl)])
                local = dt.datetime.combine(day, dt.time(rng.choice([0, 6, 7, 8, 8, 9, 9, 9, 10, 22])), tz).replace(tzinfo=None)
                local += dt.timedelta(minutes=rng.choice([0, 15, 30, 45]))
                s = local - off
                hours = rng.choice([4, 8, 8, 9, 9.5])
                e = s + dt.timedelta(hours=hours)
                r = rng.random()
                if overbooked:  # every booking stands
                    r = 0.5
                checked = canceled = ""
                if r < 0.10:
                    canceled = fmt(s - dt.timedelta(hours=rng.randint(1, 40)), rng)
                elif r < 0.18:
                    canceled = fmt(s + dt.timedelta(hours=rng.randint(0, 3)), rng)
                elif r < 0.75:
                    checked = fmt(s + dt.timedelta(minutes=rng.randint(0, 50)), rng)
                elif r < 0.78:
                    checked = fmt(s + dt.timedelta(minutes=5), rng)
                    canceled = fmt(s + dt.timedelta(hours=3), rng)
                who = rng.random()
                assignee_email = p["email"] if who > 0.03 else ""
                assignee_name = p["name"] if who > 0.015 else ""
                building_cell, floor_cell = b, fl
                if real and rng.random() < 0.04:  # empty floor (the desk keeps its id)
                    floor_cell = ""
                if real and rng.random() < 0.01:  # empty building (the org's time zone applies)
                    building_cell = ""
                row = {
                    "Organization": "Acme", "Building": building_cell, "Floor": floor_cell,
                    "Desk Group": f"Zone {fl}", "Work Area": WORK_AREAS[int(desk) % len(WORK_AREAS)],
                    "Desk ID": desk, "Desk Name": f"Desk {desk}", "Reservation ID": f"r{rid}",
                    "Series ID": f"s{rid // 7}" if rng.random() < 0.3 else "", "Type": weighted(rng, DESK_TYPES),
                    "Start (UTC)": fmt(s, rng), "End (UTC)": fmt(e, rng),
                    "Hour Duration": "" if rng.random() < 0.01 else str(hours), "Checked In At (UTC)": checked,
                    "Canceled At (UTC)": canceled, "Cancellation Type": "user" if canceled else "",
                    "Creator Name": p["name"], "Creator Department": p["dept"], "Creator Groups": "All, Office",
                    "Creator Email": p["email"] or "creator@acme.example",
                    "Assignee Name": assignee_name, "Assignee Department": p["dept"],
                    "Assignee Groups": "All, Office", "Assignee Email": assignee_email,
                    "Desk Type": "standing" if int(desk) % 5 == 0 else "standard",
                    "Bookable On Unassigned Days": rng.choice(["TRUE", "FALSE", "Yes", "0"]),
                }
                update = None
                if rng.random() < 0.3 and not overbooked:  # the copy in a later file may differ
                    update = dict(row)
                    if not update["Checked In At (UTC)"] and not update["Canceled At (UTC)"]:
                        update["Checked In At (UTC)"] = fmt(s + dt.timedelta(minutes=3), rng)
                    elif not update["Canceled At (UTC)"]:
                        update["Canceled At (UTC)"] = fmt(s - dt.timedelta(hours=1), rng)
                        update["Checked In At (UTC)"] = ""
                add("desks", s, row, update)
                rid += 1
            # meetings (with --real-shapes, one all-day booking every Saturday)
            n_meetings = int(len(people) * mpp * (0.05 if weekend else 1.0) * (0.03 if day in plant.holidays else 1.0))
            saturday_all_day = real and day.weekday() == 5
            for number in range(n_meetings + saturday_all_day):
                host = rng.choice(people)
                fl = str(rng.randint(1, org.floors(b)))
                space_id, space, cap = rng.choice(org.rooms[(b, fl)])
                local = dt.datetime.combine(day, dt.time(rng.choice([7, 8, 9, 9, 10, 11, 13, 14, 15, 16, 17, 20, 23])), tz).replace(tzinfo=None)
                local += dt.timedelta(minutes=rng.choice([0, 0, 15, 30, 45]))
                s = local - off
                minutes = rng.choice([15, 30, 30, 45, 60, 60, 90, 120, 240, 600])
                all_day = real and (number == n_meetings or rng.random() < 0.06)
                if all_day:  # midnight to midnight, in UTC or in the building's zone
                    midnight = dt.datetime.combine(day, dt.time())
                    s = midnight if rng.random() < 0.5 else midnight - off
                    minutes = 1440
                e = s + dt.timedelta(minutes=minutes)
                status = weighted(rng, REAL_STATUSES if real else STATUSES)
                meeting = status.lower() in ("confirmed",)
                checked = unbooked = delayed = ""
                if meeting:
                    r = rng.random()
                    if r < 0.55:
                        d = rng.randint(0, 12)
                        checked = fmt(s + dt.timedelta(minutes=d), rng)
                        delayed = str(d) if rng.random() < 0.9 else ""
                    elif r < 0.75:
                        unbooked = fmt(s + dt.timedelta(minutes=15), rng)
                att_n = rng.randint(0, cap + 4)
                a = rng.random()
                attendees = "" if a < 0.1 else (str(att_n) if a < 0.8 else
                                                ("; " if a < 0.9 else ", ").join(f"p{k}@acme.example" for k in range(att_n)))
                created = s - dt.timedelta(days=rng.randint(1, 20))
                rooms = [(space_id, space, cap)]
                if rng.random() < 0.03:  # one event booking two rooms
                    other = rng.choice(org.rooms[(b, fl)])
                    if other[0] != space_id:
                        rooms.append(other)
                event_id = f"e{eid}"
                building_cell, floor_cell, all_day_cell = b, fl, "False"
                duration_cell = capacity_cell = None
                if real:
                    event_id = f"{207480000 + eid}_{s:%Y%m%dT%H%M%SZ}"
                    all_day_cell = rng.choice(ALL_DAY_TRUE if all_day else ALL_DAY_FALSE)
                    floor_cell = "" if rng.random() < 0.04 else fl
                    building_cell = "" if rng.random() < 0.01 else b
                    r = rng.random()
                    if r < 0.02:
                        duration_cell = rng.choice(OUT_OF_RANGE_MINUTES)
                    elif r < 0.03:
                        capacity_cell = "250000"
                    elif r < 0.04:
                        attendees = "100001"
                for sid2, sname, scap in rooms:
                    row = {
                        "Organization": "Acme", "Building": building_cell, "Floor": floor_cell, "Space": sname,
                        "Space ID": sid2, "Event ID": event_id, "Event Status": status,
                        "Created At (UTC)": fmt(created, rng),
                        "Updated At (UTC)": "" if rng.random() < 0.02 else fmt(created + dt.timedelta(hours=1), rng),
                        "All Day Event": all_day_cell, "Title": "Private meeting",
                        "Is Recurring": rng.choice(["True", "False"]),
                        "Capacity": capacity_cell or ("" if rng.random() < 0.02 else str(scap)),
                        "Invited People": str(att_n),
                        "Attendees": attendees, "Location": sname, "Started At (UTC)": fmt(s, rng),
                        "Ended At (UTC)": fmt(e, rng),
                        "Minute Duration": duration_cell or ("" if rng.random() < 0.05 else str(minutes)),
                        "Checked In At (UTC)": checked, "Minutes Delayed": delayed,
                        "Automatically Unbooked At (UTC)": unbooked, "Creator Robin ID": host["name"][6:12],
                        "Creator Robin Name": host["name"], "Creator Department": host["dept"],
                        "Creator Groups": "All", "Creator Robin Email": host["email"], "Created By Email": host["email"],
                        "Host Robin ID": "1", "Host Robin Name": host["name"], "Host Department": host["dept"],
                        "Host Groups": "All", "Host Robin Email": host["email"],
                        "Hosting Calendar Email": host["email"], "Local Creator ID": "", "Local Creator Email": "",
                        "Cancellation Type": "host" if status.lower().startswith("cancel") else "",
                    }
                    update = None
                    if rng.random() < 0.3:
                        update = dict(row)
                        update["Updated At (UTC)"] = fmt(created + dt.timedelta(days=30), rng)
                        if meeting and not checked and not unbooked:
                            update["Automatically Unbooked At (UTC)"] = fmt(s + dt.timedelta(minutes=15), rng)
                    add("spaces", s, row, update)
                eid += 1
        while next_file <= min(end, day - dt.timedelta(days=2)):
            write_file(next_file)
            next_file += dt.timedelta(days=1)
        day += dt.timedelta(days=1)
    while next_file <= end:
        write_file(next_file)
        next_file += dt.timedelta(days=1)
    with open(os.path.join(out, "robin-report.toml"), "w") as f:
        f.write(org.toml(plant))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--from", dest="start", type=dt.date.fromisoformat)
    ap.add_argument("--to", dest="end", type=dt.date.fromisoformat)
    ap.add_argument("--out")
    ap.add_argument("--people", type=int, default=300)
    ap.add_argument("--overlap-hours", type=float, default=2)
    ap.add_argument("--meetings-per-person", type=float, default=0.25, help="meetings per person per workday")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--print-org", action="store_true")
    ap.add_argument("--real-shapes", action="store_true", help="rows shaped like Robin's real exports")
    ap.add_argument("--drop", action="append", metavar="DEPT:DATE", help="DEPT comes in a third less from DATE on")
    ap.add_argument("--holiday", action="append", metavar="DATE", help="a closed date with almost nobody in")
    ap.add_argument("--idle-floor", metavar="B/F", help="floor F of building B gets 4x its desks as inventory")
    ap.add_argument("--overbook", action="append", metavar="B:DATE", help="everyone of building B books on DATE")
    ap.add_argument("--anchor", action="append", metavar="DEPT:Wkd", help="DEPT comes in on weekday Wkd")
    ap.add_argument("--targets", action="store_true", help="write a [targets] table")
    ap.add_argument("--stable", action="store_true", help="every week repeats")
    a = ap.parse_args()
    org = Org(a.people, a.seed)
    plant = Plant(a)
    if a.print_org:
        print(org.toml(plant))
        return 0
    if not (a.start and a.end and a.out):
        ap.error("--from, --to and --out are required")
    generate(org, a.start, a.end, a.out, a.overlap_hours, a.seed, a.meetings_per_person, a.real_shapes, plant)
    return 0


if __name__ == "__main__":
    sys.exit(main())
