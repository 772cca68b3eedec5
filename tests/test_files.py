"""Project files: YAML/JSON round trip, and every validation error names its path."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footprint
from footprint import ProjectError, parse_project, read_project, to_json, to_yaml, write_project
from footprint.files import MAX_BYTES

GOOD = {
    "name": "Museum site",
    "organisation": "Musée",
    "reporting_period": {"start": "2025-01-01", "end": "2025-12-31"},
    "audience_country": "fr",
    "hosting_country": "DE",
    "functional_unit": {"name": "visit", "quantity": 120000},
    "options": {"allocation": "calendar_time"},
    "services": [{"name": "Site", "kind": "custom", "components": [
        {"name": "hosting", "tier": "data_centres", "activities": [
            {"name": "servers", "factor": "electricity", "amount": "1.2 MWh"},
            {"factor": "storage.hdd.embodied", "amount": 2, "unit": "TB*year", "region": "GLO"}]}]}],
}


def test_round_trip_yaml_and_json(tmp_path):
    p = parse_project(GOOD)
    assert p.audience_country == "FR"  # normalised
    act = p.services[0].components[0].activities[0]
    assert (act.amount, act.unit) == (1.2, "MWh")
    for name in ("p.yaml", "p.json"):
        write_project(p, tmp_path / name)
        assert read_project(tmp_path / name) == p
    assert parse_project(to_yaml(p)) == p
    assert parse_project(to_json(p), "json") == p


def error_of(data) -> ProjectError:
    with pytest.raises(ProjectError) as exc:
        parse_project(data)
    return exc.value


def with_(path, value):
    data = json.loads(json.dumps(GOOD))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value", "expected_path", "words"), [
    (("name",), "", "name", "at least 1"),
    (("audience_country",), "France", "audience_country", "country code"),
    (("audience_country",), "UK", "audience_country", "is 'GB'"),
    (("hosting_country",), "XX", "hosting_country", "ISO 3166-1"),
    (("hosting_country",), 33, "hosting_country", "country code"),
    (("reporting_period", "end"), "2024-01-01", "reporting_period", "not be before start"),
    (("functional_unit", "quantity"), 0, "functional_unit.quantity", "greater than or equal to 0.001"),
    (("options", "allocation"), "lifetime", "options.allocation", "use_time"),
    (("schema_version",), 7, "schema_version", "1"),
    (("services",), [], "services", "at least 1"),
    (("services", 0, "kind"), "videostreaming", "services[0].kind", "not known"),
    (("services", 0, "components", 0, "tier"), "cloud", "services[0].components[0].tier",
     "data_centres"),
    (("services", 0, "components", 0, "activities", 0, "amount"), "-3 kWh",
     "services[0].components[0].activities[0].amount", "greater than or equal to 0"),
    (("services", 0, "components", 0, "activities", 0, "amount"), "3 blorps",
     "services[0].components[0].activities[0]", "not a known unit"),
    (("services", 0, "components", 0, "activities", 1, "unit"), "blorps",
     "services[0].components[0].activities[1].unit", "not a known unit"),
    (("services", 0, "components", 0, "activities", 0, "colour"), "red",
     "services[0].components[0].activities[0].colour", "unknown field"),
    (("services", 0, "components", 0, "activities"), [], "services[0].components[0].activities",
     "at least 1"),
])
def test_each_error_names_path_value_and_what_is_allowed(path, value, expected_path, words):
    err = error_of(with_(path, value))
    assert err.path == expected_path
    assert words in str(err)
    assert isinstance(err, ValueError)


@pytest.mark.parametrize("text", ["9**9**8 kWh", "1 kWh**99", "1,5 kWh", "2**1000 h"])
def test_quantities_are_numbers_with_units_never_expressions(text):
    """pint evaluates expressions: '9**9**8 kWh' would never return. Refused at once."""
    err = error_of(with_(("services", 0, "components", 0, "activities", 0, "amount"), text))
    assert err.path == "services[0].components[0].activities[0]"


def test_unit_field_refuses_expressions():
    err = error_of(with_(("services", 0, "components", 0, "activities", 1, "unit"),
                         "TB*year**9**9"))
    assert err.path == "services[0].components[0].activities[1].unit"


def test_deeply_nested_files_are_refused():
    for text, fmt in (("[" * 100_000, "yaml"), ('{"a":' * 50_000, "json")):
        with pytest.raises(ProjectError, match="nested too deeply"):
            parse_project(text, fmt)


def test_duplicate_service_names():
    data = with_(("services",), GOOD["services"] * 2)
    err = error_of(data)
    assert "must be unique" in str(err)


def test_all_errors_are_listed():
    data = with_(("name",), "")
    data["hosting_country"] = "xx1"
    err = error_of(data)
    assert {p for p, _, _ in err.errors} == {"name", "hosting_country"}


def test_untrusted_files(tmp_path):
    with pytest.raises(ProjectError, match="aliases"):
        parse_project("a: &x [1, 2]\nb: *x\n")
    with pytest.raises(ProjectError, match="YAML"):
        parse_project("name: [unclosed")
    with pytest.raises(ProjectError, match="not valid JSON"):
        parse_project("{", "json")
    with pytest.raises(ProjectError, match="mapping"):
        parse_project("- a\n- b\n")
    with pytest.raises(ProjectError, match="YAML"):  # no arbitrary Python objects
        parse_project("name: !!python/object/apply:os.system ['true']\n")
    big = tmp_path / "big.yaml"
    big.write_text("x" * (MAX_BYTES + 1))
    with pytest.raises(ProjectError, match="larger than"):
        read_project(big)
    with pytest.raises(ProjectError, match="cannot read"):
        read_project(tmp_path / "missing.yaml")


def test_json_schema_is_published():
    from footprint.schema import json_schema

    schema = json_schema()
    assert schema["title"] == "footprint project file"
    assert "services" in schema["properties"]
    text = json.dumps(schema)
    assert "custom" in text and "allocation" in text


# --- property-based: malformed projects give a ProjectError with a path, nothing else ----

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=12),
                    st.sampled_from(["9**9**9 kWh", "1 kWh**99", "2 GB", "1,5 h", "[" * 5000]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8)


def mutations():
    keys = [("name",), ("audience_country",), ("reporting_period",), ("reporting_period", "start"),
            ("functional_unit",), ("functional_unit", "quantity"), ("options",), ("services",),
            ("services", 0), ("services", 0, "kind"), ("services", 0, "name"),
            ("services", 0, "components"), ("services", 0, "components", 0),
            ("services", 0, "components", 0, "tier"),
            ("services", 0, "components", 0, "activities", 0),
            ("services", 0, "components", 0, "activities", 0, "amount"),
            ("services", 0, "components", 0, "activities", 0, "factor"),
            ("services", 0, "components", 0, "activities", 1, "unit")]
    return st.tuples(st.sampled_from(keys), values)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutations(), min_size=1, max_size=3))
def test_malformed_projects_raise_project_error_with_path(changes):
    data = json.loads(json.dumps(GOOD))
    for path, value in changes:
        target = data
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        project = parse_project(data)
    except ProjectError as exc:
        assert exc.path
        assert all(p for p, _, _ in exc.errors)
        return
    # still valid: it must also assess or fail with a FootprintError naming a path
    from footprint.factors import FactorRegistry, read_dataset
    from tests.conftest import TINY

    try:
        footprint.assess(project, FactorRegistry([read_dataset(TINY)]))
    except footprint.FootprintError as exc:
        assert getattr(exc, "path", None) or isinstance(exc, footprint.UnknownFactorError)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text):
    try:
        parse_project(text)
    except ProjectError as exc:
        assert exc.path


def test_reporting_period_in_calendar_years():
    from footprint.schema import ReportingPeriod

    assert ReportingPeriod(start="2025-01-01", end="2025-12-31").years == 1.0
    assert ReportingPeriod(start="2024-01-01", end="2024-12-31").years == 1.0  # leap year
    assert ReportingPeriod(start="2025-01-01", end="2025-03-31").years == pytest.approx(90 / 365)
    # 1 Dec 2024 – 31 Jan 2025: 31/366 + 31/365
    assert ReportingPeriod(start="2024-12-01", end="2025-01-31").years == \
        pytest.approx(31 / 366 + 31 / 365)
