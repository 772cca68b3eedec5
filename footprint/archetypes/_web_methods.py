"""Published web-page methods for the ``website`` kind: Sustainable Web Design v4 and v3
and Ecoindex, for the pages of many services at once (numpy, no loop per page).

These figures are *information* (how far published per-page methods put the same site):
the ``website`` kind records them in its quantities frame, never in the inventory, so
they are not added to the totals.

How the site's parameters are passed to each method
---------------------------------------------------
- **SWD v4** ([1]_): :func:`footprint.methods.swd.per_visit` with the page weight of each
  page profile, ``green_hosting_factor = green_share``, ``return_visit_share`` and
  ``data_reload_ratio = 1 - cached_share`` of the site; the global grid intensity of
  the method (494 gCO2e/kWh). A "visit" of SWD is one page view, so the site's visit
  is ``pages_per_visit`` SWD visits.
- **SWD v3** ([2]_): the same, but SWD v3 knows only all-or-nothing green hosting, so
  the site counts as green only when ``green_share == 1``; global intensity 472.94.
- **Ecoindex** ([3]_): GHG per page view of each profile (from its DOM nodes, requests
  and size); the method has no caching: every page view counts in full.

Per service: ``per visit = pages_per_visit × Σ_profiles share × per page view``.

To stay vectorised when services differ in green share and visit shares, each method
is run once over all pages with neutral options and the published formulas are
applied to its segment arrays (SWD v4: ``F = DC_op × (1 − h) + DC_emb + NET + DEV``,
``per view = f F + r q F``; v3: ``(f + r q) × total``, green or grey total chosen per
page). The results equal direct calls of :func:`~footprint.methods.swd.per_visit` with
the same options to float rounding (tests check it).

References
----------
.. [1] Sustainable Web Design, "Estimating digital emissions" (v4),
   https://sustainablewebdesign.org/estimating-digital-emissions/
.. [2] Sustainable Web Design, "Estimating digital emissions, version 3",
   https://sustainablewebdesign.org/estimating-digital-emissions-version-3/
.. [3] Ecoindex, https://www.ecoindex.fr/en/how-it-works/ (CC BY-NC-ND)
"""

from __future__ import annotations

import numpy as np

from ..methods import ecoindex, swd
from ..methods import _swd_constants as K

__all__ = ["METHODS", "SOURCES", "per_page_gco2e", "per_visit_gco2e"]

#: Method ids used in quantity ids (``method.<id>``), in display order.
METHODS = ("swd_v4", "swd_v3", "ecoindex")

#: Source strings recorded with the method rows.
SOURCES = {
    "swd_v4": (f"Sustainable Web Design v4 (formulas of CO2.js {K.CO2JS_REFERENCE_VERSION}; "
               "global grid 494 gCO2e/kWh; green share and visit shares of the site) — "
               "information, not in the totals"),
    "swd_v3": (f"Sustainable Web Design v3 (formulas of CO2.js {K.CO2JS_REFERENCE_VERSION}; "
               "global grid 472.94 gCO2e/kWh; green only when green_share = 1, then 50 "
               "gCO2e/kWh for the data centre) — information, not in the totals"),
    "ecoindex": (f"{ecoindex.ATTRIBUTION}; method of ecoindex-compute "
                 f"{ecoindex.REFERENCE_VERSION}: GHG per page view from its score "
                 "(1-3 gCO2e), no caching — information, not in the totals"),
}


def per_page_gco2e(size_kb, requests, nodes, *, green_share, return_share,
                   reload_ratio) -> dict[str, np.ndarray]:
    """Emissions of one average page view of each page, by method.

    Parameters
    ----------
    size_kb : array
        Transferred size of each page [kB = 1000 bytes].
    requests, nodes : array
        HTTP requests and DOM nodes of each page [count].
    green_share : array
        Share of the host's energy that is renewable, 0-1 [-].
    return_share : array
        Share of visits that are return visits, 0-1 [-].
    reload_ratio : array
        Share of the bytes downloaded again on a return visit (1 - cached share) [-].

    Returns
    -------
    dict
        ``{"swd_v4", "swd_v3", "ecoindex"}`` → gCO2e per page view (arrays).
    """
    size_kb = np.asarray(size_kb, dtype=float)
    h, r, q = (np.broadcast_to(np.asarray(x, dtype=float), size_kb.shape)
               for x in (green_share, return_share, reload_ratio))
    data_bytes = size_kb * 1000.0
    f = 1.0 - r
    b = swd.per_byte(data_bytes, version=4).breakdown_gco2e
    view = (b["data_centre_operational"] * (1 - h) + b["data_centre_embodied"]
            + b["network_operational"] + b["network_embodied"]
            + b["device_operational"] + b["device_embodied"])
    v4 = view * f + (view * q) * r
    grey = swd.per_byte(data_bytes, version=3).total_gco2e
    green = swd.per_byte(data_bytes, version=3, green_hosting_factor=1.0).total_gco2e
    v3 = np.where(h == 1.0, green, grey) * (f + r * q)
    eco = ecoindex.compute(np.asarray(nodes, dtype=float), np.asarray(requests, dtype=float),
                           size_kb).ghg_gco2e
    return {"swd_v4": np.asarray(v4, dtype=float), "swd_v3": np.asarray(v3, dtype=float),
            "ecoindex": np.asarray(eco, dtype=float)}


def per_visit_gco2e(owner, share, n_services: int, pages_per_visit,
                    per_page: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Per-visit emissions of each service: pages per visit × share-weighted page view.

    Parameters
    ----------
    owner : array of int
        Index of the service of each page profile.
    share : array
        Share of the service's page views that each profile represents [-].
    n_services : int
        Number of services.
    pages_per_visit : array
        Page views per visit of each service [-].
    per_page : dict
        Output of :func:`per_page_gco2e` [gCO2e per page view].
    """
    ppv = np.asarray(pages_per_visit, dtype=float)
    return {m: np.bincount(owner, weights=share * per_page[m], minlength=n_services) * ppv
            for m in METHODS}
