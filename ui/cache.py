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


def parse_upload(data: bytes, filename: str):
    """Project of an uploaded file, through the library's one reader
    (:func:`footprint.parse_upload`: the CLI's size limit, decoding and messages)."""
    return footprint.parse_upload(data, filename)


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
