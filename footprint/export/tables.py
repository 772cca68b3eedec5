"""The tidy tables every export shares (CSV, XLSX, JSON, report), built once per result.

Column names are ids with their unit (``climate_change_kgco2e``); :func:`header` gives the
label in French or English. Cells holding ids (``stage``, ``tier``, ``indicator``) keep
the id, and a ``*_label`` column beside carries the language's label.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .balance import beges_table, ghg_table
from .labels import label

__all__ = ["build_tables", "split_uncertainty", "header", "HEADERS", "TABLE_ORDER"]

#: column id -> (French, English); units in brackets
HEADERS: dict[str, tuple[str, str]] = {
    "indicator_label": ("Indicateur (libellé)", "Indicator (label)"),
    "stage_label": ("Étape (libellé)", "Stage (label)"),
    "tier_label": ("Tiers (libellé)", "Tier (label)"),
    "climate_change_kgco2e": ("Changement climatique [kgCO2e]", "Climate change [kgCO2e]"),
    "climate_change_tco2e": ("Changement climatique [tCO2e]", "Climate change [tCO2e]"),
    "share": ("Part du total", "Share of the total"),
    "total_tco2e": ("Total [tCO2e]", "Total [tCO2e]"),
    "low_tco2e": ("Bas [tCO2e]", "Low [tCO2e]"),
    "high_tco2e": ("Haut [tCO2e]", "High [tCO2e]"),
    "uncertainty_basis": ("Base de l'incertitude", "Uncertainty basis"),
    "equivalent": ("Équivalence", "Equivalent"),
    "mapping_basis": ("Nature du rattachement", "Mapping basis"),
    "basis": ("Base (modélisé, mesuré)", "Basis (modelled, measured)"),
    "note": ("Note", "Note"), "title": ("Intitulé", "Title"), "line": ("N°", "No."),
    "level": ("Niveau", "Level"), "group": ("Groupe", "Group"),
    "amount": ("Quantité", "Amount"), "amount_unit": ("Unité de la quantité", "Amount unit"),
    "flow": ("Flux", "Flow"), "factor_code": ("Code du facteur", "Factor code"),
    "region": ("Région demandée", "Region asked"),
    "factor_region": ("Région du facteur", "Factor region"),
    "factor_value": ("Valeur du facteur", "Factor value"),
    "factor_low": ("Facteur bas", "Factor low"), "factor_high": ("Facteur haut", "Factor high"),
    "factor_unit": ("Unité du facteur", "Factor unit"),
    "factor_quality": ("Qualité", "Quality"), "dataset": ("Jeu de données", "Dataset"),
    "source_ref": ("Réf. source", "Source ref."), "citation": ("Source", "Source"),
    "licence": ("Licence", "Licence"), "attribution": ("Attribution", "Attribution"),
    "impact": ("Impact", "Impact"), "impact_unit": ("Unité de l'impact", "Impact unit"),
    "impact_low": ("Impact bas", "Impact low"), "impact_high": ("Impact haut", "Impact high"),
    "project": ("Projet", "Project"), "quantity": ("Grandeur", "Quantity"),
    "value": ("Valeur", "Value"), "source": ("Source", "Source"), "key": ("Clé", "Key"),
    "title_ds": ("Titre", "Title"), "publisher": ("Éditeur", "Publisher"),
    "edition": ("Édition", "Edition"), "retrieved": ("Consulté le", "Retrieved"),
    "url": ("Adresse", "URL"), "message": ("Message", "Message"),
    "rows_not_covered": ("Lignes sans facteur", "Rows without a factor"),
}

#: table id -> sheet/section order of the exports
TABLE_ORDER = ("summary", "stage_tier", "services", "beges", "ghg", "detail", "factors",
               "method", "assumptions", "coverage", "sources", "warnings")


def scenario_tables(comparison, suggestions, lang: str):
    """Scenario deltas and recommendations as tables: a :class:`footprint.Comparison`
    gives its ``deltas``, :func:`footprint.suggest`'s result its ``table(lang)``; tables
    pass as they are."""
    if comparison is not None and hasattr(comparison, "deltas"):
        comparison = comparison.deltas
    if suggestions is not None and hasattr(suggestions, "table"):
        suggestions = suggestions.table(lang)
    return comparison, suggestions


def header(column: str, lang: str) -> str:
    """Label of a column id in ``lang`` (ids of stages, tiers… through :func:`label`)."""
    pair = HEADERS.get(column)
    if pair is not None:
        return pair[0] if lang == "fr" else pair[1]
    return label(column, lang)


def _labelled(df: pd.DataFrame, column: str, lang: str) -> pd.DataFrame:
    pos = df.columns.get_loc(column) + 1
    df.insert(pos, f"{column}_label", df[column].map(lambda v: label(v, lang)))
    return df


def _summary(result, lang):
    t = result.totals()
    t = _labelled(t, "indicator", lang)
    return t[["indicator", "indicator_label", "total", "extreme_low", "extreme_high", "unit",
              "rows", "rows_not_covered", "status", "missing"]]


def _stage_tier(result, lang):
    bd = result.breakdown(("stage", "tier"))
    long = bd.stack(future_stack=True).rename("climate_change_kgco2e").reset_index()
    cells = result.stage_tier_labels().stack(future_stack=True).rename("coverage")
    long = long.join(cells, on=["stage", "tier"])
    long = _labelled(_labelled(long, "stage", lang), "tier", lang)
    return long


def _services(result, lang):
    kinds = {s.name: s.kind for s in result.project.services}
    s = result.by_service()
    total = float(s.sum(min_count=1))
    return pd.DataFrame({"service": s.index.astype(str),
                         "kind": [kinds.get(n, "") for n in s.index],
                         "climate_change_kgco2e": s.to_numpy(dtype=float),
                         "share": s.to_numpy(dtype=float) / total if total else np.nan})


def _detail(result):
    return result.table.drop(columns=["factor_idx"], errors="ignore").reset_index(drop=True)


def _factors(result, registry):
    t = result.table
    used = t[t["factor_region"].notna() & (t["dataset"].fillna("") != "")].copy()
    value = pd.to_numeric(used["factor_value"], errors="coerce")
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio_low = used["impact_low"] / used["impact"]
        ratio_high = used["impact_high"] / used["impact"]
    used["factor_value"] = value
    used["factor_low"] = (value * ratio_low).where(used["impact"] != 0)
    used["factor_high"] = (value * ratio_high).where(used["impact"] != 0)
    keys = ["factor_code", "factor_region", "stage", "indicator"]
    cols = keys + ["factor_value", "factor_low", "factor_high", "factor_unit", "factor_quality",
                   "dataset", "source_ref"]
    out = (used[cols].groupby(keys, sort=False, dropna=False).first().reset_index()
           .sort_values(keys, kind="stable").reset_index(drop=True))
    licences = dict(zip(result.provenance["dataset"], result.provenance["licence"]))
    out["licence"] = out["dataset"].map(licences).fillna("")

    def cite(ds, ref):
        try:
            return registry.citation(ds, ref) if registry is not None else str(ref)
        except KeyError:
            return str(ref)

    pairs = {(d, r): cite(d, r) for d, r in zip(out["dataset"], out["source_ref"])}
    out["citation"] = [pairs[(d, r)] for d, r in zip(out["dataset"], out["source_ref"])]
    return out


def _method(result, lang, generated):
    fr = lang == "fr"
    p = result.project
    rows = [("project", p.name), ("organisation", p.organisation)]
    if p.reporting_period is not None:
        rows.append(("reporting_period",
                     f"{p.reporting_period.start.isoformat()} / {p.reporting_period.end.isoformat()}"))
    if p.functional_unit is not None:
        rows.append(("functional_unit", f"{p.functional_unit.quantity:g} {p.functional_unit.name}"))
    for k, v in result.options.items():
        rows.append((f"option.{k}", v if isinstance(v, str) else format(v, ".12g")
                     if isinstance(v, float) else str(v)))
    rows.append(("reporting.audience_device_manufacture",
                 p.reporting.audience_device_manufacture))
    if generated is not None:
        rows.append(("generated", generated.isoformat()))
    text = (
        "Inventaire puis caractérisation (vocabulaire ACV) : chaque service est traduit en flux "
        "physiques (kWh, Go transférés, parts de fabrication des équipements, To-années "
        "stockés), multipliés par des facteurs cités par étape du cycle de vie et par "
        "indicateur. Un facteur absent laisse la case « non couverte », jamais 0. Bas/haut : "
        "tous les facteurs à la borne basse (haute) de leur plage à la fois (une borne, pas "
        "un intervalle de confiance)." if fr else
        "Inventory first, characterisation second (the LCA vocabulary): each service becomes "
        "physical flows (kWh, GB moved, shares of devices' manufacture, TB-years stored), "
        "multiplied by cited factors per life-cycle stage and indicator. A missing factor "
        "leaves the cell 'not covered', never 0. Low/high: every factor at the low (high) end "
        "of its range at once (a bound, not a confidence interval).")
    rows.append(("method", text))
    from ..schema.base import INDICATOR_DEFINITIONS

    rows += [(f"indicator.{k}", v) for k, v in INDICATOR_DEFINITIONS.items()]
    return pd.DataFrame(rows, columns=["key", "value"])


def _coverage(result, lang):
    """The cells of :meth:`Assessment.coverage` that are not wholly covered (a factor
    missing, or a stage held in another stage's figure): the same definition as the
    totals' ``status`` and ``missing``."""
    cells = result.coverage()
    cells = cells[cells["status"] != "covered"].reset_index(drop=True)
    return _labelled(_labelled(_labelled(cells, "indicator", lang), "tier", lang), "stage", lang)


def split_uncertainty(uncertainty):
    """``(beges, ghg)`` Monte Carlo tables from what the exports accept: None, one
    DataFrame (BEGES lines), or a dict ``{"beges": …, "ghg": …}`` as
    :func:`footprint.export.uncertainty_by_line` makes them."""
    if uncertainty is None:
        return None, None
    if isinstance(uncertainty, dict):
        return uncertainty.get("beges"), uncertainty.get("ghg")
    return uncertainty, None


def build_tables(result, *, lang: str = "fr", generated=None, uncertainty=None,
                 registry=None) -> dict[str, pd.DataFrame]:
    """Every table of the exports, keyed by the ids of :data:`TABLE_ORDER`."""
    if registry is None:
        from ..factors import default_registry

        registry = default_registry()
    mc_beges, mc_ghg = split_uncertainty(uncertainty)
    tables = {
        "summary": _summary(result, lang),
        "stage_tier": _stage_tier(result, lang),
        "services": _services(result, lang),
        "beges": beges_table(result, lang=lang, uncertainty=mc_beges),
        "ghg": ghg_table(result, lang=lang, uncertainty=mc_ghg),
        "detail": _detail(result),
        "factors": _factors(result, registry),
        "method": _method(result, lang, generated),
        "assumptions": result.quantities.drop(columns=["project"], errors="ignore"),
        "coverage": _coverage(result, lang),
        "sources": result.provenance.rename(columns={"title": "title_ds"}),
        "warnings": pd.DataFrame({"message": list(result.warnings)}, dtype=object),
    }
    for table in tables.values():
        _readable_units(table)
    return tables


def _readable_units(table: pd.DataFrame) -> None:
    """Unit columns as people write them (``m³``, not ``m**3``), each distinct text once."""
    from ..units import readable_unit

    for col in table.columns:
        if isinstance(col, str) and (col == "unit" or col.endswith("_unit")):
            distinct = {v: readable_unit(v) for v in pd.unique(table[col].dropna())
                        if isinstance(v, str)}
            if any(k != v for k, v in distinct.items()):
                table[col] = table[col].map(lambda v: distinct.get(v, v))
