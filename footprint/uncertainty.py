"""Uncertainty by Monte Carlo: distributions of totals and breakdowns, with common random
numbers across projects.

Every factor row of the registry has a range (``low``, ``high``) around its value and a
``distribution`` (dataset column). The central value is taken as the **median** of the
input (see :func:`footprint.distributions.draw_values` for each shape): the result at
central values is then the median of any product of independent inputs, and the Monte
Carlo median of a total stays
close to the deterministic total (within 10 % on every bundled sample, tested), where a
triangle with the value as its mode put the median of a skewed range such as
``storage.hdd.embodied`` (0.2 – 1.9 – 9.9) at twice the value. Positive triangular ranges
are drawn in log space (a multiplicative uncertainty: a factor 2 above weighs as a factor
2 below), centred on the value with the range's width, and kept within the stated bounds.

Activity parameters of the datasets (``parameters.csv``: device lifetimes, daily use,
powers, PUE, Wh per GB…) are drawn the same way (see :mod:`footprint._parameter_draws`).

Draws are keyed, not positional: the random stream of a factor row is seeded by
``(seed, hash(code, region, stage, indicator))`` and that of a parameter by
``(seed, hash(code, region))``. Whatever projects are sampled together, and in whatever
order, a factor gets the same draws: the baseline and its scenarios share them (common
random numbers), so the distribution of a difference, and P(scenario < baseline), are
meaningful, and a baseline sampled twice gives the same numbers. Codes whose bounds are
the same physical alternatives share one stream (a dataset's ``shared_draws``: the
embodied emissions and the electricity of HDD storage both range from the drive alone to
a small-drive storage server), so they move together instead of averaging out.

Characterisation of all draws is one array operation: the amounts of the inventory
rows are summed per (factor row, group) once, and the draws matrix ``F`` (draws ×
factors) is multiplied by that matrix: ``totals = F @ A``.

References
----------
ISO 14044:2006 §4.4.5 (uncertainty analysis); Heijungs & Lenzen, *Error propagation
methods for LCA — a comparison*, Int J LCA 19 (2014) 1445-1461 (Monte Carlo with common
random numbers for comparative LCA).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .distributions import _uniforms, draw_values, stream_key
from .errors import ProjectError
from .schema.base import INDICATORS, STAGES, TIERS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["draw_values", "stream_key", "factor_draws", "sample_totals", "sample_breakdown",
           "summarise", "summary", "prepare", "group_draws", "PERCENTILES", "MAX_DRAWS"]

PERCENTILES = (5, 50, 95)
_ORDER = {"stage": STAGES, "tier": TIERS}
MAX_DRAWS = 1_000_000
#: Cells of a draws × columns block computed at once (memory bound: ~32 MB of floats).
CHUNK_CELLS = 4_000_000
#: Service copies (services × draws) whose rows are built at once with drawn parameters
#: (memory bound: ~300 MB for 100 services of the samples, whatever the draws).
CHUNK_SERVICE_DRAWS = 20_000


def _check_draws(draws, seed) -> None:
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or \
            not 1 <= draws <= MAX_DRAWS:
        raise ProjectError(f"draws must be a whole number from 1 to {MAX_DRAWS:,}",
                           path="draws", value=draws)
    if isinstance(seed, bool) or not isinstance(seed, int | np.integer) or seed < 0:
        raise ProjectError("seed must be a whole number ≥ 0", path="seed", value=seed)


def factor_draws(registry, factor_idx, draws: int = 1000, seed: int = 0) -> np.ndarray:
    """Draws of factor rows ``factor_idx`` of ``registry.factors``, in canonical units.

    Returns
    -------
    ndarray, shape (draws, len(factor_idx))
    """
    _check_draws(draws, seed)
    rows = registry.factors.iloc[np.asarray(factor_idx, dtype=int)]
    keys = [stream_key(registry, "factor", *k) for k in
            rows[["code", "region", "stage", "indicator"]].itertuples(index=False)]
    u = _uniforms(keys, draws, seed)
    return draw_values(rows["value_canonical"], rows["low_canonical"],
                       rows["high_canonical"], rows["distribution"], u)


def _tables(projects, registry, indicators):
    """Characterised rows of each project (Assessments are used as they are)."""
    from .engine import assess

    out = []
    for p in projects:
        a = p if hasattr(p, "table") else assess(p, registry)
        t = a.table
        out.append(t[t["indicator"].isin(indicators)])
    return out


def prepare(projects, *, draws: int, seed: int, indicators, factors=None,
            parameters: bool = True):
    """The characterised rows of every project, ready for :func:`group_draws`: with
    ``parameters``, one set of rows per draw (``draw`` column)."""
    from .factors import default_registry

    _check_draws(draws, seed)
    registry = factors if factors is not None else default_registry()
    indicators = tuple([indicators] if isinstance(indicators, str) else indicators)
    for ind in indicators:
        if ind not in INDICATORS:
            raise ProjectError(f"indicator {ind!r} is not one of {list(INDICATORS)}",
                               path="indicators", value=ind)
    if parameters:
        from ._parameter_draws import drawn_tables

        tables = drawn_tables(projects, registry, indicators, draws, seed)
    else:
        tables = _tables(projects, registry, indicators)
    return {"tables": tables, "registry": registry, "indicators": indicators,
            "draws": draws, "seed": seed, "parameters": parameters}


def group_draws(prepared, by=None) -> dict[str, tuple[list[str], np.ndarray]]:
    """Per indicator: labels of the groups of ``by`` and an array (projects, draws,
    groups) of the sums of the drawn impacts."""
    import pandas as pd

    by = [] if by is None else ([by] if isinstance(by, str) else list(by))
    tables, draws = prepared["tables"], prepared["draws"]
    out = {}
    for ind in prepared["indicators"]:
        rows = pd.concat([t[t["indicator"] == ind].assign(_p=i) for i, t in enumerate(tables)],
                         ignore_index=True)
        if by:
            cols = [rows[c].to_numpy(dtype=object) for c in by]
            g, uniq = pd.factorize(pd.MultiIndex.from_arrays(cols) if len(cols) > 1 else cols[0])
            labels = [" / ".join(map(str, u)) if isinstance(u, tuple) else str(u) for u in uniq]
            g = g.astype(np.int64)
            if len(by) == 1 and by[0] in _ORDER:  # stages and tiers in their usual order
                rank = {k: i for i, k in enumerate(_ORDER[by[0]])}
                perm = sorted(range(len(labels)), key=lambda i: rank.get(labels[i], len(rank)))
                where = np.empty(len(perm), dtype=np.int64)
                where[perm] = np.arange(len(perm))
                labels, g = [labels[i] for i in perm], where[g]
        else:
            labels, g = ["total"], np.zeros(len(rows), dtype=np.int64)
        out[ind] = (labels, _characterise_draws(
            rows, g, len(labels), len(tables), prepared["registry"], draws, prepared["seed"],
            "draw" if prepared["parameters"] else None,
            prepared.get("draw_range", (0, draws)), prepared.get("factor_cache")))
    return out


def _sample(projects, by, indicators, draws, seed, factors, parameters=True,
            chunk_service_draws: int | None = None):
    """Draws grouped by ``by``; with drawn parameters, in chunks of draws of at most
    ``chunk_service_draws`` (:data:`CHUNK_SERVICE_DRAWS`) service copies, each
    characterised, summed and dropped before the next: memory is bounded whatever the
    number of draws, and every draw is the same whatever the chunk size (parameter and
    factor streams are keyed and drawn whole, draws taken by their index)."""
    if not parameters:
        return group_draws(prepare(projects, draws=draws, seed=seed, indicators=indicators,
                                   factors=factors, parameters=False), by)
    from ._parameter_draws import DrawnRegistry, drawn_tables

    first = prepare(projects, draws=draws, seed=seed, indicators=indicators,
                    factors=factors, parameters=False)  # the checks, registry, indicators
    registry, indicators = first["registry"], first["indicators"]
    drawn = DrawnRegistry.wrap(registry, draws, seed)
    services = sum(len(getattr(p, "project", p).services) for p in projects)
    step = max(1, (chunk_service_draws or CHUNK_SERVICE_DRAWS) // max(1, services))
    parts, cache = [], {}
    for start in range(0, draws, step):
        stop = min(draws, start + step)
        tables = drawn_tables(projects, registry, indicators, draws, seed, drawn, start, stop)
        parts.append(group_draws({"tables": tables, "registry": registry,
                                  "indicators": indicators, "draws": draws, "seed": seed,
                                  "parameters": True, "draw_range": (start, stop),
                                  "factor_cache": cache}, by))
    return {ind: _join_chunks([part[ind] for part in parts], len(projects), draws)
            for ind in indicators}


def _join_chunks(chunks, n_projects: int, draws: int):
    """(labels, (projects, draws, groups)) from chunks of consecutive draws; a group
    missing from a chunk (no row in those draws) is 0 there."""
    labels = list(dict.fromkeys(label for chunk_labels, _ in chunks for label in chunk_labels))
    where = {label: j for j, label in enumerate(labels)}
    out = np.zeros((n_projects, draws, len(labels)))
    start = 0
    for chunk_labels, arr in chunks:
        out[:, start:start + arr.shape[1], [where[x] for x in chunk_labels]] = arr
        start += arr.shape[1]
    return labels, out


def _factor_columns(registry, used, draws: int, seed: int, cache: dict | None):
    """:func:`factor_draws` of ``used``, each column drawn once per ``cache`` (a dict kept
    across the chunks of one sample: a column depends only on its key and the seed)."""
    if cache is None:
        return factor_draws(registry, used, draws, seed)
    missing = [int(i) for i in used if int(i) not in cache]
    if missing:
        drawn = factor_draws(registry, np.asarray(missing, dtype=np.int64), draws, seed)
        cache.update({i: drawn[:, j] for j, i in enumerate(missing)})
    return np.stack([cache[int(i)] for i in used], axis=1)


def _characterise_draws(rows, g, n_groups, n_projects, registry, draws, seed, draw_col,
                        draw_range=None, factor_cache=None):
    """(projects, draws, groups) sums of amount × drawn factor; NaN where nothing covered.
    With ``draw_col``, the rows of draws ``draw_range`` (start, stop) only: their slice."""
    first, stop = draw_range if draw_range is not None else (0, draws)
    result = np.zeros((n_projects, stop - first, n_groups))
    covered_mask = rows["factor_idx"].to_numpy() >= 0 if len(rows) else np.zeros(0, bool)
    p = rows["_p"].to_numpy(dtype=np.int64) if len(rows) else np.zeros(0, np.int64)
    cell = p * n_groups + g
    covered = np.bincount(cell[covered_mask], minlength=n_projects * n_groups) > 0
    present = np.bincount(cell, minlength=n_projects * n_groups) > 0
    rows, cell = rows[covered_mask], cell[covered_mask]
    if len(rows):
        idx = rows["factor_idx"].to_numpy(dtype=np.int64)
        used, col = np.unique(idx, return_inverse=True)
        F = _factor_columns(registry, used, draws, seed, factor_cache)
        amount = rows["amount"].to_numpy(dtype=float)
        # a factor the assessment shifted (hourly electricity of scheduled services) keeps
        # its shift in every draw: draw + (factor used − dataset value)
        shift = rows["factor_value"].to_numpy(dtype=float) - \
            registry.factors["value_canonical"].to_numpy(dtype=float)[idx] \
            if "factor_value" in rows else np.zeros(len(rows))
        shift = np.where(np.isfinite(shift), shift, 0.0)
        n_cells = n_projects * n_groups
        if draw_col is None:
            # amounts summed per (factor, cell) once: totals = F @ A, chunked over draws
            A = np.zeros((len(used), n_cells))
            np.add.at(A, (col, cell), amount)
            step = max(1, CHUNK_CELLS // max(len(used), n_cells))
            flat = np.empty((draws, n_cells))
            for s in range(0, draws, step):
                flat[s:s + step] = F[s:s + step] @ A
            flat += np.bincount(cell, weights=amount * shift, minlength=n_cells)
        else:
            # amounts differ per draw (drawn parameters): one gather and one scatter-add
            d = rows[draw_col].to_numpy(dtype=np.int64)
            flat = np.bincount((d - first) * n_cells + cell,
                               weights=(F[d, col] + shift) * amount,
                               minlength=(stop - first) * n_cells).reshape(-1, n_cells)
        result = flat.reshape(-1, n_projects, n_groups).transpose(1, 0, 2).copy()
    # not covered: a cell whose rows all lack a factor is NaN; a cell with no row is 0
    nan_cells = (present & ~covered).reshape(n_projects, n_groups)
    result.transpose(0, 2, 1)[nan_cells] = np.nan
    return result


def sample_totals(projects, *, draws: int = 1000, seed: int = 0,
                  indicators=("climate_change",), factors=None,
                  parameters: bool = True) -> dict[str, np.ndarray]:
    """Monte Carlo draws of the totals of several projects, with common random numbers.

    Parameters
    ----------
    projects : sequence of Project (or Assessment)
        Typically a baseline and its variants.
    draws : int
        Number of draws N.
    seed : int
        Seed (≥ 0): the same seed gives the same draws.
    indicators : sequence of str
        Indicators to sample.
    factors : FactorRegistry, optional
        The bundled datasets by default.
    parameters : bool
        Also draw the datasets' activity parameters (lifetimes, powers…); with False only
        the factors vary (and Assessments may be passed).

    Returns
    -------
    dict of str to ndarray
        Per indicator, an array of shape (len(projects), draws) in the indicator's unit
        (``kgCO2e`` for climate change); NaN when a project has nothing covered.
    """
    sampled = _sample(list(projects), None, indicators, draws, seed, factors, parameters)
    return {ind: arr[:, :, 0] for ind, (_, arr) in sampled.items()}


def sample_breakdown(projects, by=("stage",), *, draws: int = 1000, seed: int = 0,
                     indicators=("climate_change",), factors=None,
                     parameters: bool = True) -> dict[str, tuple[list[str], np.ndarray]]:
    """Like :func:`sample_totals`, per group of ``by`` (``stage``, ``tier``, ``service``,
    or several joined by " / "): per indicator, the group labels and an array of shape
    (len(projects), draws, len(labels))."""
    return _sample(list(projects), by, indicators, draws, seed, factors, parameters)


def summarise(samples: np.ndarray, percentiles=PERCENTILES) -> "pd.DataFrame":
    """Mean and percentiles along the last axis (draws) of a 1-D or 2-D array."""
    import pandas as pd

    arr = np.atleast_2d(np.asarray(samples, dtype=float))
    data = {"mean": arr.mean(axis=-1)}
    for q in percentiles:
        data[f"p{q:g}"] = np.percentile(arr, q, axis=-1)
    return pd.DataFrame(data)


def summary(project, *, draws: int = 1000, seed: int = 0, indicators=INDICATORS,
            levels=("total", "stage", "tier", "service"), factors=None,
            parameters: bool = True) -> "pd.DataFrame":
    """Percentiles of a project's totals and breakdowns, as a long table.

    Returns
    -------
    DataFrame
        One row per indicator × level (``total``, ``stage``, ``tier``, ``service``) ×
        group: ``value`` (the result at the central values, as :func:`footprint.assess`
        gives it), ``mean``, ``p5``, ``p50``, ``p95`` of the draws, in ``unit``. NaN where
        not covered.
    """
    import pandas as pd

    from .comparison import _deterministic
    from .engine import assess
    from .units import INDICATOR_UNITS

    registry = factors
    indicators = tuple([indicators] if isinstance(indicators, str) else indicators)
    prepared = prepare([project], draws=draws, seed=seed, indicators=indicators,
                       factors=registry, parameters=parameters)
    a = assess(project, prepared["registry"])
    records = []
    for level in levels:
        grouped = group_draws(prepared, None if level == "total" else level)
        for ind in indicators:
            labels, arr = grouped[ind]
            det = _deterministic([a], level, ind, labels)[0]
            stats = summarise(arr[0].T)
            for j, label in enumerate(labels):
                records.append({"indicator": ind, "unit": INDICATOR_UNITS[ind],
                                "level": level, "group": label, "value": det[j],
                                **stats.iloc[j].to_dict()})
    return pd.DataFrame(records, columns=["indicator", "unit", "level", "group", "value",
                                          "mean", *(f"p{q}" for q in PERCENTILES)])
