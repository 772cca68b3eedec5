"""Tests of footprint.methods.ecoindex.

Sources of the expected figures:

* [ECO-DOC] project research note ``shared/research/ecoindex.md``: §2.1 quantiles, §2.2 grades,
  §2.3 GHG/water, §2.4 medians/targets, §2.5 worked examples computed with
  ecoindex-compute 5.10.0, §4 edge behaviour.
* [ECO-TEST] upstream unit tests quoted in [ECO-DOC] §2.5 and §2.2
  (cnumr/EcoIndex_python ``test/components/ecoindex/compute/test_ecoindex.py``).
* [ECO-RUN] values printed by ecoindex-compute 5.10.0 (``compute_ecoindex``).
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from footprint.errors import ProjectError
from footprint.methods import ecoindex


# [ECO-DOC] §2.5: nodes, requests, size kB -> raw, score, grade, gCO2e, cl
WORKED = [
    (100, 100, 100, 72.016, 72, "B", 1.56, 2.34),
    (100, 100, 1000, 67.267, 67, "C", 1.66, 2.49),
    (200, 200, 10000, 45.512, 46, "D", 2.08, 3.12),
    (2355, 267, 2493, 9.873, 10, "G", 2.80, 4.20),
    (240, 20, 331, 83.004, 83, "A", 1.34, 2.01),
    (2240, 100, 310182.902, 15.881, 16, "F", 2.68, 4.02),
    (674, 0, 0, 72.5, 72, "B", 1.56, 2.34),
]


@pytest.mark.parametrize(("nodes", "requests", "size_kb", "raw", "score", "grade", "ghg", "water"),
                         WORKED)
def test_worked_examples(nodes, requests, size_kb, raw, score, grade, ghg, water):
    """[ECO-DOC] §2.5 worked examples (exact score, grade, GHG and water)."""
    result = ecoindex.compute(nodes, requests, size_kb)
    assert result.score == score and isinstance(result.score, int)
    assert result.grade == grade
    assert result.ghg_gco2e == ghg
    assert result.water_cl == water
    assert result.raw_score == pytest.approx(raw, abs=5e-4)
    assert result.attribution == ecoindex.ATTRIBUTION


def test_worked_examples_as_arrays():
    """[ECO-DOC] §2.5, all rows at once."""
    nodes, requests, size_kb = (np.array([row[i] for row in WORKED], dtype=float)
                                for i in range(3))
    result = ecoindex.compute(nodes, requests, size_kb)
    assert result.score.tolist() == [row[4] for row in WORKED]
    assert result.score.dtype.kind == "i"
    assert result.grade.tolist() == [row[5] for row in WORKED]
    assert result.ghg_gco2e.tolist() == [row[6] for row in WORKED]
    assert result.water_cl.tolist() == [row[7] for row in WORKED]


def test_upstream_quantile_values():
    """[ECO-TEST]: q_size(2500), q_dom(150), q_req(23), q_size(310182.902) (cap)."""
    assert ecoindex.quantile_position(2500, "size_kb") == 14.086372025739513
    assert ecoindex.quantile_position(150, "nodes") == 2.892857142857143
    assert ecoindex.quantile_position(23, "requests") == 2.8
    assert ecoindex.quantile_position(310182.902, "size_kb") == 20.0


def test_quantile_tables():
    """[ECO-DOC] §2.1: 21 bounds each, first 0, last bounds."""
    assert {k: len(v) for k, v in ecoindex.QUANTILES.items()} == {
        "nodes": 21, "requests": 21, "size_kb": 21}
    assert ecoindex.QUANTILES["nodes"][-1] == 594601
    assert ecoindex.QUANTILES["requests"][-1] == 3920
    assert ecoindex.QUANTILES["size_kb"][-1] == 223212.26
    for table in ecoindex.QUANTILES.values():
        assert list(table) == sorted(table) and table[0] == 0


def test_positions_on_bounds_and_first_bucket():
    """[ECO-DOC] §4: a value on bound Q[k] has position k; 0.822 kB -> 0.6, score 100."""
    for k, bound in enumerate(ecoindex.QUANTILES["nodes"][:-1]):
        assert ecoindex.quantile_position(bound, "nodes") == k
    assert ecoindex.quantile_position(594601, "nodes") == 20.0
    assert ecoindex.quantile_position(10**9, "requests") == 20.0
    assert ecoindex.quantile_position(0.822, "size_kb") == pytest.approx(0.6, rel=1e-12)
    assert ecoindex.compute(0, 0, 0.822).score == 100
    positions = ecoindex.quantile_position(np.array([0, 47, 61, 594601]), "nodes")
    assert positions.tolist() == [0.0, 1.0, 1.5, 20.0]


def test_extremes():
    """[ECO-DOC] §4: all-zero -> 100/A/1.0/1.5; above every last bound -> 0/G/3.0/4.5."""
    best = ecoindex.compute(0, 0, 0)
    assert (best.score, best.grade, best.ghg_gco2e, best.water_cl) == (100, "A", 1.0, 1.5)
    worst = ecoindex.compute(10**7, 10**5, 10**7)
    assert (worst.score, worst.grade, worst.ghg_gco2e, worst.water_cl) == (0, "G", 3.0, 4.5)
    assert ecoindex.compute(476, 0, 0).positions["nodes"] == 8.0


def test_half_to_even_rounding():
    """[ECO-DOC] §2 step 3: raw 72.5 -> 72, raw 77.5 -> 78 ([ECO-RUN] 537/0/0 -> 78 B)."""
    down = ecoindex.compute(674, 0, 0)  # q_nodes = 11 -> 100 - 2.5 x 11
    assert down.raw_score == 72.5 and down.score == 72
    up = ecoindex.compute(537, 0, 0)  # q_nodes = 9
    assert up.raw_score == 77.5 and up.score == 78
    assert (up.grade, up.ghg_gco2e, up.water_cl) == ("B", 1.44, 2.16)
    assert ecoindex.compute(603, 0, 0).score == 75  # q_nodes = 10, no tie


def test_medians_and_targets():
    """[ECO-DOC] §2.4: medians -> 44/D, targets -> 61/C."""
    median = ecoindex.compute(**ecoindex.MEDIANS)
    assert (median.score, median.grade) == (44, "D")
    assert ecoindex.MEDIANS == {"nodes": 693, "requests": 78, "size_kb": 2420}
    target = ecoindex.compute(**ecoindex.TARGETS)
    assert (target.score, target.grade) == (61, "C")
    assert ecoindex.TARGETS == {"nodes": 600, "requests": 40, "size_kb": 1024}


GRADE_CASES = [(100, "A"), (81, "A"), (80.5, "A"), (80, "B"), (71, "B"), (70, "C"), (56, "C"),
               (55, "D"), (50.2, "D"), (41, "D"), (40, "E"), (26, "E"), (25, "F"), (11, "F"),
               (10, "G"), (0, "G")]


@pytest.mark.parametrize(("score", "grade"), GRADE_CASES)
def test_grade_boundaries(score, grade):
    """[ECO-DOC] §2.2: strict thresholds 80/70/55/40/25/10; [ECO-TEST] 25 F, 10 G, 50.2 D."""
    assert ecoindex.grade(score) == grade


def test_grade_array():
    scores = np.array([s for s, _ in GRADE_CASES])
    assert ecoindex.grade(scores).tolist() == [g for _, g in GRADE_CASES]
    assert dict(ecoindex.GRADE_THRESHOLDS) == {"A": 80, "B": 70, "C": 55, "D": 40, "E": 25,
                                               "F": 10, "G": 0}


def test_impacts_for_every_integer_score():
    """[ECO-DOC] §2.3: GHG = 3 - score/50 [g], water = 4.5 - 0.03 score [cl], 2 decimals."""
    for score in range(101):
        ghg, water = ecoindex.impacts(score)
        assert ghg == (300 - 2 * score) / 100
        assert water == (450 - 3 * score) / 100
    ghg, water = ecoindex.impacts(np.arange(101))
    assert ghg.tolist() == [(300 - 2 * s) / 100 for s in range(101)]
    assert ecoindex.impacts(50) == (2.0, 3.0)


def test_impacts_come_from_rounded_score():
    """[ECO-DOC] §2 step 4: raw 72.016 -> score 72 -> 1.56 g (not 1.5597 g)."""
    result = ecoindex.compute(100, 100, 100)
    assert result.ghg_gco2e == 1.56 and result.water_cl == 2.34


def test_attribution():
    assert ecoindex.ATTRIBUTION == "Ecoindex — ecoindex.fr (CC BY-NC-ND)"
    assert ecoindex.REFERENCE_VERSION == "5.10.0"


metric = st.one_of(st.integers(0, 5000), st.floats(0, 700_000))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(metric, metric, metric), min_size=1, max_size=30))
def test_array_path_equals_scalar_path(pages):
    nodes, requests, size_kb = (np.array([p[i] for p in pages], dtype=float) for i in range(3))
    many = ecoindex.compute(nodes, requests, size_kb)
    for i, (n, r, s) in enumerate(pages):
        one = ecoindex.compute(n, r, s)
        assert many.score[i] == one.score
        assert many.grade[i] == one.grade
        assert many.ghg_gco2e[i] == one.ghg_gco2e
        assert many.water_cl[i] == one.water_cl
        assert many.raw_score[i] == one.raw_score
        assert 0 <= one.score <= 100


def test_broadcasting_and_frozen():
    result = ecoindex.compute(np.array([100, 2355]), 100, 100)
    assert result.score.tolist() == [72, 31]  # [ECO-RUN] 2355/100/100 -> 31 E 2.38 g 3.57 cl
    assert result.grade.tolist() == ["B", "E"]
    assert result.ghg_gco2e.tolist() == [1.56, 2.38]
    assert result.water_cl.tolist() == [2.34, 3.57]
    assert result.positions["requests"].shape == (2,)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.score = 0  # type: ignore[misc]


INVALID = [
    ((-1, 0, 0), "nodes"),
    ((0, -0.5, 0), "requests"),
    ((0, 0, -50), "size_kb"),
    ((float("nan"), 0, 0), "nodes"),
    ((0, float("inf"), 0), "requests"),
    (("100", 0, 0), "nodes"),
    ((True, 0, 0), "nodes"),
    ((0, None, 0), "requests"),
    ((np.array([1.0, -2.0]), 0, 0), r"nodes\[1\]"),
    ((np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]), 0), "broadcastable"),
]


@pytest.mark.parametrize(("args", "message"), INVALID)
def test_invalid_input_raises_project_error(args, message):
    with pytest.raises(ProjectError, match=message) as info:
        ecoindex.compute(*args)
    assert isinstance(info.value, ValueError)


def test_invalid_scores_and_metric():
    with pytest.raises(ProjectError, match="score"):
        ecoindex.grade(101)
    with pytest.raises(ProjectError, match="integer"):
        ecoindex.impacts(50.5)
    with pytest.raises(ProjectError, match="metric"):
        ecoindex.quantile_position(1, "dom")


bad_number = st.one_of(st.floats(max_value=-1e-300), st.just(float("nan")),
                       st.just(float("inf")), st.text(max_size=3), st.booleans())


@settings(max_examples=50, deadline=None)
@given(bad_number, st.integers(0, 2))
def test_bad_numbers_always_raise(value, position):
    """Any negative, non-finite, text or boolean metric raises ProjectError."""
    args = [10, 10, 10]
    args[position] = value
    with pytest.raises(ProjectError):
        ecoindex.compute(*args)
    if isinstance(value, float):
        args[position] = np.array([1.0, value])
        with pytest.raises(ProjectError):
            ecoindex.compute(*args)


@pytest.mark.parametrize("metric", ["nodes", "requests", "size_kb"])
def test_positions_equal_the_binary_search_definition_at_and_between_every_bound(metric):
    """The branch-free count of bounds <= v gives the same index as a binary search, so the
    position (and the score) is the same to the bit, at every bound and between them."""
    from footprint.methods.ecoindex import QUANTILES, _position

    table = np.asarray(QUANTILES[metric], dtype=float)
    values = np.concatenate([table, (table[:-1] + table[1:]) / 2, np.nextafter(table, 0),
                             np.nextafter(table, np.inf), [table[-1] * 10]])
    values = values[values >= 0]
    upper = np.searchsorted(table, values, side="right")
    i = np.minimum(upper, len(table) - 1)
    expected = np.where(upper > len(table) - 1, float(len(table) - 1),
                        (i - 1) + (values - table[i - 1]) / (table[i] - table[i - 1]))
    assert np.array_equal(_position(values, QUANTILES[metric]), expected)
