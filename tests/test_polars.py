"""polars expressions: a column of target cells parsed once per distinct cell, and capaian."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pl = pytest.importorskip("polars")

from kinerja_target import SchemaError, Target, TargetParseError, parse_target  # noqa: E402
from kinerja_target import polars as ktp  # noqa: E402
from kinerja_target.lakip import compute_row  # noqa: E402
from kinerja_target.strategies import target_cells  # noqa: E402


def _expected(cell: Any, indicator: str | None = None) -> dict[str, Any]:
    blank = cell is None or (isinstance(cell, str) and not cell.strip())
    blank = blank or (isinstance(cell, float) and cell != cell)
    if blank:
        return {"kind": "missing", "value": None, "unit": None, "qualifier": None,
                "warnings": [], "error": None}  # fmt: skip
    if isinstance(cell, float):  # as parse_many reads a float: through its shortest repr
        cell = D(repr(cell))
    try:
        value: Target = parse_target(cell, indicator=indicator)
    except TargetParseError as error:
        return {"kind": "error", "value": None, "unit": None, "qualifier": None,
                "warnings": [], "error": error.reason}  # fmt: skip
    number = getattr(value, "value", None)
    single = value.kind in ("percent", "quantity", "number", "money")
    return {
        "kind": value.kind,
        "value": float(number) if single else None,
        "unit": value.unit,
        "qualifier": value.qualifier,
        "warnings": list(value.warnings),
        "error": None,
    }


def test_every_row_is_kept_and_blank_cells_are_missing() -> None:
    cells = ["97,5%", None, "", "  ", "12 Lap", "xyz", "≥ 80%", "97,5%"]
    frame = pl.DataFrame({"Target": cells})
    out = frame.select(ktp.parse("Target"))
    assert out.columns == ["Target"]
    assert out.schema["Target"] == ktp.TARGET_STRUCT
    assert out["Target"].to_list() == [_expected(c) for c in cells]


def test_numeric_columns() -> None:
    frame = pl.DataFrame(
        {
            "f": [0.975, float("nan"), None, 12.0],
            "i": [3, None, 3, 100],
            "d": pl.Series([D("2.5"), None, D("1"), D("2.5")], dtype=pl.Decimal(10, 1)),
        }
    )
    out = frame.select(ktp.parse("f"), ktp.parse("i"), ktp.parse("d"))
    assert out["f"].to_list() == [_expected(c) for c in frame["f"].to_list()]
    assert out["i"].to_list() == [_expected(c) for c in frame["i"].to_list()]
    assert out["d"].to_list() == [_expected(c) for c in frame["d"].to_list()]


@settings(max_examples=100)
@given(
    st.lists(
        st.one_of(target_cells().map(lambda c: c[0]), st.sampled_from([None, "", "xyz"])),
        min_size=1,
        max_size=15,
    )
)
def test_the_struct_is_what_parse_target_reads(cells: list[str | None]) -> None:
    out = pl.DataFrame({"t": cells}, schema={"t": pl.String}).select(ktp.parse("t"))
    assert out["t"].to_list() == [_expected(c) for c in cells]


def test_each_distinct_cell_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = ktp.parse_many

    def counting(texts: list[Any], **options: Any) -> list[Target | TargetParseError]:
        calls.append(len(texts))
        return real(texts, **options)

    monkeypatch.setattr(ktp, "parse_many", counting)
    cells = ["97,5%", "12 Lap", None, "100%"] * 2_500
    out = pl.DataFrame({"t": cells}).select(ktp.parse("t"))
    assert out.height == len(cells)
    assert sum(calls) <= 4  # three distinct cells and the null
    assert out["t"].to_list()[4:8] == [_expected(c) for c in cells[:4]]


def test_an_expression_and_a_lazy_frame() -> None:
    frame = pl.LazyFrame({"t": [" 97,5% ", "12 Lap"]})
    out = frame.with_columns(parsed=ktp.parse(pl.col("t").str.strip_chars())).collect()
    assert out["parsed"].struct.field("kind").to_list() == ["percent", "quantity"]


def test_each_row_read_with_its_indicator() -> None:
    frame = pl.DataFrame(
        {"ikk": ["Persentase x", "Nilai SPIP", None, "Persentase x"], "t": ["3", "3", "3", None]}
    )
    out = frame.select(ktp.parse("t", indicator=pl.col("ikk")))
    expected = [_expected(t, i) for i, t in zip(frame["ikk"], frame["t"], strict=True)]
    assert out["t"].to_list() == expected
    assert out["t"].struct.field("kind").to_list() == ["percent", "number", "number", "missing"]
    same = frame.select(ktp.parse("t", indicator="Persentase x"))
    assert same["t"].to_list() == [_expected(t, "Persentase x") for t in frame["t"]]


ROWS = [
    ("Persentase Partisipasi Pemilih", "77,5%", "81,2%", "max"),
    ("Jumlah pengaduan yang tidak ditindaklanjuti", "5", "3", "min"),
    ("Persentase laporan keuangan tepat waktu", "100%", None, None),
    ("Persentase x", "80%", "lima", None),
    ("Persentase Partisipasi Pemilih", "77,5%", "81,2%", "max"),
]


def test_capaian_agrees_with_compute_row() -> None:
    frame = pl.DataFrame(ROWS, schema=["ikk", "target", "realisasi", "polaritas"], orient="row")
    out = frame.select(
        ktp.capaian("target", "realisasi", indicator="ikk", polarity_column="polaritas", cap=120)
    )
    assert out.schema["capaian"] == ktp.CAPAIAN_STRUCT
    for got, (i, t, r, p) in zip(out["capaian"].to_list(), ROWS, strict=True):
        row = compute_row(i, t, r, polarity_cell=p, cap=120)
        found = row.achievement
        assert got["capaian"] == (row.capaian or None)
        assert got["status"] == (row.status or None)
        assert got["keterangan"] == (row.keterangan or None)
        assert got["met"] == (found.met if found else None)
        if found is not None and found.percent is not None:
            assert got["percent"] == float(found.percent)
        else:
            assert got["percent"] is None
    assert out["capaian"].struct.field("capaian").to_list()[:2] == ["104,77%", "120%"]  # capped


def test_capaian_options_are_checked_when_the_expression_is_built() -> None:
    with pytest.raises(SchemaError, match="cap"):
        ktp.capaian("target", "realisasi", cap="lots")
    with pytest.raises(SchemaError, match="polarity"):
        ktp.capaian("target", "realisasi", polarity="up")
