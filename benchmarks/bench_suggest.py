"""Timings of ``footprint.suggest`` on every sample (figures, not pass/fail).

For each sample: the rules that apply, the time of the computed savings alone
(``draws=None``: one assessment per variant) and with the savings' uncertainty (1,000
Monte Carlo draws, common random numbers, factors and activity parameters drawn), best
of 3 after a warm-up run (registry loaded, catalogue read).

With ``--parameters``, also one run with the datasets' activity parameters drawn as well
(``suggest(..., parameters=True)``), the slower option.

Run: ``.venv/bin/python benchmarks/bench_suggest.py [--parameters]``
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import best  # noqa: E402




def main() -> None:
    import footprint
    from footprint.factors import default_registry
    from footprint.recommendations import load_catalogue, matches

    reg = default_registry()
    t0 = time.perf_counter()
    cat = load_catalogue()
    print(f"load_catalogue() (read + validate {len(cat.rules)} rules): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    with_parameters = "--parameters" in sys.argv[1:]
    print(f"{'sample':40s} {'rules':>5s} {'matching':>9s} {'no draws':>9s} "
          f"{'1,000 draws':>12s}" + ("  with parameters" if with_parameters else ""))
    for path in sorted((ROOT / "sample_projects").glob("*.yaml")):
        project = footprint.read_project(path)
        footprint.suggest(project, factors=reg, draws=1000)  # warm-up
        match_ms, found = best(lambda p=project: matches(p, reg))
        det_ms, _ = best(lambda p=project: footprint.suggest(p, factors=reg, draws=None))
        mc_ms, _ = best(lambda p=project: footprint.suggest(p, factors=reg, draws=1000))
        line = (f"{path.name:40s} {len(found):5d} {match_ms:7.1f} ms {det_ms:6.0f} ms "
                f"{mc_ms:9.0f} ms")
        if with_parameters:
            par_ms, _ = best(lambda p=project: footprint.suggest(p, factors=reg, draws=1000,
                                                                 parameters=True), repeat=1)
            line += f" {par_ms:12.0f} ms"
        print(line)


if __name__ == "__main__":
    main()
