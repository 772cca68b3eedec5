"""The ``website`` kind: a website, an online collection or an online exhibition.

French-calibrated model (in the totals), on the same factors as every other kind so that
a website and a video stream compare on one basis:

- **user devices**: page views × time on page, split by the device mix; each device's
  manufacture is allocated by the project's rule (``device.<id>`` lifetime and daily
  use) and its use electricity is ``device.<id>.power`` × time (ADEME / NegaOctet device
  data, §6.1 of the factors dossier);
- **networks**: data transferred × the per-GB factors ``network.fixed`` / ``network.mobile``
  of the audience country (ADEME / NegaOctet, incl. the home box for fixed lines);
- **data centres**: shared or cloud hosting: data served × serving energy [Wh/GB],
  electricity of the hosting country. The datasets have no web-specific serving energy,
  so the default is ``dc.video.energy`` (1.947 Wh/GB, ADEME's Netflix-derived video
  delivery figure), labelled as such. That figure is a whole infrastructure's
  electricity (servers, CDN, facility) per GB, so no PUE is applied on top — the same
  rule as the video kinds (``_viewing``). Shared and cloud hosting are both a per-GB
  share of such an infrastructure and are modelled alike until the datasets hold a
  cloud-specific figure. Dedicated hosting: whole servers all year (``device.server``
  manufacture share; power × 8,760 h × PUE of the hosting country) instead of a per-GB
  share.

Data per visit = pages per visit × page weight × (1 − return-visit share × cached share):
a return visitor downloads only the part of the page that is not cached.

The green share of the host's energy does not change the French-calibrated figure,
which is location-based (the grid average of the hosting country, as in ADEME's
method); it is recorded and used by the published methods that define it.

Alongside (information, **not** in the totals), the quantities frame gets the figures of
Sustainable Web Design v4 and v3 and of Ecoindex for the same site: ``method.swd_v4``,
``method.swd_v3``, ``method.ecoindex`` [kgCO2e/year] and ``method.<id>.per_visit``
[gCO2e/visit] (see :mod:`._web_methods`).

References
----------
ADEME, ``publicodes-acv-numerique`` 2.1.0 (Base Empreinte / NegaOctet devices, networks,
data centres); Sustainable Web Design v3/v4 via CO2.js 0.19.0; Ecoindex (ecoindex.fr,
CC BY-NC-ND); StatCounter (device shares, France, early 2024); Contentsquare 2021 Digital
Experience Benchmark (time on page).
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
from pydantic import Field, model_validator

from ..inventory import HOURS_PER_YEAR, concat, device_share, device_time, quantities, rows
from ..methods import ecoindex
from ..schema.base import Model, QuantityField, ServiceBase, Share
from . import _web_methods as web
from ._web_params import resolve

KIND = "website"

DEVICES = ("smartphone", "tablet", "laptop", "desktop_with_monitor")
NETWORKS = ("fixed", "mobile")
_SUM_TOLERANCE = 1e-6

_DEVICE_SOURCE = ("StatCounter, France, early 2024 (via avcaesar.com): computers 49.55 %, "
                  "mobile 47.99 %, tablets about 2.5 %; estimate: computers split 60 % "
                  "laptops / 40 % desktops")
_NETWORK_SOURCE = ("estimate: about 40 % of smartphone page views over a mobile network, "
                   "the rest over fixed lines and Wi-Fi")
_MEDIANS_SOURCE = ("Ecoindex reference median (HTTP Archive population), "
                   "cnumr/ecoindex_reference; " + ecoindex.ATTRIBUTION)


def _fill_mix(keys):
    """A mix given with some keys only: the missing shares are 0."""
    def fill(data: Any) -> Any:
        if isinstance(data, dict) and data:
            return {**dict.fromkeys(keys, 0.0), **data}
        return data
    return fill


def _check_sum(mix: Model, what: str) -> Model:
    values = mix.model_dump()
    total = sum(values.values())
    if abs(total - 1.0) > _SUM_TOLERANCE:
        shares = ", ".join(f"{k} {v:g}" for k, v in values.items())
        raise ValueError(f"{what} shares must sum to 1, got {total:g} ({shares})")
    return mix


class WebDeviceMix(Model):
    """Share of page views on each kind of device (summing to 1; missing keys are 0)."""

    smartphone: Share = 0.0
    tablet: Share = 0.0
    laptop: Share = 0.0
    desktop_with_monitor: Share = 0.0

    _fill = model_validator(mode="before")(_fill_mix(DEVICES))

    @model_validator(mode="after")
    def _sums_to_one(self):
        return _check_sum(self, "device_mix")


class WebNetworkMix(Model):
    """Share of the data sent over fixed lines (incl. Wi-Fi at home) and mobile networks."""

    fixed: Share = 0.0
    mobile: Share = 0.0

    _fill = model_validator(mode="before")(_fill_mix(NETWORKS))

    @model_validator(mode="after")
    def _sums_to_one(self):
        return _check_sum(self, "network_mix")


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
    """A website, online collection or online exhibition, over one year of traffic."""

    kind: Literal["website"] = "website"
    visits_per_year: float = Field(ge=0, le=1e12, description="Visits (sessions) per year, "
                                   "from the site's analytics.")
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
        "whole servers all year.")
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
                                  "(no PUE on top). Default: dc.video.energy (ADEME, video "
                                  "delivery; no web-specific value).") | None = None
    green_share: Share = Field(0.0, description="Share of the host's electricity that is "
                               "renewable (used by SWD; the French-calibrated figure is "
                               "location-based).")
    time_on_page: QuantityField("second", gt=0, le=86400, description=(
        "Average time on a page. Default 54 s: Contentsquare 2021 Digital Experience "
        "Benchmark, all industries (secondary reporting).")) = 54.0
    device_mix: WebDeviceMix = Field(
        WebDeviceMix(smartphone=0.48, tablet=0.025, laptop=0.3, desktop_with_monitor=0.195),
        description="Share of page views per device. Default: " + _DEVICE_SOURCE + ".")
    network_mix: WebNetworkMix = Field(WebNetworkMix(fixed=0.8, mobile=0.2),
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
            total = sum(p.share for p in self.pages)
            if abs(total - 1.0) > _SUM_TOLERANCE:
                raise ValueError(f"pages[*].share must sum to 1, got {total:g}")
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


def _floats(services, field: str) -> np.ndarray:
    return np.array([getattr(s, field) for s in services], dtype=float)


def _mix(services, field: str, keys) -> dict[str, np.ndarray]:
    return {k: np.array([getattr(getattr(s, field), k) for s in services]) for k in keys}


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
    host = np.array([ctx.hosting(s) for s in services], dtype=object)
    visits, ppv, ret, cached, green, seconds = (
        _floats(services, f) for f in ("visits_per_year", "pages_per_visit",
                                       "return_visit_share", "cached_share", "green_share",
                                       "time_on_page"))
    dedicated = np.array([s.hosting == "dedicated" for s in services])
    shared = ~dedicated

    owner, share, (size_kb, requests, nodes), defaulted = _profiles(services)
    page_kb = np.bincount(owner, weights=share * size_kb, minlength=n)
    size_defaulted = np.bincount(owner, weights=defaulted[0], minlength=n) > 0
    views = visits * ppv
    data_gb = views * page_kb * 1e-6 * (1.0 - ret * cached)
    hours = views * seconds / 3600.0
    device_mix = _mix(services, "device_mix", DEVICES)
    network_mix = _mix(services, "network_mix", NETWORKS)

    frames = []
    # user devices: the 4 device types of the mix stacked in one call
    dev_hours = {d: hours * device_mix[d] for d in DEVICES}
    h_all = np.concatenate([dev_hours[d] for d in DEVICES])
    keep = h_all > 0
    if keep.any():
        frames.append(device_time(ctx, service=np.tile(name, len(DEVICES))[keep],
                                  component="visitors' devices", tier="user_devices",
                                  device=np.repeat(np.array(DEVICES), n)[keep],
                                  hours=h_all[keep],
                                  region=np.tile(audience, len(DEVICES))[keep]))
    # networks: per-GB life-cycle factors of the audience country
    net_gb = {k: data_gb * network_mix[k] for k in NETWORKS}
    for k in NETWORKS:
        sel = net_gb[k] > 0
        if sel.any():
            frames.append(rows(service=name[sel], component=f"network transfer ({k})",
                               tier="networks", flow="data", amount=net_gb[k][sel],
                               factor_code=f"network.{k}", region=audience[sel]))
    # data centres: per GB served (shared, cloud) or whole servers (dedicated)
    dc_kwh = np.zeros(n)
    q = []
    if shared.any():
        wh_gb, wh_src = resolve(reg, "dc.video.energy", "Wh/GB", host[shared],
                                [s.serving_energy for s, k in zip(services, shared) if k])
        wh_src = [src if src == "entered" else
                  f"{src} (video-delivery figure, facility included, used for web serving: "
                  "the datasets have no web-specific value)" for src in wh_src]
        dc_kwh[shared] = data_gb[shared] * wh_gb / 1000.0
        frames.append(rows(service=name[shared], component="web hosting (per GB served)",
                           tier="data_centres", flow="electricity", amount=dc_kwh[shared],
                           factor_code="electricity", region=host[shared],
                           electricity_kwh=dc_kwh[shared]))
        q.append(quantities(name[shared], "serving energy per GB", wh_gb, "Wh/GB", wh_src))
    if dedicated.any():
        dsv = [s for s, k in zip(services, dedicated) if k]
        n_servers = np.array([s.servers or 1.0 for s in dsv])
        power, power_src = resolve(reg, "device.server.power", "W", host[dedicated],
                                   [s.server_power for s in dsv])
        pue, pue_src = resolve(reg, "dc.pue", "dimensionless", host[dedicated],
                               [s.pue for s in dsv])
        server_h = n_servers * HOURS_PER_YEAR
        dc_kwh[dedicated] = power * server_h / 1000.0 * pue
        frames.append(rows(service=name[dedicated], component="dedicated servers",
                           tier="data_centres", flow="device",
                           amount=device_share(reg, "server", server_h, host[dedicated],
                                               ctx.allocation),
                           factor_code="device.server", region=host[dedicated]))
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
    add("visits", visits, "visit/year", "entered")
    add("pages per visit", ppv, "page/visit",
        _sources(services, "pages_per_visit", "estimate: 3 pages per visit (default)"))
    add("page views", views, "page/year", "visits × pages per visit")
    add("page weight", page_kb, "kB", np.where(size_defaulted, _MEDIANS_SOURCE, weight_src))
    add("time on page", seconds, "s", _sources(
        services, "time_on_page", "Contentsquare 2021 Digital Experience Benchmark (54 s)"))
    mix_src = _sources(services, "device_mix", _DEVICE_SOURCE)
    for d in DEVICES:
        add(f"device hours ({d})", dev_hours[d], "hour/year",
            [f"page views × time on page × device_mix.{d} ({src})" for src in mix_src])
    add("data transferred", data_gb, "GB/year",
        "page views × page weight × (1 − return_visit_share × cached_share)")
    net_src = _sources(services, "network_mix", _NETWORK_SOURCE)
    for k in NETWORKS:
        add(f"data transferred ({k})", net_gb[k], "GB/year",
            [f"data transferred × network_mix.{k} ({src})" for src in net_src])
    add("data-centre electricity", dc_kwh, "kWh/year",
        np.where(dedicated, "servers × power × 8,760 h × PUE", "data transferred × serving "
                 "energy per GB"))
    add("green share", green, "-",
        [src + " (used by SWD only; the French-calibrated figure is location-based)"
         for src in _sources(services, "green_share", "default: 0")])
    for m in web.METHODS:
        add(f"method.{m}", per_visit[m] * visits / 1000.0, "kgCO2e/year", web.SOURCES[m])
        add(f"method.{m}.per_visit", per_visit[m], "gCO2e/visit", web.SOURCES[m])
    return concat(frames), concat(q, ("service", "quantity", "value", "unit", "source"))
