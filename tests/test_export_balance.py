"""BEGES v5 and GHG-Protocol tables: hand-computed values on tests/data/tiny-2026.

The fixture project has one component per tier. With the tiny factors (laptop 200 + 10 + 2
kgCO2e per device for manufacture, distribution, end of life; 5-year life × 365 d × 4 h/d;
25 W; FR electricity 0.05 kgCO2e/kWh; fixed network 10 gCO2e/GB):

- 730 h of a laptop = 0.1 device → manufacture 20, distribution 1, end of life 0.2 kg;
  use 25 W × 730 h = 18.25 kWh × 0.05 = 0.9125 kg;
- 100 GB on the fixed network = 1 kg; 100 kWh in a French data centre = 5 kg.
"""

from __future__ import annotations

import math

import pytest

import footprint
from footprint import parse_project
from footprint.errors import ProjectError
from footprint.export import beges_table, ghg_table
from footprint.schema.reporting import BEGES_IDS, GHG_IDS

LAPTOP = {"factor": "device.laptop", "amount": "730 h"}


def tiny_project(reporting=None):
    data = {"name": "P", "services": [{"name": "S", "kind": "custom", "components": [
        {"name": "kiosk", "tier": "onsite", "activities": [LAPTOP]},
        {"name": "viewers", "tier": "user_devices", "activities": [LAPTOP]},
        {"name": "transfer", "tier": "networks",
         "activities": [{"factor": "network.fixed", "amount": "100 GB"}]},
        {"name": "hosting", "tier": "data_centres",
         "activities": [{"factor": "electricity", "amount": "100 kWh"}]}]}]}
    if reporting is not None:
        data["reporting"] = reporting
    return parse_project(data)


def lines(table):
    return dict(zip(table["line"], table["total_tco2e"]))


def test_beges_default_mapping_hand_computed(tiny):
    result = footprint.assess(tiny_project(), tiny)
    b = beges_table(result, lang="en")
    v = lines(b)
    assert v["2.1"] == pytest.approx(0.9125e-3)          # kiosk electricity
    assert v["4.2"] == pytest.approx(21.0e-3)            # kiosk manufacture + distribution
    assert v["4.3"] == pytest.approx(0.2e-3)             # kiosk end of life
    assert v["4.5"] == pytest.approx(5.0e-3)             # hosting
    assert v["5.1"] == pytest.approx((0.9125 + 1.0) * 1e-3)  # audience devices' use + network
    assert v["info.audience_devices"] == pytest.approx(21.2e-3)  # outside the total
    assert v["total"] == pytest.approx((0.9125 + 21 + 0.2 + 5 + 0.9125 + 1) * 1e-3)
    assert v["cat.4"] == pytest.approx((21 + 0.2 + 5) * 1e-3)
    # the BEGES total plus the information line is the assessment's total
    assert (v["total"] + v["info.audience_devices"]) * 1000 == pytest.approx(
        result.total().m_as("kgCO2e"))
    # all 22 postes listed; those not reached are "not covered", never 0
    postes = b[b["level"] == "poste"]
    assert list(postes["line"]) == list(BEGES_IDS)
    missing = postes[postes["coverage"] == "not_covered"]
    assert set(missing["line"]) == set(BEGES_IDS) - {"2.1", "4.2", "4.3", "4.5", "5.1"}
    assert missing["total_tco2e"].isna().all()
    assert math.isnan(v["cat.1"]) and math.isnan(v["cat.3"])
    basis = dict(zip(b["line"], b["mapping_basis"]))
    assert basis["2.1"] == "rule" and basis["5.1"] == "convention"
    assert basis["info.audience_devices"] == "interpretation"


def test_bounds_are_the_factor_ranges(tiny):
    result = footprint.assess(tiny_project(), tiny)
    b = beges_table(result).set_index("line")
    # hosting: 100 kWh × 0.03 … 0.1 kgCO2e/kWh
    assert b.loc["4.5", "low_tco2e"] == pytest.approx(3.0e-3)
    assert b.loc["4.5", "high_tco2e"] == pytest.approx(10.0e-3)
    assert b.loc["4.5", "uncertainty_basis"] == "range"


def test_ghg_protocol_lines_and_purchase_year(tiny):
    result = footprint.assess(tiny_project(), tiny)
    g = ghg_table(result, lang="en")
    v = lines(g)
    assert list(g[g["level"].isin(["scope", "category"])]["line"]) == [
        "scope1", "scope2", "scope3"] + list(GHG_IDS[2:])
    assert v["scope2"] == pytest.approx(0.9125e-3)
    assert v["3.2"] == pytest.approx(21.0e-3) and v["3.1"] == pytest.approx(5.0e-3)
    assert v["3.11"] == pytest.approx(1.9125e-3) and math.isnan(v["scope1"])
    # one kiosk bought in the period: the GHG Protocol counts its whole manufacture
    # (200 + 10 kg); the BEGES keeps the share of the period (21 kg)
    bought = footprint.assess(tiny_project({"purchases": [
        {"service": "S", "component": "kiosk", "devices": 1}]}), tiny)
    assert lines(ghg_table(bought))["3.2"] == pytest.approx(210.0e-3)
    assert lines(beges_table(bought))["4.2"] == pytest.approx(21.0e-3)


def test_switch_and_project_overrides(tiny):
    result = footprint.assess(tiny_project({
        "audience_device_manufacture": "in_5_1",
        "mapping": [{"tier": "networks", "beges": "6.1", "ghg": "3.1",
                     "note": "networks as collective infrastructure"}]}), tiny)
    b = beges_table(result, lang="en")
    v = lines(b)
    assert v["5.1"] == pytest.approx((0.9125 + 21.2) * 1e-3)
    assert v["6.1"] == pytest.approx(1.0e-3)
    assert math.isnan(v["info.audience_devices"])
    row = b.set_index("line").loc["6.1"]
    assert row["mapping_basis"] == "project" and "collective" in row["note"]
    assert v["total"] * 1000 == pytest.approx(result.total().m_as("kgCO2e"))


def test_bad_reporting_input_names_the_field(tiny):
    with pytest.raises(ProjectError) as e:
        tiny_project({"mapping": [{"tier": "networks", "beges": "9.9", "ghg": "3.1"}]})
    assert "reporting.mapping[0].beges" in str(e.value)
    result = footprint.assess(tiny_project({"purchases": [
        {"service": "S", "component": "nope", "devices": 2}]}), tiny)
    with pytest.raises(ProjectError) as e:
        ghg_table(result)
    assert e.value.path == "reporting.purchases[0]"
    with pytest.raises(ProjectError) as e:
        beges_table(result, lang="de")
    assert e.value.path == "lang"


def test_uncertainty_from_monte_carlo_replaces_the_bounds(tiny):
    import pandas as pd

    result = footprint.assess(tiny_project(), tiny)
    mc = pd.DataFrame({"p5": [4.0, 20.0], "p95": [6.5, 40.0]}, index=["4.5", "total"])
    b = beges_table(result, uncertainty=mc).set_index("line")
    assert b.loc["4.5", "low_tco2e"] == pytest.approx(4.0e-3)
    assert b.loc["4.5", "uncertainty_basis"] == "monte_carlo"
    assert b.loc["total", "high_tco2e"] == pytest.approx(40.0e-3)
    assert b.loc["4.2", "uncertainty_basis"] == "range"
