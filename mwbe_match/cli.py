"""The ``mwbe-match`` command line.

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
        df = load_directory(args.directory)
    for w in caught:
        print(f"note: {w.message}", file=sys.stderr)
    summary = directory_summary(df)
    if args.json:
        print(json.dumps(summary, indent=2, default=str))
        return 0
    print(f"source:         {summary['source']} ({summary['source_kind']})")
    print(f"snapshot date:  {summary['snapshot_date'] or 'unknown'}")
    print(f"firms:          {summary['firms']:,} ({summary['unique_account_numbers']:,} unique account numbers)")
    print("by certification:")
    for key, count in summary["by_certification"].items():
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
    from .socrata import FetchError, fetch_directory

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


def _batch_options(parser: argparse.ArgumentParser, what: str) -> None:
    """Options shared by the batch commands (shortlist, verify)."""
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file (.parquet, .csv, or .xlsx for an Excel workbook); written atomically")
    parser.add_argument("--directory", metavar="PATH|live", default=None,
                        help="CSV export or Parquet snapshot, or 'live' for the City's current list "
                             "(cached for a day) (default: newest live snapshot, else the bundled sample)")
    parser.add_argument("--overwrite", action="store_true", help="replace OUT if it exists")
    parser.add_argument("--format", choices=("parquet", "csv", "xlsx"), default=None,
                        help="output format (default: from OUT's extension: .csv, .xlsx, else parquet); CSV is "
                             "UTF-8 with BOM for Excel, with formula-like cells neutralized; xlsx needs the excel "
                             "extra")
    parser.add_argument("--encoding", default=None,
                        help=f"text encoding of a CSV {what} file (default: detect UTF-8, UTF-8 with BOM or CP949)")
    parser.add_argument("--sheet", default=None,
                        help=f"sheet of an XLSX {what} file: name or 0-based position (default: the first)")
    parser.add_argument("--chunk-size", type=int, default=None, metavar="N",
                        help="rows processed and written per chunk (bounds memory)")
    parser.add_argument("--quiet", action="store_true", help="no progress bar, row problems or summary")


def _run_batch(args: argparse.Namespace, job: Callable[..., object], source: str, **options: object) -> int:
    """Run a batch job with the command line's conventions: notes, row problems and summary on stderr."""
    import signal
    import threading

    from .batch import DEFAULT_CHUNK_SIZE

    def _terminate(signum, frame):  # a killed job must not leave a temporary file behind
        raise KeyboardInterrupt

    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main_thread else None
    try:
        with _log_to_stderr("mwbe_match.batch", logging.ERROR if args.quiet else logging.INFO), \
                warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = _note  # as they happen: e.g. that the bundled sample is in use
            summary = job(
                source, args.output, directory=args.directory, overwrite=args.overwrite, format=args.format,
                chunk_size=DEFAULT_CHUNK_SIZE if args.chunk_size is None else args.chunk_size,
                progress=False if args.quiet else None, encoding=args.encoding, sheet=args.sheet, **options,
            )
    except ImportError as exc:
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

    return _run_batch(args, run_shortlist, args.needs, top=args.top, glossary=args.glossary or None)


def _cmd_verify(args: argparse.Namespace) -> int:
    from .batch import run_verify

    return _run_batch(args, run_verify, args.vendors, name_column=args.name_column, threshold=args.threshold)


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
    info.add_argument("--directory", metavar="PATH", default=None,
                      help="CSV export or Parquet snapshot (default: newest live snapshot, else the bundled sample)")
    info.add_argument("--json", action="store_true", help="print the summary as JSON")

    from .snapshots import DEFAULT_KEEP
    from .socrata import DEFAULT_BASE_URL, DEFAULT_DATASET_ID, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT

    fetch = _add_command(
        sub, "fetch",
        help="Download the City's current certified-business list from NYC Open Data and cache it as a snapshot.",
        example="SOCRATA_APP_TOKEN=... mwbe-match fetch --max-age 1d",
        func=_cmd_fetch,
    )
    fetch.add_argument("--base-url", default=DEFAULT_BASE_URL, help="Socrata portal (default: %(default)s)")
    fetch.add_argument("--dataset-id", default=DEFAULT_DATASET_ID, help="dataset id (default: %(default)s)")
    fetch.add_argument("--app-token", default=None,
                       help="Socrata app token for higher rate limits (default: $SOCRATA_APP_TOKEN, "
                            "which keeps it out of the process list and shell history)")
    fetch.add_argument("--cache-dir", default=None, help="snapshot folder (default: $MWBE_MATCH_CACHE or the user cache)")
    fetch.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, help="rows per request (default: %(default)s)")
    fetch.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                       help="seconds to wait to connect and per read (default: %(default)s)")
    fetch.add_argument("--max-age", type=_parse_max_age, default=None, metavar="AGE",
                       help="reuse the newest snapshot if younger than AGE (seconds, or 30m, 12h, 7d)")
    fetch.add_argument("--keep", type=int, default=DEFAULT_KEEP, help="snapshots to keep (default: %(default)s)")
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
    shortlist.add_argument("--glossary", action="append", metavar="CSV", default=[],
                           help="your own Korean-English glossary (header korean,english,naics,note), merged over "
                                "the bundled one; repeat for several files")

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
    _batch_options(verify, "vendor")

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except (FileNotFoundError, FileExistsError, ValueError) as exc:
        print(f"mwbe-match {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"mwbe-match {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover - exercised through subprocess tests
    sys.exit(main())
