"""``capaian`` on every LKj document ``read`` reads, in every container, and the safety of
what it writes: one capaian per row with a realisation, the output read back through
``read``, the same file twice, the input never written over, no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kinerja_target.capaian import RowKind, compute_table, write_table
from kinerja_target.cli import main
from kinerja_target.documents import read_document
from kinerja_target.errors import DocumentWriteError

UNSEEN = Path(__file__).parent / "data" / "unseen"
sys.path.insert(0, str(UNSEEN))
import corpus  # noqa: E402

LKJ = [
    "lkj_kab_bantul_2023",
    "lkj_kab_klaten_2023",
    "lkj_setjen_kpu_2023",
    "lkj_kab_sukoharjo_2023",
]
AWKWARD = Path(__file__).parent / "data" / "awkward"


@pytest.mark.parametrize("name", LKJ)
def test_capaian_computes_on_every_lkj_document_read_reads(name: str, tmp_path: Path) -> None:
    source = corpus.path_of(name, tmp_path)
    rows = read_document(source)
    report = compute_table(source)
    assert [r.row for r in report.rows] == [r.line for r in rows]
    with_realisation = [c for c, r in zip(report.rows, rows, strict=True) if r.realisasi_raw]
    assert with_realisation
    assert all(
        c.kind in (RowKind.COMPUTED, RowKind.ERROR, RowKind.NOT_COMPUTABLE)
        for c in with_realisation
    )
    assert sum(c.kind is RowKind.COMPUTED for c in with_realisation) >= len(with_realisation) * 0.8
    out = tmp_path / "out.csv"
    write_table(report, out)
    back = read_document(out)
    # every row comes back; where the document had no capaian column, ours is capaian_raw
    assert len(back) == len(rows)
    if not any(r.capaian_raw for r in rows):
        assert [b.capaian_raw or "" for b in back] == [c.capaian for c in report.rows]


@pytest.mark.parametrize("name", ["lkj_two_row_header.xlsx", "formulas_cached.xlsx", "macros.xlsm"])
def test_a_workbook_written_twice_is_the_same_file(name: str, tmp_path: Path) -> None:
    first, second = tmp_path / f"first{Path(name).suffix}", tmp_path / f"second{Path(name).suffix}"
    write_table(compute_table(AWKWARD / name), first)
    write_table(compute_table(first), second)
    assert second.read_bytes() == first.read_bytes()
    back = read_document(second)
    assert any(r.capaian_raw for r in back)


def test_writing_over_the_input_is_refused_and_in_place_keeps_a_copy(tmp_path: Path) -> None:
    source = tmp_path / "lkj.csv"
    source.write_bytes((AWKWARD / "lkj_unfilled.csv").read_bytes())
    before = source.read_bytes()
    with pytest.raises(DocumentWriteError, match="that is the input"):
        write_table(compute_table(source), source)
    assert source.read_bytes() == before
    write_table(compute_table(source), source, in_place=True)
    assert (tmp_path / "lkj.bak.csv").read_bytes() == before
    assert source.read_bytes() != before


@pytest.mark.parametrize(
    "argv",
    [
        ["capaian", "{lkj}", "-o", "{tmp}"],  # a folder
        ["capaian", "{lkj}", "-o", "{tmp}/missing/out.csv"],  # a missing folder
        ["capaian", "{lkj}", "-o", "{lkj}"],  # the input itself
        ["capaian", "{lkj}", "-o", "{tmp}/out.ods"],  # a format not written
        ["check", "--ignore", "no_such_check", "{lkj}"],
        ["read", "{tmp}/missing.csv"],
        ["capaian"],
    ],
)
def test_bad_usage_and_unwritable_outputs_exit_2_without_a_traceback(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lkj = tmp_path / "lkj.csv"
    lkj.write_bytes((AWKWARD / "lkj_unfilled.csv").read_bytes())
    before = lkj.read_bytes()
    args = [a.format(lkj=lkj, tmp=tmp_path) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.strip()
    assert lkj.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))  # no half-written output left behind


def test_capaian_exits_1_when_a_row_cannot_be_computed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.csv"
    assert main(["capaian", str(AWKWARD / "lkj_unfilled.csv"), "-o", str(out)]) == 1
    assert "tidak dapat dihitung" in capsys.readouterr().err
    assert len(read_document(out)) == 3


def test_a_text_document_is_written_as_a_new_table(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    report = compute_table(AWKWARD / "lkj_unfilled.txt")
    write_table(report, out)
    back = read_document(out)
    assert [b.indicator for b in back] == [r.indicator for r in report.read]
    assert [b.capaian_raw or "-" for b in back] == [c.capaian or "-" for c in report.rows]
