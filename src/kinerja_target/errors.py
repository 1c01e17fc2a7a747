"""The exceptions of ``kinerja_target``.

Every error the library raises derives from :class:`KinerjaTargetError`, and also from
the builtin a caller would naturally catch (``ValueError`` for bad input, ``TypeError``
for values that cannot be compared), so ``except ValueError`` keeps working for code that
does not know this library.

Problems that are *noticed* but do not stop a value from being read (a cut-off cell, a
unit that does not fit the indicator) are not exceptions: they are warning codes on the
value, so that a bulk run keeps every row.
"""

from __future__ import annotations

__all__ = [
    "DocumentReadError",
    "DocumentWriteError",
    "IncomparableError",
    "KinerjaTargetError",
    "MissingExtraError",
    "SchemaError",
    "TargetParseError",
]


class KinerjaTargetError(Exception):
    """Base class of every error raised by ``kinerja_target``."""

    #: A short machine-readable code for the kind of error.
    code: str = "error"


class TargetParseError(KinerjaTargetError, ValueError):
    """The text holds no target value.

    ``text`` is the input, ``position`` the 0-based offset in it where reading failed,
    and ``reason`` a short explanation in plain words.
    """

    code = "unparseable_target"

    def __init__(self, text: str, position: int, reason: str) -> None:
        self.text = text
        self.position = position
        self.reason = reason
        super().__init__(f"cannot read a target from {text!r} at position {position}: {reason}")

    def __reduce__(self) -> tuple[type[TargetParseError], tuple[str, int, str]]:
        return (type(self), (self.text, self.position, self.reason))


class SchemaError(KinerjaTargetError, ValueError):
    """A canonical dict (``from_dict``) or a configuration does not have the expected form."""

    code = "schema"


class IncomparableError(KinerjaTargetError, TypeError):
    """Two values cannot be compared: different kinds, units of different dimension,
    or grades on different scales."""

    code = "incomparable"

    def __init__(self, left: object, right: object, reason: str) -> None:
        self.left = left
        self.right = right
        self.reason = reason
        super().__init__(f"cannot compare {left!r} with {right!r}: {reason}")

    def __reduce__(self) -> tuple[type[IncomparableError], tuple[object, object, str]]:
        return (type(self), (self.left, self.right, self.reason))


class DocumentReadError(KinerjaTargetError, ValueError):
    """A document or table file cannot be read; names the file and, where known, the line."""

    code = "document"

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"cannot read {where}: {reason}")

    def __reduce__(self) -> tuple[type[DocumentReadError], tuple[str, str, int | None]]:
        return (type(self), (self.source, self.reason, self.line))


class DocumentWriteError(KinerjaTargetError, OSError):
    """An output cannot be written: names the file and the reason. The destination is left
    as it was (every output is written to a temporary file beside it, then renamed)."""

    code = "write"

    def __init__(self, destination: str, reason: str) -> None:
        self.destination = destination
        self.reason = reason
        super().__init__(f"cannot write {destination}: {reason}")

    def __reduce__(self) -> tuple[type[DocumentWriteError], tuple[str, str]]:
        return (type(self), (self.destination, self.reason))


class MissingExtraError(KinerjaTargetError, ImportError):
    """A format or feature needs an optional dependency that is not installed; names the
    package and the extra that installs it (``pip install 'kinerja-target[pdf]'``)."""

    code = "missing_extra"

    def __init__(self, feature: str, package: str, extra: str) -> None:
        self.feature = feature
        self.package = package
        self.extra = extra
        super().__init__(
            f"{feature} needs the {package} package: pip install 'kinerja-target[{extra}]'"
        )

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str, str]]:
        return (type(self), (self.feature, self.package, self.extra))
