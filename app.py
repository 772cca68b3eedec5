"""footprint — home page: what the tool does; new project, sample, upload, saved projects;
the open project at a glance."""

from __future__ import annotations

import streamlit as st

import footprint
from footprint.templates import template
from ui import cache, state, widgets
from ui.i18n import choose, fmt_date, label, t
from ui.nav import next_step, page, show_error

page("nav_home")
st.write(t("intro"))

new_tab, sample_tab, upload_tab, saved_tab = st.tabs(
    [t("new_project"), t("open_sample"), t("upload_tab"), t("reopen")])

with new_tab:
    kinds = widgets.kinds()
    kind = choose(st.selectbox, t("new_kind"), kinds, label, key="new_kind")
    name = st.text_input(t("new_name"), value=t("new_name_default"), key="new_name")
    if st.button(t("create"), key="create", type="primary"):
        try:
            text = footprint.to_yaml(footprint.parse_project(template(kind, name or "?")))
            state.open_doc(state.Doc(text, "yaml", "new", kind), save=True, note="new")
            st.switch_page("pages/1_Describe.py")
        except footprint.FootprintError as exc:
            show_error(exc)

with sample_tab:
    names = cache.sample_files()
    current = state.doc()
    index = names.index(current.name) if current.origin == "sample" and \
        current.name in names else 0
    choice = choose(st.selectbox, t("open_sample"), names, widgets.sample_title, index=index,
                    key="sample", label_visibility="collapsed")
    if st.button(t("open"), key="open_sample"):
        state.open_doc(state.Doc(cache.sample_text(choice), "yaml", "sample", choice))
        st.rerun()

with upload_tab:
    upload = st.file_uploader(t("upload"), type=["yaml", "yml", "json"], key="upload")
    if upload is not None and st.session_state.get("_uploaded") != upload.file_id:
        st.session_state["_uploaded"] = upload.file_id  # handle each upload once
        try:
            project = cache.parse_upload(upload.getvalue(), upload.name)
            state.open_doc(state.Doc(footprint.to_yaml(project), "yaml", "upload",
                                     upload.name), save=True, note=upload.name)
            st.session_state["_upload_msg"] = ("ok", upload.name)
        except footprint.FootprintError as exc:
            st.session_state["_upload_msg"] = ("error", upload.name, exc)
    msg = st.session_state.get("_upload_msg")
    if msg and msg[0] == "ok":
        st.success(t("upload_done", name=msg[1]))
    elif msg:
        show_error(msg[2], header=t("upload_error", name=msg[1]))

with saved_tab:
    widgets.saved_projects()

st.divider()
try:
    result = state.assessment()
except footprint.FootprintError as exc:
    show_error(exc)
    st.stop()
st.header(t("summary") + " — " + result.project.name)
widgets.headline(result)
d = state.doc()
left, right = st.columns(2)
left.download_button(t("download_project"), d.text.encode("utf-8"),
                     file_name=widgets.file_name(result.project.name, "yaml"),
                     mime="application/yaml", key="download_project")
if d.id is None and state.workspace() is not None:
    if right.button(t("save_copy"), key="save_copy"):
        state.open_doc(d, save=True, note="copy")
        st.rerun()
elif d.id is not None:
    versions = state.workspace().versions(d.id) if state.workspace() else []
    right.markdown(t("saved_as", version=d.version) + (
        f" · {fmt_date(versions[0].saved_at)}" if versions else ""))
next_step(("pages/1_Describe.py", "go_describe"), ("pages/2_Results.py", "go_results"))
