"""The report as an XLSX workbook: the LKj chapter III tables an author hands in.

Sheets: ``Capaian Kinerja`` (one row per indicator), ``Per Sasaran`` (the aggregate of
each sasaran, with a bar chart), ``Per Unit``, ``Grafik`` (a bar chart per sasaran of its
indicators) and ``Skala`` (the interpretation scale and its source).

* Capaian are numbers (a fraction, ``0.9643``) with a percent number format (``0.00%``),
  so Excel sums, sorts and charts them; target and realisation stay as written.
* Colours come from conditional formatting rules, one per band of the scale, on the
  capaian and category columns: an author who changes a band edits the rule in Excel
  (Beranda → Pemformatan Bersyarat → Kelola Aturan) and the colours follow.
* Headers are frozen, widths set, and each sheet prints on A4 landscape fitted to the
  page width, with the header row repeated on every page.

The workbook is built in memory and written through
:func:`~kinerja_target.containers.output.atomic_write`: a failure leaves no half-written
file and the destination as it was.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ..containers.output import atomic_write
from .categories import Band, Scale
from .model import Group, Report, check_destination, round_percent

__all__ = ["PERCENT_FORMAT", "workbook_bytes", "write_xlsx"]

#: The number format of every capaian cell.
PERCENT_FORMAT = "0.00%"
_POINTS_FORMAT = '+0.00" poin";-0.00" poin";0" poin"'
_HEADER_ROW = 4
_HEADER_FILL = "1F3A5F"


def _fraction(percent: Decimal | None) -> float | None:
    """A capaian as the number Excel stores under a percent format: half-up to two
    decimals of a percent (what the LKj reports), then a fraction."""
    if percent is None:
        return None
    return float(round_percent(percent) / 100)


def _points(value: Decimal | None) -> float | None:
    if value is None:
        return None
    return float(round_percent(value))


def _label(band: Band | None) -> str:
    return band.label if band is not None else "-"


def _light(colour: str) -> str:
    """A light tint of ``colour`` for a cell fill (the text stays readable)."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * 0.6):02X}" for c in channels)


def _dark(colour: str) -> str:
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c * 0.55):02X}" for c in channels)


def _band_formula(band: Band, cell: str) -> str:
    tests = [f"ISNUMBER({cell})"]
    if band.low is not None:
        tests.append(f"{cell}{'>=' if band.low_inclusive else '>'}{band.low / 100}")
    if band.high is not None:
        tests.append(f"{cell}{'<=' if band.high_inclusive else '<'}{band.high / 100}")
    return f"AND({','.join(tests)})"


def _colour_rules(
    sheet: Any, scale: Scale, column: str, targets: Sequence[str], rows: range
) -> None:
    """One conditional formatting rule per band, on the capaian column and on
    ``targets`` (the category column), all testing the capaian cell of the row."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    if not rows:
        return
    first, last = rows.start, rows.stop - 1
    for band in scale.bands:
        fill = PatternFill(
            start_color=_light(band.colour), end_color=_light(band.colour), fill_type="solid"
        )
        rule = FormulaRule(
            formula=[_band_formula(band, f"${column}{first}")],
            fill=fill,
            font=Font(color=_dark(band.colour), bold=True),
            stopIfTrue=True,
        )
        for target in (column, *targets):
            sheet.conditional_formatting.add(f"{target}{first}:{target}{last}", rule)


def _header(
    sheet: Any, title: str, subtitle: str, names: Sequence[str], widths: Sequence[int]
) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = subtitle
    sheet["A2"].font = Font(italic=True, color="555555")
    thin = Side(style="thin", color="9AA5B1")
    for index, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
        cell = sheet.cell(_HEADER_ROW, index, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill(start_color=_HEADER_FILL, end_color=_HEADER_FILL, fill_type="solid")
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[_HEADER_ROW].height = 32
    sheet.freeze_panes = sheet.cell(_HEADER_ROW + 1, 1)
    sheet.print_title_rows = f"{_HEADER_ROW}:{_HEADER_ROW}"
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:{get_column_letter(len(names))}{_HEADER_ROW}"


def _print_setup(sheet: Any) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def _body_style(sheet: Any, rows: range, columns: int, wrap: Sequence[int]) -> None:
    """Borders, top alignment, wrapping in the ``wrap`` columns, and a row height that
    shows the wrapped lines (spreadsheets do not grow a row written by a library)."""
    from openpyxl.styles import Alignment, Border, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="C8CED6")
    widths = {
        column: sheet.column_dimensions[get_column_letter(column)].width or 10
        for column in range(1, columns + 1)
    }
    for row in rows:
        lines = 1
        for column in range(1, columns + 1):
            cell = sheet.cell(row, column)
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(vertical="top", wrap_text=column in wrap)
            if column in wrap and cell.value is not None:
                # about one character per unit of width at the default font
                lines = max(lines, -(-len(str(cell.value)) // max(1, int(widths[column]) - 1)))
        sheet.row_dimensions[row].height = 15 * min(lines, 12)


# -- sheets --------------------------------------------------------------------------------------


def _main_sheet(sheet: Any, report: Report) -> None:
    names = [
        "No",
        "Unit",
        "Sasaran",
        "Indikator Kinerja",
        "Target",
        "Realisasi",
        "Capaian",
        "Kategori",
        "Status",
    ]
    widths = [5, 16, 30, 44, 12, 12, 10, 14, 19]
    previous, progress = report.has_previous, report.has_progress
    last = f" {report.previous_year}" if report.previous_year else " tahun lalu"
    if previous:
        names += [f"Realisasi{last}", f"Capaian{last}", "Perubahan capaian"]
        widths += [14, 12, 14]
    if progress:
        names += ["Target akhir Renstra", "Capaian thd target Renstra"]
        widths += [14, 14]
    printed = report.has_document_capaian
    if printed:
        names.append("Capaian (dokumen)")
        widths.append(12)
    names.append("Keterangan")
    widths.append(48)
    subtitle = (
        f"Sumber: {', '.join(report.sources)}. Kategori: {report.scale.title}. "
        f"Capaian dibulatkan dua desimal (half-up)."
    )
    _header(sheet, report.title, subtitle, names, widths)
    row_number = _HEADER_ROW
    # In the order of the page: sasaran by sasaran, so the numbers agree.
    ordered = [item for group in report.sasaran for item in group.rows]
    for number, item in enumerate(ordered, start=1):
        row_number += 1
        values: list[Any] = [
            number,
            item.unit,
            item.sasaran,
            item.row.indicator,
            item.row.target_raw,
            item.row.realisasi_raw or "",
            _fraction(item.percent),
            _label(item.category),
            item.status,
        ]
        if previous:
            before = item.previous
            values += [
                before.realisasi if before else "",
                _fraction(before.capaian) if before else None,
                _points(before.change(item.percent)) if before else None,
            ]
        if progress:
            plan = item.progress
            values += [plan.target if plan else "", _fraction(plan.percent) if plan else None]
        if printed:
            values.append(_fraction(item.document_capaian))
        values.append(item.explanation)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row_number, column, value)
            header = names[column - 1]
            if header.startswith("Capaian"):
                cell.number_format = PERCENT_FORMAT
            elif header == "Perubahan capaian":
                cell.number_format = _POINTS_FORMAT
    body = range(_HEADER_ROW + 1, row_number + 1)
    _body_style(sheet, body, len(names), wrap=(3, 4, len(names)))
    _colour_rules(sheet, report.scale, "G", ("H",), body)
    _print_setup(sheet)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _group_sheet(sheet: Any, report: Report, groups: Sequence[Group], by_sasaran: bool) -> range:
    names = (
        ["No", "Unit"]
        + (["Sasaran"] if by_sasaran else [])
        + [
            "Jumlah indikator",
            "Dihitung",
            "Capaian",
            "Kategori",
            "Cara agregasi",
        ]
    )
    widths = [5, 22] + ([50] if by_sasaran else []) + [11, 10, 11, 15, 46]
    what = "sasaran" if by_sasaran else "unit"
    _header(
        sheet,
        f"Capaian per {what}: {report.title}",
        f"Agregasi: {report.method}; {report.scale.title}.",
        names,
        widths,
    )
    row_number = _HEADER_ROW
    for number, group in enumerate(groups, start=1):
        row_number += 1
        values: list[Any] = [number, group.unit] + ([group.sasaran] if by_sasaran else [])
        values += [
            group.indicators,
            group.computed,
            _fraction(group.aggregate.percent),
            _label(group.category),
            group.aggregate.explanation,
        ]
        for column, value in enumerate(values, start=1):
            sheet.cell(row_number, column, value)
        sheet.cell(row_number, len(values) - 2).number_format = PERCENT_FORMAT
    body = range(_HEADER_ROW + 1, row_number + 1)
    capaian = "F" if by_sasaran else "E"
    category = "G" if by_sasaran else "F"
    _body_style(sheet, body, len(names), wrap=(2, 3) if by_sasaran else (2,))
    _colour_rules(sheet, report.scale, capaian, (category,), body)
    _print_setup(sheet)
    return body


def _bar_chart(title: str, horizontal: bool) -> Any:
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    if horizontal:  # the first category on top, as in the table
        chart.x_axis.scaling.orientation = "maxMin"
    chart.title = title
    chart.y_axis.title = "Capaian"
    chart.y_axis.numFmt = "0%"
    chart.y_axis.scaling.min = 0
    chart.legend = None
    chart.height = 9
    chart.width = 22
    return chart


def _sasaran_chart(sheet: Any, body: range) -> None:
    from openpyxl.chart import Reference

    if not body:
        return
    chart = _bar_chart("Capaian per sasaran", horizontal=False)
    data = Reference(sheet, min_col=6, min_row=_HEADER_ROW, max_row=body.stop - 1)
    labels = Reference(sheet, min_col=1, min_row=body.start, max_row=body.stop - 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.x_axis.title = "Sasaran (nomor pada tabel)"
    sheet.add_chart(chart, f"A{body.stop + 2}")


def _charts_sheet(sheet: Any, report: Report) -> None:
    """One block per sasaran (its indicators and capaian) and a bar chart beside it."""
    from openpyxl.chart import Reference
    from openpyxl.styles import Font

    sheet.column_dimensions["A"].width = 62
    sheet.column_dimensions["B"].width = 11
    sheet["A1"] = f"Grafik capaian per sasaran: {report.title}"
    sheet["A1"].font = Font(bold=True, size=14)
    row = 3
    for number, group in enumerate(report.sasaran, start=1):
        sheet.cell(row, 1, f"Sasaran {number}: {group.sasaran}").font = Font(bold=True)
        sheet.cell(row + 1, 1, "Indikator")
        sheet.cell(row + 1, 2, "Capaian")
        first = row + 2
        for offset, item in enumerate(group.rows):
            sheet.cell(first + offset, 1, _short(item.row.indicator))
            cell = sheet.cell(first + offset, 2, _fraction(item.percent))
            cell.number_format = PERCENT_FORMAT
        last = first + len(group.rows) - 1
        chart = _bar_chart(f"Sasaran {number}", horizontal=True)
        chart.add_data(
            Reference(sheet, min_col=2, min_row=row + 1, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        chart.height = max(5.0, 1.2 * len(group.rows) + 3)
        sheet.add_chart(chart, f"D{row}")
        row = max(last + 2, row + int(chart.height * 2) + 2)
    _print_setup(sheet)


def _scale_sheet(sheet: Any, scale: Scale) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet["A1"] = scale.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = f"Sumber: {scale.source}"
    for column, name in enumerate(("Kategori", "Rentang capaian"), start=1):
        sheet.cell(4, column, name).font = Font(bold=True)
    for row, band in enumerate(scale.bands, start=5):
        cell = sheet.cell(row, 1, band.label)
        cell.fill = PatternFill(
            start_color=_light(band.colour), end_color=_light(band.colour), fill_type="solid"
        )
        cell.font = Font(color=_dark(band.colour), bold=True)
        sheet.cell(row, 2, band.interval)
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 28
    _print_setup(sheet)


def _notes_sheet(sheet: Any, report: Report) -> None:
    """The rows folded into another row of the same indicator, so none goes unseen."""
    names = ["Letak", "Indikator Kinerja", "Target", "Realisasi", "Alasan"]
    _header(
        sheet,
        "Catatan: baris yang mengulang indikator yang sama",
        "Tabel PK di samping tabel pengukuran, atau pengukuran yang sama di tabel lain.",
        names,
        [34, 60, 14, 14, 60],
    )
    for offset, row in enumerate(report.folded, start=1):
        measured = bool((row.realisasi_raw or "").strip())
        reason = (
            "pengukuran yang sama sudah ada di laporan"
            if measured
            else "target tanpa realisasi; indikator ini diukur di baris lain"
        )
        values = [
            f"{row.source}:{row.line}",
            row.indicator,
            row.target_raw,
            row.realisasi_raw,
            reason,
        ]
        for column, value in enumerate(values, start=1):
            sheet.cell(_HEADER_ROW + offset, column, value)
    _print_setup(sheet)


def workbook_bytes(report: Report) -> bytes:
    """The report's workbook, as the bytes of an XLSX file."""
    import openpyxl

    book = openpyxl.Workbook()
    main = book.active
    assert main is not None
    main.title = "Capaian Kinerja"
    _main_sheet(main, report)
    per_sasaran = book.create_sheet("Per Sasaran")
    body = _group_sheet(per_sasaran, report, report.sasaran, by_sasaran=True)
    _sasaran_chart(per_sasaran, body)
    _group_sheet(book.create_sheet("Per Unit"), report, report.units, by_sasaran=False)
    _charts_sheet(book.create_sheet("Grafik"), report)
    _scale_sheet(book.create_sheet("Skala"), report.scale)
    if report.folded:
        _notes_sheet(book.create_sheet("Catatan"), report)
    book.properties.title = report.title
    book.properties.creator = "kinerja-target"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xlsx(report: Report, destination: str | os.PathLike[str]) -> None:
    """Write the report's workbook to ``destination`` (temporary file, then rename)."""
    check_destination(report, destination)
    data = workbook_bytes(report)
    with atomic_write(destination) as handle:
        handle.write(data)
