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


def assess(*, allocation: str | None, network_model: str | None):
    """The open project assessed with the page's switches (cached)."""
    d = state.doc()
    text, fmt_ = d.text, d.fmt
    if network_model is not None and network_models(state.project()) != {network_model}:
        text, fmt_ = _with_network_model(text, fmt_, network_model), "yaml"
    return cache.assess_text(text, fmt_, allocation)


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
    out = {t("stage"): [label(s) for s in table.index]}
    for tier in table.columns:
        out[f"{label(tier)} (kgCO2e)"] = [fmt(v) for v in table[tier]]
    return out


def equivalences(result) -> None:
    from footprint.equivalences import SOURCE, equivalents

    total = result.total("climate_change").m_as("kgCO2e")
    if not total == total:  # nothing covered
        return
    st.subheader(t("equivalences"))
    eq = equivalents(total)
    cols = st.columns(len(eq))
    for col, (key, n) in zip(cols, eq.items()):
        col.metric(t(f"equiv_{key}"), fmt_int(n))
    st.markdown(t("equiv_source", source=SOURCE))


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
