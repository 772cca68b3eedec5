"""Everyday equivalents of a climate-change figure, for readers who are not specialists:
one module for the app's Results page and the exported report.

Each equivalent comes from a cited figure; two from the bundled factor datasets (so they
follow the data's editions), one from ADEME's per-hour streaming figure:

- manufacture of a smartphone: ADEME Base Empreinte® / NegaOctet via
  ``publicodes-acv-numerique`` 2.1.0 (``device.smartphone``: manufacture + distribution +
  end of life, without use);
- French grid electricity: ADEME Base Empreinte® 2024 (``electricity`` in FR);
- one hour of HD video streamed at home in France: 67.8 gCO2e (ADEME
  ``publicodes-acv-numerique`` 2.1.0, rule ``streaming``, HD, fixed network, ADEME's
  average screen mix: 36.8 device manufacture + 2.7 device use + 27.8 network + 0.5 data
  centre), recorded in ``shared/research/factors.md`` §8. ADEME's *Impact CO2* site shows
  ≈ 64 g for the same use from an older edition of the data (§8.4); the model's figure is
  kept, being the edition of the bundled datasets.
"""

from __future__ import annotations

import math

__all__ = ["equivalences", "STREAMING_HOUR_GCO2E", "STREAMING_SOURCE"]

#: gCO2e per hour of HD streaming at home, France (ADEME publicodes-acv-numerique 2.1.0)
STREAMING_HOUR_GCO2E = 67.8
STREAMING_SOURCE = "ADEME publicodes-acv-numerique 2.1.0, streaming HD"

#: (key, factor code, region) of the equivalents read from the factor datasets
_FROM_DATA = (("smartphones", "device.smartphone", "GLO"), ("electricity_fr", "electricity", "FR"))


def equivalences(total_kgco2e: float, registry=None) -> list[dict]:
    """Equivalents of a climate-change total [kgCO2e]: ``key``, ``value`` (a count),
    ``per`` (kgCO2e per unit) and ``source``; an empty list for a total that is not finite
    or not positive.

    >>> round(equivalences(0.678, registry=False)[-1]["value"], 6)
    10.0
    """
    if not math.isfinite(total_kgco2e) or total_kgco2e <= 0:
        return []
    out = []
    if registry is not False:  # False: only the published figure (no dataset read)
        if registry is None:
            from .factors import default_registry

            registry = default_registry()
        for key, code, region in _FROM_DATA:
            try:
                per = registry.factor(code, region=region, unit=None)
                used = registry.resolve_region(code, region, indicator="climate_change")
                f = registry.factors
                row = f[(f["code"] == code) & (f["indicator"] == "climate_change")
                        & (f["region"] == used)]
                dataset = str(row["dataset"].iloc[0]) if len(row) else ""
            except (KeyError, ValueError):
                continue
            if per > 0:
                out.append({"key": key, "value": total_kgco2e / per, "per": per,
                            "source": dataset})
    per = STREAMING_HOUR_GCO2E / 1000
    out.append({"key": "streaming_hours", "value": total_kgco2e / per, "per": per,
                "source": STREAMING_SOURCE})
    return out
