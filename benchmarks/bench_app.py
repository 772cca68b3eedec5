"""Server-side time of each app page's rerun with the largest sample project open
(Streamlit's AppTest: the script run, no browser), first run (cold caches) and rerun
(what a user waits for when moving between pages or clicking). Figures, not pass/fail.

    .venv/bin/python benchmarks/bench_app.py

Measured 2026-12-03 21:20 UTC on the shared 2-core machine under load (load average
≈ 6), the largest sample (museum_website.yaml, 318 result rows): first run / rerun —
home 2.40 / 0.27 s, Describe 0.69 / 0.09 s, Results 6.08 / 0.66 s (the first run includes
the headline's 1,000-draw Monte Carlo, cached afterwards), Scenarios 0.98 / 0.18 s,
Eco-design 1.30 / 0.09 s, Measure 1.04 / 0.03 s, Emission factors 2.05 / 0.18 s, Export
1.23 / 0.08 s.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def largest_sample() -> str:
    """The sample with the most rows in its result table."""
    import footprint

    sizes = {p.name: len(footprint.assess(footprint.read_project(p)).table)
             for p in sorted((ROOT / "sample_projects").glob("*.yaml"))}
    return max(sizes, key=sizes.get), sizes


def main() -> None:
    from streamlit.testing.v1 import AppTest

    from ui.nav import PAGES

    os.environ["FOOTPRINT_WORKSPACE"] = str(Path(tempfile.mkdtemp()) / "ws.sqlite")
    name, sizes = largest_sample()
    print(f"largest sample: {name} ({sizes[name]:,} result rows)")
    print(f"{'page':32} {'first run s':>12} {'rerun s (min of 5)':>20}")
    for path, _key, _icon in PAGES:
        if not (ROOT / path).exists():
            continue
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.query_params["s"] = name
        if path != "app.py":
            at.switch_page(path)
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        assert not at.exception, (path, at.exception)
        reruns = []
        for _ in range(5):
            t0 = time.perf_counter()
            at.run()
            reruns.append(time.perf_counter() - t0)
        print(f"{path:32} {first:12.2f} {min(reruns):20.3f}")


if __name__ == "__main__":
    main()
