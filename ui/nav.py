"""The frame of every page: page config, translated sidebar navigation (Streamlit's own,
untranslatable one is hidden in ``.streamlit/config.toml``), language switch, open
project."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui import state
from ui.i18n import lang, set_lang, t

ROOT = Path(__file__).resolve().parent.parent
#: (file, label key, icon). A page whose file does not exist yet is left out, so a page
#: added later (Measure) only needs its file.
PAGES = (
    ("app.py", "nav_home", ":material/home:"),
    ("pages/1_Describe.py", "nav_describe", ":material/edit_note:"),
    ("pages/2_Results.py", "nav_results", ":material/bar_chart:"),
    ("pages/3_Scenarios.py", "nav_scenarios", ":material/compare_arrows:"),
    ("pages/4_Eco-design.py", "nav_ecodesign", ":material/eco:"),
    ("pages/5_Measure.py", "nav_measure", ":material/speed:"),
    ("pages/6_Emission_factors.py", "nav_factors", ":material/dataset:"),
    ("pages/7_Export.py", "nav_export", ":material/download:"),
)


def page(title_key: str, *, title: bool = True) -> None:
    """Start a page: config, session state, sidebar, language switch, title."""
    st.set_page_config(page_title=f"{t(title_key)} · footprint", page_icon="🌱",
                       layout="wide", initial_sidebar_state="auto")
    lang()
    with st.sidebar:
        for path, key, icon in PAGES:
            if (ROOT / path).exists():
                st.page_link(path, label=t(key), icon=icon)
        st.divider()
        _project_box()
    head, switch = st.columns([5, 1], vertical_alignment="center")
    if switch.button(t("language"), key="lang_toggle", help=t("language_help")):
        set_lang("en" if lang() == "fr" else "fr")
        st.rerun()
    if title:
        head.title(t(title_key) if title_key != "nav_home" else t("app_title"))


def _project_box() -> None:
    try:
        d = state.doc()
        name = state.project().name
    except Exception:  # noqa: BLE001 - an invalid saved text: the page itself says why
        st.markdown(f"**{t('current_project')}** — {t('no_project')}")
        return
    st.markdown(f"**{t('current_project')}**  \n{name}")
    st.markdown(t("saved_as", version=d.version) if d.id is not None else t("not_saved"))


def next_step(*candidates: tuple[str, str], icon: str = ":material/arrow_forward:") -> None:
    """A link to the first of ``(page file, label key)`` whose page exists."""
    for path, key in candidates:
        if (ROOT / path).exists():
            st.divider()
            sep = " : " if lang() == "fr" else ": "
            st.page_link(path, label=f"{t('next_step')}{sep}{t(key)}", icon=icon)
            return


def show_error(exc, *, header: str | None = None) -> None:
    """A library error in the user's language, one line per problem with its field."""
    from ui.i18n import error_lines

    lines = error_lines(exc)
    body = "\n".join(f"- `{p}` — {m}" if p else f"- {m}" for p, m in lines)
    st.error(f"**{header or t('error')}**\n\n{body}")
