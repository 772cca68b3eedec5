"""Everyday equivalents of a climate-change figure, for readers who are not specialists.

Each equivalent is a published per-use figure of ADEME's *Impact CO2* site (the
``usagenumerique`` data, default parameters), so the comparison stays within digital
uses a museum's audience knows.

References
----------
ADEME, Impact CO2, repository incubateur-ademe/impactco2 (commit 8076a48),
``usagenumerique`` data: 1 h of video streaming 64.0 gCO2e (HD, fixed network, France,
average device mix); 1 e-mail 2.46 gCO2e; 1 web search 1.23 gCO2e (the ``.ts`` figure).
Carried over in the project's factors dossier, §8.4.
"""

from __future__ import annotations

__all__ = ["EQUIVALENTS", "SOURCE", "equivalents"]

SOURCE = ("ADEME, Impact CO2 (impactco2.fr), usagenumerique data, repository "
          "incubateur-ademe/impactco2 commit 8076a48")

#: id -> gCO2e per one unit of the everyday use (ADEME Impact CO2, published).
EQUIVALENTS: dict[str, float] = {
    "streaming_hour": 64.0,
    "email": 2.46,
    "web_search": 1.23,
}


def equivalents(total_kgco2e: float) -> dict[str, float]:
    """How many of each everyday use emit ``total_kgco2e`` [kgCO2e].

    >>> round(equivalents(0.64)["streaming_hour"], 6)
    10.0
    """
    return {key: total_kgco2e * 1000.0 / g for key, g in EQUIVALENTS.items()}
