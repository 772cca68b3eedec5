"""Ecoindex of a web page: score, grade, greenhouse gases and water per view.

An independent implementation of the published Ecoindex method, giving the
same results as ecoindex-compute 5.10.0 (Python reference of
ecoindex.fr):

1. position of each metric in its 21-bound quantile table, linearly
   interpolated, 20 at or above the last bound;
2. ``raw = 100 - 5 * (3 q_nodes + 2 q_requests + q_size) / 6``;
3. ``score = round(raw)`` half to even (72.5 -> 72, 77.5 -> 78);
4. grade from the integer score: first of A..F whose threshold
   (80, 70, 55, 40, 25, 10) is strictly exceeded, else G;
5. ``ghg = round(100 (2 + 2 (50 - score) / 100)) / 100`` [gCO2e] and
   ``water = round(100 (3 + 3 (50 - score) / 100)) / 100`` [cl], both from
   the integer score, half to even.

Inputs may be numbers or numpy arrays (broadcast together, no Python loop);
arrays give arrays out. Unlike the reference (which lets negative values
through until a pydantic check fails), negative, NaN and infinite inputs
raise :class:`~footprint.errors.ProjectError`. Non-integer counts (e.g.
averages) are accepted, as in the reference's ``compute_ecoindex``.

Ecoindex results are licensed CC BY-NC-ND; show :data:`ATTRIBUTION` wherever
a score, grade, GHG or water figure from this module is displayed.

References
----------
.. [1] Ecoindex, "How it works", https://www.ecoindex.fr/en/how-it-works/
.. [2] cnumr/ecoindex_reference, ``ecoindex_reference.json`` (quantiles,
   grades, medians, targets), https://github.com/cnumr/ecoindex_reference
.. [3] ecoindex-compute 5.10.0 (PyPI), https://github.com/cnumr/EcoIndex_python
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from footprint.errors import ProjectError
from footprint.methods._checks import nonnegative_array as _as_values

__all__ = ["ATTRIBUTION", "REFERENCE_VERSION", "QUANTILES", "GRADE_THRESHOLDS", "MEDIANS",
           "TARGETS", "EcoindexResult", "compute", "grade", "impacts", "quantile_position"]

#: Attribution to display with every Ecoindex figure.
ATTRIBUTION = "Ecoindex — ecoindex.fr (CC BY-NC-ND)"

#: ecoindex-compute version whose results this module reproduces.
REFERENCE_VERSION = "5.10.0"

_Q_NODES = (0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076,
            1237, 1459, 1801, 2479, 594601)
_Q_REQUESTS = (0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205,
               281, 3920)
_Q_SIZE_KB = (0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47,
              1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59, 4155.73, 5400.08,
              8037.54, 223212.26)

#: Quantile bounds (HTTP Archive) of each metric: DOM nodes [count],
#: requests [count], transferred size [kB = 1000 bytes].
QUANTILES = MappingProxyType({"nodes": _Q_NODES, "requests": _Q_REQUESTS, "size_kb": _Q_SIZE_KB})

#: A grade is given when the integer score is strictly above its threshold [points].
GRADE_THRESHOLDS = MappingProxyType({"A": 80, "B": 70, "C": 55, "D": 40, "E": 25, "F": 10, "G": 0})

#: Medians of the reference population (score 44, grade D).
MEDIANS = MappingProxyType({"nodes": 693, "requests": 78, "size_kb": 2420})

#: "Good practice" targets of the reference CLI (score 61, grade C).
TARGETS = MappingProxyType({"nodes": 600, "requests": 40, "size_kb": 1024})

_WEIGHTS = {"nodes": 3, "requests": 2, "size_kb": 1}
_ASCENDING_THRESHOLDS = np.array([10, 25, 40, 55, 70, 80], dtype=np.float64)
_GRADES_BY_COUNT_BELOW = np.array(list("GFEDCBA"))


@dataclass(frozen=True)
class EcoindexResult:
    """Ecoindex of one page (scalars) or many pages (arrays of equal shape).

    Attributes
    ----------
    score : int or numpy.ndarray
        Ecoindex, integer 0 (worst) ... 100 (best) [points].
    grade : str or numpy.ndarray
        ``"A"`` (best) ... ``"G"``.
    ghg_gco2e : float or numpy.ndarray
        Greenhouse gases per page view, 1.00 ... 3.00 [gCO2e].
    water_cl : float or numpy.ndarray
        Blue water per page view, 1.50 ... 4.50 [cl].
    raw_score : float or numpy.ndarray
        Score before rounding [points].
    positions : dict
        Quantile position 0 ... 20 of ``nodes``, ``requests``, ``size_kb`` [-].
    attribution : str
        Licence attribution to display with the figures.
    """

    score: int | np.ndarray
    grade: str | np.ndarray
    ghg_gco2e: float | np.ndarray
    water_cl: float | np.ndarray
    raw_score: float | np.ndarray
    positions: dict
    attribution: str = ATTRIBUTION


def quantile_position(value, metric: str):
    """Position of a value in the quantile table of a metric.

    Parameters
    ----------
    value : float or array_like
        Metric value, finite and >= 0 [count or kB].
    metric : str
        ``"nodes"``, ``"requests"`` or ``"size_kb"``.

    Returns
    -------
    float or numpy.ndarray
        ``i - 1 + (v - Q[i-1]) / (Q[i] - Q[i-1])`` for the first ``i`` with
        ``v < Q[i]``; 20 when ``v >= Q[20]`` [-].

    References
    ----------
    .. [1] https://github.com/cnumr/ecoindex_reference
    """
    if metric not in QUANTILES:
        raise ProjectError(f"metric must be one of 'nodes', 'requests', 'size_kb', got {metric!r}",
                           path="metric", value=metric)
    values = _as_values(value, metric, "kB" if metric == "size_kb" else "count")
    position = _position(values, QUANTILES[metric])
    return float(position) if values.ndim == 0 else position


def _position(values: np.ndarray, bounds: tuple) -> np.ndarray:
    table = np.asarray(bounds, dtype=np.float64)
    last = len(table) - 1
    # first i with v < Q[i] = how many bounds are <= v: counted with one comparison pass per
    # bound (21 branch-free passes), twice as fast as a binary search per value on this
    # small table, and the same integers as ``np.searchsorted(table, v, side="right")``
    upper = np.zeros(values.shape, dtype=np.int8)
    for bound in table:
        upper += values >= bound
    capped = upper > last
    i = np.minimum(upper, last)
    low = table[i - 1]
    position = (i - 1) + (values - low) / (table[i] - low)
    return np.where(capped, float(last), position)


def grade(score):
    """Ecoindex grade of a score.

    Parameters
    ----------
    score : float or array_like
        Ecoindex score (normally the integer score), finite, in [0, 100] [points].

    Returns
    -------
    str or numpy.ndarray
        ``"A"`` if score > 80, ``"B"`` if > 70, ``"C"`` if > 55, ``"D"`` if
        > 40, ``"E"`` if > 25, ``"F"`` if > 10, else ``"G"``.

    References
    ----------
    .. [1] https://github.com/cnumr/ecoindex_reference (``grades``)
    """
    scores = _as_values(score, "score", "points")
    if (scores > 100).any():
        raise ProjectError(f"score must be in [0, 100] [points], got {score!r:.80}",
                           path="score", value=score)
    return _grade(scores)


def _grade(scores: np.ndarray):
    below = np.searchsorted(_ASCENDING_THRESHOLDS, scores, side="left")  # thresholds < score
    labels = _GRADES_BY_COUNT_BELOW[below]
    return str(labels) if scores.ndim == 0 else labels


def impacts(score):
    """Greenhouse gases and water per page view for an integer Ecoindex score.

    Parameters
    ----------
    score : int or array_like
        Integer Ecoindex score in [0, 100] [points].

    Returns
    -------
    tuple
        ``(ghg_gco2e, water_cl)`` [gCO2e, cl], rounded to 2 decimals half to
        even as the reference does (``round(100 x) / 100``).

    References
    ----------
    .. [1] Ecoindex, "Environmental footprint", https://www.ecoindex.fr/en/how-it-works/
    """
    scores = _as_values(score, "score", "points")
    if (scores > 100).any() or (scores != np.rint(scores)).any():
        raise ProjectError(f"score must be an integer in [0, 100] [points], got {score!r:.80}",
                           path="score", value=score)
    ghg, water = _impacts(scores)
    return (float(ghg), float(water)) if scores.ndim == 0 else (ghg, water)


def _impacts(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ghg_gco2e = np.rint(100 * (2 + 2 * (50 - scores) / 100)) / 100
    water_cl = np.rint(100 * (3 + 3 * (50 - scores) / 100)) / 100
    return ghg_gco2e, water_cl


def compute(nodes, requests, size_kb) -> EcoindexResult:
    """Ecoindex of web pages from their three measured metrics.

    Parameters
    ----------
    nodes : float or array_like
        DOM elements of the page, excluding descendants of ``<svg>`` [count].
    requests : float or array_like
        HTTP requests made while loading and scrolling the page [count].
    size_kb : float or array_like
        Bytes transferred on the wire (compressed) divided by 1000 [kB].

    Returns
    -------
    EcoindexResult
        Score, grade, GHG and water per view (scalars, or arrays of the
        broadcast shape), plus the unrounded score and quantile positions.

    References
    ----------
    .. [1] Ecoindex, "How it works", https://www.ecoindex.fr/en/how-it-works/
    .. [2] ecoindex-compute 5.10.0, ``compute_ecoindex``, https://github.com/cnumr/EcoIndex_python
    """
    arrays = {"nodes": _as_values(nodes, "nodes", "count"),
              "requests": _as_values(requests, "requests", "count"),
              "size_kb": _as_values(size_kb, "size_kb", "kB")}
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError as exc:
        shapes = ", ".join(f"{k} {a.shape}" for k, a in arrays.items())
        raise ProjectError(f"nodes, requests and size_kb must have broadcastable shapes, got "
                           f"{shapes}", path="size_kb", value=shapes) from exc
    pos = {k: _position(a, QUANTILES[k]) for k, a in arrays.items()}
    raw = 100 - 5 * (_WEIGHTS["nodes"] * pos["nodes"] + _WEIGHTS["requests"] * pos["requests"]
                     + pos["size_kb"]) / 6
    raw = np.broadcast_to(raw, shape)
    score = np.rint(raw)  # half to even, like Python's round()
    ghg, water = _impacts(score)
    if shape == ():
        return EcoindexResult(score=int(score), grade=_grade(score), ghg_gco2e=float(ghg),
                              water_cl=float(water), raw_score=float(raw),
                              positions={k: float(v) for k, v in pos.items()})
    return EcoindexResult(score=score.astype(np.int64), grade=_grade(score), ghg_gco2e=ghg,
                          water_cl=water, raw_score=np.array(raw),
                          positions={k: np.broadcast_to(v, shape) for k, v in pos.items()})
