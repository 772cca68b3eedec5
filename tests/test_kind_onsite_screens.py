"""onsite_screens: hand-computed energy (on and standby) and calendar-share allocation on
round-number factors (tests/venue_factors.py); bundled data; validation paths."""

from __future__ import annotations

import pytest

import footprint
from footprint import ProjectError, parse_project
from tests.helpers import cc, quantity

from .venue_factors import venue_registry


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    return venue_registry(tmp_path_factory.mktemp("venue") / "venue-test-2026")


def project(*equipment, days=310, allocation=None, **fields):
    data = {"name": "P", "services": [{"name": "Screens", "kind": "onsite_screens",
                                       "days_open_per_year": days,
                                       "equipment": list(equipment)}], **fields}
    if allocation:
        data["options"] = {"allocation": allocation}
    return parse_project(data)


KIOSKS = {"device": "kiosk", "count": 6, "hours_per_day": 9}


def test_kiosks_on_standby_and_manufacture(reg):
    # On: 6 × 9 h × 310 d = 16,740 h × 200 W = 3,348 kWh.
    # Standby (no dataset value for kiosks → 2 W estimate): 6 × ((24 − 9) × 310 + 24 × 55)
    #   = 6 × 5,970 = 35,820 h × 2 W = 71.64 kWh.
    # Electricity 3,419.64 kWh × 0.05 = 170.982 kg; manufacture 6 / 7 yr × 350 = 300 kg.
    r = footprint.assess(project(KIOSKS), reg)
    assert r.electricity().m_as("kWh") == pytest.approx(3348 + 71.64)
    assert quantity(r, "standby hours: kiosk") == pytest.approx(35_820)
    assert cc(r) == pytest.approx(170.982 + 300)
    q = r.quantities
    assert q.loc[q["quantity"] == "standby power: kiosk", "source"].iloc[0].startswith("estimate")


def test_standby_from_dataset_and_switched_off(reg):
    # TVs: on 10 × 9 × 310 = 27,900 h × 100 W = 2,790 kWh; standby from the dataset
    # (device.tv.standby_power = 1 W): 10 × 5,970 h = 59.7 kWh; manufacture 10/8 × 320 = 400.
    # Projectors switched off outside hours: on 2 × 9 × 310 × 250 W = 1,395 kWh, no standby;
    # manufacture 2/6 × 120 = 40.
    tv = {"device": "tv", "name": "gallery screens", "count": 10, "hours_per_day": 9}
    pj = {"device": "projector", "count": 2, "hours_per_day": 9,
          "switched_off_outside_hours": True}
    r = footprint.assess(project(tv, pj), reg)
    assert quantity(r, "electricity standby: gallery screens") == pytest.approx(59.7)
    assert quantity(r, "electricity standby: projector") == 0
    assert r.electricity().m_as("kWh") == pytest.approx(2790 + 59.7 + 1395)
    assert cc(r) == pytest.approx((2790 + 59.7 + 1395) * 0.05 + 400 + 40)
    comps = set(r.inventory["component"])
    assert "gallery screens (standby)" in comps and "projector (standby)" not in comps


def test_overrides_days_power_lifetime(reg):
    # 4 monitors, 12 h on 200 days (own days), 30 W on, 0.5 W standby, 4-year life:
    # on 4 × 12 × 200 × 30 W = 288 kWh; standby 4 × (12 × 200 + 24 × 165) × 0.5 W
    #   = 4 × 6,360 × 0.5 = 12.72 kWh; manufacture 4 / 4 × 60 = 60 kg.
    m = {"device": "monitor", "count": 4, "hours_per_day": "12 h/day", "days_per_year": 200,
         "power_on": "30 W", "power_standby": 0.5, "lifetime": "4 year"}
    r = footprint.assess(project(m), reg)
    assert r.electricity().m_as("kWh") == pytest.approx(288 + 12.72)
    assert cc(r) == pytest.approx((288 + 12.72) * 0.05 + 60)


def test_allocation_is_calendar_share_whatever_the_option(reg):
    # Venue equipment lives in the venue: one year of a 7-year life, under both options.
    a = footprint.assess(project(KIOSKS), reg)
    b = footprint.assess(project(KIOSKS, allocation="calendar_time"), reg)
    assert cc(a) == pytest.approx(cc(b))
    assert quantity(a, "devices allocated: kiosk") == pytest.approx(6 / 7)


def test_bundled_runs_and_tv_year_share(bundled):
    """A venue TV carries 1/8 of ADEME's 340.2 kgCO2e non-use life cycle per year
    (manufacture 325 + distribution 3.26 + end of life 11.9, 8-year life;
    publicodes-acv-numerique 2.1.0, factors dossier §6.1)."""
    r = footprint.assess(project({"device": "tv", "count": 1, "hours_per_day": 8},
                                 KIOSKS, {"device": "projector", "count": 1,
                                          "hours_per_day": 8}), bundled)
    t = r.table[(r.table["indicator"] == "climate_change")
                & (r.table["factor_code"] == "device.tv")]
    assert t["impact"].sum() == pytest.approx(340.16 / 8, rel=1e-3)
    assert cc(r) > 0


@pytest.mark.parametrize(("equipment", "path", "words"), [
    ({"device": "kiosk", "count": 1, "hours_per_day": 25},
     "services[0].equipment[0].hours_per_day", "less than or equal to 24"),
    ({"device": "hologram", "count": 1, "hours_per_day": 5},
     "services[0].equipment[0].device", "kiosk"),
    ({"device": "tv", "count": 1, "hours_per_day": 5, "power_on": "5 kg"},
     "services[0].equipment[0].power_on", "W"),
    ({"device": "tv", "count": 1, "hours_per_day": 5, "lifetime": 0},
     "services[0].equipment[0].lifetime", "greater than or equal to 1 day"),
])
def test_validation_errors_name_the_path(equipment, path, words):
    with pytest.raises(ProjectError) as exc:
        project(equipment)
    assert exc.value.path == path
    assert words in str(exc.value)


def test_equipment_required():
    with pytest.raises(ProjectError) as exc:
        parse_project({"name": "P", "services": [{"name": "S", "kind": "onsite_screens",
                                                  "days_open_per_year": 300,
                                                  "equipment": []}]})
    assert exc.value.path == "services[0].equipment"


def test_several_venues_in_one_project(reg):
    # Two venues built in one call; the second in Germany (0.4 kg/kWh): 1 TV on 8 h on
    # 300 days = 240 kWh + standby 1 W × (16 × 300 + 24 × 65) = 6.36 kWh; 320 / 8 = 40 kg.
    # The venue's country is venue_country (the service's, else the project's), not the
    # audience's.
    p = parse_project({"name": "P", "services": [
        {"name": "Paris", "kind": "onsite_screens", "days_open_per_year": 310,
         "equipment": [KIOSKS]},
        {"name": "Berlin", "kind": "onsite_screens", "days_open_per_year": 300,
         "venue_country": "DE", "audience_country": "FR",
         "equipment": [{"device": "tv", "count": 1, "hours_per_day": 8}]}]})
    by = footprint.assess(p, reg).by_service()
    assert by["Paris"] == pytest.approx(170.982 + 300)
    assert by["Berlin"] == pytest.approx((240 + 6.36) * 0.4 + 40)


#: 1 January to 14 March 2025: 73 days, 73/365 = 0.2 of a year.
FIFTH = {"start": "2025-01-01", "end": "2025-03-14"}
F = 73 / 365


def test_reporting_period_scales_days_standby_and_manufacture(reg):
    # Days open per year and the calendar share of the devices are per year: over F (about
    # a fifth) of a year the kiosks use F × 3,419.64 kWh and carry F × 6/7 of a kiosk.
    r = footprint.assess(project(KIOSKS, reporting_period=FIFTH), reg)
    assert quantity(r, "hours on: kiosk") == pytest.approx(F * 16_740)
    assert quantity(r, "standby hours: kiosk") == pytest.approx(F * 35_820)
    assert quantity(r, "devices allocated: kiosk") == pytest.approx(F * 6 / 7)
    assert cc(r) == pytest.approx(F * (170.982 + 300))
    q = r.quantities.set_index("quantity")
    assert q.loc["reporting basis", "value"] == pytest.approx(F)
    assert q.loc["reporting basis", "source"] == "reporting period"


def test_screens_run_in_the_venue_country(reg):
    # Audience in Germany, venue in France: the kiosks use the French grid (0.05 kg/kWh).
    r = footprint.assess(project(KIOSKS, audience_country="DE", venue_country="FR"), reg)
    assert cc(r) == pytest.approx(170.982 + 300)
    assert set(r.inventory["region"]) == {"FR"}
    # without venue_country, the venue is in the audience country
    de = footprint.assess(project(KIOSKS, audience_country="DE"), reg)
    assert de.electricity().m_as("kWh") * 0.4 + 300 == pytest.approx(cc(de))
