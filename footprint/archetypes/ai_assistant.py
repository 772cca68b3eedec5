"""The ``ai_assistant`` kind: a chatbot guide or search assistant that answers with a
large language model (LLM), reached through a provider's API or self-hosted.

Per request, EcoLogits (GenAI Impact, MPL-2.0; optional dependency, imported inside
functions) computes the server electricity (GPUs + rest of the server, PUE included)
and the share of the servers' and GPUs' manufacture allocated to the request, from the
model's size in its model repository and the number of output tokens. This kind turns
those figures into inventory rows for all the project's assistants at once:

- ``data_centres`` electricity [kWh] = EcoLogits request energy × requests, in the
  hosting region, characterised by footprint's own electricity factors (as every kind);
- ``data_centres`` device [share of one device] = share of one 8-GPU AI server with its
  GPUs = EcoLogits embodied GWP × requests ÷ (S + 8·G)_GWP, factor ``device.ai_server_8gpu``
  (dataset ``ecologits-ai-servers-0.11.3``, manufacturing; climate change, abiotic
  depletion, primary energy). EcoLogits' embodied impact is (n/8)·S + n·G = (n/8)·(S + 8·G)
  for n GPUs times the request's share of the server time, so one share reproduces its
  embodied GWP, ADPe and PE alike (S = server without GPUs, G = one GPU);
- ``user_devices``: device time (requests × seconds per request × device mix) → share
  of each device's manufacture and its use electricity;
- ``networks``: requests × data per request × network mix, per-GB network factors.

EcoLogits gives ranges (min–max) for closed models whose size is not published: the
electricity and server-share rows take the midpoint (``RangeValue.mean``) as ``amount``
and EcoLogits' min and max as ``amount_low`` and ``amount_high``, which characterisation
multiplies by the factors' low and high values; the quantities table carries EcoLogits'
own low, central and high figures. EcoLogits 0.11.3 does not use input (prompt) tokens.

References
----------
EcoLogits 0.11.3, ``ecologits/impacts/llm.py``; https://ecologits.ai (methodology
"LLM inference"). Project research dossier ``factors.md`` §9 (method, example results)
and §4 (data-centre PUE, server embodied impacts).
"""

from __future__ import annotations

import math
import re
import warnings
from typing import Literal

import numpy as np
from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..errors import DatasetError, ProjectError, UnknownFactorError
from ..inventory import concat, device_time, parameter_vector, quantities, rows
from ..schema.base import QuantityField, ServiceBase, Share
from . import _ecologits as eco

KIND = "ai_assistant"

#: Manufacture of one 8-GPU AI server with its GPUs (S + 8·G of EcoLogits), per device.
SERVER_CODE = "device.ai_server_8gpu"

NetworkType = Literal["fixed", "mobile", "fixed_excl_box"]

#: Where each default comes from (shown in field descriptions and quantity sources).
DEFAULT_SOURCES = {
    "output_tokens": "estimate: a short answer of about 190 words; 250 output tokens is the "
                     "answer length of the EcoLogits examples in factors.md §9.2 (Mistral AI's "
                     "2025 LCA uses 400 tokens for a Le Chat answer)",
    "request_latency": "no cap, as EcoLogits' compute_llm_impacts without a measured latency",
    "device_mix": "estimate: half smartphones, half laptops (no published device mix for "
                  "chatbot use was found)",
    "device_time_per_request": "estimate: 60 s per request, typing a short question "
                               "(~10 s) and reading a 250-token answer (~190 words at "
                               "~240 words/min ≈ 50 s)",
    "data_per_request": "estimate: 50 kB per request, a 250-token answer streamed as "
                        "server-sent events of ~200 bytes each plus the question and "
                        "protocol overhead; loading the chat page itself is not included",
    "network_mix": "estimate: 80 % fixed network (including Wi-Fi at home or in the venue), "
                   "20 % mobile",
}
_ID_RE = re.compile(r"^[a-z0-9_]+$")


def _desc(text: str, field: str) -> str:
    return f"{text} Default: {DEFAULT_SOURCES[field]}."


def _check_mix(mix: dict, field: str, what: str) -> dict:
    bad = [k for k in mix if not _ID_RE.match(k)]
    if bad:
        raise ValueError(f"{field}: {bad[0]!r} is not a {what} id (lowercase letters, digits "
                         f"and '_', e.g. 'smartphone')")
    total = sum(mix.values())
    if not math.isclose(total, 1.0, abs_tol=1e-6):
        raise ValueError(f"{field}: the shares must sum to 1, got {total:g} "
                         f"({', '.join(f'{k}: {v:g}' for k, v in mix.items())})")
    return mix


class Service(ServiceBase):
    """An AI assistant (chatbot guide, search assistant) answering with an LLM."""

    kind: Literal["ai_assistant"] = "ai_assistant"
    provider: str = Field(
        min_length=1, description="EcoLogits provider id: 'mistralai', 'openai', 'anthropic', "
        "'google_genai', 'cohere' or 'huggingface_hub' (open-weight models).")
    model: str = Field(
        min_length=1, description="Model name as in EcoLogits' model repository, e.g. "
        "'mistral-small-latest', 'gpt-4o-mini'.")
    self_hosted: bool = Field(
        False, description="The model runs in the project's own data centre: its "
        "electricity is the project's hosting country's and its PUE the dataset's 'dc.pue' "
        "there. Default: no, the provider's data centres (location and PUE from EcoLogits).")
    requests: float | None = Field(
        None, ge=0, le=1e13, description="Requests (questions answered) over the reporting "
        "period, usually a year; or give 'conversations' and 'requests_per_conversation'. "
        "[request]")
    conversations: float | None = Field(
        None, ge=0, le=1e12, description="Conversations over the reporting period, instead of "
        "'requests'. [conversation]")
    requests_per_conversation: float | None = Field(
        None, gt=0, le=1000, description="Requests in an average conversation (with "
        "'conversations'). [request]")
    output_tokens: float = Field(
        250, ge=1, le=1_000_000, description=_desc("Tokens generated per answer. [token]",
                                                   "output_tokens"))
    request_latency: QuantityField("s", gt=0) | None = Field(  # type: ignore[valid-type]
        None, description=_desc("Measured time to answer a request; EcoLogits caps the "
                                "generation time with it. [s]", "request_latency"))
    device_mix: dict[str, Share] = Field(
        {"smartphone": 0.5, "laptop": 0.5}, min_length=1,
        description=_desc("Share of requests per user device type (ids of the 'device.<id>' "
                          "factors), summing to 1.", "device_mix"))
    device_time_per_request: QuantityField("s", ge=0, le=3600) = Field(  # type: ignore[valid-type]
        60.0, description=_desc("Time a user spends on the device per request.",
                                "device_time_per_request"))
    data_per_request: QuantityField("kB", ge=0, le=1e6) = Field(  # type: ignore[valid-type]
        50.0, description=_desc("Data exchanged with the user per request (question and "
                                "answer).", "data_per_request"))
    network_mix: dict[NetworkType, Share] = Field(
        {"fixed": 0.8, "mobile": 0.2}, min_length=1,
        description=_desc("Share of the data per network type, summing to 1.", "network_mix"))

    @field_validator("provider")
    @classmethod
    def _known_provider(cls, value: str) -> str:
        return eco.check_provider(value)

    @field_validator("model")
    @classmethod
    def _known_model(cls, value: str, info: ValidationInfo) -> str:
        provider = info.data.get("provider")
        if provider is None:  # the provider is already reported as invalid
            return value
        return eco.check_model(provider, value)

    @field_validator("device_mix")
    @classmethod
    def _device_mix_sums_to_one(cls, value: dict) -> dict:
        return _check_mix(value, "device_mix", "device")

    @field_validator("network_mix")
    @classmethod
    def _network_mix_sums_to_one(cls, value: dict) -> dict:
        return _check_mix(value, "network_mix", "network")

    @model_validator(mode="after")
    def _one_way_to_count_requests(self):
        if self.requests is not None and self.conversations is not None:
            raise ValueError(f"give either requests ({self.requests:g}) or conversations "
                             f"({self.conversations:g}) × requests_per_conversation, not both")
        if self.requests is None and self.conversations is None:
            raise ValueError("requests is missing: give 'requests' (over the reporting "
                             "period) or 'conversations' with 'requests_per_conversation'")
        if (self.conversations is None) != (self.requests_per_conversation is None):
            given = "conversations" if self.conversations is not None else \
                "requests_per_conversation"
            raise ValueError(f"{given} is given without "
                             f"{({'conversations', 'requests_per_conversation'} - {given}).pop()}"
                             f": give both, or 'requests' alone")
        return self

    @property
    def total_requests(self) -> float:
        """Requests over the reporting period [request]."""
        if self.requests is not None:
            return float(self.requests)
        return float(self.conversations) * float(self.requests_per_conversation)


def _source(svc: Service, field: str) -> str:
    return "entered" if field in svc.model_fields_set else DEFAULT_SOURCES[field]


def _hosting(svc: Service, ctx) -> tuple[str, str]:
    """Region of the servers and where that choice comes from."""
    if svc.hosting_country:
        return svc.hosting_country, "entered (hosting_country)"
    if svc.self_hosted:
        return ctx.hosting_country, "self-hosted: the project's hosting country"
    region = eco.provider_region(svc.provider)
    return region, (f"{svc.provider}'s data-centre location in EcoLogits {eco.version()} "
                    f"({eco.ecologits_zone(region)})")


def _mix_pairs(services, field: str):
    """Flatten the mixes: (service index, key, share) for every positive share."""
    flat = [(i, k, v) for i, s in enumerate(services) for k, v in getattr(s, field).items()
            if v > 0]
    idx, keys, shares = zip(*flat) if flat else ((), (), ())
    return np.array(idx, dtype=int), np.array(keys, dtype=str), np.array(shares, dtype=float)


def _check_devices(registry, services, paths) -> None:
    for i, svc in enumerate(services):
        for device in svc.device_mix:
            try:
                flow = registry.flow(f"device.{device}")
            except UnknownFactorError as exc:
                near = [m.removeprefix("device.") for m in exc.matches]
                hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
                raise ProjectError(f"unknown device {device!r}: no factor 'device.{device}' in "
                                   f"the datasets{hint}", path=f"{paths[i]}.device_mix",
                                   value=device) from None
            if flow != "device":
                raise ProjectError(f"'device.{device}' is not a device factor",
                                   path=f"{paths[i]}.device_mix", value=device)


def _per_request(services, regions, ctx):
    """EcoLogits impacts per request of every service: key → array (n, 3) low/mid/high."""
    self_hosted = np.array([s.self_hosted for s in services])
    pue = np.full(len(services), np.nan)
    if self_hosted.any():
        pue[self_hosted] = parameter_vector(ctx.registry, "dc.pue", "dimensionless",
                                            regions[self_hosted].astype(str))
    zones = [eco.ecologits_zone(r) for r in regions]
    # one EcoLogits call per distinct configuration (request_impacts is cached)
    results = [eco.request_impacts(s.provider, s.model, float(s.output_tokens),
                                   float(s.request_latency or math.inf), z,
                                   None if math.isnan(p) else float(p))
               for s, z, p in zip(services, zones, pue)]
    per = {k: np.array([r[0][k] for r in results], dtype=float) for k in eco.RESULT_KEYS}
    return per, pue, zones, [r[1] for r in results]


def _electricity_factors(registry, regions) -> np.ndarray:
    """footprint's climate-change factor of electricity per region [kgCO2e/kWh]."""
    values = {}
    for r in dict.fromkeys(regions):
        try:
            values[r] = registry.factor("electricity", region=r)
        except UnknownFactorError:
            values[r] = np.nan
    return np.array([values[r] for r in regions], dtype=float)


def _has_server_factor(registry, server: dict) -> bool:
    """Whether the datasets characterise the server share; warn if they differ from
    the installed EcoLogits' S + 8·G (the share is EcoLogits', the factor the dataset's)."""
    try:
        flow = registry.flow(SERVER_CODE)
    except UnknownFactorError:
        return False
    if flow != "device":
        raise DatasetError(f"factor {SERVER_CODE!r} must be per device (flow 'device'), "
                           f"not per {flow}")
    ours = registry.factor(SERVER_CODE, unit="kgCO2e/device")
    if not math.isclose(ours, server["embodied_gwp_kgco2e"], rel_tol=1e-9):
        warnings.warn(f"ai_assistant: the datasets' {SERVER_CODE} ({ours:g} kgCO2e) differs "
                      f"from EcoLogits {eco.version()}'s 8-GPU server with its GPUs "
                      f"({server['embodied_gwp_kgco2e']:g} kgCO2e): the server share follows "
                      f"EcoLogits, its impacts the datasets", stacklevel=3)
    return True


def _lmh(per_request, requests) -> dict:
    """``amount``, ``amount_low``, ``amount_high`` columns from (n, 3) per-request values."""
    return {"amount": per_request[:, 1] * requests, "amount_low": per_request[:, 0] * requests,
            "amount_high": per_request[:, 2] * requests}


def inventory(services, paths, ctx):
    """Rows and quantities of every ai_assistant service (see the module docstring)."""
    n = len(services)
    if not n:
        return concat([]), quantities([], [], [], [])
    reg = ctx.registry
    _check_devices(reg, services, paths)
    name = np.array([s.name for s in services], dtype=object)
    requests = np.array([s.total_requests for s in services], dtype=float)
    hosting, hosting_src = (np.array(v, dtype=object)
                            for v in zip(*(_hosting(s, ctx) for s in services)))
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    per, pue, zones, eco_warnings = _per_request(services, hosting, ctx)
    mid, low, high = 1, 0, 2

    # data centre: electricity (our factors) and a share of one 8-GPU server (EcoLogits);
    # low/high amounts are EcoLogits' min/max (closed models), the amount their midpoint
    elec = _lmh(per["energy_kwh"], requests)
    frames = [rows(service=name, component="LLM inference (servers)", tier="data_centres",
                   flow="electricity", **elec, factor_code="electricity", region=hosting,
                   electricity_kwh=elec["amount"])]
    server = eco.server_embodied()
    server_share = per["embodied_gwp_kgco2e"] / server["embodied_gwp_kgco2e"]  # per request
    characterised = _has_server_factor(reg, server)
    if characterised:
        frames.append(rows(service=name, component="LLM servers and GPUs (manufacture)",
                           tier="data_centres", flow="device", **_lmh(server_share, requests),
                           factor_code=SERVER_CODE, region=hosting))
    else:
        warnings.warn(f"ai_assistant: no factor {SERVER_CODE!r} in the datasets: the "
                      f"manufacture of the LLM servers and GPUs "
                      f"({(per['embodied_gwp_kgco2e'][:, mid] * requests).sum():.4g} kgCO2e "
                      f"per EcoLogits) is left out of the results and shown in the quantities "
                      f"only", stacklevel=2)

    # user devices: requests × time per request × device mix
    seconds = np.array([s.device_time_per_request for s in services], dtype=float)
    i, device, share = _mix_pairs(services, "device_mix")
    hours = requests[i] * seconds[i] / 3600.0 * share
    keep = hours > 0
    if keep.any():
        frames.append(device_time(ctx, service=name[i][keep], component="users' devices",
                                  tier="user_devices", device=device[keep], hours=hours[keep],
                                  region=audience[i][keep]))

    # networks: requests × data per request × network mix
    data_gb = requests * np.array([s.data_per_request for s in services], dtype=float) / 1e6
    j, network, net_share = _mix_pairs(services, "network_mix")
    frames.append(rows(service=name[j], component="network transfer", tier="networks",
                       flow="data", amount=data_gb[j] * net_share,
                       factor_code=np.char.add("network.", network), region=audience[j]))

    # quantities: what a user checks, with low/high of EcoLogits' ranges
    ef = _electricity_factors(reg, list(hosting))
    ours = per["energy_kwh"] * ef[:, None] + per["embodied_gwp_kgco2e"]
    version = eco.version()
    model = [f"EcoLogits {version}, {s.provider}/{s.model}, servers in {h} ({src})" + (
        f"; EcoLogits warnings: {', '.join(w)}" if w else "")
        for s, w, h, src in zip(services, eco_warnings, hosting, hosting_src)]
    pue_src = [f"dc.pue of {h} (dataset), self-hosted" if s.self_hosted else
               f"{s.provider}'s PUE in EcoLogits {version}" for s, h in zip(services, hosting)]
    pue_used = np.where(np.isnan(pue), [eco.provider_pue(s.provider)[mid] for s in services], pue)
    in_results = (f"in the results as a share of one 8-GPU server (factor {SERVER_CODE})"
                  if characterised else f"NOT in the results: no factor {SERVER_CODE} in the "
                  "datasets")
    eco_mix = [f"EcoLogits {version} with its own electricity mix {z}" for z in zones]
    our_mix = [f"EcoLogits energy × footprint's electricity factor of {h} "
               f"({1000 * f:.4g} gCO2e/kWh) + EcoLogits manufacture" for h, f in zip(hosting, ef)]
    req_src = ["entered" if s.requests is not None else
               "conversations × requests_per_conversation (entered)" for s in services]
    table = [
        ("requests", requests, "request", req_src),
        ("output tokens per request", [s.output_tokens for s in services], "token",
         [_source(s, "output_tokens") for s in services]),
        ("data-centre PUE", pue_used, "dimensionless", pue_src),
    ]
    for label, key, scale, unit, note in (
            ("server electricity per request", "energy_kwh", 1000.0, "Wh", model),
            ("server electricity", "energy_kwh", requests, "kWh", model),
            ("servers and GPUs manufacture per request", "embodied_gwp_kgco2e", 1000.0,
             "gCO2e", model),
            ("servers and GPUs manufacture", "embodied_gwp_kgco2e", requests, "kgCO2e",
             [f"{m}; {in_results}" for m in model]),
            ("servers and GPUs manufacture, primary energy", "embodied_pe_mj", requests, "MJ",
             [f"{m}; {in_results}" for m in model]),
            ("servers and GPUs manufacture, abiotic depletion", "embodied_adpe_kgsbeq",
             requests, "kgSbeq", [f"{m}; {in_results}" for m in model]),
            ("climate change per request, EcoLogits", "gwp_kgco2e", 1000.0, "gCO2e", eco_mix)):
        for suffix, col in (("", mid), (", low", low), (", high", high)):
            table.append((label + suffix, per[key][:, col] * scale, unit, note))
    for suffix, col in (("", mid), (", low", low), (", high", high)):
        table.append(("climate change per request, footprint" + suffix, ours[:, col] * 1000.0,
                      "gCO2e", our_mix))
    share_src = [f"EcoLogits embodied GWP ÷ one 8-GPU server with its GPUs, "
                 f"{server['embodied_gwp_kgco2e']:g} kgCO2e (S + 8·G in EcoLogits {version}); "
                 f"{in_results}"] * n
    for suffix, col in (("", mid), (", low", low), (", high", high)):
        table.append(("share of one 8-GPU AI server" + suffix, server_share[:, col] * requests,
                      "device", share_src))
    table += [
        ("water per request, EcoLogits", per["water_l"][:, mid], "L",
         [f"{m}; usage only (WUE on site + electricity), not in the results" for m in model]),
        ("device time", requests * seconds / 3600.0, "hour",
         [_source(s, "device_time_per_request") + "; device mix: " + _source(s, "device_mix")
          for s in services]),
        ("data transferred", data_gb, "GB",
         [_source(s, "data_per_request") + "; network mix: " + _source(s, "network_mix")
          for s in services]),
    ]
    q = quantities(service=np.tile(name, len(table)),
                   quantity=np.repeat([t[0] for t in table], n),
                   value=np.concatenate([np.broadcast_to(np.asarray(t[1], dtype=float), (n,))
                                         for t in table]),
                   unit=np.repeat([t[2] for t in table], n),
                   source=np.concatenate([np.asarray(t[3], dtype=object) for t in table]))
    return concat(frames), q
