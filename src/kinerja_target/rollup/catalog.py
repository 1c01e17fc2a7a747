"""The national catalog: one ``indicator_id`` per indicator, stable across runs.

Every distinct wording a satker writes — ``(satker, indicator)`` — gets an id once and
keeps it (table ``wordings``). When documents bring new wordings, all the wordings of
the store, old and new, are linked together with
:func:`~kinerja_target.link_indicators` (the whole corpus gives the linker its word
weights and the spelling it learns); then

* a new wording in a cluster with stored wordings takes the id most of their satker
  have (ties: the smaller id);
* a cluster of new wordings only is a new indicator and gets the next free id, in the
  order of the clusters' canonical wordings, so one corpus gives the same ids whatever
  order its files are read in;
* a stored wording never changes id, even when the new evidence links it elsewhere:
  a report or a spreadsheet that cites an id keeps meaning the same indicator.

The ``indicators`` table (label, satker and row counts) is rebuilt from the rows, and
the rows' ``indicator_id`` filled in, in the same transaction.
``docs/decisions/0401-stable-national-ids.md`` records the choice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from .schema import WORDING_COLUMNS
from .store import Store, insert

if TYPE_CHECKING:
    from ..matching import IndicatorCatalog

__all__ = ["CatalogUpdate", "catalog_of", "update_catalog"]

# The satker a row belongs to for linking: its own, else its document's path (a file
# whose satker could not be told is one satker of its own).
_SATKER = "coalesce(r.satker, d.path)"


@attrs.frozen
class CatalogUpdate:
    """What :func:`update_catalog` did: wordings seen for the first time, the new
    national indicators among them, and the size of the catalog after."""

    new_wordings: int
    new_indicators: int
    indicators: int
    seconds: float = attrs.field(eq=False, default=0.0)
    #: CPU seconds of this process (the linker is pure Python: one core).
    cpu_seconds: float = attrs.field(eq=False, default=0.0)

    def __str__(self) -> str:
        return (
            f"{self.indicators} national indicators ({self.new_indicators} new, "
            f"{self.new_wordings} new wordings)"
        )


def _assign(
    old: list[tuple[str, str, int]], new: list[tuple[str, str]], next_id: int
) -> tuple[list[tuple[str, str, int]], int]:
    """Ids for the ``new`` wordings, linked together with the ``old`` ones."""
    from .. import link_indicators
    from ..matching import Mention

    mentions = [Mention(satker=s, text=t) for s, t, _ in old]
    mentions += [Mention(satker=s, text=t) for s, t in new]
    result = link_indicators(mentions)
    assigned: list[tuple[str, str, int]] = []
    fresh = 0
    for cluster in result.clusters:  # ordered by canonical wording
        satkers_of: dict[int, set[str]] = defaultdict(set)
        newcomers = []
        for position in cluster.members:
            if position < len(old):
                satker, _text, ident = old[position]
                satkers_of[ident].add(satker)
            else:
                newcomers.append(new[position - len(old)])
        if not newcomers:
            continue
        if satkers_of:
            votes = Counter({i: len(s) for i, s in satkers_of.items()})
            ident = min(votes, key=lambda i: (-votes[i], i))
        else:
            ident = next_id + fresh
            fresh += 1
        assigned += [(satker, text, ident) for satker, text in newcomers]
    return assigned, fresh


def update_catalog(store: Store) -> CatalogUpdate:
    """Give every row without one its national ``indicator_id``; one transaction."""
    import time

    start, cpu = time.perf_counter(), time.process_time()
    new = store.execute(
        f"""
        SELECT DISTINCT {_SATKER} AS satker, r.indicator
        FROM indicator_rows r JOIN documents d USING (document_id)
        WHERE r.indicator_id IS NULL AND NOT EXISTS (
            SELECT 1 FROM wordings w WHERE w.satker = {_SATKER} AND w.indicator = r.indicator
        )
        ORDER BY satker, r.indicator
        """
    )
    unlinked = store.scalar("SELECT count(*) FROM indicator_rows WHERE indicator_id IS NULL")
    if not new and not unlinked:
        count = int(store.scalar("SELECT count(*) FROM indicators"))
        return CatalogUpdate(0, 0, count, time.perf_counter() - start, time.process_time() - cpu)
    old = [
        (str(s), str(t), int(i))
        for s, t, i in store.execute(
            "SELECT satker, indicator, indicator_id FROM wordings ORDER BY satker, indicator"
        )
    ]
    next_id = 1 + max((i for _s, _t, i in old), default=0)
    assigned, fresh = _assign(old, [(str(s), str(t)) for s, t in new], next_id) if new else ([], 0)
    with store.transaction() as c:
        if assigned:
            insert(c, "wordings", WORDING_COLUMNS, assigned)
        c.execute(
            f"""
            UPDATE indicator_rows AS r SET indicator_id = w.indicator_id
            FROM documents AS d, wordings AS w
            WHERE r.indicator_id IS NULL AND d.document_id = r.document_id
              AND w.satker = {_SATKER} AND w.indicator = r.indicator
            """
        )
        _rebuild_indicators(c)
    count = int(store.scalar("SELECT count(*) FROM indicators"))
    return CatalogUpdate(
        len(assigned), fresh, count, time.perf_counter() - start, time.process_time() - cpu
    )


def _rebuild_indicators(c: Any) -> None:
    c.execute("DELETE FROM indicators")
    c.execute(
        f"""
        INSERT INTO indicators
        WITH used AS (
            SELECT r.indicator_id, r.indicator, {_SATKER} AS satker
            FROM indicator_rows r JOIN documents d USING (document_id)
            WHERE r.indicator_id IS NOT NULL
        ),
        per_wording AS (
            SELECT indicator_id, indicator, count(DISTINCT satker) AS users
            FROM used GROUP BY indicator_id, indicator
        ),
        counts AS (
            SELECT indicator_id, count(DISTINCT satker) AS satker_count, count(*) AS mentions
            FROM used GROUP BY indicator_id
        ),
        labels AS (
            SELECT indicator_id, indicator AS label FROM (
                SELECT *, row_number() OVER (
                    PARTITION BY indicator_id ORDER BY users DESC, length(indicator), indicator
                ) AS n
                FROM per_wording
            ) WHERE n = 1
        ),
        known AS (
            SELECT indicator_id, min(indicator) AS fallback, count(*) AS wordings
            FROM wordings GROUP BY indicator_id
        )
        SELECT k.indicator_id, coalesce(l.label, k.fallback),
               coalesce(n.satker_count, 0), coalesce(n.mentions, 0), k.wordings
        FROM known k LEFT JOIN counts n USING (indicator_id) LEFT JOIN labels l USING (indicator_id)
        ORDER BY k.indicator_id
        """
    )


def catalog_of(store: Store) -> IndicatorCatalog:
    """The store's national catalog as an :class:`~kinerja_target.IndicatorCatalog`:
    one entry per national indicator (id ``N<indicator_id>``, its label, its other
    wordings as aliases), to match wordings outside the store against."""
    from .. import IndicatorCatalog
    from ..matching import CatalogEntry

    labels = dict(store.execute("SELECT indicator_id, label FROM indicators"))
    aliases: dict[int, list[str]] = defaultdict(list)
    for ident, text in store.execute(
        "SELECT DISTINCT indicator_id, indicator FROM wordings ORDER BY 1, 2"
    ):
        if text != labels.get(ident):
            aliases[int(ident)].append(str(text))
    return IndicatorCatalog(
        CatalogEntry(id=f"N{ident}", text=str(label), aliases=tuple(aliases[int(ident)]))
        for ident, label in sorted(labels.items())
    )
