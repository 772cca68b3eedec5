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
  embodied GWP, ADPe and PE alike (S = server without GPUs, G = one GPU). The share
  follows EcoLogits, its impacts the datasets' factor (bundled; a registry without it
  stops the assessment with the engine's ``UnknownFactorError``);
- ``user_devices``: device time (requests × seconds per request × device mix) → share
  of each device's manufacture and its use electricity;
- ``networks``: requests × data per request × network mix, per-GB network factors.

Requests (or conversations) are totals over the reporting period, as entered (not scaled
by the period's length).

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
from typing import Literal

import numpy as np
from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..errors import UnknownFactorError
from ..inventory import QUANTITY_COLUMNS, concat, parameter_vector, quantities, rows, transfer
from ..schema.base import QuantityField, ServiceBase
from . import _ecologits as eco
from ._common import TOTAL, reporting_basis
from ._mixes import RequestDeviceMix, TransferNetworkMix, mix_columns, mix_device_time

KIND = "ai_assistant"

#: Manufacture of one 8-GPU AI server with its GPUs (S + 8·G of EcoLogits), per device.
SERVER_CODE = "device.ai_server_8gpu"

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


def _desc(text: str, field: str) -> str:
    return f"{text} Default: {DEFAULT_SOURCES[field]}."


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
        None, ge=0, le=1e13, description="Requests (questions answered); or give "
        "'conversations' and 'requests_per_conversation'. " + TOTAL + " [request]")
    conversations: float | None = Field(
        None, ge=0, le=1e12, description="Conversations, instead of 'requests'. " + TOTAL
        + " [conversation]")
    requests_per_conversation: float | None = Field(
        None, gt=0, le=1000, description="Requests in an average conversation (with "
        "'conversations'). [request]")
    cached_answer_share: float = Field(
        0.0, ge=0, le=1, description="Share of the requests answered from a cache of earlier "
        "answers, without running the model (the user's device and the network still "
        "count). Default 0: every request runs the model.")
    output_tokens: float = Field(
        250, ge=1, le=1_000_000, description=_desc("Tokens generated per answer. [token]",
                                                   "output_tokens"))
    request_latency: QuantityField("s", gt=0) | None = Field(  # type: ignore[valid-type]
        None, description=_desc("Measured time to answer a request; EcoLogits caps the "
                                "generation time with it. [s]", "request_latency"))
    device_mix: RequestDeviceMix = Field(
        RequestDeviceMix(smartphone=0.5, laptop=0.5),
        description=_desc("Share of requests per user device type, summing to 1.",
                          "device_mix"))
    device_time_per_request: QuantityField("s", ge=0, le=3600) = Field(  # type: ignore[valid-type]
        60.0, description=_desc("Time a user spends on the device per request.",
                                "device_time_per_request"))
    data_per_request: QuantityField("kB", ge=0, le=1e6) = Field(  # type: ignore[valid-type]
        50.0, description=_desc("Data exchanged with the user per request (question and "
                                "answer).", "data_per_request"))
    network_mix: TransferNetworkMix = Field(
        TransferNetworkMix(fixed=0.8, mobile=0.2),
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


def _lmh(per_request, requests) -> dict:
    """``amount``, ``amount_low``, ``amount_high`` columns from (n, 3) per-request values."""
    return {"amount": per_request[:, 1] * requests, "amount_low": per_request[:, 0] * requests,
            "amount_high": per_request[:, 2] * requests}


def inventory(services, paths, ctx):
    """Rows and quantities of every ai_assistant service (see the module docstring)."""
    hosting, hosting_src = (np.array(v, dtype=object)
                            for v in zip(*(_hosting(s, ctx) for s in services)))
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    network = np.array([ctx.network(s) for s in services], dtype=object)
    name = np.array([s.name for s in services], dtype=object)
    requests = np.array([s.total_requests for s in services], dtype=float)
    n, reg = len(services), ctx.registry
    per, pue, zones, eco_warnings = _per_request(services, hosting, ctx)
    mid, low, high = 1, 0, 2
    # requests that run the model (the others are answered from a cache of answers)
    inferences = requests * (1.0 - np.array([s.cached_answer_share for s in services]))

    # data centre: electricity (our factors) and a share of one 8-GPU server (EcoLogits);
    # low/high amounts are EcoLogits' min/max (closed models), the amount their midpoint
    elec = _lmh(per["energy_kwh"], inferences)
    frames = [rows(service=name, component="LLM inference (servers)", tier="data_centres",
                   flow="electricity", **elec, factor_code="electricity", region=hosting,
                   electricity_kwh=elec["amount"])]
    server = eco.server_embodied()
    server_share = per["embodied_gwp_kgco2e"] / server["embodied_gwp_kgco2e"]  # per request
    frames.append(rows(service=name, component="LLM servers and GPUs (manufacture)",
                       tier="data_centres", flow="device", **_lmh(server_share, inferences),
                       factor_code=SERVER_CODE, region=hosting))

    # user devices: requests × time per request × device mix
    seconds = np.array([s.device_time_per_request for s in services], dtype=float)
    frames.append(mix_device_time(ctx, service=name, region=audience,
                                  hours=requests * seconds / 3600.0,
                                  mixes=[s.device_mix for s in services],
                                  component="users' devices")[0])

    # networks: requests × data per request × network mix (per-GB factors, no serving:
    # the servers are the inference rows above)
    data_gb = requests * np.array([s.data_per_request for s in services], dtype=float) / 1e6
    frames.append(transfer(ctx, service=name, data_gb=data_gb,
                           network_shares=mix_columns([s.network_mix for s in services]),
                           region=network, hosting_region=hosting, serving_wh_per_gb=0.0))

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
    in_results = f"in the results as a share of one 8-GPU server (factor {SERVER_CODE})"
    eco_mix = [f"EcoLogits {version} with its own electricity mix {z}" for z in zones]
    our_mix = [f"EcoLogits energy × footprint's electricity factor of {h} "
               f"({1000 * f:.4g} gCO2e/kWh) + EcoLogits manufacture" for h, f in zip(hosting, ef)]
    req_src = ["entered" if s.requests is not None else
               "conversations × requests_per_conversation (entered)" for s in services]
    table = [
        ("requests", requests, "request", req_src),
        ("requests answered by the model", inferences, "request",
         ["requests × (1 − cached_answer_share)"] * n),
        ("output tokens per request", [s.output_tokens for s in services], "token",
         [_source(s, "output_tokens") for s in services]),
        ("data-centre PUE", pue_used, "dimensionless", pue_src),
    ]
    for label, key, scale, unit, note in (
            ("server electricity per request", "energy_kwh", 1000.0, "Wh", model),
            ("server electricity", "energy_kwh", inferences, "kWh", model),
            ("servers and GPUs manufacture per request", "embodied_gwp_kgco2e", 1000.0,
             "gCO2e", model),
            ("servers and GPUs manufacture", "embodied_gwp_kgco2e", inferences, "kgCO2e",
             [f"{m}; {in_results}" for m in model]),
            ("servers and GPUs manufacture, primary energy", "embodied_pe_mj", inferences,
             "MJ", [f"{m}; {in_results}" for m in model]),
            ("servers and GPUs manufacture, abiotic depletion", "embodied_adpe_kgsbeq",
             inferences, "kgSbeq", [f"{m}; {in_results}" for m in model]),
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
        table.append(("share of one 8-GPU AI server" + suffix,
                      server_share[:, col] * inferences, "device", share_src))
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
    return concat(frames), concat([reporting_basis(ctx, name, per_year=False), q],
                                  QUANTITY_COLUMNS)
