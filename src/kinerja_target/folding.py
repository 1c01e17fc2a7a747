"""Text folds: the one place where case, accents, spacing, punctuation and HTML tags are
taken out of a text before it is compared.

Every reader compares texts that people and converters wrote differently: ``INDIKATOR
KINERJA:`` and ``Indikator  kinerja``, ``Pémilu`` and ``Pemilu``, ``<i>database</i>`` and
``database``. Each fold removes one such difference and nothing else, so a caller composes
the ones its comparison needs:

========================= =======================================================
fold                      removes
========================= =======================================================
:func:`strip_tags`        HTML tags, the way a browser renders them
:func:`unescape`          HTML entities (``&amp;``, ``&nbsp;``)
:func:`fold_spaces`       runs of white space, and white space at both ends
:func:`fold_case`         case (``casefold``) and white space
:func:`fold_accents`      accents and other combining marks
:func:`fold_punctuation`  punctuation, except the characters a caller keeps
========================= =======================================================

:func:`plain_words` gives the folded words of a text (letters and digits only), as the
gazetteer and the indicator matcher compare them; :func:`fold_wording` an indicator's
wording as the cue readers match it.

>>> fold_case(strip_tags("  INDIKATOR <b>Kinerja</b>: "))
'indikator kinerja:'
>>> plain_words("Pémilu di KPU Kab. Ambon/Maluku")
('pemilu', 'di', 'kpu', 'kab', 'ambon', 'maluku')
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final

__all__ = [
    "TAG",
    "fold_accents",
    "fold_case",
    "fold_punctuation",
    "fold_spaces",
    "fold_wording",
    "plain_words",
    "strip_tags",
    "tokens",
    "unescape",
]

#: An HTML or XML tag: ``<`` then a letter (or ``/`` and a letter), up to the next ``>``;
#: or a comment. ``< 5 hari`` or ``<= 10%`` is text (a comparison), never a tag.
TAG: Final = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.S)

# Tags that end a line or a block: a browser shows a break there, so the words on either
# side stay apart. Every other tag (<i>, <b>, <sup>, <span>, <font>) sits inside the
# line, often inside a word ('m<sup>2</sup>', 'Persen<b>tase</b>'), and simply goes.
_BREAKING: Final = frozenset(
    [
        "address",
        "article",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_TAG_NAME: Final = re.compile(r"</?([A-Za-z][\w:-]*)")
_WORD: Final = re.compile(r"[^\W_]+")
_TOKEN: Final = re.compile(r"[^\W_]+|[/,&]")
_LEADING_NUMBERING: Final = re.compile(r"^[\W\d_]*(?:[a-z][.)]\s+)?")
# A code or a hierarchical number before an indicator's wording: "[IKU 1.1] ...",
# "(IKU 1) ...", "IKU 2.3: ...", "1.b.1. ..."; the wording after it says what it asks.
_LEADING_CODE: Final = re.compile(
    r"^(?:\[[^\]]{1,24}\]|\((?:ik[a-z]{0,2}|ss|sk)\b[^)]{0,16}\)"
    r"|(?:iku|ikk|iki|ikd|iks)\s*\d[\d.]*[a-z]?(?:\.\d+)*\s*[:.\-]?(?=\s)"
    r"|\d+(?:\.[a-z\d]{1,3})+\.?(?=\s))\s*"
)


def strip_tags(text: str) -> str:
    """``text`` without its HTML tags: a tag that breaks the line (``<br>``, ``<p>``,
    ``<td>``…) becomes a space, any other tag goes without a trace; a comment goes.

    Entities are left alone (see :func:`unescape`).

    >>> strip_tags("mengelola <i>database</i> BMN<br/>tepat waktu")
    'mengelola database BMN tepat waktu'
    >>> strip_tags("luas 20 m<sup>2</sup>, nilai < 5 dan > 3")
    'luas 20 m2, nilai < 5 dan > 3'
    """
    if "<" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = _TAG_NAME.match(match.group(0))
        return " " if name is not None and name.group(1).lower() in _BREAKING else ""

    return TAG.sub(replace, text)


def unescape(text: str) -> str:
    """HTML entities read (``&amp;`` → ``&``, ``&nbsp;`` → a no-break space)."""
    return html.unescape(text) if "&" in text else text


def fold_spaces(text: str) -> str:
    """One space between words and none at the ends (tabs and line breaks are spaces).

    >>> fold_spaces(" Target\\n 2024 ")
    'Target 2024'
    """
    return " ".join(text.split())


def fold_case(text: str) -> str:
    """Case and spacing folded: the key under which two labels are the same label.

    ``casefold`` rather than ``lower``, so that every case distinction goes.

    >>> fold_case("  Indikator   KINERJA ")
    'indikator kinerja'
    """
    return " ".join(text.casefold().split())


def fold_accents(text: str) -> str:
    """Accents and other combining marks dropped (``é`` → ``e``): one letter to an
    indicator's author, whatever the keyboard made of it.

    >>> fold_accents("Pémilu")
    'Pemilu'
    """
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_punctuation(text: str, *, keep: str = "") -> str:
    """Every run of characters that are neither letters, digits nor white space, nor in
    ``keep``, replaced by one space (``_`` counts as punctuation).

    >>> fold_punctuation("Target (%) 2024:", keep="%")
    'Target  %  2024 '
    """
    kept = re.escape(keep) if keep else ""
    return re.sub(rf"(?:[^\w\s{kept}]|_)+", " ", text)


def plain_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded: letters and digits only, accents off, lower case.

    >>> plain_words("KPU Kab. Bolaang-Mongondow")
    ('kpu', 'kab', 'bolaang', 'mongondow')
    """
    return tuple(_WORD.findall(fold_accents(text).lower()))


def tokens(text: str) -> list[str]:
    """The words of ``text`` with their case, accents folded, and the three punctuation
    marks that join names (``/``, ``,``, ``&``) kept as tokens of their own.

    >>> tokens("KPU Provinsi/Kabupaten, Kota")
    ['KPU', 'Provinsi', '/', 'Kabupaten', ',', 'Kota']
    """
    return _TOKEN.findall(fold_accents(text))


def fold_wording(indicator: str) -> str:
    """An indicator's wording as cue patterns read it: tags stripped, lower case, one
    space between words, a leading code and numbering (``[IKU 1.1]``, ``1.``, ``a)``,
    ``1.b.1.``) removed.

    >>> fold_wording("  2.1 Persentase  <i>Partisipasi</i> Pemilih")
    'persentase partisipasi pemilih'
    >>> fold_wording("[IKU 1.1] Persentase lulusan")
    'persentase lulusan'
    """
    text = _LEADING_CODE.sub("", fold_spaces(strip_tags(indicator).lower()), count=1)
    return _LEADING_NUMBERING.sub("", text)
