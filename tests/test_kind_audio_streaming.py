"""audio_streaming: hand-computed cases on round numbers, validation paths, bundled data."""

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
    """tests/data/viewing-2026: smartphone 20 g per hour of use and 10 W, speaker 10 g/h and
    5 W, network fixed 10 / mobile 20 g/GB, 2 Wh/GB served, servers and CDN manufacture
    1 g per listening hour (the video figure, a proxy), FR grid 0.1 kg/kWh."""
    return FactorRegistry([read_dataset(DATA)])


def project(project_fields=None, **service):
    # screen_off_share 0 unless a test says otherwise: every hour at the active rate
    svc = {"name": "Podcast", "kind": "audio_streaming", "listens": 1000,
           "average_listen_duration": "30 min", "bitrate": "128 kbit/s",
           "device_mix": {"smartphone": 0.6, "speaker": 0.4}, "screen_off_share": 0,
           **service}
    return parse_project({"name": "P", "services": [svc], **(project_fields or {})})


def test_listens_are_totals_unchanged_by_the_period(viewing):
    plain = footprint.assess(project(), viewing)
    period = {"reporting_period": {"start": "2025-01-01", "end": "2026-12-31"}}
    two_years = footprint.assess(project(period), viewing)
    assert two_years.total().m_as("gCO2e") == pytest.approx(plain.total().m_as("gCO2e"))
    q = two_years.quantities.set_index("quantity")
    assert q.loc["reporting basis", "source"] == "totals over the period as entered"


def g(result, **filters):
    t = result.table[result.table["indicator"] == "climate_change"]
    for col, val in filters.items():
        t = t[t[col] == val]
    return t["impact"].sum() * 1000.0


def test_gb_per_hour_formula():
    # GB = kbit/s × 3,600 / 8 / 1e6 per hour: 128 kbit/s → 0.0576 GB/h; 96 → 0.0432
    from footprint.archetypes.audio_streaming import GB_PER_HOUR_PER_KBPS

    assert 128 * GB_PER_HOUR_PER_KBPS == pytest.approx(0.0576)
    assert 96 * GB_PER_HOUR_PER_KBPS == pytest.approx(0.0432)


def test_streaming_hand_computed(viewing):
    # 1,000 listens × 30 min = 500 h; 128 kbit/s → 28.8 GB.
    # Smartphone 300 h: 300 × 20 g + 300 h × 10 W × 0.1 kg/kWh = 6,000 + 300 g;
    # speaker 200 h: 200 × 10 g + 200 h × 5 W × 0.1 = 2,000 + 100 g;
    # networks (default half fixed, half mobile): 14.4 × 10 + 14.4 × 20 = 144 + 288 g;
    # serving 28.8 GB × 2 Wh = 57.6 Wh → 5.76 g; servers' manufacture 500 h × 1 g = 500 g.
    r = footprint.assess(project(), viewing)
    assert r.total().m_as("gCO2e") == pytest.approx(6300 + 2100 + 432 + 5.76 + 500)
    q = r.quantities.set_index("quantity")
    assert q.loc["data delivered", "value"] == pytest.approx(28.8)
    assert q.loc["listening hours", "value"] == pytest.approx(500)
    assert "proxy" in q.loc["serving energy per GB (facility included)", "source"]


def test_listening_with_the_screen_off(viewing):
    # Half the 300 smartphone hours screen off (fixture: screen_off_share 0.5, 1 W):
    # active 150 h × 20 g + 150 h × 10 W × 0.1 = 3,000 + 150 g; screen off: manufacture by
    # calendar time 73 kg / (2 yr × 8,760 h) = 4.1667 g/h × 150 = 625 g, and 150 h × 1 W ×
    # 0.1 = 15 g: the phone 3,790 g instead of 6,300 g. The rest is unchanged.
    r = footprint.assess(project(screen_off_share=None), viewing)
    assert g(r, component="listening devices (screen off)") == pytest.approx(625 + 15)
    assert r.total().m_as("gCO2e") == pytest.approx(3790 + 2100 + 432 + 5.76 + 500)
    q = r.quantities.set_index("quantity")
    assert q.loc["smartphone hours, screen off", "value"] == pytest.approx(150)
    # entered values replace the dataset's: all screen off at 2 W
    r = footprint.assess(project(screen_off_share=1, background_power="2 W"), viewing)
    assert g(r, component="listening devices (screen off)") == pytest.approx(1250 + 60)


def test_download_once_per_subscriber(viewing):
    # 2,500 subscribers × ... given as 2,000 downloads of a 60-min file at 128 kbit/s:
    # 2,000 × 0.0576 = 115.2 GB → networks 57.6 × 10 + 57.6 × 20 = 1,728 g, serving 230.4 Wh
    # → 23.04 g. Listening (devices, 8,400 g) and servers' manufacture per listening hour
    # would be 500 g per listening hour; files use the per-GB figure below.
    # Files: the servers' manufacture per GB (ADEME's file rule; fixture 0.5 g/GB) instead
    # of per listening hour: 115.2 × 0.5 = 57.6 g.
    r = footprint.assess(project(delivery="download", downloads=2000,
                                 episode_duration="60 min"), viewing)
    assert r.total().m_as("gCO2e") == pytest.approx(8400 + 57.6 + 1728 + 23.04)
    # default: one download per listen, of the listened duration → same data as streaming
    r2 = footprint.assess(project(delivery="download"), viewing)
    assert r2.total().m_as("gCO2e") == pytest.approx(8400 + 28.8 * 0.5 + 432 + 5.76)


def test_bundled_file_fleet_manufacture_is_ademes_per_gb(bundled):
    """ADEME's 'fichier' rule: the streaming fleet allocated per GB, 107,910 servers /
    (167e6 × 730 h × 1.9 GB/h) / 5 years × 1,336.7 kg = 0.1246 gCO2e per GB (Impact CO2
    prints 0.12 g per GB downloaded)."""
    assert bundled.factor("dc.file.construction", unit="gCO2e/GB") == pytest.approx(
        107_910 / (167e6 * 730 * 1.9) / 5 * 1336.7 * 1000, rel=1e-3)


def test_per_time_network(viewing):
    # 14.4 GB fixed × 0.01 kWh = 0.144 kWh → 14.4 g; box 10 W × 250 h = 2.5 kWh → 250 g and
    # its manufacture 250 h × 10 g = 2,500 g; mobile 14.4 GB × 0.1 kWh = 1.44 kWh → 144 g;
    # access and core manufacture per GB: 14.4 × 1 g (fixed) + 14.4 × 5 g (mobile) = 86.4 g.
    r = footprint.assess(project(network_model="per_time"), viewing)
    assert g(r, tier="networks") == pytest.approx(14.4 + 250 + 2500 + 144 + 86.4)


@pytest.mark.parametrize("service,path,words", [
    ({"listens": -1}, "services[0].listens", "greater than or equal to 0"),
    ({"average_listen_duration": 0}, "services[0].average_listen_duration", "greater than 0"),
    ({"bitrate": "96 GB"}, "services[0].bitrate", "kbit/s"),
    ({"downloads": 10}, "services[0]", "downloads is used only with delivery: download"),
    ({"device_mix": {"smartphone": 0.5}}, "services[0].device_mix", "must sum to 1, got 0.5"),
    ({"network_mix": {"fixed": 0.7, "mobile": 0.7}}, "services[0].network_mix",
     "must sum to 1, got 1.4"),
    ({"delivery": "broadcast"}, "services[0].delivery", "streaming"),
])
def test_validation_errors_name_the_path(service, path, words):
    with pytest.raises(footprint.ProjectError) as exc:
        project(**service)
    assert exc.value.path == path
    assert words in str(exc.value)


def test_bundled_runs_and_sample_project(bundled):
    p = footprint.read_project(ROOT / "sample_projects" / "podcast_series.yaml")
    r = footprint.assess(p, bundled)
    assert set(r.by_service().index) == {"Streamed listens", "RSS feed downloads"}
    assert_climate_covered(r)
    # an hour of listening on a smartphone is dominated by the phone's manufacture
    # (ADEME: 29.0 g per hour of use, factors dossier §6.1)
    hours = r.quantities.query("quantity == 'listening hours'")["value"].sum()
    per_hour = r.total().m_as("gCO2e") / hours
    # listening is not watching: with 80 % of the phone hours screen off (estimate), the
    # phone's manufacture by calendar time is 79.5 kg / (2.5 × 8,760 h) = 3.6 g per hour
    # instead of ADEME's 29.0 g per active hour; the hour falls inside Arcom's 6-57 g
    active = footprint.assess(p.model_copy(update={"services": [
        s.model_copy(update={"screen_off_share": 0.0}) for s in p.services]}), bundled)
    assert 6 < per_hour < active.total().m_as("gCO2e") / hours / 2


def test_device_lifetime_and_daily_use_overrides(viewing):
    # speaker 200 h: kept 10 years instead of 5 halves its manufacture share (2,000 → 1,000 g)
    base = footprint.assess(project(), viewing)
    r = footprint.assess(project(device_lifetime={"speaker": 10}), viewing)
    assert base.total().m_as("gCO2e") - r.total().m_as("gCO2e") == pytest.approx(1000)
    q = r.quantities.set_index("quantity")
    assert q.loc["device lifetime: speaker", "value"] == 10
    with pytest.raises(footprint.ProjectError) as exc:
        project(device_daily_use={"speaker": 25})
    assert exc.value.path == "services[0].device_daily_use.speaker"
