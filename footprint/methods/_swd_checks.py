"""Input validation for :mod:`footprint.methods.swd` (split out for size).

Every check raises :class:`~footprint.errors.ProjectError` (a ``ValueError``)
naming the parameter, the offending value and what is allowed.

References
----------
.. [1] The Green Web Foundation, CO2.js 0.19.0, ``src/helpers/index.js``
   (the lenient option parsing these checks replace),
   https://github.com/thegreenwebfoundation/co2.js
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import numpy as np

from footprint.errors import ProjectError, close_matches
from footprint.methods import _swd_constants as K
from footprint.methods._checks import nonnegative_array

__all__ = ["check_bytes", "check_real", "check_version", "resolve_intensities", "visit_shares"]

_SEGMENT_ALIASES = {"dataCenter": "data_centre", "datacenter": "data_centre",
                    "data_center": "data_centre", "dataCentre": "data_centre",
                    "networks": "network", "devices": "device"}
_SHARE_TOLERANCE = 1e-9


def _is_real(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))


def check_version(version) -> int:
    """Return ``version`` as int if it is a supported SWD version (3 or 4)."""
    if not (isinstance(version, numbers.Integral) and not isinstance(version, (bool, np.bool_))
            and int(version) in K.SUPPORTED_VERSIONS):
        raise ProjectError(f"version must be 3 or 4 (Sustainable Web Design), got {version!r}",
                           path="version", value=version)
    return int(version)


def check_real(value, name: str, unit: str, *, low: float = 0.0,
               high: float | None = None) -> float:
    """Return ``value`` as a float if it is a finite real number in [low, high]."""
    allowed = f"a finite number >= {low:g}" if high is None else f"a number in [{low:g}, {high:g}]"
    number = float(value) if _is_real(value) else math.nan
    if not math.isfinite(number) or number < low or (high is not None and number > high):
        raise ProjectError(f"{name} must be {allowed} [{unit}], got {value!r}",
                           path=name, value=value)
    return number


def check_bytes(value, name: str, unit: str) -> tuple[np.ndarray | np.float64, bool]:
    """Validate a non-negative finite number or array.

    Returns
    -------
    tuple
        ``(values, is_scalar)`` with values as float64 (a numpy scalar when
        ``is_scalar``).
    """
    array = nonnegative_array(value, name, unit)
    if array.ndim == 0:
        return np.float64(array), True
    return array, False


def _region_intensity(code: str, name: str, cache: dict) -> tuple[float, str]:
    region = code.strip().upper()
    if not region:
        raise ProjectError(f"{name} must be a number [gCO2e/kWh] or an ISO 3166-1 alpha-2 "
                           f"country code such as 'FR', got {code!r}", path=name, value=code)
    if region not in cache:
        from footprint.factors import default_registry  # lazy: heavy, optional

        registry = default_registry()
        hint = (" (CO2.js uses alpha-3 codes such as 'FRA'; use alpha-2, e.g. 'FR')"
                if len(region) == 3 else "")
        try:
            resolve = getattr(registry, "resolve_region", None)
            used = region if resolve is None else resolve("electricity", region)
            if used != region:  # the registry would fall back (e.g. to GLO): refuse
                raise ProjectError(
                    f"no electricity grid intensity for region {code!r}{hint}; the "
                    f"registry would fall back to {used!r}: pass {used!r} or a number "
                    "[gCO2e/kWh] explicitly", path=name, value=code)
            value = registry.factor("electricity", region=region,
                                    indicator="climate_change", unit="gCO2e/kWh")
        except LookupError as exc:  # UnknownFactorError is a KeyError
            raise ProjectError(f"no electricity grid intensity for region {code!r}"
                               f"{hint}: {exc}", path=name, value=code) from exc
        cache[region] = check_real(value, f"{name} (grid intensity of region {region})",
                                   "gCO2e/kWh")
    return cache[region], f"region {region} (footprint.factors default registry)"


def _one_intensity(value, name: str, cache: dict) -> tuple[float, str]:
    if isinstance(value, str):
        return _region_intensity(value, name, cache)
    if not _is_real(value):
        raise ProjectError(f"{name} must be a finite number >= 0 [gCO2e/kWh] or a country code "
                           f"string such as 'FR', got {value!r}", path=name, value=value)
    return check_real(value, name, "gCO2e/kWh"), "caller"


def resolve_intensities(grid_intensity, default: float, *, v3_green: bool
                        ) -> tuple[dict[str, float], dict[str, str]]:
    """Operational grid intensity of each segment and where it comes from.

    Parameters
    ----------
    grid_intensity : None, float, str or mapping
        See :func:`footprint.methods.swd.per_byte` [gCO2e/kWh].
    default : float
        Global intensity of the SWD version [gCO2e/kWh].
    v3_green : bool
        True for version 3 with green hosting: the data centre gets 50 [-].

    Returns
    -------
    tuple of dict
        Intensities by segment [gCO2e/kWh] and a source note by segment.
    """
    values = dict.fromkeys(K.SEGMENTS, default)
    sources = dict.fromkeys(K.SEGMENTS, "SWD global default")
    cache: dict = {}
    if isinstance(grid_intensity, Mapping):
        for key, value in grid_intensity.items():
            if key not in K.SEGMENTS:
                guess = _SEGMENT_ALIASES.get(key) if isinstance(key, str) else None
                matches = [guess] if guess else close_matches(str(key), K.SEGMENTS)
                hint = f"; did you mean {matches[0]!r}?" if matches else ""
                raise ProjectError(f"unknown grid_intensity segment {key!r}; allowed keys are "
                                   f"'device', 'network', 'data_centre'{hint}",
                                   path="grid_intensity", value=key)
            if value is None:
                continue
            if v3_green and key == "data_centre":
                raise ProjectError(
                    "grid_intensity['data_centre'] cannot be set together with "
                    "green_hosting_factor=1 in version 3 (SWD v3 green hosting fixes the "
                    f"data centre at 50 gCO2e/kWh), got {value!r}; drop one of them",
                    path="grid_intensity.data_centre", value=value)
            values[key], sources[key] = _one_intensity(value, f"grid_intensity['{key}']", cache)
    elif grid_intensity is not None:
        value, source = _one_intensity(grid_intensity, "grid_intensity", cache)
        values = dict.fromkeys(K.SEGMENTS, value)
        sources = dict.fromkeys(K.SEGMENTS, source)
    if v3_green:
        values["data_centre"] = K.SWD_V3_RENEWABLE_GRID_INTENSITY_GCO2E_PER_KWH
        sources["data_centre"] = "SWD v3 green hosting (renewables intensity)"
    return values, sources


def visit_shares(version: int, first, ret, reload) -> dict[str, float]:
    """Validated visit shares: first-visit share, return-visit share, reload ratio [-].

    A missing share is the complement of the other; two given shares must sum
    to 1; the reload ratio defaults to the version's value.
    """
    defaults = K.SWD_V4_DEFAULT_VISIT if version == 4 else K.SWD_V3_DEFAULT_VISIT
    f = None if first is None else check_real(first, "first_visit_share", "-", high=1.0)
    r = None if ret is None else check_real(ret, "return_visit_share", "-", high=1.0)
    if f is None and r is None:
        f, r = defaults["first_visit_share"], defaults["return_visit_share"]
    elif r is None:
        r = 1.0 - f
    elif f is None:
        f = 1.0 - r
    elif abs(f + r - 1.0) > _SHARE_TOLERANCE:
        raise ProjectError(f"first_visit_share + return_visit_share must equal 1, got {first!r} + "
                           f"{ret!r} = {f + r!r}", path="return_visit_share", value=ret)
    q = (defaults["data_reload_ratio"] if reload is None
         else check_real(reload, "data_reload_ratio", "-", high=1.0))
    return {"first_visit_share": f, "return_visit_share": r, "data_reload_ratio": q}
