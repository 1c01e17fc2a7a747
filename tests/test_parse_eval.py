"""The real-world evaluation sets: target cells from 62 public documents, with provenance
(tests/data/eval_targets_SOURCES.md). Entries marked doubtful are measured by
benchmarks/evaluate_parse.py, not asserted here."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import read_jsonl
from kinerja_target import TargetParseError, parse_target
from test_parse_gold import _matches

CASES = [c for c in read_jsonl("eval_targets.jsonl") if not c.get("doubtful")]
# Pemda Renstra/RPJMD cells collected for issue 12 (same SOURCES file).
CASES += [c for c in read_jsonl("eval_targets_pemda.jsonl") if not c.get("doubtful")]


def test_the_set_is_there() -> None:
    assert len(CASES) >= 220


@pytest.mark.parametrize("case", CASES, ids=[f"{c['raw']!r}" for c in CASES])
def test_real_world_cell(case: dict[str, Any]) -> None:
    if case["expect"].get("error"):
        with pytest.raises(TargetParseError):
            parse_target(case["raw"], indicator=case.get("indicator"))
        return
    value = parse_target(case["raw"], indicator=case.get("indicator"))
    assert _matches(case["expect"], value.to_dict()) == [], case["source"]
