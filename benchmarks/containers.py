"""How fast the document containers (HTML, Word, PDF) turn files into grids.

Prints, per container, the records (table rows) per second of
:func:`kinerja_target.containers.open_grids` over the shared real Renstra table
(``../shared/realdocs``) and the corpus ``tests/data/corpus``, best of several runs.

For PDF it also prints the cost beside pdfplumber's own table extraction on the same
pages in the same process: ``page.extract_tables()`` on every page of a freshly opened
file (what a user of pdfplumber alone would run), against the container, which finds the
same tables and also reads the text around them, joins tables across pages and lays out
pages without ruling lines. Both open the file afresh each run, so both pay pdfminer's
parsing of the page. Goal: a ratio of at most 1.5.

Run: ``python benchmarks/containers.py [--repeat 3]``. A script that prints figures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from kinerja_target.containers import open_grids

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
REALDOCS = ROOT.parent / "shared" / "realdocs"


def best_of(repeat: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def records(path: Path) -> int:
    return sum(1 for grid in open_grids(path) for line in grid.lines if line.is_record)


def pdfplumber_tables(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()


def documents() -> list[Path]:
    real = sorted(REALDOCS.glob("sumedang_renstra_diskominfo.*")) if REALDOCS.exists() else []
    found = [p for p in real if p.suffix in (".html", ".docx", ".pdf")]
    found += sorted(p for p in CORPUS.iterdir() if p.suffix in (".html", ".docx", ".pdf"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    ratios: list[tuple[str, int, float, float]] = []
    for path in documents():
        kind = "pdf (no ruling lines)" if ".unruled." in path.name else path.suffix[1:]
        count = records(path)
        seconds = best_of(args.repeat, lambda p=path: open_grids(p))
        totals[kind][0] += count
        totals[kind][1] += seconds
        if path.suffix == ".pdf":
            baseline = best_of(args.repeat, lambda p=path: pdfplumber_tables(p))
            with pdfplumber.open(path) as pdf:
                pages = len(pdf.pages)
            ratios.append((path.name, pages, seconds, baseline))
    print(f"{'container':<24}{'records':>9}{'seconds':>10}{'records/s':>12}")
    for kind, (count, seconds) in sorted(totals.items()):
        print(f"{kind:<24}{int(count):>9}{seconds:>10.3f}{count / seconds:>12.0f}")
    print()
    print(f"{'PDF':<40}{'pages':>6}{'container s':>13}{'extract_tables s':>18}{'ratio':>7}")
    for name, pages, seconds, baseline in ratios:
        print(f"{name:<40}{pages:>6}{seconds:>13.3f}{baseline:>18.3f}{seconds / baseline:>7.2f}")
    mine = sum(r[2] for r in ratios)
    theirs = sum(r[3] for r in ratios)
    pages = sum(r[1] for r in ratios)
    print(f"{'all':<40}{pages:>6}{mine:>13.3f}{theirs:>18.3f}{mine / theirs:>7.2f}")


if __name__ == "__main__":
    main()
