"""Portfolios: many projects assessed in one vectorised pass.

A ministry's or an operator's inventory is hundreds of projects and thousands of
services. :func:`assess_many` gives the same tables as one :func:`footprint.assess` per
project, concatenated in project order, but builds them the way the engine was built to
scale: projects that share a context (allocation, default countries, reporting period)
are pooled, each kind builds the rows of all their services in one call, and the pooled
inventory is characterised once. A project whose assessment fails (an unknown factor code,
figures that overflow) is left out and named in :attr:`PortfolioAssessment.left_out`; the
others are still assessed.

Reading a portfolio (a directory of project files, or one CSV/Parquet table with one
service per row) is :mod:`footprint.portfolio_files`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .assessment import Assessment
from .errors import FootprintError

__all__ = ["assess_many", "assess_many_dask", "Portfolio", "PortfolioAssessment", "LEFT_OUT_COLUMNS"]

#: Columns of :attr:`PortfolioAssessment.left_out`: where (file and line, or project
#: index), which project, and why.
LEFT_OUT_COLUMNS = ("source", "location", "project", "message")


@dataclass(frozen=True)
class Portfolio:
    """What an assessment of many projects stands for (its ``project`` attribute)."""

    name: str = "portfolio"
    projects: tuple = ()
    organisation: str = ""
    functional_unit: Any = None

    @property
    def services(self) -> list:
        return [s for p in self.projects for s in p.services]


@dataclass(frozen=True)
class PortfolioAssessment(Assessment):
    """An :class:`~footprint.Assessment` of many projects, plus totals per project, kind,
    institution and country.

    Attributes
    ----------
    services : DataFrame
        One row per service assessed: ``project``, ``project_index`` (position in the
        sequence given; the ``project_index`` column of ``table`` too), ``service``, ``kind``,
        ``organisation`` (the institution) and ``country`` (the service's audience).
    left_out : DataFrame
        Projects or rows not assessed, with where they are and why
        (:data:`LEFT_OUT_COLUMNS`).
    """

    services: pd.DataFrame = field(default_factory=pd.DataFrame)
    left_out: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(LEFT_OUT_COLUMNS)))

    def by(self, column: str, indicator: str = "climate_change") -> pd.Series:
        """Totals per ``project``, ``kind``, ``organisation`` or ``country`` (NaN where
        nothing of the group is covered, never a silent 0)."""
        if column not in ("project", "kind", "organisation", "country"):
            from .errors import ProjectError

            raise ProjectError(f"{column!r} is not one of project, kind, organisation, "
                               "country", path="by", value=column)
        from .units import INDICATOR_UNITS

        rows = self._rows(indicator)
        if column == "project":
            group = rows["project"].to_numpy(dtype=object)
        else:
            keys = self.services.set_index(["project_index", "service"])[column]
            group = np.asarray(pd.MultiIndex.from_arrays(
                [rows["project_index"], rows["service"]]).map(keys), dtype=object)
        out = rows["impact"].groupby(group, sort=False).sum(min_count=1)
        return out.rename_axis(column).rename(f"{indicator}_{INDICATOR_UNITS[indicator]}")

    def by_project(self, indicator: str = "climate_change") -> pd.Series:
        return self.by("project", indicator)

    def by_kind(self, indicator: str = "climate_change") -> pd.Series:
        return self.by("kind", indicator)

    def by_institution(self, indicator: str = "climate_change") -> pd.Series:
        return self.by("organisation", indicator)

    def by_country(self, indicator: str = "climate_change") -> pd.Series:
        return self.by("country", indicator)


def _signature(project, allocation, grid_basis):
    """Projects pool when kinds see the same context: allocation, grid basis and reporting
    period (countries travel with each service, see
    :meth:`Context.with_project_defaults`)."""
    period = project.reporting_period
    return (allocation or project.options.allocation, grid_basis or project.options.grid_basis,
            None if period is None else period.years)


def _pooled(projects, indices, registry, allocation, grid_basis):
    """The services of several projects renamed ``name (projects[i])`` (unique across the
    portfolio), their paths, and a context where each falls back on its project's
    countries."""
    from .engine import project_context

    services, paths, defaults = [], [], {}
    for pi in indices:
        for si, svc in enumerate(projects[pi].services):
            copy = _renamed(svc, f"{svc.name} (projects[{pi}])")
            services.append(copy)
            paths.append(f"projects[{pi}].services[{si}]")
            defaults[id(copy)] = projects[pi]
    ctx = project_context(projects[indices[0]], registry, allocation=allocation,
                          grid_basis=grid_basis)
    return services, paths, ctx.with_project_defaults(defaults)


def _renamed(service, name: str):
    """A shallow copy of a validated service under another name (what ``model_copy``
    does, without its generic copy machinery: a portfolio renames every service)."""
    copy = object.__new__(type(service))
    for attr in ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"):
        object.__setattr__(copy, attr, getattr(service, attr))
    object.__setattr__(copy, "__dict__", {**service.__dict__, "name": name})
    return copy


def _origins(projects, indices):
    """Pooled service name -> (project index, original name, rank of its kind in its own
    project: the order in which :func:`footprint.assess` builds a project's kinds)."""
    out = {}
    for pi in indices:
        kinds = list(dict.fromkeys(s.kind for s in projects[pi].services))
        for svc in projects[pi].services:
            out[f"{svc.name} (projects[{pi}])"] = (pi, svc.name, kinds.index(svc.kind))
    return out


def _restore(frame: pd.DataFrame, origins: dict, names: list) -> pd.DataFrame:
    """Rows back under their project and original service name, in the order of one
    :func:`footprint.assess` per project, concatenated (a stable sort by project, then
    by the rank of the kind within the project). Names become categoricals built from
    codes: no string is converted per row."""
    keys = pd.Index(list(origins))
    where = keys.get_indexer(frame["service"])
    info = list(origins.values())
    project_index = np.array([o[0] for o in info], dtype=np.int64)[where]
    kind_rank = np.array([o[2] for o in info], dtype=np.int64)[where]
    service_codes, service_names = pd.factorize(np.array([o[1] for o in info], dtype=object))
    project_codes, project_names = pd.factorize(np.asarray(names, dtype=object))
    frame = frame.drop(columns="project", errors="ignore").assign(
        service=pd.Categorical.from_codes(service_codes[where], categories=service_names))
    frame.insert(0, "project", pd.Categorical.from_codes(project_codes[project_index],
                                                         categories=project_names))
    frame.insert(1, "project_index", project_index)
    order = np.lexsort((kind_rank, project_index))  # last key first; stable
    return frame.iloc[order].reset_index(drop=True)


def assess_many(projects, factors=None, *, allocation: str | None = None,
                grid_basis: str | None = None, name: str = "portfolio", left_out=None,
                hourly=None) -> PortfolioAssessment:
    """Assess many projects in one vectorised pass.

    Parameters
    ----------
    projects : sequence of Project
        Validated projects (:func:`footprint.read_project`,
        :func:`footprint.read_portfolio`). Names may repeat; the ``project`` column then
        repeats too.
    factors : FactorRegistry, optional
        The bundled datasets by default.
    allocation : {"use_time", "calendar_time"}, optional
        Overrides every project's ``options.allocation``.
    grid_basis : {"reference", "ember"}, optional
        Overrides every project's ``options.grid_basis``.
    name : str
        Name of the portfolio in the result.
    left_out : DataFrame, optional
        Files or rows already left out while reading
        (:attr:`footprint.portfolio_files.PortfolioSource.left_out`), reported with the
        result.

    Returns
    -------
    PortfolioAssessment
        Its ``table``, ``inventory`` and ``quantities`` equal the concatenation, in project
        order, of one :func:`footprint.assess` per project.
    """
    from .engine import _horizon_warnings, inventory_of
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    projects = list(projects)
    names = [p.name for p in projects]
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, project in enumerate(projects):
        groups[_signature(project, allocation, grid_basis)].append(i)
    inventories, quantities, notes, contexts, origins = [], [], [], {}, {}
    left_out = [] if left_out is None else \
        list(left_out[list(LEFT_OUT_COLUMNS)].itertuples(index=False, name=None))
    for indices in groups.values():
        try:
            services, paths, ctx = _pooled(projects, indices, registry, allocation, grid_basis)
            inv, q, group_notes = inventory_of(services, paths, ctx)
        except FootprintError:
            # isolate the project(s) at fault; the others of the pool are still assessed
            indices = _assessable(projects, indices, registry, allocation, left_out)
            if not indices:
                continue
            services, paths, ctx = _pooled(projects, indices, registry, allocation, grid_basis)
            inv, q, group_notes = inventory_of(services, paths, ctx)
        inventories.append(inv)
        quantities.append(q)
        notes.extend(group_notes)
        notes.extend(_horizon_warnings(q))
        origins.update(_origins(projects, indices))
        contexts.update(dict.fromkeys(indices, ctx))
    assessed = sorted(contexts)
    if not assessed:
        raise FootprintError("no project of the portfolio could be assessed: "
                             + "; ".join(f"{r[1]}: {r[3]}" for r in left_out[:5]))
    inventory = _restore(pd.concat(inventories, ignore_index=True), origins, names)
    quantities = _restore(pd.concat(quantities, ignore_index=True), origins, names)
    table, warnings = _characterise(inventory, registry, contexts)
    table, quantities, hourly_notes = _schedules(projects, assessed, table, quantities,
                                                 registry, hourly)
    warnings = list(warnings) + hourly_notes
    services = pd.DataFrame(
        [(projects[pi].name, pi, s.name, s.kind, projects[pi].organisation,
          s.audience_country or projects[pi].audience_country)
         for pi in assessed for s in projects[pi].services],
        columns=["project", "project_index", "service", "kind", "organisation", "country"])
    used = sorted(d for d in table["dataset"].unique() if d)
    return PortfolioAssessment(
        project=Portfolio(name=name, projects=tuple(projects[pi] for pi in assessed)),
        table=table, inventory=inventory, quantities=quantities,
        provenance=registry.provenance(used), warnings=tuple(dict.fromkeys(notes + warnings)),
        options={"allocation": allocation or "each project's own", "projects": len(assessed),
                 "left_out": len(left_out)},
        services=services, left_out=pd.DataFrame(left_out, columns=list(LEFT_OUT_COLUMNS)))


def _characterise(inventory, registry, contexts):
    """One characterisation per grid basis in the portfolio (usually one); rows in project
    order, ``activity`` counted within each project as :func:`footprint.assess` does."""
    from .characterise import characterise
    from .engine import EMBER_ALTERNATIVES

    project_index = inventory["project_index"].to_numpy()
    grid_of = np.empty(max(contexts) + 1, dtype=object)
    for pi, ctx in contexts.items():
        grid_of[pi] = ctx.grid_basis
    basis = grid_of[project_index]
    inventory = inventory.assign(_row=np.arange(len(inventory)))
    parts, warnings = [], []
    for grid in dict.fromkeys(basis):
        table, notes = characterise(inventory[basis == grid], registry,
                                    alternatives=EMBER_ALTERNATIVES if grid == "ember" else None,
                                    carry=("project", "project_index", "_row"))
        parts.append(table)
        warnings.extend(notes)
    table = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    if len(parts) > 1:
        order = np.argsort(table["project_index"].to_numpy(), kind="stable")
        table = table.iloc[order].reset_index(drop=True)
    first_row = np.full(len(grid_of), 0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, project_index[1:] != project_index[:-1]])
    first_row[project_index[starts]] = starts
    if "activity" in table.columns:
        table["activity"] = (table["_row"].to_numpy()
                             - first_row[table["project_index"].to_numpy()])
    return table.drop(columns="_row"), list(dict.fromkeys(warnings))


def _assessable(projects, indices, registry, allocation, left_out) -> list[int]:
    """The projects of a pool whose inventory builds; the others go to ``left_out``."""
    from .engine import build_inventory

    good = []
    for pi in indices:
        try:
            build_inventory(projects[pi], registry, allocation=allocation)
        except FootprintError as exc:
            where = getattr(exc, "path", "") or ""
            left_out.append(("projects", f"projects[{pi}]" + (f".{where}" if where else ""),
                             projects[pi].name, str(exc)))
        else:
            good.append(pi)
    return good


def _schedules(projects, assessed, table, quantities, registry, hourly):
    """Electricity of scheduled services at their hours (:mod:`footprint.hourly`), project
    by project as :func:`footprint.assess` applies it; a no-op without schedules."""
    scheduled = [pi for pi in assessed
                 if any(getattr(s, "schedule", None) is not None for s in projects[pi].services)]
    if not scheduled:
        return table, quantities, []
    from .hourly import apply_schedules, series_from_registry

    series = series_from_registry(registry) if hourly is None else {
        s.region: s for s in ([hourly] if hasattr(hourly, "region") else hourly)}
    notes, parts = [], []
    for pi, q in quantities.groupby("project_index", sort=False):
        if pi in scheduled:
            sel = (table["project_index"] == pi).to_numpy()
            part, q, more = apply_schedules(projects[pi], table[sel], q, series)
            table.loc[sel, part.columns] = part
            q["project_index"] = pi
            notes.extend(more)
        parts.append(q)
    return table, pd.concat(parts, ignore_index=True), notes


def assess_many_dask(projects, factors=None, *, client=None, partitions: int | None = None,
                     allocation: str | None = None, name: str = "portfolio",
                     left_out=None, hourly=None) -> PortfolioAssessment:
    """:func:`assess_many` on a Dask cluster, partitioned by project.

    The projects are cut into ``partitions`` contiguous chunks (default: two per worker),
    each assessed by :func:`assess_many` on a worker, and the parts concatenated in
    project order: the tables equal those of the single-machine run.

    Parameters
    ----------
    client : distributed.Client, optional
        The cluster to use (any Dask cluster); without one, Dask's local process pool.
    partitions : int, optional
        How many chunks of projects.
    factors : FactorRegistry, optional
        Shipped to the workers when given; otherwise each worker loads the bundled datasets.

    Notes
    -----
    Worth it when a portfolio no longer fits one machine's memory: the local run of
    100,000 services peaks at about 2.5 GB (``benchmarks/bench_portfolio.py``).
    """
    import dask

    projects = list(projects)
    if not projects:
        return assess_many(projects, factors, allocation=allocation, name=name,
                           left_out=left_out, hourly=hourly)
    if partitions is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else 2
        partitions = 2 * max(workers, 1)
    partitions = max(1, min(partitions, len(projects)))
    bounds = np.linspace(0, len(projects), partitions + 1).astype(int)
    tasks = [dask.delayed(_assess_part)(projects[a:b], a, factors, allocation, hourly)
             for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a]
    parts = (client.compute(tasks, sync=True) if client is not None
             else dask.compute(*tasks, scheduler="processes"))
    return _combine(list(parts), projects, factors, name, left_out)


def _assess_part(projects, offset, factors, allocation, hourly):
    """One partition's assessment, with project indices and locations of the whole."""
    part = assess_many(projects, factors, allocation=allocation, hourly=hourly)
    for frame in (part.table, part.inventory, part.quantities, part.services):
        frame["project_index"] += offset
    part.left_out["location"] = part.left_out["location"].str.replace(
        r"^projects\[(\d+)\]", lambda m: f"projects[{int(m.group(1)) + offset}]", regex=True)
    return part


def _combine(parts, projects, factors, name, left_out) -> PortfolioAssessment:
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()

    def cat(attr):
        return pd.concat([getattr(p, attr) for p in parts], ignore_index=True)

    table = cat("table")
    assessed = [pi for p in parts for pi in p.services["project_index"].unique()]
    read = [] if left_out is None else [left_out[list(LEFT_OUT_COLUMNS)]]
    used = sorted(d for d in table["dataset"].unique() if d)
    warnings = [w for p in parts for w in p.warnings]
    return PortfolioAssessment(
        project=Portfolio(name=name, projects=tuple(projects[pi] for pi in sorted(assessed))),
        table=table, inventory=cat("inventory"), quantities=cat("quantities"),
        provenance=registry.provenance(used), warnings=tuple(dict.fromkeys(warnings)),
        options={**parts[0].options, "projects": len(assessed),
                 "left_out": sum(len(p.left_out) for p in parts) + sum(len(r) for r in read),
                 "partitions": len(parts)},
        services=cat("services"), left_out=pd.concat(read + [p.left_out for p in parts],
                                                    ignore_index=True))
