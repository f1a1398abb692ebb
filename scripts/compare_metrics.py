#!/usr/bin/env python3
"""Deep-compare two metrics.json files.

    scripts/compare_metrics.py A.json B.json [--tolerance 1e-9] [--subset]

Numbers are equal when |a - b| <= tol or |a - b| <= tol * max(|a|, |b|)
(ints and floats compare by value; booleans only equal booleans). Every
differing path is printed, e.g. `desks.by_building[HQ].people: 12 != 13`.
List entries that carry key fields (building, floor, work_area, space_id, department,
type, date, weekday+hour) are labelled by those keys, insights by kind, measure, group and date; lists must still match
element by element in order, since docs/metrics.md "metrics.json" fixes the order.
With --subset, keys present only in B are ignored (B may hold more fields,
e.g. comparing a benchmark peer's partial output A against a full metrics.json B).
Exit 0 when equal, 1 when different, 2 on usage errors.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

KEY_FIELDS = ["building", "floor", "work_area", "space", "space_id", "department", "type", "date", "weekday", "hour"]


def label(item, index: int) -> str:
    if isinstance(item, dict):
        keys = [str(item[k]) for k in KEY_FIELDS if k in item and k != "space"]
        if "kind" in item:  # an insight: its kind, measure and group, then its date
            group = item.get("group") or {}
            keys = [item["kind"], *([item["measure"]] if "measure" in item else []),
                    *(str(v) for v in group.values()), *([item["date"]] if "date" in item else [])]
        if keys:
            return f"[{index}:{'/'.join(keys)}]"
    return f"[{index}]"


def is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def numbers_equal(a, b, tol: float) -> bool:
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    diff = abs(a - b)
    return diff <= tol or diff <= tol * max(abs(a), abs(b))


def compare(a, b, path: str, tol: float, subset: bool, out: list[str]) -> None:
    if is_number(a) and is_number(b):
        if not numbers_equal(a, b, tol):
            out.append(f"{path}: {a!r} != {b!r}")
    elif isinstance(a, dict) and isinstance(b, dict):
        for k in a:
            if k not in b:
                out.append(f"{path}.{k}: only in A")
            else:
                compare(a[k], b[k], f"{path}.{k}", tol, subset, out)
        if not subset:
            for k in b:
                if k not in a:
                    out.append(f"{path}.{k}: only in B")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: length {len(a)} != {len(b)}")
            ka = [label(x, i) for i, x in enumerate(a)]
            kb = [label(x, i) for i, x in enumerate(b)]
            out.append(f"{path}: A entries {ka[:20]}{'...' if len(ka) > 20 else ''}")
            out.append(f"{path}: B entries {kb[:20]}{'...' if len(kb) > 20 else ''}")
        for i, (x, y) in enumerate(zip(a, b)):
            compare(x, y, f"{path}{label(x, i)}", tol, subset, out)
    elif type(a) is not type(b) or a != b:
        out.append(f"{path}: {json.dumps(a)} != {json.dumps(b)}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Deep-compare two metrics.json files.")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--tolerance", type=float, default=1e-9)
    ap.add_argument("--subset", action="store_true", help="ignore keys present only in B")
    ap.add_argument("--max", type=int, default=0, help="print at most this many differences (0 = all)")
    args = ap.parse_args(argv)
    try:
        with open(args.a, encoding="utf-8") as f:
            a = json.load(f)
        with open(args.b, encoding="utf-8") as f:
            b = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    diffs: list[str] = []
    compare(a, b, "$", args.tolerance, args.subset, diffs)
    shown = diffs if args.max <= 0 else diffs[: args.max]
    for line in shown:
        print(line)
    if len(shown) < len(diffs):
        print(f"... and {len(diffs) - len(shown)} more")
    if diffs:
        print(f"{len(diffs)} difference(s) between {args.a} and {args.b}", file=sys.stderr)
        return 1
    print(f"equal: {args.a} == {args.b} (tolerance {args.tolerance:g})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
