"""The Export page's files: built by :mod:`footprint.export`, cached on the project's
text, language and options."""

from __future__ import annotations

import functools

import streamlit as st

from ui import cache, state
from ui.i18n import lang

FORMATS = (("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
           ("csv", "zip", "application/zip"), ("json", "json", "application/json"),
           ("html", "html", "text/html"), ("pdf", "pdf", "application/pdf"))


@st.cache_data(show_spinner=False, max_entries=32)
def _build(text: str, fmt_: str, kind: str, language: str, extras: bool) -> bytes:
    from footprint import export

    result = cache.assess_text(text, fmt_)
    kw = {"lang": language, "registry": cache.registry()}
    if extras:
        kw.update(_extras(text, fmt_))
    fn = {"xlsx": export.to_xlsx, "csv": export.to_csv_zip, "json": export.to_json,
          "html": export.to_html, "pdf": export.to_pdf}[kind]
    out = fn(result, **kw)
    return out.encode("utf-8") if isinstance(out, str) else out


def _extras(text: str, fmt_: str) -> dict:
    import footprint

    project = cache.project_of(text, fmt_)
    out = {}
    if getattr(project, "scenarios", None):
        out["comparison"] = footprint.compare(project, draws=200, factors=cache.registry())
    return out


def builder(kind: str, extras: bool):
    """The file, built only when its button is clicked (Streamlit runs the callable on a
    thread of its own: the project and language are read here, on the page's run)."""
    d, language = state.doc(), lang()
    return functools.partial(_build, d.text, d.fmt, kind, language, extras)
