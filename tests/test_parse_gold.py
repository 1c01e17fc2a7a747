"""Every hand-checked target of the seed documents parses to its expected value."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from conftest import read_jsonl
from kinerja_target import from_dict, parse_target

GOLD = read_jsonl("seed_targets.jsonl")


def _matches(expected: dict[str, Any], got: dict[str, Any], path: str = "") -> list[str]:
    """Differences between the gold's expectation and a canonical dict; only the fields
    the gold gives are checked, decimals compared as decimals."""
    problems: list[str] = []
    for key, want in expected.items():
        have = got.get(key)
        if key == "value" and want is not None and have is not None and want[0].isdigit():
            if Decimal(want) != Decimal(have):
                problems.append(f"{path}value: {have} != {want}")
        elif key == "basis":
            problems += _matches(want, have or {}, path + "basis.")
        elif key == "parts":
            if len(have or []) != len(want):
                problems.append(f"{path}parts: {have} != {want}")
            else:
                for i, (w, h) in enumerate(zip(want, have, strict=True)):
                    problems += _matches(w, h, f"{path}parts[{i}].")
        elif key == "warnings":
            if sorted(want) != sorted(have or []):
                problems.append(f"{path}warnings: {have} != {want}")
        elif have != want:
            problems.append(f"{path}{key}: {have!r} != {want!r}")
    return problems


def test_gold_file_is_complete() -> None:
    assert len(GOLD) == 67


@pytest.mark.parametrize("case", GOLD, ids=[f"{c['raw']!r}" for c in GOLD])
def test_seed_target(case: dict[str, Any]) -> None:
    value = parse_target(case["raw"], indicator=case.get("indicator"))
    assert _matches(case["expect"], value.to_dict()) == []
    assert value.raw == case["raw"]
    assert from_dict(value.to_dict()).to_dict() == value.to_dict()


def test_matcher_notices_differences() -> None:
    # The comparison above must be able to fail.
    got = parse_target("12 Lap").to_dict()
    assert _matches({"kind": "quantity", "value": "13", "unit": "laporan"}, got)
    assert _matches({"kind": "quantity", "warnings": ["truncated"]}, got)
