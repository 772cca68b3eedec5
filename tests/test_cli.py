"""Command line: assess, factors, schema; bad input exits 2 with a message, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from footprint.cli import main

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))


def test_assess_table(capsys):
    assert main(["assess", str(SAMPLES[0])]) == 0
    out = capsys.readouterr().out
    assert "climate_change" in out and "kgCO2e" in out
    assert "manufacturing" in out and "user_devices" in out
    assert "data:" in out  # attributions


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_assesses_to_json_with_units_and_provenance(sample, capsys):
    assert main(["assess", str(sample), "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    cc = next(t for t in d["totals"] if t["indicator"] == "climate_change")
    assert cc["unit"] == "kgCO2e" and cc["total"] > 0
    assert d["provenance"] and all(p["licence"] for p in d["provenance"])
    assert d["options"]["allocation"] in ("use_time", "calendar_time")


def test_assess_csv_has_trace_columns(capsys):
    assert main(["assess", str(SAMPLES[0]), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    for col in ("service", "stage", "tier", "indicator", "factor_code", "dataset", "impact"):
        assert col in header


def test_factors_commands(capsys):
    assert main(["factors", "validate"]) == 0
    out = capsys.readouterr().out
    # the labels it checks and reports: quality, licence at its source, grid basis
    assert "press-reported" in out and "licence not verified at its source" in out
    assert "electricity basis of ember-electricity-2024" in out
    assert "valid" in out
    assert main(["factors", "show", "electricity"]) == 0
    out = capsys.readouterr().out
    assert "source:" in out and "[FR," in out
    assert main(["factors", "list"]) == 0
    assert "device.laptop" in capsys.readouterr().out


def test_schema_command(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "footprint project file"


def test_bad_input_exits_2_with_message_not_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nservices:\n  - name: s\n    kind: custom\n    components: []\n")
    proc = subprocess.run([sys.executable, "-m", "footprint", "assess", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "services[0].components" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "footprint", "factors", "show", "electricty"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "electricity" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "footprint", "assess", str(tmp_path / "no.yaml")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_sample_readme_lists_every_sample():
    """sample_projects/README.md is written by scripts/sample_summary.py: rerun it after
    adding a sample."""
    readme = (SAMPLES[0].parent / "README.md").read_text(encoding="utf-8")
    for sample in SAMPLES:
        assert f"[{sample.name}]({sample.name})" in readme


def test_overflowing_inputs_name_the_service_and_json_stays_strict(tmp_path, capsys):
    p = tmp_path / "huge.yaml"
    p.write_text("name: P\nservices:\n  - name: v\n    kind: video_streaming\n"
                 "    views: 1.0e+300\n    average_view_duration: 1.0e+300 min\n")
    assert main(["assess", str(p), "--format", "json"]) == 2
    assert "services[0]" in capsys.readouterr().err
    # "not covered" indicators are null in strict JSON, never NaN
    assert main(["assess", str(SAMPLES[0]), "--format", "json"]) == 0
    text = capsys.readouterr().out
    assert "NaN" not in text and "Infinity" not in text
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))


def test_factors_list_search_is_a_case_insensitive_text_filter(capsys):
    assert main(["factors", "list", "--search", "SmartPhone"]) == 0
    codes = {line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]}
    assert "device.smartphone" in codes
    assert "device.laptop" not in codes and "electricity" not in codes
    # a dataset (source) name selects its factors: Base Empreinte's electricity only
    assert main(["factors", "list", "--search", "ademe-base-empreinte-electricity"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert lines and {line.split()[0] for line in lines} == {"electricity"}
    assert main(["factors", "list", "--search", "no-such-thing-xyz"]) == 1
    assert "'no-such-thing-xyz'" in capsys.readouterr().err


def test_factors_show_one_region(capsys):
    # ADEME Base Empreinte 2024 French consumption mix: 0.0519 kgCO2e/kWh (factors.md)
    assert main(["factors", "show", "electricity", "--region", "fr"]) == 0
    out = capsys.readouterr().out
    climate = [line for line in out.splitlines() if "climate_change:" in line]
    assert climate == [climate[0]] and climate[0].startswith(
        "electricity [FR, 2024] use climate_change: 0.0519 kgCO2e/kWh")
    assert "[DE," not in out
    # primary energy is one world convention: shown, with the fallback said
    assert "electricity [GLO, 2021] use primary_energy" in out
    assert "where FR has no figure of its own, the GLO figure applies" in out
    proc = subprocess.run([sys.executable, "-m", "footprint", "factors", "show", "electricity",
                           "--region", "XX"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "'XX' is not a region code" in proc.stderr and "Traceback" not in proc.stderr


def test_every_option_of_every_command_has_help_text():
    import argparse

    from footprint.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    missing = [f"{name} {action.dest}" for name, command in sub.choices.items()
               for action in command._actions if not action.help]
    assert "factors" in sub.choices and not missing, missing
