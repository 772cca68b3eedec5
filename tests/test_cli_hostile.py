"""The issue-9 battery through the command line: each hostile input exits 2 with one short
message naming the field, or gives a finite, plausible result — never a traceback, a hang
or an absurd figure."""

from __future__ import annotations

import csv
import io
import json
import math
import os

import pytest

from footprint.cli import main



def write(tmp_path, data, name="p.yaml", raw: bytes | None = None):
    path = tmp_path / name
    path.write_bytes(raw if raw is not None else json.dumps(data).encode())
    return str(path)


def custom(amount, name="c", component="comp"):
    return {"name": name, "kind": "custom", "components": [
        {"name": component, "tier": "data_centres",
         "activities": [{"factor": "electricity", "amount": amount}]}]}


def refused(capsys, argv, path_words):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("footprint: error: ") and "Traceback" not in err
    assert path_words in err, err
    assert len(err) < 2000
    return err


# -- special files: never opened, never blocking ---------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("argv", [["assess", "{p}"], ["web", "--har", "{p}", "--nodes", "9"],
                                  ["web", "--csv", "{p}"]])
def test_named_pipes_are_refused(tmp_path, capsys, argv):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused(capsys, [a.format(p=fifo) for a in argv], "named pipe (FIFO), not a regular file")


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom"])
def test_devices_and_directories_are_refused(tmp_path, capsys, path):
    if not os.path.exists(path):
        pytest.skip(f"{path} does not exist here")
    refused(capsys, ["assess", path], "character device")
    refused(capsys, ["assess", str(tmp_path)], "directory")
    refused(capsys, ["web", "--har", path, "--nodes", "5"], "--har")


# -- nothing happens: 0 in every output format -----------------------------------------

NOTHING = [
    {"name": "v", "kind": "video_streaming", "hours_viewed": 0},
    {"name": "v", "kind": "video_streaming", "hours_viewed": -0.0},
    {"name": "v", "kind": "video_streaming", "hours_viewed": "-0 h"},
    {"name": "v", "kind": "video_streaming", "views": 0, "average_view_duration": "5 min"},
    {"name": "a", "kind": "audio_streaming", "listens": 0, "average_listen_duration": "30 min"},
    {"name": "w", "kind": "website", "visits_per_year": 0, "page_weight": "2 MB"},
]


@pytest.mark.parametrize("service", NOTHING, ids=lambda s: str(list(s.values())[2:]))
def test_a_service_where_nothing_happens_assesses_to_zero(tmp_path, capsys, service):
    path = write(tmp_path, {"name": "P", "services": [service]})
    assert main(["assess", path]) == 0
    out = capsys.readouterr().out
    assert "Traceback" not in out and "nan" not in out.lower()
    assert main(["assess", path, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    totals = {t["indicator"]: t["total"] for t in data["totals"]}
    assert totals["climate_change"] == 0.0 and not str(totals["climate_change"]).startswith("-")
    assert data["climate_change_by_service_kgco2e"] == {service["name"]: 0.0}
    assert main(["assess", path, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sum(float(r["impact"] or 0) for r in rows) == 0.0


def test_the_zero_service_does_not_hide_the_others(tmp_path, capsys):
    path = write(tmp_path, {"name": "P", "services": [NOTHING[0], custom("10 kWh")]})
    assert main(["assess", path, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["climate_change_by_service_kgco2e"]["v"] == 0.0
    assert data["climate_change_by_service_kgco2e"]["c"] > 0


# -- absurd magnitudes are refused with the field or the service named -----------------

@pytest.mark.parametrize(("services", "fu", "where"), [
    ([custom("1e306 kWh")], None, "services[0].components[0].activities[0].amount"),
    ([{**custom("1e300 kWh"), "components": [{"name": "x", "tier": "data_centres",
                                              "activities": [{"factor": "electricity",
                                                              "amount": "1e300 kWh"}] * 3}]}],
     None, "activities[2].amount"),
    ([custom("1e307 kWh", name=f"s{i}") for i in range(12)], None, "services[11]"),
    ([custom("1 kWh")], 5e-324, "functional_unit.quantity"),
    ([{"name": "v", "kind": "video_streaming", "hours_viewed": "1e300 h"}], None,
     "services[0].hours_viewed"),
    ([{"name": "s", "kind": "onsite_screens", "days_open_per_year": 300,
       "equipment": [{"device": "kiosk", "count": 1, "hours_per_day": 8,
                      "lifetime": "1 ns"}]}], None, "services[0].equipment[0].lifetime"),
    ([{"name": "s", "kind": "onsite_screens", "days_open_per_year": 300,
       "equipment": [{"device": "kiosk", "count": 1, "hours_per_day": 8,
                      "lifetime": "1e-305 year"}]}], None, "1 day"),
])
def test_absurd_magnitudes_are_refused(tmp_path, capsys, services, fu, where):
    project = {"name": "P", "services": services}
    if fu is not None:
        project["functional_unit"] = {"name": "x", "quantity": fu}
    refused(capsys, ["assess", write(tmp_path, project)], where)


def test_a_lifetime_message_states_the_bound(tmp_path, capsys):
    project = {"name": "P", "services": [{"name": "s", "kind": "onsite_screens",
               "days_open_per_year": 300, "equipment": [
                   {"device": "kiosk", "count": 1, "hours_per_day": 8, "lifetime": "1 ns"}]}]}
    err = refused(capsys, ["assess", write(tmp_path, project)], "lifetime")
    assert "lifetime of 1 ns is below the minimum: it must be greater than or equal to 1 day" in err


def test_an_overflowing_flow_is_refused_naming_the_service(tmp_path, capsys):
    # each figure within its bounds, the product (TWh × 10**12) is not a plausible flow
    project = {"name": "P", "services": [custom("1 kWh", name="ok"),
                                         custom("1e12 TWh", name="huge")]}
    err = refused(capsys, ["assess", write(tmp_path, project)], "services[1]")
    assert "'huge'" in err and "out of range" in err


# -- text that reaches the terminal and the spreadsheets -------------------------------

def test_terminal_escapes_are_stripped(tmp_path, capsys):
    evil = "\x1b]0;owned\x07\x1b[31mRED\x1b[0m\u202egnp.exe\r"
    path = write(tmp_path, {"name": "P" + evil, "services": [custom("1 kWh", name=evil)]})
    assert main(["assess", path]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\r" not in out and "\u202e" not in out
    assert "RED" in out
    bad = write(tmp_path, {"name": "P", "audience_country": "\x1b[2J", "services": [
        custom("1 kWh")]}, name="bad.yaml")
    err = refused(capsys, ["assess", bad], "audience_country")
    assert "\x1b" not in err


def test_carriage_returns_cannot_smuggle_formulas(tmp_path, capsys):
    path = write(tmp_path, {"name": "x\r=1+1", "services": [
        custom("1 kWh", name="x\r=1+1", component="safe\r-2+3+cmd|' /C calc'!A0")]})
    assert main(["assess", path, "--format", "csv"]) == 0
    text = capsys.readouterr().out
    assert "\r" not in text
    for row in csv.reader(io.StringIO(text)):
        assert all(cell.lstrip(" ")[:1] not in ("=", "+", "-", "@")
                   for cell in row for cell in cell.split("\n")), row


def test_a_bom_json_project_reads_in_the_cli(tmp_path, capsys):
    raw = b"\xef\xbb\xbf" + json.dumps({"name": "P", "services": [custom("1 kWh")]}).encode()
    assert main(["assess", write(tmp_path, None, name="p.json", raw=raw)]) == 0


def test_huge_error_messages_are_short(tmp_path, capsys):
    many = {"name": "P", "services": [custom("1 kWh")], **{f"k{i}": 1 for i in range(200_000)}}
    refused(capsys, ["assess", write(tmp_path, many, name="p.json")], "at most 1,000")
    big = {"name": "P", "services": [custom("1 kWh")], "audience_country": "x" * 4_000_000}
    refused(capsys, ["assess", write(tmp_path, big)], "audience_country")


# -- HAR and page CSV edge cases -------------------------------------------------------

def har(entries, pages=({"id": "p1", "title": "Home"},)):
    return json.dumps({"log": {"version": "1.2", "pages": list(pages), "entries": entries}})


@pytest.mark.parametrize(("text", "where"), [
    (har([{"pageref": ["p1"], "response": {"bodySize": 10}}]), "log.entries[0].pageref"),
    (har([{"pageref": {"id": "p1"}, "response": {"bodySize": 10}}]), "log.entries[0].pageref"),
    (har([{"pageref": "p1", "response": {"bodySize": 1}}]).replace('"bodySize": 1',
                                                                     '"bodySize": ' + "9" * 400),
     "at most 100"),
    (har([{"pageref": "p1", "response": {"bodySize": 1}}]).replace('"bodySize": 1',
                                                                     '"bodySize": ' + "9" * 5001),
     "at most 100"),
    (har([{"pageref": "p1", "response": {"bodySize": 1e300}}]), "response.bodySize"),
])
def test_hostile_har_files_are_refused(tmp_path, capsys, text, where):
    path = write(tmp_path, None, name="x.har", raw=text.encode())
    refused(capsys, ["web", "--har", path, "--nodes", "100"], where)


def test_har_titles_and_csv_urls_are_inert(tmp_path, capsys):
    text = har([{"pageref": "p1", "request": {"url": "\r=HYPERLINK(1)"},
                 "response": {"_transferSize": 2000}}],
               pages=[{"id": "p1", "title": "\r@SUM(1)"}])
    path = write(tmp_path, None, name="x.har", raw=text.encode())
    assert main(["web", "--har", path, "--nodes", "100", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["url"] == "\n'=HYPERLINK(1)"
    pages = tmp_path / "pages.csv"
    pages.write_bytes(b"url,size_kb,requests,nodes\n\"\r=cmd|' /C calc'!A0\",100,10,100\n")
    assert main(["web", "--csv", str(pages), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["url"] == "\n'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(("cell", "words"), [
    ("1" * 5000, "not a number from 0"), ("1e400", "not a number from 0"),
    ("nan", "not a number from 0"), ("1e9", "from 0 to 1e+07"), ("1" * 50, "not a number"),
])
def test_page_csv_numbers_have_limits(tmp_path, capsys, cell, words):
    pages = tmp_path / "pages.csv"
    pages.write_text(f"url,size_kb,requests,nodes\n/a,{cell},10,100\n")
    refused(capsys, ["web", "--csv", str(pages)], words)


def test_page_csv_bom_is_dropped(tmp_path, capsys):
    pages = tmp_path / "pages.csv"
    pages.write_bytes(b"\xef\xbb\xbfurl,size_kb,requests,nodes\n/a,100,10,100\n")
    assert main(["web", "--csv", str(pages), "--format", "json"]) == 0
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert page["url"] == "/a" and math.isfinite(page["swd_v4_gco2e"])
