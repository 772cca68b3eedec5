"""Parameters of the ``website`` kind resolved from the factor registry, with the source
of each value (``"entered"`` or ``"<dataset>: <code>"``, prefixed ``estimate:`` when the
dataset labels the value an estimate)."""

from __future__ import annotations

import numpy as np

from ..inventory import parameter_vector

__all__ = ["resolve"]


def resolve(registry, code: str, unit: str, regions, entered):
    """Values of parameter ``code`` per region where the user entered none.

    Parameters
    ----------
    registry : FactorRegistry
    code : str
        Parameter code (``dc.pue``…).
    unit : str
        Unit to convert to.
    regions : array of str
        Region of each look-up.
    entered : sequence of float or None
        Values entered by the user; None means "take the dataset's" [unit].

    Returns
    -------
    values : ndarray
        In ``unit``.
    sources : ndarray of object
        Source of each value.
    """
    regions = np.asarray(regions, dtype=object)
    values = np.array([np.nan if v is None else float(v) for v in entered], dtype=float)
    sources = np.full(values.shape, "entered", dtype=object)
    missing = np.isnan(values)
    if missing.any():
        values[missing] = parameter_vector(registry, code, unit, regions[missing].astype(str))
        labels = {}
        for region in dict.fromkeys(regions[missing]):
            row = registry.parameter_row(code, region)
            prefix = "estimate: " if row.get("quality") == "estimate" else ""
            used = row.name[1] if isinstance(row.name, tuple) else region
            labels[region] = f"{prefix}{row.get('dataset', '')}: {code} [{used}]"
        sources[missing] = [labels[r] for r in regions[missing]]
    return values, sources
