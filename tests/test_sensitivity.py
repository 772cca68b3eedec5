"""Sensitivity: Sobol indices on Ishigami (known analytically), a hand-computed tornado
on round numbers (tiny-2026), and the CLI."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from footprint import parse_project
from footprint.cli import main
from footprint.sensitivity import evaluate, inputs, project_sobol, sobol_indices, tornado

pytest.importorskip("SALib")
ROOT = Path(__file__).resolve().parent.parent


def ishigami(x, a=7.0, b=0.1):
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_sobol_on_ishigami():
    """Ishigami & Homma (1990), a = 7, b = 0.1, x ~ U(−π, π): with D = a²/8 + b π⁴/5 +
    b² π⁸/18 + 1/2, V1 = b π⁴/5 + b² π⁸/50 + 1/2, V2 = a²/8, V13 = 8 b² π⁸/225."""
    a, b, pi = 7.0, 0.1, math.pi
    d = a**2 / 8 + b * pi**4 / 5 + b**2 * pi**8 / 18 + 0.5
    v1, v2, v13 = b * pi**4 / 5 + b**2 * pi**8 / 50 + 0.5, a**2 / 8, 8 * b**2 * pi**8 / 225
    s1 = [v1 / d, v2 / d, 0.0]
    st = [(v1 + v13) / d, v2 / d, v13 / d]
    assert s1 == pytest.approx([0.3139, 0.4424, 0.0], abs=1e-4)  # the published values
    out = sobol_indices(ishigami, ["x1", "x2", "x3"], [-pi] * 3, [pi] * 3, n=4096, seed=1)
    assert out["S1"].to_numpy() == pytest.approx(s1, abs=0.03)
    assert out["ST"].to_numpy() == pytest.approx(st, abs=0.03)
    with pytest.raises(ValueError, match="power of 2"):
        sobol_indices(ishigami, ["x1", "x2", "x3"], [-pi] * 3, [pi] * 3, n=1000)


def project():
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                     "components": [
        {"name": "c", "tier": "user_devices", "activities": [
            {"factor": "electricity", "amount": "1000 kWh"},
            {"factor": "device.laptop", "amount": "1000 h"}]}]}]})


def test_tornado_hand_computed(tiny):
    """1000 kWh FR (0.05; 0.03-0.1) + a laptop 1000 h: share = 1000 / (5 × 365 × 4) =
    0.136986 of 212 kgCO2e (200 + 10 + 2), electricity 25 W × 1000 h = 25 kWh FR.
    Total = 1025 × 0.05 + 0.136986 × 212 = 51.25 + 29.0411 = 80.2911 kg."""
    r = tornado(project(), factors=tiny)
    assert r.attrs["total"] == pytest.approx(80.29110, rel=1e-6)
    by = r.set_index("label")
    # electricity FR at 0.03 and 0.1: 1025 × (0.1 − 0.03) = 71.75 kg swing
    assert by.loc["electricity [FR] use", "swing"] == pytest.approx(71.75)
    # daily use 2 → 8 h/day: share 1000/(5·365·2) − 1000/(5·365·8) = 0.20548 × 212
    assert by.loc["device.laptop.daily_use [GLO]", "swing"] == pytest.approx(
        (1000 / (5 * 365 * 2) - 1000 / (5 * 365 * 8)) * 212)
    # power 20 → 50 W: 30 kWh × 0.05
    assert by.loc["device.laptop.power [GLO]", "swing"] == pytest.approx(1.5)
    assert r["swing"].is_monotonic_decreasing
    assert r.iloc[0]["label"] == "electricity [FR] use"


def test_evaluate_and_inputs(tiny):
    p = project()
    table = inputs(p, factors=tiny)
    assert {"factor", "parameter"} == set(table["kind"])
    key = table.set_index("label").loc["electricity [FR] use", "key"]
    out = evaluate(p, {key: np.array([0.05, 0.1])}, 2, factors=tiny)
    assert out[1] - out[0] == pytest.approx(1025 * 0.05)


def test_project_sobol_ranks_the_driver(tiny):
    s = project_sobol(project(), top=3, n=256, factors=tiny)
    assert len(s) == 3
    assert s.iloc[0]["input"] == "electricity [FR] use"
    assert s["ST"].iloc[0] > 0.5 and (s["ST"] >= -0.05).all()


def test_cli_uncertainty(capsys):
    path = str(ROOT / "sample_projects" / "museum_chatbot.yaml")
    assert main(["uncertainty", path, "--draws", "100", "--sensitivity", "--top", "3",
                 "--sobol-n", "64"]) == 0
    out = capsys.readouterr().out
    assert "5 – 95 %" in out and "extreme bounds" in out and "Sobol" in out
    assert "allocation = calendar_time" in out  # conventions beside the range
    assert main(["uncertainty", path, "--draws", "50", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    levels = {r["level"] for r in data["percentiles"]}
    assert levels == {"total", "stage", "tier", "service"}
    total = next(r for r in data["percentiles"] if r["level"] == "total"
                 and r["indicator"] == "climate_change")
    assert total["p5"] <= total["p50"] <= total["p95"]
