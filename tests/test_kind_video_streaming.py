"""video_streaming: hand-computed cases, ADEME's published table, Carbon Trust 2021,
validation errors with their paths."""

from __future__ import annotations

from pathlib import Path

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import footprint
from tests.helpers import assert_climate_covered
from footprint import parse_project
from footprint.archetypes._viewing import VIDEO_DEVICES
from footprint.factors import FactorRegistry, read_dataset

DATA = Path(__file__).resolve().parent / "data" / "viewing-2026"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def viewing():
    """Round-number registry (tests/data/viewing-2026): TV 100 g per hour of use and
    100 W, smartphone 20 g/h and 10 W, network fixed 10 / mobile 20 g/GB, 2 Wh/GB served,
    servers and CDN manufacture 1 g per viewing hour, FR grid 0.1 kg/kWh."""
    return FactorRegistry([read_dataset(DATA)])


def project(audience="FR", allocation=None, hosting="FR", period=None, **service):
    data = {"name": "P", "audience_country": audience, "hosting_country": hosting,
            "services": [{"name": "S", "kind": "video_streaming", **service}]}
    if period:
        data["reporting_period"] = period
    if allocation:
        data["options"] = {"allocation": allocation}
    return parse_project(data)


def g(result, **filters):
    t = result.table[result.table["indicator"] == "climate_change"]
    for col, val in filters.items():
        t = t[t[col] == val]
    return t["impact"].sum() * 1000.0


# -- hand-computed ------------------------------------------------------------------
BASE = dict(hours_viewed=10, device_mix={"tv": 0.5, "smartphone": 0.5},
            network_mix={"fixed": 0.8, "mobile": 0.2})


def test_hours_viewed_are_totals_unchanged_by_the_period(viewing):
    # hours_viewed is a total over the period: a quarter or a year, the same 10 h.
    plain = footprint.assess(project(**BASE), viewing)
    quarter = footprint.assess(project(period={"start": "2025-01-01", "end": "2025-03-31"},
                                       **BASE), viewing)
    assert quarter.total().m_as("gCO2e") == pytest.approx(plain.total().m_as("gCO2e"))
    assert list(quarter.inventory["amount"]) == list(plain.inventory["amount"])
    q = quarter.quantities.set_index("quantity")
    assert q.loc["reporting basis", "source"] == "totals over the period as entered"
    assert q.loc["reporting basis", "value"] == pytest.approx(90 / 365)
    # without a period, totals cover whatever they cover: no year count is made up
    basis = plain.quantities.set_index("quantity").loc["reporting basis"]
    assert math.isnan(basis["value"])
    assert basis["source"] == "totals as entered (no reporting period given)"


def test_per_gb_hand_computed(viewing):
    # 10 h of HD (3 GB/h) = 30 GB. TV 5 h: 5 × 100 g embodied + 5 h × 100 W × 0.1 kg/kWh = 50 g;
    # smartphone 5 h: 5 × 20 g + 5 h × 10 W × 0.1 = 5 g; networks 24 GB × 10 g + 6 GB × 20 g
    # = 240 + 120 g; servers and CDN 30 GB × 2 Wh = 0.06 kWh × 0.1 kg = 6 g (no PUE), and
    # their manufacture 10 h × 1 g = 10 g.
    r = footprint.assess(project(**BASE), viewing)
    assert r.total().m_as("gCO2e") == pytest.approx(500 + 50 + 100 + 5 + 240 + 120 + 6 + 10)
    assert g(r, tier="networks") == pytest.approx(360)
    assert g(r, tier="data_centres") == pytest.approx(6 + 10)
    assert g(r, component="servers and CDN (manufacture)", flow="service_time") == \
        pytest.approx(10)
    q = r.quantities.set_index("quantity")["value"]
    assert q["data delivered"] == pytest.approx(30)
    assert q["network model (1 = per_time, 0 = per_gb)"] == 0
    assert r.electricity().m_as("kWh") == pytest.approx(0.5 + 0.05 + 0.06)


def test_autoplay_and_audio_only_hand_computed(viewing):
    # BASE totals 1031 g (test above). A fifth of the 10 h started by autoplay: nothing
    # changes while autoplay is on; off, 8 h are watched and every term is linear in the
    # hours: 0.8 × 1031 = 824.8 g.
    on = footprint.assess(project(autoplay_share=0.2, **BASE), viewing)
    assert on.total().m_as("gCO2e") == pytest.approx(1031)
    off = footprint.assess(project(autoplay_share=0.2, autoplay=False, **BASE), viewing)
    assert off.total().m_as("gCO2e") == pytest.approx(0.8 * 1031)
    q = off.quantities.set_index("quantity")["value"]
    assert q["hours viewed"] == pytest.approx(8)
    assert q["hours viewed with autoplay on"] == pytest.approx(10)
    # half the hours audio-only at ADEME's 168 MiB/h: 10 × (0.5 × 3 + 0.5 × 168/1024)
    # = 15.8203 GB; networks 0.8 × 15.8203 × 10 g + 0.2 × 15.8203 × 20 g = 189.84 g,
    # servers 15.8203 × 2 Wh × 0.1 kg/kWh = 3.164 g; screens (655 g) and the fleet's
    # manufacture (10 g) as for video
    gb = 10 * (0.5 * 3 + 0.5 * 168 / 1024)
    audio = footprint.assess(project(audio_only_share=0.5, **BASE), viewing)
    assert audio.quantities.set_index("quantity")["value"]["data delivered"] == \
        pytest.approx(gb)
    assert audio.total().m_as("gCO2e") == pytest.approx(655 + gb * 12 + gb * 0.2 + 10)


def test_views_times_duration_equals_hours(viewing):
    # 120 views × 5 min = 10 h: same result as hours_viewed: 10
    a = footprint.assess(project(**BASE), viewing).total().m_as("gCO2e")
    kw = {k: v for k, v in BASE.items() if k != "hours_viewed"}
    b = footprint.assess(project(views=120, average_view_duration="5 min", **kw), viewing)
    assert b.total().m_as("gCO2e") == pytest.approx(a)
    src = b.quantities.set_index("quantity").loc["hours viewed", "source"]
    assert "views" in src


def test_per_time_hand_computed(viewing):
    # Same viewing; networks as a power model: fixed 24 GB × 0.01 kWh = 0.24 kWh → 24 g;
    # box 10 W × 8 h on fixed lines = 0.08 kWh → 8 g, and its manufacture 8 h × 10 g = 80 g;
    # mobile 6 GB × 0.1 kWh = 0.6 kWh → 60 g; access and core manufacture per GB: fixed
    # 24 GB × 1 g = 24 g, mobile 6 GB × 5 g = 30 g (the test set's network.*.embodied).
    # Devices and servers unchanged (655 + 16 g).
    r = footprint.assess(project(network_model="per_time", **BASE), viewing)
    assert g(r, tier="networks") == pytest.approx(24 + 8 + 80 + 60 + 24 + 30)
    assert g(r, tier="networks", stage="manufacturing") == pytest.approx(80 + 24 + 30)
    assert r.total().m_as("gCO2e") == pytest.approx(655 + 16 + 226)
    q = r.quantities.set_index("quantity")
    assert q.loc["network model (1 = per_time, 0 = per_gb)", "value"] == 1
    assert q.loc["home box power", "value"] == 10
    # an entered box power replaces the dataset's: 20 W → 16 g instead of 8
    r2 = footprint.assess(project(network_model="per_time", box_power="20 W", **BASE), viewing)
    assert g(r2, tier="networks") == pytest.approx(24 + 16 + 80 + 60 + 24 + 30)


def test_quality_mix_overrides_and_set_top_box(viewing):
    # SD/4K half-half with 4K at 5 GB/h: 0.5 × 0.7 + 0.5 × 5 = 2.85 GB/h → 28.5 GB → 285 g
    # on fixed lines; TV 10 h at an entered 200 W: 1,000 g + 2 kWh × 0.1 = 200 g; set-top box
    # behind half the TV hours: 5 h × 10 g + 5 h × 10 W × 0.1 = 55 g; serving 4 Wh/GB entered:
    # 28.5 × 4 = 0.114 kWh → 11.4 g; servers and CDN manufacture 10 h × 1 g = 10 g.
    r = footprint.assess(project(hours_viewed=10, quality_mix={"sd": 0.5, "uhd": 0.5},
                                 gb_per_hour={"uhd": "5 GB/h"}, device_mix={"tv": 1},
                                 device_power={"tv": 200}, set_top_box_share=0.5,
                                 serving_energy="4 Wh/GB"), viewing)
    assert r.total().m_as("gCO2e") == pytest.approx(1000 + 200 + 55 + 285 + 11.4 + 10)
    q = r.quantities.set_index("quantity")
    assert q.loc["device power: tv", "source"] == "entered"
    assert q.loc["device-hours: set_top_box", "value"] == pytest.approx(5)


def test_calendar_time_allocation(viewing):
    # Boavizta convention: 10 h of a 730 kg TV of 5 years = 730 × 10 / 43,800 kg
    r = footprint.assess(project(hours_viewed=10, device_mix={"tv": 1}, allocation="calendar_time"),
                         viewing)
    assert g(r, tier="user_devices", flow="device") == pytest.approx(730e3 * 10 / 43800)


def test_many_services_at_once(viewing):
    # 300 services in one call: each n hours → totals add up (vectorised over services)
    services = [{"name": f"s{i}", "kind": "video_streaming", "hours_viewed": i,
                 "device_mix": {"smartphone": 1}} for i in range(300)]
    r = footprint.assess(parse_project({"name": "big", "services": services}), viewing)
    # per hour: 20 + 1 (10 W) + 30 g network + 0.6 g serving + 1 g servers' manufacture
    # = 52.6 g
    assert r.total().m_as("gCO2e") == pytest.approx(52.6 * sum(range(300)))


# -- ADEME's published table (factors dossier §5.1) -------------------------------------
# ADEME, publicodes-acv-numerique 2.1.0, rule `streaming`, evaluated for 60 min in each
# quality × network × device (gCO2e; French grid 51.9 g/kWh; devices' manufacture +
# distribution + end of life allocated per hour of use = lifetime × 365 × daily use).
ADEME_TABLE = {
    ("sd", "fixed"): (36.1, 38.6, 42.0, 51.7, 49.0, 46.3),
    ("sd", "mobile"): (46.9, 49.4, 52.8, 62.4, 59.8, 57.1),
    ("hd", "fixed"): (57.6, 60.2, 63.5, 73.2, 70.6, 67.8),
    ("hd", "mobile"): (103.9, 106.4, 109.8, 119.5, 116.8, 114.1),
    ("uhd", "fixed"): (95.1, 97.7, 101.0, 110.7, 108.0, 105.3),
    ("uhd", "mobile"): (203.0, 205.6, 208.9, 218.6, 215.9, 213.2),
}
ADEME_DEVICES = ("smartphone", "tablet", "laptop", "desktop_with_monitor", "tv", None)
CELLS = [(q, n, d, ADEME_TABLE[(q, n)][i]) for (q, n) in ADEME_TABLE
         for i, d in enumerate(ADEME_DEVICES)]
# ADEME's `streaming . data center . construction`: servers, switches, routers, firewalls and
# support equipment of a Netflix-sized fleet allocated per viewing hour. Its rules give
# 451,000 MWh / 1.3 (PUE streaming) / 8,760 h / 367 W = 107,910 servers, over
# 2 h × 365 × 167 M = 1.219e11 viewing hours a year and 5 years: 1.770e-7 of the fleet per
# hour × (748 + 0.0358 × 355 + 1.468 × 367 + 0.286 × 41.2 + 0.68 m² × 187 × 5/25) kg
# = 0.2366 g per hour, whatever the quality, screen or network. The bundled ADEME dataset
# carries it as the factor dc.video.construction (gCO2e per viewing hour).
ADEME_DC_CONSTRUCTION_G = (451_000e6 / 1.3 / 8760 / 367 / (2 * 365 * 167e6 * 5)
                           * (748 + 0.0358 * 355 + 1.468 * 367 + 0.286 * 41.2
                              + 0.68 * 187 * 5 / 25) * 1000)


def test_dc_construction_factor_is_ademe_arithmetic(bundled):
    assert ADEME_DC_CONSTRUCTION_G == pytest.approx(0.2366, abs=5e-5)
    assert bundled.factor("dc.video.construction", region="FR") * 1000 == pytest.approx(
        ADEME_DC_CONSTRUCTION_G, abs=5e-5)
    assert bundled.flow("dc.video.construction") == "service_time"


def _ademe_project(quality, network, device):
    # ADEME's assumptions: allocation use_time, ADEME device data, FR grid 51.9 g/kWh,
    # network.fixed FR 9.269 / network.mobile FR 24.684 g/GB, DC 1.947 Wh/GB. ADEME's rule
    # `streaming . data center . usage` multiplies the data by 1.947 Wh/GB and the grid
    # factor only: its streaming PUE (1.3) is already inside that figure (it is used to
    # size the server fleet), so no PUE is applied on top here either.
    svc = {"hours_viewed": 1, "quality_mix": {quality: 1}, "network_mix": {network: 1}}
    if device:
        svc["device_mix"] = {device: 1}
    return project(allocation="use_time", **svc)


@pytest.mark.parametrize("quality,network,device,published", CELLS,
                         ids=[f"{q}-{n}-{d or 'average'}" for q, n, d, _ in CELLS])
def test_ademe_table_cell(bundled, quality, network, device, published):
    # Every cell of ADEME's table, to its rounding (0.05 g; 0.06 g allows for the float
    # sums), data-centre construction included (dc.video.construction).
    r = footprint.assess(_ademe_project(quality, network, device), bundled)
    assert r.total().m_as("gCO2e") == pytest.approx(published, abs=0.06)
    assert g(r, flow="service_time") == pytest.approx(ADEME_DC_CONSTRUCTION_G, abs=5e-5)


def test_ademe_components_hd_average(bundled):
    # ADEME's 67.8 g for 1 h HD, fixed FR, average mix: device manufacture 36.8 + device use
    # 2.7 + network 27.8 + data centre 0.5 (= use 1.947 Wh/GB × 3 GB × 51.9 g/kWh = 0.303 g
    # + construction 0.237 g). Factors dossier §5.1.
    r = footprint.assess(_ademe_project("hd", "fixed", None), bundled)
    embodied = g(r, tier="user_devices", flow="device")
    assert embodied == pytest.approx(36.8, abs=0.05)
    assert g(r, tier="user_devices", flow="electricity") == pytest.approx(2.7, abs=0.05)
    assert g(r, tier="networks") == pytest.approx(27.8, abs=0.05)
    assert g(r, tier="data_centres", flow="electricity") == pytest.approx(3 * 1.947 * 0.0519,
                                                                         rel=1e-6)
    assert g(r, tier="data_centres") == pytest.approx(
        3 * 1.947 * 0.0519 + ADEME_DC_CONSTRUCTION_G, rel=1e-3)
    assert g(r, tier="data_centres") == pytest.approx(0.5, abs=0.05)
    assert r.total().m_as("gCO2e") == pytest.approx(67.8, abs=0.06)


# -- Carbon Trust 2021 ------------------------------------------------------------------
def carbon_trust_project():
    """Carbon Trust's conventional model, European average, 1 h (Stephens et al., *Carbon
    impact of video streaming*, June 2021, Table 4 p. 52, as transcribed in
    davidmytton/paper-network-energy): data centres and CDN ≈1 Wh, transmission ≈20 Wh
    (0.0065 kWh/GB × 3 GB/h Full HD, Table 3), home router ≈71 Wh, TV peripherals ≈10 Wh,
    screens ≈86 Wh (the device mix's average screen); total ≈188 Wh, use phase only.

    In our terms: a per_time configuration on a fixed line in the EU; Full HD 3 GB/h; one
    "screen" of 86 W (Carbon Trust gives the mix's average power, not the mix); a set-top
    box of 10 W behind every viewing hour (its TV peripherals); the router as Table 4's
    71 Wh per viewing hour, entered as a 71 W box (Carbon Trust allocates the router per GB,
    0.025 kWh/GB in Table 3, i.e. 75 Wh at 3 GB/h in the notebook's reproduction); access
    and core from the bundled Carbon Trust dataset (0.0065 kWh/GB); servers and CDN 1 Wh
    per 3 GB (entered as 1/3 Wh/GB).
    """
    return project(audience="EU27", hosting="EU27", hours_viewed=1, quality_mix={"full_hd": 1},
                   device_mix={"tv": 1}, device_power={"tv": 86, "set_top_box": 10},
                   set_top_box_share=1, network_mix={"fixed": 1}, network_model="per_time",
                   box_power="71 W", serving_energy=1 / 3)


def _use_phase(result):
    t = result.table[(result.table["indicator"] == "climate_change")
                     & (result.table["stage"] == "use")]
    return t


def test_carbon_trust_energy_breakdown(bundled):
    r = footprint.assess(carbon_trust_project(), bundled)
    use = _use_phase(r)
    wh = use.groupby("component")["amount"].sum() * 1000
    assert wh["viewer devices"] == pytest.approx(86 + 10)
    assert wh["home box"] == pytest.approx(71)
    assert wh["fixed access and core network"] == pytest.approx(19.5)
    assert wh["servers and CDN"] == pytest.approx(1.0)
    assert r.electricity().m_as("Wh") == pytest.approx(188, rel=0.03)


def test_carbon_trust_55_g_per_hour(bundled, tmp_path):
    # Carbon Trust's ≈55 gCO2e/h uses "a European average grid emission factor" for 2020
    # whose value is not in our sources; 55 g / 188 Wh implies 0.2926 kgCO2e/kWh. With that
    # grid (a test dataset replacing Ember's EU-27 value) the use-phase result is 55 g within
    # 3 % — i.e. the energy breakdown above reproduces the published figure.
    (tmp_path / "metadata.yaml").write_text(
        (DATA / "metadata.yaml").read_text().replace("viewing-2026", tmp_path.name))
    (tmp_path / "factors.csv").write_text(
        "code,region,year,stage,indicator,value,unit,low,high,distribution,quality,source_ref,"
        "note\nelectricity,EU27,2020,use,climate_change,0.2926,kgCO2e/kWh,0.2,0.4,triangular,"
        "derived,t,55 g / 188 Wh (Carbon Trust 2021)\n")
    folders = [d.path for d in bundled.datasets.values() if d.id != "ember-electricity-2024"]
    reg = FactorRegistry([read_dataset(p) for p in folders] + [read_dataset(tmp_path)])
    r = footprint.assess(carbon_trust_project(), reg)
    assert _use_phase(r)["impact"].sum() * 1000 == pytest.approx(55, rel=0.03)
    # With the bundled EU-27 grid (Ember 2024, 213 g/kWh) the same hour is ≈40 g: the grid
    # has decarbonised since 2020, and that is the whole difference.
    r2 = footprint.assess(carbon_trust_project(), bundled)
    ef = bundled.factor("electricity", region="EU27")
    assert _use_phase(r2)["impact"].sum() == pytest.approx(
        r2.electricity().m_as("kWh") * ef, rel=1e-9)
    assert _use_phase(r2)["impact"].sum() * 1000 == pytest.approx(40, abs=1)


# -- validation ---------------------------------------------------------------------------
@pytest.mark.parametrize("service,path,words", [
    ({"hours_viewed": -5}, "services[0].hours_viewed", "greater than or equal to 0"),
    ({"hours_viewed": 10, "views": 100, "average_view_duration": 5}, "services[0].views",
     "not both"),
    ({}, "services[0]", "hours_viewed"),
    ({"views": 100}, "services[0]", "average_view_duration"),
    ({"hours_viewed": 1, "device_mix": {"tv": 0.6, "laptop": 0.3}}, "services[0].device_mix",
     "must sum to 1, got 0.9"),
    ({"hours_viewed": 1, "quality_mix": {"hd": 0.5, "uhd": 0.6}}, "services[0].quality_mix",
     "must sum to 1, got 1.1"),
    ({"hours_viewed": 1, "network_mix": {"fixed": 0.5}}, "services[0].network_mix",
     "must sum to 1"),
    ({"hours_viewed": 1, "device_mix": {"phone": 1}}, "services[0].device_mix.phone",
     "unknown field"),
    ({"hours_viewed": 1, "device_mix": {"tv": 1.5, "laptop": -0.5}},
     "services[0].device_mix.tv", "less than or equal to 1"),
    ({"hours_viewed": "3 GB"}, "services[0].hours_viewed", "hour"),
    ({"hours_viewed": 1, "gb_per_hour": {"hd": 0}}, "services[0].gb_per_hour.hd",
     "greater than 0"),
    ({"hours_viewed": 1, "network_model": "per_byte"}, "services[0].network_model", "per_gb"),
])
def test_validation_errors_name_the_path(service, path, words):
    with pytest.raises(footprint.ProjectError) as exc:
        project(**service)
    assert exc.value.path == path
    assert words in str(exc.value)


# -- bundled data and the sample project -----------------------------------------------
def test_bundled_runs_and_sample_project(bundled):
    p = footprint.read_project(ROOT / "sample_projects" / "museum_video_series.yaml")
    r = footprint.assess(p, bundled)
    assert r.total().m_as("kgCO2e") > 0
    assert set(r.by_tier().index) >= {"user_devices", "networks", "data_centres"}
    assert_climate_covered(r)


# -- properties -------------------------------------------------------------------------
@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 1, allow_nan=False), min_size=5, max_size=5))
def test_any_device_mix_not_summing_to_1_is_refused_with_its_path(shares):
    mix = dict(zip(VIDEO_DEVICES, shares))
    if abs(sum(shares) - 1.0) > 1e-6:
        with pytest.raises(footprint.ProjectError) as exc:
            project(hours_viewed=1, device_mix=mix)
        assert exc.value.path == "services[0].device_mix"
        assert "must sum to 1" in str(exc.value)
    else:
        project(hours_viewed=1, device_mix=mix)


@settings(max_examples=25, deadline=None)
@given(hours=st.floats(0.01, 1e6), tv=st.floats(0, 1), fixed=st.floats(0, 1),
       per_time=st.booleans())
def test_results_are_linear_in_viewing_time(viewing, hours, tv, fixed, per_time):
    kw = dict(device_mix={"tv": tv, "smartphone": 1 - tv},
              network_mix={"fixed": fixed, "mobile": 1 - fixed},
              network_model="per_time" if per_time else "per_gb")
    one = footprint.assess(project(hours_viewed=1, **kw), viewing).total().m_as("gCO2e")
    many = footprint.assess(project(hours_viewed=hours, **kw), viewing).total().m_as("gCO2e")
    assert many == pytest.approx(hours * one, rel=1e-9)
