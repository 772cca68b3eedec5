"""Networks: the rows of data moved over fixed and mobile networks, in any country.

Two ways to characterise a GB moved over a network type ``<type>`` (``fixed`` with its
home box, ``fixed_excl_box``, ``mobile``):

- **published per-GB factor**: ``network.<type>`` has a life-cycle factor for the
  network's own region (ADEME's NegaOctet factors for France): one ``data`` row;
- **energy-intensity model** everywhere else: ``GB × network.<type>.use_energy``
  [kWh/GB] of electricity in the network's region (its grid, like every other kWh of the
  project) plus ``GB`` characterised by ``network.<type>.embodied`` (non-use life cycle
  per GB). The bundled figures are ADEME's own per-GB factors split into these two terms
  (dataset ``footprint-network-model-2026``), so that a country with France's grid gets
  France's factor and every other country its grid.

The published factor is used only for its exact region (never an EU-27 or world value
standing in for a country) and only on the project's ``reference`` grid basis; with
``grid_basis: ember`` every network follows the model, France included, so that all
countries are on the same basis.

The network's region is its own parameter (``network_country`` of a service or project),
by default the audience's country.

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0, ``transmission par défaut`` rules; Carbon
Trust, *Carbon impact of video streaming*, 2021.
"""

from __future__ import annotations

import numpy as np

from .errors import UnknownFactorError
from .inventory import concat, parameter_vector, rows

__all__ = ["NETWORK_TYPES", "network_rows", "uses_published_factor"]

#: Network types with per-GB factors (``network.<type>``).
NETWORK_TYPES = ("fixed", "fixed_excl_box", "mobile")


def uses_published_factor(ctx, network_type: str, region: str) -> bool:
    """Whether data over ``network_type`` in ``region`` take the published per-GB factor
    ``network.<type>`` (True) or the energy-intensity model (False).

    The model needs its parameter ``network.<type>.use_energy``; factor sets without it
    (small test sets) keep the per-GB code, which is *not covered* where it has no factor.
    """
    reg = ctx.registry
    try:
        reg.resolve_region(f"network.{network_type}.use_energy", region, parameter=True)
    except UnknownFactorError:
        return True  # factors without the model (test data): the per-GB code, or not covered
    if getattr(ctx, "grid_basis", "reference") != "reference":
        return False
    try:
        used = reg.resolve_region(f"network.{network_type}", region, indicator="climate_change")
    except UnknownFactorError:
        return False
    return used == region


def network_rows(ctx, *, service, component, data_gb, network_type: str, region,
                 tier: str = "networks"):
    """Inventory rows of ``data_gb`` moved over one network type.

    Parameters
    ----------
    ctx : Context
        Factors and the grid basis.
    service, component : str or array of str
        Names for the rows.
    data_gb : float or array
        Data moved [GB]; rows with no data are left out.
    network_type : str
        One of :data:`NETWORK_TYPES`.
    region : str or array of str
        Region of the network (its electricity).
    tier : str or array of str
        Tier of the rows (``networks``; a ``custom`` component may say otherwise).

    Returns
    -------
    DataFrame
        Per-GB ``data`` rows (published factor), or ``electricity`` rows with
        ``network.<type>.embodied`` ``data`` rows (model).
    """
    gb = np.atleast_1d(np.asarray(data_gb, dtype=float))
    service, component, region, tier = (np.broadcast_to(np.asarray(v, dtype=object), gb.shape)
                                        for v in (service, component, region, tier))
    keep = gb > 0
    if not keep.any():
        return concat([])
    gb, service, component, region, tier = (v[keep] for v in (gb, service, component, region,
                                                              tier))
    published = {r: uses_published_factor(ctx, network_type, r) for r in dict.fromkeys(region)}
    per_gb = np.array([published[r] for r in region], dtype=bool)
    frames = []
    if per_gb.any():
        frames.append(rows(service=service[per_gb], component=component[per_gb],
                           tier=tier[per_gb],
                           flow="data", amount=gb[per_gb],
                           factor_code=f"network.{network_type}", region=region[per_gb]))
    model = ~per_gb
    if model.any():
        kwh = gb[model] * parameter_vector(ctx.registry, f"network.{network_type}.use_energy",
                                           "kWh/GB", region[model].astype(str))
        frames.append(rows(service=service[model], component=component[model],
                           tier=tier[model], flow="electricity", amount=kwh, factor_code="electricity",
                           region=region[model], electricity_kwh=kwh))
        frames.append(rows(service=service[model], component=component[model],
                           tier=tier[model], flow="data", amount=gb[model],
                           factor_code=f"network.{network_type}.embodied",
                           region=region[model]))
    return concat(frames)
