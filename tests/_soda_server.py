"""A small SODA-like HTTP server for tests: serves an export CSV as dataset pages, with faults on demand.

It speaks the part of the Socrata API that :mod:`mwbe_match.socrata` uses:

- ``GET /resource/{id}.json`` with ``$limit``, ``$offset``, ``$order`` (``:id``
  or a field) and ``$select`` (``*``, ``:*,*`` for the system fields too, or
  ``count(*)``). Rows carry the SODA API field names; empty fields are left out
  of the row object, as SODA does; values are strings; dates of the export's
  date fields are sent as SODA floating timestamps (``2019-01-31T00:00:00.000``).
  Data responses carry an ``X-SODA2-Fields`` header.
- ``GET /api/views/{id}.json``: ``rowsUpdatedAt`` and the column list.

Faults are queued with :meth:`SodaServer.add_fault` and consumed by the
matching requests: HTTP 429 with ``Retry-After``, any status, a connection
dropped mid-body, a response slower than the client's timeout, a truncated
JSON body, the previous page's rows again. :meth:`SodaServer.rename_field`
changes the served layout. Every request is logged (time, path, query, headers).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from mwbe_match.schema import SOURCE_COLUMNS

DATASET_ID = "ci93-uc8s"
ROWS_UPDATED_AT = 1_767_225_600  # 2026-01-01T00:00:00Z

_EXPORT_TO_API = {c.export: c.api for c in SOURCE_COLUMNS}
_DATE_FIELDS = {c.api for c in SOURCE_COLUMNS if c.kind == "date"}


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
            JSON body is cut short), ``repeat`` (the previous page's rows).
        offset: match data pages at this ``$offset`` (``None``: any data page).
        target: ``data``, ``count`` or ``views``.
        times: how many matching requests it affects.
    """

    action: str
    offset: int | None = None
    target: str = "data"
    times: float = 1
    status: int = 503
    retry_after: str | None = None
    delay: float = 0.0


@dataclass
class LoggedRequest:
    time: float
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    target: str

    @property
    def offset(self) -> int | None:
        return int(self.params["$offset"]) if "$offset" in self.params else None


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

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self.fields = [c.api for c in SOURCE_COLUMNS]

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
            target = "count" if params.get("$select", "").replace(" ", "").lower() == "count(*)" else "data"
        elif parts.path == f"/api/views/{soda.dataset_id}.json":
            target = "views"
        else:
            target = "other"
        logged = LoggedRequest(time.monotonic(), parts.path, params, dict(self.headers.items()), target)
        with soda._lock:
            soda.requests.append(logged)
        if target == "other" or (target == "views" and not soda.views_available):
            return self._send_json({"error": True, "message": "not found"}, status=404)
        fault = soda._take_fault(target, logged.offset)
        if fault is not None and fault.action == "status":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else {}
            return self._send_json({"error": True, "message": "try later"}, status=fault.status, headers=headers)
        if fault is not None and fault.action == "slow":
            time.sleep(fault.delay)
        if target == "views":
            body: Any = {"id": soda.dataset_id, "name": "M/WBE, LBE, and EBE Certified Business List",
                         "rowsUpdatedAt": ROWS_UPDATED_AT,
                         "columns": [{"fieldName": f} for f in soda.fields]}
            return self._send_json(body, fault=fault)
        if target == "count":
            with soda._lock:
                count = soda.count_answers.pop(0) if soda.count_answers else len(soda.rows)
            return self._send_json([{"count": str(count)}], fault=fault)
        return self._send_data(params, fault)

    def _send_data(self, params: dict[str, str], fault: Fault | None) -> None:
        soda = self.soda
        select = params.get("$select", "*").replace(" ", "")
        system = select.startswith(":*")
        limit = int(params.get("$limit", "1000"))
        offset = int(params.get("$offset", "0"))
        rows = soda.rows
        order = params.get("$order")
        if order and order != ":id":
            rows = sorted(rows, key=lambda r: (r.get(order) is None, r.get(order) or ""))
        if fault is not None and fault.action == "repeat":
            offset = max(0, offset - limit)
        page = [soda._serve_row(r, system) for r in rows[offset:offset + limit]]
        fields = ([":id", ":created_at", ":updated_at"] if system else []) + soda.fields
        headers = {"X-SODA2-Fields": json.dumps(fields)} if soda.fields_header else {}
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
            if fault is not None and fault.action == "drop":
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True  # the client gave up (e.g. its timeout passed)
