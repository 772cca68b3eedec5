"""CSV (zip), XLSX and JSON exports read back: sheet names, numbers as numbers, totals equal
to the assessment's, schema validity, labels in both languages, byte-identical output."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import jsonschema
import openpyxl
import pandas as pd
import pytest

import footprint
from footprint.cli import main
from footprint.export import json_schema, to_csv_zip, to_json, to_xlsx
from tests.test_export_balance import tiny_project

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_projects" / "opera_live_replay.yaml"
WHEN = dt.datetime(2026, 12, 3, 10, 0, 0)


@pytest.fixture(scope="module")
def opera():
    return footprint.assess(footprint.read_project(SAMPLE))


def test_xlsx_round_trip(opera):
    data = to_xlsx(opera, lang="en", generated=WHEN)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Summary", "Stage x tier", "Services", "BEGES v5", "GHG Protocol",
                             "Detail", "Factors", "Method", "Assumptions", "Coverage",
                             "Sources and licences", "Warnings"]
    summary = wb["Summary"]
    assert summary.freeze_panes == "A2"
    head = [c.value for c in summary[1]]
    row = {h: c.value for h, c in zip(head, summary[2])}
    assert row["Indicator"] == "climate_change" and isinstance(row["Total"], float)
    assert row["Total"] == pytest.approx(opera.total().m_as("kgCO2e"), rel=1e-12)
    detail = pd.read_excel(io.BytesIO(data), sheet_name="Detail")
    cc = detail[detail["Indicator"] == "climate_change"]
    # rows with no factor (the data centres' distribution and end of life) read "not covered"
    impact = pd.to_numeric(cc["Impact"], errors="coerce")
    assert set(cc.loc[impact.isna(), "Impact"]) == {"not covered"}
    assert impact.sum() == pytest.approx(opera.total().m_as("kgCO2e"), rel=1e-12)
    beges = pd.read_excel(io.BytesIO(data), sheet_name="BEGES v5")
    total = beges.loc[beges["No."] == "total", "Total [tCO2e]"].iloc[0]
    info = beges.loc[beges["No."] == "info.audience_devices", "Total [tCO2e]"].iloc[0]
    assert (total + info) * 1000 == pytest.approx(opera.total().m_as("kgCO2e"), rel=1e-9)
    # not-covered postes read "not covered", never 0
    fuel = beges.loc[beges["No."] == "1.1", "Total [tCO2e]"].iloc[0]
    assert fuel == "not covered"
    assert wb.properties.created == WHEN
    sources = pd.read_excel(io.BytesIO(data), sheet_name="Sources and licences")
    assert any("ADEME" in a for a in sources["Attribution"])


def test_xlsx_french_labels(opera):
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(opera, lang="fr")))
    assert wb.sheetnames[:3] == ["Synthèse", "Étape x tiers", "Services"]
    assert [c.value for c in wb["Synthèse"][1]][:3] == ["Indicateur", "Indicateur (libellé)",
                                                       "Total"]
    assert wb["Synthèse"]["B2"].value == "Changement climatique"


def test_csv_zip_round_trip(opera):
    data = to_csv_zip(opera, lang="en")
    z = zipfile.ZipFile(io.BytesIO(data))
    assert {"summary.csv", "beges.csv", "ghg.csv", "detail.csv", "factors.csv",
            "ATTRIBUTIONS.txt"} <= set(z.namelist())
    raw = z.read("summary.csv")
    assert raw.startswith(b"\xef\xbb\xbf")                       # UTF-8 BOM for Excel
    summary = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    cc = summary.set_index("Indicator").loc["climate_change"]
    assert cc["Total"] == pytest.approx(opera.total().m_as("kgCO2e"), rel=1e-11)
    detail = pd.read_csv(io.BytesIO(z.read("detail.csv")), encoding="utf-8-sig")
    assert detail["Impact"].dtype == float                        # dot decimals, no grouping
    assert "ADEME" in z.read("ATTRIBUTIONS.txt").decode("utf-8-sig")
    stage_tier = pd.read_csv(io.BytesIO(z.read("stage_tier.csv")), encoding="utf-8-sig")
    assert "Climate change [kgCO2e]" in stage_tier.columns


def test_json_valid_against_published_schema(opera):
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = json.loads(to_json(opera, lang="en", generated=WHEN))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["generated"] == "2026-12-03T10:00:00"
    cc = [r for r in doc["results"]["totals"] if r["indicator"] == "climate_change"][0]
    assert cc["total"] == pytest.approx(opera.total().m_as("kgCO2e"))
    fuel = [r for r in doc["carbon_balance"]["beges_v5"] if r["line"] == "1.1"][0]
    assert fuel["total_tco2e"] is None and fuel["coverage"] == "not_covered"
    published = json.loads((ROOT / "docs" / "result.schema.json").read_text("utf-8"))
    assert published == schema, "run scripts/make_export_schema.py"


def test_same_input_same_bytes(tiny):
    result = footprint.assess(tiny_project(), tiny)
    for fn in (to_csv_zip, to_xlsx, to_json):
        assert fn(result, lang="fr") == fn(result, lang="fr")
        assert fn(result, lang="fr", generated=WHEN) == fn(result, lang="fr", generated=WHEN)
        assert fn(result, lang="fr") != fn(result, lang="fr", generated=WHEN)


def test_optional_comparison_and_suggestions_sheets(tiny):
    result = footprint.assess(tiny_project(), tiny)
    comparison = pd.DataFrame({"scenario": ["=lighter"], "delta_kgco2e": [-1.5],
                               "p_lower": [0.93]})
    suggestions = pd.DataFrame({"rule": ["video.resolution"], "saving_kgco2e": [2.0]})
    data = to_xlsx(result, lang="en", comparison=comparison, suggestions=suggestions)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert wb.sheetnames[3:5] == ["Scenarios", "Recommendations"]
    assert wb["Scenarios"]["A2"].value == "'=lighter"        # neutralised
    assert wb["Scenarios"]["B2"].value == -1.5
    doc = json.loads(to_json(result, comparison=comparison, suggestions=suggestions))
    assert doc["scenarios"][0]["p_lower"] == 0.93


HOSTILE = ["=HYPERLINK(\"http://evil\")", "+SUM(1)", "-1+2", "@cmd", "\t=1", "\r=1",
           "<script>alert(1)</script>", "\u202eexe.pdf", "x" * 10_000]


def hostile_result(tiny):
    """An assessment whose every text field holds hostile strings."""
    project = parse_hostile_project()
    result = footprint.assess(project, tiny)
    table = result.table.copy()
    n = len(table)
    for col in ("service", "component", "project"):
        table[col] = [HOSTILE[i % len(HOSTILE)] for i in range(n)]
    q = result.quantities.copy()
    q["source"] = [HOSTILE[i % len(HOSTILE)] for i in range(len(q))]
    return dataclasses.replace(result, table=table, quantities=q,
                               warnings=tuple(HOSTILE))


def parse_hostile_project():
    return footprint.parse_project({
        "name": "=1+1 <b>bold</b> \u202e", "organisation": "@org " + "y" * 9_900,
        "description": "<img src=x onerror=alert(1)> " + "z" * 9_900,
        "functional_unit": {"name": "+visit <i>", "quantity": 10},
        "services": [{"name": "-svc <script>", "kind": "custom", "components": [
            {"name": "=comp", "tier": "onsite", "activities": [LAPTOP_ACT]}]}]})


LAPTOP_ACT = {"factor": "device.laptop", "amount": "730 h"}


def test_hostile_strings_neutralised(tiny):
    result = hostile_result(tiny)
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(result, lang="en")))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if isinstance(cell.value, str):
                    assert cell.value.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r"), \
                        (ws.title, cell.coordinate, cell.value[:30])
    z = zipfile.ZipFile(io.BytesIO(to_csv_zip(result, lang="en")))
    for name in z.namelist():
        if name.endswith(".csv"):
            frame = pd.read_csv(io.BytesIO(z.read(name)), encoding="utf-8-sig", dtype=str,
                                keep_default_na=False)
            for value in frame.to_numpy().ravel():
                assert value.lstrip(" ")[:1] not in ("=", "+", "@", "\t", "\r") or \
                    False, (name, value[:30])
    doc = json.loads(to_json(result, lang="en"))
    jsonschema.Draft202012Validator(json_schema()).validate(doc)
    assert "x" * 10_000 in doc["warnings"]                          # kept, not truncated


def test_cli_export_writes_each_format(tmp_path):
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / f"r.{fmt}"
        assert main(["export", str(SAMPLE), "--format", fmt, "-o", str(out), "--lang", "en",
                     "--generated", "2026-12-03T10:00:00"]) == 0
        assert out.stat().st_size > 1000
    assert main(["export", str(SAMPLE), "--format", "json", "-o", str(tmp_path / "x"),
                 "--generated", "yesterday"]) == 2


def test_every_indicator_has_labels_in_both_languages():
    from footprint.export.labels import LABELS
    from footprint.schema.base import INDICATORS, STAGES, TIERS

    for key in INDICATORS + STAGES + TIERS:
        assert key in LABELS and all(LABELS[key]), key
