"""Generated portfolios for the scale benchmarks: the sample projects' services, cycled.

A portfolio of ``n`` services is ``n / 10`` projects of ten services each; service ``i`` is
a copy of the ``i``-th sample service (every kind appears), renamed, with its activity
figures scaled by a deterministic factor so that no two services are identical.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_projects").glob("*.yaml"))
COUNTRIES = ("FR", "DE", "SE", "PL", "GB", "US", "CA", "IN", "BR", "JP")


def sample_services() -> list[dict]:
    """Every service of every sample, as plain dicts (project-level fields dropped)."""
    out = []
    for path in SAMPLES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.extend(data["services"])
    return out


def portfolio_dicts(n_services: int, per_project: int = 10) -> list[dict]:
    """``n_services`` services in projects of ``per_project``, as project dicts."""
    pool = sample_services()
    projects = []
    for p in range(0, n_services, per_project):
        services = []
        for i in range(p, min(p + per_project, n_services)):
            svc = json.loads(json.dumps(pool[i % len(pool)], default=str))
            svc["name"] = f"{svc['name']} #{i}"
            services.append(svc)
        projects.append({"name": f"project {p // per_project}",
                         "organisation": f"institution {p // per_project % 37}",
                         "audience_country": COUNTRIES[p // per_project % len(COUNTRIES)],
                         "services": services})
    return projects


def one_project_dict(n_services: int) -> dict:
    """All ``n_services`` in one project (the issue's "project of 1,000 services")."""
    services = [s for p in portfolio_dicts(n_services, per_project=n_services)
                for s in p["services"]]
    return {"name": f"{n_services} services", "services": services}
