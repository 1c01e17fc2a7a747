"""How fast kinerja_target reads target cells, next to a bare regex, babel, quantulum3
and pint, in one run.

Prints:
* the *real-shaped mix*: every real cell of ``tests/data`` (the evaluation set, the seeds,
  the unseen documents' targets and realisations, the capaian examples), each with its
  indicator, in many copies whose digits are varied (``36,36% (4 satker)`` becomes
  ``71,09% (7 satker)``), each string once, the cache cleared first (the fast path's
  plans per spelling and per shape are kept, as in a run; a second figure forgets them
  too); beside it, in the same
  run, a bare regular expression plus ``Decimal`` over the same strings (the floor: it
  reads one number and nothing else) and babel's ``id_ID`` number parser over the numbers
  the regex finds (it too reads only the number); the share of cells the fast path takes;
* warm throughput on synthetic distinct strings, overall and per format;
* warm throughput on a realistic repeated mix (most cells are ``100%``);
* the import time of ``kinerja_target``;
* the same strings through ``quantulum3`` and ``pint.UnitRegistry().parse_expression``,
  with how many of them each reads to the right number.

Run: ``python benchmarks/parse.py [--n 50000]`` (quantulum3 and babel from the ``bench``
extra).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kinerja_target import Compound, Grade, Money, Percent, Quantity, Range, Target, parse_target
from kinerja_target.parse import _parse_fast, _read
from kinerja_target.parsing.fastpath import clear_plans

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"

UNITS = ["Lap", "Dok", "keg", "kali", "orang", "Satker", "TPS", "hari kerja", "bulan", "Kegiatan"]


def _id(value: Decimal) -> str:
    """Write a decimal the Indonesian way."""
    whole, _, frac = format(value, "f").partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + frac if frac else "")


# -- the real-shaped mix ------------------------------------------------------------------


def real_cells(*, holdout: bool = False) -> list[tuple[str, str | None]]:
    """The real target-like cells of ``tests/data`` with their indicators (or ``None``):
    the evaluation set, the seeds, the unseen documents and the capaian examples; with
    ``holdout``, the cells of the holdout sets instead (documents the parser was not built
    on: more of them left to the grammar, more that hold no target)."""
    cells: list[tuple[str, str | None]] = []
    if holdout:
        for path in sorted(DATA.glob("eval_targets_holdout*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    entry = json.loads(line)
                    cells.append((entry["raw"], entry.get("indicator")))
        return cells
    main_sets = [DATA / "eval_targets.jsonl", DATA / "eval_targets_pemda.jsonl"]
    for path in [*main_sets, DATA / "seed_targets.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                cells.append((entry["raw"], entry.get("indicator")))
    for path in sorted((DATA / "unseen").glob("*.expected.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                for column in ("target", "realisasi"):
                    if row.get(column):
                        cells.append((row[column], row.get("indicator") or None))
    for line in (DATA / "capaian_examples.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            cells += [(entry["target"], None), (entry["actual"], None)]
    return cells


_DIGIT_RUN = re.compile(r"[0-9]+")


def vary(text: str, rng: random.Random) -> str:
    """``text`` with its digits replaced by random ones of the same shape: a run keeps its
    length, and its first digit stays zero or non-zero."""

    def one(run: re.Match[str]) -> str:
        digits = run.group()
        first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return _DIGIT_RUN.sub(one, text)


def real_mix(n: int, seed: int = 3, *, holdout: bool = False) -> list[tuple[str, str | None]]:
    """``n`` distinct (cell, indicator) pairs: the real cells, their digits varied."""
    rng = random.Random(seed)
    cells = real_cells(holdout=holdout)
    out: dict[tuple[str, str | None], None] = dict.fromkeys(cells)
    attempts = 0
    while len(out) < n and attempts < 50 * n:
        attempts += 1
        text, indicator = rng.choice(cells)
        out.setdefault((vary(text, rng), indicator))
    pairs = list(out)
    rng.shuffle(pairs)
    return pairs[:n]


_BARE = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def bare_regex(text: str) -> Decimal | None:
    """The floor: find the first number, read it the Indonesian way, nothing else."""
    found = _BARE.search(text)
    if found is None:
        return None
    try:
        return Decimal(found.group().replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _chunked_rates(
    passes: dict[str, tuple[Callable[[list[Any]], object], list[Any]]],
    chunk: int = 250,
    repeats: int = 7,
) -> dict[str, float]:
    """Items per second of each pass (a function and its items, all of one length).

    The items are cut into chunks of ``chunk``; each chunk is run ``repeats`` times by
    every pass in turn, and each pass's best time per chunk counts, as timeit does. The
    machine is shared: a run of a second is rarely undisturbed, a run of a millisecond
    often is, and interleaving the passes chunk by chunk gives them the same machine.
    """
    totals = dict.fromkeys(passes, 0.0)
    length = len(next(iter(passes.values()))[1])
    gc.collect()
    for start in range(0, length, chunk):
        best = dict.fromkeys(passes, float("inf"))
        for _ in range(repeats):
            for name, (fn, items) in passes.items():
                part = items[start : start + chunk]
                began = time.perf_counter()
                fn(part)
                best[name] = min(best[name], time.perf_counter() - began)
        for name in passes:
            totals[name] += best[name]
    return {name: length / total for name, total in totals.items()}


def _chunked_rate(
    fn: Callable[[list[Any]], object], items: list[Any], chunk: int = 250, repeats: int = 7
) -> float:
    """Items per second of one pass, timed as :func:`_chunked_rates` times several."""
    return _chunked_rates({"one": (fn, items)}, chunk, repeats)["one"]


def _run_ours(pairs: list[tuple[str, str | None]]) -> int:
    """Parse every pair, the cache cleared first; the number of cells that hold no target."""
    _read.cache_clear()
    return _run_warm(pairs)


def _run_first_sight(pairs: list[tuple[str, str | None]]) -> int:
    """:func:`_run_ours` with the fast path's plans forgotten too: every tail, wording and
    shape read as if for the first time (the plans are kept across a run, as a column
    repeats them)."""
    clear_plans()
    return _run_ours(pairs)


def _run_bare(texts: list[str]) -> int:
    return sum(bare_regex(text) is None for text in texts)


def _run_warm(pairs: list[tuple[str, str | None]]) -> int:
    """Parse every pair with the cache as it is (the repeated mix)."""
    errors = 0
    for text, indicator in pairs:
        try:
            parse_target(text, indicator=indicator)
        except ValueError:
            errors += 1
    return errors


def report_real_mix(n: int, *, holdout: bool = False) -> None:
    """Print the real-shaped mix's figures."""
    pairs = real_mix(n, holdout=holdout)
    texts = [text for text, _ in pairs]
    source = "the holdout sets'" if holdout else "the"
    print(
        f"real-shaped mix: {len(pairs):,} distinct cells from {source} "
        f"{len(real_cells(holdout=holdout)):,} real ones"
    )
    simple = sum(_parse_fast(t, i) is not None for t, i in pairs)
    print(f"  fast path takes      {simple / len(pairs):7.1%} of them")
    errors = _run_ours(pairs)
    passes: dict[str, tuple[Callable[[list[Any]], object], list[Any]]] = {
        "ours": (_run_ours, pairs),
        "bare": (_run_bare, texts),
    }
    try:
        from babel.numbers import NumberFormatError, parse_decimal
    except ImportError:
        parse_decimal = None
    if parse_decimal is not None:
        numbers = [m.group() if (m := _BARE.search(t)) else "" for t in texts]

        def babel_pass(part: list[str]) -> int:
            errors = 0
            for number in part:
                try:
                    parse_decimal(number, locale="id_ID")
                except (NumberFormatError, ValueError):
                    errors += 1
            return errors

        passes["babel"] = (babel_pass, numbers)
    rates = _chunked_rates(passes)
    ours, bare = rates["ours"], rates["bare"]
    print(f"  kinerja_target  {ours:>12,.0f} cells/s  (full typed values; {errors} hold none)")
    print(f"  bare regex      {bare:>12,.0f} cells/s  (first number only)")
    if "babel" in rates:
        theirs = rates["babel"]
        print(f"  babel id_ID     {theirs:>12,.0f} cells/s  (the number the regex found)")
        print(f"  kinerja_target / babel      {ours / theirs:5.2f}x  (goal: >= 1)")
    else:
        print("  babel           not installed (pip install kinerja-target[bench])")
    print(f"  bare regex / kinerja_target {bare / ours:5.2f}x  (goal: <= 5)")
    cold = _chunked_rates({"first": (_run_first_sight, pairs), "bare": (_run_bare, texts)})
    first = cold["first"] * bare / cold["bare"]  # in the units of the run above
    print(
        f"  every shape at first sight {first:>9,.0f} cells/s  ({bare / first:.2f}x the bare "
        "regex: the plans per spelling and per shape forgotten before each chunk of 250)"
    )
    stream = [pair for pair in real_cells(holdout=holdout) for _ in range(4)] * 100
    random.Random(4).shuffle(stream)
    _read.cache_clear()
    _run_warm(stream)
    rate = _chunked_rate(_run_warm, stream, chunk=2000, repeats=5)
    print(f"  the real cells repeated {rate:>12,.0f} cells/s  ({len(stream):,} cells, warm)")


# -- synthetic strings ----------------------------------------------------------------


def realistic_distinct(n: int, seed: int = 1) -> list[tuple[str, str, Decimal | None]]:
    """``n`` distinct cells with their format name and expected number (None for grades).

    Shares follow the seeds: mostly percentages, then counts, then money, ranges,
    grades, qualified and compound cells.
    """
    rng = random.Random(seed)
    out: dict[str, tuple[str, Decimal | None]] = {}
    while len(out) < n:
        r = rng.random()
        if r < 0.45:
            value = Decimal(rng.randint(0, 10000)) / 100
            text = _id(value) + rng.choice(["%", " %", "%"])
            out.setdefault(text, ("percent", value))
        elif r < 0.75:
            value = Decimal(rng.randint(1, 99999))
            out.setdefault(f"{_id(value)} {rng.choice(UNITS)}", ("count", value))
        elif r < 0.85:
            value = Decimal(rng.randint(1000, 10**11))
            out.setdefault(f"Rp {_id(value)}", ("money", value))
        elif r < 0.90:
            low = rng.randint(0, 90)
            out.setdefault(f"{low} - {rng.randint(low + 1, 100)}%", ("range", Decimal(low)))
        elif r < 0.93:
            # Grades come from a finite vocabulary: few distinct strings exist.
            grade = rng.choice(["AA", "A", "BB", "B", "CC", "WTP", "Informatif", "Opini WTP"])
            prefix = rng.choice(["", "minimal ", "min. ", "Minimal ", "≥ "])
            out.setdefault(f"{prefix}{grade}", ("grade", None))
        elif r < 0.97:
            value = Decimal(rng.randint(1, 500))
            word = rng.choice(["maksimal", "paling lambat", "minimal", "≥"])
            out.setdefault(f"{word} {value} {rng.choice(UNITS)}", ("qualified", value))
        else:
            a, b = rng.randint(1, 99), rng.randint(1, 99)
            out.setdefault(f"{a} kec. {b} kel", ("compound", Decimal(a)))
    return [(text, kind, value) for text, (kind, value) in list(out.items())[:n]]


def repeated_mix(n: int, seed: int = 2) -> list[str]:
    """A document-like stream: most cells are 100%."""
    rng = random.Random(seed)
    common = ["100%"] * 70 + ["12 Lap"] * 8 + ["97,5%"] * 5 + ["BB"] * 3 + ["2 Lap"] * 4
    common += ["Rp 10.252.187.000", "36,36% (4 satker)", "8 kali", "90%", "95%"] * 2
    return [rng.choice(common) for _ in range(n)]


def _first_number(value: Target) -> Decimal | None:
    if isinstance(value, Percent | Quantity | Money):
        return value.value
    if isinstance(value, Range):
        return _first_number(value.low)
    if isinstance(value, Compound):
        return _first_number(value.parts[0])
    if isinstance(value, Grade):
        return None
    return getattr(value, "value", None)


def _time(fn: Callable[[str], object], texts: list[str]) -> tuple[float, int]:
    errors = 0
    start = time.perf_counter()
    for text in texts:
        try:
            fn(text)
        except Exception:
            errors += 1
    return time.perf_counter() - start, errors


def _best_rate(texts: list[str], repeats: int = 5) -> float:
    """Strings per second, best of ``repeats`` runs, the parse cache cleared before each
    (the machine is shared: the best run is the one least disturbed, as timeit does)."""
    best = 0.0
    for _ in range(repeats):
        _read.cache_clear()
        gc.collect()
        elapsed, _ = _time(parse_target, texts)
        best = max(best, len(texts) / elapsed)
    return best


_IMPORT_PROBE = """
import time
start = time.perf_counter()
import {module}
print(time.perf_counter() - start)
"""


def _import_time(module: str, runs: int = 9) -> float:
    """Median time to import ``module`` in a fresh interpreter, timed inside it.

    Bytecode caching is allowed, as after any ``pip install`` (an environment with
    PYTHONDONTWRITEBYTECODE set would otherwise compile every source file on every
    import); one run first writes the cache.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-c", _IMPORT_PROBE.format(module=module)]
    times = []
    for _ in range(runs + 1):
        out = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
        times.append(float(out.stdout))
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="distinct strings")
    parser.add_argument("--peers", type=int, default=3_000, help="strings for the slow peers")
    parser.add_argument("--real", type=int, default=20_000, help="cells of the real-shaped mix")
    args = parser.parse_args()

    report_real_mix(args.real)
    print()
    report_real_mix(args.real, holdout=True)
    print()

    cells = realistic_distinct(args.n)
    texts = [text for text, _, _ in cells]
    print(f"kinerja_target {len(texts):,} distinct strings (cache cleared, best of 5 runs):")
    _read.cache_clear()
    _, errors = _time(parse_target, texts)
    print(f"  all formats   {_best_rate(texts):>12,.0f} strings/s  ({errors} errors)")
    by_kind: dict[str, list[str]] = {}
    for text, kind, _ in cells:
        by_kind.setdefault(kind, []).append(text)
    for kind, group in sorted(by_kind.items(), key=lambda kv: -len(kv[1])):
        rate = _best_rate(group)
        print(f"  {kind:<13} {rate:>12,.0f} strings/s  ({len(group):,} strings)")

    stream = repeated_mix(1_000_000)
    best = 0.0
    for _ in range(3):
        _read.cache_clear()
        elapsed, errors = _time(parse_target, stream)
        best = max(best, len(stream) / elapsed)
    print(f"repeated mix    {best:>12,.0f} strings/s  ({len(stream):,} cells, best of 3)")

    ours = _import_time("kinerja_target")
    attrs_alone, pint_alone = _import_time("attrs"), _import_time("pint")
    print(f"import kinerja_target  {ours * 1000:6.1f} ms (median of 9 fresh interpreters)")
    print(f"  of which attrs       {attrs_alone * 1000:6.1f} ms; pint, not imported: ", end="")
    print(f"{pint_alone * 1000:.1f} ms")

    sample = cells[: args.peers]
    right = sum(1 for text, _, value in sample if _first_number(parse_target(text)) == value)
    print(f"\nsame {len(sample):,} strings, right number read:")
    print(f"  kinerja_target  {right / len(sample):7.1%}")
    try:
        from quantulum3 import parser as q3

        q3.parse("100%")

        def q3_value(text: str) -> Decimal | None:
            found = q3.parse(text)
            return Decimal(str(found[0].value)) if found else None

        elapsed, errors = _time(q3.parse, [t for t, _, _ in sample])
        ok = 0
        for text, _, value in sample:
            with contextlib.suppress(Exception):
                ok += q3_value(text) == value
        rate = len(sample) / elapsed
        print(f"  quantulum3      {ok / len(sample):7.1%}   {rate:>10,.0f} strings/s")
    except ImportError:
        print("  quantulum3      not installed (pip install kinerja-target[bench])")
    import pint

    registry: pint.UnitRegistry[Any] = pint.UnitRegistry()
    elapsed, errors = _time(registry.parse_expression, [t for t, _, _ in sample])
    ok = 0
    for text, _, value in sample:
        try:
            parsed = registry.parse_expression(text)
            number = parsed.magnitude if hasattr(parsed, "magnitude") else parsed
            ok += Decimal(str(number)) == value
        except Exception:
            pass
    print(
        f"  pint            {ok / len(sample):7.1%}   {len(sample) / elapsed:>10,.0f} strings/s"
        f"  ({errors:,} raised)"
    )


if __name__ == "__main__":
    main()
