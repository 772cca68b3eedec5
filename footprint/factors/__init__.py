"""Emission factors and activity parameters: datasets, registry, look-ups.

Nothing is read at import; :func:`default_registry` loads the bundled datasets on
first call and caches them.
"""

from .registry import Dataset, FactorRegistry, default_registry, read_dataset

__all__ = ["Dataset", "FactorRegistry", "default_registry", "read_dataset"]
