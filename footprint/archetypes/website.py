"""The ``website`` kind: a website, an online collection or an online exhibition.

French-calibrated model (in the totals), on the same factors as every other kind so that
a website and a video stream compare on one basis:

- **user devices**: page views × time on page, split by the device mix; each device's
  manufacture is allocated by the project's rule (``device.<id>`` lifetime and daily
  use) and its use electricity is ``device.<id>.power`` × time (ADEME / NegaOctet device
  data, §6.1 of the factors dossier);
- **networks**: data transferred × the per-GB factors ``network.fixed`` / ``network.mobile``
  of the audience country (ADEME / NegaOctet, incl. the home box for fixed lines), with
  the serving below through :func:`footprint.inventory.transfer`;
- **data centres**: shared or cloud hosting: data served × serving energy [Wh/GB],
  electricity of the hosting country. The default is ``dc.web.energy``, Sustainable Web
  Design v4's data-centre operational intensity (55 Wh/GB, a whole infrastructure's
  electricity per GB, facility included), so no PUE is applied on top — the same rule
  as the video kinds with ``dc.video.energy``. Its range runs from Netflix-scale video
  delivery (1.947 Wh/GB, ADEME) to SWD v3's data-centre share (121.5 Wh/GB). Shared and
  cloud hosting are both a per-GB share of such an infrastructure and are modelled alike
  until the datasets hold a cloud-specific figure; their equipment's manufacture is SWD
  v4's data-centre embodied share per GB (``dc.web.embodied``, 0.012 kWh/GB at SWD's
  494 g/kWh = 5.93 gCO2e/GB). Dedicated hosting: whole servers all
  year (``device.server`` manufacture share; power × 8,760 h × PUE of the hosting
  country) instead of a per-GB share.

Traffic and dedicated servers are per year: ``visits_per_year`` and the servers' 8,760 h
are multiplied by the reporting period in years (one year without a period), so every
figure covers the reporting period.

Data per visit = pages per visit × page weight × (1 − return-visit share × cached share):
a return visitor downloads only the part of the page that is not cached.

The green share of the host's energy does not change the French-calibrated figure,
which is location-based (the grid average of the hosting country, as in ADEME's
method); it is recorded and used by the published methods that define it.

Alongside (information, **not** in the totals), the quantities frame gets the figures of
Sustainable Web Design v4 and v3 and of Ecoindex for the same site: ``method.swd_v4``,
``method.swd_v3``, ``method.ecoindex`` [kgCO2e over the period] and ``method.<id>.per_visit``
[gCO2e/visit] (see :mod:`._web_methods`).

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0 (Base Empreinte / NegaOctet devices, networks,
dedicated servers); Sustainable Web Design v3/v4 via CO2.js 0.19.0 (``dc.web.energy``
and the published-method figures); Ecoindex (ecoindex.fr,
CC BY-NC-ND); StatCounter (device shares, France, early 2024); Contentsquare 2021 Digital
Experience Benchmark (time on page).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field, model_validator

from ..inventory import (HOURS_PER_YEAR, QUANTITY_COLUMNS, concat, device_time, quantities,
                         resolve, rows, transfer)
from ..methods import ecoindex
from ..schema.base import Model, QuantityField, ServiceBase, Share
from . import _web_methods as web
from ._common import PER_YEAR, WEB_EMBODIED_CODE, floats, reporting_basis
from ._mixes import NetworkMix, WebDeviceMix, check_shares, mix_columns, mix_device_time

KIND = "website"
#: Manufacture of shared or cloud hosting per GB served (SWD v4 data-centre embodied).
EMBODIED_CODE = WEB_EMBODIED_CODE

DEVICES = WebDeviceMix.keys()
NETWORKS = NetworkMix.keys()

_DEVICE_SOURCE = ("StatCounter, France, early 2024 (via avcaesar.com): computers 49.55 %, "
                  "mobile 47.99 %, tablets about 2.5 %; estimate: computers split 60 % "
                  "laptops / 40 % desktops")
_NETWORK_SOURCE = ("estimate: about 40 % of smartphone page views over a mobile network, "
                   "the rest over fixed lines and Wi-Fi")
_MEDIANS_SOURCE = ("Ecoindex reference median (HTTP Archive population), "
                   "cnumr/ecoindex_reference; " + ecoindex.ATTRIBUTION)


class PageProfile(Model):
    """A kind of page (home, collection record, exhibition room…) and its share of views."""

    name: str = Field(min_length=1, max_length=200)
    share: Share = Field(description="Share of the site's page views.")
    size: QuantityField("kB", ge=0, le=1e7, description="Transferred (compressed) weight "
                        "of the page, e.g. '1.8 MB'.")
    requests: float | None = Field(None, ge=0, le=1e5, description="HTTP requests "
                                   "(Ecoindex only); default: Ecoindex median, 78.")
    nodes: float | None = Field(None, ge=0, le=1e7, description="DOM nodes (Ecoindex only); "
                                "default: Ecoindex median, 693.")


class Service(ServiceBase):
    """A website, online collection or online exhibition, from its yearly traffic."""

    kind: Literal["website"] = "website"
    visits_per_year: float = Field(ge=0, le=1e12, description="Visits (sessions) per year, "
                                   "from the site's analytics. " + PER_YEAR)
    pages_per_visit: float = Field(3.0, gt=0, le=1000, description="Page views per visit. "
                                   "Default 3: estimate (use your analytics).")
    page_weight: QuantityField("kB", ge=0, le=1e7, description="Average transferred weight "
                               "of a page, e.g. '2.4 MB'. Default: Ecoindex median 2,420 kB "
                               "(HTTP Archive population).") | None = None
    requests: float | None = Field(None, ge=0, le=1e5, description="HTTP requests per page "
                                   "(Ecoindex). Default: Ecoindex median, 78.")
    nodes: float | None = Field(None, ge=0, le=1e7, description="DOM nodes per page "
                                "(Ecoindex). Default: Ecoindex median, 693.")
    pages: list[PageProfile] | None = Field(None, min_length=1, max_length=1000, description=(
        "Page profiles with their share of page views, instead of one page_weight."))
    return_visit_share: Share = Field(0.25, description="Share of visits by returning "
                                      "visitors. Default 0.25: SWD v3 (CO2.js 0.19.0).")
    cached_share: Share = Field(0.98, description="Share of a page's data already cached on a "
                                "return visit. Default 0.98: SWD v3 (2 % reloaded).")
    hosting: Literal["shared", "dedicated", "cloud"] = Field(
        "shared", description="shared or cloud: per-GB share of the servers; dedicated: "
        "whole servers running 8,760 h a year. " + PER_YEAR)
    servers: float | None = Field(None, gt=0, le=1e4, description="Dedicated hosting only: "
                                  "number of servers (default 1).")
    server_power: QuantityField("W", gt=0, le=1e5, description="Dedicated hosting only: "
                                "average power of a server. Default: device.server.power "
                                "(ADEME).") | None = None
    pue: float | None = Field(None, ge=1.0, le=3.0, description="Dedicated hosting only: "
                              "power usage effectiveness of the data centre. Default: dc.pue "
                              "of the hosting country (Arcep for FR).")
    serving_energy: QuantityField("Wh/GB", ge=0, le=1e3, description="Shared/cloud hosting: "
                                  "electricity per GB served, servers and facility included "
                                  "(no PUE on top). Default: dc.web.energy (Sustainable Web "
                                  "Design v4, 55 Wh/GB).") | None = None
    green_share: Share = Field(0.0, description="Share of the host's electricity that is "
                               "renewable (used by SWD; the French-calibrated figure is "
                               "location-based).")
    time_on_page: QuantityField("second", gt=0, le=86400, description=(
        "Average time on a page. Default 54 s: Contentsquare 2021 Digital Experience "
        "Benchmark, all industries (secondary reporting).")) = 54.0
    autoplay: bool = Field(True, description="Media start by themselves (RGESN 2024 "
                           "criterion 4.1). Off: autoplay_kb leaves every page's weight.")
    autoplay_kb: QuantityField("kB", ge=0, le=1e7, description="Transferred weight per page "
                               "view of media that play by themselves (an autoplaying hero "
                               "video…), part of the page weight (entered; default 0). "
                               "Counted while autoplay is on.") = 0.0
    device_mix: WebDeviceMix = Field(
        WebDeviceMix(smartphone=0.48, tablet=0.025, laptop=0.3, desktop_with_monitor=0.195),
        description="Share of page views per device. Default: " + _DEVICE_SOURCE + ".")
    network_mix: NetworkMix = Field(NetworkMix(fixed=0.8, mobile=0.2),
                                    description="Share of data per network. Default: "
                                    + _NETWORK_SOURCE + ".")

    @model_validator(mode="after")
    def _consistent(self):
        if self.pages is not None:
            given = [f for f in ("page_weight", "requests", "nodes")
                     if getattr(self, f) is not None]
            if given:
                raise ValueError(f"give either pages (profiles) or {', '.join(given)}, not "
                                 "both: each profile carries its own size, requests and nodes")
            check_shares(((p.name, p.share) for p in self.pages), "pages[*].share")
        if self.hosting != "dedicated":
            for f in ("servers", "server_power", "pue"):
                if getattr(self, f) is not None:
                    raise ValueError(f"{f} = {getattr(self, f):g} applies to hosting "
                                     f"'dedicated' only, but hosting is {self.hosting!r}")
        elif self.serving_energy is not None:
            raise ValueError(f"serving_energy = {self.serving_energy:g} Wh/GB applies to "
                             "shared or cloud hosting; dedicated hosting counts whole servers")
        return self


def _profiles(services):
    """Page profiles of all services, flattened: owner index, share, size, requests, nodes."""
    med = ecoindex.MEDIANS
    flat = []
    for i, s in enumerate(services):
        if s.pages is None:
            flat.append((i, 1.0, s.page_weight, s.requests, s.nodes))
        else:
            flat.extend((i, p.share, p.size, p.requests, p.nodes) for p in s.pages)
    owner = np.array([f[0] for f in flat], dtype=np.intp)
    share = np.array([f[1] for f in flat], dtype=float)
    cols = [np.array([np.nan if f[k] is None else f[k] for f in flat], dtype=float)
            for k in (2, 3, 4)]
    defaulted = [np.isnan(c) for c in cols]
    for c, d, key in zip(cols, defaulted, ("size_kb", "requests", "nodes")):
        c[d] = med[key]
    return owner, share, cols, defaulted


def _sources(services, field: str, default: str) -> list[str]:
    return ["entered" if field in s.model_fields_set else default for s in services]


def inventory(services, paths, ctx):
    """Rows (devices, networks, data centres) and quantities for all website services."""
    n = len(services)
    if not n:
        return concat([]), quantities([], [], [], [])
    reg = ctx.registry
    name = np.array([s.name for s in services], dtype=object)
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    network = np.array([ctx.network(s) for s in services], dtype=object)
    host = np.array([ctx.hosting(s) for s in services], dtype=object)
    visits, ppv, ret, cached, green, seconds = (
        floats([getattr(s, f) for s in services])
        for f in ("visits_per_year", "pages_per_visit", "return_visit_share", "cached_share",
                  "green_share", "time_on_page"))
    visits = visits * ctx.years  # visits over the reporting period
    dedicated = np.array([s.hosting == "dedicated" for s in services])
    shared = ~dedicated

    owner, share, (size_kb, requests, nodes), defaulted = _profiles(services)
    off_kb = floats([s.autoplay_kb * (not s.autoplay) for s in services])
    size_kb = np.maximum(size_kb - off_kb[owner], 0.0)  # autoplay off: its media not loaded
    page_kb = np.bincount(owner, weights=share * size_kb, minlength=n)
    size_defaulted = np.bincount(owner, weights=defaulted[0], minlength=n) > 0
    views = visits * ppv
    data_gb = views * page_kb * 1e-6 * (1.0 - ret * cached)
    hours = views * seconds / 3600.0
    network_mix = mix_columns([s.network_mix for s in services], NETWORKS)

    # user devices: the device types of the mix in one call
    devices, dev_hours = mix_device_time(ctx, service=name, region=audience, hours=hours,
                                         mixes=[s.device_mix for s in services],
                                         component="visitors' devices")
    frames = [devices]
    # networks (in the network country, by default the audience's) and serving per GB
    # (shared, cloud; facility included, no PUE on top); dedicated servers below
    net_gb = {k: data_gb * network_mix[k] for k in NETWORKS}
    wh_gb = np.zeros(n)
    q = []
    if shared.any():
        wh_gb[shared], wh_src = resolve(reg, "dc.web.energy", "Wh/GB", host[shared],
                                        [s.serving_energy for s, k in zip(services, shared)
                                         if k])
        q.append(quantities(name[shared], "serving energy per GB", wh_gb[shared], "Wh/GB",
                            wh_src))
    frames.append(transfer(ctx, service=name, data_gb=data_gb, network_shares=network_mix,
                           region=network, hosting_region=host, serving_wh_per_gb=wh_gb,
                           component_dc="web hosting (per GB served)"))
    # manufacture of shared and cloud hosting: SWD v4's data-centre embodied share per GB
    # (dedicated servers carry their own device.server share below)
    sel = shared & (data_gb > 0)
    if sel.any():
        frames.append(rows(service=name[sel], component="web hosting (manufacture, per GB)",
                           tier="data_centres", flow="data", amount=data_gb[sel],
                           factor_code=EMBODIED_CODE, region=host[sel]))
    dc_kwh = data_gb * wh_gb / 1000.0
    if dedicated.any():
        dsv = [s for s, k in zip(services, dedicated) if k]
        n_servers = np.array([s.servers or 1.0 for s in dsv])
        power, power_src = resolve(reg, "device.server.power", "W", host[dedicated],
                                   [s.server_power for s in dsv])
        pue, pue_src = resolve(reg, "dc.pue", "dimensionless", host[dedicated],
                               [s.pue for s in dsv])
        server_h = n_servers * HOURS_PER_YEAR * ctx.years
        dc_kwh[dedicated] = power * server_h / 1000.0 * pue
        frames.append(device_time(ctx, service=name[dedicated], component="dedicated servers",
                                  tier="data_centres", device="server", hours=server_h,
                                  region=host[dedicated], use=False))
        frames.append(rows(service=name[dedicated], component="dedicated servers",
                           tier="data_centres", flow="electricity", amount=dc_kwh[dedicated],
                           factor_code="electricity", region=host[dedicated],
                           electricity_kwh=dc_kwh[dedicated]))
        q += [quantities(name[dedicated], "servers", n_servers, "server",
                         ["entered" if s.servers else "default: 1 server" for s in dsv]),
              quantities(name[dedicated], "server power", power, "W", power_src),
              quantities(name[dedicated], "PUE", pue, "-", pue_src)]

    # published methods, for comparison only (quantities, never inventory rows)
    per_page = web.per_page_gco2e(size_kb, requests, nodes, green_share=green[owner],
                                  return_share=ret[owner], reload_ratio=1.0 - cached[owner])
    per_visit = web.per_visit_gco2e(owner, share, n, ppv, per_page)

    def add(quantity, value, unit, source):
        q.append(quantities(name, quantity, value, unit, source))

    weight_src = ["entered (page profiles)" if s.pages is not None else "entered"
                  for s in services]
    q.append(reporting_basis(ctx, name, per_year=True))
    add("visits", visits, "visit", "entered visits_per_year × reporting basis")
    add("pages per visit", ppv, "page/visit",
        _sources(services, "pages_per_visit", "estimate: 3 pages per visit (default)"))
    add("page views", views, "page", "visits × pages per visit")
    add("page weight", page_kb, "kB",
        np.where(off_kb > 0, "entered page weight − autoplay_kb (autoplay off)",
                 np.where(size_defaulted, _MEDIANS_SOURCE, weight_src)))
    add("time on page", seconds, "s", _sources(
        services, "time_on_page", "Contentsquare 2021 Digital Experience Benchmark (54 s)"))
    mix_src = _sources(services, "device_mix", _DEVICE_SOURCE)
    for d in DEVICES:
        add(f"device hours ({d})", dev_hours[d], "hour",
            [f"page views × time on page × device_mix.{d} ({src})" for src in mix_src])
    add("data transferred", data_gb, "GB",
        "page views × page weight × (1 − return_visit_share × cached_share)")
    net_src = _sources(services, "network_mix", _NETWORK_SOURCE)
    for k in NETWORKS:
        add(f"data transferred ({k})", net_gb[k], "GB",
            [f"data transferred × network_mix.{k} ({src})" for src in net_src])
    add("data-centre electricity", dc_kwh, "kWh",
        np.where(dedicated, "servers × power × 8,760 h × reporting basis × PUE",
                 "data transferred × serving energy per GB"))
    add("green share", green, "-",
        [src + " (used by SWD only; the French-calibrated figure is location-based)"
         for src in _sources(services, "green_share", "default: 0")])
    for m in web.METHODS:
        add(f"method.{m}", per_visit[m] * visits / 1000.0, "kgCO2e", web.SOURCES[m])
        add(f"method.{m}.per_visit", per_visit[m], "gCO2e/visit", web.SOURCES[m])
    return concat(frames), concat(q, QUANTITY_COLUMNS)
