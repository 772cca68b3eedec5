"""Machine-readable JSON export of an assessment, with a versioned, published JSON Schema.

The schema is :func:`json_schema` (a copy is committed as ``docs/result.schema.json`` and
a test keeps both equal). Not-covered values are ``null``, never 0; numbers are in the
unit their key names (``climate_change_kgco2e``, ``total_tco2e``) or in the ``unit``
field beside them.
"""

from __future__ import annotations

import json

import pandas as pd

from ..assessment import _finite
from .labels import check_lang
from .tables import build_tables, scenario_tables

__all__ = ["to_json", "json_schema", "RESULT_SCHEMA_VERSION"]

#: version of the export's structure (major changes break readers)
RESULT_SCHEMA_VERSION = "1.0"

_NUM = {"type": ["number", "null"]}
_STR = {"type": "string"}
_STR_NULL = {"type": ["string", "null"]}


def _records(table: pd.DataFrame | None):
    if table is None:
        return None
    return _finite(table.astype(object).where(table.notna(), None).to_dict("records"))


def _rows(required: dict, extra: bool = True) -> dict:
    return {"type": "array", "items": {"type": "object", "required": sorted(required),
                                       "properties": required,
                                       "additionalProperties": extra}}


def json_schema() -> dict:
    """JSON Schema (draft 2020-12) of :func:`to_json`'s output."""
    line = {"level": _STR, "line": _STR, "title": _STR, "total_tco2e": _NUM,
            "low_tco2e": _NUM, "high_tco2e": _NUM,
            "uncertainty_basis": {"enum": ["", "range", "monte_carlo"]},
            "coverage": {"enum": ["covered", "partial", "not_covered", "information"]},
            "mapping_basis": _STR}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"footprint-result-{RESULT_SCHEMA_VERSION}",
        "title": "footprint assessment export",
        "type": "object",
        "required": ["schema_version", "generator", "generated", "lang", "project", "results",
                     "carbon_balance", "uncertainty", "provenance", "coverage", "warnings",
                     "attributions"],
        "properties": {
            "schema_version": {"const": RESULT_SCHEMA_VERSION},
            "generator": {"type": "object", "required": ["name", "version"],
                          "properties": {"name": {"const": "footprint"}, "version": _STR}},
            "generated": _STR_NULL,
            "lang": {"enum": ["fr", "en"]},
            "project": {"type": "object", "required": ["name", "services"],
                        "description": "The project as entered (fields left to their default "
                                       "omitted; footprint project schema)."},
            "results": {
                "type": "object",
                "required": ["totals", "stage_tier", "services", "electricity_kwh",
                             "per_functional_unit", "detail", "assumptions"],
                "properties": {
                    "totals": _rows({"indicator": _STR, "total": _NUM, "extreme_low": _NUM,
                                     "extreme_high": _NUM, "unit": _STR,
                                     "rows_not_covered": {"type": "integer"}}),
                    "stage_tier": _rows({"stage": _STR, "tier": _STR,
                                         "climate_change_kgco2e": _NUM}),
                    "services": _rows({"service": _STR, "kind": _STR,
                                       "climate_change_kgco2e": _NUM, "share": _NUM}),
                    "electricity_kwh": {"type": "number"},
                    "per_functional_unit": {"type": ["object", "null"]},
                    "detail": _rows({"service": _STR, "component": _STR, "tier": _STR,
                                     "stage": _STR, "indicator": _STR, "impact": _NUM,
                                     "impact_unit": _STR}),
                    "assumptions": {"type": "array"},
                },
            },
            "carbon_balance": {"type": "object", "required": ["beges_v5", "ghg_protocol"],
                               "properties": {"beges_v5": _rows(line),
                                              "ghg_protocol": _rows(line)}},
            "uncertainty": {"type": ["array", "null"],
                            "description": "Monte Carlo percentiles per carbon-balance line "
                                           "[kgCO2e], when computed."},
            "provenance": {"type": "object", "required": ["datasets", "factors"],
                           "properties": {
                               "datasets": _rows({"dataset": _STR, "licence": _STR,
                                                  "attribution": _STR}),
                               "factors": _rows({"factor_code": _STR, "factor_value": _NUM,
                                                 "factor_unit": _STR, "dataset": _STR})}},
            "coverage": {"type": "object", "required": ["not_covered"],
                         "properties": {"not_covered": {"type": "array"}}},
            "warnings": {"type": "array", "items": _STR},
            "attributions": {"type": "array", "items": _STR},
            "scenarios": {"type": ["array", "null"]},
            "recommendations": {"type": ["array", "null"]},
        },
    }


def _uncertainty_records(uncertainty):
    from .tables import split_uncertainty

    parts = [(name, u) for name, u in zip(("beges_v5", "ghg_protocol"),
                                          split_uncertainty(uncertainty)) if u is not None]
    if not parts:
        return None
    return [dict(r, framework=name) for name, u in parts
            for r in _records(u.reset_index().rename(columns={"index": "line"}))]


def to_json(result, *, lang: str = "fr", generated=None, comparison=None, suggestions=None,
            uncertainty=None, registry=None) -> bytes:
    """The assessment as UTF-8 JSON bytes (strict: no NaN), valid against
    :func:`json_schema`. Arguments as :func:`footprint.export.to_xlsx`."""
    from .. import __version__

    check_lang(lang)
    t = build_tables(result, lang=lang, generated=generated, uncertainty=uncertainty,
                          registry=registry)
    fu = result.project.functional_unit
    per_fu = None
    if fu is not None:
        per_fu = {"functional_unit": fu.name, "quantity": fu.quantity,
                  "climate_change_kgco2e": result.per_functional_unit().m_as("kgCO2e")}
    doc = {
        "schema_version": RESULT_SCHEMA_VERSION,
        "generator": {"name": "footprint", "version": __version__},
        "generated": generated.isoformat() if generated is not None else None,
        "lang": lang,
        "project": result.project.model_dump(mode="json", exclude_unset=True),
        "results": {
            "totals": _records(t["summary"]),
            "stage_tier": _records(t["stage_tier"]),
            "services": _records(t["services"]),
            "electricity_kwh": result.electricity().m_as("kWh"),
            "per_functional_unit": per_fu,
            "detail": _records(t["detail"]),
            "assumptions": _records(t["assumptions"]),
            "method": _records(t["method"]),
            "options": result.options,
        },
        "carbon_balance": {"beges_v5": _records(t["beges"]), "ghg_protocol": _records(t["ghg"])},
        "uncertainty": _uncertainty_records(uncertainty),
        "provenance": {"datasets": _records(result.provenance), "factors": _records(t["factors"])},
        "coverage": {"not_covered": _records(t["coverage"])},
        "warnings": list(result.warnings),
        "attributions": list(result.provenance["attribution"].astype(str)),
        "scenarios": _records(scenario_tables(comparison, None, lang)[0]),
        "recommendations": _records(scenario_tables(None, suggestions, lang)[1]),
    }
    text = json.dumps(_finite(doc), ensure_ascii=False, indent=1, allow_nan=False,
                      default=str)
    return (text + "\n").encode("utf-8")
