"""A form generated from the kinds' pydantic models (:mod:`footprint.schema.describe`):
each parameter with its unit, range, default and the default's source; a new kind or
parameter appears without touching the page.

Rendering returns the data typed so far (plain dicts, strings as typed), so the page
validates it with :func:`footprint.parse_project` and shows each error under its field.
Widgets keep what was typed in the session state: nothing is lost on an error.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import streamlit as st

from footprint.schema.describe import COMMON_FIELDS, FieldSpec, fields
from ui.i18n import choose, has, lang, t

_THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))")


def unit_label(unit: str) -> str:
    """A unit as people write it (h, min, kWh…); years and days in the user's language."""
    from footprint.units import format_unit

    text = format_unit(unit)
    return {"a": t("unit_year"), "h/d": f"h/{t('unit_day')}"}.get(text, text)


def field_label(spec: FieldSpec) -> str:
    key = f"param_{spec.name}"
    text = t(key) if has(key) else spec.name.replace("_", " ").capitalize()
    return f"{text} [{unit_label(spec.unit)}]" if spec.unit else text


#: kinds that share a parameter's meaning under one help key (``streaming.<name>``)
_FAMILY = {"audio_streaming": "streaming", "live_event": "streaming",
           "video_streaming": "streaming"}


def help_key(kind: str | None, name: str) -> str | None:
    """The help catalogs' key of a kind's parameter: ``<kind>.<name>``, else
    ``<family>.<name>``, else ``<name>`` (None when no catalog has one)."""
    from ui.messages import help_fr

    if kind == "project":  # the project's settings: ``project.<dotted path>`` only
        key = f"project.{name}"
        return key if key in help_fr.HELP else None
    for key in (f"{kind}.{name}", f"{_FAMILY.get(kind)}.{name}", name):
        if key in help_fr.HELP:
            return key
    return None


def parameter_help(spec: FieldSpec, kind: str | None, name: str | None = None) -> str:
    """A kind's parameter (or, with kind ``project``, a project setting at the dotted path
    ``name``) explained in the user's language: the French catalog, in English the
    catalog for the groups and shared fields, else the schema's description."""
    from ui.messages import help_en, help_fr

    key = help_key(kind, name or spec.name)
    if lang() == "fr":
        return help_fr.HELP.get(key, spec.description) if key else spec.description
    return help_en.HELP.get(key or spec.name) or spec.description


def field_help(spec: FieldSpec, kind: str | None = None, name: str | None = None) -> str:
    """The help of a field; ``kind``: a service's own parameter (not a nested field) or
    ``project`` with the setting's dotted path ``name``, explained from the catalogs."""
    text = parameter_help(spec, kind, name) if kind else spec.description
    parts = [text] if text else []
    if spec.range_text():
        parts.append(t("form_range", range=spec.range_text()))
    if spec.default not in (None, "", {}, []):
        parts.append(t("form_default", value=_show(spec.default)))
    elif not spec.required:
        parts.append(t("form_default_help"))
    return "\n\n".join(parts)


def _show(value) -> str:
    """A value as the form shows it: numbers the way the user's language writes them."""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float) and not isinstance(value, bool):
        from babel.numbers import format_decimal

        from ui.i18n import LOCALES

        return format_decimal(value, locale=LOCALES[lang()], decimal_quantization=False)
    return str(value)


def normalise_number(text: str) -> str:
    """What a person types (``15 000``, ``2,75 h`` in French; ``15,000`` in English)
    as the library reads it (a dot for decimals, no grouping)."""
    text = _THOUSANDS.sub("", text.strip())
    if lang() == "fr":
        return re.sub(r"(?<=\d),(?=\d)", ".", text)
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)


class Form:
    """Draws widgets for data at paths (``services[0].event_duration``) and collects
    what they hold. ``errors`` maps paths to messages shown under the fields."""

    def __init__(self, errors: dict[str, str], generation: int):
        self.errors = errors
        self.gen = generation
        self.shown: set[str] = set()
        self.kind: str | None = None  # the service being drawn (its parameters' help)

    def _where(self, path: str) -> tuple[str | None, str | None]:
        """The help catalogs' (kind, name) of the field at ``path``: a service's own
        parameters (``services[0].x``) and the project's settings; (None, None) for
        nested fields (their schema explains them)."""
        if self.kind == "project":
            return "project", path
        if self.kind is not None and re.fullmatch(r"services\[\d+\]\.\w+", path):
            return self.kind, None
        return None, None

    def _help(self, spec: FieldSpec, path: str) -> str:
        """The « ? » of the field at ``path``: what it is, its range and default."""
        return field_help(spec, *self._where(path))

    def _text(self, spec: FieldSpec, path: str) -> str:
        """What a group or table is, shown above it (no default: the table shows it)."""
        kind, name = self._where(path)
        return parameter_help(spec, kind, name) if kind else spec.description

    def key(self, path: str) -> str:
        return f"f{self.gen}|{path}"

    def _error(self, path: str, prefix: bool = False) -> None:
        for p, message in self.errors.items():
            if p == path or (prefix and p.startswith(path)):
                self.shown.add(p)
                where = p.removeprefix(path).lstrip(".") if prefix and p != path else ""
                st.error(f"{where} — {message}" if where else message,
                         icon=":material/error:")

    def scalar(self, spec: FieldSpec, path: str, current, container=st):
        """One value: returns what the widget holds (None = left to its default)."""
        key, lab, hlp = self.key(path), field_label(spec), self._help(spec, path)
        if spec.widget == "bool":
            value = bool(current if current is not None else spec.default)
            out = container.checkbox(lab, value=value, help=hlp, key=key)
            result = out if (current is not None or out != bool(spec.default)) else None
        elif spec.widget == "choice":
            options = list(spec.choices)
            if not spec.required and spec.default is None:
                options = [None] + options
            start = current if current in options else (
                spec.default if spec.default in options else options[0])
            out = choose(container.selectbox, lab, options, _choice_label,
                         index=options.index(start), help=hlp, key=key)
            result = out if (current is not None or out != spec.default) else None
        else:
            shown = "" if current is None else _show(current)
            placeholder = (t("form_default", value=_show(spec.default))
                           if spec.default not in (None, "") else
                           ("" if spec.required or spec.default == "" else
                            t("form_default_help")))
            out = container.text_input(lab, value=shown, help=hlp, key=key,
                                       placeholder=placeholder)
            out = out.strip()
            if spec.widget in ("quantity", "number", "integer"):
                out = normalise_number(out)
            if spec.widget == "region":
                out = out.upper()
            result = out or None
        self._error(path)
        return result

    def group(self, specs: list[FieldSpec], path: str, data: dict, *, columns: int = 2) -> dict:
        """Fields of a model; nested groups in expanders, lists in table editors."""
        out: dict = {}
        simple = [s for s in specs if s.widget not in ("model", "table", "raw")]
        cols = st.columns(columns) if simple else []
        for i, spec in enumerate(simple):
            value = self.scalar(spec, _join(path, spec.name), data.get(spec.name),
                                cols[i % columns])
            if value is not None:
                out[spec.name] = value
        for spec in specs:
            sub_path = _join(path, spec.name)
            if spec.widget == "model":
                value = self.model(spec, sub_path, data.get(spec.name))
            elif spec.widget == "table":
                value = self.table(spec, sub_path, data.get(spec.name))
            elif spec.widget == "raw":
                value = data.get(spec.name)  # kept as it is (edited in the YAML view)
            else:
                continue
            if value not in (None, {}) or (spec.widget == "table" and spec.required):
                out[spec.name] = value
        return out

    def model(self, spec: FieldSpec, path: str, data) -> dict | None:
        with st.expander(field_label(spec), expanded=spec.required or
                         any(p.startswith(path) for p in self.errors)):
            text = self._text(spec, path)
            if text:
                st.markdown(text)
            if spec.nullable:
                on = st.checkbox(t("form_include"), value=data is not None,
                                 key=self.key(path + "#on"))
                if not on:
                    return None
            sub = self.group(fields(spec.model), path, data or {}, columns=3)
            self._error(path)
        return sub if (sub or data is not None or spec.required) else None

    def table(self, spec: FieldSpec, path: str, rows) -> list | None:
        """A list of a model as an editable table; nested lists stay as they are."""
        specs = [s for s in fields(spec.model) if s.widget not in ("model", "table", "raw")]
        nested = [s.name for s in fields(spec.model) if s.widget in ("model", "table", "raw")]
        rows = list(rows if rows is not None else (spec.default or []))
        frame = pd.DataFrame([{s.name: _cell(r.get(s.name), s) for s in specs} for r in rows],
                             columns=[s.name for s in specs])
        config = {s.name: _column(s) for s in specs}
        st.markdown(f"**{field_label(spec)}**")
        text = self._text(spec, path)
        if text:
            st.markdown(text)
        edited = st.data_editor(frame, num_rows="dynamic", column_config=config,
                                hide_index=True, key=self.key(path), width="stretch")
        self._error(path, prefix=True)
        out = []
        for i, rec in enumerate(edited.to_dict("records")):
            item = {}
            for s in specs:
                value = rec.get(s.name)
                if value is None or (isinstance(value, float) and value != value) or \
                        (isinstance(value, str) and not value.strip()):
                    continue
                if s.widget == "bool":
                    if bool(value) != bool(s.default):
                        item[s.name] = bool(value)
                    continue
                if isinstance(value, str):
                    value = value.strip()
                    if s.widget in ("quantity", "number", "integer"):
                        value = normalise_number(value)
                item[s.name] = value
            if i < len(rows):  # nested values of the row, kept (YAML view edits them)
                item.update({n: rows[i][n] for n in nested if n in rows[i]})
            if item:
                out.append(item)
        return out if (out or spec.required or rows) else None


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _choice_label(value) -> str:
    if value is None:
        return t("form_default_help")
    return t(value) if isinstance(value, str) and has(value) else str(value)


def _cell(value, spec: FieldSpec):
    if spec.widget == "bool":
        return bool(value if value is not None else spec.default)
    if value is None:  # an empty text cell, not the editor's grey "None"
        return None if spec.widget == "choice" else ""
    return value if spec.widget == "choice" else _show(value)


def _column(spec: FieldSpec):
    cc = st.column_config
    label, hlp = field_label(spec), field_help(spec)
    if spec.widget == "bool":
        return cc.CheckboxColumn(label, help=hlp, default=bool(spec.default))
    if spec.widget == "choice":
        return cc.SelectboxColumn(label, help=hlp, options=list(spec.choices),
                                  required=spec.required)
    return cc.TextColumn(label, help=hlp, required=spec.required)


def service_specs(kind_module) -> list[FieldSpec]:
    """The kind's parameters: required ones first, then the kind's own, then those it
    shares with other kinds (mixes, powers), each group in declaration order."""
    specs = fields(kind_module.Service, skip_common=True)
    own = set(getattr(kind_module.Service, "__annotations__", {}))
    return sorted(specs, key=lambda s: (not s.required, s.name not in own))


def common_specs(kind_module) -> list[FieldSpec]:
    return [s for s in fields(kind_module.Service) if s.name in COMMON_FIELDS
            and s.name not in ("kind", "name")]


def components_table(form: Form, path: str, components, codes: list[str]) -> list:
    """The ``custom`` kind's components as one flat table, one row per activity, with a
    searchable list of factor codes; rows with the same component and tier form one
    component."""
    cc = st.column_config
    rows = [{"component": c.get("name"), "tier": c.get("tier"), "activity": a.get("name"),
             "factor": a.get("factor"), "amount": _show(a.get("amount"))
             if a.get("amount") is not None else None, "unit": a.get("unit"),
             "region": a.get("region") or c.get("region")}
            for c in (components or []) for a in (c.get("activities") or [{}])]
    frame = pd.DataFrame(rows, columns=["component", "tier", "activity", "factor", "amount",
                                        "unit", "region"])
    text = ["component", "activity", "amount", "unit", "region"]
    frame[text] = frame[text].astype(object).where(frame[text].notna(), "")
    tiers = ["user_devices", "networks", "data_centres", "onsite"]
    config = {
        "component": cc.TextColumn(t("col_component"), required=True),
        "tier": cc.SelectboxColumn(t("tier"), options=tiers, required=True),
        "activity": cc.TextColumn(t("col_activity")),
        "factor": cc.SelectboxColumn(t("col_factor"), options=codes, required=True,
                                     help=t("col_factor_help")),
        "amount": cc.TextColumn(t("col_amount"), required=True),
        "unit": cc.TextColumn(t("unit"), required=True, help=t("col_unit_help")),
        "region": cc.TextColumn(t("col_region"), help=t("col_region_help")),
    }
    st.markdown(f"**{t('components')}**")
    edited = st.data_editor(frame, num_rows="dynamic", column_config=config, hide_index=True,
                            key=form.key(path), width="stretch")
    form._error(path, prefix=True)
    out: list[dict] = []
    for rec in edited.to_dict("records"):
        clean = {k: (v.strip() if isinstance(v, str) else v) for k, v in rec.items()
                 if v is not None and not (isinstance(v, float) and v != v) and v != ""}
        if not clean:
            continue
        activity = {k: clean[k] for k in ("factor", "unit", "region") if k in clean}
        if "activity" in clean:
            activity["name"] = clean["activity"]
        if "amount" in clean:
            amount = normalise_number(str(clean["amount"]))
            try:
                activity["amount"] = float(amount)  # the unit is in its own column
            except ValueError:
                activity["amount"] = amount  # "12 kWh": the library splits it
        if out and out[-1]["name"] == clean.get("component") and \
                out[-1].get("tier") == clean.get("tier"):
            out[-1]["activities"].append(activity)
        else:
            comp = {"name": clean.get("component", ""), "activities": [activity]}
            if "tier" in clean:
                comp["tier"] = clean["tier"]
            out.append(comp)
    return out
