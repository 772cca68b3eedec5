"""Every parameter of every kind is labelled and explained in both languages (the form's
label and « ? »): a new kind or parameter fails here until its texts are written."""

from __future__ import annotations

from collections import defaultdict

import pytest

pytest.importorskip("streamlit")

from footprint.archetypes import KINDS  # noqa: E402
from footprint.schema.describe import fields  # noqa: E402
from ui.form import help_key  # noqa: E402
from ui.messages import en, fr, help_en, help_fr  # noqa: E402


def _parameters():
    for kind, module in sorted(KINDS.items()):
        for spec in fields(module.Service):
            yield kind, spec


def test_every_parameter_has_a_label_and_help_in_french_and_english():
    missing = []
    for kind, spec in _parameters():
        for catalog, lang in ((fr.MESSAGES, "fr"), (en.MESSAGES, "en")):
            if not catalog.get(f"param_{spec.name}", "").strip():
                missing.append(f"{lang} label: {kind}.{spec.name}")
        key = help_key(kind, spec.name)
        if key is None or not help_fr.HELP[key].strip():
            missing.append(f"fr help: {kind}.{spec.name}")
        if not (help_en.HELP.get(key or spec.name, "").strip() or spec.description.strip()):
            missing.append(f"en help: {kind}.{spec.name}")
    assert not missing, missing


def _settings():
    """The project settings the Describe page shows, with their nested groups' fields."""
    from footprint.schema import Project
    from ui.describe import _SETTINGS_SKIP

    for spec in fields(Project):
        if spec.name in _SETTINGS_SKIP:
            continue
        yield spec.name, spec
        if spec.widget == "model":
            for sub in fields(spec.model):
                yield f"{spec.name}.{sub.name}", sub


def test_every_project_setting_has_a_label_and_help_in_french_and_english():
    missing = []
    for path, spec in _settings():
        for catalog, lang in ((fr.MESSAGES, "fr"), (en.MESSAGES, "en")):
            if not catalog.get(f"param_{spec.name}", "").strip():
                missing.append(f"{lang} label: {path}")
        key = help_key("project", path)
        if key is None:
            missing.append(f"fr help: {path}")
        if not (help_en.HELP.get(f"project.{path}", "").strip() or spec.description.strip()):
            missing.append(f"en help: {path}")
    assert not missing, missing


def test_one_french_help_per_english_meaning_and_none_left_over():
    """Two kinds whose schema explains a parameter differently get different French texts
    (``kind.name`` keys), the same explanation one text; no key names a parameter that
    no longer exists."""
    meanings = defaultdict(set)
    for kind, spec in _parameters():
        if spec.description:
            meanings[help_key(kind, spec.name)].add(spec.description)
    assert {k: v for k, v in meanings.items() if len(v) > 1} == {}
    used = {help_key(kind, spec.name) for kind, spec in _parameters()} | \
        {help_key("project", path) for path, _spec in _settings()}
    assert set(help_fr.HELP) - used == set()
    assert set(help_en.HELP) <= used


def test_the_describe_form_shows_the_french_help(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.test_app import ROOT

    monkeypatch.setenv("FOOTPRINT_WORKSPACE", str(tmp_path / "ws.sqlite"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["s"] = "opera_live_replay.yaml"
    at.switch_page("pages/1_Describe.py")
    at.run()
    assert not at.exception, at.exception
    box = next(w for w in at.text_input if w.label == "Distance du car régie [km]")
    assert box.help.startswith("Distance parcourue par un car régie")
    # a group explained above its table, in French (what it is; the table shows the rest)
    assert help_fr.HELP["production_equipment"] in [m.value for m in at.markdown]
    # a project setting, nested in a group, in French
    allocation = next(w for w in at.selectbox
                      if w.label == "Partage de la fabrication des terminaux")
    assert allocation.help.startswith("Comment la fabrication d'un terminal est partagée")
    at.button(key="lang_toggle").click().run()
    box = next(w for w in at.text_input if w.label == "Outside-broadcast van distance [km]")
    assert box.help.startswith("Distance an outside-broadcast van drives")
