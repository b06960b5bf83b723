#!/usr/bin/env python3
"""Generate the bundled SYNTHETIC certified-business sample for mwbe_match.

Everything this script writes is invented: firm names, people, addresses,
phone numbers, descriptions and job histories are made up.  Only the *shape*
of the data (the 56-column header, value formats and export quirks) mirrors
NYC Open Data's "M/WBE, LBE, and EBE Certified Business List" (ci93-uc8s).

Hand-written firm profiles (name, NAICS code, description, optional job
history) live in the PROFILES_* strings below; the script fills the rest
(contacts, addresses, geography, certification dates, money, quirks) from a
seeded RNG, so a run is fully deterministic.  Standard library only.

    python datasets/make_sample.py            # rewrites the two CSVs next to it

Outputs:
    datasets/certified_business_sample.csv   (56 columns, csv.QUOTE_ALL)
    datasets/vendors_example.csv             (vendor-master name variants)

datasets/needs_example.csv is hand-written and not produced here.

Profile block syntax (one block per firm, blocks start with ``%%``)::

    %% NAICS | Formal name | DBA ('' none, '=' same as formal) | job pool | hints
    Description text; may span several lines (blank lines are kept).
    > Client name || job description        (optional, up to 3, overrides pool)

hints are space separated key=value pairs: e= ethnicity, c= certification
(e.g. MBE,WBE), loc= borough / NYCX (NYC, not geocoded) / NY (suburb) / NJ /
CT / PA / MA / OUT, nb= neighbourhood key, kr=1 Korean-American owner,
bond=1 force a bonding limit, union=... signatory text, types=... types of
construction projects, cap=... capacity building programs.
"""

import csv
import os
import random
import re

SEED = 20260430
HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = [
    "Account_Number", "Vendor_Formal_Name", "Vendor_DBA", "First_Name", "Last_Name",
    "telephone", "Business_Description", "Certification", "Certification_Renewal_Date",
    "Ethnicity", "Address_Line_1", "Address_Line_2", "City", "State", "Postcode",
    "Mailing_Address_Line_1", "Mailing_Address_Line_2", "Mailing_City", "Mailing_State",
    "Mailing_Zip", "Website", "Date_Of_Establishment", "Aggregate_Bonding_Limit",
    "Signatory_To_Union_Contracts", "ID6_digit_NAICS_code", "NAICS_Sector",
    "NAICS_Subsector", "NAICS_Title", "Types_of_Construction_Projects_Performed",
    "NIGP_codes", "Name_of_Client_Job_Exp_1", "Largest_Value_of_Contract",
    "Percent_Self_Performed_Job_Exp_1", "Date_of_Work_Job_Exp_1",
    "Description_of_Work_Job_Exp_1", "Name_of_Client_Job_Exp_2",
    "Value_of_Contract_Job_Exp_2", "Percent_Self_Performed_Job_Exp_2",
    "Date_of_Work_Job_Exp_2", "Description_of_Work_Job_Exp_2", "Name_of_Client_Job_Exp_3",
    "Value_of_Contract_Job_Exp_3", "Percent_Self_Performed_Job_Exp_3",
    "Date_of_Work_Job_Exp_3", "Description_of_Work_Job_Exp_3", "Capacity_Building_Programs",
    "Enrolled_in_PASSPort", "Borough", "Latitude", "Longitude", "Community Board",
    "Council District", "BIN", "BBL", "Census Tract (2020)",
    "Neighborhood Tabulation Area (NTA) (2020)",
]

# ---------------------------------------------------------------------------
# NAICS: sector names as the export spells them; "subsector" column in the
# export actually carries the 4-digit industry-group title.
# ---------------------------------------------------------------------------
SECTORS = {
    "11": "Agriculture, Forestry, Fishing and Hunting",
    "21": "Mining, Quarrying, and Oil and Gas Extraction",
    "22": "Utilities",
    "23": "Construction",
    "31": "Manufacturing", "32": "Manufacturing", "33": "Manufacturing",
    "42": "Wholesale Trade",
    "44": "Retail Trade", "45": "Retail Trade",
    "48": "Transportation and Warehousing", "49": "Transportation and Warehousing",
    "51": "Information",
    "52": "Finance and Insurance",
    "53": "Real Estate and Rental and Leasing",
    "54": "Professional, Scientific, and Technical Services",
    "55": "Management of Companies and Enterprises",
    "56": "Administrative and Support and Waste Management and Remediation Services",
    "61": "Educational Services",
    "62": "Health Care and Social Assistance",
    "71": "Arts, Entertainment, and Recreation",
    "72": "Accommodation and Food Services",
    "81": "Other Services (except Public Administration)",
    "92": "Public Administration",
}

NAICS = {  # code: (industry group, title)
    "111419": ("Greenhouse, Nursery, and Floriculture Production", "Other Food Crops Grown Under Cover"),
    "111421": ("Greenhouse, Nursery, and Floriculture Production", "Nursery and Tree Production"),
    "115112": ("Support Activities for Crop Production", "Soil Preparation, Planting, and Cultivating"),
    "212321": ("Nonmetallic Mineral Mining and Quarrying", "Construction Sand and Gravel Mining"),
    "213112": ("Support Activities for Mining", "Support Activities for Oil and Gas Operations"),
    "221114": ("Electric Power Generation, Transmission and Distribution", "Solar Electric Power Generation"),
    "221330": ("Water, Sewage and Other Systems", "Steam and Air-Conditioning Supply"),
    "236116": ("Residential Building Construction", "New Multifamily Housing Construction (except For-Sale Builders)"),
    "236118": ("Residential Building Construction", "Residential Remodelers"),
    "236220": ("Nonresidential Building Construction", "Commercial and Institutional Building Construction"),
    "237110": ("Utility System Construction", "Water and Sewer Line and Related Structures Construction"),
    "237130": ("Utility System Construction", "Power and Communication Line and Related Structures Construction"),
    "237310": ("Highway, Street, and Bridge Construction", "Highway, Street, and Bridge Construction"),
    "237990": ("Other Heavy and Civil Engineering Construction", "Other Heavy and Civil Engineering Construction"),
    "238110": ("Foundation, Structure, and Building Exterior Contractors", "Poured Concrete Foundation and Structure Contractors"),
    "238120": ("Foundation, Structure, and Building Exterior Contractors", "Structural Steel and Precast Concrete Contractors"),
    "238140": ("Foundation, Structure, and Building Exterior Contractors", "Masonry Contractors"),
    "238150": ("Foundation, Structure, and Building Exterior Contractors", "Glass and Glazing Contractors"),
    "238160": ("Foundation, Structure, and Building Exterior Contractors", "Roofing Contractors"),
    "238190": ("Foundation, Structure, and Building Exterior Contractors", "Other Foundation, Structure, and Building Exterior Contractors"),
    "238210": ("Building Equipment Contractors", "Electrical Contractors and Other Wiring Installation Contractors"),
    "238220": ("Building Equipment Contractors", "Plumbing, Heating, and Air-Conditioning Contractors"),
    "238290": ("Building Equipment Contractors", "Other Building Equipment Contractors"),
    "238310": ("Building Finishing Contractors", "Drywall and Insulation Contractors"),
    "238320": ("Building Finishing Contractors", "Painting and Wall Covering Contractors"),
    "238330": ("Building Finishing Contractors", "Flooring Contractors"),
    "238340": ("Building Finishing Contractors", "Tile and Terrazzo Contractors"),
    "238350": ("Building Finishing Contractors", "Finish Carpentry Contractors"),
    "238390": ("Building Finishing Contractors", "Other Building Finishing Contractors"),
    "238910": ("Other Specialty Trade Contractors", "Site Preparation Contractors"),
    "238990": ("Other Specialty Trade Contractors", "All Other Specialty Trade Contractors"),
    "311811": ("Bakeries and Tortilla Manufacturing", "Retail Bakeries"),
    "311919": ("Other Food Manufacturing", "Other Snack Food Manufacturing"),
    "311991": ("Other Food Manufacturing", "Perishable Prepared Food Manufacturing"),
    "315220": ("Cut and Sew Apparel Manufacturing", "Men's and Boys' Cut and Sew Apparel Manufacturing"),
    "315990": ("Apparel Accessories and Other Apparel Manufacturing", "Apparel Accessories and Other Apparel Manufacturing"),
    "323111": ("Printing and Related Support Activities", "Commercial Printing (except Screen and Books)"),
    "323113": ("Printing and Related Support Activities", "Commercial Screen Printing"),
    "334419": ("Semiconductor and Other Electronic Component Manufacturing", "Other Electronic Component Manufacturing"),
    "335122": ("Electric Lighting Equipment Manufacturing", "Commercial, Industrial, and Institutional Electric Lighting Fixture Manufacturing"),
    "337212": ("Office Furniture (including Fixtures) Manufacturing", "Custom Architectural Woodwork and Millwork Manufacturing"),
    "337214": ("Office Furniture (including Fixtures) Manufacturing", "Office Furniture (except Wood) Manufacturing"),
    "339950": ("Other Miscellaneous Manufacturing", "Sign Manufacturing"),
    "339999": ("Other Miscellaneous Manufacturing", "All Other Miscellaneous Manufacturing"),
    "423210": ("Furniture and Home Furnishing Merchant Wholesalers", "Furniture Merchant Wholesalers"),
    "423430": ("Professional and Commercial Equipment and Supplies Merchant Wholesalers", "Computer and Computer Peripheral Equipment and Software Merchant Wholesalers"),
    "423450": ("Professional and Commercial Equipment and Supplies Merchant Wholesalers", "Medical, Dental, and Hospital Equipment and Supplies Merchant Wholesalers"),
    "423610": ("Household Appliances and Electrical and Electronic Goods Merchant Wholesalers", "Electrical Apparatus and Equipment, Wiring Supplies, and Related Equipment Merchant Wholesalers"),
    "423720": ("Hardware, and Plumbing and Heating Equipment and Supplies Merchant Wholesalers", "Plumbing and Heating Equipment and Supplies (Hydronics) Merchant Wholesalers"),
    "424120": ("Paper and Paper Product Merchant Wholesalers", "Stationery and Office Supplies Merchant Wholesalers"),
    "424130": ("Paper and Paper Product Merchant Wholesalers", "Industrial and Personal Service Paper Merchant Wholesalers"),
    "424350": ("Apparel, Piece Goods, and Notions Merchant Wholesalers", "Clothing and Clothing Accessories Merchant Wholesalers"),
    "424490": ("Grocery and Related Product Merchant Wholesalers", "Other Grocery and Related Products Merchant Wholesalers"),
    "444140": ("Building Material and Supplies Dealers", "Hardware Retailers"),
    "445298": ("Specialty Food Retailers", "All Other Specialty Food Retailers"),
    "449110": ("Furniture and Home Furnishings Retailers", "Furniture Retailers"),
    "453998": ("Other Miscellaneous Store Retailers", "All Other Miscellaneous Store Retailers (except Tobacco Stores)"),
    "456120": ("Health and Personal Care Retailers", "Cosmetics, Beauty Supplies, and Perfume Retailers"),
    "458110": ("Clothing and Clothing Accessories Retailers", "Clothing and Clothing Accessories Retailers"),
    "459310": ("Florists", "Florists"),
    "459410": ("Office Supplies, Stationery, and Gift Retailers", "Office Supplies and Stationery Retailers"),
    "459999": ("Other Miscellaneous Retailers", "All Other Miscellaneous Retailers"),
    "484110": ("General Freight Trucking", "General Freight Trucking, Local"),
    "484121": ("General Freight Trucking", "General Freight Trucking, Long-Distance, Truckload"),
    "484210": ("Specialized Freight Trucking", "Used Household and Office Goods Moving"),
    "484220": ("Specialized Freight Trucking", "Specialized Freight (except Used Goods) Trucking, Local"),
    "485320": ("Taxi and Limousine Service", "Limousine Service"),
    "485991": ("Other Transit and Ground Passenger Transportation", "Special Needs Transportation"),
    "488510": ("Freight Transportation Arrangement", "Freight Transportation Arrangement"),
    "492110": ("Couriers and Express Delivery Services", "Couriers and Express Delivery Services"),
    "492210": ("Local Messengers and Local Delivery", "Local Messengers and Local Delivery"),
    "493110": ("Warehousing and Storage", "General Warehousing and Storage"),
    "512110": ("Motion Picture and Video Industries", "Motion Picture and Video Production"),
    "513210": ("Software Publishers", "Software Publishers"),
    "516210": ("Media Streaming Distribution Services, Social Networks, and Other Media Networks and Content Providers",
               "Media Streaming Distribution Services, Social Networks, and Other Media Networks and Content Providers"),
    "517810": ("All Other Telecommunications", "All Other Telecommunications"),
    "518210": ("Computing Infrastructure Providers, Data Processing, Web Hosting, and Related Services",
               "Computing Infrastructure Providers, Data Processing, Web Hosting, and Related Services"),
    "519290": ("Web Search Portals, Libraries, Archives, and Other Information Services", "Web Search Portals and All Other Information Services"),
    "522390": ("Activities Related to Credit Intermediation", "Other Activities Related to Credit Intermediation"),
    "523940": ("Other Financial Investment Activities", "Portfolio Management and Investment Advice"),
    "523999": ("Other Financial Investment Activities", "Miscellaneous Financial Investment Activities"),
    "524210": ("Agencies, Brokerages, and Other Insurance Related Activities", "Insurance Agencies and Brokerages"),
    "531210": ("Offices of Real Estate Agents and Brokers", "Offices of Real Estate Agents and Brokers"),
    "531311": ("Activities Related to Real Estate", "Residential Property Managers"),
    "531312": ("Activities Related to Real Estate", "Nonresidential Property Managers"),
    "531390": ("Activities Related to Real Estate", "Other Activities Related to Real Estate"),
    "532412": ("Commercial and Industrial Machinery and Equipment Rental and Leasing", "Construction, Mining, and Forestry Machinery and Equipment Rental and Leasing"),
    "532490": ("Commercial and Industrial Machinery and Equipment Rental and Leasing", "Other Commercial and Industrial Machinery and Equipment Rental and Leasing"),
    "541110": ("Legal Services", "Offices of Lawyers"),
    "541199": ("Legal Services", "All Other Legal Services"),
    "541211": ("Accounting, Tax Preparation, Bookkeeping, and Payroll Services", "Offices of Certified Public Accountants"),
    "541213": ("Accounting, Tax Preparation, Bookkeeping, and Payroll Services", "Tax Preparation Services"),
    "541219": ("Accounting, Tax Preparation, Bookkeeping, and Payroll Services", "Other Accounting Services"),
    "541310": ("Architectural, Engineering, and Related Services", "Architectural Services"),
    "541320": ("Architectural, Engineering, and Related Services", "Landscape Architectural Services"),
    "541330": ("Architectural, Engineering, and Related Services", "Engineering Services"),
    "541340": ("Architectural, Engineering, and Related Services", "Drafting Services"),
    "541350": ("Architectural, Engineering, and Related Services", "Building Inspection Services"),
    "541370": ("Architectural, Engineering, and Related Services", "Surveying and Mapping (except Geophysical) Services"),
    "541380": ("Architectural, Engineering, and Related Services", "Testing Laboratories and Services"),
    "541410": ("Specialized Design Services", "Interior Design Services"),
    "541430": ("Specialized Design Services", "Graphic Design Services"),
    "541490": ("Specialized Design Services", "Other Specialized Design Services"),
    "541511": ("Computer Systems Design and Related Services", "Custom Computer Programming Services"),
    "541512": ("Computer Systems Design and Related Services", "Computer Systems Design Services"),
    "541513": ("Computer Systems Design and Related Services", "Computer Facilities Management Services"),
    "541519": ("Computer Systems Design and Related Services", "Other Computer Related Services"),
    "541611": ("Management, Scientific, and Technical Consulting Services", "Administrative Management and General Management Consulting Services"),
    "541612": ("Management, Scientific, and Technical Consulting Services", "Human Resources Consulting Services"),
    "541613": ("Management, Scientific, and Technical Consulting Services", "Marketing Consulting Services"),
    "541614": ("Management, Scientific, and Technical Consulting Services", "Process, Physical Distribution, and Logistics Consulting Services"),
    "541618": ("Management, Scientific, and Technical Consulting Services", "Other Management Consulting Services"),
    "541620": ("Management, Scientific, and Technical Consulting Services", "Environmental Consulting Services"),
    "541690": ("Management, Scientific, and Technical Consulting Services", "Other Scientific and Technical Consulting Services"),
    "541720": ("Scientific Research and Development Services", "Research and Development in the Social Sciences and Humanities"),
    "541810": ("Advertising, Public Relations, and Related Services", "Advertising Agencies"),
    "541820": ("Advertising, Public Relations, and Related Services", "Public Relations Agencies"),
    "541830": ("Advertising, Public Relations, and Related Services", "Media Buying Agencies"),
    "541890": ("Advertising, Public Relations, and Related Services", "Other Services Related to Advertising"),
    "541910": ("Other Professional, Scientific, and Technical Services", "Marketing Research and Public Opinion Polling"),
    "541922": ("Other Professional, Scientific, and Technical Services", "Commercial Photography"),
    "541930": ("Other Professional, Scientific, and Technical Services", "Translation and Interpretation Services"),
    "541990": ("Other Professional, Scientific, and Technical Services", "All Other Professional, Scientific, and Technical Services"),
    "551114": ("Management of Companies and Enterprises", "Corporate, Subsidiary, and Regional Managing Offices"),
    "561110": ("Office Administrative Services", "Office Administrative Services"),
    "561210": ("Facilities Support Services", "Facilities Support Services"),
    "561311": ("Employment Services", "Employment Placement Agencies"),
    "561320": ("Employment Services", "Temporary Help Services"),
    "561612": ("Investigation and Security Services", "Security Guards and Patrol Services"),
    "561621": ("Investigation and Security Services", "Security Systems Services (except Locksmiths)"),
    "561710": ("Services to Buildings and Dwellings", "Exterminating and Pest Control Services"),
    "561720": ("Services to Buildings and Dwellings", "Janitorial Services"),
    "561730": ("Services to Buildings and Dwellings", "Landscaping Services"),
    "561920": ("Other Support Services", "Convention and Trade Show Organizers"),
    "562111": ("Waste Collection", "Solid Waste Collection"),
    "562910": ("Remediation and Other Waste Management Services", "Remediation Services"),
    "611110": ("Elementary and Secondary Schools", "Elementary and Secondary Schools"),
    "611430": ("Business Schools and Computer and Management Training", "Professional and Management Development Training"),
    "611519": ("Technical and Trade Schools", "Other Technical and Trade Schools"),
    "611610": ("Other Schools and Instruction", "Fine Arts Schools"),
    "611630": ("Other Schools and Instruction", "Language Schools"),
    "611691": ("Other Schools and Instruction", "Exam Preparation and Tutoring"),
    "611699": ("Other Schools and Instruction", "All Other Miscellaneous Schools and Instruction"),
    "611710": ("Educational Support Services", "Educational Support Services"),
    "621111": ("Offices of Physicians", "Offices of Physicians (except Mental Health Specialists)"),
    "621330": ("Offices of Other Health Practitioners", "Offices of Mental Health Practitioners (except Physicians)"),
    "621340": ("Offices of Other Health Practitioners", "Offices of Physical, Occupational and Speech Therapists, and Audiologists"),
    "621610": ("Home Health Care Services", "Home Health Care Services"),
    "624120": ("Individual and Family Services", "Services for the Elderly and Persons with Disabilities"),
    "624410": ("Child Care Services", "Child Care Services"),
    "711120": ("Performing Arts Companies", "Dance Companies"),
    "711190": ("Performing Arts Companies", "Other Performing Arts Companies"),
    "711320": ("Promoters of Performing Arts, Sports, and Similar Events", "Promoters of Performing Arts, Sports, and Similar Events without Facilities"),
    "711510": ("Independent Artists, Writers, and Performers", "Independent Artists, Writers, and Performers"),
    "713940": ("Other Amusement and Recreation Industries", "Fitness and Recreational Sports Centers"),
    "713990": ("Other Amusement and Recreation Industries", "All Other Amusement and Recreation Industries"),
    "722310": ("Special Food Services", "Food Service Contractors"),
    "722320": ("Special Food Services", "Caterers"),
    "722330": ("Special Food Services", "Mobile Food Services"),
    "722511": ("Restaurants and Other Eating Places", "Full-Service Restaurants"),
    "722513": ("Restaurants and Other Eating Places", "Limited-Service Restaurants"),
    "811111": ("Automotive Repair and Maintenance", "General Automotive Repair"),
    "811310": ("Commercial and Industrial Machinery and Equipment (except Automotive and Electronic) Repair and Maintenance",
               "Commercial and Industrial Machinery and Equipment (except Automotive and Electronic) Repair and Maintenance"),
    "812320": ("Drycleaning and Laundry Services", "Drycleaning and Laundry Services (except Coin-Operated)"),
    "812332": ("Drycleaning and Laundry Services", "Industrial Launderers"),
    "812930": ("Other Personal Services", "Parking Lots and Garages"),
    "812990": ("Other Personal Services", "All Other Personal Services"),
    "813910": ("Business, Professional, Labor, Political, and Similar Organizations", "Business Associations"),
    "813920": ("Business, Professional, Labor, Political, and Similar Organizations", "Professional Organizations"),
    "921190": ("Executive, Legislative, and Other General Government Support", "Other General Government Support"),
    "926150": ("Administration of Economic Programs", "Regulation, Licensing, and Inspection of Miscellaneous Commercial Sectors"),
}

# ---------------------------------------------------------------------------
# Job-experience pools.  "## key low high" starts a pool (contract value range
# in dollars); each following line is "client || description".  "¶" marks a
# line break inside a description.  Firms draw 1-3 entries from their pool
# unless the profile lists its own "> client || description" lines.
# ---------------------------------------------------------------------------
POOLS = r"""
## clean 3000 650000
NYC Department of Citywide Administrative Services || Nightly janitorial service for 38,000 sq ft of office space at a Lower Manhattan agency building, including restroom sanitation and recycling separation.
Bridgeview Properties LLC || Post-construction cleaning of a 14-story residential building in Long Island City before tenant move-in.
Queens Public Library || Day porter and floor care at three branch libraries; stripped and refinished 22,000 sq ft of VCT.
Harlow Medical Group P.C. || Terminal cleaning and disinfection of two outpatient clinics, five nights a week.
NYC Health + Hospitals || Electrostatic disinfection of waiting areas and clinic rooms during the respiratory season surge.
Corvina Asset Management || Carpet extraction and window washing for a 9-floor Midtown office tower, quarterly.
NYC Department of Education || Summer deep cleaning of 11 school buildings in the Bronx, including gym floor refinishing.
Pelham Bay Condominium Board || Daily lobby, hallway and compactor room cleaning for a 220-unit co-op.
Atlantic Yards Community Partners || Event cleanup crews for 14 weekend street fairs, including litter pickup and restroom trailers.
Meridian Coworking Inc. || Janitorial service for a 60,000 sq ft coworking space in Brooklyn with green-certified products.
CUNY || Cleaned and sanitized 40 classrooms and 2 computer labs between semesters.
## it 5000 2400000
NYC Department of Education || Built a Salesforce-based case management app used by 1,200 school counselors.
NYC Department of Information Technology & Telecommunications || Migrated 46 legacy Oracle databases to AWS RDS with zero unplanned downtime.
Lindenwood Family Health Center || Replaced 180 desktops, set up Microsoft 365 and Intune device management for a community clinic.
NYC Human Resources Administration || Developed accessible React front end for a benefits eligibility screener (WCAG 2.1 AA).
Tri-State Freight Alliance || Built a dispatch and load-tracking mobile app for 90 trucks, iOS and Android.
NYC Department of Transportation || Data engineering support: built Python ETL pipelines feeding traffic-count dashboards.
Brooklyn Public Library || Managed help desk and network support for 59 branches under a 3-year contract.
Riverbend Prep Charter School || Installed Meraki Wi-Fi across 3 floors and set up Google Workspace for 400 students.
NYC Department of Health & Mental Hygiene || Azure cloud landing zone, identity federation and cost dashboards for a disease-surveillance team.
Empire Shipping Co. || Custom ERP integration connecting warehouse scanners to QuickBooks Online.
New York City Transit || Staff augmentation: 6 Java developers for a fare-system modernization project.
## cyber 10000 1800000
NYC Cyber Command || Penetration test of 14 public-facing web applications and remediation retest.
Hudson Valley Credit Union || SOC 2 readiness assessment and policy writing for a 40-person credit union.
NYC Housing Preservation & Development || Deployed SIEM (Microsoft Sentinel) and 24/7 log monitoring for 2,500 endpoints.
Pinecrest Medical Billing LLC || HIPAA risk assessment, phishing simulation and staff training for 120 employees.
Port Authority of New York and New Jersey || OT network segmentation review for building management systems at two facilities.
CUNY || Incident response support after a ransomware attempt; restored file servers from immutable backups.
## smart 15000 3500000
NYC Department of Transportation || Installed 120 solar-powered pedestrian counters and LoRaWAN gateways along Queens Boulevard.
NYC Department of Environmental Protection || Deployed 65 wireless sewer-level sensors with cellular telemetry and a live dashboard.
NYC Economic Development Corporation || Smart-building retrofit: BACnet integration of 300 occupancy sensors and LED lighting controls.
Brooklyn Navy Yard Development Corp. || Installed 42 access control readers and 110 IP cameras across three industrial buildings.
NYC Department of Parks & Recreation || Air-quality and noise sensor network (48 nodes) for six Bronx parks.
NYCHA || Installed smart meters and submetering gateways in 14 buildings for energy monitoring.
Lenox Hill Medical Pavilion || Structured cabling (Cat6A, 640 drops) and fiber backbone for a new outpatient floor.
DCAS || Designed and installed EV charging stations (24 Level 2 ports) with networked load management.
Hudson Square Business Improvement District || Installed 18 smart waste bins with fill-level sensors and a maintenance alert system.
## elec 8000 4500000
NYC School Construction Authority || Electrical upgrade at a Brooklyn elementary school: new 1,200A service, panels and classroom circuits.
NYCHA || Replaced corridor and stair lighting with LED fixtures in 9 buildings in the Bronx.
Greenridge Development LLC || Complete electrical work for a 48-unit affordable housing building in East New York.
NYC Health + Hospitals || Emergency generator transfer switch replacement at a Queens hospital.
DCAS || Fire alarm system upgrade with addressable devices at a Manhattan courthouse.
Carlisle Retail Group || Lighting and power fit-out for 7 retail stores, including storefront signage circuits.
Metropolitan Transportation Authority || Installed low-voltage conduit and cable trays for station CCTV at four subway stations.
Dormitory Authority of the State of New York || Intercom, nurse-call and security wiring for a CUNY science building renovation.
## gc 25000 18000000
NYC Department of Design and Construction || General construction for the renovation of a Bronx branch library, 11,000 sq ft.
NYC School Construction Authority || Classroom modernization at 4 schools: ceilings, doors, flooring and millwork.
Ardent Capital Partners || Interior fit-out of a 22,000 sq ft office floor in Midtown: partitions, glass fronts, pantry and lighting.
NYCHA || Kitchen and bathroom renovations in 60 occupied apartments.
NYC Parks || Comfort station reconstruction in a Queens park, including accessible restrooms.
Maple Leaf Hospitality Group || Build-out of a 140-seat restaurant in Williamsburg, including kitchen exhaust coordination.
Kinetic Learning Charter School || Converted a former warehouse into a 2-floor charter school, 30,000 sq ft.
NYC Health + Hospitals || Renovated a 24-bed inpatient unit while the hospital remained in operation.
Sterling Court Condominium || Lobby and corridor renovation for a 16-story condo building.
CUNY || ADA upgrades: ramps, restrooms and elevator lobbies at two campuses.
Seoul Garden Foods USA Inc. || Fit-out of a 6,500 sq ft flagship store and office in Flushing.
## reno 5000 1200000
Private homeowner || Gut renovation of a Brooklyn brownstone: new kitchen, two bathrooms, refinished floors.
Emerald Street Co-op || Renovated 12 apartment kitchens and replaced cabinets and countertops.
Private homeowner || Basement conversion with new egress window, waterproofing and bathroom in Queens.
HPD || Moderate rehabilitation of 8 occupied apartments under an HPD program.
Windsor Terrace Realty LLC || Turnover renovations of 35 rental units: paint, flooring, fixtures.
Bronx Community Housing Corp. || Accessible bathroom conversions for senior tenants in 20 units.
## hvac 10000 6000000
NYC School Construction Authority || Replaced 4 rooftop units and installed new BMS controls at a Staten Island high school.
DCAS || Boiler conversion from No. 4 oil to natural gas at a Bronx municipal garage.
Harborview Medical Associates || Installed VRF heat pump system (28 indoor units) for a 3-floor medical office.
NYCHA || Heating plant upgrade with new burners and controls for a 6-building campus.
Crescent Data Center LLC || Installed CRAC units and hot-aisle containment for a 2,000 sq ft server room.
Queens Public Library || Preventive maintenance contract for chillers and air handlers at 12 branches.
Pacific Rim Restaurant Group || Kitchen exhaust, make-up air and split-system AC for 3 restaurants.
NYC Department of Education || Installed 140 classroom window-unit replacements with dedicated circuits.
## plumb 5000 3000000
NYCHA || Replaced domestic water risers in a 14-story building while tenants remained in place.
NYC School Construction Authority || Bathroom plumbing upgrades at 6 schools, including new ADA fixtures.
Brightwater Hospitality LLC || Gas piping and grease interceptor installation for a new restaurant.
NYC Department of Environmental Protection || Backflow preventer testing and installation at 30 municipal sites.
Gramercy Tower Condominium || Boiler room repiping and hot water heater replacement.
NYC Parks || Installed drinking fountains and spray shower plumbing at 9 playgrounds.
Private owner || Full plumbing for a 4-family new building in the Bronx, DOB sign-off obtained.
## trade 10000 7000000
NYC School Construction Authority || Exterior masonry repointing and parapet reconstruction at a Brooklyn school (Local Law 11 work).
NYCHA || Roof replacement on 6 buildings, 48,000 sq ft, with new insulation and drains.
Park Slope Co-op Corp. || Facade restoration and brick replacement for a 7-story pre-war building.
NYC Department of Design and Construction || Cast-in-place concrete foundation for a new EMS station.
Bayshore Builders Inc. || Structural steel erection for a 5-story mixed-use building, 180 tons.
NYC Housing Authority || Sidewalk shed and scaffold installation for facade inspections at 12 buildings.
Riverside Storage LLC || Installed aluminum storefront and curtain wall at a self-storage facility.
NYC Parks || Rebuilt stone retaining walls and stairs in a Manhattan park.
## finish 3000 1500000
NYC Department of Education || Painted classrooms and corridors in 5 schools over summer break.
NYCHA || Drywall and taping for apartment renovations at a 200-unit development.
Kingsway Office Partners || Installed 30,000 sq ft of carpet tile and LVT in an office fit-out.
NYC Health + Hospitals || Installed seamless epoxy flooring in two operating rooms.
Private client || Decorative plaster and wallcovering in a Tribeca loft.
CUNY || Ceramic tile replacement in 18 restrooms across two campuses.
## civil 50000 25000000
NYC Department of Transportation || Sidewalk, curb and pedestrian ramp reconstruction at 140 corners in Queens.
NYC Department of Environmental Protection || Replaced 2,400 linear feet of 12-inch water main in Staten Island.
NYC Department of Design and Construction || Installed green infrastructure bioswales (36 units) in the Bronx.
Port Authority of New York and New Jersey || Pavement milling and resurfacing of an airport service road.
NYC Parks || Excavation, grading and drainage for a new synthetic turf field.
Brownfield Partners LLC || Site clearing, soil export and rough grading for a 3-acre industrial site.
NYC Department of Transportation || Steel bridge deck joint repair on a Harlem River crossing.
## arch 8000 2500000
NYC School Construction Authority || Architectural design for a 650-seat primary school addition, through construction administration.
NYC Department of Design and Construction || Design of a new comfort station and maintenance building for NYC Parks.
Halcyon Housing Development Fund Corp. || Designed a 72-unit affordable senior housing building, Passive House certified.
Private client || Interior alteration of a 2,500 sq ft office floor; DOB filing and approvals.
NYC Health + Hospitals || Space planning and design for a 12,000 sq ft outpatient clinic relocation.
Corbin Street Retail LLC || Storefront and facade redesign for a Main Street retail corridor, 9 storefronts.
NYCHA || Architectural services for roof and facade replacement at 4 developments.
Brooklyn Public Library || Renovation design for a Carnegie branch library, including ADA upgrades.
## eng 8000 4000000
NYC Department of Design and Construction || MEP engineering design for a 3-story police precinct renovation.
NYC Department of Transportation || Traffic engineering study and signal timing plans for 40 intersections in Brooklyn.
NYCHA || Structural inspection and repair design for 6 parking garages.
Port Authority of New York and New Jersey || Civil/site engineering for a maintenance facility expansion.
NYC Department of Environmental Protection || Hydraulic modeling and design for a combined sewer upgrade.
Westpark Developers LLC || Structural design for an 11-story mixed-use concrete building.
NYC School Construction Authority || Local Law 97 energy audit and decarbonization plan for 20 school buildings.
DASNY || Fire protection engineering and sprinkler design for a courthouse renovation.
## inspect 3000 900000
NYC Department of Buildings || Special inspections (TR1) for structural steel and concrete on a 9-story building.
NYCHA || Facade inspection (FISP) reports for 14 buildings.
Crestline Builders LLC || Third-party concrete cylinder testing and field density testing for a school project.
NYC School Construction Authority || Pre-renovation asbestos and lead surveys at 7 schools.
## cater 500 450000
NYC Department of Education || Catered a 300-person conference breakfast with hot and cold stations.
Brooklyn Chamber of Commerce || Cocktail reception for 180 guests at an awards gala.
NYC Department of Youth & Community Development || Daily boxed lunches for 120 summer youth employees for 6 weeks.
Hanbit Cloud Inc. || Korean-American fusion buffet for a 90-person office opening in Manhattan.
Columbia Heights Baptist Church || Sit-down dinner for 250 guests at a community anniversary celebration.
NYC Health + Hospitals || Staff appreciation lunches for 4 hospital units, 600 meals total.
Queens Borough President's Office || Heritage Month reception with halal and vegetarian menus for 200.
CUNY || Catered working lunches for a 3-day faculty retreat, 75 people per day.
Five Boroughs Short Film Festival || Backstage green room catering for 10 days of screenings.
## foodsvc 20000 3500000
NYC Department of Education || Prepared and delivered 1,800 school breakfasts daily to 6 schools.
NYC Department of Homeless Services || Three hot meals a day for a 200-bed shelter.
NYC Department for the Aging || Home-delivered meals for 450 seniors in Brooklyn, 5 days a week.
NYC Administration for Children's Services || Cafeteria operation at a youth residential facility.
Riverview Corporate Campus || Employee cafeteria and coffee bar for 900 employees.
## food 300 600000
NYC Department of Education || Supplied baked goods for 12 school events.
Saint Anselm Parish || Weekly bread and pastry deliveries for a food pantry.
Lighthouse Co-Working LLC || Daily snack and fresh fruit delivery to 4 office floors.
Private client || Wedding dessert table for 200 guests.
Queens Museum || Café menu and pastry supply for a 4-month exhibition.
## truck 2000 3000000
NYC Department of Sanitation || Hauled 12,000 tons of construction debris to licensed transfer stations.
NYC School Construction Authority || Dump truck and operator services for 3 school site excavations.
Metro Build Supply Inc. || Daily delivery of lumber and drywall to job sites across the five boroughs.
NYC Department of Transportation || Delivered and placed 600 concrete barriers for street safety projects.
Pierpoint Foods Distribution || Refrigerated box-truck deliveries to 40 restaurants in Manhattan, 6 days a week.
Hunts Point Produce Cooperative || Night runs from Hunts Point Market to grocery stores in Queens and Brooklyn.
## moving 1500 950000
NYC Department of Citywide Administrative Services || Relocated 240 workstations and 1,100 crates of files between two agency offices.
NYC Department of Education || Summer moves of classroom furniture and IT equipment for 9 schools.
Ridgeway Law Group LLP || Weekend office move of 60 staff, including IT disconnect/reconnect.
CUNY || Decommissioned and recycled 400 pieces of surplus furniture.
Kestrel Health Partners || Moved a medical practice with lab equipment and record storage, 3 floors.
## courier 500 650000
NYC Law Department || Same-day court filing and document courier service across the five boroughs.
Carrow & Bell LLP || On-demand bike and van messenger service, 2,500 deliveries a year.
NYC Department of Health & Mental Hygiene || Temperature-controlled delivery of lab specimens between clinics.
Greenpoint Pharmacy Group || Last-mile delivery of prescriptions to 1,200 homebound patients a month.
Hanbit Cloud Inc. || Daily inter-office deliveries between Manhattan and Fort Lee offices.
## uniform 1000 900000
NYC Department of Sanitation || Supplied 2,000 embroidered high-visibility work jackets.
NYC Health + Hospitals || Scrubs and lab coats for 3 hospital departments, with name embroidery.
Bay Ridge Security Services || Guard uniforms, patches and outerwear for 300 officers.
NYC Parks || Seasonal staff T-shirts and caps for 1,500 summer workers.
Golden Wok Restaurant Group || Chef coats, aprons and front-of-house uniforms for 6 restaurants.
## promo 500 350000
NYC Department of Small Business Services || 10,000 branded tote bags and pens for a small business expo.
Coney Island Boosters Club || Custom bobbleheads and giveaway items for a summer promotion.
NYC Department of Health & Mental Hygiene || Printed hand-sanitizer kits and magnets for a public health campaign.
CUNY || Graduation gifts: engraved padfolios for 2,400 graduates.
NYC Votes || Voter-registration T-shirts, buttons and stickers for 40 community events.
## translate 300 800000
NYC Department of Education || Translated parent notices into Korean, Chinese, Spanish and Bengali (1.2 million words).
NYC Health + Hospitals || On-site Korean and Mandarin medical interpreters for outpatient clinics.
NYC Civil Court || Over-the-phone interpretation in 40 languages, 24/7.
NYC Mayor's Office of Immigrant Affairs || Translation and desktop publishing of a 60-page resource guide into 12 languages.
Saebyeol Precision America Inc. || Korean-English interpretation for a 3-day supplier audit in New Jersey.
NYC Board of Elections || Simultaneous interpretation and ballot translation review.
Gaon Freight Lines Inc. || Translated employee handbook and safety manuals from Korean to English and Spanish.
## mktg 1000 1200000
NYC Department of Small Business Services || Multilingual ad campaign promoting small business grants on subway and social media.
NYC Department of Consumer and Worker Protection || Campaign strategy and creative for a paid-sick-leave awareness effort.
Brightside Credit Union || Brand refresh, new website and launch campaign.
NYC Tourism + Conventions || Social media content and influencer program for a borough tourism push.
Mapleview Senior Living || Lead generation campaign and landing pages for a new senior residence.
Hanbit Cloud Inc. || US market entry campaign: naming, messaging and LinkedIn ads for a Korean SaaS company.
## design 500 400000
NYC Department of Parks & Recreation || Wayfinding sign system design for 3 parks.
Brooklyn Public Library || Annual report design and infographics.
NYC Department of Health & Mental Hygiene || Designed a multilingual poster series for a vaccination campaign.
Riverside Arts Festival || Festival identity, posters and merchandise designs.
Greenline Realty Partners || Leasing brochures and signage for a new office building.
## print 300 700000
NYC Board of Elections || Printed and mailed 400,000 voter guides.
NYC Department of Education || Printed 80,000 report card envelopes and parent handbooks.
NYC Department of Transportation || Large-format vinyl banners and construction site signage.
CUNY || Commencement programs, banners and step-and-repeat backdrops.
Fulton Street Merchants Association || Holiday shopping postcards and window decals for 300 stores.
## pr 2000 600000
NYC Economic Development Corporation || Press strategy and media relations for a waterfront redevelopment announcement.
Borough Community Health Network || Crisis communications and spokesperson training for clinic leadership.
NYC Department of Cultural Affairs || Community outreach and press for a public art program.
Midwood Arts Collective || Gala publicity and media list building.
## event 1000 900000
NYC Department of Small Business Services || Produced a 1,500-attendee M/WBE procurement fair, including vendor booths and registration.
NYC Economic Development Corporation || Planned a 2-day tech conference at a Brooklyn venue with 60 speakers.
NYC Department of Youth & Community Development || Summer festival series in 5 parks: staging, permits and vendor coordination.
Hanbit Cloud Inc. || Grand-opening reception for 250 guests for a Korean company's New York office.
CUNY || Commencement ceremony production for 6,000 guests.
Queens Chamber of Commerce || Annual business expo with 120 exhibitors.
## av 1000 750000
NYC Department of Education || Sound, lighting and LED wall for a citywide teacher awards ceremony.
NYC Council || Hybrid meeting AV setup with live streaming and translation channels.
Brooklyn Borough Hall || Outdoor concert staging and PA system for 4,000 attendees.
Summit Biotech Inc. || Installed boardroom video conferencing in 12 meeting rooms.
NYC Department of Cultural Affairs || Projection mapping and AV for a public holiday event.
## video 1000 500000
NYC Department of Health & Mental Hygiene || Produced 12 short public service videos in English, Spanish and Korean.
NYC Department of Small Business Services || Filmed 20 customer testimonial videos of small business owners.
CUNY || Livestream production of a 3-day academic conference.
Harborline Savings Bank || Recruitment video and social cut-downs.
## legal 5000 1500000
NYC Law Department || Outside counsel for construction contract disputes.
Private client || Represented a restaurant group in lease negotiations for 4 locations.
NYC Economic Development Corporation || Real estate transaction counsel for a city-owned parcel disposition.
Hanbit Cloud Inc. || Entity formation, employment agreements and commercial lease review for a Korean tech subsidiary.
New York State Attorney General's Office || Special counsel on consumer protection litigation.
Private client || Immigration counsel (E-2, L-1) for 14 executives relocating from Seoul.
## acct 1500 600000
NYC Department of Small Business Services || Bookkeeping and financial statement preparation for 35 small business grant recipients.
Greenacre Housing Development Fund || Annual audit of a nonprofit housing developer.
Seoul Garden Foods USA Inc. || Monthly bookkeeping, payroll and sales tax filings for a US subsidiary.
NYC Department of Youth & Community Development || Fiscal monitoring reviews of 40 nonprofit contractors.
Bridge Street Development Corp. || Single Audit (Uniform Guidance) for a federally funded nonprofit.
Private client || Tax preparation and planning for 150 individual and small business clients.
## staff 5000 3000000
NYC Department of Social Services || Supplied 45 temporary call-center staff for benefits enrollment season.
NYC Health + Hospitals || Travel nurses and medical assistants for 3 hospital units.
NYC Department of Finance || Temporary data-entry staff for property tax exemption processing.
Hanbit Cloud Inc. || Recruited a 12-person bilingual (Korean/English) sales and support team.
NYC Department of Education || Substitute paraprofessionals for special education classrooms.
Empire Logistics Park || Warehouse associates and forklift operators for peak season, 80 workers.
## hr 3000 450000
NYC Department of Citywide Administrative Services || Job analysis and civil service exam content review for 6 titles.
Borough Community Health Network || Salary benchmarking and compensation policy redesign.
Hanbit Cloud Inc. || US employee handbook, onboarding process and benefits broker selection.
NYC Department of Correction || Diversity, equity and inclusion training for 400 supervisors.
## consult 2000 2500000
NYC Department of Small Business Services || Program evaluation of a small-business technical assistance initiative.
NYC Mayor's Office of Operations || Process improvement for permit intake; reduced processing time by 30%.
NYC Housing Authority || Project management support for capital program reporting.
NYC Department of Education || Strategic planning facilitation for 20 district superintendents.
Brooklyn Community Foundation || Organizational assessment and board development for a grantee cohort.
Saebyeol Precision America Inc. || US market-entry study and vendor sourcing plan for a Korean auto-parts supplier.
## security 20000 4500000
NYC Department of Homeless Services || Unarmed guard services at 4 shelters, 24/7, 38 officers.
NYC Human Resources Administration || Security officers and front-desk screening at 3 job centers.
Fordham Plaza Management LLC || Lobby security and fire safety director coverage for a commercial tower.
NYC Department of Education || Event security for citywide high school graduations.
NYC Health + Hospitals || Patrol and access control at a hospital parking garage.
Kwon Medical Building LLC || Concierge security and FDNY F-89 fire guard service.
## landscape 2000 1800000
NYC Parks || Planted 600 street trees and provided 2-year establishment care in Queens.
NYCHA || Grounds maintenance and snow removal for 11 developments.
NYC Department of Transportation || Maintenance of greenstreets and medians along 9 miles of roadway.
Greenpoint Terrace Condominium || Rooftop garden installation with irrigation and planters.
NYC Department of Environmental Protection || Maintenance of 400 rain gardens in Brooklyn.
CUNY || Campus lawn care, pruning and seasonal plantings.
## enviro 3000 2000000
NYC Department of Design and Construction || Phase I and II environmental site assessments for 8 city-owned parcels.
NYC Office of Environmental Remediation || Brownfield Cleanup Program reporting and soil vapor sampling.
NYC School Construction Authority || Indoor air quality testing at 30 schools.
Elmhurst Property Group || Asbestos survey and abatement design for a 6-story building renovation.
NYCHA || Lead-based paint risk assessments in 500 apartments.
Port Authority of New York and New Jersey || Stormwater pollution prevention plan and inspections.
## abate 10000 5000000
NYC School Construction Authority || Asbestos abatement of floor tile and mastic in 40 classrooms over summer break.
NYCHA || Lead paint abatement in 120 apartments with XRF clearance.
NYC Department of Design and Construction || Abatement of pipe insulation and roofing prior to demolition of a city building.
Private owner || Mold remediation in a flooded basement of a Brooklyn co-op.
NYC Health + Hospitals || Asbestos removal in mechanical rooms with negative air containment.
## furniture 2000 2500000
NYC Department of Education || Supplied and installed classroom furniture for 14 new classrooms.
NYC Health + Hospitals || Waiting room seating and workstations for 3 clinics.
Hanbit Cloud Inc. || 120 sit-stand workstations and conference furniture for a new Manhattan office.
CUNY || Library furniture, carrels and lounge seating for a campus renovation.
DCAS || Office chairs and filing cabinets for 8 agencies under a requirements contract.
## office 500 800000
NYC Department of Education || Office and classroom supplies for 60 schools under a requirements contract.
NYC Department of Citywide Administrative Services || Copy paper and toner delivery to 35 city offices.
NYC Health + Hospitals || Janitorial paper, can liners and soap supplies for 5 facilities.
Private client || Break-room supplies and coffee service for a 200-person office.
Queens Public Library || Printer consumables and ergonomic accessories.
## train 1000 900000
NYC Department of Small Business Services || Delivered a 10-week procurement readiness course to 60 M/WBE owners.
NYC Department of Citywide Administrative Services || Project management (PMP) training for 120 city employees.
NYC Human Resources Administration || Customer service and de-escalation training for 300 front-line staff.
CUNY || OSHA 30 construction safety classes for 200 students.
Hanbit Cloud Inc. || Onboarding workshops on US workplace culture for 25 Korean transferees.
NYC Department of Youth & Community Development || Job-readiness and digital literacy workshops for 400 young adults.
## edu 1000 1500000
NYC Department of Education || After-school STEM enrichment at 12 elementary schools.
NYC Department of Education || Professional development for 150 ELA teachers on literacy instruction.
NYC Department of Youth & Community Development || Summer Rising program staffing and curriculum at 3 sites.
Concourse Learning Charter School || Tutoring for 180 students in math and reading.
NYC Department of Education || College and career counseling workshops in 9 high schools.
Queens Public Library || English-as-a-second-language classes for 240 adult learners.
## health 2000 2500000
NYC Department of Education || Speech and occupational therapy services for students with IEPs in District 24.
NYC Department for the Aging || Home care aides for 120 seniors.
NYC Administration for Children's Services || Mental health counseling for foster care youth.
NYC Department of Health & Mental Hygiene || Community health worker outreach in 4 neighborhoods.
NYC Department of Homeless Services || On-site clinical case management at a family shelter.
## realestate 2000 1500000
NYC Department of Citywide Administrative Services || Brokerage services for the lease of a 40,000 sq ft agency office.
NYCHA || Property management of 1,200 units under a PACT conversion.
Private client || Tenant representation for a Korean cosmetics company's Manhattan showroom.
NYC Economic Development Corporation || Appraisal of 6 commercial parcels.
## finance 5000 3000000
NYC Comptroller's Office || Emerging manager investment mandate for a public pension fund.
NYC Housing Development Corporation || Co-manager on a multifamily housing bond issuance.
Private client || Commercial property and liability insurance program for a 40-unit building.
Brooklyn Small Business Fund || Loan packaging and underwriting support for 60 micro-loans.
## arts 500 300000
NYC Department of Cultural Affairs || Public art mural, 2,400 sq ft, in collaboration with local youth.
NYC Department of Education || Dance residency at 6 elementary schools, 20 weeks.
Brooklyn Public Library || Family concert series at 10 branches.
NYC Parks || Summer outdoor theater performances in 8 parks.
Queens Museum || Artist talk and workshop series.
## retail 200 250000
NYC Department of Education || Supplied classroom supplies and art materials to 10 schools.
Private client || Corporate holiday gift baskets for 300 employees.
NYC Parks || Hardware and small tools for maintenance crews.
Bedford Community Center || Furniture and window treatments for a community room.
## wholesale 2000 2500000
NYC Department of Citywide Administrative Services || Supplied electrical wire and fittings under a requirements contract.
NYC School Construction Authority || Supplied 900 laptops and charging carts for schools.
NYC Health + Hospitals || Distributed medical gloves and disposable gowns to 11 facilities.
Hudson Yards Builders LLC || Supplied plumbing fixtures and valves for a 200-unit building.
NYC Department of Education || Food and snack distribution for after-school programs.
## manu 1000 1500000
NYC Department of Transportation || Fabricated 300 aluminum street signs.
NYC Parks || Custom steel benches and planters for a plaza.
NYC Department of Education || Built custom library shelving and reception desks for 4 schools.
Harlow Hotel Group || Millwork package for a 90-room hotel lobby and rooms.
Private client || Custom LED light fixtures for a restaurant chain.
## misc 500 500000
NYC Department of Small Business Services || Provided services to small businesses in Upper Manhattan.
Private client || Ongoing monthly services for a Manhattan property owner.
NYC Department of Education || Services for school events and programs.
Brooklyn Navy Yard Development Corp. || Project services for a tenant in Building 77.
"""

# ---------------------------------------------------------------------------
# Firm profiles.  All names and texts are invented.
# ---------------------------------------------------------------------------
PROFILES_CONSTRUCTION = r"""
%% 236220 | Keystone Ridge Builders LLC | | gc | e=BLACK c=MBE,WBE loc=BROOKLYN bond=1 types=Commercial; Institutional
Keystone Ridge Builders is a general contractor serving public agencies and private owners in the five boroughs. We self-perform carpentry, drywall and general conditions and manage all MEP subcontractors. Recent work includes school modernizations for the SCA and a library renovation for DDC.
%% 236220 | Ardmore Construction Group Inc. | | gc | c=MBE,WBE e=HISPANIC loc=BRONX bond=1 union=NYC District Council of Carpenters 157, Mason Tenders 79 types=Commercial; Institutional; Residential
Women-owned general contractor founded by a civil engineer and a former SCA project manager.

We specialize in occupied renovations – schools, health clinics and NYCHA apartments – where phasing, safety and communication with residents matter as much as the work itself.

OSHA 30 on every site. Bonded up to $10M single project.
%% 236220 | Pinnacle Fit-Out Partners LLC | | gc | c=WBE e=NON-MINORITY loc=MANHATTAN bond=1 types=Commercial; Interior fit-out
Interior fit-out contractor for corporate offices, showrooms and retail. We build partitions, glass fronts, ceilings, millwork and pantries, and coordinate MEP, low-voltage and furniture vendors so tenants move in on schedule. Typical projects are 5,000 to 40,000 sq ft in Midtown and Lower Manhattan, completed over nights and weekends in occupied buildings.
%% 236220 | Atlas Meridian Contracting Corp. | | gc | e=ASIAN c=MBE loc=QUEENS nb=flushing bond=1 kr=1
General contracting and construction management. Commercial interiors, restaurant build-outs, medical offices. We speak English, Korean and Spanish on site, which helps our Korean-American and Latino clients in Flushing, Bayside and Fort Lee follow every step of the job.
%% 236220 | Tri-Borough Builders & Sons Inc. | | gc | e=HISPANIC c=MBE loc=QUEENS bond=1 union=Laborers Local 79, Carpenters Local 157
Family-owned since 1994. Three generations of builders doing masonry, concrete, carpentry and complete renovations for schools, churches and apartment buildings. We finish what we start.
%% 236220 | Halden Street Construction LLC | Halden Street Builders | gc | c=WBE e=NON-MINORITY loc=NY bond=1 types=Commercial; Institutional
Halden Street Construction provides general contracting, construction management and design-build services to healthcare, education and nonprofit clients. Our team holds LEED AP and OSHA 30 credentials and has delivered more than 120 projects in the New York metro area, most of them renovations of occupied facilities.
%% 236220 | Bedrock Civic Contractors Inc. | | gc | e=BLACK c=MBE,EBE loc=BRONX bond=1 cap=Construction Mentorship; Bond Readiness
We are a small general contractor that graduated from the City's mentorship program. We do interior renovations, doors and hardware, ceilings, painting and ADA upgrades for city agencies. Our superintendent has 25 years in the field.
%% 236220 | Nova Terra Build Corp. | | gc | e=ASIAN c=MBE loc=NJ kr=1 bond=1
Nova Terra Build Corp. is a licensed general contractor headquartered in Fort Lee, NJ with projects across Manhattan, Queens and Bergen County. Services: office interiors (인테리어), restaurant and retail fit-outs, storefronts, and tenant improvement work for Korean companies opening US branches. We coordinate permits with DOB and landlord approvals and can provide bilingual project reports.
%% 236220 | Cornerstone Equity Builders LLC | | gc | e=BLACK c=MBE,WBE loc=BROOKLYN types=Residential; Commercial
Construction company focused on affordable housing and community facilities in Central Brooklyn. We partner with nonprofit developers on gut rehabs and new construction, and we hire from the neighborhoods we build in.
%% 236118 | Blue Door Renovations Inc. | | reno | e=HISPANIC c=EBE loc=BRONX
Kitchen and bathroom remodeling, flooring, tiling, painting and small repairs for homeowners, co-ops and landlords. Free estimates. Licensed HIC.
%% 236118 | Brownstone Revival LLC | | reno | c=WBE e=NON-MINORITY loc=BROOKLYN
Brownstone Revival restores and renovates Brooklyn row houses: gut renovations, parlor floor restorations, new kitchens and baths, and landmarks-compliant facade work. We have completed over 60 brownstones since 2011.
%% 236118 | Vega & Daughters Home Improvement Corp. | | reno | e=HISPANIC c=MBE,WBE loc=SI
Vega & Daughters does residential remodeling in Queens and Nassau – basements, bathrooms, kitchens, attic conversions. Mother-and-daughters team, 18 years in business, fully insured.
%% 236118 | Jireh Home Solutions LLC | | reno | e=BLACK c=EBE loc=NY
We renovate apartments and homes for landlords, property managers and HPD programs. Turnover work, painting, plastering, flooring, cabinets, fixtures. Fast turnaround on vacant units.
%% 236118 | Hanok Interiors & Remodeling Inc. | | reno | e=ASIAN c=MBE loc=NJ kr=1
Residential and small commercial remodeling. Kitchens, bathrooms, custom closets, hardwood floors. 한국어 상담 가능 (Korean-speaking estimators). Serving Bergen County, Manhattan and Queens since 2009.
%% 236118 | Sunrise Restoration Group Corp. | | reno | e=ASIAN c=EBE loc=OUT
Sunrise Restoration Group provides interior and exterior renovation for one- to four-family homes, including water damage restoration, window replacement and siding.
%% 236116 | Harmony Square Development LLC | | gc | e=BLACK c=MBE,WBE loc=MANHATTAN bond=1 types=Residential; Mixed-use
Harmony Square Development is a builder of multifamily affordable housing in Harlem and the South Bronx. We act as general contractor on HPD- and HDC-financed projects of 30 to 150 units and have built more than 900 apartments since 2008.
%% 236116 | Lindenhurst Building Co. Inc. | | gc | c=WBE e=NON-MINORITY loc=NY bond=1
New multifamily and mixed-use construction on Long Island and in Queens. Wood-frame and concrete. Women-owned since 2003.
%% 238390 | Precision Interior Systems Corp. | | finish | e=HISPANIC c=MBE loc=QUEENS bond=1 union=Association of Wall Ceiling & Carpentry Local 290
Acoustical ceilings, demountable partitions, raised access flooring, and wall protection systems for offices, hospitals and schools. Installers are union carpenters with OSHA 10/30 cards.
%% 238390 | Clearline Specialties LLC | | gc | c=WBE e=NON-MINORITY loc=NJ
Clearline Specialties installs Division 10 specialties: toilet partitions, lockers, corner guards, signage, fire extinguisher cabinets and window film. We work as a subcontractor for general contractors on schools and office fit-outs.
%% 238350 | Woodhaven Millwork & Carpentry Inc. | | gc | e=HISPANIC c=MBE loc=QUEENS bond=1
Finish carpentry and architectural millwork installation: reception desks, wall paneling, built-in cabinetry, doors, frames and hardware for commercial interiors.
%% 238350 | Tamarind Carpentry LLC | | gc | e=ASIAN c=MBE,WBE loc=BROOKLYN
Custom carpentry and furniture-grade installation. We build and install pantry cabinets, bookshelves, stage platforms and display fixtures for offices, libraries and retail stores.
%% 238210 | Voltline Electric Corp. | | elec | e=HISPANIC c=MBE loc=BRONX bond=1 union=IBEW Local 3 types=Commercial; Institutional
Licensed NYC master electrician. Power distribution, lighting, fire alarm, and low-voltage systems for schools, hospitals and commercial buildings. Signatory to IBEW Local 3.
%% 238210 | Brightgrid Electrical Contractors LLC | | smart | e=BLACK c=MBE,WBE loc=BROOKLYN bond=1
Brightgrid is an electrical and low-voltage contractor working on smart building and smart city projects. We install IoT sensors, LED lighting controls, EV chargers, access control, CCTV and structured cabling, and we integrate devices into building management systems. Our electricians are NYC-licensed and our technicians hold BICSI and Crestron certifications.
%% 238210 | K-Tech Electric & Low Voltage Inc. | | smart | e=ASIAN c=MBE loc=QUEENS nb=flushing kr=1 bond=1
전기 공사 및 저전압 (low voltage) 시공 전문 업체. Electrical contracting, data cabling, CCTV, access control and IoT sensor installation for retail, restaurants and offices in Queens, Manhattan and Bergen County. Licensed master electrician; Korean and English spoken.
%% 238210 | Amperia Power Systems LLC | | elec | c=MBE,WBE e=BLACK loc=NY bond=1
Amperia Power Systems installs and services emergency generators, transfer switches, and solar PV systems. We also perform infrared thermography and electrical testing for facilities teams.
%% 238210 | Lumen & Wire Electric Inc. | | elec | e=HISPANIC c=MBE loc=MANHATTAN union=Local Union 3 IBEW
Electrical contractor for interior fit-outs: power, lighting, data, fire alarm, and A/V rough-in. Over 400 Manhattan office and retail projects completed.
%% 238210 | Signal Path Communications Corp. | | smart | c=WBE e=NON-MINORITY loc=NJ
Signal Path designs and installs structured cabling, fiber optics, distributed antenna systems (DAS), Wi-Fi and public-safety radio coverage (ERRCS) for commercial and municipal buildings. Panduit and CommScope certified installer.
%% 238210 | Coastal Current Electric LLC | | elec | e=BLACK c=MBE,WBE loc=SI bond=1
Staten Island electrical contractor. Residential and commercial wiring, service upgrades, panel replacement, LED retrofits and emergency lighting.
%% 238210 | Metroline Traffic & Electric Corp. | | smart | e=NON-MINORITY c=WBE loc=QUEENS bond=1 union=IBEW Local 3, Local 1010 types=Infrastructure; Transportation
Street lighting, traffic signals, and roadway electrical work for NYC DOT and the Port Authority. We also install intelligent transportation system (ITS) equipment: traffic cameras, vehicle detection sensors and fiber interconnect.
%% 237130 | Fiberway Utility Constructors Inc. | | smart | e=BLACK c=MBE,WBE loc=NJ bond=1
Underground and aerial fiber optic installation, conduit and duct bank construction, manholes and handholes, and 5G small-cell pole foundations. Serving municipalities and carriers in NY and NJ.
%% 238220 | Polar Breeze Mechanical Corp. | | hvac | e=HISPANIC c=MBE loc=QUEENS bond=1 union=Sheet Metal Workers Local 28, Steamfitters Local 638
HVAC contractor – installation, service and maintenance of rooftop units, split systems, VRF, chillers and boilers. 24/7 emergency service. EPA-certified technicians.
%% 238220 | Northstar Heating & Cooling LLC | | hvac | e=BLACK c=MBE loc=NY
We install and repair heating and air conditioning for apartment buildings, churches and small businesses. Boiler repair, heat pumps, ductless mini-splits, burner tune-ups.
%% 238220 | Ondol Mechanical Inc. | | hvac | e=ASIAN c=MBE loc=NJ kr=1 bond=1
Ondol Mechanical is a mechanical contractor specializing in HVAC design-build for restaurants, offices and medical spaces. VRF systems (LG, Mitsubishi, Daikin), kitchen exhaust, and energy-efficient upgrades. Korean/English service.
%% 238220 | AirQuest Climate Solutions LLC | | hvac | c=WBE e=NON-MINORITY loc=NY
AirQuest provides commercial HVAC service agreements, BMS controls programming, and indoor air quality improvements (MERV-13 filtration, UV, ventilation balancing) for schools and offices.
%% 238220 | Reliance Mechanical Contractors Corp. | | hvac | e=ASIAN c=MBE loc=BROOKLYN bond=1 types=Institutional; Commercial
Mechanical contracting: HVAC, steam, hydronic heating, and ventilation. Public works experience with SCA, DDC and NYCHA. Licensed master plumber and oil burner installer on staff.
%% 238220 | Peña & Sons Plumbing Corp. | | plumb | e=HISPANIC c=MBE loc=BRONX fn=Rafael ln=Peña union=Plumbers Local Union 1
Licensed master plumber. Water and gas piping, boiler rooms, backflow prevention, fixtures, and sewer repairs. Family business – Rafael Peña and his two sons.
%% 238220 | Clearwater Plumbing & Heating LLC | | plumb | e=BLACK c=MBE loc=QUEENS
Plumbing and heating for residential and commercial buildings in Queens and Brooklyn. Gas line certification (Local Law 152 inspections), water heater installation, drain cleaning.
%% 238220 | Riverbend Plumbing Corp. | | plumb | c=MBE,WBE e=ASIAN loc=MANHATTAN
Commercial plumbing contractor for restaurant and office fit-outs in Manhattan: gas piping, grease traps, sinks and pantry equipment, domestic water. DOB filings handled in-house.
%% 238220 | Harbor Pipe & Mechanical Inc. | | plumb | e=BLACK c=MBE loc=NJ bond=1 union=Plumbers Local Union 1, Steamfitters Local 638
Plumbing, fire protection and mechanical piping for multifamily, school and healthcare projects. We self-perform and prefabricate piping in our Newark shop.
%% 238220 | Guardian Fire Sprinkler Corp. | | plumb | e=HISPANIC c=MBE,WBE loc=BROOKLYN bond=1
Fire sprinkler and standpipe installation, inspection, and repair. NYC licensed master fire suppression piping contractor. FDNY-compliant hydrostatic tests and 5-year inspections.
%% 238220 | Seongsu Plumbing & HVAC LLC | | plumb | e=ASIAN c=MBE loc=QUEENS nb=bayside kr=1
Plumbing and heating for homes, restaurants and small offices in Northeast Queens. Gas piping, water heaters, boilers, ductless A/C. We speak Korean.
%% 238290 | Ascend Elevator Services Inc. | | hvac | e=BLACK c=MBE loc=BRONX union=International Union of Elevator Constructors Local 1
Elevator maintenance, modernization and Category 1/Category 5 testing for residential and commercial buildings.
%% 238140 | Bricklane Masonry Corp. | | trade | e=ASIAN c=MBE loc=QUEENS bond=1 union=Bricklayers Local 1
Masonry restoration and Local Law 11 facade repair: brick replacement, repointing, parapets, lintels, and waterproofing. Pipe scaffold and sidewalk shed in-house.
%% 238140 | Grandview Restoration LLC | | trade | e=HISPANIC c=MBE loc=BRONX bond=1 union=Bricklayers Local 1, Mason Tenders District Council Local 79
Facade restoration and exterior masonry contractor. We have restored over 200 pre-war buildings in the Bronx and Upper Manhattan. Licensed rigger.
%% 238140 | Stone & Mortar Works Inc. | | trade | c=WBE,LBE e=NON-MINORITY loc=NY
Natural stone and brick masonry for municipal parks, retaining walls, steps and plazas.
%% 238140 | Adebayo Brothers Masonry Corp. | | trade | e=BLACK c=MBE,EBE loc=BROOKLYN
Masonry, concrete sidewalks, stoops and retaining walls. DOT sidewalk violations removed. Brooklyn-based.
%% 238160 | Skyline Roofing & Waterproofing Corp. | | trade | e=HISPANIC c=MBE loc=QUEENS bond=1 union=Roofers Local 8
Commercial roofing: built-up, modified bitumen, TPO and EPDM systems. Green roofs and roof drains. Warranty-backed installations for schools and NYCHA developments.
%% 238160 | Topline Roofing LLC | | trade | e=BLACK c=LBE loc=NY
Residential and commercial roofing, gutters and leaders, skylights. Serving Westchester, the Bronx and Upper Manhattan.
%% 238160 | Crowncap Roofing Inc. | | trade | e=ASIAN c=MBE loc=BROOKLYN
Flat roof replacement and repair, roof coatings, and parapet flashing for apartment buildings.
%% 238110 | Foundation First Concrete Corp. | | trade | e=HISPANIC c=MBE loc=SI bond=1 union=Cement Masons Local 780, Laborers Local 731
Cast-in-place concrete foundations, slabs, retaining walls, and sidewalks. Formwork, rebar placement and finishing with our own crews.
%% 238110 | Granite City Concrete LLC | | trade | e=BLACK c=MBE,EBE loc=BROOKLYN
Concrete flatwork and curb work; ADA ramps; driveway and sidewalk replacement.
%% 238120 | Ironbridge Steel Erectors Inc. | | trade | e=BLACK c=MBE,WBE loc=NJ bond=1 union=Ironworkers Local 40, Ironworkers Local 361
Structural steel and miscellaneous metals erection: stairs, railings, lintels, dunnage and canopies. AISC certified erector.
%% 238120 | Forge Point Metalworks Corp. | | manu | e=HISPANIC c=MBE loc=QUEENS
Fabrication and installation of miscellaneous and ornamental metals: gates, fences, railings, fire escapes, and steel stairs.
%% 238150 | Crystal Span Glass & Glazing Inc. | | trade | e=ASIAN c=MBE loc=BROOKLYN bond=1
Glass and glazing: aluminum storefronts, curtain wall, glass partitions, shower doors, mirrors, and window replacement for commercial and residential buildings.
%% 238190 | Summit Scaffold & Hoist Corp. | | trade | e=HISPANIC c=MBE loc=NYCX bond=1
Sidewalk sheds, pipe scaffolding, suspended scaffolds and construction hoists. Licensed rigger and master rigger on staff. DOB filings and site safety plans.
%% 238190 | Dryline Waterproofing LLC | | trade | c=WBE,LBE e=NON-MINORITY loc=NY
Below-grade and facade waterproofing, caulking and sealants, traffic coatings for parking garages.
%% 238320 | Brushstroke Painting Co. Inc. | | finish | e=HISPANIC c=MBE loc=QUEENS union=International Union of Painters and Allied Trades DC 9
Commercial and institutional painting, wall coverings, epoxy coatings, and lead-safe (RRP) painting. Schools, hospitals, and offices.
%% 238320 | Colorfield Decorators LLC | | finish | c=MBE,WBE e=BLACK loc=NYCX
Colorfield is a painting and decorative finishes studio: Venetian plaster, faux finishes, murals and high-end residential painting.
%% 238320 | Prime Coat Painting Corp. | | finish | e=ASIAN c=MBE loc=NJ kr=1
Interior and exterior painting for offices, restaurants and apartment buildings. Night and weekend work available. 한국어 가능.
%% 238320 | Evergreen Painting & Drywall Inc. | | finish | e=HISPANIC c=LBE loc=BRONX
Painting, plastering and drywall for NYCHA, HPD programs and private landlords.
%% 238310 | Metro Partition Systems Corp. | | finish | e=BLACK c=MBE loc=QUEENS bond=1 union=NYC District Council of Carpenters
Metal stud framing, drywall, acoustical ceilings, insulation and fireproofing for commercial interiors and schools.
%% 238310 | Insulpro Contracting LLC | | finish | c=WBE,LBE e=NON-MINORITY loc=CT
Spray foam, batt and blown insulation; firestopping; thermal upgrades for energy efficiency programs.
%% 238330 | Parquet & Co. Flooring Inc. | | finish | c=WBE e=NON-MINORITY loc=BROOKLYN
Hardwood floor installation, sanding and refinishing; LVT, carpet tile, rubber flooring for gyms and schools.
%% 238330 | Floorworks NYC Corp. | | finish | e=HISPANIC c=MBE loc=MANHATTAN
Commercial flooring contractor – carpet, VCT, sheet vinyl, epoxy and polished concrete. Installed over 2 million sq ft in NYC offices, schools and hospitals.
%% 238340 | Mosaic Tile & Stone LLC | | finish | e=NON-MINORITY c=WBE loc=QUEENS
Ceramic, porcelain and natural stone tile installation for bathrooms, kitchens, lobbies and restrooms.
%% 238910 | Groundbreak Excavation Corp. | | civil | e=HISPANIC c=MBE loc=QUEENS bond=1 union=Operating Engineers Local 14, Laborers Local 731, Building Material Teamsters Local 282, Mason Tenders District Council Local 79
Excavation, demolition, site clearing, underpinning support, and soil export. Fleet of 14 excavators and 20 dump trucks.
%% 238910 | Landmark Site Services LLC | | civil | e=BLACK c=MBE,WBE loc=NY bond=1
Site preparation, grading, utility trenching, and erosion control for commercial and public projects in NY and NJ.
%% 238910 | Clearpath Demolition Inc. | | civil | e=ASIAN c=LBE loc=BROOKLYN
Interior demolition and strip-out for office and retail fit-outs; selective demolition in occupied buildings; debris removal.
%% 237310 | Roadway Partners Construction Corp. | | civil | e=HISPANIC c=MBE loc=BRONX bond=1 union=Highway, Road and Street Construction Laborers Local 1010, Operating Engineers Local 15
Asphalt paving, milling, curb and sidewalk reconstruction, pavement markings and pedestrian ramps for NYC DOT, NYS DOT and the Port Authority.
%% 237310 | Bridgewell Infrastructure LLC | | civil | e=ASIAN c=MBE,WBE loc=NJ bond=1
Bridgewell is a heavy civil contractor performing bridge rehabilitation, concrete deck repairs, joint replacement and steel repairs. DBE/MBE/WBE certified in NY and NJ.
%% 237310 | Stripe & Sign Traffic Safety Inc. | | civil | e=BLACK c=LBE loc=QUEENS
Pavement markings, thermoplastic striping, traffic signs, and maintenance and protection of traffic (MPT) for roadway work zones.
%% 237110 | Aqueduct Underground Utilities Corp. | | civil | e=HISPANIC c=MBE loc=NY bond=1 union=Laborers Local 731, Operating Engineers Local 15
Water main and sewer installation, replacement and repair; catch basins; green infrastructure; directional drilling.
%% 237110 | Bluewater Civil Works LLC | | civil | c=MBE,WBE e=BLACK loc=SI
Storm and sanitary sewer work, drainage structures, and service connections for municipal and private clients.
%% 237990 | Pierhead Marine Construction Inc. | | civil | c=WBE e=NON-MINORITY loc=NJ bond=1 union=DOCKBUILDERS Local 1556, Operating Engineers Local 25
Marine construction: pile driving, bulkheads, piers, ferry landings and waterfront esplanades.
%% 238990 | Safe Harbor Construction Services LLC | | trade | e=BLACK c=MBE loc=BRONX
Site safety, fire guards and construction cleanup. We also install temporary protection, plywood fences and jersey barriers for contractors.
%% 238990 | Playcraft Surfaces Inc. | | trade | c=WBE,LBE e=NON-MINORITY loc=NY
Installation of poured-in-place rubber safety surfacing, synthetic turf and playground equipment for parks and schools.
%% 238990 | Fence & Gate Solutions Corp. | | trade | e=HISPANIC c=LBE loc=NY
Chain link, ornamental iron and wood fences; automatic gates; bollards. Municipal and commercial installations.
%% 238990 | Urban Signage Installers LLC | | trade | e=ASIAN c=MBE,WBE loc=BROOKLYN
Installation of exterior and interior signage, wayfinding, ADA signs and vinyl graphics. Crane and lift equipment.
%% 238990 | Firestop Systems NYC Inc. | | trade | e=BLACK c=MBE,WBE loc=NYCX union=Heat and Frost Insulators Local 12, Heat and Frost Insulators Local 12A
Firestopping, fireproofing and smoke seal installation. UL-listed systems, FDNY and DOB compliant documentation for every penetration.
%% 238990 | “Fix It Right” Handyman Services Corp. | Fix It Right | reno | e=BLACK c=MBE,EBE loc=SI
Small repairs and maintenance for property managers and offices: doors, locks, shelving, patching and painting, furniture assembly.
%% 238990 | Tashkent Stoneworks LLC | | trade | e=ASIAN c=MBE loc=BROOKLYN
Countertop fabrication and installation in granite, quartz and marble for kitchens, bathrooms and reception areas.
%% 238990 | Eastline Window Film & Shades Inc. | | gc | c=WBE e=NON-MINORITY loc=NY
Window film (solar, safety, privacy and decorative), motorized shades, and blinds for offices, schools and government buildings.
%% 238990 | Apex Rigging & Crane Services LLC | | trade | e=HISPANIC c=MBE loc=NJ bond=1
Rigging, crane rental with operators, and equipment hoisting for rooftop HVAC units, generators and signs. Licensed master rigger.
%% 238220 | Sterling Boiler Works Corp. | | hvac | e=ASIAN c=MBE loc=NY
Boiler installation, repair and annual inspections; oil-to-gas conversions; steam and hot water systems for apartment buildings.
%% 236220 | Gateway Community Builders LLC | | gc | e=NATIVE_AMERICAN c=MBE loc=NY bond=1
Native American-owned general contractor. Renovation and new construction for schools, clinics and tribal-partner facilities in New York State. LEED-accredited staff.
%% 236220 | Ironwood Construction Management LLC | | gc | e=BLACK c=MBE loc=MANHATTAN bond=1 types=Institutional; Commercial; Infrastructure
Construction management and owner's representative services, plus general contracting for small and mid-size public projects.
%% 238210 | SafeWire Fire Alarm & Security Inc. | | smart | e=HISPANIC c=MBE loc=NY
Fire alarm, sprinkler monitoring, CCTV, intercom and access control installation and service. FDNY certificate of fitness holders. Central station monitoring available.
%% 236220 | Fulton Ferry Contracting Corp. | Fulton Ferry Builders | gc | e=NON-MINORITY c=WBE loc=BROOKLYN bond=1 types=Commercial; Residential
Fulton Ferry Contracting builds retail, restaurant and office interiors in Brooklyn and Manhattan. We handle demolition through final inspection, and we are known for careful work in landmark buildings.
%% 238990 | Greenroof Systems NY LLC | | landscape | c=WBE e=NON-MINORITY loc=BROOKLYN
Design and installation of green roofs, blue roofs and rooftop farms. Modular tray systems, irrigation and maintenance contracts.
%% 238220 | Atlantic Chiller Service Corp. | | hvac | e=BLACK c=MBE,WBE loc=NJ
Chiller and cooling tower maintenance, water treatment and emergency repair for hospitals, data centers and commercial buildings.
"""

PROFILES_PROFESSIONAL = r"""
%% 541310 | Atelier Noor Architecture PLLC | | arch | e=ASIAN c=MBE,WBE loc=MANHATTAN
Atelier Noor is a licensed architecture practice working on schools, libraries and affordable housing. We lead design from feasibility through construction administration, and our projects have earned LEED Gold and Passive House certification.
%% 541310 | Marlowe + Baptiste Architects P.C. | | arch | e=BLACK c=MBE,WBE loc=BROOKLYN
Architecture and interiors. Public buildings, community facilities, and adaptive reuse. We believe good design belongs in every neighborhood.
%% 541310 | Studio Hwan Architecture PLLC | | arch | e=ASIAN c=MBE loc=QUEENS nb=lic kr=1
Studio Hwan is an architecture and interior design firm for commercial offices, restaurants, retail and mixed-use buildings. We help Korean and international companies establish their New York presence – site selection support, test fits, DOB filings, interior design and construction administration. NYS-registered architects; English/Korean.
%% 541310 | Castellano Design Associates, PLLC | | arch | e=HISPANIC c=MBE loc=NY
Full-service architectural firm specializing in healthcare facilities, outpatient clinics and senior housing. Services include programming, master planning, code consulting and DOH/Article 28 approvals.
%% 541310 | Greyhaven Architecture LLC | | arch | c=WBE e=NON-MINORITY loc=MANHATTAN
We are a women-owned architecture studio focused on historic preservation and Landmarks Preservation Commission approvals for residential, cultural and commercial clients.
%% 541310 | Okonkwo Architecture & Planning PLLC | | arch | e=NON-MINORITY c=WBE loc=MANHATTAN
Okonkwo Architecture & Planning provides architecture, urban design and community planning. Our portfolio includes public housing renovations, transit station area plans and community centers in Harlem, the Bronx and Newark.
%% 541310 | Linea Verde Architects P.C. | | arch | e=HISPANIC c=MBE,WBE loc=BROOKLYN
Sustainable architecture: net-zero schools, green roofs, mass timber, and Local Law 97 compliance strategies for existing buildings.
%% 541310 | Blueprint Forty-Two Architecture PLLC | | arch | e=ASIAN c=MBE,WBE loc=NJ
Small architecture firm – DOB filings, alterations, zoning analysis, restaurant and retail interiors, Certificates of Occupancy.
%% 541320 | Fernwood Landscape Architecture PLLC | | landscape | c=WBE e=NON-MINORITY loc=BROOKLYN
Landscape architecture for parks, playgrounds, schoolyards and green infrastructure. We have designed over 40 public spaces for NYC Parks and the DEP.
%% 541320 | Terra Común Landscape Studio LLC | | landscape | e=HISPANIC c=MBE,WBE loc=BRONX
Terra Común designs community gardens, streetscapes and plazas with – not just for – the communities who use them. Landscape architecture, urban ecology and public engagement.
%% 541330 | Keel & Truss Engineering PLLC | | eng | e=ASIAN c=MBE,WBE loc=MANHATTAN
Structural engineering for new buildings, additions and renovations. Facade inspections (FISP), special inspections, and forensic investigations. Licensed PEs in NY, NJ and CT.
%% 541330 | Corvid MEP Engineers P.C. | | eng | e=BLACK c=MBE,WBE loc=MANHATTAN
Corvid MEP Engineers provides mechanical, electrical, plumbing and fire protection engineering for schools, healthcare, transit and commercial interiors.

Our engineers are licensed in New York and New Jersey and include LEED APs and Certified Energy Managers. We have completed more than 300 projects for public agencies including SCA, DDC, NYCHA and the MTA.

We also perform Local Law 87 energy audits and Local Law 97 compliance planning.
%% 541330 | Meridian Civil Associates, P.C. | | eng | e=HISPANIC c=MBE loc=NY
Civil engineering, site design, stormwater management, and roadway design. NYS DOT and NYC DOT prequalified.
%% 541330 | Hangang Engineering Group PLLC | | eng | e=ASIAN c=MBE loc=NJ kr=1
Hangang Engineering Group is a multidisciplinary engineering firm (MEP, structural and civil) serving developers and manufacturers in New York and New Jersey. We support Korean manufacturers and tech companies with facility design, code compliance, and permitting for US offices, labs and plants. Korean-speaking PEs.
%% 541330 | Quinta Geotechnical Engineering LLC | | eng | c=MBE,WBE e=HISPANIC loc=QUEENS
Geotechnical investigations, soil borings, foundation recommendations and construction monitoring (vibration, settlement). TR4 and TR2 inspections.
%% 541330 | Vantage Traffic Engineering PLLC | | eng | c=WBE e=NON-MINORITY loc=NY
Traffic engineering and transportation planning: signal design, traffic impact studies, parking studies, Vision Zero safety improvements.
%% 541330 | Ampersand Energy Engineering PLLC | | eng | e=ASIAN c=MBE,WBE loc=BROOKLYN
Energy engineering – building decarbonization, heat pump conversions, solar PV design, and energy audits under Local Laws 87 and 97.
%% 541330 | Delacroix Structural Design PLLC | | eng | e=BLACK c=MBE loc=QUEENS
Structural engineering for residential and commercial buildings in Queens and Brooklyn: new buildings, underpinning, steel reinforcement, and DOB violations.
%% 541330 | Ironclad Fire Protection Engineering P.C. | | eng | e=BLACK c=MBE,EBE loc=BRONX
Fire protection engineering: sprinkler and fire alarm design, code consulting, and FDNY plan approvals.
%% 541370 | Benchmark Land Surveying PLLC | | eng | e=HISPANIC c=MBE loc=NY
Land surveying, topographic and boundary surveys, construction stake-out, and as-built surveys. Drone (UAV) mapping and 3D laser scanning.
%% 541350 | CodeRight Inspection Services LLC | | inspect | e=BLACK c=MBE loc=SI
Building inspection services: special inspections, progress inspections, energy code inspections, and construction monitoring for owners and lenders.
%% 541350 | Facade Watch Engineering P.C. | | inspect | e=NON-MINORITY c=WBE loc=MANHATTAN
FISP (Local Law 11) facade inspections, parapet observations, and facade repair design. Rope access and drone inspections.
%% 541380 | Cobalt Materials Testing Lab Inc. | | inspect | e=ASIAN c=MBE loc=QUEENS
NYC DOB-licensed concrete testing laboratory. Concrete cylinder testing, soil density, steel inspection, and lab analysis for construction projects.
%% 541340 | Inkline Drafting & BIM LLC | | eng | e=NON-MINORITY c=WBE loc=NJ
CAD drafting, Revit BIM modeling, point cloud to BIM conversion and as-built drawings for architects, engineers and contractors.
%% 541511 | Byteforge Software LLC | | it | e=BLACK c=MBE,WBE loc=BROOKLYN
Custom software development: web applications, mobile apps, APIs and data dashboards. Our team of 18 engineers works in Python, JavaScript/React, and .NET, and we have built case management and scheduling systems for city agencies and nonprofits.
%% 541511 | Sejong Digital Solutions Inc. | | it | e=ASIAN c=MBE loc=NJ kr=1
Sejong Digital Solutions is a software development and IT consulting company founded by engineers from Seoul and New York. We build cloud-native applications on AWS and Azure, mobile apps, and e-commerce platforms, and we support Korean companies localizing their software for the US market (English UX, accessibility, US privacy rules).
%% 541511 | Codewise Collective LLC | | it | c=MBE,WBE e=HISPANIC loc=MANHATTAN
We design and build accessible websites and web apps. Drupal, WordPress, React, Node. WCAG 2.1 AA audits and remediation. Bilingual English/Spanish team.
%% 541511 | Nimbus Path Technologies Inc. | | it | e=ASIAN c=MBE,WBE loc=MA
Data engineering and analytics: ETL pipelines, data warehouses (Snowflake, BigQuery), Power BI and Tableau dashboards, and machine-learning models for public-sector clients.
%% 541511 | Lighthouse Apps LLC | | it | c=WBE e=NON-MINORITY loc=NY
Small app studio – iOS/Android apps, Salesforce and ServiceNow customization, low-code automation.
%% 541512 | Trellis IT Group Corp. | | it | e=NON-MINORITY c=WBE loc=MANHATTAN
Trellis IT Group provides managed IT services, network design and cloud migration (Microsoft 365, Azure, AWS) for organizations with 20 to 2,000 users. Help desk 24/7. Cisco, Microsoft and Fortinet partner.
%% 541512 | UrbanSense Systems LLC | | smart | e=ASIAN c=MBE loc=QUEENS nb=lic kr=1
UrbanSense Systems is a smart city and IoT integrator. We design, install and operate sensor networks for air quality, noise, flooding, traffic counting and building energy, using LoRaWAN, NB-IoT and 5G connectivity, and deliver the data through open APIs and dashboards. Projects for city agencies, business improvement districts and real estate owners. Partnerships with Korean smart-city hardware makers.
%% 541512 | CivicGrid Technologies Inc. | | smart | e=BLACK c=MBE,WBE loc=NYCX
CivicGrid builds digital infrastructure for cities: IoT sensor deployment, smart street lighting controls, GIS and digital twin platforms, and public Wi-Fi. We combine field installation crews with software engineers.
%% 541512 | Kinetic Systems Integration Corp. | | it | e=HISPANIC c=MBE loc=NJ
Systems integration, network infrastructure, VoIP, Wi-Fi and data center services. Cisco Gold partner.
%% 541512 | Arden Cloud Partners LLC | | it | c=WBE e=NON-MINORITY loc=CT
Cloud architecture and migration, DevOps and FinOps for mid-size organizations. AWS Advanced Consulting Partner, Azure certified engineers.
%% 541512 | Quorum Data Systems Inc. | | it | e=NON-MINORITY c=WBE loc=NY
ERP implementation (SAP Business One, NetSuite, Dynamics 365), reporting and integration for distributors and manufacturers.
%% 541519 | Sentinel Cyber Defense LLC | | cyber | e=NON-MINORITY c=WBE loc=MANHATTAN
Cybersecurity services: penetration testing, vulnerability management, SOC-as-a-service, incident response and compliance (NIST CSF, SOC 2, HIPAA, NYDFS Part 500). CISSP, OSCP and CISM certified staff.
%% 541519 | Haneul Cybersecurity Inc. | | cyber | e=ASIAN c=MBE,WBE loc=NJ kr=1
Haneul Cybersecurity provides managed security (MDR), cloud security posture reviews, and security awareness training in English and Korean. We help Korean companies operating in the US meet NYDFS and SOC 2 requirements.
%% 541519 | Help Desk Heroes Corp. | | it | e=HISPANIC c=EBE loc=BRONX
IT support for small offices, schools and nonprofits: desktop support, printer and network troubleshooting, laptop imaging and deployment, and on-site technicians.
%% 541513 | Harborview Data Center Services LLC | | it | e=BLACK c=MBE loc=NJ
Data center facilities management, colocation migration, server rack and stack, and hardware decommissioning with certified data destruction.
%% 541110 | Law Office of Min-ji Seo, PLLC | | legal | e=ASIAN c=MBE,WBE loc=MANHATTAN kr=1 fn=Min-ji ln=Seo
Corporate, immigration and employment law for Korean and Korean-American businesses. Entity formation, E-2 and L-1 visas, commercial leases, employment handbooks and contract review. 한국어 상담.
%% 541110 | Okafor & Reyes LLP | | legal | e=BLACK c=MBE loc=MANHATTAN
Okafor & Reyes is a minority-owned litigation and transactional firm. We represent public authorities, contractors and businesses in construction disputes, procurement, real estate and municipal finance matters.
%% 541110 | Delgado Law Group P.C. | | legal | e=HISPANIC c=MBE,WBE loc=QUEENS
Employment law, workers' compensation defense, and labor compliance for small and mid-size employers. Se habla español.
%% 541110 | Whitcombe Legal PLLC | | legal | c=WBE e=NON-MINORITY loc=MANHATTAN
Boutique law firm providing commercial real estate, leasing and land use counsel to owners, tenants and nonprofits.
%% 541110 | Brathwaite Law Firm, PLLC | | legal | e=BLACK c=MBE,WBE loc=BROOKLYN
General practice firm: business formation, contracts, trademarks, real estate closings, and estate planning. We serve Brooklyn's small business owners.
%% 541199 | Clearpath Compliance & Licensing LLC | | legal | e=HISPANIC c=MBE,WBE loc=NY
Business licensing, permits expediting, and regulatory compliance for restaurants, contractors and healthcare providers. Notary and apostille services.
%% 541211 | Chen & Adeyemi CPAs LLP | | acct | e=ASIAN c=MBE,WBE loc=NY
Certified public accountants providing audits, reviews, and tax services to nonprofits, government contractors and closely held businesses. Yellow Book and Single Audit experience.
%% 541211 | Park, Yoon & Associates CPA P.C. | | acct | e=ASIAN c=MBE loc=NJ kr=1
Park, Yoon & Associates is a CPA firm serving Korean-owned businesses and US subsidiaries of Korean companies: corporate tax, transfer pricing documentation, payroll, bookkeeping, and audit of financial statements. Offices in Fort Lee and Manhattan.
%% 541211 | Brightledger Accounting PLLC | | acct | e=BLACK c=MBE,WBE loc=BROOKLYN
Accounting, tax and advisory for small businesses and nonprofits. QuickBooks ProAdvisors. We make the numbers make sense.
%% 541211 | Alvarez Moreno & Co. CPAs | | acct | e=HISPANIC c=MBE loc=QUEENS
Tax preparation, audit, and consulting for construction companies and restaurants. Certified payroll reporting for prevailing wage jobs.
%% 541219 | Tally Bookkeeping Services LLC | | acct | c=MBE,WBE e=BLACK loc=NY
Virtual bookkeeping, accounts payable/receivable, payroll processing and month-end close for small businesses. Xero and QuickBooks Online.
%% 541219 | Ledger Lane Bookkeeping Inc. | | acct | c=WBE e=NON-MINORITY loc=SI
Full-charge bookkeeping, bank reconciliations, 1099 preparation and cash-flow reports. Serving Staten Island and Brooklyn businesses since 2006.
%% 541213 | Jackson Heights Tax & Notary Corp. | | acct | e=NON-MINORITY c=WBE loc=QUEENS
Tax preparation for individuals and small businesses, ITIN applications, sales tax filings and notary services. Bengali, Hindi, Urdu and English spoken.
%% 541611 | Catalyst Bridge Consulting LLC | | consult | e=BLACK c=MBE,WBE loc=MANHATTAN
Catalyst Bridge helps public agencies and nonprofits run programs better: strategic planning, program evaluation, performance management, and process improvement. Our consultants are former city and state managers.
%% 541611 | Saenal Strategy Partners LLC | | consult | e=ASIAN c=MBE loc=MANHATTAN kr=1
Market-entry and operations consulting for Korean companies expanding to the US – entity setup coordination, site selection, vendor sourcing (including M/WBE supplier diversity programs), and local hiring. Based in Manhattan with partners in Seoul.
%% 541611 | Rivera Project Management Group Inc. | | consult | e=HISPANIC c=MBE loc=BRONX
Project management and owner's representation for capital projects; scheduling (Primavera P6), cost estimating, and claims analysis.
%% 541611 | Northgate Advisory Group LLC | | consult | c=WBE e=NON-MINORITY loc=NY
Management consulting for healthcare and human services organizations: operations, revenue cycle, and change management.
%% 541611 | Ember Consulting Collective LLC | | consult | e=BLACK c=MBE,WBE loc=BROOKLYN
We are a collective of facilitators and strategists who help mission-driven organizations with strategy, community engagement and equity work.

Services:
- Strategic planning
- Community engagement and focus groups
- Board and leadership retreats
- Racial equity assessments
%% 541611 | Sapphire Grant Writing & Consulting LLC | | consult | e=BLACK c=MBE,WBE loc=NY
Grant writing, fundraising strategy, and compliance reporting for nonprofits, schools and churches. We have secured over $40 million in government and foundation grants.
%% 541611 | Tanaka Okoye Partners LLC | | consult | e=NON-MINORITY c=WBE loc=MANHATTAN
Operations and procurement consulting – spend analysis, sourcing strategy, supplier diversity program design, and contract management.
%% 541612 | PeopleFirst HR Consulting LLC | | hr | e=HISPANIC c=MBE,WBE loc=QUEENS
Human resources consulting for small and mid-size employers: handbooks, job descriptions, compensation studies, investigations, and outsourced HR. SHRM-SCP certified consultants.
%% 541612 | Talentbridge Workforce Advisors Inc. | | hr | e=BLACK c=MBE loc=MANHATTAN
Talentbridge provides HR strategy, diversity recruiting, leadership development and DEI training for public and private employers.
%% 541612 | Onboard USA HR Partners LLC | | hr | e=ASIAN c=MBE,WBE loc=NJ kr=1
HR set-up for foreign companies opening US operations: payroll and benefits (PEO) selection, US employment law basics, handbooks in English and Korean, visa coordination with counsel, and recruiting of local staff.
%% 541613 | Brightside Marketing Group LLC | | mktg | e=BLACK c=MBE,WBE loc=BROOKLYN
Full-service marketing agency: brand strategy, digital campaigns, social media, content and multicultural outreach. Clients include city agencies, credit unions and health systems.
%% 541613 | K-Wave Marketing Lab Inc. | | mktg | e=ASIAN c=MBE loc=MANHATTAN kr=1
K-Wave Marketing Lab is a cross-cultural marketing agency. We help Korean brands launch in New York (influencer campaigns, pop-up stores, Amazon and DTC e-commerce) and help US organizations reach Korean-American and Asian-American audiences with in-language creative.
%% 541613 | Mercado Digital LLC | | mktg | e=HISPANIC c=MBE loc=BRONX
Hispanic and bilingual digital marketing – SEO, paid social, Google Ads, and email. We get small businesses more customers.
%% 541613 | Fieldnote Strategies Inc. | | mktg | c=WBE e=NON-MINORITY loc=NY
Marketing strategy, market research and campaign management for healthcare and higher education clients.
%% 541614 | Waypoint Logistics Consulting LLC | | consult | e=BLACK c=MBE,WBE loc=NJ
Supply chain and logistics consulting: warehouse layout, transportation procurement, inventory planning and fleet electrification studies.
%% 541618 | Parity Procurement Advisors LLC | | consult | e=HISPANIC c=MBE,WBE loc=MANHATTAN
We help small businesses win government contracts: PASSPort registration, M/WBE certification support, bid preparation, and proposal writing.
%% 541618 | Harbor Lane Strategy Group LLC | | consult | c=WBE e=NON-MINORITY loc=BROOKLYN
Operations consulting for restaurants and food businesses – kitchen workflow, menu costing, licensing and opening support.
%% 541620 | Verdant Environmental Consultants Inc. | | enviro | e=NON-MINORITY c=WBE loc=QUEENS
Environmental consulting: Phase I/II environmental site assessments, asbestos and lead surveys, indoor air quality testing, mold assessments, and remediation oversight. NYS DOL-licensed asbestos inspectors and EPA lead risk assessors.
%% 541620 | Greenleaf Environmental Group LLC | | enviro | e=BLACK c=MBE,WBE loc=BROOKLYN
Greenleaf provides environmental compliance, stormwater (SWPPP) inspections, brownfield investigations, and environmental justice community engagement.
%% 541620 | Eko Terra Consulting PLLC | | enviro | e=HISPANIC c=MBE loc=NY
Environmental engineering and consulting for soil and groundwater investigations, remedial design, and E-designation compliance with the NYC Office of Environmental Remediation.
%% 541620 | ClearAir Industrial Hygiene LLC | | enviro | c=WBE e=NON-MINORITY loc=NJ
Industrial hygiene and occupational safety: asbestos project monitoring, lead clearance, noise and air sampling, and OSHA compliance audits.
%% 541690 | Archon Safety Consultants Inc. | | inspect | e=BLACK c=MBE,WBE loc=BRONX
Construction site safety management: Site Safety Managers and Coordinators, site safety plans, OSHA training, and crane safety monitoring.
%% 541690 | Lumen Energy Analytics LLC | | consult | e=NON-MINORITY c=WBE loc=MANHATTAN
Energy benchmarking, Local Law 97 emissions calculations, utility bill analysis and retro-commissioning for building owners.
%% 541690 | Sidewalk Science LLC | | consult | c=MBE,WBE e=HISPANIC loc=BROOKLYN
Urban data science consultancy: pedestrian counts, curb-use studies, sensor data analysis, and mobility research for cities and BIDs.
%% 541410 | Maison Élise Interiors LLC | | design | c=WBE e=NON-MINORITY loc=MANHATTAN
Interior design for offices, hospitality and residences. Space planning, FF&E specification and procurement, and art curation. “Design that works as hard as you do.”
%% 541410 | Seoyeon Interior Design Studio LLC | | design | e=ASIAN c=MBE,WBE loc=QUEENS kr=1
Commercial interior design – offices, cafés, beauty salons and showrooms. 인테리어 디자인, 3D rendering, and furniture sourcing from Korea and the US.
%% 541430 | Inkwell & Ivy Design Co. | | design | c=WBE e=NON-MINORITY loc=BROOKLYN
Graphic design studio: logos, branding, publications, annual reports, signage and environmental graphics.
%% 541430 | Pixel Harbor Creative LLC | | design | e=BLACK c=MBE loc=NYCX
Graphic design and illustration for public campaigns, infographics, social media assets and motion graphics. Multilingual layout in 20+ languages.
%% 541430 | Chroma Studio NYC Inc. | | design | e=HISPANIC c=MBE,WBE loc=NYCX
Design and print production: brochures, posters, menus, packaging, trade show graphics.
%% 541430 | Hangeul Type & Design LLC | | design | e=ASIAN c=MBE loc=NJ kr=1
Bilingual (Korean/English) graphic design and typesetting: catalogs, menus, manuals, signage and packaging for Korean brands entering the US.
%% 541490 | Exhibit Forge Design LLC | | event | e=ASIAN c=MBE,WBE loc=BROOKLYN
Exhibit and display design – trade show booths, museum exhibits, and pop-up retail installations. Design, fabrication and install.
%% 541810 | Five Borough Creative Agency Inc. | | mktg | e=BLACK c=MBE,WBE loc=MANHATTAN
Advertising agency: creative development, TV/radio/OOH and digital campaigns for public health and public service clients. In-house multicultural strategy team.
%% 541810 | Adelante Advertising LLC | | mktg | e=HISPANIC c=MBE,WBE loc=BRONX
Bilingual advertising and community outreach – subway ads, bus shelters, Spanish-language radio, and grassroots canvassing.
%% 541820 | Clarion Public Relations LLC | | pr | c=WBE e=NON-MINORITY loc=MANHATTAN
Public relations and strategic communications: media relations, crisis communications, and executive visibility for nonprofits, real estate and public agencies.
%% 541820 | Bridgepoint Communications Group LLC | | pr | e=BLACK c=MBE,WBE loc=BROOKLYN
Community relations and public engagement for infrastructure and development projects – public meetings, stakeholder mapping, multilingual notices.
%% 541820 | Hana Bridge PR Inc. | | pr | e=ASIAN c=MBE,WBE loc=MANHATTAN kr=1
PR and media relations for Korean companies, brands and cultural organizations in the US: press launches, Korean-American media outreach, and event publicity.
%% 541830 | Spotline Media Buying LLC | | mktg | e=HISPANIC c=MBE loc=NJ
Media planning and buying across ethnic, community and digital media. We place ads in 200+ community newspapers and radio stations in NYC.
%% 541890 | Lanyard & Co. Promotional Products LLC | | promo | c=WBE e=NON-MINORITY loc=NY
Promotional products and branded merchandise: tote bags, pens, drinkware, apparel, lanyards, and giveaways. Sourcing, decoration, kitting and fulfillment. Over 500,000 items delivered to government and nonprofit clients, including our EcoLine™ recycled-material collection.
%% 541890 | Swagbox Brand Merchandise Inc. | | promo | e=BLACK c=MBE,WBE loc=MA
Branded swag and onboarding kits for companies and events – custom apparel, tech accessories, eco-friendly products. Online company stores.
%% 541910 | Pulse Research Associates LLC | | consult | e=HISPANIC c=MBE,WBE loc=MANHATTAN
Market research and public opinion polling: surveys (phone, online, intercept), focus groups in English and Spanish, and customer satisfaction studies.
%% 541910 | Insight Loop Research Inc. | | consult | e=ASIAN c=MBE loc=QUEENS
Multilingual survey research and community needs assessments – Chinese, Korean, Bengali, Spanish fieldwork teams.
%% 541720 | Civic Equity Research Institute LLC | | consult | e=BLACK c=MBE,WBE loc=OUT
Social science research and evaluation for government and foundations: mixed-methods evaluation, data analysis, and policy research on housing, workforce and education.
%% 541922 | Lumière Photo + Film LLC | | video | c=MBE,WBE e=BLACK loc=NYCX
Commercial photography and video: headshots, events, architecture and products. Drone operations FAA Part 107.
%% 541922 | Northlight Studios Inc. | | video | e=ASIAN c=MBE,WBE loc=MANHATTAN
Product and e-commerce photography studio in Midtown; same-day turnaround for catalogs and marketplaces.
%% 541930 | Bridge Lingua Translation Services LLC | | translate | e=ASIAN c=MBE,WBE loc=QUEENS kr=1
Translation and interpretation in Korean, Chinese, Japanese and 40+ other languages. Certified document translation, on-site and remote interpretation, and multilingual desktop publishing. ATA-certified translators; court and medical interpreters.
%% 541930 | Polyglot NYC Language Services Inc. | | translate | e=HISPANIC c=MBE loc=MANHATTAN
Over-the-phone, video remote and on-site interpretation in 200 languages, 24/7. Document translation, transcription and sign language (ASL) interpreters. Serving hospitals, courts and city agencies.
%% 541930 | Hanmaum Interpreting LLC | | translate | e=ASIAN c=MBE,WBE loc=NJ kr=1
한영 통역·번역 전문. Korean–English interpretation for business meetings, factory audits, medical appointments and depositions; translation of contracts, manuals and websites. Simultaneous interpretation equipment available for conferences.
%% 541930 | Lingo Bridge Accessibility Corp. | | translate | e=BLACK c=MBE loc=BROOKLYN
Language access services: translation into Haitian Creole, French, Spanish and Arabic; ASL interpreting; CART captioning; plain-language editing.
%% 541930 | TransWorld Document Services LLC | | translate | c=WBE e=NON-MINORITY loc=NY
Legal and technical translation, certified translations for immigration and court use, and multilingual subtitles.
%% 541930 | Sol y Luna Interpreters Inc. | | translate | e=HISPANIC c=MBE,WBE loc=BRONX
Spanish and Portuguese interpretation and translation for schools, clinics and community meetings. Parent-teacher conference interpreting.
%% 541990 | Expedite Pro Permits LLC | | inspect | e=ASIAN c=MBE loc=QUEENS
Permit expediting with NYC DOB, FDNY, DOT and Landmarks. Filings, objections resolution, certificates of occupancy, and violation removal.
%% 541990 | Grand Occasions Event Planning LLC | | event | c=MBE,WBE e=BLACK loc=MANHATTAN
Event planning and production for corporate, government and community events: conferences, galas, ribbon cuttings and festivals. Venue sourcing, vendor management, registration and day-of coordination.
%% 541990 | Dog Days Pet Services LLC | | misc | c=WBE e=NON-MINORITY loc=BROOKLYN
Dog walking, pet sitting and training.
%% 541990 | Veritas Background Screening Inc. | | hr | e=BLACK c=MBE,WBE loc=NJ
Employment background checks, drug testing coordination, and I-9 compliance audits.
%% 541990 | Asterisk Consulting Services Corp. | | consult | e=NON-MINORITY c=WBE loc=NY
Professional services: proofreading, data entry, records digitization and document management.
%% 541990 | Beacon Code Consultants LLC | | inspect | e=HISPANIC c=MBE loc=BRONX
Building code and zoning consulting, accessibility (ADA) surveys, and DOB/ECB violation resolution.
%% 541990 | Safety First Training & Consulting LLC | | train | e=BLACK c=MBE,WBE loc=QUEENS
Occupational safety consulting and training: OSHA 10/30, SST courses, fire guard (F-01, F-03) and CPR/First Aid classes.
%% 541990 | Oro Verde Sustainability LLC | | consult | e=HISPANIC c=MBE,WBE loc=NY
Sustainability consulting: greenhouse gas inventories, ESG reporting, zero-waste plans and green building certification support.
"""

PROFILES_SERVICES = r"""
%% 611710 | Bright Futures Learning Partners LLC | | edu | e=BLACK c=MBE,WBE loc=BROOKLYN
After-school and summer enrichment programs in STEM, literacy and the arts for NYC public schools and community organizations. Our teaching artists and certified teachers serve 3,000 students each year.
%% 611710 | Scholar Path Education Consulting LLC | | edu | e=HISPANIC c=MBE,WBE loc=BRONX
Professional development and coaching for K-12 teachers and school leaders – literacy, multilingual learners, and culturally responsive teaching.
%% 611710 | Mindful Steps Educational Services Inc. | | edu | c=WBE e=NON-MINORITY loc=NY
Special education support services: SEIT, SETSS, evaluations, and parent workshops.
%% 611710 | Hakwon Academy Services LLC | | edu | e=ASIAN c=MBE loc=QUEENS nb=flushing kr=1
Tutoring, SAT/SHSAT preparation and college admissions counseling; Korean-English bilingual tutors. After-school academy in Flushing with online classes.
%% 611710 | College Bound Pathways Inc. | | edu | e=BLACK c=MBE loc=MANHATTAN
College access and career readiness programs for first-generation students: counseling, application workshops, FAFSA support and campus visits.
%% 611710 | STEM Sparks NYC LLC | | edu | e=ASIAN c=MBE,WBE loc=NYCX
Hands-on robotics, coding and engineering workshops for grades 3–12. Teacher training in computer science. Kits and curriculum aligned to NYS standards.
%% 611710 | Harlem Literacy Collaborative LLC | | edu | e=BLACK c=MBE,WBE loc=MANHATTAN
Reading intervention, literacy coaching and family literacy nights in Harlem and the South Bronx.
%% 611710 | Arco Iris Bilingual Services Inc. | | edu | e=HISPANIC c=MBE loc=NY
Bilingual education support – ENL/bilingual teacher training, translation of school materials, and parent engagement workshops in Spanish.
%% 611710 | EdVantage Data Consulting LLC | | edu | c=MBE,WBE e=ASIAN loc=NJ
School data analysis, assessment design and program evaluation for districts and charter networks.
%% 611710 | Playground Coaches NYC Inc. | | edu | e=BLACK c=MBE loc=BRONX
Recess and physical activity coaching, sports clinics and youth leadership programs in elementary schools.
%% 611430 | Summit Leadership Institute LLC | | train | c=WBE e=NON-MINORITY loc=NYCX
Leadership development, management training and executive coaching. Programs for new supervisors, project managers, and customer-facing staff.
%% 611430 | Korea–America Business Academy Inc. | | train | e=ASIAN c=MBE loc=NJ kr=1
Cross-cultural business training for Korean expatriates and their US colleagues: American workplace culture, business English, presentation skills, and US HR compliance basics. Programs for companies opening New York offices.
%% 611430 | ProjectReady Training Corp. | | train | e=BLACK c=MBE loc=BROOKLYN
PMP, Agile/Scrum and Lean Six Sigma training and certification prep. Classroom and live online. Over 4,000 professionals trained.
%% 611430 | Digital Skills Hub LLC | | train | e=HISPANIC c=MBE,WBE loc=NYCX
Digital literacy and Microsoft Office / Google Workspace training for workers, job seekers and seniors, in English and Spanish.
%% 611430 | Cyber Academy Partners Inc. | | train | e=NON-MINORITY c=WBE loc=OUT
Cybersecurity awareness training and certification bootcamps (Security+, CySA+, CISSP) for employees and career changers.
%% 611430 | Gracefield Customer Experience Training LLC | | train | e=BLACK c=MBE,WBE loc=QUEENS
Customer service, de-escalation and communication workshops for front-line government and healthcare staff.
%% 611699 | Urban Arts Studio School LLC | | arts | e=HISPANIC c=MBE loc=BROOKLYN
Arts education: visual arts, music and dance residencies for schools, and weekend classes for children and adults.
%% 611699 | Swim Safe NYC Inc. | | edu | c=WBE e=NON-MINORITY loc=SI
Swimming lessons and water safety programs for schools, camps and community centers.
%% 611699 | Chess in the Boroughs LLC | | edu | e=NON-MINORITY c=WBE loc=MANHATTAN
Chess instruction and tournaments for after-school programs.
%% 611699 | Kitchen Classroom Culinary Education LLC | | edu | e=BLACK c=MBE,WBE loc=BROOKLYN
Cooking and nutrition education for students, families and seniors; hands-on classes with mobile kitchens.
%% 611110 | Little Scholars Montessori Inc. | | edu | e=ASIAN c=MBE,WBE loc=QUEENS
Montessori preschool and pre-K for 3K and Pre-K for All, serving families in Elmhurst and Jackson Heights.
%% 611519 | Trade Up Construction Training Center LLC | | train | e=BLACK c=MBE loc=BRONX
DOB-approved Site Safety Training (SST) provider: 40-hour SST, OSHA 30, scaffold, flagger, and fire guard courses in English and Spanish.
%% 611519 | Metro Technical Institute Inc. | | train | e=HISPANIC c=MBE loc=QUEENS
Career training in HVAC, electrical and building maintenance; EPA 608 certification; job placement.
%% 611630 | Ganada Language School LLC | | translate | e=ASIAN c=MBE,WBE loc=MANHATTAN kr=1
Korean and English language courses for adults and companies: business Korean for US employees of Korean firms, business English for Korean expatriates, and TOPIK preparation.
%% 611630 | Lingua Viva Language Center Inc. | | translate | e=HISPANIC c=MBE loc=QUEENS
English as a Second Language (ESL) and Spanish classes for adults, workplace language programs.
%% 611610 | Rhythm & Canvas Arts Academy LLC | | arts | e=BLACK c=MBE,WBE loc=BRONX
Music, dance and visual arts classes for young people; school residencies and summer camps.
%% 611691 | TestPrep Champions Inc. | | edu | e=NON-MINORITY c=WBE loc=BROOKLYN
SHSAT, Regents and SAT tutoring; civil service exam prep for firefighter, police and sanitation exams.
%% 611691 | Next Step Tutoring LLC | | edu | c=WBE e=NON-MINORITY loc=NY
One-on-one and small group tutoring in math, reading and science; GED preparation.
%% 561720 | Spotless City Cleaning Services LLC | | clean | e=BLACK c=MBE,WBE loc=BROOKLYN union=SEIU 32BJ
Commercial cleaning and janitorial services for offices, schools and medical facilities: nightly cleaning, day porters, floor stripping and waxing, carpet shampooing, window washing and post-construction cleanup. Green Seal products. Workers are SEIU 32BJ members.
%% 561720 | Casa Limpia Janitorial Corp. | | clean | e=HISPANIC c=MBE,WBE loc=QUEENS
We are a women-owned janitorial company in Queens. Office cleaning, restaurant kitchens, floor care, disinfection. Our team has 45 trained cleaners and supervisors who speak English and Spanish.
%% 561720 | Pristine Facility Services Inc. | | clean | e=NON-MINORITY c=WBE loc=NJ bond=1 union=Service Employees International Union 32BJ
Pristine Facility Services provides janitorial, porter, and building maintenance services to commercial buildings, government facilities and transit stations in New York and New Jersey.

We hold ISSA CIMS certification and carry $5 million in insurance. Our supervisors use ShineTrack™, a digital inspection system, so clients can see cleaning scores for every area every night.

Services: janitorial, day porter, disinfection, floor care, window cleaning, restroom sanitation, trash and recycling, snow removal.
%% 561720 | Sparkle Pro Cleaning LLC | | clean | e=ASIAN c=MBE loc=QUEENS nb=flushing kr=1
사무실 청소 전문 (office cleaning). Commercial cleaning for offices, clinics, restaurants and retail in Queens, Manhattan and Bergen County. Nightly and weekly service, deep cleaning, move-in/move-out cleaning. Korean- and English-speaking managers.
%% 561720 | Blue Ribbon Building Maintenance Corp. | | clean | e=HISPANIC c=MBE loc=BRONX
Janitorial and building maintenance – cleaning, light repairs, painting touch-ups and porter services for apartment buildings and nonprofits.
%% 561720 | Green Leaf Eco Cleaning Inc. | | clean | c=WBE e=NON-MINORITY loc=MANHATTAN
Eco-friendly office cleaning using certified green products and HEPA vacuums. Serving Manhattan offices, coworking spaces and studios.
%% 561720 | Harlem Shine Commercial Cleaning LLC | | clean | e=BLACK c=MBE,WBE loc=MANHATTAN
Office and medical cleaning, electrostatic disinfection, post-construction clean-up. Community hiring partner with local workforce programs.
%% 561720 | Atlantic Window & Facade Cleaning Corp. | | clean | e=BLACK c=MBE,WBE loc=NJ
High-rise window cleaning, pressure washing, facade cleaning and graffiti removal. Rope access and scaffold certified.
%% 561612 | Shieldline Security Services Inc. | | security | e=NON-MINORITY c=WBE loc=BRONX union=SEIU 32BJ
Licensed security guard company providing armed and unarmed guards, fire safety directors, concierge and patrol services. All officers hold NYS security guard licenses and complete 8- and 16-hour DCJS training.
%% 561612 | Vigilant Guard Services Corp. | | security | e=HISPANIC c=MBE loc=QUEENS
Unarmed security officers, event security, construction site watchmen and FDNY fire guards. 24/7 dispatch.
%% 561612 | Ironclad Protective Services LLC | | security | e=BLACK c=MBE,WBE loc=BROOKLYN
Security guards and loss prevention for retail, residential and healthcare clients. Veteran-led management team.
%% 561612 | Suho Security & Concierge Inc. | | security | e=ASIAN c=MBE loc=NJ kr=1
Security guard and front-desk concierge services for offices, Korean community centers, churches and retail in NJ and NYC. Bilingual (Korean/English) officers.
%% 561612 | Sentry Point Patrol Inc. | | security | c=WBE e=NON-MINORITY loc=NY
Mobile patrol, alarm response and guard services for commercial properties and parking lots.
%% 561621 | Lockstep Security Systems Corp. | | smart | e=NON-MINORITY c=WBE loc=QUEENS
Design, installation and monitoring of security systems: IP video surveillance, access control, intrusion alarms and intercoms for commercial and municipal buildings.
%% 561730 | Greenway Grounds Landscaping Corp. | | landscape | e=HISPANIC c=MBE loc=QUEENS
Commercial landscaping: lawn care, tree planting and pruning, seasonal plantings, irrigation, and snow removal for campuses, cemeteries and housing developments.
%% 561730 | Urban Canopy Tree Care LLC | | landscape | e=BLACK c=MBE loc=BRONX
Tree care company – street tree planting, pruning, removals, stump grinding. ISA-certified arborists.
%% 561730 | Bloomfield Gardens & Design Inc. | | landscape | c=WBE e=NON-MINORITY loc=NY
Garden design, rooftop and terrace gardens, and year-round maintenance for commercial and residential properties.
%% 561730 | Verde Vivo Landscaping LLC | | landscape | e=HISPANIC c=MBE,WBE loc=SI
Landscape installation and maintenance, hardscaping, and green infrastructure maintenance (bioswales, rain gardens).
%% 561311 | Career Connect Staffing LLC | | staff | e=BLACK c=MBE,WBE loc=MANHATTAN
Permanent placement and executive search for finance, HR and administrative roles. Diversity recruiting is our specialty.
%% 561311 | Hanbridge Talent Partners Inc. | | staff | e=ASIAN c=MBE loc=NJ kr=1
Bilingual recruiting (Korean/English) for Korean companies in the US: sales, engineering, accounting and executive positions. Permanent placement and contract-to-hire.
%% 561320 | Workforce Now Temporary Services Corp. | | staff | e=HISPANIC c=MBE loc=NY
Temporary and temp-to-hire staffing: clerical, customer service, warehouse, janitorial and event staff. Same-day fill for most requests.
%% 561320 | Apex Medical Staffing LLC | | staff | e=BLACK c=MBE,WBE loc=NY
Healthcare staffing: RNs, LPNs, CNAs, medical assistants and allied health professionals for hospitals, clinics and nursing homes.
%% 561320 | TechForce Staffing Solutions Inc. | | staff | e=ASIAN c=MBE,WBE loc=MANHATTAN
IT staff augmentation: developers, project managers, business analysts, help desk technicians.
%% 561920 | Expo Axis Events Inc. | | event | e=ASIAN c=MBE loc=QUEENS kr=1
Trade show and conference organizer. We plan and run B2B expos, Korean product showcases, and business matchmaking events in New York – venue, booth build, registration, interpretation and AV.
%% 561920 | Convene & Co. Event Management LLC | | event | c=WBE e=NON-MINORITY loc=NY
Conference and meeting management: registration, speaker management, hybrid events, hotel blocks and on-site staffing.
%% 562910 | Abate-Tech Environmental Corp. | | abate | e=HISPANIC c=MBE loc=SI bond=1 union=Laborers Local 78, Local 12A
Licensed asbestos abatement contractor (NYS DOL and NYC DEP). Asbestos, lead and mold removal, selective demolition, and interior decontamination for schools, hospitals and commercial buildings.
%% 562910 | SafeHaven Remediation Services LLC | | abate | e=NON-MINORITY c=WBE loc=PA bond=1
Environmental remediation: asbestos abatement, lead-based paint abatement, mold remediation, PCB caulk removal, and emergency water/fire damage restoration.
%% 562910 | Clean Slate Environmental Inc. | | abate | e=ASIAN c=MBE,WBE loc=BROOKLYN
Mold remediation, asbestos abatement and indoor air quality services for residential buildings, co-ops and NYCHA.
%% 561710 | Metro Pest Solutions LLC | | clean | e=HISPANIC c=MBE loc=BRONX
Integrated pest management (IPM) for schools, food service and multifamily buildings. Rodent proofing and bed bug treatment. NYS DEC licensed.
%% 562111 | Borough Carting Corp. | | truck | e=HISPANIC c=MBE loc=BROOKLYN union=Teamsters Local 813
Commercial waste and recycling collection, organics pickup, and roll-off containers for construction debris. BIC-licensed.
%% 561110 | Allied Office Support Services LLC | | consult | e=BLACK c=MBE,WBE loc=BROOKLYN
Office administrative services: reception, records management, scanning and digitization, mailroom staffing.
%% 561210 | TotalSite Facilities Management Corp. | | clean | e=NON-MINORITY c=WBE loc=QUEENS bond=1
Integrated facilities management for public and commercial buildings: janitorial, maintenance engineering, HVAC operation, landscaping and security coordination.
%% 323111 | Press Forward Printing Inc. | | print | e=BLACK c=MBE loc=BROOKLYN union=Amalgamated Lithographers of America Local 1
Commercial offset and digital printing: brochures, reports, forms, envelopes, posters and direct mail. Union shop with in-house bindery and mailing.
%% 323111 | Hanji Print & Copy Center Corp. | | print | e=ASIAN c=MBE loc=MANHATTAN kr=1
Printing, copying and large-format in Koreatown, Manhattan – business cards, menus, banners, booklets and signage. 명함, 메뉴판, 현수막 인쇄. Rush orders welcome.
%% 323111 | Ink & Paper Co. LLC | | print | c=WBE e=NON-MINORITY loc=NY
Digital and offset printing, variable data mailings, and print management for agencies and nonprofits.
%% 323113 | Bold Threads Screen Printing LLC | | uniform | e=HISPANIC c=MBE loc=BRONX
Screen printing and embroidery on T-shirts, hoodies, caps and uniforms. Event shirts, staff uniforms, team jerseys. Minimum 24 pieces.
%% 323113 | Stitch & Print Apparel Decoration Inc. | | promo | e=BLACK c=MBE,WBE loc=QUEENS
Custom apparel decoration – screen printing, embroidery, DTF transfers – and promotional merchandise for schools, agencies and brands.
%% 315220 | Workwear Tailors of New York Inc. | | uniform | e=ASIAN c=MBE,WBE loc=BROOKLYN
Manufacturer of uniforms and workwear: security guard uniforms, chef coats, work shirts and trousers, and custom corporate apparel. Cut and sewn in our Sunset Park factory.
%% 315990 | Crown & Cap Accessories LLC | | uniform | e=BLACK c=MBE,WBE loc=MANHATTAN
Manufacturer of hats, caps, scarves and uniform accessories; custom embroidery and labels.
%% 337212 | Heritage Millwork Studios Corp. | | manu | e=HISPANIC c=MBE loc=BRONX bond=1
Architectural woodwork and millwork manufacturer: reception desks, cabinetry, wall panels and custom furniture for offices, schools and hotels. AWI quality certified shop.
%% 337212 | Namu Woodworks LLC | | manu | e=ASIAN c=MBE,WBE loc=BROOKLYN kr=1
Custom woodworking and furniture studio – tables, shelving and cabinetry in solid hardwood; restaurant and café interiors.
%% 337214 | Ironform Office Systems Inc. | | furniture | e=BLACK c=MBE loc=NJ
Manufacturer of metal office furniture: filing cabinets, lockers, shelving and workstations. GSA and NYS contract holder.
%% 339950 | SignCraft Fabrication Corp. | | manu | e=NON-MINORITY c=WBE loc=QUEENS
Sign manufacturing: channel letters, LED signs, ADA signage, wayfinding and vehicle wraps. Design, permit, fabricate and install.
%% 339950 | Neon Borough Signs LLC | | manu | c=WBE e=NON-MINORITY loc=NYCX
Handcrafted neon and LED neon signs for restaurants, retail and events.
%% 311991 | Mama Tere’s Kitchen LLC | | food | e=HISPANIC c=MBE,WBE loc=BRONX
Prepared foods manufacturer – empanadas, pasteles and rice dishes for grocery stores, schools and food service. HACCP certified kitchen.
%% 311811 | Crème de la Crumb Bakery Inc. | | food | c=WBE e=NON-MINORITY loc=MANHATTAN
Bakery producing breads, pastries, cookies and celebration cakes for cafés, offices and events. Kosher dairy certified.
%% 311919 | Seoul Snack Co. Inc. | | food | e=ASIAN c=MBE loc=NJ kr=1
Manufacturer of Korean-style snacks – rice crackers, seaweed chips and gim-bugak – for retailers and corporate pantries.
%% 334419 | Sensorium Electronics Corp. | | smart | e=ASIAN c=MBE loc=NY
Design and contract manufacturing of electronic assemblies and IoT sensor boards: environmental sensors (our AirNode™ line), LoRa modules and custom PCBs. Prototype to volume production.
%% 335122 | Lumina Fixture Works LLC | | manu | c=MBE,WBE e=HISPANIC loc=BROOKLYN
Manufacturer of LED lighting fixtures for commercial, institutional and exterior applications. Custom linear and pendant fixtures made in Brooklyn.
%% 339999 | Kindred Craft Goods LLC | | manu | e=BLACK c=MBE,WBE loc=BROOKLYN
Handmade candles, soaps and gift sets; corporate gifting and private label.
%% 459410 | Metro Office Supply Inc. | | office | e=BLACK c=MBE,WBE loc=QUEENS
Office supplies, copy paper, toner, janitorial and break-room products with next-day delivery to offices, schools and agencies in the five boroughs.
%% 459410 | Papercraft Stationers LLC | | office | c=WBE e=NON-MINORITY loc=MANHATTAN
Stationery, custom printed forms, business cards and office products.
%% 449110 | Urban Loft Furniture Inc. | | furniture | e=ASIAN c=MBE loc=BROOKLYN
Furniture showroom – home and office furniture, mattresses, and contract seating. Delivery and installation.
%% 459310 | Petal & Stem Florist LLC | | retail | e=HISPANIC c=MBE,WBE loc=NY
Florist – event flowers, office arrangements, sympathy and holiday décor.
%% 458110 | Uniform Depot NYC Corp. | | uniform | e=ASIAN c=MBE loc=NY
Retail and contract sales of uniforms and scrubs, medical footwear, chef wear and security apparel. Embroidery on site.
%% 444140 | Borough Hardware & Supply Corp. | | retail | e=HISPANIC c=MBE loc=BRONX
Hardware store and contractor supply: tools, fasteners, paint, plumbing and electrical supplies.
%% 445298 | Han’s Gourmet Pantry Inc. | | retail | e=ASIAN c=MBE loc=QUEENS kr=1
Korean and Asian specialty foods, gift sets (선물세트) and corporate holiday boxes.
%% 456120 | Glow Beauty Supply LLC | | retail | e=BLACK c=MBE,WBE loc=BROOKLYN
Beauty supply store – hair care, skincare and cosmetics.
%% 459999 | Party Plus Supplies Inc. | | event | e=HISPANIC c=MBE loc=QUEENS
Party and event supplies, balloon décor, table rentals and themed decorations.
%% 453998 | Bodega Gift Co. LLC | | retail | e=HISPANIC c=MBE,WBE loc=BRONX
Gift shop and online store selling NYC-themed gifts, art prints and corporate gift boxes made by local artists.
%% 513210 | Clearcase Software Inc. | | it | e=BLACK c=MBE loc=MANHATTAN
Makers of CaseTrack™, SaaS case management and grants management software for nonprofits and government agencies. Cloud-hosted, SOC 2 Type II audited.
%% 513210 | Deulbit Labs Inc. | | it | e=ASIAN c=MBE loc=MANHATTAN kr=1
Deulbit Labs develops facility management and IoT monitoring software: a platform that connects building sensors, meters and work orders into one dashboard. HQ in Seoul, US office in Manhattan.
%% 513210 | Procura Apps LLC | | it | c=WBE e=NON-MINORITY loc=NY
Procurement and vendor management software for municipalities and school districts.
%% 518210 | Cloudnine Hosting Services LLC | | it | e=ASIAN c=MBE,WBE loc=NJ
Managed cloud hosting, backup and disaster recovery, and colocation. AWS and Azure managed services; 24/7 NOC.
%% 518210 | DataVault Records Inc. | | it | e=BLACK c=MBE loc=BRONX
Document scanning, data capture, and digital records management; secure cloud archive.
%% 518210 | Stratus Edge Networks Corp. | | it | e=HISPANIC c=MBE loc=MANHATTAN
Cloud infrastructure, Kubernetes platform engineering, and data processing pipelines for analytics workloads.
%% 512110 | Borough Lens Productions LLC | | video | e=BLACK c=MBE,WBE loc=BROOKLYN
Video production company: documentaries, public service announcements, training videos and live streaming.
%% 512110 | Kkumi Films Inc. | | video | e=ASIAN c=MBE,WBE loc=QUEENS kr=1
Bilingual (Korean/English) video production – corporate films, brand content for Korean companies, event highlight reels.
%% 512110 | Cinco Studios LLC | | video | e=HISPANIC c=MBE loc=MANHATTAN
Video, animation and motion graphics for campaigns and social media. Spanish-language production.
%% 519290 | Open Data Works LLC | | it | c=MBE,WBE e=BLACK loc=MANHATTAN
Data collection, web research and open-data publishing services; GIS mapping.
%% 517810 | Borough Connect Telecom Inc. | | smart | e=HISPANIC c=MBE loc=QUEENS
Telecommunications services: VoIP phone systems, SIP trunking, business internet and 4G/5G IoT connectivity.
%% 516210 | Brooklyn Beat Media LLC | | video | e=BLACK c=MBE,WBE loc=BROOKLYN
Digital media network and podcast studio producing content about NYC neighborhoods, music and small business.
"""

PROFILES_OTHER = r"""
%% 722320 | Café Lumière Catering LLC | | cater | c=WBE e=NON-MINORITY loc=MANHATTAN
Corporate and event catering in Manhattan – breakfast and lunch platters, boxed meals, cocktail receptions and plated dinners for up to 800 guests. Seasonal menus, full-service staff and rentals.
%% 722320 | Soul Food Affairs Catering Inc. | | cater | e=BLACK c=MBE,WBE loc=BRONX
Southern and Caribbean catering for government events, church functions, weddings and office lunches. We have served city agencies for 15 years.
%% 722320 | Bapsang Catering Co. LLC | | cater | e=ASIAN c=MBE loc=QUEENS nb=flushing kr=1
한식 케이터링 – Korean catering for corporate lunches, openings, seminars and holidays: bibimbap bowls, bulgogi, japchae, kimbap and banchan platters, plus fusion menus for mixed audiences. Delivery across Manhattan, Queens and Bergen County.
%% 722320 | Sabor Latino Catering Corp. | | cater | e=HISPANIC c=MBE loc=QUEENS
Latin American catering – Colombian, Mexican and Dominican dishes for community events, offices and family celebrations. Trays, buffets, and taco stations.
%% 722320 | Green Plate Events & Catering LLC | | cater | e=BLACK c=MBE,WBE loc=BROOKLYN
Plant-forward catering using local ingredients; zero-waste packaging. Breakfast, lunch, receptions and conference meals.
%% 722320 | Saffron & Sage Catering Inc. | | cater | e=ASIAN c=MBE loc=NY
Indian and halal catering for corporate events, weddings and cultural festivals. Tandoor live stations available.
%% 722320 | Mesa Larga Kitchen LLC | | cater | e=HISPANIC c=MBE,WBE loc=MANHATTAN
Family-style catering and boxed meals. Our kitchen in Washington Heights cooks for offices, film shoots, and nonprofits.
%% 722310 | Nourish NYC Food Services Inc. | | foodsvc | e=BLACK c=MBE,WBE loc=BROOKLYN union=UNITE HERE Local 100
Food service contractor providing school meals, senior meals and shelter meal programs. USDA-compliant menus, licensed commissary kitchen, and a fleet of 12 refrigerated vans.
%% 722310 | Commons Café Management LLC | | foodsvc | c=WBE e=NON-MINORITY loc=NJ
Corporate dining and café management for office buildings, hospitals and universities.
%% 722310 | Hanmaeul Food Service Group Inc. | | foodsvc | e=ASIAN c=MBE loc=NJ kr=1
Employee cafeteria operation and daily meal programs for factories, offices and schools; Korean, American and international menus.
%% 722330 | Rolling Spice Food Truck LLC | | cater | e=ASIAN c=MBE loc=NY
Food truck serving South Asian street food at festivals, corporate events and campus activities.
%% 722330 | Taco Nación Mobile Kitchen Corp. | | cater | e=HISPANIC c=MBE loc=BRONX
Taco truck and mobile catering – we bring the kitchen to your event.
%% 722511 | Ginger & Rye Bistro Inc. | | cater | e=ASIAN c=MBE,WBE loc=BROOKLYN
Neighborhood bistro with private dining room for 40 guests; catering for office lunches and meetings.
%% 722513 | Island Flavors Jerk Center LLC | | cater | e=BLACK c=MBE loc=BROOKLYN
Jamaican takeout restaurant. Party trays and event catering.
%% 621610 | Compassionate Care Home Health Agency Inc. | | health | e=BLACK c=MBE,WBE loc=QUEENS
Licensed home care services agency (LHCSA): home health aides, personal care aides and nursing visits for seniors and people with disabilities.
%% 621610 | Hanul Home Care Services LLC | | health | e=ASIAN c=MBE loc=QUEENS kr=1
Home care for Korean-speaking seniors in Queens and Bergen County – bilingual aides, nursing and care coordination.
%% 621340 | Little Voices Speech Therapy PLLC | | health | c=WBE e=NON-MINORITY loc=SI
Speech-language pathology and feeding therapy for children; school-based and home services.
%% 621340 | Movewell Physical Therapy P.C. | | health | e=HISPANIC c=MBE loc=BRONX
Physical and occupational therapy; workplace ergonomics assessments.
%% 621330 | Mindbridge Counseling Services LCSW PLLC | | health | e=BLACK c=MBE,WBE loc=BROOKLYN
Licensed clinical social workers providing individual, family and group therapy, trauma-informed care trainings, and employee assistance programs.
%% 621330 | Serenity Path Wellness LMHC PLLC | | health | e=HISPANIC c=MBE,WBE loc=NY
Bilingual mental health counseling and workshops on stress, grief and resilience for schools and workplaces.
%% 624120 | Golden Years Senior Services Inc. | | health | e=NON-MINORITY c=WBE loc=MANHATTAN
Adult day program and case management for seniors in Chinatown and the Lower East Side.
%% 624410 | Sunshine Kids Daycare Center LLC | | health | e=BLACK c=MBE,WBE loc=BRONX
Licensed child care center for infants, toddlers and preschoolers; 3-K and Pre-K partner.
%% 621111 | Harbor Family Medicine P.C. | | health | e=ASIAN c=MBE loc=QUEENS
Primary care practice offering employee health screenings, occupational physicals and flu clinics for employers.
%% 531210 | Skyline Commercial Realty LLC | | realestate | e=ASIAN c=MBE loc=MANHATTAN kr=1
Commercial real estate brokerage: office, retail and industrial leasing and sales in Manhattan, Queens and northern New Jersey. Tenant representation for Korean companies opening New York offices.
%% 531210 | Brownstone & Block Realty Inc. | | realestate | e=BLACK c=MBE,WBE loc=BROOKLYN
Residential and commercial real estate sales, leasing and property consulting in Brooklyn.
%% 531311 | Harmony Property Management LLC | | realestate | e=HISPANIC c=MBE loc=BRONX
Residential property management for affordable housing and co-ops: rent collection, compliance, maintenance and resident services.
%% 531312 | Keystone Commercial Property Services Inc. | | realestate | c=WBE e=NON-MINORITY loc=NY
Management of office buildings and retail centers – lease administration, vendor management and capital projects.
%% 531390 | Appraisal Partners of New York LLC | | realestate | e=BLACK c=MBE,WBE loc=MANHATTAN
Commercial and residential appraisal, market studies and relocation consulting.
%% 532490 | Stagecraft AV Rentals Inc. | | av | e=BLACK c=MBE loc=QUEENS
Audio-visual equipment rental and production: sound systems, LED walls, projectors, staging, lighting and live streaming for conferences, galas and outdoor events. Technicians included.
%% 532490 | Soundwave Event Technology LLC | | av | e=ASIAN c=MBE loc=NJ kr=1
AV rental and installation – conference room AV, simultaneous interpretation systems, microphones and PA, and LED screens for events and Korean community festivals.
%% 532412 | Heavy Lift Equipment Rentals Corp. | | truck | e=HISPANIC c=MBE loc=NJ
Rental of excavators, skid steers, boom lifts and generators with or without operators.
%% 711510 | Marisol Vega Studio LLC | | arts | e=HISPANIC c=MBE,WBE loc=BRONX fn=Marisol ln=Vega
Muralist and public artist. Community murals, school art residencies, and large-scale painted installations.
%% 711510 | Kwame Asante Creative LLC | | arts | e=BLACK c=MBE loc=BROOKLYN fn=Kwame ln=Asante
Photographer, writer and storyteller creating oral history projects and exhibitions.
%% 711510 | Jae Lim Art Studio | | arts | e=ASIAN c=MBE loc=QUEENS kr=1 fn=Jae ln=Lim
Installation artist and designer; site-specific art, lobby art programs and community workshops.
%% 711320 | Citylights Live Productions LLC | | event | e=BLACK c=MBE loc=MANHATTAN
Concert and festival production: booking, stage management, permits, security coordination and sponsorship.
%% 711320 | Seoul Nights Entertainment Inc. | | event | e=ASIAN c=MBE loc=NJ kr=1
K-pop and Korean cultural event promotion – concerts, festivals and brand activations in the New York area.
%% 711190 | Bronx River Theater Company Inc. | | arts | e=HISPANIC c=MBE loc=BRONX
Bilingual theater company presenting performances and workshops in schools, parks and libraries.
%% 711120 | Kinetic Roots Dance Company LLC | | arts | e=BLACK c=MBE,WBE loc=MANHATTAN
Contemporary and African diaspora dance company; school residencies and community performances.
%% 713990 | Game On Event Rentals LLC | | event | e=BLACK c=MBE loc=NY
Party and family-day entertainment:

- bounce houses and inflatable slides
- obstacle courses
- carnival games
- cotton candy and popcorn machines
- face painters and balloon artists

We serve schools, agencies and corporate picnics across the five boroughs and Long Island.
%% 713940 | Strong Core Fitness Studio LLC | | train | c=WBE e=NON-MINORITY loc=BROOKLYN
Fitness studio and corporate wellness programs: onsite yoga, stretching and fitness classes for employees.
%% 484110 | Five Points Trucking Corp. | | truck | e=HISPANIC c=MBE loc=QUEENS union=Building Material Teamsters Local 282
Local trucking: dump trucks, flatbeds and box trucks for construction materials, debris removal and equipment delivery across NYC.
%% 484110 | Jaguar Freight Lines LLC | | truck | e=BLACK c=MBE,WBE loc=NJ
General freight trucking and dedicated delivery routes in the NY/NJ metro area; 26-ft box trucks and tractor-trailers.
%% 484121 | Liberty Long Haul Inc. | | truck | e=BLACK c=MBE,WBE loc=PA
Truckload carrier – dry van and refrigerated loads from the Northeast to the Midwest and Southeast. 45 power units.
%% 484210 | Careful Hands Moving & Storage Corp. | | moving | e=HISPANIC c=MBE loc=BRONX union=Teamsters Local 814
Commercial and office moving, furniture installation, records relocation and storage. Licensed by NYS DOT. We moved 40 city offices last year.
%% 484210 | Easy Move Logistics LLC | | moving | e=ASIAN c=MBE loc=QUEENS kr=1
이삿짐 / office relocation. Office moves, IT equipment moves and storage for companies in Manhattan, Queens and New Jersey; international moves for Korean expatriate families.
%% 484210 | Blue Star Relocation Services Inc. | | moving | e=BLACK c=MBE loc=BROOKLYN
Office and school moving, decommissioning and furniture liquidation.
%% 484220 | Cold Chain Express Inc. | | truck | e=NON-MINORITY c=WBE loc=NJ
Refrigerated and frozen food delivery for restaurants, grocery stores and institutions.
%% 492110 | Swift Courier Services LLC | | courier | e=NON-MINORITY c=WBE loc=MANHATTAN
Same-day courier and messenger service in Manhattan and the outer boroughs: legal filings, documents, packages and lab specimens. Bike, car and van.
%% 492110 | Rapid Route Express Inc. | | courier | e=HISPANIC c=MBE loc=QUEENS
Courier and last-mile delivery for e-commerce, pharmacies and offices. Real-time tracking and proof of delivery.
%% 492210 | Neighborhood Delivery Co. LLC | | courier | c=MBE,WBE e=HISPANIC loc=BRONX
Local delivery of groceries, prescriptions and meals; contracted delivery for community organizations.
%% 488510 | Baramgil Logistics Inc. | | truck | e=ASIAN c=MBE loc=NJ kr=1
Freight forwarding and customs brokerage between Korea and the US: ocean and air freight, customs clearance, warehousing and final-mile delivery to New York and New Jersey.
%% 488510 | Tri-State Freight Brokers LLC | | truck | c=WBE e=NON-MINORITY loc=NJ
Truckload and LTL freight brokerage and logistics management.
%% 493110 | Harbor Point Warehousing Corp. | | truck | e=NON-MINORITY c=WBE loc=BROOKLYN
Warehousing, pick-and-pack fulfillment, cross-docking and storage in Red Hook.
%% 485320 | Executive Class Limousine Inc. | | courier | e=ASIAN c=MBE loc=QUEENS
Chauffeured car and van service for corporate travel, airport transfers and events.
%% 485991 | Able Access Transportation LLC | | courier | e=BLACK c=MBE,WBE loc=NY
Ambulette and wheelchair-accessible transportation for medical appointments and day programs.
%% 424120 | Borough Business Supplies Corp. | | office | e=HISPANIC c=MBE loc=BRONX
Wholesale distributor of office supplies, paper, toner, janitorial and break-room products to city agencies, schools and hospitals. Requirements-contract experience, next-day delivery.
%% 424120 | Hanbyeol Office Products Inc. | | office | e=ASIAN c=MBE loc=NJ kr=1
Office supplies and stationery distributor for businesses in NJ and NYC; Korean-imported paper products and office goods.
%% 423210 | Contract Furniture Group LLC | | furniture | c=WBE e=NON-MINORITY loc=MANHATTAN
Office furniture dealer: workstations, seating, conference and lounge furniture from leading manufacturers. Space planning, installation, and move management.
%% 423210 | Workspace Solutions Inc. | | furniture | e=BLACK c=MBE loc=CT
Commercial furniture wholesaler – desks, ergonomic chairs, classroom and library furniture. New and refurbished options.
%% 424130 | CleanSource Paper & Janitorial Supply Corp. | | office | e=HISPANIC c=MBE loc=QUEENS
Janitorial supplies distributor: paper towels, tissue, can liners, soaps, floor chemicals and cleaning equipment.
%% 423430 | Nexus Computer Supply Inc. | | wholesale | e=NON-MINORITY c=WBE loc=NY
Computer hardware and software reseller – laptops, desktops, servers, networking gear and licensing.
%% 423430 | Bluebyte Technology Distributors LLC | | wholesale | e=BLACK c=MBE,WBE loc=NJ
IT product reseller and configuration center: imaging, asset tagging and delivery of laptops and tablets.
%% 423610 | Current Electric Supply Corp. | | wholesale | e=HISPANIC c=MBE loc=BRONX
Electrical supplies distributor – wire, conduit, lighting, panels and controls – for contractors and facilities.
%% 423720 | Pipeline Plumbing Supply Inc. | | wholesale | e=NON-MINORITY c=WBE loc=QUEENS
Plumbing and heating supplies, fixtures and boilers for contractors.
%% 424350 | Uniform Source Wholesale Inc. | | uniform | e=ASIAN c=MBE,WBE loc=NJ kr=1
Wholesale uniforms and workwear: security and corporate uniforms, scrubs, chef apparel and safety vests. Embroidery and logo decoration. Sourcing from Korea and Vietnam.
%% 424490 | Island Harvest Foods Distribution LLC | | wholesale | e=BLACK c=MBE loc=BROOKLYN
Food distributor – Caribbean and specialty groceries, snacks and beverages for stores, schools and institutions.
%% 423450 | MediSupply Partners Corp. | | wholesale | e=BLACK c=MBE,WBE loc=NY
Distributor of medical and PPE supplies: gloves, masks, gowns, first aid and sanitizer.
%% 812332 | Crisp Linen & Uniform Service Inc. | | uniform | e=HISPANIC c=MBE loc=BRONX union=Laundry Distribution and Food Service Joint Board
Uniform and linen rental and laundering for restaurants, healthcare and hotels. Pickup and delivery.
%% 812320 | Fresh Press Cleaners Corp. | | misc | e=ASIAN c=MBE loc=MANHATTAN kr=1
Dry cleaning, laundry and tailoring; corporate uniform cleaning programs.
%% 811310 | Precision Equipment Repair LLC | | hvac | e=BLACK c=MBE,WBE loc=QUEENS
Repair and maintenance of commercial kitchen equipment, laundry machines, pumps and compressors.
%% 811111 | Fleetcare Auto Repair Corp. | | truck | e=HISPANIC c=MBE loc=BRONX
Fleet maintenance and repair for vans, trucks and light-duty municipal vehicles.
%% 812990 | Concierge NYC Services LLC | | event | c=WBE e=NON-MINORITY loc=MANHATTAN
Corporate concierge, relocation support and errand services for executives and newly arrived employees.
%% 812930 | Park Right Garage Corp. | | misc | e=ASIAN c=MBE,WBE loc=MANHATTAN
Parking garage operator and fleet parking management.
%% 813910 | Queens Korean Builders Guild Inc. | | misc | e=ASIAN c=MBE loc=QUEENS kr=1
Trade association supporting Korean-American contractors – licensing workshops, safety training and bid opportunity sharing.
%% 813920 | Metro Engineers of Color Network Inc. | | misc | e=BLACK c=MBE loc=MANHATTAN
Professional association offering mentorship, career fairs and continuing education for engineers.
%% 524210 | Shield Risk Insurance Brokerage LLC | | finance | e=BLACK c=MBE,WBE loc=MANHATTAN
Commercial insurance brokerage – general liability, workers' comp, surety bonds, and builders risk for contractors and small businesses.
%% 524210 | Gangbyeon Insurance Agency Inc. | | finance | e=ASIAN c=MBE loc=NJ kr=1
Business insurance for Korean-owned businesses and US subsidiaries: property, liability, employee benefits and auto. 한국어 상담.
%% 523940 | Ridgeline Capital Advisors LLC | | finance | e=HISPANIC c=MBE loc=NYCX
Registered investment adviser managing fixed income portfolios for public pension funds and endowments.
%% 523940 | Beacon Street Wealth Partners LLC | | finance | c=WBE e=NON-MINORITY loc=CT
Investment advisory and retirement plan consulting for nonprofits and businesses.
%% 522390 | Empire Loan Packaging Services Inc. | | finance | e=BLACK c=MBE,WBE loc=NYCX
Loan packaging, SBA loan preparation and financial coaching for small business owners.
%% 523999 | Cornerstone Municipal Advisors LLC | | finance | e=ASIAN c=MBE loc=NY
Municipal advisory services for bond issuances, capital planning and debt management.
%% 551114 | Hanseong Holdings USA Inc. | | misc | e=ASIAN c=MBE loc=NJ kr=1
US regional headquarters of a Korean group providing management, finance and shared services to its American subsidiaries in construction and logistics.
%% 551114 | Roja Group Holdings LLC | | misc | e=HISPANIC c=MBE loc=QUEENS
Management company for a family of construction and property businesses.
%% 921190 | Civic Works Administration Services LLC | | consult | e=NON-MINORITY c=WBE loc=MANHATTAN
Government support services: public hearing administration, records management and constituent services for municipalities.
%% 926150 | Inspection Partners for Licensing Inc. | | inspect | e=HISPANIC c=MBE loc=NY
Third-party inspections and licensing compliance reviews for regulated commercial sectors.
%% 212321 | Empire Sand & Gravel Corp. | | civil | e=HISPANIC c=MBE loc=NY
Sand, gravel and aggregate supply from our Long Island pit; delivery to job sites.
%% 213112 | Northeast Well Services LLC | | civil | c=WBE e=NON-MINORITY loc=PA
Support services for gas operations: site restoration, equipment hauling and environmental monitoring.
%% 111421 | Bronx Roots Nursery LLC | | landscape | e=BLACK c=MBE loc=BRONX
Nursery growing native trees, shrubs and perennials for parks, green roofs and community gardens.
%% 111419 | Sky Greens Urban Farm Inc. | | food | e=ASIAN c=MBE,WBE loc=NY
Hydroponic rooftop farm growing microgreens and leafy greens for restaurants, schools and grocery stores.
%% 115112 | Harvest Hands Farm Services LLC | | landscape | e=HISPANIC c=MBE loc=NY
Soil preparation, planting and cultivation services for urban farms, school gardens and community gardens.
%% 221114 | Sunbridge Solar Power LLC | | elec | e=BLACK c=MBE,WBE loc=QUEENS
Community solar developer and operator; rooftop solar installation and power purchase agreements for schools, churches and affordable housing.
%% 221114 | Haetsal Solar Energy Inc. | | elec | e=ASIAN c=MBE loc=NJ kr=1
Solar power generation and rooftop PV installation for warehouses and commercial buildings in NJ and NY; Korean-made modules and inverters.
%% 221330 | District Energy Services Corp. | | hvac | e=HISPANIC c=MBE loc=BROOKLYN
Steam and chilled-water supply operations and maintenance for campus energy plants.
"""

# Trade names ("doing business as"); "=" means the DBA repeats the formal name,
# as some filers do.
DBA_EXTRA = {
    "Keystone Ridge Builders LLC": "Keystone Ridge Construction",
    "Tri-Borough Builders & Sons Inc.": "Tri-Borough Builders",
    "Nova Terra Build Corp.": "Nova Terra Interiors",
    "Blue Door Renovations Inc.": "Blue Door Kitchen & Bath",
    "Vega & Daughters Home Improvement Corp.": "Vega & Daughters",
    "Hanok Interiors & Remodeling Inc.": "Hanok Remodeling",
    "Voltline Electric Corp.": "=",
    "K-Tech Electric & Low Voltage Inc.": "K-Tech Electric",
    "Polar Breeze Mechanical Corp.": "Polar Breeze HVAC",
    "Peña & Sons Plumbing Corp.": "Peña Plumbing",
    "Guardian Fire Sprinkler Corp.": "Guardian Fire Protection",
    "Bricklane Masonry Corp.": "Bricklane Restoration",
    "Skyline Roofing & Waterproofing Corp.": "Skyline Roofing",
    "Groundbreak Excavation Corp.": "Groundbreak Demolition & Excavation",
    "Safe Harbor Construction Services LLC": "Safe Harbor Site Safety",
    "Tashkent Stoneworks LLC": "Silk Road Countertops",
    "Apex Rigging & Crane Services LLC": "=",
    "Studio Hwan Architecture PLLC": "Studio Hwan",
    "Marlowe + Baptiste Architects P.C.": "MBA Studio",
    "Corvid MEP Engineers P.C.": "Corvid Engineering",
    "Sejong Digital Solutions Inc.": "Sejong Digital",
    "Trellis IT Group Corp.": "Trellis Managed IT",
    "UrbanSense Systems LLC": "UrbanSense IoT",
    "Sentinel Cyber Defense LLC": "=",
    "Law Office of Min-ji Seo, PLLC": "Seo Law",
    "Park, Yoon & Associates CPA P.C.": "PYA CPA",
    "PeopleFirst HR Consulting LLC": "PeopleFirst HR",
    "K-Wave Marketing Lab Inc.": "K-Wave Lab",
    "Pixel Harbor Creative LLC": "Pixel Harbor Studio",
    "Lanyard & Co. Promotional Products LLC": "Lanyard & Co.",
    "Bridge Lingua Translation Services LLC": "Bridge Lingua",
    "Polyglot NYC Language Services Inc.": "Polyglot NYC",
    "Hanmaum Interpreting LLC": "Hanmaum Korean Interpreters",
    "Grand Occasions Event Planning LLC": "Grand Occasions Events",
    "Spotless City Cleaning Services LLC": "Spotless City",
    "Sparkle Pro Cleaning LLC": "Sparkle Pro Office Cleaning",
    "Casa Limpia Janitorial Corp.": "Casa Limpia Cleaning Services",
    "Shieldline Security Services Inc.": "Shieldline Security",
    "Suho Security & Concierge Inc.": "Suho Security",
    "Greenway Grounds Landscaping Corp.": "Greenway Grounds",
    "Workforce Now Temporary Services Corp.": "Workforce Now Staffing",
    "Abate-Tech Environmental Corp.": "AbateTech",
    "Press Forward Printing Inc.": "Press Forward",
    "Bold Threads Screen Printing LLC": "=",
    "Café Lumière Catering LLC": "Café Lumière",
    "Bapsang Catering Co. LLC": "Bapsang Korean Catering",
    "Soul Food Affairs Catering Inc.": "Soul Food Affairs",
    "Nourish NYC Food Services Inc.": "Nourish NYC",
    "Stagecraft AV Rentals Inc.": "Stagecraft AV",
    "Careful Hands Moving & Storage Corp.": "Careful Hands Movers",
    "Easy Move Logistics LLC": "Easy Move Korea-US Movers",
    "Swift Courier Services LLC": "Swift Messengers",
    "Baramgil Logistics Inc.": "Baramgil Freight",
    "Borough Business Supplies Corp.": "BBS Office Supply",
    "Contract Furniture Group LLC": "CFG Office Interiors",
    "Uniform Source Wholesale Inc.": "Uniform Source",
    "Crisp Linen & Uniform Service Inc.": "Crisp Linen",
    "Island Flavors Jerk Center LLC": "=",
    "Mama Tere’s Kitchen LLC": "Mama Tere’s",
}

# ---------------------------------------------------------------------------
# Geography.  Neighbourhood centres are on land; rows jitter around them.
# key: (borough, city, zips, lat, lon, community boards, council districts,
#       NTA codes, streets)
# ---------------------------------------------------------------------------
NEIGHBORHOODS = {
    "midtown": ("MANHATTAN", "New York", ["10001", "10018", "10036"], 40.7527, -73.9893, ["105"], ["3", "4"], ["MN0502", "MN0501"],
                ["West 35th Street", "West 38th Street", "Seventh Avenue", "Broadway", "West 29th Street", "Eighth Avenue"]),
    "ktown": ("MANHATTAN", "New York", ["10001", "10016"], 40.7478, -73.9866, ["105"], ["3"], ["MN0502"],
              ["West 32nd Street", "Fifth Avenue", "West 33rd Street", "Broadway", "Madison Avenue"]),
    "fidi": ("MANHATTAN", "New York", ["10004", "10005", "10038"], 40.7069, -74.0090, ["101"], ["1"], ["MN0101"],
             ["Broadway", "Wall Street", "William Street", "John Street", "Maiden Lane", "Water Street"]),
    "harlem": ("MANHATTAN", "New York", ["10027", "10026", "10030"], 40.8116, -73.9465, ["110"], ["9"], ["MN1002", "MN1001"],
               ["West 125th Street", "Malcolm X Boulevard", "Frederick Douglass Boulevard", "West 135th Street", "Adam Clayton Powell Jr. Boulevard"]),
    "chelsea": ("MANHATTAN", "New York", ["10011", "10010"], 40.7420, -73.9990, ["104", "105"], ["3"], ["MN0401", "MN0501"],
                ["West 23rd Street", "Sixth Avenue", "West 19th Street", "Fifth Avenue", "West 26th Street"]),
    "uws": ("MANHATTAN", "New York", ["10024", "10025"], 40.7930, -73.9720, ["107"], ["6", "7"], ["MN0702", "MN0703"],
            ["Amsterdam Avenue", "West 96th Street", "Columbus Avenue", "Broadway", "West 86th Street"]),
    "wheights": ("MANHATTAN", "New York", ["10032", "10033", "10040"], 40.8450, -73.9370, ["112"], ["10"], ["MN1201", "MN1203"],
                 ["St. Nicholas Avenue", "West 181st Street", "Audubon Avenue", "Wadsworth Avenue"]),
    "evillage": ("MANHATTAN", "New York", ["10009", "10003"], 40.7265, -73.9815, ["103"], ["2"], ["MN0302", "MN0303"],
                 ["Avenue A", "East 4th Street", "Second Avenue", "East 14th Street"]),
    "downtownbk": ("BROOKLYN", "Brooklyn", ["11201"], 40.6930, -73.9870, ["302"], ["33"], ["BK0202"],
                   ["Court Street", "Livingston Street", "Jay Street", "Montague Street", "Willoughby Street"]),
    "bedstuy": ("BROOKLYN", "Brooklyn", ["11216", "11221", "11233"], 40.6860, -73.9400, ["303"], ["36"], ["BK0302", "BK0301"],
                ["Fulton Street", "Nostrand Avenue", "Bedford Avenue", "Gates Avenue", "Malcolm X Boulevard"]),
    "bushwick": ("BROOKLYN", "Brooklyn", ["11237", "11206"], 40.7030, -73.9220, ["304"], ["34", "37"], ["BK0401", "BK0402"],
                 ["Flushing Avenue", "Wyckoff Avenue", "Knickerbocker Avenue", "Johnson Avenue"]),
    "flatbush": ("BROOKLYN", "Brooklyn", ["11226", "11225"], 40.6490, -73.9580, ["314"], ["40"], ["BK1401", "BK1402"],
                 ["Flatbush Avenue", "Church Avenue", "Cortelyou Road", "Coney Island Avenue"]),
    "sunsetpark": ("BROOKLYN", "Brooklyn", ["11220", "11232"], 40.6520, -74.0080, ["307"], ["38"], ["BK0702", "BK0701"],
                   ["Third Avenue", "39th Street", "Second Avenue", "53rd Street", "Fifth Avenue"]),
    "crownheights": ("BROOKLYN", "Brooklyn", ["11213", "11216"], 40.6700, -73.9400, ["308", "309"], ["35", "36"], ["BK0801", "BK0901"],
                     ["Eastern Parkway", "Utica Avenue", "Kingston Avenue", "Franklin Avenue"]),
    "eny": ("BROOKLYN", "Brooklyn", ["11207", "11208"], 40.6690, -73.8890, ["305"], ["42", "37"], ["BK0502", "BK0503"],
            ["Pennsylvania Avenue", "Atlantic Avenue", "Liberty Avenue", "Pitkin Avenue"]),
    "canarsie": ("BROOKLYN", "Brooklyn", ["11236"], 40.6400, -73.9010, ["318"], ["46"], ["BK1803", "BK1802"],
                 ["Flatlands Avenue", "Rockaway Parkway", "Avenue L", "Remsen Avenue"]),
    "williamsburg": ("BROOKLYN", "Brooklyn", ["11211", "11222"], 40.7180, -73.9480, ["301"], ["33", "34"], ["BK0101", "BK0104"],
                     ["Grand Street", "Metropolitan Avenue", "Kent Avenue", "Manhattan Avenue", "Driggs Avenue"]),
    "navyyard": ("BROOKLYN", "Brooklyn", ["11205"], 40.7000, -73.9710, ["302"], ["33"], ["BK0204"],
                 ["Flushing Avenue", "Navy Street", "Clinton Avenue"]),
    "bayridge": ("BROOKLYN", "Brooklyn", ["11209"], 40.6260, -74.0290, ["310"], ["47"], ["BK1001"],
                 ["Third Avenue", "86th Street", "Fifth Avenue", "Bay Ridge Parkway"]),
    "redhook": ("BROOKLYN", "Brooklyn", ["11231"], 40.6770, -74.0080, ["306"], ["38"], ["BK0601"],
                ["Van Brunt Street", "Columbia Street", "Richards Street", "Beard Street"]),
    "lic": ("QUEENS", "Long Island City", ["11101"], 40.7470, -73.9400, ["402", "401"], ["26"], ["QN0201", "QN0105"],
            ["Jackson Avenue", "Thomson Avenue", "Queens Plaza South", "Vernon Boulevard", "21st Street", "Skillman Avenue"]),
    "flushing": ("QUEENS", "Flushing", ["11354", "11355"], 40.7600, -73.8300, ["407"], ["20"], ["QN0707"],
                 ["Main Street", "Northern Boulevard", "Union Street", "Roosevelt Avenue", "Sanford Avenue", "Prince Street", "39th Avenue"]),
    "jamaica": ("QUEENS", "Jamaica", ["11432", "11434", "11435"], 40.7020, -73.8000, ["412"], ["27", "28"], ["QN1201", "QN1205"],
                ["Jamaica Avenue", "Sutphin Boulevard", "Hillside Avenue", "Merrick Boulevard", "Guy R. Brewer Boulevard"]),
    "astoria": ("QUEENS", "Astoria", ["11103", "11105", "11106"], 40.7650, -73.9170, ["401"], ["22"], ["QN0103", "QN0101"],
                ["Steinway Street", "31st Street", "Astoria Boulevard", "Ditmars Boulevard", "Broadway"]),
    "bayside": ("QUEENS", "Bayside", ["11361", "11360"], 40.7630, -73.7710, ["411"], ["19"], ["QN1102"],
                ["Bell Boulevard", "Northern Boulevard", "212th Street", "Francis Lewis Boulevard"]),
    "jacksonheights": ("QUEENS", "Jackson Heights", ["11372"], 40.7520, -73.8850, ["403"], ["25"], ["QN0301"],
                       ["37th Avenue", "Roosevelt Avenue", "74th Street", "Northern Boulevard"]),
    "maspeth": ("QUEENS", "Maspeth", ["11378"], 40.7250, -73.9050, ["405"], ["30"], ["QN0502"],
                ["Grand Avenue", "Maspeth Avenue", "58th Street", "Flushing Avenue"]),
    "richmondhill": ("QUEENS", "Richmond Hill", ["11418", "11419"], 40.6940, -73.8260, ["409"], ["28", "29"], ["QN0903"],
                     ["Liberty Avenue", "Jamaica Avenue", "Lefferts Boulevard", "101st Avenue"]),
    "collegepoint": ("QUEENS", "College Point", ["11356"], 40.7850, -73.8460, ["407"], ["19"], ["QN0701"],
                     ["College Point Boulevard", "14th Avenue", "20th Avenue", "Ulmer Street"]),
    "woodside": ("QUEENS", "Woodside", ["11377"], 40.7450, -73.9030, ["402"], ["26"], ["QN0203"],
                 ["Roosevelt Avenue", "Woodside Avenue", "61st Street", "Queens Boulevard"]),
    "springfield": ("QUEENS", "Springfield Gardens", ["11413"], 40.6690, -73.7570, ["413"], ["31"], ["QN1303"],
                    ["Springfield Boulevard", "Merrick Boulevard", "Farmers Boulevard"]),
    "corona": ("QUEENS", "Corona", ["11368"], 40.7490, -73.8620, ["404"], ["21"], ["QN0401"],
               ["Roosevelt Avenue", "National Street", "Junction Boulevard", "108th Street"]),
    "motthaven": ("BRONX", "Bronx", ["10454", "10451"], 40.8080, -73.9210, ["201"], ["8", "17"], ["BX0101", "BX0102"],
                  ["East 138th Street", "Bruckner Boulevard", "Willis Avenue", "Third Avenue", "East 149th Street"]),
    "huntspoint": ("BRONX", "Bronx", ["10474"], 40.8120, -73.8870, ["202"], ["17"], ["BX0202"],
                   ["Hunts Point Avenue", "Garrison Avenue", "Food Center Drive", "Oak Point Avenue"]),
    "fordham": ("BRONX", "Bronx", ["10458", "10468"], 40.8610, -73.8910, ["206", "207"], ["15"], ["BX0601", "BX0701"],
                ["East Fordham Road", "Webster Avenue", "Grand Concourse", "Jerome Avenue"]),
    "parkchester": ("BRONX", "Bronx", ["10462"], 40.8370, -73.8610, ["209"], ["18"], ["BX0903"],
                    ["Westchester Avenue", "Castle Hill Avenue", "Unionport Road", "White Plains Road"]),
    "williamsbridge": ("BRONX", "Bronx", ["10467", "10469"], 40.8730, -73.8620, ["212"], ["12"], ["BX1201", "BX1104"],
                       ["White Plains Road", "Gun Hill Road", "Boston Road", "Burke Avenue"]),
    "riverdale": ("BRONX", "Bronx", ["10463", "10471"], 40.8800, -73.9070, ["208"], ["11"], ["BX0801"],
                  ["Riverdale Avenue", "Johnson Avenue", "West 236th Street", "Broadway"]),
    "coopcity": ("BRONX", "Bronx", ["10475"], 40.8720, -73.8280, ["210"], ["12"], ["BX1004"],
                 ["Bartow Avenue", "Co-op City Boulevard", "Baychester Avenue"]),
    "concourse": ("BRONX", "Bronx", ["10451", "10452"], 40.8280, -73.9220, ["204"], ["16"], ["BX0401"],
                  ["Grand Concourse", "East 161st Street", "Gerard Avenue", "Walton Avenue"]),
    "stgeorge": ("STATEN IS", "Staten Island", ["10301"], 40.6410, -74.0790, ["501"], ["49"], ["SI0101"],
                 ["Bay Street", "Victory Boulevard", "Richmond Terrace", "Hyatt Street"]),
    "newdorp": ("STATEN IS", "Staten Island", ["10306"], 40.5730, -74.1170, ["502"], ["50"], ["SI0203"],
                ["New Dorp Lane", "Hylan Boulevard", "Richmond Road", "Mill Road"]),
    "portrichmond": ("STATEN IS", "Staten Island", ["10302", "10303"], 40.6330, -74.1330, ["501"], ["49"], ["SI0105"],
                     ["Port Richmond Avenue", "Forest Avenue", "Richmond Avenue", "Castleton Avenue"]),
    "tottenville": ("STATEN IS", "Staten Island", ["10307", "10309"], 40.5120, -74.2380, ["503"], ["51"], ["SI0305"],
                    ["Amboy Road", "Main Street", "Arthur Kill Road", "Page Avenue"]),
    "greatkills": ("STATEN IS", "Staten Island", ["10308"], 40.5510, -74.1500, ["503"], ["51"], ["SI0303"],
                   ["Hylan Boulevard", "Giffords Lane", "Nelson Avenue", "Amboy Road"]),
}
BOROUGH_NBS = {}
for _k, _v in NEIGHBORHOODS.items():
    BOROUGH_NBS.setdefault(_v[0], []).append(_k)
KOREAN_NBS = ["flushing", "flushing", "bayside", "ktown", "ktown", "lic", "collegepoint"]
BORO_DIGIT = {"MANHATTAN": "1", "BRONX": "2", "BROOKLYN": "3", "QUEENS": "4", "STATEN IS": "5"}
BLOCK_MAX = {"MANHATTAN": 2250, "BRONX": 5950, "BROOKLYN": 8950, "QUEENS": 16300, "STATEN IS": 8050}

STATE_NAMES = {"NY": "New York", "NJ": "New Jersey", "CT": "Connecticut", "PA": "Pennsylvania",
               "MA": "Massachusetts", "GA": "Georgia", "IL": "Illinois", "DC": "District of Columbia",
               "TX": "Texas", "MD": "Maryland", "NC": "North Carolina", "CA": "California", "VA": "Virginia"}

# (city, state, zip, area codes, streets)
OUTSIDE = {
    "NY": [("Valley Stream", "NY", "11580", ["516"], ["Rockaway Avenue", "Merrick Road", "Sunrise Highway"]),
           ("Elmont", "NY", "11003", ["516"], ["Hempstead Turnpike", "Elmont Road"]),
           ("Mount Vernon", "NY", "10550", ["914"], ["South Fourth Avenue", "Gramatan Avenue", "East Sandford Boulevard"]),
           ("Yonkers", "NY", "10701", ["914"], ["South Broadway", "Nepperhan Avenue", "Central Park Avenue"]),
           ("Hempstead", "NY", "11550", ["516"], ["Fulton Avenue", "Front Street", "Peninsula Boulevard"]),
           ("Great Neck", "NY", "11021", ["516"], ["Northern Boulevard", "Middle Neck Road", "Great Neck Road"]),
           ("White Plains", "NY", "10601", ["914"], ["Mamaroneck Avenue", "Main Street", "Westchester Avenue"]),
           ("New Rochelle", "NY", "10801", ["914"], ["Main Street", "North Avenue", "Huguenot Street"]),
           ("Hicksville", "NY", "11801", ["516"], ["Broadway", "Old Country Road", "Jerusalem Avenue"]),
           ("Mineola", "NY", "11501", ["516"], ["Old Country Road", "Jericho Turnpike", "Mineola Boulevard"]),
           ("Garden City", "NY", "11530", ["516"], ["Franklin Avenue", "Stewart Avenue", "Seventh Street"]),
           ("Freeport", "NY", "11520", ["516"], ["Sunrise Highway", "Main Street", "Atlantic Avenue"]),
           ("Albany", "NY", "12207", ["518"], ["State Street", "Broadway", "Washington Avenue"]),
           ("Westbury", "NY", "11590", ["516"], ["Old Country Road", "Post Avenue", "Brush Hollow Road"]),
           ("Bay Shore", "NY", "11706", ["631"], ["Main Street", "Union Boulevard", "Fifth Avenue"]),
           ("Lynbrook", "NY", "11563", ["516"], ["Merrick Road", "Atlantic Avenue", "Sunrise Highway"]),
           ("Nanuet", "NY", "10954", ["845"], ["Middletown Road", "Route 59", "Main Street"]),
           ("Port Chester", "NY", "10573", ["914"], ["Westchester Avenue", "King Street", "Boston Post Road"])],
    "NJ": [("Jersey City", "NJ", "07302", ["201", "551"], ["Newark Avenue", "Montgomery Street", "Christopher Columbus Drive"]),
           ("Hackensack", "NJ", "07601", ["201"], ["Main Street", "River Street", "Hackensack Avenue"]),
           ("Newark", "NJ", "07102", ["973", "862"], ["Broad Street", "Market Street", "Raymond Boulevard"]),
           ("Edison", "NJ", "08817", ["732", "908"], ["Route 1", "Oak Tree Road", "Woodbridge Avenue"]),
           ("Paramus", "NJ", "07652", ["201"], ["Route 17", "Route 4", "Paramus Road"]),
           ("Secaucus", "NJ", "07094", ["201"], ["Meadowlands Parkway", "Harmon Meadow Boulevard", "County Avenue"]),
           ("Teaneck", "NJ", "07666", ["201"], ["Cedar Lane", "Teaneck Road", "Queen Anne Road"]),
           ("Elizabeth", "NJ", "07201", ["908"], ["Broad Street", "North Avenue", "Elmora Avenue"]),
           ("East Orange", "NJ", "07018", ["973"], ["Main Street", "Central Avenue", "Park Avenue"]),
           ("Carlstadt", "NJ", "07072", ["201"], ["Paterson Plank Road", "Washington Avenue", "Commerce Road"]),
           ("Union", "NJ", "07083", ["908"], ["Morris Avenue", "Route 22", "Stuyvesant Avenue"])],
    "NJK": [("Fort Lee", "NJ", "07024", ["201"], ["Main Street", "Lemoine Avenue", "Palisade Avenue", "Center Avenue"]),
            ("Palisades Park", "NJ", "07650", ["201"], ["Broad Avenue", "Grand Avenue", "Central Boulevard"]),
            ("Englewood Cliffs", "NJ", "07632", ["201"], ["Sylvan Avenue", "Palisade Avenue", "Route 9W"]),
            ("Leonia", "NJ", "07605", ["201"], ["Grand Avenue", "Fort Lee Road", "Broad Avenue"]),
            ("Ridgefield", "NJ", "07657", ["201"], ["Broad Avenue", "Grand Avenue", "Shaler Boulevard"]),
            ("Edison", "NJ", "08817", ["732"], ["Route 27", "Oak Tree Road", "Plainfield Avenue"])],
    "CT": [("Stamford", "CT", "06901", ["203"], ["Summer Street", "Washington Boulevard", "Atlantic Street"]),
           ("Norwalk", "CT", "06851", ["203"], ["Westport Avenue", "Main Avenue", "Wall Street"]),
           ("Bridgeport", "CT", "06604", ["203"], ["Main Street", "Fairfield Avenue", "State Street"]),
           ("Greenwich", "CT", "06830", ["203"], ["Greenwich Avenue", "Putnam Avenue", "Mason Street"]),
           ("Hartford", "CT", "06103", ["860"], ["Main Street", "Asylum Street", "Pearl Street"]),
           ("New Haven", "CT", "06510", ["203"], ["Chapel Street", "Church Street", "State Street"])],
    "PA": [("Philadelphia", "PA", "19103", ["215", "267"], ["Market Street", "Walnut Street", "Chestnut Street"]),
           ("King of Prussia", "PA", "19406", ["610"], ["First Avenue", "Allendale Road", "DeKalb Pike"]),
           ("Allentown", "PA", "18101", ["610"], ["Hamilton Street", "Tilghman Street", "Seventh Street"])],
    "MA": [("Boston", "MA", "02110", ["617"], ["Federal Street", "High Street", "Summer Street"]),
           ("Framingham", "MA", "01701", ["508"], ["Worcester Road", "Concord Street", "Union Avenue"]),
           ("Quincy", "MA", "02169", ["617"], ["Hancock Street", "Granite Street", "Quincy Avenue"])],
    "OUT": [("Atlanta", "GA", "30303", ["404"], ["Peachtree Street NE", "Marietta Street NW"]),
            ("Chicago", "IL", "60601", ["312"], ["North Michigan Avenue", "West Randolph Street"]),
            ("Washington", "DC", "20001", ["202"], ["K Street NW", "New York Avenue NW"]),
            ("Houston", "TX", "77002", ["713"], ["Main Street", "Louisiana Street"]),
            ("Baltimore", "MD", "21201", ["410"], ["North Charles Street", "West Pratt Street"]),
            ("Charlotte", "NC", "28202", ["704"], ["South Tryon Street", "North College Street"]),
            ("Arlington", "VA", "22201", ["703"], ["Wilson Boulevard", "Clarendon Boulevard"])],
}
NYC_AREA = {"MANHATTAN": ["212", "646", "917", "332"], "BROOKLYN": ["718", "347", "929", "917"],
            "QUEENS": ["718", "347", "929", "917"], "BRONX": ["718", "347", "929", "646"],
            "STATEN IS": ["718", "347", "917"]}

# ---------------------------------------------------------------------------
# People (contact names) by ethnicity.  Generic, common names.
# ---------------------------------------------------------------------------
FIRST_F = {
    "BLACK": ["Keisha", "Tanya", "Adaeze", "Shanice", "Monique", "Nia", "Yvonne", "Fatou", "Grace", "Denise", "Ayesha", "Marlene", "Crystal", "Folake", "Danielle", "Renee", "Simone", "Patrice"],
    "ASIAN": ["Mei", "Priya", "Lin", "Anjali", "Hui", "Farzana", "Maria", "Nasreen", "Jing", "Sunita", "Thuy", "Lakshmi", "Rina", "Ying"],
    "KOREAN": ["Ji-young", "Eun-ji", "Soo-jin", "Min-ji", "Hye-won", "Grace", "Jenny", "Sarah", "Yuna", "Seo-yeon", "Christine", "Ha-eun"],
    "HISPANIC": ["Maria", "Yesenia", "Rosa", "Daniela", "Lucía", "Carmen", "Ana", "Gabriela", "Marisol", "Yolanda", "Natalia", "Jessica", "Ivelisse", "Paola"],
    "NON-MINORITY": ["Jennifer", "Lisa", "Karen", "Elizabeth", "Rachel", "Amy", "Sarah", "Laura", "Michelle", "Catherine", "Anne", "Megan", "Jennifer", "Patricia", "Kathleen", "Deborah", "Erin", "Allison"],
    "NATIVE AMERICAN": ["Rebecca", "Dawn", "Tara"],
}
FIRST_M = {
    "BLACK": ["Andre", "Marcus", "Olu", "Kwame", "Darnell", "Jerome", "Terrence", "Chidi", "Emmanuel", "Malik", "Curtis", "Ibrahim", "Kevin", "Reginald", "Samuel", "Tyrone", "Anthony"],
    "ASIAN": ["Wei", "Raj", "Anil", "Jun", "Kenji", "Mohammed", "Vikram", "Hao", "Tariq", "Sanjay", "Minh", "Arjun", "Kamal", "David"],
    "KOREAN": ["Min-jun", "Sung-ho", "Jae-won", "Hyun-woo", "Daniel", "Joon", "Sang-min", "Peter", "Dong-hyun", "James", "Young-jin", "Tae-yang"],
    "HISPANIC": ["Carlos", "Luis", "Jorge", "Miguel", "Ramon", "José", "Juan", "Pedro", "Hector", "Rafael", "Edwin", "Victor", "Alejandro", "Angel"],
    "NON-MINORITY": ["Michael", "James", "Robert", "Thomas", "Daniel", "Matthew", "John", "Christopher", "Brian", "Kevin"],
    "NATIVE AMERICAN": ["Daniel", "Joseph", "Thomas"],
}
LAST = {
    "BLACK": ["Williams", "Johnson", "Jackson", "Okafor", "Mensah", "Baptiste", "Pierre", "Diallo", "Brown", "Harris", "Robinson", "Campbell", "Joseph", "Adeyemi", "Thompson", "Greene", "Charles", "Clarke", "Osei", "Francis", "Alexander", "Edwards", "Jean-Louis", "Nwosu", "WILLIAMS"],
    "ASIAN": ["Chen", "Wong", "Zhang", "Liu", "Huang", "Lin", "Singh", "Patel", "Shah", "Rahman", "Hossain", "Chowdhury", "Gupta", "Reddy", "Nguyen", "Tan", "Santos", "Wu", "Islam", "Ahmed", "SINGH", "Yamamoto", "Khan"],
    "KOREAN": ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Han", "Shin", "Oh", "Seo", "Kwon", "Hwang", "Song", "Jeon", "Lim", "KIM", "Ahn", "Baek"],
    "HISPANIC": ["Rodriguez", "Martinez", "Peña", "Núñez", "Gomez", "Reyes", "Cruz", "Ortiz", "Morales", "Torres", "Rivera", "Vargas", "Muñoz", "Hernandez", "Diaz", "Castillo", "Santiago", "Perez", "Jimenez", "Medina", "Guzman", "RIVERA"],
    "NON-MINORITY": ["Murphy", "O'Brien", "Kowalski", "Rossi", "Goldberg", "Schneider", "Walsh", "Brennan", "Esposito", "Miller", "Fischer", "Cohen", "Russo", "Sullivan", "Levy", "Novak", "Keller", "Byrne", "Romano", "Klein", "Anderson", "Friedman"],
    "NATIVE AMERICAN": ["Jacobs", "Hill", "Thomas", "Swift"],
}

# NIGP commodity classes (3 digits) by job pool; items are added per row.
NIGP_CLASSES = {
    "clean": ["910", "485", "961"], "it": ["920", "208", "204"], "cyber": ["920", "208"], "smart": ["914", "280", "725", "920"],
    "elec": ["914", "285", "910"], "gc": ["909", "912", "914"], "reno": ["909", "914", "910"], "hvac": ["914", "910", "031"],
    "plumb": ["914", "670", "910"], "trade": ["914", "912", "150"], "finish": ["914", "909", "390"], "civil": ["913", "912", "968"],
    "arch": ["906", "925"], "eng": ["925", "906", "918"], "inspect": ["918", "925", "962"], "cater": ["961", "952", "393"],
    "foodsvc": ["961", "393", "952"], "food": ["393", "375", "961"], "truck": ["962", "958", "985"], "moving": ["962", "958"],
    "courier": ["962", "961"], "uniform": ["200", "201", "961"], "promo": ["201", "966", "615"], "translate": ["961", "915"],
    "mktg": ["915", "918", "961"], "design": ["915", "966"], "print": ["966", "615", "915"], "pr": ["915", "918"],
    "event": ["961", "915", "958"], "av": ["975", "215", "961"], "video": ["915", "961"], "legal": ["961", "918"],
    "acct": ["946", "918"], "staff": ["961", "918"], "hr": ["918", "924"], "consult": ["918", "958", "924"],
    "security": ["990", "680", "961"], "landscape": ["988", "765", "910"], "enviro": ["926", "918"], "abate": ["926", "910"],
    "furniture": ["420", "425", "971"], "office": ["615", "620", "485"], "train": ["924", "918"], "edu": ["924", "918"],
    "health": ["948", "952"], "realestate": ["971", "946"], "finance": ["946", "953"], "arts": ["962", "924"],
    "retail": ["205", "480", "615"], "wholesale": ["204", "285", "670", "466"], "manu": ["550", "805", "425"],
    "misc": ["961", "962", "958"],
}

CONSTRUCTION_TYPES = ["Commercial", "Institutional", "Residential", "Infrastructure", "Industrial", "Mixed-use",
                      "Transportation", "Healthcare", "Educational"]
CAPACITY_PROGRAMS = ["Strategic Steps for Growth", "Construction Mentorship", "Bond Readiness",
                     "Contract Financing Loan Fund"]
BONDING_LIMITS = ["500,000", "750,000", "1,000,000", "1,000,000", "1,500,000", "2,000,000", "2,500,000", "3,000,000",
                  "5,000,000", "5,000,000", "6,000,000", "10,000,000", "10,000,000", "15,000,000", "25,000,000", "50,000,000"]
JOB_FOLLOWUPS = ["Completed on schedule and within budget.", "Reference available upon request.",
                 "Work performed during nights and weekends.", "Scope included coordination with the owner's IT and facilities teams.",
                 "Repeat client since then.", "Contract renewed for a second year."]

HINT_KEYS = ("e", "c", "loc", "nb", "kr", "bond", "union", "types", "cap", "fn", "ln")

# Deliberately bad cells for the loader's validation report (see README).
BAD_CELLS = {
    ("Crowncap Roofing Inc.", "Certification_Renewal_Date"): "13/45/2020",
    ("Dog Days Pet Services LLC", "Largest_Value_of_Contract"): "about $5k",
    ("Harlem Shine Commercial Cleaning LLC", "telephone"): "888SPARKLE",
    ("Bedrock Civic Contractors Inc.", "Aggregate_Bonding_Limit"): "TBD",
}
# Excel "#NAME?" artefacts, as in the real export (a description that began with "=" or "-").
NAME_ERROR_JOBS = [("Fleetcare Auto Repair Corp.", 1), ("Urban Signage Installers LLC", 2)]
# The one deliberately duplicated account: same firm, an older and a newer renewal date.
DUPLICATE_FIRM = "Metro Office Supply Inc."
DUPLICATE_OLD_RENEWAL = (2025, 3)   # (year, month); one date per certification
DUPLICATE_NEW_RENEWAL = (2028, 3)
# Geocoded rows whose BIN/BBL the City left empty (seen in the real export).
NO_BIN_FIRMS = ["Tamarind Carpentry LLC", "Chess in the Boroughs LLC"]
# Phones typed with separators.
ODD_PHONES = {"Ginger & Rye Bistro Inc.": "space", "Appraisal Partners of New York LLC": "space",
              "Rhythm & Canvas Arts Academy LLC": "dot"}

# Firm-specific job histories for firms whose work does not fit a shared pool.
# "@@ Formal name" starts a firm; lines are "client || description".
EXTRA_JOBS = r"""
@@ Foundation First Concrete Corp.
NYC School Construction Authority || Poured 1,100 cubic yards of foundation walls and slab-on-grade for a Staten Island school addition.
NYC Parks || Formed and poured concrete seating steps and ramps at a waterfront park.
Graniteview Homes LLC || Foundations and basement slabs for 6 two-family houses.
@@ Granite City Concrete LLC
NYC Department of Transportation || Replaced 9,000 sq ft of sidewalk and 22 pedestrian ramps in East Flatbush.
Private owner || New concrete driveway, curb cut and retaining wall for a Canarsie home.
Kings Highway Merchants LLC || Sidewalk violation removal for 14 storefronts.
@@ Ironbridge Steel Erectors Inc.
Bayshore Builders Inc. || Erected 180 tons of structural steel for a 5-story mixed-use building in Jersey City.
NYC School Construction Authority || Installed steel dunnage and rooftop equipment platforms at 3 schools.
Port Authority of New York and New Jersey || Replaced corroded steel stair stringers and railings at a bus terminal.
@@ Adebayo Brothers Masonry Corp.
Private owner || Rebuilt brownstone stoop and areaway wall in Bedford-Stuyvesant, landmark-approved.
NYC Department of Transportation || Removed sidewalk violations and replaced 3,200 sq ft of concrete sidewalk.
Crown Heights Tenants Association || Repointed rear facade and rebuilt chimney of a 4-story walk-up.
@@ Bricklane Masonry Corp.
NYCHA || Local Law 11 facade repairs on two 14-story buildings: brick replacement, lintels and repointing.
Elmhurst Gardens Co-op || Parapet reconstruction and coping stone replacement, 600 linear feet.
NYC School Construction Authority || Exterior masonry restoration at a 1920s Queens school.
@@ Grandview Restoration LLC
Concourse Plaza Owners Corp. || FISP Cycle 9 unsafe condition repairs on a 12-story pre-war building.
NYCHA || Brick facade restoration and sidewalk shed removal at a Bronx development.
Audubon Court HDFC || Terra cotta cornice stabilization and replacement with GFRC units.
@@ Stone & Mortar Works Inc.
NYC Parks || Rebuilt 300 feet of fieldstone retaining wall and granite steps in a Bronx park.
Village of Tarrytown || Bluestone plaza and seat walls at a municipal building.
Westchester County || Restored stone bridge parapets on a parkway overpass.
@@ Crystal Span Glass & Glazing Inc.
Riverside Storage LLC || Installed aluminum storefront and curtain wall at a self-storage facility.
NYC Department of Education || Replaced 240 classroom windows with thermally broken aluminum units.
Kingsway Office Partners || Glass office fronts and frameless doors for a 20,000 sq ft fit-out.
@@ Crowncap Roofing Inc.
Private owner || Replaced 4,000 sq ft flat roof with modified bitumen on a Sunset Park apartment building.
Park Slope Co-op Corp. || Roof coating and parapet flashing repairs.
Bay Ridge Church || Emergency roof leak repair and new drains.
@@ Skyline Roofing & Waterproofing Corp.
NYCHA || Roof replacement on 6 buildings, 48,000 sq ft, with new insulation and drains.
NYC School Construction Authority || Green roof and new TPO roofing at a Queens middle school.
Jamaica Hospital Annex LLC || Roof replacement over an occupied clinic with rooftop unit curbs.
@@ Topline Roofing LLC
Private homeowner || Asphalt shingle roof, gutters and leaders for a Mount Vernon two-family home.
Westchester Community Church || Slate roof repairs and copper flashing.
Bronx Commercial Realty LLC || Flat roof replacement on a 2-story retail building.
@@ Dryline Waterproofing LLC
Harborview Garage Corp. || Traffic coating and expansion joint replacement on a 3-level parking garage.
NYC School Construction Authority || Below-grade waterproofing and drainage board for a school addition.
Mineola Office Park LLC || Facade caulking and sealant replacement on a 6-story office building.
@@ Summit Scaffold & Hoist Corp.
NYCHA || Sidewalk shed and scaffold installation for facade inspections at 12 buildings.
Gotham Tower Associates || Suspended scaffold rigging for a 30-story facade repair.
NYC School Construction Authority || Pipe scaffold and netting for a masonry restoration project.
@@ Apex Rigging & Crane Services LLC
Polar Air Mechanical || Hoisted 4 rooftop HVAC units (8 tons each) onto a Newark office building with a 90-ton crane.
Empire Sign Group || Rigging and installation of a 40-ft illuminated sign.
Jersey City Medical Annex || Generator delivery and rigging into a basement vault.
@@ Fence & Gate Solutions Corp.
NYC Parks || Installed 2,400 linear feet of chain link fence and gates at ballfields.
NYC Department of Sanitation || Security fencing and motorized sliding gate at a garage.
Private owner || Ornamental iron fence and gate for a Queens apartment building.
@@ Firestop Systems NYC Inc.
Hudson Yards Builders LLC || Firestopped 3,800 penetrations across 22 floors with UL-listed systems and photo documentation.
NYC Health + Hospitals || Fire-rated wall penetration sealing for a hospital infrastructure upgrade.
NYC School Construction Authority || Spray fireproofing touch-up and firestopping at a school addition.
@@ Playcraft Surfaces Inc.
NYC Parks || Installed 11,000 sq ft of poured-in-place rubber safety surfacing at 4 playgrounds.
NYC Department of Education || Synthetic turf field and running track resurfacing at a high school.
Town of Hempstead || Playground equipment installation at 3 parks.
@@ Safe Harbor Construction Services LLC
NYC School Construction Authority || Fire guard and site safety staffing for a 2-year school construction project.
Bronx Builders Group || Construction clean-up crews and debris removal for a 120-unit building.
Metro Build Supply Inc. || Plywood construction fence, jersey barriers and temporary protection.
@@ Tashkent Stoneworks LLC
Private homeowner || Fabricated and installed quartz countertops and backsplash for a Brooklyn kitchen.
Maple Leaf Hospitality Group || Marble bar top and restaurant counters for a Williamsburg restaurant.
Kingsway Office Partners || Pantry countertops for 6 office floors.
@@ Urban Signage Installers LLC
NYC Department of Transportation || Installed wayfinding signs at 80 Citi Bike-adjacent locations.
CUNY || Interior ADA room signage, 1,400 signs across two campuses.
Brooklyn Navy Yard Development Corp. || Exterior building identification signs and tenant directory.
@@ Empire Sand & Gravel Corp.
Roadway Partners Construction Corp. || Supplied 18,000 tons of crushed stone and sand for a roadway reconstruction.
Town of Oyster Bay || Screened topsoil and gravel for park improvements.
Groundbreak Excavation Corp. || Backfill material delivery for a foundation project.
@@ Northeast Well Services LLC
Ridgeback Midstream LLC || Site restoration and reseeding of 12 well pads.
Lackawanna Valley Energy Partners || Equipment hauling and water truck services.
Commonwealth of Pennsylvania DEP || Environmental monitoring at plugged well sites.
@@ Aqueduct Underground Utilities Corp.
NYC Department of Environmental Protection || Replaced 2,400 linear feet of 12-inch water main in Staten Island.
NYC Department of Design and Construction || Installed 36 bioswales and new catch basins in the Bronx.
Village of Freeport || Sanitary sewer rehabilitation by cured-in-place lining, 1.2 miles.
@@ Bluewater Civil Works LLC
NYC Department of Environmental Protection || Storm sewer extension and 8 new catch basins on a flood-prone Staten Island street.
Private developer || Sanitary and storm service connections for a 40-unit townhouse development.
NYC Parks || Drainage improvements at a ballfield complex.
@@ Bridgewell Infrastructure LLC
NYC Department of Transportation || Steel bridge deck joint repair on a Harlem River crossing.
NJ Department of Transportation || Concrete deck patching and bearing replacement on a Route 46 bridge.
Port Authority of New York and New Jersey || Structural steel repairs on an access ramp.
@@ Roadway Partners Construction Corp.
NYC Department of Transportation || Sidewalk, curb and pedestrian ramp reconstruction at 140 corners in Queens.
Port Authority of New York and New Jersey || Pavement milling and resurfacing of an airport service road.
NYS Department of Transportation || Asphalt paving and guide rail for a Bronx highway ramp.
@@ Stripe & Sign Traffic Safety Inc.
NYC Department of Transportation || Thermoplastic crosswalks and bike lane markings, 40 lane-miles in Queens.
Roadway Partners Construction Corp. || Maintenance and protection of traffic for a 6-month paving project.
Port Authority of New York and New Jersey || Parking lot striping and signage at a bus terminal.
@@ Pierhead Marine Construction Inc.
NYC Economic Development Corporation || Rebuilt 400 feet of timber bulkhead and pile-supported esplanade.
NYC Ferry || Installed a new ferry landing barge and gangway.
Hoboken Waterfront Association || Pile repair and pier deck replacement.
@@ Clearpath Demolition Inc.
Ardent Capital Partners || Interior strip-out of a 22,000 sq ft office floor over 3 weekends.
Maple Leaf Hospitality Group || Demolition of a restaurant kitchen and bar in a landmark building.
NYC Health + Hospitals || Selective demolition in an occupied clinic with dust containment.
@@ Groundbreak Excavation Corp.
NYC School Construction Authority || Excavation and soil export (14,000 cubic yards) for a new school in Queens.
Westpark Developers LLC || Demolition of a 3-story warehouse and site clearing.
NYC Department of Design and Construction || Excavation support and backfill for a library expansion.
@@ Landmark Site Services LLC
Brownfield Partners LLC || Site clearing, soil export and rough grading for a 3-acre industrial site in Secaucus.
NJ Transit || Utility trenching and erosion control for a parking lot expansion.
Township of Teaneck || Grading and drainage for a new recreation field.
@@ Forge Point Metalworks Corp.
NYC Parks || Fabricated and installed ornamental steel fence and gates for a playground.
Private owner || Replaced rusted fire escapes on a 5-story walk-up in Astoria.
NYC School Construction Authority || Steel egress stair and railings for a school addition.
@@ Lumina Fixture Works LLC
Maple Leaf Hospitality Group || Custom pendant fixtures for 3 restaurants.
Brooklyn Public Library || Linear LED fixtures for a branch library renovation.
Kingsway Office Partners || 600 recessed linear fixtures for an office fit-out.
@@ Heritage Millwork Studios Corp.
Harlow Hotel Group || Millwork package for a 90-room hotel lobby and rooms.
NYC Department of Education || Built custom library shelving and reception desks for 4 schools.
Ardent Capital Partners || Walnut wall paneling and reception desk for a law firm floor.
@@ Namu Woodworks LLC
Ginger Tea House LLC || Built white oak counters, shelving and communal tables for a café in Flushing.
Private client || Custom walnut dining table and sideboard.
Seoul Garden Foods USA Inc. || Display shelving for a flagship grocery store.
@@ Neon Borough Signs LLC
Maple Leaf Hospitality Group || Five custom neon signs for a Williamsburg restaurant.
Brooklyn Cultural Festival || LED neon stage lettering for a music festival.
Private client || Neon artwork for a Bushwick gallery opening.
@@ SignCraft Fabrication Corp.
NYC Department of Transportation || Fabricated 300 aluminum street signs.
Flushing Business Improvement District || Channel-letter storefront signs for 12 businesses.
CUNY || ADA room signs and directories for a campus building.
@@ Kindred Craft Goods LLC
NYC Department of Small Business Services || 500 artisan gift boxes for a small business awards event.
Brooklyn Community Foundation || Donor appreciation gift sets with local candles and soaps.
Private client || Private-label soap for a boutique hotel.
@@ Sky Greens Urban Farm Inc.
NYC Department of Education || Weekly microgreens delivery for a farm-to-school pilot at 8 schools.
Brooklyn Grocers Cooperative || Year-round supply of lettuce and herbs to 4 stores.
NYC Department of Youth & Community Development || Hydroponic growing workshops for teens.
@@ Crème de la Crumb Bakery Inc.
Ardent Capital Partners || Daily breakfast pastries for 3 office floors.
NYC Department of Cultural Affairs || Desserts for a 400-guest reception.
Private client || Wedding cake and dessert table for 200 guests.
@@ Seoul Snack Co. Inc.
Lighthouse Co-Working LLC || Korean snack packs for 4 coworking locations, monthly.
Korean grocery chain (Fort Lee) || Private label rice crackers, 20,000 units.
Hanbit Cloud Inc. || Snack boxes for a product launch event.
@@ Mama Tere’s Kitchen LLC
NYC Department of Education || Prepared 2,000 empanadas a week for school cafeterias in the Bronx.
Bronx Grocers Association || Frozen pasteles supplied to 15 bodegas.
NYC Department for the Aging || Prepared meals for senior center holiday events.
@@ Harbor Family Medicine P.C.
NYC Department of Sanitation || Annual physicals and hearing tests for 300 workers.
Queens Public Library || Onsite flu vaccination clinics at 10 branches.
Private employer || Pre-employment physicals and drug screening.
@@ Mindbridge Counseling Services LCSW PLLC
NYC Department of Education || Counseling groups for 200 students at 4 middle schools.
NYC Administration for Children's Services || Trauma-informed care training for 150 caseworkers.
Brooklyn Transit Workers Association || Employee assistance program counseling.
@@ Serenity Path Wellness LMHC PLLC
NYC Department of Education || Bilingual grief and resilience workshops for students and parents.
Westchester County || Counseling services for a youth program.
Private employer || Stress management workshops for 120 employees.
@@ Little Voices Speech Therapy PLLC
NYC Department of Education || Speech therapy for 60 students with IEPs in District 31.
NYS Early Intervention Program || Home-based feeding and speech therapy for toddlers.
Private preschool || Speech and language screenings for 90 children.
@@ Movewell Physical Therapy P.C.
NYC Department of Education || Physical and occupational therapy for students in District 9.
NYC Department of Sanitation || Ergonomics assessments at 3 garages.
Bronx Senior Center || Fall prevention classes for older adults.
@@ Compassionate Care Home Health Agency Inc.
NYC Department for the Aging || Home care aides for 120 seniors in Southeast Queens.
Medicaid managed long-term care plan || Personal care aide services, 45,000 hours a year.
Queens Senior Council || Respite care for family caregivers.
@@ Hanul Home Care Services LLC
NYC Department for the Aging || Korean-speaking home care aides for 40 seniors in Flushing.
Queens Korean Senior Center || Nursing visits and care coordination.
Bergen County Division of Senior Services || Bilingual personal care services.
@@ Golden Years Senior Services Inc.
NYC Department for the Aging || Adult day program for 80 seniors in Lower Manhattan.
NYC Department of Health & Mental Hygiene || Case management for isolated seniors.
Chinatown Community Council || Senior wellness and nutrition workshops.
@@ Sunshine Kids Daycare Center LLC
NYC Department of Education || 3-K for All seats for 45 children.
NYC Administration for Children's Services || Subsidized child care for 30 families.
Bronx Community Board 12 || Summer day camp for 60 children.
@@ Brownstone & Block Realty Inc.
HPD || Affordable housing lottery marketing and lease-up for 48 units.
Private client || Sale of a 4-family building in Crown Heights.
Brooklyn Community Church || Leasing of ground-floor retail space.
@@ Skyline Commercial Realty LLC
Saebyeol Precision America Inc. || Tenant representation for a 12,000 sq ft New York office for a Korean manufacturer.
Hanbit Cloud Inc. || Site search and lease negotiation for a Manhattan office.
Private client || Industrial lease in Ridgefield, NJ, 40,000 sq ft.
@@ Harmony Property Management LLC
NYCHA || Property management of 1,200 units under a PACT conversion.
Mott Haven HDFC || Management and HUD compliance for a 150-unit building.
Bronx Co-op Corp. || Co-op management and capital repairs coordination.
@@ Keystone Commercial Property Services Inc.
Garden City Office Associates || Management of 3 office buildings, 280,000 sq ft total.
Hicksville Retail Center LLC || Lease administration and vendor management for a shopping center.
Nassau County || Facility management consulting for a county office building.
@@ Appraisal Partners of New York LLC
NYC Economic Development Corporation || Appraisal of 6 commercial parcels.
NYC Department of Citywide Administrative Services || Market rent studies for 10 leased sites.
Private lender || Appraisals of 25 multifamily buildings for refinancing.
@@ Empire Loan Packaging Services Inc.
Brooklyn Small Business Fund || Loan packaging and underwriting support for 60 micro-loans.
NYC Department of Small Business Services || Financial coaching for 120 business owners.
Private client || SBA 7(a) loan application for a restaurant expansion.
@@ Beacon Street Wealth Partners LLC
Connecticut Community Foundation || Investment consulting for a $40 million endowment.
Private employer || 401(k) plan advisory for a 200-employee company.
Norwalk Arts Council || Investment policy statement and quarterly reviews.
@@ Ridgeline Capital Advisors LLC
NYC Comptroller's Office || Emerging manager fixed income mandate for a public pension fund.
Private foundation || Core bond portfolio management, $120 million.
Teachers' Retirement System of a Northeast city || Short-duration fixed income account.
@@ Cornerstone Municipal Advisors LLC
NYC Housing Development Corporation || Financial advisor on a multifamily housing bond issuance.
Westchester County || Debt affordability study and capital plan.
Nassau County Sewer Authority || Refunding analysis and bond sale advisory.
@@ Gangbyeon Insurance Agency Inc.
Saebyeol Precision America Inc. || Property, liability and workers' comp program for a US subsidiary.
Private client || Commercial property and liability insurance program for a 40-unit building.
Hanbit Cloud Inc. || Employee benefits (medical, dental) for 35 US employees.
@@ Shield Risk Insurance Brokerage LLC
Keystone Ridge Builders LLC || General liability, workers' comp and surety bonds for a contractor.
NYC Department of Small Business Services || Insurance readiness workshops for M/WBE contractors.
Private client || Builders risk policy for a 60-unit construction project.
@@ Marisol Vega Studio LLC
NYC Department of Cultural Affairs || Public art mural, 2,400 sq ft, painted with local youth in the Bronx.
NYC Department of Education || 10-week mural residency at a middle school.
Fordham Road BID || Painted roll-down gates for 25 storefronts.
@@ Kwame Asante Creative LLC
Brooklyn Public Library || Oral history project and photo exhibition on Caribbean immigrants.
NYC Department of Cultural Affairs || Documentary photography for a public art program.
Brooklyn Heritage Society || Exhibition catalog writing and photography.
@@ Jae Lim Art Studio
Queens Museum || Site-specific installation for a 4-month exhibition.
Flushing Business Improvement District || Lobby art program for a new community center.
NYC Department of Education || Art workshops for 300 students.
@@ Bronx River Theater Company Inc.
NYC Parks || Summer outdoor theater performances in 8 parks.
NYC Department of Education || Bilingual theater residencies at 5 schools.
New York Public Library || Family theater performances at 12 branches.
@@ Kinetic Roots Dance Company LLC
NYC Department of Education || Dance residency at 6 elementary schools, 20 weeks.
NYC Department of Cultural Affairs || Performance at a Juneteenth festival.
Uptown Arts Circle || Community dance workshops for seniors.
@@ Rhythm & Canvas Arts Academy LLC
NYC Department of Youth & Community Development || Summer arts camp for 90 children.
NYC Department of Education || Music and visual arts after-school classes at 4 schools.
Bronx Arts Collective || Youth showcase production.
@@ Urban Arts Studio School LLC
NYC Department of Education || Visual arts and ceramics residencies at 8 schools.
Brooklyn Public Library || Family art workshops at 10 branches.
Private school || Weekend art classes for 60 children.
@@ Hanseong Holdings USA Inc.
Hanseong Construction America LLC || Finance, HR and IT shared services for a construction subsidiary.
Hanseong Logistics USA Inc. || Corporate management and treasury services.
Gaon Freight Lines Inc. || Accounting and compliance services under an intercompany agreement.
@@ Roja Group Holdings LLC
Roja Builders Corp. || Management and back-office services for a construction affiliate.
Roja Properties LLC || Asset management for 6 rental buildings.
@@ Fresh Press Cleaners Corp.
Harlow Hotel Group || Uniform dry cleaning for 120 hotel staff, weekly.
Private client || Corporate shirt and suit cleaning program for an office.
Koreatown Restaurant Group || Laundry of aprons and tablecloths for 4 restaurants.
@@ Park Right Garage Corp.
NYC Department of Citywide Administrative Services || Fleet parking for 60 city vehicles in Midtown.
Private client || Monthly employee parking for a 300-person office.
NYC Health + Hospitals || Valet parking services at a hospital campus.
@@ Queens Korean Builders Guild Inc.
NYC Department of Small Business Services || Co-hosted 4 licensing and M/WBE certification workshops for Korean-American contractors.
NYC Department of Buildings || Translated site safety training materials into Korean.
@@ Metro Engineers of Color Network Inc.
CUNY || Mentorship program matching 80 engineering students with professionals.
NYC Department of Design and Construction || Career fair for 400 engineering job seekers.
@@ Dog Days Pet Services LLC
Private client || Daily dog walking for 12 households in Park Slope.
Brooklyn Animal Care Group || Volunteer training program for shelter dog walkers.
@@ Borough Hardware & Supply Corp.
NYC Parks || Hardware and small tools for maintenance crews.
NYCHA || Paint, fasteners and plumbing parts for 3 developments' maintenance shops.
Private contractor || Contractor supply account for a Bronx renovation firm.
@@ Han’s Gourmet Pantry Inc.
Hanbit Cloud Inc. || 300 Korean holiday gift sets (Chuseok) for employees and clients.
Private client || Corporate Lunar New Year gift boxes.
Queens Korean Senior Center || Groceries for a senior lunch program.
@@ Bodega Gift Co. LLC
NYC Department of Small Business Services || 500 NYC-themed gift boxes for visiting delegations.
NYC Tourism + Conventions || Locally made gift items for a media event.
Private client || Holiday gifts for 200 employees.
@@ Glow Beauty Supply LLC
NYC Department of Youth & Community Development || Hair and skincare supplies for a cosmetology training program.
Private salon || Wholesale hair care products, monthly.
@@ Petal & Stem Florist LLC
NYC Department of Cultural Affairs || Floral arrangements for a gala for 400 guests.
Private client || Weekly lobby flower arrangements for an office building.
CUNY || Commencement stage flowers.
@@ Bluebyte Technology Distributors LLC
NYC Department of Education || Supplied and imaged 3,500 Chromebooks with asset tags and delivery to 40 schools.
Private client || Laptops and docking stations for a 200-person office.
NYC Health + Hospitals || Tablets and rugged cases for home visit nurses.
@@ Nexus Computer Supply Inc.
NYC School Construction Authority || Supplied 900 laptops and charging carts for schools.
Nassau County || Network switches and firewalls for 12 county offices.
Private client || Microsoft 365 and Adobe licensing for 400 users.
@@ MediSupply Partners Corp.
NYC Health + Hospitals || Distributed medical gloves and disposable gowns to 11 facilities.
NYC Department of Education || First aid kits and AED supplies for 200 schools.
NYC Emergency Management || PPE stockpile replenishment: 1 million masks.
@@ Current Electric Supply Corp.
NYC Department of Citywide Administrative Services || Supplied electrical wire and fittings under a requirements contract.
Voltline Electric Corp. || Switchgear, panels and lighting fixtures for a school electrical upgrade.
NYCHA || LED lamps and fixtures for 9 developments.
@@ Pipeline Plumbing Supply Inc.
Hudson Yards Builders LLC || Supplied plumbing fixtures and valves for a 200-unit building.
NYCHA || Boiler parts and water heaters for maintenance shops.
Peña & Sons Plumbing Corp. || Contractor supply account, PEX and copper fittings.
@@ Island Harvest Foods Distribution LLC
NYC Department of Education || Food and snack distribution for after-school programs.
Brooklyn Grocers Cooperative || Caribbean specialty groceries for 30 stores.
NYC Department of Homeless Services || Shelf-stable food for a shelter pantry.
@@ Fiberway Utility Constructors Inc.
NYC Department of Information Technology & Telecommunications || Installed 14 miles of underground fiber conduit for a public Wi-Fi network.
Private carrier || 5G small-cell pole foundations and power feeds at 60 sites in New Jersey.
NJ Transit || Fiber optic backbone along a rail right-of-way.
@@ Sensorium Electronics Corp.
UrbanSense Systems LLC || Manufactured 2,000 LoRaWAN air-quality sensor nodes for a city deployment.
NYC Department of Environmental Protection || Custom water-level sensor boards for sewer monitoring.
Private client || Prototype and production of a smart-lock PCB, 10,000 units.
@@ Borough Connect Telecom Inc.
NYC Department of Education || VoIP phone system for 12 schools.
Private client || SIP trunking and business internet for a 200-person office.
CivicGrid Technologies Inc. || 4G/5G IoT SIM connectivity for 900 sensors.
@@ SafeWire Fire Alarm & Security Inc.
DCAS || Fire alarm system upgrade with addressable devices at a Manhattan courthouse.
Queens Medical Plaza LLC || CCTV and access control for a 6-story medical office building.
NYCHA || Intercom replacement in 10 buildings.
@@ Lockstep Security Systems Corp.
NYC Human Resources Administration || IP video surveillance (220 cameras) for 3 job centers.
Brooklyn Navy Yard Development Corp. || Installed 42 access control readers across three industrial buildings.
Private client || Intrusion alarm and central station monitoring for 15 retail stores.
@@ Quinta Geotechnical Engineering LLC
NYC School Construction Authority || Soil borings and foundation report for a new school site in Queens.
NYC Department of Design and Construction || Vibration and settlement monitoring during excavation next to landmark buildings.
Westpark Developers LLC || Geotechnical investigation and TR4 inspections for an 11-story building.
@@ Benchmark Land Surveying PLLC
NYC Parks || Topographic and boundary survey of a 12-acre park.
NYC Department of Design and Construction || Drone mapping and as-built survey of a reconstructed street.
Private developer || Construction stake-out for a 5-building housing complex.
@@ Inkline Drafting & BIM LLC
Studio Hwan Architecture PLLC || Revit model of a 6-story existing building from laser scan point cloud.
Corvid MEP Engineers P.C. || MEP drafting and coordination drawings for a school renovation.
Private client || As-built drawings for 20 retail stores.
@@ Vantage Traffic Engineering PLLC
NYC Department of Transportation || Traffic signal design for 25 intersections in Queens.
Town of Hempstead || Traffic impact study for a mixed-use development.
NYC Department of Transportation || Vision Zero safety study of a high-crash corridor.
@@ Ironclad Fire Protection Engineering P.C.
NYC Department of Design and Construction || Sprinkler and fire alarm design for a firehouse renovation.
NYCHA || Fire safety code consulting for 8 senior buildings.
Private client || FDNY plan approval for a restaurant kitchen suppression system.
@@ Delacroix Structural Design PLLC
Private owner || Underpinning design and DOB filing for a Jamaica two-family house.
Queens Retail LLC || Steel reinforcement design for a storefront opening.
NYCHA || Structural repair design for 4 balconies.
@@ Ampersand Energy Engineering PLLC
NYC School Construction Authority || Local Law 97 decarbonization plans for 20 school buildings.
Brooklyn Co-op Corp. || Heat pump conversion design for a 60-unit building.
NYC Department of Citywide Administrative Services || Solar PV design for 6 municipal rooftops.
@@ DataVault Records Inc.
NYC Department of Finance || Scanned and indexed 2.5 million property records.
NYC Health + Hospitals || Medical records digitization and secure storage.
Private client || Document management system setup for a law firm.
@@ Open Data Works LLC
NYC Department of Small Business Services || Web research and data collection on 3,000 storefront businesses.
NYC Department of City Planning || GIS mapping of community facilities.
Private client || Open-data portal publishing of 40 datasets.
@@ Harborview Data Center Services LLC
Private client || Rack-and-stack of 300 servers during a colocation migration.
NYC Department of Information Technology & Telecommunications || Hardware decommissioning with certified data destruction, 1,800 drives.
Hospital network || Data center facilities management, 24/7.
@@ Procura Apps LLC
Village of Garden City || Procurement software implementation and vendor portal.
School district in Westchester || Contract management module and training for 40 users.
@@ Clearcase Software Inc.
NYC Department of Youth & Community Development || CaseTrack™ case management platform for 120 nonprofit providers.
NYC Department for the Aging || Grants management software and data migration.
Private nonprofit || SaaS subscription and onboarding for 300 caseworkers.
@@ Deulbit Labs Inc.
Hanbit Cloud Inc. || Facility IoT dashboard connecting meters and sensors in a Manhattan office.
NYC Economic Development Corporation || Pilot of building energy monitoring software at 3 city-owned buildings.
Private client || Work order and sensor integration for a 20-building real estate portfolio.
@@ Quorum Data Systems Inc.
Private distributor || NetSuite ERP implementation for a 60-person distributor.
Long Island manufacturer || SAP Business One upgrade and reporting.
Hanbyeol Office Products Inc. || Inventory and order integration with e-commerce platforms.
@@ Bronx Roots Nursery LLC
NYC Parks || Grew and supplied 3,000 native shrubs and perennials for park restorations.
NYC Department of Environmental Protection || Plants for 200 rain gardens.
Greenroof Systems NY LLC || Sedum and native plugs for green roofs.
@@ Harvest Hands Farm Services LLC
NYC Department of Education || Soil preparation and raised beds for 20 school gardens.
NYC Parks GreenThumb || Planting and cultivation support for 15 community gardens.
Private urban farm || Seasonal planting crews.
@@ Greenroof Systems NY LLC
Greenpoint Terrace Condominium || Rooftop garden installation with irrigation and planters.
NYC Department of Environmental Protection || Blue roof and green roof pilot on 2 municipal buildings.
NYC School Construction Authority || Modular green roof installation at a school.
@@ Fernwood Landscape Architecture PLLC
NYC Parks || Design of a playground reconstruction in Queens.
NYC Department of Environmental Protection || Green infrastructure design for 90 bioswales.
NYC School Construction Authority || Schoolyard design for 3 schools.
@@ Terra Común Landscape Studio LLC
NYC Parks || Community garden and plaza design with 6 public workshops.
NYC Department of Transportation || Streetscape and plaza design for a Bronx pedestrian plaza.
Bronx Riverbank Stewards || Riverbank planting plan.
@@ Borough Carting Corp.
NYC Department of Sanitation || Commercial waste zone collection route in Brooklyn.
Private client || Roll-off containers for construction debris, 400 pulls a year.
Brooklyn Navy Yard Development Corp. || Organics and recycling collection.
@@ Fleetcare Auto Repair Corp.
NYC Department of Citywide Administrative Services || Preventive maintenance for 140 light-duty city vehicles.
NYC Parks || Repair of pickup trucks and vans.
Private client || Fleet maintenance for a 30-van delivery company.
@@ Heavy Lift Equipment Rentals Corp.
Groundbreak Excavation Corp. || Rental of 2 excavators with operators for 6 months.
NJ Transit || Boom lifts and generators for a station renovation.
Private contractor || Skid steer and mini excavator rentals.
@@ Baramgil Logistics Inc.
Saebyeol Precision America Inc. || Ocean freight and customs clearance for 240 containers of auto parts from Busan.
Seoul Garden Foods USA Inc. || Refrigerated container imports and final-mile delivery.
Hanbit Cloud Inc. || Air freight of server equipment from Incheon to New York.
@@ Tri-State Freight Brokers LLC
Pierpoint Foods Distribution || Truckload brokerage for 1,200 loads a year.
Private manufacturer || LTL shipping program and carrier management.
@@ Harbor Point Warehousing Corp.
Private e-commerce brand || Pick-and-pack fulfillment, 8,000 orders a month.
NYC Department of Education || Storage of classroom furniture during renovations.
NYC Emergency Management || Warehousing of emergency supplies.
@@ Liberty Long Haul Inc.
Private food manufacturer || Refrigerated truckloads from Pennsylvania to Georgia, 300 loads a year.
Pierpoint Foods Distribution || Dry van loads to distribution centers in Ohio.
@@ Executive Class Limousine Inc.
Private client || Airport transfers for visiting executives, 900 trips a year.
NYC Department of Small Business Services || Shuttle vans for a 2-day trade mission.
Hanbit Cloud Inc. || Chauffeured cars for a delegation from Seoul.
@@ Able Access Transportation LLC
NYC Department for the Aging || Wheelchair-accessible rides for seniors to day programs.
Medicaid transportation broker || Ambulette trips to medical appointments, 12,000 a year.
@@ Crisp Linen & Uniform Service Inc.
Harlow Hotel Group || Linen rental and laundering for a 90-room hotel.
NYC Health + Hospitals || Scrubs laundering for 2 hospitals.
Golden Wok Restaurant Group || Chef coats and apron rental for 6 restaurants.
@@ Crown & Cap Accessories LLC
NYC Department of Sanitation || Embroidered caps and winter hats for 3,000 workers.
NYC Parks || Sun hats for summer staff.
@@ Northlight Studios Inc.
Private e-commerce brand || Product photography for 1,200 catalog items.
K-Wave Marketing Lab Inc. || Photography of Korean cosmetics for Amazon listings.
@@ Lumière Photo + Film LLC
NYC Department of Cultural Affairs || Event photography for 20 public programs.
Private architect || Architectural photography of 6 completed buildings.
NYC Department of Small Business Services || Headshots of 150 small business owners.
@@ Brooklyn Beat Media LLC
NYC Department of Small Business Services || Podcast series profiling 12 Brooklyn small businesses.
NYC Department of Cultural Affairs || Livestreamed concert series.
@@ Spotline Media Buying LLC
NYC Department of Health & Mental Hygiene || Placed ads in 120 community and ethnic newspapers for a vaccination campaign.
NYC Census Outreach Office || Radio and digital media buy in 14 languages.
@@ Maison Élise Interiors LLC
Ardent Capital Partners || Interior design and FF&E for a 22,000 sq ft office.
Harlow Hotel Group || Lobby and guest room interior design refresh.
Private client || Interior design for a Tribeca loft.
@@ Seoyeon Interior Design Studio LLC
Ginger Tea House LLC || Interior design and 3D renderings for a café in Flushing.
Hanbit Cloud Inc. || Office interior design concept for a Manhattan branch office.
Private client || Beauty salon interior design in Fort Lee.
@@ Little Scholars Montessori Inc.
NYC Department of Education || Pre-K for All program for 36 children.
NYC Department of Education || 3-K program for 18 children.
@@ Chess in the Boroughs LLC
NYC Department of Education || After-school chess classes at 15 elementary schools.
New York Public Library || Chess tournaments at 6 branches.
@@ Kitchen Classroom Culinary Education LLC
NYC Department of Education || Cooking and nutrition classes at 10 schools.
NYC Department for the Aging || Healthy cooking demos at 12 senior centers.
Brooklyn Public Library || Family cooking workshops.
@@ Swim Safe NYC Inc.
NYC Department of Education || Learn-to-swim program for 400 second graders.
NYC Parks || Water safety classes at 4 pools.
@@ TestPrep Champions Inc.
NYC Department of Education || SHSAT preparation for 150 students in 6 middle schools.
NYC Department of Citywide Administrative Services || Civil service exam prep workshops.
@@ Next Step Tutoring LLC
Westchester school district || Math tutoring for 80 students.
Private client || GED preparation classes for adults.
@@ Hakwon Academy Services LLC
NYC Department of Education || SHSAT tutoring for 60 students in District 25.
Queens Korean Senior Center || After-school academic support for 40 children.
Private client || College admissions counseling for 25 students.
@@ Playground Coaches NYC Inc.
NYC Department of Education || Recess coaching at 18 elementary schools.
NYC Department of Youth & Community Development || Youth sports clinics for 500 children.
@@ Metro Technical Institute Inc.
NYC Department of Youth & Community Development || HVAC and building maintenance training for 80 young adults.
NYCHA || EPA 608 certification training for 40 maintenance workers.
@@ Trade Up Construction Training Center LLC
NYC Department of Buildings || 40-hour SST courses for 1,200 construction workers.
NYC School Construction Authority || OSHA 30 and scaffold training for contractor employees.
Private contractor || Flagger and fire guard certification classes.
@@ Cyber Academy Partners Inc.
Private bank || Security awareness training for 2,000 employees.
NYC Department of Youth & Community Development || Security+ bootcamp for 60 career changers.
@@ Safety First Training & Consulting LLC
NYC School Construction Authority || OSHA 10/30 classes for 200 workers.
Private contractor || CPR/First Aid and fire guard F-01 classes.
@@ Strong Core Fitness Studio LLC
Private employer || Onsite yoga and stretching classes for 150 employees, weekly.
NYC Department of Education || Staff wellness classes at 5 schools.
@@ Exhibit Forge Design LLC
NYC Economic Development Corporation || Designed and built a 40-ft trade show booth for an international expo.
Brooklyn Historical Center || Museum exhibit design and fabrication.
K-Wave Marketing Lab Inc. || Pop-up store installation for a Korean cosmetics brand in SoHo.
@@ Party Plus Supplies Inc.
NYC Department of Youth & Community Development || Table and tent rentals and decorations for 20 community events.
Private client || Balloon décor for a company anniversary party.
@@ Game On Event Rentals LLC
NYC Department of Education || Field day inflatables and games for 30 schools.
Private employer || Family day picnic with bounce houses and carnival games for 800 guests.
NYC Parks || Summer movie night and family events in 10 parks.
@@ Concierge NYC Services LLC
Hanbit Cloud Inc. || Relocation support for 12 employees arriving from Seoul: apartments, banking, schools.
Private client || Corporate concierge services for a 400-person office.
@@ Seoul Nights Entertainment Inc.
Korean Cultural Festival Committee || Produced a 2-day K-pop and Korean food festival for 15,000 visitors.
Private brand || Brand activation with K-pop performers in Times Square.
@@ Citylights Live Productions LLC
NYC Parks || Summer concert series in 6 parks.
Uptown Arts Circle || Festival production and artist booking.
NYC Department of Cultural Affairs || Stage management for a public holiday event.
@@ Precision Equipment Repair LLC
NYC Department of Education || Repair of commercial kitchen equipment at 40 school cafeterias.
NYC Health + Hospitals || Laundry machine and pump repairs.
@@ District Energy Services Corp.
CUNY || Operation and maintenance of a campus steam and chilled-water plant.
Private hospital || Boiler plant operations staffing.
@@ Ascend Elevator Services Inc.
NYCHA || Elevator maintenance for 24 cars in the Bronx.
Private owner || Modernization of 2 passenger elevators in a 12-story building.
Bronx Co-op Corp. || Category 1 and Category 5 testing.
@@ Guardian Fire Sprinkler Corp.
NYC School Construction Authority || Sprinkler system installation for a school addition.
Private owner || Standpipe hydrostatic test and 5-year inspection for 14 buildings.
Maple Leaf Hospitality Group || Sprinkler modifications for a restaurant fit-out.
@@ Woodhaven Millwork & Carpentry Inc.
Ardent Capital Partners || Installed reception desk, wall paneling and pantry millwork for an office fit-out.
NYC Department of Education || Doors, frames and hardware for 60 classrooms.
@@ Tamarind Carpentry LLC
Brooklyn Public Library || Built and installed bookshelves and a children's reading nook.
Private client || Custom retail display fixtures for a boutique.
@@ Clearline Specialties LLC
NYC School Construction Authority || Toilet partitions and lockers for a school addition.
Kingsway Office Partners || Signage, corner guards and window film for an office fit-out.
@@ Eastline Window Film & Shades Inc.
DCAS || Safety window film on 900 windows at 6 agency buildings.
Private client || Motorized shades for a 10-floor office.
NYC Department of Education || Solar film and blinds for 40 classrooms.
@@ Insulpro Contracting LLC
Private homeowner || Spray foam insulation for a Stamford home energy retrofit.
Connecticut Housing Finance Authority || Insulation upgrades for 60 low-income homes.
@@ Floorworks NYC Corp.
Kingsway Office Partners || Installed 30,000 sq ft of carpet tile and LVT in an office fit-out.
NYC Health + Hospitals || Installed seamless epoxy flooring in two operating rooms.
NYC Department of Education || Replaced VCT flooring in 40 classrooms.
@@ Parquet & Co. Flooring Inc.
Private client || Refinished 3,000 sq ft of oak floors in a brownstone.
NYC Department of Education || Gym floor sanding and refinishing at 6 schools.
@@ Mosaic Tile & Stone LLC
CUNY || Ceramic tile replacement in 18 restrooms across two campuses.
Private homeowner || Bathroom tile and shower installation.
@@ Metro Partition Systems Corp.
NYCHA || Drywall and taping for apartment renovations at a 200-unit development.
NYC School Construction Authority || Metal stud framing and acoustical ceilings for a school addition.
@@ Precision Interior Systems Corp.
NYC Health + Hospitals || Acoustical ceilings and wall protection for 3 clinic floors.
Ardent Capital Partners || Demountable glass partitions for a 22,000 sq ft office.
@@ Ondol Mechanical Inc.
Ginger Tea House LLC || Kitchen exhaust and VRF system for a café in Flushing.
Hanbit Cloud Inc. || HVAC design-build for a 15,000 sq ft office in Manhattan.
Private client || Mitsubishi VRF installation for a medical office in Fort Lee.
@@ Haetsal Solar Energy Inc.
Private warehouse owner || 1.2 MW rooftop solar installation in Secaucus.
Private client || Solar PV and battery storage for a logistics center in Edison.
@@ Sunbridge Solar Power LLC
NYCHA || Community solar subscription program for 400 residents.
NYC Department of Citywide Administrative Services || Rooftop solar on 3 municipal buildings.
Queens Church || 120 kW rooftop solar array under a power purchase agreement.
@@ Amperia Power Systems LLC
Private hospital || Emergency generator replacement and load bank testing.
Westchester County || Solar PV installation on 2 county buildings.
@@ Veritas Background Screening Inc.
Private employer || Background checks for 2,000 new hires a year.
NYC Department of Youth & Community Development || Fingerprinting and background check coordination for youth program staff.
@@ Apex Medical Staffing LLC
NYC Health + Hospitals || Travel nurses and medical assistants for 3 hospital units.
Long Island nursing home || Per diem CNAs and LPNs.
@@ TechForce Staffing Solutions Inc.
NYC Department of Information Technology & Telecommunications || 14 contract developers and business analysts.
Private bank || Help desk technicians for a 12-month project.
@@ Ganada Language School LLC
Hanbit Cloud Inc. || Business English course for 20 Korean expatriate employees.
Private client || Business Korean classes for 30 US employees of a Korean firm.
@@ Lingua Viva Language Center Inc.
Queens Public Library || English-as-a-second-language classes for 240 adult learners.
Private employer || Workplace English program for 50 warehouse workers.
@@ Clearpath Compliance & Licensing LLC
Private restaurant group || Licenses and permits for 5 new restaurant locations.
Private contractor || Home improvement contractor license and insurance filings.
@@ Expedite Pro Permits LLC
Private developer || DOB filings and sign-offs for 12 alteration projects.
Maple Leaf Hospitality Group || Place of assembly permit and certificate of occupancy for a restaurant.
@@ Beacon Code Consultants LLC
NYCHA || ADA accessibility surveys of 20 community centers.
Private owner || Resolution of 45 DOB/ECB violations.
@@ Archon Safety Consultants Inc.
NYC School Construction Authority || Site Safety Managers for 3 major school projects.
Private developer || Crane safety monitoring for a 20-story building.
@@ Inspection Partners for Licensing Inc.
NYS Department of State || Third-party inspections of licensed businesses.
Town of Huntington || Code compliance inspections.
@@ Catalyst Bridge Consulting LLC
NYC Department of Small Business Services || Program evaluation of a small-business technical assistance initiative.
NYC Mayor's Office of Operations || Process improvement for permit intake; reduced processing time by 30%.
NYC Department of Education || Strategic planning facilitation for 20 district superintendents.
@@ Rivera Project Management Group Inc.
NYC Department of Design and Construction || Owner's representative for a $40M library construction project.
NYCHA || Primavera P6 scheduling for a capital program of 30 projects.
Private developer || Claims analysis for a delayed school construction project.
@@ Northgate Advisory Group LLC
Private hospital || Revenue cycle improvement for outpatient clinics.
Westchester County || Operations review of a human services department.
@@ Sapphire Grant Writing & Consulting LLC
Private nonprofit || Wrote a federal grant application awarded $2.5 million.
Bronx Community Church || Capital campaign and foundation grants.
NYC Department of Youth & Community Development || Proposal writing workshops for 40 nonprofits.
@@ Tanaka Okoye Partners LLC
NYC Department of Citywide Administrative Services || Spend analysis and sourcing strategy for 12 commodity categories.
Private client || Supplier diversity program design for a hospital system.
@@ Waypoint Logistics Consulting LLC
Private distributor || Warehouse layout redesign, 20% throughput gain.
NJ Transit || Fleet electrification feasibility study.
@@ Harbor Lane Strategy Group LLC
Private restaurant group || Kitchen workflow and menu costing for 4 restaurants.
Seoul Garden Foods USA Inc. || Opening support and licensing for a food hall.
@@ Parity Procurement Advisors LLC
NYC Department of Small Business Services || Bid preparation workshops for 200 M/WBE firms.
Private client || PASSPort registration and proposal writing for a construction firm.
@@ Lumen Energy Analytics LLC
Private owner || Local Law 97 emissions calculations for 40 buildings.
NYC Department of Citywide Administrative Services || Retro-commissioning of 5 city office buildings.
@@ Sidewalk Science LLC
NYC Department of Transportation || Curb-use study of 50 blocks in Midtown.
Hudson Square Business Improvement District || Pedestrian count analysis from 18 sensors.
@@ Civic Equity Research Institute LLC
NYC Department of Housing Preservation and Development || Evaluation of a tenant anti-harassment program.
Private foundation || Workforce development policy research report.
@@ Insight Loop Research Inc.
NYC Department of Health & Mental Hygiene || Community health survey of 2,000 residents in Chinese, Korean and Bengali.
Queens Borough President's Office || Community needs assessment in Flushing and Elmhurst.
@@ Pulse Research Associates LLC
NYC Department of Transportation || Intercept surveys of 3,000 bus riders in English and Spanish.
Private health system || Patient satisfaction study.
@@ Asterisk Consulting Services Corp.
NYC Department of Finance || Data entry of 80,000 exemption applications.
Private client || Proofreading and formatting of 40 technical reports.
@@ Oro Verde Sustainability LLC
Private client || Greenhouse gas inventory and ESG report for a real estate company.
Village of Mamaroneck || Zero-waste plan for municipal buildings.
@@ Allied Office Support Services LLC
NYC Human Resources Administration || Reception and mailroom staffing at 2 offices.
Private client || Scanning and digitization of 400 boxes of records.
@@ Civic Works Administration Services LLC
NYC Department of Citywide Administrative Services || Public hearing transcription and notices administration.
Village of Hempstead || Records management program.
@@ Saenal Strategy Partners LLC
Saebyeol Precision America Inc. || US market-entry study and vendor sourcing plan for a Korean auto-parts supplier.
Hanbit Cloud Inc. || Site selection and M/WBE supplier sourcing for a new Manhattan office.
Gaon Freight Lines Inc. || Local hiring plan for a New Jersey warehouse.
@@ Hanbridge Talent Partners Inc.
Hanbit Cloud Inc. || Recruited a 12-person bilingual (Korean/English) sales and support team.
Saebyeol Precision America Inc. || Executive search for a US plant controller.
@@ Onboard USA HR Partners LLC
Hanbit Cloud Inc. || US employee handbook, onboarding process and benefits broker selection.
Gaon Freight Lines Inc. || PEO selection and payroll setup for 40 US employees.
@@ Commons Café Management LLC
Private office building || Employee café and coffee bar for 900 employees.
Private university || Residential dining hall operation.
@@ Hanmaeul Food Service Group Inc.
Saebyeol Precision America Inc. || Employee cafeteria for a 250-worker factory in New Jersey.
Private school || Daily lunch program for 300 students.
"""

# Longer "about us" texts: appended to the profile description as extra paragraphs.
EXTRA_DESC = {
    "Keystone Ridge Builders LLC": """Our story began in 2009, when our founder left a large construction management firm to start a company that would give Brooklyn tradespeople a path to running their own jobs. Today we employ 34 full-time staff, including 6 project managers and 9 superintendents, and we have delivered more than 150 public and private projects.

What sets us apart is planning. Every project starts with a constructability review, a logistics plan and a 3-week look-ahead schedule that we share with the owner every Monday. We use Procore for RFIs, submittals and daily reports, so clients can see the job at any time.

We are proud to be a mentor company for newer M/WBE subcontractors, and we subcontract at least 30% of our work to certified firms.""",
    "Sentinel Cyber Defense LLC": """Founded by two former incident responders, Sentinel has protected hospitals, credit unions, law firms and public agencies since 2015. We believe security should be practical: we prioritize the fixes that reduce real risk and we explain findings in plain language to executives and boards.

Services in detail:
- Penetration testing of web applications, APIs, cloud (AWS, Azure, GCP) and internal networks
- Managed detection and response with 24/7 analysts in New York
- Vulnerability management programs and patch reporting
- Incident response retainers with a 2-hour response commitment
- Policy writing and compliance readiness: NIST CSF, SOC 2, HIPAA, NYDFS Part 500, CJIS
- Tabletop exercises and phishing simulations

All testers hold OSCP or equivalent certifications and pass background checks for work in government facilities.""",
    "Bapsang Catering Co. LLC": """밥상 (bapsang) means a table set for a shared meal, and that is what we bring to every event. Our chef trained in Seoul and in New York restaurant kitchens, and our menus mix traditional Korean home cooking with dishes that work for American and international guests.

Popular menus: bulgogi and galbi platters, japchae, kimbap, seasonal banchan, vegetarian bibimbap bowls, Korean fried chicken, and fusion canapés for receptions. We can label every dish for allergens and offer halal, vegan and gluten-free options.

We cater office lunches for 10 to 500 people, grand openings, seminars, holiday parties and film shoots, with servers, chafing dishes and eco-friendly disposables. Our kitchen in Flushing is NYC DOHMH inspected (Grade A).""",
    "Ardmore Construction Group Inc.": """Over the past ten years we have completed work for the School Construction Authority, DDC, NYCHA, H+H and CUNY, as well as nonprofit owners. Typical contract values range from $500,000 to $12 million. We self-perform general conditions, carpentry, doors and hardware, and drywall, and we have long-standing relationships with certified MEP subcontractors.

Safety record: EMR 0.78, zero lost-time incidents in the last three years. Our full-time safety director holds an SSM license and trains every worker in site-specific hazards before they start.""",
    "UrbanSense Systems LLC": """Typical deployments:

1) Air quality (PM2.5, NO2, O3) and noise monitoring for streets, parks and construction sites
2) Flood and sewer-level sensing with real-time alerts
3) Pedestrian and vehicle counting with privacy-preserving computer vision
4) Smart building energy: submeters, occupancy sensors, BMS integration

We handle the full lifecycle: site surveys, DOT and Parks permits, installation (with our licensed electrical partner), network setup, data platform, maintenance and removal. Data is delivered through an open REST API and dashboards, and we publish open data when the client allows it. Our team includes hardware engineers, data scientists and field technicians who are OSHA 10 certified.""",
    "Spotless City Cleaning Services LLC": """We started as a two-person crew cleaning storefronts on Fulton Street in 2008. Today we have 120 employees, 11 supervisors and contracts with city agencies, hospitals, schools, charter networks and Class A office buildings.

Every new cleaner completes 16 hours of training in chemical safety, bloodborne pathogens, floor care and customer service. Supervisors inspect every site nightly and share results with the client. We carry $5 million in general liability and hold a NYC business integrity certificate for our trade waste handling.""",
    "Grand Occasions Event Planning LLC": """We have produced more than 400 events in the last decade, from 30-person ribbon cuttings to 5,000-person outdoor festivals. We manage permits (SAPO, NYPD, FDNY), vendor contracts, run-of-show, accessibility, and volunteer staffing, and we always work with M/WBE vendors first. Our planners speak English, Spanish, French and Korean.""",
    "Atelier Noor Architecture PLLC": """Founded in 2012, the studio has 14 staff including 6 licensed architects and 3 Certified Passive House Designers. Selected projects: a 650-seat primary school addition in Queens, the renovation of a 1905 Carnegie library in Brooklyn, two affordable senior housing buildings in the Bronx, and community centers for NYCHA.

We are pre-qualified design consultants with the SCA and DDC and have on-call contracts with NYC Parks.""",
}

# Hand-typed vendor master: (vendor_name, sample firm it refers to or None,
# phone style, zip style, website?)  phone style: raw / paren / dash / "" ;
# zip style: zip5 (leading zero restored) / raw / "".
VENDOR_SPECS = [
    ("KEYSTONE RIDGE BUILDERS", "Keystone Ridge Builders LLC", "raw", "zip5", False),
    ("Ardmore Construction Group", "Ardmore Construction Group Inc.", "", "zip5", True),
    ("Peña and Sons Plumbing", "Peña & Sons Plumbing Corp.", "paren", "", False),
    ("Pena & Sons Plumbing Corp", "Peña & Sons Plumbing Corp.", "", "zip5", False),
    ("Spotless City", "Spotless City Cleaning Services LLC", "dash", "zip5", False),
    ("Sparkel Pro Cleaning LLC", "Sparkle Pro Cleaning LLC", "", "zip5", False),
    ("The Brownstone Revival", "Brownstone Revival LLC", "", "zip5", True),
    ("UrbanSense IoT", "UrbanSense Systems LLC", "paren", "", True),
    ("Bridge Lingua Translation Services", "Bridge Lingua Translation Services LLC", "paren", "zip5", False),
    ("HANMAUM INTERPRETING LLC", "Hanmaum Interpreting LLC", "raw", "zip5", False),
    ("Cafe Lumiere Catering", "Café Lumière Catering LLC", "dash", "", False),
    ("Bapsang Catering Company LLC", "Bapsang Catering Co. LLC", "", "zip5", False),
    ("Careful Hands Moving and Storage", "Careful Hands Moving & Storage Corp.", "", "zip5", False),
    ("Shieldline Security Svcs Inc", "Shieldline Security Services Inc.", "raw", "", False),
    ("Trellis IT Group", "Trellis IT Group Corp.", "", "", True),
    ("Sentinal Cyber Defense", "Sentinel Cyber Defense LLC", "dash", "", False),
    ("K-Tech Electric & Low-Voltage", "K-Tech Electric & Low Voltage Inc.", "", "zip5", False),
    ("Polar Breeze Mechanical Corporation", "Polar Breeze Mechanical Corp.", "raw", "zip5", False),
    ("Metro Office Supply", "Metro Office Supply Inc.", "dash", "zip5", False),
    ("Lanyard and Co", "Lanyard & Co. Promotional Products LLC", "", "", True),
    ("Press Forward", "Press Forward Printing Inc.", "", "zip5", False),
    ("Park Yoon & Associates CPA", "Park, Yoon & Associates CPA P.C.", "paren", "zip5", False),
    ("Okafor & Reyes", "Okafor & Reyes LLP", "", "", False),
    ("Sejong Digital Solutions, Inc.", "Sejong Digital Solutions Inc.", "raw", "zip5", True),
    ("grand occasions events", "Grand Occasions Event Planning LLC", "", "", False),
    ("Fix It Right Handyman Services", "“Fix It Right” Handyman Services Corp.", "dash", "", False),
    ("Maison Elise Interiors", "Maison Élise Interiors LLC", "", "zip5", False),
    ("Stagecraft A.V. Rentals", "Stagecraft AV Rentals Inc.", "paren", "", False),
    ("Voltline Electric", "Voltline Electric Corp.", "raw", "zip5", False),
    ("Hanbyeol Office Products", "Hanbyeol Office Products Inc.", "", "zip5", False),
    # not certified / not in the sample
    ("Gotham Office Cleaning Co.", None, "(212) 555-0143", "10016", ""),
    ("Empire State Catering Group LLC", None, "718-555-0178", "11220", "http://www.empirestatecateringgroup.com"),
    ("Tri-County HVAC Services LLC", None, "9145550112", "10701", ""),
    ("Bluefin Software Labs Inc.", None, "", "07030", "https://bluefinsoftwarelabs.io"),
    ("", None, "2015550190", "07024", ""),
]

# ---------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------
def parse_pools():
    pools, cur = {}, None
    for line in POOLS.splitlines():
        line = line.rstrip()
        if not line:
            continue
        if line.startswith("## "):
            key, lo, hi = line[3:].split()
            pools[key] = (int(lo), int(hi), [])
            cur = key
        else:
            client, desc = (x.strip() for x in line.split("||"))
            pools[cur][2].append((client, desc.replace("¶", "\n")))
    return pools


def parse_hints(text):
    out = {}
    matches = list(re.finditer(r"(?:^|\s)(" + "|".join(HINT_KEYS) + r")=", text))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out[m.group(1)] = text[m.end():end].strip()
    return out


def parse_profiles():
    text = "\n".join([PROFILES_CONSTRUCTION, PROFILES_PROFESSIONAL, PROFILES_SERVICES, PROFILES_OTHER])
    extra, cur = {}, None
    for line in EXTRA_JOBS.splitlines():
        if line.startswith("@@ "):
            cur = line[3:].strip()
            extra[cur] = []
        elif line.strip():
            client, desc = (x.strip() for x in line.split("||"))
            extra[cur].append((client, desc.replace("¶", "\n")))
    profiles = []
    for block in re.split(r"^%% ", text, flags=re.M)[1:]:
        lines = block.split("\n")
        parts = [p.strip() for p in lines[0].split("|")]
        code, name, dba, pool = parts[:4]
        hints = parse_hints(parts[4] if len(parts) > 4 else "")
        body, jobs = [], []
        for line in lines[1:]:
            if line.startswith("> "):
                client, desc = (x.strip() for x in line[2:].split("||"))
                jobs.append((client, desc.replace("¶", "\n")))
            else:
                body.append(line.rstrip())
        if not jobs and name in extra:
            jobs = extra[name]
        if not dba and name in DBA_EXTRA:
            dba = DBA_EXTRA[name]
        if dba == "=":
            dba = name
        assert code in NAICS, (code, name)
        profiles.append({"code": code, "name": name, "dba": dba, "pool": pool, "hints": hints,
                         "desc": "\n".join(body).strip("\n") + ("\n\n" + EXTRA_DESC[name] if name in EXTRA_DESC else ""),
                         "jobs": jobs})
    names = [p["name"] for p in profiles]
    assert len(names) == len(set(names)), "duplicate firm names"
    unknown = set(extra) - set(names)
    assert not unknown, unknown
    return profiles


def month_end(year, month):
    if month == 12:
        return 31
    import datetime
    return (datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)).day


def fmt_date(y, m, d, short):
    return f"{m}/{d}/{y}" if short else f"{m:02d}/{d:02d}/{y}"


def renewal_dates(rng, certs):
    y = rng.choices([2024, 2025, 2026, 2027, 2028, 2029, 2030], [6, 10, 14, 20, 19, 17, 14])[0]
    m = rng.randint(1, 12)
    if len(certs) == 1:
        return fmt_date(y, m, month_end(y, m), rng.random() < 0.77)
    out = []
    for c in certs:
        yy, mm = y, m
        if c == "LBE" and rng.random() < 0.5:   # LBE renews on its own cycle
            yy, mm = rng.choice([2026, 2027, 2028]), rng.randint(1, 12)
        out.append(fmt_date(yy, mm, month_end(yy, mm), False))
    return ";".join(out)


def money(v, rng):
    if v <= 0:
        return "$0"
    r = rng.random()
    if v >= 100000:
        v = round(v / 5000) * 5000 if r < 0.6 else (round(v / 1000) * 1000 if r < 0.9 else int(v))
    elif v >= 10000:
        if r < 0.08:
            return "${:,.2f}".format(v)
        v = round(v / 500) * 500 if r < 0.55 else (round(v / 100) * 100 if r < 0.85 else int(v))
    elif v >= 1000:
        if r < 0.12:
            return "${:,.2f}".format(v)
        v = round(v / 50) * 50 if r < 0.6 else int(v)
    else:
        if r < 0.1:
            return "${:,.2f}".format(v)
        v = round(v / 25) * 25 if r < 0.6 else int(v)
    return "${:,}".format(int(v))


def strip_accents(s):
    import unicodedata
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def website_for(name, rng):
    base = re.sub(r"(?i)(,?\s+(llc|l\.l\.c\.|inc\.?|corp\.?|corporation|pllc|p\.c\.|co\.|ltd\.?|llp|lcsw pllc|lmhc pllc))+$", "", name)
    words = re.findall(r"[a-z0-9]+", strip_accents(base).lower().replace("&", " and "))
    words = [w for w in words if w not in ("the", "and", "of")]
    slug = "".join(words)
    if len(slug) > 22:
        slug = "".join(words[:2])
    if rng.random() < 0.1 and len(words) >= 3:
        slug = "".join(w[0] for w in words) + words[-1]
    tld = rng.choices([".com", ".net", ".nyc", ".us", ".co"], [80, 7, 5, 3, 5])[0]
    if rng.random() < 0.03:
        slug = "".join(w.capitalize() for w in words[:3])
    fmt = rng.choices(["http://www.{}", "http://{}", "https://www.{}", "https://{}", "https://www.{}/", "https://{}/"],
                      [48, 16, 12, 10, 7, 7])[0]
    return fmt.format(slug + tld)


def phone_for(rng, areas):
    return rng.choice(areas) + str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(6))


def unit_line(rng):
    k = rng.random()
    if k < 0.3:
        return rng.choice(["2nd Floor", "3rd Floor", "1st Floor", "4th Floor", "5th Floor", "2nd Fl", "Floor 3", "2nd floor"])
    if k < 0.6:
        return "Suite " + str(rng.choice([1, 2, 3, 5, 100, 101, 200, 202, 204, 207, 300, 301, 305, 400, 410, 500, 503, 601, 700, 1010, 1200, 1505]))
    if k < 0.72:
        return "Ste " + str(rng.randint(1, 12)) + rng.choice("ABCDEF")
    if k < 0.84:
        return "#" + str(rng.randint(1, 9)) + rng.choice("ABCDEFG")
    if k < 0.93:
        return "Unit " + str(rng.randint(1, 40))
    return rng.choice(["Apt ", "Room "]) + str(rng.randint(1, 20)) + rng.choice(["A", "B", "C", "F", ""])


def house_number(rng, borough):
    if borough == "QUEENS" and rng.random() < 0.6:
        return f"{rng.randint(11, 220)}-{rng.randint(1, 70):02d}"
    return str(rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(100, 999), rng.randint(1000, 2999)]))


def person(rng, eth, female, korean):
    key = "KOREAN" if korean else eth
    first = rng.choice((FIRST_F if female else FIRST_M)[key])
    last = rng.choice(LAST[key])
    if rng.random() < 0.03:
        first = first.upper()
    return first, last


def split_paragraphs(desc, rng):
    bounds = [m.end() for m in re.finditer(r"[.!?] (?=[A-Z“])", desc)]
    if not bounds:
        return desc
    cut = rng.choice(bounds)
    sep = "\n\n" if rng.random() < 0.6 else "\n"
    out = desc[:cut - 1] + sep + desc[cut:]
    if len(bounds) >= 3 and rng.random() < 0.3:
        later = [b for b in bounds if b > cut + 20]
        if later:
            c2 = later[0] + len(sep) - 1
            out = out[:c2 - 1] + sep + out[c2:]
    return out


def build_rows():
    master = random.Random(SEED)
    pools = parse_pools()
    profiles = parse_profiles()
    n = len(profiles)
    accounts = master.sample(range(100000, 400000), n)

    handwritten_multi = sum(1 for p in profiles if "\n" in p["desc"])
    eligible = [i for i, p in enumerate(profiles)
                if "\n" not in p["desc"] and re.search(r"[.!?] [A-Z“]", p["desc"])]
    n_split = max(0, round(0.15 * n) - handwritten_multi)
    to_split = set(master.sample(eligible, min(n_split, len(eligible))))
    # ~18% of firms have no renewal date: mostly WBE-only firms, as in the export
    wbe_only = [i for i, p in enumerate(profiles) if p["hints"].get("c") == "WBE"]
    others = [i for i, p in enumerate(profiles) if p["hints"].get("c") != "WBE"]
    no_renewal = set(master.sample(wbe_only, round(0.7 * len(wbe_only))))
    no_renewal |= set(master.sample(others, max(0, round(0.18 * n) - len(no_renewal))))

    rows = []
    for i, p in enumerate(profiles):
        rng = random.Random(f"{SEED}:{p['name']}")   # per-firm stream: editing one profile leaves the others alone
        h = p["hints"]
        korean = h.get("kr") == "1"
        eth = h.get("e", rng.choice(["BLACK", "ASIAN", "HISPANIC"])).replace("_", " ")
        cert = h.get("c", "MBE")
        certs = cert.split(",")
        female = ("WBE" in certs) or rng.random() < 0.3
        first, last = person(rng, eth, female, korean)
        first, last = h.get("fn", first), h.get("ln", last)
        code = p["code"]
        sector = SECTORS[code[:2]]
        group, title = NAICS[code]
        is_con = code.startswith("23")

        # --- certification renewal ---
        renewal = "" if i in no_renewal else renewal_dates(rng, certs)

        # --- location ---
        loc = h.get("loc", "NY")
        geocoded = False
        if loc in ("MANHATTAN", "BROOKLYN", "QUEENS", "BRONX", "SI", "NYCX"):
            if loc == "NYCX":
                boro = rng.choice(["BROOKLYN", "BROOKLYN", "MANHATTAN", "MANHATTAN", "QUEENS", "BRONX"])
            else:
                boro = "STATEN IS" if loc == "SI" else loc
                geocoded = True
            if "nb" in h:
                nb = h["nb"]
            elif korean and any(NEIGHBORHOODS[k][0] == boro for k in KOREAN_NBS):
                nb = rng.choice([k for k in KOREAN_NBS if NEIGHBORHOODS[k][0] == boro])
            else:
                nb = rng.choice(BOROUGH_NBS[boro])
            nbd = NEIGHBORHOODS[nb]
            city, state, zip5 = nbd[1], "NY", rng.choice(nbd[2])
            street = rng.choice(nbd[8])
            areas = NYC_AREA[boro]
            addr1 = f"{house_number(rng, boro)} {street}"
        else:
            region = "NJK" if (loc == "NJ" and korean) else loc
            city, state, zip5, areas, streets = rng.choice(OUTSIDE[region])
            boro, nbd = "", None
            addr1 = f"{house_number(rng, '')} {rng.choice(streets)}"
        addr2 = unit_line(rng) if rng.random() < 0.4 else ""
        postcode = str(int(zip5))          # NJ/CT/MA ZIPs lose their leading zero
        city_out = city.upper() if rng.random() < 0.04 else city
        r = rng.random()
        if r < 0.03:
            m1, m2 = rng.choice(["PO Box ", "PO BOX ", "P.O. Box ", "P O Box "]) + str(rng.randint(100, 99999)), ""
            mzip, mcity = zip5, city
        elif r < 0.15:
            m1, m2 = f"{rng.randint(1, 999)} {rng.choice(['Main Street', 'Park Avenue', 'Oak Street', 'Broadway', 'Maple Avenue', 'Church Avenue'])}", (unit_line(rng) if rng.random() < 0.5 else "")
            if nbd is not None:
                mzip, mcity = rng.choice(nbd[2]), city
            else:
                mzip, mcity = zip5, city
        else:
            m1, m2, mzip, mcity = addr1, addr2, zip5, city
        if rng.random() < 0.03:
            mcity = mcity.lower().capitalize()
        mail_state = STATE_NAMES[state]

        phone = phone_for(rng, areas)
        style = ODD_PHONES.get(p["name"])
        if style == "space":
            phone = phone[:3] + " " + phone[3:]
        elif style == "dot":
            phone = f"{phone[:3]}.{phone[3:6]}.{phone[6:]}"

        website = website_for(p["name"], rng) if rng.random() < 0.70 else ""

        # --- establishment date ---
        year = None
        m = re.search(r"(?:[Ss]ince|[Ff]ounded in|[Ee]stablished in) (\d{4})", p["desc"])
        if m:
            year = int(m.group(1))
        m2_ = re.search(r"(\d+) years in business", p["desc"])
        if m2_:
            year = 2025 - int(m2_.group(1))
        if year is None:
            if rng.random() < 0.06:
                est = ""
            else:
                year = rng.choices(range(1978, 2025), [1 if y < 2000 else (3 if y < 2010 else 4) for y in range(1978, 2025)])[0]
        if year is not None:
            mo = rng.randint(1, 12)
            est = f"{mo:02d}/{rng.randint(1, month_end(year, mo)):02d}/{year}"

        # --- bonding / union / construction types / capacity ---
        if h.get("bond") == "1":
            bonding = rng.choice(BONDING_LIMITS) if rng.random() < 0.95 else ""
        elif is_con:
            bonding = rng.choice(BONDING_LIMITS[:8]) if rng.random() < 0.12 else ""
        else:
            bonding = rng.choice(BONDING_LIMITS[:6]) if rng.random() < (0.08 if p["pool"] in ("abate", "clean", "enviro", "security", "landscape") else 0.01) else ""
        union = h.get("union", "")[:100]       # the export truncates this field at 100 characters
        types = h.get("types", "")
        if not types and is_con and rng.random() < 0.15:
            picks = rng.sample(CONSTRUCTION_TYPES[:6], rng.randint(1, 3))
            types = "; ".join(t for t in CONSTRUCTION_TYPES if t in picks)
        cap = h.get("cap", "")
        if not cap and rng.random() < 0.04:
            cap = "; ".join(rng.sample(CAPACITY_PROGRAMS, rng.choice([1, 1, 1, 2])))

        classes = NIGP_CLASSES.get(p["pool"], NIGP_CLASSES["misc"])
        k = rng.choices([1, 2, 3, 4, 5, 6, 8], [30, 22, 18, 12, 8, 6, 4])[0]
        nigp = []
        for _ in range(k):
            c = rng.choice(classes) + rng.choice(["00", "03", "07", "12", "15", "21", "24", "29", "33", "38", "41", "45", "52", "56", "60", "66", "73", "77", "82", "88", "95"])
            if c not in nigp:
                nigp.append(c)
        nigp_s = " | ".join(nigp)

        # --- job experience ---
        r = rng.random()
        n_jobs = 0 if r < 0.045 else (1 if r < 0.20 else (2 if r < 0.29 else 3))
        for nm, blk in NAME_ERROR_JOBS:
            if nm == p["name"]:
                n_jobs = max(n_jobs, blk)
        lo, hi, entries = pools.get(p["pool"], pools["misc"])
        if p["jobs"]:
            chosen = p["jobs"][:n_jobs] if n_jobs else []
        else:
            chosen = rng.sample(entries, min(n_jobs, len(entries)))
        import math
        values = sorted((math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * rng.random() ** 1.6) for _ in chosen), reverse=True)
        jobs = []
        for (client, jd), v in zip(chosen, values):
            val = "$0" if rng.random() < 0.01 else money(v, rng)
            rr = rng.random()
            pct = "100" if rr < 0.74 else ("" if rr < 0.77 else str(rng.choice([0, 20, 30, 40, 50, 60, 65, 75, 80, 90])))
            yy = rng.randint(2016, 2025)
            mm = rng.randint(1, 10 if yy == 2025 else 12)
            rr = rng.random()
            dd = 1 if rr < 0.3 else rng.randint(1, month_end(yy, mm))
            if rr < 0.08:
                mm = 1
            if rng.random() < 0.04:
                jd = jd + "\n" + rng.choice(JOB_FOLLOWUPS)
            jobs.append([client, val, pct, f"{mm:02d}/{dd:02d}/{yy}", jd])
        for nm, blk in NAME_ERROR_JOBS:
            if nm == p["name"]:
                jobs[blk - 1][4] = "#NAME?"
        while len(jobs) < 3:
            jobs.append(["", "", "", "", ""])

        desc = p["desc"]
        if i in to_split:
            desc = split_paragraphs(desc, rng)

        # --- geography ---
        geo = [""] * 8
        if geocoded:
            lat = nbd[3] + rng.uniform(-0.006, 0.006)
            lon = nbd[4] + rng.uniform(-0.008, 0.008)
            dig = BORO_DIGIT[boro]
            bin_ = dig + f"{rng.randint(1000, 429999):06d}"
            lot = rng.randint(7501, 7560) if rng.random() < 0.08 else rng.randint(1, 160)
            bbl = dig + f"{rng.randint(1, BLOCK_MAX[boro]):05d}" + f"{lot:04d}"
            tract = str(rng.randint(1, 1600))
            if rng.random() < 0.2:
                tract += rng.choice(["01", "02", "03"])
            if p["name"] in NO_BIN_FIRMS:
                bin_, bbl = "", ""
            geo = [("%.6f" % lat).rstrip("0").rstrip("."), ("%.6f" % lon).rstrip("0").rstrip("."),
                   rng.choice(nbd[5]), rng.choice(nbd[6]), bin_, bbl, tract, rng.choice(nbd[7])]

        row = [str(accounts[i]), p["name"], p["dba"], first, last, phone, desc, cert, renewal, eth,
               addr1, addr2, city_out, state, postcode, m1, m2, mcity, mail_state, str(int(mzip)), website, est,
               bonding, union, code, sector, group, title, types, nigp_s]
        for j in jobs:
            row += j
        row += [cap, "Yes" if rng.random() < 0.96 else "No", boro if geocoded else ""] + geo
        assert len(row) == len(HEADER), (len(row), p["name"])
        rows.append(dict(zip(HEADER, row)))

    # deliberate bad cells
    by_name = {r["Vendor_Formal_Name"]: r for r in rows}
    for (nm, col), val in BAD_CELLS.items():
        by_name[nm][col] = val
    # deliberate duplicate account (older renewal record left in the export)
    dup = by_name[DUPLICATE_FIRM]
    def _renewal(ym):
        certs = dup["Certification"].split(",")
        y, m = ym
        return ";".join(fmt_date(y, m, month_end(y, m), len(certs) == 1) for _ in certs)
    dup["Certification_Renewal_Date"] = _renewal(DUPLICATE_NEW_RENEWAL)
    old = dict(dup)
    old["Certification_Renewal_Date"] = _renewal(DUPLICATE_OLD_RENEWAL)
    rows.append(old)

    def sort_key(r):
        nm = r["Vendor_Formal_Name"]
        return (0 if not nm[0].isalnum() else 1, nm.casefold(), r["Certification_Renewal_Date"])
    rows.sort(key=sort_key)
    return rows


def fmt_phone(digits, style):
    d = re.sub(r"\D", "", digits)
    if style == "raw":
        return d
    if style == "paren":
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    if style == "dash":
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return ""


def build_vendors(rows):
    by_name = {}
    for r in rows:
        by_name.setdefault(r["Vendor_Formal_Name"], r)
    out = []
    for name, src, pstyle, zstyle, web in VENDOR_SPECS:
        if src is None:
            out.append([name, pstyle, web, zstyle])
            continue
        r = by_name[src]
        phone = fmt_phone(r["telephone"], pstyle) if pstyle else ""
        z = r["Postcode"]
        zip_ = z.zfill(5) if zstyle == "zip5" else (z if zstyle == "raw" else "")
        site = r["Website"] if web else ""
        out.append([name, phone, site, zip_])
    return out


def main():
    rows = build_rows()
    path = os.path.join(HERE, "certified_business_sample.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            w.writerow([r[c] for c in HEADER])
    vpath = os.path.join(HERE, "vendors_example.csv")
    with open(vpath, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["vendor_name", "phone", "website", "zip"])
        w.writerows(build_vendors(rows))
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
