"""kinerja-target: the performance targets of KPU work units, read, compared, linked and checked.

The public surface::

    parse_target(text, *, indicator=None) -> Target     read a target cell
    from_dict(data) -> Target                            read a value back from its JSON form
    Target.to_dict()                                     the canonical JSON form

Value kinds: :class:`Percent`, :class:`Quantity`, :class:`Number`, :class:`Grade`,
:class:`Money`, :class:`Compound`, :class:`Range`, :class:`Missing`. Errors derive from
:class:`KinerjaTargetError`.
"""

from __future__ import annotations

from .errors import (
    DocumentReadError,
    IncomparableError,
    KinerjaTargetError,
    SchemaError,
    TargetParseError,
)
from .parse import parse_target
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

__version__ = "0.1.0"

__all__ = [
    "Compound",
    "DocumentReadError",
    "Grade",
    "IncomparableError",
    "KinerjaTargetError",
    "Missing",
    "Money",
    "Number",
    "Percent",
    "Quantity",
    "Range",
    "SchemaError",
    "Target",
    "TargetParseError",
    "WarningCode",
    "from_dict",
    "parse_target",
]
