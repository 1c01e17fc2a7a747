"""The JSON Schemas shipped in the package describe what ``to_dict`` writes: every drawn
value and row validates, and forms that ``from_dict`` would refuse do not."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

from conftest import DATA  # noqa: E402
from kinerja_target import (  # noqa: E402
    Polarity,
    Row,
    Target,
    TargetParseError,
    from_dict,
    parse_target,
    read_document,
)
from kinerja_target.lakip import compute_row  # noqa: E402
from kinerja_target.strategies import (  # noqa: E402
    KINDS,
    achievement_cases,
    cell_texts,
    rows,
    target_cells,
)


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("kinerja_target").joinpath("schemas", f"{name}.schema.json")
    schema: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return schema


TARGET = _schema("target")
ROW = _schema("row")
CAPAIAN_ROW = _schema("capaian_row")
REGISTRY = referencing.Registry().with_resources(
    (s["$id"], referencing.Resource.from_contents(s)) for s in (TARGET, ROW, CAPAIAN_ROW)
)
TARGET_VALIDATOR = jsonschema.Draft202012Validator(TARGET, registry=REGISTRY)
ROW_VALIDATOR = jsonschema.Draft202012Validator(ROW, registry=REGISTRY)
CAPAIAN_VALIDATOR = jsonschema.Draft202012Validator(CAPAIAN_ROW, registry=REGISTRY)


def _valid_target(data: dict[str, Any]) -> None:
    # Through JSON text, as a consumer of the CLI's output sees it.
    TARGET_VALIDATOR.validate(json.loads(json.dumps(data)))


def test_the_schemas_are_valid_schemas() -> None:
    for schema in (TARGET, ROW, CAPAIAN_ROW):
        jsonschema.Draft202012Validator.check_schema(schema)
    assert TARGET["properties"]["kind"]["enum"] == list(KINDS)


@settings(max_examples=250)
@given(st.from_type(Target))
def test_drawn_values_validate(value: Target) -> None:
    _valid_target(value.to_dict())


@settings(max_examples=300)
@given(target_cells())
def test_parsed_cells_validate(cell: tuple[str, Target]) -> None:
    _valid_target(parse_target(cell[0]).to_dict())


@settings(max_examples=300)
@given(cell_texts())
def test_whatever_the_parser_returns_validates(text: str) -> None:
    try:
        value = parse_target(text)
    except TargetParseError:
        return
    _valid_target(value.to_dict())


@settings(max_examples=100)
@given(rows())
def test_drawn_rows_validate(row: Row) -> None:
    ROW_VALIDATOR.validate(json.loads(json.dumps(row.to_dict())))


def test_rows_of_real_documents_validate() -> None:
    documents = sorted(DATA.glob("00*.txt"))
    assert documents
    found = [row for path in documents for row in read_document(path)]
    assert len(found) > 50
    for row in found:
        ROW_VALIDATOR.validate(json.loads(json.dumps(row.to_dict())))


PERCENT = {"kind": "percent", "value": "97.5", "unit": "percent", "warnings": []}
BROKEN_TARGETS = [
    {**PERCENT, "kind": "persen"},
    {**PERCENT, "unit": "IDR"},
    {**PERCENT, "value": 97.5},
    {**PERCENT, "value": "97,5"},
    {**PERCENT, "qualifier": "=>"},
    {**PERCENT, "colour": "red"},
    {k: v for k, v in PERCENT.items() if k != "warnings"},
    {"kind": "quantity", "value": "12", "warnings": []},
    {"kind": "grade", "value": "BB", "unit": "percent", "scale": "sakip", "warnings": []},
    {"kind": "range", "parts": [PERCENT], "unit": "percent", "warnings": []},
    {"kind": "compound", "parts": [], "warnings": []},
    {"kind": "missing", "value": "0", "warnings": []},
    {**PERCENT, "basis": {"kind": "quantity", "value": "4", "warnings": []}},
]


@pytest.mark.parametrize("data", BROKEN_TARGETS, ids=[json.dumps(d) for d in BROKEN_TARGETS])
def test_a_broken_form_is_rejected(data: dict[str, Any]) -> None:
    assert not TARGET_VALIDATOR.is_valid(data)


def test_the_accepted_form_reads_back() -> None:
    _valid_target(PERCENT)
    assert from_dict(PERCENT).to_dict() == PERCENT


@settings(max_examples=40)
@given(rows(), st.sampled_from(sorted(ROW["required"])))
def test_a_row_without_a_key_or_with_another_is_rejected(row: Row, key: str) -> None:
    data = row.to_dict()
    del data[key]
    assert not ROW_VALIDATOR.is_valid(data)
    more = {**copy.deepcopy(row.to_dict()), "extra": 1}
    assert not ROW_VALIDATOR.is_valid(more)


CELLS = st.one_of(
    target_cells().map(lambda cell: cell[0]),
    cell_texts(),
    st.sampled_from(["", "-", None, 0.975, 12]),
)


@settings(max_examples=200)
@given(
    st.sampled_from(["Persentase partisipasi pemilih", "Jumlah laporan", "Nilai SAKIP", ""]),
    CELLS,
    CELLS,
    st.sampled_from(["", "max", "min", "stabil", "naik"]),
)
def test_capaian_rows_validate(indicator: str, target: Any, actual: Any, polarity: str) -> None:
    row = compute_row(indicator, target, actual, polarity_cell=polarity, row=3, cap=120)
    CAPAIAN_VALIDATOR.validate(json.loads(json.dumps(row.to_dict())))


@settings(max_examples=100)
@given(achievement_cases())
def test_computed_capaian_rows_validate(case: tuple[Target, Target, Polarity]) -> None:
    target, actual, polarity = case
    row = compute_row("", str(target), str(actual), polarity=polarity)
    data = json.loads(json.dumps(row.to_dict()))
    CAPAIAN_VALIDATOR.validate(data)
    if data["kind"] == "computed":
        assert data["percent"] is not None


def test_a_broken_capaian_row_is_rejected() -> None:
    data = compute_row("Persentase x", "80%", "85%").to_dict()
    CAPAIAN_VALIDATOR.validate(data)
    for key, wrong in [("percent", 106.25), ("kind", "done"), ("status", "OK"), ("met", "ya")]:
        assert not CAPAIAN_VALIDATOR.is_valid({**data, key: wrong}), key
    assert not CAPAIAN_VALIDATOR.is_valid({k: v for k, v in data.items() if k != "problem"})
