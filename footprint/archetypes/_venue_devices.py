"""Devices that a venue owns (``vr_experience``, ``onsite_screens``,
``digitisation_campaign``): the allocation of their manufacture and their rows. They run
in the venue's country (``Context.venue``).

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
so its share is ``1 / lifetime`` per year: one year of its life (``years / lifetime``
over a reporting period of ``years``, whose hours reserved are ``years`` × the operating
hours per year). That is also what
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

from ..inventory import rows

__all__ = ["venue_share", "embodied_rows", "electricity_rows"]


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
