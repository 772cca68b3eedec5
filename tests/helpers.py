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
