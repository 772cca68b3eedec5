"""EcoLogits glue for the ``ai_assistant`` kind: model look-up, zones, per-request impacts.

EcoLogits (GenAI Impact, MPL-2.0) is an optional dependency (``pip install
'footprint[ai]'``): it is imported inside the functions below, never at module level.
Its own functions and data do the work: ``ecologits.model_repository.models`` (the
model registry), ``ecologits.electricity_mix_repository.electricity_mixes``,
``ecologits.tracers.utils.PROVIDER_CONFIG_MAP`` (data-centre location, PUE, WUE per
provider) and ``ecologits.impacts.llm.compute_llm_impacts`` (the impacts of one
request). Nothing of its method is re-derived here.

References
----------
EcoLogits 0.11.3, ``ecologits/impacts/llm.py`` (method), ``tracers/utils.py``
(``llm_impacts``, ``PROVIDER_CONFIG_MAP``), ``data/models.json``,
``data/electricity_mixes.json``; https://ecologits.ai/latest/methodology/llm_inference/.
"""

from __future__ import annotations

import difflib
import functools
import math

__all__ = ["INSTALL_HINT", "version", "providers", "check_provider", "check_model",
           "list_models", "provider_region", "provider_pue", "ecologits_zone",
           "request_impacts", "server_embodied", "RESULT_KEYS"]

INSTALL_HINT = "the ai_assistant kind needs the optional package ecologits: " \
               "pip install 'footprint[ai]'"

# ISO 3166-1 alpha-3 (EcoLogits' electricity-mix zones) → alpha-2 (footprint's regions);
# generated once from the zones of ecologits 0.11.3 with Babel's CLDR territory aliases.
# EcoLogits' "WOR" (world) is footprint's GLO and its "EEE" (Europe) is used for EU27.
_ISO3_TO_ISO2 = dict(pair.split(":") for pair in """
ABW:AW AFG:AF AGO:AO ALB:AL ARE:AE ARG:AR ARM:AM ASM:AS ATG:AG AUS:AU AUT:AT AZE:AZ
BDI:BI BEL:BE BEN:BJ BFA:BF BGD:BD BGR:BG BHR:BH BHS:BS BIH:BA BLR:BY BLZ:BZ BMU:BM
BOL:BO BRA:BR BRB:BB BRN:BN BTN:BT BWA:BW CAF:CF CAN:CA CHE:CH CHL:CL CHN:CN CIV:CI
CMR:CM COD:CD COG:CG COK:CK COL:CO COM:KM CPV:CV CRI:CR CUB:CU CYM:KY CYP:CY CZE:CZ
DEU:DE DJI:DJ DMA:DM DNK:DK DOM:DO DZA:DZ ECU:EC EGY:EG ERI:ER ESH:EH ESP:ES EST:EE
ETH:ET FIN:FI FJI:FJ FLK:FK FRA:FR FRO:FO GAB:GA GBR:GB GEO:GE GHA:GH GIB:GI GIN:GN
GLP:GP GMB:GM GNB:GW GNQ:GQ GRC:GR GRD:GD GRL:GL GTM:GT GUF:GF GUM:GU GUY:GY HKG:HK
HND:HN HRV:HR HTI:HT HUN:HU IDN:ID IND:IN IRL:IE IRN:IR IRQ:IQ ISL:IS ISR:IL ITA:IT
JAM:JM JOR:JO JPN:JP KAZ:KZ KEN:KE KGZ:KG KHM:KH KIR:KI KNA:KN KOR:KR KWT:KW LAO:LA
LBN:LB LBR:LR LBY:LY LCA:LC LKA:LK LSO:LS LTU:LT LUX:LU LVA:LV MAC:MO MAR:MA MDA:MD
MDG:MG MDV:MV MEX:MX MKD:MK MLI:ML MLT:MT MMR:MM MNE:ME MNG:MN MOZ:MZ MRT:MR MSR:MS
MTQ:MQ MUS:MU MWI:MW MYS:MY NAM:NA NCL:NC NER:NE NGA:NG NIC:NI NLD:NL NOR:NO NPL:NP
NRU:NR NZL:NZ OMN:OM PAK:PK PAN:PA PER:PE PHL:PH PNG:PG POL:PL PRI:PR PRK:KP PRT:PT
PRY:PY PSE:PS PYF:PF QAT:QA REU:RE ROU:RO RUS:RU RWA:RW SAU:SA SDN:SD SEN:SN SGP:SG
SHN:SH SLB:SB SLE:SL SLV:SV SOM:SO SPM:PM SRB:RS SSD:SS STP:ST SUR:SR SVK:SK SVN:SI
SWE:SE SWZ:SZ SYC:SC SYR:SY TCA:TC TCD:TD TGO:TG THA:TH TJK:TJ TKM:TM TLS:TL TON:TO
TTO:TT TUN:TN TUR:TR TWN:TW TZA:TZ UGA:UG UKR:UA URY:UY USA:US UZB:UZ VCT:VC VEN:VE
VGB:VG VIR:VI VNM:VN VUT:VU WSM:WS YEM:YE ZAF:ZA ZMB:ZM ZWE:ZW WOR:GLO EEE:EU27
""".split())
_ISO2_TO_ISO3 = {v: k for k, v in _ISO3_TO_ISO2.items()}

#: What :func:`request_impacts` returns, per request, as (low, central, high).
RESULT_KEYS = ("energy_kwh", "usage_gwp_kgco2e", "embodied_gwp_kgco2e", "gwp_kgco2e",
               "embodied_pe_mj", "embodied_adpe_kgsbeq", "pe_mj", "adpe_kgsbeq", "water_l")


def _import():
    try:
        import ecologits  # noqa: F401
    except ImportError:  # pragma: no cover - ecologits is installed in the dev venv
        raise ValueError(INSTALL_HINT) from None


def version() -> str:
    """Version of the installed EcoLogits."""
    _import()
    import ecologits

    return ecologits.__version__


def providers() -> list[str]:
    """Provider ids EcoLogits knows (``mistralai``, ``openai``…)."""
    _import()
    from ecologits.tracers.utils import PROVIDER_CONFIG_MAP

    return sorted(PROVIDER_CONFIG_MAP)


@functools.cache
def list_models() -> tuple[tuple[str, str], ...]:
    """Every (provider, model name) pair of EcoLogits' model repository."""
    _import()
    from ecologits.model_repository import models

    return tuple(sorted((m.provider.value, m.name) for m in models.list_models()))


def _hint(near: list[str]) -> str:
    return f"; did you mean {', '.join(map(repr, near))}?" if near else ""


def check_provider(name: str) -> str:
    """Return ``name`` if EcoLogits knows the provider, else raise ``ValueError``."""
    known = providers()
    if name not in known:
        near = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
        raise ValueError(f"provider {name!r} is not an EcoLogits {version()} provider; known "
                         f"providers: {', '.join(known)}{_hint(near)}")
    return name


def check_model(provider: str, name: str) -> str:
    """Return ``name`` if EcoLogits' model repository has it for ``provider``.

    Raises ``ValueError`` naming close matches among the provider's models, and the
    providers under which the exact name exists.
    """
    pairs = list_models()
    if (provider, name) in pairs:
        return name
    own = [m for p, m in pairs if p == provider]
    near = difflib.get_close_matches(name, own, n=3, cutoff=0.5)
    elsewhere = sorted({p for p, m in pairs if m == name})
    where = (f"; EcoLogits knows it under provider {', '.join(map(repr, elsewhere))}"
             if elsewhere else "")
    if not near and not elsewhere:
        others = difflib.get_close_matches(name, [m for _, m in pairs], n=3, cutoff=0.6)
        near = [f"{m} ({p})" for p, m in pairs if m in others][:3]
    some = "" if near or elsewhere else f"; its models include {', '.join(map(repr, own[:5]))}"
    raise ValueError(f"model {name!r} is not in EcoLogits {version()}'s model repository for "
                     f"provider {provider!r} ({len(own)} models){where}{_hint(near)}{some}")


def _provider_config(provider: str):
    _import()
    from ecologits.tracers.utils import PROVIDER_CONFIG_MAP

    return PROVIDER_CONFIG_MAP[provider]


def provider_region(provider: str) -> str:
    """footprint region of the provider's data centres as EcoLogits records them."""
    return _ISO3_TO_ISO2[_provider_config(provider).datacenter_location]


def provider_pue(provider: str) -> tuple[float, float, float]:
    """The provider's PUE in EcoLogits as (low, central, high)."""
    return _triple(_provider_config(provider).datacenter_pue)


def ecologits_zone(region: str) -> str:
    """EcoLogits electricity-mix zone for a footprint region (``FR`` → ``FRA``)."""
    from ecologits.electricity_mix_repository import electricity_mixes

    zone = _ISO2_TO_ISO3.get(region, "WOR")
    return zone if electricity_mixes.find_electricity_mix(zone) is not None else "WOR"


def server_embodied() -> dict[str, float]:
    """Manufacture of one whole 8-GPU server with its GPUs in EcoLogits, S + 8·G.

    EcoLogits' embodied impact of a request is (n/8)·S + n·G = (n/8)·(S + 8·G) for n
    GPUs, times the request's share of the server time: dividing it by S + 8·G gives the
    share of one 8-GPU server, the same for every indicator. Read from the installed
    package's constants (``ecologits/impacts/llm.py``).

    Returns
    -------
    dict
        ``embodied_gwp_kgco2e`` [kgCO2e], ``embodied_adpe_kgsbeq`` [kgSbeq] and
        ``embodied_pe_mj`` [MJ] of one server (the keys of :data:`RESULT_KEYS`).
    """
    _import()
    from ecologits.impacts import llm

    n = llm.SERVER_GPUS
    return {"embodied_gwp_kgco2e": llm.SERVER_EMBODIED_IMPACT_GWP + n * llm.GPU_EMBODIED_IMPACT_GWP,
            "embodied_adpe_kgsbeq": llm.SERVER_EMBODIED_IMPACT_ADPE
            + n * llm.GPU_EMBODIED_IMPACT_ADPE,
            "embodied_pe_mj": llm.SERVER_EMBODIED_IMPACT_PE + n * llm.GPU_EMBODIED_IMPACT_PE}


def _triple(value) -> tuple[float, float, float]:
    """(min, mean, max) of an EcoLogits RangeValue, or (v, v, v) of a number."""
    if hasattr(value, "min"):
        return float(value.min), float(value.mean), float(value.max)
    return float(value), float(value), float(value)


@functools.cache
def request_impacts(provider: str, model: str, output_tokens: float, latency_s: float,
                    zone: str, pue: float | None = None) -> tuple[dict, tuple[str, ...]]:
    """Impacts of one request with EcoLogits' own method and data.

    Parameters
    ----------
    provider, model : str
        EcoLogits provider id and model name.
    output_tokens : float
        Generated tokens [token].
    latency_s : float
        Measured request latency that caps the generation time [s]; ``inf``: no cap.
    zone : str
        EcoLogits electricity-mix zone (``FRA``, ``SWE``, ``WOR``…), used for
        EcoLogits' own usage impacts.
    pue : float, optional
        Data-centre PUE; ``None`` takes the provider's PUE from EcoLogits.

    Returns
    -------
    impacts : dict
        ``RESULT_KEYS`` → (low, central, high) per request; central = EcoLogits'
        ``RangeValue.mean`` for closed models whose size is a range.
    warnings : tuple of str
        EcoLogits' warning codes for the model and the mix.
    """
    _import()
    from ecologits.electricity_mix_repository import electricity_mixes
    from ecologits.impacts.llm import compute_llm_impacts
    from ecologits.model_repository import ParametersMoE, models

    found = models.find_model(provider=provider, model_name=model)
    if found is None:
        raise ValueError(f"model {model!r} is not in EcoLogits' repository for {provider!r}")
    params = found.architecture.parameters
    total, active = (params.total, params.active) if isinstance(params, ParametersMoE) \
        else (params, params)
    mix = electricity_mixes.find_electricity_mix(zone=zone)
    config = _provider_config(provider)
    out = compute_llm_impacts(
        model_active_parameter_count=active, model_total_parameter_count=total,
        output_token_count=output_tokens,
        request_latency=latency_s if math.isfinite(latency_s) else None,
        if_electricity_mix_adpe=mix.adpe, if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp, if_electricity_mix_wue=mix.wue,
        datacenter_pue=config.datacenter_pue if pue is None else pue,
        datacenter_wue=config.datacenter_wue,
        tps=found.deployment.tps if found.deployment else None,
        ttft=found.deployment.ttft if found.deployment else None)
    values = {
        "energy_kwh": out.energy.value, "usage_gwp_kgco2e": out.usage.gwp.value,
        "embodied_gwp_kgco2e": out.embodied.gwp.value, "gwp_kgco2e": out.gwp.value,
        "embodied_pe_mj": out.embodied.pe.value, "embodied_adpe_kgsbeq": out.embodied.adpe.value,
        "pe_mj": out.pe.value, "adpe_kgsbeq": out.adpe.value, "water_l": out.wcf.value}
    warnings = tuple(w.code for w in [*found.warnings, *mix.warnings])
    return {k: _triple(v) for k, v in values.items()}, warnings
