"""The eco-design rule catalogue: its model, and loading ``rules.yaml`` on first use.

Every rule is data (``rules.yaml`` beside this module, reviewable without reading code):
the RGESN 2024 criteria it implements, the kinds it applies to, conditions on the
service, the change as edits of the service's own fields, an effort level, texts in
French and English, and the sources of its assumptions. The vocabulary is small and
declarative — comparisons, a few operations on a field — and nothing in the file is ever
evaluated as code.

A *reference* (:class:`Ref`) reads one value of a service: a field by dotted path
(``quality_mix.uhd``, ``onsite.headsets.lifetime``; relative to the list element for
changes with ``each``), the effective audience/hosting/venue country, a dataset
parameter (``dc.pue`` in the hosting country) or the climate-change factor of the
electricity of a country. A field left empty (``None``) reads its ``default``.
"""

from __future__ import annotations

import string
from functools import cache
from typing import Any, ClassVar, Literal

from pydantic import Field, model_validator

from ..schema.base import Model

__all__ = [
    "CRITERIA",
    "EFFORTS",
    "TRANSFORMS",
    "Catalogue",
    "Change",
    "Clause",
    "Ref",
    "Rule",
    "load_catalogue",
]

EFFORTS = ("low", "medium", "high")
Country = Literal["audience", "hosting", "venue"]

#: RGESN 2024 criteria the catalogue may cite: id → title (English paraphrase of the
#: Arcep–Arcom référentiel of 17 May 2024, ids as in its official spreadsheet;
#: ``shared/research/ecodesign.md`` §1.2).
CRITERIA = {
    "2.1": "Supported hardware profiles defined, favouring the oldest possible devices",
    "2.3": "Usable on a low-bandwidth link or offline",
    "2.7": "Maintenance and decommissioning plan (second life of freed hardware)",
    "3.2": "Resources scaled up and down with actual demand",
    "3.6": "Incremental updates rather than full re-downloads",
    "3.7": "Environments shared or switched off when idle",
    "4.1": "Autoplay of video, sound and animation disabled",
    "4.7": "Leanest medium chosen for each need",
    "4.15": "Frugal ('sobriété') mode offered to users",
    "5.1": "Raster images in an efficient format",
    "5.2": "Image compression suited to content and context",
    "5.3": "Video definition suited to content and viewing context",
    "5.4": "Efficient video encoding (capped variable bitrate, efficient codec)",
    "5.5": "Audio-only mode for videos",
    "5.6": "Efficient audio codec",
    "5.7": "Documents in formats and compression suited to their use",
    "5.8": "Archiving and deletion strategy for obsolete content",
    "6.1": "Maximum weight and number of requests per screen",
    "6.2": "Client-side caching of the content the service controls",
    "6.5": "Nothing loaded that a feature does not use",
    "7.1": "Server cache for the most requested data",
    "7.2": "Retention periods for data and documents",
    "8.2": "Host's sustainable equipment policy (lifetime, purchasing, end of life)",
    "8.3": "Host's PUE below 1.5 measured (≤ 1.3 by design)",
    "8.6": "Hosting country's grid below 100 gCO2e/kWh",
    "8.8": "Hot and cold data hosted separately, cold storage suited",
    "8.9": "Data replicated only as much as needed",
    "9.2": "Least complex adequate learning method",
    "9.6": "Model compression techniques used",
    "9.7": "Inference strategy sized to users and resources",
}

#: Named transformations of a list field (see :mod:`.changes`); the catalogue may name
#: only these.
TRANSFORMS = ("disk_copies_to_tape",)


class Ref(Model):
    """Where a value is read: exactly one of ``field``, ``country``, ``parameter``,
    ``electricity_intensity``, ``constant``."""

    field: str | None = Field(None, description="Dotted path of a field of the service "
                              "(or of the list element, for changes with `each`).")
    country: Country | None = Field(None, description="The service's effective country.")
    parameter: str | None = Field(None, description="A dataset parameter code; a "
                                  "'{path}' in it is replaced by that field's value "
                                  "(e.g. 'device.{device}.lifetime').")
    region: Country | None = Field(None, description="Region of the parameter (default "
                                   "world).")
    electricity_intensity: Country | None = Field(
        None, description="Climate-change factor of the electricity of the service's "
        "country, in gCO2e/kWh.")
    constant: float | None = Field(None, description="A fixed number (say its source in the "
                                   "rule's sources).")
    unit: str | None = Field(None, description="Unit of a parameter's value.")
    default: Ref | None = Field(None, description="What an empty field reads instead.")

    @model_validator(mode="after")
    def _one_source(self):
        given = [k for k in ("field", "country", "parameter", "electricity_intensity",
                             "constant") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"a reference names exactly one of field, country, parameter, "
                             f"electricity_intensity, constant; got {given or 'none'}")
        if self.parameter is not None and self.unit is None:
            raise ValueError(f"parameter {self.parameter!r} needs its unit")
        return self


class Clause(Model):
    """A test on a value (or on the sum of several fields): all given comparisons hold."""

    value: Ref | list[str] = Field(description="A reference, or a list of field paths "
                                   "whose sum is tested.")
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    eq: Any = None
    ne: Any = None
    in_: list[Any] | None = Field(None, alias="in")
    empty: bool | None = Field(None, description="true: the field is not given; false: it is.")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        if isinstance(data, dict) and isinstance(data.get("value"), str):
            data = {**data, "value": {"field": data["value"]}}
        return data

    @model_validator(mode="after")
    def _some_test(self):
        if all(getattr(self, k) is None
               for k in ("gt", "ge", "lt", "le", "eq", "ne", "in_", "empty")):
            raise ValueError("a condition needs a comparison: gt, ge, lt, le, eq, ne, in or "
                             "empty")
        return self


class ShiftMix(Model):
    """Move the shares of some keys of a mix onto another key."""

    from_: list[str] = Field(alias="from", min_length=1)
    to: str


class Change(Model):
    """One edit of a service: exactly one operation on ``path``."""

    path: str = Field(min_length=1, description="Dotted path of the field changed, "
                      "relative to the service (or to each element of `each`).")
    each: str | None = Field(None, description="List field of the service whose elements "
                             "are each changed (those passing `where`).")
    where: list[Clause] = Field(default_factory=list, description="Conditions on an "
                                "element of `each`.")
    when: list[Clause] = Field(default_factory=list, description="Conditions on the "
                               "service for this change only.")
    default: Ref | None = Field(None, description="Current value when the field is empty.")
    unit: str | None = Field(None, description="Unit of the numbers of the operation (the "
                             "field's own unit; checked by the tests).")
    param: str = Field("x", description="Name of the text parameters {<param>_old} and "
                       "{<param>_new}.")
    set: Any = None
    copy_: Ref | None = Field(None, alias="copy")
    cap: float | None = None
    floor: float | None = None
    add: float | Ref | None = None
    scale: float | None = Field(None, gt=0)
    shift_mix: ShiftMix | None = None
    step_down: list[str] | None = Field(None, min_length=2, description="Mix keys from "
                                        "highest to lowest: each share moves one key down.")
    replace: dict[str, str] | None = Field(None, description="Old value → new value; "
                                           "values not listed stay.")
    transform: Literal[TRANSFORMS] | None = None  # type: ignore[valid-type]
    set_none: bool = Field(False, description="Empty the field (remove an optional block).")

    OPERATIONS: ClassVar[tuple[str, ...]] = ("set", "copy_", "cap", "floor", "add", "scale", "shift_mix", "step_down",
                  "replace", "transform", "set_none")

    @model_validator(mode="after")
    def _one_operation(self):
        ops = [k for k in self.OPERATIONS
               if (getattr(self, k) is not None and k != "set_none") or
               (k == "set_none" and self.set_none)]
        if len(ops) != 1:
            names = [o.rstrip("_") for o in self.OPERATIONS]
            raise ValueError(f"change of {self.path!r}: give exactly one operation of "
                             f"{', '.join(names)}; got {ops or 'none'}")
        if self.where and self.each is None:
            raise ValueError(f"change of {self.path!r}: 'where' needs 'each'")
        return self

    @property
    def operation(self) -> str:
        return next(k for k in self.OPERATIONS
                    if (getattr(self, k) is not None and k != "set_none")
                    or (k == "set_none" and self.set_none))


class Text(Model):
    """The suggestion in one language, with ``{parameters}``."""

    title: str = Field(min_length=1)
    detail: str = Field(min_length=1)
    not_modelled: str = Field("", description="What the change also does that the kinds do "
                              "not model (said with the suggestion, never counted).")


class Source(Model):
    """Where an assumption or a figure of the rule comes from."""

    citation: str = Field(min_length=1)
    supports: str = Field(min_length=1, description="What it supports in the rule.")


class Rule(Model):
    """An eco-design change the engine can apply to a service and measure."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    criteria: list[str] = Field(min_length=1, description="RGESN 2024 criterion ids.")
    kinds: list[str] = Field(min_length=1)
    effort: Literal[EFFORTS]  # type: ignore[valid-type]
    quality: Literal["published", "estimate"] = Field(
        description="'estimate' when the change rests on an assumption of ours (labelled "
        "wherever the suggestion is shown).")
    when: list[Clause] = Field(default_factory=list, description="Conditions on the service.")
    changes: list[Change] = Field(min_length=1)
    text: dict[Literal["en", "fr"], Text]
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _checks(self):
        unknown = [c for c in self.criteria if c not in CRITERIA]
        if unknown:
            raise ValueError(f"rule {self.id}: criteria {unknown} are not RGESN 2024 ids "
                             f"known to the catalogue ({', '.join(CRITERIA)})")
        if set(self.text) != {"en", "fr"}:
            raise ValueError(f"rule {self.id}: texts in both 'en' and 'fr' are required")
        if bool(self.text["en"].not_modelled) != bool(self.text["fr"].not_modelled):
            raise ValueError(f"rule {self.id}: not_modelled in both 'en' and 'fr', or in neither")
        allowed = {"service", "elements"} | {f"{c.param}_{s}" for c in self.changes
                                             for s in ("old", "new")}
        for lang, text in self.text.items():
            for part in (text.title, text.detail):
                for _, name, spec, conv in string.Formatter().parse(part):
                    if name is None:
                        continue
                    if name not in allowed or spec or conv:
                        raise ValueError(f"rule {self.id} ({lang}): placeholder {{{name}}} "
                                         f"is not one of {sorted(allowed)} (plain names only)")
        return self


class Catalogue(Model):
    """All rules, ids unique."""

    version: str
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self):
        ids = [r.id for r in self.rules]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"rule ids must be unique; repeated: {dupes}")
        return self

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


@cache
def load_catalogue() -> Catalogue:
    """The bundled catalogue (``rules.yaml``), validated; read once, on first use."""
    from importlib.resources import files

    import yaml

    text = files(__package__).joinpath("rules.yaml").read_text(encoding="utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
    return Catalogue.model_validate(yaml.load(text, Loader=loader))
