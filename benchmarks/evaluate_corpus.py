"""The project's documents in other containers read as their text does.

``tests/data/corpus/`` holds the seeds and the unseen documents rendered as HTML, printed
to PDF (ruled, and without ruling lines), and converted to Word (python-docx and
LibreOffice), by ``tests/data/corpus/make_corpus.py``. Each is read and its rows compared
with the rows of the text it was made from: indicator, target, year, satker, unit,
sasaran and document type, spaces folded. Prints rows found / rows of the text, and the
rows read that the text does not have, per container.

    python benchmarks/evaluate_corpus.py [-v]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from kinerja_target.documents import Row, read_document

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
CORPUS = DATA / "corpus"


def key(row: Row) -> tuple[object, ...]:
    def fold(text: str | None) -> str:
        return " ".join((text or "").split())

    fields = (row.indicator, row.target_raw, row.satker, row.unit, row.sasaran, row.doc_type)
    return (*map(fold, fields), row.year)


def main() -> int:
    verbose = "-v" in sys.argv
    totals: dict[str, list[int]] = {}
    sources = sorted(DATA.glob("00*.txt")) + sorted((DATA / "unseen").glob("*.txt"))
    for source in sources:
        want = Counter(key(r) for r in read_document(source))
        for made in sorted(CORPUS.glob(f"{source.stem}.*")):
            kind = made.name.split(".", 1)[1]
            got = Counter(key(r) for r in read_document(made))
            found, extra = sum((got & want).values()), sum((got - want).values())
            total = totals.setdefault(kind, [0, 0, 0])
            total[0] += found
            total[1] += sum(want.values())
            total[2] += extra
            if verbose:
                print(f"{made.name:45} {found:4}/{sum(want.values()):<4} +{extra}")
    for kind, (found, wanted, extra) in sorted(totals.items()):
        print(f"{kind:12} {found:4}/{wanted:<4} ({found / wanted:.1%}) rows, {extra} extra")
    return 0


if __name__ == "__main__":
    sys.exit(main())
