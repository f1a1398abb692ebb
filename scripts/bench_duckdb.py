#!/usr/bin/env python3
"""Benchmark peer: the core of docs/metrics.md in DuckDB.

    scripts/bench_duckdb.py --desks desks/*.csv --spaces spaces/*.csv \
        --from 2026-11-01 --to 2026-11-30 --config robin-report.toml [--out core.json] [--threads N]

Prints one JSON line {"tool": "duckdb", "seconds", "peak_rss_mb", ...}. The core
figures (see bench_common.py) go to --out, comparable with
`compare_metrics.py --subset core.json metrics.json`.

All work happens in DuckDB (parallel CSV scan, dedup with window functions,
time-zone conversion with ICU, grouping sets); Python only builds the SQL and
turns the small grouped results into JSON. One simplification: desk duplicates
inside one file are broken arbitrarily (DuckDB's CSV reader exposes the file
index but not the row number); across files the last file wins, as specified.
"""
from __future__ import annotations

import os
import sys
import time

STARTED = time.perf_counter()

import duckdb  # noqa: E402

import bench_common as common  # noqa: E402

SMALL = "(small teams)"


def lit(value) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def file_list(paths) -> str:
    return "[" + ", ".join(lit(p) for p in paths) + "]"


def source(paths, wanted) -> tuple[str, dict]:
    """The read_csv(...) table expression and documented column -> SQL identifier.

    When every file has the same header (the normal case) the columns are given
    explicitly, which skips DuckDB's per-file sniffing (about 20x faster on
    a month of daily files). Otherwise union_by_name matches columns by name.
    """
    headers = [common.read_header(p) for p in paths]
    if all(h == headers[0] for h in headers):
        index = {}
        for i, h in enumerate(headers[0]):
            index.setdefault(h.strip().lower(), i)
        missing = [w for w in wanted if w.lower() not in index]
        if missing:
            raise SystemExit(f"{paths[0]}: missing column {missing[0]!r}")
        names = [f"c{i}" for i in range(len(headers[0]))]
        columns = "{" + ", ".join(f"{lit(n)}: 'VARCHAR'" for n in names) + "}"
        expr = (f"read_csv({file_list(paths)}, header = true, auto_detect = false, columns = {columns}, "
                f"delim = ',', quote = '\"', escape = '\"')")
        return expr, {w: names[index[w.lower()]] for w in wanted}
    names = common.header_names(paths[0], wanted)
    # DuckDB trims header names
    return (f"read_csv({file_list(paths)}, all_varchar = true, header = true, union_by_name = true)",
            {w: ident(v.strip()) for w, v in names.items()})


def zone_expr(column: str, cfg) -> str:
    """Local wall-clock TIMESTAMP of a TIMESTAMPTZ column, using the row's building zone.

    A CASE over the (few) configured buildings with constant zone names is much
    faster than a per-row zone column.
    """
    whens = " ".join(f"WHEN {lit(b)} THEN timezone({lit(z)}, {column})" for b, z in cfg.building_zones.items())
    default = f"timezone({lit(cfg.timezone)}, {column})"
    return f"(CASE building {whens} ELSE {default} END)" if whens else default


def timed(con, label: str, sql: str):
    """con.execute, with the stage's time on stderr when BENCH_VERBOSE=1."""
    t = time.perf_counter()
    result = con.execute(sql)
    if os.environ.get("BENCH_VERBOSE"):
        print(f"duckdb: {label}: {time.perf_counter() - t:.2f}s", file=sys.stderr)
    return result


def main() -> None:
    args = common.parse_args(__doc__.split("\n")[0])
    cfg, p = args.cfg, args.period
    con = duckdb.connect()
    con.execute(f"SET threads = {int(args.threads)}")
    con.execute("SET TimeZone = 'UTC'")  # naive timestamps in the exports are UTC
    con.execute("SET preserve_insertion_order = false")
    start, end = lit(p.start.isoformat()), lit(p.end.isoformat())
    workdays = [d for d in p.dates if p.is_workday(d)]
    workdays_sql = "[" + ", ".join(f"DATE {lit(d.isoformat())}" for d in workdays) + "]::DATE[]"

    # ---------------------------------------------------------------- desks
    src, c = source(args.desks, ref_desk_columns())
    timed(con, "desks: read, dedup, local dates", f"""
    CREATE TEMP TABLE d AS
    WITH raw AS (
      SELECT file_index AS fi, {c['Building']} AS building, {c['Floor']} AS floor, {c['Desk ID']} AS desk_id,
             {c['Reservation ID']} AS rid, CAST({c['Start (UTC)']} AS TIMESTAMPTZ) AS st,
             CAST({c['Canceled At (UTC)']} AS TIMESTAMPTZ) AS ca, {c['Checked In At (UTC)']} AS ci,
             {c['Assignee Department']} AS dept, {c['Assignee Email']} AS ae, {c['Assignee Name']} AS an,
             {c['Creator Email']} AS ce
      FROM {src}
    ), dedup AS (
      SELECT * FROM raw QUALIFY rid IS NULL OR row_number() OVER (PARTITION BY rid ORDER BY fi DESC) = 1
    ), local AS (
      SELECT *, CAST({zone_expr('st', cfg)} AS DATE) AS day FROM dedup
    )
    SELECT building, floor, desk_id, day,
           coalesce(dept, '(no department)') AS dept,
           coalesce(nullif(lower(trim(ae)), ''), nullif(trim(an), ''), nullif(lower(trim(ce)), '')) AS person,
           ca IS NOT NULL AND ca < st AS cia,
           ca IS NOT NULL AND ca >= st AND ci IS NULL AS released,
           ci IS NOT NULL AS checked_in,
           ci IS NOT NULL OR ca IS NULL AS attended,
           list_contains({workdays_sql}, day) AS workday
    FROM local WHERE day BETWEEN {start} AND {end}
    """)
    rows = timed(con, "desks: groups", f"""
    WITH fold AS (
      SELECT dept, CASE WHEN count(DISTINCT person) FILTER (WHERE attended) < {int(cfg.min_group_size)}
                        THEN {lit(SMALL)} ELSE dept END AS fdept
      FROM d GROUP BY dept
    ),
    -- distinct counts of (person, day) pairs are about 25% faster on small integers than on
    -- (VARCHAR, DATE) structs: number the persons and desks, pack (id, day) into one BIGINT
    pids AS (SELECT person, row_number() OVER () AS pid FROM (SELECT DISTINCT person FROM d WHERE person IS NOT NULL)),
    dids AS (SELECT desk_id, row_number() OVER () AS did FROM (SELECT DISTINCT desk_id FROM d WHERE desk_id IS NOT NULL)),
    x AS (
      SELECT *, CAST(day - DATE '1970-01-01' AS BIGINT) AS dn
      FROM d JOIN fold USING (dept) LEFT JOIN pids USING (person) LEFT JOIN dids USING (desk_id)
    )
    SELECT grouping(building, floor, fdept) AS gid, building, floor, fdept,
           count(*) AS reservations,
           count(*) FILTER (WHERE cia) AS canceled_in_advance,
           count(*) FILTER (WHERE released) AS released,
           count(*) FILTER (WHERE checked_in) AS checked_in,
           count(DISTINCT pid) FILTER (WHERE attended) AS people,
           count(DISTINCT pid * 1000000 + dn) FILTER (WHERE attended AND pid IS NOT NULL) AS person_days,
           count(DISTINCT did * 1000000 + dn) FILTER (WHERE attended AND workday AND did IS NOT NULL) AS desk_days
    FROM x
    GROUP BY GROUPING SETS ((), (building), (building, floor), (fdept))
    """).fetchall()
    desks = {"total": None, "by_building": {}, "by_floor": {}, "by_department": {}}
    fields = common.CORE_DESK_FIELDS
    for gid, building, floor, fdept, *vals in rows:
        g = dict(zip(fields, vals))
        # grouping() bits: building=4, floor=2, fdept=1 (1 = rolled up)
        if gid == 7:
            desks["total"] = g
        elif gid == 3:
            desks["by_building"][(nz(building),)] = g
        elif gid == 1:
            desks["by_floor"][(nz(building), nz(floor))] = g
        elif gid == 6:
            desks["by_department"][(fdept,)] = g
    if desks["total"] is None:
        desks["total"] = dict.fromkeys(fields, 0)

    # ---------------------------------------------------------------- rooms
    src, c = source(args.spaces, ref_space_columns())
    timed(con, "rooms: read, dedup, local times", f"""
    CREATE TEMP TABLE e AS
    WITH raw AS (
      SELECT file_index AS fi, {c['Building']} AS building, {c['Floor']} AS floor, {c['Space']} AS space,
             {c['Space ID']} AS space_id, {c['Event ID']} AS event_id, lower(trim({c['Event Status']})) AS status,
             CAST({c['Updated At (UTC)']} AS TIMESTAMPTZ) AS updated,
             CAST({c['Started At (UTC)']} AS TIMESTAMPTZ) AS st, CAST({c['Ended At (UTC)']} AS TIMESTAMPTZ) AS en,
             CAST({c['Minute Duration']} AS DOUBLE) AS minutes, {c['Checked In At (UTC)']} AS ci,
             {c['Automatically Unbooked At (UTC)']} AS au
      FROM {src}
    ), dedup AS (
      SELECT * FROM raw QUALIFY event_id IS NULL OR
        row_number() OVER (PARTITION BY event_id, space_id ORDER BY updated DESC NULLS LAST, fi DESC) = 1
    ), local AS (
      SELECT *, {zone_expr('st', cfg)} AS ls,
             coalesce(minutes, date_diff('microsecond', st, en) / 60e6, 0) AS mins
      FROM dedup
    )
    SELECT building, floor, space, space_id, CAST(ls AS DATE) AS day, ls,
           ls + to_microseconds(CAST(round(greatest(mins, 0) * 60e6) AS BIGINT)) AS le,
           status IN ('canceled', 'cancelled') AS canceled,
           status = 'resource declined' AS declined,
           status NOT IN ('canceled', 'cancelled', 'resource declined') AS meeting,
           au IS NOT NULL AS au, ci IS NOT NULL AS ci, mins
    FROM local WHERE CAST(ls AS DATE) BETWEEN {start} AND {end}
    """)
    bh0, bh1 = cfg.bh_start, cfg.bh_end
    rows = timed(con, "rooms: groups, business hours", f"""
    WITH w AS (
      SELECT day, day + to_minutes({bh0}) AS ws, day + to_minutes({bh1}) AS we FROM unnest({workdays_sql}) t(day)
    ), bh AS (
      SELECT e.building, e.floor, e.space, e.space_id,
             date_diff('microsecond', greatest(e.ls, w.ws), least(e.le, w.we)) / 60e6 AS m
      FROM e JOIN w ON w.ws < e.le AND w.we > e.ls WHERE e.meeting
    ), bh_groups AS (
      SELECT grouping(building, floor, space, space_id) AS gid, building, floor, space, space_id, sum(m) AS bh
      FROM bh GROUP BY GROUPING SETS ((), (building), (building, floor, space, space_id))
    ), counts AS (
      SELECT grouping(building, floor, space, space_id) AS gid, building, floor, space, space_id,
             count(*) AS events,
             count(*) FILTER (WHERE meeting) AS meetings,
             count(*) FILTER (WHERE canceled) AS canceled,
             count(*) FILTER (WHERE declined) AS declined,
             count(*) FILTER (WHERE meeting AND au) AS auto_unbooked,
             count(*) FILTER (WHERE meeting AND ci) AS checked_in,
             coalesce(sum(mins) FILTER (WHERE meeting), 0) AS booked_minutes,
             count(DISTINCT space_id) AS rooms_distinct
      FROM e GROUP BY GROUPING SETS ((), (building), (building, floor, space, space_id))
    )
    SELECT c.*, coalesce(b.bh, 0) FROM counts c LEFT JOIN bh_groups b
      ON c.gid = b.gid AND c.building IS NOT DISTINCT FROM b.building AND c.floor IS NOT DISTINCT FROM b.floor
         AND c.space IS NOT DISTINCT FROM b.space AND c.space_id IS NOT DISTINCT FROM b.space_id
    """).fetchall()
    rooms = {"total": None, "by_building": {}, "by_space": {}}
    names = ["events", "meetings", "canceled", "declined", "auto_unbooked", "checked_in", "booked_minutes",
             "rooms_distinct", "bh_minutes"]
    for gid, building, floor, space, space_id, *vals in rows:
        g = dict(zip(names, vals))
        if gid == 15:
            rooms["total"] = g
        elif gid == 7:
            rooms["by_building"][(nz(building),)] = g
        elif gid == 0:
            rooms["by_space"][(nz(building), nz(floor), nz(space), nz(space_id))] = g
    if rooms["total"] is None:
        rooms["total"] = dict.fromkeys(names, 0)
    heat = timed(con, "rooms: heatmap", f"""
    WITH slots AS (
      SELECT ls, le, unnest(generate_series(date_trunc('hour', ls), le - INTERVAL 1 MICROSECOND, INTERVAL 1 HOUR)) AS slot
      FROM e WHERE meeting AND le > ls
    )
    SELECT CAST(slot AS DATE) AS day, hour(slot) AS h,
           sum(date_diff('microsecond', greatest(ls, slot), least(le, slot + INTERVAL 1 HOUR)) / 60e6)
    FROM slots WHERE CAST(slot AS DATE) BETWEEN {start} AND {end} GROUP BY ALL
    """).fetchall()
    heat_minutes = {(day, h): m for day, h, m in heat}
    common.finish("duckdb", STARTED, args, desks, rooms, heat_minutes, {"duckdb": duckdb.__version__})


def nz(value):
    """DuckDB reads empty CSV fields as NULL; the reference keys them as ''."""
    return "" if value is None else value


def ref_desk_columns():
    return common.ref.DESK_COLUMNS


def ref_space_columns():
    return common.ref.SPACE_COLUMNS


if __name__ == "__main__":
    main()
