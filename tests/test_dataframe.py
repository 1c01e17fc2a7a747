"""The pandas accessor: columns of target cells read into values and analysis columns,
and capaian found by the reader's column vocabulary."""

from __future__ import annotations

import csv
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

from kinerja_target import (  # noqa: E402
    Missing,
    Percent,
    SchemaError,
    Target,
    TargetParseError,
    parse_target,
)
from kinerja_target.dataframe import (  # noqa: E402
    ANALYSIS_COLUMNS,
    PERCENT_COLUMN,
    add_capaian,
    column_role,
)
from kinerja_target.documents.header import _column_role  # noqa: E402
from kinerja_target.lakip import compute_row  # noqa: E402
from kinerja_target.strategies import target_cells  # noqa: E402

VOCABULARY = Path(__file__).parents[1] / "src" / "kinerja_target" / "data" / "tables_columns.csv"
BLANKS = [None, float("nan"), "", "   ", pd.NA, np.nan, pd.NaT]


def test_blank_cells_are_missing_and_bad_cells_keep_their_error() -> None:
    cells = pd.Series(
        ["97,5%", *BLANKS, "12 Lap", "xyz", 35, np.int64(7), D("2.5"), 0.975],
        index=[f"r{i}" for i in range(14)],
        name="Target",
    )
    values = cells.kt.parse()
    assert list(values.index) == list(cells.index)
    assert values.name == "Target"
    assert values.iloc[0] == Percent(D("97.5"))
    assert all(isinstance(v, Missing) for v in values.iloc[1:8])
    assert values.iloc[8] == parse_target("12 Lap")
    error = values.iloc[9]
    assert isinstance(error, TargetParseError)
    assert error.text == "xyz"
    assert values.iloc[10:].tolist() == [
        parse_target(35),
        parse_target(7),
        parse_target(D("2.5")),
        parse_target(D("0.975")),
    ]


def test_each_cell_is_read_with_its_rows_indicator() -> None:
    cells = pd.Series(["35", "35", "35"], index=[3, 1, 2])
    wording = pd.Series(
        {1: "Persentase laporan tepat waktu", 2: "Jumlah laporan keuangan", 3: None}
    )
    values = cells.kt.parse(indicator=wording)
    assert values.loc[1] == parse_target("35", indicator="Persentase laporan tepat waktu")
    assert values.loc[2] == parse_target("35", indicator="Jumlah laporan keuangan")
    assert values.loc[3] == parse_target("35")
    assert values.loc[1] != values.loc[3]


@settings(max_examples=100)
@given(st.lists(st.one_of(target_cells(), st.sampled_from(BLANKS[:4])), max_size=12))
def test_columns_agree_with_the_values(cells: list[tuple[str, Target] | object]) -> None:
    texts = [c[0] if isinstance(c, tuple) else c for c in cells]
    series = pd.Series(texts, dtype=object)
    values = series.kt.parse()
    frame = series.kt.columns()
    assert list(frame.columns) == list(ANALYSIS_COLUMNS)
    assert str(frame["value"].dtype) == "Float64"
    for text, value, (_, row) in zip(texts, values, frame.iterrows(), strict=True):
        if isinstance(text, str) and text.strip():
            assert value == parse_target(text)
        else:
            assert isinstance(value, Missing)
        assert row["kind"] == value.kind
        number = getattr(value, "value", None)
        if value.kind in ("percent", "quantity", "number", "money"):
            assert row["value"] == float(number)
        else:
            assert pd.isna(row["value"])
        assert (row["warnings"] or "") == ",".join(value.warnings)


def test_frame_parse_finds_the_target_and_indicator_columns() -> None:
    frame = pd.DataFrame(
        {
            "No": [1, 2],
            "Indikator Kinerja Utama": ["Persentase partisipasi pemilih", "Jumlah laporan"],
            "Target 2024": ["77,5", "12"],
        }
    )
    values = frame.kt.parse()
    assert values.tolist() == [
        parse_target("77,5", indicator="Persentase partisipasi pemilih"),
        parse_target("12", indicator="Jumlah laporan"),
    ]
    assert values.iloc[0].kind == "percent"
    assert frame.kt.columns()["kind"].tolist() == [v.kind for v in values]


def test_the_vocabulary_is_the_table_readers() -> None:

    with VOCABULARY.open(encoding="utf-8") as f:
        phrases = [row["phrase"] for row in csv.DictReader(f)]
    headers = [*phrases, *(p.upper() + " 2024" for p in phrases), "Uraian", "Penjelasan/Formula"]
    for header in headers:
        # The reader's own function, until the two share one module.
        assert column_role(header) == _column_role(header), header
    assert column_role("Polaritas") == "polarity"


LKJ = pd.DataFrame(
    {
        "No": ["1", "2", "3"],
        "Indikator Kinerja Utama": [
            "Persentase Partisipasi Pemilih",
            "Jumlah pengaduan yang tidak ditindaklanjuti",
            "Persentase laporan keuangan tepat waktu",
        ],
        "Target 2024": ["77,5%", "5", "100%"],
        "Realisasi": ["81,2%", "3", None],
        "Realisasi Anggaran": ["Rp 10.000", "Rp 20.000", "Rp 0"],
        "Polaritas": ["max", "min", ""],
    },
    index=["a", "b", "c"],
)


def test_add_capaian_uses_the_readers_column_names() -> None:
    out = add_capaian(LKJ)
    expected = [
        compute_row(i, t, r, polarity_cell=p)
        for i, t, r, p in zip(
            LKJ["Indikator Kinerja Utama"],
            LKJ["Target 2024"],
            LKJ["Realisasi"],
            LKJ["Polaritas"],
            strict=True,
        )
    ]
    assert out["Capaian"].tolist() == [e.capaian for e in expected]
    assert out.loc["b", "Capaian"] == "140%"  # lower is better, from the Polaritas column
    assert out.loc["c", "Status"] == "Tidak dapat dihitung"
    assert list(out.index) == list(LKJ.index)
    assert LKJ.kt.add_capaian()["Capaian"].tolist() == out["Capaian"].tolist()


def test_capaian_for_analysis_matches_the_exact_percent() -> None:
    exact = add_capaian(LKJ)
    result = LKJ.kt.capaian()
    assert list(result.index) == list(LKJ.index)
    assert str(result["percent"].dtype) == "Float64"
    for label in LKJ.index:
        percent = exact.loc[label, PERCENT_COLUMN]
        if percent is None:
            assert pd.isna(result.loc[label, "percent"])
            assert pd.isna(result.loc[label, "met"])
        else:
            assert result.loc[label, "percent"] == float(percent)
        assert result.loc[label, "capaian"] == exact.loc[label, "Capaian"]
        assert (result.loc[label, "status"] or "") == exact.loc[label, "Status"]
    assert result["polarity"].tolist() == ["max", "min", "max"]


def test_several_candidate_columns_must_be_named() -> None:
    frame = pd.DataFrame(
        {
            "Indikator": ["Persentase x"],
            "Target 2024": ["80%"],
            "Target 2025": ["85%"],
            "Realisasi": ["81%"],
        }
    )
    with pytest.raises(SchemaError, match=r"several target columns.*'Target 2025'.*target="):
        add_capaian(frame)
    assert add_capaian(frame, target="target 2025")["Capaian"].tolist() == ["95,29%"]


def test_a_missing_column_names_the_frames_columns() -> None:
    frame = pd.DataFrame({"Uraian": ["x"], "Target": ["1"]})
    with pytest.raises(SchemaError, match=r"no indicator column.*'Uraian', 'Target'.*indicator="):
        frame.kt.capaian()
    with pytest.raises(SchemaError, match=r"no target column 'Sasaran'"):
        frame.kt.parse("Sasaran")
