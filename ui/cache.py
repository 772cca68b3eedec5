"""Cached wrappers around the library, so reruns of a page do not recompute."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import footprint

SAMPLES = Path(__file__).resolve().parent.parent / "sample_projects"


def sample_files() -> list[str]:
    return sorted(p.name for p in SAMPLES.glob("*.yaml"))


@st.cache_data(show_spinner=False, max_entries=64)
def sample_text(name: str) -> str:
    return (SAMPLES / Path(name).name).read_text(encoding="utf-8")


def decode_upload(data: bytes) -> str:
    """Text of an uploaded project file; a file that is not UTF-8 is refused, not mangled."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise footprint.ProjectError(f"the file is not UTF-8 text (byte {exc.start}); save it "
                                     f"as UTF-8 and upload it again", path="(file)") from None


@st.cache_resource(show_spinner=False)
def registry():
    return footprint.default_registry()


@st.cache_data(show_spinner=False, max_entries=32)
def assess_text(text: str, fmt: str = "yaml"):
    """Parse and assess a project given as text; returns the Assessment."""
    project = footprint.parse_project(text, fmt)
    return footprint.assess(project, registry())
