"""Bundled emission-factor datasets (data only; see README.md in this folder)."""
