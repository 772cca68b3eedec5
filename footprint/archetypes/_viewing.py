"""Watching and listening: the inventory shared by ``video_streaming``, ``live_event``
and ``audio_streaming`` — viewer devices, networks and the serving data centres.

For every service (numpy over services; loops only over the few device and network
types):

- **viewer devices** — hours × share of each device type, through
  :func:`footprint.inventory.device_time`: manufacture allocated by viewing time (the
  project's allocation rule) and use electricity = power × hours in the audience's
  country; optionally a TV set-top box for a share of the TV hours;
- **networks**, two views (``network_model``):

  - ``per_gb`` (default): data over ``fixed`` (home box included) and ``mobile``
    networks through :func:`footprint.networks.network_rows`: ADEME's per-GB life-cycle
    factors where the network's country has its own (France), else electricity per GB ×
    that country's grid plus a non-use share per GB;
  - ``per_time`` (power model): fixed lines = home-box power × viewing hours on fixed
    lines (``network.box.power``, Arcep) + access and core electricity per GB
    (``network.fixed.energy``, Carbon Trust) + the box's manufacture allocated by time
    (``device.internet_box``); mobile = electricity per GB (``network.mobile.energy``).
    The manufacture of access and core equipment is the per-GB non-use share of the
    model (``network.fixed_excl_box.embodied``, ``network.mobile.embodied``).

  Networks are in the network's country (``network_country``, default the audience's).

- **servers and CDN** — per-GB networks and serving go through
  :func:`footprint.inventory.transfer`: data × ``dc.video.energy`` [Wh/GB] in the
  hosting country. That figure is Netflix's whole electricity (direct + cloud and CDN,
  facility included) divided by the data it delivered; ADEME's rule
  ``streaming . data center . usage`` applies no PUE to it (its streaming PUE, 1.3, only
  serves to size the server fleet), so none is applied here either. The manufacture of
  that fleet (servers, switches, routers, firewalls, support equipment; ADEME's
  ``streaming . data center . construction``) is a per-hour factor,
  ``dc.video.construction`` [gCO2e/hour], on the viewing hours (``service_time`` rows):
  ADEME's term does not depend on quality, screen or network. Audio listening hours
  take the same video-fleet figure, a proxy, as they take ``dc.video.energy``.

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0, rules ``streaming``, ``construction réelle``,
``usage réel``, ``transmission par défaut``; Carbon Trust, *Carbon impact of video
streaming*, June 2021, Tables 3-4; Arcep, *Pour un numérique soutenable*, 2024.
"""

from __future__ import annotations

from typing import Annotated, Literal

import numpy as np
from pydantic import Field

from ..inventory import device_time, quantities, resolve, rows, transfer
from ..schema.base import Model, QuantityField, ServiceBase, Share
from ._common import floats
from ._mixes import AudioDeviceMix, NetworkMix, QualityMix, VideoDeviceMix, mix_matrix

__all__ = ["QUALITIES", "NETWORKS", "VIDEO_DEVICES", "AUDIO_DEVICES", "QualityMix",
           "QualityRates", "VideoDeviceMix", "AudioDeviceMix", "NetworkMix", "DevicePowers",
           "DeviceLifetimes", "DeviceDailyUse",
           "NetworkFields", "VideoViewing", "mix_matrix", "video_gb", "watched",
           "viewing_inventory", "CONSTRUCTION_CODE"]

QUALITIES = QualityMix.keys()
NETWORKS = NetworkMix.keys()
VIDEO_DEVICES = VideoDeviceMix.keys()
AUDIO_DEVICES = AudioDeviceMix.keys()
#: Per-hour factor of the manufacture of the serving fleet (ADEME, derived).
CONSTRUCTION_CODE = "dc.video.construction"
#: Per-GB factor of the same fleet's manufacture for files downloaded (ADEME, derived).
FILE_CONSTRUCTION_CODE = "dc.file.construction"
#: Network equipment whose non-use share per GB the power model adds (the box apart).
_EQUIPMENT = {"fixed": "fixed_excl_box", "mobile": "mobile"}
#: Data per hour of audio only: ADEME's rule 'visio . qualité . facteur qualité' (audio).
AUDIO_GB_PER_HOUR = 168 / 1024
AUDIO_RATE_SOURCE = ("ADEME publicodes-acv-numerique 2.1.0 'visio . qualité . facteur "
                     "qualité', audio 168 MiB/h = 0.164 GB/h")
GB_PER_HOUR_SOURCE = ("ADEME publicodes-acv-numerique 2.1.0 'facteur qualité' (SD 0.7, HD 3, "
                      "UHD 7 GB/h); Carbon Trust 2021 Table 3 (Full HD 3 GB/h)")


class QualityRates(Model):
    """Data delivered per viewing hour at each quality."""

    sd: QuantityField("GB/hour", gt=0, le=100, description="SD: ADEME 0.7 GB/h (Netflix 'Medium')."
                      ) = 0.7
    hd: QuantityField("GB/hour", gt=0, le=100, description="HD: ADEME 3 GB/h (Netflix 'High')."
                      ) = 3.0
    full_hd: QuantityField("GB/hour", gt=0, le=100, description="Full HD: Carbon Trust 2021 "
                           "Table 3, 3 GB/h.") = 3.0
    uhd: QuantityField("GB/hour", gt=0, le=100, description="4K: ADEME 7 GB/h (Netflix 'Ultra HD')."
                       ) = 7.0


def _power(name):
    return QuantityField("W", ge=0, le=2000, description=f"{name} power while playing; default "
                         "the dataset's device power parameter.") | None


class DevicePowers(Model):
    """Power of the playing devices, where the user knows better than the datasets."""

    tv: _power("TV") = None
    laptop: _power("Laptop") = None
    desktop_with_monitor: _power("Desktop and monitor") = None
    tablet: _power("Tablet") = None
    smartphone: _power("Smartphone") = None
    speaker: _power("Connected speaker") = None
    set_top_box: _power("TV set-top box") = None


def _years(name):
    return QuantityField("year", gt=0, le=50, description=f"{name} lifetime; default the "
                         "dataset's device lifetime (ADEME's theoretical lifetime).") | None


def _daily(name):
    return QuantityField("hour/day", gt=0, le=24, description=f"{name} hours of use a day; "
                         "default the dataset's daily use (ADEME's use profile).") | None


class DeviceLifetimes(Model):
    """Device lifetimes [year] that replace the datasets' (ADEME's model lets them be set)."""

    tv: _years("TV") = None
    laptop: _years("Laptop") = None
    desktop_with_monitor: _years("Desktop and monitor") = None
    tablet: _years("Tablet") = None
    smartphone: _years("Smartphone") = None
    speaker: _years("Connected speaker") = None
    set_top_box: _years("TV set-top box") = None


class DeviceDailyUse(Model):
    """Hours of use a day [h/day] that replace the datasets' (ADEME's use profile); the
    manufacture of a device is shared over lifetime × 365 × these hours."""

    tv: _daily("TV") = None
    laptop: _daily("Laptop") = None
    desktop_with_monitor: _daily("Desktop and monitor") = None
    tablet: _daily("Tablet") = None
    smartphone: _daily("Smartphone") = None
    speaker: _daily("Connected speaker") = None
    set_top_box: _daily("TV set-top box") = None


#: The user's device overrides, one declaration for every kind that has them.
DevicePowerField = Annotated[DevicePowers, Field(description="Device powers [W] that replace "
                                                 "the datasets' values.")]
DeviceLifetimeField = Annotated[DeviceLifetimes, Field(description="Device lifetimes [year] "
                                                       "that replace the datasets'.")]
DeviceDailyUseField = Annotated[DeviceDailyUse, Field(description="Hours of use a day "
                                                      "[h/day] that replace the datasets'.")]


class NetworkFields(ServiceBase):
    """Fields of every service delivered over the internet to its users."""

    network_mix: NetworkMix = Field(
        NetworkMix(fixed=1.0), description="Share of the data over fixed lines and mobile "
        "networks; default all fixed (ADEME's default network 'fixe FR').")
    network_model: Literal["per_gb", "per_time"] = Field(
        "per_gb", description="per_gb: ADEME per-GB life-cycle factors (home box included); "
        "per_time: power model (home-box power × hours + Carbon Trust kWh/GB for access and "
        "core), use phase plus the box's manufacture.")
    box_power: QuantityField("W", ge=0, le=1000,
                             description="Home-box power for the per_time model; "
                             "default network.box.power (Arcep 2024, 9.9 W).") | None = None
    serving_energy: QuantityField("Wh/GB", ge=0, le=1000,
                                  description="Data-centre and CDN electricity "
                                  "per GB delivered, facility included; default "
                                  "dc.video.energy (ADEME, from Netflix 2019).") | None = None
    device_power: DevicePowerField = DevicePowers()
    device_lifetime: DeviceLifetimeField = DeviceLifetimes()
    device_daily_use: DeviceDailyUseField = DeviceDailyUse()


class VideoViewing(NetworkFields):
    """Fields of every video service: picture quality and screens."""

    quality_mix: QualityMix = Field(QualityMix(hd=1.0), description="Share of hours per "
                                    "quality; default all HD (ADEME's default quality).")
    gb_per_hour: QualityRates = Field(QualityRates(), description="GB per hour at each "
                                      "quality: " + GB_PER_HOUR_SOURCE + ".")
    device_mix: VideoDeviceMix = Field(
        VideoDeviceMix(tv=0.70, laptop=0.15, tablet=0.10, smartphone=0.05),
        description="Share of hours per screen; default ADEME's average mix (rule "
        "'streaming . appareil . moyenne utilisation …': 70 % TV, 15 % laptop, 10 % tablet, "
        "5 % smartphone).")
    set_top_box_share: Share = Field(0.0, description="Share of the TV hours watched "
                                     "through a set-top box or streaming stick "
                                     "(device.set_top_box); ADEME's model has none.")
    autoplay: bool = Field(True, description="Videos start by themselves (RGESN 2024 "
                           "criterion 4.1). Off: the autoplay_share of the viewing time is "
                           "not watched.")
    autoplay_share: Share = Field(0.0, description="Share of the viewing time entered that "
                                  "autoplay starts and viewers would not have started "
                                  "themselves (entered; default 0: every hour chosen). "
                                  "Counted while autoplay is on.")
    audio_only_share: Share = Field(0.0, description="Share of the viewing time in an "
                                    "audio-only mode (RGESN 2024 criterion 5.5): its data at "
                                    "audio_gb_per_hour instead of the picture's; screens "
                                    "counted as for video. Default 0 (no audio-only mode).")
    audio_gb_per_hour: QuantityField("GB/hour", gt=0, le=10, description="Data per hour in "
                                     "audio-only mode: " + AUDIO_RATE_SOURCE + "."
                                     ) = AUDIO_GB_PER_HOUR


# -- array helpers --------------------------------------------------------------------
def watched(services, hours) -> np.ndarray:
    """The viewing ``hours`` entered, less the autoplay share when autoplay is off."""
    off = floats([s.autoplay_share * (not s.autoplay) for s in services])
    return np.asarray(hours, dtype=float) * (1.0 - off)


def video_gb(services, hours) -> np.ndarray:
    """GB delivered for ``hours`` of viewing at each service's quality mix and rates, the
    audio-only share at the audio rate."""
    shares = mix_matrix([s.quality_mix for s in services], QUALITIES)
    rates = mix_matrix([s.gb_per_hour for s in services], QUALITIES)
    audio = floats([s.audio_only_share for s in services])
    per_hour = (1.0 - audio) * (shares * rates).sum(axis=1) + \
        audio * floats([s.audio_gb_per_hour for s in services])
    return np.asarray(hours, dtype=float) * per_hour


def _q(frames, service, quantity, value, unit, source, keep=None):
    value = np.asarray(value, dtype=float)
    keep = np.ones(value.shape, bool) if keep is None else keep
    if keep.any():
        src = np.broadcast_to(np.asarray(source, dtype=object), value.shape)[keep]
        frames.append(quantities(np.asarray(service, dtype=object)[keep], quantity,
                                 value[keep], unit, src))


# -- the inventory --------------------------------------------------------------------
def viewing_inventory(ctx, services, *, hours, data_gb, devices, device_shares,
                      phase: str = "", common=True, record_model: bool = True,
                      device_component: str = "viewer devices", serving_note: str = "",
                      fleet_per_gb=False):
    """Rows and quantities of watching/listening: devices, networks, servers and CDN.

    Parameters
    ----------
    services : list of NetworkFields
        The services (their network and device-power fields are read here).
    hours : array
        Viewing or listening hours of each service [h].
    data_gb : array
        Data delivered to the users of each service [GB].
    devices : tuple of str
        Device ids of the mix columns.
    device_shares : array (services × devices)
        Share of the hours on each device.
    phase : str
        Appended to component and quantity names (``" (live)"``, ``" (replay)"``).
    common : bool or array of bool
        For which services to record the quantities that do not depend on the phase
        (powers, energy per GB); ``False`` where a first phase did.
    record_model : bool
        Whether to record the network model in the quantities (once per service).
    device_component : str
        Component name of the users' devices.
    serving_note : str
        Prefix of the source of the default serving energy (e.g. that it is a proxy).
    fleet_per_gb : bool or array of bool
        Where the serving fleet's manufacture is per GB delivered (files downloaded:
        ``dc.file.construction``, ADEME's ``fichier`` rule) instead of per hour.

    Returns
    -------
    rows : list of DataFrame
    quantities : list of DataFrame
    """
    reg = ctx.registry
    n = len(services)
    names = np.array([s.name for s in services], dtype=object)
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    network = np.array([ctx.network(s) for s in services], dtype=object)
    hosting = np.array([ctx.hosting(s) for s in services], dtype=object)
    hours = np.asarray(hours, dtype=float)
    data_gb = np.asarray(data_gb, dtype=float)
    common = np.broadcast_to(np.asarray(common, dtype=bool), (n,))
    out, qs = [], []

    # viewer devices (and set-top boxes behind TVs): device-major flattening
    ids = list(devices)
    hours_by = device_shares.T * hours  # (devices × services)
    powers = [[getattr(s.device_power, d) for s in services] for d in ids]
    lives = [[getattr(s.device_lifetime, d) for s in services] for d in ids]
    dailies = [[getattr(s.device_daily_use, d) for s in services] for d in ids]
    if "tv" in ids and hasattr(services[0], "set_top_box_share"):
        stb = np.array([s.set_top_box_share for s in services], dtype=float)
        hours_by = np.vstack([hours_by, hours_by[ids.index("tv")] * stb])
        powers.append([s.device_power.set_top_box for s in services])
        lives.append([s.device_lifetime.set_top_box for s in services])
        dailies.append([s.device_daily_use.set_top_box for s in services])
        ids.append("set_top_box")
    dev = np.repeat(np.array(ids, dtype=object), n)
    dev_hours = hours_by.ravel()
    svc, region = np.tile(names, len(ids)), np.tile(audience, len(ids))
    keep = dev_hours > 0
    if keep.any():
        power_w, power_src = resolve(reg, np.char.add(np.char.add("device.", dev[keep].astype(
            str)), ".power"), "W", region[keep], floats(np.ravel(powers))[keep])
        life, daily = floats(np.ravel(lives))[keep], floats(np.ravel(dailies))[keep]
        out.append(device_time(ctx, service=svc[keep], component=f"{device_component}{phase}",
                               tier="user_devices", device=dev[keep].astype(str),
                               hours=dev_hours[keep], region=region[keep], power_w=power_w,
                               lifetime_years=life, daily_use_h=daily))
        first = np.tile(common, len(ids))[keep]
        for d in dict.fromkeys(dev[keep]):
            sel = dev[keep] == d
            _q(qs, svc[keep][sel], f"device-hours{phase}: {d}", dev_hours[keep][sel], "hour",
               "hours × device_mix share")
            _q(qs, svc[keep][sel], f"device power: {d}", power_w[sel], "W", power_src[sel],
               first[sel])
            _q(qs, svc[keep][sel], f"device lifetime: {d}", life[sel], "year", "entered",
               first[sel] & ~np.isnan(life[sel]))
            _q(qs, svc[keep][sel], f"device daily use: {d}", daily[sel], "h/day", "entered",
               first[sel] & ~np.isnan(daily[sel]))

    # networks: the power model (per_time) here; per-GB factors with the servers below
    net = mix_matrix([s.network_mix for s in services], NETWORKS)
    per_time = np.array([s.network_model == "per_time" for s in services])
    if record_model:
        _q(qs, names, "network model (1 = per_time, 0 = per_gb)", per_time.astype(float),
           "flag", np.where(per_time, "entered: power model (box W × h + kWh/GB)",
                            "ADEME per-GB life-cycle factors (default)"))
    for j, kind in enumerate(NETWORKS):
        gb = data_gb * net[:, j]
        _q(qs, names, f"data over {kind} networks{phase}", gb, "GB", "data × network_mix",
           gb > 0)
        sel = per_time & (gb > 0)
        if sel.any():
            kwh_gb, src = resolve(reg, f"network.{kind}.energy", "kWh/GB", network[sel])
            kwh = gb[sel] * kwh_gb
            component = f"{kind} access and core network{phase}"
            out.append(rows(service=names[sel], component=component, tier="networks",
                            flow="electricity", amount=kwh, factor_code="electricity",
                            region=network[sel], electricity_kwh=kwh))
            # manufacture of access and core equipment, per GB (the box's is below)
            out.append(rows(service=names[sel], component=component, tier="networks",
                            flow="data", amount=gb[sel], region=network[sel],
                            factor_code=f"network.{_EQUIPMENT[kind]}.embodied"))
            _q(qs, names[sel], f"{kind} network electricity per GB", kwh_gb, "kWh/GB", src,
               common[sel])
    box_hours = hours * net[:, NETWORKS.index("fixed")]
    sel = per_time & (box_hours > 0)
    if sel.any():
        box_w, src = resolve(reg, "network.box.power", "W", network[sel],
                             floats([s.box_power for s in services])[sel])
        kwh = box_w * box_hours[sel] / 1000.0
        out.append(rows(service=names[sel], component=f"home box{phase}", tier="networks",
                        flow="electricity", amount=kwh, factor_code="electricity",
                        region=network[sel], electricity_kwh=kwh))
        out.append(device_time(ctx, service=names[sel], component=f"home box{phase}",
                               tier="networks", device="internet_box", hours=box_hours[sel],
                               region=network[sel], use=False))
        _q(qs, names[sel], "home box power", box_w, "W", src, common[sel])
        _q(qs, names[sel], f"home-box hours{phase}", box_hours[sel], "hour",
           "hours × network_mix.fixed")

    # per-GB networks, servers and CDN (facility included: no PUE on top, see the module
    # docstring)
    sel = data_gb > 0
    if sel.any():
        wh_gb, src = resolve(reg, "dc.video.energy", "Wh/GB", hosting[sel],
                             floats([s.serving_energy for s in services])[sel])
        frame = transfer(ctx, service=names[sel], data_gb=data_gb[sel],
                         network_shares={k: net[sel, j] for j, k in enumerate(NETWORKS)},
                         region=network[sel], hosting_region=hosting[sel],
                         serving_wh_per_gb=wh_gb, component_network=f"network transfer{phase}",
                         component_dc=f"servers and CDN{phase}")
        # the power model replaces the per-GB network rows of per_time services
        power_model = np.isin(frame["service"], names[sel & per_time]) & \
            (frame["tier"] == "networks")
        out.append(frame[~power_model])
        src = np.where(src == "entered", src, serving_note + src)
        _q(qs, names[sel], "serving energy per GB (facility included)", wh_gb, "Wh/GB", src,
           common[sel])
        _q(qs, names[sel], f"serving electricity{phase}", data_gb[sel] * wh_gb / 1000.0, "kWh",
           "data × serving energy per GB")

    # manufacture of the serving fleet, per viewing hour (ADEME), or per GB for files
    # downloaded (ADEME's 'fichier' rule)
    per_gb = np.broadcast_to(np.asarray(fleet_per_gb, dtype=bool), (n,))
    sel = per_gb & (data_gb > 0)
    if sel.any():
        out.append(rows(service=names[sel], component=f"servers (manufacture){phase}",
                        tier="data_centres", flow="data", amount=data_gb[sel],
                        factor_code=FILE_CONSTRUCTION_CODE, region=hosting[sel]))
    sel = ~per_gb & (hours > 0)
    if sel.any():
        out.append(rows(service=names[sel], component=f"servers and CDN (manufacture){phase}",
                        tier="data_centres", flow="service_time", amount=hours[sel],
                        factor_code=CONSTRUCTION_CODE, region=hosting[sel]))
    return out, qs
