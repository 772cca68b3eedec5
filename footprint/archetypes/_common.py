"""Helpers shared by the kinds: service parameters as float arrays, the reporting basis
of a kind's figures, and the check of device ids that a user types freely.

Reporting basis
---------------
A project may give a ``reporting_period``; ``Context.years`` is its length in years
(days / 365), or 1 without one. Every kind's parameters have one of two bases:

- **per year** (named or described so: ``visits_per_year``, days open per year, servers
  running all year…): multiplied by ``ctx.years``;
- **total over the period** (hours viewed, listens, requests, an event, a digitisation
  campaign with its own storage years…): taken as entered.

Each kind records a quantity ``reporting basis`` per service (:func:`reporting_basis`)
and says the basis of its parameters in their Field descriptions (:data:`PER_YEAR`,
:data:`TOTAL`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from ..errors import ProjectError, UnknownFactorError
from ..inventory import quantities

__all__ = ["floats", "PER_YEAR", "TOTAL", "reporting_basis", "check_devices"]

#: Sentence appended to the description of a per-year parameter.
PER_YEAR = ("Per year: multiplied by the reporting period in years (one year when the "
            "project gives no reporting_period).")
#: Sentence appended to the description of a total.
TOTAL = "Total over the reporting period, as entered (not scaled by its length)."

BASIS_SOURCES = {"period": "reporting period",
                 "one_year": "one year (no reporting period given)",
                 "totals": "totals over the period as entered",
                 "totals_no_period": "totals as entered (no reporting period given)",
                 "horizon": "the campaign's own horizon (storage and viewing years)"}


#: Manufacture of web-serving infrastructure (shared or cloud hosting, a campaign's image
#: servers) per GB served: SWD v4's data-centre embodied share (dataset
#: sustainable-web-design-v4-2024), on the same boundary as the serving energy dc.web.energy.
WEB_EMBODIED_CODE = "dc.web.embodied"

def floats(values) -> np.ndarray:
    """A float array from a sequence of optional numbers (``None`` → NaN)."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def reporting_basis(ctx, names, per_year: bool, horizon_years=None):
    """The ``reporting basis`` quantity of each service: the years its figures cover.

    Parameters
    ----------
    ctx : Context
        Its reporting period (``period_years``) and ``years``.
    names : array of str
        Service names.
    per_year : bool
        True for kinds whose parameters are per year (multiplied by ``ctx.years``): the
        value is ``ctx.years``. False for totals taken as entered: the reporting period,
        or NaN when the project gives none (the totals cover whatever they cover).
    horizon_years : array of float, optional
        For kinds with a horizon of their own (a digitisation campaign's storage and
        viewing years): that horizon, per service [year].
    """
    names = np.asarray(names, dtype=object)
    if horizon_years is not None:
        return quantities(names, "reporting basis", np.asarray(horizon_years, dtype=float),
                          "year", BASIS_SOURCES["horizon"])
    if per_year:
        return quantities(names, "reporting basis", ctx.years, "year",
                          BASIS_SOURCES["one_year" if ctx.period_years is None else "period"])
    if ctx.period_years is None:
        return quantities(names, "reporting basis", np.nan, "year",
                          BASIS_SOURCES["totals_no_period"])
    return quantities(names, "reporting basis", ctx.period_years, "year",
                      BASIS_SOURCES["totals"])


def check_devices(registry, entries: Iterable[tuple[str, str, tuple[str, ...]]]) -> None:
    """Raise :class:`ProjectError` unless each device id has what the kind needs.

    Parameters
    ----------
    entries : iterable of (device id, path, parameter names)
        The id typed by the user (``camera_broadcast``), where it is in the project
        (``services[1].production_equipment[0].device``) and the ``device.<id>.<name>``
        parameters needed (``("lifetime", "power")``). The ``device.<id>`` factor must
        exist and characterise devices.
    """
    for device, path, needed in entries:
        code = f"device.{device}"
        try:
            if registry.flow(code) != "device":
                raise ProjectError(f"device {device!r} cannot be used here: {code!r} is not "
                                   f"a device factor", path=path, value=device)
            for name in needed:
                registry.resolve_region(f"{code}.{name}", "GLO", parameter=True)
        except UnknownFactorError as exc:
            raise ProjectError(f"device {device!r} cannot be used here: {exc}", path=path,
                               value=device) from None
