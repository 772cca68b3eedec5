"""Inventory: the physical flows of a project, one row per activity.

Kinds (``footprint.archetypes``) describe services in their users' terms and turn them
into rows with the helpers below, which work on numpy arrays (one call per kind and per
kind of activity, never one Python call per row). Columns:

============== ==========================================================================
service        service name (unique in a project)
component      what inside the service produces the flow (``viewer devices``, ``CDN``…)
tier           ``user_devices``, ``networks``, ``data_centres`` or ``onsite``
flow           ``electricity`` [kWh], ``data`` [GB], ``device`` [share of one device],
               ``storage`` [TB·year] or ``emissions`` [kgCO2e]
amount         the flow, in the canonical unit of its flow (``FLOW_UNITS``)
factor_code    code of the factors that characterise it
region         where the flow happens (country code, ``EU27`` or ``GLO``)
electricity_kwh  final electricity of the activity [kWh] (0 for embodied shares)
============== ==========================================================================

A second table, *quantities*, holds the intermediate figures a user checks (GB moved,
device-hours, TB-years…) with the source of every default used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .errors import ProjectError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .factors import FactorRegistry

__all__ = ["COLUMNS", "QUANTITY_COLUMNS", "Context", "rows", "device_time", "quantities",
           "concat", "device_share", "parameter_vector", "transfer"]

COLUMNS = ("service", "component", "tier", "flow", "amount", "factor_code", "region",
           "electricity_kwh")
QUANTITY_COLUMNS = ("service", "quantity", "value", "unit", "source")
ALLOCATIONS = ("use_time", "calendar_time")
HOURS_PER_YEAR = 365.0 * 24.0


@dataclass(frozen=True)
class Context:
    """What a kind needs besides its services: factors, options and default regions."""

    registry: "FactorRegistry"
    allocation: str = "use_time"
    audience_country: str = "FR"
    hosting_country: str = "FR"

    def audience(self, service) -> str:
        return service.audience_country or self.audience_country

    def hosting(self, service) -> str:
        return service.hosting_country or self.hosting_country


def rows(**columns) -> "pd.DataFrame":
    """An inventory frame from columns given as scalars or equal-length arrays."""
    import pandas as pd

    n = max((np.size(v) for v in columns.values() if not np.isscalar(v)), default=1)
    data = {c: np.broadcast_to(columns.get(c, 0.0 if c == "electricity_kwh" else ""), (n,))
            for c in COLUMNS}
    df = pd.DataFrame(data)
    df["amount"] = df["amount"].astype(float)
    df["electricity_kwh"] = df["electricity_kwh"].astype(float)
    return df


def quantities(service, quantity, value, unit, source="") -> "pd.DataFrame":
    """A quantities frame (intermediate figures) from scalars or arrays."""
    import pandas as pd

    cols = dict(service=service, quantity=quantity, value=value, unit=unit, source=source)
    n = max((np.size(v) for v in cols.values() if not np.isscalar(v)), default=1)
    df = pd.DataFrame({k: np.broadcast_to(v, (n,)) for k, v in cols.items()})
    df["value"] = df["value"].astype(float)
    return df


def concat(frames, columns=COLUMNS) -> "pd.DataFrame":
    """Concatenate inventory (or quantity) frames, keeping the column order."""
    import pandas as pd

    frames = [f for f in frames if len(f)]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("amount", "electricity_kwh", "value")
                                          else object) for c in columns})
    return pd.concat(frames, ignore_index=True)[list(columns)]


def parameter_vector(registry, codes, unit: str, regions) -> np.ndarray:
    """Parameter values for arrays of codes and regions, one look-up per distinct pair."""
    codes, regions = np.broadcast_arrays(np.asarray(codes, dtype=str),
                                         np.asarray(regions, dtype=str))
    pairs = np.char.add(np.char.add(codes.ravel(), "|"), regions.ravel())
    uniq, inverse = np.unique(pairs, return_inverse=True)
    values = np.array([registry.parameter(k.split("|")[0], unit, region=k.split("|")[1])
                       for k in uniq], dtype=float)
    return values[inverse].reshape(codes.shape)


def _device_parameters(registry, devices: np.ndarray, name: str, unit: str,
                       regions: np.ndarray) -> np.ndarray:
    """Vector of a per-device parameter (``device.<id>.<name>``)."""
    return parameter_vector(registry, np.char.add(np.char.add("device.", devices.astype(str)),
                                                  f".{name}"), unit, regions)


def device_share(registry, devices, hours, regions, allocation: str) -> np.ndarray:
    """Share of each device's manufacture allocated to ``hours`` of use.

    ``use_time`` (ADEME): hours / (lifetime × 365 × daily use);
    ``calendar_time`` (Boavizta): hours / (lifetime × 8,760 h).

    Parameters
    ----------
    devices : array of str
        Device ids (``laptop``, ``tv``…), the suffix of ``device.<id>`` factor codes.
    hours : array of float
        Time of use of each device [h].
    regions : array of str
        Region used to look the device parameters up.
    allocation : str
        ``use_time`` or ``calendar_time``.

    References
    ----------
    ADEME, ``publicodes-acv-numerique`` 2.1.0, rule ``construction réelle``;
    Boavizta API 2.5.0, ``Impact.allocate``.
    """
    devices, hours, regions = np.broadcast_arrays(np.asarray(devices, dtype=str),
                                                  np.asarray(hours, dtype=float),
                                                  np.asarray(regions, dtype=str))
    lifetime_years = _device_parameters(registry, devices, "lifetime", "year", regions)
    if allocation == "use_time":
        daily_h = _device_parameters(registry, devices, "daily_use", "hour/day", regions)
        return hours / (lifetime_years * 365.0 * daily_h)
    if allocation == "calendar_time":
        return hours / (lifetime_years * HOURS_PER_YEAR)
    raise ProjectError(f"allocation {allocation!r} is not one of {ALLOCATIONS}",
                       path="options.allocation", value=allocation)


def device_time(ctx: Context, *, service, component, tier, device, hours, region,
                power_w=None, embodied: bool = True, use: bool = True) -> "pd.DataFrame":
    """Rows for devices used for some hours: embodied share and use electricity.

    Parameters
    ----------
    device : str or array of str
        Device id(s); factors ``device.<id>`` and parameters ``device.<id>.lifetime``,
        ``.daily_use`` and ``.power`` must exist.
    hours : float or array
        Hours of use [h].
    power_w : float or array, optional
        Power while in use [W]; NaN or None takes the device's ``power`` parameter.
    embodied, use
        Which of the two rows to produce.
    """
    device, hours, region, service, component = np.broadcast_arrays(
        np.asarray(device, dtype=str), np.asarray(hours, dtype=float),
        np.asarray(region, dtype=str), np.asarray(service, dtype=object),
        np.asarray(component, dtype=object))
    frames = []
    if embodied:
        share = device_share(ctx.registry, device, hours, region, ctx.allocation)
        frames.append(rows(service=service, component=component, tier=tier, flow="device",
                           amount=share, factor_code=np.char.add("device.", device),
                           region=region))
    if use:
        power = np.full(len(device), np.nan) if power_w is None else \
            np.broadcast_to(np.asarray(power_w, dtype=float), device.shape).copy()
        missing = np.isnan(power)
        if missing.any():
            power[missing] = _device_parameters(ctx.registry, device[missing], "power", "W",
                                                region[missing])
        kwh = power * hours / 1000.0
        frames.append(rows(service=service, component=component, tier=tier, flow="electricity",
                           amount=kwh, factor_code="electricity", region=region,
                           electricity_kwh=kwh))
    return concat(frames)


def transfer(ctx: Context, *, service, data_gb, network_shares: dict[str, float], region,
             hosting_region, serving_energy_code: str = "dc.video.energy",
             pue_code: str = "dc.pue", component_network: str = "network transfer",
             component_dc: str = "servers and CDN") -> "pd.DataFrame":
    """Rows for data served from a data centre to users over networks.

    Networks: ``data_gb × share`` per network type, characterised by the per-GB factors
    ``network.<type>`` (``fixed``, ``mobile``, ``fixed_excl_box``) of the users' region.
    Data centre: ``data_gb × serving energy [Wh/GB] × PUE`` of electricity in the
    hosting region.

    Parameters
    ----------
    data_gb : float or array
        Data delivered [GB].
    network_shares : dict
        Share of the data per network type, summing to 1 (e.g. ``{"fixed": 0.8,
        "mobile": 0.2}``).
    """
    data_gb = np.asarray(data_gb, dtype=float)
    service, region, hosting_region = (np.broadcast_to(np.asarray(v, dtype=object), data_gb.shape)
                                       for v in (service, region, hosting_region))
    total_share = sum(network_shares.values())
    if not np.isclose(total_share, 1.0):
        raise ProjectError(f"network shares must sum to 1, got {total_share:g}",
                           path="network_mix", value=network_shares)
    frames = [rows(service=service, component=component_network, tier="networks", flow="data",
                   amount=data_gb * share, factor_code=f"network.{kind}", region=region)
              for kind, share in network_shares.items() if share > 0]
    wh_per_gb = parameter_vector(ctx.registry, serving_energy_code, "Wh/GB", hosting_region)
    pue = parameter_vector(ctx.registry, pue_code, "dimensionless", hosting_region)
    kwh = data_gb * wh_per_gb / 1000.0 * pue
    frames.append(rows(service=service, component=component_dc, tier="data_centres",
                       flow="electricity", amount=kwh, factor_code="electricity",
                       region=hosting_region, electricity_kwh=kwh))
    return concat(frames)
