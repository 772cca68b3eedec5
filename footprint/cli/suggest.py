"""``footprint suggest``: eco-design changes ranked by the saving the engine computes."""

from __future__ import annotations

import json
import math
import sys

from ._format import fmt as _fmt_en

_WORDS = {
    "en": {"title": "Eco-design suggestions", "rank": "rank", "suggestion": "suggestion",
           "service": "service", "saving": "saving", "range": "P5 – P95", "p": "P(saving > 0)",
           "effort": "effort", "criteria": "RGESN", "combined": "All compatible changes "
           "together", "of": "of", "draws": "draws, common random numbers",
           "estimate": "estimate", "none": "No rule of the catalogue applies to this project.",
           "idle": "Applicable but with no modelled effect", "not_modelled": "not modelled",
           "baseline": "baseline", "details": "Details", "members": "made of"},
    "fr": {"title": "Suggestions d'écoconception", "rank": "rang", "suggestion": "suggestion",
           "service": "service", "saving": "gain", "range": "P5 – P95", "p": "P(gain > 0)",
           "effort": "effort", "criteria": "RGESN", "combined": "Toutes les modifications "
           "compatibles ensemble", "of": "sur", "draws": "tirages, nombres aléatoires communs",
           "estimate": "estimation", "none": "Aucune règle du catalogue ne s'applique à ce "
           "projet.", "idle": "Applicables mais sans effet modélisé",
           "not_modelled": "non modélisé", "baseline": "situation de départ",
           "details": "Détails", "members": "composé de"},
}
_EFFORT = {"fr": {"low": "faible", "medium": "moyen", "high": "fort"}}


def register(sub) -> None:
    s = sub.add_parser("suggest", help="eco-design changes ranked by the saving the engine "
                       "computes, with P(saving > 0)")
    s.add_argument("project", help="project file (.yaml, .yml or .json)")
    s.add_argument("--format", choices=("table", "json"), default="table",
                   help="table (readable) or json (every indicator, overrides, draws)")
    s.add_argument("--lang", choices=("en", "fr"), default="en",
                   help="language of the suggestions' texts (default en)")
    s.add_argument("--draws", type=int, default=1000,
                   help="Monte Carlo draws for the savings' uncertainty (default 1000; 0 "
                   "for the computed savings only)")
    s.add_argument("--seed", type=int, default=0, help="seed of the draws (default 0)")
    s.add_argument("--parameters", action="store_true",
                   help="also draw the datasets' activity parameters (lifetimes, powers, "
                   "PUE); slower (default: factors only)")
    s.add_argument("--indicator", action="append", dest="indicators", default=None,
                   choices=("climate_change", "primary_energy", "abiotic_depletion",
                            "water"),
                   help="indicator to compute (repeatable; the first ranks; default "
                   "climate_change)")
    s.set_defaults(func=_cmd_suggest)


def fmt(value: float, lang: str = "en") -> str:
    """A readable number in the language's writing (French: 1 234,5)."""
    text = _fmt_en(value)
    if lang == "fr":
        text = text.replace("not covered", "non couvert").replace(",", "\u202f") \
            .replace(".", ",")
    return text


def _pct(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.0%}"


def _cmd_suggest(args) -> int:
    from ..files import read_project
    from ..recommendations import suggest

    project = read_project(args.project)
    result = suggest(project, draws=args.draws or None, seed=args.seed,
                     parameters=args.parameters,
                     indicators=tuple(args.indicators or ("climate_change",)))
    out = sys.stdout
    if args.format == "json":
        json.dump(result.to_dict(args.lang), out, ensure_ascii=False, indent=2, default=str,
                  allow_nan=False)
        out.write("\n")
        return 0
    _write_table(out, project, result, args.lang)
    return 0


def _write_table(out, project, result, lang: str) -> None:
    import pandas as pd

    w = _WORDS[lang]
    ind = result.indicators[0]
    out.write(f"{w['title']} — {project.name}\n")
    if not len(result) and not result.no_effect:
        out.write(w["none"] + "\n")
        return
    first = (result.items or result.no_effect)[0].savings.iloc[0]
    unit = first["unit"]
    out.write(f"{ind} {w['baseline']}: {fmt(first['baseline'], lang)} {unit}; "
              f"{w['saving']} [{unit}], {result.draws} {w['draws']} (seed {result.seed})\n\n")
    lines = []
    ranked = [(str(i + 1), s) for i, s in enumerate(result.items)]
    if result.combined is not None:
        ranked.append(("*", result.combined))
    for rank, s in ranked:
        row = s.savings.iloc[0]
        lines.append({
            w["rank"]: rank, w["suggestion"]: s.title(lang)[:80],
            w["service"]: s.service[:30], w["saving"]: fmt(row["saving"], lang),
            "%": "—" if math.isnan(row["saving_pct"]) else
            fmt(round(row["saving_pct"], 1), lang),
            w["range"]: f"{fmt(row['saving_p5'], lang)} – {fmt(row['saving_p95'], lang)}"
            if "saving_p5" in row else "—",
            w["p"]: _pct(row.get("p_saving_positive", float("nan"))),
            w["effort"]: _EFFORT.get(lang, {}).get(s.effort, s.effort),
            w["criteria"]: ", ".join(s.criteria),
            "": w["estimate"] if s.quality == "estimate" else ""})
    if lines:
        table = pd.DataFrame(lines)
        for col in (w["suggestion"], w["service"]):  # text reads left-aligned
            table[col] = table[col].str.ljust(int(table[col].str.len().max()))
        out.write(table.to_string(index=False, justify="left") + "\n")
    out.write(f"\n{w['details']}:\n")
    for rank, s in ranked:
        text = s.detail(lang) if s.matches else f"{w['members']}: " + ", ".join(s.members)
        out.write(f"{rank}. {text}\n")
        if s.not_modelled(lang):
            out.write(f"   ({w['not_modelled']}: {s.not_modelled(lang)})\n")
    if result.no_effect:
        out.write(f"\n{w['idle']}:\n")
        for s in result.no_effect:
            out.write(f"- {s.title(lang)} — {s.service}\n")
