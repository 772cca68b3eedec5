"""Export: every format of the exports as download buttons, in the user's language, with
the scenarios' comparison and the suggestions when the project has them."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import exports, state
from ui.i18n import t
from ui.nav import next_step, page, show_error
from ui.widgets import file_name

page("nav_export")
st.markdown(t("export_intro"))
try:
    result = state.assessment()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()
st.header(result.project.name)
with_extras = st.checkbox(t("export_with_extras"), value=True, key="export_extras",
                          help=t("export_with_extras_help"))
for fmt_id, ext, mime in exports.FORMATS:
    left, right = st.columns([1, 2], vertical_alignment="center")
    with left:
        st.download_button(t(f"export_{fmt_id}"), exports.builder(fmt_id, with_extras),
                           file_name=file_name(result.project.name, ext), mime=mime,
                           key=f"download_{fmt_id}", type="primary" if fmt_id == "xlsx"
                           else "secondary")
    right.markdown(t(f"export_{fmt_id}_help"))
next_step(("app.py", "nav_home"))
