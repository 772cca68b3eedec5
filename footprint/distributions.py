"""The input distributions of the Monte Carlo (:mod:`footprint.uncertainty`): keyed random
streams and the inverse CDF of each range shape, the central value always the median.

A factor row's stream is seeded by ``(seed, hash(code, region, stage, indicator))`` and a
parameter's by ``(seed, hash(code, region))``; codes a dataset names in ``shared_draws``
share one stream. Every function is pure array work (no I/O, no registry loading).
"""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["draw_values", "stream_key"]

_Z975 = 1.959963984540054


def _key(*parts) -> int:
    return zlib.crc32("|".join(map(str, parts)).encode("utf-8"))


def stream_key(registry, kind: str, code: str, *rest) -> int:
    """The key of the random stream of a factor row (``kind`` "factor", ``rest`` region,
    stage, indicator) or of a parameter (``kind`` "parameter", ``rest`` region): the
    shared stream of its code when a dataset names one (``shared_draws``)."""
    shared = getattr(registry, "shared_draws", {}).get(code)
    return _key("shared", shared) if shared else _key(kind, code, *rest)


def _uniforms(keys, draws: int, seed: int) -> np.ndarray:
    """(draws, len(keys)) uniforms in (0, 1), one independent stream per key."""
    out = np.empty((draws, len(keys)))
    for j, key in enumerate(keys):
        out[:, j] = np.random.default_rng([int(seed), int(key)]).random(draws)
    return out


def _two_piece(a, c, b, u, shape: str) -> np.ndarray:
    """Half the probability on each side of ``c``: a rising triangle (or a flat piece) from
    ``a`` to ``c`` and a falling one from ``c`` to ``b`` (inverse CDF at ``u``)."""
    lower = u < 0.5
    if shape == "uniform":
        left, right = 2.0 * u, 2.0 * (1.0 - u)
    else:
        left, right = np.sqrt(2.0 * u), np.sqrt(2.0 * (1.0 - u))
    return np.where(lower, a + (c - a) * left, b - (b - c) * right)


def draw_values(value, low, high, distribution, u: np.ndarray) -> np.ndarray:
    """Values of distributions at uniforms ``u`` (inverse CDF), one column per input.

    The central value is the **median** of every input's draws, so that the result at
    central values is the median of a product of inputs (see the module docstring):

    - ``triangular`` with 0 < low: ln X is a symmetric triangle centred on ln(value) whose
      width is that of the range, ln(high / low); draws beyond the stated bounds are set
      to the bound (the median stays at the value);
    - ``triangular`` with low ≤ 0: a rising triangle from low to the value and a falling
      one from the value to high, each holding half the probability;
    - ``uniform``: flat from low to the value and from the value to high, half the
      probability on each side (a plain uniform when the value is the midpoint);
    - ``lognormal``: median = value, low and high the 2.5 % and 97.5 % quantiles
      (σ = ln(high / low) / 3.92); with low ≤ 0, as ``triangular``;
    - low = high: the value.

    Parameters
    ----------
    value, low, high : array of float
        Central value (median), lower and upper bound of each input.
    distribution : array of str
        ``triangular``, ``uniform`` or ``lognormal`` per input.
    u : ndarray, shape (draws, inputs)
        Uniforms in (0, 1).
    """
    c, a, b = (np.asarray(x, dtype=float) for x in (value, low, high))
    dist = np.asarray(distribution, dtype=str)
    out = np.broadcast_to(c, u.shape).copy()
    ranged = b > a
    positive = ranged & (a > 0) & (c > 0)
    lognormal = (dist == "lognormal") & positive
    uniform = (dist == "uniform") & ranged
    log_tri = positive & ~lognormal & ~uniform
    tri = ranged & ~lognormal & ~uniform & ~log_tri
    if uniform.any():
        out[:, uniform] = _two_piece(a[uniform], c[uniform], b[uniform], u[:, uniform],
                                     "uniform")
    if tri.any():
        out[:, tri] = _two_piece(a[tri], c[tri], b[tri], u[:, tri], "triangular")
    if log_tri.any():
        m, w = np.log(c[log_tri]), np.log(b[log_tri] / a[log_tri]) / 2.0
        x = np.exp(_two_piece(m - w, m, m + w, u[:, log_tri], "triangular"))
        out[:, log_tri] = np.clip(x, a[log_tri], b[log_tri])
    if lognormal.any():
        from statistics import NormalDist

        sigma = np.log(b[lognormal] / a[lognormal]) / (2 * _Z975)
        z = np.vectorize(NormalDist().inv_cdf, otypes=[float])(u[:, lognormal])
        out[:, lognormal] = c[lognormal] * np.exp(sigma * z)
    return out
