"""live_event: hand-computed cases on round numbers, validation paths, bundled data."""

from __future__ import annotations

from pathlib import Path

import pytest

import footprint
from tests.helpers import assert_climate_covered
from footprint import parse_project
from footprint.factors import FactorRegistry, read_dataset

DATA = Path(__file__).resolve().parent / "data" / "viewing-2026"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def viewing():
    """tests/data/viewing-2026: TV 100 g per hour of use and 100 W; camera 100 g/h and
    50 W; desktop_pro 100 g/h; server 100 g per server-hour and 500 W; FR grid 0.1 kg/kWh,
    FR PUE 1.5; network fixed 10 g/GB; 2 Wh/GB served; servers and CDN manufacture 1 g
    per viewing hour."""
    return FactorRegistry([read_dataset(DATA)])


def project(project_fields=None, **service):
    svc = {"name": "Gala", "kind": "live_event", "event_duration": "2 h", "live_viewers": 100,
           **service}
    return parse_project({"name": "P", "services": [svc], **(project_fields or {})})


def g(result, **filters):
    t = result.table[result.table["indicator"] == "climate_change"]
    for col, val in filters.items():
        t = t[t[col] == val]
    return t["impact"].sum() * 1000.0


HAND = dict(live_watch_share=0.5, replay_hours_viewed=50, device_mix={"tv": 1},
            network_mix={"fixed": 1}, production_hours=4,
            production_equipment=[{"device": "camera_broadcast", "count": 2, "hours": 3},
                                  {"device": "desktop_pro", "power": "50 W"}])


def test_hand_computed(viewing):
    # Viewing: 100 viewers × 2 h × 0.5 = 100 h live + 50 h replay = 150 TV hours:
    #   150 × 100 g = 15,000 g embodied + 150 h × 100 W = 15 kWh → 1,500 g;
    #   HD 3 GB/h → 450 GB × 10 g = 4,500 g; serving 450 × 2 Wh = 0.9 kWh → 90 g;
    #   servers and CDN manufacture 150 h × 1 g = 150 g.
    # Production: 2 cameras × 3 h = 6 h → 600 g + 6 h × 50 W = 0.3 kWh → 30 g;
    #   1 desktop_pro × 4 h (production_hours) → 400 g + 4 h × 50 W (entered) → 20 g.
    # Contribution: 10 Mbit/s × 0.45 GB/h per Mbit/s × 2 h = 9 GB over a professional line
    #   (network.fixed_excl_box, 5 g/GB: no home box) = 45 g.
    # Transcoding: 4 renditions × 2 h = 8 server-hours × 500 W × PUE 1.5 = 6 kWh → 600 g,
    #   manufacture 8 × 100 g = 800 g.
    r = footprint.assess(project(**HAND), viewing)
    assert g(r, tier="user_devices") == pytest.approx(16500)
    assert g(r, tier="networks") == pytest.approx(4500 + 45)
    assert g(r, tier="data_centres") == pytest.approx(90 + 150 + 600 + 800)
    assert g(r, tier="onsite") == pytest.approx(600 + 30 + 400 + 20)
    assert r.total().m_as("gCO2e") == pytest.approx(23630 + 150 - 45)
    assert g(r, component="servers and CDN (manufacture) (live)") == pytest.approx(100)
    assert g(r, component="servers and CDN (manufacture) (replay)") == pytest.approx(50)
    q = r.quantities.set_index("quantity")["value"]
    assert q["live viewer-hours"] == pytest.approx(100)
    assert q["contribution data"] == pytest.approx(9)
    assert q["transcoding server-hours"] == pytest.approx(8)
    assert q["transcoding electricity"] == pytest.approx(6)
    # live and replay are told apart
    assert g(r, component="viewer devices (live)") == pytest.approx(100 * 110)
    assert g(r, component="viewer devices (replay)") == pytest.approx(50 * 110)


def test_optional_kit_lighting_and_ob_van_and_declared_cut_off(viewing, bundled):
    # Lighting 20 kW × 4 production hours = 80 kWh × 0.1 kg = 8,000 g on the venue grid.
    r = footprint.assess(project(**HAND, lighting_power="20 kW"), viewing)
    assert g(r, component="production: stage lighting") == pytest.approx(8000)
    cut = r.quantities.set_index("quantity").loc["declared cut-off", "source"]
    assert "travel" in cut and "rehearsals" in cut
    # OB van with the bundled data: 300 km × 0.4 L/km (Euromedia France via SVG Europe)
    # + 50 L of generator diesel = 170 L × 3.17 kgCO2e/L (arrêté of 26 April 2017)
    r = footprint.assess(project(ob_van_km="300 km", generator_fuel="50 L"), bundled)
    assert g(r, component="production: outside-broadcast van") == pytest.approx(
        170 * 3.17 * 1000)
    assert r.quantities.set_index("quantity").loc["OB van and generator diesel", "value"] \
        == pytest.approx(170)


def test_venue_kit_on_the_venue_grid_audience_on_its_own(viewing, tmp_path):
    """An opera in France streamed to an audience in the USA: cameras, PCs and the
    contribution upload are the venue's (French grid and network), the screens and
    home networks the audience's (US), the servers the hosting country's (FR)."""
    import shutil

    folder = tmp_path / "viewing-2026"
    shutil.copytree(DATA, folder)
    with open(folder / "factors.csv", "a", encoding="utf-8") as fh:
        fh.write("electricity,US,2024,use,climate_change,0.4,kgCO2e/kWh,0.3,0.5,triangular,"
                 "estimate,t,\nnetwork.fixed,US,2024,use,climate_change,30,gCO2e/GB,20,40,"
                 "triangular,estimate,t,\n")
    reg = FactorRegistry([read_dataset(folder)])
    r = footprint.assess(project({"audience_country": "US", "venue_country": "FR",
                                  "hosting_country": "FR"}, **HAND), reg)
    # Production on the French grid (0.1 kg/kWh), as in test_hand_computed: cameras
    # 600 + 30 g, desktop 400 + 20 g (on the US grid the electricity would be 4 × more).
    assert g(r, tier="onsite") == pytest.approx(600 + 30 + 400 + 20)
    prod = r.inventory[r.inventory["component"].str.startswith("production")]
    assert set(prod["region"]) == {"FR"}
    # contribution: 9 GB over the venue's French professional line (5 g/GB); viewers: 450 GB
    # over US
    # lines (30 g/GB); 150 TV hours: 15,000 g embodied + 15 kWh × 0.4 kg (US grid)
    assert g(r, component="contribution (venue → ingest)") == pytest.approx(45)
    assert g(r, tier="networks") == pytest.approx(450 * 30 + 45)
    assert g(r, tier="user_devices") == pytest.approx(15000 + 6000)
    assert g(r, tier="data_centres") == pytest.approx(90 + 150 + 600 + 800)


def test_event_is_a_total_not_scaled_by_the_period(viewing):
    plain = footprint.assess(project(**HAND), viewing)
    period = {"reporting_period": {"start": "2025-10-01", "end": "2025-10-31"}}
    month = footprint.assess(project(period, **HAND), viewing)
    assert month.total().m_as("gCO2e") == pytest.approx(plain.total().m_as("gCO2e"))
    q = month.quantities.set_index("quantity")
    assert q.loc["reporting basis", "source"] == "totals over the period as entered"
    assert q.loc["reporting basis", "value"] == pytest.approx(31 / 365)


def test_entered_transcoding_and_defaults(viewing):
    # Entered server-hours (3), power (200 W) and PUE (1.2): 3 × 200 W × 1.2 = 0.72 kWh → 72 g
    # + manufacture 3 × 100 g = 300 g.
    r = footprint.assess(project(transcoding_server_hours=3, transcoding_power=200,
                                 transcoding_pue=1.2, production_equipment=[],
                                 device_mix={"tv": 1}, network_mix={"fixed": 1}), viewing)
    assert g(r, component="transcoding") == pytest.approx(72 + 300)
    # Default production time = event + 2 h set-up (estimate), labelled as such
    r2 = footprint.assess(project(device_mix={"tv": 1}, network_mix={"fixed": 1},
                                  production_equipment=[{"device": "camera_broadcast"}]),
                          viewing)
    q = r2.quantities.set_index("quantity")
    assert q.loc["production device-hours: camera_broadcast", "value"] == pytest.approx(4)
    assert "estimate" in q.loc["production device-hours: camera_broadcast", "source"]


def test_per_time_network_and_contribution(viewing):
    # per_time: 100 viewers × 2 h = 200 h on fixed lines: 600 GB × 0.01 kWh + 9 GB
    # contribution × 0.01 kWh = 6.09 kWh → 609 g; box 10 W × 200 h = 2 kWh → 200 g and its
    # manufacture 200 h × 10 g = 2,000 g; access and core manufacture per GB (the test set's
    # network.fixed_excl_box.embodied, 1 g/GB) on the 600 + 9 GB: 609 g.
    r = footprint.assess(project(device_mix={"tv": 1}, network_mix={"fixed": 1},
                                 network_model="per_time", production_equipment=[]), viewing)
    assert g(r, tier="networks") == pytest.approx(609 + 200 + 2000 + 609)
    assert g(r, tier="networks", stage="manufacturing") == pytest.approx(2000 + 609)


def test_unique_viewers_with_watch_share(viewing):
    # 1,000 unique viewers watching 30 % of a 2 h event = 600 viewer-hours
    r = footprint.assess(project(live_viewers=1000, live_watch_share=0.3, device_mix={"tv": 1},
                                 production_equipment=[]), viewing)
    assert r.quantities.set_index("quantity").loc["live viewer-hours", "value"] == \
        pytest.approx(600)


@pytest.mark.parametrize("service,path,words", [
    ({"event_duration": 0}, "services[0].event_duration", "greater than 0"),
    ({"live_viewers": -1}, "services[0].live_viewers", "greater than or equal to 0"),
    ({"replay_hours_viewed": -10}, "services[0].replay_hours_viewed", "greater than or equal"),
    ({"live_watch_share": 1.2}, "services[0].live_watch_share", "less than or equal to 1"),
    ({"production_equipment": [{"device": "camera_broadcast", "count": -2}]},
     "services[0].production_equipment[0].count", "greater than or equal to 0"),
    ({"device_mix": {"tv": 0.5, "smartphone": 0.4}}, "services[0].device_mix",
     "must sum to 1, got 0.9"),
    ({"contribution_bitrate": "10 GB"}, "services[0].contribution_bitrate", "Mbit/s"),
    ({"renditions": 0}, "services[0].renditions", "greater than or equal to 1"),
])
def test_validation_errors_name_the_path(service, path, words):
    with pytest.raises(footprint.ProjectError) as exc:
        project(**service)
    assert exc.value.path == path
    assert words in str(exc.value)


def test_unknown_production_device_names_the_path(viewing):
    p = project(production_equipment=[{"device": "camera_broadcast"}, {"device": "drone"}])
    with pytest.raises(footprint.ProjectError) as exc:
        footprint.assess(p, viewing)
    assert exc.value.path == "services[0].production_equipment[1].device"
    assert "drone" in str(exc.value)


def test_bundled_runs_and_sample_project(bundled):
    p = footprint.read_project(ROOT / "sample_projects" / "opera_live_replay.yaml")
    r = footprint.assess(p, bundled)
    tiers = r.by_tier()
    assert set(tiers.index) == {"user_devices", "networks", "data_centres", "onsite"}
    assert_climate_covered(r)
    # cameras are an estimate, and the results say so
    cams = r.table[(r.table["factor_code"] == "device.camera_broadcast")
                   & (r.table["indicator"] == "climate_change")]
    assert len(cams) == 3  # manufacturing, distribution, end of life
    assert (cams["factor_quality"] == "estimate").all()
    # per viewing hour, within the range of the factors dossier §5.1 (ADEME 46-114 g/h)
    per_hour = r.per_functional_unit().m_as("gCO2e")
    assert 46 < per_hour < 114


def test_autoplay_off_removes_its_share_of_live_and_replay(bundled):
    """Autoplay off with autoplay_share 0.25: the live and replay hours are three quarters
    of those entered (viewing hours as quantities); the same as entering 75 % of them."""
    from footprint.scenarios import apply_overrides

    opera = footprint.read_project(ROOT / "sample_projects" / "opera_live_replay.yaml")
    svc = "services[Live stream and replay]"
    share = opera.services[0].live_watch_share
    replay = opera.services[0].replay_hours_viewed
    off = apply_overrides(opera, {f"{svc}.autoplay_share": 0.25, f"{svc}.autoplay": False})
    fewer = apply_overrides(opera, {f"{svc}.live_watch_share": 0.75 * share,
                                    f"{svc}.replay_hours_viewed": 0.75 * replay})
    a, b = footprint.assess(off, bundled), footprint.assess(fewer, bundled)
    assert a.total().m_as("kgCO2e") == pytest.approx(b.total().m_as("kgCO2e"))
    on = apply_overrides(opera, {f"{svc}.autoplay_share": 0.25})
    assert footprint.assess(on, bundled).total().m_as("kgCO2e") == \
        pytest.approx(footprint.assess(opera, bundled).total().m_as("kgCO2e"))
