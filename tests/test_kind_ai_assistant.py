"""ai_assistant kind: EcoLogits per-request figures, hand-computed scaling, device and
network rows, validation errors, and the bundled sample project."""

from __future__ import annotations

import math
import shutil
import warnings
from pathlib import Path

import pytest

import footprint
from footprint import parse_project
from footprint.engine import build_inventory
from footprint.errors import ProjectError

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).resolve().parent / "data" / "tiny-2026"
SAMPLE = ROOT / "sample_projects" / "museum_chatbot.yaml"

# The test registry adds to tests/data/tiny-2026: round numbers for Sweden's and the USA's
# electricity, the mobile network and a smartphone, and the 8-GPU AI server of EcoLogits
# (S + 8·G, as in emission_factors/ecologits-ai-servers-0.11.3, with its ±30 % range).
EXTRA_FACTORS = """\
electricity,SE,2024,use,climate_change,0.04,kgCO2e/kWh,0.03,0.05,triangular,estimate,t,
electricity,US,2024,use,climate_change,0.4,kgCO2e/kWh,0.3,0.5,triangular,estimate,t,
network.mobile,FR,2024,use,climate_change,20,gCO2e/GB,10,40,triangular,estimate,t,
device.smartphone,GLO,2024,manufacturing,climate_change,75,kgCO2e/device,50,100,triangular,estimate,t,
device.ai_server_8gpu,GLO,2025,manufacturing,climate_change,7884,kgCO2e/device,5518.8,10249.2,triangular,derived,t,
device.ai_server_8gpu,GLO,2025,manufacturing,abiotic_depletion,0.4416,kgSbeq/device,0.30912,0.57408,triangular,derived,t,
device.ai_server_8gpu,GLO,2025,manufacturing,primary_energy,99768,MJ/device,69837.6,129698.4,triangular,derived,t,
"""
EXTRA_PARAMETERS = """\
device.smartphone.lifetime,GLO,2024,2.5,year,2,3,triangular,estimate,t,
device.smartphone.daily_use,GLO,2024,4,hour/day,2,6,triangular,estimate,t,
device.smartphone.power,GLO,2024,5,W,2,6,triangular,estimate,t,
"""

# EcoLogits 0.11.3 constants (ecologits/impacts/llm.py; factors.md §9.1), written out so
# that the expected values below are computed by hand, not by the package under test.
ALPHA, BETA, GAMMA = 1.1665273170451914e-06, -0.011205921025579175, 4.052928146734005e-05
LAT_A, LAT_B, LAT_C = 0.0006785088094353663, 0.0003119310311688259, 0.019473717579473387
BATCH, LIFETIME_S = 64, 3 * 365 * 24 * 3600
# one 8-GPU server with its GPUs, S + 8·G: GWP, ADPe, PE
SERVER_GWP, SERVER_ADPE, SERVER_PE = 5700 + 8 * 273, 0.37 + 8 * 0.00895, 70000 + 8 * 3721


def ecologits_by_hand(active_b, total_b, tokens, pue, tps=None, ttft=0.0):
    """EcoLogits' request energy [kWh] and embodied GWP [kgCO2e] for a model, by hand."""
    memory_gb = 1.2 * total_b * 16 / 8
    gpus = 2 ** math.ceil(math.log2(math.ceil(memory_gb / 80)))
    gpu_kwh = tokens * (ALPHA * math.exp(BETA * BATCH) * active_b + GAMMA) / 1000
    latency_s = tokens * (LAT_A * active_b + LAT_B * BATCH + LAT_C) if tps is None else \
        tokens / tps + ttft
    server_kwh = latency_s / 3600 * 1.2 * (gpus / 8) / BATCH
    it_kwh = server_kwh + gpus * gpu_kwh
    embodied = latency_s * ((gpus / 8) * 5700 + gpus * 273) / (LIFETIME_S * BATCH)
    return pue * it_kwh, embodied, it_kwh


def server_share_by_hand(active_b, total_b, tokens):
    """Share of one 8-GPU server per request: latency × (n/8) ÷ (lifetime × batch)."""
    gpus = 2 ** math.ceil(math.log2(math.ceil(1.2 * total_b * 2 / 80)))
    latency_s = tokens * (LAT_A * active_b + LAT_B * BATCH + LAT_C)
    return latency_s * (gpus / 8) / (LIFETIME_S * BATCH)


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    """tiny-2026 plus the rows above (incl. the 8-GPU AI server)."""
    from footprint.factors import FactorRegistry, read_dataset

    folder = tmp_path_factory.mktemp("ai") / "tiny-ai-2026"
    shutil.copytree(TINY, folder)
    with open(folder / "factors.csv", "a", encoding="utf-8") as fh:
        fh.write(EXTRA_FACTORS)
    with open(folder / "parameters.csv", "a", encoding="utf-8") as fh:
        fh.write(EXTRA_PARAMETERS)
    return FactorRegistry([read_dataset(folder)])


def project(hosting="FR", audience="FR", **service):
    svc = {"name": "Bot", "kind": "ai_assistant", "provider": "mistralai",
           "model": "mistral-small-latest", **service}
    if "conversations" not in svc:
        svc.setdefault("requests", 1000)
    return parse_project({"name": "P", "audience_country": audience, "hosting_country": hosting,
                          "services": [svc]})


def quantity(result, name):
    q = result.quantities
    return float(q.loc[q["quantity"] == name, "value"].iloc[0])


def cc(rows):
    return float(rows.loc[rows["indicator"] == "climate_change", "impact"].sum())


# -- EcoLogits per request ----------------------------------------------------------------
def test_ecologits_reproduces_the_dossier_example():
    """factors.md §9.2: mistralai / mistral-small-latest, 250 output tokens, French mix:
    0.0862 Wh and 10.9 mgCO2e (3.6 usage + 7.3 embodied); provider default (SWE): 10.3 mg.
    Tested against both the dossier's rounded figures and the installed ecologits."""
    from ecologits.tracers.utils import llm_impacts

    from footprint.archetypes import _ecologits as eco

    fra = llm_impacts("mistralai", "mistral-small-latest", 250, 100, "FRA")
    assert fra.energy.value * 1000 == pytest.approx(0.0862, rel=1e-3)
    assert fra.gwp.value * 1e6 == pytest.approx(10.9, rel=5e-3)
    assert fra.usage.gwp.value * 1e6 == pytest.approx(3.6, abs=0.05)
    assert fra.embodied.gwp.value * 1e6 == pytest.approx(7.3, abs=0.05)
    swe = llm_impacts("mistralai", "mistral-small-latest", 250, 100)
    assert swe.gwp.value * 1e6 == pytest.approx(10.3, rel=5e-3)
    # our glue calls EcoLogits' own compute_llm_impacts: identical numbers
    ours, warned = eco.request_impacts("mistralai", "mistral-small-latest", 250.0, math.inf, "FRA")
    assert ours["energy_kwh"] == pytest.approx((fra.energy.value,) * 3, rel=1e-12)
    assert ours["gwp_kgco2e"][1] == pytest.approx(fra.gwp.value, rel=1e-12)
    assert warned == ()
    # and the method by hand (MoE 119 B total / 8 B active → 4 GPUs)
    kwh, embodied, _ = ecologits_by_hand(8, 119, 250, 1.16)
    assert kwh == pytest.approx(8.618083173465244e-05, rel=1e-9)
    assert embodied == pytest.approx(fra.embodied.gwp.value, rel=1e-9)


def test_server_rows_scale_by_requests_hand_computed(reg):
    # 1,000 requests; servers where EcoLogits puts Mistral (Sweden), our SE factor 0.04
    kwh_req, emb_req, _ = ecologits_by_hand(8, 119, 250, 1.16)
    r = footprint.assess(project(requests=1000), reg)
    dc = r.table[r.table["tier"] == "data_centres"]
    elec = dc[dc["flow"] == "electricity"]
    assert set(elec["region"]) == {"SE"}
    assert elec["amount"].iloc[0] == pytest.approx(1000 * kwh_req, rel=1e-9)
    assert cc(elec) == pytest.approx(1000 * kwh_req * 0.04, rel=1e-9)
    # manufacture: a share of one 8-GPU server (4 GPUs used: half the server, 4 GPUs)
    emb = dc[dc["flow"] == "device"]
    # EcoLogits' embodied share is manufacture only: distribution and end of life of the
    # server read not covered (NaN), never 0
    assert set(emb["stage"]) == {"manufacturing", "distribution", "end_of_life"}
    assert emb.loc[emb["stage"] != "manufacturing", "impact"].isna().all()
    emb = emb[emb["stage"] == "manufacturing"]
    assert set(emb["factor_code"]) == {"device.ai_server_8gpu"}
    share = server_share_by_hand(8, 119, 250)
    assert emb["amount"].iloc[0] == pytest.approx(1000 * share, rel=1e-9)
    assert cc(emb) == pytest.approx(1000 * share * 7884, rel=1e-9)
    assert cc(emb) == pytest.approx(1000 * emb_req, rel=1e-9)  # = EcoLogits' embodied GWP
    assert quantity(r, "share of one 8-GPU AI server") == pytest.approx(1000 * share, rel=1e-9)
    # twice the requests, twice the server impacts
    r2 = footprint.assess(project(requests=2000), reg)
    assert cc(r2.table[r2.table["tier"] == "data_centres"]) == pytest.approx(2 * cc(dc))
    # per request, both figures are reported: EcoLogits' own (its Swedish mix, 35.26 g/kWh)
    # and ours (our SE factor)
    assert quantity(r, "climate change per request, EcoLogits") == pytest.approx(
        1000 * (kwh_req * 0.03526 + emb_req), rel=1e-3)
    assert quantity(r, "climate change per request, footprint") == pytest.approx(
        1000 * (kwh_req * 0.04 + emb_req), rel=1e-9)
    assert quantity(r, "server electricity") == pytest.approx(1000 * kwh_req)


def test_cached_answers_skip_the_model_only(reg):
    # 1,000 requests, a quarter answered from a cache: 750 inferences on the servers
    # (EcoLogits energy and server share × 750); the users' devices and the network still
    # count all 1,000 requests
    kwh_req, _, _ = ecologits_by_hand(8, 119, 250, 1.16)
    share = server_share_by_hand(8, 119, 250)
    full = footprint.assess(project(requests=1000), reg)
    cached = footprint.assess(project(requests=1000, cached_answer_share=0.25), reg)
    dc = cached.table[cached.table["tier"] == "data_centres"]
    assert dc.loc[dc["flow"] == "electricity", "amount"].iloc[0] == pytest.approx(
        750 * kwh_req, rel=1e-9)
    assert dc.loc[dc["flow"] == "device", "amount"].iloc[0] == pytest.approx(750 * share,
                                                                             rel=1e-9)
    assert quantity(cached, "requests answered by the model") == 750
    for tier in ("user_devices", "networks"):
        assert cached.by_tier()[tier] == pytest.approx(full.by_tier()[tier])


def test_server_share_reproduces_ecologits_embodied_on_every_indicator(reg):
    """(n/8)·S + n·G = (n/8)·(S + 8·G): one share of the whole server gives EcoLogits'
    embodied GWP, ADPe and PE alike."""
    from ecologits.tracers.utils import llm_impacts

    from footprint.archetypes import _ecologits as eco

    ref = llm_impacts("mistralai", "mistral-small-latest", 250, math.inf, "SWE")
    r = footprint.assess(project(requests=1000), reg)
    t = r.table[(r.table["factor_code"] == "device.ai_server_8gpu")
                & (r.table["stage"] == "manufacturing")].set_index("indicator")
    assert t.loc["climate_change", "impact"] == pytest.approx(
        1000 * ref.embodied.gwp.value, rel=1e-9)
    assert t.loc["abiotic_depletion", "impact"] == pytest.approx(
        1000 * ref.embodied.adpe.value, rel=1e-9)
    assert t.loc["primary_energy", "impact"] == pytest.approx(
        1000 * ref.embodied.pe.value, rel=1e-9)
    # by hand: share × (0.37 + 8 × 0.00895) kgSbeq, share × (70,000 + 8 × 3,721) MJ
    share = server_share_by_hand(8, 119, 250)
    assert t.loc["abiotic_depletion", "impact"] == pytest.approx(1000 * share * 0.4416)
    assert t.loc["primary_energy", "impact"] == pytest.approx(1000 * share * 99768)
    # the factor's ±30 % range gives the impact range (no range in the amount here)
    assert t.loc["climate_change", "impact_low"] == pytest.approx(1000 * share * 5518.8)
    assert t.loc["climate_change", "impact_high"] == pytest.approx(1000 * share * 10249.2)
    # EcoLogits' own figures stay in the quantities
    assert quantity(r, "servers and GPUs manufacture, abiotic depletion") == pytest.approx(
        1000 * ref.embodied.adpe.value, rel=1e-9)
    assert quantity(r, "servers and GPUs manufacture, primary energy") == pytest.approx(
        1000 * ref.embodied.pe.value, rel=1e-9)
    # the glue reads S + 8·G from the installed package
    assert eco.server_embodied() == pytest.approx({
        "embodied_gwp_kgco2e": SERVER_GWP, "embodied_adpe_kgsbeq": SERVER_ADPE,
        "embodied_pe_mj": SERVER_PE})


def test_bundled_server_factor_is_ecologits_s_plus_8g(bundled):
    """emission_factors/ecologits-ai-servers-0.11.3: 5,700 + 8 × 273 = 7,884 kgCO2e;
    0.37 + 8 × 0.00895 = 0.4416 kgSbeq; 70,000 + 8 × 3,721 = 99,768 MJ."""
    code = "device.ai_server_8gpu"
    assert bundled.flow(code) == "device"
    assert bundled.factor(code) == pytest.approx(7884)
    assert bundled.factor(code, indicator="abiotic_depletion") == pytest.approx(0.4416)
    # EcoLogits' embodied "pe" (Boavizta component figures) is not on the tool's primary
    # energy definition (regulatory coefficient on final electricity): not carried
    assert "primary_energy" not in set(bundled.factors.query("code == @code")["indicator"])
    f = bundled.factors[bundled.factors["code"] == code]
    assert set(f["stage"]) == {"manufacturing"} and set(f["quality"]) == {"derived"}
    assert list(f["low"]) == pytest.approx(list(0.7 * f["value"]))  # ±30 %: EcoLogits
    assert list(f["high"]) == pytest.approx(list(1.3 * f["value"]))  # publishes no range


def test_server_share_follows_ecologits_impact_the_dataset(tmp_path):
    from footprint.factors import FactorRegistry, read_dataset

    folder = tmp_path / "tiny-ai-2026"
    shutil.copytree(TINY, folder)
    with open(folder / "factors.csv", "a", encoding="utf-8") as fh:
        fh.write("electricity,SE,2024,use,climate_change,0.04,kgCO2e/kWh,0.03,0.05,"
                 "triangular,estimate,t,\ndevice.ai_server_8gpu,GLO,2025,manufacturing,"
                 "climate_change,4000,kgCO2e/device,3000,5000,triangular,estimate,t,\n")
    p = project(device_mix={"laptop": 1.0}, network_mix={"fixed": 1.0})
    r = footprint.assess(p, FactorRegistry([read_dataset(folder)]))
    # the share stays EcoLogits'; the impact follows the dataset's 4,000 kgCO2e
    emb = r.table[r.table["factor_code"] == "device.ai_server_8gpu"]
    assert cc(emb) == pytest.approx(1000 * server_share_by_hand(8, 119, 250) * 4000)


def test_conversations_times_requests_per_conversation(reg):
    a = footprint.assess(project(requests=1000), reg)
    b = footprint.assess(project(conversations=200, requests_per_conversation=5), reg)
    assert a.total().m_as("kgCO2e") == pytest.approx(b.total().m_as("kgCO2e"), rel=1e-12)
    assert quantity(b, "requests") == 1000


def test_device_and_network_rows_hand_computed(reg):
    # 1,000 requests × 72 s = 20 h: 10 h smartphone, 10 h laptop (audience FR, 0.05 kg/kWh)
    # smartphone: 10 / (2.5 yr × 365 × 4 h) × 75 kg + 10 h × 5 W × 0.05
    # laptop:     10 / (5 yr × 365 × 4 h) × 212 kg + 10 h × 25 W × 0.05
    # network: 1,000 × 100 kB = 0.1 GB, half fixed (10 g/GB), half mobile (20 g/GB)
    r = footprint.assess(project(device_mix={"smartphone": 0.5, "laptop": 0.5},
                                 device_time_per_request="72 s", data_per_request="100 kB",
                                 network_mix={"fixed": 0.5, "mobile": 0.5}), reg)
    phone = 10 / (2.5 * 365 * 4) * 75 + 10 * 5 / 1000 * 0.05
    laptop = 10 / (5 * 365 * 4) * 212 + 10 * 25 / 1000 * 0.05
    assert r.by_tier()["user_devices"] == pytest.approx(phone + laptop, rel=1e-12)
    assert r.by_tier()["networks"] == pytest.approx(0.05 * 0.010 + 0.05 * 0.020, rel=1e-12)
    net = r.inventory[r.inventory["tier"] == "networks"]
    assert sorted(net["factor_code"]) == ["network.fixed", "network.mobile"]
    assert net["amount"].sum() == pytest.approx(0.1)
    assert quantity(r, "device time") == pytest.approx(20.0)
    assert quantity(r, "data transferred") == pytest.approx(0.1)
    # electricity: servers + devices
    kwh_req, _, _ = ecologits_by_hand(8, 119, 250, 1.16)
    assert r.electricity().m_as("kWh") == pytest.approx(1000 * kwh_req + 0.05 + 0.25)


def test_defaults_name_their_source(reg):
    r = footprint.assess(project(), reg)
    q = r.quantities.set_index("quantity")
    assert q.loc["device time", "source"].startswith("estimate:")
    assert q.loc["output tokens per request", "source"].startswith("estimate:")
    assert "entered" in footprint.assess(project(output_tokens=100), reg).quantities.set_index(
        "quantity").loc["output tokens per request", "source"]
    # the default mix: half smartphones, half laptops, 60 s per request
    assert quantity(r, "device time") == pytest.approx(1000 * 60 / 3600)


def test_closed_model_range_is_carried(reg):
    """gpt-4o has no published size: EcoLogits gives min–max (44–132 B active of 440 B);
    rows take the midpoint as amount and min/max as amount_low/amount_high."""
    from ecologits.tracers.utils import llm_impacts

    ref = llm_impacts("openai", "gpt-4o", 250, math.inf)  # OpenAI's zone in EcoLogits: USA
    lo, hi = ref.energy.value.min, ref.energy.value.max
    assert lo < hi
    # by hand: 440 B → 1,056 GB → 16 GPUs; EcoLogits' measured 74 tokens/s and 0.61 s to
    # first token give the latency; OpenAI's PUE 1.20
    assert lo == pytest.approx(ecologits_by_hand(44, 440, 250, 1.2, 74, 0.61)[0], rel=1e-9)
    assert hi == pytest.approx(ecologits_by_hand(132, 440, 250, 1.2, 74, 0.61)[0], rel=1e-9)
    r = footprint.assess(project(provider="openai", model="gpt-4o", requests=10), reg)
    assert quantity(r, "server electricity per request, low") == pytest.approx(1000 * lo)
    assert quantity(r, "server electricity per request, high") == pytest.approx(1000 * hi)
    assert quantity(r, "server electricity per request") == pytest.approx(500 * (lo + hi))
    inv = r.inventory[r.inventory["tier"] == "data_centres"].set_index("flow")
    assert inv.loc["electricity", "amount"] == pytest.approx(10 * (lo + hi) / 2)
    assert inv.loc["electricity", "amount_low"] == pytest.approx(10 * lo)
    assert inv.loc["electricity", "amount_high"] == pytest.approx(10 * hi)
    assert inv.loc["electricity", "region"] == "US"
    # the server share: EcoLogits' embodied min/max ÷ 7,884 (equal here: with a measured
    # speed, the latency and so the server time do not depend on the model size)
    emb = ref.embodied.gwp.value
    assert inv.loc["device", "amount_low"] == pytest.approx(10 * emb.min / SERVER_GWP)
    assert inv.loc["device", "amount_high"] == pytest.approx(10 * emb.max / SERVER_GWP)
    assert inv.loc["device", "amount"] == pytest.approx(10 * emb.mean / SERVER_GWP)
    # characterised: impact_low = amount_low × factor low, impact_high = amount_high × high
    t = r.table[(r.table["tier"] == "data_centres")
                & (r.table["indicator"] == "climate_change")
                & r.table["impact"].notna()].set_index("flow")
    for flow in ("electricity", "device"):
        assert t.loc[flow, "impact_low"] < t.loc[flow, "impact"] < t.loc[flow, "impact_high"]
    assert t.loc["electricity", "impact"] == pytest.approx(10 * (lo + hi) / 2 * 0.4)
    assert t.loc["electricity", "impact_low"] == pytest.approx(10 * lo * 0.3)
    assert t.loc["electricity", "impact_high"] == pytest.approx(10 * hi * 0.5)
    assert t.loc["device", "impact_low"] == pytest.approx(10 * emb.min / SERVER_GWP * 5518.8)
    assert t.loc["device", "impact_high"] == pytest.approx(10 * emb.max / SERVER_GWP * 10249.2)
    assert quantity(r, "climate change per request, EcoLogits, high") == pytest.approx(
        1000 * ref.gwp.value.max)
    assert "model-arch-not-released" in r.quantities.set_index("quantity").loc[
        "server electricity per request", "source"]


def test_closed_model_range_in_the_server_share(reg):
    """mistral-medium-latest: dense 70–120 B, no measured speed: the latency, hence the
    server share, differs between the two ends (4 GPUs at both: 168 and 288 GB)."""
    from ecologits.tracers.utils import llm_impacts

    ref = llm_impacts("mistralai", "mistral-medium-latest", 250, math.inf)
    r = footprint.assess(project(model="mistral-medium-latest", requests=100), reg)
    dev = r.inventory[r.inventory["factor_code"] == "device.ai_server_8gpu"].iloc[0]
    lo, hi = server_share_by_hand(70, 70, 250), server_share_by_hand(120, 120, 250)
    assert dev["amount_low"] == pytest.approx(100 * lo, rel=1e-9)
    assert dev["amount_high"] == pytest.approx(100 * hi, rel=1e-9)
    assert dev["amount"] == pytest.approx(100 * (lo + hi) / 2, rel=1e-9)
    assert dev["amount_low"] == pytest.approx(100 * ref.embodied.gwp.value.min / SERVER_GWP)
    assert dev["amount_high"] == pytest.approx(100 * ref.embodied.gwp.value.max / SERVER_GWP)
    elec = r.inventory[(r.inventory["tier"] == "data_centres")
                       & (r.inventory["flow"] == "electricity")].iloc[0]
    assert elec["amount_low"] == pytest.approx(
        100 * ecologits_by_hand(70, 70, 250, 1.16)[0], rel=1e-9)
    assert elec["amount_high"] == pytest.approx(
        100 * ecologits_by_hand(120, 120, 250, 1.16)[0], rel=1e-9)
    t = r.table[(r.table["factor_code"] == "device.ai_server_8gpu")
                & (r.table["stage"] == "manufacturing")].set_index("indicator")
    assert t.loc["primary_energy", "impact_low"] == pytest.approx(100 * lo * 69837.6)
    assert t.loc["primary_energy", "impact_high"] == pytest.approx(100 * hi * 129698.4)
    assert quantity(r, "share of one 8-GPU AI server, high") == pytest.approx(100 * hi)


def test_self_hosted_uses_project_hosting_and_its_pue(reg):
    # self-hosted in FR: our dc.pue FR (1.5 in the test data) instead of Mistral's 1.16
    _, _, it_kwh = ecologits_by_hand(8, 119, 250, 1.0)
    r = footprint.assess(project(self_hosted=True), reg)
    elec = r.inventory[(r.inventory["tier"] == "data_centres")
                       & (r.inventory["flow"] == "electricity")]
    assert set(elec["region"]) == {"FR"}
    assert elec["amount"].iloc[0] == pytest.approx(1000 * it_kwh * 1.5, rel=1e-9)
    assert quantity(r, "data-centre PUE") == 1.5
    # an explicit hosting_country wins, with the provider's PUE
    r = footprint.assess(project(hosting_country="DE"), reg)
    elec = r.inventory[(r.inventory["tier"] == "data_centres")
                       & (r.inventory["flow"] == "electricity")]
    assert set(elec["region"]) == {"DE"}
    assert elec["amount"].iloc[0] == pytest.approx(1000 * it_kwh * 1.16, rel=1e-9)


def test_several_services_at_once(reg):
    data = {"name": "P", "services": [
        {"name": "A", "kind": "ai_assistant", "provider": "mistralai",
         "model": "mistral-small-latest", "requests": 1000},
        {"name": "B", "kind": "ai_assistant", "provider": "mistralai",
         "model": "ministral-8b-latest", "requests": 500, "device_mix": {"laptop": 1}},
        {"name": "C", "kind": "ai_assistant", "provider": "mistralai",
         "model": "mistral-small-latest", "requests": 3000}]}
    r = footprint.assess(parse_project(data), reg)
    by = r.by_service()
    single = footprint.assess(project(requests=1000), reg).total().m_as("kgCO2e")
    assert by["A"] == pytest.approx(single)
    assert by["C"] == pytest.approx(3 * single)
    assert set(r.quantities["service"]) == {"A", "B", "C"}


# -- validation ---------------------------------------------------------------------------
def error(**service):
    with pytest.raises(ProjectError) as exc:
        project(**service)
    return exc.value


def test_unknown_model_names_the_field_and_close_matches():
    e = error(model="mistral-smal-latest")
    assert e.path == "services[0].model"
    assert "mistral-small-latest" in str(e)
    e = error(provider="mistralai", model="gpt-4o")
    assert e.path == "services[0].model" and "'openai'" in str(e)


def test_unknown_provider():
    e = error(provider="mistral")
    assert e.path == "services[0].provider"
    assert "'mistralai'" in str(e)


@pytest.mark.parametrize(("service", "path", "text"), [
    ({"device_mix": {"smartphone": 0.5}}, "services[0].device_mix", "sum to 1"),
    ({"network_mix": {"fixed": 0.7, "mobile": 0.7}}, "services[0].network_mix", "sum to 1"),
    ({"network_mix": {"wifi": 1.0}}, "services[0].network_mix.wifi", "unknown field"),
    ({"device_mix": {"smartfone": 1.0}}, "services[0].device_mix.smartfone", "unknown field"),
    ({"device_mix": {"laptop": 1.2}}, "services[0].device_mix.laptop", "less than or equal"),
    ({"conversations": 10}, "services[0]", "not both"),
    ({"requests": None}, "services[0]", "requests is missing"),
    ({"requests": None, "conversations": 10}, "services[0]", "requests_per_conversation"),
    ({"requests": -1}, "services[0].requests", "greater than or equal"),
    ({"output_tokens": 0}, "services[0].output_tokens", "greater than or equal"),
    ({"device_time_per_request": "2 kg"}, "services[0].device_time_per_request", "s-like"),
])
def test_invalid_parameters(service, path, text):
    svc = {k: v for k, v in {"requests": 1000, **service}.items() if v is not None}
    with pytest.raises(ProjectError) as exc:
        parse_project({"name": "P", "services": [
            {"name": "Bot", "kind": "ai_assistant", "provider": "mistralai",
             "model": "mistral-small-latest", **svc}]})
    assert exc.value.path.startswith(path)
    assert text in str(exc.value)


def test_mixes_keep_their_keys_and_defaults(reg):
    """device_mix and network_mix are the typed mixes of _mixes.py; the project-file keys
    (smartphone, laptop…; fixed, mobile, fixed_excl_box) are unchanged."""
    p = project(device_mix={"smartphone": 0.25, "laptop": 0.75},
                network_mix={"fixed_excl_box": 0.5, "mobile": 0.5})
    inv = build_inventory(p, reg)[0]
    dev = inv[inv["tier"] == "user_devices"]
    assert set(dev["factor_code"]) == {"device.smartphone", "device.laptop", "electricity"}
    net = inv[inv["tier"] == "networks"].set_index("factor_code")["amount"]
    assert net.to_dict() == pytest.approx({"network.fixed_excl_box": 0.025,
                                           "network.mobile": 0.025})
    # defaults: half smartphones, half laptops; 80 % fixed, 20 % mobile
    d = footprint.assess(project(), reg).inventory
    net = d[d["tier"] == "networks"].set_index("factor_code")["amount"]
    assert net["network.fixed"] == pytest.approx(4 * net["network.mobile"])
    devices = set(d.loc[(d["tier"] == "user_devices") & (d["flow"] == "device"), "factor_code"])
    assert devices == {"device.smartphone", "device.laptop"}


def test_missing_server_factor_stops_the_assessment(tiny):
    """Without a 'device.ai_server_8gpu' factor the manufacture of the servers and GPUs
    cannot be characterised: the engine's UnknownFactorError says so, instead of a result
    that silently leaves it out."""
    from footprint.errors import UnknownFactorError

    p = project(device_mix={"laptop": 1.0}, network_mix={"fixed": 1.0})
    with pytest.raises(UnknownFactorError, match="device.ai_server_8gpu"):
        footprint.assess(p, tiny)


def test_requests_are_totals_not_scaled_by_the_period(reg):
    plain = footprint.assess(project(), reg)
    svc = {"name": "Bot", "kind": "ai_assistant", "provider": "mistralai",
           "model": "mistral-small-latest", "requests": 1000}
    quarter = footprint.assess(parse_project({
        "name": "P", "reporting_period": {"start": "2025-01-01", "end": "2025-03-31"},
        "services": [svc]}), reg)
    assert quarter.total().m_as("kgCO2e") == pytest.approx(plain.total().m_as("kgCO2e"))
    q = quarter.quantities.set_index("quantity")
    assert q.loc["reporting basis", "source"] == "totals over the period as entered"
    assert q.loc["reporting basis", "value"] == pytest.approx(90 / 365)


# -- bundled data and the sample project --------------------------------------------------
def test_sample_assesses_with_bundled_data(bundled, capsys):
    from footprint.cli import main

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert main(["assess", str(SAMPLE)]) == 0
        r = footprint.assess(footprint.read_project(SAMPLE), bundled)
    assert "Chatbot guide" in capsys.readouterr().out
    # 40,000 conversations × 5 requests; servers in SE (Mistral in EcoLogits)
    kwh_req, emb_req, _ = ecologits_by_hand(8, 119, 250, 1.16)
    dc = r.inventory[(r.inventory["tier"] == "data_centres")
                     & (r.inventory["flow"] == "electricity")]
    assert dc["amount"].sum() == pytest.approx(200_000 * kwh_req, rel=1e-9)
    assert set(dc["region"]) == {"SE"}
    # the manufacture of servers and GPUs: a share of one 8-GPU server (bundled factor)
    share = server_share_by_hand(8, 119, 250)
    srv = r.table[(r.table["factor_code"] == "device.ai_server_8gpu")
                  & (r.table["stage"] == "manufacturing")].set_index("indicator")
    assert srv.loc["climate_change", "amount"] == pytest.approx(200_000 * share, rel=1e-9)
    assert r.breakdown(("stage", "tier")).loc["manufacturing", "data_centres"] == \
        pytest.approx(200_000 * emb_req, rel=1e-9)
    assert srv.loc["abiotic_depletion", "impact"] == pytest.approx(200_000 * share * 0.4416)
    # smartphones only, 45 s per answer; mobile network only: 200,000 × 50 kB = 10 GB
    assert quantity(r, "device time") == pytest.approx(200_000 * 45 / 3600)
    net = r.inventory[r.inventory["tier"] == "networks"]
    assert list(net["factor_code"]) == ["network.mobile"]
    assert net["amount"].sum() == pytest.approx(10.0)
    assert r.total().m_as("kgCO2e") > 0
