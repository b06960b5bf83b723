"""The normalized directory schema: one place that names every column.

The City's list arrives under two header styles: the CSV export's
(``Vendor_Formal_Name``, ``Community Board``, ...) and the SODA API's field
names (``vendor_formal_name``, ``community_board``, ...). A few API names are
not a mechanical rewrite of the export's (``cert_renewal_date``,
``address1``, ``zip``, ``mailingaddress1``, ...). :data:`SOURCE_COLUMNS` lists
both for every field, and :data:`DIRECTORY_SCHEMA` gives the normalized
frame's columns, in order, with their pyarrow types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyarrow as pa

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

#: Certification types the City issues.
CERTIFICATION_TYPES: tuple[str, ...] = ("MBE", "WBE", "LBE", "EBE")

#: Borough names as they appear in the normalized ``borough`` column.
BOROUGHS: tuple[str, ...] = ("BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND")


@dataclass(frozen=True)
class SourceColumn:
    """One field of dataset ``ci93-uc8s``.

    Attributes:
        column: the normalized column it feeds.
        export: the header in the CSV export.
        api: the SODA API field name.
        kind: how the raw text is parsed (see ``directory._PARSERS``).
    """

    column: str
    export: str
    api: str
    kind: str


def _c(column: str, export: str, api: str | None = None, kind: str = "text") -> SourceColumn:
    return SourceColumn(column, export, api or export.lower(), kind)


#: Every field of the export, in the export's order.
SOURCE_COLUMNS: tuple[SourceColumn, ...] = (
    _c("account_number", "Account_Number", kind="key"),
    _c("name", "Vendor_Formal_Name"),
    _c("dba", "Vendor_DBA"),
    _c("contact_first_name", "First_Name"),
    _c("contact_last_name", "Last_Name"),
    _c("phone", "telephone", kind="phone"),
    _c("description", "Business_Description"),
    _c("certifications", "Certification", kind="certifications"),
    _c("certification_renewal_dates", "Certification_Renewal_Date", "cert_renewal_date", kind="date_list"),
    _c("ethnicity", "Ethnicity", kind="upper"),
    _c("address_line_1", "Address_Line_1", "address1"),
    _c("address_line_2", "Address_Line_2", "address2"),
    _c("city", "City"),
    _c("state", "State", kind="upper"),
    _c("zip", "Postcode", "zip", kind="zip"),
    _c("mailing_address_line_1", "Mailing_Address_Line_1", "mailingaddress1"),
    _c("mailing_address_line_2", "Mailing_Address_Line_2", "mailingaddress2"),
    _c("mailing_city", "Mailing_City", "mailingcity"),
    _c("mailing_state", "Mailing_State", "mailingstate"),
    _c("mailing_zip", "Mailing_Zip", "mailingzip", kind="zip"),
    _c("website", "Website", kind="website"),
    _c("established", "Date_Of_Establishment", kind="date"),
    _c("bonding_limit", "Aggregate_Bonding_Limit", kind="money"),
    _c("union_signatory", "Signatory_To_Union_Contracts"),
    _c("naics_code", "ID6_digit_NAICS_code", kind="naics"),
    _c("naics_sector", "NAICS_Sector"),
    _c("naics_subsector", "NAICS_Subsector"),
    _c("naics_title", "NAICS_Title"),
    _c("construction_project_types", "Types_of_Construction_Projects_Performed"),
    _c("nigp_codes", "NIGP_codes", kind="pipe_list"),
    _c("job_1_client", "Name_of_Client_Job_Exp_1"),
    _c("job_1_value", "Largest_Value_of_Contract", kind="money"),
    _c("job_1_percent_self_performed", "Percent_Self_Performed_Job_Exp_1", kind="percent"),
    _c("job_1_date", "Date_of_Work_Job_Exp_1", kind="date"),
    _c("job_1_description", "Description_of_Work_Job_Exp_1"),
    _c("job_2_client", "Name_of_Client_Job_Exp_2"),
    _c("job_2_value", "Value_of_Contract_Job_Exp_2", kind="money"),
    _c("job_2_percent_self_performed", "Percent_Self_Performed_Job_Exp_2", kind="percent"),
    _c("job_2_date", "Date_of_Work_Job_Exp_2", kind="date"),
    _c("job_2_description", "Description_of_Work_Job_Exp_2"),
    _c("job_3_client", "Name_of_Client_Job_Exp_3"),
    _c("job_3_value", "Value_of_Contract_Job_Exp_3", kind="money"),
    _c("job_3_percent_self_performed", "Percent_Self_Performed_Job_Exp_3", kind="percent"),
    _c("job_3_date", "Date_of_Work_Job_Exp_3", kind="date"),
    _c("job_3_description", "Description_of_Work_Job_Exp_3"),
    _c("capacity_building_programs", "Capacity_Building_Programs"),
    _c("passport_enrolled", "Enrolled_in_PASSPort", kind="bool"),
    _c("borough", "Borough", kind="borough"),
    _c("latitude", "Latitude", kind="float"),
    _c("longitude", "Longitude", kind="float"),
    _c("community_board", "Community Board", "community_board"),
    _c("council_district", "Council District", "council_district"),
    _c("bin", "BIN"),
    _c("bbl", "BBL"),
    _c("census_tract_2020", "Census Tract (2020)", "census_tract_2020_"),
    _c("nta_2020", "Neighborhood Tabulation Area (NTA) (2020)", "neighborhood_tabulation_area_nta_2020_"),
)

#: Normalized columns without which a file is not this dataset.
REQUIRED_SOURCE_COLUMNS: tuple[str, ...] = (
    "account_number",
    "name",
    "description",
    "certifications",
    "certification_renewal_dates",
    "naics_code",
)

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

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(header: str) -> str:
    """Reduce a header to the key it is matched by: lower case, letters and digits only.

    ``"Community Board"``, ``"community_board"`` and ``"COMMUNITY-BOARD"`` all
    give ``"communityboard"``.
    """
    return _NON_ALNUM.sub("", str(header).lower())
