"""The indicator matcher's former home, kept for the tools that import it.

Everything now lives in :mod:`kinerja_target.linking` (one module per step: vocabulary,
normalize, decision, spelling, clustering, catalog); this module re-exports the same
public names, so ``from kinerja_target.matching import link_indicators`` keeps working.
"""

from __future__ import annotations

# Not in __all__ (they never were), but importable from here as before.
from .linking import DECISIVE_RULES as DECISIVE_RULES
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
from .linking import MentionLike as MentionLike
from .linking import Rule as Rule

__all__ = [
    "CatalogEntry",
    "CatalogMatch",
    "Cluster",
    "IndicatorCatalog",
    "Link",
    "LinkResult",
    "MatchingRules",
    "Mention",
    "link_indicators",
    "normalize_indicator",
]
