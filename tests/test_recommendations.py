"""Eco-design rules: the catalogue (data, validated), its operations on hand-made
services, texts in both languages, and every rule finding something to change."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from pydantic import ValidationError

import footprint
from footprint import parse_project
from footprint.archetypes import KINDS
from footprint.recommendations import load_catalogue, match_rule, matches
from footprint.recommendations.catalogue import CRITERIA, Catalogue, Rule
from footprint.recommendations.changes import disk_copies_to_tape
from footprint.recommendations.text import render

from .venue_factors import venue_registry

ROOT = Path(__file__).resolve().parent.parent
#: Kinds that rules name before the kind itself has landed (issue 8's video_conference):
#: their rules are checked once the kind exists.
PENDING_KINDS = {"video_conference"}
SAMPLES = sorted(glob.glob(str(ROOT / "sample_projects" / "*.yaml")))


@pytest.fixture(scope="module")
def venue(tmp_path_factory):
    return venue_registry(tmp_path_factory.mktemp("venue") / "venue-test-2026")


# -- the catalogue -------------------------------------------------------------------
def _schema_node(schema, node, step):
    """The JSON-schema node of field ``step`` under ``node`` (refs, optionals, lists)."""
    defs = schema.get("$defs", {})

    def resolve(n):
        while True:
            if "$ref" in n:
                n = defs[n["$ref"].rsplit("/", 1)[1]]
            elif "anyOf" in n and "properties" not in n and "x-unit" not in n:
                options = [o for o in n["anyOf"] if o.get("type") != "null"]
                n = options[0]
            elif n.get("type") == "array" and "items" in n:
                n = n["items"]
            else:
                return n

    return resolve(resolve(node)["properties"][step])


def _field_schema(kind, path, each=None):
    schema = KINDS[kind].Service.model_json_schema()
    node = schema
    for step in ((each.split(".") if each else []) + path.split(".")):
        node = _schema_node(schema, node, step)
    return node


def test_catalogue_loads_with_at_least_25_rules_in_two_languages():
    cat = load_catalogue()
    assert len(cat.rules) >= 25
    for rule in cat.rules:
        assert set(rule.text) == {"en", "fr"}
        assert all(c in CRITERIA for c in rule.criteria)
        assert rule.sources


def test_every_change_names_a_real_field_in_its_unit():
    """Each path exists on every kind the rule names, and a rule's numbers are in the
    field's own unit (x-unit of the JSON Schema)."""
    for rule in load_catalogue().rules:
        for kind in rule.kinds:
            if kind not in KINDS:
                assert kind in PENDING_KINDS, f"{rule.id}: unknown kind {kind}"
                continue
            for change in rule.changes:
                node = _field_schema(kind, change.path, change.each)
                unit = node.get("x-unit")
                if unit is not None and change.operation in ("cap", "floor", "add", "scale"):
                    assert change.unit == unit, f"{rule.id}: {change.path} is in {unit}"


@pytest.mark.parametrize("bad, message", [
    ({"criteria": ["99.9"]}, "not RGESN 2024 ids"),
    ({"text": {"en": {"title": "x", "detail": "{nope}"},
               "fr": {"title": "x", "detail": "y"}}}, "placeholder {nope}"),
    ({"changes": [{"path": "bitrate", "cap": 64, "scale": 0.5}]}, "exactly one operation"),
    ({"changes": [{"path": "bitrate", "cap": 64, "where": [{"value": "x", "eq": 1}]}]},
     "'where' needs 'each'"),
    ({"text": {"en": {"title": "x", "detail": "y"}}}, "both 'en' and 'fr'"),
])
def test_catalogue_refuses_bad_rules(bad, message):
    rule = load_catalogue().rule("audio-efficient-codec").model_dump(by_alias=True,
                                                                     exclude_none=True)
    with pytest.raises(ValidationError, match=message):
        Rule.model_validate({**rule, **bad})


def test_duplicate_rule_ids_refused():
    rule = load_catalogue().rules[0].model_dump(by_alias=True, exclude_none=True)
    with pytest.raises(ValidationError, match="repeated"):
        Catalogue.model_validate({"version": "x", "rules": [rule, rule]})


# -- operations on a service ---------------------------------------------------------
def _video(**fields):
    return parse_project({"name": "P", "services": [{"name": "Films", "kind":
                                                    "video_streaming", "hours_viewed": 1000,
                                                    **fields}]})


def test_mix_operations_by_hand(bundled):
    p = _video(quality_mix={"sd": 0.1, "hd": 0.4, "full_hd": 0.3, "uhd": 0.2})
    cat = load_catalogue()
    step = match_rule(cat.rule("video-sobriety-mode"), p, 0, bundled).overrides
    # one step down: uhd 0.2 → full_hd, full_hd 0.3 → hd, hd 0.4 → sd, sd stays
    assert step == {"services[0].quality_mix": {"sd": 0.5, "hd": 0.3, "full_hd": 0.2,
                                                "uhd": 0.0}}
    cap = match_rule(cat.rule("video-cap-1080p"), p, 0, bundled).overrides
    assert cap["services[0].quality_mix"] == {"sd": 0.1, "hd": 0.4, "full_hd": 0.5, "uhd": 0.0}
    # nothing in 4K: the 1080p cap changes nothing and does not apply
    assert match_rule(cat.rule("video-cap-1080p"), _video(), 0, bundled) is None


def test_defaults_read_from_the_datasets(venue):
    """A lifetime left empty reads the dataset's (device.tv.lifetime = 8 → 10)."""
    p = parse_project({"name": "P", "services": [{"name": "S", "kind": "onsite_screens",
                       "days_open_per_year": 300, "equipment": [
                           {"device": "tv", "count": 2, "hours_per_day": 10},
                           {"device": "kiosk", "count": 1, "hours_per_day": 10,
                            "lifetime": 4}]}]})
    m = match_rule(load_catalogue().rule("screens-display-lifetime"), p, 0, venue)
    assert m.overrides == {"services[0].equipment[0].lifetime": 10.0}
    m = match_rule(load_catalogue().rule("screens-kiosk-lifetime"), p, 0, venue)
    assert m.overrides == {"services[0].equipment[1].lifetime": 6.0}


def test_disk_copies_to_tape_keeps_one_disk_copy():
    copies = [{"media": "hdd", "count": 2, "country": None},
              {"media": "ssd", "count": 1, "country": "DE"},
              {"media": "tape", "count": 1, "country": None}]
    assert disk_copies_to_tape(copies) == [
        {"media": "hdd", "count": 1, "country": None},
        {"media": "tape", "count": 2, "country": None},
        {"media": "tape", "count": 1, "country": "DE"}]
    one = [{"media": "hdd", "count": 1, "country": None}]
    assert disk_copies_to_tape(one) == one


def test_texts_in_both_languages_with_their_numbers():
    params = {"service": "Opera", "elements": [], "pue_old": [1.46], "pue_new": [1.3]}
    rule = load_catalogue().rule("live-transcoding-pue")
    assert render(rule.text["en"].detail, params, "en") == \
        "Opera: PUE 1.46 → 1.3 for the transcoding servers."
    assert render(rule.text["fr"].detail, params, "fr") == \
        "Opera : PUE 1,46 → 1,3 pour les serveurs de transcodage."


# -- every rule applies somewhere -----------------------------------------------------
def _edited(path, edit):
    data = footprint.read_project(ROOT / "sample_projects" / path).model_dump(mode="json")
    edit(data)
    return parse_project(data)


def _extra_projects():
    """Samples varied so that every rule of the catalogue finds something to change."""
    def uhd(d):
        d["services"][0]["quality_mix"] = {"hd": 0.5, "uhd": 0.5}

    def pl(d):
        d["hosting_country"] = "PL"

    def pc(d):
        d["services"][1]["at_home"]["device"] = "pc_vr"

    extra = [_edited("opera_live_replay.yaml", uhd), _edited("museum_website.yaml", pl),
             _edited("vr_heritage_site.yaml", pc)]
    if "video_conference" in KINDS:
        extra.append(parse_project({"name": "Workshops", "services": [
            {"name": "Online workshops", "kind": "video_conference", "sessions": 40,
             "duration": "90 min", "participants": 12, "quality": "hd"}]}))
    return extra


def _expected_rules():
    """Ids of the rules whose kinds exist."""
    return {r.id for r in load_catalogue().rules if set(r.kinds) & set(KINDS)}


def test_every_rule_applies_somewhere(bundled):
    projects = [footprint.read_project(f) for f in SAMPLES] + _extra_projects()
    seen = {m.rule.id for p in projects for m in matches(p, bundled)}
    assert seen == _expected_rules()


def test_every_rule_gives_a_valid_project(bundled):
    """Each rule's edits, written into the project's data, validate as a project."""
    projects = [footprint.read_project(f) for f in SAMPLES] + _extra_projects()
    for project in projects:
        for m in matches(project, bundled):
            data = project.model_dump(mode="json")
            for edit in m.edits:
                node, steps = data, edit.path.replace("]", "").replace("[", ".").split(".")
                for step in steps[:-1]:
                    node = node[int(step)] if step.isdigit() else node[step]
                node[steps[-1]] = edit.new
            parse_project(data)  # raises ProjectError if the change is invalid
