"""Directory stage: the normalized directory schema, the library's own contract whatever the source.

:data:`DIRECTORY_SCHEMA` gives the normalized frame's columns, in order, with
their pyarrow types; every source (:mod:`mwbe_match.sources`) is normalized
into it.

Transitional (issue 12): ``SourceColumn``, ``SOURCE_COLUMNS``,
``REQUIRED_SOURCE_COLUMNS`` and ``header_key`` moved to
:mod:`mwbe_match.sources` (``SOURCE_COLUMNS`` is ``NYC_SBS.columns``); they
are re-exported here until the restructure branches are merged.
"""

from __future__ import annotations

import pyarrow as pa

from .sources.nyc_sbs import NYC_SBS
from .sources.spec import SourceColumn, header_key
from .vocabulary import BOROUGHS, CERTIFICATION_TYPES

__all__ = [
    "SourceColumn",
    "SOURCE_COLUMNS",
    "REQUIRED_SOURCE_COLUMNS",
    "DIRECTORY_SCHEMA",
    "DIRECTORY_COLUMNS",
    "CERTIFICATION_TYPES",
    "BOROUGHS",
    "header_key",
]

# Certification types and borough names are shared vocabulary (one definition, in mwbe_match.vocabulary,
# imported above); the normalized ``borough`` column holds BOROUGHS, ``certifications`` CERTIFICATION_TYPES.

#: Transitional (issue 12): the NYC SBS list's fields, now ``mwbe_match.sources.NYC_SBS.columns``.
SOURCE_COLUMNS: tuple[SourceColumn, ...] = NYC_SBS.columns

#: Transitional (issue 12): now ``mwbe_match.sources.NYC_SBS.required``.
REQUIRED_SOURCE_COLUMNS: tuple[str, ...] = NYC_SBS.required


_STRING = pa.string()
_DATE = pa.date32()
_FLOAT = pa.float64()

#: The normalized directory frame, column by column, in order.
#:
#: Text columns are pyarrow strings with null for an empty cell; ``phone`` is
#: 10 digits, ``zip``/``mailing_zip`` are 5-character strings with the leading
#: zeros the export drops restored, ``naics_code`` is a 6-character string.
#: ``certifications`` and ``certification_renewal_dates`` are parallel lists
#: (one renewal date per certification, in the City's order);
#: ``certification_expires`` is the earliest of them. ``largest_contract_value``
#: is the largest of the three job-experience values. ``borough`` is one of
#: :data:`BOROUGHS` (the export's ``STATEN IS`` is spelled out).
DIRECTORY_SCHEMA: pa.Schema = pa.schema(
    [
        ("account_number", _STRING),
        ("name", _STRING),
        ("dba", _STRING),
        ("contact_first_name", _STRING),
        ("contact_last_name", _STRING),
        ("phone", _STRING),
        ("description", _STRING),
        ("certifications", pa.list_(_STRING)),
        ("certification_renewal_dates", pa.list_(_DATE)),
        ("certification_expires", _DATE),
        ("ethnicity", _STRING),
        ("address_line_1", _STRING),
        ("address_line_2", _STRING),
        ("city", _STRING),
        ("state", _STRING),
        ("zip", _STRING),
        ("mailing_address_line_1", _STRING),
        ("mailing_address_line_2", _STRING),
        ("mailing_city", _STRING),
        ("mailing_state", _STRING),
        ("mailing_zip", _STRING),
        ("website", _STRING),
        ("established", _DATE),
        ("bonding_limit", _FLOAT),
        ("union_signatory", _STRING),
        ("naics_code", _STRING),
        ("naics_sector", _STRING),
        ("naics_subsector", _STRING),
        ("naics_title", _STRING),
        ("construction_project_types", _STRING),
        ("nigp_codes", pa.list_(_STRING)),
        *[
            field
            for i in (1, 2, 3)
            for field in (
                (f"job_{i}_client", _STRING),
                (f"job_{i}_value", _FLOAT),
                (f"job_{i}_percent_self_performed", _FLOAT),
                (f"job_{i}_date", _DATE),
                (f"job_{i}_description", _STRING),
            )
        ],
        ("largest_contract_value", _FLOAT),
        ("capacity_building_programs", _STRING),
        ("passport_enrolled", pa.bool_()),
        ("borough", _STRING),
        ("latitude", _FLOAT),
        ("longitude", _FLOAT),
        ("community_board", _STRING),
        ("council_district", _STRING),
        ("bin", _STRING),
        ("bbl", _STRING),
        ("census_tract_2020", _STRING),
        ("nta_2020", _STRING),
    ]
)

#: Column names of :data:`DIRECTORY_SCHEMA`, in order.
DIRECTORY_COLUMNS: tuple[str, ...] = tuple(DIRECTORY_SCHEMA.names)
