"""Small readers of assessment results shared by the test modules."""


def cc(result) -> float:
    """Climate-change total of an assessment [kgCO2e]."""
    return result.total("climate_change").m_as("kgCO2e")


def quantity(result, name: str) -> float:
    """Sum of the intermediate quantity ``name`` over the project's services."""
    q = result.quantities
    return float(q.loc[q["quantity"] == name, "value"].sum())


def assert_climate_covered(result) -> None:
    """Every tier, and every tier's manufacturing and use, has a climate-change factor: the
    only rows not covered are the distribution and end of life of equipment no source
    gives them for (data-centre servers, storage, projectors…; issue 8), never 0."""
    nc = result.not_covered("climate_change")
    assert set(nc["stage"]) <= {"distribution", "end_of_life"}, nc
    status = result.totals().set_index("indicator").loc["climate_change", "status"]
    assert status in ("complete", "partial", "empty")


def distribution_moments(value, low, high, distribution, points: int = 200_001):
    """Mean and standard deviation of the Monte Carlo distribution of each input, written
    from its density (not from ``draw_values``' inverse CDF), by the trapezoid rule:

    - ``uniform``: half the probability flat on [low, value], half on [value, high];
    - ``triangular`` with low ≤ 0: half in a triangle rising from low to the value, half in
      one falling from the value to high;
    - ``triangular`` with low > 0: ln X a symmetric triangle on ln(value) ± ln(high/low)/2,
      X clipped to [low, high] (the clipped mass sits on the bound).
    """
    import numpy as np

    c, a, b = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (value, low, high))
    dist = np.broadcast_to(np.asarray(distribution, dtype=str), c.shape)
    means, sds = np.empty(c.shape), np.empty(c.shape)
    for i in range(c.size):
        if b[i] == a[i]:
            means[i], sds[i] = c[i], 0.0
            continue
        if dist[i] == "triangular" and a[i] > 0:
            m, w = np.log(c[i]), np.log(b[i] / a[i]) / 2
            t = np.linspace(m - w, m + w, points)
            dens = (w - np.abs(t - m)) / w**2
            x = np.clip(np.exp(t), a[i], b[i])
        else:
            x = np.linspace(a[i], b[i], points)
            left, right = x <= c[i], x > c[i]
            if dist[i] == "uniform":
                dens = np.where(left, 0.5 / (c[i] - a[i]), 0.5 / (b[i] - c[i]))
            else:
                dens = np.where(left, (x - a[i]) / (c[i] - a[i]) ** 2,
                                (b[i] - x) / (b[i] - c[i]) ** 2)
            t = x
        mean = np.trapezoid(x * dens, t)
        means[i] = mean
        sds[i] = np.sqrt(np.trapezoid((x - mean) ** 2 * dens, t))
    return means, sds
