"""Results: totals with range and coverage, charts with their tables, methods, warnings."""

from __future__ import annotations

import streamlit as st

import footprint
from footprint.charts import bar_chart, stage_tier_chart
from footprint.units import format_unit
from ui import results, state, widgets
from ui.i18n import choose, fmt, label, lang, t, warning_text
from ui.nav import next_step, page, show_error

page("nav_results")
try:
    project = state.project()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()

left, right = st.columns(2)
allocation = choose(left.radio, t("allocation"), ["use_time", "calendar_time"], label,
                    index=0 if project.options.allocation == "use_time" else 1,
                    help=t("allocation_help"), horizontal=True, key="allocation")
models = results.network_models(project)
network = None
if models:
    options = ["per_gb", "per_time"] if len(models) == 1 else ["as_described", "per_gb",
                                                                "per_time"]
    network = choose(right.radio, t("network_model"), options, label,
                     index=options.index(next(iter(models))) if len(models) == 1 else 0,
                     horizontal=True, help=t("network_model_help"), key="network_model")
    network = None if network == "as_described" else network
try:
    with st.spinner():
        result = results.assess(allocation=allocation, network_model=network)
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()

st.header(result.project.name)
with st.spinner(t("computing_band")):
    band = results.band(allocation=allocation, network_model=network)
widgets.headline(result, band)
for w in results.basis_lines(result):
    st.markdown(w)

unit = "kgCO2e"
st.subheader(t("by_stage_tier"))
widgets.chart_with_table(
    stage_tier_chart(result, labels=label, locale=lang()),
    results.stage_tier_table(result), key="stage_tier")
c1, c2 = st.columns(2)
with c1:
    st.subheader(t("by_tier"))
    widgets.chart_with_table(bar_chart(result.by_tier(), labels=label, unit=unit, locale=lang()),
                             widgets.series_table(result.by_tier(), unit), key="tier")
with c2:
    st.subheader(t("by_stage"))
    widgets.chart_with_table(bar_chart(result.by_stage(), labels=label, unit=unit,
                                       locale=lang()),
                             widgets.series_table(result.by_stage(), unit), key="stage")
st.subheader(t("by_service"))
widgets.chart_with_table(bar_chart(result.by_service(), unit=unit, locale=lang(),
                                   colour_by_id=False),
                         widgets.series_table(result.by_service(), unit, ids=False),
                         key="service")

results.equivalences(result)
results.web_methods(result)

st.subheader(t("totals_title"))
totals = result.totals()
st.dataframe({t("indicator"): [label(i) for i in totals["indicator"]],
              t("value"): [fmt(v) for v in totals["total"]],
              t("unit"): [format_unit(u) for u in totals["unit"]],
              t("range"): [f"{fmt(lo)} – {fmt(hi)}" for lo, hi in
                           zip(totals["extreme_low"], totals["extreme_high"])],
              t("parts_not_covered"): list(totals["rows_not_covered"]),
              **({t("coverage"): [t(f"status_{s}") for s in totals["status"]]}
                 if "status" in totals else {})},
             hide_index=True, key="totals")
missing = result.not_covered()
with st.expander(t("not_covered_detail") + f" ({len(missing)})"):
    st.dataframe(missing.assign(indicator=missing["indicator"].map(label),
                                tier=missing["tier"].map(label)), hide_index=True)
if result.warnings:
    with st.expander(t("warnings") + f" ({len(result.warnings)})"):
        for w in result.warnings:
            st.text("• " + warning_text(w))
with st.expander(t("details")):
    st.dataframe(result.table.drop(columns=["project", "factor_idx"]), hide_index=True)
with st.expander(t("sources")):
    for row in result.provenance.itertuples():
        st.markdown(f"**{row.title}** ({row.publisher}, {row.edition}) — {row.licence}")
        st.text(row.attribution)
next_step(("pages/3_Scenarios.py", "nav_scenarios"), ("pages/4_Eco-design.py", "nav_ecodesign"),
          ("pages/6_Emission_factors.py", "nav_factors"))
