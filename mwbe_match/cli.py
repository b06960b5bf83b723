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
