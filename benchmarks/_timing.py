"""The timer every benchmark uses: best wall-clock time of a few calls."""

from __future__ import annotations

import time


def best(fn, repeat: int = 3):
    """(best time of ``repeat`` calls [ms], the last call's result)."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times) * 1000, out
