"""The Describe page's state and sections: the draft being edited, its errors, the
project settings and each service's form."""

from __future__ import annotations

import streamlit as st

import footprint
from footprint.archetypes import KINDS
from footprint.schema.describe import fields
from ui import state
from ui.form import Form, common_specs, components_table, service_specs
from ui.i18n import error_lines, t
from ui.widgets import kinds  # noqa: F401  (re-exported for the page)

_SETTINGS_SKIP = ("schema_version", "services")


def draft() -> dict:
    """The project being edited: reset from the open project whenever that changes."""
    d = state.doc()
    if st.session_state.get("form_src") != d.text:
        project = state.project()
        st.session_state["form_src"] = d.text
        st.session_state["draft"] = project.model_dump(mode="json", exclude_unset=True)
        st.session_state["form_errors"] = {}
        st.session_state["form_gen"] = st.session_state.get("form_gen", 0) + 1
    return st.session_state["draft"]


def errors() -> dict[str, str]:
    return st.session_state.setdefault("form_errors", {})


def generation() -> int:
    return st.session_state.setdefault("form_gen", 0)


def settings(form: Form, data: dict) -> dict:
    from footprint.schema import Project

    specs = [s for s in fields(Project) if s.name not in _SETTINGS_SKIP]
    form.kind = "project"  # the settings' help from the help catalogs
    return form.group(specs, "", data)


def service(form: Form, i: int, data: dict) -> dict:
    path = f"services[{i}]"
    kind = data.get("kind")
    module = KINDS.get(kind)
    form.kind = kind  # its parameters' help from the help catalogs
    name_spec = next(s for s in fields(module.Service) if s.name == "name")
    out = {"name": form.scalar(name_spec, f"{path}.name", data.get("name")) or "",
           "kind": kind}
    with st.popover(t("service_countries")):
        for spec in common_specs(module):
            value = form.scalar(spec, f"{path}.{spec.name}", data.get(spec.name))
            if value is not None:
                out[spec.name] = value
    if kind == "custom":
        out["components"] = components_table(form, f"{path}.components",
                                             data.get("components"), _codes())
    else:
        out.update(form.group(service_specs(module), path, data))
    return out


def _codes() -> list[str]:
    from ui.cache import registry

    return registry().codes()


def restructure(settings_out: dict, services: list[dict], *, remove: int | None = None,
                add: str | None = None) -> None:
    """Remove or add a service, keeping everything typed in the others."""
    from footprint.templates import template

    services = list(services)
    if remove is not None:
        services.pop(remove)
    if add is not None:
        new = template(add)["services"][0]
        taken = {s.get("name") for s in services}
        base, n = new.get("name", add), 2
        while new.get("name") in taken:
            new = {**new, "name": f"{base} ({n})"}
            n += 1
        services.append(new)
    st.session_state["draft"] = {**settings_out, "services": services}
    st.session_state["form_errors"] = {}
    st.session_state["form_gen"] = generation() + 1
    st.rerun()


def unplaced(form: Form) -> list[tuple[str, str]]:
    """Errors whose field is not on the page (shown together above the save button)."""
    return [(p, m) for p, m in form.errors.items() if p not in form.shown]


def save(data: dict) -> None:
    project = footprint.parse_project(data)
    state.set_project(project, note="form")
    st.session_state["form_errors"] = {}


def keep_errors(exc, data: dict) -> None:
    st.session_state["form_errors"] = {("" if p in ("(project)", "(file)") else p): m
                                       for p, m in error_lines(exc)}


def yaml_editor() -> None:
    from ui.nav import show_error

    d = state.doc()
    text = st.text_area(t("yaml_label"), value=d.text, height=400,
                        key=f"yaml_{generation()}")
    if st.button(t("yaml_apply"), key="yaml_apply"):
        try:
            project = footprint.parse_project(text, "yaml")
            state.set_project(project, note="yaml")
            st.rerun()
        except footprint.FootprintError as exc:
            show_error(exc)
