"""Units: one pint registry, built on first use.

CO2-equivalent mass is a dimension of its own (``[carbon]``): ``kgCO2e`` converts to
``gCO2e`` and ``tCO2e`` but never to ``kg``. Data units are decimal (``GB`` = 10**9
bytes, pint's default); binary units (``GiB``) exist but are used only when asked. pint
treats bits as dimensionless; :func:`conversion_factor` refuses to convert between units
with different powers of bits, so data behaves as a dimension of its own.
``device`` counts shares of one device (an embodied-impact flow), ``kgSbeq`` is the
abiotic-depletion unit (kg antimony equivalent).

Inside the engine, numbers are plain floats in columns whose name carries the unit;
pint is used at the edges: parsing what users type and converting factor units once.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from .errors import UnitError

if TYPE_CHECKING:  # pragma: no cover
    import pint

__all__ = ["registry", "quantity", "parse_quantity", "conversion_factor", "check_dimension",
           "INDICATOR_UNITS", "FLOW_UNITS", "format_unit"]

#: Canonical unit of each impact indicator.
INDICATOR_UNITS = {
    "climate_change": "kgCO2e",
    "primary_energy": "MJ",
    "abiotic_depletion": "kgSbeq",
    "water": "m**3",
}

#: Canonical unit of each physical flow of the inventory.
FLOW_UNITS = {
    "electricity": "kWh",
    "data": "GB",
    "device": "device",
    "storage": "TB*year",
    "emissions": "kgCO2e",
    "service_time": "hour",
}

_DEFINITIONS = (
    "gram_CO2e = [carbon] = gCO2e = gCO2eq",
    "kilogram_CO2e = 1000 * gram_CO2e = kgCO2e = kgCO2eq",
    "tonne_CO2e = 1e6 * gram_CO2e = tCO2e = tCO2eq",
    "milligram_CO2e = 1e-3 * gram_CO2e = mgCO2e",
    "kilogram_Sb_eq = [antimony] = kgSbeq",
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


def check_dimension(unit: str, like: str) -> None:
    """Raise :class:`UnitError` unless ``unit`` has the dimension of ``like``."""
    conversion_factor(unit, like)


def parse_quantity(text: str):
    """Parse ``"3 kWh"`` or ``"1.5 GB"`` into a pint quantity, or raise :class:`UnitError`."""
    try:
        q = registry().Quantity(text)
    except Exception as exc:  # tokenizer, syntax and lookup errors alike: untrusted text
        raise UnitError(f"{text!r} is not a quantity with a known unit") from exc
    return q


def format_unit(unit: str) -> str:
    """Short, readable form of a unit string (``kilowatt_hour`` → ``kWh``)."""
    return f"{registry().Unit(unit):~P}"
