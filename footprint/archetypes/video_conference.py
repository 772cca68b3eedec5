"""The ``video_conference`` kind: online workshops, remote guided tours, webinars and
lectures held by video (or audio-only) conference.

A session has ``participants`` connected devices for ``duration``; ``sessions`` of them
are held over the reporting period. Following ADEME's *visio* rule
(``publicodes-acv-numerique`` 2.1.0):

- **devices** — device-hours = sessions × participants × duration, shared over the
  ``device_mix`` (all laptops by default, ADEME's default): manufacture allocated by time
  of use and use electricity (:func:`footprint.inventory.device_time`), in the audience's
  country;
- **networks** — every connected device moves the session's stream:
  data = device-hours × GB per hour at the session's ``quality`` (audio 168 MiB/h as
  ADEME writes it, i.e. 168/1024 GB/h; SD 0.7; HD 3; UHD 7 GB/h), over the per-GB network
  factors of the audience's country (:func:`footprint.inventory.transfer`);
- **servers** — the session's stream once: sessions × duration × GB per hour ×
  ``dc.video.energy`` (ADEME reuses its streaming figure for visio), in the hosting
  country, and the manufacture of the serving fleet per session-hour
  (``dc.video.construction``, ADEME's streaming allocation reused "idem streaming").
  No recording is stored (ADEME: "storage neglected, no recording considered").

With two laptops on a French fixed line for one hour this gives ADEME's published
73.7 (audio), 83.7 (SD) and 126.5 gCO2e (HD).

References
----------
ADEME, ``@incubateur-ademe/publicodes-acv-numerique`` 2.1.0, rule ``visio`` and its
sub-rules (``qualité . facteur qualité``, ``emplacements``, ``terminaux``,
``transmission``, ``data center``); footprint research dossier (factors.md) §5.1.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field

from ..inventory import (QUANTITY_COLUMNS, concat, device_time, quantities, resolve, rows,
                         transfer)
from ..schema.base import QuantityField, ServiceBase
from ._common import TOTAL, floats, reporting_basis
from ._mixes import NetworkMix, VideoDeviceMix, mix_matrix
from ._viewing import (AUDIO_GB_PER_HOUR, CONSTRUCTION_CODE, NETWORKS, VIDEO_DEVICES, DeviceDailyUse,
                       DeviceDailyUseField, DeviceLifetimeField, DeviceLifetimes,
                       DevicePowerField, DevicePowers)

KIND = "video_conference"
#: GB per connected hour at each quality: ADEME's rule 'visio . qualité . facteur qualité'.
GB_PER_HOUR = {"audio": AUDIO_GB_PER_HOUR, "sd": 0.7, "hd": 3.0, "uhd": 7.0}
RATE_SOURCE = ("ADEME publicodes-acv-numerique 2.1.0 'visio . qualité . facteur qualité' "
               "(audio 168/1024, SD 0.7, HD 3, UHD 7 GB/h)")


class Service(ServiceBase):
    """Sessions held online: participants × duration, video or audio only."""

    kind: Literal["video_conference"] = "video_conference"
    sessions: float = Field(ge=0, le=1e9, description="Number of sessions held (entered). "
                            + TOTAL)
    duration: QuantityField("minute", gt=0, le=10_000, description="Length of one session, "
                            "e.g. '90 min'.")
    participants: float = Field(ge=1, le=1e6, description="Connected devices per session, "
                                "organisers and speakers included (ADEME 'emplacements'; its "
                                "default is 2).")
    quality: Literal["audio", "sd", "hd", "uhd"] = Field(
        "sd", description="audio only, or the video quality; default SD (ADEME's visio "
        "default).")
    gb_per_hour: QuantityField("GB/hour", ge=0, le=100, description="Data per connected "
                               "hour, replacing the quality's default (" + RATE_SOURCE
                               + ").") | None = None
    device_mix: VideoDeviceMix = Field(
        VideoDeviceMix(laptop=1.0), description="Share of the connected hours per device; "
        "default all laptops (ADEME's visio default 'moyenne': 100 % laptop).")
    network_mix: NetworkMix = Field(
        NetworkMix(fixed=1.0), description="Share of the data over fixed and mobile "
        "networks; default all fixed (ADEME's default 'fixe FR').")
    serving_energy: QuantityField("Wh/GB", ge=0, description="Server electricity per GB of "
                                  "the session's stream, facility included; default "
                                  "dc.video.energy (ADEME's visio reuses its streaming "
                                  "figure).") | None = None
    device_power: DevicePowerField = DevicePowers()
    device_lifetime: DeviceLifetimeField = DeviceLifetimes()
    device_daily_use: DeviceDailyUseField = DeviceDailyUse()


def inventory(services, paths, ctx):
    """Rows of all ``video_conference`` services: devices, networks, servers."""
    reg = ctx.registry
    names = np.array([s.name for s in services], dtype=object)
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    hosting = np.array([ctx.hosting(s) for s in services], dtype=object)
    n = len(services)
    session_h = floats([s.sessions for s in services]) * floats([s.duration for s in services]) / 60
    device_h = session_h * floats([s.participants for s in services])
    rate = floats([s.gb_per_hour for s in services])
    rate = np.where(np.isnan(rate), [GB_PER_HOUR[s.quality] for s in services], rate)
    network_gb = device_h * rate
    stream_gb = session_h * rate
    frames, qs = [], [reporting_basis(ctx, names, per_year=False)]

    # devices: device-major flattening over the (few) device types
    shares = mix_matrix([s.device_mix for s in services], VIDEO_DEVICES)
    dev = np.repeat(np.array(VIDEO_DEVICES, dtype=object), n).astype(str)
    hours = (shares.T * device_h).ravel()
    svc, region = np.tile(names, len(VIDEO_DEVICES)), np.tile(audience, len(VIDEO_DEVICES))
    entered = floats([getattr(s.device_power, d) for d in VIDEO_DEVICES for s in services])
    life = floats([getattr(s.device_lifetime, d) for d in VIDEO_DEVICES for s in services])
    daily = floats([getattr(s.device_daily_use, d) for d in VIDEO_DEVICES for s in services])
    keep = hours > 0
    if keep.any():
        power, power_src = resolve(reg, np.char.add(np.char.add("device.", dev[keep]),
                                                    ".power"), "W", region[keep],
                                   entered[keep])
        frames.append(device_time(ctx, service=svc[keep], component="participants' devices",
                                  tier="user_devices", device=dev[keep], hours=hours[keep],
                                  region=region[keep], power_w=power,
                                  lifetime_years=life[keep], daily_use_h=daily[keep]))
        qs += [quantities(svc[keep], np.char.add("device-hours: ", dev[keep]), hours[keep],
                          "hour", "sessions × participants × duration × device_mix"),
               quantities(svc[keep], np.char.add("device power: ", dev[keep]), power, "W",
                          power_src)]

    # networks: every connected device moves the stream (per-GB factors, no server here)
    net = mix_matrix([s.network_mix for s in services], NETWORKS)
    sel = network_gb > 0
    if sel.any():
        frames.append(transfer(ctx, service=names[sel], data_gb=network_gb[sel],
                               network_shares={k: net[sel, j] for j, k in enumerate(NETWORKS)},
                               region=audience[sel], hosting_region=hosting[sel],
                               serving_wh_per_gb=0.0, component_network="conference data"))

    # servers: the session's stream once, and the fleet's manufacture per session-hour
    wh_gb, wh_src = resolve(reg, "dc.video.energy", "Wh/GB", hosting,
                            floats([s.serving_energy for s in services]))
    kwh = stream_gb * wh_gb / 1000.0
    sel = kwh > 0
    if sel.any():
        frames.append(rows(service=names[sel], component="conference servers",
                           tier="data_centres", flow="electricity", amount=kwh[sel],
                           factor_code="electricity", region=hosting[sel],
                           electricity_kwh=kwh[sel]))
    sel = session_h > 0
    if sel.any():
        frames.append(rows(service=names[sel], component="conference servers (manufacture)",
                           tier="data_centres", flow="service_time", amount=session_h[sel],
                           factor_code=CONSTRUCTION_CODE, region=hosting[sel]))
    rate_src = np.array(["entered" if s.gb_per_hour is not None else
                         f"quality {s.quality}: {RATE_SOURCE}" for s in services], dtype=object)
    qs += [quantities(names, "session hours", session_h, "hour",
                      "entered: sessions × duration"),
           quantities(names, "connected device-hours", device_h, "hour",
                      "session hours × participants"),
           quantities(names, "GB per connected hour", rate, "GB/hour", rate_src),
           quantities(names, "data over networks", network_gb, "GB",
                      "connected device-hours × GB per hour (ADEME: emplacements × taille)"),
           quantities(names, "data served (one stream per session)", stream_gb, "GB",
                      "session hours × GB per hour (ADEME: taille)"),
           quantities(names, "serving energy per GB (facility included)", wh_gb, "Wh/GB",
                      wh_src),
           quantities(names, "serving electricity", kwh, "kWh",
                      "data served × serving energy per GB")]
    return concat(frames), concat(qs, QUANTITY_COLUMNS)
