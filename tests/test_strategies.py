"""The hypothesis strategies other projects test with: ``st.from_type`` for every value
class (through the entry point), valid values, pairs for capaian, table rows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kinerja_target
from kinerja_target import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Polarity,
    Quantity,
    Range,
    Row,
    SchemaError,
    Target,
    achievement,
    from_dict,
    parse_target,
)
from kinerja_target.strategies import (
    KINDS,
    _hypothesis_setup_hook,
    achievement_cases,
    read_values,
    rows,
    target_values,
)

ROOT = Path(__file__).resolve().parents[1]
VALUE_CLASSES = (Percent, Quantity, Number, Grade, Money, Compound, Range, Missing)
HOOK = "kinerja_target.strategies:_hypothesis_setup_hook"


def test_the_entry_point_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"]["hypothesis"]
    assert list(declared.values()) == [HOOK]
    point = metadata.EntryPoint(name="_", value=HOOK, group="hypothesis")
    assert point.load() is _hypothesis_setup_hook


def _installed_hooks() -> list[str]:
    try:
        dist = metadata.distribution("kinerja-target")
    except metadata.PackageNotFoundError:
        return []
    return [e.value for e in dist.entry_points if e.group == "hypothesis"]


@pytest.mark.skipif(
    HOOK not in _installed_hooks(),
    reason="the installed kinerja-target metadata predates the entry point (reinstall)",
)
def test_hypothesis_finds_the_strategies_without_importing_them() -> None:
    code = (
        "import sys\n"
        "from hypothesis import strategies as st\n"
        "import kinerja_target as kt\n"
        "assert 'kinerja_target.strategies' in sys.modules\n"
        "v = st.from_type(kt.Percent).example()\n"
        "assert isinstance(v, kt.Percent), v\n"
        "print(type(st.from_type(kt.Target).example()).__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() in {cls.__name__ for cls in VALUE_CLASSES}


@pytest.mark.skipif(
    HOOK not in _installed_hooks(),
    reason="the installed kinerja-target metadata predates the entry point (reinstall)",
)
def test_importing_the_strategies_before_hypothesis() -> None:
    # Importing the module imports hypothesis, which runs the entry point on the module
    # while it is half loaded.
    code = (
        "import kinerja_target.strategies\n"
        "from hypothesis import strategies as st\n"
        "import kinerja_target as kt\n"
        "print(type(st.from_type(kt.Money).example()).__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "Money"


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda c: c.__name__)
@settings(max_examples=60)
@given(data=st.data())
def test_from_type_draws_valid_values_that_round_trip(
    cls: type[Target], data: st.DataObject
) -> None:
    value = data.draw(st.from_type(cls))
    assert type(value) is cls
    again = from_dict(json.loads(json.dumps(value.to_dict())))
    assert again == value
    assert again.to_dict() == value.to_dict()
    if value.raw is not None:  # the text it claims to come from reads back to it
        assert parse_target(value.raw) == value


@settings(max_examples=200)
@given(st.from_type(Target))
def test_from_type_target_draws_every_kind(value: Target) -> None:
    assert isinstance(value, VALUE_CLASSES)
    assert from_dict(value.to_dict()) == value


def test_every_class_has_a_kind() -> None:
    assert {cls.kind for cls in VALUE_CLASSES} == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=20)
@given(data=st.data())
def test_each_kind_draws_its_kind(kind: str, data: st.DataObject) -> None:
    assert data.draw(target_values(kind)).kind == kind
    assert data.draw(read_values(kind)).kind == kind


@pytest.mark.parametrize("make", [target_values, read_values, achievement_cases])
def test_an_unknown_kind_is_a_clear_error(make: object) -> None:
    with pytest.raises(SchemaError, match=r"unknown target kind 'persen'; expected one of"):
        make("persen")  # type: ignore[operator]


@settings(max_examples=300)
@given(achievement_cases())
def test_achievement_cases_are_comparable(case: tuple[Target, Target, Polarity]) -> None:
    target, actual, polarity = case
    result = achievement(target, actual, polarity=polarity)
    assert result.explanation
    assert result.polarity is polarity
    if result.percent is not None:
        assert result.percent >= 0


@settings(max_examples=150)
@given(rows())
def test_rows_hold_a_target_that_fits_the_indicator(row: Row) -> None:
    assert isinstance(row, kinerja_target.Row)
    assert row.target is not None
    assert row.target == parse_target(row.target_raw, indicator=row.indicator)
    assert "unit_mismatch" not in row.target.warnings
    json.dumps(row.to_dict())


def test_importing_the_module_registers_them_without_the_entry_point() -> None:
    code = (
        "from hypothesis import strategies as st\n"
        "import kinerja_target as kt\n"
        "import kinerja_target.strategies\n"
        "print(type(st.from_type(kt.Range).example()).__name__)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HYPOTHESIS_NO_PLUGINS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "Range"
