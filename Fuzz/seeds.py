#!/usr/bin/env python3
"""Writes the seed corpora Fuzz/corpus/<target>/ from the test fixtures.

The seeds are committed; rerun this (python3 Fuzz/seeds.py) when the fixtures
change shape. Seeds are kept small (a few KB: libFuzzer mutates small inputs
faster) and named for where they came from.

exports: desk and spaces exports (the real-rows fixture whole, the synthetic
week cut to its first rows), both kinds in one input separated by a form feed,
and the shapes the reader tests cover (Level, spelled headers, statuses,
all-day events, attendee lists, quoted fields, duplicates, ISO timestamps).
config:  the fixtures' robin-report.toml, the README's examples, and the
configuration tests' error cases.
metrics: the fixtures' metrics.json files with their arrays cut short, and
variants with nulls, no previous period, and tiny numbers.
"""
import csv
import io
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/RobinAnalyticsTests/Fixtures")
CORPUS = os.path.join(ROOT, "Fuzz/corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def head(data, lines):
    """The first `lines` records of a CSV (header included), cut at a record end."""
    rows = list(csv.reader(io.StringIO(data.decode())))[:lines]
    return rows_text(rows)


def rows_text(rows, end="\r\n"):
    out = io.StringIO()
    csv.writer(out, lineterminator=end).writerows(rows)
    return out.getvalue().encode()


def edit(data, change):
    """The CSV with `change(header, rows)` applied."""
    rows = list(csv.reader(io.StringIO(data.decode())))
    header, body = rows[0], rows[1:]
    change(header, body)
    return rows_text([header] + body)


def set_column(name, values):
    def change(header, body):
        index = header.index(name)
        for row, value in zip(body, values):
            row[index] = value
    return change


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    assert len(data) < 64 * 1024, (name, len(data))
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def exports():
    real = {kind: {day: read(f"{FIXTURES}/real/{kind}/2026-11-{day}.csv") for day in ("17", "21")}
            for kind in ("desks", "spaces")}
    for day in ("17", "21"):
        for kind in ("desks", "spaces"):
            write("exports", f"real-{kind}-{day}.csv", real[kind][day])
        write("exports", f"real-both-{day}.csv", real["desks"][day] + b"\f" + real["spaces"][day])
    for day in ("16", "18", "20", "22"):
        desks = head(read(f"{FIXTURES}/week/desks/2026-11-{day}.csv"), 12)
        spaces = head(read(f"{FIXTURES}/week/spaces/2026-11-{day}.csv"), 12)
        write("exports", f"week-desks-{day}.csv", desks)
        write("exports", f"week-spaces-{day}.csv", spaces)
        write("exports", f"week-both-{day}.csv", desks + b"\f" + spaces)

    desks, spaces = real["desks"]["17"], real["spaces"]["17"]

    def spelled(header, body):
        header[header.index("Level")] = "level"
        header[header.index("Event Status")] = " EVENT_STATUS "
        header[header.index("Started At (UTC)")] = "started_at_(utc)"
        header[header.index("Minute Duration")] = "\tMinute_Duration"
    write("exports", "shape-spelled-headers.csv", edit(spaces, spelled))

    def reordered(header, body):
        order = list(reversed(range(len(header))))
        header[:] = [header[i] for i in order] + ["Some New Column"]
        for row in body:
            row[:] = [row[i] for i in order] + ["x"]
    write("exports", "shape-reversed-extra-column-desks.csv", edit(desks, reordered))
    write("exports", "shape-reversed-extra-column-spaces.csv", edit(spaces, reordered))

    def no_optional(header, body):
        for name in ("All Day Event",):
            index = header.index(name)
            del header[index]
            for row in body:
                del row[index]
    write("exports", "shape-no-all-day-column.csv", edit(spaces, no_optional))
    write("exports", "shape-statuses.csv", edit(spaces, set_column(
        "Event Status", ["Canceled", "cancelled", "RESOURCE_DECLINED", "resource declined"])))
    write("exports", "shape-attendee-lists.csv", edit(spaces, set_column(
        "Attendees", ["a@x.example, b@x.example", "a@x.example;;b@x.example; ", "7.5", "-1"])))
    write("exports", "shape-iso-timestamps.csv", edit(desks, set_column(
        "Start (UTC)", ["2026-11-16T14:00:00Z", "2026-11-17T09:30:00.250+05:30", "2026-11-18t23:59:60-0930"])))
    write("exports", "shape-duplicate-reservations.csv", edit(desks, set_column(
        "Reservation ID", ["1001", "1001", "", ""])))
    write("exports", "shape-duplicate-events.csv", edit(spaces, set_column(
        "Event ID", ["e1", "e1", "e1", ""])))
    write("exports", "shape-huge-values.csv", edit(spaces, set_column(
        "Minute Duration", ["1e308", "154000000000000", "-1e308", "527041"])))
    write("exports", "shape-huge-hours.csv", edit(desks, set_column(
        "Hour Duration", ["1e308", "8785", "-0", "nan"])))
    write("exports", "shape-quoted-fields.csv", edit(desks, set_column(
        "Building", ['HQ, "North"', "Line\r\nbreak", "\x1b[31mred", "|pipe|"])))
    write("exports", "shape-lf-only.csv", rows_text(list(csv.reader(io.StringIO(desks.decode()))), end="\n"))
    write("exports", "shape-bom.csv", b"\xef\xbb\xbf" + desks)
    write("exports", "shape-header-only.csv", desks.split(b"\n")[0] + b"\n")
    write("exports", "shape-empty.csv", b"")


def config():
    for name in ("real", "week"):
        write("config", f"fixture-{name}.toml", read(f"{FIXTURES}/{name}/robin-report.toml"))
    readme = read("README.md").decode()
    blocks = readme.split("```toml\n")[1:]
    for number, block in enumerate(blocks, 1):
        write("config", f"readme-{number}.toml", block.split("```")[0].encode())
    cases = {
        "every-key": 'org_id = 42\nlocation_ids = [7, 3]\ntimezone = "America/New_York"\n'
                     'workweek = ["Mon", "Tue", "Wed", "Thu"]\n'
                     'business_hours = { start = "08:30", end = "18:00" }\nmin_group_size = 8\n'
                     'output = "reports"\ncache = "/var/cache/robin"\n\n[policy]\ndays_per_week = 2.5\n\n'
                     '[buildings."HQ New York"]\ndesks = 400\nrooms = 30\n\n'
                     '[buildings."HQ New York".floors."3"]\ndesks = 120\n\n'
                     '[buildings.London]\ntimezone = "Europe/London"\n',
        "email": '[email]\nfrom = "Workplace Team <workplace@example.com>"\n'
                 'to = ["leadership@example.com", "Ann Leader <ann@example.com>"]\n'
                 'cc = ["workplace@example.com"]\nsubject = "Workplace report - {period} {from} {to} {folder}"\n'
                 'smtp_url = "smtp://mail.example.com:587"\nsmtp_user = "workplace-reports"\n',
        "email-sendmail": '[email]\nfrom = "a@example.com"\nto = ["b@example.com"]\nsendmail = "msmtp -t"\n',
        "unknown-key": 'timezone = "UTC"\ntimzone = "UTC"\n',
        "bad-zone": 'timezone = "Mars/Olympus"\n',
        "bad-policy": '[policy]\ndays_per_week = 9\n',
        "bad-workweek": 'workweek = ["Mon", "Funday"]\n',
        "reversed-hours": 'business_hours = { start = "17:00", end = "09:00" }\n',
        "huge-inventory": '[buildings."X"]\ndesks = 9223372036854775807\n',
        "floor-inventory": '[buildings.HQ.floors."3"]\nrooms = -1\ndesks = 1000000\n',
        "nul": 'timezone = "UTC"\n# caf\xc3\xa9\x00\ntimzone = "UTC"\n',
        "syntax": 'org_id = 1\ntimezone = \n',
        "empty": '',
    }
    for name, text in cases.items():
        write("config", f"case-{name}.toml", text.encode("latin-1") if name == "nul" else text.encode())


def metrics():
    def trimmed(document, keep):
        """The document with every list cut to `keep` items (recursively)."""
        if isinstance(document, dict):
            return {key: trimmed(value, keep) for key, value in document.items()}
        if isinstance(document, list):
            return [trimmed(value, keep) for value in document[:keep]]
        return document

    def dump(document, indent=None):
        return (json.dumps(document, indent=indent, ensure_ascii=False) + "\n").encode()

    sources = {
        "real": f"{FIXTURES}/real/metrics.json",
        "week": f"{FIXTURES}/week/metrics.json",
        "report-w47": "Tests/RobinDeliverTests/Fixtures/report-2026-W47/metrics.json",
    }
    for name, path in sources.items():
        document = json.loads(read(path))
        write("metrics", f"{name}-lists-1.json", dump(trimmed(document, 1)))
        write("metrics", f"{name}-lists-2-indented.json", dump(trimmed(document, 2), indent=2))
    base = trimmed(json.loads(read(sources["report-w47"])), 1)
    variants = {
        "no-previous": lambda d: d.update(previous=None),
        "null-ratios": lambda d: d["desks"]["total"].update(
            desk_utilization=None, check_in_rate=None, avg_daily_people=None, peak_date=None),
        "tiny-ratio": lambda d: d["rooms"]["total"].update(utilization=1e-320, ghost_rate=-0.0),
        "schema-2": lambda d: d.update(schema_version=2),
        "reversed-period": lambda d: d["period"].update(**{"from": d["period"]["to"], "to": d["period"]["from"]}),
    }
    for name, change in variants.items():
        document = json.loads(json.dumps(base))
        change(document)
        write("metrics", f"variant-{name}.json", dump(document))
    write("metrics", "variant-not-json.json", b'{"schema_version": 1, "period": ')
    write("metrics", "variant-empty.json", b"")


if __name__ == "__main__":
    for target in ("exports", "config", "metrics"):
        shutil.rmtree(os.path.join(CORPUS, target), ignore_errors=True)
    exports()
    config()
    metrics()
    for target in ("exports", "config", "metrics"):
        files = os.listdir(os.path.join(CORPUS, target))
        size = sum(os.path.getsize(os.path.join(CORPUS, target, f)) for f in files)
        print(f"{target}: {len(files)} seeds, {size} bytes")
