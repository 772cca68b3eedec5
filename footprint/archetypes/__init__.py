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

Register a new kind by adding its module to ``KINDS`` below.
"""

from __future__ import annotations

from types import ModuleType

from . import custom

KINDS: dict[str, ModuleType] = {m.KIND: m for m in (custom,)}

__all__ = ["KINDS"]
