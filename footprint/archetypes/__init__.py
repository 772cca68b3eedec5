"""Service kinds: each module turns a service described in its users' terms into
inventory rows for the engine.

A kind module defines

- ``KIND``: its id, the value of ``kind:`` in a project file;
- ``Service``: a pydantic model (subclass of :class:`footprint.schema.base.ServiceBase`)
  with ``kind: Literal[KIND]`` and its parameters, each with a unit, a range and a
  default that names its source (defaults that come from the factor datasets are
  ``None`` and resolved from the registry, so the source is the dataset's);
- ``inventory(services, paths, ctx) -> (rows, quantities)``: builds the inventory rows
  of *all* the project's services of that kind at once (numpy over their parameters),
  and the intermediate quantities a user checks. ``paths`` gives each service's place
  in the file (``services[3]``) for error messages.

Every public module of this package (name not starting with ``_``) is a kind and is
found automatically. Kind modules import heavy optional packages (ecologits…) inside
their functions, never at module level.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def _discover() -> dict[str, ModuleType]:
    found = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            found[module.KIND] = module
    return found


KINDS: dict[str, ModuleType] = _discover()

__all__ = ["KINDS"]
