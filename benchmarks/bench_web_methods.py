"""Time the web methods over one million pages (best of 5, milliseconds).

Run: ``python benchmarks/bench_web_methods.py [pages]``. Inputs are seeded
numpy random draws shaped like HTTP Archive pages (log-normal page weight
around 2.4 MB, DOM nodes around 700, requests around 80).
"""

from __future__ import annotations

import sys
import time

import numpy as np

from footprint.methods import ecoindex, swd

REPEATS = 5


def best_ms(function, *args, **kwargs) -> float:
    """Best wall-clock time of ``REPEATS`` calls [ms]."""
    times_s = []
    for _ in range(REPEATS):
        start_s = time.perf_counter()
        function(*args, **kwargs)
        times_s.append(time.perf_counter() - start_s)
    return min(times_s) * 1000.0


def main(pages: int = 1_000_000) -> None:
    rng = np.random.default_rng(20240601)
    data_bytes = rng.lognormal(mean=np.log(2.4e6), sigma=1.0, size=pages)
    nodes = np.rint(rng.lognormal(mean=np.log(700), sigma=0.8, size=pages))
    requests = np.rint(rng.lognormal(mean=np.log(80), sigma=0.7, size=pages))
    size_kb = data_bytes / 1000.0

    print(f"numpy {np.__version__}, {pages:,} pages, best of {REPEATS}")
    cases = [
        ("swd.per_visit v4 (defaults)", swd.per_visit, (data_bytes,), {"version": 4}),
        ("swd.per_visit v4 (green 0.5, 0.6/0.4/0.3, segment intensities)", swd.per_visit,
         (data_bytes,), {"version": 4, "green_hosting_factor": 0.5, "first_visit_share": 0.6,
                         "data_reload_ratio": 0.3,
                         "grid_intensity": {"device": 300, "data_centre": 60}}),
        ("swd.per_visit v3 (defaults)", swd.per_visit, (data_bytes,), {"version": 3}),
        ("swd.per_byte v4", swd.per_byte, (data_bytes,), {"version": 4}),
        ("ecoindex.compute", ecoindex.compute, (nodes, requests, size_kb), {}),
    ]
    for label, function, args, kwargs in cases:
        print(f"{label:<66} {best_ms(function, *args, **kwargs):9.1f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
