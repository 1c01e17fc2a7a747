"""Score the reader on the real documents of ``../shared/realdocs/`` against their gold.

Each gold line is one (indicator row, year column) that holds a target; a row read
matches it when its indicator (spaces joined), target (as written, trimmed) and period
agree: the row's year, or its period (the gold's ``kondisi akhir`` is the reader's
``akhir``). Prints found / gold / extra for every container of every document.

    python benchmarks/evaluate_realdocs.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from kinerja_target.documents import Row, read_document

REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"


def period_key(text: str) -> str:
    low = " ".join(text.split()).lower()
    return "akhir" if "akhir" in low else low


def gold_lines(path: Path) -> Counter[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return Counter(
            (" ".join(r["indicator"].split()), r["target"].strip(), period_key(r["year"]))
            for r in reader
        )


def row_key(row: Row) -> tuple[str, str, str]:
    period = str(row.year) if row.year is not None else (row.period or "")
    return (" ".join(row.indicator.split()), row.target_raw.strip(), period_key(period))


def score(document: Path, gold: Counter[tuple[str, str, str]]) -> tuple[int, int, int]:
    read = Counter(row_key(r) for r in read_document(document))
    found = sum((read & gold).values())
    return found, sum(gold.values()), sum((read - gold).values())


def main() -> int:
    worst = 1.0
    for gold_path in sorted(REALDOCS.glob("*.gold.tsv")):
        stem = gold_path.name.removesuffix(".gold.tsv")
        gold = gold_lines(gold_path)
        for document in sorted(REALDOCS.glob(f"{stem}.*")):
            if document.name.endswith((".gold.tsv", ".md")):
                continue
            found, total, extra = score(document, gold)
            worst = min(worst, found / total)
            print(f"{document.name:45} {found:3}/{total} found, {extra} extra")
    return 0 if worst >= 0.98 else 1


if __name__ == "__main__":
    sys.exit(main())
