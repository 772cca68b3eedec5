"""Small readers of assessment results shared by the test modules."""


def cc(result) -> float:
    """Climate-change total of an assessment [kgCO2e]."""
    return result.total("climate_change").m_as("kgCO2e")


def quantity(result, name: str) -> float:
    """Sum of the intermediate quantity ``name`` over the project's services."""
    q = result.quantities
    return float(q.loc[q["quantity"] == name, "value"].sum())
