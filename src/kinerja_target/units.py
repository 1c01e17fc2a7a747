"""The units KPU targets are counted in, and a small pint registry for them.

The vocabulary is a table (:data:`UNIT_TABLE`): the canonical name (a lower-case
Indonesian noun, as in the gold data: ``laporan``, ``hari_kerja``), the dimension it
measures, its size relative to the dimension's base unit, and the spellings seen in real
documents, abbreviations included (``Lap``, ``Dok``, ``keg``, ``kec.``). Extend the table,
not the parser.

Counted things each form a dimension of their own: 12 laporan and 12 dokumen do not
compare. Calendar durations share one dimension (``jam``, ``hari``, ``minggu``); months
and years another (a month is not a fixed number of days); working days (``hari_kerja``)
are their own, because they are not calendar days. See
``docs/decisions/0003-units-and-dimensions.md``.

pint is imported only when a pint quantity is actually asked for: importing it costs
more than the whole parser, and most callers never need it.
"""

from __future__ import annotations

import re
import threading
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pint

__all__ = [
    "UNIT_TABLE",
    "Unit",
    "get_unit",
    "lookup_unit",
    "lookup_unit_phrase",
    "registry",
    "to_pint",
    "unknown_unit",
]


class Unit(NamedTuple):
    """One unit of the vocabulary (a row of the table: a named tuple, cheap to build)."""

    name: str
    dimension: str
    factor: Decimal = Decimal(1)
    spellings: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the unit is written back in Indonesian text (``hari kerja``)."""
        return self.name.replace("_", " ")

    @property
    def is_count(self) -> bool:
        """True for counted things (a count is a whole number), false for durations."""
        return self.dimension not in _FRACTIONAL_DIMENSIONS


_FRACTIONAL_DIMENSIONS = frozenset({"waktu", "bulan", "hari_kerja", "IDR", "permil"})

# name, dimension, factor (relative to the dimension's base), spellings (besides the name).
# Spellings are matched case-insensitively, with or without a trailing dot, and may be
# several words. Sources: docs/domain.md §5 (seeds, budgeting practice, PMK 62/2023).
UNIT_TABLE: tuple[Unit, ...] = tuple(
    Unit(name, dim, Decimal(factor), tuple(spellings))
    for name, dim, factor, spellings in (
        ("laporan", "laporan", "1", ("lap", "lapor", "lpr", "laporan")),
        ("dokumen", "dokumen", "1", ("dok", "doc", "dokumen")),
        ("kegiatan", "kegiatan", "1", ("keg", "kgt", "kegiatan")),
        ("kecamatan", "kecamatan", "1", ("kec", "kecamatan")),
        ("kelurahan", "kelurahan", "1", ("kel", "kelurahan")),
        ("desa", "desa", "1", ("ds", "desa")),
        ("kali", "kali", "1", ("kali", "x")),
        ("perkara", "perkara", "1", ("perkara", "pkr")),
        ("sengketa", "sengketa", "1", ("sengketa",)),
        ("orang", "orang", "1", ("orang", "org", "jiwa")),
        ("pegawai", "pegawai", "1", ("pegawai", "pgw")),
        ("pemilih", "pemilih", "1", ("pemilih",)),
        ("peserta", "peserta", "1", ("peserta",)),
        ("satker", "satker", "1", ("satker", "satuan kerja")),
        ("tps", "tps", "1", ("tps",)),
        ("paket", "paket", "1", ("paket", "pkt")),
        ("unit", "unit", "1", ("unit",)),
        ("buah", "buah", "1", ("buah", "bh")),
        ("set", "set", "1", ("set",)),
        ("lembar", "lembar", "1", ("lembar", "lbr")),
        ("rim", "rim", "1", ("rim",)),
        ("berkas", "berkas", "1", ("berkas", "bks")),
        ("eksemplar", "eksemplar", "1", ("eks", "eksemplar", "exp", "expl")),
        ("buku", "buku", "1", ("buku",)),
        ("rekomendasi", "rekomendasi", "1", ("rekomendasi", "rekom")),
        ("kasus", "kasus", "1", ("kasus",)),
        ("temuan", "temuan", "1", ("temuan",)),
        ("pengaduan", "pengaduan", "1", ("pengaduan", "aduan")),
        ("permohonan", "permohonan", "1", ("permohonan",)),
        ("pelanggaran", "pelanggaran", "1", ("pelanggaran",)),
        ("gugatan", "gugatan", "1", ("gugatan",)),
        ("produk_hukum", "produk_hukum", "1", ("produk hukum",)),
        ("peraturan", "peraturan", "1", ("peraturan", "perkpu")),
        ("sekolah", "sekolah", "1", ("sekolah",)),
        ("komunitas", "komunitas", "1", ("komunitas",)),
        ("lembaga", "lembaga", "1", ("lembaga",)),
        ("kelompok", "kelompok", "1", ("kelompok",)),
        ("angkatan", "angkatan", "1", ("angkatan",)),
        ("video", "video", "1", ("video",)),
        ("spanduk", "spanduk", "1", ("spanduk", "baliho")),
        ("website", "website", "1", ("website", "situs", "laman")),
        ("layanan", "layanan", "1", ("layanan", "lyn")),
        ("media", "media", "1", ("media", "media massa")),
        ("aplikasi", "aplikasi", "1", ("aplikasi", "apl")),
        ("sistem", "sistem", "1", ("sistem",)),
        ("keputusan", "keputusan", "1", ("keputusan", "sk")),
        ("naskah", "naskah", "1", ("naskah",)),
        ("rapat", "rapat", "1", ("rapat",)),
        ("publikasi", "publikasi", "1", ("publikasi",)),
        ("berita_acara", "berita_acara", "1", ("berita acara", "ba")),
        ("berita", "berita", "1", ("berita",)),
        ("konten", "konten", "1", ("konten",)),
        ("modul", "modul", "1", ("modul",)),
        ("provinsi", "provinsi", "1", ("provinsi", "prov")),
        ("kabupaten_kota", "kabupaten_kota", "1", ("kab/kota", "kabupaten/kota")),
        ("kabupaten", "kabupaten", "1", ("kabupaten", "kab")),
        ("kota", "kota", "1", ("kota",)),
        ("partai_politik", "partai_politik", "1", ("partai politik", "parpol", "partai")),
        ("badan_adhoc", "badan_adhoc", "1", ("badan adhoc", "badan ad hoc")),
        ("ppk", "ppk", "1", ("ppk",)),
        ("pps", "pps", "1", ("pps",)),
        ("kpps", "kpps", "1", ("kpps",)),
        ("dapil", "dapil", "1", ("dapil", "daerah pemilihan")),
        ("orang_kegiatan", "orang_kegiatan", "1", ("ok", "orang kegiatan")),
        ("orang_hari", "orang_hari", "1", ("oh", "orang hari")),
        ("orang_jam", "orang_jam", "1", ("oj", "orang jam")),
        ("orang_bulan", "orang_bulan", "1", ("ob", "orang bulan")),
        ("orang_perjalanan", "orang_perjalanan", "1", ("op", "orang perjalanan")),
        ("orang_jam_pelajaran", "orang_jam_pelajaran", "1", ("ojp", "orang jam pelajaran")),
        ("lumpsum", "lumpsum", "1", ("ls", "lumpsum", "lump sum")),
        ("responden", "responden", "1", ("resp", "responden")),
        ("rumah_tangga", "rumah_tangga", "1", ("rt", "ruta", "rumah tangga")),
        # Per mille (``‰``, read as the word "permil"): a rate of its own, not a percent.
        ("permil", "permil", "1", ("permil", "per mil", "promil", "permill", "per seribu")),
        # Durations. ``menit`` is the base of calendar time, so every factor is exact.
        ("menit", "waktu", "1", ("menit", "mnt")),
        ("jam", "waktu", "60", ("jam",)),
        ("hari", "waktu", "1440", ("hari", "hr", "hari kalender")),
        ("minggu", "waktu", "10080", ("minggu", "mgg", "pekan")),
        ("hari_kerja", "hari_kerja", "1", ("hari kerja", "hk", "hari kerja efektif")),
        ("bulan", "bulan", "1", ("bulan", "bln", "bl")),
        ("triwulan", "bulan", "3", ("triwulan", "tw")),
        ("semester", "bulan", "6", ("semester", "smt")),
        ("tahun", "bulan", "12", ("tahun", "thn", "th")),
    )
)

_BY_NAME: dict[str, Unit] = {u.name: u for u in UNIT_TABLE}
_BY_SPELLING: dict[tuple[str, ...], Unit] = {}
for _unit in UNIT_TABLE:
    for _spelling in (_unit.name.replace("_", " "), *_unit.spellings):
        _BY_SPELLING[tuple(_spelling.split())] = _unit
MAX_PHRASE_WORDS = max(len(k) for k in _BY_SPELLING)


def lookup_unit_phrase(words: list[str] | tuple[str, ...]) -> tuple[Unit, int] | None:
    """The longest unit spelling at the start of ``words`` (lower-case, dots stripped),
    with the number of words it took; ``None`` if no unit starts there."""
    for n in range(min(MAX_PHRASE_WORDS, len(words)), 0, -1):
        unit = _BY_SPELLING.get(tuple(words[:n]))
        if unit is not None:
            return unit, n
    return None


_BY_TEXT: dict[str, Unit] = {" ".join(k): u for k, u in _BY_SPELLING.items()}


def lookup_unit(text: str) -> Unit | None:
    """The unit spelled exactly ``text`` (lower case, single spaces, no trailing dot)."""
    return _BY_TEXT.get(text)


_UNSAFE = re.compile(r"[^a-z0-9]+")


def unknown_unit(words: list[str] | tuple[str, ...]) -> Unit:
    """A unit for a noun the vocabulary does not know: its own dimension, named after it."""
    name = _UNSAFE.sub("_", "_".join(words).lower()).strip("_") or "satuan"
    if name[0].isdigit():
        name = "u_" + name
    return _BY_NAME.get(name) or Unit(name, name)


def get_unit(name: str) -> Unit:
    """The unit with this canonical name; an unknown name is a unit of its own."""
    return _BY_NAME.get(name) or unknown_unit(name.split("_"))


_registry: Any = None
_registry_lock = threading.Lock()


def registry() -> pint.UnitRegistry[Any]:
    """The library's own pint registry: built empty (no pint defaults), with
    ``Decimal`` magnitudes, holding only the units of :data:`UNIT_TABLE`."""
    global _registry
    with _registry_lock:
        if _registry is None:
            import pint

            reg: pint.UnitRegistry[Any] = pint.UnitRegistry(
                None, non_int_type=Decimal, cache_folder=None
            )
            bases: dict[str, str] = {}
            for unit in UNIT_TABLE:
                if unit.factor == 1 and unit.dimension not in bases:
                    bases[unit.dimension] = unit.name
                    reg.define(f"{unit.name} = [{unit.dimension}]")
            for unit in UNIT_TABLE:
                if unit.name not in bases.values():
                    reg.define(f"{unit.name} = {unit.factor} * {bases[unit.dimension]}")
            _registry = reg
        return _registry  # type: ignore[no-any-return]


def to_pint(value: Decimal, unit: Unit | str) -> pint.Quantity[Any]:
    """A pint quantity for ``value`` in ``unit`` (a unit of its own is defined on first use)."""
    unit = unit if isinstance(unit, Unit) else get_unit(unit)
    reg = registry()
    with _registry_lock:
        if unit.name not in reg:
            reg.define(f"{unit.name} = [{unit.dimension}]")
    return reg.Quantity(value, unit.name)
