"""Portfolio scale: reading + validating, assessing, peak memory (figures, not pass/fail).

- one project of 1,000 / 10,000 services of every kind: JSON text → validated project;
  YAML text → validated project; ``assess``;
- portfolios of 1,000 / 10,000 / 100,000 services (projects of ten services) through
  ``footprint.assess_many`` when the library has it, else one ``assess`` per project;
- peak resident memory of each portfolio run, measured in a fresh process.

Run: ``.venv/bin/python benchmarks/bench_portfolio.py [max_services]``
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def timed(fn):
    """(CPU seconds of this process, result): CPU time, not wall-clock, so that figures
    stay comparable on a machine shared with other work (the wall time is never lower)."""
    t0 = time.process_time()
    out = fn()
    return time.process_time() - t0, out


def warm_up():
    """Load the factors and every kind's lazy imports (EcoLogits…) before timing."""
    import footprint
    from _portfolio_gen import portfolio_dicts

    reg = footprint.default_registry()
    for data in portfolio_dicts(30, per_project=30):
        footprint.assess(footprint.parse_project(data), reg)
    return reg


def one_project(n: int) -> None:
    import yaml

    import footprint
    from _portfolio_gen import one_project_dict

    data = one_project_dict(n)
    text_json = json.dumps(data)
    text_yaml = yaml.safe_dump(data, sort_keys=False)
    limit = getattr(footprint.files, "MAX_BYTES", float("inf"))
    s_dict, project = timed(lambda: footprint.parse_project(data))
    s_json = s_yaml = float("nan")
    if len(text_json) <= limit:
        s_json, _ = timed(lambda: footprint.parse_project(text_json, "json"))
    if len(text_yaml) <= limit:
        s_yaml, _ = timed(lambda: footprint.parse_project(text_yaml, "yaml"))
    reg = footprint.default_registry()
    s_assess, result = timed(lambda: footprint.assess(project, reg))
    print(f"one project of {n:>6,} services: validate dict {s_dict * 1000:7.0f} ms; "
          f"parse+validate JSON {s_json * 1000:7.0f} ms "
          f"({len(text_json) / 1e6:.1f} MB), YAML {s_yaml * 1000:7.0f} ms "
          f"({len(text_yaml) / 1e6:.1f} MB); assess {s_assess * 1000:7.0f} ms "
          f"({len(result.table):,} rows)")


def portfolio_run(n: int) -> None:
    """In this process: validate and assess a portfolio of n services; print one line."""
    import footprint
    from _portfolio_gen import portfolio_dicts

    dicts = portfolio_dicts(n)
    reg = warm_up()
    s_parse, projects = timed(lambda: [footprint.parse_project(d) for d in dicts])
    if hasattr(footprint, "assess_many"):
        how = "assess_many"
        s_assess, result = timed(lambda: footprint.assess_many(projects, reg))
        rows = len(result.table)
    else:
        how = "assess per project"
        s_assess, results = timed(lambda: [footprint.assess(p, reg) for p in projects])
        rows = sum(len(r.table) for r in results)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"portfolio {n:>7,} services ({len(projects):,} projects): validate "
          f"{s_parse * 1000:8.0f} ms; {how} {s_assess * 1000:8.0f} ms ({rows:,} rows); "
          f"peak RSS {peak_mb:,.0f} MB")


def main(max_services: int = 100_000) -> None:
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    warm_up()
    for n in (1_000, 10_000):
        if n <= max_services:
            one_project(n)
    for n in (1_000, 10_000, 100_000):
        if n <= max_services:
            subprocess.run([sys.executable, __file__, "--portfolio", str(n)], check=True)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--portfolio":
        portfolio_run(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
