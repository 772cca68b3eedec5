"""Carbon-balance mapping: each result row to a BEGES v5 poste and a GHG-Protocol line.

The default follows ``shared/research/reporting.md`` §3.1, from the point of view of the
institution under operational control. Each mapping is flagged ``rule`` (stated by a text
or method), ``convention`` (an overridable default) or ``interpretation`` (ours):

============================  =========================  ===================  ==============
rows (tier, stage)            BEGES v5                   GHG Protocol         basis
============================  =========================  ===================  ==============
on-site, use (electricity)    2.1 (whole: the factor is  scope 2 (location)   rule
                              not split into upstream)
on-site, manufacture + distr. 4.2, allocated share of    scope 3 cat. 2;      convention
                              the period                 whole if purchased
on-site, end of life          4.3                        scope 3 cat. 5       convention
data centres (all stages)     4.5 (hosting, cloud, CDN,  scope 3 cat. 1       rule (BC)
                              AI APIs)
networks (all stages)         5.1                        scope 3 cat. 11      convention
user devices, use             5.1                        scope 3 cat. 11      convention
user devices, manufacture,    information line outside   same                 interpretation
distribution, end of life     the totals (switch)
============================  =========================  ===================  ==============

The project's ``reporting`` section overrides it (see :mod:`footprint.schema.reporting`).

References
----------
ABC, *Méthode Bilan Carbone® v9* (§4.5, annexe 1) and BC+ export rules
(ABC-TransitionBasCarbone/bilan-carbone @949af9c); Décret n° 2022-982; WRI/WBCSD Scope 3
Standard (2011) and its technical guidance (2013), category 11.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["map_rows", "DEFAULT_NOTES"]

_ELEC = ("Électricité des équipements de l'établissement ; le facteur n'est pas séparé en "
         "production et amont, donc tout en 2.1 comme le fait l'outil BC+ de l'ABC",
         "Electricity of the institution's equipment; the factor is not split into "
         "generation and upstream, so the whole is in 2.1, as ABC's BC+ tool does")
_CAPEX = ("Part de fabrication allouée à la période (amortissement) ; le GHG Protocol compte "
          "la fabrication entière l'année d'achat (déclarer reporting.purchases)",
          "Manufacturing share allocated to the period (depreciation); the GHG Protocol "
          "counts the whole manufacture in the purchase year (declare reporting.purchases)")
_EOL = ("Fin de vie des équipements de l'établissement (DEEE), au prorata de la période",
        "End of life of the institution's equipment (WEEE), pro rata over the period")
_HOST = ("Hébergement, cloud, CDN, API d'IA : achats de services (Bilan Carbone, usages "
         "numériques)", "Hosting, cloud, CDN, AI APIs: purchased services (Bilan Carbone, "
         "digital uses)")
_NET = ("Réseaux utilisés par le public : avec l'usage des services produits (convention)",
        "Networks used by the audience: with the use of the services produced (convention)")
_USE = ("Électricité des terminaux du public pendant l'usage du service (convention)",
        "Electricity of the audience's devices while using the service (convention)")
_AUD = ("Fabrication des terminaux du public : émissions « en dépendance », hors BEGES "
        "(interprétation) ; reporting.audience_device_manufacture: in_5_1 les inclut",
        "Manufacture of the audience's devices: 'dependency' emissions, outside the BEGES "
        "(interpretation); reporting.audience_device_manufacture: in_5_1 includes them")
_AUD_IN = ("Fabrication des terminaux du public incluse en 5.1 par choix du projet",
           "Manufacture of the audience's devices included in 5.1 by the project's choice")

#: note id -> (French, English)
DEFAULT_NOTES = {"elec": _ELEC, "capex": _CAPEX, "eol": _EOL, "host": _HOST, "net": _NET,
                 "use": _USE, "aud": _AUD, "aud_in": _AUD_IN}


def map_rows(result, reporting=None, *, lang: str = "fr") -> pd.DataFrame:
    """The climate-change rows of ``result.table`` with their carbon-balance lines.

    Added columns: ``beges`` (poste id or ``info.audience_devices``), ``ghg`` (line id),
    ``mapping_basis`` (``rule``, ``convention``, ``interpretation`` or ``project``),
    ``mapping_note``
    (in ``lang``), ``impact_ghg`` [kgCO2e] (as ``impact``, except purchased equipment
    counted whole for the GHG Protocol) and ``ghg_purchase`` (True on those rows).
    """
    reporting = reporting if reporting is not None else result.project.reporting
    t = result.table
    rows = t[t["indicator"] == "climate_change"].drop(columns=["factor_idx"], errors="ignore")
    rows = rows.reset_index(drop=True)
    tier, stage = rows["tier"].to_numpy(), rows["stage"].to_numpy()
    embodied = np.isin(stage, ("manufacturing", "distribution"))
    aud_in = reporting.audience_device_manufacture == "in_5_1"
    conditions = [
        (tier == "onsite") & (stage == "use"),
        (tier == "onsite") & embodied,
        (tier == "onsite") & (stage == "end_of_life"),
        tier == "data_centres",
        tier == "networks",
        (tier == "user_devices") & (stage == "use"),
        tier == "user_devices",
    ]
    aud = ("5.1", "3.11", "project", "aud_in") if aud_in else \
        ("info.audience_devices", "info.audience_devices", "interpretation", "aud")
    choices = [("2.1", "scope2", "rule", "elec"), ("4.2", "3.2", "convention", "capex"),
               ("4.3", "3.5", "convention", "eol"), ("4.5", "3.1", "rule", "host"),
               ("5.1", "3.11", "convention", "net"), ("5.1", "3.11", "convention", "use"),
               aud]
    i = 0 if lang == "fr" else 1
    for col, k in (("beges", 0), ("ghg", 1), ("mapping_basis", 2), ("mapping_note", 3)):
        values = [c[k] for c in choices]
        if col == "mapping_note":
            values = [DEFAULT_NOTES[v][i] for v in values]
        rows[col] = np.select(conditions, values, default="6.1" if col == "beges" else
                              ("" if col != "mapping_basis" else "interpretation"))
    for rule in reporting.mapping:
        hit = np.ones(len(rows), dtype=bool)
        for field in ("service", "component", "tier", "stage"):
            wanted = getattr(rule, field)
            if wanted:
                hit &= rows[field].to_numpy() == wanted
        rows.loc[hit, ["beges", "ghg", "mapping_basis", "mapping_note"]] = [rule.beges, rule.ghg,
                                                                            "project",
                                                            rule.note]
    rows["impact_ghg"] = rows["impact"]
    rows["ghg_purchase"] = False
    for n, p in enumerate(reporting.purchases):
        hit = ((rows["service"] == p.service) & (rows["component"] == p.component)
               & rows["stage"].isin(("manufacturing", "distribution"))
               & (rows["flow"] == "device") & (rows["amount"] > 0)).to_numpy()
        if not hit.any():
            from ..errors import ProjectError

            raise ProjectError(f"no device of component {p.component!r} in service "
                               f"{p.service!r}: purchases name a service and one of its "
                               "components whose flow is a device share",
                               path=f"reporting.purchases[{n}]", value=p.component)
        # impact per whole device = impact / device share; × devices bought
        rows.loc[hit, "impact_ghg"] = (rows.loc[hit, "impact"] / rows.loc[hit, "amount"]
                                       * p.devices)
        rows.loc[hit, "ghg_purchase"] = True
    return rows
