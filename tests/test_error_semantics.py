"""Every exception class of the library is rebuilt from its arguments.

Contracts stated once over every class (in the manner of whenever's
``tests/test_value_semantics.py``): an error survives ``pickle``, ``copy``, a worker
process and a polars ``map_elements`` with its type, its message and its fields, and
``type(error)(*error.args)`` (what engines such as Spark do) gives the same error.
The classes are found by walking the package, so a new exception cannot be left out.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import multiprocessing
import pickle
import pkgutil
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from typing import Any

import pytest

import kinerja_target
from kinerja_target import Percent, Quantity

# One example of the constructor's arguments for each class.
EXAMPLES: dict[str, tuple[Any, ...]] = {
    "kinerja_target.errors.KinerjaTargetError": ("something went wrong",),
    "kinerja_target.errors.SchemaError": ("unknown target kind 'x'",),
    "kinerja_target.errors.TargetParseError": ("12 (", 3, "an unclosed parenthesis"),
    "kinerja_target.errors.IncomparableError": (
        Percent(Decimal("97.5")),
        Quantity(Decimal(12), "laporan"),
        "a percent is not a quantity",
    ),
    "kinerja_target.errors.DocumentReadError": ("rkt.xlsx", "no header row", 4),
    "kinerja_target.errors.DocumentWriteError": ("out/rkt.csv", "Permission denied"),
    "kinerja_target.errors.MissingExtraError": ("reading PDF", "pdfplumber", "pdf"),
    "kinerja_target.numbers.NumberSyntaxError": ("'1.2.3' mixes separators in no known way",),
    "kinerja_target.containers._xmlsplice.XmlError": ("</row> without its start",),
    "kinerja_target.rollup.ingest.IngestInterruptedError": ("lkj/2023/ambon.xlsx", 120, 3),
}


def _exception_classes() -> list[type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(kinerja_target.__path__, "kinerja_target."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__.startswith("kinerja_target"):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


CLASSES = _exception_classes()


def _name(cls: type[BaseException]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _make(cls: type[BaseException]) -> BaseException:
    return cls(*EXAMPLES[_name(cls)])


def _same(a: BaseException, b: BaseException) -> None:
    assert type(a) is type(b)
    assert str(a) == str(b)
    assert a.args == b.args
    assert vars(a) == vars(b)


def test_every_class_has_an_example() -> None:
    assert {_name(cls) for cls in CLASSES} == set(EXAMPLES)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
def test_the_message_names_what_was_given(cls: type[BaseException]) -> None:
    error = _make(cls)
    for value in EXAMPLES[_name(cls)]:
        shown = repr(value) if isinstance(value, Percent | Quantity) else str(value)
        assert shown.strip("'") in str(error)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
def test_rebuilt_from_its_args(cls: type[BaseException]) -> None:
    error = _make(cls)
    assert error.args == EXAMPLES[_name(cls)]
    _same(type(error)(*error.args), error)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(cls: type[BaseException], protocol: int) -> None:
    error = _make(cls)
    _same(pickle.loads(pickle.dumps(error, protocol=protocol)), error)


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
def test_copy_and_deepcopy(cls: type[BaseException]) -> None:
    error = _make(cls)
    _same(copy.copy(error), error)
    _same(copy.deepcopy(error), error)


def _raise(name: str) -> None:
    module, _, qualname = name.rpartition(".")
    cls = getattr(importlib.import_module(module), qualname)
    raise cls(*EXAMPLES[name])


def test_raised_in_a_worker_process() -> None:
    # The worker pickles what it raises; the parent unpickles it.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context(method)) as pool:
        futures = {cls: pool.submit(_raise, _name(cls)) for cls in CLASSES}
        for cls, future in futures.items():
            error = future.exception(timeout=60)
            assert error is not None
            _same(error, _make(cls))


@pytest.mark.parametrize("cls", CLASSES, ids=_name)
def test_raised_in_a_polars_map_elements(cls: type[BaseException]) -> None:
    pl = pytest.importorskip("polars")

    def fail(_: str) -> str:
        _raise(_name(cls))
        return ""

    with pytest.raises(cls) as caught:
        pl.Series(["x"]).map_elements(fail, return_dtype=pl.String)
    _same(caught.value, _make(cls))


def test_a_parse_error_from_the_parser_survives_pickle() -> None:
    with pytest.raises(kinerja_target.TargetParseError) as caught:
        kinerja_target.parse_target("tidak ada")
    _same(pickle.loads(pickle.dumps(caught.value)), caught.value)
    assert caught.value.text == "tidak ada"
