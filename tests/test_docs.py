"""The documentation's tables of examples are what the library does."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kinerja_target import parse_target

DOCS = Path(__file__).parent.parent / "docs"
# | `input` | `str()` | `repr()` | warnings |
ROW = re.compile(r"^\| `(?P<input>[^`]*)` \| `(?P<text>[^`]*)` \| `(?P<repr>[^`]*)` \|")


def _format_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DOCS / "parsing.md").read_text(encoding="utf-8").splitlines():
        found = ROW.match(line)
        if found:
            cell = found["input"]
            if cell.startswith("'"):  # written as a Python literal: line breaks inside
                cell = ast.literal_eval(cell)
            rows.append((cell, found["text"], found["repr"]))
    return rows


ROWS = _format_rows()


def test_the_table_is_found() -> None:
    assert len(ROWS) > 80


@pytest.mark.parametrize(("cell", "text", "shown"), ROWS, ids=[r[0] for r in ROWS])
def test_parsing_table_row(cell: str, text: str, shown: str) -> None:
    value = parse_target(cell)
    assert repr(value) == shown
    assert str(value) == text


def test_check_output_shown_in_the_docs_is_current(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_target.cli import main

    text = (DOCS / "checks.md").read_text(encoding="utf-8")
    command = "$ cd tests/data && kinerja-target check 00*.txt\n"
    shown = text[text.index(command) + len(command) : text.index("$ echo $?")]
    data = Path(__file__).parent / "data"
    monkeypatch.chdir(data)
    status = main(["check", *sorted(p.name for p in data.glob("00*.txt"))])
    out, err = capsys.readouterr()
    assert out + err == shown
    assert status == 1
