"""Cross-satker findings: where one satker writes a national indicator unlike its peers.

For every national indicator and year, the satker that write it are each other's peers.
Four findings (``docs/decisions/0402-cross-satker-findings.md``):

``kind_outlier``
    the target is of another kind than most peers write (``12 Lap`` where most write
    ``100%``);
``unit_outlier``
    the target is of the peers' kind but in another unit (``12 dokumen`` where most
    write ``12 laporan``);
``far_target``
    the target is of the peers' kind and unit but far from them: more than
    :data:`FAR` robust deviations from their median. The deviation is the median
    absolute deviation (×1,4826, the normal-consistent scale), but at least
    :data:`FLOOR` of the median and at least 1 (a percentage point, one laporan): among
    peers who mostly write 100%, a target of 60% is far and one of 75% is not;
``missing_indicator``
    a satker has rows in a year but none for an indicator that at least :data:`COMMON`
    of the satker of its level (provinsi, kabupaten/kota, others) have that year.

Peers are counted as satker, not rows (a satker with a PK and an LKj counts once), and
only where there are at least :data:`MIN_PEERS` of them; "most" is more than half.
Everything is computed in SQL over the store; target values stay exact decimals.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..numbers import format_decimal
from .store import Store

if TYPE_CHECKING:
    import pandas

__all__ = [
    "CODES",
    "COMMON",
    "FAR",
    "FLOOR",
    "MIN_PEERS",
    "STAGE",
    "PeerFinding",
    "find_outliers",
    "findings_frame",
]

#: Fewer peers than this and nothing is an outlier.
MIN_PEERS: Final = 5
#: Robust deviations from the peers' median beyond which a target is far.
FAR: Final = Decimal("3.5")
#: The least robust deviation, as a share of the median.
FLOOR: Final = Decimal("0.1")
#: The share of a level's satker that makes an indicator one they all should have.
COMMON: Final = Decimal("0.8")

#: The finding codes, in report order.
CODES: Final = ("kind_outlier", "unit_outlier", "far_target", "missing_indicator")


@attrs.frozen
class PeerFinding:
    """One cross-satker finding: its ``code`` (:data:`CODES`), the satker, the national
    indicator and year, the row it is about (``document_id``/``row_no``/``path``/
    ``line``; no row for ``missing_indicator``), what the satker wrote (``target_raw``,
    and its kind, unit or value: ``value``),
    what its peers write (``expected``), how many peers write it so (``agree``) out of
    how many (``peers``), and a plain ``message``."""

    code: str
    satker: str
    indicator_id: int
    label: str
    year: int | None
    target_raw: str | None
    value: str | None
    expected: str
    agree: int
    peers: int
    document_id: int | None = None
    row_no: int | None = None
    path: str | None = None
    line: int | None = None
    message: str = attrs.field(default="", eq=False)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the fields."""
        return attrs.asdict(self)


_LEVEL = """CASE
    WHEN regexp_matches(satker, '(?i)\\bprovinsi\\b') THEN 'provinsi'
    WHEN regexp_matches(satker, '(?i)\\b(kabupaten|kab\\.?|kota)\\b') THEN 'kabupaten/kota'
    ELSE 'lainnya' END"""

#: Temporary tables every finding and the report read: the linked rows with their satker
#: (a row's own, else its document's path), the rows with a typed target, and per
#: indicator and year the kind and the unit most satker write.
STAGE: Final = (
    """CREATE OR REPLACE TEMP TABLE rollup_rows AS
    SELECT r.document_id, r.row_no, r.line, d.path, coalesce(r.satker, d.path) AS satker_key,
           r.unit, r.indicator_id, r.year, r.target_raw, r.target_kind, r.target_value,
           r.target_unit, r.realisasi_raw, r.capaian, r.status
    FROM indicator_rows r JOIN documents d USING (document_id)
    WHERE r.indicator_id IS NOT NULL""",
    """CREATE OR REPLACE TEMP TABLE rollup_base AS
    SELECT document_id, row_no, line, path, satker_key AS satker, indicator_id, year,
           target_kind AS kind, coalesce(target_unit, '') AS unit, target_value AS value,
           target_raw
    FROM rollup_rows WHERE target_kind IS NOT NULL AND target_kind <> 'missing'""",
    """CREATE OR REPLACE TEMP TABLE rollup_major_kind AS
    WITH kinds AS (
        SELECT indicator_id, year, kind, count(DISTINCT satker) AS n
        FROM rollup_base GROUP BY ALL
    ),
    peers AS (
        SELECT indicator_id, year, count(DISTINCT satker) AS peers
        FROM rollup_base GROUP BY ALL
    )
    SELECT k.indicator_id, k.year, k.kind, k.n, p.peers
    FROM kinds k JOIN peers p
      ON p.indicator_id = k.indicator_id AND p.year IS NOT DISTINCT FROM k.year
    QUALIFY row_number() OVER (
        PARTITION BY k.indicator_id, k.year ORDER BY k.n DESC, k.kind) = 1""",
    """CREATE OR REPLACE TEMP TABLE rollup_major_unit AS
    WITH units AS (
        SELECT b.indicator_id, b.year, b.unit, count(DISTINCT b.satker) AS n
        FROM rollup_base b JOIN rollup_major_kind m
          ON m.indicator_id = b.indicator_id AND m.year IS NOT DISTINCT FROM b.year
         AND m.kind = b.kind
        GROUP BY ALL
    )
    SELECT u.indicator_id, u.year, u.unit, u.n, m.n AS peers
    FROM units u JOIN rollup_major_kind m
      ON m.indicator_id = u.indicator_id AND m.year IS NOT DISTINCT FROM u.year
    QUALIFY row_number() OVER (
        PARTITION BY u.indicator_id, u.year ORDER BY u.n DESC, u.unit) = 1""",
)

_KIND = """
    SELECT 'kind_outlier', b.satker, b.indicator_id, b.year, b.target_raw, b.kind,
           m.kind, m.n, m.peers, b.document_id, b.row_no, b.path, b.line, NULL, NULL, NULL
    FROM rollup_base b JOIN rollup_major_kind m
      ON m.indicator_id = b.indicator_id AND m.year IS NOT DISTINCT FROM b.year
    WHERE m.peers >= $min_peers AND 2 * m.n > m.peers AND b.kind <> m.kind
"""

_UNIT = """
    SELECT 'unit_outlier', b.satker, b.indicator_id, b.year, b.target_raw, b.unit,
           u.unit, u.n, u.peers, b.document_id, b.row_no, b.path, b.line, NULL, NULL, NULL
    FROM rollup_base b JOIN rollup_major_kind m
      ON m.indicator_id = b.indicator_id AND m.year IS NOT DISTINCT FROM b.year
    JOIN rollup_major_unit u
      ON u.indicator_id = b.indicator_id AND u.year IS NOT DISTINCT FROM b.year
    WHERE m.peers >= $min_peers AND 2 * m.n > m.peers AND b.kind = m.kind
      AND u.peers >= $min_peers AND 2 * u.n > u.peers AND b.unit <> u.unit
"""

_FAR = """
    WITH alike AS (
        SELECT b.* FROM rollup_base b
        JOIN rollup_major_kind m
          ON m.indicator_id = b.indicator_id AND m.year IS NOT DISTINCT FROM b.year
         AND m.kind = b.kind
        JOIN rollup_major_unit u
          ON u.indicator_id = b.indicator_id AND u.year IS NOT DISTINCT FROM b.year
         AND u.unit = b.unit
        WHERE b.value IS NOT NULL
    ),
    spread AS (
        SELECT indicator_id, year, median(value) AS middle, mad(value) AS mad,
               count(DISTINCT satker) AS n
        FROM alike GROUP BY ALL
    )
    SELECT 'far_target', a.satker, a.indicator_id, a.year, a.target_raw, a.value,
           s.middle, s.n, s.n, a.document_id, a.row_no, a.path, a.line,
           abs(a.value - s.middle), greatest(1.4826 * s.mad, $floor * abs(s.middle), 1),
           CASE WHEN a.kind = 'percent' THEN '%' ELSE ' ' || a.unit END
    FROM alike a JOIN spread s
      ON s.indicator_id = a.indicator_id AND s.year IS NOT DISTINCT FROM a.year
    WHERE s.n >= $min_peers AND a.value <> s.middle
      AND abs(a.value - s.middle) > $far * greatest(1.4826 * s.mad, $floor * abs(s.middle), 1)
"""

_MISSING = f"""
    WITH rows_ AS (
        SELECT DISTINCT satker_key AS satker, year, indicator_id FROM rollup_rows
    ),
    documents_ AS (
        SELECT satker_key AS satker, year, min(document_id) AS document_id
        FROM rollup_rows GROUP BY ALL
    ),
    present AS (
        SELECT satker, year, document_id, {_LEVEL} AS level FROM documents_
    ),
    sizes AS (SELECT year, level, count(*) AS n FROM present GROUP BY ALL),
    holders AS (
        SELECT r.indicator_id, r.year, p.level, count(DISTINCT r.satker) AS n
        FROM rows_ r JOIN present p ON p.satker = r.satker AND p.year IS NOT DISTINCT FROM r.year
        GROUP BY ALL
    ),
    common AS (
        SELECT h.indicator_id, h.year, h.level, h.n, s.n AS peers
        FROM holders h JOIN sizes s ON s.level = h.level AND s.year IS NOT DISTINCT FROM h.year
        WHERE s.n >= $min_peers AND h.n >= $common * s.n
    )
    SELECT 'missing_indicator', p.satker, c.indicator_id, c.year, NULL, NULL, c.level,
           c.n, c.peers, p.document_id, NULL, d.path, NULL, NULL, NULL, NULL
    FROM common c
    JOIN present p ON p.level = c.level AND p.year IS NOT DISTINCT FROM c.year
    JOIN documents d ON d.document_id = p.document_id
    WHERE NOT EXISTS (
        SELECT 1 FROM rows_ r WHERE r.satker = p.satker
          AND r.year IS NOT DISTINCT FROM c.year AND r.indicator_id = c.indicator_id
    )
"""


def _show(value: object) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value.normalize() if value == value.to_integral() else value)
    return str(value)


def _message(code: str, row: tuple[Any, ...], label: str) -> str:
    _c, satker, _i, year, raw, value, expected, agree, peers = row[:9]
    where = f"{label!r} ({year})" if year is not None else repr(label)
    if code == "kind_outlier":
        return (
            f"{satker} writes {where} as a {value} ({raw!r}) where {agree} of {peers} "
            f"satker write a {expected}"
        )
    if code == "unit_outlier":
        return (
            f"{satker} writes {where} in {value or 'no unit'} ({raw!r}) where {agree} of "
            f"{peers} satker write it in {expected or 'no unit'}"
        )
    if code == "far_target":
        distance, scale = row[13], row[14]
        times = f"{distance / scale:.1f}".replace(".", ",") if scale else "∞"
        return (
            f"{satker} sets {where} at {raw!r}, far from the median {_show(expected)}{row[15]} of "
            f"{peers} satker ({times} robust deviations)"
        )
    return f"{satker} has no row for {where}, which {agree} of {peers} {expected} satker have"


def _parameters() -> dict[str, object]:
    return {"min_peers": MIN_PEERS, "far": FAR, "floor": FLOOR, "common": COMMON}


def find_outliers(store: Store) -> list[PeerFinding]:
    """Every cross-satker finding of the store, by code, indicator, year and satker."""
    for statement in STAGE:
        store.connection.execute(statement)
    labels = dict(store.execute("SELECT indicator_id, label FROM indicators"))
    found: list[PeerFinding] = []
    for query in (_KIND, _UNIT, _FAR, _MISSING):
        parameters = {k: v for k, v in _parameters().items() if f"${k}" in query}
        for row in store.connection.execute(query, parameters).fetchall():
            code = str(row[0])
            label = str(labels.get(row[2], f"#{row[2]}"))
            found.append(
                PeerFinding(
                    code=code,
                    satker=str(row[1]),
                    indicator_id=int(row[2]),
                    label=label,
                    year=row[3],
                    target_raw=row[4],
                    value=None if row[5] is None else _show(row[5]),
                    expected=_show(row[6]) + (row[15] or "").rstrip(),
                    agree=int(row[7]),
                    peers=int(row[8]),
                    document_id=row[9],
                    row_no=row[10],
                    path=row[11],
                    line=row[12],
                    message=_message(code, row, label),
                )
            )
    order = {c: n for n, c in enumerate(CODES)}
    found.sort(key=lambda f: (order[f.code], f.indicator_id, f.year or 0, f.satker, f.row_no or 0))
    return found


def findings_frame(findings: list[PeerFinding]) -> pandas.DataFrame:
    """The findings as a pandas frame, one column per field."""
    import pandas

    columns = [a.name for a in attrs.fields(PeerFinding)]
    return pandas.DataFrame([f.to_dict() for f in findings], columns=columns)
