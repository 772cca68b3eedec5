"""Exports of assessments and tables as bytes or text (no file is written here)."""

from .tabular import safe_cell, to_csv

__all__ = ["safe_cell", "to_csv"]
