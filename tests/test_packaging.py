"""What the package declares is true: one version, the entry points, the classifiers, the
dependencies it imports, the files it ships."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib import metadata, resources
from pathlib import Path

import kinerja_target

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "kinerja_target", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_python_m_runs_the_command_line() -> None:
    out = _run("--help")
    assert out.returncode == 0
    assert out.stdout.startswith("usage: kinerja-target")
    assert "%%" not in out.stdout


def test_version_is_the_metadatas() -> None:
    out = _run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"kinerja-target {kinerja_target.__version__}"
    try:
        installed = metadata.version("kinerja-target")
    except metadata.PackageNotFoundError:
        assert kinerja_target.__version__ == "0+unknown"
    else:
        assert kinerja_target.__version__ == installed
    # The version is written once, in pyproject.toml.
    assert "version" not in PROJECT.get("dynamic", [])
    init = (ROOT / "src" / "kinerja_target" / "__init__.py").read_text(encoding="utf-8")
    assert PROJECT["version"] not in init


def test_classifiers_name_the_supported_pythons() -> None:
    low = PROJECT["requires-python"].removeprefix(">=")
    versions = sorted(
        (c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"] if re.search(r":: 3\.\d+$", c)),
        key=lambda v: tuple(map(int, v.split("."))),
    )
    assert versions[0] == low
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in versions


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", text, re.M))
    return found


# Distributions whose import name is not their name.
IMPORT_NAMES = {"python_docx": "docx"}


def test_every_dependency_is_imported() -> None:
    imported = _imported_modules()
    for requirement in PROJECT["dependencies"]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)
        assert name is not None
        module = name[0].lower().replace("-", "_")
        assert IMPORT_NAMES.get(module, module) in imported, requirement


def test_the_schemas_are_package_data() -> None:
    shipped = resources.files("kinerja_target").joinpath("schemas")
    assert sorted(p.name for p in shipped.iterdir() if p.name.endswith(".json")) == [
        "capaian_row.schema.json",
        "row.schema.json",
        "target.schema.json",
    ]
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert "schemas/*.json" in setuptools["setuptools"]["package-data"]["kinerja_target"]


def test_the_changelog_has_an_unreleased_section() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Unreleased" in text
    assert f"## {PROJECT['version']} - " in text
