"""footprint — Streamlit home page: open a sample or upload a project, see its footprint."""

from __future__ import annotations

import streamlit as st

import footprint
from footprint.charts import stage_tier_chart
from footprint.units import format_unit
from ui.cache import assess_text, decode_upload, sample_files, sample_text
from ui.i18n import fmt, language_toggle, t

st.set_page_config(page_title="footprint", page_icon="🌱", layout="wide")
language_toggle()
st.title(t("app_title"))
st.write(t("intro"))

samples = sample_files()
left, right = st.columns(2)
choice = left.selectbox(t("open_sample"), samples, key="sample")
upload = right.file_uploader(t("upload"), type=["yaml", "yml", "json"], key="upload")

try:
    if upload is not None:
        text, kind = decode_upload(upload.getvalue()), \
            "json" if upload.name.lower().endswith(".json") else "yaml"
    else:
        text, kind = sample_text(choice), "yaml"
    result = assess_text(text, kind)
except footprint.FootprintError as exc:
    st.error(f"{t('error')} — {exc}")
    st.stop()

project = result.project
st.header(project.name)
if project.organisation:
    st.markdown(project.organisation)  # not st.caption: its grey fails WCAG AA contrast

totals = result.totals().set_index("indicator")
cc = result.totals({"climate_change": "tCO2e"}).set_index("indicator").loc["climate_change"]
cols = st.columns(3)
cols[0].metric(t("total"), f"{fmt(cc['total'])} tCO2e",
               help=f"{t('range')}: {fmt(cc['low'])} – {fmt(cc['high'])} tCO2e")
cols[1].metric(t("electricity"), f"{fmt(result.electricity().m_as('MWh'))} MWh")
if project.functional_unit is not None:
    per = result.per_functional_unit().m_as("gCO2e")
    cols[2].metric(t("per_fu", unit=project.functional_unit.name), f"{fmt(per)} gCO2e")

st.subheader(t("by_stage_tier"))
st.altair_chart(stage_tier_chart(result, labels=t), width="stretch")

st.dataframe(
    {t("indicator"): [t(i) for i in totals.index],
     t("value"): [fmt(v) for v in totals["total"]],
     t("unit"): [format_unit(u) for u in totals["unit"]],
     t("range"): [f"{fmt(lo)} – {fmt(hi)}" for lo, hi in zip(totals["low"], totals["high"])],
     t("parts_not_covered"): list(totals["rows_not_covered"])},
    hide_index=True)
missing = result.not_covered()
if len(missing):
    with st.expander(t("not_covered_detail")):
        st.dataframe(missing.assign(indicator=missing["indicator"].map(t)), hide_index=True)

if result.warnings:
    with st.expander(t("warnings")):
        for w in result.warnings:
            st.write("- " + w)
with st.expander(t("details")):
    st.dataframe(result.table.drop(columns=["project", "factor_idx"]), hide_index=True)
with st.expander(t("sources")):
    for row in result.provenance.itertuples():
        st.markdown(f"**{row.title}** ({row.publisher}, {row.edition}) — {row.licence}. "
                    f"{row.attribution}")
