"""The ``vr_experience`` kind: an immersive (virtual-reality) experience, on site in a
venue or at home.

On site (``setting: onsite``), in the venue's country (``venue_country``, by default the
audience country), from a year of operation: opening days and content updates are per
year and multiplied by the reporting period in years (one year without a period):

- standalone headsets: electricity = charging power × hours on visitors' heads
  (headsets × sessions per day × session length × opening days); the charging power
  defaults to the dataset's average power of a standalone headset
  (``device.vr_headset_standalone.power``, battery energy over runtime). Manufacture
  of the headsets, their spares and controllers is allocated with the venue rule
  (:mod:`._venue_devices`): a headset the venue operates ``daily_operating_hours`` a
  day on ``days_per_year`` days is charged its hours reserved for the exhibition over
  its operating hours per year and lifetime, i.e. ``1 / lifetime`` per year
  (``years / lifetime`` over the reporting period), not
  ADEME's consumer profile of 1 h/day (which would charge almost a whole headset per
  year);
- PC-based VR stations: PC + screen(s) + tethered headset, power × hours, and their
  manufacture by the same venue rule;
- cleaning and support equipment (UV cleaning cabinet…): power × hours (electricity
  only: no manufacture factor exists for them);
- content downloads and updates: GB per update × updates × devices, moved over
  networks and served from a data centre (:func:`footprint.inventory.transfer`).

At home (``setting: at_home``), totals over the reporting period as entered (not
scaled by its length): downloads × size over the users' networks, and the
users' device time (standalone headset, or PC + monitor + tethered headset), whose
manufacture is allocated with the project's ``options.allocation`` like any consumer
device.

References
----------
Factors dossier (shared/research/factors.md) §1.2 (allocation), §6.1 (ADEME device
data, 2 controllers per headset), §6.4 (standalone headset ≈9 W, PC-VR 175 W).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field, model_validator

from ..inventory import QUANTITY_COLUMNS, concat, device_time, quantities, resolve, transfer
from ..schema.base import MIN_LIFETIME, Model, QuantityField, ServiceBase
from ._common import PER_YEAR, TOTAL, floats, reporting_basis
from ._mixes import TransferNetworkMix, mix_columns
from ._venue_devices import electricity_rows, embodied_rows, venue_share

KIND = "vr_experience"

Network = Literal["fixed", "fixed_excl_box", "mobile"]
UV_CABINET_W = 60.0
UV_CABINET_SOURCE = ("estimate: UV-C cleaning cabinet 60 W, a few 15-25 W germicidal tubes "
                     "(assumption, no source found; measure on site)")


class Headsets(Model):
    """Standalone headsets lent to visitors."""

    count: int = Field(ge=0, le=100_000, description="Headsets in use by visitors.")
    spare: int = Field(0, ge=0, le=100_000, description="Spare headsets kept in reserve: "
                       "their manufacture counts, they use no electricity. Default 0.")
    controllers_per_headset: int = Field(
        2, ge=0, le=4, description="Hand controllers per headset. Default 2: a headset "
        "ships with two controllers (ADEME publicodes-acv-numerique 2.1.0, factors "
        "dossier §6.1). Controllers are replaced with their headset.")
    sessions_per_day: float = Field(ge=0, le=200, description="Visitor sessions per "
                                    "headset and opening day.")
    session_minutes: QuantityField("minute", gt=0, le=1440,
                                   description="Length of one session.")
    charging_power: QuantityField("W", ge=0, le=1000, description=(
        "Electricity drawn per hour of use (charging replaces what a session drains). "
        "Default: dataset device.vr_headset_standalone.power (Quest 3 battery energy / "
        "runtime, footprint-estimates-2026).")) | None = None
    lifetime: QuantityField("year", ge=MIN_LIFETIME, le=20, description=(
        "Years before the venue replaces a headset (and its controllers). Default: "
        "dataset device.vr_headset.lifetime (ADEME, 5 years, consumer use); venues that "
        "renew headsets sooner should enter their cycle.")) | None = None


class PcStations(Model):
    """PC-based VR stations: a PC with GPU, screen(s) and a tethered headset."""

    count: int = Field(ge=1, le=10_000, description="Number of stations.")
    pc_power: QuantityField("W", ge=0, le=3000, description=(
        "PC + GPU power while running VR. Default: dataset device.pc_vr.power "
        "(Boavizta desktop archetype, 175 W).")) | None = None
    screens_per_station: int = Field(1, ge=0, le=10, description=(
        "Monitors per station (operator / spectators). Default 1 (assumption)."))
    screen_power: QuantityField("W", ge=0, le=2000, description=(
        "Power of one screen. Default: dataset device.monitor.power (ADEME, 50 W)."
    )) | None = None
    tethered_headset: bool = Field(True, description="A tethered headset with 2 "
                                   "controllers per station (manufacture counted).")
    hours_per_day: QuantityField("hour/day", gt=0, le=24, description=(
        "Hours the stations run per opening day. Default: the venue's "
        "daily_operating_hours.")) | None = None
    lifetime: QuantityField("year", ge=MIN_LIFETIME, le=20, description=(
        "PC lifetime. Default: dataset device.pc_vr.lifetime (6 years).")) | None = None


class SupportEquipment(Model):
    """Cleaning or support equipment: electricity only (no manufacture factor exists)."""

    type: Literal["uv_cabinet", "other"] = "uv_cabinet"
    name: str = ""
    count: int = Field(1, ge=0, le=10_000)
    power: QuantityField("W", ge=0, le=100_000, description=(
        f"Power while running. Default for a uv_cabinet: {UV_CABINET_W:g} W "
        f"({UV_CABINET_SOURCE}); required for 'other'.")) | None = None
    hours_per_day: QuantityField("hour/day", ge=0, le=24, description=(
        "Hours running per opening day."))

    @model_validator(mode="after")
    def _power_known(self):
        if self.power is None and self.type == "other":
            raise ValueError("power is required for support equipment of type 'other' "
                             "(no default exists); give it in W, e.g. power: 40")
        return self


class ContentUpdates(Model):
    """Content downloaded to every device (headsets, spares and stations)."""

    size: QuantityField("GB", ge=0, le=10_000, description="Size of one update.")
    updates_per_year: float = Field(ge=0, le=10_000, description="Updates downloaded in a "
                                    "year. " + PER_YEAR)
    network: Network = Field("fixed", description="Network of the venue. Default "
                             "'fixed' (assumption: the venue's fixed broadband).")


class VrOnsite(Model):
    """A VR installation in a venue, from a year of operation."""

    days_per_year: float = Field(gt=0, le=366, description="Days per year the "
                                 "experience is open. " + PER_YEAR)
    daily_operating_hours: QuantityField("hour/day", gt=0, le=24, description=(
        "Hours per opening day the venue operates the headsets and stations (their "
        "real daily-use profile, which replaces ADEME's consumer 1 h/day for the "
        "allocation of their manufacture). Default: headsets' sessions per day × "
        "session length (sessions back to back).")) | None = None
    headsets: Headsets | None = None
    pc_stations: PcStations | None = None
    support_equipment: list[SupportEquipment] = Field(default_factory=list)
    content_updates: ContentUpdates | None = None

    @model_validator(mode="after")
    def _consistent(self):
        if self.headsets is None and self.pc_stations is None:
            raise ValueError("give headsets or pc_stations (or both)")
        h = self.headsets
        if h is not None and self.daily_operating_hours is not None:
            session_h = h.sessions_per_day * h.session_minutes / 60.0
            if session_h > self.daily_operating_hours + 1e-9:
                raise ValueError(
                    f"headsets.sessions_per_day × session_minutes = {session_h:g} h/day of "
                    f"sessions exceeds daily_operating_hours = "
                    f"{self.daily_operating_hours:g} h/day; sessions must fit in the "
                    f"operating hours")
        if self.operating_hours() is None:
            raise ValueError("daily_operating_hours is required here: it cannot be derived "
                             "from headset sessions (none per day) nor from "
                             "pc_stations.hours_per_day (not given)")
        return self

    def operating_hours(self) -> float | None:
        """The venue's operating hours per day [h/day]."""
        if self.daily_operating_hours is not None:
            return self.daily_operating_hours
        if self.headsets is not None and self.headsets.sessions_per_day > 0:
            return self.headsets.sessions_per_day * self.headsets.session_minutes / 60.0
        return self.pc_stations.hours_per_day if self.pc_stations else None


class VrAtHome(Model):
    """A VR experience downloaded and played at home."""

    downloads: float = Field(ge=0, le=1e10, description="Downloads (installs). " + TOTAL)
    download_size: QuantityField("GB", ge=0, le=10_000, description="Size of one download.")
    hours_per_download: QuantityField("hour", ge=0, le=10_000, description=(
        "Hours of play per download, on average."))
    device: Literal["standalone_headset", "pc_vr"] = Field(
        "standalone_headset", description="Standalone headset, or PC + monitor + "
        "tethered headset.")
    network_mix: TransferNetworkMix = Field(
        TransferNetworkMix(fixed=1.0), description=(
            "Share of the downloads per network. Default all fixed (assumption: large "
            "downloads over home broadband / Wi-Fi)."))


class Service(ServiceBase):
    """A virtual-reality experience, on site or at home."""

    kind: Literal["vr_experience"] = "vr_experience"
    setting: Literal["onsite", "at_home"]
    onsite: VrOnsite | None = None
    at_home: VrAtHome | None = None

    @model_validator(mode="after")
    def _block_matches_setting(self):
        given, other = (self.onsite, self.at_home) if self.setting == "onsite" else \
            (self.at_home, self.onsite)
        if given is None:
            raise ValueError(f"setting is {self.setting!r}: its block '{self.setting}:' "
                             f"is required")
        if other is not None:
            wrong = "at_home" if self.setting == "onsite" else "onsite"
            raise ValueError(f"setting is {self.setting!r}: remove the '{wrong}:' block")
        return self


def inventory(services, paths, ctx):
    """Rows for all the VR services of a project (on-site and at-home)."""
    parts = []
    for setting, build, where in (("onsite", _onsite, ctx.venue),
                                  ("at_home", _at_home, ctx.audience)):
        group = [s for s in services if s.setting == setting]
        if group:
            parts.append(build(group, ctx, np.array([s.name for s in group], dtype=object),
                               np.array([where(s) for s in group], dtype=object)))
    return concat([p[0] for p in parts]), concat([p[1] for p in parts], QUANTITY_COLUMNS)


def _q(service, name, value, unit, source="computed"):
    return quantities(service, name, value, unit, source)


def _onsite(services, ctx, name, region):
    reg = ctx.registry
    years = ctx.years  # days open and updates are per year
    days = floats([s.onsite.days_per_year for s in services])
    op_h = floats([s.onsite.operating_hours() for s in services])
    op_year = days * op_h  # hours a dedicated device is operated per year
    frames, qs = [], [reporting_basis(ctx, name, per_year=True),
                      _q(name, "operating hours per year", op_year, "h/year",
                         np.where([s.onsite.daily_operating_hours is None for s in services],
                                  "derived: sessions per day × session length × days",
                                  "entered: daily_operating_hours × days"))]
    days = days * years  # opening days in the reporting period

    # -- standalone headsets and their controllers -----------------------------------
    hs = [(i, s.onsite.headsets) for i, s in enumerate(services) if s.onsite.headsets]
    if hs:
        i = np.array([k for k, _ in hs])
        count = floats([h.count for _, h in hs])
        owned = count + floats([h.spare for _, h in hs])
        ctrl = floats([h.controllers_per_headset for _, h in hs])
        power, p_src = resolve(reg, "device.vr_headset_standalone.power", "W", region[i],
                               floats([h.charging_power for _, h in hs]))
        life, l_src = resolve(reg, "device.vr_headset.lifetime", "year", region[i],
                              floats([h.lifetime for _, h in hs]))
        use_h = count * floats([h.sessions_per_day * h.session_minutes / 60 for _, h in hs]) \
            * days[i]
        share = venue_share(op_year[i] * years, life, op_year[i])
        kwh = power * use_h / 1000.0
        frames += [embodied_rows(service=name[i], component="standalone headsets",
                                 device="vr_headset", devices=owned * share, region=region[i]),
                   embodied_rows(service=name[i], component="headset controllers",
                                 device="vr_controller", devices=owned * ctrl * share,
                                 region=region[i]),
                   electricity_rows(service=name[i], component="standalone headsets",
                                    kwh=kwh, region=region[i])]
        sessions = count * floats([h.sessions_per_day for _, h in hs]) * days[i]
        qs += [_q(name[i], "visitor sessions", sessions, "session",
                  "computed: headsets × sessions per day × days × reporting basis"),
               _q(name[i], "headset hours of use", use_h, "h", "computed"),
               _q(name[i], "headset charging power", power, "W", p_src),
               _q(name[i], "headset lifetime", life, "year", l_src),
               _q(name[i], "headset manufacture share per headset", share, "device",
                  "venue rule: hours reserved / (lifetime × operating hours per year)"),
               _q(name[i], "headsets allocated (incl. spares)", owned * share, "device",
                  "computed"),
               _q(name[i], "headset electricity", kwh, "kWh", "computed")]

    # -- PC-based stations -----------------------------------------------------------
    ps = [(i, s.onsite.pc_stations) for i, s in enumerate(services) if s.onsite.pc_stations]
    if ps:
        i = np.array([k for k, _ in ps])
        n = floats([p.count for _, p in ps])
        screens = n * floats([p.screens_per_station for _, p in ps])
        tethered = n * floats([p.tethered_headset for _, p in ps])
        hours = floats([p.hours_per_day for _, p in ps])
        hours = np.where(np.isnan(hours), op_h[i], hours) * days[i]  # over the period
        hours_year = hours / years
        pc_w, pc_src = resolve(reg, "device.pc_vr.power", "W", region[i],
                               floats([p.pc_power for _, p in ps]))
        sc_w, sc_src = resolve(reg, "device.monitor.power", "W", region[i],
                               floats([p.screen_power for _, p in ps]))
        hs_w, _ = resolve(reg, "device.vr_headset.power", "W", region[i])
        pc_life, pl_src = resolve(reg, "device.pc_vr.lifetime", "year", region[i],
                                  floats([p.lifetime for _, p in ps]))
        mon_life, _ = resolve(reg, "device.monitor.lifetime", "year", region[i])
        hs_life, _ = resolve(reg, "device.vr_headset.lifetime", "year", region[i])
        kwh = (n * pc_w + screens * sc_w + tethered * hs_w) * hours / 1000.0
        for device, devices, life in (("pc_vr", n, pc_life), ("monitor", screens, mon_life),
                                      ("vr_headset", tethered, hs_life),
                                      ("vr_controller", 2 * tethered, hs_life)):
            frames.append(embodied_rows(service=name[i], component="PC VR stations",
                                        device=device, region=region[i],
                                        devices=devices * venue_share(hours, life,
                                                                      hours_year)))
        frames.append(electricity_rows(service=name[i], component="PC VR stations", kwh=kwh,
                                       region=region[i]))
        qs += [_q(name[i], "PC station hours", n * hours, "h", "computed"),
               _q(name[i], "PC power", pc_w, "W", pc_src),
               _q(name[i], "station screen power", sc_w, "W", sc_src),
               _q(name[i], "PC lifetime", pc_life, "year", pl_src),
               _q(name[i], "PC station electricity", kwh, "kWh", "computed")]

    # -- cleaning and support equipment ----------------------------------------------
    sup = [(i, e) for i, s in enumerate(services) for e in s.onsite.support_equipment]
    if sup:
        i = np.array([k for k, _ in sup])
        power = floats([e.power if e.power is not None else UV_CABINET_W for _, e in sup])
        kwh = floats([e.count * e.hours_per_day for _, e in sup]) * days[i] * power / 1000.0
        label = np.array([e.name or e.type.replace("_", " ") for _, e in sup], dtype=object)
        frames.append(electricity_rows(service=name[i], component=label, kwh=kwh,
                                       region=region[i]))
        src = np.array([UV_CABINET_SOURCE if e.power is None else "entered"
                        for _, e in sup], dtype=object)
        qs += [_q(name[i], np.char.add("support power: ", label.astype(str)), power, "W", src),
               _q(name[i], np.char.add("support electricity: ", label.astype(str)), kwh, "kWh",
                  "computed; manufacture not modelled (no factor for this equipment)")]

    # -- content downloads and updates -----------------------------------------------
    up = [(i, s.onsite) for i, s in enumerate(services) if s.onsite.content_updates]
    if up:
        i = np.array([k for k, _ in up])
        devices = floats([(o.headsets.count + o.headsets.spare if o.headsets else 0)
                          + (o.pc_stations.count if o.pc_stations else 0) for _, o in up])
        gb = devices * floats([o.content_updates.size * o.content_updates.updates_per_year
                               for _, o in up]) * years
        nets = np.array([o.content_updates.network for _, o in up], dtype=object)
        frames.append(transfer(ctx, service=name[i], data_gb=gb,
                               network_shares={k: (nets == k).astype(float)
                                               for k in TransferNetworkMix.keys()},
                               region=region[i], hosting_region=np.array(
                                   [ctx.hosting(services[k]) for k in i], dtype=object),
                               component_network="content updates",
                               component_dc="content servers"))
        qs.append(_q(name[i], "content downloaded", gb, "GB",
                     "computed: size × updates per year × reporting basis × devices "
                     "(headsets, spares, stations); servers: dc.video.energy (video "
                     "delivery energy per GB, a proxy)"))
    return concat(frames), concat(qs, QUANTITY_COLUMNS)


def _at_home(services, ctx, name, region):
    reg = ctx.registry
    hosting = np.array([ctx.hosting(s) for s in services], dtype=object)
    a = [s.at_home for s in services]
    gb = floats([x.downloads * x.download_size for x in a])
    hours = floats([x.downloads * x.hours_per_download for x in a])
    device = np.array([x.device for x in a], dtype=object)
    network = np.array([ctx.network(s) for s in services], dtype=object)
    frames = [transfer(ctx, service=name, data_gb=gb,
                       network_shares=mix_columns([x.network_mix for x in a]), region=network,
                       hosting_region=hosting, component_network="downloads",
                       component_dc="download servers")]
    standalone = device == "standalone_headset"
    if standalone.any():
        power, _ = resolve(reg, "device.vr_headset_standalone.power", "W", region[standalone])
        frames.append(device_time(ctx, service=name[standalone], component="VR headsets",
                                  tier="user_devices", device="vr_headset",
                                  hours=hours[standalone], region=region[standalone],
                                  power_w=power))
    pc = ~standalone
    if pc.any():
        for dev in ("pc_vr", "monitor", "vr_headset"):
            frames.append(device_time(ctx, service=name[pc], component="PC VR at home",
                                      tier="user_devices", device=dev, hours=hours[pc],
                                      region=region[pc]))
    frames.append(device_time(ctx, service=name, component="controllers", tier="user_devices",
                              device="vr_controller", hours=2 * hours, region=region))
    qs = [reporting_basis(ctx, name, per_year=False),
          _q(name, "data downloaded", gb, "GB", "entered: downloads × download size"),
          _q(name, "hours of play", hours, "h", "entered: downloads × hours per download")]
    return concat(frames), concat(qs, QUANTITY_COLUMNS)
