"""A careful JSON client for factor updates: timeouts, bounded retries with backoff on 429
and 5xx, a size limit on responses, and clear errors for HTML pages and broken JSON.

``requests`` is imported inside :class:`JsonClient` only (``import footprint`` never loads it).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from ..errors import FactorUpdateError

__all__ = ["JsonClient", "OFFLINE"]

#: appended to every update error: nothing changed on disk
OFFLINE = "the embedded factor data stay in use, unchanged"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class JsonClient:
    """GET JSON documents under one base URL.

    Parameters
    ----------
    base_url : str
        Every request goes to this URL or below it (a ``next`` link elsewhere is refused).
    timeout : float
        Connect and read timeout of one attempt [s].
    retries : int
        Further attempts after a 429, a 5xx, a timeout or a dropped connection.
    backoff : float
        First wait between attempts [s], doubled each time; a ``Retry-After`` header is
        obeyed up to ``max_wait``.
    max_bytes : int
        Largest response accepted [B].
    headers : dict, optional
        Sent with every request (e.g. an API token).
    sleep : callable
        Waits between attempts (tests pass a recorder).
    """

    def __init__(self, base_url: str, *, timeout: float = 30.0, retries: int = 3,
                 backoff: float = 1.0, max_wait: float = 60.0, max_bytes: int = 50_000_000,
                 headers: dict[str, str] | None = None,
                 sleep: Callable[[float], None] = time.sleep, name: str = "source"):
        if not base_url.startswith(("https://", "http://")):
            raise FactorUpdateError(f"base URL {base_url!r} must start with https:// (or "
                                    f"http:// for a local mirror); {OFFLINE}")
        self.base_url = base_url.rstrip("/")
        self.timeout, self.retries, self.backoff = timeout, int(retries), backoff
        self.max_wait, self.max_bytes, self.sleep, self.name = max_wait, max_bytes, sleep, name
        self.headers = {"Accept": "application/json", **(headers or {})}
        self.requests_made: list[str] = []

    def url(self, path: str = "") -> str:
        return self.base_url + ("/" + path.lstrip("/") if path else "")

    def get(self, path_or_url: str = "", params: dict[str, Any] | None = None) -> Any:
        """The decoded JSON at ``path_or_url`` (a path below the base, or a full URL under it)."""
        import requests

        url = path_or_url if path_or_url.startswith(("http://", "https://")) else \
            self.url(path_or_url)
        if not (url == self.base_url or url.startswith(self.base_url + "/")
                or url.startswith(self.base_url + "?")):
            raise FactorUpdateError(f"{self.name}: refusing to follow a link outside "
                                    f"{self.base_url}: {url[:200]}; {OFFLINE}")
        wait = self.backoff
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            self.requests_made.append(url)
            try:
                with requests.get(url, params=params, headers=self.headers, stream=True,
                                  timeout=(self.timeout, self.timeout),
                                  allow_redirects=False) as resp:
                    if resp.status_code in RETRY_STATUSES and not last:
                        self.sleep(min(self._retry_after(resp) or wait, self.max_wait))
                        wait *= 2
                        continue
                    return self._decode(resp)
            except requests.Timeout:
                problem = f"no answer within {self.timeout:g} s"
            except requests.ConnectionError as exc:
                problem = f"cannot connect ({type(exc).__name__})"
            except requests.RequestException as exc:
                raise FactorUpdateError(f"{self.name}: request failed: {exc}; {OFFLINE}") \
                    from None
            if last:
                raise FactorUpdateError(f"{self.name}: {problem} from {self.base_url} after "
                                        f"{self.retries + 1} attempt(s) (offline?); {OFFLINE}")
            self.sleep(min(wait, self.max_wait))
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _retry_after(resp) -> float | None:
        try:
            return max(0.0, float(resp.headers.get("Retry-After", "")))
        except ValueError:
            return None

    def _decode(self, resp) -> Any:
        where = f"{self.name} ({resp.url[:160]})"
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FactorUpdateError(f"{where}: the response ({int(declared):,} bytes) is larger "
                                    f"than the {self.max_bytes:,}-byte limit; {OFFLINE}")
        body = bytearray()
        for chunk in resp.iter_content(chunk_size=65536):
            body += chunk
            if len(body) > self.max_bytes:
                raise FactorUpdateError(f"{where}: the response is larger than the "
                                        f"{self.max_bytes:,}-byte limit; {OFFLINE}")
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
        text = bytes(body[:300]).decode("utf-8", "replace")
        if resp.status_code >= 400:
            detail = _error_detail(body) if ctype.endswith("json") else " ".join(text.split())
            raise FactorUpdateError(f"{where}: HTTP {resp.status_code}"
                                    + (f": {detail[:200]}" if detail else "") + f"; {OFFLINE}")
        if resp.status_code >= 300:
            raise FactorUpdateError(f"{where}: HTTP {resp.status_code} redirect to "
                                    f"{resp.headers.get('Location', '?')[:160]} (give that "
                                    f"address as the base URL); {OFFLINE}")
        if "html" in ctype or text.lstrip().lower().startswith(("<!doctype", "<html")):
            raise FactorUpdateError(f"{where}: an HTML page came back instead of JSON (a "
                                    f"proxy or error page?); {OFFLINE}")
        if not ctype.endswith("json"):
            raise FactorUpdateError(f"{where}: expected JSON, got Content-Type "
                                    f"{ctype or 'none'!r}; {OFFLINE}")
        try:
            return json.loads(bytes(body))
        except (ValueError, RecursionError) as exc:
            raise FactorUpdateError(f"{where}: malformed JSON ({exc}); {OFFLINE}") from None


def _error_detail(body: bytes) -> str:
    try:
        doc = json.loads(bytes(body))
    except ValueError:
        return ""
    if isinstance(doc, dict):
        for key in ("message", "error", "detail", "error_code"):
            if doc.get(key):
                return str(doc[key])
    return ""
