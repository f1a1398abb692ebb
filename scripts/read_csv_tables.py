#!/usr/bin/env python3
"""Test helper: opens every tables/*.csv of a report folder as Excel's users'
tools would, with Python's csv module, and prints what it read as JSON:

    {"headline-figures.csv": {"bom": true, "crlf": true, "rows": [["Measure", ...], ...]}, ...}

"bom" says the file starts with the UTF-8 byte-order mark, "crlf" that every
line ends in CRLF (RFC 4180); "rows" are the records, the heading row first,
read with newline='' and encoding 'utf-8-sig' (so quoted line breaks survive
and the BOM is not part of the first heading). A file that is not valid UTF-8
or not valid CSV (csv.Error in strict mode) makes the script fail.

usage: read_csv_tables.py REPORT_FOLDER
"""
import csv
import json
import os
import sys


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    body = text[1:] if text.startswith("\ufeff") else text
    # Outside quoted fields every line ends in CRLF; a lone LF inside a quoted name is data.
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f, strict=True))
    bare = body.count("\n") - body.count("\r\n")
    quoted = sum(cell.count("\n") - cell.count("\r\n") for row in rows for cell in row)
    return {
        "bom": raw.startswith(b"\xef\xbb\xbf"),
        "crlf": body.endswith("\r\n") and bare == quoted,
        "rows": rows,
    }


def main():
    folder = os.path.join(sys.argv[1], "tables")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".csv"))
    json.dump({name: read(os.path.join(folder, name)) for name in names}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
