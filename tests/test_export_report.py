"""The HTML/PDF report: figures in the language's number format, escaped project text, no
external resource, optional sections, byte-identical output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd
import pytest

import footprint
from footprint.export import to_html, to_pdf
from tests.test_export_balance import tiny_project
from tests.test_export_formats import HOSTILE, parse_hostile_project

WHEN = dt.datetime(2026, 12, 3, 10, 0, 0)
NNBSP = "\u202f"  # CLDR's French group separator


@pytest.fixture(scope="module")
def tiny_result(tiny):
    return footprint.assess(tiny_project(), tiny)


def test_headline_figures_follow_the_language(tiny_result, tiny):
    # total = 0.9125 + 21 + 0.2 + 5 + 0.9125 + 1 (BEGES) + 21.2 (audience devices' manufacture)
    #       = 50.225 kgCO2e
    fr = to_html(tiny_result, lang="fr", registry=tiny).decode("utf-8")
    en = to_html(tiny_result, lang="en", registry=tiny).decode("utf-8")
    assert '<html lang="fr">' in fr and '<html lang="en">' in en
    assert "50,2 kgCO2e" in fr and "50.2 kgCO2e" in en
    # BEGES 5.1 = 1.9125 kg = 0.00191 t; all 22 postes listed, unreached ones "not covered"
    assert "0,00191" in fr and "0.00191" in en
    assert fr.count("non couvert") >= 17 and "Pour information" in fr
    # equivalences: the registry's FR electricity (0.05 kgCO2e/kWh): 50.225 / 0.05 = 1,004.5;
    # ADEME's 67.8 gCO2e per hour of HD streaming: 50.225 / 0.0678 = 740.8 hours
    assert f"1{NNBSP}004</b> kWh" in fr and "1,004</b> kWh" in en
    assert "<b>741</b> heures de vidéo HD" in fr


def test_french_grouping_on_large_numbers():
    from footprint.export.labels import number

    assert number(1234.5, "fr", digits=5) == f"1{NNBSP}234,5"
    assert number(1234.5, "en", digits=5) == "1,234.5"
    assert number(float("nan"), "fr") == "non couvert"


def test_no_script_and_no_external_resource(tiny_result, tiny):
    html = to_html(tiny_result, lang="en", registry=tiny).decode("utf-8")
    assert "<script" not in html.lower()
    sources = re.findall(r'src="([^"]*)"', html)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    assert not re.search(r'href="(?!#)', html)


def test_hostile_project_text_is_escaped(tiny):
    project = parse_hostile_project()
    result = footprint.assess(project, tiny)
    result = dataclasses.replace(result, warnings=tuple(HOSTILE))
    html = to_html(result, lang="en", registry=tiny).decode("utf-8")
    assert "<script>" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "\u202e" not in html                      # bidi overrides dropped
    assert "y" * 300 not in html and "y" * 150 in html   # 10,000 characters cut in the report
    pdf = to_pdf(result, lang="en", registry=tiny)
    assert pdf.startswith(b"%PDF-")


def test_optional_sections(tiny_result, tiny):
    comparison = pd.DataFrame({"scenario": ["<lighter pages>"], "delta_kgco2e": [-12.5],
                               "p_lower": [0.97]})
    suggestions = pd.DataFrame({"rule": ["Serve 720p by default"], "saving_kgco2e": [3.25]})
    html = to_html(tiny_result, lang="fr", comparison=comparison, suggestions=suggestions,
                   registry=tiny).decode("utf-8")
    assert "<h2>Scénarios</h2>" in html and "&lt;lighter pages&gt;" in html
    assert "-12,5" in html and "Principales recommandations" in html and "3,25" in html
    plain = to_html(tiny_result, lang="fr", registry=tiny).decode("utf-8")
    assert "<h2>Scénarios</h2>" not in plain


def test_monte_carlo_interval_replaces_the_bounds(tiny_result, tiny):
    mc = pd.DataFrame({"p5": [40.0], "p95": [61.0]}, index=["all"])  # total + info line
    html = to_html(tiny_result, lang="en", uncertainty=mc, registry=tiny).decode("utf-8")
    assert "5%–95% interval (Monte Carlo): 40 – 61 kgCO2e" in html


def test_pdf_is_stable_and_dated_by_the_argument(tiny_result, tiny):
    a = to_pdf(tiny_result, lang="fr", generated=WHEN, registry=tiny)
    assert a == to_pdf(tiny_result, lang="fr", generated=WHEN, registry=tiny)
    plain = to_pdf(tiny_result, lang="fr", registry=tiny)
    assert plain == to_pdf(tiny_result, lang="fr", registry=tiny)
    later = to_pdf(tiny_result, lang="fr", generated=WHEN + dt.timedelta(days=1), registry=tiny)
    assert len({a, plain, later}) == 3                      # the date is the argument's


def test_no_audience_device_reads_none_not_not_covered(tiny):
    project = footprint.parse_project({
        "name": "Screens", "functional_unit": {"name": "opening day", "quantity": 1},
        "services": [{"name": "S", "kind": "custom", "components": [
            {"name": "kiosk", "tier": "onsite",
             "activities": [{"factor": "device.laptop", "amount": "730 h"}]}]}]})
    html = to_html(footprint.assess(project, tiny), lang="en", registry=tiny).decode("utf-8")
    assert "outside the total, manufacture of the audience&#39;s devices : none" in html
    # 22.1125 kg per opening day: shown in kgCO2e once past 1,000 g
    assert "22.1 kgCO2e</div>" in html
