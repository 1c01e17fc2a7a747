"""How fast a column of target cells is read in pandas and polars, against the obvious
per-row baseline in the same process.

Prints, for a column of ``--rows`` cells drawn from ``--distinct`` realistic cells (as a
real table repeats ``100%`` and ``1 Dokumen``):

* the baseline: ``series.map(parse_target)`` in pandas (the parser's own cache warm or
  cold as stated), ``map_elements(parse_target)`` in polars;
* ``series.kt.parse()`` and ``series.kt.columns()`` (pandas accessor);
* ``kinerja_target.polars.parse`` (a struct of kind, value, unit, ...);

each as rows/s and as a ratio to the baseline. The parser's caches are cleared before
every run, so each run reads every distinct cell once at least. Best of three.
Run: ``python benchmarks/dataframes.py [--rows 200000] [--distinct 300]``. Figures only.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import Any

import pandas as pd
import polars as pl
from hypothesis import HealthCheck, given, settings

import kinerja_target.dataframe  # noqa: F401  (registers the accessor)
from kinerja_target import parse as parse_module
from kinerja_target import parse_target
from kinerja_target import polars as ktp
from kinerja_target.strategies import target_cells


def _distinct_cells(count: int, seed: int) -> list[str]:
    found: list[str] = []

    @settings(
        max_examples=count * 3,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(target_cells())
    def collect(cell: tuple[str, Any]) -> None:
        found.append(cell[0])

    collect()
    unique = sorted(set(found))
    random.Random(seed).shuffle(unique)
    return unique[:count]


def _clear() -> None:
    parse_module._read.cache_clear()
    parse_module.expectation_for.cache_clear()


def _best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        _clear()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def _safe(text: str) -> object:
    try:
        return parse_target(text)
    except ValueError as error:
        return error


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--rows", type=int, default=200_000)
    options.add_argument("--distinct", type=int, default=300)
    options.add_argument("--seed", type=int, default=1)
    args = options.parse_args()

    distinct = _distinct_cells(args.distinct, args.seed)
    rng = random.Random(args.seed)
    cells = [rng.choice(distinct) for _ in range(args.rows)]
    series = pd.Series(cells, dtype=object)
    frame = pl.DataFrame({"t": cells})
    print(f"{args.rows} rows, {len(distinct)} distinct cells")

    figures = [
        ("pandas  series.map(parse_target)", lambda: series.map(_safe)),
        ("pandas  series.kt.parse()", lambda: series.kt.parse()),
        ("pandas  series.kt.columns()", lambda: series.kt.columns()),
        (
            "polars  map_elements(parse_target)",
            lambda: frame.select(pl.col("t").map_elements(_safe, return_dtype=pl.Object)),
        ),
        ("polars  ktp.parse('t')", lambda: frame.select(ktp.parse("t"))),
    ]
    baseline: dict[str, float] = {}
    for name, run in figures:
        seconds = _best(run)
        engine = name.split()[0]
        baseline.setdefault(engine, seconds)
        ratio = baseline[engine] / seconds
        print(f"{name:38} {args.rows / seconds:>12,.0f} rows/s   x{ratio:.1f} the baseline")


if __name__ == "__main__":
    main()
