"""Monte Carlo percentiles per carbon-balance line (BEGES poste or GHG-Protocol line).

The draws are those of :mod:`footprint.uncertainty` (factors and activity parameters drawn
from their distributions, one array operation over the draws axis); each drawn row is sent
to its line by the same mapping as the central result (:func:`map_rows`), and the draws
are summed per line, per category and in total before taking percentiles — so the
interval of a subtotal is that of the sum, not the sum of intervals.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .mapping import map_rows
from .postes import BEGES_POSTES, GHG_LINES, INFO_LINE

__all__ = ["uncertainty_by_line"]

_KEYS = ["service", "component", "tier", "stage"]


def uncertainty_by_line(result, *, framework: str = "beges", draws: int = 1000,
                        seed: int = 0, factors=None, reporting=None) -> pd.DataFrame:
    """5th, 50th and 95th percentiles and mean per line id [kgCO2e], for
    :func:`beges_table` / :func:`ghg_table` (``uncertainty=``) and the exports.

    Parameters
    ----------
    result : Assessment
    framework : {"beges", "ghg"}
    draws, seed : int
        Monte Carlo draws and seed (the same seed gives the same numbers).
    factors : FactorRegistry, optional
        The registry the result was assessed with (the bundled datasets by default).

    Returns
    -------
    DataFrame
        Indexed by line id (postes, ``cat.N`` / ``scope3``, ``total``,
        ``info.audience_devices``, and ``all`` = total + information line, the
        assessment's whole total); columns ``mean``, ``p5``, ``p50``, ``p95``.
    """
    from .. import uncertainty as mc
    from ..errors import ProjectError

    if framework not in ("beges", "ghg"):
        raise ProjectError(f"framework {framework!r} is not 'beges' or 'ghg'",
                           path="framework", value=framework)
    rows = map_rows(result, reporting)
    lookup = rows.drop_duplicates(_KEYS).set_index(_KEYS)[framework]
    # purchased equipment counts whole for the GHG Protocol: the draws, drawn at the allocated
    # share, do not describe those lines, which keep their factor-range bounds
    skip = set()
    if framework == "ghg" and rows["ghg_purchase"].any():
        skip = set(rows.loc[rows["ghg_purchase"], "ghg"]) | {"scope3", "total", "all"}
    prepared = mc.prepare([result.project], draws=draws, seed=seed,
                          indicators=("climate_change",), factors=factors)
    tables = []
    for t in prepared["tables"]:
        index = pd.MultiIndex.from_frame(t[_KEYS].astype(object))
        line = lookup.reindex(index).to_numpy(dtype=object)
        tables.append(t.assign(_line=np.where(pd.isna(line), "6.1" if framework == "beges"
                                              else "3.1", line)))
    prepared = {**prepared, "tables": tables}
    labels, arr = mc.group_draws(prepared, by="_line")["climate_change"]
    samples = arr[0]                                   # (draws, lines)
    cols = {lab: samples[:, j] for j, lab in enumerate(labels)}
    if framework == "beges":
        groups = {f"cat.{c}": [p[0] for p in BEGES_POSTES if p[1] == c] for c in range(1, 7)}
        members = [p[0] for p in BEGES_POSTES]
    else:
        groups = {"scope3": [g[0] for g in GHG_LINES if g[1] == 3]}
        members = [g[0] for g in GHG_LINES]
    everything = members + [INFO_LINE[0]]
    for name, ids in list(groups.items()) + [("total", members), ("all", everything)]:
        present = [cols[i] for i in ids if i in cols]
        if present:
            stacked = np.column_stack(present)
            cols[name] = np.where(np.isnan(stacked).all(axis=1), np.nan,
                                  np.nansum(stacked, axis=1))
    out = {}
    for name, values in cols.items():
        if name == INFO_LINE[0] or name in members or name in groups or name in ("total", "all"):
            if name in skip:
                continue
            finite = values[np.isfinite(values)]
            if finite.size == 0:
                continue
            out[name] = {"mean": float(finite.mean()),
                         **{f"p{q}": float(np.percentile(finite, q)) for q in (5, 50, 95)}}
    return pd.DataFrame.from_dict(out, orient="index").rename_axis("line")
