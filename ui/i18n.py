"""Message catalogs (French by default, English on a toggle) and locale formatting.

The catalogs are ``ui/messages/fr.py`` and ``en.py``; a test fails when a key is in one
and not the other. Library errors and warnings are rendered from their ``code``
(``err_<code>`` / ``warn_<code>`` keys) with their ``params``; a code without a key shows
the library's English text.
"""

from __future__ import annotations

import string

import streamlit as st

from ui.messages import en, fr

CATALOGS: dict[str, dict[str, str]] = {"fr": fr.MESSAGES, "en": en.MESSAGES}
LANGS = ("fr", "en")
LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def lang() -> str:
    value = st.session_state.get("lang")
    if value not in LANGS:
        value = st.query_params.get("lang", "fr")
        value = value if value in LANGS else "fr"
        st.session_state["lang"] = value
    return value


def has(key: str) -> bool:
    return key in CATALOGS[lang()]


class _Lenient(dict):
    def __missing__(self, key):  # a parameter the message does not receive stays visible
        return "{" + key + "}"


def t(key: str, **kwargs) -> str:
    """Translated message for the session's language (the key itself when missing)."""
    text = CATALOGS[lang()].get(key, key)
    if not kwargs:
        return text
    return string.Formatter().vformat(text, (), _Lenient(kwargs))


def label(ident: str) -> str:
    """Display label of an id (tier, stage, indicator, kind…), the id when unknown."""
    return t(ident) if has(ident) else ident.replace("_", " ")


def fmt(value, digits: int = 3) -> str:
    """A number for the session's locale (3 significant digits); NaN reads "not covered"."""
    from babel.numbers import format_decimal

    if value is None:
        return "—"
    value = float(value)
    if value != value:
        return t("not_covered")
    rounded = float(f"{value:.{digits}g}")
    # every significant digit, even far after the point (0,000218, not 0)
    return format_decimal(rounded, locale=LOCALES[lang()], group_separator=True,
                          decimal_quantization=False)


def fmt_int(value) -> str:
    from babel.numbers import format_decimal

    return format_decimal(round(float(value)), locale=LOCALES[lang()])


def fmt_date(value) -> str:
    from babel.dates import format_datetime

    return format_datetime(value, "short", locale=LOCALES[lang()])


def fmt_percent(value: float) -> str:
    from babel.numbers import format_percent

    return format_percent(value, locale=LOCALES[lang()], decimal_quantization=False)


def error_lines(exc) -> list[tuple[str, str]]:
    """``(path, message)`` of each problem of a library error, in the session's language."""
    details = getattr(exc, "details", None)
    if not details:
        details = [{"path": getattr(exc, "path", ""), "message": str(exc),
                    "code": getattr(exc, "code", "error"),
                    "params": getattr(exc, "params", {})}]
    out = []
    for d in details:
        key = f"err_{d.get('code')}"
        params = {k: fmt(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
                  for k, v in (d.get("params") or {}).items()}
        if has(key):
            out.append((d.get("path", ""), t(key, **params)))
        else:
            out.append((d.get("path", ""), d.get("message") or str(exc)))
    return out


def warning_text(notice) -> str:
    """A library warning in the session's language (its English text if not catalogued)."""
    key = f"warn_{getattr(notice, 'code', '')}"
    return t(key, **notice.params) if has(key) else str(notice)


def set_lang(value: str) -> None:
    st.session_state["lang"] = value
    st.query_params["lang"] = value


def choose(widget, label_text: str, ids: list, labeler, *, key: str, index: int = 0, **kw):
    """A selectbox or radio over translated labels that returns the chosen id. The
    widget holds the label itself (no ``format_func``), and its key carries the
    language, so switching language never leaves a stale label selected."""
    labels = [labeler(i) for i in ids]
    chosen = widget(label_text, labels, index=index, key=f"{key}.{lang()}", **kw)
    return ids[labels.index(chosen)] if chosen in labels else ids[index]
