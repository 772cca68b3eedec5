"""From a rule and a service to scenario overrides: read values, test conditions, apply
the catalogue's operations.

Everything here reads the validated project (pydantic models) and returns plain values
(numbers, strings, dicts, lists) keyed by override path (``services[2].quality_mix``,
``services[0].equipment[1].lifetime``), the form :func:`footprint.scenarios.apply_overrides`
takes. No rule text is ever evaluated: the operations are the fixed set below.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .catalogue import Change, Clause, Ref, Rule

__all__ = ["Edit", "Match", "match_rule", "read_path"]

_MISSING = object()


@dataclass(frozen=True)
class Edit:
    """One override: the path in the project, the value before and the value after."""

    path: str
    old: Any
    new: Any
    param: str = "x"


@dataclass(frozen=True)
class Match:
    """A rule that changes a service: its edits and the parameters of its texts."""

    rule: Rule
    service_index: int
    service: str
    edits: tuple[Edit, ...]
    elements: tuple[str, ...] = ()
    params: dict = field(default_factory=dict)

    @property
    def overrides(self) -> dict[str, Any]:
        """``{path: new value}``, ready for a scenario."""
        return {e.path: e.new for e in self.edits}


def read_path(obj, path: str):
    """The value at a dotted path of a model (``_MISSING`` where a step is absent)."""
    for part in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, part, _MISSING)
        if obj is _MISSING:
            return _MISSING
    return obj


class _Reader:
    """Reads references for one service of a project."""

    def __init__(self, project, service, registry):
        self.project, self.service, self.registry = project, service, registry

    def country(self, which: str) -> str:
        own = getattr(self.service, f"{which}_country", None)
        if own:
            return own
        if which == "venue":
            return self.project.venue_country or self.country("audience")
        return getattr(self.project, f"{which}_country")

    def value(self, ref: Ref, element=None):
        if ref.field is not None:
            root = element if element is not None else self.service
            value = read_path(root, ref.field)
            if value is _MISSING:
                raise KeyError(f"no field {ref.field!r} in {type(root).__name__}")
        elif ref.country is not None:
            value = self.country(ref.country)
        elif ref.constant is not None:
            value = ref.constant
        elif ref.electricity_intensity is not None:
            value = self.registry.factor("electricity", region=self.country(
                ref.electricity_intensity), unit="gCO2e/kWh")
        else:
            root = element if element is not None else self.service
            code = re.sub(r"\{([a-z_.]+)\}", lambda m: str(read_path(root, m.group(1))),
                          ref.parameter)
            region = self.country(ref.region) if ref.region else "GLO"
            value = self.registry.parameter(code, ref.unit, region=region)
        if value is None and ref.default is not None:
            return self.value(ref.default, element)
        return value

    def test(self, clause: Clause, element=None) -> bool:
        if clause.empty is not None:
            root = element if element is not None else self.service
            given = read_path(root, clause.value.field) not in (None, _MISSING)
            if given == clause.empty:
                return False
        if isinstance(clause.value, list):
            parts = [read_path(element if element is not None else self.service, p)
                     for p in clause.value]
            value = sum(float(v or 0.0) for v in parts if v is not _MISSING)
        else:
            value = self.value(clause.value, element)
        if isinstance(value, BaseModel):
            value = value.model_dump()
        checks = (("gt", lambda v, x: v is not None and v > x),
                  ("ge", lambda v, x: v is not None and v >= x),
                  ("lt", lambda v, x: v is not None and v < x),
                  ("le", lambda v, x: v is not None and v <= x),
                  ("eq", lambda v, x: v == x), ("ne", lambda v, x: v != x),
                  ("in_", lambda v, x: v in x))
        return all(fn(value, getattr(clause, name)) for name, fn in checks
                   if getattr(clause, name) is not None)


# -- operations ---------------------------------------------------------------------
def _plain(value):
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_unset=False)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _mix_shift(old: dict, frm, to) -> dict:
    new = dict(old)
    for key in frm:
        new[to] = new.get(to, 0.0) + new.get(key, 0.0)
        new[key] = 0.0
    return {k: round(v, 12) for k, v in new.items()}


def _mix_step_down(old: dict, order) -> dict:
    """Each share of ``order`` (highest first) moves one key down; the last stays."""
    new = {k: (0.0 if k in order else v) for k, v in old.items()}
    for i, key in enumerate(order):
        target = order[min(i + 1, len(order) - 1)]
        new[target] = new.get(target, 0.0) + old.get(key, 0.0)
    return {k: round(v, 12) for k, v in new.items()}


def disk_copies_to_tape(copies: list[dict]) -> list[dict]:
    """Keep one disk copy (HDD or SSD) for access; move the other disk copies to tape.

    The copies stay in their countries; tape copies of the same country are merged.
    """
    disks = [c for c in copies if c["media"] in ("hdd", "ssd")]
    if not disks or sum(c["count"] for c in disks) <= 1:
        return copies
    out, moved, kept = [], {}, False
    for c in copies:
        if c["media"] in ("hdd", "ssd"):
            if not kept:
                out.append({**c, "count": 1})
                kept = True
                rest = c["count"] - 1
            else:
                rest = c["count"]
            if rest:
                moved[c.get("country")] = moved.get(c.get("country"), 0) + rest
        else:
            out.append(dict(c))
    for c in out:
        if c["media"] == "tape" and c.get("country") in moved:
            c["count"] += moved.pop(c.get("country"))
    out += [{"media": "tape", "count": n, "country": country}
            for country, n in moved.items()]
    return out


_TRANSFORMS = {"disk_copies_to_tape": disk_copies_to_tape}


def _apply(change: Change, old, reader: _Reader, element):
    op = change.operation
    if op == "set":
        return change.set
    if op == "set_none":
        return None
    if op == "copy_":
        return _plain(reader.value(change.copy_, element))
    if op == "transform":
        return _TRANSFORMS[change.transform](_plain(old))
    if op == "replace":
        return change.replace.get(old, old)
    if op in ("shift_mix", "step_down"):
        mix = _plain(old)
        if op == "shift_mix":
            return _mix_shift(mix, change.shift_mix.from_, change.shift_mix.to)
        return _mix_step_down(mix, change.step_down)
    if old is None:
        return None
    if isinstance(old, BaseModel | dict):  # every number of a block (rates per quality)
        return {k: _number(change, float(v), reader, element)
                for k, v in _plain(old).items()}
    return _number(change, float(old), reader, element)


def _number(change: Change, old: float, reader: _Reader, element) -> float:
    op = change.operation
    if op == "cap":
        return min(old, change.cap)
    if op == "floor":
        return max(old, change.floor)
    if op == "add":
        add = change.add
        return old + (add if isinstance(add, float | int) else
                      float(reader.value(add, element)))
    return old * change.scale


def _same(a, b) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return _plain(a) == _plain(b)


def _edits(change: Change, base: str, reader: _Reader) -> tuple[list[Edit], list[str]]:
    service = reader.service
    if not all(reader.test(c) for c in change.when):
        return [], []
    if change.each is None:
        targets = [(base, None)]
    else:
        items = read_path(service, change.each)
        if items is _MISSING or items is None:
            return [], []
        targets = [(f"{base}.{change.each}[{j}]", item) for j, item in enumerate(items)
                   if all(reader.test(c, item) for c in change.where)]
    edits, names = [], []
    for prefix, element in targets:
        root = element if element is not None else service
        old = read_path(root, change.path)
        if old is _MISSING:
            raise KeyError(f"no field {change.path!r} in {type(root).__name__}")
        if old is None and change.default is not None:
            old = reader.value(change.default, element)
        new = _apply(change, old, reader, element)
        if new is None and change.operation != "set_none":
            continue
        if _same(old, new) and change.operation != "set_none":
            continue  # emptying an empty field is kept: it marks the field as the rule's
        edits.append(Edit(f"{prefix}.{change.path}", _plain(old), new, change.param))
        if element is not None:
            names.append(getattr(element, "name", "") or getattr(element, "device", "")
                         or getattr(element, "type", "") or f"#{len(names) + 1}")
    return edits, names


def match_rule(rule: Rule, project, index: int, registry) -> Match | None:
    """The rule's edits of ``project.services[index]``, or ``None`` if it changes nothing
    there (wrong kind, a condition fails, or every value is already as the rule wants)."""
    service = project.services[index]
    if service.kind not in rule.kinds:
        return None
    reader = _Reader(project, service, registry)
    if not all(reader.test(c) for c in rule.when):
        return None
    base = f"services[{index}]"
    edits, elements = [], []
    for change in rule.changes:
        e, names = _edits(change, base, reader)
        edits += e
        elements += names
    if not any(e.new != e.old for e in edits):
        return None
    return Match(rule=rule, service_index=index, service=service.name, edits=tuple(edits),
                 elements=tuple(dict.fromkeys(elements)),
                 params=_params(service.name, elements, edits))


def _params(service: str, elements, edits) -> dict:
    """Raw values of the texts' parameters (formatted per language by :mod:`.text`)."""
    params = {"service": service, "elements": list(dict.fromkeys(elements))}
    for param in dict.fromkeys(e.param for e in edits):
        mine = [e for e in edits if e.param == param]
        for side in ("old", "new"):
            params[f"{param}_{side}"] = [getattr(e, side) for e in mine]
    return params
