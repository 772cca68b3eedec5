"""Monte Carlo per carbon-balance line (needs footprint.uncertainty, issue 10)."""

from __future__ import annotations

import pytest

import footprint
from footprint import parse_project
from footprint.export import beges_table, uncertainty_by_line

pytest.importorskip("footprint.uncertainty")


def hosting_only():
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                         "components": [{"name": "hosting", "tier": "data_centres",
                                         "activities": [{"factor": "electricity",
                                                         "amount": "100 kWh"}]}]}]})


def test_percentiles_stay_inside_the_factor_distribution(tiny):
    result = footprint.assess(hosting_only(), tiny)
    u = uncertainty_by_line(result, draws=2000, seed=3, factors=tiny)
    # 100 kWh × triangular(0.03, 0.05, 0.1) kgCO2e/kWh: every draw in [3, 10] kg
    row = u.loc["4.5"]
    assert 3.0 <= row["p5"] < row["p50"] < row["p95"] <= 10.0
    # one line only: its category, the total and the whole total are the same draws
    for line in ("cat.4", "total", "all"):
        assert u.loc[line].to_dict() == pytest.approx(row.to_dict())
    assert u.equals(uncertainty_by_line(result, draws=2000, seed=3, factors=tiny))
    b = beges_table(result, uncertainty=u).set_index("line")
    assert b.loc["4.5", "uncertainty_basis"] == "monte_carlo"
    assert b.loc["4.5", "low_tco2e"] == pytest.approx(row["p5"] / 1000)


def test_cli_export_with_draws(tmp_path):
    import json
    from pathlib import Path

    from footprint.cli import main

    sample = Path(__file__).resolve().parent.parent / "sample_projects" / "venue_screens.yaml"
    out = tmp_path / "r.json"
    assert main(["export", str(sample), "--format", "json", "-o", str(out), "--draws", "200",
                 "--seed", "1", "--lang", "en"]) == 0
    doc = json.loads(out.read_text("utf-8"))
    frameworks = {r["framework"] for r in doc["uncertainty"]}
    assert frameworks == {"beges_v5", "ghg_protocol"}
    total = next(r for r in doc["carbon_balance"]["beges_v5"] if r["line"] == "total")
    assert total["uncertainty_basis"] == "monte_carlo" and total["low_tco2e"] < total["high_tco2e"]
