"""Time the web methods over one million pages (best of 5, milliseconds).

Run: ``python benchmarks/bench_web_methods.py [pages]``. Inputs: ``_web_pages.web_pages``
(seeded draws shaped like HTTP Archive pages). ``bench_web_references.py`` times the same
pages against CO2.js and ecoindex-compute.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import best  # noqa: E402
from _web_pages import web_pages  # noqa: E402

from footprint.methods import ecoindex, swd  # noqa: E402

REPEATS = 5


def best_ms(function, *args, **kwargs) -> float:
    """Best wall-clock time of ``REPEATS`` calls [ms]."""
    return best(lambda: function(*args, **kwargs), repeat=REPEATS)[0]


def main(pages: int = 1_000_000) -> None:
    data_bytes, nodes, requests, size_kb = web_pages(pages)

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
