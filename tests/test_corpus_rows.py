"""The project's documents printed to PDF, rendered as HTML and converted to Word read the
rows their text reads (``benchmarks/evaluate_corpus.py`` prints the figures per file)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from evaluate_corpus import CORPUS, DATA, key
from kinerja_target.documents import read_document

# Found / rows of the text, at least, per container (measured: HTML, Word and PDF 98.1%,
# LibreOffice's Word 100%, PDF without ruling lines 100%; other printers, from
# ``make_corpus.py printed``: LibreOffice's PDF export 93.6%, the same without borders
# 91.1%, Chromium in portrait without ruling lines 89.5%).
FLOORS = {
    "html": 0.97,
    "docx": 0.97,
    "lo.docx": 0.99,
    "pdf": 0.97,
    "unruled.pdf": 0.99,
    "lo.pdf": 0.93,
    "lo.unruled.pdf": 0.90,
    "portrait.pdf": 0.89,
}


@pytest.fixture(scope="module")
def totals() -> dict[str, tuple[int, int, int]]:
    found: dict[str, list[int]] = {}
    for source in sorted(DATA.glob("00*.txt")) + sorted((DATA / "unseen").glob("*.txt")):
        want = Counter(key(r) for r in read_document(source))
        for made in sorted(CORPUS.glob(f"{source.stem}.*")):
            got = Counter(key(r) for r in read_document(made))
            total = found.setdefault(made.name.split(".", 1)[1], [0, 0, 0])
            total[0] += sum((got & want).values())
            total[1] += sum(want.values())
            total[2] += sum((got - want).values())
    return {kind: (a, b, c) for kind, (a, b, c) in found.items()}


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_each_container_reads_the_rows_of_the_text(
    totals: dict[str, tuple[int, int, int]], kind: str
) -> None:
    found, wanted, extra = totals[kind]
    assert found / wanted >= FLOORS[kind]
    assert extra <= (wanted - found) + wanted * 0.03  # a row read wrong, not made up
