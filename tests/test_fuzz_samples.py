"""Property-based: random damage to any sample project (every kind) gives a FootprintError
naming a path in the file, or a valid assessment — never another exception."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import footprint

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))


def leaf_paths(node, prefix=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield prefix + (k,)
            yield from leaf_paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield prefix + (i,)
            yield from leaf_paths(v, prefix + (i,))


scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=10),
                    st.sampled_from(["-1", "1e400", "3 kWh", "2 GB", "nan", "FR", "XX", "tv",
                                     "laptop", "", "0", "1.5", "-0.5 h", "12 blorp", "9**9**9 h",
                                     "1 GB**99", "1,5 kWh", "[" * 3000]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=2)),
    max_leaves=5)


@pytest.fixture(scope="module")
def originals():
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in SAMPLES}


@settings(max_examples=1200, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_damaged_samples_fail_cleanly(originals, bundled, data):
    name = data.draw(st.sampled_from(sorted(originals)))
    project = copy.deepcopy(originals[name])
    paths = list(leaf_paths(project))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        target = project
        try:
            for key in path[:-1]:
                target = target[key]
            if data.draw(st.booleans()) and isinstance(target, dict):
                target.pop(path[-1], None)
            else:
                target[path[-1]] = data.draw(values)
        except (KeyError, IndexError, TypeError):
            continue
    try:
        parsed = footprint.parse_project(project)
    except footprint.ProjectError as exc:
        event("invalid project")
        assert exc.path and all(p for p, _, _ in exc.errors)
        return
    try:
        result = footprint.assess(parsed, bundled)
    except footprint.FootprintError as exc:
        event("refused at assessment")
        assert getattr(exc, "path", None) or isinstance(exc, footprint.UnknownFactorError), exc
        return
    event("assessed")
    total = result.total().magnitude
    assert math.isnan(total) or total >= 0
