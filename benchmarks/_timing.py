"""The timer every benchmark uses: best time of a few calls (wall clock, or the process's
CPU time with ``clock=time.process_time`` on a machine shared with other work)."""

from __future__ import annotations

import time


def best(fn, repeat: int = 3, clock=time.perf_counter):
    """(best time of ``repeat`` calls [ms], the last call's result)."""
    times, out = [], None
    for _ in range(repeat):
        t0 = clock()
        out = fn()
        times.append(clock() - t0)
    return min(times) * 1000, out
