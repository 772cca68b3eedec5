"""The ``audio_streaming`` kind: podcasts, web radio, music listened online.

Listening time = ``listens`` × ``average_listen_duration``. Data:

- ``streaming``: listening time × bitrate (GB per hour = kbit/s × 3,600 / 8 / 10⁶);
- ``download``: the whole file, once per listen by default, or ``downloads`` times
  (e.g. subscribers × episodes for a feed that downloads automatically), each of
  ``episode_duration`` × bitrate.

Devices (smartphone by default), networks and servers follow
:mod:`footprint.archetypes._viewing`. Listening is not watching: a share of the
smartphone hours (``screen_off_share``) is heard with the screen off or the app in the
background. Those hours draw the phone's screen-off playback power
(``device.smartphone.background_power``) instead of its active-screen power, and carry
its manufacture by calendar time (an hour of a 24-hour day, Boavizta's allocation)
instead of by active use (an hour of ADEME's 3 hours a day): the phone is in the
pocket, not in use. No per-GB serving energy for audio was found: the
video CDN figure ``dc.video.energy`` is used as a proxy (it is per GB, so an audio
hour costs ≈1/70 of an HD video hour), and labelled as such in the quantities; so is the
manufacture of the video fleet per hour (``dc.video.construction``, ≈0.24 g per
listening hour, probably high for audio). Files downloaded carry the fleet's manufacture
per GB instead, as ADEME's file-transfer rule does (``dc.file.construction``, ≈0.12 g
per GB).

References
----------
Bitrates: Spotify (podcasts ≈96 kbit/s, music 96-320 kbit/s), factors dossier §5.2.
Device and network factors: ADEME ``publicodes-acv-numerique`` 2.1.0.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field, model_validator

from ..inventory import QUANTITY_COLUMNS, concat, device_time, quantities, resolve
from ..schema.base import MAX_PLAYS, QuantityField, Share
from ._common import TOTAL, floats, reporting_basis
from ._viewing import (AUDIO_DEVICES, AudioDeviceMix, NetworkFields, NetworkMix, mix_matrix,
                       viewing_inventory)

KIND = "audio_streaming"
GB_PER_HOUR_PER_KBPS = 3600.0 / 8.0 / 1e6  # 1 kbit/s for one hour = 0.00045 GB


class Service(NetworkFields):
    """Audio listened online: listens, bitrate, streaming or download, devices."""

    kind: Literal["audio_streaming"] = "audio_streaming"
    listens: float = Field(ge=0, le=MAX_PLAYS, description="Number of listens (plays) (entered). "
                           + TOTAL)
    average_listen_duration: QuantityField("minute", gt=0, le="24 hour", description="Average time "
                                           "listened per listen (entered), e.g. '25 min'.")
    bitrate: QuantityField("kbit/s", gt=0, le=10000, description="Audio bitrate; default "
                           "96 kbit/s (Spotify's podcast bitrate; music 96-320).") = 96.0
    delivery: Literal["streaming", "download"] = Field(
        "streaming", description="streaming: data = listening time × bitrate; download: "
        "the whole file per download.")
    downloads: float | None = Field(None, ge=0, le=MAX_PLAYS,
                                    description="Files downloaded (download "
                                    "only); default one per listen. For automatic feed "
                                    "downloads: subscribers × episodes. " + TOTAL)
    episode_duration: QuantityField("minute", gt=0, le="24 hour",
                                    description="Length of a downloaded "
                                    "file (download only); default "
                                    "average_listen_duration.") | None = None
    device_mix: AudioDeviceMix = Field(AudioDeviceMix(smartphone=1.0), description="Share "
                                       "of listening hours per device; default all on "
                                       "smartphones.")
    network_mix: NetworkMix = Field(
        NetworkMix(fixed=0.5, mobile=0.5), description="Share of the data over fixed and "
        "mobile networks; default half and half (estimate: smartphone listening at home on "
        "Wi-Fi and on the move; no French survey found).")

    screen_off_share: Share | None = Field(
        None, description="Share of the smartphone listening hours with the screen off or "
        "the app in the background; default device.smartphone.screen_off_share (estimate).")
    background_power: QuantityField("W", ge=0, le=20, description="Smartphone power while "
                                    "playing audio with the screen off; default "
                                    "device.smartphone.background_power (estimate).") | None = None

    @model_validator(mode="after")
    def _download_fields(self):
        if self.delivery == "streaming":
            for field in ("downloads", "episode_duration"):
                if getattr(self, field) is not None:
                    raise ValueError(f"{field} is used only with delivery: download (got "
                                     f"{getattr(self, field):g} with delivery: streaming)")
        return self


def inventory(services, paths, ctx):
    """Rows of all ``audio_streaming`` services: devices, networks, servers."""
    names = np.array([s.name for s in services], dtype=object)
    listens = np.array([s.listens for s in services], dtype=float)
    minutes = np.array([s.average_listen_duration for s in services], dtype=float)
    hours = listens * minutes / 60.0
    gb_h = np.array([s.bitrate for s in services], dtype=float) * GB_PER_HOUR_PER_KBPS
    download = np.array([s.delivery == "download" for s in services])
    files = np.array([s.listens if s.downloads is None else s.downloads for s in services],
                     dtype=float)
    file_h = np.array([s.average_listen_duration if s.episode_duration is None
                       else s.episode_duration for s in services], dtype=float) / 60.0
    data_gb = np.where(download, files * file_h * gb_h, hours * gb_h)
    shares = mix_matrix([s.device_mix for s in services], AUDIO_DEVICES)
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    off, off_src = resolve(ctx.registry, "device.smartphone.screen_off_share", "dimensionless",
                           audience, floats([s.screen_off_share for s in services]))
    phone = AUDIO_DEVICES.index("smartphone")
    off_hours = hours * shares[:, phone] * off
    shares[:, phone] *= 1.0 - off
    frames, qs = viewing_inventory(ctx, services, hours=hours, data_gb=data_gb,
                                   devices=AUDIO_DEVICES, device_shares=shares,
                                   device_component="listening devices",
                                   serving_note="proxy (video CDN figure used for audio): ",
                                   fleet_per_gb=download)
    sel = off_hours > 0
    if sel.any():
        watts, w_src = resolve(ctx.registry, "device.smartphone.background_power", "W",
                               audience[sel], floats([s.background_power for s in services])[sel])
        frames.append(device_time(ctx, service=names[sel],
                                  component="listening devices (screen off)",
                                  tier="user_devices", device="smartphone",
                                  hours=off_hours[sel], region=audience[sel], power_w=watts,
                                  daily_use_h=24.0))
        qs += [quantities(names[sel], "smartphone hours, screen off", off_hours[sel], "hour",
                          "hours × device_mix.smartphone × screen_off_share"),
               quantities(names[sel], "smartphone power, screen off", watts, "W", w_src),
               quantities(names[sel], "smartphone manufacture allocation, screen off", 24.0,
                          "h/day", "calendar time: the phone is not in active use")]
    qs.append(quantities(names, "screen-off share of smartphone hours", off, "1", off_src))
    qframes = [
        reporting_basis(ctx, names, per_year=False),
        quantities(names, "listening hours", hours, "hour",
                   "entered: listens × average_listen_duration"),
        quantities(names, "GB per listening hour", gb_h, "GB/hour",
                   "bitrate × 3600 / 8 / 1e6"),
        quantities(names[download], "files downloaded", files[download], "file",
                   np.where([s.downloads is None for s in services],
                            "one per listen (default)", "entered")[download]),
        quantities(names, "data delivered", data_gb, "GB",
                   np.where(download, "downloads × episode_duration × GB per hour",
                            "listening hours × GB per hour")),
        *qs]
    return concat(frames), concat(qframes, QUANTITY_COLUMNS)
