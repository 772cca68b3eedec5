"""Exports: CSV cells that a spreadsheet would run as formulas are neutralised."""

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from footprint.cli import main
from footprint.export import safe_cell, to_csv


@pytest.mark.parametrize("bad", ["=1+2", "+1", "-1+1", "@SUM(A1)", "  =1"])
def test_formula_triggers_are_quoted(bad):
    assert safe_cell(bad) == "'" + bad


@pytest.mark.parametrize(("bad", "safe"), [
    ("\t=1", "' =1"), ("\r=1", "\n'=1"), ("x\r=1+1", "x\n'=1+1"),
    ("safe\r-2+3+cmd|' /C calc'!A0", "safe\n'-2+3+cmd|' /C calc'!A0"),
    ("a\r\n@b", "a\n'@b"), ("a\n  +b", "a\n'  +b"), ("t\tab=1", "t ab=1"),
    ("x\x1b[31m\x07", "x[31m"), ("a-b", "a-b")])
def test_formulas_after_line_breaks_and_tabs_are_neutralised(bad, safe):
    """Issue 9: a CR inside a name let a reader split the row and run the formula."""
    assert safe_cell(bad) == safe


def test_no_reader_splits_a_neutralised_row():
    df = pd.DataFrame({"service": ["x\r=1+1", "safe\r-2+3"], "impact": [1.0, 2.0]})
    text = to_csv(df)
    assert "\r" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert [len(r) for r in rows] == [2, 2, 2]  # the CR did not start a row
    lines = [line for line in text.split("\n")]  # a naive reader splitting at LF
    assert not any(line.lstrip(' "')[:1] in "=+-@" and line for line in lines)


def test_plain_values_unchanged():
    assert safe_cell("https://musee.example/") == "https://musee.example/"
    assert safe_cell(0.5) == "0.5" and safe_cell(3) == "3" and safe_cell(np.float64(2.5)) == "2.5"
    assert safe_cell(float("nan")) == "" and safe_cell(None) == ""
    assert safe_cell(-1.5) == "-1.5"  # numbers stay numbers


def test_to_csv_round_trips_numbers_and_quotes_text():
    df = pd.DataFrame({"service": ["=cmd|' /C calc'!A0", "ok"], "impact": [1.25, -0.5]})
    rows = list(csv.reader(io.StringIO(to_csv(df))))
    assert rows[0] == ["service", "impact"]
    assert rows[1] == ["'=cmd|' /C calc'!A0", "1.25"] and rows[2] == ["ok", "-0.5"]


def test_assess_csv_neutralises_user_names(tmp_path, capsys):
    p = tmp_path / "p.yaml"
    p.write_text("name: P\nservices:\n  - name: '=HYPERLINK(\"http://x\")'\n    kind: custom\n"
                 "    components:\n      - name: '@SUM(A1)'\n        tier: data_centres\n"
                 "        activities:\n          - {factor: electricity, amount: 10 kWh}\n")
    assert main(["assess", str(p), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["service"].startswith("'=") and r["component"] == "'@SUM(A1)"
                        for r in rows)
    cc = [r for r in rows if r["indicator"] == "climate_change"]
    assert float(cc[0]["impact"]) == pytest.approx(10 * 0.0519)


def test_export_tables_show_water_in_cubic_metres_not_pint_text():
    import footprint
    from footprint.export.tables import build_tables

    result = footprint.assess(footprint.read_project(Path(__file__).parent.parent / "sample_projects" / "museum_website.yaml"))
    tables = build_tables(result, lang="fr")
    summary = tables["summary"].set_index("indicator")
    assert summary.loc["water", "unit"] == "m³"
    units = set(tables["detail"]["impact_unit"].dropna()) | set(tables["factors"]["factor_unit"])
    assert "m³/device" in units and not any("**" in u for u in units)
