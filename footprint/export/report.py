"""A two-page report for a director: self-contained HTML, and the same page as PDF.

The page is a Jinja2 template with autoescaping: project text never becomes markup.
Charts are Altair rendered offline to PNG by vl-convert and embedded as ``data:`` images
(no script, no network). The PDF is WeasyPrint's rendering of the same HTML; its dates
are the ``generated`` argument, so the same input gives the same bytes.
"""

from __future__ import annotations

import base64
import math
from pathlib import Path

from .labels import check_lang, label, number
from .report_text import TEXT

__all__ = ["to_html", "to_pdf", "report_context"]

_TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
#: project text longer than this is cut in the report (the full text is in the other exports)
MAX_TEXT = 600


#: bidirectional-override controls (U+202A–U+202E, U+2066–U+2069): they can make text
#: read backwards ("Trojan Source", CVE-2021-42574); the report drops them
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    text = str(text).translate(_BIDI)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unit_for(total_kg: float) -> tuple[str, float]:
    return ("tCO2e", 1e-3) if math.isfinite(total_kg) and abs(total_kg) >= 1000 else \
        ("kgCO2e", 1.0)


def _png(chart) -> str:
    """Base64 PNG: vl-convert measures and draws the text with the same fonts, so labels
    never overlap as they can when another renderer draws an SVG's text."""
    from ..charts import to_png

    return base64.b64encode(to_png(chart, scale=2.0)).decode("ascii")


def _generic(table, lang, top=8):
    if table is None or len(table) == 0:
        return None
    rows = []
    for record in table.head(top).itertuples(index=False, name=None):
        cells = []
        for v in record:
            if hasattr(v, "item"):
                v = v.item()
            num = isinstance(v, int | float) and not isinstance(v, bool)
            cells.append({"num": num, "text": number(v, lang) if num else _cut(v, 200)})
        rows.append(cells)
    return {"columns": [_cut(label(str(c), lang), 60) for c in table.columns], "rows": rows}


def report_context(result, *, lang="fr", generated=None, comparison=None, suggestions=None,
                   uncertainty=None, registry=None, charts=True) -> dict:
    """Everything the template shows, as plain text and numbers already formatted."""
    from .. import __version__
    from ..charts import service_chart, stage_tier_chart
    from .balance import beges_table
    from ..equivalences import equivalences
    from .tables import scenario_tables, split_uncertainty

    t = TEXT[lang]
    lab = (lambda s: label(s, lang))  # noqa: E731
    p = result.project
    total_kg = result.total().m_as("kgCO2e")
    unit, k = _unit_for(total_kg)
    totals = result.totals().set_index("indicator")
    low, high = (totals.loc["climate_change", "extreme_low"],
                 totals.loc["climate_change", "extreme_high"])
    uncertainty, _ = split_uncertainty(uncertainty)
    beges = beges_table(result, lang=lang, uncertainty=uncertainty)
    btotal = beges.set_index("line")
    # the headline interval: of the whole total (BEGES lines + the information line)
    mc_total = uncertainty is not None and "all" in getattr(uncertainty, "index", [])
    if mc_total:
        low, high = float(uncertainty.loc["all", "p5"]), float(uncertainty.loc["all", "p95"])
    range_text = (t["mc_range"] if mc_total else t["bound_range"]).format(
        low=number(low * k, lang), high=number(high * k, lang), unit=unit)
    nc = result.not_covered()
    status = result.totals().set_index("indicator")
    cc = status.loc["climate_change"]
    ind_nc = [lab(i) for i, r in status.iterrows() if r["status"] in ("partial", "incomplete")]
    coverage_text = (t["coverage_ok"] if cc["status"] in ("complete", "empty") else
                     t["coverage_cc"].format(status=label(cc["status"], lang),
                                             missing=cc["missing"])) + (
        " " + t["coverage_other"].format(ind=", ".join(ind_nc)) if ind_nc else "")
    if p.reporting_period is not None:
        period = f"{p.reporting_period.start.isoformat()} – {p.reporting_period.end.isoformat()}"
    else:
        period = t["no_period"]
    per_fu = per_fu_label = None
    if p.functional_unit is not None:
        per = result.per_functional_unit().m_as("gCO2e")
        per_fu = (f"{number(per / 1000, lang)} kgCO2e" if abs(per) >= 1000
                  else f"{number(per, lang)} gCO2e")
        per_fu_label = t["per_fu"].format(fu=_cut(p.functional_unit.name, 120))
    eq = [{"value": number(e["value"], lang, digits=2),
           "text": t["eq_" + e["key"]].format(per=number(e["per"], lang)),
           "source": e["source"]} for e in equivalences(total_kg, registry)]
    bd = result.breakdown(("stage", "tier"))
    cell_text = result.stage_tier_labels()
    stage_tier = {"columns": [lab(c) for c in bd.columns],
                  "rows": [{"label": lab(s), "cells": [
                      {"text": (label(why, lang) if why else number(v * k, lang)),
                       "nc": isinstance(v, float) and math.isnan(v)}
                      for v, why in zip(row, whys)]}
                      for s, row, whys in zip(bd.index, bd.to_numpy(),
                                              cell_text.to_numpy())]}
    rows = []
    for r in beges.to_dict("records"):
        covered = r["coverage"] != "not_covered"
        if r["level"] == "information" and not covered:
            r["coverage"], covered = "none", True   # no audience device: nothing to show
        cls = {"category": "sub", "total": "total", "information": "info"}.get(r["level"], "")
        rng = ""
        if covered and math.isfinite(r["low_tco2e"]):
            rng = f"{number(r['low_tco2e'], lang)} – {number(r['high_tco2e'], lang)}"
        rows.append({"cls": cls, "title": r["title"], "nc": not covered,
                     "total": ("—" if r["coverage"] == "none" else
                               number(r["total_tco2e"], lang, digits=3) if covered
                               else label("not_covered", lang)),
                     "range": rng, "equivalent": r["equivalent"],
                     "basis": ", ".join(label(b.strip(), lang)
                                        for b in str(r["mapping_basis"]).split(",") if b.strip())})
    estimates = sorted(set(result.table.loc[result.table["factor_quality"] == "estimate",
                                            "factor_code"].dropna()))
    services = [{"name": _cut(s.name, 200), "kind": s.kind, "description": _cut(s.description)}
                for s in p.services[:12]]
    limits = [t["limit_scope"], t["limit_bound"]] + [_cut(w, 300) for w in result.warnings[:10]]
    limits += [t["limit_nc"].format(ind=i, parts=", ".join(
        _cut(c, 60) for c in dict.fromkeys(nc.loc[nc["indicator"] == ind, "component"]))[:400])
        for ind, i in ((x, lab(x)) for x in dict.fromkeys(nc["indicator"]))]
    stage_chart = svc_chart = ""
    if charts:
        stage_chart = _png(stage_tier_chart(result, labels=lab, unit=unit, label_angle=-30,
                                            locale=lang)
                           .properties(width=230, height=190)
                           .configure_legend(orient="bottom", columns=2, labelLimit=200))
        svc_chart = _png(service_chart(result, labels=lab, unit=unit, locale=lang)
                         .properties(width=250, height=min(30 * len(p.services) + 20, 260))
                         .configure_legend(orient="bottom", columns=2, labelLimit=200))
    return {
        "lang": lang, "t": t, "version": __version__, "name": _cut(p.name, 200),
        "organisation": _cut(p.organisation, 200), "description": _cut(p.description),
        "generated": _w3c(generated),
        "period": period, "services": services,
        "more_services": max(len(p.services) - 12, 0),
        "total": f"{number(total_kg * k, lang)} {unit}",
        "range_text": range_text, "per_fu": per_fu, "per_fu_label": per_fu_label,
        "beges_total": f"{number(btotal.loc['total', 'total_tco2e'], lang)} tCO2e",
        "info_total": _info_total(btotal.loc["info.audience_devices", "total_tco2e"], t, lang),
        "coverage_text": coverage_text, "equivalences": eq,
        "chart_stage": stage_chart, "chart_service": svc_chart, "stage_tier": stage_tier,
        "scenarios": _generic(scenario_tables(comparison, None, lang)[0], lang),
        "recommendations": _generic(scenario_tables(None, suggestions, lang)[1], lang),
        "beges": rows,
        "uncertainty_header": t["mc_header"] if uncertainty is not None else t["bound_header"],
        "method": t["method"].format(allocation=result.options.get("allocation", "")),
        "attributions": result.provenance[["attribution", "licence"]].to_dict("records"),
        "estimates": ", ".join(estimates), "limits": limits,
    }


def _info_total(value: float, t: dict, lang: str) -> str:
    return t["none"] if not math.isfinite(value) else f"{number(value, lang)} tCO2e"


def _w3c(when) -> str:
    """A W3C date-time (what PDF metadata needs); a naive time is taken as UTC."""
    if when is None:
        return ""
    if when.tzinfo is None:
        return when.replace(microsecond=0).isoformat() + "Z"
    return when.replace(microsecond=0).isoformat()


def _render(context: dict) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATE_DIR)),
                             autoescape=True, trim_blocks=False)
    return env.get_template("report.html.j2").render(**context)


def to_html(result, *, lang: str = "fr", generated=None, comparison=None, suggestions=None,
            uncertainty=None, registry=None) -> bytes:
    """The report as one self-contained UTF-8 HTML page (charts embedded, no script).
    Arguments as :func:`footprint.export.to_xlsx`."""
    check_lang(lang)
    ctx = report_context(result, lang=lang, generated=generated, comparison=comparison,
                         suggestions=suggestions, uncertainty=uncertainty, registry=registry)
    return _render(ctx).encode("utf-8")


def to_pdf(result, *, lang: str = "fr", generated=None, comparison=None, suggestions=None,
           uncertainty=None, registry=None) -> bytes:
    """The report as PDF (WeasyPrint). Arguments as :func:`footprint.export.to_xlsx`."""
    import weasyprint

    html = to_html(result, lang=lang, generated=generated, comparison=comparison,
                   suggestions=suggestions, uncertainty=uncertainty,
                   registry=registry).decode("utf-8")
    # only the embedded data: images; the report never reads files or the network
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",), timeout=1)
    return weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
