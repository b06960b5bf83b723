"""Outputs stage, the command line: ``mwbe-match`` and its commands, one line per failure.

Each command is a function ``_cmd_<name>(args) -> int`` registered in
:func:`build_parser`; exit status 0 is success, 1 a failed run, 2 bad usage.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import warnings
from typing import Callable, Iterator, Sequence

from ._version import __version__

__all__ = ["main", "build_parser"]

# Defaults the parser shows, written out so that building it (``mwbe-match --help``) imports none of the
# modules they come from (pandas, pyarrow, scipy, requests). tests/test_cli_startup.py checks that each
# equals the library's own value (named in the comment).
_OUTPUT_FORMATS = ("parquet", "csv", "xlsx")  # mwbe_match.outputs.OUTPUT_FORMATS
_DEFAULT_EXPIRING_WITHIN_DAYS = 90  # mwbe_match.certification.DEFAULT_EXPIRING_WITHIN_DAYS
_DEFAULT_KEEP = 5  # mwbe_match.snapshots.DEFAULT_KEEP
_DEFAULT_BASE_URL = "https://data.cityofnewyork.us"  # mwbe_match.live.DEFAULT_BASE_URL
_DEFAULT_DATASET_ID = "ci93-uc8s"  # mwbe_match.live.DEFAULT_DATASET_ID
_DEFAULT_PAGE_SIZE = 2000  # mwbe_match.live.DEFAULT_PAGE_SIZE
_DEFAULT_TIMEOUT = 30.0  # mwbe_match.live.DEFAULT_TIMEOUT
#: mwbe_match.participation.PlanConfig's defaults of the plan options
_PLAN_DEFAULTS = {"min_score": 20.0, "capacity_factor": 2.0, "unproven_limit": 250_000.0, "max_scopes_per_firm": 1,
                  "alternates": 3}


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keep the example blocks in epilogs as written."""


def _add_command(
    sub: argparse._SubParsersAction, name: str, *, help: str, example: str, func: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name, help=help, description=help, epilog=f"example:\n  {example}", formatter_class=_HelpFormatter
    )
    parser.set_defaults(func=func)
    return parser


def _cmd_info(args: argparse.Namespace) -> int:
    from .directory import directory_summary, load_directory

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if isinstance(args.directory, str) and args.directory.strip().lower() == "live":
            from .live import FetchError, live_directory

            try:
                df = live_directory()
            except FetchError as exc:
                print(f"mwbe-match info: error: {exc}", file=sys.stderr)
                return 1
        else:
            df = load_directory(args.directory, encoding=args.directory_encoding)
    for w in caught:
        print(f"note: {w.message}", file=sys.stderr)
    summary = directory_summary(df)
    from .certification import CERTIFICATION_STATUSES, certification_status, resolve_as_of

    as_of = resolve_as_of(args.as_of)
    judged = certification_status(df, as_of, **_expiring(args))["certification_status"].value_counts()
    summary["as_of"] = as_of.isoformat()
    summary["by_certification_status"] = {s: int(judged.get(s, 0)) for s in CERTIFICATION_STATUSES}
    if args.json:
        print(json.dumps(summary, indent=2, default=str))
        return 0
    print(f"source:         {summary['source']} ({summary['source_kind']})")
    print(f"snapshot date:  {summary['snapshot_date'] or 'unknown'}")
    print(f"firms:          {summary['firms']:,} ({summary['unique_account_numbers']:,} unique account numbers)")
    print("by certification:")
    for key, count in summary["by_certification"].items():
        print(f"  {key:<30} {count:>7,}")
    print(f"by certification status on {summary['as_of']}:")
    for key, count in summary["by_certification_status"].items():
        print(f"  {key:<30} {count:>7,}")
    print("by borough:")
    for key, count in summary["by_borough"].items():
        print(f"  {key:<30} {count:>7,}")
    print(f"validation problems: {summary['validation_problems']:,}"
          + (" (see mwbe_match.validation_report(df))" if summary["validation_problems"] else ""))
    return 0


def _parse_max_age(text: str) -> float:
    """Seconds from ``3600``, ``90s``, ``30m``, ``12h`` or ``7d``."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    value = text.strip().lower()
    scale = units.get(value[-1:], None)
    try:
        seconds = float(value[:-1] if scale else value) * (scale or 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an age: {text!r} (use seconds, or a number with s, m, h or d)")
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"max age must not be negative: {text!r}")
    return seconds


def _cmd_fetch(args: argparse.Namespace) -> int:
    from .directory import directory_metadata
    from .live import FetchError, fetch_directory

    try:
        with _log_to_stderr("mwbe_match.socrata", None if args.quiet else logging.INFO), \
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            df = fetch_directory(
                base_url=args.base_url, dataset_id=args.dataset_id, app_token=args.app_token,
                cache_dir=args.cache_dir, page_size=args.page_size, timeout=args.timeout,
                max_age=args.max_age, keep=args.keep, progress=False if args.quiet else None,
            )
    except FetchError as exc:
        print(f"mwbe-match fetch: error: {exc}", file=sys.stderr)
        return 1
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    meta = directory_metadata(df)
    print(f"{len(df):,} firms in {meta.get('path')}")
    print(f"fetched at {meta.get('fetched_at')} from {meta.get('source_url')}; "
          f"dataset last updated {meta.get('data_updated_at') or 'unknown'}")
    return 0


def _directory_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--directory-encoding", metavar="ENCODING", default=None,
                        help="text encoding of a CSV --directory (default: detect UTF-8, UTF-8 with BOM or CP949)")


def _batch_directory(args: argparse.Namespace) -> object:
    """``--directory`` as the batch jobs take it: a CSV with ``--directory-encoding`` is loaded here."""
    directory = args.directory
    if args.directory_encoding is None or directory is None or str(directory).strip().lower() == "live":
        return directory
    from .directory import load_directory

    return load_directory(directory, encoding=args.directory_encoding)


def _batch_options(parser: argparse.ArgumentParser, what: str) -> None:
    """Options shared by the batch commands (shortlist, verify)."""
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file (.parquet, .csv, or .xlsx for an Excel workbook); its extension picks "
                             "the format; written atomically")
    parser.add_argument("--directory", metavar="PATH|live", default=None,
                        help="CSV export or Parquet snapshot, or 'live' for the City's current list "
                             "(cached for a day; offline, the newest snapshot) "
                             "(default: newest live snapshot, else the bundled sample)")
    _directory_encoding_option(parser)
    parser.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    parser.add_argument("--format", choices=_OUTPUT_FORMATS, default=None,
                        help="output format; must match OUT's extension (default: the one it names); CSV is UTF-8 "
                             "with BOM for Excel, with formula-like cells neutralized; xlsx needs the excel extra")
    parser.add_argument("--encoding", default=None,
                        help=f"text encoding of a CSV {what} file (default: detect UTF-8, UTF-8 with BOM or CP949)")
    parser.add_argument("--sheet", default=None,
                        help=f"sheet of an XLSX {what} file: name or 0-based position (default: the first)")
    parser.add_argument("--chunk-size", type=int, default=None, metavar="N",
                        help="rows processed and written per chunk (bounds memory)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, row problems or summary")
    parser.add_argument("--lang", choices=("en", "ko"), default="en",
                        help="language of the reasons, and of a CSV file's headers and status values "
                             "(ko: Korean; Parquet keeps English column names) (default: %(default)s)")


def _as_of_date(text: str):
    """An ``--as-of`` date (``YYYY-MM-DD``)."""
    from .certification import resolve_as_of

    try:
        return resolve_as_of(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD, e.g. 2026-12-01)") from None


def _whole_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a whole number of days >= 0: {text!r}")
    return value


def _workers(text: str) -> int:
    """A ``--workers`` count: -1 (one worker per core) or a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value != -1 and value < 1:
        raise argparse.ArgumentTypeError(f"not -1 or a whole number of at least 1: {text!r}")
    return value


def _certification_options(parser: argparse.ArgumentParser, *, include_lapsed: bool) -> None:
    """Options about certification status (shortlist; verify can share them): --as-of, --expiring-within-days.

    ``include_lapsed`` adds ``--include-lapsed`` (for commands that leave lapsed firms out).
    """
    parser.add_argument("--as-of", type=_as_of_date, default=None, metavar="DATE",
                        help="judge certifications on this date, YYYY-MM-DD (default: today)")
    parser.add_argument("--expiring-within-days", type=_whole_number, default=None, metavar="N",
                        help="a certification renewing within N days of the as-of date is 'expiring' "
                             f"(default: {_DEFAULT_EXPIRING_WITHIN_DAYS})")
    if include_lapsed:
        parser.add_argument("--include-lapsed", action="store_true", default=None,
                            help="also return firms whose certification lapsed before the as-of date, flagged "
                                 "'lapsed' (default: they are left out)")


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"not a score between 0 and 100: {text!r}")
    return value


def _run_batch(args: argparse.Namespace, job: Callable[..., object], source: str, **options: object) -> int:
    """Run a batch job with the command line's conventions: notes, row problems and summary on stderr."""
    import signal
    import threading

    from ._allocator import keep_freed_memory
    from .batch import DEFAULT_CHUNK_SIZE

    def _terminate(signum, frame):  # a killed job must not leave a temporary file behind
        raise KeyboardInterrupt

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    keep_freed_memory()  # a batch command's process: its ranking arrays reuse freed memory (mwbe_match._allocator)
    try:
        with _log_to_stderr("mwbe_match.batch", logging.ERROR if args.quiet else logging.INFO), \
                warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _note  # as they happen: e.g. that the bundled sample is in use
            summary = job(
                source, args.output, directory=_batch_directory(args), overwrite=args.overwrite, format=args.format,
                chunk_size=DEFAULT_CHUNK_SIZE if args.chunk_size is None else args.chunk_size,
                progress=False if args.quiet else None, encoding=args.encoding, sheet=args.sheet, lang=args.lang,
                **options,
            )
    except ImportError as exc:
        print(f"mwbe-match {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:  # FetchError of --directory live (imported lazily, with the network client)
        from .live import FetchError

        if not isinstance(exc, FetchError):
            raise
        print(f"mwbe-match {args.command}: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
    if not args.quiet:
        for line in summary.lines():
            print(line, file=sys.stderr)
    return 0


@contextlib.contextmanager
def _log_to_stderr(name: str, level: int | None) -> Iterator[None]:
    """Print logger ``name``'s messages from ``level`` up on stderr, bare; the logger is restored after.

    ``level=None`` leaves the logger alone.
    """
    if level is None:
        yield
        return
    log = logging.getLogger(name)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    previous = log.level
    log.addHandler(handler)
    log.setLevel(level)
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.setLevel(previous)


def _note(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"note: {message}", file=sys.stderr)


def _cmd_shortlist(args: argparse.Namespace) -> int:
    from .batch import run_shortlist

    return _run_batch(args, run_shortlist, args.needs, top=args.top, glossary=args.lexicon or None,
                      as_of=args.as_of, include_lapsed=args.include_lapsed,
                      expiring_within_days=args.expiring_within_days, min_score=args.min_score,
                      workers=args.workers)


def _cmd_verify(args: argparse.Namespace) -> int:
    from .batch import run_verify
    from .certification import DEFAULT_EXPIRING_WITHIN_DAYS

    return _run_batch(args, run_verify, args.vendors, name_column=args.name_column, threshold=args.threshold,
                      as_of=args.as_of, expiring_within_days=(DEFAULT_EXPIRING_WITHIN_DAYS
                                                              if args.expiring_within_days is None
                                                              else args.expiring_within_days))


def _cmd_changes(args: argparse.Namespace) -> int:
    from .changes import CHANGES, diff_directories
    from .directory import directory_metadata, load_directory
    from .snapshots import list_snapshots, resolve_cache_dir

    if len(args.paths) not in (0, 2):
        print("mwbe-match changes: error: give both OLD and NEW, or neither (the two newest snapshots)",
              file=sys.stderr)
        return 2
    if args.paths:
        old_source, new_source = args.paths
    else:
        found = list_snapshots(args.cache_dir)
        if len(found) < 2:
            print(f"mwbe-match changes: error: the snapshot cache {resolve_cache_dir(args.cache_dir)} holds "
                  f"{len(found)} snapshot{'' if len(found) == 1 else 's'}; comparing needs two "
                  "(run `mwbe-match fetch` again after the City's next update, or pass OLD and NEW)",
                  file=sys.stderr)
            return 1
        old_source, new_source = found[-2], found[-1]
    from .verify import NameColumnError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old, new = load_directory(old_source), load_directory(new_source)
        try:
            changes = diff_directories(old, new, as_of=args.as_of, old_as_of=args.old_as_of,
                                       expiring_within_days=args.expiring_within_days,
                                       vendors=args.vendors, name_column=args.name_column)
        except NameColumnError as exc:
            print(f"mwbe-match changes: error: --vendors {args.vendors}: {exc}", file=sys.stderr)
            return 1
    for w in caught:
        print(f"note: {w.message}", file=sys.stderr)
    info = changes.attrs["mwbe_match_changes"]
    if not args.quiet:
        for label, df, day in (("old", old, info["old_as_of"]), ("new", new, info["as_of"])):
            meta = directory_metadata(df)
            print(f"{label}: {meta.get('path') or meta.get('source')} ({len(df):,} rows, snapshot date "
                  f"{meta.get('snapshot_date') or 'unknown'}; certifications judged on {day})", file=sys.stderr)
        if args.vendors:
            print(f"only firms matched by the vendor list {args.vendors}", file=sys.stderr)
        counts = ", ".join(f"{info['counts'][c]:,} {c}" for c in CHANGES if info["counts"][c])
        print(f"changes: {len(changes):,}" + (f" ({counts})" if counts else ""), file=sys.stderr)
    if args.output:
        from .batch import write_table

        path = write_table(changes, args.output, format=args.format, overwrite=args.overwrite, kind="changes",
                           metadata={**info, "old": str(old_source), "new": str(new_source),
                                     "vendors": args.vendors})
        if not args.quiet:
            print(f"rows written: {len(changes):,} to {path}", file=sys.stderr)
    else:
        if len(changes):
            shown = changes.astype(object).where(changes.notna(), "")
            print(shown.to_string(index=False, max_colwidth=60))
        else:
            print("no changes")
    return 0


# --------------------------------------------------------------------------- participation (plan, utilization)


def _cmd_plan(args: argparse.Namespace) -> int:
    from .participation import PlanConfig, parse_goals, plan_participation
    from .readers import read_table

    parse_goals(args.goals)  # a bad goal fails before any file is read
    scopes = read_table(args.scopes, encoding=args.encoding, sheet=args.sheet)
    _note_blank_rows(scopes)
    config = PlanConfig(min_score=args.min_score, capacity_factor=args.capacity_factor,
                        unproven_limit=args.unproven_limit, max_scopes_per_firm=args.max_scopes_per_firm,
                        alternates=args.alternates, as_of=args.as_of,
                        **_expiring(args))
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = _note
        directory = _participation_directory(args.directory)
        plan = plan_participation(scopes, args.goals, contract_value=args.contract_value, through=args.through,
                                  directory=directory, config=config)
    paths = plan.write(args.output, format=args.format, overwrite=args.overwrite)
    if not args.quiet:
        print(plan.summary(), file=sys.stderr)
        for name, path in paths.items():
            print(f"{name + ':':<13} {path}", file=sys.stderr)
    return 0


def _cmd_utilization(args: argparse.Namespace) -> int:
    from .participation import parse_goals, utilization_report
    from .readers import read_table

    parse_goals(args.goals)
    payments = read_table(args.payments, encoding=args.encoding, sheet=args.sheet)
    _note_blank_rows(payments)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = _note
        directory = _participation_directory(args.directory)
        report = utilization_report(payments, directory, goals=args.goals, contract_value=args.contract_value,
                                    name_column=args.name_column, as_of=args.as_of, **_expiring(args))
    paths = report.write(args.output, format=args.format, overwrite=args.overwrite)
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
        for name, path in paths.items():
            print(f"{name + ':':<13} {path}", file=sys.stderr)
    return 0


def _note_blank_rows(frame) -> None:
    """Say on stderr which blank rows of an input file were skipped (rows keep their numbers in the file)."""
    from .readers import blank_rows_note

    note = blank_rows_note(frame.attrs.get("blank_rows", ()))
    if note:
        print(f"note: {frame.attrs.get('source')}: {note}; the rows keep the numbers they have in the file",
              file=sys.stderr)


def _expiring(args: argparse.Namespace) -> dict:
    """``expiring_within_days=`` when ``--expiring-within-days`` was given (else the library's default)."""
    days = getattr(args, "expiring_within_days", None)
    return {} if days is None else {"expiring_within_days": days}


def _participation_directory(directory: str | None):
    from .directory import load_directory

    if isinstance(directory, str) and directory.strip().lower() == "live":
        import datetime as _dt

        from .live import fetch_directory

        return fetch_directory(max_age=_dt.timedelta(days=1))
    return load_directory(directory)


def _money_arg(text: str) -> float:
    try:
        value = float(text.replace("$", "").replace(",", "").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an amount of dollars: {text!r}")
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be greater than 0: {text!r}")
    return value


def _participation_output_options(parser: argparse.ArgumentParser, tables: str) -> None:
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help=f"main output file (.parquet, .csv, or .xlsx for one workbook); {tables} are written "
                             "beside it as OUT's stem plus .<table> (in an .xlsx: one sheet each); all files are "
                             "written atomically")
    parser.add_argument("--format", choices=_OUTPUT_FORMATS, default=None,  # plans and reports: the same registry
                        help="output format; must match OUT's extension (default: the one it names)")
    parser.add_argument("--overwrite", action="store_true", help="replace the output files if they exist")
    parser.add_argument("--directory", metavar="PATH|live", default=None,
                        help="CSV export or Parquet snapshot, or 'live' (default: newest live snapshot, else the "
                             "bundled sample)")
    parser.add_argument("--encoding", default=None, help="text encoding of a CSV input (default: detect)")
    parser.add_argument("--sheet", default=None, help="sheet of an XLSX input (default: the first)")
    parser.add_argument("--quiet", action="store_true", help="no summary on stderr")


def _add_participation_commands(sub: argparse._SubParsersAction) -> None:
    """The ``plan`` and ``utilization`` commands (mwbe_match.participation)."""
    plan = _add_command(
        sub, "plan",
        help="Plan which certified firm takes which scope of a bid so it meets its M/WBE participation goals.",
        example='mwbe-match plan datasets/scopes_example.csv --contract-value 12000000 --through 2028-06-30 '
                '--goals "Black American=8,Hispanic American=4,Women=10" -o plan.parquet',
        func=_cmd_plan,
    )
    plan.add_argument("scopes", metavar="SCOPES",
                      help="scopes file (CSV, XLSX, JSON, Parquet): scope_id, text, value, optional credit_share "
                           "and need requirement columns (naics, boroughs, min_bonding, ...)")
    plan.add_argument("--contract-value", type=_money_arg, required=True, metavar="DOLLARS",
                      help="the contract's value; goals are percentages of it")
    plan.add_argument("--through", required=True, metavar="YYYY-MM-DD",
                      help="the contract's end date; every planned firm's credited certification is valid through it")
    plan.add_argument("--goals", required=True, metavar="GOALS",
                      help='"Black American=8,Asian American=8,Hispanic American=4,Native American=1,Women=10,'
                           'Emerging=6,M/WBE total=30" (any subset), or citywide:construction')
    plan.add_argument("--min-score", type=float, default=_PLAN_DEFAULTS["min_score"],
                      help="lowest fit score (0-100) of a firm for a scope (default: %(default)s)")
    plan.add_argument("--capacity-factor", type=float, default=_PLAN_DEFAULTS["capacity_factor"],
                      help="a scope may be worth at most this many times the firm's largest past contract "
                           "(default: %(default)s)")
    plan.add_argument("--unproven-limit", type=_money_arg, default=_PLAN_DEFAULTS["unproven_limit"], metavar="DOLLARS",
                      help="firms without contract history take only scopes under this (default: %(default).0f)")
    plan.add_argument("--max-scopes-per-firm", type=int, default=_PLAN_DEFAULTS["max_scopes_per_firm"],
                      help="scopes one firm may take (default: %(default)s)")
    plan.add_argument("--alternates", type=int, default=_PLAN_DEFAULTS["alternates"],
                      help="next-best firms listed per scope (default: %(default)s)")
    _certification_options(plan, include_lapsed=False)
    _participation_output_options(plan, "the attainment and alternates tables")

    util = _add_command(
        sub, "utilization",
        help="Verify every payment's vendor and report what counts toward the participation goals, by group.",
        example="mwbe-match utilization datasets/payments_example.csv -o report.parquet --goals Women=10",
        func=_cmd_utilization,
    )
    util.add_argument("payments", metavar="PAYMENTS",
                      help="payments file: vendor name, amount, payment_date, optional account_number and "
                           "credited_group columns")
    util.add_argument("--goals", default=None, metavar="GOALS", help="goals to show next to the amounts (as for plan)")
    util.add_argument("--contract-value", type=_money_arg, default=None, metavar="DOLLARS",
                      help="percentages of this instead of the total paid")
    util.add_argument("--name-column", default=None, metavar="NAME",
                      help="the vendor-name column (default: vendor_name, name, vendor or company)")
    _certification_options(util, include_lapsed=False)
    _participation_output_options(util, "the by-group table")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="mwbe-match",
        description="Find NYC-certified M/WBE suppliers for procurement needs (English or Korean).",
        epilog="example:\n  mwbe-match shortlist datasets/needs_example.csv -o shortlists.parquet\n\n"
               "Run 'mwbe-match COMMAND --help' for a command's options.",
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    info = _add_command(
        sub, "info",
        help="Summarize the certified-business directory: source, snapshot date, firms by certification and borough.",
        example="mwbe-match info --directory nyc_certified_business_list.csv",
        func=_cmd_info,
    )
    info.add_argument("--directory", metavar="PATH|live", default=None,
                      help="CSV export or Parquet snapshot, or 'live' for the City's current list (cached for a "
                           "day; offline, the newest snapshot) (default: newest live snapshot, else the bundled "
                           "sample)")
    _directory_encoding_option(info)
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    _certification_options(info, include_lapsed=False)

    fetch = _add_command(
        sub, "fetch",
        help="Download the City's current certified-business list from NYC Open Data and cache it as a snapshot.",
        example="SOCRATA_APP_TOKEN=... mwbe-match fetch --max-age 1d",
        func=_cmd_fetch,
    )
    fetch.add_argument("--base-url", default=_DEFAULT_BASE_URL, help="Socrata portal (default: %(default)s)")
    fetch.add_argument("--dataset-id", default=_DEFAULT_DATASET_ID, help="dataset id (default: %(default)s)")
    fetch.add_argument("--app-token", default=None,
                       help="Socrata app token for higher rate limits (default: $SOCRATA_APP_TOKEN, "
                            "which keeps it out of the process list and shell history)")
    fetch.add_argument("--cache-dir", default=None, help="snapshot folder (default: $MWBE_MATCH_CACHE or the user cache)")
    fetch.add_argument("--page-size", type=int, default=_DEFAULT_PAGE_SIZE, help="rows per request (default: %(default)s)")
    fetch.add_argument("--timeout", type=float, default=_DEFAULT_TIMEOUT,
                       help="seconds to wait to connect and per read (default: %(default)s)")
    fetch.add_argument("--max-age", type=_parse_max_age, default=None, metavar="AGE",
                       help="reuse the newest snapshot if younger than AGE (seconds, or 30m, 12h, 7d)")
    fetch.add_argument("--keep", type=int, default=_DEFAULT_KEEP, help="snapshots to keep (default: %(default)s)")
    fetch.add_argument("--quiet", action="store_true", help="no progress bar or retry notes")

    shortlist = _add_command(
        sub, "shortlist",
        help="Shortlist certified suppliers for every need in a needs file, into Parquet (or CSV).",
        example="mwbe-match shortlist datasets/needs_example.csv -o shortlists.parquet",
        func=_cmd_shortlist,
    )
    shortlist.add_argument("needs", metavar="NEEDS",
                           help="needs file: CSV (UTF-8 or CP949), XLSX, JSON, JSON Lines or Parquet, with a "
                                "'text' column and optional need_id, company and requirement columns")
    _batch_options(shortlist, "needs")
    shortlist.add_argument("--top", type=int, default=10, help="suppliers per need, at most (default: %(default)s)")
    shortlist.add_argument("--workers", type=_workers, default=-1, metavar="N",
                           help="worker processes shortlisting the needs (-1: one per core; 1: none; small "
                                "jobs stay in one process; the output is the same) (default: %(default)s)")
    shortlist.add_argument("--lexicon", "--glossary", dest="lexicon", action="append", metavar="FILE", default=[],
                           help="your own concept lexicon (CSV concept,kind,en,ko,terms,naics,note), merged over "
                                "the bundled one; repeat for several files")
    shortlist.add_argument("--min-score", type=_score, default=None, metavar="SCORE",
                           help="drop suppliers scoring below SCORE (0-100; default: keep all)")
    _certification_options(shortlist, include_lapsed=True)

    verify = _add_command(
        sub, "verify",
        help="Check every vendor in a vendor file against the certified-business directory, into Parquet (or CSV).",
        example="mwbe-match verify datasets/vendors_example.csv -o verified.parquet --name-column vendor_name",
        func=_cmd_verify,
    )
    verify.add_argument("vendors", metavar="VENDORS", help="vendor file (formats as for shortlist)")
    verify.add_argument("--name-column", metavar="NAME", default=None,
                        help="the vendor-name column (default: name, vendor_name, vendor or company)")
    verify.add_argument("--threshold", type=float, default=None,
                        help="lowest score (0-100) of a strong match (default: the library's, 90)")
    _certification_options(verify, include_lapsed=False)
    _batch_options(verify, "vendor")

    changes = _add_command(
        sub, "changes",
        help="What changed between two versions of the directory: firms added, removed, renewed, newly lapsed, "
             "and changed fields (default: the two newest snapshots).",
        example="mwbe-match changes --vendors vendors.csv -o changes.csv",
        func=_cmd_changes,
    )
    changes.add_argument("paths", nargs="*", metavar="OLD NEW",
                         help="the older and the newer directory: CSV exports or Parquet snapshots "
                              "(default: the two newest snapshots in the cache)")
    changes.add_argument("-o", "--output", default=None, metavar="OUT",
                         help="write the changes to OUT (.parquet, .csv or .xlsx for Excel) instead of printing them")
    changes.add_argument("--format", choices=_OUTPUT_FORMATS, default=None,
                         help="output format (default: from OUT's extension)")
    changes.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    changes.add_argument("--cache-dir", default=None,
                         help="snapshot folder (default: $MWBE_MATCH_CACHE or the user cache)")
    changes.add_argument("--vendors", default=None, metavar="VENDORS",
                         help="only the firms this vendor file matches (exact/strong, in OLD or NEW)")
    changes.add_argument("--name-column", metavar="NAME", default=None,
                         help="the vendor-name column of --vendors (default: name, vendor_name, vendor or company)")
    changes.add_argument("--as-of", type=_as_of_date, default=None, metavar="YYYY-MM-DD",
                         help="judge NEW's certifications on this date (default: today)")
    changes.add_argument("--old-as-of", type=_as_of_date, default=None, metavar="YYYY-MM-DD",
                         help="judge OLD's certifications on this date (default: its snapshot date)")
    changes.add_argument("--expiring-within-days", type=_whole_number, default=_DEFAULT_EXPIRING_WITHIN_DAYS, metavar="N",
                         help="a certification renewing within N days is 'expiring' (default: %(default)s)")
    changes.add_argument("--quiet", action="store_true", help="no summary on stderr")

    _add_participation_commands(sub)
    return parser


def _expected_errors() -> tuple[type[BaseException], ...]:
    """Failures the command line reports in one line without a traceback (anything else is a bug)."""
    from .engine.parallel import WorkerError
    from .live import FetchError

    return (OSError, ValueError, FetchError, ImportError, WorkerError)


def _error_text(exc: BaseException) -> str:
    """The message of an expected failure, naming the file when the exception knows it."""
    if isinstance(exc, OSError) and not isinstance(exc, FileExistsError):
        reason = exc.strerror or str(exc)
        name = exc.filename
        if name is not None and str(name) not in reason:
            return f"{name}: {reason}"
        return reason
    return str(exc) or type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except _expected_errors() as exc:
        print(f"mwbe-match {args.command}: error: {_error_text(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mwbe-match {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
