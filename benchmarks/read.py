"""How fast kinerja_target reads documents and checks their rows.

Prints, for each seed document in ``tests/data`` and for all of them:

* rows per second of :func:`~kinerja_target.tables.read_document` (best of several runs,
  the target parser's cache cleared before each, so every cell is parsed afresh);
* the same with a warm cache (a corpus repeats ``100%`` hundreds of times);
* rows per second of :func:`~kinerja_target.checks.check` over all rows;
* the gold rows found, missed and extra per seed (``tests/data/seed_indicators.tsv``).

Run: ``python benchmarks/read.py [--repeat 5]``. A script that prints figures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kinerja_target.checks import check
from kinerja_target.documents import Row, read_document
from kinerja_target.documents.row import _read_target
from kinerja_target.parse import _read

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
T = TypeVar("T")


def best_of(repeat: int, run: Callable[[], T], *, cold: bool) -> tuple[float, T]:
    best, result = float("inf"), None
    for _ in range(repeat):
        if cold:
            _read.cache_clear()
            _read_target.cache_clear()
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    assert result is not None
    return best, result


def gold() -> dict[str, set[tuple[int, str, str]]]:
    out: dict[str, set[tuple[int, str, str]]] = defaultdict(set)
    with (DATA / "seed_indicators.tsv").open(encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for seed, line, _satker, _unit, indicator, target, _cluster in reader:
            out[seed].add((int(line), indicator, target))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    seeds = sorted(DATA.glob("00[0-4]_*.txt"))
    expected = gold()
    print(f"{'document':28} {'rows':>5} {'cold rows/s':>12} {'warm rows/s':>12}  gold")
    everything: list[Row] = []
    for path in seeds:
        cold, rows = best_of(args.repeat, lambda p=path: read_document(p), cold=True)
        warm, _ = best_of(args.repeat, lambda p=path: read_document(p), cold=False)
        everything.extend(rows)
        got = {(r.line or 0, r.indicator, r.target_raw) for r in rows}
        want = expected[path.name]
        unsure = sum(r.unsure for r in rows)
        print(
            f"{path.name:28} {len(rows):5d} {len(rows) / cold:12,.0f} {len(rows) / warm:12,.0f}"
            f"  found {len(got & want)}/{len(want)}, missed {len(want - got)}, "
            f"extra {len(got - want)}, unsure {unsure}"
        )

    def read_all() -> list[Row]:
        return [r for p in seeds for r in read_document(p)]

    cold, rows = best_of(args.repeat, read_all, cold=True)
    warm, _ = best_of(args.repeat, read_all, cold=False)
    print(f"{'all five':28} {len(rows):5d} {len(rows) / cold:12,.0f} {len(rows) / warm:12,.0f}")
    seconds, findings = best_of(args.repeat, lambda: check(everything), cold=False)
    print(
        f"check(): {len(everything)} rows, {len(findings)} findings, "
        f"{len(everything) / seconds:,.0f} rows/s"
    )


if __name__ == "__main__":
    main()
