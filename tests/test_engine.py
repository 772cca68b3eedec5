"""Engine: hand-computed results on the round-number factors of tests/data/tiny-2026."""

from __future__ import annotations

import math

import pytest

import footprint
from footprint import parse_project
from tests.helpers import cc


def project(*activities, tier="user_devices", audience="FR", hosting="FR", allocation=None,
            fu=None):
    data = {"name": "P", "audience_country": audience, "hosting_country": hosting,
            "services": [{"name": "S", "kind": "custom", "components": [
                {"name": "C", "tier": tier, "activities": list(activities)}]}]}
    if allocation:
        data["options"] = {"allocation": allocation}
    if fu:
        data["functional_unit"] = fu
    return parse_project(data)


def test_device_allocation_use_time(tiny):
    # 730 h of a laptop: share = 730 / (5 yr × 365 d × 4 h/d) = 0.1 device
    # embodied = 0.1 × (200 + 10 + 2) = 21.2 kg; use = 25 W × 730 h = 18.25 kWh × 0.05 = 0.9125 kg
    r = footprint.assess(project({"factor": "device.laptop", "amount": "730 h"}), tiny)
    assert cc(r) == pytest.approx(21.2 + 0.9125, rel=1e-12)
    assert r.by_stage()["manufacturing"] == pytest.approx(20.0)
    assert r.by_stage()["distribution"] == pytest.approx(1.0)
    assert r.by_stage()["end_of_life"] == pytest.approx(0.2)
    assert r.electricity().m_as("kWh") == pytest.approx(18.25)
    assert r.options["allocation"] == "use_time"


def test_device_allocation_calendar_time(tiny):
    # calendar: share = 730 / (5 × 8760) = 1/60 device → embodied 212/60 kg
    r = footprint.assess(project({"factor": "device.laptop", "amount": "730 h"},
                                 allocation="calendar_time"), tiny)
    assert cc(r) == pytest.approx(212 / 60 + 0.9125, rel=1e-12)
    assert r.options["allocation"] == "calendar_time"
    # the keyword overrides the project's option, and is recorded
    r2 = footprint.assess(project({"factor": "device.laptop", "amount": "730 h"}), tiny,
                          allocation="calendar_time")
    assert cc(r2) == pytest.approx(cc(r))


def test_whole_devices_count(tiny):
    r = footprint.assess(project({"factor": "device.laptop", "amount": 3, "unit": "device"}), tiny)
    assert cc(r) == pytest.approx(3 * 212)
    assert r.electricity().m_as("kWh") == 0


def test_network_per_gb(tiny):
    # 500 GB × 10 gCO2e/GB = 5 kg; 2 TB = 2000 GB (decimal)
    r = footprint.assess(project({"factor": "network.fixed", "amount": "2 TB"}, tier="networks"),
                         tiny)
    assert cc(r) == pytest.approx(20.0)
    assert r.by_tier()["networks"] == pytest.approx(20.0)


def test_electricity_by_country_and_region_fallback(tiny):
    kwh = {"factor": "electricity", "amount": "100 kWh"}
    assert cc(footprint.assess(project(kwh, tier="data_centres", hosting="DE"), tiny)) == \
        pytest.approx(40.0)
    # Italy is in the EU: the EU27 value applies, and the substitution is reported
    r = footprint.assess(project(kwh, tier="data_centres", hosting="IT"), tiny)
    assert cc(r) == pytest.approx(20.0)
    assert any("region IT" in w and "EU27" in w for w in r.warnings)
    # Japan: world value
    assert cc(footprint.assess(project(kwh, tier="data_centres", hosting="JP"), tiny)) == \
        pytest.approx(50.0)
    # 0.5 MWh written in another unit converts
    assert cc(footprint.assess(project({"factor": "electricity", "amount": "0.1 MWh"}), tiny)) == \
        pytest.approx(5.0)


def test_pue_applied_to_server_electricity(tiny):
    """Data-centre electricity = IT energy × PUE: 80 kWh IT × 1.5 = 120 kWh × 0.05 kg."""
    pue = tiny.parameter("dc.pue", "dimensionless", region="FR")
    r = footprint.assess(project({"factor": "electricity", "amount": 80 * pue, "unit": "kWh"},
                                 tier="data_centres"), tiny)
    assert cc(r) == pytest.approx(6.0)


def test_storage_per_tb_year(tiny):
    # 500 GB kept 3 years = 1.5 TB·year × 2 kg = 3 kg
    r = footprint.assess(project({"factor": "storage.hdd.embodied", "amount": 1500,
                                  "unit": "GB*year"}, tier="data_centres"), tiny)
    assert cc(r) == pytest.approx(3.0)
    assert r.by_stage()["manufacturing"] == pytest.approx(3.0)


def test_not_covered_is_nan_not_zero(tiny):
    r = footprint.assess(project({"factor": "network.fixed", "amount": "1 GB"}, tier="networks"),
                         tiny)
    assert math.isnan(r.total("primary_energy").magnitude)
    nc = r.not_covered("primary_energy")
    assert list(nc["factor_code"]) == ["network.fixed"]
    totals = r.totals().set_index("indicator")
    assert totals.loc["primary_energy", "rows_not_covered"] == 1
    assert math.isnan(totals.loc["water", "total"])
    # partly covered: the laptop has water for manufacturing only
    r2 = footprint.assess(project({"factor": "device.laptop", "amount": 1, "unit": "device"},
                                  {"factor": "network.fixed", "amount": "1 GB"}), tiny)
    assert r2.total("water").m_as("m**3") == pytest.approx(0.2)
    assert "network.fixed" in set(r2.not_covered("water")["factor_code"])


def test_trace_columns_and_provenance(tiny):
    r = footprint.assess(project({"factor": "electricity", "amount": "10 kWh"}), tiny)
    row = r.table[r.table["indicator"] == "climate_change"].iloc[0]
    assert row["factor_code"] == "electricity" and row["factor_region"] == "FR"
    assert row["factor_value"] == pytest.approx(0.05) and row["factor_unit"] == "kgCO2e/kWh"
    assert row["dataset"] == "tiny-2026" and row["source_ref"] == "t"
    assert row["impact"] == pytest.approx(0.5) and row["impact_unit"] == "kgCO2e"
    assert (row["impact_low"], row["impact_high"]) == pytest.approx((0.3, 1.0))
    assert list(r.provenance["dataset"]) == ["tiny-2026"]


def test_total_is_pint_and_converts(tiny):
    r = footprint.assess(project({"factor": "electricity", "amount": "20000 kWh"}), tiny)
    assert r.total().to("tCO2e").magnitude == pytest.approx(1.0)
    with pytest.raises(Exception):
        r.total().to("kg")  # CO2e is its own dimension


def test_functional_unit_and_breakdowns(tiny):
    r = footprint.assess(project({"factor": "electricity", "amount": "100 kWh"},
                                 fu={"name": "visit", "quantity": 1000}), tiny)
    assert r.per_functional_unit().to("gCO2e").magnitude == pytest.approx(5.0)
    table = r.breakdown(("stage", "tier"))
    assert table.loc["use", "user_devices"] == pytest.approx(5.0)
    assert r.by_service()["S"] == pytest.approx(5.0)
    d = r.to_dict()
    assert d["per_functional_unit"]["climate_change_kgco2e"] == pytest.approx(0.005)
    assert d["totals"][0]["unit"] == "kgCO2e"


def test_unknown_factor_names_path_and_close_matches(tiny):
    with pytest.raises(footprint.ProjectError) as exc:
        footprint.assess(project({"factor": "electricty", "amount": "1 kWh"}), tiny)
    assert exc.value.path == "services[0].components[0].activities[0].factor"
    assert "electricity" in str(exc.value)


def test_unit_of_wrong_dimension_names_path(tiny):
    with pytest.raises(footprint.ProjectError) as exc:
        footprint.assess(project({"factor": "electricity", "amount": "3 GB"}), tiny)
    assert exc.value.path == "services[0].components[0].activities[0].unit"
    assert "kWh" in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_many_components_vectorised(tiny):
    comps = [{"name": f"c{i}", "tier": "data_centres",
              "activities": [{"factor": "electricity", "amount": i, "unit": "kWh"}]}
             for i in range(1000)]
    p = parse_project({"name": "big", "hosting_country": "DE",
                       "services": [{"name": "s", "kind": "custom", "components": comps}]})
    r = footprint.assess(p, tiny)
    assert cc(r) == pytest.approx(0.4 * sum(range(1000)))
    assert len(r.inventory) == 1000


def test_regions_resolve_per_indicator(tiny):
    # tiny has primary energy for FR only: French electricity is covered, German is not,
    # while its climate-change factor is Germany's own
    r = footprint.assess(project({"factor": "electricity", "amount": "10 kWh"},
                                 tier="data_centres", hosting="DE"), tiny)
    assert cc(r) == pytest.approx(4.0)
    assert math.isnan(r.total("primary_energy").magnitude)
    r_fr = footprint.assess(project({"factor": "electricity", "amount": "10 kWh"}), tiny)
    assert r_fr.total("primary_energy").m_as("MJ") == pytest.approx(100.0)


@pytest.mark.parametrize("country", ["FR", "PL", "ZA", "US"])
def test_bundled_primary_energy_is_the_french_regulatory_coefficient(bundled, country):
    """primary_energy = final electricity × 2.3 kWhEP/kWh (arrêté DPE of 31 March 2021)
    × 3.6 MJ/kWh = 8.28 MJ/kWh, a convention that does not follow the grid; a device's
    manufacture is not covered on this definition."""
    r = footprint.assess(project({"factor": "electricity", "amount": "1000 kWh"},
                                 tier="data_centres", hosting=country), bundled)
    assert r.total("primary_energy").m_as("MJ") == pytest.approx(1000 * 2.3 * 3.6)
    r = footprint.assess(project({"factor": "device.laptop", "amount": "1095 h"},
                                 audience=country), bundled)
    kwh = r.electricity().m_as("kWh")
    assert r.total("primary_energy").m_as("MJ") == pytest.approx(kwh * 8.28)
    assert "device.laptop" in set(r.not_covered("primary_energy")["factor_code"])


def test_bundled_water_is_ademe_device_water_and_electricity_is_not_covered(bundled):
    """water = ADEME's digital-LCA model 2.1.0 device water ('eau'): a laptop's
    manufacture is 194,000 L; 1,095 h = 1095 / (5 yr × 365 × 3 h/day) = 0.2 laptop →
    38.8 m³. No reusable source gives electricity on that definition (WRI consumption
    3.67 L/kWh and ecoinvent 146 L/kWh measure other things): not covered, never mixed."""
    r = footprint.assess(project({"factor": "device.laptop", "amount": "1095 h"}), bundled)
    assert r.total("water").m_as("m**3") == pytest.approx(0.2 * 194.0)
    nc = r.not_covered("water")
    assert set(nc.loc[nc["stage"] == "use", "factor_code"]) == {"electricity"}
    # ADEME's distribution and end-of-life water are not bundled (flagged unreliable by
    # ADEME, factors dossier §6.1): those stages of the laptop read not covered
    assert set(nc.loc[nc["factor_code"] == "device.laptop", "stage"]) == \
        {"distribution", "end_of_life"}
    assert "water" not in set(bundled.factors.query("code == 'electricity'")["indicator"])


def test_bundled_extra_indicators_for_devices_and_electricity(bundled):
    """EF 3.0 indicators carried by Boavizta 2.5.0 (Base Empreinte devices, Base IMPACTS
    2011 electricity): 1,000 kWh in Poland and one laptop's share, by hand."""
    r = footprint.assess(project({"factor": "electricity", "amount": "1000 kWh"},
                                 tier="data_centres", hosting="PL"), bundled)
    t = r.totals().set_index("indicator")
    assert t.loc["acidification", "total"] == pytest.approx(1000 * 0.00949766)
    assert t.loc["particulate_matter", "total"] == pytest.approx(1000 * 9.15555e-08)
    assert t.loc["ionising_radiation", "total"] == pytest.approx(1000 * 0.00477354)
    assert t.loc["resource_use_fossils", "total"] == pytest.approx(1000 * 11.1352)
    laptop = footprint.assess(project({"factor": "device.laptop", "amount": "1095 h"},
                                      audience="SE"), bundled)
    manuf = laptop.table.query("factor_code == 'device.laptop'").set_index("indicator")
    assert manuf.loc["acidification", "impact"] == pytest.approx(0.2 * 0.995)
    assert manuf.loc["ionising_radiation", "impact"] == pytest.approx(0.2 * 75.5)
    assert manuf.loc["resource_use_fossils", "impact"] == pytest.approx(0.2 * 2360)
    # Boavizta's Europe and world acidification are ~1000x every country's: left out
    assert bundled.resolve_region("electricity", "RS", indicator="acidification") is None


def test_a_flow_characterised_by_factors_of_another_flow_is_an_error(tiny):
    from footprint.characterise import characterise
    from footprint.inventory import rows

    inv = rows(service="S", component="C", tier="networks", flow="data", amount=100.0,
               factor_code="electricity", region="FR")
    with pytest.raises(footprint.UnitError, match="per kWh"):
        characterise(inv, tiny)


def test_parameter_region_substitutions_are_reported(bundled):
    # dc.pue exists for FR and the world: servers in Germany take the world PUE, and say so
    r = footprint.assess(parse_project({
        "name": "P", "hosting_country": "DE", "services": [{
            "name": "site", "kind": "website", "visits_per_year": 1000,
            "hosting": "dedicated", "servers": 1}]}), bundled)
    assert any(w.startswith("dc.pue: no value for region DE; the GLO value is used")
               for w in r.warnings), r.warnings


def test_totals_in_requested_units(tiny):
    r = footprint.assess(project({"factor": "electricity", "amount": "20000 kWh"}), tiny)
    t = r.totals({"climate_change": "tCO2e"}).set_index("indicator")
    assert t.loc["climate_change", "total"] == pytest.approx(1.0)
    assert (t.loc["climate_change", "extreme_low"], t.loc["climate_change", "extreme_high"]) == \
        pytest.approx((0.6, 2.0))
    assert t.loc["climate_change", "unit"] == "tCO2e"


def test_venue_defaults_to_each_services_audience(tiny):
    from footprint.inventory import Context

    class Svc:
        audience_country, hosting_country, venue_country = "DE", None, None

    ctx = Context(registry=tiny, audience_country="FR")
    assert ctx.venue(Svc()) == "DE"  # the service's own audience, not the project's
    assert Context(registry=tiny, venue_country="IT").venue(Svc()) == "IT"


def test_a_code_with_factors_for_two_flows_is_refused(tmp_path):
    import shutil

    from footprint.factors import FactorRegistry, read_dataset
    from tests.conftest import TINY

    path = tmp_path / "tiny-2026"
    shutil.copytree(TINY, path)
    with open(path / "factors.csv", "a") as fh:
        fh.write("electricity,IT,2024,use,climate_change,5,gCO2e/GB,4,6,triangular,"
                 "estimate,t,\n")
    with pytest.raises(footprint.DatasetError, match="one flow"):
        FactorRegistry([read_dataset(path)])
