"""Describe: the project's settings and its services, in a form generated from the kinds'
schemas. Saving validates with the library; errors appear under their fields."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import describe
from ui.form import Form
from ui.i18n import choose, label, t
from ui.nav import next_step, page

page("nav_describe")
st.markdown(t("describe_intro"))
draft = describe.draft()
form = Form(describe.errors(), describe.generation())

st.subheader(t("project_settings"))
draft_out = describe.settings(form, draft)

st.subheader(t("services"))
services_out, remove = [], None
for i, service in enumerate(draft.get("services", [])):
    kind = service.get("kind", "?")
    title = f"{service.get('name') or '?'} — {label(kind)}"
    with st.expander(title, expanded=len(draft["services"]) == 1 or
                     any(p.startswith(f"services[{i}]") for p in form.errors)):
        services_out.append(describe.service(form, i, service))
        if len(draft["services"]) > 1 and st.button(t("remove_service"), key=f"rm_{i}"):
            remove = i
if remove is not None:
    describe.restructure(draft_out, services_out, remove=remove)
draft_out["services"] = services_out

with st.container(border=True):
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    new_kind = choose(left.selectbox, t("add_service_kind"), describe.kinds(), label,
                      key="add_kind")
    if right.button(t("add_service"), key="add_service"):
        describe.restructure(draft_out, services_out, add=new_kind)

unplaced = describe.unplaced(form)
if unplaced:
    st.error(t("form_errors", n=len(form.errors)) + "\n\n" +
             "\n".join(f"- `{p}` — {m}" for p, m in unplaced))
elif form.errors:
    st.error(t("form_errors", n=len(form.errors)))
if st.button(t("save_assess"), type="primary", key="save"):
    try:
        describe.save(draft_out)
        st.switch_page("pages/2_Results.py")
    except footprint.FootprintError as exc:
        describe.keep_errors(exc, draft_out)
        st.rerun()

with st.expander(t("yaml_view")):
    describe.yaml_editor()
next_step(("pages/2_Results.py", "nav_results"))
