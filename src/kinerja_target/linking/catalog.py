"""Matching new wordings against known indicators: :class:`IndicatorCatalog`.

A catalog holds known indicators (:class:`CatalogEntry`: an id, a wording, other
wordings), from a :class:`~.clustering.LinkResult`, from a list, or from a CSV or JSON
file. :meth:`IndicatorCatalog.match` decides each entry's wordings against the new text
with the same rule as the linker (:func:`~.decision.compare`), the words weighted over the
catalog's own wordings, and gives the best linked entry with its explanation.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..containers.output import atomic_write
from ..errors import DocumentReadError, SchemaError
from .clustering import LinkResult
from .decision import Link, MatchingRules, Weights, Wording, compare, index_terms, read_wording
from .normalize import normalize_indicator

__all__ = ["CatalogEntry", "CatalogMatch", "IndicatorCatalog"]


@attrs.frozen
class CatalogEntry:
    """One known indicator: its ``id``, its ``text`` and other wordings (``aliases``)."""

    id: str
    text: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class CatalogMatch:
    """The entry a text matched, with the :class:`Link` that explains it."""

    entry: CatalogEntry
    link: Link

    @property
    def score(self) -> float:
        """The similarity of the best-matching wording of the entry."""
        return self.link.score


class IndicatorCatalog:
    """Known indicators to match new wordings against.

    Build one from a :class:`LinkResult` (:meth:`from_result`), from entries, or from a
    CSV (columns ``id,text`` and optionally ``aliases`` separated by ``|``) or JSON file
    (a list of objects with ``id``, ``text`` and optionally ``aliases``) with
    :meth:`load`. :meth:`match` gives the best entry with its explanation, or ``None``.
    """

    def __init__(self, entries: Iterable[CatalogEntry], *, rules: MatchingRules | None = None):
        self.entries: tuple[CatalogEntry, ...] = tuple(entries)
        self.rules = rules or MatchingRules()
        ids = [e.id for e in self.entries]
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        if duplicated:
            raise SchemaError(f"catalog ids must be unique; repeated: {', '.join(duplicated)}")
        self._forms: list[tuple[int, Wording]] = []
        for n, entry in enumerate(self.entries):
            seen: set[str] = set()
            for written in (entry.text, *entry.aliases):
                key = normalize_indicator(written)
                if key not in seen:
                    seen.add(key)
                    self._forms.append((n, read_wording(key)))
        self._weights = Weights(w.content for _, w in self._forms)
        self._postings: dict[str, list[int]] = defaultdict(list)
        for f, (_n, wording) in enumerate(self._forms):
            for term in set().union(*(index_terms(w) for w in wording.words)):
                self._postings[term].append(f)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        return f"IndicatorCatalog(<{len(self.entries)} entries>)"

    @classmethod
    def from_result(cls, result: LinkResult) -> IndicatorCatalog:
        """One entry per cluster: id ``C<id>``, the canonical wording, and the other
        wordings of the cluster's mentions as aliases."""
        entries = []
        for cluster in result.clusters:
            originals = sorted({result.mentions[p].text for p in cluster.members})
            entries.append(
                CatalogEntry(id=f"C{cluster.id}", text=originals[0], aliases=tuple(originals[1:]))
            )
        return cls(entries, rules=result.rules)

    @classmethod
    def load(cls, path: str | Path) -> IndicatorCatalog:
        """Read a catalog from a ``.csv`` or ``.json`` file; :class:`SchemaError` when
        the file does not have the expected columns or keys,
        :class:`~kinerja_target.errors.DocumentReadError` when it cannot be read."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 text (byte {exc.start}: {exc.reason})"
            raise DocumentReadError(str(path), reason) from exc
        except OSError as exc:
            raise DocumentReadError(str(path), f"cannot be read: {exc.strerror or exc}") from exc
        records: list[Mapping[str, Any]]
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise SchemaError(f"{path}: not JSON: {exc}") from exc
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise SchemaError(f"{path}: a catalog is a JSON list of objects")
            records = data
        else:
            reader = csv.DictReader(io.StringIO(text))
            records = list(reader)
            records = [{**r, "aliases": (r.get("aliases") or "").split("|")} for r in records]
        entries = []
        for n, record in enumerate(records, start=1):
            ident, wording = record.get("id"), record.get("text") or record.get("indicator")
            if not ident or not wording:
                raise SchemaError(f"{path}: entry {n} needs an 'id' and a 'text'")
            aliases = record.get("aliases") or []
            if not isinstance(aliases, list):
                raise SchemaError(f"{path}: entry {n}: 'aliases' must be a list")
            entries.append(
                CatalogEntry(
                    id=str(ident),
                    text=str(wording),
                    aliases=tuple(str(a) for a in aliases if a),
                )
            )
        return cls(entries)

    def save(self, path: str | Path) -> None:
        """Write the catalog as ``.json`` or ``.csv`` (by the file's suffix), safely: a
        failure raises :class:`~kinerja_target.errors.DocumentWriteError` and leaves
        ``path`` as it was."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            data = [{"id": e.id, "text": e.text, "aliases": list(e.aliases)} for e in self]
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(["id", "text", "aliases"])
            for e in self:
                writer.writerow([e.id, e.text, "|".join(e.aliases)])
            text = buffer.getvalue()
        # written beside the destination and renamed: a failure leaves the old catalog
        with atomic_write(path) as handle:
            handle.write(text.encode("utf-8"))

    def match(self, text: str, *, satker: str | None = None) -> CatalogMatch | None:
        """The entry whose wording links best with ``text``, or ``None``."""
        query = read_wording(normalize_indicator(text, satker=satker))
        seen: set[int] = set()
        for word in query.words:
            for term in index_terms(word):
                seen.update(self._postings.get(term, ()))
        if not query.content:
            seen.update(f for f, (_n, w) in enumerate(self._forms) if not w.content)
        best: tuple[float, str, CatalogMatch] | None = None
        for f in sorted(seen):
            n, wording = self._forms[f]
            link = compare(query, wording, self._weights, self.rules)
            if not link.linked:
                continue
            key = (-link.score, self.entries[n].id)
            if best is None or key < (best[0], best[1]):
                best = (-link.score, self.entries[n].id, CatalogMatch(self.entries[n], link))
        return best[2] if best else None
