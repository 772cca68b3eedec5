"""The ``live_event`` kind: a performance streamed live (an opera, a concert, a talk),
with an optional replay period.

Four parts, each in its tier:

- **on-site production** (``onsite``): cameras, encoders, vision mixing — for each item,
  count × hours of use; manufacture allocated by use (the project's allocation rule,
  :func:`footprint.inventory.device_time`) and electricity = power × hours in the venue's
  country (``venue_country``, by default the audience country). Cameras have no
  published LCA: the datasets' estimate
  ``device.camera_broadcast`` (a proxy) is labelled as such in the results;
- **optional production kit** (``onsite``): stage lighting for the broadcast
  (``lighting_power`` × production hours, venue electricity) and an outside-broadcast
  van (``ob_van_km`` × ``vehicle.ob_van.fuel``, 40 L per 100 km reported by Euromedia
  France, plus ``generator_fuel``; diesel at ``fuel.diesel``, 3.17 kgCO2e/L, French
  regulatory value), counted only when entered;
- **contribution** (``networks``): one stream from the venue to the ingest point at the
  contribution bitrate during the event (Mbit/s × 0.45 GB/h per Mbit/s) over a
  professional line: ADEME's fixed network without the consumer home box
  (``network.fixed_excl_box``) of the venue's country;
- **transcoding** (``data_centres``): the adaptive-bitrate ladder, as server-hours
  (entered, or renditions × event hours, one server-equivalent per rendition — an
  upper-bound estimate) × server power × PUE of the hosting country, plus the servers'
  manufacture allocated by time;
- **distribution**: live viewer-hours (viewers × duration × share of the event watched)
  and replay hours, both as on-demand video (:mod:`footprint.archetypes._viewing`):
  screens, networks, servers and CDN, with the service's quality, screen and network
  mixes.

A service is one event and its replay: every figure is a total over the reporting
period, not scaled by the period's length. The cut-off is declared in the result's
quantities (:data:`CUT_OFF`): what the kind does not count.

References
----------
No published per-viewer-hour factor exists for live streaming (Carbon Trust 2021
excludes it); the model follows the project's factors dossier §5.3. Contribution
bitrate: YouTube live encoder settings (1080p30 H.264, 10 Mbit/s), dossier §5.2.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field

from ..inventory import QUANTITY_COLUMNS, concat, device_time, quantities, resolve, rows
from ..networks import network_rows
from ..schema.base import MAX_AUDIENCE_HOURS, Model, QuantityField, Share
from ._common import TOTAL, check_devices, floats, reporting_basis
from ._viewing import (VIDEO_DEVICES, VideoViewing, mix_matrix, video_gb, viewing_inventory,
                       watched)

KIND = "live_event"
GB_PER_HOUR_PER_MBPS = 3600.0 / 8.0 / 1000.0  # 1 Mbit/s for one hour = 0.45 GB (decimal)
SETUP_HOURS = 2.0
#: What a live event's figures leave out (declared in the quantities of every service).
CUT_OFF = ("not counted: content creation and rehearsals; staff, artists' and audience "
           "travel; the venue building and its in-house audience; stage lighting unless "
           "lighting_power is given; the manufacture of lighting fixtures and of the OB van; "
           "sets, costumes and catering; the replay's storage on the platform")


class Equipment(Model):
    """Production equipment at the venue: ``count`` devices used ``hours`` each."""

    name: str = ""
    device: str = Field(min_length=1, description="Device id of the datasets (the suffix of "
                        "a device.<id> factor): camera_broadcast (estimate), desktop_pro, "
                        "laptop, monitor, server…")
    count: int = Field(1, ge=0, le=100_000, description="Number of such devices (entered).")
    hours: QuantityField("hour", ge=0, le=10_000, description="Hours each is used for the event; "
                         "default the service's production_hours.") | None = None
    power: QuantityField("W", ge=0, le=100_000, description="Power in use; default the dataset's "
                         "device.<id>.power.") | None = None


_DEFAULT_KIT = (Equipment(name="cameras", device="camera_broadcast", count=3),
                Equipment(name="encoder", device="desktop_pro", count=1),
                Equipment(name="vision mixing", device="desktop_pro", count=1))


class Service(VideoViewing):
    """A live-streamed event: production, contribution, transcoding, live and replay
    viewing."""

    kind: Literal["live_event"] = "live_event"
    event_duration: QuantityField("hour", gt=0, le="30 day", description="Duration of the streamed "
                                  "event (entered), e.g. '2 h 45 min' as 2.75; the event "
                                  "happens once in the reporting period.")
    live_viewers: float = Field(ge=0, le=1e10,
                                description="Average concurrent viewers over the event "
                                "(entered), or unique viewers with live_watch_share.")
    live_watch_share: Share = Field(1.0, description="Share of the event the average viewer "
                                    "watches: 1 for an average concurrent audience (default); "
                                    "below 1 when live_viewers counts unique viewers.")
    replay_hours_viewed: QuantityField("hour", ge=0, le=MAX_AUDIENCE_HOURS,
                                       description="Hours of on-demand replay "
                                       "viewing after the event (entered). " + TOTAL) = 0.0
    production_hours: QuantityField("hour", ge=0, le=10_000, description="Hours the production "
                                    "equipment runs; default event_duration + 2 h "
                                    "(estimate: set-up and line check).") | None = None
    production_equipment: list[Equipment] = Field(
        list(_DEFAULT_KIT), description="On-site production kit; default (estimate) 3 "
        "cameras, an encoder PC and a vision-mixing PC (desktop_pro as proxy).")
    lighting_power: QuantityField("W", ge=0, le=1e7, description="Electric power of the "
                                  "stage lighting used for the broadcast, counted for "
                                  "production_hours in the venue's country (entered; no "
                                  "default: rigs range from a few kW to hundreds). The "
                                  "fixtures' manufacture is cut off.") | None = None
    ob_van_km: QuantityField("km", ge=0, le=1e6, description="Distance an outside-broadcast "
                             "van drives to and from the venue (entered); diesel at "
                             "vehicle.ob_van.fuel (40 L per 100 km, Euromedia France via "
                             "SVG Europe). Default 0: no van.") = 0.0
    generator_fuel: QuantityField("L", ge=0, le=1e6, description="Diesel burnt by a "
                                  "generator for the production during the event (entered). "
                                  "Default 0: mains power.") = 0.0
    contribution_bitrate: QuantityField("Mbit/s", ge=0, le=100_000,
                                        description="Bitrate of the stream "
                                        "sent from the venue; default 10 Mbit/s (YouTube "
                                        "live 1080p30 H.264).") = 10.0
    transcoding_server_hours: QuantityField("hour", ge=0, le=1e6, description="Server-hours of "
                                            "transcoding; default renditions × "
                                            "event_duration. " + TOTAL) | None = None
    renditions: int = Field(4, ge=1, le=20, description="Rungs of the bitrate ladder, each "
                            "counted as one server-equivalent (estimate: 1080p, 720p, 480p, "
                            "360p; an upper bound when one machine encodes them all).")
    transcoding_power: QuantityField("W", ge=0, le=10_000,
                                     description="Power of a transcoding server; "
                                     "default device.server.power (ADEME).") | None = None
    transcoding_pue: float | None = Field(None, ge=1, le=3, description="PUE of the "
                                          "transcoding data centre; default dc.pue of the "
                                          "hosting country.")


def _production(ctx, services):
    flat = [(s.name, ctx.venue(s), eq.name or eq.device, eq.device, eq.count,
             eq.hours if eq.hours is not None else
             (s.production_hours if s.production_hours is not None
              else s.event_duration + SETUP_HOURS), eq.power,
             eq.hours is not None or s.production_hours is not None)
            for s in services for eq in s.production_equipment]
    flat = [f for f in flat if f[4] * f[5] > 0]
    if not flat:
        return [], []
    svc, region, label, dev, count, hours, power, entered = (np.array(c, dtype=object)
                                                             for c in zip(*flat))
    dev_hours = count.astype(float) * hours.astype(float)
    dev = dev.astype(str)
    power_w, src = resolve(ctx.registry, np.char.add(np.char.add("device.", dev), ".power"),
                           "W", region, floats(power))
    frame = device_time(ctx, service=svc, component=np.char.add("production: ",
                                                                label.astype(str)),
                        tier="onsite", device=dev, hours=dev_hours, region=region,
                        power_w=power_w)
    qs = [quantities(svc, np.char.add("production device-hours: ", label.astype(str)),
                     dev_hours, "hour",
                     np.where(entered, "entered: count × hours",
                              "count × (event_duration + 2 h set-up, estimate)")),
          quantities(svc, np.char.add("production power: ", label.astype(str)), power_w,
                     "W", src)]
    return [frame], qs


def _kit(ctx, services, venue):
    """Optional production kit: stage lighting (electricity) and an OB van (diesel)."""
    names = np.array([s.name for s in services], dtype=object)
    hours = np.array([s.production_hours if s.production_hours is not None
                      else s.event_duration + SETUP_HOURS for s in services], dtype=float)
    light_kwh = np.nan_to_num(floats([s.lighting_power for s in services])) * hours / 1000.0
    frames, qs = [], []
    sel = light_kwh > 0
    if sel.any():
        frames.append(rows(service=names[sel], component="production: stage lighting",
                           tier="onsite", flow="electricity", amount=light_kwh[sel],
                           factor_code="electricity", region=venue[sel],
                           electricity_kwh=light_kwh[sel]))
        qs.append(quantities(names[sel], "stage lighting electricity", light_kwh[sel], "kWh",
                             "entered lighting_power × production hours"))
    km = floats([s.ob_van_km for s in services])
    l_km = np.zeros(len(services))
    l_src = np.full(len(services), "no OB van", dtype=object)
    van = km > 0
    if van.any():
        l_km[van], l_src[van] = resolve(ctx.registry, "vehicle.ob_van.fuel", "L/km",
                                        venue[van])
    litres = km * l_km + floats([s.generator_fuel for s in services])
    sel = litres > 0
    if sel.any():
        frames.append(rows(service=names[sel], component="production: outside-broadcast van",
                           tier="onsite", flow="fuel", amount=litres[sel],
                           factor_code="fuel.diesel", region=venue[sel]))
        qs += [quantities(names[sel], "OB van fuel per km", l_km[sel], "L/km", l_src[sel]),
               quantities(names[sel], "OB van and generator diesel", litres[sel], "L",
                          "ob_van_km × fuel per km + generator_fuel")]
    return frames, qs


def inventory(services, paths, ctx):
    """Rows of all ``live_event`` services: production, contribution, transcoding,
    live and replay viewing."""
    reg = ctx.registry
    needed = ("lifetime",) + (("daily_use",) if ctx.allocation == "use_time" else ())
    check_devices(reg, ((eq.device, f"{path}.production_equipment[{j}].device",
                         needed + (("power",) if eq.power is None else ()))
                        for s, path in zip(services, paths)
                        for j, eq in enumerate(s.production_equipment)))
    names = np.array([s.name for s in services], dtype=object)
    venue = np.array([ctx.venue(s) for s in services], dtype=object)
    hosting = np.array([ctx.hosting(s) for s in services], dtype=object)
    duration = np.array([s.event_duration for s in services], dtype=float)
    shares = mix_matrix([s.device_mix for s in services], VIDEO_DEVICES)

    # distribution: live, then replay
    live_h = watched(services, np.array([s.live_viewers * s.live_watch_share
                                         for s in services]) * duration)
    live_gb = video_gb(services, live_h)
    frames, qs = viewing_inventory(ctx, services, hours=live_h, data_gb=live_gb,
                                   devices=VIDEO_DEVICES, device_shares=shares,
                                   phase=" (live)")
    replay_h = watched(services, [s.replay_hours_viewed for s in services])
    has = replay_h > 0
    if has.any():
        sub = [s for s, h in zip(services, has) if h]
        f2, q2 = viewing_inventory(ctx, sub, hours=replay_h[has],
                                   data_gb=video_gb(sub, replay_h[has]),
                                   devices=VIDEO_DEVICES, device_shares=shares[has],
                                   phase=" (replay)", common=live_h[has] <= 0,
                                   record_model=False)
        frames += f2
        qs += q2
    replay_gb = np.zeros(len(services))
    replay_gb[has] = video_gb([s for s, h in zip(services, has) if h], replay_h[has])

    # on-site production
    f3, q3 = _production(ctx, services)
    frames += f3

    # optional kit: lighting on the venue's grid, the OB van's diesel
    f4, q4 = _kit(ctx, services, venue)
    frames += f4

    # contribution: one stream from the venue over a professional line (no home box)
    ingest_gb = np.array([s.contribution_bitrate for s in services]) * GB_PER_HOUR_PER_MBPS \
        * duration
    per_time = np.array([s.network_model == "per_time" for s in services])
    sel = ~per_time & (ingest_gb > 0)
    if sel.any():
        frames.append(network_rows(ctx, service=names[sel],
                                   component="contribution (venue → ingest)",
                                   data_gb=ingest_gb[sel], network_type="fixed_excl_box",
                                   region=venue[sel]))
    sel = per_time & (ingest_gb > 0)
    if sel.any():
        kwh_gb, _ = resolve(reg, "network.fixed.energy", "kWh/GB", venue[sel])
        kwh = ingest_gb[sel] * kwh_gb
        frames.append(rows(service=names[sel], component="contribution (venue → ingest)",
                           tier="networks", flow="electricity", amount=kwh,
                           factor_code="electricity", region=venue[sel],
                           electricity_kwh=kwh))
        frames.append(rows(service=names[sel], component="contribution (venue → ingest)",
                           tier="networks", flow="data", amount=ingest_gb[sel],
                           factor_code="network.fixed_excl_box.embodied", region=venue[sel]))

    # transcoding ladder
    entered = floats([s.transcoding_server_hours for s in services])
    server_h = np.where(np.isnan(entered),
                        np.array([s.renditions for s in services]) * duration, entered)
    power_w, power_src = resolve(reg, "device.server.power", "W", hosting,
                                 floats([s.transcoding_power for s in services]))
    pue, pue_src = resolve(reg, "dc.pue", "dimensionless", hosting,
                           floats([s.transcoding_pue for s in services]))
    kwh = server_h * power_w / 1000.0 * pue
    sel = server_h > 0
    if sel.any():
        frames.append(rows(service=names[sel], component="transcoding", tier="data_centres",
                           flow="electricity", amount=kwh[sel], factor_code="electricity",
                           region=hosting[sel], electricity_kwh=kwh[sel]))
        frames.append(device_time(ctx, service=names[sel], component="transcoding",
                                  tier="data_centres", device="server", hours=server_h[sel],
                                  region=hosting[sel], use=False))

    qframes = [
        reporting_basis(ctx, names, per_year=False),
        quantities(names, "event duration", duration, "hour", "entered"),
        quantities(names, "live viewer-hours", live_h, "hour",
                   "live_viewers × live_watch_share × event_duration"),
        quantities(names, "data delivered (live)", live_gb, "GB",
                   "hours × quality_mix · gb_per_hour"),
        quantities(names, "replay hours viewed", replay_h, "hour", "entered"),
        quantities(names, "data delivered (replay)", replay_gb, "GB",
                   "hours × quality_mix · gb_per_hour"),
        quantities(names, "contribution data", ingest_gb, "GB",
                   "contribution_bitrate × 0.45 GB/h per Mbit/s × event_duration, over a "
                   "professional line (network.fixed_excl_box: no home box)"),
        quantities(names, "declared cut-off", np.nan, "", CUT_OFF),
        quantities(names, "transcoding server-hours", server_h, "hour",
                   np.where(np.isnan(entered), "estimate: renditions × event_duration, one "
                            "server-equivalent per rendition", "entered")),
        quantities(names, "transcoding server power", power_w, "W", power_src),
        quantities(names, "transcoding PUE", pue, "dimensionless", pue_src),
        quantities(names, "transcoding electricity", kwh, "kWh",
                   "server-hours × power × PUE"),
        *q3, *q4, *qs]
    return concat(frames), concat(qframes, QUANTITY_COLUMNS)
