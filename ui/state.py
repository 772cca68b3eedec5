"""Session state: the open project (its text is the one source of truth), where it came
from, and its place in the workspace. The language and the open project are mirrored in
the URL's query parameters (``?lang=en&p=12`` or ``?s=opera_live_replay.yaml``), so a
browser reload finds them again."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import footprint
from ui import cache

DEFAULT_SAMPLE = "opera_live_replay.yaml"


@dataclass(frozen=True)
class Doc:
    """The open project: its text and format, where it came from, its workspace id."""

    text: str
    fmt: str = "yaml"
    origin: str = "sample"          # sample | upload | new | workspace
    name: str = ""                  # sample or file name
    id: int | None = None           # workspace project id
    version: int | None = None      # workspace version shown


@st.cache_resource(show_spinner=False)
def workspace():
    """The workspace database (one engine per server process); None when unreachable."""
    from ui.workspace import Workspace, default_url

    url = default_url()
    try:
        return Workspace(url)
    except Exception as exc:  # noqa: BLE001 - shown to the user, the app works without it
        st.session_state["_ws_error"] = (url, str(exc).splitlines()[0])
        return None


def workspace_error() -> tuple[str, str] | None:
    return st.session_state.get("_ws_error")


def _restore() -> Doc:
    """The project named by the URL (a saved project, a sample), else the default sample."""
    qp = st.query_params
    pid, sample = qp.get("p"), qp.get("s")
    ws = workspace()
    if pid and pid.isdigit() and ws is not None:
        version = qp.get("v")
        try:
            number = int(version) if version and version.isdigit() else None
            text = ws.load(int(pid), number)
            saved = ws.versions(int(pid))
            return Doc(text, "yaml", "workspace", "", int(pid),
                       number or (saved[0].number if saved else None))
        except KeyError:
            pass
    name = sample if sample in cache.sample_files() else DEFAULT_SAMPLE
    return Doc(cache.sample_text(name), "yaml", "sample", name)


def doc() -> Doc:
    if "doc" not in st.session_state:
        st.session_state["doc"] = _restore()
        _mirror(st.session_state["doc"])
    return st.session_state["doc"]


def _mirror(d: Doc) -> None:
    """Write the open project into the URL (and drop what no longer applies)."""
    qp = st.query_params
    for key in ("p", "s", "v"):
        if key in qp:
            del qp[key]
    if d.id is not None:
        qp["p"] = str(d.id)
    elif d.origin == "sample":
        qp["s"] = d.name


def project():
    """The open project (validated; cached on its text)."""
    d = doc()
    return cache.project_of(d.text, d.fmt)


def assessment(allocation: str | None = None):
    d = doc()
    return cache.assess_text(d.text, d.fmt, allocation)


def open_doc(new: Doc, *, save: bool = False, note: str = "") -> Doc:
    """Make ``new`` the open project after validating it; a ProjectError leaves the
    current project untouched. With ``save``, a new version is written to the workspace
    first (one transaction)."""
    project = cache.project_of(new.text, new.fmt)  # raises before anything changes
    if save:
        new = save_doc(new, project, note=note)
    st.session_state["doc"] = new
    _mirror(new)
    return new


def save_doc(d: Doc, project=None, *, note: str = "") -> Doc:
    """Save ``d`` as a new version (a new workspace project when it has no id yet)."""
    ws = workspace()
    if ws is None:
        return d
    project = project or cache.project_of(d.text, d.fmt)
    text = d.text if d.fmt == "yaml" else footprint.to_yaml(project)
    pid, number = ws.save(text, name=project.name, project_id=d.id, note=note)
    return Doc(text, "yaml", "workspace", d.name, pid, number)


def set_project(project, *, note: str = "") -> Doc:
    """Replace the open project by a validated Project and save it (the Describe form)."""
    d = doc()
    new = Doc(footprint.to_yaml(project), "yaml", d.origin, d.name, d.id, d.version)
    return open_doc(new, save=True, note=note)
