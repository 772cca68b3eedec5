"""Number formatting shared by the sub-commands' text output."""

from __future__ import annotations


def fmt(value: float) -> str:
    """A readable number; NaN (no factor) reads "not covered", never 0."""
    if value != value:  # NaN
        return "not covered"
    return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
