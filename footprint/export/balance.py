"""BEGES v5 and GHG-Protocol tables of an assessment, every line present.

Lines footprint does not reach (fuel, travel, waste of other activities…) say *not
covered* (NaN total), never 0: the institution merges this table into its own carbon
balance. Totals are in tCO2e at full precision (round only for display).

Uncertainty per line: the 5th–95th percentiles of a Monte Carlo when one is given
(``uncertainty``: a DataFrame indexed by line id with ``p5`` and ``p95`` in kgCO2e, as
:func:`footprint.export.uncertainty_by_line` returns), else the bound reached when every
factor sits at the low (high) end of its range — a bound, not a confidence interval, and
labelled as such.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .labels import check_lang
from .mapping import map_rows
from .postes import BEGES_CATEGORIES, BEGES_POSTES, GHG_LINES, INFO_LINE

__all__ = ["beges_table", "ghg_table", "COLUMNS"]

#: columns of both tables (ids; exports label them)
COLUMNS = ("level", "group", "line", "title", "total_tco2e", "low_tco2e", "high_tco2e",
           "uncertainty_basis", "equivalent", "coverage", "mapping_basis", "note")

_SCOPES = {1: ("Scope 1", "Scope 1"), 2: ("Scope 2", "Scope 2"),
           3: ("Scope 3 : autres émissions indirectes", "Scope 3: other indirect emissions")}
_TOTAL = ("Total", "Total")


def _per_line(rows: pd.DataFrame, key: str, value: str, low: str, high: str) -> pd.DataFrame:
    g = rows.groupby(key, sort=False)
    return pd.DataFrame({
        "total": g[value].sum(min_count=1), "low": g[low].sum(min_count=1),
        "high": g[high].sum(min_count=1), "n": g.size(),
        "missing": g[value].agg(lambda s: int(s.isna().sum())),
        "basis": g["mapping_basis"].agg(lambda s: ", ".join(dict.fromkeys(s))),
        "note": g["mapping_note"].agg(lambda s: " | ".join(dict.fromkeys(x for x in s if x))),
    })


def _line(level, group, line, title, stats, equivalent, lang, mc, *, subtotal=None):
    """One output record; ``stats`` is a row of :func:`_per_line` or None."""
    rec = dict.fromkeys(COLUMNS, "")
    rec.update(level=level, group=group, line=line, title=title, equivalent=equivalent)
    rec["total_tco2e"] = rec["low_tco2e"] = rec["high_tco2e"] = np.nan
    if subtotal is not None:
        total, low, high = subtotal
        rec.update(total_tco2e=total / 1000, low_tco2e=low / 1000, high_tco2e=high / 1000,
                   coverage="covered" if np.isfinite(total) else "not_covered")
    elif stats is None or not np.isfinite(stats["total"]):
        rec["coverage"] = "not_covered"
    else:
        rec.update(total_tco2e=stats["total"] / 1000, low_tco2e=stats["low"] / 1000,
                   high_tco2e=stats["high"] / 1000, mapping_basis=stats["basis"], note=stats["note"],
                   coverage="partial" if stats["missing"] else "covered")
    if np.isfinite(rec["total_tco2e"]):
        rec["uncertainty_basis"] = "range"
        if mc is not None and line in mc.index:
            rec["low_tco2e"] = float(mc.loc[line, "p5"]) / 1000
            rec["high_tco2e"] = float(mc.loc[line, "p95"]) / 1000
            rec["uncertainty_basis"] = "monte_carlo"
    if level == "information" and rec["coverage"] == "covered":
        rec["coverage"] = "information"
    return rec


def _sum(stats: pd.DataFrame, ids) -> tuple[float, float, float]:
    part = stats.reindex([i for i in ids if i in stats.index])
    return tuple(float(part[c].sum(min_count=1)) for c in ("total", "low", "high"))


def beges_table(result, *, lang: str = "fr", uncertainty=None, reporting=None) -> pd.DataFrame:
    """The 22 BEGES v5 postes with category subtotals, the total, and the information line.

    Parameters
    ----------
    result : Assessment
    lang : {"fr", "en"}
        Language of titles and notes (ids stay the same).
    uncertainty : DataFrame, optional
        Monte Carlo percentiles per line id (``p5``, ``p95`` [kgCO2e]).
    reporting : footprint.schema.reporting.Reporting, optional
        Mapping choices; the project's ``reporting`` section by default.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`; ``level`` is ``poste``, ``category``, ``total`` or
        ``information``; totals in tCO2e, NaN = not covered.
    """
    check_lang(lang)
    i = 0 if lang == "fr" else 1
    rows = map_rows(result, reporting, lang=lang)
    stats = _per_line(rows, "beges", "impact", "impact_low", "impact_high")
    records = []
    for cat, titles in BEGES_CATEGORIES.items():
        ids = [p[0] for p in BEGES_POSTES if p[1] == cat]
        records.append(_line("category", str(cat), f"cat.{cat}", f"{cat}. {titles[i]}", None,
                             "", lang, uncertainty, subtotal=_sum(stats, ids)))
        for pid, _, fr, en, ghg in BEGES_POSTES:
            if pid in ids:
                records.append(_line("poste", str(cat), pid, f"{pid} {(fr, en)[i]}",
                                     stats.loc[pid] if pid in stats.index else None,
                                     _ghg_name(ghg, i), lang, uncertainty))
    all_ids = [p[0] for p in BEGES_POSTES]
    records.append(_line("total", "", "total", _TOTAL[i], None, "", lang, uncertainty,
                         subtotal=_sum(stats, all_ids)))
    info = INFO_LINE[0]
    records.append(_line("information", "", info, INFO_LINE[1 + i],
                         stats.loc[info] if info in stats.index else None, "", lang,
                         uncertainty))
    return pd.DataFrame(records, columns=list(COLUMNS))


def _ghg_name(line_id: str, i: int) -> str:
    for lid, scope, fr, en in GHG_LINES:
        if lid == line_id:
            return (f"S3 cat. {lid[2:]}" if scope == 3 else f"Scope {scope}")
    return ("aucune catégorie", "no category")[i]


def ghg_table(result, *, lang: str = "fr", uncertainty=None, reporting=None) -> pd.DataFrame:
    """GHG-Protocol scopes 1, 2 and the 15 scope-3 categories, with subtotals per scope.

    Purchased equipment declared in ``reporting.purchases`` counts whole (the GHG
    Protocol's capital goods rule); other values are those of :func:`beges_table`.
    Columns as :func:`beges_table`; ``equivalent`` names the BEGES postes.
    """
    check_lang(lang)
    i = 0 if lang == "fr" else 1
    rows = map_rows(result, reporting, lang=lang)
    scale = (rows["impact_ghg"] / rows["impact"]).where(rows["impact"] != 0, 1.0)
    rows = rows.assign(low_ghg=rows["impact_low"] * scale, high_ghg=rows["impact_high"] * scale)
    stats = _per_line(rows, "ghg", "impact_ghg", "low_ghg", "high_ghg")
    beges_of = {}
    for pid, _, _, _, ghg in BEGES_POSTES:
        beges_of.setdefault(ghg, []).append(pid)
    records = []
    for scope in (1, 2, 3):
        ids = [line[0] for line in GHG_LINES if line[1] == scope]
        if scope == 3:
            records.append(_line("scope", "3", "scope3", _SCOPES[3][i], None, "", lang,
                                 uncertainty, subtotal=_sum(stats, ids)))
        for lid, sc, fr, en in GHG_LINES:
            if sc != scope:
                continue
            title = (fr, en)[i] if scope != 3 else f"{lid[2:]}. {(fr, en)[i]}"
            records.append(_line("category" if scope == 3 else "scope", str(scope), lid, title,
                                 stats.loc[lid] if lid in stats.index else None,
                                 "BEGES " + ", ".join(beges_of.get(lid, [])) if lid in beges_of
                                 else "", lang, uncertainty))
    all_ids = [line[0] for line in GHG_LINES]
    records.append(_line("total", "", "total", _TOTAL[i], None, "", lang, uncertainty,
                         subtotal=_sum(stats, all_ids)))
    info = INFO_LINE[0]
    records.append(_line("information", "", info, INFO_LINE[1 + i],
                         stats.loc[info] if info in stats.index else None, "", lang,
                         uncertainty))
    return pd.DataFrame(records, columns=list(COLUMNS))
