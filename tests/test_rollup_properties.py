"""Properties of what the store keeps of a value: exact, typed, reversible."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_target import from_dict
from kinerja_target.rollup.records import exact, target_columns, year_in_path
from kinerja_target.strategies import target_values
from kinerja_target.values import Target

pytest.importorskip("duckdb")

ONE_NUMBER = ("percent", "quantity", "number", "money")


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**30), max_value=10**30))
def test_exact_rounds_half_up_to_ten_places_or_gives_up(value: Decimal) -> None:
    kept = exact(value)
    if abs(value) >= Decimal(10) ** 28:
        assert kept is None
        return
    assert kept is not None
    assert kept.as_tuple().exponent == -10
    assert abs(kept - value) <= Decimal("0.5e-10")


@given(target_values())
def test_target_columns_keep_the_value_exactly(target: Target) -> None:
    kind, value, unit, qualifier, payload = target_columns(target)
    assert kind == target.kind
    assert qualifier == target.qualifier
    assert payload is not None
    assert from_dict(json.loads(payload)) == target
    number = getattr(target, "value", None)
    if kind in ONE_NUMBER and isinstance(number, Decimal) and abs(number) < Decimal(10) ** 28:
        assert value == exact(number)
        assert unit is not None or kind == "number"
    else:
        assert value is None


def test_no_target_no_columns() -> None:
    assert target_columns(None) == (None, None, None, None, None)


@given(st.integers(1950, 2099), st.sampled_from(["lkj_{}.xlsx", "PK {} final.csv", "{}/lkj.txt"]))
def test_the_year_a_path_names(year: int, pattern: str) -> None:
    assert year_in_path(Path("/data") / pattern.format(year)) == year


def test_a_path_without_a_year() -> None:
    assert year_in_path("/data/lkj_kota_ambon.xlsx") is None
    assert year_in_path("/data/1234567/lkj.txt") is None
