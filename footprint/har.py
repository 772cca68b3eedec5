"""Page weight and request count from an HTTP Archive (HAR 1.2) file, in memory.

A HAR is what a browser's developer tools save ("Save all as HAR") after loading pages.
:func:`parse_har` reads its text (the caller reads the file: the library does no I/O
here) and returns, for each page of ``log.pages``, the number of requests and the bytes
transferred; :func:`summarise_har` averages several pages into the figures the
``website`` kind and ``footprint web`` take (``size_kb``, ``requests``).

Bytes of one request, in order of preference:

1. ``response._transferSize`` (Chrome, Edge, Firefox: bytes on the wire, headers and
   compressed body), or ``_transferSize`` on the entry itself;
2. ``response.headersSize + response.bodySize`` (HAR 1.2 fields; ``-1`` = unknown, counted
   as 0). Entries whose size is unknown in every field are counted as 0 bytes and
   reported in :attr:`PageStats.entries_without_size`.

This is the weight Ecoindex uses (compressed transfer size, /1000 for kB). A HAR carries
no DOM node count; measure it separately.

Entries are grouped by ``pageref``. A HAR without ``pages`` is one page. Entries with no
``pageref`` in a HAR that has pages form an extra page (``page_id=None``, title
``"(requests outside any page)"``) so that nothing is silently dropped.

References
----------
.. [1] W3C Web Performance WG, "HTTP Archive (HAR) format", 1.2,
   https://w3c.github.io/web-performance/specs/HAR/Overview.html
.. [2] Ecoindex, measurement protocol (size = sum of ``_transferSize`` / 1000),
   https://www.ecoindex.fr/en/how-it-works/
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ProjectError, excerpt

__all__ = ["MAX_HAR_CHARS", "PageStats", "HarSummary", "parse_har", "summarise_har"]

#: Largest HAR text accepted by default [characters]; HARs with response bodies can be
#: big, pass ``max_chars`` to go further.
MAX_HAR_CHARS = 20_000_000

_OUTSIDE = "(requests outside any page)"
#: Largest size of one request accepted [bytes]: a terabyte is far above any web request.
MAX_ENTRY_BYTES = 1e12


@dataclass(frozen=True)
class PageStats:
    """What one page load transferred.

    Attributes
    ----------
    page_id : str or None
        ``log.pages[].id``; None for requests outside any page.
    title : str
        Page title (often its URL).
    url : str
        URL of the page's first request.
    requests : int
        HTTP requests (HAR entries) [count].
    transfer_bytes : float
        Bytes transferred [B].
    entries_without_size : int
        Entries whose size was unknown, counted as 0 bytes [count].
    """

    page_id: str | None
    title: str
    url: str
    requests: int
    transfer_bytes: float
    entries_without_size: int = 0

    @property
    def size_kb(self) -> float:
        """Bytes transferred / 1000 [kB], as Ecoindex counts them."""
        return self.transfer_bytes / 1000.0


@dataclass(frozen=True)
class HarSummary:
    """Average of several pages (arithmetic mean per page).

    Attributes
    ----------
    pages : int
        Pages averaged [count].
    size_kb : float
        Mean bytes transferred / 1000 [kB].
    requests : float
        Mean requests per page [count].
    transfer_bytes : float
        Mean bytes transferred [B].
    """

    pages: int
    size_kb: float
    requests: float
    transfer_bytes: float


def _fail(message: str, path: str, value: object = None):
    raise ProjectError(message, path=path, value=value)


def _size(value, path: str) -> float | None:
    """A HAR size field: a number >= 0, or None when absent or -1 (unknown)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(f"expected a number of bytes, got {excerpt(value)}", path, value)
    if not -1 <= value <= MAX_ENTRY_BYTES:  # also NaN; a huge int is compared exactly
        _fail(f"expected a number of bytes >= 0 and at most {MAX_ENTRY_BYTES:.0e} (or -1 for "
              f"unknown), got {excerpt(value)}", path, value)
    if value < 0:
        if value == -1:
            return None
        _fail(f"expected a number of bytes >= 0 (or -1 for unknown), got {excerpt(value)}",
              path, value)
    return float(value)


def _entry_bytes(entry: dict, path: str) -> float | None:
    response = entry.get("response")
    if not isinstance(response, dict):
        _fail("each entry needs a 'response' object", f"{path}.response", response)
    for where, obj in (("response._transferSize", response), ("_transferSize", entry)):
        size = _size(obj.get("_transferSize"), f"{path}.{where}")
        if size is not None:
            return size
    headers = _size(response.get("headersSize"), f"{path}.response.headersSize")
    body = _size(response.get("bodySize"), f"{path}.response.bodySize")
    if headers is None and body is None:
        return None
    return (headers or 0.0) + (body or 0.0)


def _entry_url(entry: dict) -> str:
    request = entry.get("request")
    url = request.get("url") if isinstance(request, dict) else None
    return url if isinstance(url, str) else ""


def parse_har(text: str | bytes, *, max_chars: int = MAX_HAR_CHARS) -> list[PageStats]:
    """Pages of a HAR with their requests and bytes transferred.

    Parameters
    ----------
    text : str or bytes
        The HAR's content (JSON; bytes are decoded as UTF-8).
    max_chars : int
        Largest accepted size [characters or bytes].

    Returns
    -------
    list of PageStats
        One per ``log.pages`` entry in file order (or one for a HAR without pages), plus
        one for requests outside any page if there are some.

    Raises
    ------
    ProjectError
        Text too large, not JSON, not a HAR, or a malformed entry (the path names it,
        e.g. ``log.entries[3].response.bodySize``).
    """
    if not isinstance(text, str | bytes | bytearray):
        _fail(f"expected the HAR's text (str or bytes), got {type(text).__name__}", "har")
    if len(text) > max_chars:
        _fail(f"HAR is {len(text):,} characters, more than the limit of {max_chars:,}; "
              "save it without response bodies or raise max_chars", "har")
    from .loaders import decode_text, load_json

    if isinstance(text, bytes | bytearray):
        text = decode_text(bytes(text), field="har")
    # the project files' JSON reader: numbers of at most 100 characters, no NaN, bounded
    # nesting; repeated keys are let through (browsers write HARs, not people)
    data = load_json(text, field="har", duplicates=True)
    log = data.get("log") if isinstance(data, dict) else None
    if not isinstance(log, dict):
        _fail("not a HAR: the top level must be an object with a 'log' object", "log")
    entries = log.get("entries")
    if not isinstance(entries, list):
        _fail("not a HAR: 'log.entries' must be a list", "log.entries")
    pages = log.get("pages") or []
    if not isinstance(pages, list):
        _fail("'log.pages' must be a list", "log.pages")

    order: dict[str | None, dict] = {}
    for i, page in enumerate(pages):
        pid = page.get("id") if isinstance(page, dict) else None
        if not isinstance(pid, str):
            _fail("each page needs a string 'id'", f"log.pages[{i}].id", pid)
        if pid in order:
            _fail(f"page id {excerpt(pid)} appears twice", f"log.pages[{i}].id", pid)
        title = page.get("title")
        order[pid] = {"title": title if isinstance(title, str) else pid, "url": "",
                      "requests": 0, "bytes": 0.0, "unknown": 0}
    has_pages = bool(order)
    for i, entry in enumerate(entries):
        path = f"log.entries[{i}]"
        if not isinstance(entry, dict):
            _fail("each entry must be an object", path, entry)
        ref = entry.get("pageref") if has_pages else None
        if ref is not None and not isinstance(ref, str):
            _fail(f"pageref must be the id (a string) of a page in log.pages, got "
                  f"{type(ref).__name__} {excerpt(ref)}", f"{path}.pageref", ref)
        if ref is not None and ref not in order:
            _fail(f"pageref {excerpt(ref)} is not the id of any page in log.pages",
                  f"{path}.pageref", ref)
        if ref is None and None not in order:
            order[None] = {"title": _OUTSIDE if pages else "", "url": "", "requests": 0,
                           "bytes": 0.0, "unknown": 0}
        acc = order[ref]
        size = _entry_bytes(entry, path)
        acc["requests"] += 1
        acc["bytes"] += size or 0.0
        acc["unknown"] += size is None
        if not acc["url"]:
            acc["url"] = _entry_url(entry)
    if not order:
        _fail("the HAR has no pages and no entries", "log.entries")
    return [PageStats(page_id=pid, title=acc["title"] or acc["url"], url=acc["url"],
                      requests=acc["requests"], transfer_bytes=acc["bytes"],
                      entries_without_size=acc["unknown"])
            for pid, acc in order.items()]


def summarise_har(pages) -> HarSummary:
    """Mean weight and request count of several pages (e.g. from :func:`parse_har`).

    Parameters
    ----------
    pages : sequence of PageStats
        Pages to average, each counted once.

    Returns
    -------
    HarSummary
    """
    pages = list(pages)
    if not pages:
        _fail("no pages to summarise", "pages")
    for i, p in enumerate(pages):
        if not isinstance(p, PageStats):
            _fail(f"expected PageStats, got {type(p).__name__}", f"pages[{i}]")
    n = len(pages)
    mean_bytes = sum(p.transfer_bytes for p in pages) / n
    return HarSummary(pages=n, size_kb=mean_bytes / 1000.0,
                      requests=sum(p.requests for p in pages) / n, transfer_bytes=mean_bytes)
