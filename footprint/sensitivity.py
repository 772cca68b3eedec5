"""Sensitivity: which inputs drive a project's result.

Inputs are the factor rows and the dataset parameters (lifetimes, powers, PUE…) that the
project uses and that have a range. Two views:

- **one at a time** (:func:`tornado`): each input at its low and at its high end, the
  others at their values; inputs ranked by the swing of the total (a tornado chart);
- **variance-based** (:func:`sobol_indices`, :func:`project_sobol`): Sobol first-order
  (S1) and total (ST) indices of the top inputs of the tornado, with SALib's Sobol'
  sequence sampler (``SALib.sample.sobol``) and estimator (``SALib.analyze.sobol``),
  each input drawn from its own distribution, the others fixed at their values.

Every design (the 2k + 1 one-at-a-time points, the N(2k + 2) Sobol points) is evaluated
in one pass: the points ride the services axis like Monte Carlo draws
(:mod:`footprint._parameter_draws`), and the factors of each point are a row of a matrix.

References
----------
Saltelli et al., *Global Sensitivity Analysis. The Primer*, Wiley 2008 (ch. 4);
Herman & Usher, *SALib: an open-source Python library for sensitivity analysis*, JOSS 2017;
Ishigami & Homma, 1990 (the test function with known indices).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .errors import FootprintError, ProjectError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["inputs", "evaluate", "tornado", "sobol_indices", "project_sobol"]


def inputs(project, *, indicator: str = "climate_change", factors=None) -> "pd.DataFrame":
    """The uncertain inputs of a project: one row per factor row and per dataset parameter
    with a range, with ``kind`` (factor/parameter), ``key``, ``label``, ``value``, ``low``,
    ``high`` and ``distribution`` (in the factor's canonical or the parameter's own unit)."""
    import pandas as pd

    from ._parameter_draws import DrawnRegistry, drawn_tables
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    probe = DrawnRegistry.wrap(registry, 1, 0, values={})
    table = drawn_tables([project], registry, (indicator,), 1, 0, drawn=probe)[0]
    used = np.unique(table.loc[table["factor_idx"] >= 0, "factor_idx"].to_numpy())
    f = registry.factors.iloc[used]
    records = [{"kind": "factor", "key": int(i),
                "label": f"{r.code} [{r.region}] {r.stage}", "code": r.code,
                "region": r.region, "stage": r.stage, "value": r.value_canonical,
                "low": r.low_canonical, "high": r.high_canonical,
                "distribution": r.distribution, "unit": r.unit_canonical}
               for i, r in zip(used, f.itertuples(index=False))]
    for key, row in probe._rows.items():
        name = row.name
        records.append({"kind": "parameter", "key": name, "label": f"{name[0]} [{name[1]}]",
                        "code": name[0], "region": name[1], "stage": "",
                        "value": float(row["value"]), "low": float(row["low"]),
                        "high": float(row["high"]), "distribution": row["distribution"],
                        "unit": row["unit"]})
    out = pd.DataFrame(records, columns=["kind", "key", "label", "code", "region", "stage",
                                         "value", "low", "high", "distribution", "unit"])
    out = out[out["high"] > out["low"]].drop_duplicates("label")
    return out.reset_index(drop=True)


def evaluate(project, points: dict, n: int, *, indicator: str = "climate_change",
             factors=None) -> np.ndarray:
    """Totals of ``project`` at ``n`` points, each giving values to some inputs.

    Parameters
    ----------
    points : mapping
        Input key → array of ``n`` values: an int key is a factor row (canonical unit), a
        (code, region) key a dataset parameter (its own unit). Inputs not named keep
        their value.
    n : int
        Number of points.

    Returns
    -------
    ndarray, shape (n,)
        The total of the indicator at each point; NaN when nothing is covered.
    """
    from ._parameter_draws import DrawnRegistry, drawn_tables
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    params = {k: np.asarray(v, dtype=float) for k, v in points.items() if isinstance(k, tuple)}
    drawn = DrawnRegistry.wrap(registry, n, 0, values=params)
    table = drawn_tables([project], registry, (indicator,), n, 0, drawn=drawn)[0]
    table = table[table["factor_idx"] >= 0]
    if table.empty:
        return np.full(n, np.nan)
    used, col = np.unique(table["factor_idx"].to_numpy(dtype=np.int64), return_inverse=True)
    central = registry.factors["value_canonical"].to_numpy(dtype=float)[used]
    F = np.broadcast_to(central, (n, len(used))).copy()
    for j, idx in enumerate(used):
        if int(idx) in points:
            F[:, j] = np.asarray(points[int(idx)], dtype=float)
    d = table["draw"].to_numpy(dtype=np.int64)
    return np.bincount(d, weights=F[d, col] * table["amount"].to_numpy(dtype=float),
                       minlength=n)


def tornado(project, *, indicator: str = "climate_change", factors=None) -> "pd.DataFrame":
    """One-at-a-time sensitivity: the total with each input at its low and high end.

    Returns
    -------
    DataFrame
        One row per input, largest swing first: ``label``, ``kind``, ``low``, ``value``,
        ``high``, ``total_low``, ``total_high``, ``swing`` (|total_high − total_low|) and
        ``swing_pct`` (% of the total at central values).
    """
    table = inputs(project, indicator=indicator, factors=factors)
    k = len(table)
    n = 2 * k + 1
    points = {}
    for j, row in enumerate(table.itertuples(index=False)):
        v = np.full(n, row.value)
        v[1 + 2 * j], v[2 + 2 * j] = row.low, row.high
        points[row.key] = v
    totals = evaluate(project, points, n, indicator=indicator, factors=factors)
    out = table.drop(columns=["key"]).copy()
    out["total_low"] = totals[1::2][:k]
    out["total_high"] = totals[2::2][:k]
    out["swing"] = (out["total_high"] - out["total_low"]).abs()
    out["swing_pct"] = 100.0 * out["swing"] / totals[0] if totals[0] else np.nan
    out = out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs["total"] = float(totals[0])
    return out


def _salib():
    try:
        from SALib.analyze import sobol as analyze
        from SALib.sample import sobol as sample
    except ImportError:  # pragma: no cover - SALib is a declared dependency
        raise FootprintError("Sobol indices need SALib: pip install 'footprint[uncertainty]'"
                             ) from None
    return sample, analyze


def sobol_indices(func, names, lows, highs, *, distributions=None, modes=None,
                  n: int = 1024, seed: int = 0) -> "pd.DataFrame":
    """Sobol indices of ``func`` over independent inputs.

    Parameters
    ----------
    func : callable
        Maps an array (points, inputs) of input values to an array (points,).
    names, lows, highs : sequences
        Input names and ranges.
    distributions, modes : sequences, optional
        ``uniform`` (default), ``triangular`` (with its mode) or ``lognormal`` (mode =
        median) per input: the unit-cube sample of SALib is mapped through each input's
        inverse CDF (:func:`footprint.distributions.draw_values`).
    n : int
        Base sample size, a power of 2 (SALib evaluates n × (2k + 2) points).
    seed : int
        Seed of the scrambled Sobol' sequence.

    Returns
    -------
    DataFrame
        ``input``, ``S1``, ``S1_conf``, ``ST``, ``ST_conf`` (95 % bootstrap intervals).
    """
    import pandas as pd

    from .distributions import draw_values

    if n < 2 or n & (n - 1):
        raise ProjectError("the Sobol base sample size must be a power of 2 (e.g. 512, 1024)",
                           path="n", value=n)
    sample, analyze = _salib()
    k = len(names)
    problem = {"num_vars": k, "names": list(names), "bounds": [[0.0, 1.0]] * k}
    u = sample.sample(problem, n, calc_second_order=False, seed=seed)
    u = np.clip(u, 1e-12, 1 - 1e-12)
    lows, highs = np.asarray(lows, dtype=float), np.asarray(highs, dtype=float)
    dist = np.asarray(distributions if distributions is not None else ["uniform"] * k)
    mode = np.asarray(modes if modes is not None else (lows + highs) / 2, dtype=float)
    x = draw_values(mode, lows, highs, dist, u)
    y = np.asarray(func(x), dtype=float)
    res = analyze.analyze(problem, y, calc_second_order=False, seed=seed)
    return pd.DataFrame({"input": list(names), "S1": res["S1"], "S1_conf": res["S1_conf"],
                         "ST": res["ST"], "ST_conf": res["ST_conf"]})


def project_sobol(project, *, top: int = 8, n: int = 256, seed: int = 0,
                  indicator: str = "climate_change", factors=None,
                  ranking: "pd.DataFrame | None" = None) -> "pd.DataFrame":
    """Sobol indices of the ``top`` inputs of the tornado ranking (the others at their
    values), each drawn from its own distribution: columns of :func:`sobol_indices`
    plus ``kind``."""
    ranking = tornado(project, indicator=indicator, factors=factors) if ranking is None \
        else ranking
    chosen = ranking.head(top)
    keys = list(inputs(project, indicator=indicator, factors=factors)
                .set_index("label").loc[chosen["label"], "key"])

    def func(x):
        return evaluate(project, {key: x[:, j] for j, key in enumerate(keys)}, len(x),
                        indicator=indicator, factors=factors)

    out = sobol_indices(func, chosen["label"], chosen["low"], chosen["high"],
                        distributions=chosen["distribution"], modes=chosen["value"], n=n,
                        seed=seed)
    out.insert(1, "kind", chosen["kind"].to_numpy())
    return out
