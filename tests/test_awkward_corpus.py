"""The awkward corpus (``tests/data/awkward/``) is what its script builds, and what
``expected.json`` says of each file is true of the file.

These tests check the corpus, not a reader: the readers' own tests use the corpus.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import openpyxl
import pytest

AWKWARD = Path(__file__).parent / "data" / "awkward"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (AWKWARD / "expected.json").read_text(encoding="utf-8")
)
# Encryption draws a fresh salt each time: the same content, other bytes.
RANDOM = {"encrypted.xlsx"}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_awkward", AWKWARD / "make_awkward.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_rebuilds_the_committed_files(tmp_path: Path) -> None:
    written = _script().build(tmp_path)
    for name in written:
        if name not in RANDOM:
            assert (tmp_path / name).read_bytes() == (AWKWARD / name).read_bytes(), name
    data = {
        p.name
        for p in AWKWARD.iterdir()
        if p.suffix not in (".py", ".md", ".json") and not p.name.startswith(".")
    }
    # encrypting needs msoffcrypto-tool (the corpus extra); without it that file is not made
    made = set(written) | (RANDOM if importlib.util.find_spec("msoffcrypto") is None else set())
    assert made == data == set(EXPECTED)


def test_every_file_is_in_the_readme() -> None:
    readme = (AWKWARD / "README.md").read_text(encoding="utf-8")
    for name in EXPECTED:
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize(
    "name", [n for n, e in EXPECTED.items() if e["container"] in ("delimited", "text")]
)
def test_expected_rows_stand_on_their_lines(name: str) -> None:
    raw = (AWKWARD / name).read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.removeprefix(b"\xef\xbb\xbf").decode("cp1252")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for row in EXPECTED[name].get("rows", []):
        line = lines[row["line"] - 1]
        for field in ("indicator", "target", "realisasi", "capaian", "sasaran"):
            if row.get(field):
                assert row[field] in line, (name, row["line"], field)


@pytest.mark.parametrize(
    "name", [n for n, e in EXPECTED.items() if e["container"] == "workbook" and "sheet" in e]
)
def test_expected_rows_stand_on_their_sheet_rows(name: str) -> None:
    expected = EXPECTED[name]
    sheet = openpyxl.load_workbook(AWKWARD / name, data_only=True)[expected["sheet"]]
    for row in expected["rows"]:
        texts = [str(c.value) for c in sheet[row["line"]] if c.value is not None]
        assert row["indicator"] in texts, (name, row["line"])


def test_the_macro_part_has_its_content_type() -> None:
    with zipfile.ZipFile(AWKWARD / "macros.xlsm") as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        assert archive.read("xl/vbaProject.bin").startswith(b"\xd0\xcf\x11\xe0")
    assert 'Extension="bin" ContentType="application/vnd.ms-office.vbaProject"' in types
    assert "application/vnd.ms-excel.sheet.macroEnabled.main+xml" in types
    assert "relationships/vbaProject" in rels


def test_the_encrypted_workbook_is_an_ole_file_with_an_encrypted_package() -> None:
    data = (AWKWARD / "encrypted.xlsx").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert "EncryptedPackage".encode("utf-16-le") in data
