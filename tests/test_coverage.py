"""Completeness of results: coverage per indicator, tier and stage, the incomplete flag
with the estimated share missing, zero where nothing happened, and coverage in every
output (CLI table, JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

import pytest

import footprint
from footprint import parse_project
from footprint.cli import main

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))


def hand_made():
    """tests/data/tiny-2026: half a laptop (climate 0.5 × (200 + 10 + 2) = 106 kg, water
    0.5 × 0.2 = 0.1 m³, no primary energy, no abiotic factor), 100 GB over the French fixed
    network (10 g/GB → 1 kg; no other indicator) and 100 kWh in a French data centre
    (0.05 kg/kWh → 5 kg; primary energy 10 MJ/kWh → 1,000 MJ; no water)."""
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                     "components": [
        {"name": "laptop", "tier": "user_devices",
         "activities": [{"factor": "device.laptop", "amount": "0.5 device"}]},
        {"name": "transfer", "tier": "networks",
         "activities": [{"factor": "network.fixed", "amount": "100 GB"}]},
        {"name": "server", "tier": "data_centres",
         "activities": [{"factor": "electricity", "amount": "100 kWh"}]}]}]})


def test_hand_made_totals_carry_their_coverage(tiny):
    r = footprint.assess(hand_made(), tiny)
    t = r.totals().set_index("indicator")
    climate = 106 + 1 + 5
    assert t.loc["climate_change", "total"] == pytest.approx(climate)
    assert t.loc["climate_change", "status"] == "complete"
    assert bool(t.loc["climate_change", "complete"])
    assert t.loc["climate_change", "share_not_covered"] == 0
    # water: the laptop only; networks and data centres have no water factor → incomplete,
    # the missing activities carry (1 + 5) / 112 of the climate impact
    assert t.loc["water", "total"] == pytest.approx(0.1)
    assert (t.loc["water", "rows"], t.loc["water", "rows_not_covered"]) == (3, 2)
    assert t.loc["water", "status"] == "incomplete"
    assert not t.loc["water", "complete"]
    assert t.loc["water", "missing"] == "tier networks; tier data_centres"
    assert t.loc["water", "share_not_covered"] == pytest.approx(6 / climate)
    # primary energy: the data centre only → devices and networks missing, 107 / 112
    assert t.loc["primary_energy", "total"] == pytest.approx(1000)
    assert t.loc["primary_energy", "share_not_covered"] == pytest.approx(107 / climate)
    assert t.loc["primary_energy", "missing"] == "tier user_devices; tier networks"
    # abiotic depletion: nothing covered → NaN total (never 0), everything missing
    assert math.isnan(t.loc["abiotic_depletion", "total"])
    assert t.loc["abiotic_depletion", "share_not_covered"] == pytest.approx(1.0)
    # the warning names what is missing and the estimate
    w = [x for x in r.warnings if x.startswith("water total is incomplete")]
    assert len(w) == 1 and "tier networks; tier data_centres" in w[0]
    assert "network.fixed [FR]" in w[0] and "electricity [FR]" in w[0] and "5%" in w[0]
    assert not any(x.startswith("climate_change total") for x in r.warnings)


def test_coverage_table_per_tier_and_stage(tiny):
    cov = footprint.assess(hand_made(), tiny).coverage("water")
    cells = cov.set_index(["tier", "stage"])["status"].to_dict()
    assert cells == {("user_devices", "manufacturing"): "covered",
                     ("networks", "use"): "not covered",
                     ("data_centres", "use"): "not covered"}
    assert list(cov.columns) == ["indicator", "tier", "stage", "rows", "rows_not_covered",
                                 "impact", "impact_unit", "status"]
    with pytest.raises(footprint.ProjectError):
        footprint.assess(hand_made(), tiny).coverage("happiness")


def test_partial_when_every_tier_is_partly_covered(tiny):
    # one tier, two activities: a laptop (water 0.1 m³) and 100 GB (no water factor): the
    # tier is partly covered, so the water total is partial, not incomplete; the missing
    # GB carry 1 kg of the 107 kg climate impact.
    p = parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                  "components": [
        {"name": "kit", "tier": "networks", "activities": [
            {"factor": "device.laptop", "amount": "0.5 device"},
            {"factor": "network.fixed", "amount": "100 GB"}]}]}]})
    t = footprint.assess(p, tiny).totals().set_index("indicator")
    assert t.loc["water", "status"] == "partial"
    assert t.loc["water", "missing"] == "network.fixed"
    assert t.loc["water", "share_not_covered"] == pytest.approx(1 / 107)


def video(hours, bundled_extra=None):
    services = [{"name": "nobody watched", "kind": "video_streaming", "hours_viewed": hours}]
    if bundled_extra:
        services.append(bundled_extra)
    return parse_project({"name": "V", "services": services})


def test_zero_hours_is_zero_in_every_output(bundled, capsys, tmp_path):
    r = footprint.assess(video("0 h"), bundled)
    assert r.total().m_as("kgCO2e") == 0
    t = r.totals()
    assert (t["total"] == 0).all() and (t["extreme_low"] == 0).all() and (t["extreme_high"] == 0).all()
    assert set(t["status"]) == {"empty"}
    assert r.by_service().to_dict() == {"nobody watched": 0.0}
    d = r.to_dict()
    assert all(x["total"] == 0 for x in d["totals"])
    # beside a service that did happen, the empty one is 0 in by_service, not missing
    r2 = footprint.assess(video("0 h", {"name": "watched", "kind": "video_streaming",
                                        "hours_viewed": "1 h"}), bundled)
    assert r2.by_service()["nobody watched"] == 0
    assert r2.by_service()["watched"] == pytest.approx(r2.total().m_as("kgCO2e"))
    path = tmp_path / "zero.yaml"
    footprint.write_project(video("0 h"), path)
    assert main(["assess", str(path), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert next(x for x in out["totals"] if x["indicator"] == "climate_change")["total"] == 0


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_shows_coverage(sample, capsys):
    assert main(["assess", str(sample)]) == 0
    out = capsys.readouterr().out
    header = next(line for line in out.splitlines() if "indicator" in line)
    assert "coverage" in header
    climate = next(line for line in out.splitlines() if line.strip().startswith("climate_change"))
    assert climate.rstrip().endswith("complete")  # every sample covers climate change
    assert main(["assess", str(sample), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert {"status", "share_not_covered", "rows", "complete"} <= set(d["totals"][0])
    assert d["coverage"] and {"tier", "stage", "status"} <= set(d["coverage"][0])


def test_cli_marks_incomplete_totals_in_table_and_csv(tiny, monkeypatch, tmp_path, capsys):
    from footprint.cli import assess as cli_assess

    monkeypatch.setattr(cli_assess, "_registry", lambda: tiny)
    path = tmp_path / "p.yaml"
    footprint.write_project(hand_made(), path)
    assert main(["assess", str(path)]) == 0
    out = capsys.readouterr().out
    water = next(line for line in out.splitlines() if line.strip().startswith("water"))
    assert "INCOMPLETE: 2/3 rows not covered, ~5% of impact" in water
    assert "water total is incomplete" in out
    assert main(["assess", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    status = {r["indicator"]: r["total_status"] for r in rows}
    assert status["water"] == "incomplete" and status["climate_change"] == "complete"
