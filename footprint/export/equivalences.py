"""Equivalences a non-specialist understands, each from a cited figure.

Two come from the bundled factor datasets (so they follow the data's editions), one from
ADEME's published per-hour figure:

- manufacture of a smartphone: ADEME Base Empreinte® / NegaOctet via
  ``publicodes-acv-numerique`` 2.1.0 (``device.smartphone``: manufacture + distribution +
  end of life, without use);
- French grid electricity: ADEME Base Empreinte® 2024 (``electricity`` in FR);
- one hour of HD video streamed at home in France: 67.8 gCO2e (ADEME
  ``publicodes-acv-numerique`` 2.1.0, rule ``streaming``, HD, fixed network, ADEME's
  average screen mix: 36.8 device manufacture + 2.7 device use + 27.8 network + 0.5 data
  centre), recorded in ``shared/research/factors.md`` §8.
"""

from __future__ import annotations

__all__ = ["equivalences", "STREAMING_HOUR_GCO2E"]

#: gCO2e per hour of HD streaming at home, France (ADEME publicodes-acv-numerique 2.1.0)
STREAMING_HOUR_GCO2E = 67.8


def equivalences(total_kgco2e: float, registry=None) -> list[dict]:
    """Equivalents of a climate-change total: ``key``, ``value`` (a count), ``per``
    (kgCO2e per unit) and ``source``; an empty list for a total that is not finite."""
    import math

    if not math.isfinite(total_kgco2e) or total_kgco2e <= 0:
        return []
    if registry is None:
        from ..factors import default_registry

        registry = default_registry()
    out = []
    for key, code, region in (("smartphones", "device.smartphone", "GLO"),
                              ("electricity_fr", "electricity", "FR")):
        try:
            per = registry.factor(code, region=region, unit=None)
            used = registry.resolve_region(code, region, indicator="climate_change")
            row = registry.factors
            row = row[(row["code"] == code) & (row["indicator"] == "climate_change")
                      & (row["region"] == used)]
            dataset = str(row["dataset"].iloc[0]) if len(row) else ""
        except (KeyError, ValueError):
            continue
        if per > 0:
            out.append({"key": key, "value": total_kgco2e / per, "per": per,
                        "source": dataset})
    out.append({"key": "streaming_hours", "value": total_kgco2e / (STREAMING_HOUR_GCO2E / 1000),
                "per": STREAMING_HOUR_GCO2E / 1000,
                "source": "ADEME publicodes-acv-numerique 2.1.0, streaming HD"})
    return out
