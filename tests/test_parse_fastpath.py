"""The fast path and the grammar give the same value for every real cell of tests/data.

The fast path (``parsing.fastpath``) reads the shapes most cells take without tokens;
whatever it returns must be exactly what the whole grammar returns, warnings, notes and
bases included. The cells are every real target-like cell of tests/data (the evaluation
set, the seeds, the unseen documents, the capaian examples), with and without their
indicator, and the same cells with their digits varied (seeded, so a failure repeats).
"""

from __future__ import annotations

import csv
import random
import re

import pytest

from conftest import DATA, read_jsonl
from kinerja_target import TargetParseError
from kinerja_target.parse import _parse_fast, _parse_full, _parse_simple
from kinerja_target.parsing.fastpath import clear_plans
from kinerja_target.parsing.wording import reading_of


def _real_cells() -> list[tuple[str, str | None]]:
    cells = [(e["raw"], e.get("indicator")) for e in read_jsonl("eval_targets.jsonl")]
    cells += [(e["raw"], None) for e in read_jsonl("seed_targets.jsonl")]
    for path in sorted((DATA / "unseen").glob("*.expected.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                cells += [(row[c], row["indicator"] or None) for c in ("target", "realisasi")]
    for example in read_jsonl("capaian_examples.jsonl"):
        cells += [(example["target"], None), (example["actual"], None)]
    return [(text, indicator) for text, indicator in cells if text]


def _varied(text: str, rng: random.Random) -> str:
    def one(run: re.Match[str]) -> str:
        digits = run.group()
        first = "0" if digits[0] == "0" else str(rng.randint(1, 9))
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    return re.sub(r"[0-9]+", one, text)


REAL = _real_cells()
_RNG = random.Random(12)
CASES = sorted(
    set(REAL)
    | {(text, None) for text, _ in REAL}
    | {(_varied(text, _RNG), indicator) for text, indicator in REAL for _ in range(3)},
    key=repr,
)


def test_the_cells_are_there() -> None:
    assert len(REAL) >= 500


@pytest.mark.parametrize(("text", "indicator"), CASES, ids=[repr(c[0])[:40] for c in CASES])
@pytest.mark.parametrize("reader", ["parse_simple", "the whole fast path"])
def test_fast_path_gives_what_the_grammar_gives(
    text: str, indicator: str | None, reader: str
) -> None:
    # The whole fast path, as parse_target takes it, keeps plans across cells (their
    # shapes): a cell may be read by the shape of one read before it in the same run.
    expect = reading_of(indicator)
    simple = reader == "parse_simple"
    fast = _parse_simple(text, expect) if simple else _parse_fast(text, indicator)
    if fast is None:
        # The grammar's cell: a value, or the documented error, and nothing else.
        try:
            assert _parse_full(text, expect).raw == text
        except TargetParseError as error:
            assert error.text == text
        return
    try:
        full = _parse_full(text, expect)
    except TargetParseError as error:
        pytest.fail(f"the fast path read {fast!r}, the grammar raised {error}")
    assert fast == full
    assert fast.to_dict() == full.to_dict()


def test_the_fast_path_takes_most_real_cells() -> None:
    # Not a timing: which reader a cell takes is decided by its shape alone.
    taken = [_parse_fast(text, indicator) is not None for text, indicator in REAL]
    assert sum(taken) >= 0.95 * len(taken)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        *[("1000%", "4900%"), ("0999%", "4999%"), ("0999 %", "9999 %"), ("100,5%", "999,9%")],
        *[("80 - 90%", "90 - 10%"), ("100 - 900", "900 - 999"), ("0100 - 0900", "9100 - 9900")],
        *[("Rp 1.000.000", "Rp 9.999.999"), ("minimal 1000%", "minimal 4900%")],
        *[("Rp 1,0 miliar", "Rp 9,9 miliar"), ("Rp 1 juta", "Rp 0 juta")],
        *[("5% (lima persen)", "7% (lima persen)"), ("5 orang (lima)", "6 orang (lima)")],
        *[("12 Satker (Provinsi/", "99 Satker (Provinsi/"), ("5 Lap ()", "7 Lap ()")],
        *[
            ("9 kec. 61 kel", "5 kec. 0 kel"),
            ("1x24 jam", "2x30 jam"),
            ("1 Lap 2 Dok", "0 Lap 0 Dok"),
        ],
        *[("8.902 orang", "0.902 orang"), ("8,902", "8,000"), ("8,902", "0,902")],
        *[("6.443,08", "0.443,08"), ("Rp 5.000", "Rp 0.000"), ("12,345.67", "99,999.00")],
        *[("55 desa/kelurahan", "0 desa/kelurahan"), ("-13,24", "-0,00"), ("-5", "-0")],
        *[("5 miliar", "0 miliar"), ("Rp. 114,356 Miliar", "Rp. 0,000 Miliar")],
        *[("target 67% partisipasi", "target 00% partisipasi"), ("1000 %", "9999 %")],
        *[
            ("58,03 (persen)", "99,99 (persen)"),
            ("12 (Laporan)", "0 (Laporan)"),
            ("100 (%)", "999 (%)"),
        ],
        *[
            ("40,17% (3 satker)", "0,00% (0 satker)"),
            ("5 (m2)", "5 (m5)"),
            ("7 (3 Lap)", "7 (9 Lap)"),
        ],
        *[
            ("Rp. 2.802.179.205 (77,67%)", "Rp. 9.999.999.999 (0,00%)"),
            ("9,4 (Skala 5)", "1,0 (Skala 0)"),
        ],
    ],
)
@pytest.mark.parametrize(
    "indicator", [None, "Persentase partisipasi pemilih", "Jumlah Pemuda yang dibina"]
)
def test_a_cell_of_a_known_shape_keeps_its_checks(
    first: str, then: str, indicator: str | None
) -> None:
    # The shape of "1000%" is that of "4900%": a plan per shape must not skip the check
    # that flags a percent no target can be (docs/decisions/0006), nor the order of a
    # range's ends.
    clear_plans()
    alone = _parse_fast(then, indicator)
    clear_plans()
    _parse_fast(first, indicator)
    assert _parse_fast(then, indicator) == alone
    assert _parse_fast(then, indicator).to_dict() == alone.to_dict()  # type: ignore[union-attr]


def test_the_shapes_kept_are_bounded() -> None:
    # A roll-up of every satker's wordings must not keep a plan per wording and shape
    # without end: past the bound, the shapes are forgotten and learnt again.
    from kinerja_target.parsing import shapes

    clear_plans()
    for n in range(shapes._LIMIT + 10):
        _parse_fast("97,5%", f"Persentase capaian {n}")
    assert sum(len(kept) for kept in shapes.KEPT.values()) <= shapes._LIMIT
    assert _parse_fast("12,5%", "Persentase capaian 1") == _parse_fast("12,5%", None)
