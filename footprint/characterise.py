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

from .errors import Notice, UnitError
from .schema.base import INDICATORS
from .units import FLOW_UNITS, INDICATOR_UNITS

__all__ = ["characterise", "RESULT_COLUMNS"]

RESULT_COLUMNS = ("service", "component", "tier", "stage", "indicator", "flow", "amount",
                  "amount_unit", "factor_code", "region", "factor_region", "factor_value",
                  "factor_unit", "factor_quality", "dataset", "source_ref", "impact",
                  "impact_unit", "impact_low", "impact_high", "factor_idx", "basis",
                  "activity")

_FACTOR_FIELDS = ["code", "region", "stage", "indicator", "value_canonical", "low_canonical",
                  "high_canonical", "unit_canonical", "quality", "dataset", "source_ref"]


def _entries(pairs: pd.DataFrame, registry, indicators,
             alternatives=None) -> tuple[dict, list[str]]:
    """The factor rows that characterise each distinct (code, region) pair.

    For every pair and indicator: the registry rows (one per stage) of the region whose
    factor applies (country, else EU27, else world), or one *not covered* entry
    (``factor_idx`` -1, the code's first stage) when no region has one. Returns flat arrays
    (``pair`` offsets into them) and the substitution warnings. One Python step per
    distinct pair and indicator, never per inventory row.
    """
    f = registry.factors
    rows_of = f.groupby(["code", "region", "indicator"], sort=False).indices
    stages = f["stage"].to_numpy(dtype=object)
    first_stage = f.groupby("code", sort=False)["stage"].first().to_dict()
    idx, ind, used_region, stage, counts, warnings = [], [], [], [], [], []
    for code, region in pairs.itertuples(index=False):  # one per distinct (code, region)
        registry.flow(code)  # unknown code: UnknownFactorError with close matches
        n = 0
        for indicator in indicators:
            lookup = code
            alt = (alternatives or {}).get((code, indicator))
            if alt is not None and registry.resolve_region(alt, region,
                                                           indicator=indicator) == region:
                lookup, used = alt, region  # e.g. Ember's French figure on the ember basis
            else:
                used = registry.resolve_region(code, region, indicator=indicator)
            if used is not None and used != region and registry.is_regional(code, indicator):
                warnings.append(Notice(f"{code}: no {indicator} factor for region {region}; "
                                       f"the {used} value is used",
                                       code="factor_region_substituted",
                                       params={"code": code, "indicator": indicator,
                                               "region": region, "used": used}))
            found = rows_of.get((lookup, used, indicator), ()) if used is not None else ()
            if len(found):
                idx.extend(found)
                stage.extend(stages[found])
            else:
                idx.append(-1)
                stage.append(first_stage.get(code))
            k = max(len(found), 1)
            ind.extend([indicator] * k)
            used_region.extend([used] * k)
            n += k
        counts.append(n)
    counts = np.asarray(counts, dtype=np.int64)
    return {"factor_idx": np.asarray(idx, dtype=np.int64),
            "indicator": np.asarray(ind, dtype=object),
            "factor_region": np.asarray(used_region, dtype=object),
            "stage": np.asarray(stage, dtype=object),
            "impact_unit": np.asarray([INDICATOR_UNITS[i] for i in ind], dtype=object),
            "count": counts, "offset": np.cumsum(counts) - counts}, warnings


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


def characterise(inventory: pd.DataFrame, registry, indicators=INDICATORS,
                 alternatives=None, *, carry: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[str]]:
    """Impacts of an inventory, with trace columns.

    Parameters
    ----------
    inventory : DataFrame
        Rows as built by :mod:`footprint.inventory` (amounts in canonical flow units).
    registry : FactorRegistry
        Where factors are looked up.
    indicators : sequence of str
        Indicators to compute.
    alternatives : mapping of (code, indicator) to code, optional
        Factors to take instead, for the regions the alternative code has itself
        (``{("electricity", "climate_change"): "electricity.ember"}``: Ember's French
        figure on the ``ember`` grid basis). The row keeps its own ``factor_code``; its
        ``dataset``, ``source_ref`` and ``factor_idx`` are the alternative's.
    carry : tuple of str
        Further inventory columns (``project``…) copied to the result rows, first.

    Returns
    -------
    table : DataFrame
        One row per inventory row × stage × indicator (columns :data:`RESULT_COLUMNS`);
        ``impact`` in ``impact_unit`` (NaN where not covered); ``activity`` is the
        position of the row's activity in the inventory.
    warnings : list of str
        Region substitutions.
    """
    if inventory.empty:
        return pd.DataFrame({c: pd.Series(dtype=object)
                             for c in (*carry, *RESULT_COLUMNS)}), []
    key_columns = ["factor_code", "region"]
    pair_of_row = inventory.groupby(key_columns, sort=False).ngroup().to_numpy()
    pairs = inventory[key_columns].drop_duplicates()  # same order as ngroup(sort=False)
    entries, warnings = _entries(pairs, registry, indicators, alternatives)
    _check_flows(inventory, registry)
    # expand: inventory row i gets the entries of its pair, in order
    counts = entries["count"][pair_of_row]
    row = np.repeat(np.arange(len(inventory)), counts)
    first = np.cumsum(counts) - counts
    entry = np.repeat(entries["offset"][pair_of_row] - first, counts) + np.arange(len(row))
    factor_idx = entries["factor_idx"][entry]
    # Text columns are categoricals built from codes: each distinct text is stored once
    # and factorised on the small table it comes from (factors, entries, inventory), never
    # on the result's rows (a portfolio's table has millions).
    f = registry.factors
    pick = np.where(factor_idx < 0, len(f), factor_idx)  # -1 (not covered): a blank row

    def factor_column(name, blank):
        if isinstance(blank, float):
            return np.append(f[name].to_numpy(dtype=float), blank)[pick]
        return _take(np.append(f[name].to_numpy(dtype=object), blank), pick)

    def inventory_column(name):
        column = inventory[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            return pd.Categorical.from_codes(column.cat.codes.to_numpy()[row],
                                             dtype=column.dtype)
        values = column.to_numpy()
        return values[row] if values.dtype.kind in "fiu" else _take(values, row)

    amount = inventory_column("amount")
    value = factor_column("value_canonical", np.nan)
    columns = {
        "service": inventory_column("service"), "component": inventory_column("component"),
        "tier": inventory_column("tier"), "stage": _take(entries["stage"], entry),
        "indicator": _take(entries["indicator"], entry), "flow": inventory_column("flow"),
        "amount": amount,
        "amount_unit": _take(inventory["flow"].map(FLOW_UNITS).to_numpy(dtype=object), row),
        "factor_code": inventory_column("factor_code"), "region": inventory_column("region"),
        "factor_region": _take(entries["factor_region"], entry), "factor_value": value,
        "factor_unit": factor_column("unit_canonical", ""),
        "factor_quality": factor_column("quality", ""),
        "dataset": factor_column("dataset", ""),
        "source_ref": factor_column("source_ref", ""),
        "impact": amount * value,
        "impact_unit": _take(entries["impact_unit"], entry),
        "impact_low": inventory_column("amount_low") * factor_column("low_canonical", np.nan),
        "impact_high": inventory_column("amount_high") * factor_column("high_canonical", np.nan),
        "factor_idx": factor_idx, "basis": inventory_column("basis"), "activity": row,
    }
    columns.update({c: inventory_column(c) for c in carry})
    return pd.DataFrame({c: columns[c] for c in (*carry, *RESULT_COLUMNS)}), warnings


def _take(values: np.ndarray, index: np.ndarray) -> pd.Categorical:
    """``values[index]`` as a categorical, factorised on ``values`` (the short side)."""
    codes, uniques = pd.factorize(values)
    return pd.Categorical.from_codes(codes[index], categories=uniques)
