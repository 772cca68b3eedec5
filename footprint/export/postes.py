"""The reporting frameworks' lines: the 22 BEGES (method v5) postes and the GHG-Protocol
scopes and scope-3 categories, with their French and English titles.

References
----------
- BEGES v5 nomenclature: French titles as in the ABC's BC+ export (``beges.config.ts``,
  GitHub ABC-TransitionBasCarbone/bilan-carbone @949af9c), matching the method v5
  (Ministère de la Transition écologique, *Méthode pour la réalisation des bilans
  d'émissions de GES*, version 5, 2022). English glosses are ours.
- GHG Protocol: *Corporate Standard* (WRI/WBCSD, 2004) scopes; *Corporate Value Chain
  (Scope 3) Standard* (2011) category names; BEGES ↔ GHG Protocol correspondences are the
  ABC's (BC+ export rules), ADEME's own table could not be read. See
  ``shared/research/reporting.md`` §1.2 and §2.2.
"""

from __future__ import annotations

__all__ = ["BEGES_CATEGORIES", "BEGES_POSTES", "GHG_LINES", "INFO_LINE"]

#: category number -> (French, English)
BEGES_CATEGORIES: dict[int, tuple[str, str]] = {
    1: ("Émissions directes de GES", "Direct GHG emissions"),
    2: ("Émissions indirectes associées à l'énergie", "Indirect emissions from energy"),
    3: ("Émissions indirectes associées au transport", "Indirect emissions from transport"),
    4: ("Émissions indirectes associées aux produits achetés",
        "Indirect emissions from purchased products"),
    5: ("Émissions indirectes associées aux produits vendus",
        "Indirect emissions from sold products"),
    6: ("Autres émissions indirectes", "Other indirect emissions"),
}

#: (poste id, category, French title, English gloss, GHG-Protocol equivalent line id)
BEGES_POSTES: tuple[tuple[str, int, str, str, str], ...] = (
    ("1.1", 1, "Émissions directes des sources fixes de combustion",
     "Direct emissions from stationary combustion", "scope1"),
    ("1.2", 1, "Émissions directes des sources mobiles de combustion",
     "Direct emissions from mobile combustion", "scope1"),
    ("1.3", 1, "Émissions directes des procédés hors énergie",
     "Direct emissions from non-energy processes", "scope1"),
    ("1.4", 1, "Émissions directes fugitives", "Direct fugitive emissions", "scope1"),
    ("1.5", 1, "Émissions issues de la biomasse (sols et forêts)",
     "Emissions from biomass (soils and forests)", ""),
    ("2.1", 2, "Émissions indirectes liées à la consommation d'électricité",
     "Indirect emissions from electricity consumption", "scope2"),
    ("2.2", 2, "Émissions indirectes liées à la consommation de vapeur, chaleur ou froid",
     "Indirect emissions from steam, heat or cooling", "scope2"),
    ("3.1", 3, "Transport de marchandises amont", "Upstream freight", "3.4"),
    ("3.2", 3, "Transport de marchandises aval", "Downstream freight", "3.9"),
    ("3.3", 3, "Déplacements domicile-travail", "Commuting", "3.7"),
    ("3.4", 3, "Transport des visiteurs et des clients", "Visitor and customer travel", ""),
    ("3.5", 3, "Déplacements professionnels", "Business travel", "3.6"),
    ("4.1", 4, "Achats de biens", "Purchased goods", "3.1"),
    ("4.2", 4, "Immobilisations de biens", "Capital goods", "3.2"),
    ("4.3", 4, "Gestion des déchets", "Waste", "3.5"),
    ("4.4", 4, "Actifs en leasing amont", "Upstream leased assets", "3.8"),
    ("4.5", 4, "Achats de services", "Purchased services", "3.1"),
    ("5.1", 5, "Utilisation des produits vendus", "Use of sold products", "3.11"),
    ("5.2", 5, "Actifs en leasing aval", "Downstream leased assets", "3.13"),
    ("5.3", 5, "Fin de vie des produits vendus", "End of life of sold products", "3.12"),
    ("5.4", 5, "Investissements", "Investments", "3.15"),
    ("6.1", 6, "Autres émissions indirectes", "Other indirect emissions", ""),
)

#: (line id, scope, French, English); scope-3 categories of the Scope 3 Standard
GHG_LINES: tuple[tuple[str, int, str, str], ...] = (
    ("scope1", 1, "Scope 1 : émissions directes", "Scope 1: direct emissions"),
    ("scope2", 2, "Scope 2 : énergie achetée (location-based)",
     "Scope 2: purchased energy (location-based)"),
    ("3.1", 3, "Achats de biens et services", "Purchased goods and services"),
    ("3.2", 3, "Biens d'équipement", "Capital goods"),
    ("3.3", 3, "Activités liées aux combustibles et à l'énergie",
     "Fuel- and energy-related activities"),
    ("3.4", 3, "Transport et distribution amont", "Upstream transportation and distribution"),
    ("3.5", 3, "Déchets générés par les activités", "Waste generated in operations"),
    ("3.6", 3, "Déplacements professionnels", "Business travel"),
    ("3.7", 3, "Déplacements domicile-travail", "Employee commuting"),
    ("3.8", 3, "Actifs en leasing amont", "Upstream leased assets"),
    ("3.9", 3, "Transport et distribution aval", "Downstream transportation and distribution"),
    ("3.10", 3, "Transformation des produits vendus", "Processing of sold products"),
    ("3.11", 3, "Utilisation des produits vendus", "Use of sold products"),
    ("3.12", 3, "Fin de vie des produits vendus", "End-of-life treatment of sold products"),
    ("3.13", 3, "Actifs en leasing aval", "Downstream leased assets"),
    ("3.14", 3, "Franchises", "Franchises"),
    ("3.15", 3, "Investissements", "Investments"),
)

#: the line kept outside both totals by default: the audience's devices' manufacture
INFO_LINE = ("info.audience_devices",
             "Pour information : fabrication des terminaux du public (part allouée), hors total",
             "For information: manufacture of the audience's devices (allocated share), "
             "outside the total")
