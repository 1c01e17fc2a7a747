"""The capaian report an LKj author hands in: chapter III as XLSX and HTML.

>>> from kinerja_target.report import build_report, write_report  # doctest: +SKIP
>>> report = build_report(["examples/capaian_kota_ambon.csv"], scale="iki")  # doctest: +SKIP
>>> write_report(report, "laporan.html")  # doctest: +SKIP

:func:`build_report` (also ``kinerja_target.report(...)``) reads the documents and
computes rows, per-sasaran and per-unit figures (:mod:`.model`) with a category from an
interpretation scale (:mod:`.categories`); :func:`write_report` writes the workbook
(:mod:`.xlsx`) or the page (:mod:`.html`) by the destination's suffix. The command line
is ``kinerja-target report`` (:mod:`.command`).

The package is callable, so ``kinerja_target.report(...)`` is :func:`build_report`
whether the name was reached as the package or as the function.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import SchemaError
from .categories import DEFAULT_SCALE, Band, Scale, get_scale, load_bands, scale_names

if TYPE_CHECKING:
    from .model import Group, Previous, Progress, Report, ReportRow, build_report

    report = build_report

__all__ = [
    "DEFAULT_SCALE",
    "Band",
    "Group",
    "Previous",
    "Progress",
    "Report",
    "ReportRow",
    "Scale",
    "build_report",
    "get_scale",
    "load_bands",
    "report",
    "scale_names",
    "write_report",
]

# The model reads documents (tables, matching, lakip): imported on first use, so that
# the command line's other commands do not pay for it.
_LAZY = {name: "model" for name in ("Group", "Previous", "Progress", "Report", "ReportRow")}
_LAZY["build_report"] = "model"


def __getattr__(name: str) -> Any:
    if name == "report":  # ``kinerja_target.report.report``: the function
        name = "build_report"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


def write_report(report: Report, destination: str | os.PathLike[str]) -> None:
    """Write ``report`` as XLSX (``.xlsx``) or HTML (``.html``, ``.htm``), atomically."""
    suffix = Path(destination).suffix.lower()
    if suffix == ".xlsx":
        from .xlsx import write_xlsx

        write_xlsx(report, destination)
    elif suffix in (".html", ".htm"):
        from .html import write_html

        write_html(report, destination)
    else:
        raise SchemaError(f"a report is written as .xlsx or .html, not {suffix or 'no suffix'!r}")


class _CallablePackage(types.ModuleType):
    """The package, callable as :func:`build_report`: ``kinerja_target.report`` is the
    package once any of its modules is imported, and calling it must still work."""

    def __call__(self, *args: Any, **kwargs: Any) -> Report:
        from .model import build_report

        return build_report(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
