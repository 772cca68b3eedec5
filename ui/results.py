"""The Results page's pieces: switches that re-assess, tables beside the charts,
equivalences and the website methods. Arithmetic stays in the library."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import cache, state
from ui.i18n import fmt, fmt_int, label, t


def _has_network_model(service) -> bool:
    return "network_model" in type(service).model_fields


def network_models(project) -> set[str]:
    """Network models used by the services that have one (empty: no such service)."""
    return {s.network_model for s in project.services if _has_network_model(s)}


@st.cache_data(show_spinner=False, max_entries=32)
def _with_network_model(text: str, fmt: str, model: str) -> str:
    project = cache.project_of(text, fmt)
    data = project.model_dump(mode="json", exclude_unset=True)
    for raw, svc in zip(data["services"], project.services):
        if _has_network_model(svc):
            raw["network_model"] = model
    return footprint.to_yaml(footprint.parse_project(data))


def _switched(network_model: str | None) -> tuple[str, str]:
    """The open project's text with the network-model switch applied."""
    d = state.doc()
    text, fmt_ = d.text, d.fmt
    if network_model is not None and network_models(state.project()) != {network_model}:
        text, fmt_ = _with_network_model(text, fmt_, network_model), "yaml"
    return text, fmt_


def assess(*, allocation: str | None, network_model: str | None):
    """The open project assessed with the page's switches (cached)."""
    return cache.assess_text(*_switched(network_model), allocation)


#: Monte Carlo of the headline's band: draws and seed (the same figures on every visit).
BAND_DRAWS, BAND_SEED = 1000, 0


@st.cache_data(show_spinner=False, max_entries=32)
def _band(text: str, fmt_: str, allocation: str | None, draws: int, seed: int):
    from footprint.uncertainty import summary

    project = cache.project_of(text, fmt_)
    if allocation is not None and allocation != project.options.allocation:
        data = project.model_dump(mode="json", exclude_unset=True)
        data.setdefault("options", {})["allocation"] = allocation
        project = footprint.parse_project(data)
    row = summary(project, draws=draws, seed=seed, indicators=("climate_change",),
                  levels=("total",), factors=cache.registry()).iloc[0]
    return float(row["p5"]), float(row["p95"])


def band(*, allocation: str | None, network_model: str | None) -> dict:
    """P5 and P95 (kgCO2e) of the total climate change by :func:`footprint.uncertainty.
    summary`, with the page's switches; cached on the project's text (one version)."""
    text, fmt_ = _switched(network_model)
    p5, p95 = _band(text, fmt_, allocation, BAND_DRAWS, BAND_SEED)
    return {"p5": p5, "p95": p95, "unit": "kgCO2e", "draws": BAND_DRAWS, "seed": BAND_SEED}


def basis_lines(result) -> list[str]:
    period = result.project.reporting_period
    out = []
    if period is not None:
        out.append(t("period_basis", period=f"{period.start.isoformat()} → "
                                               f"{period.end.isoformat()}"))
    if result.project.functional_unit is None:
        out.append(t("no_fu"))
    return out


def stage_tier_table(result) -> dict:
    table = result.breakdown(("stage", "tier"))
    why = result.stage_tier_labels()
    out = {t("stage"): [label(s) for s in table.index]}
    for tier in table.columns:
        out[f"{label(tier)} (kgCO2e)"] = [t("in_manufacturing") if w == "in manufacturing"
                                          else fmt(v) for v, w in zip(table[tier], why[tier])]
    return out


def equivalences(result) -> None:
    """Everyday equivalents of the total (:mod:`footprint.equivalences`, shared with the
    report), each with its figure and source."""
    from footprint.equivalences import equivalences as equivalents

    eq = equivalents(result.total("climate_change").m_as("kgCO2e"), cache.registry())
    if not eq:  # nothing covered
        return
    st.subheader(t("equivalences"))
    cols = st.columns(len(eq))
    for col, e in zip(cols, eq):
        col.metric(t(f"equiv_{e['key']}"), fmt_int(e["value"]),
                   help=t(f"equiv_{e['key']}_per", per=fmt(e["per"])))
    st.markdown(t("equiv_source", source="; ".join(dict.fromkeys(e["source"] for e in eq))))


def web_methods(result) -> None:
    """For website services: our total beside SWD v4, v3 and Ecoindex (never added)."""
    q = result.quantities
    methods = q[q["quantity"].isin(["method.swd_v4", "method.swd_v3", "method.ecoindex"])]
    if methods.empty:
        return
    st.subheader(t("web_methods"))
    st.markdown(t("web_methods_help"))
    ours = result.by_service()
    wide = methods.pivot_table(index="service", columns="quantity", values="value",
                               aggfunc="first")
    names = list(wide.index)
    st.dataframe({t("service"): names,
                  "footprint (kgCO2e)": [fmt(ours.get(n, float("nan"))) for n in names],
                  "SWD v4 (kgCO2e)": [fmt(v) for v in wide.get("method.swd_v4", [])],
                  "SWD v3 (kgCO2e)": [fmt(v) for v in wide.get("method.swd_v3", [])],
                  "Ecoindex (kgCO2e)": [fmt(v) for v in wide.get("method.ecoindex", [])]},
                 hide_index=True, key="web_methods")
    sources = methods.drop_duplicates("quantity")
    for row in sources.itertuples():
        st.text(f"{row.quantity.removeprefix('method.')}: {row.source}")
