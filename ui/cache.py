"""Cached wrappers around the library, so reruns of a page and moves between pages do not
recompute. Everything here is keyed on the project's text: two users never share state."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import footprint


def samples_dir() -> Path:
    import sample_projects

    return Path(sample_projects.__file__).resolve().parent


def sample_files() -> list[str]:
    return sorted(p.name for p in samples_dir().glob("*.yaml"))


@st.cache_data(show_spinner=False, max_entries=64)
def sample_text(name: str) -> str:
    return (samples_dir() / Path(name).name).read_text(encoding="utf-8")


def decode_upload(data: bytes) -> str:
    """Text of an uploaded project file; a file that is not UTF-8 is refused, not mangled."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise footprint.ProjectError(f"the file is not UTF-8 text (byte {exc.start}); save it "
                                     f"as UTF-8 and upload it again", path="(file)",
                                     code="not_utf8", params={"byte": exc.start}) from None


def parse_upload(data: bytes, filename: str):
    """Project of an uploaded file: the library's reader when it has one (size, encoding,
    format by extension), else decode + :func:`footprint.parse_project`."""
    import footprint.files

    reader = getattr(footprint.files, "parse_upload", None)
    if reader is not None:
        return reader(data, filename)
    if len(data) > footprint.files.MAX_BYTES:
        raise footprint.ProjectError(f"the file is {len(data):,} bytes; the limit is "
                                     f"{footprint.files.MAX_BYTES:,}", path="(file)")
    fmt = "json" if filename.lower().endswith(".json") else "yaml"
    return footprint.parse_project(decode_upload(data), fmt)


@st.cache_resource(show_spinner=False)
def registry():
    return footprint.default_registry()


@st.cache_data(show_spinner=False, max_entries=64)
def project_of(text: str, fmt: str = "yaml"):
    return footprint.parse_project(text, fmt)


@st.cache_data(show_spinner=False, max_entries=32)
def assess_text(text: str, fmt: str = "yaml", allocation: str | None = None):
    """Parse and assess a project given as text; returns the Assessment."""
    return footprint.assess(project_of(text, fmt), registry(), allocation=allocation)


@st.cache_data(show_spinner=False, max_entries=16)
def factor_table():
    """Every factor and parameter row of the bundled datasets, with their dataset's
    licence (for the Emission factors page)."""
    reg = registry()
    prov = reg.provenance().set_index("dataset") if "dataset" in reg.provenance() else None
    return reg.factors, reg.parameters, prov
