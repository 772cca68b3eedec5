"""Timings of Monte Carlo, compare and sensitivity (figures, not pass/fail).

- 10,000 draws on the largest sample (most inventory rows), factors only and factors +
  parameters (best of 3, after one warm-up);
- ``compare`` on the opera sample (4 projects sharing their draws), 1,000 draws;
- the median of the draws against the result at central values, on every sample;
- tornado and Sobol (top 6, n = 256) on the opera sample;
- a portfolio of 100 services (``_portfolio_gen``): 10,000 draws of the factors, and
  1,000 draws of factors + parameters (chunked over draws: memory stays bounded), with
  the peak resident memory.

Run: ``.venv/bin/python benchmarks/bench_uncertainty.py``. The machine's load matters:
CPU time is printed beside wall time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat=3):
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        out = fn()
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    return best_wall, best_cpu, out


def main() -> None:
    import numpy as np

    import footprint
    from footprint.sensitivity import project_sobol, tornado
    from footprint.uncertainty import sample_totals

    samples = {p.stem: footprint.read_project(p)
               for p in sorted((ROOT / "sample_projects").glob("*.yaml"))}
    assessed = {k: footprint.assess(p) for k, p in samples.items()}
    largest = max(assessed, key=lambda k: len(assessed[k].inventory))
    p, a = samples[largest], assessed[largest]
    print(f"largest sample: {largest} ({len(a.inventory)} inventory rows, "
          f"{len(a.table)} characterised rows)")
    for label, fn in (
            ("10,000 draws, factors only (assessment given)",
             lambda: sample_totals([a], draws=10_000, parameters=False)),
            ("10,000 draws, factors + parameters",
             lambda: sample_totals([p], draws=10_000))):
        sample_totals([a], draws=100, parameters=False)
        wall, cpu, _ = timed(fn)
        print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU")

    opera = samples["opera_live_replay"]
    wall, cpu, c = timed(lambda: footprint.compare(opera, draws=1000,
                                                   indicators=("climate_change",)), 1)
    print(f"compare, opera ({len(c.scenarios)} projects, 1,000 common draws, factors + "
          f"parameters, conventions): {wall:.2f} s wall, {cpu:.2f} s CPU")
    d = c.deltas[c.deltas["level"] == "total"]
    for row in d.itertuples():
        print(f"  {row.scenario}: {row.delta:+,.0f} kgCO2e ({row.delta_pct:+.1f} %), "
              f"5–95 % {row.delta_p5:+,.0f} … {row.delta_p95:+,.0f}, "
              f"P(lower) {100 * row.p_lower:.0f} %")

    print("median of 2,000 draws / result at central values (factors + parameters):")
    for name, proj in samples.items():
        s = sample_totals([proj], draws=2000, seed=0)["climate_change"][0]
        det = assessed[name].total().m_as("kgCO2e")
        print(f"  {name}: {np.median(s) / det:.3f} (5–95 % {np.percentile(s, 5) / det:.2f}"
              f" – {np.percentile(s, 95) / det:.2f})")

    wall, cpu, r = timed(lambda: tornado(opera), 1)
    print(f"tornado, opera ({len(r)} inputs, {2 * len(r) + 1} points): {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU; top 3: {', '.join(r['label'].head(3))}")
    wall, cpu, s = timed(lambda: project_sobol(opera, top=6, n=256, ranking=r), 1)
    print(f"Sobol, opera (top 6, n = 256: {256 * 8} points): {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU")
    portfolio()


def portfolio() -> None:
    import resource

    import footprint
    from footprint.uncertainty import sample_totals

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _portfolio_gen import portfolio_dicts

    projects = [footprint.parse_project(d) for d in portfolio_dicts(100)]
    for label, draws, parameters in (("10,000 draws, factors only", 10_000, False),
                                     ("1,000 draws, factors + parameters", 1_000, True)):
        wall, cpu, _ = timed(lambda: sample_totals(projects, draws=draws,
                                                   parameters=parameters), 1)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"portfolio of 100 services ({len(projects)} projects), {label}: {wall:.2f} s "
              f"wall, {cpu:.2f} s CPU; peak RSS so far {peak:,.0f} MB")


if __name__ == "__main__":
    main()
