"""kinerja-target: the performance targets of KPU work units, read, compared, linked and checked.

The public surface::

    parse_target(text, *, indicator=None) -> Target        read a target cell
    parse_many(texts, *, indicator=None)                    a column of cells, each read once
    Target.to_dict() / from_dict(data) -> Target            the canonical JSON form
    achievement(target, actual, *, polarity, cap, formula)  capaian, as LAKIP reports compute it
    aggregate(items, *, method)                             capaian of a sasaran or satker
    infer_polarity(indicator, target=None)                  higher or lower is better, and why
    normalize_indicator(text, *, satker=None)               an indicator's canonical wording
    link_indicators(mentions) -> LinkResult                 the same indicator across satker
    IndicatorCatalog                                        match wordings against known ones
    read_document(path_or_text) -> list[Row]                rows of RKT/PK/IKU/LKj tables
    check(rows) -> list[Finding]                            data-quality findings
    compute_table(path) / write_table(report, path)         capaian for a LAKIP CSV/XLSX table
    report(paths, *, scale, method, previous) -> Report     the LKj chapter III (XLSX, HTML)

Value kinds: :class:`Percent`, :class:`Quantity`, :class:`Number`, :class:`Grade`,
:class:`Money`, :class:`Compound`, :class:`Range`, :class:`Missing`. Errors derive from
:class:`KinerjaTargetError`.

The target core and capaian are imported with the package; linking, tables, checks and
LAKIP tables are imported on first use, so that ``import kinerja_target`` stays fast for
scripts that only read targets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# The function ``achievement`` shares its name with its module: importing it here binds
# the package attribute to the function for good (a later ``import
# kinerja_target.achievement`` finds the module loaded and leaves the attribute alone).
from .achievement import Achievement, Aggregate, MinFormula, achievement, aggregate
from .errors import (
    DocumentReadError,
    DocumentWriteError,
    IncomparableError,
    KinerjaTargetError,
    MissingExtraError,
    SchemaError,
    TargetParseError,
)
from .parse import parse_many, parse_target
from .polarity import Polarity, PolarityInference, infer_polarity
from .values import (
    Compound,
    Grade,
    Missing,
    Money,
    Number,
    Percent,
    Quantity,
    Range,
    Target,
    WarningCode,
    from_dict,
)

if TYPE_CHECKING:
    from .capaian import CapaianReport, compute_table, write_table
    from .checks import Finding, check
    from .documents import Row, read_document
    from .linking import (
        CatalogEntry,
        CatalogMatch,
        Cluster,
        IndicatorCatalog,
        Link,
        LinkResult,
        MatchingRules,
        Mention,
        link_indicators,
        normalize_indicator,
    )
    from .report import build_report, report


def _version() -> str:
    # One version, in pyproject.toml: the installed package's metadata carries it. A
    # checkout used without installing (PYTHONPATH=src) has no metadata to read.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kinerja-target")
    except PackageNotFoundError:
        return "0+unknown"


__version__ = _version()

# name -> module that defines it, imported when the name is first used.
_LAZY = {
    "CatalogEntry": "linking",
    "CatalogMatch": "linking",
    "Cluster": "linking",
    "IndicatorCatalog": "linking",
    "Link": "linking",
    "LinkResult": "linking",
    "MatchingRules": "linking",
    "Mention": "linking",
    "link_indicators": "linking",
    "normalize_indicator": "linking",
    "CapaianReport": "capaian",
    "compute_table": "capaian",
    "write_table": "capaian",
    "Row": "documents",
    "read_document": "documents",
    "Finding": "checks",
    "check": "checks",
    "build_report": "report",
    "report": "report",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kinerja_target' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Achievement",
    "Aggregate",
    "CapaianReport",
    "CatalogEntry",
    "CatalogMatch",
    "Cluster",
    "Compound",
    "DocumentReadError",
    "DocumentWriteError",
    "Finding",
    "Grade",
    "IncomparableError",
    "IndicatorCatalog",
    "KinerjaTargetError",
    "Link",
    "LinkResult",
    "MatchingRules",
    "Mention",
    "MinFormula",
    "Missing",
    "MissingExtraError",
    "Money",
    "Number",
    "Percent",
    "Polarity",
    "PolarityInference",
    "Quantity",
    "Range",
    "Row",
    "SchemaError",
    "Target",
    "TargetParseError",
    "WarningCode",
    "achievement",
    "aggregate",
    "build_report",
    "check",
    "compute_table",
    "from_dict",
    "infer_polarity",
    "link_indicators",
    "normalize_indicator",
    "parse_many",
    "parse_target",
    "read_document",
    "report",
    "write_table",
]
