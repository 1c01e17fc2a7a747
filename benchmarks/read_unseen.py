"""How well read_document reads documents it was not built on: the unseen corpus.

Prints, for each document in ``tests/data/unseen`` (workbooks are built by its
``make_xlsx.py`` in a temporary folder), the expected rows found, missed and extra, where
a row is found when every field of its ``<name>.expected.tsv`` line matches (line, satker,
unit, year, document type, sasaran, indicator, target, satuan, realisasi, capaian and the
parsed target). With ``--verbose``, the missed and extra rows themselves, field by field
where a missed row and an extra row share their line and indicator.

Run: ``python benchmarks/read_unseen.py [--verbose]``. A script that prints figures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kinerja_target.documents import read_document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "data" / "unseen"))
import corpus


def _show(missed: list[corpus.Key], extra: list[corpus.Key]) -> None:
    pending = list(extra)
    for want in missed:
        twin = next((e for e in pending if e[0] == want[0] and e[6] == want[6]), None)
        if twin is None:
            print(f"    missed {dict(zip(corpus.COLUMNS, want, strict=True))}")
            continue
        pending.remove(twin)
        diff = {c: (g, w) for c, w, g in zip(corpus.COLUMNS, want, twin, strict=True) if w != g}
        print(f"    line {want[0]} {want[6][:50]!r}: got/want {diff}")
    for got in pending:
        print(f"    extra {dict(zip(corpus.COLUMNS, got, strict=True))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    total = [0, 0, 0, 0]
    print(f"{'document':34} {'rows':>5} {'found':>6} {'missed':>7} {'extra':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in corpus.documents():
            rows = read_document(corpus.path_of(name, Path(tmp)))
            s = corpus.score(rows, corpus.expected(name))
            print(f"{name:34} {s.want:5d} {s.found:6d} {len(s.missed):7d} {len(s.extra):6d}")
            for i, n in enumerate((s.want, s.found, len(s.missed), len(s.extra))):
                total[i] += n
            if args.verbose:
                _show(s.missed, s.extra)
    print(f"{'all':34} {total[0]:5d} {total[1]:6d} {total[2]:7d} {total[3]:6d}")


if __name__ == "__main__":
    main()
