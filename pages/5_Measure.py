"""Measure: import CodeCarbon's emissions.csv or measure a job, and attach the runs to a
service of the open project (a ``measured`` service)."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import measure, state
from ui.i18n import choose, label, t
from ui.nav import next_step, page, show_error

page("nav_measure")
st.markdown(t("measure_intro"))
try:
    project = state.project()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()

tab_csv, tab_job = st.tabs([t("measure_upload_tab"), t("measure_job_tab")])
with tab_csv:
    upload = st.file_uploader(t("measure_upload"), type=["csv"], key="measure_csv")
    if upload is not None:
        try:
            st.session_state["measure_runs"] = measure.parse(upload.getvalue())
        except footprint.FootprintError as exc:
            show_error(exc)
with tab_job:
    if measure.commands_allowed():
        command = st.text_input(t("measure_command"), key="measure_command",
                                help=t("measure_command_help"))
        per_item = st.number_input(t("measure_per_item"), min_value=0.0, value=0.0,
                                   key="measure_per_item")
        if st.button(t("measure_run"), key="measure_run") and command.strip():
            try:
                with st.spinner(t("measure_running")):
                    code, found = measure.run(command, per_item=per_item,
                                              country=project.hosting_country)
                if code != 0:
                    st.error(t("measure_failed", code=code))
                else:
                    st.session_state["measure_runs"] = [found]
            except footprint.FootprintError as exc:
                show_error(exc)
    else:
        st.info(t("measure_job_disabled", env=measure.COMMANDS_ENV))
        st.code(measure.cli_hint(), language="bash")

runs = st.session_state.get("measure_runs")
if runs:
    st.subheader(t("measure_runs", n=len(runs)))
    st.dataframe(measure.runs_table(runs), hide_index=True, key="measure_table")
    if any(m.method != "hardware" for m in runs):
        st.warning(t("measure_estimate_note"))
    with st.form("measure_attach"):
        service = st.text_input(t("measure_service"), value=measure.default_service(project))
        tier = choose(st.selectbox, t("measure_tier"), ["data_centres", "onsite"], label,
                      key="measure_tier")
        c1, c2, c3 = st.columns(3)
        items_per_run = c1.number_input(t("measure_items_per_run"), min_value=0.0, value=0.0)
        items = c2.number_input(t("measure_items"), min_value=0.0, value=0.0)
        repeat = c3.number_input(t("measure_repeat"), min_value=0.0, value=1.0)
        submitted = st.form_submit_button(t("measure_attach"))
    if submitted:
        try:
            measure.attach(runs, service=service, tier=tier, items_per_run=items_per_run,
                           items=items, runs=repeat)
            st.session_state.pop("measure_runs", None)
            st.success(t("measure_attached", n=len(runs), service=service))
        except footprint.FootprintError as exc:
            show_error(exc)
next_step(("pages/2_Results.py", "nav_results"))
