"""Monte Carlo: distributions, keyed draws (common random numbers), reproducibility,
convergence, parameters through the kinds' inventory, and every sample's band."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import footprint
from footprint import ProjectError, parse_project
from footprint.uncertainty import draw_values, factor_draws, sample_breakdown, sample_totals
from tests.helpers import cc, distribution_moments

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_projects").glob("*.yaml"))


def custom(*activities, **fields):
    return parse_project({"name": "P", "services": [{"name": "S", "kind": "custom",
                                                     "components": [
        {"name": "c", "tier": "user_devices", "activities": list(activities)}]}], **fields})


ELEC = {"factor": "electricity", "amount": "1000 kWh"}
#: mean of tiny's FR electricity draws (0.03, 0.05, 0.1), from the density
MEAN_FR = float(distribution_moments([0.05], [0.03], [0.1], ["triangular"])[0][0])
LAPTOP = {"factor": "device.laptop", "amount": "1000 h"}


def test_inverse_cdfs_hand_computed():
    """The central value is the median of every shape (u = 0.5 gives it)."""
    u = np.array([[0.0, 0.0, 0.5, 0.0], [0.125, 0.125, 0.975, 0.25],
                  [0.5, 0.5, 0.025, 0.75], [1.0, 1.0, 0.5, 1.0]])
    out = draw_values([2.0, 2.0, 10.0, 2.0], [1.0, 0.0, 5.0, 0.0], [4.0, 10.0, 20.0, 10.0],
                      ["triangular", "triangular", "lognormal", "uniform"], u)
    # positive triangular (1, 2, 4): ln X symmetric triangle on ln 2 ± ln(4)/2 = [0, ln 4];
    # at u = 0.125 the rising side gives ln X = ln 2 × sqrt(2 × 0.125) → X = sqrt(2)
    assert out[:, 0] == pytest.approx([1.0, math.sqrt(2.0), 2.0, 4.0])
    # triangular from 0 (0, 2, 10): half the probability on each side of 2;
    # u = 0.125: 2 × sqrt(0.25) = 1
    assert out[:, 1] == pytest.approx([0.0, 1.0, 2.0, 10.0])
    # lognormal: median 10, the 2.5 % and 97.5 % quantiles sqrt(5 × 20)-centred:
    # σ = ln(20/5)/3.92 → 97.5 % = 10 × 2 = 20, 2.5 % = 5
    assert out[:, 2] == pytest.approx([10.0, 20.0, 5.0, 10.0], rel=1e-6)
    # uniform with the value off the middle (0, 2, 10): flat halves, u = 0.25 → 1,
    # u = 0.75 → 2 + 8 × 0.5 = 6
    assert out[:, 3] == pytest.approx([0.0, 1.0, 6.0, 10.0])
    # a range narrower on one side in log terms (0.03, 0.05, 0.1): the log triangle
    # ln 0.05 ± ln(0.1/0.03)/2 reaches 0.05 × sqrt(0.03/0.1) = 0.027386 below the low
    # bound, which is kept: 0.03; and 0.05 × sqrt(0.1/0.03) = 0.091287 at the top
    edge = draw_values([0.05], [0.03], [0.1], ["triangular"], np.array([[0.0], [1.0]]))
    assert edge[:, 0] == pytest.approx([0.03, 0.05 * math.sqrt(0.1 / 0.03)])
    # no range: the value itself
    assert draw_values([3.0], [3.0], [3.0], ["triangular"], u[:, :1])[:, 0] == \
        pytest.approx([3.0] * 4)


def test_reproducible_and_keyed(tiny):
    p = custom(ELEC)
    a = sample_totals([p], draws=500, seed=7, factors=tiny)["climate_change"]
    b = sample_totals([p], draws=500, seed=7, factors=tiny)["climate_change"]
    c = sample_totals([p], draws=500, seed=8, factors=tiny)["climate_change"]
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    # common random numbers: a project gets the same draws whatever it is sampled with
    other = custom({"factor": "electricity", "amount": "10 kWh"}, LAPTOP,
                   audience_country="DE")
    both = sample_totals([other, p], draws=500, seed=7, factors=tiny)["climate_change"]
    assert np.array_equal(both[1], a[0])
    assert both.shape == (2, 500)


def test_factor_draws_follow_their_range(tiny):
    idx = np.flatnonzero(tiny.factors["code"].eq("electricity")
                         & tiny.factors["region"].eq("FR")
                         & tiny.factors["indicator"].eq("climate_change"))
    f = factor_draws(tiny, idx, draws=20000, seed=1)[:, 0]
    assert f.min() >= 0.03 and f.max() <= 0.1
    assert np.median(f) == pytest.approx(0.05, rel=0.01)
    # mean of the clipped log triangle from its density (tests/helpers.py): 0.051539
    assert f.mean() == pytest.approx(MEAN_FR, rel=0.01)


def test_converges_with_n(tiny):
    """Factors only: the total is 1000 kWh × F, F the log triangle of (0.03, 0.05, 0.1):
    mean 51.539 kg and sd 12.702 kg from its density (tests/helpers.py)."""
    p = custom(ELEC)
    mean_f, sd_f = distribution_moments([0.05], [0.03], [0.1], ["triangular"])
    want, sd = 1000 * mean_f[0], 1000 * sd_f[0]
    assert want == pytest.approx(51.539, abs=0.001) and sd == pytest.approx(12.702, abs=0.001)
    errors = []
    for n in (100, 10_000, 200_000):
        s = sample_totals([p], draws=n, seed=2, factors=tiny, parameters=False)
        mean = s["climate_change"][0].mean()
        assert abs(mean - want) < 4 * sd / math.sqrt(n)
        errors.append(abs(mean - want))
    assert errors[-1] < 0.15  # 4 standard errors at 200,000 draws = 0.11 kg


def test_parameters_go_through_the_kind(tiny):
    """A laptop used 1000 h: share = 1000 / (lifetime × 365 × daily use), electricity =
    power × 1000 h; each draw takes that draw's lifetime, daily use and power
    (tiny: 5 y (4-6), 4 h/day (2-8), 25 W (20-50), all triangular)."""
    from footprint._parameter_draws import DrawnRegistry, drawn_inventory

    p = custom(LAPTOP)
    reg = DrawnRegistry.wrap(tiny, 50, 0)
    inv = drawn_inventory(p, reg, 0, 50)
    draw = inv["service"].str.rpartition("\x1f")[2].astype(int).to_numpy()
    life = reg.drawn[("device.laptop.lifetime", "GLO")]
    daily = reg.drawn[("device.laptop.daily_use", "GLO")]
    power = reg.drawn[("device.laptop.power", "GLO")]
    share = inv[inv["flow"] == "device"]
    kwh = inv[inv["flow"] == "electricity"]
    assert share["amount"].to_numpy() == pytest.approx(
        1000 / (life * 365 * daily)[draw[inv["flow"] == "device"]])
    assert kwh["amount"].to_numpy() == pytest.approx(
        (power * 1000 / 1000)[draw[inv["flow"] == "electricity"]])
    assert len(set(np.round(life, 9))) == 50 and (life >= 4).all() and (life <= 6).all()
    # totals: the laptop's parameters widen the band compared with factors alone
    both = sample_totals([p], draws=4000, seed=0, factors=tiny)["climate_change"][0]
    only = sample_totals([p], draws=4000, seed=0, factors=tiny,
                         parameters=False)["climate_change"][0]
    assert np.std(both) > np.std(only)


def test_breakdown_and_not_covered(tiny):
    p = custom(ELEC, LAPTOP)
    out = sample_breakdown([p], "stage", draws=200, factors=tiny,
                           indicators=("climate_change", "water"))
    labels, arr = out["climate_change"]
    assert set(labels) == {"use", "manufacturing", "distribution", "end_of_life"}
    totals = sample_totals([p], draws=200, factors=tiny)["climate_change"]
    assert arr[0].sum(axis=1) == pytest.approx(totals[0])
    # water: the laptop's manufacture only; electricity has no water factor → NaN
    labels, arr = out["water"]
    assert np.isnan(arr[0, :, labels.index("use")]).all()
    assert (arr[0, :, labels.index("manufacturing")] > 0).all()


def test_bad_settings():
    p = custom(ELEC)
    for kw, path in (({"draws": 0}, "draws"), ({"draws": 2.5}, "draws"),
                     ({"seed": -1}, "seed"), ({"indicators": ("co2",)}, "indicators")):
        with pytest.raises(ProjectError) as info:
            sample_totals([p], **kw)
        assert info.value.path == path


def test_median_close_to_deterministic_with_symmetric_ranges(tiny):
    """Symmetric ranges (DE electricity 0.3-0.4-0.5): the median is the deterministic
    result, 1000 kWh × 0.4 = 400 kg."""
    p = custom(ELEC, audience_country="DE")
    s = sample_totals([p], draws=20000, seed=4, factors=tiny)["climate_change"][0]
    assert np.median(s) == pytest.approx(400.0, rel=0.005)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_mean_is_the_mean_of_its_factors(path, bundled):
    """With factors alone the total is linear in the factors, so its Monte Carlo mean is
    the sum of amount × the mean of each factor's distribution (from its density,
    tests/helpers.py), within 4 standard errors (factors sharing a stream move together,
    which changes the spread, not the mean); the median lies between the extreme bounds."""
    p = footprint.read_project(path)
    a = footprint.assess(p, bundled)
    only = sample_totals([a], draws=4000, seed=0, parameters=False)["climate_change"][0]
    t = a.table[(a.table["indicator"] == "climate_change") & (a.table["factor_idx"] >= 0)]
    t = t.groupby("factor_idx", as_index=False)["amount"].sum()
    f = bundled.factors.iloc[t["factor_idx"].to_numpy()]
    lo, mid, hi = (f[c].to_numpy() for c in ("low_canonical", "value_canonical",
                                             "high_canonical"))
    means, _ = distribution_moments(mid, lo, hi, f["distribution"].to_numpy())
    amount = t["amount"].to_numpy()
    expected = float((amount * means).sum())
    assert abs(only.mean() - expected) < 4 * only.std() / math.sqrt(len(only)) + 1e-9
    assert (amount * lo).sum() <= np.median(only) <= (amount * hi).sum()


#: Largest |median / deterministic − 1| allowed, with the datasets' parameters drawn too.
MEDIAN_TOLERANCE = 0.10


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_median_is_close_to_the_deterministic_total(path, bundled):
    """Every input's central value is its median, so a product of inputs has the
    deterministic result as its median; a total is a sum of such products, and the median
    of a sum of independent right-skewed terms lies somewhat above the sum of their
    medians (measured at 2,000 draws: archive +4.4 %, collections +7.4 %, chatbot −3.1 %,
    the others within ±5.3 %; with modes instead of medians it was +119 %, +44 % and
    −28 %). 10 % bounds that propagation effect and the sampling error of a median at
    2,000 draws (under 1 %); with factors alone every sample is within 5 %."""
    p = footprint.read_project(path)
    det = cc(footprint.assess(p, bundled))
    s = sample_totals([p], draws=2000, seed=0, factors=bundled)["climate_change"][0]
    assert np.isfinite(s).all() and (s > 0).all()
    assert abs(np.median(s) / det - 1) < MEDIAN_TOLERANCE
    only = sample_totals([p], draws=2000, seed=0, factors=bundled,
                         parameters=False)["climate_change"][0]
    assert abs(np.median(only) / det - 1) < 0.05


def test_shared_streams_move_together(bundled):
    """HDD storage's embodied emissions and electricity share one stream (boavizta-api-
    2.5.0 metadata, shared_draws): each draw puts both at the same quantile, so their
    order agrees draw by draw (ties where a draw is held at a bound)."""
    from footprint._parameter_draws import DrawnRegistry

    idx = np.flatnonzero(bundled.factors["code"].eq("storage.hdd.embodied")
                         & bundled.factors["indicator"].eq("climate_change"))
    f = factor_draws(bundled, idx, draws=500, seed=3)[:, 0]
    reg = DrawnRegistry.wrap(bundled, 500, 3)
    e = reg._drawn(reg.parameter_row("storage.hdd.energy", "GLO"))
    assert (np.diff(e[np.lexsort((e, f))]) >= 0).all()
    assert bundled.shared_draws["storage.hdd.energy"] == "boavizta-api-2.5.0/storage.hdd"
    # an unrelated code keeps its own stream
    lap = np.flatnonzero(bundled.factors["code"].eq("device.laptop")
                         & bundled.factors["stage"].eq("manufacturing")
                         & bundled.factors["indicator"].eq("climate_change"))
    g = factor_draws(bundled, lap, draws=500, seed=3)[:, 0]
    assert not (np.diff(g[np.lexsort((g, f))]) >= 0).all()


def test_assessment_keeps_its_allocation(tiny):
    from footprint.scenarios import apply_overrides

    p = custom(LAPTOP)
    a = footprint.assess(p, tiny, allocation="calendar_time")
    calendar = apply_overrides(p, {"options.allocation": "calendar_time"})
    got = sample_totals([a], draws=300, seed=5, factors=tiny)["climate_change"]
    want = sample_totals([calendar], draws=300, seed=5, factors=tiny)["climate_change"]
    assert np.array_equal(got, want)
    labels, _ = sample_breakdown([p], "stage", draws=10, factors=tiny)["climate_change"]
    assert labels == ["manufacturing", "distribution", "use", "end_of_life"]


def test_hourly_shift_is_kept_in_every_draw(tiny):
    """A concert's 100 kWh FR at 20:00-22:00 Paris, where the test series of
    tests/test_hourly.py is at 80 g/kWh against a mean of 1180/48: the factor is shifted by
    (80 − 24.583)/1000 kgCO2e/kWh in every draw, so the mean of the draws is
    100 × (0.051539 + 0.055417) = 10.696 kg (0.051539: the mean of FR's draws)."""
    from tests.test_hourly import MEAN, SERIES, event

    a = footprint.assess(event({"start": "2025-06-14T20:00", "duration": "2 h"}), tiny,
                         hourly=SERIES)
    s = sample_totals([a], draws=20000, seed=0, factors=tiny, parameters=False)
    assert s["climate_change"][0].mean() == pytest.approx(100 * (MEAN_FR + (80 - MEAN) / 1000),
                                                          rel=0.01)


def test_chunks_of_draws_give_the_same_draws_whatever_their_size(bundled):
    # Drawn parameters are sampled in chunks of draws (bounded memory); the streams are
    # keyed and drawn whole, so every chunk size gives the unchunked result exactly.
    from footprint import uncertainty as mc

    projects = [footprint.read_project(ROOT / "sample_projects" / f"{name}.yaml")
                for name in ("opera_live_replay", "archive_digitisation")]
    whole = mc.group_draws(mc.prepare(projects, draws=24, seed=7, indicators=("climate_change",
                                                                              "water"),
                                      factors=bundled), "tier")
    for chunk in (1, 5, 10**9):  # one draw per chunk, a few, all at once
        chunked = mc._sample(projects, "tier", ("climate_change", "water"), 24, 7, bundled,
                             chunk_service_draws=chunk)
        for indicator, (labels, draws) in whole.items():
            assert chunked[indicator][0] == labels
            np.testing.assert_array_equal(chunked[indicator][1], draws)
