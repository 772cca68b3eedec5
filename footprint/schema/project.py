"""The project model: what a project file describes."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import Annotated, Any, Literal, Union

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..archetypes import KINDS
from .base import MAX_AMOUNT, Model, Region
from .reporting import Reporting

__all__ = ["Project", "ReportingPeriod", "FunctionalUnit", "Options", "Service",
           "Scenario", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1
#: Most services in one project: the work one file may ask for is bounded.
MAX_SERVICES = 10_000

_service_models = tuple(m.Service for m in KINDS.values())
Service = (Annotated[Union[_service_models], Field(discriminator="kind")]  # noqa: UP007
           if len(_service_models) > 1 else _service_models[0])


class ReportingPeriod(Model):
    """The period the project's activity figures cover."""

    start: dt.date
    end: dt.date = Field(description="Last day of the period (included).")

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def years(self) -> float:
        """Length of the period in calendar years: each day counts 1/365 of its year, or
        1/366 in a leap year, so a calendar year is exactly 1 and 2025's first quarter
        is 90/365."""
        total = 0.0
        for year in range(self.start.year, self.end.year + 1):
            first = max(self.start, dt.date(year, 1, 1))
            last = min(self.end, dt.date(year, 12, 31))
            total += ((last - first).days + 1) / (366 if calendar.isleap(year) else 365)
        return total

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) must not be before start ({self.start})")
        return self


class FunctionalUnit(Model):
    """What the service delivers, and how much of it over the period.

    Example: ``name: "hour of video viewed"``, ``quantity: 12000``.
    """

    name: str = Field(min_length=1, max_length=200)
    quantity: float = Field(ge=1e-3, le=MAX_AMOUNT, description="How many units the "
                            "project delivers (at least 0.001: a total divided by less "
                            "would be an absurd figure).")


class Options(Model):
    """Choices of method, recorded in every result."""

    allocation: Literal["use_time", "calendar_time"] = Field(
        "use_time", description="How a device's manufacture is shared among its uses: "
        "by hours of use over the device's life (ADEME's convention) or by calendar time "
        "(Boavizta's).")
    grid_basis: Literal["reference", "ember"] = Field(
        "reference", description="Electricity factors: 'reference' takes each country's "
        "bundled reference (ADEME Base Empreinte 2024 consumption mix for France, Ember's "
        "generation mix elsewhere) and ADEME's published per-GB network factors where a "
        "country has them; 'ember' takes Ember's generation mix for every country, France "
        "included, and the network energy model everywhere, for comparisons across "
        "countries on one basis.")


class Scenario(Model):
    """A named variant of the project: values of the baseline replaced by path.

    Example: ``name: HD replay``, ``overrides: {"services[0].quality_mix": {hd: 1.0}}``.
    Paths name a value as error messages do (``services[0].hours_viewed``,
    ``services[Opera].renditions`` by a service's name, ``options.allocation``).
    """

    name: str = Field(min_length=1, max_length=200)
    description: str = ""
    overrides: dict[str, Any] = Field(min_length=1, max_length=200, description="Path of a "
                                      "value of the baseline → its value in this scenario.")

    @field_validator("overrides")
    @classmethod
    def _plain_numbers(cls, overrides: dict) -> dict:
        """Numbers in override values are finite, and -0 is 0, as in every other field
        (the values are validated by the project's model when the scenario is applied)."""
        def clean(value, where):
            if isinstance(value, float):
                if not math.isfinite(value):
                    raise ValueError(f"{where}: expected a finite number, got {value!r}")
                return value + 0.0  # -0.0 → 0.0
            if isinstance(value, dict):
                return {k: clean(v, f"{where}.{k}") for k, v in value.items()}
            if isinstance(value, list):
                return [clean(v, f"{where}[{i}]") for i, v in enumerate(value)]
            return value

        return {path: clean(value, repr(path)) for path, value in overrides.items()}


class Project(Model):
    """A digital cultural service (or several) to assess."""

    schema_version: Literal[1] = SCHEMA_VERSION
    name: str = Field(min_length=1, max_length=200)
    organisation: str = ""
    description: str = ""
    reporting_period: ReportingPeriod | None = None
    audience_country: Region = Field("FR", description="Where the users are (electricity "
                                     "of devices and networks).")
    hosting_country: Region = Field("FR", description="Where the servers are (electricity "
                                    "of data centres).")
    venue_country: Region | None = Field(None, description="Where the venue's own equipment "
                                         "runs (screens, cameras, headsets); default: the "
                                         "audience country.")
    network_country: Region | None = Field(None, description="Where the data travel over "
                                           "networks (their electricity); default: each "
                                           "service's audience country.")
    functional_unit: FunctionalUnit | None = None
    options: Options = Options()
    reporting: Reporting = Field(Reporting(), description="How results map onto a "
                                 "BEGES v5 / GHG-Protocol carbon balance (optional).")
    services: list[Service] = Field(  # type: ignore[valid-type]
        min_length=1, max_length=MAX_SERVICES,
        description="At most 10,000 services per project (a bound on the work one file asks "
        "for; split larger portfolios into several projects).")
    scenarios: list[Scenario] = Field(default_factory=list, max_length=50, description=(
        "Variants of the project to compare with it (footprint compare)."))

    @model_validator(mode="after")
    def _unique_service_names(self):
        seen: dict[str, int] = {}
        for i, svc in enumerate(self.services):
            if svc.name in seen:
                raise ValueError(f"services[{i}].name {svc.name!r} is already the name of "
                                 f"services[{seen[svc.name]}]; service names must be unique")
            seen[svc.name] = i
        return self

    @model_validator(mode="after")
    def _valid_scenarios(self):
        """Each scenario must give a valid project: errors name the scenario and path."""
        from ..errors import ProjectError
        from ..scenarios import apply_overrides

        seen: dict[str, int] = {}
        for i, scenario in enumerate(self.scenarios):
            if scenario.name.lower() == "baseline" or scenario.name in seen:
                why = ("is reserved for the project itself" if scenario.name.lower() ==
                       "baseline" else f"is already used by scenarios[{seen[scenario.name]}]")
                raise PydanticCustomError("scenario_name", "{message}", {
                    "message": f"scenario name {scenario.name!r} {why}",
                    "path": f"scenarios[{i}].name", "value": scenario.name})
            seen[scenario.name] = i
            try:
                apply_overrides(self, scenario.overrides, where=f"scenarios[{i}].overrides")
            except ProjectError as exc:
                detail = "; ".join(f"{p}: {m}" for p, m, _ in exc.errors)
                raise PydanticCustomError("scenario", "{message}", {
                    "message": f"scenario {scenario.name!r}: {detail}", "path": exc.path,
                    "value": exc.value}) from None
        return self
