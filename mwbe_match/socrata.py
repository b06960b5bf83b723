"""The live directory: download NYC Open Data dataset ``ci93-uc8s`` through the SODA API.

:func:`fetch_directory` pages through the dataset's SODA endpoint with
requests (``$limit``/``$offset``, ordered by the system field ``:id`` so the
pages are stable), checks what arrived against the dataset's ``count(*)``,
normalizes it with the same code path as the CSV loader
(:func:`mwbe_match.directory.normalize_directory`) and saves it as a Parquet
snapshot in the cache (see :mod:`mwbe_match.snapshots`), which
:func:`mwbe_match.load_directory` then uses by default.

Transient failures (HTTP 429, 5xx, dropped connections, timeouts, truncated
or non-JSON bodies, a page that repeats rows already received) are retried
with exponential backoff and jitter, honoring ``Retry-After``, within the
bounds of a :class:`RetryPolicy`; when those run out a :class:`FetchError`
says which page failed and why, and the cache is left as it was.

The app token (argument or ``SOCRATA_APP_TOKEN``) is sent only as the
``X-App-Token`` header. It never appears in log messages, exception text,
reprs or snapshot metadata.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import json
import logging
import os
import random
import re
import time
import warnings
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Sequence, Union
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import pandas as pd
import requests

from . import snapshots
from ._progress import progress_bar
from ._version import __version__
from .directory import METADATA_KEY, DirectoryWarning, _match_headers, load_directory, normalize_directory
from .schema import REQUIRED_SOURCE_COLUMNS, SOURCE_COLUMNS

__all__ = [
    "fetch_directory",
    "FetchError",
    "RetryPolicy",
    "SocrataClient",
    "DEFAULT_BASE_URL",
    "DEFAULT_DATASET_ID",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_TIMEOUT",
    "TOKEN_ENV_VAR",
]

logger = logging.getLogger("mwbe_match.socrata")

#: NYC Open Data's portal.
DEFAULT_BASE_URL = "https://data.cityofnewyork.us"
#: "M/WBE, LBE, and EBE Certified Business List".
DEFAULT_DATASET_ID = "ci93-uc8s"
#: Rows per request.
DEFAULT_PAGE_SIZE = 2000
#: Seconds to wait for the server to connect and for each read.
DEFAULT_TIMEOUT = 30.0
#: Environment variable read when no ``app_token`` is passed.
TOKEN_ENV_VAR = "SOCRATA_APP_TOKEN"

_DATASET_ID = re.compile(r"^[a-z0-9]{4}-[a-z0-9]{4}$")
_MAX_REDIRECTS = 5


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
        offset: the ``$offset`` of the page that failed, or ``None`` when the
            failure was not a page (the row count, a missing field, ...).
        url: the request URL (never with the app token).
        reason: what went wrong, in words.
    """

    def __init__(self, message: str, *, offset: int | None = None, url: str | None = None,
                 reason: str | None = None) -> None:
        super().__init__(message)
        self.offset = offset
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
        if isinstance(self.max_retries, bool) or not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"RetryPolicy.max_retries must be a whole number >= 0, got {self.max_retries!r}")
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

    Build once, then call :meth:`count`, :meth:`pages` and :meth:`view`.
    ``session`` (e.g. one with proxies or certificates configured) is used
    as given and not closed; without one, the client makes and owns a
    :class:`requests.Session`. The app token goes only into the
    ``X-App-Token`` header of each request.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        dataset_id: str = DEFAULT_DATASET_ID,
        *,
        app_token: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        session: requests.Session | None = None,
    ) -> None:
        parts = urlsplit(str(base_url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"base_url must look like https://host, got {_sanitize_url(str(base_url))!r}")
        if not isinstance(dataset_id, str) or not _DATASET_ID.match(dataset_id):
            raise ValueError(f"dataset_id must be a Socrata id like 'ci93-uc8s', got {dataset_id!r}")
        _check_timeout(timeout)
        self.base_url = str(base_url).rstrip("/")
        self.dataset_id = dataset_id
        self.timeout = timeout
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
                f"app_token={token!r}, timeout={self.timeout!r}, retry={self.retry!r})")

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
        return text.replace(self._token, _REDACTED) if self._token else text

    def _send(self, url: str, params: Mapping[str, str] | None = None) -> requests.Response:
        """GET ``url``, following redirects here rather than in requests.

        requests keeps custom headers on a redirect to another host; the app
        token must only ever reach the origin the caller named, so it is
        dropped as soon as a redirect leaves that origin.
        """
        headers = dict(self._headers)
        origin = _origin(url)
        for _ in range(_MAX_REDIRECTS + 1):
            resp = self._session.get(url, params=params, headers=headers, timeout=self.timeout,
                                     allow_redirects=False)
            if not resp.is_redirect:
                return resp
            location = urljoin(resp.url, resp.headers["Location"])
            resp.close()
            if _origin(location) != origin:
                headers.pop("X-App-Token", None)
            url, params = location, None
        raise requests.exceptions.TooManyRedirects(f"more than {_MAX_REDIRECTS} redirects")

    def _attempt(self, url: str, params: Mapping[str, str]) -> tuple[Any, requests.structures.CaseInsensitiveDict]:
        """One GET; the decoded JSON and the response headers, or :class:`_Retryable`."""
        try:
            resp = self._send(url, params)
        except _TRANSIENT as exc:
            raise _Retryable(f"{_describe_exception(exc)}") from None
        except requests.exceptions.TooManyRedirects as exc:
            raise _Fatal(str(exc)) from None
        with resp:
            if resp.status_code == 429 or (resp.status_code >= 500 and resp.status_code != 501):
                raise _Retryable(f"HTTP {resp.status_code} {resp.reason or ''}".rstrip(),
                                 parse_retry_after(resp.headers.get("Retry-After")))
            if resp.status_code >= 400:
                raise _Fatal(f"HTTP {resp.status_code} {resp.reason or ''}".rstrip()
                             + _server_message(resp) + _status_hint(resp.status_code, bool(self._token)))
            try:
                body = resp.content
            except _TRANSIENT as exc:
                raise _Retryable(f"connection broken while reading the body ({_describe_exception(exc)})") from None
            try:
                return json.loads(body), resp.headers
            except (ValueError, UnicodeDecodeError):
                kind = resp.headers.get("Content-Type", "unknown type")
                raise _Retryable(f"body is not complete JSON ({len(body)} bytes of {kind})") from None

    def _get(self, url: str, params: Mapping[str, str], *, what: str, offset: int | None = None,
             check: Any = None) -> tuple[Any, Mapping[str, str]]:
        """GET with retries; ``check(data)`` may raise :class:`_Retryable` to reject a body."""
        shown = unquote(_sanitize_url(f"{url}?{urlencode(params)}" if params else url))
        retry = 0
        while True:
            started = time.monotonic()
            try:
                data, headers = self._attempt(url, params)
                if check is not None:
                    check(data)
                logger.debug("GET %s -> OK in %.2f s", shown, time.monotonic() - started)
                return data, headers
            except _Fatal as failure:
                raise self._give_up(what, offset, shown, self._redact(str(failure)), "(not retried)") from None
            except _Retryable as failure:
                reason = self._redact(failure.reason)
                retry += 1
                if retry > self.retry.max_retries:
                    raise self._give_up(what, offset, shown, reason,
                                        f"after {retry} attempt(s) (RetryPolicy.max_retries={self.retry.max_retries})"
                                        ) from None
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
                    ) from None
                logger.warning("%s: %s; retrying in %.2f s (%s, retry %d of %d)",
                               what, reason, wait, source, retry, self.retry.max_retries)
                self._budget.left -= wait
                time.sleep(wait)

    def _give_up(self, what: str, offset: int | None, url: str, reason: str, how: str) -> FetchError:
        message = self._redact(f"could not download {what} of dataset {self.dataset_id} from {url}: {reason} {how}")
        logger.error("%s", message)
        return FetchError(message, offset=offset, url=url, reason=reason)

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
        try:
            resp = self._send(self.views_url)
            with resp:
                if resp.status_code != 200:
                    logger.info("dataset metadata unavailable (HTTP %d); last-updated time unknown", resp.status_code)
                    return {}
                data = json.loads(resp.content)
            logger.debug("GET %s -> OK", self.views_url)
        except (requests.exceptions.RequestException, ValueError) as exc:
            logger.info("dataset metadata unavailable (%s); last-updated time unknown",
                        self._redact(_describe_exception(exc)))
            return {}
        return data if isinstance(data, dict) else {}

    def pages(self, page_size: int = DEFAULT_PAGE_SIZE, *, expected: int | None = None
              ) -> Iterator[tuple[int, list[dict[str, Any]], list[str] | None]]:
        """Yield ``(offset, rows, fields)`` page by page, ordered by ``:id``.

        ``rows`` are the SODA row objects (system fields included); ``fields``
        is the field list of the server's ``X-SODA2-Fields`` header, or ``None``.
        A page holding rows already yielded is retried as a bad body. Paging
        stops at a short page, or once ``expected`` rows have arrived.
        """
        seen: set[str] = set()
        previous: list[dict[str, Any]] | None = None
        warned_no_id = False
        offset = 0
        while True:
            params = {"$select": ":*,*", "$order": ":id", "$limit": str(page_size), "$offset": str(offset)}

            def check(data: Any) -> None:
                _check_page(data, page_size, seen, previous)

            what = f"the page at offset {offset} (rows {offset + 1}-{offset + page_size})"
            rows, headers = self._get(self.resource_url, params, what=what, offset=offset, check=check)
            ids = [r.get(":id") for r in rows]
            if rows and any(i is None for i in ids) and not warned_no_id:
                warned_no_id = True
                logger.warning("the server does not return the :id system field; "
                               "repeated pages can only be detected when identical")
            seen.update(i for i in ids if i is not None)
            previous = rows
            yield offset, rows, _header_fields(headers)
            offset += len(rows)
            if len(rows) < page_size or (expected is not None and offset >= expected):
                return


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


def _server_message(resp: requests.Response) -> str:
    try:
        data = json.loads(resp.content)
    except ValueError:
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


def _check_page(data: Any, limit: int, seen: set[str], previous: list[dict[str, Any]] | None) -> None:
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise _Retryable(f"body is JSON but not a list of row objects (starts {json.dumps(data)[:80]})")
    if len(data) > limit:
        raise _Retryable(f"page has {len(data)} rows, more than $limit={limit}")
    ids = [r.get(":id") for r in data]
    repeated = [i for i in ids if i is not None and i in seen]
    if repeated:
        raise _Retryable(f"page repeats {len(repeated)} row(s) already received (:id {repeated[0]}, ...)")
    present = [i for i in ids if i is not None]
    if len(set(present)) != len(present):
        raise _Retryable("page lists the same :id twice")
    if data and previous and all(i is None for i in ids) and data == previous:
        raise _Retryable("page is identical to the previous page")


def _header_fields(headers: Mapping[str, str]) -> list[str] | None:
    raw = headers.get("X-SODA2-Fields")
    if not raw:
        return None
    try:
        fields = json.loads(raw)
    except ValueError:
        return None
    return [str(f) for f in fields] if isinstance(fields, list) else None


def _updated_at(view: Mapping[str, Any]) -> str | None:
    """The dataset's last-updated time (ISO 8601, UTC) from its metadata, if given."""
    for key in ("rowsUpdatedAt", "dataUpdatedAt"):
        value = view.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            return _dt.datetime.fromtimestamp(value, tz=_dt.timezone.utc).isoformat(timespec="seconds")
    return None


# --------------------------------------------------------------------------- fields


@dataclass
class _FieldCheck:
    columns: list[str]          # every field to build the frame with
    missing: list[str]          # known API fields that are gone
    unrecognized: list[str]     # fields the library does not know (renamed?)


def _check_fields(upstream: Sequence[str], dataset_id: str, *, authoritative: bool = True) -> _FieldCheck:
    """Compare the dataset's fields with the known ones; raise if a required one is gone.

    ``authoritative`` is false when ``upstream`` are only the keys seen in
    rows (SODA leaves null fields out), so a field empty in every row looks absent.
    """
    data_fields = [f for f in upstream if not f.startswith(":")]
    gone = "no longer has field(s)" if authoritative else "has no value in any row for field(s)"
    mapping, unrecognized = _match_headers(data_fields)
    present = set(mapping.values())
    missing = [s for s in SOURCE_COLUMNS if s.column not in present]
    required = [s for s in missing if s.column in REQUIRED_SOURCE_COLUMNS]
    hint = (f"; field(s) the library does not recognize: {', '.join(unrecognized)} (renamed?)"
            if unrecognized else "")
    if required:
        raise FetchError(
            f"dataset {dataset_id} {gone} the library needs: "
            + ", ".join(f"{s.api} ({s.export} in the CSV export)" for s in required)
            + hint + "; the dataset's layout changed upstream; please report it to mwbe_match's maintainers",
            reason="required field missing",
        )
    if missing:
        warnings.warn(
            f"dataset {dataset_id} {gone} "
            + ", ".join(s.api for s in missing)
            + hint + "; they are left empty",
            DirectoryWarning,
            stacklevel=4,
        )
    elif unrecognized:
        logger.info("dataset %s has field(s) the library ignores: %s", dataset_id, ", ".join(unrecognized))
    return _FieldCheck(columns=data_fields + [s.api for s in missing],
                       missing=[s.api for s in missing], unrecognized=list(unrecognized))


def _rows_to_frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """A raw frame with one column per field; SODA omits null fields, so absent keys become null."""
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in columns}, columns=list(columns))


# --------------------------------------------------------------------------- public


def fetch_directory(
    *,
    base_url: str = DEFAULT_BASE_URL,
    dataset_id: str = DEFAULT_DATASET_ID,
    app_token: str | None = None,
    cache_dir: str | os.PathLike | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_age: _dt.timedelta | float | None = None,
    keep: int = snapshots.DEFAULT_KEEP,
    retry: RetryPolicy | None = None,
    progress: bool | None = None,
    session: requests.Session | None = None,
) -> pd.DataFrame:
    """Download NYC's current certified-business list and cache it as a snapshot.

    Pages through ``{base_url}/resource/{dataset_id}.json`` ordered by
    ``:id``, checks the rows received against the dataset's ``count(*)``
    (before and after, so a list that changed mid-download is caught),
    normalizes them like :func:`~mwbe_match.load_directory` does a CSV
    export, writes the Parquet snapshot atomically and prunes old ones.

    Args:
        base_url: the Socrata portal (default NYC Open Data); point it at a mirror or a test server.
        dataset_id: the dataset (default ``ci93-uc8s``).
        app_token: a Socrata app token (higher rate limits); default: the
            ``SOCRATA_APP_TOKEN`` environment variable. Sent only as the
            ``X-App-Token`` header, never logged or stored.
        cache_dir: where snapshots live (default: ``MWBE_MATCH_CACHE`` or the
            per-user cache; see :mod:`mwbe_match.snapshots`).
        page_size: rows per request.
        timeout: seconds for connecting and for each read, or a ``(connect, read)`` pair.
        max_age: if the newest cached snapshot of this dataset is younger than
            this (a :class:`datetime.timedelta` or seconds), load and return it
            without touching the network.
        keep: how many snapshots of this dataset to keep after a fetch.
        retry: the :class:`RetryPolicy` (default: 5 retries per request,
            backoff from 1 s doubling up to 60 s, 300 s of waiting in all).
        progress: show a progress bar on stderr; default: only when stderr is a terminal.
        session: a :class:`requests.Session` to use (proxies, certificates); not closed.

    Returns:
        The normalized directory (columns of
        :data:`~mwbe_match.schema.DIRECTORY_SCHEMA`). ``directory_metadata(df)``
        shows ``source_url``, ``dataset_id``, ``fetched_at``, ``row_count``,
        ``data_updated_at`` (the dataset's own last update, ``None`` when the
        API does not say), ``library_version`` and the snapshot's ``path``.

    Raises:
        FetchError: a page could not be downloaded within the retry policy
            (the message names its offset and the last failure), the rows
            received do not match ``count(*)``, or a field the library needs
            is gone upstream. The cache is left as it was.
        ValueError: an argument is invalid.

    Warns:
        DirectoryWarning: a field the library knows is gone upstream (named
            by its API name, with any unrecognized fields that may be its new name).
    """
    if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
        raise ValueError(f"page_size must be a whole number of rows >= 1, got {page_size!r}")
    snapshots.check_keep(keep)
    token = app_token if app_token is not None else os.environ.get(TOKEN_ENV_VAR)
    with SocrataClient(base_url, dataset_id, app_token=token or None, timeout=timeout, retry=retry,
                       session=session) as client:
        if max_age is not None:
            cached = _fresh_snapshot(cache_dir, dataset_id, _as_timedelta(max_age))
            if cached is not None:
                logger.info("using cached snapshot %s (younger than max_age)", cached.name)
                return load_directory(cached)
        return _fetch(client, cache_dir=cache_dir, page_size=page_size, keep=keep, progress=progress)


def _as_timedelta(max_age: _dt.timedelta | float) -> _dt.timedelta:
    if isinstance(max_age, _dt.timedelta):
        age = max_age
    elif isinstance(max_age, (int, float)) and not isinstance(max_age, bool):
        age = _dt.timedelta(seconds=max_age)
    else:
        raise ValueError(f"max_age must be a datetime.timedelta or a number of seconds, got {max_age!r}")
    if age < _dt.timedelta(0):
        raise ValueError(f"max_age must not be negative, got {max_age!r}")
    return age


def _fresh_snapshot(cache_dir: str | os.PathLike | None, dataset_id: str, max_age: _dt.timedelta):
    newest = snapshots.newest_snapshot(cache_dir, dataset_id)
    if newest is None:
        return None
    taken = snapshots.snapshot_time(newest) or _dt.datetime.fromtimestamp(newest.stat().st_mtime, _dt.timezone.utc)
    return newest if _dt.datetime.now(_dt.timezone.utc) - taken <= max_age else None


def _fetch(client: SocrataClient, *, cache_dir, page_size: int, keep: int, progress: bool | None) -> pd.DataFrame:
    fetched_at = _dt.datetime.now(_dt.timezone.utc)
    logger.info("fetching dataset %s from %s (%s app token)", client.dataset_id, client.resource_url,
                "with" if client._token else "without")
    view = client.view()
    expected = client.count()
    rows: list[dict[str, Any]] = []
    fields: list[str] | None = None
    with progress_bar(expected, unit="firm", desc=client.dataset_id, progress=progress) as bar:
        for _offset, page, page_fields in client.pages(page_size, expected=expected):
            rows.extend(page)
            fields = fields or page_fields
            bar.update(len(page))
    after = client.count()
    if after != expected:
        raise FetchError(
            f"dataset {client.dataset_id} changed while it was downloading (count(*) was {expected}, "
            f"then {after}); run the fetch again", url=client.resource_url, reason="count changed")
    if len(rows) != expected:
        raise FetchError(
            f"received {len(rows)} rows of dataset {client.dataset_id} but count(*) says {expected}; "
            "the download is incomplete, nothing was saved; run the fetch again",
            url=client.resource_url, reason="row count mismatch")
    if fields is None:  # no X-SODA2-Fields header: the metadata's columns, if any
        fields = [c["fieldName"] for c in view.get("columns") or [] if isinstance(c, dict) and "fieldName" in c]
    authoritative = bool(fields)
    fields = list(dict.fromkeys([*(fields or []), *(k for r in rows for k in r)]))
    check = _check_fields(fields, client.dataset_id, authoritative=authoritative)
    raw = _rows_to_frame(rows, check.columns)
    extra = {
        "source_url": client.resource_url,
        "dataset_id": client.dataset_id,
        "fetched_at": fetched_at.isoformat(timespec="seconds"),
        "row_count": len(rows),
        "data_updated_at": _updated_at(view),
        "upstream_missing_fields": check.missing,
        "upstream_unrecognized_fields": check.unrecognized,
    }
    df = normalize_directory(raw, source=client.resource_url, source_kind="socrata",
                             snapshot_date=fetched_at.date().isoformat(), extra_metadata=extra)
    folder = snapshots.resolve_cache_dir(cache_dir)
    path = snapshots.write_snapshot(df, folder, dataset_id=client.dataset_id, fetched_at=fetched_at)
    df.attrs[METADATA_KEY]["path"] = str(path)
    removed = snapshots.prune_snapshots(folder, keep=keep, dataset_id=client.dataset_id)
    logger.info("saved %d firms to %s%s", len(df), path,
                f"; removed {len(removed)} old snapshot(s)" if removed else "")
    return df
