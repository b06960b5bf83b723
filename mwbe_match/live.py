"""Directory stage, live: fetch a published directory through the SODA client, normalize it, keep it as a snapshot.

:func:`fetch_directory` downloads a source's dataset (by default NYC Open Data
dataset ``ci93-uc8s``, :data:`mwbe_match.sources.NYC_SBS`) with the generic
client of :mod:`mwbe_match.sources.socrata` (keyset paging on ``:id``,
consistency checks, one more download from the beginning if the dataset
changed meanwhile, retries within a :class:`RetryPolicy`), checks that the
fields the source's spec requires are still published, normalizes the rows
with the same code path as the CSV loader
(:func:`mwbe_match.directory.normalize_directory`) and saves them as a Parquet
snapshot in the cache (see :mod:`mwbe_match.snapshots`), which
:func:`mwbe_match.load_directory` then uses by default. When a fetch fails, a
:class:`FetchError` says which page failed and why, and the cache is left as
it was.

The app token (argument or ``SOCRATA_APP_TOKEN``) is checked before any
request and sent only as the ``X-App-Token`` header; it never appears in log
messages, exception text, reprs or snapshot metadata.

:func:`live_directory` is what ``directory="live"`` means in the batch jobs
and on the command line: a fresh enough snapshot, else a fetch, else (no
network) the newest snapshot with a warning naming its date.

The old path ``mwbe_match.socrata`` is this module (a transitional alias, issue 12).
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import warnings
from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd
import requests

from . import snapshots
from .directory import METADATA_KEY, DirectoryWarning, load_directory, normalize_directory
from .sources import NYC_SBS, SourceSpec, get_source
from .sources.socrata import (
    DEFAULT_DEADLINE,
    DEFAULT_PAGE_SIZE,
    DEFAULT_TIMEOUT,
    TOKEN_ENV_VAR,
    FetchError,
    Page,
    RetryPolicy,
    SocrataClient,
    Timeout,
    check_app_token,
    download_dataset,
    parse_retry_after,
)
from .validation import positive_int

__all__ = [
    "fetch_directory",
    "live_directory",
    "check_app_token",
    "parse_retry_after",
    "FetchError",
    "Page",
    "RetryPolicy",
    "SocrataClient",
    "LIVE_RETRY",
    "DEFAULT_BASE_URL",
    "DEFAULT_DATASET_ID",
    "DEFAULT_PAGE_SIZE",
    "DEFAULT_TIMEOUT",
    "DEFAULT_DEADLINE",
    "TOKEN_ENV_VAR",
]

logger = logging.getLogger("mwbe_match.socrata")

#: NYC Open Data's portal (the default source's).
DEFAULT_BASE_URL = NYC_SBS.domain
#: "M/WBE, LBE, and EBE Certified Business List" (the default source's dataset).
DEFAULT_DATASET_ID = NYC_SBS.dataset_id


# --------------------------------------------------------------------------- fields


@dataclass
class _FieldCheck:
    columns: list[str]          # every field to build the frame with
    missing: list[str]          # known API fields that are gone
    unrecognized: list[str]     # fields the library does not know (renamed?)


def _check_fields(upstream: Sequence[str], dataset_id: str, *, spec: SourceSpec,
                  authoritative: bool = True) -> _FieldCheck:
    """Compare the dataset's fields with the spec's; raise if a required one is gone.

    ``authoritative`` is false when ``upstream`` are only the keys seen in
    rows (SODA leaves null fields out), so a field empty in every row looks absent.
    """
    data_fields = [f for f in upstream if not f.startswith(":")]
    gone = "no longer has field(s)" if authoritative else "has no value in any row for field(s)"
    match = spec.match_headers(data_fields)
    unrecognized = match.ignored
    missing = match.missing
    required = spec.missing_required(match)
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
    spec: SourceSpec | str | None = None,
    base_url: str | None = None,
    dataset_id: str | None = None,
    app_token: str | None = None,
    cache_dir: str | os.PathLike | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    timeout: Timeout = DEFAULT_TIMEOUT,
    max_age: _dt.timedelta | float | None = None,
    keep: int = snapshots.DEFAULT_KEEP,
    retry: RetryPolicy | None = None,
    progress: bool | None = None,
    session: requests.Session | None = None,
    deadline: float | None = DEFAULT_DEADLINE,
) -> pd.DataFrame:
    """Download NYC's current certified-business list and cache it as a snapshot.

    Pages through ``{base_url}/resource/{dataset_id}.json`` by keyset on
    ``:id`` until a short page, then checks that the rows are one consistent
    version of the dataset: ``count(*)`` and ``rowsUpdatedAt`` the same
    before and after, as many rows as ``count(*)``, every page from the same
    version (``X-SODA2-Truth-Last-Modified``), no ``:id`` twice, and no
    account number more often than the source itself holds it. If not, it
    downloads once more from the beginning; if that is not consistent either
    it raises :class:`FetchError`. Then it normalizes the rows like
    :func:`~mwbe_match.load_directory` does a CSV export, writes the Parquet
    snapshot atomically and prunes old ones.

    Args:
        spec: the published directory to fetch (a :class:`~mwbe_match.sources.SourceSpec`
            or its registered name; default NYC SBS): its portal, dataset id and fields.
        base_url: the Socrata portal (default: the spec's, NYC Open Data); point it at a mirror or a test server.
        dataset_id: the dataset (default: the spec's, ``ci93-uc8s``).
        app_token: a Socrata app token (higher rate limits); default: the
            ``SOCRATA_APP_TOKEN`` environment variable. Sent only as the
            ``X-App-Token`` header, never logged or stored.
        cache_dir: where snapshots live (default: ``MWBE_MATCH_CACHE`` or the
            per-user cache; see :mod:`mwbe_match.snapshots`).
        page_size: rows per request.
        timeout: seconds for connecting and for each read, or a ``(connect, read)`` pair.
        deadline: seconds one request may take in all, body included (a body
            that trickles in is retried once this passes); ``None``: no limit.
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
            (the message names its offset, its keyset ``:id`` and the last
            failure), the dataset changed during both downloads or the rows
            received do not match ``count(*)`` either time, or a field the
            library needs is gone upstream. The cache is left as it was
            (earlier snapshots byte for byte).
        ValueError: an argument is invalid, or the app token holds
            whitespace or control characters (the message does not show it).

    Warns:
        DirectoryWarning: a field the library knows is gone upstream (named
            by its API name, with any unrecognized fields that may be its new name).
    """
    page_size = positive_int("page_size", page_size)
    keep = snapshots.check_keep(keep)
    spec = get_source(spec)
    base_url = base_url if base_url is not None else spec.domain
    dataset_id = dataset_id if dataset_id is not None else spec.dataset_id
    if base_url is None:
        raise ValueError(f"source {spec.name!r} names no portal; pass base_url=")
    if app_token is not None:
        token = app_token
    else:
        token = os.environ.get(TOKEN_ENV_VAR)
        check_app_token(token, f"the {TOKEN_ENV_VAR} environment variable")
    with SocrataClient(base_url, dataset_id, app_token=token or None, timeout=timeout, retry=retry,
                       session=session, deadline=deadline) as client:
        if max_age is not None:
            cached = _fresh_snapshot(cache_dir, dataset_id, _as_timedelta(max_age))
            if cached is not None:
                logger.info("using cached snapshot %s (younger than max_age)", cached.name)
                return load_directory(cached)
        return _fetch(client, spec, cache_dir=cache_dir, page_size=page_size, keep=keep, progress=progress)


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



def _fetch(client: SocrataClient, spec: SourceSpec, *, cache_dir, page_size: int, keep: int,
           progress: bool | None) -> pd.DataFrame:
    got = download_dataset(client, page_size, key_field=spec.key_api_field, progress=progress)
    rows, fields, fetched_at = got.rows, got.fields, got.fetched_at
    check = _check_fields(fields, client.dataset_id, spec=spec, authoritative=got.authoritative)
    raw = _rows_to_frame(rows, check.columns)
    extra = {
        "source_url": client.resource_url,
        "dataset_id": client.dataset_id,
        "fetched_at": fetched_at.isoformat(timespec="seconds"),
        "row_count": len(rows),
        "data_updated_at": got.data_updated_at,
        "upstream_missing_fields": check.missing,
        "upstream_unrecognized_fields": check.unrecognized,
    }
    df = normalize_directory(raw, spec=spec, source=client.resource_url, source_kind="socrata",
                             snapshot_date=fetched_at.date().isoformat(), extra_metadata=extra)
    folder = snapshots.resolve_cache_dir(cache_dir)
    path = snapshots.write_snapshot(df, folder, dataset_id=client.dataset_id, fetched_at=fetched_at)
    df.attrs[METADATA_KEY]["path"] = str(path)
    removed = snapshots.prune_snapshots(folder, keep=keep, dataset_id=client.dataset_id)
    logger.info("saved %d firms to %s%s", len(df), path,
                f"; removed {len(removed)} old snapshot(s)" if removed else "")
    return df


#: Retries of :func:`live_directory`: short, since a cached snapshot can stand in (about 10 s offline).
LIVE_RETRY = RetryPolicy(max_retries=2, backoff=1.0, max_backoff=5.0, total_budget_seconds=15.0)


def live_directory(
    *,
    max_age: _dt.timedelta | float | None = _dt.timedelta(days=1),
    spec: SourceSpec | str | None = None,
    base_url: str | None = None,
    dataset_id: str | None = None,
    cache_dir: str | os.PathLike | None = None,
    retry: RetryPolicy | None = None,
    progress: bool | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The City's current list: a snapshot younger than ``max_age``, else a fresh fetch, else the newest snapshot.

    This is what ``directory="live"`` (and ``--directory live``) means. When
    the fetch fails (no network, the dataset kept changing, ...) the newest
    cached snapshot of ``dataset_id`` is used, with a
    :class:`~mwbe_match.directory.DirectoryWarning` that names its date and
    why the fetch failed.

    Args:
        max_age: reuse a snapshot younger than this without a request (default one day).
        spec: the published directory (default NYC SBS), as for :func:`fetch_directory`.
        base_url: the Socrata portal (default: the spec's; for NYC SBS :data:`DEFAULT_BASE_URL`, read when called).
        retry: the :class:`RetryPolicy` (default :data:`LIVE_RETRY`, read when called).
        dataset_id, cache_dir, progress, options: as for :func:`fetch_directory`.

    Raises:
        FetchError: the fetch failed and no snapshot of ``dataset_id`` is cached
            (the message says both).
    """
    spec = get_source(spec)
    url = base_url if base_url is not None else DEFAULT_BASE_URL if spec is NYC_SBS else spec.domain
    dataset_id = dataset_id if dataset_id is not None else spec.dataset_id
    try:
        return fetch_directory(spec=spec, base_url=url, dataset_id=dataset_id, cache_dir=cache_dir, max_age=max_age,
                               retry=retry or LIVE_RETRY, progress=progress, **options)
    except FetchError as exc:
        newest = snapshots.newest_snapshot(cache_dir, dataset_id)
        if newest is None:
            raise FetchError(
                f"could not fetch the live directory and no snapshot of {dataset_id} is cached in "
                f"{snapshots.resolve_cache_dir(cache_dir)}: {exc}; run 'mwbe-match fetch' once you are online, "
                "or pass a CSV export of the list", offset=exc.offset, url=exc.url, reason=exc.reason,
                after_id=exc.after_id) from None
        taken = snapshots.snapshot_time(newest)
        when = taken.strftime("%Y-%m-%d %H:%M UTC") if taken else "at an unknown date"
        warnings.warn(
            f"could not fetch the live directory ({exc.reason}); using the newest cached snapshot, "
            f"fetched {when} ({newest.name}); it may miss firms certified or lapsed since",
            DirectoryWarning, stacklevel=2)
        return load_directory(newest)
