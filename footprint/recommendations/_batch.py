"""Many variants of one project's services assessed in one pass.

Each rule edits one service. A kind builds every service's rows from that service's own
fields and the project's context (countries, period, allocation), so a variant differs
from the baseline only in the rows of the edited service: its total is the baseline's
total minus the old service's plus the new one's, and the saving is the old service's
total minus the new one's. Rather than assessing the whole project again for each rule,
the edited services (renamed so that names stay unique) join the baseline's services in
one project, assessed once; the Monte Carlo draws of that one project are shared by
every service in it, and are keyed by factor and parameter (see
:mod:`footprint.uncertainty`), so a separate call with the same seed draws the same
values (common random numbers). ``tests/test_recommendations.py`` checks that each
saving equals the difference of two full assessments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["ServiceTotals", "service_totals", "variant_name"]


def variant_name(name: str, k: int | str) -> str:
    """Name of the copy of service ``name`` edited by variant ``k`` (unique: ``#k``)."""
    return f"{name} #{k}"


@dataclass(frozen=True)
class ServiceTotals:
    """Totals per service of a project: ``value[name]`` an array (indicators,) and, with
    draws, ``draws[name]`` an array (indicators, draws)."""

    value: dict
    draws: dict | None


def service_totals(project, services, registry, indicators, *, draws=None, seed=0,
                   parameters=True, with_baseline=True) -> ServiceTotals:
    """Assess ``services`` (with the project's own services if ``with_baseline``) as one
    project with ``project``'s context; totals per service and indicator.

    Parameters
    ----------
    project : Project
        The baseline: its countries, period and options apply to every service.
    services : list of Service
        Edited services, named uniquely (:func:`variant_name`).
    draws : int or None
        Monte Carlo draws (``footprint.uncertainty.sample_breakdown`` by service).
    parameters : bool
        Draw the datasets' activity parameters too (else the factors only).
    """
    from ..engine import assess

    members = (list(project.services) if with_baseline else []) + list(services)
    if not members:
        return ServiceTotals({}, {} if draws else None)
    batch = project.model_copy(update={"services": members})
    result = assess(batch, registry)
    table = result.table[result.table["indicator"].isin(indicators)]
    summed = table.groupby(["service", "indicator"], sort=False)["impact"].sum(min_count=1)
    names = [s.name for s in members]
    value = {n: np.array([summed.get((n, ind), np.nan) for ind in indicators], dtype=float)
             for n in names}
    sampled = None
    if draws:
        from ..uncertainty import sample_breakdown

        out = sample_breakdown([batch if parameters else result], by="service", draws=draws,
                               seed=seed, indicators=indicators, factors=registry,
                               parameters=parameters)
        sampled = {}
        for n in names:
            rows = []
            for ind in indicators:
                labels, arr = out[ind]
                rows.append(arr[0, :, labels.index(n)] if n in labels else
                            np.full(draws, np.nan))
            sampled[n] = np.vstack(rows)
    return ServiceTotals(value, sampled)
