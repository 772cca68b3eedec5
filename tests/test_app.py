"""The Streamlit app through AppTest (no browser): every page from a clean session and
with each sample, asserting on what the page shows; the catalogs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
streamlit = pytest.importorskip("streamlit")
from babel.numbers import format_decimal  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

import footprint  # noqa: E402

SAMPLES = sorted(p.name for p in (ROOT / "sample_projects").glob("*.yaml"))


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch):
    """Each test gets its own empty SQLite workspace."""
    monkeypatch.setenv("FOOTPRINT_WORKSPACE", str(tmp_path / "ws.sqlite"))
    streamlit.cache_resource.clear()
    yield tmp_path / "ws.sqlite"
    streamlit.cache_resource.clear()


def app(page: str | None = None, **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    if page:
        at.switch_page(page)
    return at


def fr(value: float) -> str:
    """A figure as the app shows it in French: 3 significant digits, babel's fr_FR."""
    return format_decimal(float(f"{value:.3g}"), locale="fr_FR", decimal_quantization=False)


def en(value: float) -> str:
    return format_decimal(float(f"{value:.3g}"), locale="en_GB", decimal_quantization=False)


def sample_title_en(name: str) -> str:
    from ui.messages.en import MESSAGES

    return MESSAGES["sample_" + name.removesuffix(".yaml")]


def metric(at, label_start: str) -> str:
    found = [m.value for m in at.metric if m.label.startswith(label_start)]
    assert found, [m.label for m in at.metric]
    return found[0]


# -- catalogs ----------------------------------------------------------------------------

def test_catalogs_have_the_same_keys_and_cover_ids():
    from footprint.archetypes import KINDS
    from footprint.schema.base import INDICATORS, STAGES, TIERS
    from ui.i18n import CATALOGS

    fr_keys, en_keys = set(CATALOGS["fr"]), set(CATALOGS["en"])
    assert fr_keys - en_keys == set(), "missing in English"
    assert en_keys - fr_keys == set(), "missing in French"
    assert all(v.strip() for cat in CATALOGS.values() for v in cat.values())
    for ident in (*KINDS, *TIERS, *STAGES, *INDICATORS):
        assert ident in fr_keys, ident
    for name in SAMPLES:  # every sample has a title in both languages
        assert "sample_" + name.removesuffix(".yaml") in fr_keys, name


def test_error_messages_render_in_french_with_their_parameters():
    from ui import i18n

    streamlit.session_state["lang"] = "fr"
    try:
        with pytest.raises(footprint.ProjectError) as info:
            footprint.parse_project("name: x\nservices:\n  - {name: s, kind: live_event, "
                                    "event_duration: 2, live_viewers: -5}\n")
        assert i18n.error_lines(info.value) == [
            ("services[0].live_viewers", "doit être supérieur ou égal à 0")]
    finally:
        streamlit.session_state.clear()


# -- home ----------------------------------------------------------------------------------

def test_home_clean_session_french_headline_matches_the_library():
    at = app().run()
    assert not at.exception
    assert at.title[0].value == "Empreinte environnementale des services numériques culturels"
    result = footprint.assess(footprint.read_project(ROOT / "sample_projects" /
                                                     "opera_live_replay.yaml"))
    assert metric(at, "Changement climatique") == \
        f"{fr(result.total().m_as('tCO2e'))} tCO2e"
    assert metric(at, "Électricité") == f"{fr(result.electricity().m_as('MWh'))} MWh"
    assert at.query_params["s"] == "opera_live_replay.yaml"
    # the sidebar's translated navigation
    links = [e.proto.label for e in at.sidebar.get("page_link")]
    assert links[:3] == ["Accueil", "Décrire", "Résultats"]


@pytest.mark.parametrize("name", SAMPLES)
def test_home_opens_each_sample_in_english(name):
    at = app().run()
    at.button(key="lang_toggle").click().run()
    assert at.title[0].value == "Environmental footprint of digital cultural services"
    at.selectbox(key="sample.en").set_value(sample_title_en(name)).run()
    at.button(key="open_sample").click().run()
    assert not at.exception, name
    assert not at.error, [e.value for e in at.error]
    result = footprint.assess(footprint.read_project(ROOT / "sample_projects" / name))
    total = metric(at, "Climate change")
    value, unit = total.rsplit(" ", 1)
    assert value == en(result.total().m_as(unit)), (name, total)
    assert at.query_params["s"] == name and at.query_params["lang"] == "en"


def test_new_project_from_a_template_is_saved_and_survives_a_reload(workspace):
    at = app().run()
    at.selectbox(key="new_kind.fr").set_value("Événement diffusé en direct").run()
    at.text_input(key="new_name").input("Concert du printemps").run()
    at.button(key="create").click().run()
    assert not at.exception
    from ui.workspace import Workspace

    saved = Workspace(f"sqlite:///{workspace}").projects()
    assert [(p.name, p.versions) for p in saved] == [("Concert du printemps", 1)]
    pid = str(saved[0].id)
    # a browser reload: a new session with the URL's query parameters
    again = app(p=pid, lang="en").run()
    assert not again.exception
    assert again.header[0].value.endswith("Concert du printemps")
    assert again.title[0].value.startswith("Environmental")


def test_malformed_upload_is_refused_in_french_and_the_project_stays():
    at = app().run()
    before = metric(at, "Changement climatique")
    from streamlit.runtime.uploaded_file_manager import UploadedFileRec  # noqa: F401

    bad = b"name: x\nservices:\n  - {name: s, kind: live_event, event_duration: -1, " \
          b"live_viewers: 10}\n"
    uploader = at.get("file_uploader")[0] if at.get("file_uploader") else None
    if uploader is None or not hasattr(uploader, "set_value"):
        pytest.skip("this Streamlit's AppTest cannot upload files (covered in test_e2e)")
    uploader.set_value([("bad.yaml", bad, "application/yaml")]).run()
    assert any("bad.yaml" in e.value for e in at.error)
    assert metric(at, "Changement climatique") == before


# -- results -------------------------------------------------------------------------------

def test_results_page_shows_charts_tables_and_the_switches():
    at = app("pages/2_Results.py").run()
    assert not at.exception
    subheaders = [s.value for s in at.subheader]
    for title in ("Par étape du cycle de vie et par tiers", "Par tiers",
                  "Par étape du cycle de vie", "Par service", "Tous les indicateurs"):
        assert title in subheaders
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert len(specs) == 4
    # colours keyed on tier ids, the same in both languages
    from footprint.charts import PALETTE

    color = specs[0]["encoding"]["color"]
    assert color["field"] == "tier"
    assert color["scale"]["range"] == [PALETTE[i] for i in color["scale"]["domain"]]
    # the switches re-assess: calendar-time allocation changes the total as the library does
    project = footprint.read_project(ROOT / "sample_projects" / "opera_live_replay.yaml")
    at.radio(key="allocation.fr").set_value(
        "au prorata du temps calendaire (Boavizta)").run()
    expected = footprint.assess(project, allocation="calendar_time").total()
    value, unit = metric(at, "Changement climatique").rsplit(" ", 1)
    assert value == fr(expected.m_as(unit))


def test_results_website_methods_beside_ours():
    at = app("pages/2_Results.py", s="museum_website.yaml").run()
    assert not at.exception
    assert "Sites web : nos chiffres et les méthodes publiées" in [s.value for s in at.subheader]
    result = footprint.assess(footprint.read_project(ROOT / "sample_projects" /
                                                     "museum_website.yaml"))
    q = result.quantities
    swd = q[(q["quantity"] == "method.swd_v4") & (q["service"] == "Museum website")]["value"]
    table = next(d.value for d in at.dataframe if "SWD v4 (kgCO2e)" in d.value.columns)
    row = table[table["Service"] == "Museum website"].iloc[0]
    assert row["SWD v4 (kgCO2e)"] == fr(float(swd.iloc[0]))
    assert row["footprint (kgCO2e)"] == fr(result.by_service()["Museum website"])


# -- describe ------------------------------------------------------------------------------

def _field(at, label: str):
    found = [w for w in at.text_input if w.label == label]
    assert found, [w.label for w in at.text_input]
    return found[0]


def test_describe_errors_under_the_field_then_fix_and_save(workspace):
    at = app().run()
    at.selectbox(key="new_kind.fr").set_value("Événement diffusé en direct").run()
    at.button(key="create").click().run()
    at.switch_page("pages/1_Describe.py").run()
    assert not at.exception
    _field(at, "Spectateurs simultanés en direct").input("-5").run()
    at.button(key="save").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert "doit être supérieur ou égal à 0" in errors
    assert _field(at, "Spectateurs simultanés en direct").value == "-5"  # nothing lost
    _field(at, "Spectateurs simultanés en direct").input("2 000").run()
    _field(at, "Heures de rediffusion vues [h]").input("1500,5").run()
    at.button(key="save").click().run()
    assert not at.exception
    from ui.workspace import Workspace

    ws = Workspace(f"sqlite:///{workspace}")
    pid = ws.projects()[0].id
    saved = footprint.parse_project(ws.load(pid))
    assert saved.services[0].live_viewers == 2000
    assert saved.services[0].replay_hours_viewed == 1500.5
    assert [v.number for v in ws.versions(pid)] == [2, 1]


def test_describe_every_sample_renders_its_form():
    for name in SAMPLES:
        at = app("pages/1_Describe.py", s=name).run()
        assert not at.exception, name
        assert not at.error, (name, [e.value for e in at.error])
        assert _field(at, "Nom").value  # the project's name is in the form


def test_describe_saving_an_untouched_sample_keeps_its_footprint(workspace):
    """The form round-trips a project: saving without a change gives the same result."""
    at = app("pages/1_Describe.py", s="museum_website.yaml").run()
    at.button(key="save").click().run()
    assert not at.exception and not at.error
    from ui.workspace import Workspace

    ws = Workspace(f"sqlite:///{workspace}")
    saved = footprint.parse_project(ws.load(ws.projects()[0].id))
    original = footprint.read_project(ROOT / "sample_projects" / "museum_website.yaml")
    assert footprint.assess(saved).total().m == pytest.approx(
        footprint.assess(original).total().m, rel=1e-12)


# -- emission factors ----------------------------------------------------------------------

def test_factors_page_search_filters_rows():
    at = app("pages/6_Emission_factors.py").run()
    assert not at.exception
    reg = footprint.default_registry()
    assert f"{len(reg.factors)} ligne(s) sur {len(reg.factors)}" in [m.value for m in at.markdown]
    at.text_input(key="factor_search").input("device.camera_broadcast").run()
    table = at.dataframe[0].value
    assert set(table["Facteur"]) == {"device.camera_broadcast"}
    assert set(table["Qualité"]) == {"estimation"}  # labelled estimate wherever shown
    assert table["Licence"].notna().all()


def test_headline_says_when_the_total_is_incomplete():
    """The note under the headline: from the library's coverage status when totals()
    has one, else from the count of parts without a factor."""
    import pandas as pd

    from ui.widgets import incomplete_note

    class Result:
        def __init__(self, **row):
            self.row = {"indicator": "climate_change", **row}

        def totals(self):
            return pd.DataFrame([self.row])

    streamlit.session_state["lang"] = "fr"
    try:
        assert incomplete_note(Result(rows_not_covered=0)) is None
        assert incomplete_note(Result(rows_not_covered=3)).startswith(
            "Total incomplet : 3 partie(s)")
        assert incomplete_note(Result(rows_not_covered=2, status="partial")) is None
        note = incomplete_note(Result(rows_not_covered=2, status="incomplete",
                                      missing="networks", share_not_covered=0.25))
        assert note == ("Total incomplet : networks non couvert (part manquante estimée : "
                        "25 %). Voir « À lire ».")
    finally:
        streamlit.session_state.clear()
