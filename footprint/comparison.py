"""Compare a project's scenarios with its baseline: totals, deltas and their uncertainty.

The baseline and every scenario are assessed, then sampled with the same draws of every
factor and parameter (common random numbers, :mod:`footprint.uncertainty`): each delta
has a distribution of its own, and P(scenario < baseline) is the share of draws in which
the scenario is lower. Model conventions (device allocation by use time or calendar
time; per-GB or power-model networks) are not uncertainties: their effect is reported
beside the statistical range, in :attr:`Comparison.conventions`, never drawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .schema.base import INDICATORS
from .units import INDICATOR_UNITS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["compare", "Comparison", "LEVELS"]

#: Breakdowns compared besides the total.
LEVELS = ("stage", "tier", "service")
_OTHER_ALLOCATION = {"use_time": "calendar_time", "calendar_time": "use_time"}
_OTHER_NETWORK = {"per_gb": "per_time", "per_time": "per_gb"}


@dataclass(frozen=True)
class Comparison:
    """Scenarios against the baseline, as tidy (long) tables.

    Attributes
    ----------
    totals : DataFrame
        One row per scenario (``baseline`` first) × indicator: deterministic ``value``,
        Monte Carlo ``mean``, ``p5``, ``p50``, ``p95``, in ``unit``.
    deltas : DataFrame
        One row per scenario × indicator × level (``total``, ``stage``, ``tier``,
        ``service``) × group: ``baseline`` and ``value`` (deterministic), ``delta`` and
        ``delta_pct`` (scenario − baseline, % of baseline), the delta's percentiles
        ``delta_p5``, ``delta_p50``, ``delta_p95`` and ``p_lower`` = P(scenario < baseline)
        over the common draws.
    conventions : DataFrame
        Each project under the other convention of each model choice: ``convention``
        (``allocation``, ``network_model``), ``setting``, ``indicator``, ``value`` and
        ``delta`` against the baseline under the same setting — beside, not inside, the
        statistical range.
    draws, seed : int
        The Monte Carlo settings.
    """

    project: str
    scenarios: tuple[str, ...]
    totals: "pd.DataFrame"
    deltas: "pd.DataFrame"
    conventions: "pd.DataFrame"
    draws: int
    seed: int
    parameters: bool = True
    descriptions: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """JSON-ready: the tables as records, NaN as null."""
        from .assessment import _finite

        return _finite({"project": self.project, "scenarios": list(self.scenarios),
                        "descriptions": self.descriptions,
                        "monte_carlo": {"draws": self.draws, "seed": self.seed,
                                        "parameters_drawn": self.parameters,
                                        "percentiles": [5, 50, 95],
                                        "common_random_numbers": True},
                        "totals": self.totals.to_dict("records"),
                        "deltas": self.deltas.to_dict("records"),
                        "conventions": self.conventions.to_dict("records")})


def compare(project, *, draws: int = 1000, seed: int = 0, indicators=INDICATORS,
            factors=None, parameters: bool = True) -> Comparison:
    """Each scenario of ``project`` against its baseline, with common random numbers.

    Parameters
    ----------
    project : Project
        With ``scenarios`` (a project without any gives the baseline alone).
    draws : int
        Monte Carlo draws.
    seed : int
        Seed of the draws (same seed, same numbers).
    indicators : sequence of str
        Indicators compared.
    factors : FactorRegistry, optional
        The bundled datasets by default.
    parameters : bool
        Also draw the datasets' activity parameters (default), not only the factors.

    Returns
    -------
    Comparison
    """
    import pandas as pd

    from .engine import assess
    from .factors import default_registry
    from .scenarios import scenario_projects
    from .uncertainty import group_draws, prepare

    registry = factors if factors is not None else default_registry()
    indicators = tuple([indicators] if isinstance(indicators, str) else indicators)
    projects = scenario_projects(project)
    names = list(projects)
    assessments = [assess(p, registry) for p in projects.values()]
    prepared = prepare(list(projects.values()), draws=draws, seed=seed,
                       indicators=indicators, factors=registry, parameters=parameters)

    totals, deltas = [], []
    for level in ("total",) + LEVELS:
        grouped = group_draws(prepared, None if level == "total" else level)
        for ind in indicators:
            labels, arr = grouped[ind]
            det = _deterministic(assessments, level, ind, labels)
            for i, name in enumerate(names):
                if level == "total":
                    s = arr[i, :, 0]
                    totals.append({"scenario": name, "indicator": ind,
                                   "unit": INDICATOR_UNITS[ind], "value": det[i, 0],
                                   "mean": s.mean(), **_pct(s)})
                if i == 0:
                    continue
                diff = arr[i] - arr[0]
                for j, label in enumerate(labels):
                    d = diff[:, j]
                    base, val = det[0, j], det[i, j]
                    deltas.append({
                        "scenario": name, "indicator": ind, "unit": INDICATOR_UNITS[ind],
                        "level": level, "group": label, "baseline": base, "value": val,
                        "delta": val - base,
                        "delta_pct": 100.0 * (val - base) / base if base else np.nan,
                        **{f"delta_{k}": v for k, v in _pct(d).items()},
                        "p_lower": float(np.mean(d < 0)) if np.isfinite(d).all() else np.nan})
    return Comparison(project=project.name, scenarios=tuple(names),
                      totals=pd.DataFrame(totals), deltas=_frame(deltas),
                      conventions=_conventions(projects, assessments, indicators, registry),
                      draws=draws, seed=seed, parameters=parameters,
                      descriptions={s.name: s.description for s in project.scenarios})


def _pct(samples) -> dict:
    s = np.asarray(samples, dtype=float)
    if not np.isfinite(s).all():
        return {"p5": np.nan, "p50": np.nan, "p95": np.nan}
    p5, p50, p95 = np.percentile(s, [5, 50, 95])
    return {"p5": p5, "p50": p50, "p95": p95}


def _frame(records):
    import pandas as pd

    cols = ["scenario", "indicator", "unit", "level", "group", "baseline", "value", "delta",
            "delta_pct", "delta_p5", "delta_p50", "delta_p95", "p_lower"]
    return pd.DataFrame(records, columns=cols)


def _deterministic(assessments, level, indicator, labels) -> np.ndarray:
    """(projects, groups) deterministic sums, NaN where not covered, 0 where absent."""
    out = np.zeros((len(assessments), len(labels)))
    for i, a in enumerate(assessments):
        if level == "total":
            out[i, 0] = a.total(indicator).magnitude
            continue
        rows = a.table[a.table["indicator"] == indicator]
        summed = rows.groupby(rows[level].astype(str), sort=False)["impact"].sum(min_count=1)
        out[i] = summed.reindex(labels).fillna(0.0).to_numpy()
        covered = rows.groupby(rows[level].astype(str))["impact"].count().reindex(labels)
        present = rows.groupby(rows[level].astype(str)).size().reindex(labels)
        out[i, ((present > 0) & (covered == 0)).to_numpy()] = np.nan
    return out


def _conventions(projects, assessments, indicators, registry):
    """Every project under the other setting of each model convention, and its delta
    against the baseline under the same setting."""
    import pandas as pd

    from .engine import assess
    from .scenarios import apply_overrides

    records = []
    names = list(projects)
    variants = {}
    for name, p in projects.items():
        other = _OTHER_ALLOCATION[p.options.allocation]
        variants.setdefault(("allocation", other), {})[name] = assess(p, registry,
                                                                      allocation=other)
        paths = {f"services[{i}].network_model": _OTHER_NETWORK[s.network_model]
                 for i, s in enumerate(p.services) if hasattr(s, "network_model")}
        if paths:
            settings = ", ".join(sorted(set(paths.values())))
            variants.setdefault(("network_model", settings), {})[name] = assess(
                apply_overrides(p, paths), registry)
    for (convention, setting), by_name in variants.items():
        base = by_name.get(names[0])
        for name, a in by_name.items():
            chosen = assessments[names.index(name)]
            for ind in indicators:
                value = a.total(ind).magnitude
                ref = base.total(ind).magnitude if base is not None else np.nan
                records.append({"scenario": name, "convention": convention,
                                "setting": setting, "indicator": ind,
                                "unit": INDICATOR_UNITS[ind], "value": value,
                                "value_as_chosen": chosen.total(ind).magnitude,
                                "delta": value - ref if name != names[0] else np.nan})
    return pd.DataFrame(records, columns=["scenario", "convention", "setting", "indicator",
                                          "unit", "value", "value_as_chosen", "delta"])
