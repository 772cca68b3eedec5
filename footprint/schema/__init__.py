"""Pydantic models of the project file, and its JSON Schema."""

from __future__ import annotations

from .base import INDICATORS, STAGES, TIERS
from .project import (SCHEMA_VERSION, FunctionalUnit, Options, Project, ReportingPeriod,
                      Scenario)

__all__ = ["Project", "ReportingPeriod", "FunctionalUnit", "Options", "Scenario",
           "SCHEMA_VERSION", "TIERS", "STAGES", "INDICATORS", "json_schema"]


def json_schema() -> dict:
    """The JSON Schema of a project file (``footprint schema`` prints it)."""
    schema = Project.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "footprint project file"
    return schema
