"""The main flow in a real headless Chromium: a new project typed into the form (a
streamed concert with its replay), its headline checked against the library, English,
then a server restart that finds the project again."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
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

    streamlit_server.stop()  # a server restart: the project is in the workspace
    streamlit_server.start()
    page.goto(streamlit_server.url + "/?lang=en")
    page.get_by_role("tab", name="Reopen a saved project").click()
    page.get_by_role("button", name="Open this version").click()
    expect(page.get_by_role("heading", name="At a glance — Concert de printemps")) \
        .to_be_visible()
