"""Engine input: the directory's firms as the pyarrow columns the stages read (one row per firm)."""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..schema import DIRECTORY_SCHEMA

__all__ = ["TEXT_FIELDS", "OUTPUT_FIRM_COLUMNS", "REQUIRED_COLUMNS", "check_columns", "firm_table", "column",
           "positions", "contact_names"]

#: Text fields of a firm's document: (field name, directory columns, label in reasons).
TEXT_FIELDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("name", ("name", "dba"), "name"),
    ("description", ("description",), "description"),
    ("naics", ("naics_title", "naics_subsector", "naics_sector"), "NAICS title"),
    ("jobs", ("job_1_description", "job_2_description", "job_3_description"), "job history"),
    ("project_types", ("construction_project_types",), "project types"),
)

#: Directory columns a shortlist row carries for its firm.
OUTPUT_FIRM_COLUMNS: tuple[str, ...] = (
    "account_number", "name", "dba", "phone", "website", "address_line_1", "address_line_2",
    "city", "state", "zip", "borough", "latitude", "longitude", "ethnicity", "certifications",
    "certification_expires", "naics_code", "naics_title")

#: Directory columns the matcher reads.
REQUIRED_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    [c for _, cols, _ in TEXT_FIELDS for c in cols]
    + list(OUTPUT_FIRM_COLUMNS)
    + ["contact_first_name", "contact_last_name", "certification_renewal_dates", "bonding_limit",
       "largest_contract_value", "union_signatory", "passport_enrolled", "established"]
))


def check_columns(directory: pd.DataFrame) -> None:
    """Raise ValueError naming the columns the matcher needs that ``directory`` lacks."""
    missing = [c for c in REQUIRED_COLUMNS if c not in directory.columns]
    if missing:
        raise ValueError(
            "the directory lacks column(s) the matcher needs: " + ", ".join(missing)
            + "; pass it through mwbe_match.load_directory() first"
        )


def firm_table(firms: pd.DataFrame) -> pa.Table:
    """The columns the matcher reads, as pyarrow arrays of the directory schema's types.

    Raises:
        ValueError: a column is missing or of the wrong type (named).
    """
    check_columns(firms)
    arrays, wrong = [], []
    for c in REQUIRED_COLUMNS:
        expected = DIRECTORY_SCHEMA.field(c).type
        try:
            arrays.append(pa.array(firms[c], type=expected, from_pandas=True))
        except (pa.ArrowException, TypeError, ValueError):
            wrong.append(f"{c} (expected {expected}, got {firms[c].dtype})")
    if wrong:
        raise ValueError(
            "the directory has column(s) of the wrong type: " + ", ".join(wrong)
            + "; pass it through mwbe_match.load_directory() first"
        )
    return pa.table(arrays, names=list(REQUIRED_COLUMNS))


def column(table: pa.Table, name: str) -> pa.Array:
    """One column of the firm table as a single array."""
    return table[name].combine_chunks()


def positions(values: pa.Array, choices: Sequence[str]) -> np.ndarray:
    """Index of each value in ``choices`` (-1 for null or absent), as int64."""
    found = pc.index_in(values, value_set=pa.array(list(choices), pa.string()))
    return np.asarray(found.fill_null(-1), dtype=np.int64)


def contact_names(first: pa.Array, last: pa.Array) -> pa.Array:
    """``"First Last"`` (either part alone when the other is missing; null when both are)."""
    joined = pc.utf8_trim_whitespace(pc.binary_join_element_wise(first.fill_null(""), last.fill_null(""), " "))
    return pc.if_else(pc.equal(joined, ""), pa.nulls(len(joined), pa.string()), joined)
