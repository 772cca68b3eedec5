"""Exports of assessments and tables as bytes or text (no file is written here)."""

from .tabular import neutralise, safe_cell, to_csv

__all__ = ["neutralise", "safe_cell", "to_csv"]
