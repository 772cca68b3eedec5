"""Completeness of a result: how much of each total is covered, and what is missing.

Every activity (one inventory row) has a life cycle: the stages of its factor code
(electricity: use; an equipment, i.e. a code with a manufacturing factor: manufacturing,
distribution and end of life, plus use where its factors have one). The result table
holds one row per activity × stage × indicator; a row is *not covered* (NaN impact)
when no factor gives that stage for that indicator and no factor of the activity says
its value ``includes`` it (``stage_includes``: ADEME's per-GB network figure is the
network's whole non-use life cycle, booked under manufacturing). Never 0: zero only where
nothing happens (no hours watched).

- :func:`coverage` — one row per indicator × tier × stage of a tier that has activities:
  rows, rows not covered, covered impact and the cell's status: ``covered``,
  ``partial`` (some rows lack a factor), ``not covered`` (no row has one) or
  ``included`` (no row of its own: the figure of the stage ``included_in`` holds it);
- :func:`summary` — one row per indicator: rows, rows not covered, an estimate of the
  share of the impact missing, the status of the total and what is missing.

Status of a total (``docs/architecture.md``, "Coverage"):

- ``empty``: no activity at all (nothing happened: the total is 0, e.g. no hours watched);
- ``complete``: every row is covered (every stage of every activity);
- ``incomplete``: a part of the system is left out — a tier that has activities has no
  covered row at all, or its **manufacturing** or **use** stage is wholly not covered.
  These two stages carry nearly all of a tier's impact (ADEME–Arcep 2022: manufacture
  first, then use, together often about 100 %);
- ``partial``: anything else missing — some activities lack a factor while every tier's
  manufacturing and use are at least partly covered, or a tier's **distribution** or
  **end of life** is wholly not covered (ADEME's device end-of-life terms are 0.3–6 % of
  manufacture; data-centre distribution and end of life have no source: research
  dossier ``factors.md`` §10).

``missing`` names the tiers and the stages of a tier wholly not covered
(``tier networks; data_centres: distribution, end_of_life``), or else the factor codes lacking a value.
A warning is issued for every total that has a tier or a stage of a tier wholly not
covered (whether ``incomplete`` or ``partial``), naming them and the factors.

The share of the impact missing is estimated with climate change as the weight of each
activity (its climate-change impact over all stages): for water or primary energy it is
the share of the climate impact carried by the activities that lack every factor of that
indicator (an activity missing only a stage is counted as covered: the estimate is a
floor). For climate change itself the weight of an uncovered row is unknown, so the
estimate is NaN whenever a row is missing (and 0 when none is).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .schema.base import INDICATORS, STAGES, TIERS

__all__ = ["CELL_STATUSES", "STATUSES", "coverage", "summary", "warnings"]

STATUSES = ("complete", "partial", "incomplete", "empty")
CELL_STATUSES = ("covered", "partial", "not covered", "included")
#: Stages whose absence from a tier makes a total ``incomplete`` (the others: ``partial``).
MAJOR_STAGES = ("manufacturing", "use")
COVERAGE_COLUMNS = ("indicator", "tier", "stage", "rows", "rows_not_covered", "impact",
                    "impact_unit", "status", "included_in")


def _activity_missing(table: pd.DataFrame) -> pd.DataFrame:
    """One row per activity × indicator: its tier and whether any of its rows is covered."""
    covered = table["impact"].notna()
    return (table.assign(covered=covered)
            .groupby(["activity", "indicator"], sort=False)
            .agg(tier=("tier", "first"), covered=("covered", "any")).reset_index())


def _included_cells(rows: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """Cells with no row of their own whose stage a covered row of the tier includes."""
    inc = rows.loc[rows["impact"].notna() & (rows["stage_includes"].astype(str) != ""),
                   ["indicator", "tier", "stage", "stage_includes", "impact_unit"]]
    if inc.empty:
        return cells.iloc[0:0]
    inc = inc.astype(str).drop_duplicates()
    inc = inc.assign(included=inc["stage_includes"].str.split(";")).explode("included")
    inc = inc.drop_duplicates(["indicator", "tier", "included"])
    have = set(zip(cells["indicator"], cells["tier"], cells["stage"]))
    keep = [(i, t, s) not in have for i, t, s in
            zip(inc["indicator"], inc["tier"], inc["included"])]
    inc = inc[keep]
    return pd.DataFrame({"indicator": inc["indicator"], "tier": inc["tier"],
                         "stage": inc["included"], "rows": 0, "rows_not_covered": 0,
                         "impact": np.nan, "impact_unit": inc["impact_unit"],
                         "status": "included", "included_in": inc["stage"]})


def coverage(table: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """Covered and not-covered rows per indicator × tier × stage (cells of tiers with
    activities); a cell's status is one of :data:`CELL_STATUSES`."""
    rows = table if indicator is None else table[table["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("impact",) else object)
                             for c in COVERAGE_COLUMNS})
    g = rows.assign(missing=rows["impact"].isna()).groupby(
        ["indicator", "tier", "stage"], sort=False, observed=True)
    out = pd.DataFrame({"rows": g.size(), "rows_not_covered": g["missing"].sum().astype(int),
                        "impact": g["impact"].sum(min_count=1),
                        "impact_unit": g["impact_unit"].first()}).reset_index()
    for col in ("indicator", "tier", "stage", "impact_unit"):
        out[col] = out[col].astype(str)
    out["status"] = np.select([out["rows_not_covered"] == 0,
                               out["rows_not_covered"] == out["rows"]],
                              ["covered", "not covered"], "partial")
    out["included_in"] = ""
    if "stage_includes" in rows.columns:
        out = pd.concat([out, _included_cells(rows, out)], ignore_index=True)
    order = {"indicator": list(INDICATORS), "tier": list(TIERS), "stage": list(STAGES)}
    for col in ("stage", "tier", "indicator"):
        out[col] = pd.Categorical(out[col], categories=order[col]
                                  + sorted(set(out[col]) - set(order[col])))
    out = out.sort_values(["indicator", "tier", "stage"]).reset_index(drop=True)
    for col in ("indicator", "tier", "stage"):
        out[col] = out[col].astype(str)
    out["rows"] = out["rows"].astype(int)
    out["rows_not_covered"] = out["rows_not_covered"].astype(int)
    return out[list(COVERAGE_COLUMNS)]


def _gaps(cells: pd.DataFrame) -> tuple[list[str], bool]:
    """What of one indicator is wholly not covered: whole tiers (``tier networks``), then
    stages of the other tiers (``data_centres end_of_life``); and whether any of it makes
    the total incomplete (a whole tier, or a tier's manufacturing or use)."""
    counted = cells[cells["rows"] > 0]
    g = counted.groupby("tier", sort=False)[["rows", "rows_not_covered"]].sum()
    tiers = [t for t, r in g.iterrows() if r["rows_not_covered"] == r["rows"]]
    stages = counted[(counted["status"] == "not covered") & ~counted["tier"].isin(tiers)]
    parts = [f"tier {t}" for t in tiers] + [
        f"{t}: {', '.join(g)}" for t, g in stages.groupby("tier", sort=False)["stage"]]
    return parts, bool(tiers) or bool(stages["stage"].isin(MAJOR_STAGES).any())


def summary(table: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator: ``rows``, ``rows_not_covered``, ``share_not_covered``
    (estimate, see the module docstring), ``status`` and ``missing`` (the tiers and the
    stages of a tier wholly not covered, or else the factor codes lacking a value)."""
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
        parts, major = _gaps(c)
        status = "complete" if miss == 0 else ("incomplete" if major else "partial")
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


def _order(names: np.ndarray, known: tuple[str, ...]) -> np.ndarray:
    """Positions of ``names`` in the order of :func:`coverage`: the known ones first, then
    the others sorted."""
    others = sorted(set(names) - set(known))
    return np.argsort([known.index(t) if t in known else len(known) + others.index(t)
                       for t in names], kind="stable")


def warnings(table: pd.DataFrame) -> list[str]:
    """One warning per total with a tier, or a stage of a tier, wholly not covered
    (``incomplete`` or ``partial`` by :func:`summary`'s rule), naming them and the factors
    that are missing (counted with bincounts over indicator × tier × stage and activity ×
    indicator codes: no table per indicator)."""
    if table.empty:
        return []
    ind, ind_names = _codes(table["indicator"])
    tier, tier_names = _codes(table["tier"])
    stage, stage_names = _codes(table["stage"])
    n_ind, n_tier, n_stage = len(ind_names), len(tier_names), len(stage_names)
    impact = table["impact"].to_numpy(dtype=float)
    missing = np.isnan(impact)
    cell = (ind * n_tier + tier) * n_stage + stage
    shape, size = (n_ind, n_tier, n_stage), n_ind * n_tier * n_stage
    rows = np.bincount(cell, minlength=size).reshape(shape)
    lacking = np.bincount(cell[missing], minlength=size).reshape(shape)
    tier_rows, tier_lacking = rows.sum(axis=2), lacking.sum(axis=2)
    whole_tier = (tier_rows > 0) & (tier_lacking == tier_rows)
    whole_stage = (rows > 0) & (lacking == rows) & ~whole_tier[:, :, None]
    if not (whole_tier.any() or whole_stage.any()):
        return []
    tier_order, stage_order = _order(tier_names, TIERS), _order(stage_names, STAGES)
    major = np.isin(stage_names, MAJOR_STAGES)
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
        if i is None or not (whole_tier[i].any() or whole_stage[i].any()):
            continue
        tiers = [j for j in tier_order if whole_tier[i, j]]
        parts = [f"tier {tier_names[j]}" for j in tiers]
        sel = (ind == i) & missing & np.isin(tier, tiers)
        for j in tier_order:
            stages = [k for k in stage_order if whole_stage[i, j, k]]
            if stages:
                parts.append(f"{tier_names[j]}: {', '.join(stage_names[k] for k in stages)}")
                sel |= (ind == i) & missing & (tier == j) & np.isin(stage, stages)
        status = "incomplete" if tiers or whole_stage[i][:, major].any() else "partial"
        pairs = np.unique(code[sel] * len(region_names) + region[sel])
        where = ", ".join(sorted({f"{code_names[p // len(region_names)]} "
                                  f"[{region_names[p % len(region_names)]}]" for p in pairs}))
        w = weight[present[:, i]]
        lost = weight[present[:, i] & ~covered[:, i]].sum()
        share = np.nan if name == "climate_change" or w.sum() <= 0 else lost / w.sum()
        text = "" if not np.isfinite(share) else \
            f"; about {share:.0%} of the impact not covered (estimate)"
        out.append(f"{name} total is {status}: {'; '.join(parts)} not covered "
                   f"(no factor for {where}){text}")
    return out
