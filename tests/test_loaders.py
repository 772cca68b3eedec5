"""Bounded reading (issue 9): special files, sizes, encodings, duplicate keys, aliases,
over-long numbers, huge messages, country codes and quantity text — each input of the
issue's battery, refused with a message naming the field, or read correctly."""

from __future__ import annotations

import json
import os

import pytest

import footprint
from footprint import ProjectError, parse_project, parse_upload, read_project
from footprint.files import MAX_BYTES, MAX_ERRORS
from footprint.loaders import MAX_KEYS, decode_text, load_json, load_yaml, read_regular_file

SERVICE = {"name": "db", "kind": "custom", "components": [
    {"name": "server", "tier": "data_centres",
     "activities": [{"factor": "electricity", "amount": "2 kWh"}]}]}
PROJECT = {"name": "P", "services": [SERVICE]}


def refused(data, fmt="yaml") -> ProjectError:
    with pytest.raises(ProjectError) as exc:
        parse_project(data, fmt)
    return exc.value


# -- special files --------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProjectError, match="named pipe") as exc:
        read_project(fifo)
    assert exc.value.path == str(fifo)


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(path):
    if not os.path.exists(path):
        pytest.skip(f"{path} does not exist here")
    with pytest.raises(ProjectError, match="character device, not a regular file"):
        read_project(path)


def test_a_directory_or_a_missing_file_is_refused(tmp_path):
    with pytest.raises(ProjectError, match="directory, not a regular file"):
        read_project(tmp_path)
    with pytest.raises(ProjectError, match="cannot read"):
        read_project(tmp_path / "missing.yaml")


def test_size_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.truncate(10**12)  # a sparse terabyte: reading it would take minutes
    with pytest.raises(ProjectError, match="larger than the limit of 5,000,000 bytes"):
        read_project(big)
    small = tmp_path / "s.yaml"
    small.write_bytes(b"0123456789")
    assert read_regular_file(small, 10) == b"0123456789"
    with pytest.raises(ProjectError, match="--har") as exc:
        read_regular_file(small, 9, field="--har")
    assert exc.value.path == "--har"


# -- encodings and byte-order marks ---------------------------------------------------

def test_a_utf8_bom_is_dropped_everywhere(tmp_path):
    text = json.dumps(PROJECT)
    for name in ("p.json", "p.yaml"):
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert read_project(tmp_path / name).name == "P"
        assert parse_upload(b"\xef\xbb\xbf" + text.encode(), name).name == "P"
    assert parse_project("\ufeff" + text, "json").name == "P"
    assert parse_project("\ufeff" + text, "yaml").name == "P"


def test_other_encodings_are_refused_with_the_place():
    with pytest.raises(ProjectError, match="UTF-16 byte-order mark"):
        decode_text("name: é".encode("utf-16"))
    with pytest.raises(ProjectError, match=r"not UTF-8 text \(byte 8, line 2\)"):
        decode_text(b"name:\n x\xe9")
    with pytest.raises(ProjectError, match="not UTF-8"):
        parse_upload("name: é".encode("latin-1"), "p.yaml")


def test_upload_checks_its_name_and_size():
    assert parse_upload(json.dumps(PROJECT).encode(), "P.JSON").services[0].name == "db"
    with pytest.raises(ProjectError, match=r"must end with \.yaml, \.yml, \.json"):
        parse_upload(b"name: P", "project.exe")
    with pytest.raises(ProjectError, match="more than the limit"):
        parse_upload(b" " * (MAX_BYTES + 1), "p.yaml")


# -- duplicate keys, aliases, nesting -------------------------------------------------

def test_duplicate_keys_name_both_lines():
    text = ("name: P\nservices: []\nservices:\n  - name: a\n    kind: custom\n"
            "    components: []\n")
    assert "lines 2 and 3" in str(refused(text))
    nested = "name: P\nservices:\n  - name: a\n    kind: custom\n    name: b\n"
    assert "key 'name' appears twice in the same mapping, at lines 3 and 5" in str(refused(nested))
    as_json = '{"name": "P",\n "services": [],\n "services": [1]}'
    assert "lines 2 and 3" in str(refused(as_json, "json"))
    assert load_json('{"a": 1, "a": 2}', duplicates=True) == {"a": 2}  # HAR files


def test_aliases_are_refused_with_either_parser():
    with pytest.raises(ProjectError, match="aliases"):
        load_yaml("a: &x [1, 2]\nb: *x\n")
    laughs = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(12))
    with pytest.raises(ProjectError, match="aliases"):
        load_yaml(laughs)
    with pytest.raises(ProjectError, match="aliases"):
        load_yaml("a: &r [*r]\n")


def test_too_many_keys_are_refused_while_reading():
    many = {f"k{i}": 1 for i in range(200_000)}
    err = refused(json.dumps({**PROJECT, **many}), "json")
    assert f"at most {MAX_KEYS:,}" in str(err) and len(str(err)) < 200
    yaml_text = "name: P\n" + "".join(f"k{i}: 1\n" for i in range(MAX_KEYS + 1))
    assert "keys" in str(refused(yaml_text))


# -- numbers --------------------------------------------------------------------------

@pytest.mark.parametrize("digits", [400, 5001])
def test_long_integer_literals_are_refused_or_named(digits):
    big = "9" * digits
    for text, fmt in ((f'{{"name": "P", "x": {big}, "services": []}}', "json"),
                      (f"name: P\nzzz: {big}\nservices: []\n", "yaml")):
        err = refused(text, fmt)
        assert len(str(err)) < 400
        if digits > 100:
            assert "at most 100" in str(err) and ("line 1" in str(err) or "line 2" in str(err))
    err = refused({**PROJECT, "services": [{**SERVICE, "components": [
        {"name": "s", "tier": "networks", "activities": [
            {"factor": "electricity", "amount": 10**80, "unit": "kWh"}]}]}]})
    assert err.path == "services[0].components[0].activities[0].amount"


def test_non_numbers_in_strict_json_are_refused():
    with pytest.raises(ProjectError, match="no NaN or Infinity"):
        load_json('{"a": NaN}')


# -- messages stay short --------------------------------------------------------------

def test_messages_quote_a_short_excerpt():
    err = refused({**PROJECT, "audience_country": "x" * 4_000_000})
    assert err.path == "audience_country"
    assert "4,000,000 characters" in str(err) and len(str(err)) < 500
    many = {**PROJECT, "services": [{**SERVICE, f"k{i}": 1} for i in range(1)] + [
        {**SERVICE, "name": f"s{i}", "colour": "red"} for i in range(200)]}
    err = refused(many)
    assert f"… and {201 - MAX_ERRORS:,} more problems" in str(err)
    assert len(err.errors) == 201  # every problem is still there for a program to read


# -- country codes are ASCII letters --------------------------------------------------

@pytest.mark.parametrize("code", ["ß", "fı", "ＦＲ", "F R", "ſs"])
def test_case_folding_does_not_make_a_country(code):
    err = refused({**PROJECT, "audience_country": code})
    assert err.path == "audience_country" and "not a region code" in str(err)


def test_ascii_codes_in_any_case_are_read():
    assert parse_project({**PROJECT, "audience_country": " fr "}).audience_country == "FR"
    assert parse_project({**PROJECT, "hosting_country": "glo"}).hosting_country == "GLO"


# -- quantity text is parsed in linear time -------------------------------------------

@pytest.mark.parametrize("text", ["1 x" + " " * 200_000 + "y", "8 h" + " " * 300_000 + "h",
                                  "1 k" + "\t" * 100_000 + "B", "1" * 100_000 + " h",
                                  "1 " + "é" * 100_000, "1 h" + "\n" * 100_000 + "x"])
def test_long_quantity_text_is_refused_naming_the_field(text):
    err = refused({**PROJECT, "services": [{"name": "v", "kind": "video_streaming",
                                            "hours_viewed": text}]})
    assert err.path == "services[0].hours_viewed"
    assert "at most 100 characters" in str(err) and len(str(err)) < 500


@pytest.mark.parametrize(("text", "hours"), [("-0", 0.0), ("-0 h", 0.0), ("  90 min  ", 1.5)])
def test_quantities_still_read(text, hours):
    svc = {"name": "v", "kind": "video_streaming", "hours_viewed": text}
    value = parse_project({**PROJECT, "services": [svc]}).services[0].hours_viewed
    assert value == hours and str(value) == str(hours)  # -0 is 0, not -0.0


def test_the_public_api_has_the_upload_reader():
    assert footprint.parse_upload is parse_upload


def test_the_event_reader_gives_the_full_loaders_data_and_hands_over_the_rest():
    import datetime
    from pathlib import Path

    import yaml

    from footprint import _yaml_fast
    from footprint.loaders import _yaml_loader

    text = ("a: 1\nb: [1_000, 2.5, yes, off, ~, 2024-01-02, 0x1F, 1:20, '3', .inf, 1e3]\n"
            "c: {d: !!str 12, e: !!int '7'}\n")
    assert _yaml_fast.load(text, 1000, 100) == {
        "a": 1, "b": [1000, 2.5, True, False, None, datetime.date(2024, 1, 2), 31, 80, "3",
                      float("inf"), "1e3"],  # YAML 1.1: "1e3" (no point) is a string
        "c": {"d": "12", "e": 7}}
    for sample in sorted((Path(__file__).parent.parent / "sample_projects").glob("*.yaml")):
        content = sample.read_text(encoding="utf-8")
        assert _yaml_fast.load(content, 1000, 100) == yaml.load(content, Loader=_yaml_loader())  # noqa: S506
    for unusual in ("a: &x 1\nb: *x\n", "a: 1\na: 2\n", "<<: {a: 1}\n", "- !!binary aGk=\n",
                    "? [1]\n: 2\n", "a: 1\n---\nb: 2\n", "a: [1\n", "k: " + "9" * 101 + "\n",
                    "{" + ", ".join(f"k{i}: 1" for i in range(11)) + "}\n"):
        with pytest.raises(_yaml_fast.Unusual):
            _yaml_fast.load(unusual, 10, 100)
