"""Sustainable Web Design (SWD) model, versions 4 and 3, per byte and per visit.

Totals are identical, to the last bit of a float64, to CO2.js 0.19.0
(``perByte``/``perVisit``/``perByteTrace``/``perVisitTrace``) for the same
numeric inputs: the arithmetic is done in the same order. ``data_bytes`` may be
a number or a numpy array (any shape); arrays are processed without a Python
loop and give arrays out. Constants live in :mod:`._swd_constants`.

Where CO2.js is inconsistent or lenient we behave as follows:

1. **Green hosting and segments (v4).** CO2.js applies the green hosting
   factor ``h`` to its total only, so its segments do not add up (1 GB green:
   data centre 33.098 g, total 121.03 g). Here ``breakdown_gco2e
   ["data_centre_operational"]`` is already multiplied by ``1 - h`` and the
   segments add up to ``total_gco2e`` (within float rounding). Energy is not
   reduced by green hosting: the kWh are still used.
2. **Per-visit breakdown.** CO2.js reports one uncached view ``F`` and ``q F``
   un-weighted. Here every breakdown entry and the energy are per average
   visit (``x (f + r q)``), and ``first_visit_gco2e = f F`` plus
   ``return_visit_gco2e = r q F`` equal the total.
3. **Errors, not warnings.** CO2.js warns and falls back to defaults (even an
   unknown country silently gets the global intensity). Here any invalid input
   raises :class:`~footprint.errors.ProjectError`: negative, NaN or infinite
   bytes, non-numeric values, booleans used as numbers, shares or factors
   outside [0, 1], unknown versions, unknown segment keys or regions.
4. **Visit shares.** Each share must lie in [0, 1]. If only one of
   ``first_visit_share``/``return_visit_share`` is given the other is its
   complement; if both are given they must sum to 1 (tolerance 1e-9). CO2.js
   checks neither and keeps the other default (v4: ``first=0.6`` alone gives
   ``0.6 F``; here it gives ``0.6 F + 0.4 q F``, identical when ``q = 0``).
5. **Below one byte.** ``data_bytes < 1`` gives 0 in all four functions
   (CO2.js v3 ``perVisit`` has no guard: 0.5 B gives 1.4e-7 g there).
6. **v3 green hosting** is binary: ``green_hosting_factor`` must be 0 or 1;
   1 sets the data-centre intensity to 50 gCO2e/kWh. A number or a country
   code in ``grid_intensity`` then applies to device and network only; an
   explicit ``data_centre`` entry with v3 green hosting is an error (CO2.js
   silently discards it, issue #197). ``inputs`` reports the intensity
   actually used (the CO2.js trace reports the discarded one).
7. **v3 global intensity** is the pinned constant 472.94 gCO2e/kWh (CO2.js
   reads a value that changes with each data refresh); override it with
   ``v3_global_grid_intensity``.
8. **Segment keys** are ``device``, ``network``, ``data_centre`` only;
   CO2.js's ``dataCenter`` and the documented-but-ignored ``networks`` are
   rejected with a suggestion.
9. **Country codes** are ISO 3166-1 alpha-2 codes resolved with
   ``footprint.factors.default_registry()``; a code the registry would
   replace by a fallback region (EU27, GLO) is refused. CO2.js uses alpha-3
   codes and its own Ember table, so country results differ from CO2.js;
   numeric intensities reproduce it exactly.
10. **Ratings** are computed on the total, for ``per_byte`` too (as in
    CO2.js): meaningful only when ``data_bytes`` is one web page view.

References
----------
.. [1] Sustainable Web Design, "Estimating digital emissions" (v4),
   https://sustainablewebdesign.org/estimating-digital-emissions/
.. [2] Sustainable Web Design, "Estimating digital emissions, version 3",
   https://sustainablewebdesign.org/estimating-digital-emissions-version-3/
.. [3] Sustainable Web Design, "Digital carbon ratings",
   https://sustainablewebdesign.org/digital-carbon-ratings/
.. [4] The Green Web Foundation, CO2.js 0.19.0, https://github.com/thegreenwebfoundation/co2.js
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from footprint.errors import ProjectError
from footprint.methods import _swd_constants as K
from footprint.methods._swd_result import SWDResult, rating_of
from footprint.methods._swd_checks import (
    check_bytes, check_real, check_version, resolve_intensities, visit_shares,
)

__all__ = ["SWDResult", "per_byte", "per_visit", "rating"]

def rating(gco2e_per_view, version: int = 4):
    """Sustainable Web Design digital carbon rating of a page view.

    Parameters
    ----------
    gco2e_per_view : float or array_like
        Emissions of one page view; finite and >= 0 [gCO2e].
    version : int
        SWD version whose bands are used, 3 or 4 [-].

    Returns
    -------
    str or numpy.ndarray
        ``"A+"``, ``"A"``, ``"B"``, ``"C"``, ``"D"``, ``"E"`` or ``"F"``; a
        value equal to a band's upper bound gets that band (``<=``).

    References
    ----------
    .. [1] Sustainable Web Design, "Digital carbon ratings",
       https://sustainablewebdesign.org/digital-carbon-ratings/
    """
    version = check_version(version)
    values, scalar = check_bytes(gco2e_per_view, "gco2e_per_view", "gCO2e")
    return rating_of(values, version, scalar)


def per_byte(data_bytes, *, version: int = 4, green_hosting_factor: float = 0.0,
             grid_intensity=None, v3_global_grid_intensity: float | None = None) -> SWDResult:
    """Emissions of transferring an amount of data, without caching assumptions.

    Parameters
    ----------
    data_bytes : float or array_like
        Data transferred (e.g. page weight), finite and >= 0; amounts below
        1 byte count as 0 [bytes].
    version : int
        SWD version, 4 (default) or 3 [-].
    green_hosting_factor : float
        Share of data-centre energy that is renewable, in [0, 1]; v3 accepts
        only 0 or 1 (1 = green host at 50 gCO2e/kWh) [-].
    grid_intensity : float, str, mapping or None
        Operational grid intensity: a number for every segment, an ISO 3166-1
        alpha-2 country code, or a mapping with any of ``device``,
        ``network``, ``data_centre`` (numbers or codes); None = global
        default [gCO2e/kWh].
    v3_global_grid_intensity : float or None
        Version 3 only: global intensity used for defaults and production;
        None = 472.94 [gCO2e/kWh].

    Returns
    -------
    SWDResult
        Total, breakdown, energy, rating and trace.

    References
    ----------
    .. [1] https://sustainablewebdesign.org/estimating-digital-emissions/
    .. [2] https://sustainablewebdesign.org/estimating-digital-emissions-version-3/
    .. [3] CO2.js 0.19.0 ``perByte``/``perByteTrace``,
       https://github.com/thegreenwebfoundation/co2.js
    """
    return _estimate("per_byte", data_bytes, version, green_hosting_factor,
                     grid_intensity, v3_global_grid_intensity, (None, None, None))


def per_visit(data_bytes, *, version: int = 4, green_hosting_factor: float = 0.0,
              grid_intensity=None, first_visit_share: float | None = None,
              return_visit_share: float | None = None, data_reload_ratio: float | None = None,
              v3_global_grid_intensity: float | None = None) -> SWDResult:
    """Emissions of an average page visit, with the SWD caching assumptions.

    Parameters
    ----------
    data_bytes : float or array_like
        Data transferred by an uncached page view, finite and >= 0; amounts
        below 1 byte count as 0 [bytes].
    version : int
        SWD version, 4 (default) or 3 [-].
    green_hosting_factor : float
        Share of data-centre energy that is renewable, in [0, 1]; v3 accepts
        only 0 or 1 [-].
    grid_intensity : float, str, mapping or None
        As in :func:`per_byte` [gCO2e/kWh].
    first_visit_share : float or None
        Share of visits that are first visits; default 1 (v4), 0.75 (v3) [-].
    return_visit_share : float or None
        Share of return visits; default 0 (v4), 0.25 (v3). With
        ``first_visit_share`` it must sum to 1 [-].
    data_reload_ratio : float or None
        Share of the bytes downloaded again on a return visit (``1 - data
        cache ratio``); default 0 (v4), 0.02 (v3) [-].
    v3_global_grid_intensity : float or None
        Version 3 only, as in :func:`per_byte` [gCO2e/kWh].

    Returns
    -------
    SWDResult
        Total per visit, breakdown, first/return contributions, rating, trace.

    References
    ----------
    .. [1] https://sustainablewebdesign.org/estimating-digital-emissions/
    .. [2] https://sustainablewebdesign.org/estimating-digital-emissions-version-3/
    .. [3] CO2.js 0.19.0 ``perVisit``/``perVisitTrace``,
       https://github.com/thegreenwebfoundation/co2.js
    """
    return _estimate("per_visit", data_bytes, version, green_hosting_factor, grid_intensity,
                     v3_global_grid_intensity,
                     (first_visit_share, return_visit_share, data_reload_ratio))


def _estimate(kind, data_bytes, version, green_hosting_factor, grid_intensity,
              v3_global, shares) -> SWDResult:
    version = check_version(version)
    data_bytes, scalar = check_bytes(data_bytes, "data_bytes", "bytes")
    if version == 4:
        if v3_global is not None:
            raise ProjectError(
                f"v3_global_grid_intensity applies to version 3 only, got {v3_global!r} "
                "with version=4 (SWD v4 fixes 494 gCO2e/kWh)",
                path="v3_global_grid_intensity", value=v3_global)
        global_intensity = K.SWD_V4_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH
        green_factor = check_real(green_hosting_factor, "green_hosting_factor", "-", high=1.0)
    else:
        global_intensity = (K.SWD_V3_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH if v3_global is None
                            else check_real(v3_global, "v3_global_grid_intensity", "gCO2e/kWh"))
        green_factor = check_real(green_hosting_factor, "green_hosting_factor", "-", high=1.0)
        if green_factor not in (0.0, 1.0):
            raise ProjectError(
                f"green_hosting_factor must be 0 or 1 with version=3 (SWD v3 has no partial "
                f"green hosting), got {green_hosting_factor!r}",
                path="green_hosting_factor", value=green_hosting_factor)
    intensity, source = resolve_intensities(grid_intensity, global_intensity,
                                            v3_green=(version == 3 and green_factor == 1.0))
    inputs = {
        "method": f"Sustainable Web Design v{version}", "kind": kind,
        "reference": f"CO2.js {K.CO2JS_REFERENCE_VERSION}", "version": version,
        "data_bytes": float(data_bytes) if scalar else _read_only(data_bytes),
        "bytes_per_gb": K.BYTES_PER_GB, "data_bytes_counted_as_zero_below": 1.0,
        "green_hosting_factor": green_factor,
        "grid_intensity_gco2e_per_kwh": intensity, "grid_intensity_source": source,
        "rating_upper_bounds_gco2e": K.RATING_UPPER_BOUNDS_GCO2E[version],
    }
    visit = None
    if kind == "per_visit":
        visit = visit_shares(version, *shares)
        inputs.update(visit)
    data_gb = np.where(data_bytes < 1.0, 0.0, data_bytes) / K.BYTES_PER_GB
    if version == 4:
        inputs.update({
            "operational_kwh_per_gb": dict(K.SWD_V4_OPERATIONAL_KWH_PER_GB),
            "embodied_kwh_per_gb": dict(K.SWD_V4_EMBODIED_KWH_PER_GB),
            "embodied_grid_intensity_gco2e_per_kwh": global_intensity})
        total, _, _, first, ret = _v4(data_gb, intensity, green_factor, visit, parts=False)

        def parts():
            return _v4(data_gb, intensity, green_factor, visit)[1:3]
    else:
        inputs.update({
            "kwh_per_gb": K.SWD_V3_KWH_PER_GB,
            "segment_shares": dict(K.SWD_V3_SEGMENT_SHARES),
            "global_grid_intensity_gco2e_per_kwh": global_intensity,
            "production_grid_intensity_gco2e_per_kwh": global_intensity})
        out = _v3(data_gb, intensity, global_intensity, visit)
        total, first, ret = out[0], out[3], out[4]

        def parts():
            return out[1:3]
    if scalar:
        total, first, ret = (None if x is None else float(x) for x in (total, first, ret))

        def parts(arrays=parts):  # noqa: F811 - the same parts, as floats
            breakdown, energy = arrays()
            return ({k: float(v) for k, v in breakdown.items()},
                    {k: float(v) for k, v in energy.items()})
    # the breakdown, energy and rating are computed when first read (SWDResult)
    return SWDResult(total_gco2e=total, first_visit_gco2e=first, return_visit_gco2e=ret,
                     version=version, kind=kind, inputs=inputs, parts=parts,
                     scalar=scalar)


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.flags.writeable = False
    return view


def _v4(data_gb, intensity: Mapping, green_factor: float, visit: Mapping | None,
        parts: bool = True):
    """(total, breakdown, energy, first, return); without ``parts`` the breakdown and
    energy are empty and each segment's arrays are freed once added (a fraction of the
    memory traffic: what a total over millions of pages costs)."""
    breakdown, energy, total = {}, {}, None
    for s in ("data_centre", "network", "device"):  # CO2.js's summation order
        op_kwh = data_gb * K.SWD_V4_OPERATIONAL_KWH_PER_GB[s]
        emb_kwh = data_gb * K.SWD_V4_EMBODIED_KWH_PER_GB[s]
        op = op_kwh * intensity[s]
        if s == "data_centre":
            op = op * (1 - green_factor)
        emb = emb_kwh * K.SWD_V4_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH
        if parts:
            breakdown[f"{s}_operational"], breakdown[f"{s}_embodied"] = op, emb
            energy[f"{s}_operational"], energy[f"{s}_embodied"] = op_kwh, emb_kwh
        if total is None:
            total = op + emb
        elif visit is None:  # CO2.js perByte: the sum of the segment totals
            total = total + (op + emb)
        else:  # CO2.js perVisit: one left-to-right sum for an uncached view
            total = (total + op) + emb
    if visit is None:
        return total, breakdown, energy, None, None
    view_gco2e = total
    first_gco2e = view_gco2e * visit["first_visit_share"]
    return_gco2e = (view_gco2e * visit["data_reload_ratio"]) * visit["return_visit_share"]
    per_visit_factor = (visit["first_visit_share"]
                        + visit["data_reload_ratio"] * visit["return_visit_share"])
    if per_visit_factor != 1.0:
        breakdown = {k: v * per_visit_factor for k, v in breakdown.items()}
        energy = {k: v * per_visit_factor for k, v in energy.items()}
    return first_gco2e + return_gco2e, breakdown, energy, first_gco2e, return_gco2e


def _v3(data_gb, intensity: Mapping, global_intensity: float, visit: Mapping | None):
    system_kwh = data_gb * K.SWD_V3_KWH_PER_GB
    intensities = {"device": intensity["device"], "network": intensity["network"],
                   "production": global_intensity, "data_centre": intensity["data_centre"]}
    key = {"device": "device_operational", "network": "network_operational",
           "production": "production_embodied", "data_centre": "data_centre_operational"}
    breakdown, energy = {}, {}
    total = first_total = return_total = None
    for segment, share in K.SWD_V3_SEGMENT_SHARES.items():  # CO2.js summation order
        kwh = system_kwh * share
        if visit is None:
            gco2e = kwh * intensities[segment]
            total = gco2e if total is None else total + gco2e
            breakdown[key[segment]], energy[key[segment]] = gco2e, kwh
            continue
        first_kwh = kwh * visit["first_visit_share"]
        return_kwh = (kwh * visit["return_visit_share"]) * visit["data_reload_ratio"]
        first_gco2e = first_kwh * intensities[segment]
        return_gco2e = return_kwh * intensities[segment]
        if total is None:
            total, first_total, return_total = first_gco2e + return_gco2e, first_gco2e, return_gco2e
        else:
            total = (total + first_gco2e) + return_gco2e
            first_total, return_total = first_total + first_gco2e, return_total + return_gco2e
        breakdown[key[segment]] = first_gco2e + return_gco2e
        energy[key[segment]] = first_kwh + return_kwh
    return total, breakdown, energy, first_total, return_total
