#!/usr/bin/env python3
"""Independent reference implementation of docs/metrics.md (metrics.json, schema 1).

Plain Python on purpose: every figure is computed the obvious way, row by row,
so it can be read against docs/metrics.md line by line and used to cross-check the
Swift implementation (see scripts/compare_metrics.py).

    scripts/reference_metrics.py --desks D1.csv D2.csv --spaces S1.csv \
        --from 2026-11-16 --to 2026-11-22 [--config robin-report.toml] \
        [--timezone Europe/Paris] [--min-group-size 5] [-o metrics.json]

Its own choices, where docs/metrics.md leaves room, are listed in
scripts/README.md and marked "Choice:" below.
Exit codes: 0 ok, 2 usage/config error, 3 bad input data.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import re
import statistics
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
NO_DEPARTMENT = "(no department)"
NO_BUILDING = "(no building)"
NO_FLOOR = "(no floor)"
NO_WORK_AREA = "(no work area)"
# Value limits (docs/metrics.md "Input facts": out of range = unreadable = empty, with a warning).
# Choice: 366 days for durations, 100,000 people for Capacity and Attendees.
MAX_MINUTES = 366 * 24 * 60
MAX_HOURS = 366 * 24
MAX_PEOPLE = 100_000
SMALL_TEAMS = "(small teams)"
# [targets] keys and their largest value (ratios 0..1, days 0..7).
TARGET_MEASURES = {"avg_days_per_person": 7, "check_in_rate": 1, "desk_utilization": 1,
                   "policy_adherence": 1, "room_utilization": 1}
UTC = dt.timezone.utc


class DataError(Exception):
    """Bad input data (exit 3)."""


class UsageError(Exception):
    """Bad flags or config (exit 2)."""


# ---------------------------------------------------------------- parsing

_TS = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?"
    r"(Z|z|[+-]\d{2}(?::?\d{2})?)?"
)


def parse_timestamp(text: str) -> dt.datetime | None:
    """`YYYY-MM-DD HH:MM:SS` (UTC) or ISO 8601 (Z, offset, fraction) -> aware UTC datetime.

    Empty -> None. Anything else raises ValueError.
    """
    if text == "":
        return None
    m = _TS.fullmatch(text)
    if not m:
        raise ValueError("not a timestamp")
    y, mo, d, h, mi, s, frac, zone = m.groups()
    micro = int((frac or "0")[:6].ljust(6, "0"))
    value = dt.datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), micro, tzinfo=UTC)
    if zone and zone not in ("Z", "z"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
        value = value - sign * offset
    return value


def number_in(low: float, high: float):
    """A parser of finite numbers in [low, high]; ValueError for anything else."""
    def parse(text: str) -> float | None:
        if text == "":
            return None
        value = float(text)
        if math.isnan(value) or math.isinf(value) or not low <= value <= high:
            raise ValueError("out of range")
        return value
    return parse


def whole_in(low: int, high: int):
    """A parser of whole numbers (`3.0` is 3) in [low, high]."""
    def parse(text: str) -> int | None:
        value = number_in(low, high)(text)
        if value is not None and value != int(value):
            raise ValueError("not a whole number")
        return None if value is None else int(value)
    return parse


def parse_attendees(text: str) -> int | None:
    """A number (then a whole one in 0..MAX_PEOPLE), or a comma/semicolon separated
    list: the count of its non-empty entries (at most MAX_PEOPLE)."""
    if text == "":
        return None
    try:
        float(text)
    except ValueError:
        count = sum(1 for part in re.split(r"[,;]", text) if part.strip())
        if count > MAX_PEOPLE:
            raise ValueError("out of range") from None
        return count
    return whole_in(0, MAX_PEOPLE)(text)


BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def parse_bool(text: str) -> bool | None:
    """TRUE/FALSE, True/False, true/false, Yes/No, 1/0 in any case."""
    if text == "":
        return None
    return BOOLEANS[text.lower()]


# ---------------------------------------------------------------- config


@dataclass
class Config:
    timezone: str = "UTC"
    building_zones: dict | None = None
    workweek: tuple = (0, 1, 2, 3, 4)
    bh_start: int = 9 * 60  # minutes after local midnight
    bh_end: int = 17 * 60
    min_group_size: int = 5
    days_per_week: float = 3
    desk_inventory: dict | None = None
    room_inventory: dict | None = None
    closed_dates: frozenset = frozenset()  # org-wide closures: never workdays
    targets: dict | None = None  # measure -> goal ([targets])

    def zone_name(self, building: str) -> str:
        return (self.building_zones or {}).get(building) or self.timezone or "UTC"


def parse_clock(text) -> int:
    if isinstance(text, dt.time):
        return text.hour * 60 + text.minute
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(text))
    if not m or int(m.group(2)) > 59 or int(m.group(1)) * 60 + int(m.group(2)) > 24 * 60:
        raise UsageError(f"business_hours: {text!r} is not HH:MM")
    return int(m.group(1)) * 60 + int(m.group(2))


def load_config(path: str | None, timezone: str | None, min_group_size: int | None) -> Config:
    raw: dict = {}
    if path:
        with open(path, "rb") as f:
            try:
                raw = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                raise UsageError(f"{path}: {e}") from e
    cfg = Config()
    cfg.timezone = timezone or raw.get("timezone") or "UTC"
    cfg.building_zones = {
        name: table["timezone"]
        for name, table in (raw.get("buildings") or {}).items()
        if isinstance(table, dict) and table.get("timezone")
    }
    for zone in [cfg.timezone, *cfg.building_zones.values()]:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise UsageError(f"unknown time zone {zone!r}") from e
    if "workweek" in raw:
        try:
            cfg.workweek = tuple(sorted({WEEKDAYS.index(str(d)[:3].title()) for d in raw["workweek"]}))
        except ValueError as e:
            raise UsageError(f"workweek: {raw['workweek']!r}") from e
    bh = raw.get("business_hours") or {}
    cfg.bh_start = parse_clock(bh.get("start", "09:00"))
    cfg.bh_end = parse_clock(bh.get("end", "17:00"))
    if cfg.bh_end <= cfg.bh_start:
        raise UsageError("business_hours: end must be after start")
    cfg.min_group_size = int(min_group_size if min_group_size is not None else raw.get("min_group_size", 5))
    cfg.days_per_week = (raw.get("policy") or {}).get("days_per_week", 3)
    closed = set()
    for item in raw.get("closed_dates") or []:
        # Strings "YYYY-MM-DD" or TOML dates (tomllib gives datetime.date).
        try:
            day = item if isinstance(item, dt.date) else dt.date.fromisoformat(str(item))
        except ValueError as e:
            raise UsageError(f"closed_dates: {item!r} is not a date") from e
        if day in closed:
            raise UsageError(f"closed_dates: {day} is listed twice")
        closed.add(day)
    cfg.closed_dates = frozenset(closed)
    cfg.targets = {}
    for name, goal in (raw.get("targets") or {}).items():
        if name not in TARGET_MEASURES or not 0 <= goal <= TARGET_MEASURES[name]:
            raise UsageError(f"targets.{name}: {goal!r}")
        cfg.targets[name] = float(goal)
    # Inventory: [buildings."B"] desks/rooms and [buildings."B".floors."F"] desks/rooms,
    # keyed here by (building,) and (building, floor).
    cfg.desk_inventory, cfg.room_inventory = {}, {}
    for name, table in (raw.get("buildings") or {}).items():
        if not isinstance(table, dict):
            continue
        for kind, inv in (("desks", cfg.desk_inventory), ("rooms", cfg.room_inventory)):
            if kind in table:
                inv[(name,)] = int(table[kind])
            for floor, ftable in (table.get("floors") or {}).items():
                if isinstance(ftable, dict) and kind in ftable:
                    inv[(name, str(floor))] = int(ftable[kind])
    return cfg


def resolve_inventory(inv: dict, rows, attr: str):
    """desks_seen / rooms_seen per docs/metrics.md "Inventory": (per building, per floor, total).

    floor: its configured count, else distinct ids seen on it; building: its configured
    count, else (when any of its floors is configured) the sum of its floor values over
    floors seen or configured, else distinct ids seen; total: when anything is configured,
    the sum of building values over buildings seen or configured, else distinct ids seen.
    """
    seen_floor = defaultdict(set)
    seen_building = defaultdict(set)
    for r in rows:
        seen_building[r.building]
        seen_floor[(r.building, r.floor)]
        if getattr(r, attr):
            seen_floor[(r.building, r.floor)].add(getattr(r, attr))
            seen_building[r.building].add(getattr(r, attr))

    def floor_value(b, f):
        return inv.get((b, f), len(seen_floor.get((b, f), ())))

    def building_value(b):
        if (b,) in inv:
            return inv[(b,)]
        floors = {f for (bb, f) in seen_floor if bb == b} | {k[1] for k in inv if len(k) == 2 and k[0] == b}
        if any(len(k) == 2 and k[0] == b for k in inv):
            return sum(floor_value(b, f) for f in floors)
        return len(seen_building.get(b, ()))

    buildings = set(seen_building) | {k[0] for k in inv}
    if inv:
        total = sum(building_value(b) for b in buildings)
    else:
        total = len({getattr(r, attr) for r in rows if getattr(r, attr)})
    return building_value, floor_value, total


# ---------------------------------------------------------------- CSV reading

DESK_COLUMNS = [
    "Building", "Floor", "Desk ID", "Reservation ID", "Type", "Start (UTC)", "Hour Duration",
    "Checked In At (UTC)", "Canceled At (UTC)", "Assignee Department", "Assignee Email",
    "Assignee Name", "Creator Email",
]
DESK_OPTIONAL = ["Work Area"]
SPACE_COLUMNS = [
    "Building", "Floor", "Space", "Space ID", "Event ID", "Event Status", "Updated At (UTC)",
    "Capacity", "Attendees", "Started At (UTC)", "Ended At (UTC)", "Minute Duration",
    "Checked In At (UTC)", "Minutes Delayed", "Automatically Unbooked At (UTC)",
    "Host Department", "Host Robin Email", "Host Robin Name",
]
SPACE_OPTIONAL = ["All Day Event"]
ALIASES = {"Floor": ["Level"]}  # Robin's UI event export calls the floor "Level"


def header_key(name: str) -> str:
    """Headers match trimmed, case-insensitively, with `_` the same as a space."""
    return name.strip(" \t").replace("_", " ").lower()


def read_csv(path: str, required: list[str], optional: list[str] = ()):
    """Yields (line_number, {column: trimmed value}, present optional columns) per data row.

    Columns are found by header_key, a column's own name before its aliases; unknown
    ones are ignored; an absent optional column reads as "".
    """
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise DataError(f"{path}: empty file (no header)")
        index = {}
        for i, name in enumerate(header):
            index.setdefault(header_key(name), i)
        where = {}
        for c in [*required, *optional]:
            for name in [c, *ALIASES.get(c, [])]:
                if header_key(name) in index:
                    where[c] = index[header_key(name)]
                    break
            else:
                if c in required:
                    raise DataError(f"{path}: missing column {c!r}")
        present = {c for c in optional if c in where}
        for row in reader:
            if not row or all(cell.strip() == "" for cell in row):
                continue
            values = {c: (row[i].strip(" \t") if i < len(row) else "") for c, i in where.items()}
            for c in optional:
                values.setdefault(c, "")
            yield reader.line_num, values, present


def warn_unreadable(path, line, column, value) -> None:
    print(f'warning: {path}:{line}: column "{column}": "{value}" is unreadable, taken as empty', file=sys.stderr)


def field(path, line, column, value, parser):
    """An optional value: unreadable or out of range -> a file:line warning, and None."""
    try:
        return parser(value)
    except (ValueError, KeyError):
        warn_unreadable(path, line, column, value)
        return None


@dataclass
class DeskRow:
    building: str
    floor: str
    desk_id: str
    type: str
    work_area: str
    department: str
    person: str | None
    date: dt.date  # local date of Start
    canceled_in_advance: bool
    released: bool
    checked_in: bool
    attended: bool
    canceled: bool  # Canceled At set (in advance or not)
    hours: float  # Hour Duration, 0 when empty


@dataclass
class EventRow:
    building: str
    floor: str
    space: str
    space_id: str
    department: str
    host: str | None
    date: dt.date  # local date of Started At (all-day: the majority-of-span date)
    start_local: dt.datetime  # naive local wall clock
    all_day: bool
    canceled: bool
    declined: bool
    meeting: bool
    auto_unbooked: bool
    checked_in: bool
    minutes: float  # duration; 0 when unknown
    attendees: int | None
    capacity: float | None
    delayed: float | None


def local(ts: dt.datetime, zone: str) -> dt.datetime:
    return ts.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def required_start(path, line, column, value) -> dt.datetime:
    try:
        start = parse_timestamp(value)
    except ValueError:
        start = None
    if start is None:
        raise DataError(f'{path}:{line}: column "{column}": "{value}" is not a date and time')
    return start


def load_desks(paths: list[str], cfg: Config) -> tuple[list[DeskRow], bool]:
    """The de-duplicated rows, and whether any file had a Work Area column."""
    by_id: dict = {}
    order = 0
    work_areas = False
    for path in paths:
        for line, r, present in read_csv(path, DESK_COLUMNS, DESK_OPTIONAL):
            def f(col, parser):
                return field(path, line, col, r[col], parser)
            work_areas = work_areas or "Work Area" in present
            start = required_start(path, line, "Start (UTC)", r["Start (UTC)"])
            canceled = f("Canceled At (UTC)", parse_timestamp)
            checked = f("Checked In At (UTC)", parse_timestamp)
            hours = f("Hour Duration", number_in(0, MAX_HOURS))
            person = r["Assignee Email"].lower() or r["Assignee Name"] or r["Creator Email"].lower() or None
            checked_in = checked is not None
            row = DeskRow(
                building=r["Building"] or NO_BUILDING,
                floor=r["Floor"] or NO_FLOOR,
                desk_id=r["Desk ID"],
                type=r["Type"],
                work_area=r["Work Area"] or NO_WORK_AREA,
                department=r["Assignee Department"] or NO_DEPARTMENT,
                person=person,
                date=local(start, cfg.zone_name(r["Building"] or NO_BUILDING)).date(),
                canceled_in_advance=canceled is not None and canceled < start,
                released=canceled is not None and canceled >= start and not checked_in,
                checked_in=checked_in,
                attended=checked_in or canceled is None,
                canceled=canceled is not None,
                hours=hours or 0.0,
            )
            # Dedup by Reservation ID: the last row read wins. Choice: rows without an id are kept.
            key = r["Reservation ID"] or ("", order)
            by_id.pop(key, None)  # re-insert so dict order is "last read"
            by_id[key] = row
            order += 1
    return list(by_id.values()), work_areas


def event_status(status: str) -> str:
    """Any case, `_` the same as a space: RESOURCE_DECLINED is Resource declined."""
    s = status.lower().replace("_", " ")
    if s in ("canceled", "cancelled"):
        return "canceled"
    if s == "resource declined":
        return "declined"
    return "other"


def load_events(paths: list[str], cfg: Config) -> list[EventRow]:
    best: dict = {}  # key -> (updated_at or None, row)
    order = 0
    for path in paths:
        for line, r, _ in read_csv(path, SPACE_COLUMNS, SPACE_OPTIONAL):
            def f(col, parser):
                return field(path, line, col, r[col], parser)
            start = required_start(path, line, "Started At (UTC)", r["Started At (UTC)"])
            ended = f("Ended At (UTC)", parse_timestamp)
            if ended is not None and not dt.timedelta(0) <= ended - start <= dt.timedelta(minutes=MAX_MINUTES):
                # Choice: an end before the start or over 366 days after it is out of range too.
                warn_unreadable(path, line, "Ended At (UTC)", r["Ended At (UTC)"])
                ended = None
            updated = f("Updated At (UTC)", parse_timestamp)
            minutes = f("Minute Duration", number_in(0, MAX_MINUTES))
            if minutes is None and ended is not None:
                minutes = (ended - start).total_seconds() / 60
            status = event_status(r["Event Status"])
            meeting = status == "other"
            building = r["Building"] or NO_BUILDING
            start_local = local(start, cfg.zone_name(building))
            all_day = bool(f("All Day Event", parse_bool))
            host = r["Host Robin Email"].lower() or r["Host Robin Name"] or None
            unbooked = f("Automatically Unbooked At (UTC)", parse_timestamp)
            checked = f("Checked In At (UTC)", parse_timestamp)
            row = EventRow(
                building=building,
                floor=r["Floor"] or NO_FLOOR,
                space=r["Space"],
                space_id=r["Space ID"],
                department=r["Host Department"] or NO_DEPARTMENT,
                host=host,
                date=majority_date(start_local, minutes or 0.0) if all_day else start_local.date(),
                start_local=start_local,
                all_day=all_day,
                canceled=status == "canceled",
                declined=status == "declined",
                meeting=meeting,
                auto_unbooked=meeting and unbooked is not None,
                checked_in=meeting and checked is not None,
                minutes=minutes or 0.0,
                attendees=f("Attendees", parse_attendees),
                capacity=f("Capacity", whole_in(0, MAX_PEOPLE)),
                delayed=f("Minutes Delayed", number_in(-MAX_MINUTES, MAX_MINUTES)),
            )
            # Dedup by (Event ID, Space ID): latest Updated At wins, ties -> last read,
            # empty Updated At is the oldest. Choice: rows without an Event ID are kept.
            key = (r["Event ID"], r["Space ID"]) if r["Event ID"] else ("", order)
            rank = updated or dt.datetime.min.replace(tzinfo=UTC)
            if key not in best or rank >= best[key][0]:
                best[key] = (rank, row)
            order += 1
    return [row for _, row in best.values()]


def majority_date(start_local: dt.datetime, minutes: float) -> dt.date:
    """The local date holding most of [start, start + minutes) (ties: the later date);
    the start's date when the span is empty."""
    if minutes <= 0:
        return start_local.date()
    end = start_local + dt.timedelta(minutes=minutes)
    best, best_len = start_local.date(), dt.timedelta(-1)
    d = start_local.date()
    while dt.datetime.combine(d, dt.time()) < end:
        midnight = dt.datetime.combine(d, dt.time())
        overlap = min(end, midnight + dt.timedelta(days=1)) - max(start_local, midnight)
        if overlap >= best_len:
            best, best_len = d, overlap
        d += dt.timedelta(days=1)
    return best


# ---------------------------------------------------------------- period


@dataclass
class Period:
    start: dt.date
    end: dt.date
    cfg: Config

    @property
    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=i) for i in range(self.days)]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, d: dt.date) -> bool:
        return self.start <= d <= self.end

    def is_workday(self, d: dt.date) -> bool:
        return self.contains(d) and is_workday(d, self.cfg)

    @property
    def workdays(self) -> int:
        return sum(1 for d in self.dates if self.is_workday(d))


def is_workday(d: dt.date, cfg: Config) -> bool:
    """A weekday of the workweek that is not a closed date."""
    return d.weekday() in cfg.workweek and d not in cfg.closed_dates


def ratio(numerator, denominator):
    return None if not denominator else numerator / denominator


def sort_groups(groups: dict) -> list:
    return [groups[k] for k in sorted(groups, key=lambda k: tuple(str(x) for x in k))]


# ---------------------------------------------------------------- desks


def desk_group(rows: list[DeskRow], desks_seen: int, p: Period, org_days: dict) -> dict:
    attended = [r for r in rows if r.attended]
    people = {r.person for r in attended if r.person is not None}
    person_days = {(r.person, r.date) for r in attended if r.person is not None}
    workday_person_days = {(who, d) for who, d in person_days if p.is_workday(d)}
    desk_days = {(r.desk_id, r.date) for r in attended if r.desk_id and p.is_workday(r.date)}
    per_date = defaultdict(set)
    for who, d in person_days:
        per_date[d].add(who)
    peak_date, peak_people = None, 0
    for d in sorted(per_date):
        if len(per_date[d]) > peak_people:
            peak_date, peak_people = d, len(per_date[d])
    reservations = len(rows)
    canceled_in_advance = sum(r.canceled_in_advance for r in rows)
    released = sum(r.released for r in rows)
    checked_in = sum(r.checked_in for r in rows)
    kept = reservations - canceled_in_advance
    weeks = p.days / 7
    adherent = sum(1 for who in people if len(org_days[who]) / weeks >= p.cfg.days_per_week)
    return {
        "reservations": reservations,
        "canceled_in_advance": canceled_in_advance,
        "released": released,
        "checked_in": checked_in,
        "kept": kept,
        "check_in_rate": ratio(checked_in, kept),
        "no_show_rate": ratio(released, kept),
        "people": len(people),
        "person_days": len(person_days),
        "avg_days_per_person": ratio(len(person_days), len(people)),
        "desks_seen": desks_seen,
        "desk_days": len(desk_days),
        "desk_utilization": ratio(len(desk_days), desks_seen * p.workdays),
        "avg_daily_people": ratio(len(workday_person_days), p.workdays),
        "peak_date": peak_date.isoformat() if peak_date else None,
        "peak_people": peak_people,
        "booked_hours": float(sum(r.hours for r in attended)),
        "policy_adherence": ratio(adherent, len(people)),
    }


def distinct_ids(rows, attr) -> int:
    return len({getattr(r, attr) for r in rows if getattr(r, attr)})


def fold_departments(rows, people_of, min_size) -> dict:
    """department -> rows, with departments under min_size people merged into (small teams)."""
    by_dept = defaultdict(list)
    for r in rows:
        by_dept[r.department].append(r)
    out = defaultdict(list)
    for dept, dept_rows in by_dept.items():
        size = len(people_of(dept_rows))
        out[dept if size >= min_size else SMALL_TEAMS].extend(dept_rows)
    return out


def desk_metrics(all_rows: list[DeskRow], work_areas: bool, p: Period) -> dict:
    cfg = p.cfg
    rows = [r for r in all_rows if p.contains(r.date)]
    inv = cfg.desk_inventory
    org_days = defaultdict(set)
    for r in rows:
        if r.attended and r.person is not None:
            org_days[r.person].add(r.date)

    def group_by(key):
        g = defaultdict(list)
        for r in rows:
            g[key(r)].append(r)
        return g

    buildings = group_by(lambda r: (r.building,))
    building_value, floor_value, total_seen = resolve_inventory(inv, rows, "desk_id")
    total = desk_group(rows, total_seen, p, org_days)
    by_building = {
        k: {"building": k[0], **desk_group(rs, building_value(k[0]), p, org_days)} for k, rs in buildings.items()
    }
    by_floor = {
        k: {
            "building": k[0],
            "floor": k[1],
            **desk_group(rs, floor_value(k[0], k[1]), p, org_days),
        }
        for k, rs in group_by(lambda r: (r.building, r.floor)).items()
    }
    departments = fold_departments(
        rows, lambda rs: {r.person for r in rs if r.attended and r.person is not None}, cfg.min_group_size
    )
    by_department = {
        (d,): {"department": d, **desk_group(rs, distinct_ids(rs, "desk_id"), p, org_days)}
        for d, rs in departments.items()
    }
    by_type = {
        k: {"type": k[0], **desk_group(rs, distinct_ids(rs, "desk_id"), p, org_days)}
        for k, rs in group_by(lambda r: (r.type,)).items()
    }
    by_work_area = {
        k: {"building": k[0], "work_area": k[1], **desk_group(rs, distinct_ids(rs, "desk_id"), p, org_days)}
        for k, rs in group_by(lambda r: (r.building, r.work_area)).items()
    } if work_areas else {}
    people_on = defaultdict(set)
    desks_on = defaultdict(set)
    for r in rows:
        if r.attended:
            if r.person is not None:
                people_on[r.date].add(r.person)
            if r.desk_id:
                desks_on[r.date].add(r.desk_id)
    daily = [{"date": d.isoformat(), "people": len(people_on[d]), "desks": len(desks_on[d])} for d in p.dates]
    by_weekday = []
    for wd, name in enumerate(WEEKDAYS):
        values = [len(people_on[d]) for d in p.dates if d.weekday() == wd]
        by_weekday.append({"weekday": name, "people": sum(values) / len(values) if values else None})
    return {
        "total": total,
        "by_building": sort_groups(by_building),
        "by_floor": sort_groups(by_floor),
        "by_department": sort_groups(by_department),
        "by_type": sort_groups(by_type),
        "by_work_area": sort_groups(by_work_area),
        "daily": daily,
        "by_weekday": by_weekday,
    }


# ---------------------------------------------------------------- rooms


def overlap_minutes(a0: dt.datetime, a1: dt.datetime, b0: dt.datetime, b1: dt.datetime) -> float:
    return max(0.0, (min(a1, b1) - max(a0, b0)).total_seconds() / 60)


def occupancy(r: EventRow, p: Period) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) on the local wall clock: an all-day meeting holds the business
    hours of its date, any other meeting its duration from its start."""
    if r.all_day:
        midnight = dt.datetime.combine(r.date, dt.time())
        return midnight + dt.timedelta(minutes=p.cfg.bh_start), midnight + dt.timedelta(minutes=p.cfg.bh_end)
    return r.start_local, r.start_local + dt.timedelta(minutes=r.minutes)


def business_minutes(r: EventRow, p: Period) -> float:
    """Minutes of the meeting inside business hours of the period's workdays (local wall clock)."""
    if not r.meeting or r.minutes <= 0:
        return 0.0
    start, end = occupancy(r, p)
    total = 0.0
    d = start.date()
    while d <= end.date():
        if p.is_workday(d):
            midnight = dt.datetime.combine(d, dt.time())
            w0 = midnight + dt.timedelta(minutes=p.cfg.bh_start)
            w1 = midnight + dt.timedelta(minutes=p.cfg.bh_end)
            total += overlap_minutes(start, end, w0, w1)
        d += dt.timedelta(days=1)
    return total


def hour_minutes(r: EventRow, p: Period) -> dict:
    """(local date, hour) -> meeting minutes in that clock hour, dates inside the period only."""
    out = defaultdict(float)
    if not r.meeting or r.minutes <= 0:
        return out
    start, end = occupancy(r, p)
    slot = start.replace(minute=0, second=0, microsecond=0)
    while slot < end:
        nxt = slot + dt.timedelta(hours=1)
        if p.contains(slot.date()):
            out[(slot.date(), slot.hour)] += overlap_minutes(start, end, slot, nxt)
        slot = nxt
    return out


def booked_minutes(r: EventRow, p: Period) -> float:
    """A meeting's duration; an all-day one's is its date's business hours."""
    return float(p.cfg.bh_end - p.cfg.bh_start) if r.all_day else r.minutes


def room_group(rows: list[EventRow], rooms_seen: int, p: Period) -> dict:
    meetings = [r for r in rows if r.meeting]
    with_attendees = [r for r in meetings if r.attendees is not None]
    with_capacity = [r for r in with_attendees if r.capacity is not None and r.capacity > 0]
    delayed = [r for r in meetings if r.checked_in and r.delayed is not None]
    auto_unbooked = sum(r.auto_unbooked for r in meetings)
    checked_in = sum(r.checked_in for r in meetings)
    bh_len = p.cfg.bh_end - p.cfg.bh_start
    in_business_hours = sum(business_minutes(r, p) for r in meetings)
    return {
        "events": len(rows),
        "meetings": len(meetings),
        "canceled": sum(r.canceled for r in rows),
        "declined": sum(r.declined for r in rows),
        "auto_unbooked": auto_unbooked,
        "checked_in": checked_in,
        "all_day": sum(r.all_day for r in meetings),
        "ghost_rate": ratio(auto_unbooked, len(meetings)),
        "check_in_rate": ratio(checked_in, len(meetings)),
        "booked_hours": sum(booked_minutes(r, p) for r in meetings) / 60,
        "avg_meeting_minutes": ratio(math.fsum(booked_minutes(r, p) for r in meetings), len(meetings)),
        "rooms_seen": rooms_seen,
        "utilization": ratio(in_business_hours, rooms_seen * bh_len * p.workdays),
        "avg_attendees": ratio(sum(r.attendees for r in with_attendees), len(with_attendees)),
        "avg_fill": ratio(sum(r.attendees / r.capacity for r in with_capacity), len(with_capacity)),
        "oversized_share": ratio(sum(1 for r in with_capacity if r.attendees * 2 <= r.capacity), len(with_capacity)),
        "avg_minutes_delayed": ratio(sum(r.delayed for r in delayed), len(delayed)),
    }


def room_metrics(all_rows: list[EventRow], p: Period) -> dict:
    cfg = p.cfg
    rows = [r for r in all_rows if p.contains(r.date)]
    inv = cfg.room_inventory

    def group_by(key):
        g = defaultdict(list)
        for r in rows:
            g[key(r)].append(r)
        return g

    buildings = group_by(lambda r: (r.building,))
    building_value, floor_value, total_seen = resolve_inventory(inv, rows, "space_id")
    by_building = {k: {"building": k[0], **room_group(rs, building_value(k[0]), p)} for k, rs in buildings.items()}
    by_floor = {
        k: {
            "building": k[0],
            "floor": k[1],
            **room_group(rs, floor_value(k[0], k[1]), p),
        }
        for k, rs in group_by(lambda r: (r.building, r.floor)).items()
    }
    by_space = {
        k: {"building": k[0], "floor": k[1], "space": k[2], "space_id": k[3], **room_group(rs, distinct_ids(rs, "space_id"), p)}
        for k, rs in group_by(lambda r: (r.building, r.floor, r.space, r.space_id)).items()
    }
    departments = fold_departments(
        rows, lambda rs: {r.host for r in rs if r.meeting and r.host is not None}, cfg.min_group_size
    )
    by_department = {
        (d,): {"department": d, **room_group(rs, distinct_ids(rs, "space_id"), p)} for d, rs in departments.items()
    }
    minutes = defaultdict(float)
    for r in rows:
        for k, v in hour_minutes(r, p).items():
            minutes[k] += v
    heatmap = []
    for wd, name in enumerate(WEEKDAYS):
        dates = [d for d in p.dates if d.weekday() == wd]
        for hour in range(24):
            if not dates or total_seen == 0:
                share = None
            else:
                share = sum(minutes[(d, hour)] / (60 * total_seen) for d in dates) / len(dates)
            heatmap.append({"weekday": name, "hour": hour, "share": share})
    return {
        "total": room_group(rows, total_seen, p),
        "by_building": sort_groups(by_building),
        "by_floor": sort_groups(by_floor),
        "by_space": sort_groups(by_space),
        "by_department": sort_groups(by_department),
        "heatmap": heatmap,
    }


# ---------------------------------------------------------------- main


# ---------------------------------------------------------------- capacity, colocation


def capacity(all_rows: list[DeskRow], desks: dict, p: Period) -> dict:
    """Per building and floor: desks (= desks_seen), the busiest workday's distinct desks."""
    rows = [r for r in all_rows if p.contains(r.date) and r.attended and r.desk_id]

    def entry(group: dict, match) -> dict:
        used = defaultdict(set)
        for r in rows:
            if match(r) and p.is_workday(r.date):
                used[r.date].add(r.desk_id)
        peak, peak_date = 0, None
        for d in sorted(used):  # earliest date on a tie
            if len(used[d]) > peak:
                peak, peak_date = len(used[d]), d
        n = group["desks_seen"]
        # Choice: no workday in the period -> no busiest workday, occupancy null.
        occupancy = None if p.workdays == 0 else ratio(peak, n)
        status = None if occupancy is None else "consolidate" if occupancy < 0.5 else "at_risk" if occupancy >= 0.9 else "ok"
        keys = {k: group[k] for k in ("building", "floor") if k in group}
        return {**keys, "desks": n, "peak_desks_used": peak, "peak_date": peak_date.isoformat() if peak_date else None,
                "peak_occupancy": occupancy, "sharing_ratio": ratio(group["people"], n), "status": status}

    return {
        "by_building": [entry(g, lambda r, g=g: r.building == g["building"]) for g in desks["by_building"]],
        "by_floor": [entry(g, lambda r, g=g: (r.building, r.floor) == (g["building"], g["floor"]))
                     for g in desks["by_floor"]],
    }


def colocation(all_rows: list[DeskRow], desks: dict, p: Period) -> dict:
    """Anchor days of each department group of >= min_group_size people (no placeholders)."""
    rows = [r for r in all_rows if p.contains(r.date) and r.attended and r.person is not None]
    out = []
    for g in desks["by_department"]:
        name, people = g["department"], g["people"]
        if name in (SMALL_TEAMS, NO_DEPARTMENT) or people < p.cfg.min_group_size:
            continue
        present = defaultdict(set)  # date -> the department's persons attended
        for r in rows:
            if r.department == name:
                present[r.date].add(r.person)
        shares = {}
        for wd in sorted(p.cfg.workweek):
            dates = [d for d in p.dates if d.weekday() == wd and p.is_workday(d)]
            shares[WEEKDAYS[wd]] = sum(len(present[d]) / people for d in dates) / len(dates) if dates else None
        anchor = None
        for day, share in shares.items():  # Mon..Sun: the earliest wins a tie
            if share is not None and (anchor is None or share > shares[anchor]):
                anchor = day
        pairs = [(who, d) for d in p.dates if p.is_workday(d) for who in present[d]]
        co = None
        if pairs and people > 1:
            co = sum((len(present[d]) - 1) / (people - 1) for _, d in pairs) / len(pairs)
        out.append({"department": name, "people": people, "weekday_share": shares, "anchor_weekday": anchor,
                    "anchor_share": shares[anchor] if anchor else None, "co_presence": co})
    return {"by_department": out}


def forward(all_rows: list[DeskRow], desks: dict, p: Period) -> dict:
    """Desk bookings (rows not canceled) per building and local date of the 7 days after p."""
    window = [p.end + dt.timedelta(days=i) for i in range(1, 8)]
    booked = defaultdict(int)
    for r in all_rows:
        if not r.canceled and r.date in window:
            booked[(r.building, r.date)] += 1
    building_value, _, _ = resolve_inventory(p.cfg.desk_inventory, [r for r in all_rows if p.contains(r.date)], "desk_id")
    seen = {g["building"]: g["desks_seen"] for g in desks["by_building"]}
    # Choice: the period's buildings and any building with a booking ahead; a building with no
    # rows in the period counts its inventory (what desks_seen would be), else 0 desks.
    buildings = sorted(set(seen) | {b for (b, _), n in booked.items() if n > 0})
    entries = []
    for b in buildings:
        n = seen[b] if b in seen else building_value(b)
        for d in window:
            entries.append({"building": b, "date": d.isoformat(), "booked": booked[(b, d)], "desks": n,
                            "booked_share": ratio(booked[(b, d)], n)})
    return {"from": window[0].isoformat(), "to": window[-1].isoformat(), "by_building": entries}


# ---------------------------------------------------------------- insights


def key_of(entry: dict) -> dict:
    return {k: entry[k] for k in ("building", "floor", "department") if k in entry}


def desk_people(doc: dict, key: dict):
    """people of the desk group with exactly this key (department, floor or building), or 0."""
    groups = doc["desks"]["by_department" if "department" in key else "by_floor" if "floor" in key else "by_building"]
    for g in groups:
        if key_of(g) == key:
            return g["people"]
    return 0


def allowed(doc: dict, key: dict) -> bool:
    """Privacy: the org always; a group when its desk group has >= min_group_size people and it is
    not (small teams) / (no department). Choice: a building's rooms use its desk group's people."""
    if not key:
        return True
    if key.get("department") in (SMALL_TEAMS, NO_DEPARTMENT):
        return False
    return desk_people(doc, key) >= CFG.min_group_size


TOLERANCE = 1e-9
MOVER_SOURCES = [("desks", "by_building", ["avg_daily_people", "desk_utilization"]),
                 ("desks", "by_floor", ["avg_daily_people", "desk_utilization"]),
                 ("desks", "by_department", ["avg_daily_people", "desk_utilization"]),
                 ("rooms", "by_building", ["utilization"])]


def movers(cur: dict, prev: dict, earlier: list[dict]) -> list[dict]:
    out = []
    for section, groups, measures in MOVER_SOURCES:
        for measure in measures:
            def values(doc):
                return {tuple(key_of(g).items()): g[measure] for g in doc[section][groups] if g[measure] is not None}
            now, before = values(cur), values(prev)
            for k, value in now.items():
                key = dict(k)
                if k not in before or not allowed(cur, key) or not allowed(prev, key):
                    continue
                old = before[k]
                change = value - old
                # Choice: a tolerance of 1e-9 on thresholds met by a difference or a product.
                if measure == "avg_daily_people":
                    moves = abs(change) >= 5 - TOLERANCE and abs(change) >= 0.2 * old - TOLERANCE
                else:
                    moves = abs(change) >= 0.05 - TOLERANCE
                if not moves:
                    continue
                history = [values(doc)[k] for doc in earlier if k in values(doc)]
                out.append({"kind": "mover", "measure": measure, "group": key, "value": value, "previous": old,
                            "change": change, "relative_change": None if old == 0 else change / old,
                            "baseline": sum(history) / len(history) if len(history) >= 3 else None})
    # Choice: a relative change of null (previous 0) sorts after every number.
    out.sort(key=lambda m: (m["relative_change"] is None, -abs(m["relative_change"] or 0), m["measure"],
                            tuple(m["group"].values()), tuple(m["group"].keys())))
    return out


def targets(cur: dict) -> list[dict]:
    out = []
    for measure in sorted(CFG.targets):
        goal = CFG.targets[measure]
        if measure == "room_utilization":
            groups = [cur["rooms"]["total"], *cur["rooms"]["by_building"]]
            field_name = "utilization"
        else:
            groups = [cur["desks"]["total"], *cur["desks"]["by_building"]]
            field_name = measure
        for g in groups:
            value, key = g[field_name], key_of(g)
            if value is None or not allowed(cur, key):
                continue
            status = "met" if value >= goal else "near" if value >= 0.9 * goal - TOLERANCE else "missed"
            out.append({"kind": "target", "measure": measure, "group": key, "value": value, "target": goal,
                        "status": status})
    return out


def low_days(cur: dict, trend: list[dict]) -> list[dict]:
    people = {}
    for doc in trend:
        for day in doc["desks"]["daily"]:
            d = dt.date.fromisoformat(day["date"])
            if is_workday(d, CFG):
                people[d] = day["people"]
    out = []
    for day in cur["desks"]["daily"]:
        d = dt.date.fromisoformat(day["date"])
        if not is_workday(d, CFG):
            continue
        same = [n for other, n in people.items() if other.weekday() == d.weekday()]
        if len(same) < 3:
            continue
        usual = float(statistics.median(same))
        if day["people"] < usual / 2:
            out.append({"kind": "low_day", "date": day["date"], "people": day["people"], "usual": usual})
    return out


def capacity_alerts(cur: dict) -> list[dict]:
    out = []
    for g in cur["capacity"]["by_building"] + cur["capacity"]["by_floor"]:
        if g["status"] not in (None, "ok") and allowed(cur, key_of(g)):
            out.append({"kind": "capacity", "group": key_of(g), "status": g["status"],
                        "peak_occupancy": g["peak_occupancy"]})
    return out


def busy_days(cur: dict) -> list[dict]:
    out = []
    for e in (cur["forward"] or {}).get("by_building", []):
        key = {"building": e["building"]}
        if e["booked_share"] is not None and e["booked_share"] >= 0.9 and allowed(cur, key):
            out.append({"kind": "busy_day", "group": key, "date": e["date"], "booked_share": e["booked_share"]})
    return sorted(out, key=lambda i: (i["date"], i["group"]["building"]))


# ---------------------------------------------------------------- main


def earlier_period(start: dt.date, end: dt.date, n: int) -> tuple[dt.date, dt.date]:
    """The period n steps before: ISO weeks for a Monday-Sunday week, calendar months for a
    whole month, else the same number of days."""
    days = (end - start).days + 1
    if start.weekday() == 0 and days == 7:
        shift = dt.timedelta(weeks=n)
        return start - shift, end - shift
    next_month = (end + dt.timedelta(days=1))
    if start.day == 1 and next_month.day == 1 and (start.year, start.month) == (end.year, end.month):
        index = start.year * 12 + start.month - 1 - n
        first = dt.date(index // 12, index % 12 + 1, 1)
        following = dt.date((index + 1) // 12, (index + 1) % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    shift = dt.timedelta(days=days * n)
    return start - shift, end - shift


def period_doc(desk_rows, work_areas, event_rows, start: dt.date, end: dt.date, cfg: Config) -> dict:
    p = Period(start, end, cfg)
    desks = desk_metrics(desk_rows, work_areas, p)
    return {
        "schema_version": 1,
        "period": {"from": start.isoformat(), "to": end.isoformat(), "workdays": p.workdays},
        "desks": desks,
        "rooms": room_metrics(event_rows, p),
        "previous": None,
        "insights": [],
        "colocation": colocation(desk_rows, desks, p),
        "capacity": capacity(desk_rows, desks, p),
        "forward": None,
    }


CFG = Config()


def compute(desk_paths, space_paths, start: dt.date, end: dt.date, cfg: Config,
            history: int | None = None, with_forward: bool = False) -> dict:
    global CFG
    CFG = cfg
    desk_rows, work_areas = load_desks(desk_paths, cfg)
    event_rows = load_events(space_paths, cfg)
    doc = period_doc(desk_rows, work_areas, event_rows, start, end, cfg)
    if history is None and not with_forward:
        return doc
    trend = [period_doc(desk_rows, work_areas, event_rows, *earlier_period(start, end, n), cfg)
             for n in range(history or 0, 0, -1)]
    doc["previous"] = trend[-1] if trend else None
    if with_forward:
        doc["forward"] = forward(desk_rows, doc["desks"], Period(start, end, cfg))
    doc["insights"] = ((movers(doc, trend[-1], trend[:-1]) if trend else [])
                       + targets(doc) + low_days(doc, trend + [doc]) + capacity_alerts(doc) + busy_days(doc))
    return doc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--desks", nargs="*", default=[], metavar="FILE")
    ap.add_argument("--spaces", nargs="*", default=[], metavar="FILE")
    ap.add_argument("--from", dest="start", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--to", dest="end", required=True, type=dt.date.fromisoformat)
    ap.add_argument("--config")
    ap.add_argument("--timezone")
    ap.add_argument("--min-group-size", type=int)
    ap.add_argument("--history", type=int, help="also the n periods before (previous, insights)")
    ap.add_argument("--forward", action="store_true", help="the 7 days after the period are bookings ahead")
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args(argv)
    try:
        if args.end < args.start:
            raise UsageError("--to is before --from")
        cfg = load_config(args.config, args.timezone, args.min_group_size)
        result = compute(args.desks, args.spaces, args.start, args.end, cfg, args.history, args.forward)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    text = json.dumps(result, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
