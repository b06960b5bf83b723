"""Sources stage: what one published directory looks like (:class:`SourceSpec`), and how its headers are matched.

A certified-business directory is published by some agency under its own
column names, often in two styles (a CSV export's ``Vendor_Formal_Name`` and
an API's ``vendor_formal_name``). A :class:`SourceSpec` holds everything that
is specific to one such directory: where it is published (portal and dataset
id), each field's names in both styles and how its text is parsed
(:class:`SourceColumn`), which fields a file must have to be this directory,
the source's own spellings of shared vocabulary (``STATEN IS`` for
``STATEN ISLAND``) and the columns computed from others
(:class:`DerivedColumn`). The directory stage
(:func:`mwbe_match.normalize_directory`) turns any source's rows into the
library's one normalized schema, :data:`mwbe_match.schema.DIRECTORY_SCHEMA`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Mapping, Sequence

import pyarrow as pa

__all__ = ["SourceColumn", "DerivedColumn", "SourceSpec", "HeaderMatch", "header_key", "PARSE_KINDS"]

#: How a source column's text can be parsed (the directory stage holds one parser per kind).
PARSE_KINDS: tuple[str, ...] = (
    "text", "upper", "key", "phone", "zip", "website", "date", "date_list", "money", "percent", "float",
    "bool", "naics", "pipe_list", "certifications", "borough",
)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """Reduce a header to the key it is matched by: lower case, letters and digits only.

    ``"Community Board"``, ``"community_board"`` and ``"COMMUNITY-BOARD"`` all
    give ``"communityboard"``.
    """
    return _NON_ALNUM.sub("", str(header).lower())


@dataclass(frozen=True)
class SourceColumn:
    """One field of a published directory.

    Attributes:
        column: the normalized column it feeds (a name of
            :data:`~mwbe_match.schema.DIRECTORY_COLUMNS`).
        export: the header in the source's CSV export.
        api: the field name in the source's API.
        kind: how the raw text is parsed (one of :data:`PARSE_KINDS`).
    """

    column: str
    export: str
    api: str
    kind: str


@dataclass(frozen=True)
class DerivedColumn:
    """A normalized column computed from already parsed ones.

    Attributes:
        column: the normalized column it fills.
        inputs: the parsed columns it reads, in the order ``compute`` takes them.
        compute: ``compute(*arrays) -> pa.Array`` of the same length.
    """

    column: str
    inputs: tuple[str, ...]
    compute: Callable[..., pa.Array]


@dataclass(frozen=True)
class HeaderMatch:
    """How a file's headers map onto a source's fields (:meth:`SourceSpec.match_headers`).

    Attributes:
        mapping: raw header -> normalized column, for every header recognized.
        ignored: headers that are no field of the source, in file order.
        missing: the source's fields no header matched, in the source's order.
    """

    mapping: dict[str, str]
    ignored: list[str]
    missing: list[SourceColumn]

    @property
    def raw_header(self) -> dict[str, str]:
        """Normalized column -> the raw header that feeds it."""
        return {v: k for k, v in self.mapping.items()}


@dataclass(frozen=True)
class SourceSpec:
    """Everything specific to one published certified-business directory.

    Attributes:
        name: the short name it is registered under (``"nyc_sbs"``).
        title: what it is, for messages ("NYC's certified-business list").
        dataset_id: the dataset's id on its portal (``"ci93-uc8s"``); snapshots are named after it.
        domain: the portal's base URL (``"https://data.cityofnewyork.us"``), or ``None`` for a file-only source.
        columns: its fields, in its export's order.
        required: normalized columns without which a file is not this directory.
        vocabularies: per normalized column, the source's own spellings (upper case) of
            shared vocabulary and what they mean (``{"borough": {"STATEN IS": "STATEN ISLAND"}}``).
        derived: columns computed from the parsed ones, in order.
        key: the normalized column that identifies a firm (its repeats are reported).
    """

    name: str
    title: str
    dataset_id: str
    domain: str | None
    columns: tuple[SourceColumn, ...]
    required: tuple[str, ...]
    vocabularies: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    derived: tuple[DerivedColumn, ...] = ()
    key: str = "account_number"

    def __post_init__(self) -> None:
        names = [c.column for c in self.columns]
        doubled = sorted({c for c in names if names.count(c) > 1})
        if doubled:
            raise ValueError(f"source {self.name!r}: column(s) {', '.join(doubled)} are fed by two fields")
        unknown_kinds = sorted({c.kind for c in self.columns} - set(PARSE_KINDS))
        if unknown_kinds:
            raise ValueError(f"source {self.name!r}: unknown parse kind(s) {', '.join(unknown_kinds)} "
                             f"(known: {', '.join(PARSE_KINDS)})")
        checks = [(self.required, "required column(s)"), ((self.key,), "key column")]
        checks += [(d.inputs, f"input(s) of derived column {d.column}") for d in self.derived]
        for wanted, what in checks:
            absent = [c for c in wanted if c not in names]
            if absent:
                raise ValueError(f"source {self.name!r}: {what} {', '.join(absent)} not among its fields")

    @cached_property
    def _lookup(self) -> dict[str, SourceColumn]:
        lookup: dict[str, SourceColumn] = {}
        for col in self.columns:
            lookup[header_key(col.export)] = col
            lookup[header_key(col.api)] = col
        return lookup

    def source_field(self, column: str) -> SourceColumn:
        """The source field that feeds normalized ``column`` (``KeyError`` if none does)."""
        for col in self.columns:
            if col.column == column:
                return col
        raise KeyError(f"source {self.name!r} has no field for column {column!r}")

    def match_headers(self, headers: Sequence[str]) -> HeaderMatch:
        """Map a file's (or an API's) headers onto this source's fields, ignoring case, spaces and punctuation.

        Either header style is recognized, and the two may be mixed.

        Raises:
            ValueError: two headers name the same field (``Vendor_Formal_Name``
                and ``vendor_formal_name``); the message names both.
        """
        mapping: dict[str, str] = {}
        seen: dict[str, str] = {}
        ignored: list[str] = []
        for header in headers:
            col = self._lookup.get(header_key(header))
            if col is None:
                ignored.append(str(header))
                continue
            if col.column in seen:
                raise ValueError(
                    f"directory source has two columns for the same field {col.export!r}: "
                    f"{seen[col.column]!r} and {header!r}"
                )
            seen[col.column] = str(header)
            mapping[str(header)] = col.column
        present = set(mapping.values())
        return HeaderMatch(mapping=mapping, ignored=ignored,
                           missing=[c for c in self.columns if c.column not in present])

    def missing_required(self, match: HeaderMatch) -> list[SourceColumn]:
        """The required fields ``match`` lacks, in the order of :attr:`required`."""
        absent = {c.column for c in match.missing}
        return [self.source_field(c) for c in self.required if c in absent]

    @property
    def key_api_field(self) -> str:
        """The API name of the firm's key field."""
        return self.source_field(self.key).api
