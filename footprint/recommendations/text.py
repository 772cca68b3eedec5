"""Texts of the suggestions: the catalogue's templates filled with the values of a change,
numbers written the way each language writes them."""

from __future__ import annotations

import math

__all__ = ["format_value", "render"]

_LABELS = {"sd": "SD", "hd": "HD", "full_hd": "Full HD", "uhd": "4K", "audio": "audio", "tiff": "TIFF",
           "jpeg2000_lossless": "JPEG 2000 (lossless)", "jpeg2000_lossy": "JPEG 2000 (lossy)",
           "standalone_headset": "standalone headsets", "pc_vr": "PC-based VR"}


def _number(value: float, lang: str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) >= 1:
        text = f"{int(value):,}"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.3g}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def format_value(value, lang: str = "en") -> str:
    """A value of a change as text: numbers per language, mixes as percentages, lists of
    archive copies as 'count × media'."""
    if value is None:
        return "—"
    if isinstance(value, bool | int | float):
        return _number(value, lang)
    if isinstance(value, dict):
        if "media" in value:  # an archive copy
            return f"{value['count']} × {value['media'].upper()}"
        if all(isinstance(v, float | int) for v in value.values()) and \
                abs(sum(value.values()) - 1.0) < 1e-6:  # a mix: percentages
            return ", ".join(f"{_LABELS.get(k, k)} {_number(round(100 * v, 1), lang)} %"
                             for k, v in value.items() if v)
        return ", ".join(f"{_LABELS.get(k, k)} {format_value(v, lang)}"
                         for k, v in value.items() if v)
    if isinstance(value, list | tuple):
        return " + ".join(format_value(v, lang) for v in value)
    return _LABELS.get(value, str(value)) if isinstance(value, str) else str(value)


def render(template: str, params: dict, lang: str = "en") -> str:
    """Fill ``template`` with ``params`` (lists of values joined, duplicates once)."""
    def join(values):
        if isinstance(values, str):
            return values
        return ", ".join(dict.fromkeys(format_value(v, lang) for v in values))

    return template.format_map({k: join(v) for k, v in params.items()})
