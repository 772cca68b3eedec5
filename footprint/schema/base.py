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

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo,
                      WithJsonSchema, model_validator)

from ..errors import UnitError, excerpt
from ..units import conversion_factor

__all__ = ["Model", "QuantityField", "MAX_AMOUNT", "MAX_PLAYS", "MAX_AUDIENCE_HOURS",
           "MIN_LIFETIME", "Region", "Share", "TIERS", "STAGES", "INDICATORS",
           "INDICATOR_DEFINITIONS", "ServiceBase", "Tier", "Schedule"]

TIERS = ("user_devices", "networks", "data_centres", "onsite")
STAGES = ("manufacturing", "distribution", "use", "end_of_life")
INDICATORS = ("climate_change", "primary_energy", "resource_use_fossils", "abiotic_depletion",
              "water", "acidification", "particulate_matter", "ionising_radiation")
#: What each indicator measures, and what carries it (anything else is *not covered*).
INDICATOR_DEFINITIONS = {
    "climate_change": "Climate change, GWP100, life cycle [kgCO2e]: every tier and stage. "
                      "Its fossil / biogenic / land-use split is not reported: no bundled "
                      "source gives it on the editions of these figures (ADEME's Base "
                      "Empreinte 2024 electricity and digital-LCA model 2.1.0 publish totals "
                      "only; Boavizta's split is from other editions).",
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

#: Longest text in any field [characters] (descriptions); names are shorter (200).
MAX_TEXT = 10_000
#: Largest amount any quantity or count accepts, in its own unit, when no tighter bound is
#: given: 10**15 kWh is thirty times the world's yearly electricity, and it leaves results
#: (amount × factor, summed over services) 290 orders of magnitude from float overflow.
MAX_AMOUNT = 1e15
# Plausibility bounds shared by the kinds (our limits, orders of magnitude above any real
# cultural service, not data): they refuse typing slips such as 1e300 or "1 ns", never a
# real figure.
#: Plays, views, listens, visits or downloads of one service over a period: 10**12 is
#: more than a hundred per person on Earth.
MAX_PLAYS = 1e12
#: Hours of audience time of one service: 10**12 hours is two hours a week for every
#: person on Earth for a year [hour].
MAX_AUDIENCE_HOURS = 1e12
#: Shortest lifetime of a device: a day.
MIN_LIFETIME = "1 day"

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
                              str_strip_whitespace=True, allow_inf_nan=False,
                              str_max_length=MAX_TEXT, defer_build=True)

    @model_validator(mode="after")
    def _no_negative_zero(self):
        """-0 is 0 (``-0.0``, ``"-0"``): it must not print as "-0" in a result."""
        for name, value in self.__dict__.items():
            if type(value) is float and value == 0.0:
                object.__setattr__(self, name, 0.0)  # frozen: set once, while validating
        return self


def _to_unit(unit: str, value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"expected a number or a quantity in {unit}, got a boolean")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:
            raise ValueError(f"{excerpt(value)} is far too large a number") from None
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
        raise ValueError(f"expected a finite number in {unit}, got {excerpt(value)}")
    return number + 0.0  # -0 is 0


class _Bounds:
    """Plausible range of a quantity field, checked after conversion to its unit.

    Bounds given as text (``"1 day"``) are converted on first use, so that importing the
    kinds builds no unit registry.
    """

    def __init__(self, unit: str, what: str, low, low_strict: bool, high, description: str):
        self.unit, self.what, self.low_strict = unit, what, low_strict
        self._raw, self._description = (low, high), description
        self._resolved: tuple | None = None

    def _limits(self) -> tuple:
        if self._resolved is None:
            self._resolved = (*_bound(self.unit, self._raw[0]), *_bound(self.unit, self._raw[1]))
        return self._resolved

    def __call__(self, value: Any, info: ValidationInfo) -> float:
        number = _to_unit(self.unit, value)
        low, low_text, high, high_text = self._limits()
        if low is not None and (number < low or (self.low_strict and number == low)):
            word = "greater than" if self.low_strict else "greater than or equal to"
            raise ValueError(f"{self._what(info)} of {self._shown(value, number)} is below the "
                             f"minimum: it must be {word} {low_text}")
        if number > high:
            raise ValueError(f"{self._what(info)} of {self._shown(value, number)} is above the "
                             f"{high_text} maximum (it must be less than or equal to "
                             f"{high_text})")
        return number

    def _what(self, info: ValidationInfo) -> str:
        return self.what or (info.field_name or "the value").replace("_", " ")

    def _shown(self, value: Any, number: float) -> str:
        text = value.strip() if isinstance(value, str) else f"{number:g} {self.unit}"
        return excerpt(text, 40, quote=False)

    @property
    def json_schema(self) -> dict:
        """Unit and description, as ``WithJsonSchema`` exposes them (the app's form reads
        them: :mod:`footprint.schema.describe`)."""
        return {"x-unit": self.unit,
                "description": (self._description + f" [{self.unit}]").strip()}

    def range_bounds(self) -> dict[str, float]:
        """The bounds in the field's unit, as ``{"ge"|"gt": low, "le": high}``."""
        low, _, high, _ = self._limits()
        out = {} if low is None else {"gt" if self.low_strict else "ge": low}
        return {**out, "le": high}

    def __get_pydantic_json_schema__(self, core_schema, handler) -> dict:
        low, low_text, high, high_text = self._limits()
        number: dict[str, Any] = {"type": "number", "maximum": high}
        if low is not None:
            number["exclusiveMinimum" if self.low_strict else "minimum"] = low
        return {"anyOf": [number, {"type": "string"}],
                "description": (self._description + f" [{self.unit}]").strip(),
                "x-unit": self.unit,
                "x-range": f"{'above' if self.low_strict else 'from'} {low_text or 'any'} "
                           f"to {high_text}"}


def _bound(unit: str, bound: float | str | None) -> tuple[float | None, str]:
    if bound is None:
        return None, ""
    if isinstance(bound, str):  # "1 day": shown as written, checked in the field's unit
        from ..units import split_quantity

        number, bound_unit = split_quantity(bound)
        return number * conversion_factor(bound_unit, unit), bound
    return float(bound), f"{bound:g} {unit}"


def QuantityField(unit: str, default: Any = ..., *, ge: float | str | None = None,
                  le: float | str | None = None, gt: float | str | None = None,
                  description: str = "", what: str = "") -> Any:
    """A float field in ``unit`` that also accepts strings with units, within bounds.

    Returns a pydantic ``Annotated`` type; use it as ``x: QuantityField("hour", ge=0) = 1``.
    Bounds are numbers in ``unit`` or quantities as text (``ge="1 day"`` for a lifetime in
    years); without ``le`` the largest accepted value is :data:`MAX_AMOUNT` in ``unit``.
    They are stated in the JSON Schema (``minimum``…, on the number form) and in the
    message (``what``, or the field's name): "lifetime of 1 ns is below the minimum: it must
    be greater than or equal to 1 day".
    """
    check = _Bounds(unit, what, gt if gt is not None else ge, gt is not None,
                    le if le is not None else MAX_AMOUNT, description)
    return Annotated[float, BeforeValidator(check), check]


def _check_region(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("expected a country code such as 'FR', or 'EU27' or 'GLO'")
    code = value.strip()
    # ASCII only before upper-casing: 'ß'.upper() is 'SS' (South Sudan), 'fı' gives 'FI'
    code = code.upper() if code.isascii() and len(code) <= 4 else None
    if code not in COUNTRIES and code not in ("EU27", "GLO"):
        hint = " (the United Kingdom is 'GB')" if code == "UK" else ""
        raise ValueError(f"{excerpt(value, 20)} is not a region code{hint}: use an ISO 3166-1 "
                         f"alpha-2 country code ('FR', 'DE'…), 'EU27' or 'GLO' (world)")
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
