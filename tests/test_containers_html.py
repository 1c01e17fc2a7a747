"""The HTML container on the shapes e-SAKIP pages and office exports take."""

from __future__ import annotations

import html
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kinerja_target.containers import Line, Span, open_grids
from kinerja_target.containers.html import decode_html, html_lines
from merged_grids import Spans, merged_grids


def cells(markup: str) -> list[tuple[str, ...]]:
    return [line.cells for line in html_lines(markup) if line.cells is not None]


def prose(markup: str) -> list[str]:
    return [line.text for line in html_lines(markup) if line.cells is None]


def test_headings_and_paragraphs_are_prose_in_document_order() -> None:
    lines = html_lines(
        "<html><head><title>e-SAKIP</title><style>td{color:red}</style>"
        "<script>var x = '<table><tr><td>no</td></tr></table>';</script></head><body>"
        "<h3>PERJANJIAN KINERJA TAHUN 2024</h3><div>KPU Kabupaten Sleman<br>Sasaran 1</div>"
        "<table><caption>Tabel 1</caption><tr><td>Indikator</td><td>Target</td></tr></table>"
        "<p>Sleman, 2 Januari 2024</p></body></html>"
    )
    assert lines == [
        Line(1, text="PERJANJIAN KINERJA TAHUN 2024"),
        Line(2, text="KPU Kabupaten Sleman"),
        Line(3, text="Sasaran 1"),
        Line(4, text="Tabel 1"),
        Line(5, cells=("Indikator", "Target"), where="tabel 1, baris 1"),
        Line(6, text="Sleman, 2 Januari 2024"),
    ]


def test_a_head_left_open_ends_where_the_body_begins() -> None:
    assert prose("<html><head><title>x</title><h1>RKT 2024</h1><p>KPU Kota Ambon") == [
        "RKT 2024",
        "KPU Kota Ambon",
    ]


def test_breaks_and_blocks_in_a_cell_are_line_breaks_and_entities_are_decoded() -> None:
    rows = cells(
        "<table><tr><td>Persentase&nbsp;laporan<br/>tepat   waktu</td>"
        "<td><p>77,5&#37;</p><p>(4 satker)</p></td><td>&lt;i&gt; &amp; </td></tr></table>"
    )
    assert rows == [("Persentase laporan\ntepat waktu", "77,5%\n(4 satker)", "<i> &")]


def test_rowspan_stops_at_the_end_of_its_row_group() -> None:
    # As browsers lay it out: a header cell cannot reach into the body.
    lines = html_lines(
        "<table><thead><tr><th rowspan=3>No</th><th>Target</th></tr></thead>"
        "<tbody><tr><td>1</td><td>70%</td></tr></tbody></table>"
    )
    assert [line.cells for line in lines] == [("No", "Target"), ("1", "70%")]
    assert lines[0].spans == ()


def test_rowspan_zero_reaches_the_end_of_the_group_and_cells_skip_covered_slots() -> None:
    lines = html_lines(
        "<table><tr><td rowspan=0>Sasaran</td><td colspan=2>Indikator</td></tr>"
        "<tr><td>A</td><td>90%</td></tr><tr><td>B</td><td>95%</td></tr></table>"
    )
    assert [line.cells for line in lines] == [
        ("Sasaran", "Indikator", ""),
        ("", "A", "90%"),
        ("", "B", "95%"),
    ]
    assert lines[0].spans == (Span(0, 3, 1), Span(1, 1, 2))


def test_unclosed_cells_and_rows_close_as_browsers_close_them() -> None:
    assert cells("<table><tr><td>1<td>Nilai SAKIP<td>BB<tr><td>2<td>IKM<td>3,5</table>") == [
        ("1", "Nilai SAKIP", "BB"),
        ("2", "IKM", "3,5"),
    ]


def test_a_nested_table_follows_the_row_that_holds_it() -> None:
    lines = html_lines(
        "<table><tr><td><h4>RKT 2024</h4>"
        "<table><tr><td>Indikator</td><td>Target</td></tr><tr><td>IKM</td><td>3,5</td></tr>"
        "</table></td></tr><tr><td>Catatan</td></tr></table>"
    )
    assert [(line.text, line.cells, line.where) for line in lines] == [
        ("RKT 2024", None, None),
        ("", ("Indikator", "Target"), "tabel 2, baris 1"),
        ("", ("IKM", "3,5"), "tabel 2, baris 2"),
        ("", ("Catatan",), "tabel 1, baris 2"),
    ]


def test_a_data_row_with_a_table_in_a_cell_stays_a_record() -> None:
    lines = html_lines(
        "<table><tr><td>IKM</td><td>3,5<table><tr><td>TW I</td><td>3,2</td></tr></table>"
        "</td></tr></table>"
    )
    assert [line.cells for line in lines] == [("IKM", "3,5"), ("TW I", "3,2")]


def test_an_excel_html_export_reads_as_the_sheet_shows() -> None:
    markup = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">'
        "<!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]-->"
        '<style>.xl65{mso-number-format:"0\\.00%";}</style></head><body>'
        "<table x:str border=0 cellpadding=0 cellspacing=0><col width=64 span=2>"
        '<tr height=20><td class=xl65 x:num="0.975">97,50%</td>'
        '<td x:str="\'=A1">=A1</td></tr></table></body></html>'
    )
    assert cells(markup) == [("97,50%", "=A1")]
    assert prose(markup) == []


def test_charset_from_the_bom_the_meta_or_else_windows_1252_with_a_note() -> None:
    text = "<p>Capaian ≥ 100%</p>"
    assert decode_html(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, None)
    assert decode_html(b"\xff\xfe" + text.encode("utf-16-le")) == (text, None)
    assert decode_html(b'<meta charset="iso-8859-1"><p>Kab. Pidi\xe9</p>')[0].endswith("Pidié</p>")
    decoded, note = decode_html(b"<p>Kab. Pidi\xe9</p>")
    assert decoded == "<p>Kab. Pidié</p>"
    assert note is not None
    assert "Windows-1252" in note


def test_a_page_reaches_the_html_container_by_its_bytes(tmp_path: Path) -> None:
    page = tmp_path / "laporan.xls"  # e-office applications serve HTML as .xls
    page.write_text("<table><tr><td>Target</td></tr></table>", encoding="utf-8")
    (grid,) = open_grids(page)
    assert grid.container == "html"
    assert grid.lines == (Line(1, cells=("Target",), where="tabel 1, baris 1"),)


def test_an_excel_2003_xml_workbook_reads_as_its_table() -> None:
    # e-office applications serve "XML Spreadsheet" files as .xls; they begin with <?xml.
    (grid,) = open_grids(Path(__file__).parent / "data" / "corpus" / "rkt_excel2003.xml")
    assert [(line.cells, line.spans) for line in grid.lines] == [
        (("RKT KPU Kota Ambon 2024", "", ""), (Span(0, 1, 3),)),
        (("Sasaran", "Indikator", "Target"), ()),
        (("Terwujudnya SDM", "Nilai SAKIP", "70"), (Span(0, 2, 1),)),
        (("", "IKM", "3,5"), ()),
    ]


# -- property: any merged grid written as HTML is read back as written --------------------


_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Z")), max_size=6
)


def _grids() -> st.SearchStrategy[tuple[list[list[str]], Spans]]:
    """A grid of cells with non-overlapping merges: (rows, {anchor: (rowspan, colspan)})."""
    return merged_grids(_TEXT, height=6, width=5)


@given(_grids())
def test_merged_grid_written_as_html_reads_back(
    case: tuple[list[list[str]], dict[tuple[int, int], tuple[int, int]]],
) -> None:
    rows, spans = case
    markup = ["<table>"]
    for r, row in enumerate(rows):
        markup.append("<tr>")
        for c, value in enumerate(row):
            if (r, c) in spans:
                down, across = spans[(r, c)]
                markup.append(f"<td rowspan={down} colspan={across}>{html.escape(value)}</td>")
        markup.append("</tr>")
    markup.append("</table>")
    lines = html_lines("".join(markup))
    expected = [
        tuple(" ".join(value.split()) if (r, c) in spans else "" for c, value in enumerate(row))
        for r, row in enumerate(rows)
    ]
    assert [line.cells for line in lines] == expected
    for r, line in enumerate(lines):
        assert line.spans == tuple(
            Span(c, *spans[(r, c)])
            for c in range(len(rows[0]))
            if (r, c) in spans and spans[(r, c)] != (1, 1)
        )
