"""The result of a Sustainable Web Design estimate (:mod:`footprint.methods.swd`): the
total is computed at once; the breakdown, energy and rating when first read (over
millions of pages they cost several times the total).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from footprint.methods import _swd_constants as K

__all__ = ["SWDResult", "rating_of"]

Number = float | np.ndarray


@dataclass(frozen=True)
class SWDResult:
    """Result of a Sustainable Web Design estimate.

    Attributes
    ----------
    total_gco2e : float or numpy.ndarray
        Emissions per byte amount (``per_byte``) or per average visit
        (``per_visit``) [gCO2e].
    breakdown_gco2e : dict
        Emissions by ``<segment>_<phase>`` key: v4 ``data_centre_operational``,
        ``data_centre_embodied``, ``network_operational``, ``network_embodied``,
        ``device_operational``, ``device_embodied``; v3 ``device_operational``,
        ``network_operational``, ``production_embodied``,
        ``data_centre_operational``. Green hosting included [gCO2e].
    energy_kwh : dict
        Energy with the same keys; embodied entries are the model's embodied
        energy [kWh].
    first_visit_gco2e, return_visit_gco2e : float, numpy.ndarray or None
        Contributions of first and return visits to ``total_gco2e``
        (``per_visit`` only, else None) [gCO2e].
    rating : str or numpy.ndarray
        SWD digital carbon rating ``A+`` ... ``F`` of ``total_gco2e``.
    version : int
        SWD version (3 or 4).
    kind : str
        ``"per_byte"`` or ``"per_visit"``.
    inputs : dict
        Every input and constant used (trace).
    """

    total_gco2e: Number
    first_visit_gco2e: Number | None
    return_visit_gco2e: Number | None
    version: int
    kind: str
    inputs: dict
    #: () -> (breakdown, energy): computed when first asked for
    parts: Callable = field(repr=False, compare=False)
    scalar: bool = field(default=False, repr=False)

    @cached_property
    def _parts(self) -> tuple[dict, dict]:
        return self.parts()

    @property
    def breakdown_gco2e(self) -> dict:
        """Emissions by ``<segment>_<phase>`` (see the class docstring) [gCO2e]."""
        return self._parts[0]

    @property
    def energy_kwh(self) -> dict:
        """Energy by ``<segment>_<phase>`` [kWh]."""
        return self._parts[1]

    @cached_property
    def rating(self) -> str | np.ndarray:
        """SWD digital carbon rating of ``total_gco2e``."""
        return rating_of(self.total_gco2e, self.version, self.scalar)

    def _sum(self, keys: list[str]) -> Number:
        total = 0.0
        for key in keys:
            total = total + self.breakdown_gco2e[key]
        return total

    @property
    def operational_gco2e(self) -> Number:
        """Emissions of the energy used while transferring data [gCO2e]."""
        return self._sum([k for k in self.breakdown_gco2e if k.endswith("_operational")])

    @property
    def embodied_gco2e(self) -> Number:
        """Emissions of hardware manufacture (v3: the production segment) [gCO2e]."""
        return self._sum([k for k in self.breakdown_gco2e if k.endswith("_embodied")])

    @property
    def segment_gco2e(self) -> dict:
        """Emissions by segment, operational plus embodied [gCO2e]."""
        out: dict = {}
        for key, value in self.breakdown_gco2e.items():
            segment = key.rsplit("_", 1)[0]
            out[segment] = out.get(segment, 0.0) + value
        return out

    @property
    def total_energy_kwh(self) -> Number:
        """Energy of all segments [kWh]."""
        total = 0.0
        for value in self.energy_kwh.values():
            total = total + value
        return total


def rating_of(gco2e, version: int, scalar: bool):
    bounds = np.asarray(K.RATING_UPPER_BOUNDS_GCO2E[version])
    labels = np.asarray(K.RATING_LABELS)
    index = np.searchsorted(bounds, gco2e, side="left")
    return str(labels[index]) if scalar else labels[index]
