"""The main flow in a real headless Chromium: a new project typed into the form (a
streamed concert with its replay), its headline checked against the library, English,
an eco-design suggestion turned into a scenario and compared (figures equal to
``footprint.compare``), the XLSX downloaded and opened, then a server restart that finds
the project again."""

from __future__ import annotations

import io

import openpyxl
import pytest
from babel.numbers import format_decimal, format_percent
from playwright.sync_api import Page, expect

import footprint

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)


def fill(page: Page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.fill(value)
    box.press("Enter")
    page.wait_for_timeout(300)


def pick(page: Page, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.get_by_role("option", name=option, exact=True).click()


def nav(page: Page, name: str) -> None:
    """Follow the sidebar's link to a page (the session, and its project, are kept)."""
    page.get_by_test_id("stSidebar").get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()


def en(value: float, digits: int = 3) -> str:
    """A figure as the app shows it in English (``digits`` significant digits)."""
    return format_decimal(float(f"{value:.{digits}g}"), locale="en_GB",
                          decimal_quantization=False)


def test_new_concert_with_replay_from_the_form_survives_a_restart(page: Page,
                                                                   streamlit_server):
    page.goto(streamlit_server.url)
    expect(page.get_by_role("heading", name="Empreinte environnementale des services "
                                             "numériques culturels")).to_be_visible()
    pick(page, "Type de service", "Événement diffusé en direct")
    fill(page, "Nom du projet", "Concert de printemps")
    page.get_by_role("button", name="Créer le projet").click()
    expect(page.get_by_role("heading", name="Décrire")).to_be_visible()
    fill(page, "Durée de l'événement [h]", "1 h 30 min")  # not a number: refused
    page.get_by_role("button", name="Enregistrer et calculer").click()
    expect(page.get_by_text("problème(s) à corriger", exact=False)).to_be_visible()
    expect(page.get_by_label("Durée de l'événement [h]", exact=True)).to_have_value(
        "1 h 30 min")  # nothing typed is lost
    fill(page, "Durée de l'événement [h]", "1,5")
    fill(page, "Spectateurs simultanés en direct", "800")
    fill(page, "Heures de rediffusion vues [h]", "2 500")
    page.get_by_role("button", name="Enregistrer et calculer").click()
    expect(page.get_by_role("heading", name="Résultats")).to_be_visible()

    from ui.workspace import Workspace

    ws = Workspace(f"sqlite:///{streamlit_server.workspace}")
    saved = ws.projects()
    assert [p.name for p in saved] == ["Concert de printemps"]
    project = footprint.parse_project(ws.load(saved[0].id))
    service = project.services[0]
    assert (service.event_duration, service.live_viewers, service.replay_hours_viewed) == \
        (1.5, 800, 2500)
    total = footprint.assess(project).total()
    unit = "tCO2e" if total.m_as("tCO2e") >= 1 else "kgCO2e"
    shown = format_decimal(float(f"{total.m_as(unit):.3g}"), locale="fr_FR")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{shown} {unit}")

    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Results")).to_be_visible()
    shown_en = format_decimal(float(f"{total.m_as(unit):.3g}"), locale="en_GB")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{shown_en} {unit}")

    # eco-design: the first suggestion becomes a scenario of the project
    registry = footprint.default_registry()
    first = next(iter(footprint.suggest(project, draws=200, seed=0, factors=registry)))
    scenario = first.to_scenario("en").name
    nav(page, "Eco-design")
    page.get_by_role("button", name="Make it a scenario").first.click()
    expect(page.get_by_role("heading", name="Scenarios", exact=True)).to_be_visible()
    row = page.get_by_role("row").filter(has_text=scenario)
    expect(row).to_be_visible()

    # the comparison shown equals the library's on the saved project
    project = footprint.parse_project(ws.load(saved[0].id))
    assert [s.name for s in project.scenarios] == [scenario]
    c = footprint.compare(project, draws=200, seed=0, indicators=("climate_change",),
                          factors=registry)
    d = c.deltas[(c.deltas["level"] == "total") &
                 (c.deltas["indicator"] == "climate_change")].set_index("scenario").loc[scenario]
    assert d["delta"] < 0  # a suggestion saves something
    for shown in (en(d["delta"]), en(d["delta_pct"], 2),
                  format_percent(d["p_lower"], locale="en_GB", decimal_quantization=False)):
        expect(row.get_by_role("cell", name=shown, exact=True)).to_be_visible()

    # export: the workbook downloaded from the page holds the project's tables
    nav(page, "Export")
    with page.expect_download() as download:
        page.get_by_role("button", name="Excel workbook (XLSX)").click()
    book = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes()))
    assert {"Summary", "Stage x tier", "Services", "Scenarios", "Factors"} <= \
        set(book.sheetnames)
    summary = {r[0]: r for r in book["Summary"].iter_rows(values_only=True) if r[0]}
    assert summary["Indicator"][2] == "Total"
    assert summary["climate_change"][2] == pytest.approx(total.m_as("kgCO2e"), rel=1e-12)
    scenarios = [r for r in book["Scenarios"].iter_rows(values_only=True)]
    assert any(scenario in r for r in scenarios)

    streamlit_server.stop()  # a server restart: the project is in the workspace
    streamlit_server.start()
    page.goto(streamlit_server.url + "/?lang=en")
    page.get_by_role("tab", name="Reopen a saved project").click()
    page.get_by_role("button", name="Open this version").click()
    expect(page.get_by_role("heading", name="At a glance — Concert de printemps")) \
        .to_be_visible()
