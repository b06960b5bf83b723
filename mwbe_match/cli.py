"""The ``mwbe-match`` command line.

Each command is a function ``_cmd_<name>(args) -> int`` registered in
:func:`build_parser`; exit status 0 is success, 1 a failed run, 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from typing import Callable, Sequence

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
    import logging

    from .directory import directory_metadata
    from .socrata import FetchError, fetch_directory

    log = logging.getLogger("mwbe_match.socrata")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    if not args.quiet:
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            df = fetch_directory(
                base_url=args.base_url, dataset_id=args.dataset_id, app_token=args.app_token,
                cache_dir=args.cache_dir, page_size=args.page_size, timeout=args.timeout,
                max_age=args.max_age, keep=args.keep, progress=False if args.quiet else None,
            )
    except FetchError as exc:
        print(f"mwbe-match fetch: error: {exc}", file=sys.stderr)
        return 1
    finally:
        log.removeHandler(handler)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    meta = directory_metadata(df)
    print(f"{len(df):,} firms in {meta.get('path')}")
    print(f"fetched at {meta.get('fetched_at')} from {meta.get('source_url')}; "
          f"dataset last updated {meta.get('data_updated_at') or 'unknown'}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command registered."""
    parser = argparse.ArgumentParser(
        prog="mwbe-match",
        description="Find NYC-certified M/WBE suppliers for procurement needs (English or Korean).",
        epilog="example:\n  mwbe-match info\n\nRun 'mwbe-match COMMAND --help' for a command's options.",
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
    fetch.add_argument("--keep", type=int, default=5, help="snapshots to keep (default: %(default)s)")
    fetch.add_argument("--quiet", action="store_true", help="no progress bar or retry notes")

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
