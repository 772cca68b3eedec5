"""Networks in every country: ADEME's per-GB factors split into electricity per GB × the
network's grid plus a non-use share, the published factor kept for France, the network's
own region, and every tier of every kind covered for climate change in every country of
the electricity data."""

from __future__ import annotations

from pathlib import Path

import pytest

import footprint
from tests.helpers import assert_climate_covered
from footprint import parse_project
from footprint.networks import NETWORK_TYPES

ROOT = Path(__file__).resolve().parent.parent

# ADEME, publicodes-acv-numerique 2.1.0, rules 'transmission par défaut . facteur réseau
# fixe FR' 9.269, 'fixe FR hors box' 2.59, 'mobile FR' 24.684 gCO2e/GB (NegaOctet), and the
# EU variants 30.808 / 14.4 / 96.01 computed with 'électricité . FE Europe' 410.4 g/kWh.
ADEME_FR = {"fixed": 9.269, "fixed_excl_box": 2.59, "mobile": 24.684}
ADEME_EU = {"fixed": 30.808, "fixed_excl_box": 14.4, "mobile": 96.01}
FE_EUROPE, FR_GRID = 410.4, 51.9


def video(country, **svc):
    return parse_project({"name": "V", "audience_country": country, "hosting_country": country,
                          "services": [{"name": "v", "kind": "video_streaming",
                                        "hours_viewed": "1 h", **svc}]})


def grams(result, **filters):
    t = result.table[result.table["indicator"] == "climate_change"]
    for col, val in filters.items():
        t = t[t[col] == val]
    return t["impact"].sum() * 1000.0


@pytest.mark.parametrize("kind", NETWORK_TYPES)
def test_model_reproduces_ademe_french_and_european_factors(bundled, kind):
    # E × grid + M gives ADEME's French factor at the French grid and its European factor
    # at ADEME's 410.4 g/kWh: the split is the published pair, nothing else.
    e = bundled.parameter(f"network.{kind}.use_energy", "kWh/GB")
    m = bundled.factor(f"network.{kind}.embodied", unit="gCO2e/GB")
    assert e == pytest.approx((ADEME_EU[kind] - ADEME_FR[kind]) / (FE_EUROPE - FR_GRID), rel=1e-4)
    assert e * FR_GRID + m == pytest.approx(ADEME_FR[kind], abs=1e-3)
    assert e * FE_EUROPE + m == pytest.approx(ADEME_EU[kind], abs=1e-3)
    assert bundled.factor(f"network.{kind}", region="FR", unit="gCO2e/GB") == ADEME_FR[kind]
    assert bundled.factor("electricity", region="FR", unit="gCO2e/kWh") == FR_GRID


def test_france_keeps_the_published_factor(bundled):
    r = footprint.assess(video("FR"), bundled)
    net = r.table[(r.table["tier"] == "networks") & (r.table["indicator"] == "climate_change")]
    assert set(net["factor_code"]) == {"network.fixed"}
    assert grams(r, tier="networks") == pytest.approx(3 * 9.269)
    # ADEME's single figure split by stage (no accidental zero for network manufacture):
    # use = 0.060081 kWh/GB × 51.9 g/kWh, manufacturing = the rest
    assert grams(r, tier="networks", stage="use") == pytest.approx(3 * 3.1182)
    assert grams(r, tier="networks", stage="manufacturing") == pytest.approx(3 * 6.1508)


def test_germany_network_is_its_grid_not_ademe_europe(bundled):
    # 3 GB × (0.060081 kWh/GB × Ember DE 342.06 g/kWh + 6.1508 g/GB) = 80.11 g, where the
    # EU-27 per-GB factor (30.808 g/GB at 410.4 g/kWh) gave 92.4 g.
    r = footprint.assess(video("DE"), bundled)
    assert grams(r, tier="networks") == pytest.approx(3 * (0.060081 * 342.06 + 6.1508), rel=1e-4)
    assert grams(r, tier="networks", stage="use") == pytest.approx(3 * 0.060081 * 342.06,
                                                                   rel=1e-4)
    assert grams(r, tier="networks", stage="manufacturing") == pytest.approx(3 * 6.1508)
    assert r.inventory.loc[r.inventory["tier"] == "networks", "electricity_kwh"].sum() == \
        pytest.approx(3 * 0.060081)
    assert not any("network" in w and "EU27" in w for w in r.warnings)


def test_networks_rank_by_grid_intensity(bundled):
    # The network of an HD hour grows with the country's grid, whatever the country.
    countries = ["SE", "FR", "BR", "CA", "GB", "DE", "US", "JP", "PL", "IN"]
    grids = [bundled.factor("electricity", region=c) for c in countries]
    nets = [grams(footprint.assess(video(c), bundled), tier="networks") for c in countries]
    order = sorted(range(len(countries)), key=grids.__getitem__)
    assert [nets[i] for i in order] == sorted(nets)
    # Sweden's network (36 g/kWh) is below France's (52 g/kWh), no longer 3x above it
    assert nets[0] < nets[1]


def test_network_country_is_its_own_parameter(bundled):
    # French audience, devices in France, data over a German network (e.g. roaming)
    p = parse_project({"name": "V", "network_country": "DE", "services": [
        {"name": "v", "kind": "video_streaming", "hours_viewed": "1 h"}]})
    r = footprint.assess(p, bundled)
    assert grams(r, tier="networks") == pytest.approx(grams(footprint.assess(video("DE"),
                                                                             bundled),
                                                            tier="networks"))
    devices = r.inventory[r.inventory["tier"] == "user_devices"]
    assert set(devices["region"]) == {"FR"}
    # the service's own network_country wins over the project's
    p2 = parse_project({"name": "V", "network_country": "DE", "services": [
        {"name": "v", "kind": "video_streaming", "hours_viewed": "1 h",
         "network_country": "FR"}]})
    assert grams(footprint.assess(p2, bundled), tier="networks") == pytest.approx(3 * 9.269)


def test_custom_network_activities_follow_the_model(bundled):
    p = parse_project({"name": "C", "audience_country": "US", "services": [
        {"name": "c", "kind": "custom", "components": [
            {"name": "downloads", "tier": "networks",
             "activities": [{"factor": "network.mobile", "amount": "10 GB"}]}]}]})
    r = footprint.assess(p, bundled)
    us = bundled.factor("electricity", region="US", unit="gCO2e/kWh")
    assert grams(r) == pytest.approx(10 * (0.198957 * us + 14.3581), rel=1e-4)
    assert_climate_covered(r)


def _every_kind_in(countries):
    """One project: every service of every sample, once per country (service-level
    audience, hosting, venue and network countries)."""
    services = []
    for path in sorted((ROOT / "sample_projects").glob("*.yaml")):
        project = footprint.read_project(path)
        for svc in project.services:
            for c in countries:
                services.append(svc.model_copy(update={
                    "name": f"{path.stem}/{svc.name}/{c}", "audience_country": c,
                    "hosting_country": c, "venue_country": c, "network_country": c}))
    return footprint.Project(name="every kind everywhere", services=services)


def test_every_country_every_kind_every_tier_is_covered(bundled):
    regions = bundled.factors.query("code == 'electricity' and indicator == 'climate_change'")
    countries = sorted(set(regions["region"]))
    assert len(countries) > 30
    r = footprint.assess(_every_kind_in(countries), bundled)
    assert_climate_covered(r)
    kinds = {s.kind for s in r.project.services}
    assert kinds >= {"video_streaming", "live_event", "audio_streaming", "website",
                     "vr_experience", "digitisation_campaign", "ai_assistant",
                     "onsite_screens", "custom"}
    # every service that moves data has a covered network tier
    cc = r.table[r.table["indicator"] == "climate_change"]
    moved = set(r.inventory.loc[r.inventory["flow"] == "data", "service"])
    covered = set(cc.loc[(cc["tier"] == "networks") & cc["impact"].notna(), "service"])
    assert moved <= covered
    assert {name.rsplit("/", 1)[1] for name in moved} == set(countries)


# -- grid basis -------------------------------------------------------------------------
def test_ember_basis_puts_france_on_embers_figure_and_networks_on_the_model(bundled):
    ref = footprint.assess(video("FR"), bundled)
    ember = footprint.assess(video("FR"), bundled, grid_basis="ember")
    fr_ember = bundled.factor("electricity.ember", region="FR", unit="gCO2e/kWh")
    assert fr_ember == pytest.approx(44.18)  # Ember via CO2.js 0.19.0, averageIntensity FRA
    # the same kWh, Ember's factor: devices' and servers' use scale by 44.18 / 51.9
    kwh = ref.inventory.loc[ref.inventory["tier"] != "networks", "electricity_kwh"].sum()
    use = lambda r: grams(r, flow="electricity", stage="use") - grams(  # noqa: E731
        r, flow="electricity", tier="networks")
    assert use(ref) == pytest.approx(kwh * 51.9)
    assert use(ember) == pytest.approx(kwh * fr_ember)
    # networks: the model at Ember's French grid, 3 GB × (0.060081 × 44.18 + 6.1508)
    assert grams(ember, tier="networks") == pytest.approx(3 * (0.060081 * 44.18 + 6.1508),
                                                          rel=1e-4)
    assert ember.options["grid_basis"] == "ember"
    assert "generation mix" in ember.options["electricity"]["FR"]
    assert "consumption mix" in ref.options["electricity"]["FR"]
    # other countries are on Ember already: nothing moves
    de = [footprint.assess(video("DE"), bundled, grid_basis=b).total().m_as("gCO2e")
          for b in ("reference", "ember")]
    assert de[0] == pytest.approx(de[1])


def test_grid_basis_is_a_project_option_and_refuses_others(bundled):
    p = parse_project({"name": "V", "options": {"grid_basis": "ember"}, "services": [
        {"name": "v", "kind": "video_streaming", "hours_viewed": "1 h"}]})
    assert footprint.assess(p, bundled).options["grid_basis"] == "ember"
    with pytest.raises(footprint.ProjectError) as exc:
        parse_project({"name": "V", "options": {"grid_basis": "market"}, "services": [
            {"name": "v", "kind": "video_streaming", "hours_viewed": "1 h"}]})
    assert exc.value.path == "options.grid_basis"
