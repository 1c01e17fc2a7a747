"""How well ``parse_target`` reads real target cells: accuracy on a hand-checked set.

Reads ``tests/data/eval_targets.jsonl`` (real cells from public KPU and other Indonesian
government performance documents, each with its source and a hand-decided ``expect``; see
``tests/data/eval_targets_SOURCES.md``) and then, printed separately, the five holdout sets
``tests/data/eval_targets_holdout.jsonl``, ``tests/data/eval_targets_holdout2.jsonl``,
``tests/data/eval_targets_holdout3.jsonl``, ``tests/data/eval_targets_holdout4.jsonl`` and
``tests/data/eval_targets_holdout5.jsonl`` (cells of documents the parser was not tuned on,
collected in five rounds), runs
``parse_target(raw, indicator=...)`` on each, and compares the result with ``expect``:

* only the fields ``expect`` gives are checked;
* ``value`` is compared as a decimal where both sides are numbers (``"97.50"`` equals
  ``"97.5"``), as text otherwise (grade codes);
* ``warnings`` is compared as a set; ``note`` ignoring case and runs of spaces;
* ``parts`` and ``basis`` are compared the same way, part by part;
* ``{"error": true}`` means a ``TargetParseError`` is expected.

Prints accuracy overall, per expected kind, per role (target, realisasi, ...) and, where
the entries say it (``source_kind``: ``kpu``, ``pemda``, ``other``), per kind of source;
the same without the entries marked ``doubtful``; and every miss with what was expected,
what the parser gave, and the source. A miss that is a value (not an error) without any
warning is marked ``[silent]``: nothing tells the user it may be wrong.

Run: ``python benchmarks/evaluate_parse.py [--file PATH] [--only-misses]``; with
``--file`` only that set is scored.
Figures, no assertions.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kinerja_target import TargetParseError, parse_target

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEFAULT_FILE = DATA / "eval_targets.jsonl"
HOLDOUT_FILE = DATA / "eval_targets_holdout.jsonl"
HOLDOUT2_FILE = DATA / "eval_targets_holdout2.jsonl"
HOLDOUT3_FILE = DATA / "eval_targets_holdout3.jsonl"
HOLDOUT4_FILE = DATA / "eval_targets_holdout4.jsonl"
HOLDOUT5_FILE = DATA / "eval_targets_holdout5.jsonl"


@dataclass
class Outcome:
    """One entry of the set, read and compared."""

    line: int
    entry: dict[str, Any]
    got: dict[str, Any] | None  # the parser's to_dict(), None when it raised
    error: str | None  # the parser's error message, when it raised
    diffs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diffs

    @property
    def kind(self) -> str:
        expect: dict[str, Any] = self.entry["expect"]
        return "error" if expect.get("error") else str(expect.get("kind", "?"))

    @property
    def role(self) -> str:
        return str(self.entry.get("role", "target"))

    @property
    def doubtful(self) -> bool:
        return bool(self.entry.get("doubtful"))

    @property
    def source_kind(self) -> str:
        return str(self.entry.get("source_kind", "?"))

    @property
    def silent(self) -> bool:
        """A wrong value that carries no warning: nothing flags it to the user."""
        return not self.ok and self.got is not None and not self.got.get("warnings")


def _as_decimal(value: Any) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _same_note(expected: Any, got: Any) -> bool:
    if not isinstance(expected, str) or not isinstance(got, str):
        return bool(expected == got)

    def squash(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().casefold()

    return squash(expected) == squash(got)


def compare(expected: dict[str, Any], got: dict[str, Any], path: str = "") -> list[str]:
    """The differences between ``expected`` (a partial canonical dict) and ``got``."""
    diffs: list[str] = []
    for key, want in expected.items():
        where = f"{path}{key}"
        have = got.get(key)
        if key == "value":
            left, right = _as_decimal(want), _as_decimal(have)
            same = left == right if left is not None and right is not None else want == have
        elif key == "warnings":
            same = isinstance(have, list) and set(want) == set(have)
        elif key == "note":
            same = _same_note(want, have)
        elif key == "basis":
            if not isinstance(have, dict):
                diffs.append(f"{where}: expected {_short(want)}, got {have!r}")
                continue
            diffs.extend(compare(want, have, f"{where}."))
            continue
        elif key == "parts":
            if not isinstance(have, list) or len(have) != len(want):
                diffs.append(f"{where}: expected {len(want)} parts, got {_short(have)}")
                continue
            for index, (part_want, part_have) in enumerate(zip(want, have, strict=True)):
                diffs.extend(compare(part_want, part_have, f"{where}[{index}]."))
            continue
        else:
            same = want == have
        if not same:
            diffs.append(f"{where}: expected {want!r}, got {have!r}")
    return diffs


def _short(value: Any) -> str:
    """A compact one-line form of a canonical dict, without raw text."""
    if isinstance(value, dict):
        inner = {k: v for k, v in value.items() if k != "raw"}
        return json.dumps(inner, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def evaluate(entries: Iterable[tuple[int, dict[str, Any]]]) -> list[Outcome]:
    """Parse each entry and compare it with its expectation."""
    outcomes: list[Outcome] = []
    for line, entry in entries:
        raw: str = entry["raw"]
        indicator: str | None = entry.get("indicator")
        expect: dict[str, Any] = entry["expect"]
        try:
            value = parse_target(raw, indicator=indicator)
        except TargetParseError as exc:
            outcome = Outcome(line, entry, None, str(exc.reason))
            if not expect.get("error"):
                outcome.diffs.append(f"raised: {exc.reason} (at {exc.position})")
            outcomes.append(outcome)
            continue
        got = value.to_dict()
        outcome = Outcome(line, entry, got, None)
        if expect.get("error"):
            outcome.diffs.append("expected an error, got a value")
        else:
            outcome.diffs.extend(compare(expect, got))
        outcomes.append(outcome)
    return outcomes


def read_entries(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """The entries of a JSONL file with their line numbers; blank lines are skipped."""
    entries: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if text.strip():
                entries.append((number, json.loads(text)))
    return entries


def _percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}%" if total else "    -"


def _table(title: str, outcomes: list[Outcome], key: str) -> None:
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for outcome in outcomes:
        group = str(getattr(outcome, key))
        totals[group] += 1
        hits[group] += outcome.ok
    print(f"\n{title}")
    for group, total in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {group:<12} {hits[group]:4d}/{total:<4d} {_percent(hits[group], total)}")


def report(outcomes: list[Outcome], *, only_misses: bool = False) -> None:
    """Print the figures and the misses."""
    total = len(outcomes)
    hits = sum(outcome.ok for outcome in outcomes)
    sources = {outcome.entry["source"] for outcome in outcomes}
    firm = [outcome for outcome in outcomes if not outcome.doubtful]
    if not only_misses:
        print(f"{total} entries from {len(sources)} sources")
        print(f"accuracy: {hits}/{total} {_percent(hits, total)}")
        firm_hits = sum(outcome.ok for outcome in firm)
        print(
            f"accuracy without the {total - len(firm)} doubtful entries: "
            f"{firm_hits}/{len(firm)} {_percent(firm_hits, len(firm))}"
        )
        _table("per expected kind:", outcomes, "kind")
        _table("per role of the cell:", outcomes, "role")
        if any("source_kind" in outcome.entry for outcome in outcomes):
            _table("per kind of source:", outcomes, "source_kind")
    misses = [outcome for outcome in outcomes if not outcome.ok]
    silent = sum(outcome.silent for outcome in misses)
    print(f"\nmisses ({len(misses)}, {silent} of them a wrong value without a warning):")
    for outcome in misses:
        entry = outcome.entry
        marks = "  [doubtful]" * outcome.doubtful + "  [silent]" * outcome.silent
        print(f"\n  line {outcome.line}: {entry['raw']!r}" + marks)
        if entry.get("indicator"):
            print(f"    indicator: {entry['indicator']}")
        print(f"    expected:  {_short(entry['expect'])}")
        got = _short(outcome.got) if outcome.got else f"error: {outcome.error}"
        print(f"    got:       {got}")
        for diff in outcome.diffs:
            print(f"    - {diff}")
        print(f"    source:    {entry['source']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--file", type=Path, help="score only this JSONL set")
    parser.add_argument("--only-misses", action="store_true", help="print the misses only")
    args = parser.parse_args(argv)
    sets = [
        DEFAULT_FILE,
        HOLDOUT_FILE,
        HOLDOUT2_FILE,
        HOLDOUT3_FILE,
        HOLDOUT4_FILE,
        HOLDOUT5_FILE,
    ]
    files = [args.file] if args.file else sets
    for index, path in enumerate(files):
        if len(files) > 1:
            print(("\n" if index else "") + f"== {path.name} ==")
        report(evaluate(read_entries(path)), only_misses=args.only_misses)


if __name__ == "__main__":
    main()
