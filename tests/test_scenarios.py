"""Scenarios: overrides by path, validation with paths that name the scenario, and
``compare`` with hand-computed deltas (tiny-2026: electricity FR 0.05 kgCO2e/kWh,
triangular 0.03-0.05-0.1; DE 0.4, triangular 0.3-0.4-0.5)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

import footprint
from footprint import ProjectError, parse_project
from footprint.cli import main
from footprint.scenarios import apply_overrides, parse_path, scenario_project

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_projects").glob("*.yaml"))


def custom(kwh="1000 kWh", scenarios=None, **fields):
    data = {"name": "P", "services": [{"name": "Site", "kind": "custom", "components": [
        {"name": "servers", "tier": "data_centres",
         "activities": [{"factor": "electricity", "amount": kwh}]}]}], **fields}
    if scenarios is not None:
        data["scenarios"] = scenarios
    return parse_project(data)


AMOUNT = "services[0].components[0].activities[0].amount"


def test_parse_path():
    assert parse_path("services[0].quality_mix.hd") == ["services", 0, "quality_mix", "hd"]
    assert parse_path("services[Opera live].items['maps'].count") == [
        "services", ("name", "Opera live"), "items", ("name", "maps"), "count"]
    assert parse_path("options.allocation") == ["options", "allocation"]
    for bad in ("", "services[0", "services..x", "services[0].", "1abc", "a[]", "a b"):
        with pytest.raises(ProjectError):
            parse_path(bad)
    with pytest.raises(ProjectError, match="at most 300"):
        parse_path("a." * 200 + "b")


def test_apply_overrides_is_pure_and_validated():
    base = custom()
    variant = apply_overrides(base, {AMOUNT: "400 kWh", "options.allocation": "calendar_time"})
    assert footprint.assess(variant).inventory["amount"].iloc[0] == pytest.approx(400)
    assert variant.options.allocation == "calendar_time"
    assert base.options.allocation == "use_time"  # the baseline is unchanged
    # by service and component name
    by_name = apply_overrides(base, {"services[Site].components[servers].tier": "onsite"})
    assert by_name.services[0].components[0].tier == "onsite"


@pytest.mark.parametrize("path, value, where, message", [
    ("services[3].name", "x", "['services[3].name']", "out of range"),
    ("services[Nope].name", "x", "['services[Nope].name']", "no item named 'Nope'"),
    ("options.nope.x", 1, "['options.nope.x']", "no field 'nope'"),
    ("scenarios", [], "['scenarios']", "cannot be overridden"),
    (AMOUNT, "-5 kWh", f"['{AMOUNT}']", "greater than or equal to 0"),
    (AMOUNT, "lots", f"['{AMOUNT}']", "lots"),
    ("services[0].components[0].tier", "cloud", "['services[0].components[0].tier']",
     "user_devices"),
])
def test_bad_overrides_name_the_scenario_and_path(path, value, where, message):
    with pytest.raises(ProjectError, match=message) as info:
        custom(scenarios=[{"name": "ok", "overrides": {AMOUNT: "1 kWh"}},
                          {"name": "bad", "overrides": {path: value}}])
    assert info.value.path.startswith("scenarios[1].overrides" + where), info.value.path
    assert "'bad'" in str(info.value)


def test_scenario_names():
    for names in (["baseline"], ["a", "a"]):
        with pytest.raises(ProjectError) as info:
            custom(scenarios=[{"name": n, "overrides": {AMOUNT: 1}} for n in names])
        assert info.value.path == f"scenarios[{len(names) - 1}].name"
    p = custom(scenarios=[{"name": "less", "overrides": {AMOUNT: "400 kWh"}}])
    assert scenario_project(p, "less").scenarios == []
    with pytest.raises(ProjectError, match="did you mean 'less'"):
        scenario_project(p, "lesss")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_samples_survive_an_empty_override(path, bundled):
    """Dumping and re-validating a project changes nothing: overrides start from it."""
    p = footprint.read_project(path)
    same = apply_overrides(p, {"name": p.name})
    assert same == p.model_copy(update={"scenarios": []})
    assert footprint.assess(same, bundled).total().m_as("kgCO2e") == pytest.approx(
        footprint.assess(p, bundled).total().m_as("kgCO2e"))


def test_compare_hand_computed(tiny):
    p = custom(scenarios=[{"name": "less", "overrides": {AMOUNT: "400 kWh"}},
                          {"name": "Germany", "overrides": {"hosting_country": "DE"}}])
    c = footprint.compare(p, draws=20000, seed=3, factors=tiny)
    assert c.scenarios == ("baseline", "less", "Germany")
    t = c.deltas[(c.deltas["level"] == "total") & (c.deltas["indicator"] == "climate_change")]
    less, de = t.iloc[0], t.iloc[1]
    # 400 kWh instead of 1000 at 0.05 kg/kWh: −30 kg, −60 %
    assert less["delta"] == pytest.approx(-30.0)
    assert less["delta_pct"] == pytest.approx(-60.0)
    # the same factor draw on both sides: delta = −600 kWh × F, lower in every draw; the
    # median of F (0.03, 0.05, 0.1) is its central value 0.05 → −30 kg
    assert less["p_lower"] == 1.0
    assert less["delta_p50"] == pytest.approx(-600 * 0.05, rel=0.01)
    # servers in Germany: 1000 × 0.4 − 50 = +350 kg; DE's low end (0.3) is above FR's
    # high end (0.1), so the scenario is higher in every draw
    assert de["delta"] == pytest.approx(350.0)
    assert de["p_lower"] == 0.0
    assert de["delta_p5"] > 1000 * (0.3 - 0.1) - 1e-9
    # by tier: everything is in data centres
    tiers = c.deltas[(c.deltas["level"] == "tier") & (c.deltas["indicator"] == "climate_change")]
    assert set(tiers["group"]) == {"data_centres"}
    # primary energy: FR only (10 MJ/kWh); DE has none → not covered, never 0
    pe = c.totals.set_index(["scenario", "indicator"])["value"]
    assert pe[("less", "primary_energy")] == pytest.approx(4000.0)
    assert math.isnan(pe[("Germany", "primary_energy")])


def test_conventions_are_beside_not_inside(tiny):
    p = custom(scenarios=[{"name": "less", "overrides": {AMOUNT: "400 kWh"}}])
    c = footprint.compare(p, draws=50, factors=tiny, indicators=("climate_change",))
    conv = c.conventions.set_index(["scenario", "convention"])
    assert conv.loc[("baseline", "allocation"), "setting"] == "calendar_time"
    # electricity does not depend on the allocation: same delta under both conventions
    assert conv.loc[("less", "allocation"), "delta"] == pytest.approx(-30.0)


def test_sample_scenarios_tell_the_story(bundled):
    opera = footprint.read_project(ROOT / "sample_projects" / "opera_live_replay.yaml")
    archive = footprint.read_project(ROOT / "sample_projects" / "archive_digitisation.yaml")
    for project in (opera, archive):
        names = [s.name for s in project.scenarios]
        assert len(names) >= 2
        c = footprint.compare(project, draws=200, seed=1, indicators=("climate_change",))
        t = c.deltas[c.deltas["level"] == "total"].set_index("scenario")
        for name in names:
            # a scenario's delta is the difference of two assessments
            expected = (footprint.assess(scenario_project(project, name)).total().magnitude
                        - footprint.assess(project).total().magnitude)
            assert t.loc[name, "delta"] == pytest.approx(expected)
            assert 0.0 <= t.loc[name, "p_lower"] <= 1.0
        # each of these changes lowers the footprint in (nearly) every draw
        assert (t["p_lower"] > 0.9).all()


def test_cli_compare(capsys):
    path = str(ROOT / "sample_projects" / "opera_live_replay.yaml")
    assert main(["compare", path, "--draws", "100", "--factors-only"]) == 0
    out = capsys.readouterr().out
    assert "HD instead of 4K" in out and "P(lower)" in out and "% of the draws" in out
    assert main(["compare", path, "--draws", "50", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["monte_carlo"]["draws"] == 50
    assert {r["scenario"] for r in data["totals"]} >= {"baseline", "HD instead of 4K"}
    assert main(["compare", path, "--draws", "50", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("scenario,indicator,unit,level,group")
    assert main(["compare", path, "--draws", "0"]) == 2
    assert "draws" in capsys.readouterr().err


def test_scenarios_round_trip_through_yaml():
    p = custom(scenarios=[{"name": "less", "description": "d",
                           "overrides": {AMOUNT: "400 kWh"}}])
    again = parse_project(footprint.to_yaml(p))
    assert again == p
    assert np.isclose(footprint.assess(scenario_project(again, "less")).inventory["amount"]
                      .sum(), 400.0)


def test_override_numbers_are_finite_and_minus_zero_is_zero():
    for bad in (float("inf"), float("nan"), {"hd": float("-inf")}):
        with pytest.raises(ProjectError, match="finite") as info:
            custom(scenarios=[{"name": "x", "overrides": {AMOUNT: bad}}])
        assert "scenarios" in info.value.path
    p = custom(scenarios=[{"name": "zero", "overrides": {AMOUNT: -0.0}}])
    assert math.copysign(1.0, p.scenarios[0].overrides[AMOUNT]) == 1.0
