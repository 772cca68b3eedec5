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

import pandas as pd

from .errors import UnitError
from .schema.base import INDICATORS
from .units import FLOW_UNITS, INDICATOR_UNITS

__all__ = ["characterise", "RESULT_COLUMNS"]

RESULT_COLUMNS = ("service", "component", "tier", "stage", "indicator", "flow", "amount",
                  "amount_unit", "factor_code", "region", "factor_region", "factor_value",
                  "factor_unit", "factor_quality", "dataset", "source_ref", "impact",
                  "impact_unit", "impact_low", "impact_high", "factor_idx", "basis")

_FACTOR_FIELDS = ["code", "region", "stage", "indicator", "value_canonical", "low_canonical",
                  "high_canonical", "unit_canonical", "quality", "dataset", "source_ref"]


def _resolve_keys(inventory: pd.DataFrame, registry, indicators) -> tuple[pd.DataFrame, list[str]]:
    """For each distinct (code, region) and indicator, the region whose factor applies."""
    keys = inventory[["factor_code", "region"]].drop_duplicates()
    records, warnings = [], []
    for code, region in keys.itertuples(index=False):  # one per distinct (code, region)
        registry.flow(code)  # unknown code: UnknownFactorError with close matches
        for indicator in indicators:
            used = registry.resolve_region(code, region, indicator=indicator)
            records.append((code, region, indicator, used))
            if used is not None and used != region and registry.is_regional(code):
                warnings.append(f"{code}: no {indicator} factor for region {region}; "
                                f"the {used} value is used")
    return pd.DataFrame(records, columns=["factor_code", "region", "indicator",
                                          "factor_region"]), warnings


def _check_flows(inventory: pd.DataFrame, registry) -> None:
    """Every row's flow must be the one its factors characterise (kWh for electricity…)."""
    codes = inventory["factor_code"].unique()
    expected = inventory["factor_code"].map({c: registry.flow(c) for c in codes})
    wrong = inventory[expected != inventory["flow"]]
    if len(wrong):
        row = wrong.iloc[0]
        raise UnitError(f"{row['service']} / {row['component']}: a {row['flow']} flow "
                        f"[{FLOW_UNITS.get(row['flow'], '?')}] cannot be characterised by "
                        f"{row['factor_code']!r}, whose factors are per "
                        f"{FLOW_UNITS[registry.flow(row['factor_code'])]} "
                        f"({len(wrong)} row(s) like this)")


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
    keys, warnings = _resolve_keys(inventory, registry, indicators)
    _check_flows(inventory, registry)
    factors = registry.factors.reset_index(names="factor_idx")[["factor_idx"] + _FACTOR_FIELDS]
    factors = factors.rename(columns={"code": "factor_code", "region": "factor_region"})
    inv = inventory.merge(keys, on=["factor_code", "region"], how="left", sort=False)
    table = inv.merge(factors, on=["factor_code", "factor_region", "indicator"], how="left",
                      sort=False)
    # not covered: no factor for that indicator in any applicable region
    missing = table["factor_idx"].isna()
    if missing.any():
        first_stage = registry.factors.groupby("code")["stage"].first()
        table.loc[missing, "stage"] = table.loc[missing, "factor_code"].map(first_stage)
        table.loc[missing, "factor_idx"] = -1
        table.loc[missing, ["quality", "dataset", "source_ref", "unit_canonical"]] = ""
    table["factor_idx"] = table["factor_idx"].astype(int)
    amount = table["amount"].to_numpy(dtype=float)
    table["impact"] = amount * table["value_canonical"].to_numpy(dtype=float)
    table["impact_low"] = (table["amount_low"].to_numpy(dtype=float)
                           * table["low_canonical"].to_numpy(dtype=float))
    table["impact_high"] = (table["amount_high"].to_numpy(dtype=float)
                            * table["high_canonical"].to_numpy(dtype=float))
    table["impact_unit"] = table["indicator"].map(INDICATOR_UNITS)
    table["amount_unit"] = table["flow"].map(FLOW_UNITS)
    table = table.rename(columns={"value_canonical": "factor_value", "unit_canonical": "factor_unit",
                                  "quality": "factor_quality"})
    return table[list(RESULT_COLUMNS)], warnings
