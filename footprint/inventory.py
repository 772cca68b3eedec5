"""Inventory: the physical flows of a project, one row per activity.

Kinds (``footprint.archetypes``) describe services in their users' terms and turn them
into rows with the helpers below, which work on numpy arrays (one call per kind and per
kind of activity, never one Python call per row). Columns:

============== ==========================================================================
service        service name (unique in a project)
component      what inside the service produces the flow (``viewer devices``, ``CDN``…)
tier           ``user_devices``, ``networks``, ``data_centres`` or ``onsite``
flow           ``electricity`` [kWh], ``data`` [GB], ``device`` [share of one device],
               ``storage`` [TB·year], ``emissions`` [kgCO2e] (computed upstream) or
               ``service_time`` [h] (hours of a service, for per-hour factors)
amount         the flow, in the canonical unit of its flow (``FLOW_UNITS``)
amount_low,    range of the amount where an upstream model gives one (e.g. EcoLogits for
amount_high    closed models); equal to ``amount`` otherwise
factor_code    code of the factors that characterise it
region         where the flow happens (country code, ``EU27`` or ``GLO``)
electricity_kwh  final electricity of the activity [kWh] (0 for embodied shares)
basis          ``modelled`` (from parameters and factors) or ``measured`` (the ``measured``
               kind; ``measured (estimate)`` when the meter only had a power model)
============== ==========================================================================

A second table, *quantities*, holds the intermediate figures a user checks (GB moved,
device-hours, TB-years…) with the source of every default used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ._frames import Frame, concat_frames, frame_of
from .errors import ProjectError

if TYPE_CHECKING:  # pragma: no cover
    from .factors import FactorRegistry

__all__ = ["COLUMNS", "QUANTITY_COLUMNS", "Context", "rows", "device_time", "quantities",
           "concat", "device_share", "parameter_vector", "resolve", "transfer"]

COLUMNS = ("service", "component", "tier", "flow", "amount", "amount_low", "amount_high",
           "factor_code", "region", "electricity_kwh", "basis")
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
    #: The project's venue country; None: each service's audience country.
    venue_country: str | None = None
    #: Length of the project's reporting period [year] (days / 365), None without one.
    period_years: float | None = None
    #: The project's network country; None: each service's audience country.
    network_country: str | None = None
    #: ``reference`` (national reference factors where bundled: ADEME for France) or
    #: ``ember`` (Ember's generation mix for every country, networks on the model).
    grid_basis: str = "reference"

    def audience(self, service) -> str:
        """Where the service's users are (their devices and networks)."""
        return service.audience_country or self.audience_country

    def hosting(self, service) -> str:
        """Where the service's servers are."""
        return service.hosting_country or self.hosting_country

    def venue(self, service) -> str:
        """Where the venue's own equipment runs (on-site screens, cameras, headsets…)."""
        return service.venue_country or self.venue_country or self.audience(service)

    def network(self, service) -> str:
        """Where the service's data travel over networks (their electricity)."""
        return (getattr(service, "network_country", None) or self.network_country
                or self.audience(service))

    def with_project_defaults(self, defaults: dict) -> "Context":
        """A context for services pooled from several projects of the same allocation and
        period: ``defaults`` maps ``id(service)`` to its project, whose countries apply
        where the service gives none (see :func:`footprint.assess_many`)."""
        return _PooledContext(registry=self.registry, allocation=self.allocation,
                              audience_country=self.audience_country,
                              hosting_country=self.hosting_country,
                              venue_country=self.venue_country,
                              period_years=self.period_years,
                              network_country=self.network_country,
                              grid_basis=self.grid_basis, defaults=defaults)

    @property
    def years(self) -> float:
        """Multiplier of yearly parameters (``visits_per_year``, ``days_open_per_year``…):
        the reporting period in years, or 1 when the project gives no period."""
        return 1.0 if self.period_years is None else self.period_years


@dataclass(frozen=True)
class _PooledContext(Context):
    """Countries default to each service's own project (``defaults``: id → project)."""

    defaults: dict = None  # type: ignore[assignment]

    def audience(self, service) -> str:
        return service.audience_country or self.defaults[id(service)].audience_country

    def hosting(self, service) -> str:
        return service.hosting_country or self.defaults[id(service)].hosting_country

    def venue(self, service) -> str:
        return (service.venue_country or self.defaults[id(service)].venue_country
                or self.audience(service))

    def network(self, service) -> str:
        return (getattr(service, "network_country", None)
                or self.defaults[id(service)].network_country or self.audience(service))


def rows(**columns) -> Frame:
    """An inventory frame (:class:`~footprint._frames.Frame`, columns :data:`COLUMNS`) from
    columns given as scalars or equal-length arrays."""
    columns.setdefault("amount_low", columns.get("amount", 0.0))
    columns.setdefault("amount_high", columns.get("amount", 0.0))
    columns.setdefault("electricity_kwh", 0.0)
    columns.setdefault("basis", "modelled")
    return frame_of(COLUMNS, {c: columns.get(c, "") for c in COLUMNS})


def quantities(service, quantity, value, unit, source="") -> Frame:
    """A quantities frame (intermediate figures) from scalars or arrays."""
    return frame_of(QUANTITY_COLUMNS, dict(service=service, quantity=quantity, value=value,
                                           unit=unit, source=source))


def concat(frames, columns=COLUMNS) -> Frame:
    """Concatenate inventory (or quantity) frames, keeping the column order."""
    return concat_frames(frames, columns)


def parameter_vector(registry, codes, unit: str, regions) -> np.ndarray:
    """Parameter values for arrays of codes and regions, one look-up per distinct pair."""
    if hasattr(registry, "parameter_vector"):  # Monte Carlo draws: one array look-up
        return registry.parameter_vector(codes, unit, regions)
    codes, regions = np.broadcast_arrays(np.asarray(codes, dtype=str),
                                         np.asarray(regions, dtype=str))
    pairs = np.char.add(np.char.add(codes.ravel(), "|"), regions.ravel())
    uniq, inverse = np.unique(pairs, return_inverse=True)
    values = np.array([registry.parameter(k.split("|")[0], unit, region=k.split("|")[1])
                       for k in uniq], dtype=float)
    return values[inverse].reshape(codes.shape)


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
    if entered is None:
        values = np.full(codes.shape, np.nan)
    else:
        if isinstance(entered, list | tuple):
            entered = [np.nan if v is None else v for v in entered]
        values = np.broadcast_to(np.asarray(entered, dtype=float), codes.shape).copy()
    sources = np.full(codes.shape, "entered", dtype=object)
    missing = np.isnan(values)
    if missing.any():
        values[missing] = parameter_vector(registry, codes[missing].astype(str), unit,
                                           regions[missing].astype(str))
        # one label per distinct (code, region), spread back with numpy: no loop per row
        plain = getattr(registry, "plain_regions", None)  # Monte Carlo: without the draw
        at = plain(regions[missing]) if plain else regions[missing]
        pairs = np.char.add(np.char.add(codes[missing].astype(str), "|"), at.astype(str))
        uniq, inverse = np.unique(pairs, return_inverse=True)
        labels = []
        for pair in uniq:
            code, region = pair.split("|")
            row = registry.parameter_row(code, region)
            prefix = "estimate: " if row.get("quality") == "estimate" else ""
            used = row.name[1] if isinstance(row.name, tuple) else region
            labels.append(f"{prefix}{row.get('dataset', '')}: {code} [{used}]")
        sources[missing] = np.asarray(labels, dtype=object)[inverse.ravel()]
    return values, sources


def _device_parameters(registry, devices: np.ndarray, name: str, unit: str,
                       regions: np.ndarray) -> np.ndarray:
    """Vector of a per-device parameter (``device.<id>.<name>``)."""
    return parameter_vector(registry, np.char.add(np.char.add("device.", devices.astype(str)),
                                                  f".{name}"), unit, regions)


def device_share(registry, devices, hours, regions, allocation: str, *,
                 lifetime_years=None, daily_use_h=None) -> np.ndarray:
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
    lifetime_years, daily_use_h : array of float, optional
        Values entered by the user [year], [h/day]; NaN or None takes the device's
        ``lifetime`` and ``daily_use`` parameters.

    References
    ----------
    ADEME, ``publicodes-acv-numerique`` 2.1.0, rule ``construction réelle``;
    Boavizta API 2.5.0, ``Impact.allocate``.
    """
    if allocation not in ALLOCATIONS:
        raise ProjectError(f"allocation {allocation!r} is not one of {ALLOCATIONS}",
                           path="options.allocation", value=allocation)
    devices, hours, regions = np.broadcast_arrays(np.asarray(devices, dtype=str),
                                                  np.asarray(hours, dtype=float),
                                                  np.asarray(regions, dtype=str))
    life = _entered_or_default(registry, devices, "lifetime", "year", regions, lifetime_years)
    if allocation == "calendar_time":
        return hours / (life * HOURS_PER_YEAR)
    daily = _entered_or_default(registry, devices, "daily_use", "hour/day", regions, daily_use_h)
    return hours / (life * 365.0 * daily)


def _entered_or_default(registry, devices, name, unit, regions, entered) -> np.ndarray:
    """Entered values where given (not NaN), the device parameter elsewhere."""
    values = np.full(devices.shape, np.nan) if entered is None else \
        np.broadcast_to(np.asarray(entered, dtype=float), devices.shape).copy()
    missing = np.isnan(values)
    if missing.any():
        values[missing] = _device_parameters(registry, devices[missing], name, unit,
                                             regions[missing])
    return values


def device_time(ctx: Context, *, service, component, tier, device, hours, region,
                power_w=None, lifetime_years=None, daily_use_h=None, embodied: bool = True,
                use: bool = True, pue=1.0) -> Frame:
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
    lifetime_years, daily_use_h : float or array, optional
        Entered lifetime [year] and daily use [h/day] (see :func:`device_share`).
    embodied, use
        Which of the two rows to produce.
    pue : float or array
        Facility overhead on the use electricity [-]: ``dc.pue`` for servers in a data
        centre, 1 for devices elsewhere.
    """
    device, hours, region, service, component = np.broadcast_arrays(
        np.asarray(device, dtype=str), np.asarray(hours, dtype=float),
        np.asarray(region, dtype=str), np.asarray(service, dtype=object),
        np.asarray(component, dtype=object))
    frames = []
    if embodied:
        share = device_share(ctx.registry, device, hours, region, ctx.allocation,
                             lifetime_years=lifetime_years, daily_use_h=daily_use_h)
        frames.append(rows(service=service, component=component, tier=tier, flow="device",
                           amount=share, factor_code=np.char.add("device.", device),
                           region=region))
    if use:
        power = _entered_or_default(ctx.registry, device, "power", "W", region, power_w)
        kwh = power * hours / 1000.0 * np.broadcast_to(np.asarray(pue, dtype=float),
                                                       hours.shape)
        frames.append(rows(service=service, component=component, tier=tier, flow="electricity",
                           amount=kwh, factor_code="electricity", region=region,
                           electricity_kwh=kwh))
    return concat(frames)


def transfer(ctx: Context, *, service, data_gb, network_shares, region, hosting_region,
             serving_wh_per_gb=None, serving_energy_code: str = "dc.video.energy", pue=1.0,
             component_network: str = "network transfer",
             component_dc: str = "servers and CDN") -> Frame:
    """Rows for data served from a data centre to users over networks.

    Networks: ``data_gb × share`` per network type (``fixed``, ``mobile``,
    ``fixed_excl_box``) in ``region`` (the network's country), through
    :func:`footprint.networks.network_rows`: a published per-GB life-cycle factor where
    the region has its own, else electricity per GB × the region's grid plus a non-use
    share per GB. Data centre: ``data_gb × serving energy [Wh/GB] × pue`` of electricity in the
    hosting region.

    Parameters
    ----------
    data_gb : float or array
        Data delivered, per service [GB].
    network_shares : mapping of str to float or array
        Share of the data per network type; per service, the shares sum to 1.
    serving_wh_per_gb : float or array, optional
        Serving energy entered by the user [Wh/GB]; NaN or None takes the parameter
        ``serving_energy_code`` of the hosting region.
    pue : float or array
        Multiplier for facility overhead [-]. The default 1 suits serving-energy figures
        that already include the facility, as ``dc.video.energy`` (Netflix's whole
        electricity) does; pass ``dc.pue`` for IT-only figures.

    References
    ----------
    ADEME, ``publicodes-acv-numerique`` 2.1.0: ``transmission``, ``serveur`` rules.
    """
    data_gb = np.atleast_1d(np.asarray(data_gb, dtype=float))
    shape = data_gb.shape
    service, region, hosting_region = (np.broadcast_to(np.asarray(v, dtype=object), shape)
                                       for v in (service, region, hosting_region))
    shares = {k: np.broadcast_to(np.asarray(v, dtype=float), shape)
              for k, v in network_shares.items()}
    total = sum(shares.values())
    if not np.allclose(total, 1.0):
        bad = int(np.flatnonzero(~np.isclose(total, 1.0))[0])
        raise ProjectError(f"network shares of {service[bad]!r} sum to {total[bad]:g}, not 1",
                           path="network_mix", value={k: float(v[bad]) for k, v in shares.items()})
    from .networks import network_rows

    frames = [network_rows(ctx, service=service, component=component_network,
                           data_gb=data_gb * share, network_type=kind, region=region)
              for kind, share in shares.items()]
    wh_per_gb = np.full(shape, np.nan) if serving_wh_per_gb is None else \
        np.broadcast_to(np.asarray(serving_wh_per_gb, dtype=float), shape).copy()
    missing = np.isnan(wh_per_gb)
    if missing.any():
        wh_per_gb[missing] = parameter_vector(ctx.registry, serving_energy_code, "Wh/GB",
                                              hosting_region[missing])
    kwh = data_gb * wh_per_gb / 1000.0 * np.broadcast_to(np.asarray(pue, dtype=float), shape)
    keep = kwh > 0
    if keep.any():
        frames.append(rows(service=service[keep], component=component_dc, tier="data_centres",
                           flow="electricity", amount=kwh[keep], factor_code="electricity",
                           region=hosting_region[keep], electricity_kwh=kwh[keep]))
    return concat(frames)
