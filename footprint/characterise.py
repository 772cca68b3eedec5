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
from .factors.registry import INCLUDES_COLUMN
from .schema.base import INDICATORS, STAGES
from .units import FLOW_UNITS, INDICATOR_UNITS

__all__ = ["characterise", "RESULT_COLUMNS"]

RESULT_COLUMNS = ("service", "component", "tier", "stage", "indicator", "flow", "amount",
                  "amount_unit", "factor_code", "region", "factor_region", "factor_value",
                  "factor_unit", "factor_quality", "dataset", "source_ref", "stage_includes",
                  "impact", "impact_unit", "impact_low", "impact_high", "factor_idx", "basis",
                  "activity")

_FACTOR_FIELDS = ["code", "region", "stage", "indicator", "value_canonical", "low_canonical",
                  "high_canonical", "unit_canonical", "quality", "dataset", "source_ref"]


def _factor_tables(registry) -> dict:
    """What characterisation reads of a registry's factor table, computed once per registry
    (it is immutable): the rows of each (code, region, indicator), each code's first stage,
    and each result column taken from the factors, with a blank for *not covered* last
    (floats with NaN; text as categorical codes and their dtype)."""
    cached = registry.__dict__.get("_characterise_tables")
    if cached is not None:
        return cached
    f = registry.factors
    out = {"rows_of": f.groupby(["code", "region", "indicator"], sort=False).indices,
           "stages": f["stage"].to_numpy(dtype=object),
           "includes_text": f[INCLUDES_COLUMN].to_numpy(dtype=object),
           "life_cycle": _life_cycles(f)}
    for name in ("value_canonical", "low_canonical", "high_canonical"):
        out[name] = np.append(f[name].to_numpy(dtype=float), np.nan)
    for name in ("unit_canonical", "quality", "dataset", "source_ref", INCLUDES_COLUMN):
        codes, uniques = pd.factorize(np.append(f[name].to_numpy(dtype=object), ""))
        out[name] = (_small(codes, len(uniques)), pd.CategoricalDtype(uniques))
    registry.__dict__["_characterise_tables"] = out
    return out


def _entries(pairs, registry, indicators, alternatives=None) -> tuple[dict, list[str]]:
    """The factor rows that characterise each distinct (code, region) pair.

    For every pair and indicator: the registry rows (one per stage) of the region whose
    factor applies (country, else EU27, else world), and one *not covered* entry
    (``factor_idx`` -1) for each stage of the code's life cycle (:func:`_life_cycles`) that
    no row gives or ``includes`` (all of them when no region has a factor). Returns flat arrays
    (``pair`` offsets into them) and the substitution warnings. One Python step per
    distinct pair and indicator, never per inventory row.
    """
    tables = _factor_tables(registry)
    rows_of, stages, includes = tables["rows_of"], tables["stages"], tables["includes_text"]
    life_cycle = tables["life_cycle"]
    idx, ind, used_region, stage, counts, warnings = [], [], [], [], [], []
    for code, region in pairs:  # one per distinct (code, region)
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
            found = np.asarray(rows_of.get((lookup, used, indicator), ())
                               if used is not None else (), dtype=np.int64)
            given = set(stages[found]).union(*(i.split(";") for i in includes[found]))
            lacking = [s for s in life_cycle[code] if s not in given]
            idx.extend(found)
            stage.extend(stages[found])
            idx.extend([-1] * len(lacking))  # not covered: no factor for that stage
            stage.extend(lacking)
            k = len(found) + len(lacking)
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


def _life_cycles(factors: pd.DataFrame) -> dict[str, list[str]]:
    """The stages each code's activity has, whatever the indicator: the stages of its
    factors, and for an equipment (a code with a ``manufacturing`` factor) distribution
    and end of life too, which no equipment escapes. A stage a code lacks for an
    indicator, and which none of its factors says it ``includes``, is *not covered*."""
    out = {}
    for code, group in factors.groupby("code", sort=False)["stage"]:
        have = set(group)
        if "manufacturing" in have:
            have |= {"distribution", "end_of_life"}
        out[code] = [s for s in STAGES if s in have]
    return out


def _check_flows(inventory: pd.DataFrame, registry, code_of_row, codes) -> None:
    """Every row's flow must be the one its factors characterise (kWh for electricity…)."""
    expected = np.array([registry.flow(c) for c in codes], dtype=object)[code_of_row]
    wrong = inventory[expected != inventory["flow"].to_numpy(dtype=object)]
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
        ``impact`` in ``impact_unit`` (NaN where not covered, one row per stage of the
        activity's life cycle that no factor gives); ``stage_includes`` the other stages
        the factor's value already includes (``distribution;end_of_life`` for a non-use
        figure booked under manufacturing); ``activity`` is the position of the row's
        activity in the inventory.
    warnings : list of str
        Region substitutions.
    """
    if not isinstance(inventory, pd.DataFrame):  # a Frame of footprint.inventory.rows()
        inventory = inventory.to_pandas()
    if inventory.empty:
        return pd.DataFrame({c: pd.Series(dtype=object)
                             for c in (*carry, *RESULT_COLUMNS)}), []
    # distinct (code, region) pairs in the order they first appear, and each row's pair
    code_of_row, codes = pd.factorize(inventory["factor_code"].to_numpy(dtype=object),
                                      use_na_sentinel=False)
    region_of_row, regions = pd.factorize(inventory["region"].to_numpy(dtype=object),
                                          use_na_sentinel=False)
    pair_of_row, keys = pd.factorize(code_of_row * len(regions) + region_of_row)
    pairs = [(codes[k // len(regions)], regions[k % len(regions)]) for k in keys]
    entries, warnings = _entries(pairs, registry, indicators, alternatives)
    _check_flows(inventory, registry, code_of_row, codes)
    # expand: inventory row i gets the entries of its pair, in order
    counts = entries["count"][pair_of_row]
    row = np.repeat(np.arange(len(inventory)), counts)
    first = np.cumsum(counts) - counts
    entry = np.repeat(entries["offset"][pair_of_row] - first, counts) + np.arange(len(row))
    factor_idx = entries["factor_idx"][entry]
    # Text columns are categoricals built from codes: each distinct text is stored once
    # and factorised on the small table it comes from (factors, entries, inventory), never
    # on the result's rows (a portfolio's table has millions).
    tables = _factor_tables(registry)
    pick = np.where(factor_idx < 0, len(registry.factors), factor_idx)  # -1: the blank row

    def factor_column(name):
        if name.endswith("_canonical") and name != "unit_canonical":
            return tables[name][pick]
        codes, dtype = tables[name]
        return pd.Categorical.from_codes(codes[pick], dtype=dtype, validate=False)

    def inventory_column(name):
        column = inventory[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            return pd.Categorical.from_codes(column.cat.codes.to_numpy()[row],
                                             dtype=column.dtype)
        values = column.to_numpy()
        return values[row] if values.dtype.kind in "fiu" else _take(values, row)

    amount = inventory_column("amount")
    value = factor_column("value_canonical")
    flow_of_row, flows = pd.factorize(inventory["flow"].to_numpy(dtype=object))
    flow_units = np.array([FLOW_UNITS.get(f) for f in flows], dtype=object)
    columns = {
        "service": inventory_column("service"), "component": inventory_column("component"),
        "tier": inventory_column("tier"), "stage": _take(entries["stage"], entry),
        "indicator": _take(entries["indicator"], entry), "flow": inventory_column("flow"),
        "amount": amount,
        "amount_unit": _take(flow_units[flow_of_row], row),
        "factor_code": inventory_column("factor_code"), "region": inventory_column("region"),
        "factor_region": _take(entries["factor_region"], entry), "factor_value": value,
        "factor_unit": factor_column("unit_canonical"),
        "factor_quality": factor_column("quality"),
        "dataset": factor_column("dataset"),
        "source_ref": factor_column("source_ref"),
        "stage_includes": factor_column(INCLUDES_COLUMN),
        "impact": amount * value,
        "impact_unit": _take(entries["impact_unit"], entry),
        "impact_low": inventory_column("amount_low") * factor_column("low_canonical"),
        "impact_high": inventory_column("amount_high") * factor_column("high_canonical"),
        "factor_idx": factor_idx, "basis": inventory_column("basis"), "activity": row,
    }
    columns.update({c: inventory_column(c) for c in carry})
    return pd.DataFrame({c: columns[c] for c in (*carry, *RESULT_COLUMNS)},
                        index=pd.RangeIndex(len(row)), copy=False), warnings


def _take(values: np.ndarray, index: np.ndarray) -> pd.Categorical:
    """``values[index]`` as a categorical, factorised on ``values`` (the short side)."""
    codes, uniques = pd.factorize(values)
    return pd.Categorical.from_codes(_small(codes, len(uniques))[index], dtype=_dtype(uniques),
                                     validate=False)


def _small(codes: np.ndarray, n: int) -> np.ndarray:
    """Codes in the integer type pandas keeps for ``n`` categories, before they are spread
    over the result's rows (an int64 copy per column of a 10-million-row table is 80 MB)."""
    for dtype in (np.int8, np.int16, np.int32):
        if n < np.iinfo(dtype).max:
            return codes.astype(dtype, copy=False)
    return codes


_DTYPES: dict[tuple, pd.CategoricalDtype] = {}


def _dtype(uniques: np.ndarray) -> pd.CategoricalDtype:
    """The categorical dtype of ``uniques``, shared between calls for short lists (the
    tiers, stages, indicators, a project's names): building one converts its categories
    to pandas strings, ~0.15 ms, as much as the rest of a column."""
    if len(uniques) > 256:
        return pd.CategoricalDtype(uniques)
    key = tuple(uniques)
    dtype = _DTYPES.get(key)
    if dtype is None:
        if len(_DTYPES) >= 4096:
            _DTYPES.clear()
        dtype = _DTYPES[key] = pd.CategoricalDtype(uniques)
    return dtype
