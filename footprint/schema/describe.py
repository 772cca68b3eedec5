"""What a form (or a template) needs to know about each parameter of a kind, read from
the kinds' own pydantic models: a new kind or parameter shows up without touching the app.

>>> from footprint.schema.describe import fields
>>> from footprint.archetypes import KINDS
>>> spec = {f.name: f for f in fields(KINDS["live_event"].Service)}
>>> spec["event_duration"].widget, spec["event_duration"].unit, spec["event_duration"].gt
('quantity', 'hour', 0)
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

import annotated_types as at
from pydantic import BaseModel
from pydantic.functional_validators import BeforeValidator
from pydantic_core import PydanticUndefined

__all__ = ["FieldSpec", "fields", "COMMON_FIELDS"]

#: Fields every service has (ServiceBase) and ``kind``: forms show them apart.
COMMON_FIELDS = ("kind", "name", "description", "audience_country", "hosting_country",
                 "venue_country")


@dataclass(frozen=True)
class FieldSpec:
    """One parameter: how to enter it and what is allowed.

    ``widget`` is one of ``quantity`` (a number in ``unit``, or text with a unit),
    ``number``, ``integer``, ``bool``, ``text``, ``choice`` (``choices``), ``region``,
    ``date``, ``model`` (a nested group: ``model``), ``table`` (a list of ``model``) or
    ``raw`` (anything else: mappings…).
    """

    name: str
    widget: str
    description: str = ""
    unit: str = ""
    required: bool = False
    nullable: bool = False
    default: Any = None
    choices: tuple = ()
    ge: float | None = None
    gt: float | None = None
    le: float | None = None
    lt: float | None = None
    min_items: int | None = None
    model: type[BaseModel] | None = field(default=None, repr=False)

    def range_text(self) -> str:
        """``≥ 0``, ``0 – 1``, ``> 0, ≤ 24``… (empty when unbounded)."""
        low = f"≥ {_num(self.ge)}" if self.ge is not None else (
            f"> {_num(self.gt)}" if self.gt is not None else "")
        high = f"≤ {_num(self.le)}" if self.le is not None else (
            f"< {_num(self.lt)}" if self.lt is not None else "")
        if self.ge is not None and self.le is not None:
            return f"{_num(self.ge)} – {_num(self.le)}"
        return ", ".join(x for x in (low, high) if x)


def _num(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _unwrap(annotation):
    """(inner type, nullable, metadata of Annotated layers)."""
    meta: list = []
    nullable = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = typing.get_args(annotation)
            meta.extend(extra)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            nullable = nullable or len(args) < len(typing.get_args(annotation))
            if len(args) != 1:
                return annotation, nullable, meta
            annotation = args[0]
        else:
            return annotation, nullable, meta


def _is_region(meta) -> bool:
    return any(isinstance(m, BeforeValidator) and
               getattr(m.func, "__name__", "") == "_check_region" for m in meta)


def _unit_and_text(meta) -> tuple[str, str]:
    for m in meta:
        schema = getattr(m, "json_schema", None)
        if isinstance(schema, dict) and "x-unit" in schema:
            unit = schema["x-unit"]
            text = schema.get("description", "").removesuffix(f"[{unit}]").strip()
            return unit, text
    return "", ""


def fields(model: type[BaseModel], *, skip_common: bool = False) -> list[FieldSpec]:
    """The parameters of a pydantic model (a kind's ``Service``, or a nested group), in
    declaration order, each as a :class:`FieldSpec`."""
    out = []
    for name, info in model.model_fields.items():
        if skip_common and name in COMMON_FIELDS:
            continue
        inner, nullable, meta = _unwrap(info.annotation)
        meta = list(info.metadata) + meta
        meta += [x for m in meta for x in getattr(m, "metadata", ()) or ()
                 if not isinstance(m, BaseModel)]  # Field(ge=…) inside Optional[Annotated]
        unit, text = _unit_and_text(meta)
        bounds = {k: getattr(m, k) for m in meta for k in ("ge", "gt", "le", "lt")
                  if isinstance(m, at.Ge | at.Gt | at.Le | at.Lt | at.Interval)
                  and getattr(m, k, None) is not None}
        for m in meta:  # QuantityField: bounds checked after unit conversion
            if hasattr(m, "range_bounds"):
                bounds.update(m.range_bounds())
        min_items = next((m.min_length for m in meta if isinstance(m, at.MinLen)), None)
        choices: tuple = ()
        sub = None
        if unit:
            widget = "quantity"
        elif typing.get_origin(inner) is Literal:
            widget, choices = "choice", typing.get_args(inner)
        elif _is_region(meta):
            widget = "region"
        elif inner is bool:
            widget = "bool"
        elif inner is int:
            widget = "integer"
        elif inner is float:
            widget = "number"
        elif inner is str:
            widget = "text"
        elif getattr(inner, "__name__", "") == "date":
            widget = "date"
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            widget, sub = "model", inner
        elif typing.get_origin(inner) is list and typing.get_args(inner) and \
                isinstance(typing.get_args(inner)[0], type) and \
                issubclass(typing.get_args(inner)[0], BaseModel):
            widget, sub = "table", typing.get_args(inner)[0]
        else:
            widget = "raw"
        default = None
        required = info.is_required()
        if not required:
            value = info.get_default(call_default_factory=True)
            if value is not PydanticUndefined:
                default = _plain(value)
        out.append(FieldSpec(name=name, widget=widget, description=info.description or text,
                             unit=unit, required=required, nullable=nullable, default=default,
                             choices=choices, min_items=min_items, model=sub, **bounds))
    return out


def _plain(value):
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
