"""The Word container on merges, tab-stop tables, content controls and nested tables."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

docx = pytest.importorskip("docx")

from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from kinerja_target.containers import Line, Span, open_grids  # noqa: E402
from merged_grids import Spans, merged_grids  # noqa: E402


def read(document: Any, folder: Path) -> tuple[Line, ...]:
    path = folder / "doc.docx"
    document.save(str(path))
    (grid,) = open_grids(path)
    assert grid.container == "docx"
    return grid.lines


def test_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("RENCANA KINERJA TAHUNAN 2024")
    document.add_paragraph("KPU Kota Ambon\nSasaran: Terwujudnya pemilu")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indikator", "Target"
    table.cell(1, 0).text = "Nilai SAKIP"
    table.cell(1, 1).paragraphs[0].add_run("70")
    table.cell(1, 1).add_paragraph("%")
    document.add_paragraph("No\tIndikator\tTarget")
    assert read(document, tmp_path) == (
        Line(1, text="RENCANA KINERJA TAHUNAN 2024"),
        Line(2, text="KPU Kota Ambon"),
        Line(3, text="Sasaran: Terwujudnya pemilu"),
        Line(4, cells=("Indikator", "Target"), where="tabel 1, baris 1"),
        Line(5, cells=("Nilai SAKIP", "70\n%"), where="tabel 1, baris 2"),
        Line(6, cells=("No", "Indikator", "Target")),
    )


def test_merges_down_and_across_are_spans_and_covered_text_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "Sasaran"
    table.cell(0, 1).text = "Target 2024"
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(1, 0).text = "Meningkatnya akuntabilitas"
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 1).text, table.cell(1, 2).text = "IKM", "3,5"
    table.cell(2, 1).text, table.cell(2, 2).text = "SAKIP", "BB"
    # A converter leaves the anchor's text in a covered cell too: not repeated.
    covered = table.rows[2]._tr.tc_lst[0]
    covered.clear_content()
    covered.add_p().add_r().text = "Meningkatnya akuntabilitas"
    lines = read(document, tmp_path)
    assert [line.cells for line in lines] == [
        ("Sasaran", "Target 2024", ""),
        ("Meningkatnya akuntabilitas", "IKM", "3,5"),
        ("", "SAKIP", "BB"),
    ]
    assert lines[0].spans == (Span(1, 1, 2),)
    assert lines[1].spans == (Span(0, 2, 1),)


def test_grid_before_content_controls_and_nested_tables(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Indikator", "Target"
    cell = table.cell(1, 1)
    cell.text = "Rincian"
    row = table.rows[1]._tr
    row.remove(row.tc_lst[0])
    row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {nsdecls("w")} w:val="1"/>'))
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "Triwulan I", "25%"
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Sleman, 2 Januari 2024"
        "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(len(document.element.body) - 1, sdt)
    lines = read(document, tmp_path)
    assert [(line.text, line.cells) for line in lines] == [
        ("", ("Indikator", "Target")),
        ("", ("", "Rincian")),
        ("", ("Triwulan I", "25%")),
        ("Sleman, 2 Januari 2024", None),
    ]
    assert lines[2].where == "tabel 2, baris 1"


def test_a_text_box_stored_twice_is_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Lampiran")
    box = parse_xml(
        f"<mc:AlternateContent {nsdecls('w')} xmlns:mc="
        '"http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:r><w:t>'
        "PK 2024</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>PK 2024</w:t></w:r>"
        "</mc:Fallback></mc:AlternateContent>"
    )
    paragraph._p.append(box)
    assert read(document, tmp_path) == (Line(1, text="LampiranPK 2024"),)


_WORD = st.text("abcdeKPU 0123456789%,.", min_size=1, max_size=6).map(str.strip)


def _grids() -> st.SearchStrategy[tuple[list[list[str]], Spans]]:
    return merged_grids(_WORD, height=5, width=4)


@settings(max_examples=40)
@given(_grids())
def test_merged_grid_written_with_python_docx_reads_back(
    case: tuple[list[list[str]], dict[tuple[int, int], tuple[int, int]]],
) -> None:
    rows, spans = case
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for (r, c), (down, across) in spans.items():
        table.cell(r, c).text = rows[r][c]
        if (down, across) != (1, 1):
            table.cell(r, c).merge(table.cell(r + down - 1, c + across - 1))
    with tempfile.TemporaryDirectory() as folder:
        lines = read(document, Path(folder))
    expected = [
        tuple(" ".join(v.split()) if (r, c) in spans else "" for c, v in enumerate(row))
        for r, row in enumerate(rows)
    ]
    assert [line.cells for line in lines] == expected
    for r, line in enumerate(lines):
        assert set(line.spans) == {
            Span(c, *spans[(r, c)])
            for c in range(len(rows[0]))
            if (r, c) in spans and spans[(r, c)] != (1, 1)
        }
