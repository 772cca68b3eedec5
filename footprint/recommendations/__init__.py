"""Eco-design suggestions: a catalogue of rules kept as data (``rules.yaml``) and the
changes each rule makes to a project's services."""

from __future__ import annotations

from .catalogue import Catalogue, Rule, load_catalogue
from .changes import Match, match_rule

__all__ = ["Catalogue", "Match", "Rule", "load_catalogue", "match_rule", "matches"]


def matches(project, registry=None, catalogue=None) -> list[Match]:
    """Every (rule, service) pair of the catalogue that changes something in ``project``."""
    from ..factors import default_registry

    registry = registry if registry is not None else default_registry()
    catalogue = catalogue if catalogue is not None else load_catalogue()
    found = []
    for rule in catalogue.rules:
        for i in range(len(project.services)):
            m = match_rule(rule, project, i, registry)
            if m is not None:
                found.append(m)
    return found
