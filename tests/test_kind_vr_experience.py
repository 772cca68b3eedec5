"""vr_experience: hand-computed results on round-number factors (tests/venue_factors.py),
published per-hour values on the bundled data, and validation errors naming paths."""

from __future__ import annotations

import pytest

import footprint
from footprint import ProjectError, parse_project
from tests.helpers import cc, quantity

from .venue_factors import venue_registry


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    return venue_registry(tmp_path_factory.mktemp("venue") / "venue-test-2026")


def project(*services, allocation=None, **fields):
    data = {"name": "P", "services": list(services), **fields}
    if allocation:
        data["options"] = {"allocation": allocation}
    return parse_project(data)


def onsite(**block):
    return {"name": "VR", "kind": "vr_experience", "setting": "onsite", "onsite": block}


HEADSETS = {"days_per_year": 300, "daily_operating_hours": 6,
            "headsets": {"count": 12, "spare": 2, "sessions_per_day": 8,
                         "session_minutes": 30}}


def test_standalone_headsets_venue_allocation(reg):
    # Use: 12 headsets × 8 sessions × 0.5 h × 300 days = 14,400 h × 10 W = 144 kWh × 0.05
    #      = 7.2 kg.
    # Manufacture, venue rule: each headset is reserved 300 × 6 = 1,800 h of its 1,800 h
    # a year over 5 years → 1/5 per year; (12 + 2 spares) / 5 = 2.8 headsets × 72 kg
    # = 201.6 kg; controllers 2.8 × 2 × 4 kg = 22.4 kg.
    r = footprint.assess(project(onsite(**HEADSETS)), reg)
    assert cc(r) == pytest.approx(7.2 + 201.6 + 22.4)
    assert r.electricity().m_as("kWh") == pytest.approx(144.0)
    assert quantity(r, "headset hours of use") == pytest.approx(14_400)
    assert quantity(r, "headsets allocated (incl. spares)") == pytest.approx(2.8)
    assert quantity(r, "visitor sessions") == pytest.approx(12 * 8 * 300)
    assert r.by_stage()["end_of_life"] == pytest.approx(2.8 * 2)
    assert set(r.by_tier().index) == {"onsite"}


def test_venue_allocation_is_not_the_consumer_profile(reg):
    # ADEME's consumer profile (1 h/day) would charge 12 × 1,800 / (5 × 365 × 1) = 11.8
    # headsets a year; the venue rule charges one fifth of each (1/lifetime), whatever
    # the operating hours and whichever allocation option is chosen.
    base = footprint.assess(project(onsite(**HEADSETS)), reg)
    longer = footprint.assess(project(onsite(**{**HEADSETS, "daily_operating_hours": 10})),
                              reg)
    calendar = footprint.assess(project(onsite(**HEADSETS), allocation="calendar_time"), reg)
    assert cc(longer) == pytest.approx(cc(base))
    assert cc(calendar) == pytest.approx(cc(base))
    assert quantity(base, "headset manufacture share per headset") == pytest.approx(0.2)
    # a shorter replacement cycle entered by the venue: 14 / 2.5 = 5.6 headsets
    short = footprint.assess(project(onsite(**{**HEADSETS, "headsets": {
        **HEADSETS["headsets"], "lifetime": "2.5 year"}})), reg)
    assert quantity(short, "headsets allocated (incl. spares)") == pytest.approx(5.6)


def test_operating_hours_default_to_back_to_back_sessions(reg):
    block = {**HEADSETS}
    del block["daily_operating_hours"]
    r = footprint.assess(project(onsite(**block)), reg)
    assert quantity(r, "operating hours per year") == pytest.approx(8 * 0.5 * 300)
    assert quantity(r, "headsets allocated (incl. spares)") == pytest.approx(2.8)


def test_pc_stations_support_and_updates(reg):
    # PC stations: 2 × (200 + 50 + 2 W tethered headset) × 6 h × 300 d = 907.2 kWh → 45.36 kg
    # manufacture: PCs 2/6 × 300 = 100; monitors 2/6 × 60 = 20; headsets 2/5 × 72 = 28.8;
    # controllers 4/5 × 4 = 3.2 → 152 kg.
    # UV cabinet (default 60 W, an estimate) × 3 h × 300 d = 54 kWh → 2.7 kg.
    # Updates: 10 GB × 4 × 2 stations = 80 GB × (10 g on the network + 2 Wh/GB × 0.05 kg in
    # the data centre); with the headsets 10 GB × 4 × (12 + 2 + 2 devices) = 640 GB × 10 g
    # = 6.4 kg on the network + 640 GB × 2 Wh/GB = 1.28 kWh × 0.05 = 0.064 kg in the data
    # centre (no PUE: dc.video.energy is a whole infrastructure's electricity, facility
    # included).
    block = {"days_per_year": 300, "daily_operating_hours": 6,
             "pc_stations": {"count": 2},
             "support_equipment": [{"type": "uv_cabinet", "hours_per_day": 3}],
             "content_updates": {"size": "10 GB", "updates_per_year": 4}}
    r = footprint.assess(project(onsite(**block)), reg)
    assert cc(r) == pytest.approx(45.36 + 152 + 2.7 + 10 * 4 * 2 * (0.01 + 0.002 * 0.05))
    with_headsets = footprint.assess(project(onsite(**{**block, **HEADSETS})), reg)
    expected = 45.36 + 152 + 2.7 + 7.2 + 201.6 + 22.4 + 640 * (0.01 + 0.002 * 0.05)
    assert cc(with_headsets) == pytest.approx(expected)
    assert with_headsets.by_tier()["networks"] == pytest.approx(6.4)
    q = with_headsets.quantities
    src = q.loc[q["quantity"] == "support power: uv cabinet", "source"].iloc[0]
    assert src.startswith("estimate:")


def test_at_home(reg):
    # 1,000 downloads × 2 GB, half fixed (10 g/GB), half mobile (20 g/GB): 30 kg;
    # servers 2,000 GB × 2 Wh/GB = 4 kWh → 0.2 kg (no PUE on dc.video.energy).
    # Play: 1,000 × 0.5 h = 500 h on a standalone headset (ADEME consumer rule):
    # 500 / (5 × 365 × 1) × 72 kg = 19.726 kg; 10 W × 500 h = 5 kWh → 0.25 kg;
    # two controllers: 1,000 h / (5 × 365) × 4 kg = 2.1918 kg.
    svc = {"name": "Home", "kind": "vr_experience", "setting": "at_home",
           "at_home": {"downloads": 1000, "download_size": "2 GB", "hours_per_download": 0.5,
                       "network_mix": {"fixed": 0.5, "mobile": 0.5}}}
    r = footprint.assess(project(svc), reg)
    assert cc(r) == pytest.approx(30 + 0.2 + 500 / 1825 * 72 + 0.25 + 1000 / 1825 * 4)
    assert r.by_tier()["user_devices"] == pytest.approx(500 / 1825 * 72 + 0.25
                                                        + 1000 / 1825 * 4)
    pc = {**svc, "at_home": {**svc["at_home"], "device": "pc_vr"}}
    r2 = footprint.assess(project(pc), reg)
    # + PC 500/(6×365×6) × 300 + monitor 500/(6×365×4) × 60; electricity (200 + 50 + 2 W)
    device = (500 / 13140 * 300 + 500 / 8760 * 60 + 500 / 1825 * 72 + 1000 / 1825 * 4
              + 252 * 500 / 1000 * 0.05)
    assert r2.by_tier()["user_devices"] == pytest.approx(device)


def test_bundled_at_home_headset_hour_matches_ademe(bundled):
    """ADEME per-use-hour embodied of a VR headset: 72.4 kg / (5 yr × 365 × 1 h/day)
    = 39.7 g per hour (publicodes-acv-numerique 2.1.0; factors dossier §6.1 table)."""
    svc = {"name": "Home", "kind": "vr_experience", "setting": "at_home",
           "at_home": {"downloads": 1, "download_size": 0, "hours_per_download": 1}}
    r = footprint.assess(project(svc), bundled)
    t = r.table[(r.table["indicator"] == "climate_change")
                & (r.table["factor_code"] == "device.vr_headset")]
    assert t["impact"].sum() * 1000 == pytest.approx(39.7, abs=0.05)


def test_bundled_onsite_runs(bundled):
    block = {**HEADSETS, "pc_stations": {"count": 1},
             "content_updates": {"size": "5 GB", "updates_per_year": 2}}
    r = footprint.assess(project(onsite(**block)), bundled)
    assert cc(r) > 0
    # standalone headset charging: the dataset's 8.9 W, not ADEME's 2 W
    assert quantity(r, "headset charging power") == pytest.approx(8.9)


def error_of(*services) -> ProjectError:
    with pytest.raises(ProjectError) as exc:
        project(*services)
    return exc.value


@pytest.mark.parametrize(("service", "path", "words"), [
    ({"name": "V", "kind": "vr_experience", "setting": "onsite"}, "services[0]",
     "'onsite:' is required"),
    ({"name": "V", "kind": "vr_experience", "setting": "at_home",
      "at_home": {"downloads": 1, "download_size": 1, "hours_per_download": 1},
      "onsite": HEADSETS}, "services[0]", "remove the 'onsite:' block"),
    (onsite(**{**HEADSETS, "daily_operating_hours": 3}), "services[0].onsite",
     "exceeds daily_operating_hours"),
    (onsite(**{**HEADSETS, "headsets": {**HEADSETS["headsets"], "count": -1}}),
     "services[0].onsite.headsets.count", "greater than or equal to 0"),
    (onsite(**{**HEADSETS, "headsets": {**HEADSETS["headsets"], "session_minutes": "2 GB"}}),
     "services[0].onsite.headsets.session_minutes", "minute"),
    (onsite(**{**HEADSETS, "support_equipment": [{"type": "other", "hours_per_day": 2}]}),
     "services[0].onsite.support_equipment[0]", "power is required"),
    (onsite(days_per_year=100), "services[0].onsite", "give headsets or pc_stations"),
    ({"name": "V", "kind": "vr_experience", "setting": "at_home",
      "at_home": {"downloads": 1, "download_size": 1, "hours_per_download": 1,
                  "network_mix": {"fixed": 0.5, "mobile": 0.2}}},
     "services[0].at_home.network_mix", "network_mix shares must sum to 1, got 0.7"),
])
def test_validation_errors_name_the_path(service, path, words):
    err = error_of(service)
    assert err.path == path
    assert words in str(err)


#: 1 January to 14 March 2025: 73 days, 73/365 = 0.2 of a year.
FIFTH = {"start": "2025-01-01", "end": "2025-03-14"}
F = 73 / 365
AT_HOME = {"name": "Home", "kind": "vr_experience", "setting": "at_home",
           "at_home": {"downloads": 1000, "download_size": "2 GB", "hours_per_download": 0.5}}


def test_reporting_period_scales_onsite_not_at_home(reg):
    # On site, days per year and updates per year are per year: F × (7.2 + 201.6 + 22.4)
    # for the headsets (F / 5 of each headset); at home, downloads are totals.
    block = {**HEADSETS, "content_updates": {"size": "10 GB", "updates_per_year": 5}}
    year = footprint.assess(project(onsite(**block), AT_HOME), reg)
    fifth = footprint.assess(project(onsite(**block), AT_HOME, reporting_period=FIFTH), reg)
    assert fifth.by_service()["VR"] == pytest.approx(F * year.by_service()["VR"])
    assert fifth.by_service()["Home"] == pytest.approx(year.by_service()["Home"])
    assert quantity(fifth, "headsets allocated (incl. spares)") == pytest.approx(F * 2.8)
    assert quantity(fifth, "visitor sessions") == pytest.approx(F * 12 * 8 * 300)
    assert quantity(fifth, "content downloaded") == pytest.approx(F * 10 * 5 * 14)
    q = fifth.quantities
    basis = q[q["quantity"] == "reporting basis"].set_index("service")
    assert basis.loc["VR", "source"] == "reporting period"
    assert basis.loc["Home", "source"] == "totals over the period as entered"
    assert basis["value"].tolist() == pytest.approx([F, F])


def test_onsite_equipment_runs_in_the_venue_country(reg):
    # Audience in France, venue in Germany (0.4 kg/kWh): 144 kWh × 0.4 = 57.6 kg.
    r = footprint.assess(project(onsite(**HEADSETS), audience_country="FR",
                                 venue_country="DE"), reg)
    assert cc(r) == pytest.approx(144 * 0.4 + 201.6 + 22.4)
    assert set(r.inventory["region"]) == {"DE"}
