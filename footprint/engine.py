"""The one orchestrator: project → inventory → characterisation → :class:`Assessment`."""

from __future__ import annotations

from collections import defaultdict

from .assessment import Assessment
from .characterise import characterise
from .factors.registry import recording_substitutions
from .inventory import QUANTITY_COLUMNS, Context, concat

__all__ = ["assess", "build_inventory"]


def build_inventory(project, registry, *, allocation: str | None = None):
    """Inventory rows, intermediate quantities, context and notes of a project.

    Services are grouped by kind and each kind builds all its services in one call. The
    notes list parameters whose region had to be substituted (country → EU27 → world).
    """
    from .archetypes import KINDS

    period = project.reporting_period
    ctx = Context(registry=registry, allocation=allocation or project.options.allocation,
                  audience_country=project.audience_country,
                  hosting_country=project.hosting_country,
                  venue_country=project.venue_country or project.audience_country,
                  period_years=None if period is None else period.days / 365.0)
    groups: dict[str, list] = defaultdict(list)
    for i, svc in enumerate(project.services):
        groups[svc.kind].append((svc, f"services[{i}]"))
    frames, qframes = [], []
    with recording_substitutions() as substitutions:
        for kind, members in groups.items():
            services, paths = zip(*members)
            rows, quantities = KINDS[kind].inventory(list(services), list(paths), ctx)
            frames.append(rows)
            qframes.append(quantities)
    inventory = concat(frames)
    inventory.insert(0, "project", project.name)
    quantities = concat(qframes, QUANTITY_COLUMNS)
    quantities.insert(0, "project", project.name)
    return inventory, quantities, ctx, list(dict.fromkeys(substitutions))


def assess(project, factors=None, *, allocation: str | None = None) -> Assessment:
    """Assess a project: its impacts per service, component, stage, tier and indicator.

    Parameters
    ----------
    project : Project
        A validated project (:func:`footprint.read_project`, :func:`footprint.parse_project`).
    factors : FactorRegistry, optional
        Factor datasets to use; the bundled ones by default.
    allocation : {"use_time", "calendar_time"}, optional
        Overrides the project's ``options.allocation`` for device manufacture.

    Returns
    -------
    Assessment
    """
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    inventory, quantities, ctx, notes = build_inventory(project, registry, allocation=allocation)
    table, warnings = characterise(inventory.drop(columns="project"), registry)
    table.insert(0, "project", project.name)
    used = sorted(d for d in table["dataset"].unique() if d)
    return Assessment(
        project=project, table=table, inventory=inventory, quantities=quantities,
        provenance=registry.provenance(used), warnings=tuple(dict.fromkeys(notes + warnings)),
        options={"allocation": ctx.allocation, "audience_country": ctx.audience_country,
                 "hosting_country": ctx.hosting_country, "venue_country": ctx.venue_country,
                 "period_years": ctx.years,
                 "period": "reporting period" if ctx.period_years is not None else
                 "one year (no reporting period given)"})
