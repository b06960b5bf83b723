"""Sources stage: the NYC SBS list, NYC Open Data dataset ``ci93-uc8s`` ("M/WBE, LBE, and EBE Certified Business List").

The list arrives under two header styles: the CSV export's
(``Vendor_Formal_Name``, ``Community Board``, ...) and the SODA API's field
names (``vendor_formal_name``, ``community_board``, ...). A few API names are
not a mechanical rewrite of the export's (``cert_renewal_date``,
``address1``, ``zip``, ``mailingaddress1``, ...). :data:`NYC_SBS` lists both
for every field, with how each is parsed, the fields a file must have, the
export's own borough spellings (``STATEN IS``) and the derived columns
(``certification_expires``: the earliest renewal date; ``largest_contract_value``:
the largest of the three job-experience values).
"""

from __future__ import annotations

from .derived import earliest_date, row_max
from .spec import DerivedColumn, SourceColumn, SourceSpec

__all__ = ["NYC_SBS", "COLUMNS", "REQUIRED"]


def _c(column: str, export: str, api: str | None = None, kind: str = "text") -> SourceColumn:
    return SourceColumn(column, export, api or export.lower(), kind)


#: Every field of the export, in the export's order.
COLUMNS: tuple[SourceColumn, ...] = (
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
REQUIRED: tuple[str, ...] = (
    "account_number",
    "name",
    "description",
    "certifications",
    "certification_renewal_dates",
    "naics_code",
)

#: The export's own spellings of boroughs (upper case) and the borough each means.
BOROUGH_SPELLINGS: dict[str, str] = {"STATEN IS": "STATEN ISLAND", "STATEN IS.": "STATEN ISLAND",
                                     "NEW YORK": "MANHATTAN"}

#: NYC Open Data dataset ``ci93-uc8s``, the City's certified-business directory.
NYC_SBS = SourceSpec(
    name="nyc_sbs",
    title="NYC's certified-business list",
    dataset_id="ci93-uc8s",
    domain="https://data.cityofnewyork.us",
    columns=COLUMNS,
    required=REQUIRED,
    vocabularies={"borough": BOROUGH_SPELLINGS},
    derived=(
        DerivedColumn("certification_expires", ("certification_renewal_dates",), earliest_date),
        DerivedColumn("largest_contract_value", ("job_1_value", "job_2_value", "job_3_value"), row_max),
    ),
    key="account_number",
)
