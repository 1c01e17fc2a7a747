"""The report as one self-contained HTML page, in Indonesian.

Everything is inline: the CSS, the charts (SVG drawn here, no script), no font, image or
link to fetch, so the page opens offline and prints the same anywhere. The print
stylesheet puts the LKj tables on A4 landscape, repeats table headers on every page and
keeps a row on one page. Capaian are shown the LKj way: ``96,43%``, half-up to two
decimals.

Written through :func:`~kinerja_target.containers.output.atomic_write`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from ..containers.output import atomic_write
from ..numbers import format_decimal
from .categories import Band, Scale
from .model import Group, Report, ReportRow, check_destination, percent_text, round_percent

__all__ = ["page", "percent_text", "write_html"]

_METHODS = {
    "mean": "rata-rata hitung",
    "geometric": "rata-rata ukur (PMK 22/2021)",
    "weighted": "rata-rata tertimbang",
}

_CHART_MAX = Decimal(200)

_CSS = """
:root { --ink:#1d2733; --muted:#5b6773; --line:#c8ced6; --head:#1f3a5f; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); margin: 24px auto; max-width: 1200px; padding: 0 16px;
  font-size: 14px; line-height: 1.4; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid var(--head);
  padding-bottom: 4px; }
h3 { font-size: 14px; margin: 16px 0 4px; }
p.meta { color: var(--muted); margin: 2px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
th { background: var(--head); color: #fff; font-weight: 600; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.small { font-size: 12px; color: var(--muted); }
td.differs { color: #a04000; font-weight: 700; }
tr.sasaran td { background: #eef2f6; font-weight: 600; }
.cat { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600;
  white-space: nowrap; }
.summary { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 150px; }
.card b { display: block; font-size: 22px; }
figure { margin: 8px 0 20px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .cat, tr.sasaran td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section.charts { break-before: page; page-break-before: always; }
}
"""


def _points(value: Decimal | None) -> str:
    if value is None:
        return "-"
    rounded = round_percent(value)
    sign = "+" if rounded > 0 else ""
    return f"{sign}{format_decimal(rounded)} poin"


def _light(colour: str) -> str:
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c + (255 - c) * 0.75):02x}" for c in channels)


def _dark(colour: str) -> str:
    """A dark shade of ``colour`` for text on its light tint (readable for yellow too)."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(c * 0.55):02x}" for c in channels)


def _category(band: Band | None) -> str:
    if band is None:
        return "-"
    return (
        f'<span class="cat" style="background:{_light(band.colour)};color:{_dark(band.colour)}">'
        f"{escape(band.label)}</span>"
    )


def _e(text: object) -> str:
    return escape("" if text is None else str(text))


# -- charts --------------------------------------------------------------------------------------


def _bars(items: Sequence[tuple[str, Decimal | None, Band | None]], title: str) -> str:
    """A horizontal bar chart as inline SVG, with a line at 100%."""
    label_width, bar_width, row_height = 420, 560, 24
    top = max((p for _, p, _ in items if p is not None), default=Decimal(100))
    # 0 to 120% at least, 200% at most: a bar beyond is drawn to the edge, its label true.
    ceiling = (min(top, _CHART_MAX) / 20).to_integral_value(rounding="ROUND_CEILING") * 20
    scale_max = max(Decimal(120), ceiling)
    height = row_height * len(items) + 30
    width = label_width + bar_width + 70

    def x(value: Decimal) -> float:
        return label_width + float(min(value, scale_max) / scale_max) * bar_width

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{_e(title)}">'
    ]
    for tick in range(0, int(scale_max) + 1, 20):
        position = x(Decimal(tick))
        stroke = "#1d2733" if tick == 100 else "#dde2e8"
        parts.append(
            f'<line x1="{position:.1f}" y1="0" x2="{position:.1f}" y2="{height - 22}" '
            f'stroke="{stroke}" stroke-width="{1.5 if tick == 100 else 1}"/>'
            f'<text x="{position:.1f}" y="{height - 6}" text-anchor="middle">{tick}%</text>'
        )
    for index, (label, percent, band) in enumerate(items):
        y = index * row_height + 4
        short = label if len(label) <= 56 else label[:55] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end"><title>{_e(label)}</title>'
            f"{_e(short)}</text>"
        )
        if percent is None:
            parts.append(f'<text x="{label_width + 4}" y="{y + 15}">tidak dapat dihitung</text>')
            continue
        colour = f"#{band.colour}" if band is not None else "#7f8c8d"
        end = x(max(percent, Decimal(0)))
        parts.append(
            f'<rect x="{label_width}" y="{y + 2}" width="{end - label_width:.1f}" '
            f'height="{row_height - 8}" fill="{colour}"/>'
            f'<text x="{end + 4:.1f}" y="{y + 15}">{_e(percent_text(percent))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _figure(caption: str, chart: str) -> str:
    return f"<figure><figcaption>{_e(caption)}</figcaption>{chart}</figure>"


# -- tables --------------------------------------------------------------------------------------


def _row_cells(number: int, item: ReportRow, report: Report) -> str:
    cells = [
        f'<td class="num">{number}</td>',
        f"<td>{_e(item.row.indicator)}</td>",
        f'<td class="num">{_e(item.row.target_raw)}</td>',
        f'<td class="num">{_e(item.row.realisasi_raw or "-")}</td>',
        f'<td class="num">{percent_text(item.percent)}</td>',
    ]
    if report.has_document_capaian:
        marked = ' differs" title="berbeda dari capaian yang dihitung' if item.differs else ""
        cells.append(f'<td class="num{marked}">{percent_text(item.document_capaian)}</td>')
    cells += [
        f"<td>{_category(item.category)}</td>",
        f"<td>{_e(item.status)}</td>",
    ]
    if report.has_previous:
        before = item.previous
        cells += [
            f'<td class="num">{_e(before.realisasi if before else "-")}</td>',
            f'<td class="num">{percent_text(before.capaian) if before else "-"}</td>',
            f'<td class="num">{_points(before.change(item.percent)) if before else "-"}</td>',
        ]
    if report.has_progress:
        plan = item.progress
        cells += [
            f'<td class="num">{_e(plan.target if plan else "-")}</td>',
            f'<td class="num">{percent_text(plan.percent) if plan else "-"}</td>',
        ]
    cells.append(f'<td class="small">{_e(item.explanation)}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _indicator_table(report: Report) -> str:
    heads = ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    if report.has_document_capaian:
        heads.append("Capaian (dokumen)")
    heads += ["Kategori", "Status"]
    last = f" {report.previous_year}" if report.previous_year else " tahun lalu"
    if report.has_previous:
        heads += [f"Realisasi{last}", f"Capaian{last}", "Perubahan"]
    if report.has_progress:
        heads += ["Target akhir Renstra", "Capaian thd Renstra"]
    heads.append("Keterangan")
    body = []
    number = 0
    for group_number, group in enumerate(report.sasaran, start=1):
        unit = f" ({group.unit})" if len(report.units) > 1 else ""
        body.append(
            f'<tr class="sasaran"><td colspan="{len(heads)}">Sasaran {group_number}: '
            f"{_e(group.sasaran)}{_e(unit)} — capaian "
            f"{percent_text(group.aggregate.percent)}</td></tr>"
        )
        for item in group.rows:
            number += 1
            body.append(_row_cells(number, item, report))
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    return _table("indikator", head, body)


def _group_table(groups: Sequence[Group], by_sasaran: bool, table_id: str, units: bool) -> str:
    heads = ["No"] + (["Unit"] if units else []) + (["Sasaran"] if by_sasaran else [])
    heads += ["Indikator", "Dihitung", "Capaian", "Kategori", "Keterangan"]
    body = []
    for number, group in enumerate(groups, start=1):
        cells = [f'<td class="num">{number}</td>']
        if units:
            cells.append(f"<td>{_e(group.unit)}</td>")
        if by_sasaran:
            cells.append(f"<td>{_e(group.sasaran)}</td>")
        cells += [
            f'<td class="num">{group.indicators}</td>',
            f'<td class="num">{group.computed}</td>',
            f'<td class="num">{percent_text(group.aggregate.percent)}</td>',
            f"<td>{_category(group.category)}</td>",
            f'<td class="small">{_e(group.aggregate.explanation)}</td>',
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    return _table(table_id, head, body)


def _table(table_id: str, head: str, body: Sequence[str]) -> str:
    return (
        f'<table id="{table_id}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _scale_table(scale: Scale) -> str:
    rows = "".join(
        f"<tr><td>{_category(band)}</td><td>{_e(band.interval)}</td></tr>" for band in scale.bands
    )
    return (
        '<table id="skala" style="width:auto"><thead><tr><th>Kategori</th>'
        f"<th>Rentang capaian</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<p class="meta">Sumber skala: {_e(scale.source)}</p>'
    )


def _summary(report: Report) -> str:
    overall = report.overall.aggregate
    met = sum(1 for r in report.rows if r.status == "Tercapai")
    cards = [
        ("Capaian keseluruhan", percent_text(overall.percent)),
        ("Indikator", str(len(report.rows))),
        ("Dihitung", str(overall.count)),
        ("Tercapai", str(met)),
        ("Tidak dapat dihitung", str(overall.skipped)),
    ]
    return (
        '<div class="summary">'
        + "".join(f'<div class="card">{_e(name)}<b>{_e(value)}</b></div>' for name, value in cards)
        + "</div>"
    )


def _notes(report: Report) -> str:
    if not report.folded:
        return ""
    items = "".join(
        f"<li>{_e(row.source)}:{_e(row.line)}: {_e(row.indicator)} ({_e(row.target_raw)}"
        f"{' / ' + _e(row.realisasi_raw) if row.realisasi_raw else ''})</li>"
        for row in report.folded
    )
    return (
        '<section id="catatan"><h2>Catatan</h2><p class="meta">Baris berikut mengulang '
        "indikator yang sudah ada di Tabel 1 (tabel PK di samping tabel pengukuran, atau "
        f"pengukuran yang sama di tabel lain) dan digabung:</p><ul>{items}</ul></section>"
    )


def page(report: Report) -> str:
    """The whole page, as text."""
    method = _METHODS.get(report.method, report.method)
    sasaran_chart = _bars(
        [
            (f"{n}. {g.sasaran}", g.aggregate.percent, g.category)
            for n, g in enumerate(report.sasaran, 1)
        ],
        "Capaian per sasaran",
    )
    charts = "".join(
        _figure(
            f"Sasaran {n}: {g.sasaran}",
            _bars([(r.row.indicator, r.percent, r.category) for r in g.rows], g.sasaran or ""),
        )
        for n, g in enumerate(report.sasaran, start=1)
    )
    previous = (
        f" Pembanding tahun lalu: {report.previous_year or '-'}." if report.has_previous else ""
    )
    renstra = f" Renstra: {', '.join(report.renstra)}." if report.renstra else ""
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(report.title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>{_e(report.title)}</h1>
<p class="meta">Sumber: {_e(", ".join(report.sources))}.{_e(previous)}{_e(renstra)}</p>
<p class="meta">Kategori menurut {_e(report.scale.title)}; capaian sasaran dan unit: {_e(method)}
dari indikator yang dapat dihitung. Capaian dibulatkan dua desimal.</p>
</header>
<main>
{_summary(report)}
<h2>Tabel 1. Capaian kinerja per indikator</h2>
{_indicator_table(report)}
<h2>Tabel 2. Capaian kinerja per sasaran</h2>
{_group_table(report.sasaran, True, "sasaran", len(report.units) > 1)}
{_figure("Grafik 1. Capaian per sasaran", sasaran_chart)}
<h2>Tabel 3. Capaian kinerja per unit</h2>
{_group_table(report.units, False, "unit", True)}
<h2>Skala kategori</h2>
{_scale_table(report.scale)}
{_notes(report)}
<section class="charts">
<h2>Grafik capaian indikator per sasaran</h2>
{charts}
</section>
</main>
<footer><p class="meta">Dibuat dengan kinerja-target.</p></footer>
</body>
</html>
"""


def write_html(report: Report, destination: str | os.PathLike[str]) -> None:
    """Write the page to ``destination`` (temporary file, then rename), UTF-8."""
    check_destination(report, destination)
    data = page(report).encode("utf-8")
    with atomic_write(destination) as handle:
        handle.write(data)
