"""Eco-design: the ranked suggestions with their RGESN references, the saving the engine
computes for each and its effort; one click turns a suggestion into a scenario."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import ecodesign, state
from ui.i18n import t
from ui.nav import next_step, page, show_error

page("nav_ecodesign")
st.markdown(t("ecodesign_intro"))
try:
    project = state.project()
    with st.spinner(t("computing")):
        suggestions = ecodesign.suggestions()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()

if not len(suggestions):
    st.info(t("no_suggestions"))
taken = {s.name for s in getattr(project, "scenarios", [])}
for rank, s in enumerate(suggestions, start=1):
    with st.container(border=True):
        ecodesign.card(rank, s)
        name = ecodesign.scenario_name(s)
        if name in taken:
            st.markdown(t("already_scenario"))
        elif st.button(t("to_scenario"), key=f"to_scenario_{s.id}_{rank}"):
            ecodesign.to_scenario(project, s)
            st.switch_page("pages/3_Scenarios.py")
if suggestions.combined is not None:
    with st.container(border=True):
        ecodesign.card(None, suggestions.combined)
if suggestions.no_effect:
    with st.expander(t("no_effect", n=len(suggestions.no_effect))):
        for s in suggestions.no_effect:
            st.text("• " + s.title(ecodesign.lang()))
next_step(("pages/3_Scenarios.py", "nav_scenarios"), ("pages/7_Export.py", "nav_export"))
