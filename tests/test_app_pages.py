"""AppTest of the Scenarios, Eco-design and Export pages (libraries of issues 10 and 11)."""

from __future__ import annotations

import pytest

from tests.test_app import ROOT, app, en, fr, metric  # noqa: F401  (shared helpers)
from tests.test_app import workspace  # noqa: F401

import footprint

pytest.importorskip("streamlit")


def _sample(name):
    return footprint.read_project(ROOT / "sample_projects" / name)


def test_scenarios_page_compares_like_the_library():
    project = _sample("opera_live_replay.yaml")
    if not project.scenarios:
        pytest.skip("the sample has no scenarios")
    at = app("pages/3_Scenarios.py", s="opera_live_replay.yaml").run()
    assert not at.exception, at.exception
    at.radio(key="draws.fr").set_value("200").run()  # 200 or "1 000" (babel's fr_FR)
    c = footprint.compare(project, draws=200, seed=0, indicators=("climate_change",))
    table = next(d.value for d in at.table if "Probabilité d'être plus bas" in d.value.columns)
    totals = c.totals.set_index("scenario")
    assert list(table["Scénario"]) == ["Référence"] + list(c.scenarios[1:])
    assert table.iloc[0]["Valeur (kgCO2e)"] == fr(totals.loc["baseline", "value"])
    deltas = c.deltas[(c.deltas["level"] == "total")].set_index("scenario")
    name = c.scenarios[1]
    from babel.numbers import format_percent

    assert table.iloc[1]["Probabilité d'être plus bas"] == format_percent(
        deltas.loc[name, "p_lower"], locale="fr_FR", decimal_quantization=False)
    # the tornado with its table, the inputs' stages in French
    assert "Ce qui pèse le plus (tornade)" in [s.value for s in at.subheader]
    inputs = next(d.value for d in at.dataframe if "Donnée d'entrée" in d.value.columns)
    factors = inputs[inputs["Type"] == "facteur"]["Donnée d'entrée"]
    assert len(factors) and all(n.endswith(("Fabrication", "Usage", "Distribution",
                                            "Fin de vie")) for n in factors), list(factors)


def test_a_scenario_typed_in_the_form_is_saved_with_the_project(workspace):  # noqa: F811
    at = app("pages/3_Scenarios.py", s="podcast_series.yaml").run()
    assert not at.exception
    at.text_input(key="scenario_name").input("Moins d'écoutes").run()
    param = next(s for s in at.selectbox if str(s.key).startswith("scenario_param_"))
    assert "Écoutes" in param.options
    param.select_index(param.options.index("Écoutes")).run()
    at.text_input(key="scenario_value").input("1000").run()
    at.button(key="add_scenario").click().run()
    from ui.workspace import Workspace

    ws = Workspace(f"sqlite:///{workspace}")
    saved = footprint.parse_project(ws.load(ws.projects()[0].id))
    assert [s.name for s in saved.scenarios] == ["Moins d'écoutes"]
    assert saved.scenarios[0].overrides == {"services[Streamed listens].listens": "1000"}


def test_ecodesign_suggestion_becomes_a_scenario(workspace):  # noqa: F811
    at = app("pages/4_Eco-design.py", s="museum_website.yaml").run()
    assert not at.exception, at.exception
    buttons = [b for b in at.button if str(b.key).startswith("to_scenario_")]
    assert buttons, "no suggestion for the website sample"
    buttons[0].click().run()
    from ui.workspace import Workspace

    ws = Workspace(f"sqlite:///{workspace}")
    saved = footprint.parse_project(ws.load(ws.projects()[0].id))
    assert len(saved.scenarios) == len(_sample("museum_website.yaml").scenarios) + 1


def test_export_page_offers_every_format():
    at = app("pages/7_Export.py").run()
    assert not at.exception, at.exception
    keys = {b.key for b in at.get("download_button")}
    assert {"download_xlsx", "download_csv", "download_json", "download_html",
            "download_pdf"} <= keys


def _band(project, allocation=None):
    from footprint.uncertainty import summary

    if allocation is not None:
        data = project.model_dump(mode="json", exclude_unset=True)
        data.setdefault("options", {})["allocation"] = allocation
        project = footprint.parse_project(data)
    row = summary(project, draws=1000, seed=0, indicators=("climate_change",),
                  levels=("total",)).iloc[0]
    return row["p5"], row["p95"]


def test_results_headline_band_is_the_library_monte_carlo():
    """The headline's P5–P95 is footprint.uncertainty.summary's (1000 draws, seed 0) in
    the headline's unit, in French then English, and follows the allocation switch."""
    from footprint.units import conversion_factor

    project = _sample("opera_live_replay.yaml")
    at = app("pages/2_Results.py").run()
    assert not at.exception, at.exception
    value, unit = metric(at, "Changement climatique").rsplit(" ", 1)
    k = conversion_factor("kgCO2e", unit)
    p5, p95 = _band(project)
    assert p5 < footprint.assess(project).total().m_as("kgCO2e") < p95
    lines = [m.value for m in at.markdown]
    assert f"Intervalle à 90 % (P5 – P95, Monte Carlo) : {fr(p5 * k)} – {fr(p95 * k)} " \
           f"{unit}" in lines
    # the extreme bounds are not in the headline, its help explains the band
    help_text = next(m.help for m in at.metric if m.label.startswith("Changement"))
    assert "1 000 tirages Monte Carlo (graine 0)" in help_text.replace("\u202f", " ")
    at.radio(key="allocation.fr").set_value(
        "au prorata du temps calendaire (Boavizta)").run()
    p5c, p95c = _band(project, "calendar_time")
    assert (p5c, p95c) != (p5, p95)
    value, unit = metric(at, "Changement climatique").rsplit(" ", 1)
    k = conversion_factor("kgCO2e", unit)
    assert f"Intervalle à 90 % (P5 – P95, Monte Carlo) : {fr(p5c * k)} – {fr(p95c * k)} " \
           f"{unit}" in [m.value for m in at.markdown]
    at.button(key="lang_toggle").click().run()  # the switches start again from the project's
    value, unit = metric(at, "Climate change").rsplit(" ", 1)
    k = conversion_factor("kgCO2e", unit)
    assert f"90 % interval (P5 – P95, Monte Carlo): {en(p5 * k)} – {en(p95 * k)} " \
           f"{unit}" in [m.value for m in at.markdown]


def test_results_equivalences_are_the_library_ones():
    from footprint.equivalences import equivalences

    at = app("pages/2_Results.py").run()
    assert not at.exception, at.exception
    total = footprint.assess(_sample("opera_live_replay.yaml")).total().m_as("kgCO2e")
    eq = {e["key"]: e["value"] for e in equivalences(total)}
    from babel.numbers import format_decimal

    assert metric(at, "heures de vidéo HD en streaming") == format_decimal(
        round(eq["streaming_hours"]), locale="fr_FR")
    assert metric(at, "fabrications de smartphones") == format_decimal(
        round(eq["smartphones"]), locale="fr_FR")
    assert any(m.value.startswith("Sources : ademe-acv-numerique-2.1.0") for m in at.markdown)


def test_small_figures_keep_their_digits_and_scenario_overrides_read_as_labels():
    at = app("pages/2_Results.py").run()
    assert not at.exception, at.exception
    totals = footprint.assess(_sample("opera_live_replay.yaml")).totals().set_index("indicator")
    table = next(d.value for d in at.dataframe if "Indicateur" in d.value.columns)
    row = table.set_index("Indicateur").loc["Particules fines"]
    pm = totals.loc["particulate_matter", "total"]
    assert 0 < pm < 0.001 and row["Valeur"] == fr(pm) and row["Valeur"].startswith("0,000")
    at = app("pages/3_Scenarios.py").run()
    assert not at.exception, at.exception
    shown = [d.value for d in at.dataframe if "Nouvelle valeur" in d.value.columns]
    params = [p for d in shown for p in d["Paramètre"]]
    values = [v for d in shown for v in d["Nouvelle valeur"]]
    # the opera sample's "HD instead of 4K": quality_mix {sd: 0.1, hd: 0.6, full_hd: 0.3}
    assert "Live stream and replay › Qualités vues" in params
    assert "SD 0,1 ; HD 0,6 ; Full HD 0,3" in values
    assert fr(54000) in values
    assert "Unité fonctionnelle › Quantité" in params
