"""The ``custom`` kind: a service given as components whose activities name an amount,
its unit and the code of the factors that characterise it.

An activity's unit decides what it means:

- an energy (``kWh``) with ``factor: electricity``;
- a data volume (``GB``) with a per-GB factor (``network.fixed``…); data over a network
  type (``network.fixed``, ``network.fixed_excl_box``, ``network.mobile``) go through
  :func:`footprint.networks.network_rows`, so every country's network is covered;
- a storage volume-time (``TB*year``) with a storage factor;
- a count of devices (``device``) with a ``device.<id>`` factor: that many whole devices
  (their manufacture, distribution and end of life);
- a time (``hour``) with a ``device.<id>`` factor: that much use of the device, whose
  embodied impacts are allocated by the project's allocation rule and whose use
  electricity is power × time (× ``dc.pue`` of its region in the ``data_centres`` tier,
  like every server of the other kinds), characterised with the electricity of its
  region.

Amounts are totals over the reporting period, as entered (not scaled by its length).
Without a region, an activity happens where its tier does: servers (``data_centres``) in
the hosting country, ``onsite`` equipment in the venue's, ``networks`` in the network
country (default the audience's), the rest in the audience's.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field, field_validator, model_validator

from ..errors import ProjectError, UnknownFactorError, UnitError
from ..inventory import concat, device_time, parameter_vector, rows
from ..networks import NETWORK_TYPES, network_rows
from ..schema.base import MAX_AMOUNT, Model, Region, ServiceBase, Tier
from ..units import FLOW_UNITS, check_unit, compact_unit, conversion_factor, split_quantity
from ._common import TOTAL, reporting_basis

KIND = "custom"


class Activity(Model):
    """One flow: an amount with its unit, characterised by the factors of ``factor``."""

    name: str = Field("", max_length=200)
    factor: str = Field(min_length=1, max_length=200,
                        description="Factor code, e.g. 'electricity', "
                        "'network.fixed', 'device.laptop' (see `footprint factors list`).")
    amount: float = Field(ge=0, le=MAX_AMOUNT, description="The amount, in `unit`. "
                          + TOTAL)
    unit: str = Field(min_length=1, description="Unit of the amount: kWh, GB, TB*year, "
                      "device, hour…")
    region: Region | None = Field(None, description="Where it happens, if not the "
                                  "component's or the project's.")

    @model_validator(mode="before")
    @classmethod
    def _split_amount(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("amount"), str):
            if data.get("unit"):
                raise ValueError("give the unit either in 'amount' ('12 kWh') or in 'unit', "
                                 "not both")
            try:
                number, unit = split_quantity(data["amount"])
            except UnitError as exc:
                raise ValueError(f"amount: {exc}") from None
            if unit is None:
                raise ValueError(f"amount {data['amount']!r} has no unit")
            data = {**data, "amount": number, "unit": compact_unit(unit)}
        return data

    @field_validator("unit")
    @classmethod
    def _unit_parses(cls, unit: str) -> str:
        try:
            return check_unit(unit)
        except UnitError as exc:
            raise ValueError(str(exc)) from None


class Component(Model):
    """A part of the service in one tier, with its activities."""

    name: str = Field(min_length=1, max_length=200)
    tier: Tier
    region: Region | None = None
    activities: list[Activity] = Field(min_length=1)


class Service(ServiceBase):
    """A service described directly by its components and activities."""

    kind: Literal["custom"] = "custom"
    components: list[Component] = Field(min_length=1)


def inventory(services, paths, ctx):
    """Rows for every activity of every custom service (vectorised by unit and flow)."""
    where = {"data_centres": ctx.hosting, "onsite": ctx.venue, "networks": ctx.network}
    flat = [(svc.name, comp.name, comp.tier, act.factor, act.amount, act.unit,
             act.region or comp.region or where.get(comp.tier, ctx.audience)(svc),
             f"{path}.components[{j}].activities[{k}]")
            for svc, path in zip(services, paths)
            for j, comp in enumerate(svc.components) for k, act in enumerate(comp.activities)]
    basis = reporting_basis(ctx, [s.name for s in services], per_year=False)
    if not flat:
        return concat([]), basis
    cols = list(zip(*flat))
    service, component, tier, factor, region, where = (np.array(cols[i], dtype=object)
                                                        for i in (0, 1, 2, 3, 6, 7))
    amount = np.array(cols[4], dtype=float)
    unit = np.array(cols[5], dtype=object)

    reg = ctx.registry
    flows = {}
    for code in dict.fromkeys(factor):
        try:
            flows[code] = reg.flow(code)
        except UnknownFactorError as exc:
            first = where[factor == code][0]
            raise ProjectError(str(exc), path=f"{first}.factor", value=code) from None
    flow = np.array([flows[c] for c in factor], dtype=object)

    frames = []
    for (u, f) in dict.fromkeys(zip(unit, flow)):
        sel = (unit == u) & (flow == f)
        if f == "device" and _is_time(u):
            hours = amount[sel] * conversion_factor(u, "hour")
            devices = np.array([c.removeprefix("device.") for c in factor[sel]])
            # a device used in a data centre draws its facility's overhead too (dc.pue of
            # its region), as the other kinds' servers do
            in_dc = tier[sel] == "data_centres"
            pue = np.ones(in_dc.shape)
            if in_dc.any():
                pue[in_dc] = parameter_vector(reg, "dc.pue", "dimensionless",
                                              region[sel][in_dc].astype(str))
            frames.append(device_time(ctx, service=service[sel], component=component[sel],
                                      tier=tier[sel], device=devices, hours=hours,
                                      region=region[sel], pue=pue))
            continue
        try:
            mult = conversion_factor(u, FLOW_UNITS[f])
        except UnitError:
            allowed = FLOW_UNITS[f] + (" or a time (hour)" if f == "device" else "")
            raise ProjectError(f"unit {u!r} does not fit factor {factor[sel][0]!r}, which "
                               f"characterises {f} (expects {allowed})",
                               path=f"{where[sel][0]}.unit", value=u) from None
        kwh = amount[sel] * mult if f == "electricity" else 0.0
        if f == "data":
            net = np.isin(factor[sel], [f"network.{t}" for t in NETWORK_TYPES])
            for code in dict.fromkeys(factor[sel][net]):
                one = sel.copy()
                one[sel] = factor[sel] == code
                frames.append(network_rows(ctx, service=service[one], component=component[one],
                                           data_gb=amount[one] * mult, region=region[one],
                                           network_type=code.removeprefix("network."),
                                           tier=tier[one]))
            sel = sel.copy()
            sel[sel] = ~net
            if not sel.any():
                continue
        frames.append(rows(service=service[sel], component=component[sel], tier=tier[sel],
                           flow=f, amount=amount[sel] * mult, factor_code=factor[sel],
                           region=region[sel], electricity_kwh=kwh))
    return concat(frames), basis


def _is_time(unit: str) -> bool:
    try:
        conversion_factor(unit, "hour")
    except UnitError:
        return False
    return True
