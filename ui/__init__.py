"""Streamlit-only helpers (never imported by the footprint library)."""
