"""Sources stage: a generic client of the Socrata Open Data API (SODA) that reads any dataset, resiliently.

:class:`SocrataClient` reads one dataset of one portal: its row count, its
metadata and its rows page by page, by keyset on the system field ``:id``
(``$order=:id`` and ``$where=:id > 'last id'``, so a row added or removed
while paging cannot shift the pages). :func:`download_dataset` pages through
the whole dataset and checks that what arrived is one consistent version of it
(its ``count(*)`` and ``rowsUpdatedAt`` before and after, the version header
of every page, no row twice, no key more often than the source itself holds
it), downloading once more from the beginning if not. It knows no dataset: the
portal, dataset id and key field are arguments (a
:class:`~mwbe_match.sources.SourceSpec` holds them for each directory), and
normalizing and caching the rows is the directory stage's job
(:func:`mwbe_match.fetch_directory`).

Transient failures (HTTP 429, 5xx, dropped connections, timeouts, a
response slower in all than its deadline, truncated or non-JSON bodies, a
page that repeats rows already received) are retried
with exponential backoff and jitter, honoring ``Retry-After``, within the
bounds of a :class:`RetryPolicy`; when those run out a :class:`FetchError`
says which page failed and why.

The app token is checked when the client is built (no whitespace or control
characters) and sent only as the ``X-App-Token`` header. It never appears in
log messages, exception text or reprs.

Log messages go to the ``mwbe_match.socrata`` logger.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import json
import logging
import random
import re
import time
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Union
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import requests
import urllib3

from .._progress import progress_bar
from .._version import __version__
from ..validation import positive_int

__all__ = [
    "SocrataClient",
    "RetryPolicy",
    "FetchError",
    "Page",
    "Download",
    "download_dataset",
    "check_app_token",
    "parse_retry_after",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_TIMEOUT",
    "DEFAULT_DEADLINE",
    "TOKEN_ENV_VAR",
]

logger = logging.getLogger("mwbe_match.socrata")

#: Rows per request.
DEFAULT_PAGE_SIZE = 2000
#: Seconds to wait for the server to connect and for each read.
DEFAULT_TIMEOUT = 30.0
#: Seconds one request may take in all (connecting, headers and the whole body).
DEFAULT_DEADLINE = 120.0
#: Environment variable read when no ``app_token`` is passed.
TOKEN_ENV_VAR = "SOCRATA_APP_TOKEN"

_DATASET_ID = re.compile(r"^[a-z0-9]{4}-[a-z0-9]{4}$")
_MAX_REDIRECTS = 5
#: rowsUpdatedAt outside this range (seconds since 1970) is not believed: 1990-01-01 to a day from now
_EARLIEST_UPDATE = 631_152_000


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


_TRANSIENT = (
    requests.exceptions.ConnectionError,
    requests.exceptions.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)
_REDACTED = "***"

Timeout = Union[float, tuple[float, float]]


class FetchError(RuntimeError):
    """Downloading the directory failed; nothing was written to the cache.

    Attributes:
        offset: the position of the page that failed (how many rows came
            before it), or ``None`` when the failure was not a page (the row
            count, a dataset that kept changing, a missing field, ...).
        after_id: the ``:id`` the failed page was to start after (``None``
            for the first page and for failures that were not a page).
        url: the request URL (never with the app token).
        reason: what went wrong, in words.
    """

    def __init__(self, message: str, *, offset: int | None = None, url: str | None = None,
                 reason: str | None = None, after_id: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
        self.after_id = after_id
        self.url = url
        self.reason = reason or message


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try before giving up.

    Attributes:
        max_retries: retries of one request after its first attempt.
        backoff: seconds before the first retry; doubled for each later one.
        max_backoff: ceiling of one computed wait (a server's ``Retry-After``
            is honored as given, within the total budget).
        total_budget_seconds: the most time spent waiting between retries
            over a whole fetch; once a wait would exceed it, the fetch fails.
        jitter: spread waits over ``[d * (1 - jitter), d]`` so that clients
            do not retry in lockstep (0 disables it).
    """

    max_retries: int = 5
    backoff: float = 1.0
    max_backoff: float = 60.0
    total_budget_seconds: float = 300.0
    jitter: float = 0.5

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_retries", positive_int("RetryPolicy.max_retries", self.max_retries, minimum=0))
        for name in ("backoff", "max_backoff", "total_budget_seconds"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or value < 0:
                raise ValueError(f"RetryPolicy.{name} must be a number of seconds >= 0, got {value!r}")
        if not 0 <= self.jitter <= 1:
            raise ValueError(f"RetryPolicy.jitter must be between 0 and 1, got {self.jitter!r}")

    def delay(self, retry: int, rng: random.Random | None = None) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first)."""
        ceiling = min(self.max_backoff, self.backoff * 2.0 ** max(retry - 1, 0))
        spread = (rng or random).uniform(1.0 - self.jitter, 1.0) if self.jitter else 1.0
        return ceiling * spread


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (delta-seconds or HTTP date); ``None`` if absent or invalid."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=_dt.timezone.utc)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


class _Retryable(Exception):
    """One attempt failed in a way worth retrying."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class _Fatal(Exception):
    """One attempt failed in a way retrying will not fix (HTTP 4xx other than 429)."""


class _Budget:
    """Wait time left for retries over one fetch."""

    def __init__(self, seconds: float) -> None:
        self.left = float(seconds)


def _sanitize_url(url: str) -> str:
    """``url`` without user info and without a ``$$app_token`` query parameter."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() not in ("$$app_token", "app_token")])
    return urlunsplit((parts.scheme, netloc, parts.path, query, ""))


class SocrataClient:
    """Read one SODA dataset: its row count, its pages, its last-updated time.

    ``base_url`` is the portal (``https://data.cityofnewyork.us``) and
    ``dataset_id`` the dataset's id on it (``ci93-uc8s``). Build once, then call :meth:`count`, :meth:`pages`, :meth:`view` and
    :meth:`repeated_values`. ``timeout`` bounds connecting and each read;
    ``deadline`` bounds one request in all, so a body that trickles in is
    retried rather than waited for. ``session`` (e.g. one with proxies or certificates configured) is used
    as given and not closed; without one, the client makes and owns a
    :class:`requests.Session`. The app token goes only into the
    ``X-App-Token`` header of each request.
    """

    def __init__(
        self,
        base_url: str,
        dataset_id: str,
        *,
        app_token: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
        deadline: float | None = DEFAULT_DEADLINE,
    ) -> None:
        check_app_token(app_token)
        parts = urlsplit(str(base_url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must look like https://host, got {_sanitize_url(str(base_url))!r}")
        if not isinstance(dataset_id, str) or not _DATASET_ID.match(dataset_id):
            raise ValueError(f"dataset_id must be a Socrata id like 'ci93-uc8s', got {dataset_id!r}")
        _check_timeout(timeout)
        if deadline is not None and (isinstance(deadline, bool) or not isinstance(deadline, (int, float))
                                     or not deadline > 0):
            raise ValueError(f"deadline must be a number of seconds > 0 or None, got {deadline!r}")
        self.base_url = str(base_url).rstrip("/")
        self.dataset_id = dataset_id
        self.timeout = timeout
        self.deadline = deadline
        self.retry = retry or RetryPolicy()
        self._token = app_token or None
        self._headers = {"Accept": "application/json", "User-Agent": f"mwbe_match/{__version__}"}
        if self._token:
            self._headers["X-App-Token"] = self._token
        self._own_session = session is None
        self._session = session if session is not None else requests.Session()
        self._budget = _Budget(self.retry.total_budget_seconds)
        self._rng = random.Random()

    @property
    def resource_url(self) -> str:
        """The dataset's SODA resource URL, without the token."""
        return _sanitize_url(f"{self.base_url}/resource/{self.dataset_id}.json")

    @property
    def views_url(self) -> str:
        """The dataset's metadata URL, without the token."""
        return _sanitize_url(f"{self.base_url}/api/views/{self.dataset_id}.json")

    def __repr__(self) -> str:
        token = _REDACTED if self._token else None
        return (f"SocrataClient(base_url={_sanitize_url(self.base_url)!r}, dataset_id={self.dataset_id!r}, "
                f"app_token={token!r}, timeout={self.timeout!r}, deadline={self.deadline!r}, retry={self.retry!r})")

    @property
    def has_token(self) -> bool:
        """Whether requests carry an app token."""
        return bool(self._token)

    def close(self) -> None:
        """Close the session if the client made it."""
        if self._own_session:
            self._session.close()

    def __enter__(self) -> "SocrataClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- requests

    def _redact(self, text: str) -> str:
        """``text`` with the app token (and its stripped and escaped forms) replaced by ``***``."""
        if not self._token:
            return text
        for form in {self._token, self._token.strip(), repr(self._token)[1:-1]}:
            if form:
                text = text.replace(form, _REDACTED)
        return text

    def _log(self, level: int, message: str, *args: Any) -> None:
        """Log through the redactor: every line that can carry request data goes here."""
        if logger.isEnabledFor(level):
            logger.log(level, "%s", self._redact(message % args if args else message))

    def _request_timeout(self, deadline_at: float | None) -> Timeout:
        if deadline_at is None:
            return self.timeout
        left = max(deadline_at - time.monotonic(), 0.001)
        if isinstance(self.timeout, tuple):
            return (min(self.timeout[0], left), min(self.timeout[1], left))
        return min(self.timeout, left)

    def _send(self, url: str, params: Mapping[str, str] | None = None,
              deadline_at: float | None = None) -> requests.Response:
        """GET ``url`` (streamed), following redirects here rather than in requests.

        requests keeps custom headers on a redirect to another host; the app
        token must only ever reach the origin the caller named, so it is
        dropped as soon as a redirect leaves that origin. A redirect to
        anything but an http(s) URL with a host is refused (:class:`_Fatal`).
        """
        headers = dict(self._headers)
        origin = _origin(url)
        for _ in range(_MAX_REDIRECTS + 1):
            resp = self._session.get(url, params=params, headers=headers, timeout=self._request_timeout(deadline_at),
                                     allow_redirects=False, stream=True)
            if not resp.is_redirect:
                return resp
            raw_location = resp.headers.get("Location", "")
            resp.close()
            try:
                location = urljoin(resp.url, raw_location)
                parts = urlsplit(location)
                parts.port  # noqa: B018 - raises ValueError on a malformed port
            except ValueError:
                raise _Fatal(f"the server redirected to a malformed URL ({raw_location[:200]!r})") from None
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise _Fatal(f"the server redirected to {_sanitize_url(location)[:200]!r}, which is not an "
                             "http(s) URL; refusing to follow it")
            if _origin(location) != origin:
                headers.pop("X-App-Token", None)
            url, params = location, None
        raise requests.exceptions.TooManyRedirects(f"more than {_MAX_REDIRECTS} redirects")

    def _read_body(self, resp: requests.Response, deadline_at: float | None) -> bytes:
        """The whole (decoded) body, read piece by piece so that the request's deadline holds."""
        chunks: list[bytes] = []
        size = 0
        while True:
            if deadline_at is not None and time.monotonic() > deadline_at:
                raise _Retryable(f"the response took longer than its {self.deadline:g} s deadline "
                                 f"({size} bytes of the body had arrived)")
            try:
                chunk = resp.raw.read1(65536, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                raise _Retryable(f"connection broken while reading the body ({_describe_exception(exc)})") from None
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)

    def _attempt(self, url: str, params: Mapping[str, str]) -> tuple[Any, requests.structures.CaseInsensitiveDict]:
        """One GET within the deadline; the decoded JSON and the response headers, or :class:`_Retryable`."""
        deadline_at = time.monotonic() + self.deadline if self.deadline is not None else None
        try:
            resp = self._send(url, params, deadline_at)
        except _TRANSIENT as exc:
            raise _Retryable(f"{_describe_exception(exc)}") from None
        except requests.exceptions.TooManyRedirects as exc:
            raise _Fatal(str(exc)) from None
        except (requests.exceptions.RequestException, ValueError) as exc:  # malformed URL, unknown scheme, ...
            raise _Fatal(f"the request could not be made: malformed URL in it or in a redirect "
                         f"({_describe_exception(exc)})") from None
        with resp:
            if resp.status_code == 429 or (resp.status_code >= 500 and resp.status_code != 501):
                raise _Retryable(f"HTTP {resp.status_code} {resp.reason or ''}".rstrip(),
                                 parse_retry_after(resp.headers.get("Retry-After")))
            body = self._read_body(resp, deadline_at)
            if resp.status_code >= 400:
                raise _Fatal(f"HTTP {resp.status_code} {resp.reason or ''}".rstrip()
                             + _server_message(body) + _status_hint(resp.status_code, bool(self._token)))
            try:
                return json.loads(body), resp.headers
            except (ValueError, UnicodeDecodeError):
                kind = resp.headers.get("Content-Type", "unknown type")
                raise _Retryable(f"body is not complete JSON ({len(body)} bytes of {kind})") from None

    def _get(self, url: str, params: Mapping[str, str], *, what: str, offset: int | None = None,
             check: Any = None, after_id: str | None = None) -> tuple[Any, Mapping[str, str]]:
        """GET with retries; ``check(data)`` may raise :class:`_Retryable` to reject a body."""
        shown = unquote(_sanitize_url(f"{url}?{urlencode(params)}" if params else url))
        retry = 0
        while True:
            started = time.monotonic()
            try:
                data, headers = self._attempt(url, params)
                if check is not None:
                    check(data)
                self._log(logging.DEBUG, "GET %s -> OK in %.2f s", shown, time.monotonic() - started)
                return data, headers
            except _Fatal as failure:
                raise self._give_up(what, offset, shown, self._redact(str(failure)), "(not retried)",
                                    after_id) from None
            except _Retryable as failure:
                reason = self._redact(failure.reason)
                retry += 1
                if retry > self.retry.max_retries:
                    raise self._give_up(what, offset, shown, reason,
                                        f"after {retry} attempt(s) (RetryPolicy.max_retries={self.retry.max_retries})",
                                        after_id) from None
                wait = failure.retry_after
                source = "Retry-After"
                if wait is None:
                    wait, source = self.retry.delay(retry, self._rng), "backoff"
                if wait > self._budget.left:
                    raise self._give_up(
                        what, offset, shown, reason,
                        f"after {retry} attempt(s): the next wait ({wait:.1f} s, {source}) exceeds what is left "
                        f"of the retry budget ({self._budget.left:.1f} s of "
                        f"RetryPolicy.total_budget_seconds={self.retry.total_budget_seconds:g})",
                        after_id,
                    ) from None
                self._log(logging.WARNING, "%s: %s; retrying in %.2f s (%s, retry %d of %d)",
                          what, reason, wait, source, retry, self.retry.max_retries)
                self._budget.left -= wait
                time.sleep(wait)

    def _give_up(self, what: str, offset: int | None, url: str, reason: str, how: str,
                 after_id: str | None = None) -> FetchError:
        message = self._redact(f"could not download {what} of dataset {self.dataset_id} from {url}: {reason} {how}")
        self._log(logging.ERROR, "%s", message)
        return FetchError(message, offset=offset, url=self._redact(url), reason=self._redact(reason),
                          after_id=after_id)

    # ----------------------------------------------------------------- queries

    def count(self) -> int:
        """The dataset's row count (``$select=count(*)``)."""

        def check(data: Any) -> None:
            _count_value(data)

        data, _ = self._get(self.resource_url, {"$select": "count(*)"}, what="the row count", check=check)
        return _count_value(data)

    def view(self) -> dict[str, Any]:
        """The dataset's metadata (``/api/views/{id}.json``), or ``{}`` if unavailable.

        One attempt, no retries: this is nice to have, never a reason to fail.
        """
        deadline_at = time.monotonic() + self.deadline if self.deadline is not None else None
        try:
            resp = self._send(self.views_url, None, deadline_at)
            with resp:
                if resp.status_code != 200:
                    self._log(logging.INFO, "dataset metadata unavailable (HTTP %d); last-updated time unknown",
                              resp.status_code)
                    return {}
                data = json.loads(self._read_body(resp, deadline_at))
            self._log(logging.DEBUG, "GET %s -> OK", self.views_url)
        except (requests.exceptions.RequestException, ValueError) as exc:
            self._log(logging.INFO, "dataset metadata unavailable (%s); last-updated time unknown",
                      _describe_exception(exc))
            return {}
        except (_Retryable, _Fatal) as exc:
            self._log(logging.INFO, "dataset metadata unavailable (%s); last-updated time unknown", exc)
            return {}
        return data if isinstance(data, dict) else {}

    def repeated_values(self, field: str) -> dict[str, int]:
        """The values ``field`` holds more than once in the dataset, with how often.

        ``$select=field, count(*) AS n&$group=field&$having=count(*) > 1``.
        """
        params = {"$select": f"{field}, count(*) AS n", "$group": field, "$having": "count(*) > 1",
                  "$limit": "50000"}

        def check(data: Any) -> None:
            _repeated(data, field)

        data, _ = self._get(self.resource_url, params, what=f"the repeated values of {field}", check=check)
        return _repeated(data, field)

    def pages(self, page_size: int = DEFAULT_PAGE_SIZE) -> Iterator["Page"]:
        """Yield the dataset page by page (:class:`Page`), by keyset on ``:id``, until a short page.

        Each request asks for ``$order=:id`` and, after the first,
        ``$where=:id > 'the last :id received'``, so rows added or removed
        meanwhile cannot shift later pages. A page that lacks ``:id`` (the
        keyset needs it) is an error; a page holding rows already yielded is
        retried as a bad body.
        """
        seen: set[str] = set()
        last_id: str | None = None
        position = 0
        while True:
            params = {"$select": ":*,*", "$order": ":id", "$limit": str(page_size)}
            if last_id is not None:
                params["$where"] = ":id > '" + last_id.replace("'", "''") + "'"

            def check(data: Any) -> None:
                _check_page(data, page_size, seen)

            what = (f"the page at offset {position} (rows {position + 1}-{position + page_size}"
                    + (f", after :id {last_id}" if last_id is not None else "") + ")")
            rows, headers = self._get(self.resource_url, params, what=what, offset=position, check=check,
                                      after_id=last_id)
            seen.update(r[":id"] for r in rows)
            yield Page(position=position, after_id=last_id, rows=rows, fields=_header_fields(headers),
                       version=headers.get("X-SODA2-Truth-Last-Modified") or headers.get("Last-Modified"))
            position += len(rows)
            if len(rows) < page_size:
                return
            last_id = rows[-1][":id"]


@dataclass(frozen=True)
class Page:
    """One page of a dataset as :meth:`SocrataClient.pages` yields it.

    Attributes:
        position: rows received before this page.
        after_id: the ``:id`` this page starts after (``None`` for the first).
        rows: the SODA row objects, system fields (``:id``, ...) included.
        fields: the field list of the ``X-SODA2-Fields`` header, or ``None``.
        version: the dataset version the server says it answered from (the
            ``X-SODA2-Truth-Last-Modified`` or ``Last-Modified`` header), or ``None``.
    """

    position: int
    after_id: str | None
    rows: list[dict[str, Any]]
    fields: list[str] | None
    version: str | None


def check_app_token(token: str | None, name: str = "app_token") -> None:
    """Raise ``ValueError`` if ``token`` cannot be a Socrata app token; the message never shows it.

    A token is printable ASCII without spaces; a trailing newline (a token
    read from a file, or pasted) is the usual culprit. ``name`` says where
    the token came from (``app_token``, ``SOCRATA_APP_TOKEN``).
    """
    if token is None or token == "":
        return
    if not isinstance(token, str):
        raise ValueError(f"{name} must be a string, not {type(token).__name__}")
    for i, char in enumerate(token):
        if not ("!" <= char <= "~"):
            kind = ("whitespace" if char.isspace() else "a control character" if not char.isprintable()
                    else "a non-ASCII character")
            shown = repr(char) if not char.isprintable() or char.isspace() else f"U+{ord(char):04X}"
            raise ValueError(
                f"{name} is not a valid Socrata app token: it holds {kind} ({shown}) at position {i + 1} of "
                f"{len(token)} characters (a trailing newline from a file or a paste?); the token is not shown"
            )


def _check_timeout(timeout: Any) -> None:
    values = timeout if isinstance(timeout, tuple) else (timeout,)
    if not values or len(values) > 2 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in values):
        raise ValueError(f"timeout must be a number of seconds > 0 (or a (connect, read) pair), got {timeout!r}")


def _describe_exception(exc: BaseException) -> str:
    if isinstance(exc, requests.exceptions.Timeout):
        kind = "timed out"
    elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
        kind = "connection broken mid-body"
    elif isinstance(exc, requests.exceptions.ConnectionError):
        kind = "connection failed"
    else:
        kind = type(exc).__name__
    detail = str(exc.args[0]) if exc.args else ""
    return f"{kind} ({type(exc).__name__}: {detail[:200]})" if detail else kind


def _server_message(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return ""
    message = data.get("message") if isinstance(data, dict) else None
    return f": {str(message)[:300]}" if message else ""


def _status_hint(status: int, has_token: bool) -> str:
    if status in (401, 403):
        return (" (check the app token: pass app_token= or set SOCRATA_APP_TOKEN)" if has_token
                else " (the server refused the request; an app token may be required)")
    if status == 404:
        return " (check base_url and dataset_id)"
    return ""


def _count_value(data: Any) -> int:
    """The number in a ``$select=count(*)`` answer: ``[{"count": "11234"}]``."""
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict) and len(data[0]) == 1:
        (value,) = data[0].values()
        try:
            return int(float(value))
        except (TypeError, ValueError):
            pass
    raise _Retryable(f"unexpected answer to count(*): {json.dumps(data)[:200]}")


def _check_page(data: Any, limit: int, seen: set[str]) -> None:
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise _Retryable(f"body is JSON but not a list of row objects (starts {json.dumps(data)[:80]})")
    if len(data) > limit:
        raise _Retryable(f"page has {len(data)} rows, more than $limit={limit}")
    ids = [r.get(":id") for r in data]
    if any(not isinstance(i, str) or not i for i in ids):
        raise _Fatal("rows lack the :id system field, which paging by keyset needs ($select=:*,* must return it)")
    repeated = [i for i in ids if i in seen]
    if repeated:
        raise _Retryable(f"page repeats {len(repeated)} row(s) already received (:id {repeated[0]}, ...)")
    if len(set(ids)) != len(ids):
        raise _Retryable("page lists the same :id twice")


def _repeated(data: Any, field: str) -> dict[str, int]:
    """``{value: n}`` from a ``$group`` answer ``[{field: value, "n": "2"}, ...]``."""
    try:
        return {str(r[field]): int(float(r["n"])) for r in data if r.get(field) is not None}
    except (TypeError, KeyError, ValueError, AttributeError):
        raise _Retryable(f"unexpected answer to the $group query: {json.dumps(data)[:200]}") from None


def _header_fields(headers: Mapping[str, str]) -> list[str] | None:
    raw = headers.get("X-SODA2-Fields")
    if not raw:
        return None
    try:
        fields = json.loads(raw)
    except ValueError:
        return None
    return [str(f) for f in fields] if isinstance(fields, list) else None


def _version_marker(view: Mapping[str, Any]) -> float | None:
    """``rowsUpdatedAt`` as a number to compare before and after a download (``None``: not a number)."""
    value = view.get("rowsUpdatedAt")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        return float(value)
    return None


def _marker_text(value: float) -> str:
    """A ``rowsUpdatedAt`` for a message: its UTC time when believable, else the number."""
    if _EARLIEST_UPDATE <= value <= time.time() + 86400:
        return _dt.datetime.fromtimestamp(value, tz=_dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"{value:.0f}"


def _updated_at(view: Mapping[str, Any], dataset_id: str = "") -> str | None:
    """The dataset's last-updated time (ISO 8601, UTC) from its metadata, if given and believable.

    A value that is not a number, is out of range (before 1990 or more than a
    day from now) or looks like milliseconds is logged and ignored.
    """
    latest = time.time() + 86400
    for key in ("rowsUpdatedAt", "dataUpdatedAt"):
        value = view.get(key)
        if value is None:
            continue
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value != value:
            logger.warning("dataset %s metadata: %s is not a number (%s); last-updated time unknown",
                           dataset_id, key, json.dumps(value, default=str)[:60])
            continue
        if _EARLIEST_UPDATE <= value <= latest:
            return _dt.datetime.fromtimestamp(value, tz=_dt.timezone.utc).isoformat(timespec="seconds")
        hint = " (it looks like milliseconds, not seconds)" if _EARLIEST_UPDATE <= value / 1000 <= latest else ""
        logger.warning("dataset %s metadata: %s=%r is out of range%s; last-updated time unknown",
                       dataset_id, key, value, hint)
    return None


# --------------------------------------------------------------------------- a whole download


@dataclass
class _Pass:
    """One pass over the dataset, with what the server said about its version around it."""

    rows: list[dict[str, Any]]
    fields: list[str] | None
    view: dict[str, Any]
    count_before: int
    count_after: int
    marker_before: float | None
    marker_after: float | None
    page_versions: list[str]
    overflow: bool


def _download(client: SocrataClient, page_size: int, progress: bool | None) -> _Pass:
    view = client.view()
    expected = client.count()
    # paging stops at a short page whatever count(*) said; this only stops a dataset growing without end
    ceiling = max(2 * expected, expected + 10 * page_size)
    rows: list[dict[str, Any]] = []
    fields: list[str] | None = None
    versions: list[str] = []
    overflow = False
    with progress_bar(expected, unit="firm", desc=client.dataset_id, progress=progress) as bar:
        for page in client.pages(page_size):
            rows.extend(page.rows)
            fields = fields or page.fields
            if page.version:
                versions.append(page.version)
            bar.update(len(page.rows))
            if len(rows) > ceiling:
                overflow = True
                break
    after_view = client.view()
    after = client.count()
    return _Pass(rows=rows, fields=fields, view=after_view or view, count_before=expected, count_after=after,
                     marker_before=_version_marker(view), marker_after=_version_marker(after_view),
                     page_versions=versions, overflow=overflow)


def _inconsistencies(client: SocrataClient, got: _Pass, key_field: str | None) -> tuple[list[str], bool]:
    """What shows ``got`` is not one version of the dataset, and whether the dataset visibly changed."""
    changed: list[str] = []
    other: list[str] = []
    if got.marker_before is not None and got.marker_after is not None and got.marker_before != got.marker_after:
        changed.append(f"its rowsUpdatedAt went from {_marker_text(got.marker_before)} "
                       f"to {_marker_text(got.marker_after)}")
    if len(set(got.page_versions)) > 1:
        changed.append(f"its pages came from {len(set(got.page_versions))} versions "
                       f"(X-SODA2-Truth-Last-Modified {got.page_versions[0]} ... {got.page_versions[-1]})")
    if got.count_before != got.count_after:
        changed.append(f"count(*) went from {got.count_before} to {got.count_after}")
    if got.overflow:
        other.append(f"more than {len(got.rows) - 1} rows arrived although count(*) says {got.count_after}")
    elif len(got.rows) != got.count_after:
        other.append(f"{len(got.rows)} rows arrived but count(*) says {got.count_after}")
    if key_field is not None:
        other.extend(_repeated_keys(client, got, key_field))
    return changed + other, bool(changed)


def _repeated_keys(client: SocrataClient, got: _Pass, key_field: str) -> list[str]:
    """Keys that arrived more often than the source itself holds them (a page served twice)."""
    other: list[str] = []
    accounts: dict[str, int] = {}
    for row in got.rows:
        value = row.get(key_field)
        if value is not None:
            accounts[str(value)] = accounts.get(str(value), 0) + 1
    repeated = {k: n for k, n in accounts.items() if n > 1}
    if repeated:
        try:
            source = client.repeated_values(key_field)
        except FetchError as exc:
            other.append(f"{len(repeated)} account number(s) arrived more than once and the source's own "
                         f"repeats could not be checked ({exc.reason})")
        else:
            extra = {k: n for k, n in repeated.items() if n > source.get(k, 1)}
            if extra:
                first = next(iter(extra))
                other.append(f"{len(extra)} account number(s) arrived more often than the source holds them "
                             f"({key_field} {first}: {extra[first]} times, {source.get(first, 1)} in the source)")
    return other


@dataclass(frozen=True)
class Download:
    """A whole dataset as :func:`download_dataset` returns it: one consistent version.

    Attributes:
        rows: the SODA row objects (system fields such as ``:id`` included), in ``:id`` order.
        fields: the dataset's field names: the ``X-SODA2-Fields`` header's, else the
            metadata's columns, then any other key seen in a row.
        authoritative: whether ``fields`` came from the server (header or metadata) rather
            than only from the keys seen in rows (SODA leaves null fields out of a row).
        view: the dataset's metadata (``/api/views/{id}.json``), ``{}`` when unavailable.
        fetched_at: when the (last) download began, UTC.
        data_updated_at: the dataset's own last update (ISO 8601, UTC), ``None`` when the
            metadata does not say or says something unbelievable.
    """

    rows: list[dict[str, Any]]
    fields: list[str]
    authoritative: bool
    view: dict[str, Any]
    fetched_at: _dt.datetime
    data_updated_at: str | None


def download_dataset(client: SocrataClient, page_size: int = DEFAULT_PAGE_SIZE, *, key_field: str | None = None,
                     progress: bool | None = None) -> Download:
    """Download a whole dataset as one consistent version, downloading once more from the beginning if need be.

    Consistent means: ``count(*)`` and ``rowsUpdatedAt`` the same before and
    after, as many rows as ``count(*)``, every page from the same version
    (``X-SODA2-Truth-Last-Modified``), no ``:id`` twice, and no value of
    ``key_field`` (the API name of the field that identifies a record, if
    any) more often than the source itself holds it.

    Raises:
        FetchError: a page could not be downloaded within the client's retry
            policy, or neither download was consistent (the message says why, both times).
    """
    page_size = positive_int("page_size", page_size)
    fetched_at = _dt.datetime.now(_dt.timezone.utc)
    client._log(logging.INFO, "fetching dataset %s from %s (%s app token)", client.dataset_id, client.resource_url,
                "with" if client.has_token else "without")
    first: list[str] = []
    for attempt in (1, 2):
        got = _download(client, page_size, progress)
        problems, changed = _inconsistencies(client, got, key_field)
        if not problems:
            break
        if attempt == 1:
            first = problems
            client._log(logging.WARNING, "dataset %s was not one consistent version while it downloaded (%s); "
                        "downloading it again from the beginning", client.dataset_id, "; ".join(problems))
            fetched_at = _dt.datetime.now(_dt.timezone.utc)
            continue
        what = ("changed while it was downloading, twice in a row" if changed
                else "did not download as one consistent version, twice in a row")
        raise FetchError(
            f"dataset {client.dataset_id} {what} (first: {'; '.join(first)}; then: {'; '.join(problems)}); "
            "nothing was saved and earlier snapshots are untouched; run the fetch again later",
            url=client.resource_url, reason="dataset changed" if changed else "row count mismatch")
    fields, view = got.fields, got.view
    if fields is None:  # no X-SODA2-Fields header: the metadata's columns, if any
        fields = [c["fieldName"] for c in view.get("columns") or [] if isinstance(c, dict) and "fieldName" in c]
    authoritative = bool(fields)
    fields = list(dict.fromkeys([*(fields or []), *(k for r in got.rows for k in r)]))
    return Download(rows=got.rows, fields=fields, authoritative=authoritative, view=view, fetched_at=fetched_at,
                    data_updated_at=_updated_at(view, client.dataset_id))
