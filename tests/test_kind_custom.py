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
