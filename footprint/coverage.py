"""Completeness of a result: how much of each total is covered, and what is missing.

An activity (one inventory row) is *not covered* for an indicator when none of its factor
rows has a value for that indicator (NaN impact). From the result table:

- :func:`coverage` — one row per indicator × tier × stage that has activities: how many
  rows, how many not covered, the covered impact, and the status of the cell;
- :func:`summary` — one row per indicator: rows, rows not covered, an estimate of the
  share of the impact missing, the status of the total and what is missing.

Status of a total:

- ``complete``: every activity has a factor for the indicator;
- ``partial``: some activities lack one, but every tier and every stage that has
  activities is at least partly covered;
- ``incomplete``: a whole tier that has activities is not covered (the total leaves out
  a part of the system: the networks, the data centres…). Stages are not used for this
  test: an activity with no factor for an indicator has no stages of its own (its rows
  carry the first stage of its code), so a stage cannot be said to be wholly missing;
- ``empty``: no activity at all (nothing happened: the total is 0, e.g. no hours watched).

The share of the impact missing is estimated with climate change as the weight of each
activity (its climate-change impact over all stages): for water or primary energy it is
the share of the climate impact carried by the activities that lack a water (primary
energy) factor. For climate change itself the weight of an uncovered activity is unknown,
so the estimate is NaN whenever one is missing (and 0 when none is).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .schema.base import INDICATORS, STAGES, TIERS

__all__ = ["STATUSES", "coverage", "summary", "warnings"]

STATUSES = ("complete", "partial", "incomplete", "empty")
COVERAGE_COLUMNS = ("indicator", "tier", "stage", "rows", "rows_not_covered", "impact",
                    "impact_unit", "status")


def _activity_missing(table: pd.DataFrame) -> pd.DataFrame:
    """One row per activity × indicator: its tier, stage(s) and whether it is covered."""
    covered = table["impact"].notna()
    return (table.assign(covered=covered)
            .groupby(["activity", "indicator"], sort=False)
            .agg(tier=("tier", "first"), covered=("covered", "any")).reset_index())


def coverage(table: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """Covered and not-covered rows per indicator × tier × stage (cells with activities).

    A cell's status is ``covered`` (all rows have a factor), ``partial`` or ``not covered``
    (no row has one).
    """
    rows = table if indicator is None else table[table["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("impact",) else object)
                             for c in COVERAGE_COLUMNS})
    g = rows.assign(missing=rows["impact"].isna()).groupby(
        ["indicator", "tier", "stage"], sort=False)
    out = pd.DataFrame({"rows": g.size(), "rows_not_covered": g["missing"].sum().astype(int),
                        "impact": g["impact"].sum(min_count=1),
                        "impact_unit": g["impact_unit"].first()}).reset_index()
    out["status"] = np.select([out["rows_not_covered"] == 0,
                               out["rows_not_covered"] == out["rows"]],
                              ["covered", "not covered"], "partial")
    order = {"indicator": list(INDICATORS), "tier": list(TIERS), "stage": list(STAGES)}
    for col in ("stage", "tier", "indicator"):
        out[col] = pd.Categorical(out[col], categories=order[col]
                                  + sorted(set(out[col]) - set(order[col])))
    out = out.sort_values(["indicator", "tier", "stage"]).reset_index(drop=True)
    for col in ("indicator", "tier", "stage"):
        out[col] = out[col].astype(str)
    return out[list(COVERAGE_COLUMNS)]


def _whole_parts_missing(cells: pd.DataFrame) -> list[str]:
    """Tiers of one indicator with activities and no covered row."""
    g = cells.groupby("tier", sort=False)[["rows", "rows_not_covered"]].sum()
    return [f"tier {name}" for name, r in g.iterrows()
            if r["rows"] > 0 and r["rows_not_covered"] == r["rows"]]


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: ``rows``, ``rows_not_covered``, ``share_not_covered``
    (estimate, see the module docstring), ``status`` and ``missing`` (the tiers and stages
    wholly uncovered, or else the factor codes lacking a value)."""
    cells = coverage(table)
    weights = (table[table["indicator"] == "climate_change"].groupby("activity")["impact"]
               .sum(min_count=1).fillna(0.0))
    acts = _activity_missing(table) if len(table) else None
    records = []
    for ind in INDICATORS:
        c = cells[cells["indicator"] == ind]
        n, miss = int(c["rows"].sum()), int(c["rows_not_covered"].sum())
        if n == 0:
            records.append((ind, 0, 0, 0.0, "empty", ""))
            continue
        parts = _whole_parts_missing(c)
        status = "complete" if miss == 0 else ("incomplete" if parts else "partial")
        share = 0.0
        if miss:
            a = acts[acts["indicator"] == ind]
            w = weights.reindex(a["activity"]).fillna(0.0).to_numpy()
            lost = w[~a["covered"].to_numpy()].sum()
            share = np.nan if ind == "climate_change" or w.sum() <= 0 else lost / w.sum()
        codes = sorted(set(table.loc[(table["indicator"] == ind) & table["impact"].isna(),
                                     "factor_code"]))
        missing = "; ".join(parts) if parts else ", ".join(codes)
        records.append((ind, n, miss, share, status, missing))
    return pd.DataFrame(records, columns=["indicator", "rows", "rows_not_covered",
                                          "share_not_covered", "status", "missing"])


def _codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of a column (a categorical's own, else factorised) and their values."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return (column.cat.codes.to_numpy().astype(np.int64),
                np.asarray(column.cat.categories, dtype=object))
    codes, uniques = pd.factorize(column.to_numpy(dtype=object))
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def warnings(table: pd.DataFrame) -> list[str]:
    """One warning per incomplete total, naming the tiers not covered and the factors that
    are missing (the statuses and estimates of :func:`summary`, counted with bincounts over
    indicator × tier and activity × indicator codes: no table per indicator)."""
    if table.empty:
        return []
    ind, ind_names = _codes(table["indicator"])
    tier, tier_names = _codes(table["tier"])
    n_ind, n_tier = len(ind_names), len(tier_names)
    impact = table["impact"].to_numpy(dtype=float)
    missing = np.isnan(impact)
    cell = ind * n_tier + tier
    rows = np.bincount(cell, minlength=n_ind * n_tier).reshape(n_ind, n_tier)
    lacking = np.bincount(cell[missing], minlength=n_ind * n_tier).reshape(n_ind, n_tier)
    wholly = (rows > 0) & (lacking == rows)  # tiers with rows and none covered
    if not wholly.any():
        return []
    # tiers in the order of coverage(): the known tiers first, then the others sorted
    others = sorted(set(tier_names) - set(TIERS))
    tier_order = np.argsort([TIERS.index(t) if t in TIERS else len(TIERS) + others.index(t)
                             for t in tier_names], kind="stable")
    act = table["activity"].to_numpy().astype(np.int64)
    n_act = int(act.max()) + 1
    position = {name: i for i, name in enumerate(ind_names)}
    cc = position.get("climate_change", -1)
    weighted = (ind == cc) & ~missing
    weight = np.bincount(act[weighted], weights=impact[weighted], minlength=n_act)
    pair = act * n_ind + ind
    present = np.bincount(pair, minlength=n_act * n_ind).reshape(n_act, n_ind) > 0
    covered = np.bincount(pair[~missing], minlength=n_act * n_ind).reshape(n_act, n_ind) > 0
    code, code_names = _codes(table["factor_code"])
    region, region_names = _codes(table["region"])
    out = []
    for name in INDICATORS:
        i = position.get(name)
        if i is None or not wholly[i].any():
            continue
        tiers = [j for j in tier_order if wholly[i, j]]
        parts = "; ".join(f"tier {tier_names[j]}" for j in tiers)
        sel = (ind == i) & missing & np.isin(tier, tiers)
        pairs = np.unique(code[sel] * len(region_names) + region[sel])
        where = ", ".join(sorted({f"{code_names[p // len(region_names)]} "
                                  f"[{region_names[p % len(region_names)]}]" for p in pairs}))
        w = weight[present[:, i]]
        lost = weight[present[:, i] & ~covered[:, i]].sum()
        share = np.nan if name == "climate_change" or w.sum() <= 0 else lost / w.sum()
        text = "" if not np.isfinite(share) else \
            f"; about {share:.0%} of the impact not covered (estimate)"
        out.append(f"{name} total is incomplete: {parts} not covered "
                   f"(no factor for {where}){text}")
    return out
