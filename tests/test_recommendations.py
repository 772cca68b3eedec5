"""Eco-design suggestions: the catalogue (data, validated), its operations on hand-made
services, savings computed by hand on round-number factors, every rule's saving equal
to the difference of two assessments, the combined scenario, texts in both languages."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from pydantic import ValidationError

import footprint
from footprint import parse_project
from footprint.archetypes import KINDS
from footprint.recommendations import load_catalogue, match_rule, matches, suggest
from footprint.recommendations.catalogue import CRITERIA, Catalogue, Rule
from footprint.recommendations.changes import disk_copies_to_tape
from footprint.recommendations.text import render
from footprint.scenarios import apply_overrides
from tests.helpers import cc

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
    ({"text": {"en": {"title": "x", "detail": "y", "not_modelled": "z"},
               "fr": {"title": "x", "detail": "y"}}}, "not_modelled in both"),
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
    # one step down: uhd 0.2 → full_hd, full_hd 0.3 → hd, hd 0.4 → sd, sd stays; and
    # autoplay off (the sobriety mode's second half)
    assert step == {"services[0].quality_mix": {"sd": 0.5, "hd": 0.3, "full_hd": 0.2,
                                                "uhd": 0.0},
                    "services[0].autoplay": False}
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


def test_what_is_not_modelled_is_said_in_each_language(bundled):
    project = _video(hours_viewed=1000, quality_mix={"sd": 0.0, "hd": 0.5, "full_hd": 0.2,
                                                     "uhd": 0.3})
    result = suggest(project, draws=50, seed=0, factors=bundled)
    sobriety = next(s for s in result.items if s.id == "video-sobriety-mode")
    assert sobriety.not_modelled("fr") == ("Une borne haute : chaque spectateur est supposé "
                                           "garder la définition par défaut.")
    assert sobriety.not_modelled("en").startswith("An upper bound")
    as_data = {d["id"]: d for d in result.to_dict("fr")["suggestions"]}
    assert as_data["video-sobriety-mode"]["not_modelled"] == sobriety.not_modelled("fr")


# -- savings computed by hand (round-number factors, tests/venue_factors.py) ----------
def _screens():
    # 2 TVs, 10 h a day, 300 days; no reporting period: one year
    return parse_project({"name": "Screens", "services": [{
        "name": "Gallery", "kind": "onsite_screens", "days_open_per_year": 300,
        "equipment": [{"device": "tv", "name": "wall screens", "count": 2,
                       "hours_per_day": 10}]}]})


def test_screen_savings_by_hand(venue):
    # Baseline: on 2 × 10 h × 300 d × 100 W = 600 kWh; standby (device.tv.standby_power
    # 1 W) 2 × ((24 − 10) × 300 + 24 × 65) = 11,520 h → 11.52 kWh; electricity × 0.05
    # = 30.576 kg; manufacture 2 TVs × 1/8 year × 320 = 80 kg. Total 110.576 kgCO2e.
    base = footprint.assess(_screens(), venue)
    assert cc(base) == pytest.approx(110.576)
    result = suggest(_screens(), factors=venue, draws=200, seed=1)
    by_id = {s.id: s for s in result}
    # switched off outside hours: no standby, 11.52 kWh × 0.05 = 0.576 kg saved
    assert by_id["screens-switch-off"].saving() == pytest.approx(0.576)
    # TVs kept 10 years instead of 8: 2 × 320 × (1/8 − 1/10) = 16 kg
    assert by_id["screens-display-lifetime"].saving() == pytest.approx(16.0)
    # 9 h instead of 10: on −2 × 300 × 100 W = −60 kWh; standby +2 × 300 h × 1 W
    # = +0.6 kWh; (60 − 0.6) × 0.05 = 2.97 kg
    assert by_id["screens-hours-on"].saving() == pytest.approx(2.97)
    assert [s.id for s in result] == ["screens-display-lifetime", "screens-hours-on",
                                      "screens-switch-off"]
    # all three together (they edit different fields): lifetime 10, 9 h, no standby:
    # 2 × 9 × 300 × 0.1 kWh = 540 kWh × 0.05 = 27 kg + 64 kg = 91 kg → 19.576 kg saved
    assert result.combined.saving() == pytest.approx(19.576)
    assert set(result.combined.members) == {f"{s.id} (Gallery)" for s in result}
    # the test factors have no range: every draw gives the computed saving
    row = by_id["screens-switch-off"].savings.iloc[0]
    assert row["saving_p5"] == pytest.approx(0.576) and row["saving_p95"] == \
        pytest.approx(0.576)
    assert row["p_saving_positive"] == 1.0
    assert row["saving_pct"] == pytest.approx(100 * 0.576 / 110.576)


# -- every rule, two assessments apart (bundled data) ---------------------------------
def _extra_projects():
    """Samples varied so that every rule of the catalogue finds something to change."""
    opera = footprint.read_project(ROOT / "sample_projects" / "opera_live_replay.yaml")
    web = footprint.read_project(ROOT / "sample_projects" / "museum_website.yaml")
    vr = footprint.read_project(ROOT / "sample_projects" / "vr_heritage_site.yaml")
    extra = [
        apply_overrides(opera, {"services[0].quality_mix": {"hd": 0.5, "uhd": 0.5},
                                "services[0].autoplay_share": 0.2}),
        apply_overrides(web, {"hosting_country": "PL", "services[0].autoplay_kb": 400}),
        apply_overrides(vr, {"services[1].at_home.device": "pc_vr"}),
    ]
    if "video_conference" in KINDS:
        extra.append(parse_project({"name": "Workshops", "services": [
            {"name": "Online workshops", "kind": "video_conference", "sessions": 40,
             "duration": "90 min", "participants": 12, "quality": "hd"}]}))
    return extra


def _expected_rules():
    """Ids of the rules whose kinds exist."""
    return {r.id for r in load_catalogue().rules if set(r.kinds) & set(KINDS)}


def _all_projects():
    return [footprint.read_project(f) for f in SAMPLES] + _extra_projects()


def test_every_rule_applies_somewhere(bundled):
    seen = {m.rule.id for p in _all_projects() for m in matches(p, bundled)}
    assert seen == _expected_rules()


def test_every_saving_is_the_difference_of_two_assessments(bundled):
    checked = set()
    for project in _all_projects():
        base = cc(footprint.assess(project, bundled))
        result = suggest(project, factors=bundled, draws=None)
        for s in list(result) + list(result.no_effect):
            if s.id in checked:  # each rule once: the full assessments are the slow part
                continue
            variant = footprint.assess(apply_overrides(project, s.overrides), bundled)
            assert s.saving() == pytest.approx(base - cc(variant), rel=1e-9, abs=1e-9), s.id
            checked.add(s.id)
        savings = [s.saving() for s in result]
        assert savings == sorted(savings, reverse=True)
        if result.combined is not None:
            variant = footprint.assess(apply_overrides(project, result.combined.overrides),
                                       bundled)
            assert result.combined.saving() == pytest.approx(base - cc(variant))
    assert checked == _expected_rules()


def test_conflicting_changes_keep_the_larger_saving(bundled):
    """Sobriety mode, SD and 1080p all rewrite the quality mix: one of them only (the
    largest saving) goes into the combined scenario."""
    project = _extra_projects()[0]
    result = suggest(project, factors=bundled, draws=None)
    mix = [s for s in result if "services[0].quality_mix" in s.overrides]
    assert len(mix) == 3
    best = max(mix, key=lambda s: s.saving())
    members = [m.split(" (")[0] for m in result.combined.members]
    assert best.id in members and not {s.id for s in mix if s is not best} & set(members)
    assert result.combined.overrides["services[0].quality_mix"] == \
        best.overrides["services[0].quality_mix"]


def test_common_random_numbers_reproducible(bundled):
    project = footprint.read_project(ROOT / "sample_projects" / "podcast_series.yaml")
    a = suggest(project, factors=bundled, draws=300, seed=7).table()
    b = suggest(project, factors=bundled, draws=300, seed=7).table()
    assert a.equals(b)
    assert a["p_saving_positive"].between(0, 1).all()
    assert (a["saving_p5"] <= a["saving_p95"]).all()


def test_a_suggestion_becomes_a_scenario(bundled):
    from footprint.schema import Scenario

    project = footprint.read_project(ROOT / "sample_projects" / "archive_digitisation.yaml")
    result = suggest(project, factors=bundled, draws=None)
    top = result.items[0]
    scenario = top.to_scenario("fr")
    assert isinstance(scenario, Scenario)
    assert scenario.overrides == top.overrides and scenario.name.endswith("Notarial fonds")
    with_scenario = project.model_copy(update={"scenarios": [scenario]})
    variant = footprint.assess(apply_overrides(with_scenario, scenario.overrides), bundled)
    assert cc(footprint.assess(project, bundled)) - cc(variant) == pytest.approx(top.saving())


def test_no_rule_for_a_custom_project(bundled):
    project = footprint.read_project(ROOT / "sample_projects" /
                                     "collections_database_custom.yaml")
    result = suggest(project, factors=bundled, draws=None)
    assert len(result) == 0 and result.combined is None


def test_bad_language_is_named(bundled):
    result = suggest(_screens(), factors=bundled, draws=None)
    with pytest.raises(footprint.ProjectError, match="language 'de'"):
        result.items[0].title("de")
