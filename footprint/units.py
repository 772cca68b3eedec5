"""Units: one pint registry, built on first use.

CO2-equivalent mass is a dimension of its own (``[carbon]``): ``kgCO2e`` converts to
``gCO2e`` and ``tCO2e`` but never to ``kg``. Data units are decimal (``GB`` = 10**9
bytes, pint's default); binary units (``GiB``) exist but are used only when asked. pint
treats bits as dimensionless; :func:`conversion_factor` refuses to convert between units
with different powers of bits, so data behaves as a dimension of its own.
``device`` counts shares of one device (an embodied-impact flow), ``kgSbeq`` is the
abiotic-depletion unit (kg antimony equivalent); ``molHeq`` (acidification, mol H+
equivalent), ``disease_incidence`` (particulate matter) and ``kBqU235eq`` (ionising
radiation, kBq uranium-235 equivalent) are the EF 3.0 units, each a dimension of its own.

Inside the engine, numbers are plain floats in columns whose name carries the unit;
pint is used at the edges: parsing what users type and converting factor units once.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from .errors import UnitError, excerpt

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = ["registry", "quantity", "parse_quantity", "split_quantity", "check_unit",
           "readable_unit", "conversion_factor", "INDICATOR_UNITS", "FLOW_UNITS", "format_unit", "compact_unit",
           "MAX_QUANTITY_CHARS"]

#: Longest quantity text accepted [characters]: a number and a unit fit in far fewer.
MAX_QUANTITY_CHARS = 100

#: Canonical unit of each impact indicator.
INDICATOR_UNITS = {
    "climate_change": "kgCO2e",
    "primary_energy": "MJ",
    "resource_use_fossils": "MJ",
    "abiotic_depletion": "kgSbeq",
    "water": "m**3",
    "acidification": "molHeq",
    "particulate_matter": "disease_incidence",
    "ionising_radiation": "kBqU235eq",
}

#: Canonical unit of each physical flow of the inventory.
FLOW_UNITS = {
    "electricity": "kWh",
    "data": "GB",
    "device": "device",
    "storage": "TB*year",
    "emissions": "kgCO2e",
    "service_time": "hour",
    "fuel": "L",
}

_DEFINITIONS = (
    "gram_CO2e = [carbon] = gCO2e = gCO2eq",
    "kilogram_CO2e = 1000 * gram_CO2e = kgCO2e = kgCO2eq",
    "tonne_CO2e = 1e6 * gram_CO2e = tCO2e = tCO2eq",
    "milligram_CO2e = 1e-3 * gram_CO2e = mgCO2e",
    "kilogram_Sb_eq = [antimony] = kgSbeq",
    "mole_H_eq = [acidification] = molHeq",
    "disease_incidence = [disease_incidence]",
    "kilobecquerel_U235_eq = [ionising_radiation] = kBqU235eq",
    "device = [device]",
)


@functools.cache
def registry() -> "pint.UnitRegistry":
    """Return the application's pint registry (built once, on first call)."""
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in _DEFINITIONS:
        ureg.define(line)
    ureg.formatter.default_format = "~P"
    return ureg


def quantity(value, unit: str):
    """Build a pint quantity in the application registry."""
    return registry().Quantity(value, unit)


@functools.lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str) -> float:
    """Multiplier that converts a magnitude in ``from_unit`` to ``to_unit``.

    Raises
    ------
    UnitError
        If a unit does not parse or the two units have different dimensions.
    """
    import pint

    ureg = registry()
    try:
        if _bits(from_unit) != _bits(to_unit):
            raise pint.DimensionalityError(from_unit, to_unit)
        return float(ureg.Quantity(1.0, from_unit).m_as(to_unit))
    except pint.DimensionalityError as exc:
        raise UnitError(f"unit {from_unit!r} cannot be converted to {to_unit!r} "
                        f"(different dimensions)") from exc
    except Exception as exc:  # pint raises many kinds of errors on garbage text
        raise UnitError(f"unit {from_unit!r} or {to_unit!r} is not a known unit") from exc


@functools.lru_cache(maxsize=4096)
def _bits(unit: str) -> float:
    """Exponent of bits in a unit. pint counts information as dimensionless, so without
    this check ``TB*year`` would convert to ``hour``; data is its own dimension here."""
    # pint exposes a unit's exponents only through its UnitsContainer (`_units`)
    return dict(registry().get_root_units(unit)[1]._units).get("bit", 0)


#: A number at the start of a quantity (ASCII digits only; matched, never searched, so
#: its cost is linear in the text).
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d{1,3})?", re.ASCII)
_UNIT_TEXT = re.compile(r"^[A-Za-zµ°_ ./*()·0-9^-]{0,40}$")
_SMALL_POWER = re.compile(r"(\*\*|\^)\s*[1-3](?![\d.])")
#: After removing small powers: any power left, or a digit that is not part of a name
#: (CO2e is fine, "W*3" or "3**3**3" is not).
_LEFT_OVER = re.compile(r"\*\*|\^|(?<![A-Za-z])\d")
#: A power raised again ("^3^3", "**3)**3"): pint evaluates the chain right to left.
_CHAINED = re.compile(r"(\*\*|\^)\s*[\d.]+\s*\)*\s*(\*\*|\^)")


def split_quantity(text: str) -> tuple[float, str | None]:
    """The number and the (checked) unit text of ``"3 kWh"``; the unit is None for a bare
    number. Raises :class:`UnitError` on anything else.

    Text from users is untrusted: only a plain number followed by a unit is accepted
    (powers up to 3, as in ``m**3``), so that no expression such as ``9**9**9`` is ever
    evaluated. No pint object is built: with :func:`conversion_factor` (cached per unit
    text) a project of thousands of quantities converts at the cost of a dictionary look-up.
    """
    text = str(text)
    if len(text) > MAX_QUANTITY_CHARS:
        raise UnitError(f"{excerpt(text, 30)} is too long for a quantity: a number and a "
                        f"unit take at most {MAX_QUANTITY_CHARS} characters")
    if "," in text:
        raise UnitError(f"{text!r}: write decimals with a dot and no thousands separator "
                        f"('1.5 kWh')")
    text = text.strip()
    match = _NUMBER.match(text)
    if not match:
        raise UnitError(f"{text!r} is not a number followed by a unit, such as '1.5 kWh'")
    number = float(match.group()) + 0.0  # -0 is 0
    unit = text[match.end():].strip()
    return number, (check_unit(unit) if unit else None)


def parse_quantity(text: str):
    """Parse ``"3 kWh"`` or ``"1.5 GB"`` into a pint quantity, or raise :class:`UnitError`
    (see :func:`split_quantity`). A number without a unit is returned as a float."""
    number, unit = split_quantity(text)
    return number if unit is None else registry().Quantity(number, unit)


@functools.lru_cache(maxsize=4096)
def check_unit(unit: str) -> str:
    """Return ``unit`` if it is a safe, known unit; else raise :class:`UnitError`.

    Only letters, ``/``, ``*``, parentheses and powers up to 3 are accepted, so that no
    arithmetic expression from a user reaches pint's evaluator.
    """
    if (not isinstance(unit, str) or not _UNIT_TEXT.match(unit)
            or _CHAINED.search(unit) or _LEFT_OVER.search(_SMALL_POWER.sub("", unit))):
        raise UnitError(f"{excerpt(unit, 40)} is not a unit this tool accepts (letters, '/', "
                        f"'*' and powers up to 3, e.g. 'kWh', 'GB', 'TB*year')")
    try:
        registry().Unit(unit)
    except Exception as exc:  # tokenizer, syntax and lookup errors alike: untrusted text
        raise UnitError(f"{excerpt(unit, 40)} is not a known unit") from exc
    return unit


def format_unit(unit: str) -> str:
    """Short, readable form of a unit string (``kilowatt_hour`` → ``kWh``)."""
    return f"{registry().Unit(unit):~P}"


_POWER_TEXT = re.compile(r"\*\*([23])\b")
_SUPERSCRIPT = {"2": "²", "3": "³"}


def readable_unit(unit: str) -> str:
    """A unit text of the tables as people write it: powers as superscripts (``m**3`` →
    ``m³``), the rest as it is (counts such as ``server`` stay). pint reads it back."""
    return _POWER_TEXT.sub(lambda m: _SUPERSCRIPT[m.group(1)], unit)


@functools.lru_cache(maxsize=4096)
def compact_unit(unit: str) -> str:
    """Canonical compact form of a unit string (``kilowatt_hour`` → ``kWh``,
    ``TB * year`` → ``TB * a``), as pint's ``~C`` format writes it."""
    return f"{registry().Unit(unit):~C}"
