"""Link the same performance indicator across satker, and keep apart the ones a word apart.

Every KPU satker words its indicators a little differently, yet two indicators a single
word apart are different indicators (``… pemilih Perempuan`` against ``… Pemula``). No
threshold on one similarity score separates the two families, so the package decides on
*the words that differ*. One module per step, in the order of the data:

================ ==========================================================================
module           what it does
================ ==========================================================================
``vocabulary``   the word lists of ``data/matching_*.csv``, read once
``normalize``    :func:`normalize_indicator`: an indicator's canonical wording (satker
                 names masked with :mod:`kinerja_target.places`, typos and abbreviations
                 folded, HTML and hyphenation repaired)
``decision``     the decision on one pair of wordings (:class:`Link`, :class:`MatchingRules`)
``spelling``     spelling learned from the corpus being linked
``clustering``   :func:`link_indicators`: candidates, links best first, clusters under
                 constraints (:class:`LinkResult`, :class:`Cluster`, :class:`Mention`)
``catalog``      :class:`IndicatorCatalog`: new wordings against known indicators
================ ==========================================================================

Every link and near miss carries its explanation (:class:`Link`): the score, the shared
words, the differing words and the rule that decided. ``docs/linking.md`` tells how to read
and tune them.

>>> normalize_indicator("Presentase KPU Kota Ambon yang mengelola <i>database</i> BMN")
'persentase satker yang mengelola database barang milik negara'
>>> result = link_indicators([
...     ("KPU Kota Ambon", "Persentase Partisipasi Pemilih Perempuan dalam Pemilu"),
...     ("KPU Kota Kupang", "Presentase partisipasi pemilih perempuan dalam Pemilu"),
...     ("KPU Kota Kupang", "Persentase Partisipasi Pemilih Pemula dalam Pemilu"),
... ])
>>> result.labels
(1, 1, 0)
"""

from __future__ import annotations

from .catalog import CatalogEntry, CatalogMatch, IndicatorCatalog
from .clustering import Cluster, LinkResult, Mention, MentionLike, link_indicators
from .decision import DECISIVE_RULES, Link, MatchingRules, Rule
from .normalize import normalize_indicator

__all__ = [
    "DECISIVE_RULES",
    "CatalogEntry",
    "CatalogMatch",
    "Cluster",
    "IndicatorCatalog",
    "Link",
    "LinkResult",
    "MatchingRules",
    "Mention",
    "MentionLike",
    "Rule",
    "link_indicators",
    "normalize_indicator",
]
