"""Participation stage, output: where plans and utilization reports go (written by :mod:`mwbe_match.outputs`).

A plan has three tables and a utilization report two. :func:`write_tables`
(:func:`mwbe_match.outputs.write_tables`) writes them for a main output path
``OUT``; all files appear together or none do:

=============  ==============================  ===============================
format         plan                            utilization report
=============  ==============================  ===============================
``parquet``    ``OUT`` = assignments,          ``OUT`` = payments,
               ``<stem>.attainment.parquet``,  ``<stem>.by_group.parquet``
               ``<stem>.alternates.parquet``
``csv``        the same names with ``.csv``    the same names with ``.csv``
               plus ``<stem>.metadata.json``   plus ``<stem>.metadata.json``
``xlsx``       ``OUT``: sheets Assignments,    ``OUT``: sheets Payments,
               Attainment, Alternates, About   By group, About
=============  ==============================  ===============================

Parquet files carry the metadata document in their schema metadata under the
key ``mwbe_match`` (``kind``, ``library_version``, ``created_at``, ``tables``,
``parameters``, ``directory``, and ``table``: which table the file holds).
CSV is written exactly as the batch jobs write theirs
(:func:`mwbe_match.outputs.excel_safe`: UTF-8 with a BOM, lists joined with
``"; "``, text that Excel would run as a formula prefixed with ``'``).

The formats, the checks on ``OUT`` and the writers are the batch jobs' own
(:data:`mwbe_match.outputs.OUTPUT_FORMATS`); :data:`TABLE_WRITERS` is a view
of that registry (format name -> writer of several tables).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Iterator

from ..outputs import METADATA_KEY, OUTPUT_FORMATS, TablesWriter, output_format, output_paths, write_tables

__all__ = ["write_tables", "TABLE_WRITERS", "METADATA_KEY", "output_paths", "output_format"]

#: ``writer(tables, paths, document)``, as :data:`TABLE_WRITERS` holds them.
Writer = TablesWriter


class _TableWriters(Mapping):
    """Format name -> writer of several tables: a read-only view of :data:`~mwbe_match.outputs.OUTPUT_FORMATS`."""

    def __getitem__(self, fmt: str) -> Writer:
        return OUTPUT_FORMATS[fmt].write_tables

    def __iter__(self) -> Iterator[str]:
        return iter(OUTPUT_FORMATS)

    def __len__(self) -> int:
        return len(OUTPUT_FORMATS)

    def __repr__(self) -> str:
        return f"TABLE_WRITERS({dict(self)!r})"


#: Output formats: name -> writer(tables, paths, metadata document); a view of ``OUTPUT_FORMATS``.
TABLE_WRITERS: Mapping[str, Writer] = _TableWriters()
