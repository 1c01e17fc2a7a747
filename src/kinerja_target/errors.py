"""The exceptions of ``kinerja_target``.

Every error the library raises derives from :class:`KinerjaTargetError`, and also from
the builtin a caller would naturally catch (``ValueError`` for bad input, ``TypeError``
for values that cannot be compared), so ``except ValueError`` keeps working for code that
does not know this library.

Every error is rebuilt from its arguments: ``args`` holds the constructor's arguments
(not the message, which ``str()`` writes from them), so an error survives ``pickle``,
``copy``, a worker process of :mod:`multiprocessing`, and the engines (polars, Spark)
that raise it again as ``type(error)(*error.args)`` (docs/decisions/0503).

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
        super().__init__(text, position, reason)
        self.text = text
        self.position = position
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot read a target from {self.text!r} at position {self.position}: {self.reason}"


class SchemaError(KinerjaTargetError, ValueError):
    """A canonical dict (``from_dict``) or a configuration does not have the expected form."""

    code = "schema"


class IncomparableError(KinerjaTargetError, TypeError):
    """Two values cannot be compared: different kinds, units of different dimension,
    or grades on different scales."""

    code = "incomparable"

    def __init__(self, left: object, right: object, reason: str) -> None:
        super().__init__(left, right, reason)
        self.left = left
        self.right = right
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot compare {self.left!r} with {self.right!r}: {self.reason}"


class DocumentReadError(KinerjaTargetError, ValueError):
    """A document or table file cannot be read; names the file and, where known, the line."""

    code = "document"

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        super().__init__(source, reason, line)
        self.source = source
        self.reason = reason
        self.line = line

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"cannot read {where}: {self.reason}"


class DocumentWriteError(KinerjaTargetError, OSError):
    """An output cannot be written: names the file and the reason. The destination is left
    as it was (every output is written to a temporary file beside it, then renamed)."""

    code = "write"

    def __init__(self, destination: str, reason: str) -> None:
        super().__init__(destination, reason)
        # OSError reads two arguments as (errno, strerror): this error has no errno.
        self.errno = None
        self.strerror = reason
        self.destination = destination
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot write {self.destination}: {self.reason}"


class MissingExtraError(KinerjaTargetError, ImportError):
    """A format or feature needs an optional dependency that is not installed; names the
    package and the extra that installs it (``pip install 'kinerja-target[pdf]'``)."""

    code = "missing_extra"

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(feature, package, extra)
        self.feature = feature
        self.package = package
        self.extra = extra

    def __str__(self) -> str:
        return (
            f"{self.feature} needs the {self.package} package: "
            f"pip install 'kinerja-target[{self.extra}]'"
        )
