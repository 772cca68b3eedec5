"""The one orchestrator: project → inventory → characterisation → :class:`Assessment`."""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd

from .assessment import Assessment
from .characterise import characterise
from .coverage import warnings as coverage_warnings
from .errors import ProjectError, excerpt
from .factors.registry import recording_substitutions
from .inventory import QUANTITY_COLUMNS, Context, concat
from .units import FLOW_UNITS

__all__ = ["assess", "build_inventory", "inventory_of", "project_context"]


def project_context(project, registry, *, allocation: str | None = None,
                    grid_basis: str | None = None) -> Context:
    """The context kinds receive for a project's services: factors, allocation, grid
    basis, default countries and the reporting period."""
    period = project.reporting_period
    return Context(registry=registry, allocation=allocation or project.options.allocation,
                   audience_country=project.audience_country,
                   hosting_country=project.hosting_country,
                   venue_country=project.venue_country,
                   network_country=project.network_country,
                   grid_basis=grid_basis or project.options.grid_basis,
                   period_years=None if period is None else period.years)


#: Factors taken instead of the reference ones on the ``ember`` grid basis.
EMBER_ALTERNATIVES = {("electricity", "climate_change"): "electricity.ember"}
GRID_BASES = ("reference", "ember")


def build_inventory(project, registry, *, allocation: str | None = None,
                    grid_basis: str | None = None):
    """Inventory rows, intermediate quantities, context and notes of a project.

    Services are grouped by kind and each kind builds all its services in one call. The
    notes list parameters whose region had to be substituted (country → EU27 → world).
    """
    ctx = project_context(project, registry, allocation=allocation, grid_basis=grid_basis)
    paths = [f"services[{i}]" for i in range(len(project.services))]
    inventory, quantities, notes = inventory_of(project.services, paths, ctx)
    inventory.insert(0, "project", project.name)
    quantities.insert(0, "project", project.name)
    return inventory, quantities, ctx, notes


def inventory_of(services, paths, ctx):
    """Inventory and quantities of services that share a context, one call per kind
    (in the order each kind first appears), and the parameter substitutions noted."""
    from .archetypes import KINDS

    groups: dict[str, list] = defaultdict(list)
    for svc, path in zip(services, paths, strict=True):
        groups[svc.kind].append((svc, path))
    frames, qframes = [], []
    # overflow from extreme inputs is caught by _check_finite below, with the service named
    with recording_substitutions() as substitutions, np.errstate(all="ignore"):
        for kind, members in groups.items():
            kind_services, kind_paths = zip(*members)
            rows, quantities = KINDS[kind].inventory(list(kind_services), list(kind_paths),
                                                     ctx)
            frames.append(rows)
            qframes.append(quantities)
    inventory = concat(frames).to_pandas()
    _check_finite(inventory, services, paths)
    return (inventory, concat(qframes, QUANTITY_COLUMNS).to_pandas(),
            list(dict.fromkeys(substitutions)))


def _horizon_warnings(quantities) -> list[str]:
    """A campaign's figures cover its own years: say so, and say when the project's total
    adds them to services counted over other years (never silently)."""
    from .archetypes._common import BASIS_SOURCES

    if not (quantities["source"].to_numpy(dtype=object) == BASIS_SOURCES["horizon"]).any():
        return []  # no campaign on its own horizon (decided on arrays, not on tables)
    q = quantities[quantities["quantity"] == "reporting basis"].drop_duplicates("service")
    horizon = q[q["source"] == BASIS_SOURCES["horizon"]]
    others = q[q["source"] != BASIS_SOURCES["horizon"]]
    out = []
    for service, years in zip(horizon["service"], horizon["value"], strict=True):
        text = (f"{service!r} covers its own {years:g} years (capture once, storage and "
                f"viewing over the horizon): its figures are totals over those years, not "
                f"per year; Assessment.per_year() gives its yearly average")
        if len(others):
            text += (f"; the project total adds them to {len(others)} service(s) counted over "
                     f"{'the reporting period' if others['value'].notna().all() else 'other years'}")
        out.append(text)
    return out


def _service_path(project, name) -> str:
    return _path_of(project.services, [f"services[{i}]" for i in range(len(project.services))],
                    name)


def _path_of(services, paths, name) -> str:
    names = [s.name for s in services]
    return paths[names.index(name)] if name in names else "services"


def _check_finite(inventory, services, paths) -> None:
    """Flows must be finite and plausible: parameters within their bounds can still
    multiply into an absurd flow (10**12 views of a 24-hour film in 4K)."""
    from .schema.base import MAX_AMOUNT

    bad = np.zeros(len(inventory), dtype=bool)
    for column in ("amount", "amount_low", "amount_high"):
        bad |= ~(np.abs(inventory[column].to_numpy(dtype=float)) <= MAX_AMOUNT)  # NaN fails
    if bad.any():
        row = inventory[bad].iloc[0]
        unit = FLOW_UNITS.get(row["flow"], "")
        raise ProjectError(f"the figures of {excerpt(row['service'])} / "
                           f"{excerpt(row['component'])} are out of range: "
                           f"{float(row['amount']):.3g} {unit} of {row['flow']} (at most "
                           f"{MAX_AMOUNT:.0e} per flow); check the magnitudes entered",
                           path=_path_of(services, paths, row["service"]),
                           value=float(row["amount"]))


def _check_impacts(table, project) -> None:
    """No impact, and no total, may overflow: refused with the service named, never
    printed as inf (in JSON inf would read null, the same as *not covered*)."""
    impacts = [table[c].to_numpy(dtype=float) for c in ("impact", "impact_low", "impact_high")]
    bad = np.isinf(impacts[0]) | np.isinf(impacts[1]) | np.isinf(impacts[2])
    if not bad.any():
        indicator = pd.factorize(table["indicator"].to_numpy(dtype=object))[0]
        if all(np.isfinite(np.bincount(indicator, weights=np.where(np.isnan(v), 0.0, v)))
               .all() for v in impacts):
            return  # per-indicator totals, NaN (not covered) left out, all finite
        sums = table.groupby("indicator")[["impact", "impact_low", "impact_high"]].sum()
        if np.isfinite(sums.to_numpy(dtype=float)[~np.isnan(sums.to_numpy(dtype=float))]).all():
            return
        by_service = table.groupby("service")["impact_high"].sum()
        name = by_service.idxmax()
        raise ProjectError(f"the total overflows; the largest part is {excerpt(name)}: check "
                           f"the magnitudes entered", path=_service_path(project, name))
    row = table[bad].iloc[0]
    raise ProjectError(f"the impact of {excerpt(row['service'])} / "
                       f"{excerpt(row['component'])} overflows ({row['indicator']}); check "
                       f"the magnitudes entered", path=_service_path(project, row["service"]))


def assess(project, factors=None, *, allocation: str | None = None,
           grid_basis: str | None = None, hourly=None) -> Assessment:
    """Assess a project: its impacts per service, component, stage, tier and indicator.

    Parameters
    ----------
    project : Project
        A validated project (:func:`footprint.read_project`, :func:`footprint.parse_project`).
    factors : FactorRegistry, optional
        Factor datasets to use; the bundled ones by default.
    allocation : {"use_time", "calendar_time"}, optional
        Overrides the project's ``options.allocation`` for device manufacture.
    grid_basis : {"reference", "ember"}, optional
        Overrides the project's ``options.grid_basis``: ``ember`` puts every country's
        electricity (France's too) on Ember's generation mix and every network on the
        energy model.
    hourly : HourlySeries or list of them, optional
        Hourly intensity series for services with a ``schedule`` (see
        :mod:`footprint.hourly`); default: the series of the registry's datasets.

    Returns
    -------
    Assessment
    """
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    if grid_basis is not None and grid_basis not in GRID_BASES:
        raise ProjectError(f"grid_basis {grid_basis!r} is not one of {GRID_BASES}",
                           path="options.grid_basis", value=grid_basis)
    inventory, quantities, ctx, notes = build_inventory(project, registry, allocation=allocation,
                                                        grid_basis=grid_basis)
    notes = notes + _horizon_warnings(quantities)
    table, warnings = characterise(inventory, registry,
                                   alternatives=EMBER_ALTERNATIVES
                                   if ctx.grid_basis == "ember" else None, carry=("project",))
    _check_impacts(table, project)
    if any(getattr(s, "schedule", None) is not None for s in project.services):
        from .hourly import apply_schedules, series_from_registry

        series = series_from_registry(registry) if hourly is None else {
            s.region: s for s in ([hourly] if hasattr(hourly, "region") else hourly)}
        table, quantities, hourly_notes = apply_schedules(project, table, quantities, series)
        warnings = list(warnings) + hourly_notes
    used = sorted(d for d in table["dataset"].unique() if d)
    return Assessment(
        project=project, table=table, inventory=inventory, quantities=quantities,
        provenance=registry.provenance(used),
        warnings=tuple(dict.fromkeys(notes + warnings + coverage_warnings(table))),
        options={"allocation": ctx.allocation, "grid_basis": ctx.grid_basis,
                 "electricity": electricity_basis(table, registry),
                 "audience_country": ctx.audience_country,
                 "hosting_country": ctx.hosting_country,
                 "venue_country": ctx.venue_country or "audience country",
                 "network_country": ctx.network_country or "audience country",
                 "period_years": ctx.years,
                 "period": "reporting period" if ctx.period_years is not None else
                 "one year (no reporting period given)"})


def electricity_basis(table, registry) -> dict[str, str]:
    """What each region's electricity factor is: ``{region: "<basis> [<dataset>, <year>,
    <region used>]"}`` for the climate-change electricity rows of a result."""
    keep = ((table["flow"].to_numpy(dtype=object) == "electricity")
            & (table["indicator"].to_numpy(dtype=object) == "climate_change")
            & (table["factor_idx"].to_numpy() >= 0))
    regions = table["region"].to_numpy(dtype=object)[keep]
    _, first = np.unique(pd.factorize(regions)[0], return_index=True)
    out = {}
    for region, idx in zip(regions[first], table["factor_idx"].to_numpy()[keep][first],
                           strict=True):
        row = registry.factors.iloc[int(idx)]
        basis = registry.datasets[row["dataset"]].metadata.get("electricity_basis", "")
        used = "" if row["region"] == region else f", the {row['region']} value"
        out[region] = (f"{basis} [{row['dataset']}, {row['code']}, {int(row['year'])}{used}]"
                       .strip())
    return dict(sorted(out.items()))
