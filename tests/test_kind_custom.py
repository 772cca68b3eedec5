"""custom kind: where an activity without a region happens (by tier), and its amounts
as totals over the reporting period (tiny-2026: electricity FR 0.05, DE 0.4 kg/kWh)."""

from __future__ import annotations

import pytest

import footprint
from footprint import parse_project

KWH = {"factor": "electricity", "amount": "100 kWh"}


def project(**fields):
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                     "components": [
        {"name": "screens", "tier": "onsite", "activities": [KWH]},
        {"name": "phones", "tier": "user_devices", "activities": [KWH]},
        {"name": "servers", "tier": "data_centres", "activities": [KWH]}]}], **fields})


def test_regions_by_tier(tiny):
    # onsite → the venue (FR), user devices → the audience (DE), servers → hosting (FR)
    r = footprint.assess(project(audience_country="DE", venue_country="FR",
                                 hosting_country="FR"), tiny)
    regions = r.inventory.set_index("component")["region"]
    assert regions.to_dict() == {"screens": "FR", "phones": "DE", "servers": "FR"}
    assert r.total().m_as("kgCO2e") == pytest.approx(5 + 40 + 5)
    # no venue_country: the venue is in the audience country
    r = footprint.assess(project(audience_country="DE"), tiny)
    assert r.inventory.set_index("component")["region"]["screens"] == "DE"


def test_amounts_are_totals_over_the_period(tiny):
    plain = footprint.assess(project(), tiny)
    quarter = footprint.assess(project(reporting_period={"start": "2025-01-01",
                                                         "end": "2025-03-31"}), tiny)
    assert quarter.total().m_as("kgCO2e") == pytest.approx(plain.total().m_as("kgCO2e"))
    q = quarter.quantities.set_index("quantity")
    assert q.loc["reporting basis", "source"] == "totals over the period as entered"
    assert q.loc["reporting basis", "value"] == pytest.approx(90 / 365)


def test_a_device_in_a_data_centre_draws_the_facility_overhead(tiny):
    # 730 h of a laptop-class machine: 25 W × 730 h = 18.25 kWh of IT; in the data-centre
    # tier × dc.pue FR 1.5 = 27.375 kWh (→ 1.369 kg at 0.05), on a user's desk no PUE.
    def one(tier):
        p = parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                      "components": [
            {"name": "box", "tier": tier,
             "activities": [{"factor": "device.laptop", "amount": "730 h"}]}]}]})
        return footprint.assess(p, tiny).electricity().m_as("kWh")

    assert one("data_centres") == pytest.approx(18.25 * 1.5)
    assert one("user_devices") == pytest.approx(18.25)


def test_bundled_server_year_at_average_power_with_pue(bundled):
    # ADEME's server: 367 W average (Borderstep, not the 400 W active power) × 8,760 h ×
    # PUE 1.46 (Arcep 2025, French colocation) = 4,693.7 kWh, as the website kind's
    # dedicated servers get.
    p = parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                  "components": [
        {"name": "server", "tier": "data_centres",
         "activities": [{"factor": "device.server", "amount": "8760 h"}]}]}]})
    r = footprint.assess(p, bundled)
    assert r.electricity().m_as("kWh") == pytest.approx(0.367 * 8760 * 1.46)
    w = parse_project({"name": "W", "services": [{
        "name": "site", "kind": "website", "visits_per_year": 1, "page_weight": "1 MB",
        "hosting": "dedicated", "servers": 1}]})
    dc = footprint.assess(w, bundled).inventory
    dc = dc[(dc["component"] == "dedicated servers") & (dc["flow"] == "electricity")]
    assert dc["electricity_kwh"].sum() == pytest.approx(0.367 * 8760 * 1.46)
