"""Project templates, one per service kind: the app's "new project" and ``footprint new``.

A template is a valid project with one service of the kind. Its values come from the
first sample project (``sample_projects/``, installed with the package) that has a
service of that kind, so they are realistic and sourced in that sample's header; a
kind with no sample has no template (a clear error says so). :func:`commented_template`
writes the same project as YAML with every parameter of the kind explained (unit, range,
default and its source): parameters left at their default are shown commented out.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["sample_paths", "template", "commented_template", "kinds_with_template"]


def sample_paths() -> list[Path]:
    """The sample project files installed with the package."""
    import sample_projects

    return sorted(Path(sample_projects.__file__).resolve().parent.glob("*.yaml"))


def _load(path: Path) -> dict:
    from .files import _load_text

    return _load_text(path.read_text(encoding="utf-8"), "yaml")


def kinds_with_template() -> list[str]:
    """Kinds for which a sample project gives a template (sorted)."""
    found = {service.get("kind") for path in sample_paths()
             for service in _load(path).get("services", [])}
    from .archetypes import KINDS

    return sorted(k for k in KINDS if k in found)


def template(kind: str, name: str = "My project") -> dict:
    """A valid project (as plain data) with one service of ``kind``.

    Raises
    ------
    ProjectError
        ``kind`` is not a known kind.
    """
    from .archetypes import KINDS
    from .errors import ProjectError, close_matches

    if kind not in KINDS:
        near = close_matches(kind, KINDS)
        raise ProjectError(f"kind {kind!r} is not known; known kinds: {', '.join(sorted(KINDS))}"
                           + (f"; did you mean {', '.join(map(repr, near))}?" if near else ""),
                           path="kind", value=kind, code="unknown_kind",
                           params={"kind": kind, "kinds": ", ".join(sorted(KINDS))})
    for path in sample_paths():
        data = _load(path)
        for service in data.get("services", []):
            if service.get("kind") == kind:
                project = {"schema_version": 1, "name": name,
                           "audience_country": data.get("audience_country", "FR"),
                           "hosting_country": data.get("hosting_country", "FR"),
                           "services": [service]}
                if data.get("functional_unit"):
                    project["functional_unit"] = data["functional_unit"]
                return project
    raise ProjectError(f"no template for kind {kind!r}: no sample project has a service of "
                       f"that kind (kinds with a template: {', '.join(kinds_with_template())})",
                       path="kind", value=kind, code="no_template", params={"kind": kind})


def _comment(spec) -> str:
    parts = [spec.description or spec.name.replace("_", " ")]
    if spec.unit:
        parts.append(f"[{spec.unit}]")
    if spec.range_text():
        parts.append(f"range {spec.range_text()}")
    if spec.choices:
        parts.append("one of " + ", ".join(map(str, spec.choices)))
    if spec.required:
        parts.append("required")
    return " ".join(parts)


def _wrap(text: str, indent: str, width: int = 92) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=width, initial_indent=indent + "# ",
                         subsequent_indent=indent + "#   ", break_on_hyphens=False)


def commented_template(kind: str, name: str = "My project") -> str:
    """The :func:`template` of ``kind`` as YAML, each parameter with its explanation."""
    import yaml

    from .archetypes import KINDS
    from .files import parse_project
    from .schema.describe import COMMON_FIELDS, fields

    project = template(kind, name)
    parse_project(project)  # the template must be valid as written
    service = project["services"][0]
    def dump(value) -> str:  # one line of YAML flow style
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                              sort_keys=False, width=10_000)
        return text.strip().removesuffix("...").strip()

    lines = [f"# A {kind} project: replace the values with yours. `footprint schema` has the",
             "# JSON Schema; `footprint assess FILE` checks and assesses it.",
             "# Values come from the sample project of this kind (its sources are in the",
             "# header of sample_projects/*.yaml); commented lines are defaults.",
             "schema_version: 1", f"name: {dump(name)}",
             "# Where the users are (devices, networks) and where the servers are.",
             f"audience_country: {project['audience_country']}",
             f"hosting_country: {project['hosting_country']}",
             "# reporting_period: {start: 2026-01-01, end: 2026-12-31}"]
    if "functional_unit" in project:
        lines += ["# What the service delivers over the period (results per unit).",
                  f"functional_unit: {dump(project['functional_unit'])}"]
    else:
        lines.append("# functional_unit: {name: hour viewed, quantity: 1000}")
    lines += ["services:", f"  - name: {dump(service.get('name', kind))}", f"    kind: {kind}"]
    for common in COMMON_FIELDS[2:]:  # description, the service's own countries
        if common in service:
            lines.append(f"    {common}: {dump(service[common])}")
    for spec in fields(KINDS[kind].Service):
        if spec.name in COMMON_FIELDS:
            continue
        lines += _wrap(_comment(spec), "    ")
        if spec.name in service:
            lines.append(f"    {spec.name}: {dump(service[spec.name])}")
        elif spec.default is not None:
            lines.append(f"    # {spec.name}: {dump(spec.default)}")
        else:
            lines.append(f"    # {spec.name}:   (default: as described above)")
    return "\n".join(lines) + "\n"
