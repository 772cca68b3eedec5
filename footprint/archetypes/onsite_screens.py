"""The ``onsite_screens`` kind: the screens, kiosks, touch tables and projectors of a
venue, described by a year of operation and scaled to the reporting period.

Each equipment group gives a device id (``kiosk``, ``projector``, ``tv``, ``monitor``…,
the ``device.<id>`` factors of the bundled datasets), a count, hours switched on per
opening day and the days the venue is open per year. The devices run in the venue's
country (``venue_country``, by default the audience country). Every figure below is per
year and is multiplied by the reporting period in years (one year without a period).

- Electricity on = count × power on × hours on × days open.
- Standby: outside its hours on, a device left plugged in draws its standby power for
  the rest of the day on opening days and all day on closed days:
  ``standby hours = (24 − hours on) × days open + 24 × (365 − days open)``, unless
  ``switched_off_outside_hours`` (switched off at the wall or by a timer: no standby).
  The standby power defaults to the dataset's ``device.<id>.standby_power`` where one
  exists, else to :data:`STANDBY_W` (an estimate, labelled in the quantities).
- Manufacture: venue equipment lives in the venue whether it is on or not, so each
  device is charged the share of its life that falls in the reporting period,
  ``years / lifetime`` (calendar share; :mod:`._venue_devices` explains why
  neither ADEME's consumer daily-use profile nor the hours on apply). Both
  ``options.allocation`` conventions give this for a device in service all year.

References
----------
Factors dossier §6.4 (use power), §6.5 (kiosk, projector gaps); Commission Regulation
(EC) No 1275/2008 as amended by Regulation (EU) No 801/2013 (networked standby).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field

from ..inventory import QUANTITY_COLUMNS, concat, quantities, resolve
from ..schema.base import MIN_LIFETIME, Model, QuantityField, ServiceBase
from ._common import PER_YEAR, floats, reporting_basis
from ._venue_devices import electricity_rows, embodied_rows, venue_share

KIND = "onsite_screens"

#: Venue devices with factors in the bundled datasets.
VenueDevice = Literal["kiosk", "projector", "tv", "monitor", "desktop_with_monitor",
                      "desktop_pro", "tablet", "speaker", "game_console"]

STANDBY_W = 2.0
STANDBY_SOURCE = ("estimate: 2 W, the EU ceiling for networked standby of non-HiNA "
                  "equipment (Regulation (EC) 1275/2008 as amended by (EU) 801/2013, from "
                  "2019); a kiosk whose PC stays awake draws far more: measure")
HOURS_PER_DAY = 24.0
DAYS_PER_YEAR = 365.0


class ScreenGroup(Model):
    """A group of identical devices."""

    device: VenueDevice = Field(description="Device id of the bundled datasets "
                                "(factors device.<id>).")
    name: str = Field("", description="Label, e.g. 'entrance kiosks'.")
    count: int = Field(ge=0, le=100_000)
    hours_per_day: QuantityField("hour/day", ge=0, le=24, description=(
        "Hours switched on per opening day."))
    days_per_year: float | None = Field(None, ge=0, le=365, description=(
        "Opening days of this group per year, if not the service's days_open_per_year. "
        + PER_YEAR))
    power_on: QuantityField("W", ge=0, le=100_000, description=(
        "Power while on. Default: dataset device.<id>.power.")) | None = None
    power_standby: QuantityField("W", ge=0, le=1000, description=(
        "Power in standby. Default: dataset device.<id>.standby_power where it exists, "
        f"else {STANDBY_W:g} W ({STANDBY_SOURCE}).")) | None = None
    switched_off_outside_hours: bool = Field(False, description=(
        "True when the devices are switched off (at the wall, by a timer) outside their "
        "hours on: no standby."))
    lifetime: QuantityField("year", ge=MIN_LIFETIME, le=30, description=(
        "Years before replacement. Default: dataset device.<id>.lifetime.")) | None = None


class Service(ServiceBase):
    """The on-site screens, kiosks and projectors of a venue."""

    kind: Literal["onsite_screens"] = "onsite_screens"
    days_open_per_year: float = Field(ge=0, le=365, description="Days the venue is open "
                                      "in a year. " + PER_YEAR)
    equipment: list[ScreenGroup] = Field(min_length=1)


def _standby_default(registry, devices, regions):
    """Dataset standby power where a ``device.<id>.standby_power`` exists, else NaN."""
    known = set(registry.parameter_codes())
    codes = np.char.add(np.char.add("device.", devices.astype(str)), ".standby_power")
    has = np.array([c in known for c in codes], dtype=bool)
    values = np.full(len(devices), STANDBY_W)
    sources = np.full(len(devices), STANDBY_SOURCE, dtype=object)
    if has.any():
        values[has], sources[has] = resolve(registry, codes[has], "W", regions[has])
    return values, sources


def inventory(services, paths, ctx):
    """Rows for all the equipment groups of all the services of this kind."""
    groups = [(s, e) for s in services for e in s.equipment]
    if not groups:
        return concat([]), quantities([], [], [], [])
    reg = ctx.registry
    name = np.array([s.name for s, _ in groups], dtype=object)
    region = np.array([ctx.venue(s) for s, _ in groups], dtype=object)
    device = np.array([e.device for _, e in groups], dtype=str)
    label = np.array([e.name or e.device for _, e in groups], dtype=object)
    count = floats([e.count for _, e in groups])
    on_h = floats([e.hours_per_day for _, e in groups])
    days = floats([e.days_per_year if e.days_per_year is not None else s.days_open_per_year
                   for s, e in groups])
    off = np.array([e.switched_off_outside_hours for _, e in groups], dtype=bool)
    years = ctx.years  # the figures below are per year

    power, p_src = resolve(reg, np.char.add(np.char.add("device.", device), ".power"), "W",
                           region, [e.power_on for _, e in groups])
    standby, s_src = _standby_default(reg, device, region)
    entered_sb = floats([e.power_standby for _, e in groups])
    standby = np.where(np.isnan(entered_sb), standby, entered_sb)
    s_src = np.where(np.isnan(entered_sb), s_src, "entered")
    life, l_src = resolve(reg, np.char.add(np.char.add("device.", device), ".lifetime"),
                          "year", region, [e.lifetime for _, e in groups])

    hours_on = count * on_h * days * years
    standby_h = np.where(off, 0.0, count * ((HOURS_PER_DAY - on_h) * days
                                            + HOURS_PER_DAY * (DAYS_PER_YEAR - days)) * years)
    kwh_on = power * hours_on / 1000.0
    kwh_standby = standby * standby_h / 1000.0
    # A device dedicated to the venue all year: reserved 8,760 h of 8,760 h per year,
    # for each year of the reporting period.
    year_h = HOURS_PER_DAY * DAYS_PER_YEAR
    devices = count * venue_share(year_h * years, life, year_h)

    frames = [embodied_rows(service=name, component=label, device=device, devices=devices,
                            region=region),
              electricity_rows(service=name, component=label, kwh=kwh_on, region=region)]
    sb = standby_h > 0
    if sb.any():
        frames.append(electricity_rows(service=name[sb],
                                       component=np.char.add(label[sb].astype(str),
                                                             " (standby)"),
                                       kwh=kwh_standby[sb], region=region[sb]))
    lab = label.astype(str)
    qs = [reporting_basis(ctx, np.array([s.name for s in services], dtype=object), True),
          quantities(name, np.char.add("hours on: ", lab), hours_on, "h",
                     "entered: count × hours per day × days open × reporting basis"),
          quantities(name, np.char.add("power on: ", lab), power, "W", p_src),
          quantities(name, np.char.add("electricity on: ", lab), kwh_on, "kWh", "computed"),
          quantities(name, np.char.add("standby hours: ", lab), standby_h, "h",
                     np.where(off, "switched off outside hours: no standby",
                              "computed: (rest of opening days + closed days) × reporting "
                              "basis")),
          quantities(name, np.char.add("standby power: ", lab), standby, "W", s_src),
          quantities(name, np.char.add("electricity standby: ", lab), kwh_standby, "kWh",
                     "computed"),
          quantities(name, np.char.add("lifetime: ", lab), life, "year", l_src),
          quantities(name, np.char.add("devices allocated: ", lab), devices, "device",
                     "calendar share of the period: count × reporting basis / lifetime")]
    return concat(frames), concat(qs, QUANTITY_COLUMNS)
