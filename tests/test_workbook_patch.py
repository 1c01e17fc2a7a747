"""Writing cells into an existing workbook: the cells read back, everything else stays.

The workbooks come from the awkward corpus (``tests/data/awkward/``): formulas with the
values Excel cached, an ``.xlsm`` with its VBA part, a chart, merged headers, broken
files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_target.containers import _xmlsplice
from kinerja_target.containers.workbook_patch import CellWrite, patch_workbook
from kinerja_target.errors import DocumentReadError, DocumentWriteError, SchemaError

AWKWARD = Path(__file__).parent / "data" / "awkward"
SHEET_PART = "xl/worksheets/sheet1.xml"


def copy(name: str, folder: Path) -> Path:
    path = folder / name
    shutil.copyfile(AWKWARD / name, path)
    return path


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def excel_text(text: str) -> str:
    """A cell's text as Excel reads it: openpyxl leaves Excel's ``_xHHHH_`` escapes as
    they are (ECMA-376 ST_Xstring), Excel decodes them."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def snapshot(path: Path, sheet: str) -> dict[tuple[int, int], tuple[Any, ...]]:
    """Every cell: value (formulas as text), cached value, number format, bold."""
    formulas = openpyxl.load_workbook(path)[sheet]
    values = openpyxl.load_workbook(path, data_only=True)[sheet]
    cells = {}
    for row in formulas.iter_rows():
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            cached = values.cell(cell.row, cell.column).value
            cells[cell.row, cell.column] = (cell.value, cached, cell.number_format, cell.font.b)
    return cells


# -- values, formats, formulas ----------------------------------------------------------------


def test_written_values_and_formats_read_back(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    out = tmp_path / "out.xlsx"
    patch_workbook(
        path,
        out,
        "Pengukuran Kinerja",
        [
            CellWrite(1, 7, "Status", bold=True),
            CellWrite(2, 7, Decimal("1.029375"), number_format="0.00%"),
            CellWrite(3, 7, "=19/20"),
            CellWrite(4, 7, 7),
            CellWrite(5, 7, Decimal("102.94"), number_format="0.00"),
            CellWrite(2, 9, "Keterangan panjang", number_format="@"),
        ],
    )
    sheet = openpyxl.load_workbook(out)["Pengukuran Kinerja"]
    assert (sheet["G1"].value, sheet["G1"].font.b) == ("Status", True)
    assert (sheet["G2"].value, sheet["G2"].number_format) == (1.029375, "0.00%")
    assert (sheet["G3"].value, sheet["G3"].data_type) == ("=19/20", "s")
    assert (sheet["G4"].value, sheet["G4"].number_format) == (7, "General")
    assert (sheet["G5"].value, sheet["G5"].number_format) == (102.94, "0.00")
    assert (sheet["I2"].value, sheet["I2"].number_format) == ("Keterangan panjang", "@")
    assert sheet["G1"].font.name == sheet["E1"].font.name  # the rest of the font kept


def test_untouched_formulas_keep_their_cached_values(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    before = snapshot(path, "Pengukuran Kinerja")
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(2, 7, Decimal("0.5"))])
    after = snapshot(path, "Pengukuran Kinerja")
    assert after.pop((2, 7))[0] == 0.5
    assert after == before
    # The formula that openpyxl itself would have lost: =19/20 and its value 0.95.
    assert after[5, 3][:2] == ("=19/20", 0.95)
    assert after[6, 5][:2] == ("=D6/C6", "#DIV/0!")


def test_overwriting_the_first_cell_of_a_shared_formula(tmp_path: Path) -> None:
    # E2 holds the shared formula D2/C2 for E2:E4; E3 and E4 only point to it.
    path = copy("formulas_cached.xlsx", tmp_path)
    before = snapshot(path, "Pengukuran Kinerja")
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(2, 5, Decimal("1.03"))])
    after = snapshot(path, "Pengukuran Kinerja")
    assert after[2, 5][0] == 1.03
    assert after[3, 5] == before[3, 5]
    assert after[3, 5][0] == "=D3/C3"
    assert after[4, 5] == before[4, 5]
    assert after[4, 5][0] == "=D4/C4"
    sheet = members(path)[SHEET_PART].decode()
    assert 't="shared"' not in sheet
    # calcChain.xml named E2, which holds no formula any more: the part is dropped with
    # its relationship and content type (Excel rebuilds it).
    parts = members(path)
    assert "xl/calcChain.xml" not in parts
    assert b"calcChain" not in parts["[Content_Types].xml"]
    assert b"calcChain" not in parts["xl/_rels/workbook.xml.rels"]
    for data in parts.values():
        if data.lstrip().startswith(b"<?xml"):
            _xmlsplice.check(data)


def test_calc_chain_kept_when_no_formula_is_overwritten(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    original = members(path)
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(2, 7, "x")])
    parts = members(path)
    assert parts["xl/calcChain.xml"] == original["xl/calcChain.xml"]
    assert parts["[Content_Types].xml"] == original["[Content_Types].xml"]


@pytest.mark.parametrize(
    ("name", "sheet", "kept"),
    [
        ("macros.xlsm", "LKj 2023", "xl/vbaProject.bin"),
        ("chart.xlsx", "Capaian", "xl/charts/chart1.xml"),
    ],
)
def test_every_other_part_is_copied_byte_for_byte(
    tmp_path: Path, name: str, sheet: str, kept: str
) -> None:
    path = copy(name, tmp_path)
    out = tmp_path / f"out{path.suffix}"
    cells = [
        CellWrite(1, 6, "Capaian", bold=True),
        CellWrite(2, 6, Decimal("1.0294"), number_format="0.00%"),
    ]
    patch_workbook(path, out, sheet, cells)
    before, after = members(path), members(out)
    assert list(after) == list(before)  # same parts, same order
    changed = {n for n in before if before[n] != after[n]}
    assert changed == {SHEET_PART, "xl/styles.xml"}
    assert after[kept] == before[kept]
    assert after["[Content_Types].xml"] == before["[Content_Types].xml"]


def test_styles_grow_only_by_what_is_new(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    styles = members(path)["xl/styles.xml"]
    # xf 1 is 0% in the default font: reused as it is.
    patch_workbook(
        path, path, "Pengukuran Kinerja", [CellWrite(8, 1, Decimal("0.5"), number_format="0%")]
    )
    after = members(path)
    assert after["xl/styles.xml"] == styles
    assert re.search(rb'<c r="A8" s="1">', after[SHEET_PART])
    # Bold on a plain cell: the bold font 1 is reused; the header's xf 5 also centres its
    # text, so a plain bold xf is appended.
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(8, 2, "x", bold=True)])
    bold = members(path)["xl/styles.xml"].decode()
    assert '<fonts count="2"' in bold
    assert bold.endswith(
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
        "</cellXfs>" + styles.decode().split("</cellXfs>")[1]
    )
    styles = bold.encode()
    # A new format: one numFmt and one xf appended, then reused by the second cell.
    patch_workbook(
        path,
        path,
        "Pengukuran Kinerja",
        [
            CellWrite(9, 1, Decimal("1.5"), number_format="0.0000"),
            CellWrite(9, 2, Decimal("2.5"), number_format="0.0000"),
        ],
    )
    grown = members(path)["xl/styles.xml"].decode()
    assert grown.count("<xf ") == styles.decode().count("<xf ") + 1
    assert '<numFmt numFmtId="167" formatCode="0.0000"/>' in grown
    assert '<cellXfs count="10">' in grown
    sheet = openpyxl.load_workbook(path)["Pengukuran Kinerja"]
    assert sheet["A9"].number_format == sheet["B9"].number_format == "0.0000"


def test_patching_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    cells = [
        CellWrite(1, 6, "Capaian", bold=True),
        CellWrite(2, 6, Decimal("1.0294"), number_format="0.00%"),
        CellWrite(9, 2, "Baris baru"),
        CellWrite(2, 5, None),
    ]
    patch_workbook(path, path, "LKj 2023", cells)
    first = path.read_bytes()
    patch_workbook(path, path, "LKj 2023", cells)
    assert path.read_bytes() == first


def test_rows_and_cells_are_inserted_in_order(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    patch_workbook(
        path,
        path,
        "LKj 2023",
        [CellWrite(9, 3, "c"), CellWrite(7, 1, "a"), CellWrite(3, 7, "g"), CellWrite(3, 1, "z")],
    )
    text = members(path)[SHEET_PART].decode()
    rows = [int(r) for r in re.findall(r'<row r="([0-9]+)"', text)]
    assert rows == sorted(rows)
    assert {7, 9} <= set(rows)
    row3 = re.search(r'<row r="3".*?</row>', text)
    assert row3 is not None
    assert re.findall(r'<c r="([A-Z]+)3"', row3.group(0)) == ["A", "B", "C", "D", "E", "G"]
    assert re.search(r'<dimension ref="A1:G9"/>', text)
    assert re.search(r'<row r="3" spans="1:7">', text)
    sheet = openpyxl.load_workbook(path)["LKj 2023"]
    assert (sheet["A3"].value, sheet["G3"].value, sheet["A7"].value) == ("z", "g", "a")


def test_clearing_a_cell(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    patch_workbook(path, path, "LKj 2023", [CellWrite(2, 4, None), CellWrite(2, 3, "")])
    sheet = openpyxl.load_workbook(path)["LKj 2023"]
    assert (sheet["D2"].value, sheet["C2"].value) == (None, None)
    assert sheet["D2"].number_format == "0.00%"  # a cleared cell keeps its format


def test_namespace_prefixes_and_ignorable_declarations_survive(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    parts = members(path)
    # The same sheet with the main namespace under a prefix, as some generators write it.
    prefixed = re.sub(rb"<(/?)(?!\?)([a-zA-Z])", rb"<\1x:\2", parts[SHEET_PART])
    prefixed = prefixed.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="')
    _xmlsplice.check(prefixed)
    parts[SHEET_PART] = prefixed
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    root = re.match(rb"<\?xml[^>]*>\s*(<x:worksheet[^>]*>)", prefixed)
    assert root is not None
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(2, 7, "baru"), CellWrite(12, 1, 1)])
    text = members(path)[SHEET_PART]
    head = prefixed[: prefixed.index(b"<x:sheetData>")]
    assert text.startswith(head.replace(b'"A1:F6"', b'"A1:G12"'))  # the root tag as it was
    assert b'mc:Ignorable="x14ac"' in text
    assert b"x14ac:dyDescent" in text
    assert b'<x:c r="G2" t="inlineStr"><x:is><x:t>baru</x:t></x:is></x:c>' in text
    assert b'<x:row r="12"><x:c r="A12"><x:v>1</x:v></x:c></x:row>' in text
    sheet = openpyxl.load_workbook(path, data_only=True)["Pengukuran Kinerja"]
    assert (sheet["G2"].value, sheet["A12"].value, sheet["E5"].value) == (
        "baru",
        1,
        pytest.approx(1 / 0.95),
    )


@pytest.mark.parametrize(
    "text",
    [
        "  spaces at both ends  ",
        "line one\nline two\r\nline three\rend",
        "control \x01\x1f chars",
        "literal _x0041_ escape",
        "tab\tin <tags> & \"quotes\" 'too'",
        "emoji 🗳 and ² – ±",
    ],
)
def test_text_is_kept_as_written(tmp_path: Path, text: str) -> None:
    path = copy("macros.xlsm", tmp_path)
    patch_workbook(path, path, "LKj 2023", [CellWrite(2, 6, text)])
    value = openpyxl.load_workbook(path)["LKj 2023"]["F2"].value
    assert excel_text(value) == text


# -- refusals and errors ---------------------------------------------------------------------


def test_a_cell_under_a_merged_range_is_refused(tmp_path: Path) -> None:
    path = copy("lkj_two_row_header.xlsx", tmp_path)
    before = path.read_bytes()
    with pytest.raises(DocumentWriteError, match=r"E3 lies under the merged cell D3:E3"):
        patch_workbook(path, path, "Tabel 3.1", [CellWrite(3, 5, "Realisasi")])
    assert path.read_bytes() == before
    patch_workbook(path, path, "Tabel 3.1", [CellWrite(3, 4, "Kinerja 2023")])
    assert openpyxl.load_workbook(path)["Tabel 3.1"]["D3"].value == "Kinerja 2023"


@pytest.mark.parametrize(
    ("name", "sheet", "reason"),
    [
        (
            "formulas_cached.xlsx",
            "Tidak Ada",
            r"no sheet 'Tidak Ada' \(sheets: 'Pengukuran Kinerja'\)",
        ),
        ("chartsheet_first.xlsx", "Grafik", "is a chart sheet, not a worksheet"),
        ("empty_sheets.xlsx", "Sheet1", r"no sheet 'Sheet1' \(sheets: none\)"),
        ("corrupt_sheet.xlsx", "Pengukuran Kinerja", r"sheet1\.xml: not well-formed XML at line 2"),
        ("truncated.xlsx", "LKj 2023", "not a workbook, or a damaged one"),
        ("encrypted.xlsx", "LKj", "password-protected"),
        ("cp1252.csv", "Sheet1", "not a workbook"),
        ("missing.xlsx", "Sheet1", "no such file"),
    ],
)
def test_unreadable_workbooks(tmp_path: Path, name: str, sheet: str, reason: str) -> None:
    source = AWKWARD / name
    out = tmp_path / "out.xlsx"
    with pytest.raises(DocumentReadError, match=reason) as caught:
        patch_workbook(source, out, sheet, [CellWrite(1, 1, "x")])
    assert caught.value.source == str(source)
    assert not out.exists()


def test_a_sheet_name_matches_without_case_when_unique(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    patch_workbook(path, path, "lkj 2023", [CellWrite(2, 6, "x")])
    assert openpyxl.load_workbook(path)["LKj 2023"]["F2"].value == "x"


def test_an_unwritable_destination_leaves_everything_as_it_was(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    before = path.read_bytes()
    with pytest.raises(DocumentWriteError, match="no such folder"):
        patch_workbook(path, tmp_path / "nowhere" / "out.xlsm", "LKj 2023", [CellWrite(1, 1, "x")])
    with pytest.raises(DocumentWriteError, match="it is a folder"):
        patch_workbook(path, tmp_path, "LKj 2023", [CellWrite(1, 1, "x")])
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["macros.xlsm"]


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"row": 0, "column": 1, "value": "x"}, "row 0 is outside a sheet"),
        ({"row": 1, "column": 16_385, "value": "x"}, "column 16385 is outside a sheet"),
        ({"row": 1, "column": 1, "value": 1.5}, r"not float \(write Decimal\(str\(x\)\)"),
        ({"row": 1, "column": 1, "value": True}, "not bool"),
        ({"row": 1, "column": 1, "value": Decimal("NaN")}, "not a number a spreadsheet"),
        ({"row": 1, "column": 1, "value": Decimal("1E+400")}, "not a number a spreadsheet"),
        ({"row": 1, "column": 1, "value": "x" * 32_768}, "at most 32767 characters"),
    ],
)
def test_a_cell_write_that_cannot_be_written(kwargs: dict[str, Any], reason: str) -> None:
    with pytest.raises(SchemaError, match=reason):
        CellWrite(**kwargs)


# -- Excel validity proxies -----------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_patched_workbook(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    patch_workbook(
        path,
        path,
        "Pengukuran Kinerja",
        [
            CellWrite(1, 6, "Status", bold=True),
            CellWrite(2, 5, Decimal("1.5"), number_format="0.00%"),
            CellWrite(2, 6, "=19/20"),
            CellWrite(12, 2, "baris baru"),
        ],
    )
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    rows = (tmp_path / "formulas_cached.csv").read_text().splitlines()
    assert rows[0].endswith(",Capaian,Status")
    # LibreOffice's CSV export writes a percent with all its digits.
    assert re.fullmatch(r"150(\.00)?%", rows[1].split(",")[4])
    assert rows[1].split(",")[5] == "=19/20"
    assert rows[2].split(",")[4].startswith("103.79")  # the un-shared formula, recalculated
    assert rows[11] == ",baris baru,,,,"


# -- the property ---------------------------------------------------------------------------

_TEXT = st.text(max_size=20)
_VALUES = st.one_of(
    _TEXT,
    st.decimals(
        min_value=Decimal("-1E12"),
        max_value=Decimal("1E12"),
        places=6,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.none(),
)
_WRITES = st.builds(
    CellWrite,
    row=st.integers(1, 12),
    column=st.integers(1, 8),
    value=_VALUES,
    number_format=st.sampled_from([None, "0.00%", "0.00", "0.000", "0\\%", "@"]),
    bold=st.booleans(),
)


def nasty(folder: Path) -> Path:
    """formulas_cached.xlsx with its sheet written as other generators write sheets: the
    main namespace under a prefix, cells and a row without ``r`` (their positions implied),
    a comment holding a row, a row with a style and no cells, a column with a style."""
    path = copy("formulas_cached.xlsx", folder)
    parts = members(path)
    text = parts[SHEET_PART].decode()
    text = text.replace(
        "<sheetData>",
        '<cols><col min="8" max="8" width="20" style="3" customWidth="1"/></cols><sheetData>',
    )
    text = re.sub(r"<(/?)(?!\?)([a-zA-Z])", r"<\1x:\2", text)
    text = text.replace('<x:worksheet xmlns="', '<x:worksheet xmlns:x="')
    # Row 6 has no shared formula (openpyxl translates one only in a cell with an r).
    row6 = re.search(r'<x:row r="6".*?</x:row>', text)
    assert row6 is not None
    text = text.replace(row6.group(0), re.sub(r'<x:c r="[A-Z]+6"', "<x:c", row6.group(0)))
    text = text.replace('<x:row r="4" ', "<x:row ")
    text = text.replace(
        '</x:row><x:row r="3"',
        '</x:row><!-- <x:row r="99"><x:c r="A99"/></x:row> --><x:row r="3"',
        1,
    )
    text = text.replace(
        "</x:sheetData>",
        '<x:row r="8" s="1" customFormat="1" ht="20" customHeight="1"/></x:sheetData>',
    )
    parts[SHEET_PART] = text.encode()
    _xmlsplice.check(parts[SHEET_PART])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


# The format a new cell starts from in nasty(): row 8's style (0%), else column H's (0.000).
NASTY_BASE = {"row": {8: "0%"}, "column": {8: "0.000"}}


def _expected(
    write: CellWrite, before: tuple[Any, ...] | None, base: str
) -> tuple[Any, str, bool | None]:
    value = None if write.value == "" else write.value
    old_format = before[2] if before else base
    if write.number_format is not None:
        number_format = write.number_format
    elif value is None or isinstance(value, str):
        number_format = old_format
    else:
        number_format = "General"
    bold = True if write.bold else (before[3] if before else None)
    return value, number_format, bold


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=st.lists(_WRITES, max_size=12), awkward=st.booleans())
def test_property_written_cells_read_back_and_others_stay(
    tmp_path: Path, writes: list[CellWrite], awkward: bool
) -> None:
    path = nasty(tmp_path) if awkward else copy("formulas_cached.xlsx", tmp_path)
    bases = NASTY_BASE if awkward else {"row": {}, "column": {}}
    before = snapshot(path, "Pengukuran Kinerja")
    out = tmp_path / "out.xlsx"
    patch_workbook(path, out, "Pengukuran Kinerja", writes)
    after = snapshot(out, "Pengukuran Kinerja")
    last = {(w.row, w.column): w for w in writes}
    for position, write in last.items():
        row, column = position
        base = bases["row"].get(row) or bases["column"].get(column) or "General"
        value, number_format, bold = _expected(write, before.get(position), base)
        got = after.get(position)
        if value is None:
            assert got is None or got[0] is None
            if got is not None:
                assert got[2] == number_format
            continue
        assert got is not None
        if isinstance(value, str):
            assert excel_text(got[0]) == value
        else:
            assert got[0] == float(value) if isinstance(value, Decimal) else got[0] == value
        assert got[2] == number_format
        assert bool(got[3]) == bool(bold)
    for position, cell in before.items():
        if position not in last:
            assert after.get(position) == cell
    # And a second run changes nothing.
    again = tmp_path / "again.xlsx"
    patch_workbook(out, again, "Pengukuran Kinerja", writes)
    assert again.read_bytes() == out.read_bytes()


def test_implied_positions_comments_and_styled_rows(tmp_path: Path) -> None:
    path = nasty(tmp_path)
    patch_workbook(
        path,
        path,
        "Pengukuran Kinerja",
        [
            CellWrite(6, 6, "F6"),
            CellWrite(4, 7, "G4"),
            CellWrite(8, 2, "B8"),
            CellWrite(9, 8, "H9"),
        ],
    )
    text = members(path)[SHEET_PART].decode()
    assert '<!-- <x:row r="99"><x:c r="A99"/></x:row> -->' in text
    row8 = '<x:row r="8" s="1" customFormat="1" ht="20" customHeight="1">'
    assert row8 + '<x:c r="B8" s="1" t="inlineStr">' in text
    sheet = openpyxl.load_workbook(path)["Pengukuran Kinerja"]
    refs = ("F6", "G4", "B8", "H9", "E6", "A4", "E4")
    assert [sheet[ref].value for ref in refs] == ["F6", "G4", "B8", "H9", "=D6/C6", 3, "=D4/C4"]
    assert (sheet["B8"].number_format, sheet["H9"].number_format) == ("0%", "0.000")


def test_the_header_of_an_excel_table_is_not_renamed(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "LKj"
    sheet.append(["Indikator Kinerja", "Target", "Realisasi"])
    sheet.append(["Persentase partisipasi pemilih", 0.8, 0.8235])
    sheet.add_table(openpyxl.worksheet.table.Table(displayName="Capaian2023", ref="A1:C2"))
    path = tmp_path / "table.xlsx"
    book.save(path)
    before = path.read_bytes()
    with pytest.raises(DocumentWriteError, match="header 'Target' of the Excel table"):
        patch_workbook(path, path, "LKj", [CellWrite(1, 2, "Target 2023")])
    assert path.read_bytes() == before
    # The same text, the body, and cells beside the table are written.
    patch_workbook(
        path,
        path,
        "LKj",
        [CellWrite(1, 2, "Target"), CellWrite(2, 3, Decimal("0.9")), CellWrite(1, 4, "Capaian")],
    )
    written = openpyxl.load_workbook(path)["LKj"]
    assert [written.cell(r, c).value for r, c in ((1, 2), (2, 3), (1, 4))] == [
        "Target",
        0.9,
        "Capaian",
    ]


def test_clearing_a_cell_keeps_the_cells_after_it_in_place(tmp_path: Path) -> None:
    # Found by the property: in row 6 no cell has an r, each stands after the one before;
    # removing A6 used to move B6 to A6.
    path = nasty(tmp_path)
    before = snapshot(path, "Pengukuran Kinerja")
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(6, 1, "")])
    after = snapshot(path, "Pengukuran Kinerja")
    assert (6, 1) not in after
    assert {k: v for k, v in after.items() if k[0] == 6} == {
        k: v for k, v in before.items() if k[0] == 6 and k != (6, 1)
    }


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("name", "sheet"), [("macros.xlsm", "LKj 2023"), ("chart.xlsx", "Capaian")]
)
def test_libreoffice_opens_a_patched_macro_or_chart_workbook(
    tmp_path: Path, name: str, sheet: str
) -> None:
    path = copy(name, tmp_path)
    patch_workbook(path, path, sheet, [CellWrite(1, 7, "Capaian"), CellWrite(2, 7, "=19/20")])
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
        check=False,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    rows = (tmp_path / f"{path.stem}.csv").read_text().splitlines()
    assert rows[0].endswith(",Capaian")
    assert rows[1].endswith(",=19/20")
    assert rows[1].startswith(("1,", "Persentase"))


def test_a_damaged_part_inside_an_intact_zip(tmp_path: Path) -> None:
    data = bytearray((AWKWARD / "macros.xlsm").read_bytes())
    with zipfile.ZipFile(AWKWARD / "macros.xlsm") as archive:
        info = archive.getinfo("xl/vbaProject.bin")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10 : start + 20] = bytes(10)
    path = tmp_path / "damaged.xlsm"
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentReadError, match="damaged"):
        patch_workbook(path, path, "LKj 2023", [CellWrite(1, 1, "x")])
    assert path.read_bytes() == bytes(data)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="needs setrlimit in a child")
def test_a_write_under_a_size_limit_leaves_the_input_whole(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    before = path.read_bytes()
    # The child may write at most 2,000 bytes per file: the workbook (3.9 kB) cannot be.
    script = (
        "import resource, signal, sys\n"
        "from decimal import Decimal\n"
        "from kinerja_target.containers.workbook_patch import CellWrite, patch_workbook\n"
        "from kinerja_target.errors import DocumentWriteError\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))\n"
        "try:\n"
        "    patch_workbook(sys.argv[1], sys.argv[1], 'LKj 2023', [CellWrite(2, 6, 'x')])\n"
        "except DocumentWriteError as exc:\n"
        "    print(exc)\n"
        "    sys.exit(3)\n"
    )
    src = Path(__file__).resolve().parents[1] / "src"
    result = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert result.returncode == 3, result.stderr
    assert result.stdout.startswith(f"cannot write {path}: File too large")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["macros.xlsm"]


@pytest.mark.parametrize("empty", ["<sheetData/>", "<sheetData></sheetData>"])
def test_writing_into_an_empty_sheet(tmp_path: Path, empty: str) -> None:
    book = openpyxl.Workbook()
    assert book.active is not None
    book.active.title = "Kosong"
    path = tmp_path / "empty.xlsx"
    book.save(path)
    parts = members(path)
    # openpyxl writes either form, depending on whether lxml is installed.
    parts[SHEET_PART] = re.sub(
        rb"<sheetData\s*/>|<sheetData></sheetData>", empty.encode(), parts[SHEET_PART]
    )
    assert empty.encode() in parts[SHEET_PART]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    patch_workbook(path, path, "Kosong", [CellWrite(3, 2, "B3"), CellWrite(1, 1, 1)])
    text = members(path)[SHEET_PART].decode()
    assert re.search(r'<dimension ref="A1:B3"\s*/>', text)
    assert '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3">' in text
    sheet = openpyxl.load_workbook(path)["Kosong"]
    assert (sheet["A1"].value, sheet["B3"].value, sheet.max_row) == (1, "B3", 3)


def test_a_cell_of_an_array_formula_is_refused(tmp_path: Path) -> None:
    path = copy("formulas_cached.xlsx", tmp_path)
    parts = members(path)
    text = parts[SHEET_PART].decode()
    # G2:G3 = C2:C3*2 entered as one array formula (Ctrl+Shift+Enter), values cached.
    text = text.replace(
        '</c></row><row r="3"',
        '</c><c r="G2"><f t="array" ref="G2:G3">C2:C3*2</f><v>1.6</v></c></row><row r="3"',
        1,
    )
    row3_end = text.index("</row>", text.index('<row r="3"'))
    text = text[:row3_end] + '<c r="G3"><v>1.64</v></c>' + text[row3_end:]
    parts[SHEET_PART] = text.encode()
    _xmlsplice.check(parts[SHEET_PART])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    before = path.read_bytes()
    for row in (2, 3):
        with pytest.raises(DocumentWriteError, match="part of the array formula of G2:G3"):
            patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(row, 7, "x")])
    assert path.read_bytes() == before
    patch_workbook(path, path, "Pengukuran Kinerja", [CellWrite(2, 8, "beside it")])
    sheet = openpyxl.load_workbook(path, data_only=True)["Pengukuran Kinerja"]
    assert [sheet[r].value for r in ("G2", "G3", "H2")] == [1.6, 1.64, "beside it"]


def test_a_workbook_without_styles(tmp_path: Path) -> None:
    path = copy("macros.xlsm", tmp_path)
    parts = members(path)
    del parts["xl/styles.xml"]
    parts["xl/_rels/workbook.xml.rels"] = re.sub(
        rb'<Relationship [^>]*Target="styles.xml"/>', b"", parts["xl/_rels/workbook.xml.rels"]
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    patch_workbook(path, path, "LKj 2023", [CellWrite(2, 6, "teks"), CellWrite(3, 6, 5)])
    with pytest.raises(DocumentWriteError, match="no styles part"):
        patch_workbook(path, path, "LKj 2023", [CellWrite(2, 7, 5, number_format="0.00")])
    assert re.search(rb'<c r="F3"><v>5</v></c>', members(path)[SHEET_PART])
