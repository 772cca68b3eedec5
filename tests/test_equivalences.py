"""Everyday equivalents (footprint.equivalences, shared by the app and the report)."""

from __future__ import annotations

import math

import pytest

from footprint.equivalences import STREAMING_HOUR_GCO2E, equivalences


def test_hand_computed_with_the_tiny_registry(tiny):
    eq = {e["key"]: e for e in equivalences(50.225, tiny)}
    # tiny-2026's FR electricity: 0.05 kgCO2e/kWh -> 50.225 / 0.05 = 1004.5 kWh
    assert eq["electricity_fr"]["per"] == pytest.approx(0.05)
    assert eq["electricity_fr"]["value"] == pytest.approx(1004.5)
    # ADEME publicodes-acv-numerique 2.1.0, streaming HD: 67.8 gCO2e/h (factors.md §8)
    assert STREAMING_HOUR_GCO2E == 67.8
    assert eq["streaming_hours"]["value"] == pytest.approx(50.225 / 0.0678)
    assert all(e["source"] for e in eq.values())


def test_bundled_data_follow_the_datasets(bundled):
    eq = {e["key"]: e for e in equivalences(77.0 + 2.27 + 0.246, bundled)}
    # device.smartphone, ADEME publicodes-acv-numerique 2.1.0: 77 manufacture + 2.27
    # distribution + 0.246 end of life = 79.516 kgCO2e per smartphone
    assert eq["smartphones"]["per"] == pytest.approx(79.516)
    assert eq["smartphones"]["value"] == pytest.approx(1.0)
    assert eq["smartphones"]["source"] == "ademe-acv-numerique-2.1.0"
    # ADEME Base Empreinte 2024, French consumption mix: 0.0519 kgCO2e/kWh
    assert eq["electricity_fr"]["per"] == pytest.approx(0.0519)


@pytest.mark.parametrize("total", [0.0, -1.0, math.nan, math.inf])
def test_nothing_for_a_total_that_is_not_a_positive_figure(total):
    assert equivalences(total, registry=False) == []
