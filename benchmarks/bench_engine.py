"""Timings of the calculation core (figures, not pass/fail).

- ``import footprint`` in a fresh process (best of 5);
- the first ``default_registry()`` (loads and validates every bundled dataset);
- ``assess`` on every sample project;
- ``assess`` on generated custom projects of 1,000 / 10,000 / 100,000 components.

Run: ``.venv/bin/python benchmarks/bench_engine.py``
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import best  # noqa: E402




def import_after_pandas_pint_ms() -> float:
    """CPU time of ``import footprint`` once pandas and pint are imported (fresh process,
    best of 5): what footprint itself adds."""
    code = ("import time, pandas, pint; t = time.process_time(); import footprint; "
            "print(time.process_time() - t)")
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd=ROOT).stdout) for _ in range(5)]
    return min(runs) * 1000


def import_ms() -> float:
    code = "import time; t=time.perf_counter(); import footprint; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True, cwd="/").stdout) for _ in range(5)]
    return min(runs) * 1000


def generated(n: int):
    import footprint

    devices = ["laptop", "smartphone", "tv", "tablet"]
    comps = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            act = {"factor": "electricity", "amount": float(i % 97 + 1), "unit": "kWh"}
            tier = "data_centres"
        elif kind == 1:
            act = {"factor": "network.fixed", "amount": float(i % 13 + 1), "unit": "GB"}
            tier = "networks"
        elif kind == 2:
            act = {"factor": f"device.{devices[i % 4]}", "amount": float(i % 50 + 1), "unit": "h"}
            tier = "user_devices"
        else:
            act = {"factor": "storage.hdd.embodied", "amount": 0.5, "unit": "TB*year"}
            tier = "data_centres"
        comps.append({"name": f"c{i}", "tier": tier, "activities": [act]})
    services = [{"name": f"s{j}", "kind": "custom", "components": comps[j::10]} for j in range(10)]
    return footprint.parse_project({"name": f"generated {n}", "services": services})


def main() -> None:
    import footprint
    from footprint.factors import default_registry

    print(f"import footprint (fresh process, best of 5): {import_ms():.0f} ms")
    print(f"import footprint after pandas and pint (CPU, best of 5): "
          f"{import_after_pandas_pint_ms():.0f} ms")
    t0 = time.perf_counter()
    reg = default_registry()
    print(f"first default_registry() (load + validate {len(reg.datasets)} datasets, "
          f"{len(reg.factors)} factors): {(time.perf_counter() - t0) * 1000:.0f} ms")
    for path in sorted((ROOT / "sample_projects").glob("*.yaml")):
        project = footprint.read_project(path)
        footprint.assess(project, reg)  # its kinds' lazy imports and validators
        ms, result = best(lambda: footprint.assess(project, reg), repeat=10,
                          clock=time.process_time)
        print(f"assess {path.name:40s} {ms:8.1f} ms CPU ({len(result.table):,} result rows)")
    for n in (1_000, 10_000, 100_000):
        t0 = time.perf_counter()
        project = generated(n)
        parse_ms = (time.perf_counter() - t0) * 1000
        ms, result = best(lambda: footprint.assess(project, reg), repeat=3)
        print(f"assess {n:>7,} components: {ms:8.1f} ms (validation of the project "
              f"{parse_ms:.0f} ms; {len(result.table):,} result rows)")


if __name__ == "__main__":
    main()
