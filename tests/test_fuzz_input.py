"""Fuzz suite of issue 9: every hostile input ends as a clean refusal naming the field, or
as a finite, plausible assessment — never another exception, a hang or an absurd figure.

Families: encodings (random bytes, byte-order marks, surrogates), nesting, long strings,
numbers at the edges of float in every numeric field of every sample, unit strings,
spreadsheet formulas in every text field, HAR files and page CSVs. Special files are in
``test_loaders.py`` and ``test_cli_hostile.py``.

Hypothesis runs its default number of examples per property here (the whole module takes
well under a minute); ``HYPOTHESIS_PROFILE=deep`` (registered in ``conftest.py``) runs
thirty times more for an occasional deep run.
"""

from __future__ import annotations

import copy
import csv
import io
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import footprint
from footprint import FootprintError, ProjectError, UnknownFactorError, parse_project
from footprint.export import to_csv
from footprint.har import parse_har

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))
ORIGINALS = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SAMPLES}
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.function_scoped_fixture])
#: Largest plausible total of one project [kgCO2e]: a billion tonnes.
PLAUSIBLE_KGCO2E = 1e12

EDGE_NUMBERS = [0, -0.0, -1, 1e-300, 5e-324, 1e15, 1e16, 1e300, 1.7976931348623157e308,
                float("inf"), float("nan"), 10**80, True, "1e308", "-0", "1e-320 h",
                "1e15 kWh", "1e400"]
FORMULAS = ["=1+1", "x\r=1+1", "safe\r-2+3+cmd|' /C calc'!A0", "a\n@SUM(A1)", "\t+1",
            "\r\n=HYPERLINK(\"http://x\")", " -2+3"]


def leaves(node, prefix=()):
    """Paths of every scalar in a loaded project."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from leaves(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from leaves(v, prefix + (i,))
    else:
        yield prefix, node


def replaced(data, path, value):
    out = copy.deepcopy(data)
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return out


def check_refusal(exc: FootprintError) -> None:
    """A clean refusal: it names where (a path), and its message is one short paragraph."""
    assert getattr(exc, "path", None) or isinstance(exc, UnknownFactorError), exc
    assert len(str(exc)) < 5000, len(str(exc))
    if isinstance(exc, ProjectError):
        assert all(p for p, _, _ in exc.errors)


def outcome(data, registry, fmt="yaml") -> str:
    """Parse and assess; assert the outcome is clean; return what happened."""
    try:
        project = parse_project(data, fmt)
    except ProjectError as exc:
        check_refusal(exc)
        return "refused"
    try:
        result = footprint.assess(project, registry)
    except FootprintError as exc:
        check_refusal(exc)
        return "refused at assessment"
    totals = result.totals()
    for value in totals[["total", "extreme_low", "extreme_high"]].to_numpy().ravel():
        assert math.isnan(value) or 0 <= value < PLAUSIBLE_KGCO2E * 1e6, totals
    cc = result.total().m_as("kgCO2e")
    assert math.isnan(cc) or 0 <= cc < PLAUSIBLE_KGCO2E, cc
    return "assessed"


def numeric_leaves():
    """Numeric fields of the samples, scenario overrides included (their numbers are
    finite and -0 is 0 when read; the rest of their validation is the project's, when the
    scenario is applied)."""
    return [(name, path) for name, data in ORIGINALS.items()
            for path, value in leaves(data)
            if isinstance(value, int | float) and not isinstance(value, bool)]


def applied(project):
    """The projects a parsed project stands for: itself and, for a number in a scenario's
    overrides, every scenario applied (refused cleanly, naming the scenario, or valid)."""
    from footprint.scenarios import scenario_projects

    try:
        return list(scenario_projects(project).values())
    except ProjectError as exc:
        check_refusal(exc)
        assert exc.path.startswith("scenarios["), exc.path
        return [project]


# -- numbers at the edges of float, in every numeric field of every sample ---------------

def test_every_numeric_field_refuses_edge_numbers_cleanly():
    """Deterministic sweep (parse only): each numeric leaf of each sample × each edge."""
    cases = 0
    for name, path in numeric_leaves():
        for value in EDGE_NUMBERS:
            cases += 1
            try:
                project = parse_project(replaced(ORIGINALS[name], path, value))
            except ProjectError as exc:
                check_refusal(exc)
                continue
            # accepted: every number is finite, -0 was read as 0, and every number of a
            # project (a scenario's once applied) is non-negative
            for _, leaf in leaves(project.model_dump()["scenarios"]):
                if isinstance(leaf, float):
                    assert math.isfinite(leaf), (name, path, leaf)
                    assert leaf != 0 or math.copysign(1.0, leaf) > 0, (name, path)
            for variant in applied(project):
                for _, leaf in leaves(variant.model_dump(exclude={"scenarios"})):
                    if isinstance(leaf, float):
                        assert math.isfinite(leaf) and math.copysign(1.0, leaf) > 0, \
                            (name, path)
    assert cases > 500  # every sample has numeric fields


@FUZZ
@given(data=st.data())
def test_edge_numbers_assess_finite_or_refuse(bundled, data):
    name, path = data.draw(st.sampled_from(numeric_leaves()))
    value = data.draw(st.one_of(st.sampled_from(EDGE_NUMBERS),
                                st.floats(allow_nan=True, allow_infinity=True),
                                st.integers(-10**20, 10**20)))
    event(outcome(replaced(ORIGINALS[name], path, value), bundled))


# -- unit strings -------------------------------------------------------------------------

UNIT_CHARS = st.sampled_from(list("0123456789.eE+-*/^()· \t\n") + ["kWh", "GB", "h", "W", "TB",
                                                                    "year", "µ", "°", "**",
                                                                    "ß", "١", "\x00", "\u202e"])


@FUZZ
@given(text=st.lists(UNIT_CHARS, max_size=30).map("".join),
       spaces=st.sampled_from([0, 1, 1000, 200_000]))
def test_quantity_text_is_refused_or_read(bundled, text, spaces):
    amount = text[:2] + " " * spaces + text[2:]
    svc = {"name": "v", "kind": "video_streaming", "hours_viewed": amount}
    event(outcome({"name": "P", "services": [svc]}, bundled))


# -- encodings ----------------------------------------------------------------------------

@FUZZ
@given(raw=st.binary(max_size=400), prefix=st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"name: P\nservices:\n", b"{\"name\":"]),
    name=st.sampled_from(["p.yaml", "p.yml", "p.json", "p.txt", "p"]))
def test_random_bytes_uploads_fail_cleanly(raw, prefix, name):
    try:
        footprint.parse_upload(prefix + raw, name)
    except ProjectError as exc:
        check_refusal(exc)
        event("refused")


@pytest.mark.parametrize("text", ["name: \ud800\nservices: []\n", "\ufeff\ufeffname: P",
                                  "name: P\x00\nservices: []", "name: \x85P\n",
                                  '{"name": "\\ud800", "services": []}'])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_odd_text_fails_cleanly(text, fmt):
    with pytest.raises(ProjectError) as exc:
        parse_project(text, fmt)
    check_refusal(exc.value)


# -- nesting ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fmt"), [
    ("[" * 100_000, "yaml"), ("{a: " * 10_000, "yaml"), ("- " * 5_000 + "x", "yaml"),
    ("".join(f"{'  ' * i}a:\n" for i in range(2_000)), "yaml"),
    ('{"a":' * 50_000, "json"), ("[" * 200_000 + "]" * 200_000, "json"),
])
def test_deep_nesting_is_refused(text, fmt):
    with pytest.raises(ProjectError) as exc:
        parse_project(text, fmt)
    check_refusal(exc.value)


# -- long strings -------------------------------------------------------------------------

@pytest.mark.parametrize("size", [201, 10_001, 4_500_000])
@pytest.mark.parametrize("field", ["name", "description", "audience_country",
                                   ("services", 0, "name"), ("services", 0, "kind"),
                                   ("services", 0, "components", 0, "name"),
                                   ("services", 0, "components", 0, "activities", 0, "factor"),
                                   ("services", 0, "components", 0, "activities", 0, "amount")])
def test_long_strings_are_refused_fast(bundled, field, size):
    data = ORIGINALS["collections_database_custom.yaml"]
    path = field if isinstance(field, tuple) else (field,)
    result = outcome(replaced(data, path, "é" * size), bundled)
    assert result != "assessed" or size <= 10_000  # descriptions up to 10,000 characters


# -- spreadsheet formulas in every text field ---------------------------------------------

#: Samples that assess fast (the formula family assesses once per example).
FAST = ("collections_database_custom.yaml", "venue_screens.yaml", "podcast_series.yaml")


@FUZZ
@given(name=st.sampled_from(FAST), evil=st.lists(st.one_of(
    st.sampled_from(FORMULAS), st.text(alphabet="=+-@\r\n\t x1", max_size=12)),
    min_size=1, max_size=4))
def test_formulas_in_text_fields_are_inert_in_csv(bundled, name, evil):
    """Every name, description and organisation of the sample at once gets a formula
    (numbered so that service names stay unique); the CSV of the result is inert."""
    project_data = ORIGINALS[name]
    for i, (path, _) in enumerate(p for p in text_leaves_of(project_data)):
        project_data = replaced(project_data, path, f"{evil[i % len(evil)]}{i}")
    try:
        project = parse_project(project_data)
    except ProjectError as exc:
        check_refusal(exc)
        return
    text = to_csv(footprint.assess(project, bundled).table)
    assert "\r" not in text and "\t" not in text
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            for line in cell.split("\n"):
                assert line.lstrip(" ")[:1] not in ("=", "+", "-", "@") or _is_number(line), row


def text_leaves_of(data):
    return [(path, value) for path, value in leaves(data)
            if isinstance(value, str) and path[-1] in ("name", "description", "organisation")]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# -- HAR files ----------------------------------------------------------------------------

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30),
                         st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)
entries = st.lists(st.fixed_dictionaries({
    "pageref": st.one_of(st.sampled_from(["p1", "p2"]), json_values),
    "request": st.one_of(st.fixed_dictionaries({"url": st.text(max_size=10)}), json_values),
    "response": st.one_of(st.fixed_dictionaries({
        "bodySize": st.one_of(st.integers(-5, 10**25), json_values),
        "headersSize": st.one_of(st.integers(-2, 10**6), st.floats()),
        "_transferSize": st.one_of(st.none(), st.integers(-3, 10**13), st.floats())}),
        json_values)}), max_size=5)


@FUZZ
@given(pages=st.one_of(st.just([{"id": "p1", "title": "Home"}, {"id": "p2"}]), json_values),
       entries=entries, big_number=st.sampled_from(["", "9" * 400, "9" * 5001, "1e999"]))
def test_har_files_are_read_or_refused(pages, entries, big_number):
    import json

    text = json.dumps({"log": {"version": "1.2", "pages": pages, "entries": entries}})
    if big_number:
        text = text.replace('"version": "1.2"', f'"version": {big_number}')
    try:
        result = parse_har(text)
    except ProjectError as exc:
        check_refusal(exc)
        event("refused")
        return
    event("read")
    for page in result:
        assert math.isfinite(page.transfer_bytes) and page.transfer_bytes >= 0
        assert page.requests >= 0


# -- page CSVs ----------------------------------------------------------------------------

@FUZZ
@given(cells=st.lists(st.lists(st.one_of(
    st.text(alphabet="0123456789.e-+ \r\n\t\"=,@x", max_size=12),
    st.sampled_from(["1e400", "nan", "inf", "1" * 60, "-0", "1_000", "\ufeff1"])),
    min_size=4, max_size=4), min_size=1, max_size=4))
def test_page_csvs_are_read_or_refused(tmp_path_factory, cells):
    from footprint.cli.web import _read_pages_csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["url", "size_kb", "requests", "nodes"])
    writer.writerows(cells)
    path = tmp_path_factory.mktemp("csv") / "pages.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        urls, values = _read_pages_csv(str(path))
    except ProjectError as exc:
        check_refusal(exc)
        event("refused")
        return
    event("read")
    assert all(math.isfinite(v) and v >= 0 for row in values for v in row)
