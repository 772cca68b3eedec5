"""Across the kinds: one ``reporting basis`` quantity per service, and every yearly
parameter says how the reporting period applies to it."""

from __future__ import annotations

from pathlib import Path

import math

import pytest
from pydantic import BaseModel

import footprint
from footprint.archetypes import KINDS

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))
SOURCES = {"reporting period", "one year (no reporting period given)",
           "totals over the period as entered", "totals as entered (no reporting period given)",
           "the campaign's own horizon (storage and viewing years)"}


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_one_reporting_basis_per_service(path, bundled):
    project = footprint.read_project(path)
    q = footprint.assess(project, bundled).quantities
    basis = q[q["quantity"] == "reporting basis"]
    assert sorted(basis["service"]) == sorted(s.name for s in project.services)
    assert set(basis["unit"]) == {"year"}
    assert set(basis["source"]) <= SOURCES
    period = project.reporting_period.years if project.reporting_period else None
    for row in basis.itertuples():
        if row.source.startswith("the campaign's own horizon"):
            svc = next(s for s in project.services if s.name == row.service)
            assert row.value == max(svc.storage.years,
                                    (svc.dissemination.years or svc.storage.years)
                                    if svc.dissemination else 0)
        elif row.source == "totals as entered (no reporting period given)":
            assert period is None and math.isnan(row.value)
        elif row.source == "one year (no reporting period given)":
            assert period is None and row.value == 1.0
        else:
            assert row.value == pytest.approx(period)


def _models(model, seen=None):
    """A model and the models of its fields, recursively."""
    seen = set() if seen is None else seen
    if model in seen:
        return
    seen.add(model)
    yield model
    for field in model.model_fields.values():
        for arg in (field.annotation, *getattr(field.annotation, "__args__", ())):
            for inner in (arg, *getattr(arg, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    yield from _models(inner, seen)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_yearly_parameters_say_how_the_period_applies(kind):
    for model in _models(KINDS[kind].Service):
        for name, field in model.model_fields.items():
            if "per_year" in name:
                assert "reporting period" in (field.description or ""), \
                    f"{kind}: {model.__name__}.{name}"


def test_a_campaign_is_reported_per_year_and_in_total_never_silently_added(bundled):
    """A ten-year digitisation campaign next to a one-year website: the project total adds
    both, with a warning that names the campaign's horizon; per_year() gives each
    service's total, its years and its yearly average (campaign total ÷ 10)."""
    data = {"name": "P", "audience_country": "FR", "hosting_country": "FR", "services": [
        {"name": "Fonds", "kind": "digitisation_campaign",
         "items": [{"type": "page", "count": 1000, "master_mb": 50}],
         "storage": {"years": 10}},
        {"name": "Site", "kind": "video_streaming", "hours_viewed": 100}]}
    r = footprint.assess(footprint.parse_project(data), bundled)
    per = r.per_year()
    assert per.loc["Fonds", "years"] == 10
    assert per.loc["Fonds", "per_year"] == pytest.approx(per.loc["Fonds", "total"] / 10)
    assert per["total"].sum() == pytest.approx(r.total().m_as("kgCO2e"))
    warning = [w for w in r.warnings if "'Fonds' covers its own 10 years" in w]
    assert warning and "adds them to 1 service(s)" in warning[0]
    alone = footprint.assess(footprint.parse_project({**data, "services": data["services"][:1]}),
                             bundled)
    assert any("covers its own 10 years" in w and "adds" not in w for w in alone.warnings)
