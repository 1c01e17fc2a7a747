"""The documentation site's sources are true: the API reference covers the public surface,
the home page names every subcommand, and the docstrings render as Markdown.
(``mkdocs build --strict`` itself runs in ``.ci/run``.)"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

import kinerja_target
from kinerja_target.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _documented() -> set[str]:
    found: set[str] = set()
    for page in (DOCS / "api").glob("*.md"):
        found |= set(re.findall(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.M))
    return found


def test_the_api_reference_covers_every_public_name() -> None:
    documented = _documented()
    assert "kinerja_target.parse_target" in documented
    missing = [n for n in kinerja_target.__all__ if f"kinerja_target.{n}" not in documented]
    assert missing == []


def test_the_api_reference_names_only_what_exists() -> None:
    for path in _documented():
        module, _, name = path.rpartition(".")
        if path == "kinerja_target" or name in kinerja_target.__all__:
            assert module in ("", "kinerja_target"), path
        else:  # a public module of the package, not a private one behind a name
            assert not name.startswith("_")
            assert importlib.util.find_spec(path) is not None, path


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    pages = [p.relative_to(DOCS).as_posix() for p in DOCS.glob("*.md")]
    pages += [p.relative_to(DOCS).as_posix() for p in (DOCS / "api").glob("*.md")]
    assert [p for p in pages if p not in config] == []


def test_the_home_page_names_every_subcommand() -> None:
    _, runners = _parser()
    intro = (DOCS / "index.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert runners
    assert [name for name in runners if f"`{name}`" not in intro] == []


def _extension() -> ModuleType:
    pytest.importorskip("griffe")
    path = ROOT / "tools" / "docs" / "rest_docstrings.py"
    spec = importlib.util.spec_from_file_location("rest_docstrings", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doctest_and_literal_blocks_become_code_and_roles_inline_code() -> None:
    markdown = _extension().markdown
    text = (
        "Read a column (:func:`~kinerja_target.parse_many`), see :class:`Row`.\n"
        "\n"
        ">>> values[:3]\n"
        "[Percent(Decimal('97.5')), Missing()]\n"
        "\n"
        "The surface::\n"
        "\n"
        "    parse_target(text)   read a cell\n"
        "      nested\n"
        "\n"
        "After."
    )
    assert markdown(text).splitlines() == [
        "Read a column (`parse_many`), see `Row`.",
        "",
        "```pycon",
        ">>> values[:3]",
        "[Percent(Decimal('97.5')), Missing()]",
        "```",
        "",
        "The surface:",
        "",
        "```text",
        "parse_target(text)   read a cell",
        "  nested",
        "```",
        "",
        "After.",
    ]
