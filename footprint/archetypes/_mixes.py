"""Mixes: shares of a whole in project files (screens, networks, picture qualities), the
check that shares sum to 1, and their conversion to numpy arrays.

Every mix is a model whose fields are the keys a user may write (``tv``, ``fixed``…),
each a share in [0, 1] defaulting to 0, so that a mix given with some keys only is
complete. The shares must sum to 1; the error names the field, the total, the shares
given and the keys allowed, and pydantic adds the path (``services[2].device_mix``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

import numpy as np
from pydantic import Field, model_validator

from ..inventory import concat, device_time
from ..schema.base import Model, Share

__all__ = ["SUM_TOLERANCE", "check_shares", "Mix", "QualityMix", "DeviceMix", "VideoDeviceMix",
           "AudioDeviceMix", "WebDeviceMix", "RequestDeviceMix", "NetworkMix",
           "TransferNetworkMix", "mix_matrix", "mix_columns", "mix_device_time"]

SUM_TOLERANCE = 1e-6


def check_shares(shares: Iterable[tuple[str, float]], what: str,
                 allowed: Iterable[str] = ()) -> None:
    """Raise ValueError unless the shares sum to 1 (within :data:`SUM_TOLERANCE`).

    Parameters
    ----------
    shares : iterable of (name, share)
        The shares, named for the message.
    what : str
        What must sum to 1, as the user wrote it (``"device_mix shares"``,
        ``"pages[*].share"``).
    allowed : iterable of str
        Keys the user may use, listed in the message.
    """
    shares = list(shares)
    total = sum(v for _, v in shares)
    if abs(total - 1.0) > SUM_TOLERANCE:
        parts = " + ".join(f"{k} {v:g}" for k, v in shares if v) or "all 0"
        keys = ", ".join(allowed)
        raise ValueError(f"{what} must sum to 1, got {total:g} ({parts})"
                         + (f"; allowed keys: {keys}" if keys else ""))


class Mix(Model):
    """Shares of a whole: each in [0, 1], missing keys 0, summing to 1."""

    label: ClassVar[str] = "mix"

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The keys of the mix, in order."""
        return tuple(cls.model_fields)

    @model_validator(mode="after")
    def _sums_to_one(self):
        keys = self.keys()
        check_shares(((k, getattr(self, k)) for k in keys), f"{self.label} shares", keys)
        return self


class QualityMix(Mix, title="Picture-quality mix (share of viewing hours)"):
    """Share of viewing hours at each picture quality."""

    label: ClassVar[str] = "quality_mix"
    sd: Share = 0.0
    hd: Share = 0.0
    full_hd: Share = 0.0
    uhd: Share = Field(0.0, description="4K / Ultra HD.")


class DeviceMix(Mix):
    """Share of the time of use on each kind of device (``device.<id>`` in the datasets)."""

    label: ClassVar[str] = "device_mix"


class VideoDeviceMix(DeviceMix, title="Screen mix (share of viewing hours)"):
    """Share of viewing hours on each kind of screen."""

    tv: Share = 0.0
    laptop: Share = 0.0
    desktop_with_monitor: Share = 0.0
    tablet: Share = 0.0
    smartphone: Share = 0.0


class AudioDeviceMix(DeviceMix, title="Listening-device mix (share of listening hours)"):
    """Share of listening hours on each kind of device."""

    smartphone: Share = 0.0
    speaker: Share = Field(0.0, description="Connected speaker.")
    laptop: Share = 0.0
    desktop_with_monitor: Share = 0.0
    tablet: Share = 0.0


class WebDeviceMix(DeviceMix, title="Device mix (share of page views)"):
    """Share of page views on each kind of device."""

    smartphone: Share = 0.0
    tablet: Share = 0.0
    laptop: Share = 0.0
    desktop_with_monitor: Share = 0.0


class RequestDeviceMix(WebDeviceMix, title="Device mix (share of requests)"):
    """Share of an assistant's requests made on each kind of device: the web's devices
    and connected speakers."""

    speaker: Share = Field(0.0, description="Connected speaker (voice assistant).")


class NetworkMix(Mix, title="Network mix (share of the data)"):
    """Share of the data (and of the hours online) over each network type."""

    label: ClassVar[str] = "network_mix"
    fixed: Share = Field(0.0, description="Fixed line (ADSL/fibre, Wi-Fi at home) with its "
                         "home box (network.fixed).")
    mobile: Share = Field(0.0, description="Mobile network (network.mobile).")


class TransferNetworkMix(NetworkMix, title="Network mix with box-less fixed lines (share of "
                         "the data)"):
    """Share of the data over each network type, box-less fixed lines included."""

    fixed_excl_box: Share = Field(0.0, description="Fixed access and core network without "
                                  "a home box (network.fixed_excl_box), e.g. a venue's line "
                                  "whose router is counted elsewhere.")


def mix_matrix(mixes, keys) -> np.ndarray:
    """(len(mixes) × len(keys)) matrix of the shares (or any per-key values) of mixes."""
    return np.array([[getattr(m, k) for k in keys] for m in mixes], dtype=float).reshape(
        len(mixes), len(keys))


def mix_columns(mixes, keys=None) -> dict[str, np.ndarray]:
    """Shares of mixes as one array per key (the form :func:`inventory.transfer` takes)."""
    keys = keys if keys is not None else (type(mixes[0]).keys() if mixes else ())
    matrix = mix_matrix(mixes, keys)
    return {k: matrix[:, j] for j, k in enumerate(keys)}


def mix_device_time(ctx, *, service, region, hours, mixes, component: str,
                    tier: str = "user_devices"):
    """Rows of the devices of a device mix: ``hours × share`` on each device type.

    All services and device types go through one :func:`footprint.inventory.device_time`
    call (device-major flattening); device types without hours give no rows.

    Parameters
    ----------
    service, region : array of str
        Service names and the region of their users' devices.
    hours : array
        Hours of use of each service, all devices together [h].
    mixes : list of DeviceMix
        Each service's mix (one class for all).

    Returns
    -------
    rows : DataFrame
    hours_by_device : dict of str to array
        Hours on each device type, per service [h].
    """
    keys = type(mixes[0]).keys()
    by_device = {k: np.asarray(hours, dtype=float) * v
                 for k, v in mix_columns(mixes, keys).items()}
    n = len(mixes)
    flat = np.concatenate([by_device[k] for k in keys])
    keep = flat > 0
    if not keep.any():
        return concat([]), by_device
    frame = device_time(ctx, service=np.tile(np.asarray(service, dtype=object), len(keys))[keep],
                        component=component, tier=tier,
                        device=np.repeat(np.array(keys), n)[keep], hours=flat[keep],
                        region=np.tile(np.asarray(region, dtype=object), len(keys))[keep])
    return frame, by_device
