"""Message catalogs (French by default, English on a toggle) and locale formatting."""

from __future__ import annotations

import streamlit as st

CATALOGS: dict[str, dict[str, str]] = {
    "fr": {
        "app_title": "Empreinte environnementale des services numériques culturels",
        "intro": "Décrivez un service numérique culturel et voyez son empreinte sur tout son "
                 "cycle de vie (fabrication, distribution, usage, fin de vie) et par tiers "
                 "(terminaux, réseaux, centres de données, équipements sur site). Chaque chiffre "
                 "renvoie à son facteur et à sa source.",
        "language": "English",
        "open_sample": "Ouvrir un projet exemple",
        "upload": "…ou importer un fichier projet (YAML ou JSON)",
        "total": "Changement climatique",
        "electricity": "Électricité consommée",
        "per_fu": "Par {unit}",
        "by_stage_tier": "Par étape du cycle de vie et par tiers",
        "not_covered": "non couvert",
        "indicator": "Indicateur", "value": "Valeur", "unit": "Unité",
        "range": "Fourchette (tous facteurs bas – hauts)",
        "parts_not_covered": "Parties non couvertes",
        "not_covered_detail": "Parties sans facteur pour un indicateur (non couvertes, pas zéro)",
        "details": "Détail traçable (facteur, jeu de données, source)",
        "sources": "Sources et licences des données",
        "warnings": "À lire",
        "error": "Le projet n'est pas valide",
        "manufacturing": "Fabrication", "distribution": "Distribution", "use": "Usage",
        "end_of_life": "Fin de vie",
        "user_devices": "Terminaux", "networks": "Réseaux", "data_centres": "Centres de données",
        "onsite": "Équipements sur site",
        "climate_change": "Changement climatique", "primary_energy": "Énergie primaire",
        "abiotic_depletion": "Épuisement des ressources abiotiques", "water": "Eau",
    },
    "en": {
        "app_title": "Environmental footprint of digital cultural services",
        "intro": "Describe a digital cultural service and see its footprint across its life "
                 "cycle (manufacturing, distribution, use, end of life) and tiers (user "
                 "devices, networks, data centres, on-site equipment). Every number links to "
                 "its factor and source.",
        "language": "Français",
        "open_sample": "Open a sample project",
        "upload": "…or upload a project file (YAML or JSON)",
        "total": "Climate change",
        "electricity": "Electricity used",
        "per_fu": "Per {unit}",
        "by_stage_tier": "By lifecycle stage and tier",
        "not_covered": "not covered",
        "indicator": "Indicator", "value": "Value", "unit": "Unit",
        "range": "Range (all factors low – high)",
        "parts_not_covered": "Parts not covered",
        "not_covered_detail": "Parts with no factor for an indicator (not covered, not zero)",
        "details": "Traceable detail (factor, dataset, source)",
        "sources": "Data sources and licences",
        "warnings": "Please read",
        "error": "The project is not valid",
        "manufacturing": "Manufacturing", "distribution": "Distribution", "use": "Use",
        "end_of_life": "End of life",
        "user_devices": "User devices", "networks": "Networks", "data_centres": "Data centres",
        "onsite": "On-site equipment",
        "climate_change": "Climate change", "primary_energy": "Primary energy",
        "abiotic_depletion": "Abiotic depletion", "water": "Water",
    },
}


def lang() -> str:
    return st.session_state.setdefault("lang", "fr")


def t(key: str, **kwargs) -> str:
    """Translated message for the session's language."""
    text = CATALOGS[lang()].get(key, key)
    return text.format(**kwargs) if kwargs else text


def fmt(value: float, digits: int = 3) -> str:
    """A number formatted for the session's locale; NaN reads "not covered"."""
    from babel.numbers import format_decimal

    if value != value:
        return t("not_covered")
    rounded = float(f"{value:.{digits}g}")
    return format_decimal(rounded, locale="fr_FR" if lang() == "fr" else "en_GB")


def language_toggle() -> None:
    """A button that switches between French and English."""
    if st.sidebar.button(t("language"), key="lang_toggle"):
        st.session_state["lang"] = "en" if lang() == "fr" else "fr"
        st.rerun()
