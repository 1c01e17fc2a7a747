"""Build the awkward-file corpus of ``tests/data/awkward/``: small workbooks, CSV and text
files of the kinds that break readers and writers (issue 8). README.md beside this script
says, for each file, what it tests and what a correct reader must do; ``expected.json``
says the same for tests to read.

Run ``python tests/data/awkward/make_awkward.py`` to rebuild every file in place (or give
another folder). The output is deterministic (fixed zip timestamps and document dates),
except ``encrypted.xlsx``, whose encryption draws a fresh salt each time.

The workbooks that openpyxl cannot write (formulas with the values Excel cached, a
``vbaProject.bin`` part, corrupt parts, a workbook without a sheet) are assembled here
from their XML, as Excel lays them out; the others are written with openpyxl and then
normalised (timestamps) so that a rebuild gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.chart import BarChart, Reference

HERE = Path(__file__).parent
STAMP = (2024, 1, 31, 8, 0, 0)
STAMP_ISO = "2024-01-31T08:00:00Z"

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_BOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_MACRO_BOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
CT_CHAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"
R_SHEET = f"{REL}/worksheet"
R_STYLES = f"{REL}/styles"
R_SST = f"{REL}/sharedStrings"
R_CHAIN = f"{REL}/calcChain"
R_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# The styles Excel writes for a new workbook, with the formats the corpus uses:
# 164 0\% (a percent sign as a literal: 95 shows as 95%), 165 0.000, 166 dd/mm/yyyy.
# xf 0 General, 1 0%, 2 0\%, 3 0.000, 4 0.00%, 5 bold header, 6 dd/mm/yyyy, 7 0.00
STYLES = (
    DECL + f'<styleSheet xmlns="{MAIN}" xmlns:mc="{MC}" mc:Ignorable="x14ac" xmlns:x14ac="{X14AC}">'
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="0\\%"/>'
    '<numFmt numFmtId="165" formatCode="0.000"/>'
    '<numFmt numFmtId="166" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="2" x14ac:knownFonts="1">'
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
    '<scheme val="minor"/></font>'
    '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/>'
    '<scheme val="minor"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1">'
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" '
    'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
)

# -- a workbook from its XML ----------------------------------------------------------------


class Sheet:
    """One worksheet: rows of cells written the way Excel writes them."""

    def __init__(self, name: str, state: str | None = None) -> None:
        self.name = name
        self.state = state
        self.rows: dict[int, list[str]] = {}
        self.merges: list[str] = []
        self.formulas: list[str] = []
        self.raw: str | None = None  # the part's text as is (a corrupt part)

    def put(self, ref: str, xml: str) -> None:
        row = int(re.sub(r"[A-Z]+", "", ref))
        self.rows.setdefault(row, []).append(xml)

    def xml(self, strings: list[str]) -> str:
        if self.raw is not None:
            return self.raw
        refs = [
            openpyxl.utils.cell.coordinate_from_string(m)
            for cells in self.rows.values()
            for c in cells
            for m in re.findall(r'r="([A-Z]+[0-9]+)"', c)
        ]
        if refs:
            columns = [openpyxl.utils.column_index_from_string(c) for c, _ in refs]
            rows = [r for _, r in refs]
            first = f"{openpyxl.utils.get_column_letter(min(columns))}{min(rows)}"
            dimension = f"{first}:{openpyxl.utils.get_column_letter(max(columns))}{max(rows)}"
        else:
            dimension = "A1"
        body = "".join(
            f'<row r="{n}" spans="1:{_span(cells)}">{"".join(cells)}</row>'
            for n, cells in sorted(self.rows.items())
        )
        merges = (
            f'<mergeCells count="{len(self.merges)}">'
            + "".join(f'<mergeCell ref="{m}"/>' for m in self.merges)
            + "</mergeCells>"
            if self.merges
            else ""
        )
        return (
            DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="{MC}" '
            f'mc:Ignorable="x14ac" xmlns:x14ac="{X14AC}">'
            f'<dimension ref="{dimension}"/><sheetViews><sheetView workbookViewId="0"/>'
            '</sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>'
            f"<sheetData>{body}</sheetData>{merges}"
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
            'footer="0.3"/></worksheet>'
        )


def _span(cells: list[str]) -> int:
    columns = [re.match(r'<c r="([A-Z]+)', c).group(1) for c in cells]  # type: ignore[union-attr]
    return max(openpyxl.utils.column_index_from_string(c) for c in columns)


class Book:
    """A workbook assembled from XML parts: shared strings, styles, sheets, and whatever
    else a file needs (a calcChain, a vbaProject.bin)."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []
        self.strings: list[str] = []
        self.chain: list[tuple[str, int]] = []
        self.vba: bytes | None = None
        self.no_sheets = False

    def sheet(self, name: str, state: str | None = None) -> Sheet:
        sheet = Sheet(name, state)
        self.sheets.append(sheet)
        return sheet

    def string(self, ref: str, text: str, style: int = 0) -> str:
        if text not in self.strings:
            self.strings.append(text)
        s = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{s} t="s"><v>{self.strings.index(text)}</v></c>'

    def formula(
        self,
        sheet: int,
        ref: str,
        formula: str | None,
        cached: str,
        *,
        style: int = 0,
        kind: str | None = None,
        shared: tuple[str, str | None] | None = None,
    ) -> str:
        """A formula cell with the value Excel cached when it saved the file. ``kind``
        is the cached value's type (``str``, ``e`` for an error, ``b``); ``shared`` is
        (si, ref of the range) for the first cell of a shared formula, (si, None) for
        the others."""
        self.chain.append((ref, sheet))
        s = f' s="{style}"' if style else ""
        t = f' t="{kind}"' if kind else ""
        if shared is None:
            f = f"<f>{escape(formula or '')}</f>"
        elif shared[1] is not None:
            f = f'<f t="shared" ref="{shared[1]}" si="{shared[0]}">{escape(formula or "")}</f>'
        else:
            f = f'<f t="shared" si="{shared[0]}"/>'
        return f'<c r="{ref}"{s}{t}>{f}<v>{escape(cached)}</v></c>'

    def parts(self) -> dict[str, bytes]:
        book_type = CT_MACRO_BOOK if self.vba is not None else CT_BOOK
        overrides = [("/xl/workbook.xml", book_type), ("/xl/styles.xml", CT_STYLES)]
        rels = [(R_STYLES, "styles.xml")]
        sheets_xml = []
        parts: dict[str, bytes] = {}
        for index, sheet in enumerate(self.sheets, 1):
            name = f"xl/worksheets/sheet{index}.xml"
            parts[name] = sheet.xml(self.strings).encode("utf-8")
            overrides.append((f"/{name}", CT_SHEET))
            rels.append((R_SHEET, f"worksheets/sheet{index}.xml"))
            state = f' state="{sheet.state}"' if sheet.state else ""
            sheets_xml.append(
                f'<sheet name="{escape(sheet.name)}" sheetId="{index}"{state} '
                f'r:id="rId{len(rels)}"/>'
            )
        if self.strings:
            total = sum(c.count('t="s"') for s in self.sheets for r in s.rows.values() for c in r)
            items = "".join(
                f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in self.strings
            )
            parts["xl/sharedStrings.xml"] = (
                DECL + f'<sst xmlns="{MAIN}" count="{total}" uniqueCount="{len(self.strings)}">'
                f"{items}</sst>"
            ).encode("utf-8")
            overrides.append(("/xl/sharedStrings.xml", CT_SST))
            rels.append((R_SST, "sharedStrings.xml"))
        if self.chain:
            entries, last = [], None
            for ref, sheet_id in self.chain:
                i = f' i="{sheet_id}"' if sheet_id != last else ""
                entries.append(f'<c r="{ref}"{i}/>')
                last = sheet_id
            parts["xl/calcChain.xml"] = (
                DECL + f'<calcChain xmlns="{MAIN}">{"".join(entries)}</calcChain>'
            ).encode("utf-8")
            overrides.append(("/xl/calcChain.xml", CT_CHAIN))
            rels.append((R_CHAIN, "calcChain.xml"))
        if self.vba is not None:
            parts["xl/vbaProject.bin"] = self.vba
            rels.append((R_VBA, "vbaProject.bin"))
        sheets = f"<sheets>{''.join(sheets_xml)}</sheets>" if not self.no_sheets else "<sheets/>"
        parts["xl/workbook.xml"] = (
            DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{REL}" xmlns:mc="{MC}" mc:Ignorable="x15" '
            'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
            '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" '
            'yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>'
            f'{sheets}<calcPr calcId="191029"/></workbook>'
        ).encode("utf-8")
        parts["xl/styles.xml"] = STYLES.encode("utf-8")
        parts["xl/_rels/workbook.xml.rels"] = (
            DECL
            + f'<Relationships xmlns="{PKG_REL}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{t}" Target="{target}"/>'
                for i, (t, target) in enumerate(rels, 1)
            )
            + "</Relationships>"
        ).encode("utf-8")
        parts["_rels/.rels"] = (
            DECL + f'<Relationships xmlns="{PKG_REL}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode("utf-8")
        defaults = (
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
        )
        if self.vba is not None:
            defaults += f'<Default Extension="bin" ContentType="{CT_VBA}"/>'
        types = (
            DECL
            + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            + defaults
            + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
            + "</Types>"
        )
        ordered = {
            "[Content_Types].xml": types.encode("utf-8"),
            "_rels/.rels": parts.pop("_rels/.rels"),
        }
        ordered.update(sorted(parts.items()))
        return ordered


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def normalised(book: openpyxl.Workbook) -> bytes:
    """An openpyxl workbook's bytes with the save time taken out (a rebuild is identical)."""
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    # openpyxl serialises through lxml when it is installed and through et_xmlfile when
    # not (<v/> or <v />): the canonical form (C14N 2.0, prefixes kept) is the same either way.
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            parts[name] = (DECL + ElementTree.canonicalize(data.decode("utf-8"))).encode("utf-8")
    core = parts.get("docProps/core.xml")
    if core is not None:
        parts["docProps/core.xml"] = re.sub(
            rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + STAMP_ISO.encode(), core
        )
    return zipped(parts)


# -- the workbooks --------------------------------------------------------------------------

INDICATORS = [
    # sasaran, indikator, target, realisasi
    (
        "Meningkatnya partisipasi pemilih dalam Pemilu",
        "Persentase partisipasi pemilih dalam Pemilu",
        "0.8",
        "0.8235",
    ),
    (
        "Meningkatnya partisipasi pemilih dalam Pemilu",
        "Persentase partisipasi pemilih perempuan dalam Pemilu",
        "0.82",
        "0.8511",
    ),
    (
        "Terwujudnya tata kelola keuangan yang akuntabel",
        "Persentase realisasi anggaran",
        "0.95",
        "0.9713",
    ),
    (
        "Terwujudnya tata kelola keuangan yang akuntabel",
        "Jumlah temuan BPK yang tidak ditindaklanjuti",
        "0",
        "0",
    ),
]


def _header(book: Book, sheet: Sheet, row: int, columns: list[str]) -> None:
    for index, text in enumerate(columns):
        ref = f"{chr(65 + index)}{row}"
        sheet.put(ref, book.string(ref, text, style=5))


def formulas_cached() -> bytes:
    """Capaian computed by formulas, with the values Excel cached: plain, shared (filled
    down), one giving an error, one giving text, and ``=19/20`` as a target."""
    book = Book()
    sheet = book.sheet("Pengukuran Kinerja")
    columns = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Keterangan"]
    _header(book, sheet, 1, columns)
    rows = [
        ("Persentase partisipasi pemilih dalam Pemilu", "0.8", "0.8235"),
        ("Persentase partisipasi pemilih perempuan dalam Pemilu", "0.82", "0.8511"),
        ("Persentase realisasi anggaran", "0.95", "0.9713"),
    ]
    for offset, (indicator, target, actual) in enumerate(rows):
        n = offset + 2
        sheet.put(f"A{n}", f'<c r="A{n}"><v>{offset + 1}</v></c>')
        sheet.put(f"B{n}", book.string(f"B{n}", indicator))
        sheet.put(f"C{n}", f'<c r="C{n}" s="4"><v>{target}</v></c>')
        sheet.put(f"D{n}", f'<c r="D{n}" s="4"><v>{actual}</v></c>')
        cached = repr(float(actual) / float(target))
        shared = ("0", "E2:E4") if n == 2 else ("0", None)
        sheet.put(f"E{n}", book.formula(1, f"E{n}", "D2/C2", cached, style=4, shared=shared))
    # Row 5: a target written as a formula (=19/20) whose cached value is 0.95.
    sheet.put("A5", '<c r="A5"><v>4</v></c>')
    sheet.put("B5", book.string("B5", "Persentase tahapan Pemilu yang selesai tepat waktu"))
    sheet.put("C5", book.formula(1, "C5", "19/20", "0.95", style=1))
    sheet.put("D5", '<c r="D5" s="1"><v>1</v></c>')
    sheet.put("E5", book.formula(1, "E5", "D5/C5", repr(1 / 0.95), style=4))
    # Row 6: a zero target, so the capaian formula cached an error.
    sheet.put("A6", '<c r="A6"><v>5</v></c>')
    sheet.put("B6", book.string("B6", "Jumlah temuan BPK yang tidak ditindaklanjuti"))
    sheet.put("C6", '<c r="C6"><v>0</v></c>')
    sheet.put("D6", '<c r="D6"><v>0</v></c>')
    sheet.put("E6", book.formula(1, "E6", "D6/C6", "#DIV/0!", kind="e"))
    # A verdict computed as text.
    verdict = 'IF(E2>=1,"Tercapai","Tidak Tercapai")'
    sheet.put("F2", book.formula(1, "F2", verdict, "Tercapai", kind="str"))
    return zipped(book.parts())


# A stand-in for the VBA project of a real .xlsm: an OLE compound file header (the magic
# bytes and the byte-order mark Excel writes) and a recognisable body. It is not a VBA
# project Excel could run; it is there to be carried over byte for byte.
FAKE_VBA = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + bytes(16)
    + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    + b'kinerja-target test part: not a real VBA project. Attribute VB_Name = "Module1"\x00'
    + bytes(range(256))
)


def macros() -> bytes:
    book = Book()
    book.vba = FAKE_VBA
    sheet = book.sheet("LKj 2023")
    _header(book, sheet, 1, ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi"])
    for offset, (sasaran, indicator, target, actual) in enumerate(INDICATORS):
        n = offset + 2
        sheet.put(f"A{n}", f'<c r="A{n}"><v>{offset + 1}</v></c>')
        sheet.put(f"B{n}", book.string(f"B{n}", sasaran))
        sheet.put(f"C{n}", book.string(f"C{n}", indicator))
        style = 4 if "Persentase" in indicator else 0
        sheet.put(f"D{n}", f'<c r="D{n}" s="{style}"><v>{target}</v></c>')
        sheet.put(f"E{n}", f'<c r="E{n}" s="{style}"><v>{actual}</v></c>')
    return zipped(book.parts())


def chart() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian"
    sheet.append(["Indikator Kinerja", "Target", "Realisasi"])
    for _, indicator, target, actual in INDICATORS[:3]:
        sheet.append([indicator, float(target), float(actual)])
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=3):
        for cell in row:
            cell.number_format = "0.00%"
    bars = BarChart()
    bars.title = "Target dan realisasi 2023"
    bars.add_data(
        Reference(sheet, min_col=2, max_col=3, min_row=1, max_row=4), titles_from_data=True
    )
    bars.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=4))
    sheet.add_chart(bars, "E2")
    return normalised(book)


def two_row_header() -> bytes:
    """An LKj measurement table as authors lay it out: a title, a header over two rows
    with ``Kinerja`` merged over Target / Realisasi, sasaran merged down their rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tabel 3.1"
    sheet["A1"] = "Pengukuran Kinerja KPU Kabupaten Purworejo Tahun 2023"
    sheet.merge_cells("A1:G1")
    for column, text in zip("ABC", ("No", "Sasaran", "Indikator Kinerja"), strict=True):
        sheet[f"{column}3"] = text
        sheet.merge_cells(f"{column}3:{column}4")
    sheet["D3"] = "Kinerja"
    sheet.merge_cells("D3:E3")
    sheet["D4"], sheet["E4"] = "Target", "Realisasi"
    sheet["F3"] = "Capaian"
    sheet.merge_cells("F3:F4")
    sheet["G3"] = "Keterangan"
    sheet.merge_cells("G3:G4")
    bold = openpyxl.styles.Font(bold=True)
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = bold
    for offset, (sasaran, indicator, target, actual) in enumerate(INDICATORS):
        n = offset + 5
        sheet.cell(n, 1, offset // 2 + 1 if offset % 2 == 0 else None)
        sheet.cell(n, 2, sasaran if offset % 2 == 0 else None)
        sheet.cell(n, 3, indicator)
        if "temuan" in indicator:
            sheet.cell(n, 4, 0)
            sheet.cell(n, 5, 0)
            sheet.cell(n, 6, 1).number_format = "0%"
        else:
            for column, value in ((4, target), (5, actual)):
                sheet.cell(n, column, float(value)).number_format = "0.00%"
            # Capaian typed as the computed float, noise included.
            sheet.cell(n, 6, float(actual) / float(target)).number_format = "0.00%"
        sheet.cell(n, 7, "Tercapai")
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("A7:A8")
    sheet.merge_cells("B7:B8")
    return normalised(book)


def _data_sheet(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi"])
    for offset, (_, indicator, target, actual) in enumerate(INDICATORS[:2]):
        sheet.append([offset + 1, indicator, float(target), float(actual)])
        for cell in sheet[sheet.max_row][2:]:
            cell.number_format = "0%"


def chartsheet_first() -> bytes:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    _data_sheet(data)
    charts = book.create_chartsheet("Grafik", 0)
    bars = BarChart()
    bars.add_data(
        Reference(data, min_col=3, max_col=4, min_row=1, max_row=3), titles_from_data=True
    )
    charts.add_chart(bars)
    book.active = 0
    return normalised(book)


def only_chartsheet() -> bytes:
    book = openpyxl.Workbook()
    data = book.active
    data.title = "Data"
    _data_sheet(data)
    charts = book.create_chartsheet("Grafik")
    bars = BarChart()
    bars.add_data(
        Reference(data, min_col=3, max_col=4, min_row=1, max_row=3), titles_from_data=True
    )
    charts.add_chart(bars)
    # The data is gone, the chart sheet stays (and its chart's references dangle).
    book.remove(data)
    return normalised(book)


def empty_sheets() -> bytes:
    book = Book()
    book.no_sheets = True
    return zipped(book.parts())


def hidden_sheet() -> bytes:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Rumus"
    hidden.sheet_state = "hidden"
    hidden.append(["No", "Indikator Kinerja", "Target", "Realisasi"])
    hidden.append([1, "Indikator lama (tidak dipakai)", 0.5, 0.4])
    visible = book.create_sheet("Pengukuran")
    _data_sheet(visible)
    book.active = 1
    return normalised(book)


def corrupt_sheet() -> bytes:
    book = Book()
    sheet = book.sheet("Pengukuran Kinerja")
    _header(book, sheet, 1, ["No", "Indikator Kinerja", "Target"])
    good = sheet.xml(book.strings)
    # Cut inside a row, as a copy interrupted mid-file leaves it.
    sheet.raw = good[: good.index("<row") + 40]
    return zipped(book.parts())


def number_formats() -> bytes:
    """The same cell read three ways in issue 8: 95 under ``0\\%`` (a literal percent
    sign), 0.95 under ``0%``, 1.125 under ``0.000``; beside them float noise, a fixed
    two-decimal format and a number stored as text."""
    book = Book()
    sheet = book.sheet("Format Angka")
    _header(book, sheet, 1, ["No", "Indikator Kinerja", "Target", "Realisasi"])
    rows = [
        ("Persentase partisipasi pemilih (format 0\\%)", "<v>95</v>", 2, "<v>96</v>", 2),
        ("Persentase partisipasi pemilih (format 0%)", "<v>0.95</v>", 1, "<v>0.96</v>", 1),
        ("Indeks kepuasan layanan (format 0.000)", "<v>1.125</v>", 3, "<v>1.25</v>", 3),
        ("Nilai akuntabilitas kinerja (noise)", "<v>87.499999999999986</v>", 0, "<v>80.02</v>", 7),
    ]
    for offset, (indicator, target, target_style, actual, actual_style) in enumerate(rows):
        n = offset + 2
        sheet.put(f"A{n}", f'<c r="A{n}"><v>{offset + 1}</v></c>')
        sheet.put(f"B{n}", book.string(f"B{n}", indicator))
        sheet.put(f"C{n}", f'<c r="C{n}" s="{target_style}">{target}</c>'.replace(' s="0"', ""))
        sheet.put(f"D{n}", f'<c r="D{n}" s="{actual_style}">{actual}</c>'.replace(' s="0"', ""))
    sheet.put("A6", '<c r="A6"><v>5</v></c>')
    sheet.put("B6", book.string("B6", "Jumlah laporan (angka sebagai teks)"))
    sheet.put("C6", book.string("C6", "12"))
    sheet.put("D6", book.string("D6", "12"))
    return zipped(book.parts())


def text_equals() -> bytes:
    """Text that starts with ``=``: an inline string and a shared string. It is text and
    must stay text; a writer that sets it as a value makes it a live formula."""
    book = Book()
    sheet = book.sheet("Teks")
    _header(book, sheet, 1, ["No", "Indikator Kinerja", "Target", "Realisasi", "Formulasi"])
    sheet.put("A2", '<c r="A2"><v>1</v></c>')
    sheet.put("B2", book.string("B2", "Persentase tahapan yang selesai tepat waktu"))
    sheet.put("C2", '<c r="C2" t="inlineStr"><is><t>=19/20</t></is></c>')
    sheet.put("D2", '<c r="D2" s="1"><v>1</v></c>')
    sheet.put("E2", book.string("E2", "=(Realisasi/Target)x100%"))
    sheet.put("A3", '<c r="A3"><v>2</v></c>')
    sheet.put("B3", book.string("B3", "Persentase laporan yang disampaikan"))
    sheet.put("C3", book.string("C3", "=100%"))
    sheet.put("D3", book.string("D3", "-"))
    sheet.put("E3", book.string("E3", "+ 5% dari tahun lalu"))
    return zipped(book.parts())


def dates() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tanggal"
    sheet.append(["No", "Indikator Kinerja", "Target", "Realisasi", "Batas Waktu"])
    deadline = sheet.cell(2, 5, datetime.date(2023, 12, 31))
    deadline.number_format = "dd/mm/yyyy"
    sheet.cell(2, 1, 1)
    sheet.cell(2, 2, "Tanggal penyampaian LKj")
    sheet.cell(2, 3, datetime.date(2024, 2, 28)).number_format = "d mmmm yyyy"
    sheet.cell(2, 4, datetime.datetime(2024, 2, 26, 14, 30)).number_format = "yyyy-mm-dd hh:mm"
    sheet.cell(3, 1, 2)
    sheet.cell(3, 2, "Jumlah hari keterlambatan")
    sheet.cell(3, 3, 0)
    sheet.cell(3, 4, 2)
    sheet.cell(3, 5, datetime.date(2024, 1, 15)).number_format = "mm-dd-yy"
    sheet["B5"] = "Purworejo, 31 Januari 2024"
    return normalised(book)


def encrypted(plain: bytes) -> bytes | None:
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return None
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("kpu2023", out)
    return out.getvalue()


# -- text files -------------------------------------------------------------------------------

UTF8_BOM = b"\xef\xbb\xbf"
COLUMNS = ["No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
PEMILIH = "Meningkatnya partisipasi pemilih"
KEUANGAN = "Terwujudnya tata kelola keuangan"
PARTISIPASI = "Persentase partisipasi pemilih dalam Pemilu"
PEREMPUAN = "Persentase partisipasi pemilih perempuan"
ANGGARAN = "Persentase realisasi anggaran"


def lines(rows: list[list[str]], delimiter: str = ",", end: str = "\n") -> str:
    """Rows joined as they stand: cells are written verbatim (quotes included), so a row
    can be as broken as the file needs."""
    return "".join(delimiter.join(row) + end for row in rows)


TEXTS: dict[str, Callable[[], bytes]] = {
    # Realisasi and capaian not filled yet: the line ends after the target.
    "lkj_unfilled.csv": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, PARTISIPASI, "80%"],
            ["2", PEMILIH, PEREMPUAN, "82%", "85%", '"103,66%"'],
            ["3", KEUANGAN, ANGGARAN, '"95%"'],
        ]
    ).encode("utf-8"),
    "lkj_unfilled.txt": lambda: (
        "Tabel 3.1 Pengukuran Kinerja KPU Kabupaten Purworejo Tahun 2023\n\n"
        + lines(
            [
                COLUMNS,
                ["1", PEMILIH, PARTISIPASI, "80%"],
                ["2", PEMILIH, PEREMPUAN, "82%", "85%", "103,66%"],
                ["3", KEUANGAN, "Nilai SAKIP", "BB"],
            ],
            "\t",
        )
    ).encode("utf-8"),
    # Row 2 one cell short (no capaian), row 3 one cell long (a note in a seventh cell).
    "ragged_rows.csv": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, PARTISIPASI, "80%", "83%", '"103,75%"'],
            ["2", PEMILIH, PEREMPUAN, "82%", "85%"],
            ["3", KEUANGAN, ANGGARAN, "95%", "97%", '"102,11%"', "data per 31 Desember"],
            ["4", KEUANGAN, "Jumlah temuan BPK", "0 temuan", "0 temuan", "100%"],
        ]
    ).encode("utf-8"),
    # Excel for Mac's "CSV" of old: carriage returns only.
    "cr_only.csv": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, PARTISIPASI, "80%", "83%", '"103,75%"'],
            ["2", PEMILIH, PEREMPUAN, "82%", "85%", '"103,66%"'],
            ["3", KEUANGAN, ANGGARAN, "95%", "97%", '"102,11%"'],
        ],
        end="\r",
    ).encode("utf-8"),
    # Indonesian Excel's ";" CSV with a header no column phrase names.
    "semicolon_unknown_header.csv": lambda: lines(
        [
            ["Uraian", "Tolok Ukur", "Besaran", "Hasil"],
            [PEMILIH, PARTISIPASI, "77,5%", "80,1%"],
            [KEUANGAN, ANGGARAN, "95%", "97,25%"],
        ],
        ";",
        "\r\n",
    ).encode("utf-8"),
    # The quote opened on line 3 is never closed.
    "unclosed_quote.csv": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, PARTISIPASI, "80%", "83%", "103%"],
            ["2", PEMILIH, '"' + PEREMPUAN, "82%", "85%", "103%"],
            ["3", KEUANGAN, ANGGARAN, "95%", "97%", "102%"],
            ["4", KEUANGAN, "Jumlah temuan BPK", "0", "0", "100%"],
        ]
    ).encode("utf-8"),
    "blank_rows.csv": lambda: lines(
        [
            [""],
            [""],
            COLUMNS,
            [""],
            ["1", PEMILIH, PARTISIPASI, "80%", "83%", "103%"],
            ["", "", "", "", "", ""],
            [""],
            ["2", KEUANGAN, ANGGARAN, "95%", "97%", "102%"],
            ["   "],
        ]
    ).encode("utf-8"),
    # Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated, CRLF.
    "unicode_text_utf16.txt": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, PARTISIPASI, "80%", "83,25%", "104,06%"],
            ["2", KEUANGAN, "Indeks kepuasan layanan – survei", "3,5", "3,62", "103,43%"],
        ],
        "\t",
        "\r\n",
    ).encode("utf-16"),
    # A UTF-8 BOM, then bytes of Windows-1252 (an editor that kept the BOM of a template).
    "bom_then_cp1252.csv": lambda: (
        UTF8_BOM
        + lines(
            [
                COLUMNS,
                ["1", PEMILIH, "Persentase partisipasi pemilih – Pemilu", "80%", "83%", "104%"],
                ["2", KEUANGAN, "Luas arsip tertata (m²)", "150 m²", "160 m²", "107%"],
            ],
            end="\r\n",
        ).encode("cp1252")
    ),
    "cp1252.csv": lambda: lines(
        [
            COLUMNS,
            ["1", PEMILIH, "Persentase partisipasi pemilih – Pemilu", "80%", "83%", "104%"],
            ["2", KEUANGAN, "Luas arsip tertata (m²)", "150 m²", "160 m²", "107%"],
            ["3", KEUANGAN, "Rata-rata waktu layanan ± 2 hari", "2 hari", "2 hari", "100%"],
        ],
        end="\r\n",
    ).encode("cp1252"),
}


def build(folder: Path) -> list[str]:
    """Write every file into ``folder``; the names written."""
    books: dict[str, bytes | None] = {
        "formulas_cached.xlsx": formulas_cached(),
        "macros.xlsm": macros(),
        "chart.xlsx": chart(),
        "lkj_two_row_header.xlsx": two_row_header(),
        "chartsheet_first.xlsx": chartsheet_first(),
        "only_chartsheet.xlsx": only_chartsheet(),
        "empty_sheets.xlsx": empty_sheets(),
        "hidden_sheet.xlsx": hidden_sheet(),
        "corrupt_sheet.xlsx": corrupt_sheet(),
        "number_formats.xlsx": number_formats(),
        "text_equals.xlsx": text_equals(),
        "dates.xlsx": dates(),
    }
    plain = books["macros.xlsm"]
    assert plain is not None
    books["truncated.xlsx"] = plain[: len(plain) // 2]
    encrypted_book = encrypted(zipped(lkj_book().parts()))
    if encrypted_book is not None:
        books["encrypted.xlsx"] = encrypted_book
    written = []
    for name, data in {**books, **{n: f() for n, f in TEXTS.items()}}.items():
        if data is None:
            continue
        (folder / name).write_bytes(data)
        written.append(name)
    return written


def lkj_book() -> Book:
    book = Book()
    sheet = book.sheet("LKj")
    _header(book, sheet, 1, ["No", "Indikator Kinerja", "Target", "Realisasi"])
    sheet.put("A2", '<c r="A2"><v>1</v></c>')
    sheet.put("B2", book.string("B2", "Persentase partisipasi pemilih dalam Pemilu"))
    sheet.put("C2", '<c r="C2" s="1"><v>0.8</v></c>')
    sheet.put("D2", '<c r="D2" s="1"><v>0.8235</v></c>')
    return book


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for name in build(target):
        print(target / name)
