"""Errors and warnings carry a stable code and parameters beside their English text."""

from __future__ import annotations

import pickle

import pytest

import footprint
from footprint.errors import Notice, ProjectError, UnitError, UnknownFactorError


def test_errors_keep_their_old_signatures_and_gain_a_code():
    err = ProjectError("must be ≥ 0", path="services[0].hours", value=-1)
    assert str(err) == "services[0].hours: must be ≥ 0"
    assert err.code == "invalid_project" and err.params == {}
    assert err.details == [{"path": "services[0].hours", "message": "must be ≥ 0",
                            "value": -1, "code": "invalid_project", "params": {}}]
    assert UnitError("bad unit").code == "unit"
    coded = UnitError("x", code="unit_dimension", params={"unit": "kg"})
    assert (coded.code, coded.params) == ("unit_dimension", {"unit": "kg"})
    assert UnitError("y").code == "unit"  # the class default is not changed by an instance


def test_unknown_factor_names_code_and_matches():
    err = UnknownFactorError("device.laptp", matches=["device.laptop"])
    assert isinstance(err, KeyError)
    assert err.code == "unknown_factor"
    assert err.params == {"code": "device.laptp", "region": "", "matches": "device.laptop"}


def test_parse_project_details_have_pydantic_codes_and_bounds():
    text = ("name: x\nservices:\n  - name: s\n    kind: live_event\n"
            "    event_duration: 2\n    live_viewers: -5\n    renditions: 50\n")
    with pytest.raises(ProjectError) as info:
        footprint.parse_project(text)
    by_path = {d["path"]: d for d in info.value.details}
    assert by_path["services[0].live_viewers"]["code"] == "greater_than_equal"
    assert by_path["services[0].live_viewers"]["params"] == {"ge": 0}
    assert by_path["services[0].live_viewers"]["value"] == -5
    assert by_path["services[0].renditions"]["code"] == "less_than_equal"
    assert by_path["services[0].renditions"]["params"] == {"le": 20}


def test_notice_is_a_string_with_code_and_survives_pickling():
    n = Notice("a: no value for region XX; the GLO value is used",
               code="parameter_region_substituted",
               params={"code": "a", "region": "XX", "used": "GLO"})
    assert n == "a: no value for region XX; the GLO value is used"
    back = pickle.loads(pickle.dumps(n))
    assert (back.code, back.params, str(back)) == (n.code, n.params, str(n))


def test_assessment_warnings_are_coded(tiny):
    project = footprint.parse_project({
        "name": "w", "audience_country": "JP", "hosting_country": "JP",
        "services": [{"name": "s", "kind": "custom", "components": [
            {"name": "c", "tier": "data_centres",
             "activities": [{"factor": "electricity", "amount": "10 kWh"}]}]}]})
    result = footprint.assess(project, tiny)
    coded = [w for w in result.warnings if isinstance(w, Notice)]
    assert coded, result.warnings
    assert all(w.code.endswith("region_substituted") and w.params["region"] == "JP"
               for w in coded)
