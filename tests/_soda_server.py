"""A small SODA-like HTTP server for tests: serves an export CSV as dataset pages, with faults on demand.

It speaks the part of the Socrata API that :mod:`mwbe_match.sources.socrata` uses:

- ``GET /resource/{id}.json`` with ``$limit``, ``$offset``, ``$order`` (``:id``
  or a field), the keyset filter ``$where=:id > 'row-000099'``, ``$select``
  (``*``, ``:*,*`` for the system fields too, or ``count(*)``) and the
  duplicate query ``$select=F, count(*) AS n&$group=F&$having=count(*) > 1``. Rows carry the SODA API field names; empty fields are left out
  of the row object, as SODA does; values are strings; dates of the export's
  date fields are sent as SODA floating timestamps (``2019-01-31T00:00:00.000``).
  Data responses carry ``X-SODA2-Fields`` and ``X-SODA2-Truth-Last-Modified`` headers.
- ``GET /api/views/{id}.json``: ``rowsUpdatedAt`` (:attr:`SodaServer.rows_updated_at`,
  served as given, so a test can make it garbage) and the column list.

Faults are queued with :meth:`SodaServer.add_fault` and consumed by the
matching requests: HTTP 429 with ``Retry-After``, any status, a connection
dropped mid-body, a response slower than the client's timeout, a truncated
JSON body, the previous page's rows again, a body trickled one byte at a time,
a redirect to any ``Location``. :meth:`SodaServer.mutate_after` changes the
dataset after the Nth data request (see :func:`republished` and
:func:`deleted_and_appended`); :attr:`SodaServer.count_bias` makes ``count(*)``
lie. :meth:`SodaServer.rename_field` changes the served layout. Every request
is logged (time, path, query, headers, and the position of its page).
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import itertools
import json
import socket
import threading
import re
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlsplit

from mwbe_match.sources import NYC_SBS

DATASET_ID = "ci93-uc8s"
ROWS_UPDATED_AT = 1_767_225_600  # 2026-01-01T00:00:00Z

_EXPORT_TO_API = {c.export: c.api for c in NYC_SBS.columns}
_DATE_FIELDS = {c.api for c in NYC_SBS.columns if c.kind == "date"}


def soda_rows_from_csv(path: Path) -> list[dict[str, str]]:
    """The export CSV as SODA row objects: API field names, empty fields omitted, ``:id`` etc. added."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        unknown = [h for h in reader.fieldnames or [] if h not in _EXPORT_TO_API]
        if unknown:
            raise ValueError(f"{path} has headers the schema does not know: {unknown}")
        rows = []
        for i, record in enumerate(reader):
            row: dict[str, str] = {
                ":id": f"row-{i:06d}",
                ":created_at": "2025-06-01T12:00:00.000Z",
                ":updated_at": "2025-12-01T12:00:00.000Z",
            }
            for header, value in record.items():
                if value == "":
                    continue
                api = _EXPORT_TO_API[header]
                row[api] = _floating_timestamp(value) if api in _DATE_FIELDS else value
            rows.append(row)
    return rows


def republished(rows: list[dict[str, Any]], prefix: str | None = None) -> list[dict[str, Any]]:
    """The same firms republished: every row gets a new ``:id``, in a new order; same count.

    The new ids (``prefix`` + a number; default: a prefix sorting after the
    rows' current ids) sort after the old ones.
    """
    if prefix is None:
        prefix = max(r[":id"] for r in rows)[:-6] + "r" if rows else "row-r"
    order = sorted(range(len(rows)), key=lambda i: (i * 7919) % len(rows))  # a fixed shuffle
    return [{**rows[i], ":id": f"{prefix}{n:06d}"} for n, i in enumerate(order)]


def deleted_and_appended(index: int, new_account: str = "9999999") -> Callable[[list], list]:
    """A mutation: delete row ``index`` and append a new firm (a copy of it under ``new_account``); count unchanged."""
    def mutate(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        added = {**rows[index], ":id": f"row-z{next(_NEW_IDS):06d}", "account_number": new_account,
                 "vendor_formal_name": "APPENDED WHILE PAGING LLC"}
        return rows[:index] + rows[index + 1:] + [added]
    return mutate


_NEW_IDS = itertools.count()
_KEYSET = re.compile(r"^\s*:id\s*>\s*'((?:[^']|'')*)'\s*$")


def _floating_timestamp(value: str) -> str:
    try:
        return dt.datetime.strptime(value.strip(), "%m/%d/%Y").strftime("%Y-%m-%dT00:00:00.000")
    except ValueError:
        return value


@dataclass
class Fault:
    """A misbehavior for requests that match.

    Attributes:
        action: ``status`` (send ``status`` with ``retry_after``), ``drop``
            (headers then half the body, then close), ``slow`` (sleep
            ``delay`` s, then answer), ``truncate`` (a valid response whose
            JSON body is cut short), ``repeat`` (the previous page's rows),
            ``stale`` (the previous page's rows under this page's ``:id``s: a
            page of firms twice, the next page's lost, nothing else amiss),
            ``trickle`` (the body one byte every ``delay`` s), ``redirect``
            (302 to ``location``).
        offset: match data pages at this position, the ``$offset`` or the
            number of rows before a keyset page's ``:id`` (``None``: any data page).
        target: ``data``, ``count``, ``groups`` (the ``$group`` query) or ``views``.
        times: how many matching requests it affects.
    """

    action: str
    offset: int | None = None
    target: str = "data"
    times: float = 1
    status: int = 503
    retry_after: str | None = None
    delay: float = 0.0
    location: str = ""


@dataclass
class LoggedRequest:
    time: float
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    target: str
    #: the page's position: its ``$offset``, or the rows before its keyset ``:id``
    position: int | None = None

    @property
    def offset(self) -> int | None:
        return self.position


@dataclass
class SodaServer:
    """A threaded SODA-like server on 127.0.0.1 (a random free port). Use as a context manager."""

    rows: list[dict[str, Any]]
    dataset_id: str = DATASET_ID
    faults: list[Fault] = field(default_factory=list)
    requests: list[LoggedRequest] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    views_available: bool = True
    fields_header: bool = True
    #: answers to the next ``count(*)`` requests, in turn; then the true count
    count_answers: list[int] = field(default_factory=list)
    #: added to every true ``count(*)`` answer (``-17``: a count 17 low)
    count_bias: int = 0
    #: ``rowsUpdatedAt`` of the views endpoint, served as given (seconds since 1970)
    rows_updated_at: Any = ROWS_UPDATED_AT
    #: pending ``(after_n_data_requests, mutate)`` pairs, see :meth:`mutate_after`
    mutations: list[tuple[int, Callable[[list], list], bool, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self.fields = [c.api for c in NYC_SBS.columns]

    # -- control
    def __enter__(self) -> "SodaServer":
        handler = type("Handler", (_Handler,), {"soda": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._httpd is not None
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def url(self) -> str:
        assert self._httpd is not None
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def add_fault(self, action: str, **kwargs: Any) -> Fault:
        fault = Fault(action, **kwargs)
        with self._lock:
            self.faults.append(fault)
        return fault

    def rename_field(self, old: str, new: str | None) -> None:
        """Serve field ``old`` as ``new`` from now on (``None``: drop it)."""
        with self._lock:
            self.renamed[old] = new
            self.fields = [self.renamed.get(f, f) for f in self.fields if self.renamed.get(f, f) is not None]

    def mutate_after(self, n: int, mutate: Callable[[list], list], *, touch: bool = True,
                     every: bool = False) -> None:
        """Once ``n`` data requests have been answered, replace the rows by ``mutate(rows)``.

        ``touch`` advances ``rowsUpdatedAt`` by a minute, as a real publish
        does; ``every`` repeats the mutation every ``n`` data requests after that.
        """
        with self._lock:
            self.mutations.append((n, mutate, touch, n if every else 0))

    def _apply_mutations(self) -> None:
        with self._lock:
            answered = sum(1 for r in self.requests if r.target == "data")
            due = [m for m in self.mutations if m[0] <= answered]
            self.mutations = [m for m in self.mutations if m[0] > answered]
            for _, mutate, touch, every in due:
                self.rows = mutate(self.rows)
                if touch and isinstance(self.rows_updated_at, int):
                    self.rows_updated_at += 60
                if every:
                    self.mutations.append((answered + every, mutate, touch, every))

    def data_requests(self, offset: int | None = None) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self.requests if r.target == "data" and (offset is None or r.offset == offset)]

    # -- serving
    def _take_fault(self, target: str, offset: int | None) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and fault.target == target and (fault.offset is None or fault.offset == offset):
                    fault.times -= 1
                    return fault
        return None

    def _serve_row(self, row: dict[str, Any], system: bool) -> dict[str, Any]:
        out = {}
        for key, value in row.items():
            if key.startswith(":"):
                if system:
                    out[key] = value
                continue
            new = self.renamed.get(key, key)
            if new is not None:
                out[new] = value
        return out


class _Handler(BaseHTTPRequestHandler):
    soda: SodaServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        soda = self.soda
        parts = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        if parts.path == f"/resource/{soda.dataset_id}.json":
            target = ("count" if params.get("$select", "").replace(" ", "").lower() == "count(*)"
                      else "groups" if "$group" in params else "data")
        elif parts.path == f"/api/views/{soda.dataset_id}.json":
            target = "views"
        else:
            target = "other"
        soda._apply_mutations()
        logged = LoggedRequest(time.monotonic(), parts.path, params, dict(self.headers.items()), target,
                               _position(soda.rows, params) if target == "data" else None)
        with soda._lock:
            soda.requests.append(logged)
        if target == "other" or (target == "views" and not soda.views_available):
            return self._send_json({"error": True, "message": "not found"}, status=404)
        fault = soda._take_fault(target, logged.offset)
        if fault is not None and fault.action == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            return self._send_json({"error": True, "message": "try later"}, status=fault.status, headers=headers)
        if fault is not None and fault.action == "redirect":
            return self._send_json({}, status=302, headers={"Location": fault.location})
        if fault is not None and fault.action == "slow":
            time.sleep(fault.delay)
        if target == "views":
            body: Any = {"id": soda.dataset_id, "name": "M/WBE, LBE, and EBE Certified Business List",
                         "rowsUpdatedAt": soda.rows_updated_at,
                         "columns": [{"fieldName": f} for f in soda.fields]}
            return self._send_json(body, fault=fault)
        if target == "count":
            with soda._lock:
                count = soda.count_answers.pop(0) if soda.count_answers else len(soda.rows) + soda.count_bias
            return self._send_json([{"count": str(count)}], fault=fault)
        if target == "groups":
            return self._send_groups(params)
        return self._send_data(params, fault)

    def _send_groups(self, params: dict[str, str]) -> None:
        """``$select=F, count(*) AS n&$group=F&$having=count(*) > 1``: the values ``F`` holds more than once."""
        soda = self.soda
        key = params["$group"].strip()
        with soda._lock:
            counts: dict[Any, int] = {}
            for r in soda.rows:
                if r.get(key) is not None:
                    counts[r[key]] = counts.get(r[key], 0) + 1
        self._send_json([{key: v, "n": str(n)} for v, n in counts.items() if n > 1])

    def _send_data(self, params: dict[str, str], fault: Fault | None) -> None:
        soda = self.soda
        select = params.get("$select", "*").replace(" ", "")
        system = select.startswith(":*")
        limit = int(params.get("$limit", "1000"))
        rows = soda.rows
        order = params.get("$order")
        if order and order != ":id":
            rows = sorted(rows, key=lambda r: (r.get(order) is None, r.get(order) or ""))
        else:
            rows = sorted(rows, key=lambda r: r[":id"])
        start = int(params.get("$offset", "0"))
        if "$where" in params:
            match = _KEYSET.match(params["$where"])
            if match is None:
                return self._send_json({"error": True, "message": "unsupported $where"}, status=400)
            after = match.group(1).replace("''", "'")
            start += sum(1 for r in rows if r[":id"] <= after)
        if fault is not None and fault.action == "repeat":
            start = max(0, start - limit)
        page = [soda._serve_row(r, system) for r in rows[start:start + limit]]
        if fault is not None and fault.action == "stale" and start >= limit:
            page = [{**soda._serve_row(old, system), ":id": new[":id"]}
                    for old, new in zip(rows[start - limit:start], page)]
        fields = ([":id", ":created_at", ":updated_at"] if system else []) + soda.fields
        headers = {"X-SODA2-Fields": json.dumps(fields)} if soda.fields_header else {}
        if isinstance(soda.rows_updated_at, int) and 0 < soda.rows_updated_at < 10**10:
            headers["X-SODA2-Truth-Last-Modified"] = email.utils.formatdate(soda.rows_updated_at, usegmt=True)
        self._send_json(page, fault=fault, headers=headers)

    def _send_json(self, body: Any, *, status: int = 200, headers: dict[str, str] | None = None,
                   fault: Fault | None = None) -> None:
        data = json.dumps(body).encode("utf-8")
        if fault is not None and fault.action == "truncate":
            data = data[: max(1, len(data) // 2)]
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json;charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if fault is not None or status != 200:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            if fault is not None and fault.action == "trickle":
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    time.sleep(fault.delay)
                return
            if fault is not None and fault.action == "drop":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True  # the client gave up (e.g. its timeout passed)


def _position(rows: list[dict[str, Any]], params: dict[str, str]) -> int:
    """Where a data request's page starts: ``$offset`` plus the rows at or before its keyset ``:id``."""
    offset = int(params.get("$offset", "0"))
    match = _KEYSET.match(params.get("$where", ""))
    if match is None:
        return offset
    after = match.group(1).replace("''", "'")
    return offset + sum(1 for r in rows if r.get(":id", "") <= after)
