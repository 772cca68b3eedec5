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
    # water: the laptop's manufacture only (its distribution and end of life have no water
    # factor: 2 rows not covered); networks and data centres have none → incomplete; the
    # activities with no water factor at all carry (1 + 5) / 112 of the climate impact
    assert t.loc["water", "total"] == pytest.approx(0.1)
    assert (t.loc["water", "rows"], t.loc["water", "rows_not_covered"]) == (5, 4)
    assert t.loc["water", "status"] == "incomplete"
    assert not t.loc["water", "complete"]
    assert t.loc["water", "missing"] == ("tier networks; tier data_centres; "
                                         "user_devices: distribution, end_of_life")
    assert t.loc["water", "share_not_covered"] == pytest.approx(6 / climate)
    # primary energy: the data centre only → devices (3 stages) and networks missing
    assert t.loc["primary_energy", "total"] == pytest.approx(1000)
    assert (t.loc["primary_energy", "rows"], t.loc["primary_energy", "rows_not_covered"]) == (5, 4)
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
                     ("user_devices", "distribution"): "not covered",
                     ("user_devices", "end_of_life"): "not covered",
                     ("networks", "use"): "not covered",
                     ("data_centres", "use"): "not covered"}
    assert list(cov.columns) == ["indicator", "tier", "stage", "rows", "rows_not_covered",
                                 "impact", "impact_unit", "status", "included_in"]
    with pytest.raises(footprint.ProjectError):
        footprint.assess(hand_made(), tiny).coverage("happiness")


def custom(*components):
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                     "components": list(components)}]})


def test_partial_when_every_stage_is_partly_covered(tiny):
    # one tier, two activities: a laptop (water 0.1 m³, manufacture only) and a second
    # laptop share: every stage that has rows keeps a covered row for climate change, but
    # 10 TB-years of storage (manufacture 2 kg/TB-year = 20 kg, no distribution or end of
    # life) leaves two rows of the tier's distribution and end of life without a factor:
    # partial, not incomplete, and no warning (no stage of the tier is wholly missing).
    r = footprint.assess(custom(
        {"name": "kit", "tier": "user_devices", "activities": [
            {"factor": "device.laptop", "amount": "0.5 device"},
            {"factor": "storage.hdd.embodied", "amount": "10 TB*year"}]}), tiny)
    t = r.totals().set_index("indicator")
    assert t.loc["climate_change", "total"] == pytest.approx(106 + 20)
    assert t.loc["climate_change", "status"] == "partial"
    assert (t.loc["climate_change", "rows"], t.loc["climate_change", "rows_not_covered"]) == (6, 2)
    assert t.loc["climate_change", "missing"] == "storage.hdd.embodied"
    cells = r.coverage("climate_change").set_index("stage")["status"].to_dict()
    assert cells == {"manufacturing": "covered", "distribution": "partial",
                     "end_of_life": "partial"}
    assert not any(x.startswith("climate_change total") for x in r.warnings)


def test_a_missing_stage_is_never_complete(tiny):
    # Hand-made case of a stage missing (issue 8): a data centre of 10 TB-years of disks
    # (manufacture 2 kg/TB-year = 20 kg; no distribution or end-of-life factor) and its
    # 100 kWh (0.05 kg/kWh = 5 kg). Manufacturing and use are covered: total 25 kg,
    # ``partial`` with a warning naming the two stages wholly missing; the grid reads not
    # covered there, never 0.
    r = footprint.assess(custom(
        {"name": "archive", "tier": "data_centres", "activities": [
            {"factor": "storage.hdd.embodied", "amount": "10 TB*year"},
            {"factor": "electricity", "amount": "100 kWh"}]}), tiny)
    t = r.totals().set_index("indicator")
    assert t.loc["climate_change", "total"] == pytest.approx(25)
    assert t.loc["climate_change", "status"] == "partial"
    assert not t.loc["climate_change", "complete"]
    assert t.loc["climate_change", "missing"] == "data_centres: distribution, end_of_life"
    grid = r.breakdown(("stage", "tier"))["data_centres"]
    assert grid["manufacturing"] == pytest.approx(20) and grid["use"] == pytest.approx(5)
    assert math.isnan(grid["distribution"]) and math.isnan(grid["end_of_life"])
    w = [x for x in r.warnings if x.startswith("climate_change total is partial")]
    assert w == ["climate_change total is partial: data_centres: distribution, end_of_life "
                 "not covered (no factor for storage.hdd.embodied [FR])"]
    # a tier's use stage wholly missing (the devices' electricity has no water factor) makes
    # the water total incomplete: use and manufacturing carry nearly all of a tier's impact
    r = footprint.assess(custom(
        {"name": "screens", "tier": "user_devices", "activities": [
            {"factor": "device.laptop", "amount": "0.5 device"},
            {"factor": "electricity", "amount": "100 kWh"}]}), tiny)
    t = r.totals().set_index("indicator")
    assert t.loc["water", "total"] == pytest.approx(0.1)
    assert t.loc["water", "status"] == "incomplete"
    assert t.loc["water", "missing"] == "user_devices: distribution, use, end_of_life"
    assert any(x.startswith("water total is incomplete: user_devices: distribution, use, "
                            "end_of_life") for x in r.warnings)
    assert t.loc["climate_change", "status"] == "complete"


def test_network_stages_held_in_the_non_use_figure(bundled):
    # ADEME's per-GB network figure is the network's whole life cycle; its non-use part is
    # booked under manufacturing (``includes: distribution;end_of_life``): those cells are
    # "in manufacturing", never 0 and never "not covered"; the data centres' distribution
    # and end of life have no source: not covered, so the total is partial.
    r = footprint.assess(video("1 h"), bundled)
    cov = r.coverage("climate_change").set_index(["tier", "stage"])
    assert cov.loc[("networks", "end_of_life"), "status"] == "included"
    assert cov.loc[("networks", "end_of_life"), "included_in"] == "manufacturing"
    assert cov.loc[("data_centres", "end_of_life"), "status"] == "not covered"
    assert cov.loc[("data_centres", "distribution"), "status"] == "not covered"
    grid, labels = r.breakdown(("stage", "tier")), r.stage_tier_labels()
    assert math.isnan(grid.loc["end_of_life", "networks"])
    assert labels.loc["end_of_life", "networks"] == "in manufacturing"
    assert labels.loc["end_of_life", "data_centres"] == "not covered"
    assert labels.loc["use", "networks"] == ""
    t = r.totals().set_index("indicator")
    assert t.loc["climate_change", "status"] == "partial"
    assert t.loc["climate_change", "missing"] == "data_centres: distribution, end_of_life"
    # ADEME's 67.8 g per hour is still the total (ADEME, publicodes-acv-numerique 2.1.0)
    assert r.total().m_as("gCO2e") == pytest.approx(67.81, abs=0.01)
    # the workbook's stage x tier sheet says the same, never 0
    import pandas as pd

    from footprint.export import to_xlsx

    sheet = pd.read_excel(io.BytesIO(to_xlsx(r, lang="en")), sheet_name="Stage x tier")
    cells = sheet.set_index("Stage")
    assert cells.loc["end_of_life", "Networks [kgCO2e]"] == "in manufacturing"
    assert cells.loc["end_of_life", "Data centres [kgCO2e]"] == "not covered"


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
    # every sample covers every tier, and its manufacturing and use, for climate change
    assert "INCOMPLETE" not in climate and ("partial" in climate or "complete" in climate)
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
    assert "INCOMPLETE: 4/5 rows not covered, ~5% of impact" in water
    assert "water total is incomplete" in out
    assert main(["assess", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    status = {r["indicator"]: r["total_status"] for r in rows}
    assert status["water"] == "incomplete" and status["climate_change"] == "complete"
