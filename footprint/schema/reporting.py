"""The optional ``reporting:`` section of a project: how results land in a BEGES (v5)
or GHG-Protocol carbon balance when the defaults do not fit the institution.

The defaults and their reasoning are in :mod:`footprint.export.mapping`; a project
overrides them with ordered rules (the last matching rule wins) and declares equipment
bought during the period, which the GHG Protocol counts whole in the purchase year.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Model

__all__ = ["Reporting", "MappingRule", "Purchase", "BEGES_IDS", "GHG_IDS"]

BEGES_IDS = ("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4",
             "3.5", "4.1", "4.2", "4.3", "4.4", "4.5", "5.1", "5.2", "5.3", "5.4", "6.1")
GHG_IDS = ("scope1", "scope2") + tuple(f"3.{i}" for i in range(1, 16))

BegesId = Literal[BEGES_IDS + ("info.audience_devices",)]  # type: ignore[valid-type]
GhgId = Literal[GHG_IDS + ("info.audience_devices",)]  # type: ignore[valid-type]


class MappingRule(Model):
    """Send matching result rows to a BEGES poste and a GHG-Protocol line.

    Empty match fields match everything; ``info.audience_devices`` keeps rows outside
    the totals, on the information line.
    """

    service: str = Field("", max_length=200, description="Service name to match (exact).")
    component: str = Field("", max_length=200, description="Component name to match (exact).")
    tier: Literal["", "user_devices", "networks", "data_centres", "onsite"] = ""
    stage: Literal["", "manufacturing", "distribution", "use", "end_of_life"] = ""
    beges: BegesId = Field(description="BEGES v5 poste, e.g. '4.5'.")
    ghg: GhgId = Field(description="GHG-Protocol line: 'scope1', 'scope2' or '3.1'…'3.15'.")
    note: str = Field("", max_length=2000, description="Why (shown in the exports).")


class Purchase(Model):
    """Devices of a component bought during the reporting period (GHG Protocol: their
    whole manufacture counts in the purchase year)."""

    service: str = Field(min_length=1, max_length=200)
    component: str = Field(min_length=1, max_length=200)
    devices: float = Field(ge=0, le=1e9, description="Number of devices bought.")


class Reporting(Model):
    """How the results map onto a carbon balance (BEGES v5, GHG Protocol)."""

    audience_device_manufacture: Literal["separate", "in_5_1"] = Field(
        "separate", description="The audience's devices' manufacturing share: on a separate "
        "information line outside the totals (default), or in BEGES 5.1 / scope 3 cat. 11.")
    mapping: list[MappingRule] = Field(default_factory=list, max_length=500,
                                       description="Overrides of the default mapping, "
                                       "applied in order (the last match wins).")
    purchases: list[Purchase] = Field(default_factory=list, max_length=500)
