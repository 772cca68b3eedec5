"""The report's sentences in French and English (placeholders filled by report.py)."""

from __future__ import annotations

__all__ = ["TEXT"]

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Empreinte environnementale",
        "period": "Période",
        "no_period": "non précisée (chiffres tels que saisis)",
        "generated": "produit le",
        "assessed": "Ce qui a été évalué",
        "headline": "Chiffres clés (changement climatique)",
        "total_label": "Total, toutes étapes du cycle de vie et tous tiers",
        "bound_range": "Plage : {low} – {high} {unit} (tous les facteurs à leur borne basse "
                       "puis haute : une borne, pas un intervalle de confiance)",
        "mc_range": "Intervalle 5 %–95 % (Monte Carlo) : {low} – {high} {unit}",
        "per_fu": "par {fu}",
        "beges_total": "Dans le BEGES (total des postes)",
        "info_line": "hors total, fabrication des terminaux du public",
        "none": "aucune",
        "coverage_ok": "Couverture : chaque étape de chaque activité a un facteur de "
                       "changement climatique.",
        "coverage_cc": "Couverture du changement climatique : {status} ({missing} : sans "
                       "facteur, non compté, jamais compté comme 0).",
        "coverage_other": "Indicateurs incomplets ou partiels : {ind}.",
        "equivalences": "Pour se représenter ce chiffre",
        "eq_smartphones": "fabrications de smartphones ({per} kgCO2e chacune, hors usage)",
        "eq_electricity_fr": "kWh d'électricité du réseau français ({per} kgCO2e/kWh)",
        "eq_streaming_hours": "heures de vidéo HD regardées chez soi en France ({per} kgCO2e "
                              "par heure, terminal, réseau et centre de données)",
        "breakdown": "Répartition",
        "chart_stage": "Impact par étape du cycle de vie, par tiers",
        "chart_service": "Impact par service, par tiers",
        "stage": "Étape", "tier": "Tiers",
        "scenarios": "Scénarios",
        "recommendations": "Principales recommandations",
        "beges": "Bilan d'émissions de GES (BEGES, méthode v5) et GHG Protocol",
        "poste": "Poste", "tco2e": "tCO2e", "basis": "Rattachement",
        "bound_header": "Plage (bornes des facteurs)",
        "mc_header": "Intervalle 5–95 % (Monte Carlo)",
        "beges_note": "Les postes que l'outil n'atteint pas (combustion, déplacements, "
                      "déchets des autres activités…) sont « non couverts » : à compléter par "
                      "le bilan de l'établissement. Rattachement : règle (texte ou méthode), "
                      "convention (choix par défaut modifiable dans la section reporting du "
                      "projet), interprétation (la nôtre).",
        "method_title": "Méthode",
        "method": "Inventaire puis caractérisation : chaque service est traduit en flux "
                  "physiques (kWh, Go transférés, parts de fabrication des équipements, "
                  "To-années stockés), multipliés par des facteurs cités par étape du cycle "
                  "de vie. Répartition de la fabrication des équipements : {allocation}. "
                  "Les tableaux complets (détail, facteurs, hypothèses) sont dans les exports "
                  "XLSX, CSV et JSON.",
        "sources": "Données, sources et licences",
        "licence": "licence",
        "estimate": "estimation",
        "estimates_text": "Facteurs estimés par le projet footprint (étiquetés) :",
        "limits": "Limites et parties non couvertes",
        "limit_scope": "Périmètre : le service numérique (terminaux, réseaux, centres de "
                       "données, équipements sur site) ; ni les déplacements du public ni le "
                       "bâtiment.",
        "limit_bound": "Les plages bas–haut additionnent les bornes de chaque facteur : ce "
                       "sont des bornes, pas des probabilités.",
        "limit_nc": "{ind} non couvert pour : {parts}",
    },
    "en": {
        "title": "Environmental footprint",
        "period": "Period",
        "no_period": "not given (figures as entered)",
        "generated": "generated",
        "assessed": "What was assessed",
        "headline": "Headline figures (climate change)",
        "total_label": "Total, every life-cycle stage and every tier",
        "bound_range": "Range: {low} – {high} {unit} (every factor at its low, then high, "
                       "end: a bound, not a confidence interval)",
        "mc_range": "5%–95% interval (Monte Carlo): {low} – {high} {unit}",
        "per_fu": "per {fu}",
        "beges_total": "In the BEGES (total of the postes)",
        "info_line": "outside the total, manufacture of the audience's devices",
        "none": "none",
        "coverage_ok": "Coverage: every stage of every activity has a climate-change factor.",
        "coverage_cc": "Climate-change coverage: {status} ({missing}: no factor, not counted, "
                       "never counted as 0).",
        "coverage_other": "Incomplete or partial indicators: {ind}.",
        "equivalences": "To picture this figure",
        "eq_smartphones": "smartphones manufactured ({per} kgCO2e each, use excluded)",
        "eq_electricity_fr": "kWh of French grid electricity ({per} kgCO2e/kWh)",
        "eq_streaming_hours": "hours of HD video watched at home in France ({per} kgCO2e per "
                              "hour, device, network and data centre)",
        "breakdown": "Breakdown",
        "chart_stage": "Impact per life-cycle stage, by tier",
        "chart_service": "Impact per service, by tier",
        "stage": "Stage", "tier": "Tier",
        "scenarios": "Scenarios",
        "recommendations": "Top recommendations",
        "beges": "Greenhouse-gas balance (French BEGES, method v5) and GHG Protocol",
        "poste": "Line", "tco2e": "tCO2e", "basis": "Mapping",
        "bound_header": "Range (factor bounds)",
        "mc_header": "5–95% interval (Monte Carlo)",
        "beges_note": "Lines the tool does not reach (combustion, travel, waste of other "
                      "activities…) are 'not covered': the institution's own balance fills "
                      "them. Mapping: rule (a text or method), convention (a default the "
                      "project's reporting section can change), interpretation (ours).",
        "method_title": "Method",
        "method": "Inventory, then characterisation: each service becomes physical flows "
                  "(kWh, GB moved, shares of devices' manufacture, TB-years stored), "
                  "multiplied by cited factors per life-cycle stage. Allocation of devices' "
                  "manufacture: {allocation}. The full tables (detail, factors, assumptions) "
                  "are in the XLSX, CSV and JSON exports.",
        "sources": "Data, sources and licences",
        "licence": "licence",
        "estimate": "estimate",
        "estimates_text": "Factors estimated by the footprint project (labelled):",
        "limits": "Limits and parts not covered",
        "limit_scope": "Scope: the digital service (devices, networks, data centres, on-site "
                       "equipment); neither the audience's travel nor the building.",
        "limit_bound": "Low–high ranges add up each factor's bounds: bounds, not "
                       "probabilities.",
        "limit_nc": "{ind} not covered for: {parts}",
    },
}
