"""Characterisation: impacts = inventory amounts × factors, per stage and indicator.

Each inventory row is joined to the factors of its code in the region that applies
(country, else EU27, else world: every substitution is reported). A code with stages
(a device's manufacturing, distribution, end of life) yields one row per stage. Where
no factor exists for an indicator, the row is kept with NaN: *not covered*, never 0.

The join keeps ``factor_idx``, the row of the registry's factor table, so that Monte
Carlo can characterise the same inventory with a matrix of factor draws in one array
operation: ``impacts = draws[:, factor_idx] * amount``.

References
----------
ISO 14044:2006, §4.4 (life-cycle impact assessment: classification, characterisation).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .schema.base import INDICATORS
from .units import FLOW_UNITS, INDICATOR_UNITS

__all__ = ["characterise", "RESULT_COLUMNS"]

RESULT_COLUMNS = ("service", "component", "tier", "stage", "indicator", "flow", "amount",
                  "amount_unit", "factor_code", "region", "factor_region", "factor_value",
                  "factor_unit", "factor_quality", "dataset", "source_ref", "impact",
                  "impact_unit", "impact_low", "impact_high", "factor_idx")

_FACTOR_FIELDS = ["code", "region", "stage", "indicator", "value_canonical", "low_canonical",
                  "high_canonical", "unit_canonical", "quality", "dataset", "source_ref"]


def _resolve_keys(inventory: pd.DataFrame, registry) -> tuple[pd.DataFrame, list[str]]:
    keys = inventory[["factor_code", "region"]].drop_duplicates().reset_index(drop=True)
    resolved, warnings = [], []
    for code, region in keys.itertuples(index=False):  # one per distinct (code, region)
        used = registry.resolve_region(code, region)
        resolved.append(used)
        if used != region and registry.is_regional(code):
            warnings.append(f"{code}: no factor for region {region}; the {used} value is used")
    keys["factor_region"] = resolved
    return keys, warnings


def _complete(factors: pd.DataFrame, pairs: pd.DataFrame, indicators) -> pd.DataFrame:
    """Factor rows for every (code, region) × indicator; NaN where none exists."""
    sub = factors.reset_index(names="factor_idx").merge(
        pairs.rename(columns={"factor_code": "code", "factor_region": "region"}),
        on=["code", "region"])
    sub = sub[sub["indicator"].isin(indicators)]
    have = sub[["code", "region", "indicator"]].drop_duplicates()
    grid = pairs.rename(columns={"factor_code": "code", "factor_region": "region"}).merge(
        pd.DataFrame({"indicator": list(indicators)}), how="cross")
    missing = grid.merge(have, how="left", indicator=True).query("_merge == 'left_only'")
    if len(missing):
        first_stage = factors.groupby(["code", "region"])["stage"].first().rename("stage")
        missing = missing.drop(columns="_merge").join(first_stage, on=["code", "region"])
        missing = missing.assign(factor_idx=-1, value_canonical=np.nan, low_canonical=np.nan,
                                 high_canonical=np.nan, quality="", dataset="", source_ref="",
                                 unit_canonical="")
        sub = pd.concat([sub, missing], ignore_index=True)
    return sub[["factor_idx"] + _FACTOR_FIELDS]


def characterise(inventory: pd.DataFrame, registry,
                 indicators=INDICATORS) -> tuple[pd.DataFrame, list[str]]:
    """Impacts of an inventory, with trace columns.

    Parameters
    ----------
    inventory : DataFrame
        Rows as built by :mod:`footprint.inventory` (amounts in canonical flow units).
    registry : FactorRegistry
        Where factors are looked up.
    indicators : sequence of str
        Indicators to compute.

    Returns
    -------
    table : DataFrame
        One row per inventory row × stage × indicator (columns :data:`RESULT_COLUMNS`);
        ``impact`` in ``impact_unit`` (NaN where not covered).
    warnings : list of str
        Region substitutions.
    """
    if inventory.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in RESULT_COLUMNS}), []
    keys, warnings = _resolve_keys(inventory, registry)
    pairs = keys[["factor_code", "factor_region"]].drop_duplicates()
    factors = _complete(registry.factors, pairs, indicators)
    inv = inventory.merge(keys, on=["factor_code", "region"], how="left", sort=False)
    table = inv.merge(factors.rename(columns={"code": "factor_code", "region": "factor_region"}),
                      on=["factor_code", "factor_region"], how="inner", sort=False)
    amount = table["amount"].to_numpy(dtype=float)
    table["impact"] = amount * table["value_canonical"].to_numpy(dtype=float)
    table["impact_low"] = amount * table["low_canonical"].to_numpy(dtype=float)
    table["impact_high"] = amount * table["high_canonical"].to_numpy(dtype=float)
    table["impact_unit"] = table["indicator"].map(INDICATOR_UNITS)
    table["amount_unit"] = table["flow"].map(FLOW_UNITS)
    table = table.rename(columns={"value_canonical": "factor_value", "unit_canonical": "factor_unit",
                                  "quality": "factor_quality"})
    return table[list(RESULT_COLUMNS)], warnings
