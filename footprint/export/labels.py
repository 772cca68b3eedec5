"""French and English labels of the exports, and numbers written the way each language reads.

Ids (``manufacturing``, ``user_devices``, ``4.5``) stay language-neutral in every export;
only labels change with ``lang``. Numbers in machine-readable exports (CSV, JSON, XLSX
cells) are plain numbers; :func:`number` formats them for people (the report) with babel's
CLDR data: ``1 234,5`` in French, ``1,234.5`` in English.
"""

from __future__ import annotations

import math

from ..errors import ProjectError

__all__ = ["LANGS", "check_lang", "label", "number", "LABELS"]

LANGS = ("fr", "en")
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

#: id -> (French, English)
LABELS: dict[str, tuple[str, str]] = {
    # stages
    "manufacturing": ("Fabrication", "Manufacturing"),
    "distribution": ("Distribution", "Distribution"),
    "use": ("Utilisation", "Use"),
    "end_of_life": ("Fin de vie", "End of life"),
    # tiers
    "user_devices": ("Terminaux des utilisateurs", "User devices"),
    "networks": ("Réseaux", "Networks"),
    "data_centres": ("Centres de données", "Data centres"),
    "onsite": ("Équipements sur site", "On-site equipment"),
    # indicators
    "climate_change": ("Changement climatique", "Climate change"),
    "primary_energy": ("Énergie primaire", "Primary energy"),
    "resource_use_fossils": ("Épuisement des ressources fossiles", "Resource use, fossils"),
    "abiotic_depletion": ("Épuisement des ressources minérales et métalliques",
                          "Resource use, minerals and metals"),
    "water": ("Eau", "Water"),
    "acidification": ("Acidification", "Acidification"),
    "particulate_matter": ("Particules fines", "Particulate matter"),
    "ionising_radiation": ("Rayonnements ionisants", "Ionising radiation"),
    # columns
    "indicator": ("Indicateur", "Indicator"),
    "total": ("Total", "Total"),
    "low": ("Bas", "Low"),
    "high": ("Haut", "High"),
    "extreme_low": ("Borne extrême basse", "Extreme low bound"),
    "extreme_high": ("Borne extrême haute", "Extreme high bound"),
    "unit": ("Unité", "Unit"),
    "rows_not_covered": ("Lignes non couvertes", "Rows not covered"),
    "stage": ("Étape", "Stage"),
    "tier": ("Tiers", "Tier"),
    "service": ("Service", "Service"),
    "component": ("Composant", "Component"),
    "kind": ("Type", "Kind"),
    "share": ("Part", "Share"),
    "not_covered": ("non couvert", "not covered"),
    "covered": ("couvert", "covered"),
    "not covered": ("non couvert", "not covered"),
    "partial": ("partiel", "partial"),
    "incomplete": ("incomplet", "incomplete"),
    "complete": ("complet", "complete"),
    "included": ("inclus dans une autre étape", "included in another stage"),
    "in manufacturing": ("inclus dans la fabrication", "in manufacturing"),
    "status": ("Statut", "Status"),
    "missing": ("Non couvert", "Not covered"),
    "rows": ("Lignes", "Rows"),
    "included_in": ("Inclus dans", "Included in"),
    "information": ("pour information", "information only"),
    "rule": ("règle", "rule"),
    "convention": ("convention", "convention"),
    "interpretation": ("interprétation", "interpretation"),
    "estimate": ("estimation", "estimate"),
    # sheets and sections
    "summary": ("Synthèse", "Summary"),
    "stage_tier": ("Étape x tiers", "Stage x tier"),
    "services": ("Services", "Services"),
    "scenarios": ("Scénarios", "Scenarios"),
    "recommendations": ("Recommandations", "Recommendations"),
    "beges": ("BEGES v5", "BEGES v5"),
    "ghg": ("GHG Protocol", "GHG Protocol"),
    "detail": ("Détail", "Detail"),
    "factors": ("Facteurs", "Factors"),
    "method": ("Méthode", "Method"),
    "assumptions": ("Hypothèses", "Assumptions"),
    "coverage": ("Couverture", "Coverage"),
    "sources": ("Sources et licences", "Sources and licences"),
    "warnings": ("Avertissements", "Warnings"),
    "uncertainty": ("Incertitude", "Uncertainty"),
}


def check_lang(lang: str) -> str:
    """The language code, or a :class:`ProjectError` naming what is allowed."""
    if lang not in LANGS:
        raise ProjectError(f"language {lang!r} is not one of {list(LANGS)}", path="lang",
                           value=lang)
    return lang


def label(key: str, lang: str) -> str:
    """The label of an id in ``lang``; an unknown id is shown as it is (user names)."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "fr" else pair[1]


def number(value, lang: str, *, digits: int = 3, min_digits: int = 0) -> str:
    """A number for people: grouped thousands and the language's decimal mark.

    ``digits`` significant figures below 1,000, whole numbers above; NaN reads *not
    covered*, never 0.
    """
    from babel.numbers import format_decimal

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return label("not_covered", lang)
    value = float(value)
    if value == 0:
        return "0"
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(min_digits, digits - 1 - magnitude, 0)
    pattern = "#,##0" + ("." + "0" * min_digits + "#" * (decimals - min_digits)
                         if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_LOCALES[lang])
