"""Scenarios: variants of the project by changed parameters, compared side by side with
deltas and the probability that each is lower (common random numbers); the tornado
ranking of what matters most."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import scenarios, state, widgets
from ui.i18n import choose, fmt_int, t
from ui.nav import next_step, page, show_error

page("nav_scenarios")
st.markdown(t("scenarios_intro"))
try:
    project = state.project()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()

st.subheader(t("scenarios_list"))
if not project.scenarios:
    st.info(t("no_scenarios"))
for i, s in enumerate(project.scenarios):
    with st.container(border=True):
        st.markdown(f"**{s.name}**" + (f" — {s.description}" if s.description else ""))
        st.dataframe(scenarios.overrides_table(s), hide_index=True)
        if st.button(t("remove_scenario"), key=f"rm_scenario_{i}"):
            scenarios.remove(project, i)

with st.expander(t("new_scenario"), expanded=not project.scenarios):
    name = st.text_input(t("scenario_name"), key="scenario_name")
    service = choose(st.selectbox, t("service"), [s.name for s in project.services],
                     lambda n: n, key="scenario_service")
    specs = scenarios.parameters(project, service)
    param = choose(st.selectbox, t("parameter"), [s.name for s in specs],
                   scenarios.param_label(specs), key=f"scenario_param_{service}")
    st.markdown(scenarios.current_value(project, service, param, specs))
    value = st.text_input(t("new_value"), key="scenario_value")
    if st.button(t("add_scenario"), key="add_scenario", type="primary"):
        try:
            scenarios.add(project, name, service, param, value, specs)
            st.rerun()
        except footprint.FootprintError as exc:
            show_error(exc)

if project.scenarios:
    st.subheader(t("comparison"))
    draws = choose(st.radio, t("draws"), [200, 1000], fmt_int,
                   horizontal=True, key="draws")
    with st.spinner(t("computing")):
        comparison = scenarios.compare(draws)
    scenarios.comparison_view(comparison)

st.subheader(t("tornado"))
st.markdown(t("tornado_help"))
with st.spinner(t("computing")):
    table = scenarios.tornado()
scenarios.tornado_view(table)
next_step(("pages/4_Eco-design.py", "nav_ecodesign"), ("pages/7_Export.py", "nav_export"))
_ = widgets
