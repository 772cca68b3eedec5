"""Eco-design suggestions: a catalogue of rules kept as data (``rules.yaml``) and
:func:`suggest`, which measures each rule's saving with the engine, two assessments
apart."""

from __future__ import annotations

from .catalogue import Catalogue, Rule, load_catalogue
from .changes import Match, match_rule
from .suggest import Suggestion, Suggestions, matches, suggest

__all__ = [
           "Catalogue",
           "Match",
           "Rule",
           "Suggestion",
           "Suggestions",
           "load_catalogue",
           "match_rule",
           "matches",
           "suggest",
]
