"""Score the reader on the real tables of ``tests/data/corpus/real/`` in every container.

Two golds, hand-checked against their sources (``tests/data/corpus/SOURCES.md``), one line
per (indicator row, period) that holds a target, with the period (a year, or ``kondisi
akhir``) and, where the table gives them, the realisasi and capaian:

* ``real/layouts/gold.tsv``: the tables in layouts the project lacked (HTML, CSV, Word,
  PDF; one as a page's text);
* ``real/renstra_views.gold.tsv``: the two Renstra views (HTML, CSV, two PDF prints, Word).

A row read matches a line when its indicator and target (spaces joined) and period agree;
``full`` also asks its realisasi and capaian to be the gold's where the gold has one.
Prints lines found / gold lines, extras and full matches per file and container, then the
totals per container; ``--verbose`` lists some of the lines missed and the extras.

    python benchmarks/evaluate_real_layouts.py [--verbose]
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kinerja_target.documents import Row, read_document
from kinerja_target.errors import KinerjaTargetError

REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus" / "real"
LAYOUTS = REAL / "layouts"
# The containers a table may come in; each table is scored in those it has.
LAYOUT_CONTAINERS = (".html", ".csv", ".lo.docx", ".pdf", ".pages.pdf", ".md")
# Each gold, and the folder its tables are in.
GOLDS = ((LAYOUTS / "gold.tsv", LAYOUTS), (REAL / "renstra_views.gold.tsv", REAL))

Key = tuple[str, str, str]


def squash(text: str) -> str:
    return " ".join(text.split())


def period_key(text: str) -> str:
    low = squash(text).lower()
    return "akhir" if "akhir" in low else low


def row_period(row: Row) -> str:
    if row.period is not None and "akhir" in row.period.lower():
        return "akhir"
    return str(row.year) if row.year is not None else period_key(row.period or "")


def read_rows(document: Path) -> list[Row]:
    """The rows read; none when the reader gives up on the file (it says why on stderr)."""
    try:
        return read_document(document)
    except KinerjaTargetError as error:
        print(f"    {document.name}: {error}"[:160], file=sys.stderr)
        return []


def row_key(row: Row) -> Key:
    return (squash(row.indicator), squash(row.target_raw), row_period(row))


def layout_gold(path: Path) -> dict[str, list[dict[str, str]]]:
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            by_file[r["file"]].append(r)
    return dict(by_file)


def gold_key(line: dict[str, str]) -> Key:
    return (squash(line["indicator"]), squash(line["target"]), period_key(line["year"]))


def _agrees(gold: str, read: str | None) -> bool:
    return not gold or squash(gold) == squash(read or "")


def score_layout(document: Path, gold: list[dict[str, str]]) -> tuple[int, int, int, int]:
    """(found, gold lines, extra, found with realisasi and capaian too)."""
    rows = read_rows(document)
    read = Counter(row_key(r) for r in rows)
    wanted = Counter(gold_key(g) for g in gold)
    found = sum((read & wanted).values())
    by_key: dict[Key, list[Row]] = defaultdict(list)
    for r in rows:
        by_key[row_key(r)].append(r)
    full = 0
    for g in gold:
        candidates = by_key.get(gold_key(g), [])
        match = next(
            (
                r
                for r in candidates
                if _agrees(g["realisasi"], r.realisasi_raw) and _agrees(g["capaian"], r.capaian_raw)
            ),
            None,
        )
        if match is not None:
            candidates.remove(match)
            full += 1
    return found, sum(wanted.values()), sum((read - wanted).values()), full


def layout_misses(document: Path, gold: list[dict[str, str]]) -> tuple[list[Key], list[Key]]:
    read = Counter(row_key(r) for r in read_rows(document))
    wanted = Counter(gold_key(g) for g in gold)
    return sorted((wanted - read).elements()), sorted((read - wanted).elements())


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    print(f"{'file':48} {'found':>9} {'extra':>5} {'full':>5}")
    for gold_path, folder in GOLDS:
        for name, gold in sorted(layout_gold(gold_path).items()):
            for suffix in LAYOUT_CONTAINERS:
                document = folder / f"{name}{suffix}"
                if not document.is_file():
                    continue
                found, total, extra, full = score_layout(document, gold)
                for i, n in enumerate((found, total, extra, full)):
                    totals[suffix][i] += n
                print(f"{document.name:48} {found:4}/{total:<4} {extra:5} {full:5}")
                if verbose and (found < total or extra):
                    missed, extras = layout_misses(document, gold)
                    for key in missed[:4]:
                        print("    missed", key)
                    for key in extras[:4]:
                        print("    extra ", key)
    print()
    for suffix, (found, total, extra, full) in sorted(totals.items()):
        print(f"{'all ' + suffix:48} {found:4}/{total:<4} {extra:5} {full:5}  {found / total:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
