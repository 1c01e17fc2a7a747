"""The HTML report: self-contained, Indonesian, and rendered by a real browser.

The browser test runs headless Chromium (Debian package ``chromium``; ``.ci/run``
installs it). Without it the test is skipped on a developer's machine and fails in CI
(``CI`` set), so the check cannot silently disappear there.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kinerja_target.report import build_report
from kinerja_target.report.html import page, percent_text, write_html

ROOT = Path(__file__).resolve().parents[1]
AMBON = ROOT / "examples" / "capaian_kota_ambon.csv"


class _Page(HTMLParser):
    """What a page asks the browser to fetch, and its table rows by table id."""

    def __init__(self) -> None:
        super().__init__()
        self.fetches: list[str] = []
        self.rows: dict[str, int] = {}
        self.tags: list[str] = []
        self._table: str | None = None
        self._in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        for name in ("src", "href", "srcset", "data", "poster", "action"):
            if found.get(name):
                self.fetches.append(f"{tag} {name}={found[name]}")
        if tag == "link":
            self.fetches.append(f"link {found}")
        if tag == "table":
            self._table = found.get("id") or "?"
            self.rows[self._table] = 0
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and self._table is not None:
            self.rows[self._table] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "table":
            self._table = None


def _parsed(text: str) -> _Page:
    parser = _Page()
    parser.feed(text)
    return parser


def test_percent_text_is_indonesian() -> None:
    from decimal import Decimal as D

    assert percent_text(D("96.428571")) == "96,43%"
    assert percent_text(D("100.000")) == "100%"
    assert percent_text(D("1234.5")) == "1.234,50%"
    assert percent_text(None) == "-"


def test_the_page_is_self_contained_and_has_the_tables() -> None:
    report = build_report([AMBON], scale="sampang")
    text = page(report)
    parsed = _parsed(text)
    assert parsed.fetches == []
    assert "url(" not in text
    assert "@import" not in text
    assert "<script" not in text
    assert '<html lang="id">' in text
    assert "@media print" in text
    assert "size: A4 landscape" in text
    assert parsed.rows["indikator"] == len(report.rows) + len(report.sasaran)
    assert parsed.rows["sasaran"] == len(report.sasaran)
    assert parsed.rows["unit"] == len(report.units)
    assert parsed.rows["skala"] == len(report.scale.bands)
    assert parsed.tags.count("svg") == 1 + len(report.sasaran)
    assert "96,43%" in text
    assert "Tidak dapat dihitung" in text


def _png_facts(data: bytes) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values of the image data: a blank
    page compresses to a handful, a rendered one to many."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, width, height, idat = 8, 0, 0, b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI"):
        pytest.fail("chromium is not installed (CI installs it in .ci/run)")
    return found


def test_chromium_renders_the_page(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    report = build_report([AMBON], scale="sampang")
    html = tmp_path / "laporan.html"
    write_html(report, html)
    shot = tmp_path / "laporan.png"
    common = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        # nothing may be fetched: every host resolves to nowhere
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    subprocess.run(
        [*common, f"--screenshot={shot}", "--window-size=1280,2000", html.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    width, height, distinct = _png_facts(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert distinct > 64
    dom = subprocess.run(
        [*common, "--dump-dom", html.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    parsed = _parsed(dom)
    assert parsed.fetches == []
    assert parsed.rows["indikator"] == len(report.rows) + len(report.sasaran)
    assert parsed.rows["sasaran"] == len(report.sasaran)
    assert "Tabel 1. Capaian kinerja per indikator" in dom
    # printed from the browser: the print stylesheet's A4 landscape pages
    pdf = tmp_path / "laporan.pdf"
    subprocess.run(
        [*common, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) >= 2
    for width_pt, height_pt in boxes:
        assert (round(float(width_pt)), round(float(height_pt))) == (842, 595)


def test_percent_text_never_fails_on_a_huge_capaian() -> None:
    from decimal import Decimal as D

    huge = D("123456789012345678901234567890.125")
    assert percent_text(huge) == "123.456.789.012.345.678.901.234.567.890,13%"


def test_a_chart_tops_at_200_and_labels_the_true_value() -> None:
    from decimal import Decimal as D

    from kinerja_target.report.html import _bars

    chart = _bars([("Jumlah kegiatan", D(5000), None), ("Persentase", D(50), None)], "x")
    assert "5.000%" in chart
    assert ">200%<" in chart
    assert ">220%<" not in chart
    assert _parsed(chart).fetches == []
