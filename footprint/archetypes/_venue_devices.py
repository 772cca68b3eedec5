"""Helpers shared by the kinds: parameters resolved from the registry with their source
(:func:`resolve`, used by every kind), and, for the venue kinds (``vr_experience``,
``onsite_screens``, ``digitisation_campaign``), the allocation of the manufacture of
devices that a venue owns and their rows.

Allocation of venue devices
---------------------------
:func:`footprint.inventory.device_share` allocates a device's manufacture with a
*consumer* daily-use profile (ADEME: lifetime × 365 × ``daily_use``, e.g. 1 h/day for
a VR headset) or by calendar time of the hours used (Boavizta). Neither fits a device
that a venue dedicates to one service and operates all day:

- with ADEME's consumer profile, a headset operated 6 h/day on 300 days
  (1,800 h/year) would be charged 1,800 / (5 × 365 × 1) ≈ 0.99 headset per year —
  as if it lasted one year;
- with calendar time applied to the hours of operation only, 1,800 / (5 × 8,760)
  ≈ 0.04 headset per year — as if the venue shared the idle headset with others.

The rule used here is ADEME's time-share rule with the venue's *own* operating
profile as denominator (:func:`venue_share`)::

    share = hours reserved for the service / (lifetime [yr] × operating hours per year)

A device dedicated to the service all year is reserved for all its operating hours,
so its share is ``1 / lifetime`` per year: one year of its life. That is also what
calendar-time allocation gives for a device in service the whole year, so both
``options.allocation`` conventions agree and the option is not consulted.

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0, rule ``construction réelle``;
Boavizta API 2.5.0, ``Impact.allocate``; Green Software Foundation SCI
(time reserved ÷ expected lifespan), as summarised in the project's factors dossier §1.2.
"""

from __future__ import annotations

import numpy as np

from ..inventory import HOURS_PER_YEAR, parameter_vector, rows

__all__ = ["array", "resolve", "venue_share", "embodied_rows", "electricity_rows",
           "HOURS_PER_YEAR"]


def array(values, dtype=float) -> np.ndarray:
    """A numpy array from a list of optional values (``None`` → NaN for floats)."""
    if dtype is float:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    return np.array(values, dtype=dtype)


def resolve(registry, codes, unit: str, regions, entered=None):
    """Parameter values where the user entered none, with the source of each value.

    Parameters
    ----------
    codes : str or array of str
        Parameter codes (``device.kiosk.power``…).
    unit : str
        Unit to convert to.
    regions : str or array of str
        Region of each look-up.
    entered : array of float or sequence of optional float, optional
        Values entered by the user; NaN or None means "take the dataset's".

    Returns
    -------
    values : ndarray
        In ``unit``.
    sources : ndarray of str
        ``"entered"`` or ``"<dataset>: <code> [<region used>]"`` (prefixed ``estimate:``
        when the dataset labels the value an estimate).
    """
    codes, regions = np.broadcast_arrays(np.asarray(codes, dtype=object),
                                         np.asarray(regions, dtype=object))
    values = (np.full(codes.shape, np.nan) if entered is None else
              np.broadcast_to(array(entered) if isinstance(entered, list | tuple) else
                              np.asarray(entered, dtype=float), codes.shape).copy())
    sources = np.full(codes.shape, "entered", dtype=object)
    missing = np.isnan(values)
    if missing.any():
        values[missing] = parameter_vector(registry, codes[missing].astype(str), unit,
                                           regions[missing].astype(str))
        pairs = list(zip(codes[missing], regions[missing], strict=True))
        labels = {}
        for code, region in dict.fromkeys(pairs):
            row = registry.parameter_row(code, region)
            prefix = "estimate: " if row.get("quality") == "estimate" else ""
            used = row.name[1] if isinstance(row.name, tuple) else region
            labels[(code, region)] = f"{prefix}{row.get('dataset', '')}: {code} [{used}]"
        sources[missing] = [labels[p] for p in pairs]
    return values, sources


def venue_share(hours_reserved, lifetime_years, operating_hours_per_year):
    """Share of a venue device's manufacture borne by a service.

    ``hours_reserved / (lifetime × operating_hours_per_year)``: ADEME's time-share rule
    with the venue's real operating profile (see the module docstring). For a device
    dedicated to the service all year this is ``1 / lifetime``.

    Parameters
    ----------
    hours_reserved : array
        Hours the device is reserved for the service in the period [h].
    lifetime_years : array
        Device lifetime [year].
    operating_hours_per_year : array
        Hours the venue operates the device in a year, over its life [h/year].
    """
    return (np.asarray(hours_reserved, dtype=float)
            / (np.asarray(lifetime_years, dtype=float)
               * np.asarray(operating_hours_per_year, dtype=float)))


def embodied_rows(*, service, component, device, devices, region, tier="onsite"):
    """Rows of device manufacture shares (``flow = device``) for ``device.<id>`` factors."""
    device = np.asarray(device, dtype=str)
    return rows(service=service, component=component, tier=tier, flow="device",
                amount=np.asarray(devices, dtype=float),
                factor_code=np.char.add("device.", device), region=region)


def electricity_rows(*, service, component, kwh, region, tier="onsite"):
    """Rows of electricity use [kWh] characterised with the grid of ``region``."""
    kwh = np.asarray(kwh, dtype=float)
    return rows(service=service, component=component, tier=tier, flow="electricity",
                amount=kwh, factor_code="electricity", region=region, electricity_kwh=kwh)
