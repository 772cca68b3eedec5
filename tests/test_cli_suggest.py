"""``footprint suggest``: a ranked table in English or French, JSON with every figure,
bad input named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footprint.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_projects"


def test_suggest_table_ranked_with_probability(capsys):
    assert main(["suggest", str(SAMPLES / "podcast_series.yaml"), "--draws", "200"]) == 0
    out = capsys.readouterr().out
    assert "Eco-design suggestions" in out and "P(saving > 0)" in out
    assert "Encode speech at 64 kbit/s" in out
    assert "All compatible changes together" in out
    assert "RSS feed downloads: 64 kbit/s instead of 128 kbit/s." in out


def test_suggest_in_french(capsys):
    assert main(["suggest", str(SAMPLES / "venue_screens.yaml"), "--lang", "fr",
                 "--draws", "100"]) == 0
    out = capsys.readouterr().out
    assert "Suggestions d'écoconception" in out and "P(gain > 0)" in out
    assert "Garder écrans et vidéoprojecteurs deux ans de plus" in out
    assert "estimation" in out  # the one-hour rule rests on an estimate, and says so


def test_suggest_json(capsys):
    assert main(["suggest", str(SAMPLES / "archive_digitisation.yaml"), "--format", "json",
                 "--draws", "200", "--seed", "3", "--indicator", "climate_change",
                 "--indicator", "primary_energy"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["indicators"] == ["climate_change", "primary_energy"] and d["draws"] == 200
    ranks = [s["rank"] for s in d["suggestions"]]
    assert ranks == list(range(1, len(ranks) + 1))
    savings = [s["savings"][0]["saving"] for s in d["suggestions"]]
    assert savings == sorted(savings, reverse=True)
    top = d["suggestions"][0]
    assert {r["indicator"] for r in top["savings"]} == {"climate_change", "primary_energy"}
    assert 0 <= top["savings"][0]["p_saving_positive"] <= 1 and top["overrides"]
    assert d["combined"]["members"]


def test_suggest_bad_draws_named(capsys):
    with pytest.raises(SystemExit):
        main(["suggest", str(SAMPLES / "podcast_series.yaml"), "--draws", "many"])
    assert main(["suggest", str(SAMPLES / "podcast_series.yaml"), "--draws", "-3"]) == 2
    assert "draws" in capsys.readouterr().err
