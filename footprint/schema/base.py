"""Building blocks of the project-file schema, shared by the project model and the kinds.

Quantities in a project file are written either as a number in the field's documented
unit (``hours: 1200``) or as a string with a unit (``hours: "1200 h"``,
``master_size: "46 MB"``); both validate to a float in the field's unit, and a unit of
the wrong dimension is an error naming the field.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from ..errors import UnitError
from ..units import conversion_factor

__all__ = ["Model", "QuantityField", "Region", "Share", "TIERS", "STAGES", "INDICATORS",
           "INDICATOR_DEFINITIONS", "ServiceBase", "Tier", "Schedule"]

TIERS = ("user_devices", "networks", "data_centres", "onsite")
STAGES = ("manufacturing", "distribution", "use", "end_of_life")
INDICATORS = ("climate_change", "primary_energy", "resource_use_fossils", "abiotic_depletion",
              "water", "acidification", "particulate_matter", "ionising_radiation")
#: What each indicator measures, and what carries it (anything else is *not covered*).
INDICATOR_DEFINITIONS = {
    "climate_change": "Climate change, GWP100, life cycle [kgCO2e]: every tier and stage.",
    "primary_energy": "Primary energy of the final electricity used, French regulatory "
                      "convention: 2.3 kWh of primary energy per kWh of electricity "
                      "(DPE/RE2020, arrêté of 31 March 2021), i.e. 8.28 MJ/kWh, whatever "
                      "the country [MJ]. Electricity only: manufacture and the per-GB "
                      "network factors are not covered.",
    "resource_use_fossils": "Resource use, fossils (EF 3.0 ADPf, uranium included) [MJ]: "
                            "devices' manufacture (Boavizta's Base Empreinte values) and "
                            "electricity (ADEME Base IMPACTS 2011, per country).",
    "abiotic_depletion": "Resource use, minerals and metals (EF 3.0 ADPe) [kg Sb eq]: "
                         "devices, electricity, AI servers.",
    "water": "Water as ADEME's digital-LCA model 2.1.0 reports it for device manufacture "
             "('eau', NegaOctet data; the model does not define the indicator further) "
             "[m³]. No reusable source gives electricity, networks or data centres on that "
             "definition: they are not covered.",
    "acidification": "Acidification (EF 3.0 accumulated exceedance) [mol H+ eq]: devices "
                     "and electricity (Boavizta / ADEME).",
    "particulate_matter": "Particulate-matter emissions (EF 3.0) [disease incidence]: "
                          "devices and electricity (Boavizta / ADEME).",
    "ionising_radiation": "Ionising radiation, human health (EF 3.0) [kBq U235 eq]: devices "
                          "and electricity (Boavizta / ADEME).",
}

_REGION_RE = re.compile(r"^([A-Z]{2}|EU27|GLO)$")
#: ISO 3166-1 alpha-2 country codes (the 249 officially assigned).
COUNTRIES = frozenset((
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO "
    "BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ "
    "DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP "
    "GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG "
    "KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML "
    "MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE "
    "PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL "
    "SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM "
    "US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW "
).split())


class Model(BaseModel):
    """Base of every project-file model: immutable, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=True,
                              str_strip_whitespace=True, allow_inf_nan=False)


def _to_unit(unit: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number or a quantity in {unit}, got a boolean")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        from ..units import format_unit, split_quantity

        try:
            number, text_unit = split_quantity(value)
        except UnitError as exc:
            raise ValueError(f"{exc}; write a number in {unit} or e.g. '3 {unit}'") from None
        if text_unit is not None:
            try:
                number *= conversion_factor(text_unit, unit)
            except UnitError:
                raise ValueError(f"unit {format_unit(text_unit)!r} is not a {unit}-like unit "
                                 f"(expected something convertible to {unit})") from None
    else:
        raise ValueError(f"expected a number in {unit} or a string such as '3 {unit}'")
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number in {unit}, got {value!r}")
    return number


def QuantityField(unit: str, default: Any = ..., *, ge: float | None = None,
                  le: float | None = None, gt: float | None = None,
                  description: str = "") -> Any:
    """A float field in ``unit`` that also accepts strings with units.

    Returns a pydantic ``Annotated`` type; use it as ``x: QuantityField("hour", ge=0) = 1``.
    """
    schema = {"anyOf": [{"type": "number"}, {"type": "string"}],
              "description": (description + f" [{unit}]").strip(), "x-unit": unit}
    field_kw = {k: v for k, v in {"ge": ge, "le": le, "gt": gt}.items() if v is not None}
    return Annotated[float, BeforeValidator(lambda v: _to_unit(unit, v)),
                     WithJsonSchema(schema), Field(**field_kw)]


def _check_region(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a country code such as 'FR', or 'EU27' or 'GLO'")
    code = value.strip().upper()
    if code not in COUNTRIES and code not in ("EU27", "GLO"):
        hint = " (the United Kingdom is 'GB')" if code == "UK" else ""
        raise ValueError(f"{value!r} is not a region code{hint}: use an ISO 3166-1 alpha-2 "
                         f"country code ('FR', 'DE'…), 'EU27' or 'GLO' (world)")
    return code


Region = Annotated[str, BeforeValidator(_check_region),
                   WithJsonSchema({"type": "string", "pattern": _REGION_RE.pattern})]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Tier = Literal["user_devices", "networks", "data_centres", "onsite"]


class Schedule(Model):
    """When a service runs, so that its electricity is assessed at those hours when an
    hourly intensity series covers its region (see :mod:`footprint.hourly`).

    Either ``start`` and ``duration`` (an event), or ``hours_of_day`` (work that runs
    every day at those local hours: a nightly batch, backups).
    """

    start: dt.datetime | None = Field(None, description="Start of the event, ISO 8601 "
                                      "('2026-06-14T20:00'); without an offset it is local "
                                      "time in `timezone`.")
    duration: QuantityField("hour", gt=0, le=8784, description="Length of the event, "
                            "with `start`.") | None = None
    hours_of_day: list[Annotated[int, Field(ge=0, le=23)]] | None = Field(
        None, min_length=1, max_length=24, description="Local hours (0-23) at which the "
        "work runs every day, instead of `start` and `duration`.")
    timezone: str = Field("Europe/Paris", max_length=64, description="IANA time zone of "
                          "the local times.")

    @model_validator(mode="after")
    def _one_form(self):
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"timezone {self.timezone!r} is not an IANA time zone such as "
                             "'Europe/Paris'") from None
        event = self.start is not None or self.duration is not None
        if event == (self.hours_of_day is not None):
            raise ValueError("give either `start` and `duration` (an event) or "
                             "`hours_of_day` (daily work), not both nor neither")
        if event and (self.start is None or self.duration is None):
            raise ValueError("an event needs both `start` and `duration`")
        if self.hours_of_day is not None and len(set(self.hours_of_day)) != len(
                self.hours_of_day):
            raise ValueError(f"hours_of_day {self.hours_of_day} repeats an hour")
        return self


class ServiceBase(Model):
    """Fields common to every service, whatever its kind."""

    name: str = Field(min_length=1, max_length=200)
    description: str = ""
    audience_country: Region | None = Field(
        None, description="Where this service's users are, if not the project's.")
    hosting_country: Region | None = Field(
        None, description="Where this service's servers are, if not the project's.")
    venue_country: Region | None = Field(
        None, description="Where this service's on-site equipment runs, if not the project's.")
    network_country: Region | None = Field(
        None, description="Where this service's data travel over networks (their "
        "electricity), if not the project's network country or the audience's.")
    schedule: Schedule | None = Field(
        None, description="When the service runs: its electricity is then assessed at those "
        "hours where an hourly intensity series covers its region.")
