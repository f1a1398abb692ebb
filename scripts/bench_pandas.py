#!/usr/bin/env python3
"""Benchmark peer: the core of docs/metrics.md in pandas.

    scripts/bench_pandas.py --desks desks/*.csv --spaces spaces/*.csv \
        --from 2026-11-01 --to 2026-11-30 --config robin-report.toml [--out core.json]

Prints one JSON line {"tool": "pandas", "seconds", "peak_rss_mb", ...}; the core
figures go to --out (compare with `compare_metrics.py --subset`).
Vectorised throughout: the pyarrow CSV engine when pyarrow is installed
(else the C engine), only the needed columns, ISO 8601 parsing in one call per
column, time-zone conversion per building, drop_duplicates / groupby for
everything else. pandas is single-threaded (--threads is ignored, except by
the pyarrow CSV reader, which uses its own pool).
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()

import datetime as dt  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import bench_common as common  # noqa: E402

try:
    import pyarrow  # noqa: F401
    ENGINE = "pyarrow"
except ImportError:
    ENGINE = "c"

SMALL = "(small teams)"


def read(paths, wanted, rename):
    frames = []
    for i, path in enumerate(paths):
        names = common.header_names(path, wanted)
        if ENGINE == "pyarrow":
            # pandas' pyarrow engine cannot take newlines inside quoted fields (meeting
            # titles have them); pyarrow's own reader can, with newlines_in_values.
            import pyarrow as pa
            import pyarrow.csv as pacsv
            columns = list(names.values())
            table = pacsv.read_csv(
                path,
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(include_columns=columns,
                                                     column_types={c: pa.string() for c in columns},
                                                     strings_can_be_null=False))
            df = table.to_pandas()
        else:
            df = pd.read_csv(path, usecols=list(names.values()), dtype=str, keep_default_na=False, na_values=[],
                             engine=ENGINE)
        df = df.rename(columns={v: rename[k] for k, v in names.items()})
        df["fi"] = np.int32(i)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def utc(col: pd.Series) -> pd.Series:
    return pd.to_datetime(col, format="ISO8601", utc=True)


def local(df: pd.DataFrame, ts: pd.Series, cfg) -> pd.Series:
    """Naive local wall-clock time of each row, in its building's zone."""
    out = pd.Series(pd.NaT, index=df.index, dtype="datetime64[us]")
    zone = df["building"].map(cfg.building_zones).fillna(cfg.timezone)
    for z, idx in zone.groupby(zone).groups.items():
        out.loc[idx] = ts.loc[idx].dt.tz_convert(z).dt.tz_localize(None).astype("datetime64[us]")
    return out


def desk_groups(d: pd.DataFrame, keys: list[str]) -> dict:
    # distinct persons / (person, day) / (desk, day) as nunique over int64 codes (factorized
    # once in main): several times faster than drop_duplicates on string columns
    att = d[d["attended"]]
    attp = att[att["pid"] >= 0]
    dd = att[att["workday"] & (att["did"] >= 0)]
    if keys:
        g = d.groupby(keys, sort=False)
        base = g.agg(reservations=("cia", "size"), canceled_in_advance=("cia", "sum"),
                     released=("released", "sum"), checked_in=("checked_in", "sum"))
        gp = attp.groupby(keys, sort=False)
        base["people"] = gp["pid"].nunique()
        base["person_days"] = gp["pday"].nunique()
        base["desk_days"] = dd.groupby(keys, sort=False)["dday"].nunique()
        base = base.fillna(0)
        return {(k if isinstance(k, tuple) else (k,)): row for k, row in base.to_dict("index").items()}
    return {"total": {
        "reservations": len(d), "canceled_in_advance": int(d["cia"].sum()), "released": int(d["released"].sum()),
        "checked_in": int(d["checked_in"].sum()), "people": attp["pid"].nunique(),
        "person_days": attp["pday"].nunique(), "desk_days": dd["dday"].nunique(),
    }}


def room_groups(e: pd.DataFrame, keys: list[str]) -> dict:
    m = e["meeting"]
    frame = e.assign(meetings=m, auto_unbooked=m & e["au"], checked_in=m & e["ci"],
                     booked_minutes=e["mins"].where(m, 0.0), bh_minutes=e["bh"].where(m, 0.0),
                     sid=e["space_id"].where(e["space_id"] != ""))
    aggs = dict(events=("meetings", "size"), meetings=("meetings", "sum"), canceled=("canceled", "sum"),
                declined=("declined", "sum"), auto_unbooked=("auto_unbooked", "sum"),
                checked_in=("checked_in", "sum"), booked_minutes=("booked_minutes", "sum"),
                bh_minutes=("bh_minutes", "sum"), rooms_distinct=("sid", "nunique"))
    if not keys:
        return {"total": frame.assign(_k=0).groupby("_k").agg(**aggs).to_dict("index").get(0)}
    out = frame.groupby(keys, sort=False).agg(**aggs)
    return {(k if isinstance(k, tuple) else (k,)): row for k, row in out.to_dict("index").items()}


def main() -> None:
    args = common.parse_args(__doc__.split("\n")[0])
    cfg, p = args.cfg, args.period
    workdays = np.array([np.datetime64(d) for d in p.dates if p.is_workday(d)], dtype="datetime64[D]")

    # ---------------------------------------------------------------- desks
    dcols = {"Building": "building", "Floor": "floor", "Desk ID": "desk_id", "Reservation ID": "rid",
             "Start (UTC)": "start", "Canceled At (UTC)": "canceled", "Checked In At (UTC)": "checked",
             "Assignee Department": "dept", "Assignee Email": "ae", "Assignee Name": "an", "Creator Email": "ce"}
    d = read(args.desks, list(dcols), dcols)
    has_id = d["rid"] != ""
    d = pd.concat([d[~has_id], d[has_id].drop_duplicates("rid", keep="last")], ignore_index=True)
    st = utc(d["start"])
    ca = utc(d["canceled"])
    ls = local(d, st, cfg)
    d["day"] = ls.dt.floor("D").values.astype("datetime64[D]")
    keep = (d["day"] >= np.datetime64(p.start)) & (d["day"] <= np.datetime64(p.end))
    d, st, ca = d[keep], st[keep], ca[keep]
    checked = d["checked"] != ""
    canceled = ca.notna()
    d = d.assign(
        cia=canceled & (ca < st), released=canceled & (ca >= st) & ~checked, checked_in=checked,
        attended=checked | ~canceled,
        person=d["ae"].str.strip().str.lower().where(lambda s: s != "", d["an"].str.strip())
        .where(lambda s: s != "", d["ce"].str.strip().str.lower()),
        workday=np.isin(d["day"].values.astype("datetime64[D]"), workdays),
        dept=d["dept"].where(d["dept"] != "", "(no department)"),
    )
    dept_people = d[d["attended"] & (d["person"] != "")].groupby("dept")["person"].nunique()
    dept_people = dept_people.reindex(d["dept"].unique(), fill_value=0)
    small = set(dept_people[dept_people < cfg.min_group_size].index)
    d["fdept"] = d["dept"].where(~d["dept"].isin(small), SMALL)
    daynum = d["day"].values.astype("datetime64[D]").astype(np.int64)
    pid = pd.factorize(d["person"].where(d["person"] != ""))[0]  # -1 = nobody
    did = pd.factorize(d["desk_id"].where(d["desk_id"] != ""))[0]
    d = d.assign(pid=pid, did=did, pday=pid.astype(np.int64) * 1_000_000 + daynum,
                 dday=did.astype(np.int64) * 1_000_000 + daynum)
    desks = {"total": desk_groups(d, [])["total"], "by_building": desk_groups(d, ["building"]),
             "by_floor": desk_groups(d, ["building", "floor"]), "by_department": desk_groups(d, ["fdept"])}

    # ---------------------------------------------------------------- rooms
    ecols = {"Building": "building", "Floor": "floor", "Space": "space", "Space ID": "space_id",
             "Event ID": "event_id", "Event Status": "status", "Updated At (UTC)": "updated",
             "Started At (UTC)": "start", "Ended At (UTC)": "ended", "Minute Duration": "minutes",
             "Checked In At (UTC)": "checked", "Automatically Unbooked At (UTC)": "unbooked"}
    e = read(args.spaces, list(ecols), ecols)
    e["updated_ts"] = utc(e["updated"])
    e = e.sort_values("updated_ts", kind="stable", na_position="first")  # file order kept among ties
    has_id = e["event_id"] != ""
    e = pd.concat([e[~has_id], e[has_id].drop_duplicates(["event_id", "space_id"], keep="last")], ignore_index=True)
    st = utc(e["start"])
    ls = local(e, st, cfg)
    day = ls.dt.floor("D").values.astype("datetime64[D]")
    keep = (day >= np.datetime64(p.start)) & (day <= np.datetime64(p.end))
    e, st, ls = e[keep].reset_index(drop=True), st[keep].reset_index(drop=True), ls[keep].reset_index(drop=True)
    mins = pd.to_numeric(e["minutes"].replace("", np.nan))
    diff = (utc(e["ended"]) - st).dt.total_seconds() / 60
    mins = mins.fillna(diff).fillna(0.0)
    status = e["status"].str.strip().str.lower()
    canceled = status.isin(["canceled", "cancelled"])
    declined = status == "resource declined"
    meeting = ~(canceled | declined)
    e = e.assign(canceled=canceled, declined=declined, meeting=meeting, au=e["unbooked"] != "",
                 ci=e["checked"] != "", mins=mins)
    # interval [ls, le) in local wall-clock time, microseconds
    ls_us = ls.values.astype("datetime64[us]").astype(np.int64)
    le_us = ls_us + np.round(np.maximum(mins.values, 0) * 60e6).astype(np.int64)
    live = meeting.values & (le_us > ls_us)
    day_us = 86_400_000_000
    # business-hours minutes: for each day the meeting touches, clip to that day's window
    bh = np.zeros(len(e))
    first_day = ls_us // day_us
    span = int(((le_us - 1) // day_us - first_day)[live].max(initial=0))
    work = set(workdays.astype(np.int64).tolist())
    for k in range(span + 1):
        dnum = first_day + k
        ok = live & np.isin(dnum, list(work))
        ws = dnum * day_us + cfg.bh_start * 60_000_000
        we = dnum * day_us + cfg.bh_end * 60_000_000
        bh += np.where(ok, np.clip(np.minimum(le_us, we) - np.maximum(ls_us, ws), 0, None), 0) / 60e6
    e["bh"] = bh
    rooms = {"total": room_groups(e, [])["total"], "by_building": room_groups(e, ["building"]),
             "by_space": room_groups(e, ["building", "floor", "space", "space_id"])}
    # heatmap: split every meeting into local clock hours
    hour_us = 3_600_000_000
    first_hour = ls_us // hour_us
    nhours = int(((le_us - 1) // hour_us - first_hour)[live].max(initial=0))
    lo_day = (np.datetime64(p.start, "D").astype(np.int64)) * 24
    hi_day = (np.datetime64(p.end, "D").astype(np.int64) + 1) * 24
    acc = np.zeros(hi_day - lo_day)
    for k in range(nhours + 1):
        slot = first_hour + k
        ok = live & (slot * hour_us < le_us) & (slot >= lo_day) & (slot < hi_day)
        minutes = (np.minimum(le_us, (slot + 1) * hour_us) - np.maximum(ls_us, slot * hour_us)) / 60e6
        np.add.at(acc, (slot[ok] - lo_day), minutes[ok])
    heat_minutes = {}
    for i, v in enumerate(acc):
        if v:
            heat_minutes[(p.start + dt.timedelta(days=i // 24), i % 24)] = v
    common.finish("pandas", STARTED, args, desks, rooms, heat_minutes,
                  {"pandas": pd.__version__, "csv_engine": ENGINE})


if __name__ == "__main__":
    main()
