"""The public surface is a contract other KPU tools call: names, docstrings, errors."""

from __future__ import annotations

import inspect
import subprocess
import sys

import kinerja_target
from kinerja_target import errors

CONTRACT = {
    "parse_target",
    "from_dict",
    "achievement",
    "aggregate",
    "infer_polarity",
    "normalize_indicator",
    "link_indicators",
    "read_document",
    "check",
    "Target",
    "Percent",
    "Quantity",
    "Number",
    "Grade",
    "Money",
    "Compound",
    "Range",
    "Missing",
    "KinerjaTargetError",
    "TargetParseError",
    "IncomparableError",
}


def test_contract_names_are_exported() -> None:
    assert set(kinerja_target.__all__) >= CONTRACT
    assert sorted(kinerja_target.__all__) == kinerja_target.__all__


def test_every_public_name_resolves_and_has_a_docstring() -> None:
    for name in kinerja_target.__all__:
        value = getattr(kinerja_target, name)
        assert inspect.getdoc(value), name


def test_functions_not_modules() -> None:
    import kinerja_target.achievement as module  # noqa: F401  (must not rebind the name)

    assert callable(kinerja_target.achievement)
    assert inspect.isfunction(kinerja_target.achievement)
    assert inspect.isfunction(kinerja_target.check)


def test_one_exception_hierarchy() -> None:
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, kinerja_target.KinerjaTargetError)
        if cls is not kinerja_target.KinerjaTargetError:
            # callers that do not know this library can catch the builtin
            assert issubclass(cls, ValueError | TypeError | OSError | ImportError), name
    assert issubclass(kinerja_target.TargetParseError, ValueError)
    assert issubclass(kinerja_target.IncomparableError, TypeError)
    # a write that fails is an OSError to callers; a missing extra an ImportError
    assert issubclass(kinerja_target.DocumentWriteError, OSError)
    assert issubclass(kinerja_target.MissingExtraError, ImportError)


def test_unknown_attribute_is_an_attribute_error() -> None:
    try:
        kinerja_target.not_a_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "not_a_name" in str(error)
    else:
        raise AssertionError("expected AttributeError")


def test_import_does_not_load_pint_or_linking() -> None:
    code = (
        "import sys, kinerja_target; "
        "print(sorted(m for m in ('pint', 'rapidfuzz', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_py_typed_is_shipped() -> None:
    from importlib.resources import files

    assert files("kinerja_target").joinpath("py.typed").is_file()
