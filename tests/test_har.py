"""HAR parsing: transfer sizes (``_transferSize`` first, then headers + body), requests per
page, averaging, and clear errors with paths for malformed files."""

from __future__ import annotations

import json

import pytest

from footprint.errors import ProjectError
from footprint.har import HarSummary, PageStats, parse_har, summarise_har


def entry(pageref=None, url="https://musee.example/", **response):
    e = {"request": {"method": "GET", "url": url}, "response": {"status": 200, **response}}
    if pageref is not None:
        e["pageref"] = pageref
    return e


# A small HAR written by hand: two pages, Chrome-style _transferSize on most entries, one
# entry with only HAR 1.2 sizes, one with an unknown size (-1 everywhere).
HAR = {"log": {
    "version": "1.2", "creator": {"name": "hand", "version": "0"},
    "pages": [{"id": "page_1", "title": "Accueil", "startedDateTime": "2025-01-01T00:00:00Z"},
              {"id": "page_2", "title": "Collection", "startedDateTime": "2025-01-01T00:01:00Z"}],
    "entries": [
        entry("page_1", "https://musee.example/", _transferSize=30_000, bodySize=29_000,
              headersSize=1000),
        entry("page_1", "https://musee.example/app.js", _transferSize=120_000),
        entry("page_1", "https://musee.example/hero.jpg", bodySize=400_000, headersSize=500),
        entry("page_2", "https://musee.example/collection", _transferSize=50_000),
        entry("page_2", "https://musee.example/tile.jpg", bodySize=-1, headersSize=-1),
    ]}}


def test_pages_requests_and_bytes():
    pages = parse_har(json.dumps(HAR))
    assert [p.page_id for p in pages] == ["page_1", "page_2"]
    first, second = pages
    assert first == PageStats(page_id="page_1", title="Accueil", url="https://musee.example/",
                              requests=3, transfer_bytes=30_000 + 120_000 + 400_500)
    assert first.size_kb == pytest.approx(550.5)
    assert second.requests == 2 and second.transfer_bytes == 50_000
    assert second.entries_without_size == 1


def test_summary_averages_pages():
    s = summarise_har(parse_har(json.dumps(HAR)))
    assert s == HarSummary(pages=2, size_kb=(550.5 + 50.0) / 2, requests=2.5,
                           transfer_bytes=(550_500 + 50_000) / 2)


def test_entry_level_transfer_size_and_bytes_input():
    har = {"log": {"entries": [{"_transferSize": 2000, **entry(bodySize=5)}]}}
    (page,) = parse_har(json.dumps(har).encode("utf-8"))
    assert page.transfer_bytes == 2000 and page.page_id is None
    assert page.title == "https://musee.example/"


def test_har_without_pages_is_one_page():
    har = {"log": {"entries": [entry(bodySize=100, headersSize=10),
                               entry(pageref="x", bodySize=50)]}}
    (page,) = parse_har(json.dumps(har))
    assert page.requests == 2 and page.transfer_bytes == 160


def test_requests_outside_pages_are_kept_apart():
    har = json.loads(json.dumps(HAR))
    har["log"]["entries"].append(entry(None, "https://sw.example/", _transferSize=7))
    pages = parse_har(json.dumps(har))
    assert pages[-1].page_id is None and pages[-1].title == "(requests outside any page)"
    assert pages[-1].transfer_bytes == 7


@pytest.mark.parametrize("text, path, words", [
    ("{not json", "har", "not valid JSON"),
    ("[]", "log", "'log' object"),
    ('{"log": {}}', "log.entries", "must be a list"),
    ('{"log": {"entries": []}}', "log.entries", "no pages and no entries"),
    ('{"log": {"entries": [3]}}', "log.entries[0]", "object"),
    ('{"log": {"entries": [{"request": {}}]}}', "log.entries[0].response", "response"),
    ('{"log": {"entries": [{"response": {"bodySize": "12"}}]}}',
     "log.entries[0].response.bodySize", "number of bytes"),
    ('{"log": {"entries": [{"response": {"bodySize": true}}]}}',
     "log.entries[0].response.bodySize", "number of bytes"),
    ('{"log": {"entries": [{"response": {"_transferSize": -5}}]}}',
     "log.entries[0].response._transferSize", ">= 0"),
    ('{"log": {"pages": [{"id": "a"}], "entries": [{"pageref": "b", "response": {}}]}}',
     "log.entries[0].pageref", "not the id"),
    ('{"log": {"pages": [{"id": "a"}, {"id": "a"}], "entries": []}}', "log.pages[1].id",
     "twice"),
    ('{"log": {"pages": [{"title": "t"}], "entries": []}}', "log.pages[0].id", "string 'id'"),
])
def test_malformed_har_errors_name_the_path(text, path, words):
    with pytest.raises(ProjectError) as exc:
        parse_har(text)
    assert exc.value.path == path
    assert words in str(exc.value)


def test_size_limit_and_types():
    with pytest.raises(ProjectError, match="limit"):
        parse_har(json.dumps(HAR), max_chars=100)
    with pytest.raises(ProjectError, match="UTF-8"):
        parse_har(b"\xff\xfe{}")
    with pytest.raises(ProjectError, match="str or bytes"):
        parse_har(HAR)
    with pytest.raises(ProjectError, match="no pages"):
        summarise_har([])
    with pytest.raises(ProjectError, match="PageStats"):
        summarise_har([{"size_kb": 1}])


def test_deeply_nested_json_is_an_error_not_a_crash():
    with pytest.raises(ProjectError):
        parse_har("[" * 100_000 + "]" * 100_000)
