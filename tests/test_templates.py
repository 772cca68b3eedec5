"""Templates per kind (app's new project, `footprint new`) and the form's field specs."""

from __future__ import annotations

import pytest

import footprint
from footprint.archetypes import KINDS
from footprint.cli import main
from footprint.schema.describe import fields
from footprint.templates import commented_template, kinds_with_template, template


def test_every_kind_but_measured_has_a_template_that_assesses():
    kinds = kinds_with_template()
    assert set(KINDS) - set(kinds) <= {"measured"}  # measurements come from the Measure page
    for kind in kinds:
        project = footprint.parse_project(template(kind, "T"))
        assert project.name == "T" and project.services[0].kind == kind
        result = footprint.assess(project)
        assert result.total().m > 0, kind


@pytest.mark.parametrize("kind", kinds_with_template())
def test_commented_template_parses_to_the_template_and_explains_every_parameter(kind):
    text = commented_template(kind, "Musée")
    assert footprint.parse_project(text).model_dump() == \
        footprint.parse_project(template(kind, "Musée")).model_dump()
    for spec in fields(KINDS[kind].Service, skip_common=True):
        assert f"{spec.name}:" in text, spec.name  # set, or commented with its default
        if spec.unit:
            assert f"[{spec.unit}]" in text


def test_unknown_kind_and_kind_without_template_are_clear_errors():
    with pytest.raises(footprint.ProjectError, match="did you mean 'live_event'") as info:
        template("live_events")
    assert info.value.code == "unknown_kind"
    if "measured" in KINDS:
        with pytest.raises(footprint.ProjectError, match="no template"):
            template("measured")


def test_field_specs_carry_unit_range_and_default():
    spec = {f.name: f for f in fields(KINDS["live_event"].Service)}
    assert (spec["event_duration"].widget, spec["event_duration"].unit,
            spec["event_duration"].gt, spec["event_duration"].required) == \
        ("quantity", "hour", 0, True)
    assert spec["renditions"].range_text() == "1 – 20"
    assert spec["renditions"].default == 4
    assert spec["network_model"].choices == ("per_gb", "per_time")
    assert spec["transcoding_pue"].nullable and spec["transcoding_pue"].range_text() == "1 – 3"
    assert spec["production_equipment"].widget == "table"
    assert spec["audience_country"].widget == "region"


def test_cli_new_writes_a_template_and_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "concert.yaml"
    assert main(["new", "live_event", "-o", str(out), "--name", "Concert"]) == 0
    project = footprint.read_project(out)
    assert project.name == "Concert" and project.services[0].kind == "live_event"
    assert main(["new", "live_event", "-o", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["new", "website"]) == 0
    assert "kind: website" in capsys.readouterr().out
