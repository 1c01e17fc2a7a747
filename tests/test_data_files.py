"""The data files and their one loader (kinerja_target._data)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from kinerja_target import _data
from kinerja_target.errors import SchemaError

DATA = Path(__file__).parent.parent / "src" / "kinerja_target" / "data"
FILES = sorted(p.name for p in DATA.glob("*.csv"))


def test_comment_lines_before_the_header_are_provenance() -> None:
    text = "# source: the seeds\n#\n\n# update: add a row\nword,class\nyang,function\n"
    comments, rows = _data.parse(text)
    assert comments == ("source: the seeds", "update: add a row")
    assert rows == [{"word": "yang", "class": "function"}]


def test_a_hash_in_a_row_is_data() -> None:
    _comments, rows = _data.parse("phrase,role\n# no,no\n")
    assert rows == [{"phrase": "# no", "role": "no"}]


@pytest.mark.parametrize("text", ["a,b\n1\n", "a,b\n1,2,3\n"])
def test_a_row_of_the_wrong_width_is_an_error_naming_its_line(text: str) -> None:
    with pytest.raises(SchemaError, match=r"x\.csv: line 2 .* 2 cells"):
        _data.parse(text, "x.csv")


def test_a_missing_file_is_a_library_error() -> None:
    with pytest.raises(SchemaError, match=r"data/nothing\.csv"):
        _data.rows("nothing.csv")


@pytest.mark.parametrize("name", FILES)
def test_every_shipped_file_loads_and_has_its_source_written_down(name: str) -> None:
    rows = _data.rows(name)
    assert rows
    assert all(all(key for key in row) for row in rows)
    readme = resources.files("kinerja_target").joinpath("data", "README.md").read_text("utf-8")
    assert f"`{name}`" in readme
    rows[0].clear()  # a caller's copy: the next one is whole again
    assert _data.rows(name)[0]


def test_provenance_is_read() -> None:
    assert any("README" in line for line in _data.provenance("matching_words.csv"))
    assert _data.provenance("wilayah.csv") == ()
