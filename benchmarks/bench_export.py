"""Timings of the exports (figures, not pass/fail).

- XLSX, PDF and HTML of the largest sample (most result rows);
- XLSX and CSV zip of a generated 1,000-service project (one custom component each,
  cycling through the four tiers).

Run: ``.venv/bin/python benchmarks/bench_export.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import best  # noqa: E402




def generated_services(n: int):
    import footprint

    acts = [("data_centres", {"factor": "electricity", "amount": "40 kWh"}),
            ("networks", {"factor": "network.fixed", "amount": "12 GB"}),
            ("user_devices", {"factor": "device.laptop", "amount": "30 h"}),
            ("onsite", {"factor": "device.desktop_pro", "amount": "300 h"})]
    services = []
    for i in range(n):
        tier, act = acts[i % 4]
        services.append({"name": f"service {i:04d}", "kind": "custom",
                         "components": [{"name": f"component {i}", "tier": tier,
                                         "activities": [act]}]})
    return footprint.parse_project({"name": f"generated {n} services", "services": services})


def main() -> None:
    import footprint
    from footprint.export import to_csv_zip, to_html, to_pdf, to_xlsx

    footprint.default_registry()
    samples = sorted((ROOT / "sample_projects").glob("*.yaml"))
    results = {p.stem: footprint.assess(footprint.read_project(p)) for p in samples}
    name, largest = max(results.items(), key=lambda kv: len(kv[1].table))
    to_xlsx(largest)  # warm caches (registry, babel, vl-convert engine)
    to_html(largest)
    print(f"largest sample: {name} ({len(largest.table):,} result rows)")
    for label, fn in (("XLSX", to_xlsx), ("HTML report", to_html), ("PDF report", to_pdf)):
        ms, data = best(lambda fn=fn: fn(largest, lang="fr"))
        print(f"  {label:12s} {ms:8.0f} ms  {len(data):>10,} bytes")
    big = footprint.assess(generated_services(1000))
    print(f"generated project: 1,000 services ({len(big.table):,} result rows)")
    for label, fn in (("XLSX", to_xlsx), ("CSV zip", to_csv_zip)):
        ms, data = best(lambda fn=fn: fn(big, lang="fr"), repeat=2)
        print(f"  {label:12s} {ms:8.0f} ms  {len(data):>10,} bytes")


if __name__ == "__main__":
    main()
