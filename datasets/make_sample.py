#!/usr/bin/env python3
"""Generate the bundled SYNTHETIC certified-business sample for mwbe_match.

Everything this script writes is invented: firm names, people, addresses,
phone numbers, descriptions and job histories are made up.  Only the *shape*
of the data (the 56-column header, value formats and export quirks) mirrors
NYC Open Data's "M/WBE, LBE, and EBE Certified Business List" (ci93-uc8s).

The hand-written parts (firm profiles, job-history pools, names, streets,
neighbourhoods, NAICS titles, vendor-master variants and the deliberate
quirks) live in ``make_sample_data.json`` beside this script; its ``_about``
entry describes the fields.  This script fills in the rest (contacts,
addresses, geography, certification dates, money, NIGP codes) from seeded
RNGs: one master stream plus one stream per firm, keyed by the firm's name,
so a run is byte-for-byte deterministic and editing one firm leaves the
others' rows alone.  Standard library only.

    python datasets/make_sample.py                 # rewrites the two CSVs next to it
    python datasets/make_sample.py --out-dir DIR   # writes them into DIR instead

Outputs:
    certified_business_sample.csv   (56 columns, csv.QUOTE_ALL)
    vendors_example.csv             (vendor-master name variants)

datasets/needs_example.csv is hand-written and not produced here.
"""

import argparse
import csv
import datetime
import json
import math
import os
import random
import re
import unicodedata

SEED = 20260430
HERE = os.path.dirname(os.path.abspath(__file__))
DATA_PATH = os.path.join(HERE, "make_sample_data.json")
LOCATIONS = ("MANHATTAN", "BROOKLYN", "QUEENS", "BRONX", "SI", "NYCX", "NY", "NJ", "CT", "PA", "MA", "OUT")
NYC_LOCATIONS = LOCATIONS[:6]


# ---------------------------------------------------------------------------
# Data file
# ---------------------------------------------------------------------------
def load_data(path=DATA_PATH):
    """Read the data file, join multi-line descriptions and check cross-references.

    Raises ValueError naming the file and the firm when an entry refers to
    something the file does not define.
    """
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    names = set()
    for i, firm in enumerate(data["firms"]):
        where = f"{path}: firms[{i}] ({firm.get('name', '?')!r})"
        if isinstance(firm["description"], list):
            firm["description"] = "\n".join(firm["description"])
        if firm["naics"] not in data["naics"]:
            raise ValueError(f"{where}: NAICS code {firm['naics']!r} is not in 'naics'")
        if firm.get("location", "NY") not in LOCATIONS:
            raise ValueError(f"{where}: location {firm['location']!r} is not one of {', '.join(LOCATIONS)}")
        if "neighborhood" in firm and firm["neighborhood"] not in data["neighborhoods"]:
            raise ValueError(f"{where}: neighborhood {firm['neighborhood']!r} is not in 'neighborhoods'")
        if firm["name"] in names:
            raise ValueError(f"{where}: duplicate firm name")
        names.add(firm["name"])
    q = data["quirks"]
    referenced = ([c["firm"] for c in q["bad_cells"]] + [j["firm"] for j in q["name_error_jobs"]]
                  + [q["duplicate"]["firm"]] + q["no_bin_firms"] + list(q["odd_phones"])
                  + [v["firm"] for v in data["vendor_master"] if "firm" in v])
    unknown = sorted(set(referenced) - names)
    if unknown:
        raise ValueError(f"{path}: quirks or vendor_master name firms that are not in 'firms': {unknown}")
    return data


# ---------------------------------------------------------------------------
# Small value generators (each draws from the firm's rng in a fixed order)
# ---------------------------------------------------------------------------
def month_end(year, month):
    """Last day of the month."""
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)).day


def fmt_date(y, m, d, short):
    """``3/31/2029`` when short, else ``03/31/2029`` (both appear in the export)."""
    return f"{m}/{d}/{y}" if short else f"{m:02d}/{d:02d}/{y}"


def renewal_dates(rng, certs):
    """One month-end renewal date per certification, ``;``-separated."""
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
    """Dollar text the way filers type it: rounded to a plausible step, sometimes with cents."""
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
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def website_for(name, rng, data):
    """A domain made from the firm's name without its legal form, in a mix of URL styles."""
    base = re.sub(r"(?i)(,?\s+(llc|l\.l\.c\.|inc\.?|corp\.?|corporation|pllc|p\.c\.|co\.|ltd\.?|llp|lcsw pllc|lmhc pllc))+$", "", name)
    words = re.findall(r"[a-z0-9]+", strip_accents(base).lower().replace("&", " and "))
    words = [w for w in words if w not in ("the", "and", "of")]
    slug = "".join(words)
    if len(slug) > 22:
        slug = "".join(words[:2])
    if rng.random() < 0.1 and len(words) >= 3:
        slug = "".join(w[0] for w in words) + words[-1]
    tlds, formats = data["website_tlds"], data["website_formats"]
    tld = rng.choices(list(tlds), list(tlds.values()))[0]
    if rng.random() < 0.03:
        slug = "".join(w.capitalize() for w in words[:3])
    fmt = rng.choices(list(formats), list(formats.values()))[0]
    return fmt.format(slug + tld)


def phone_for(rng, areas):
    return rng.choice(areas) + str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(6))


def unit_line(rng, data):
    """Address line 2: a floor, suite, unit, apartment or room."""
    k = rng.random()
    if k < 0.3:
        return rng.choice(data["floor_labels"])
    if k < 0.6:
        return "Suite " + str(rng.choice(data["suite_numbers"]))
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


def split_paragraphs(desc, rng):
    """Break a one-line description into paragraphs at sentence ends (the multi-line quirk)."""
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


# ---------------------------------------------------------------------------
# One firm's row, in sections.  The order of the calls is the order of the
# draws from the firm's rng: reordering them changes every generated value.
# ---------------------------------------------------------------------------
def address(rng, firm, korean, data):
    """Business and mailing address: a dict of the address columns plus geography inputs."""
    loc = firm.get("location", "NY")
    nbhds = data["neighborhoods"]
    nbd, boro, geocoded = None, "", False
    if loc in NYC_LOCATIONS:
        if loc == "NYCX":
            boro = rng.choice(data["ungeocoded_boroughs"])
        else:
            boro, geocoded = ("STATEN IS" if loc == "SI" else loc), True
        in_boro = [k for k in data["korean_neighborhoods"] if nbhds[k]["borough"] == boro]
        if "neighborhood" in firm:
            nb = firm["neighborhood"]
        elif korean and in_boro:
            nb = rng.choice(in_boro)
        else:
            nb = rng.choice([k for k, v in nbhds.items() if v["borough"] == boro])
        nbd = nbhds[nb]
        city, state, zip5 = nbd["city"], "NY", rng.choice(nbd["zips"])
        street = rng.choice(nbd["streets"])
        areas = data["nyc_area_codes"][boro]
        addr1 = f"{house_number(rng, boro)} {street}"
    else:
        place = rng.choice(data["outside_nyc"]["NJK" if (loc == "NJ" and korean) else loc])
        city, state, zip5, areas = place["city"], place["state"], place["zip"], place["area_codes"]
        addr1 = f"{house_number(rng, '')} {rng.choice(place['streets'])}"
    addr2 = unit_line(rng, data) if rng.random() < 0.4 else ""
    city_out = city.upper() if rng.random() < 0.04 else city
    r = rng.random()
    if r < 0.03:
        m1, m2 = rng.choice(data["po_box_prefixes"]) + str(rng.randint(100, 99999)), ""
        mzip = zip5
    elif r < 0.15:
        m1 = f"{rng.randint(1, 999)} {rng.choice(data['mailing_streets'])}"
        m2 = unit_line(rng, data) if rng.random() < 0.5 else ""
        mzip = rng.choice(nbd["zips"]) if nbd is not None else zip5
    else:
        m1, m2, mzip = addr1, addr2, zip5
    mcity = city.lower().capitalize() if rng.random() < 0.03 else city
    return {"Address_Line_1": addr1, "Address_Line_2": addr2, "City": city_out, "State": state,
            "Postcode": str(int(zip5)),          # NJ/CT/MA ZIPs lose their leading zero
            "Mailing_Address_Line_1": m1, "Mailing_Address_Line_2": m2, "Mailing_City": mcity,
            "Mailing_State": data["state_names"][state], "Mailing_Zip": str(int(mzip)),
            "_areas": areas, "_nbd": nbd, "_boro": boro, "_geocoded": geocoded}


def establishment(rng, desc):
    """``MM/DD/YYYY``; the year comes from the description when it names one."""
    year, est = None, ""
    m = re.search(r"(?:[Ss]ince|[Ff]ounded in|[Ee]stablished in) (\d{4})", desc)
    if m:
        year = int(m.group(1))
    m = re.search(r"(\d+) years in business", desc)
    if m:
        year = 2025 - int(m.group(1))
    if year is None and rng.random() >= 0.06:
        years = range(1978, 2025)
        year = rng.choices(years, [1 if y < 2000 else (3 if y < 2010 else 4) for y in years])[0]
    if year is not None:
        mo = rng.randint(1, 12)
        est = f"{mo:02d}/{rng.randint(1, month_end(year, mo)):02d}/{year}"
    return est


def capacity_columns(rng, firm, is_con, data):
    """Bonding limit, union text, construction project types, capacity programs."""
    limits = data["bonding_limits"]
    if firm.get("bonded"):
        bonding = rng.choice(limits) if rng.random() < 0.95 else ""
    elif is_con:
        bonding = rng.choice(limits[:8]) if rng.random() < 0.12 else ""
    else:
        odds = 0.08 if firm["pool"] in ("abate", "clean", "enviro", "security", "landscape") else 0.01
        bonding = rng.choice(limits[:6]) if rng.random() < odds else ""
    types = firm.get("construction_types", "")
    all_types = data["construction_types"]
    if not types and is_con and rng.random() < 0.15:
        picks = rng.sample(all_types[:6], rng.randint(1, 3))
        types = "; ".join(t for t in all_types if t in picks)
    cap = firm.get("capacity_programs", "")
    if not cap and rng.random() < 0.04:
        cap = "; ".join(rng.sample(data["capacity_programs"], rng.choice([1, 1, 1, 2])))
    return {"Aggregate_Bonding_Limit": bonding,
            "Signatory_To_Union_Contracts": firm.get("union", "")[:100],   # the export cuts it at 100
            "Types_of_Construction_Projects_Performed": types, "Capacity_Building_Programs": cap}


def nigp_codes(rng, pool, data):
    classes = data["nigp_classes"].get(pool, data["nigp_classes"]["misc"])
    codes = []
    for _ in range(rng.choices([1, 2, 3, 4, 5, 6, 8], [30, 22, 18, 12, 8, 6, 4])[0]):
        c = rng.choice(classes) + rng.choice(data["nigp_item_suffixes"])
        if c not in codes:
            codes.append(c)
    return " | ".join(codes)


def job_experience(rng, firm, data):
    """Three job blocks of [client, value, percent self-performed, date, description]."""
    r = rng.random()
    n_jobs = 0 if r < 0.045 else (1 if r < 0.20 else (2 if r < 0.29 else 3))
    name_error = [q["job"] for q in data["quirks"]["name_error_jobs"] if q["firm"] == firm["name"]]
    n_jobs = max([n_jobs] + name_error)
    pool = data["job_pools"].get(firm["pool"], data["job_pools"]["misc"])
    lo, hi = pool["value_range"]
    if firm.get("jobs"):
        chosen = firm["jobs"][:n_jobs] if n_jobs else []
    else:
        chosen = rng.sample(pool["jobs"], min(n_jobs, len(pool["jobs"])))
    values = sorted((math.exp(math.log(lo) + (math.log(hi) - math.log(lo)) * rng.random() ** 1.6) for _ in chosen),
                    reverse=True)
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
            jd = jd + "\n" + rng.choice(data["job_followups"])
        jobs.append([client, val, pct, f"{mm:02d}/{dd:02d}/{yy}", jd])
    for blk in name_error:
        jobs[blk - 1][4] = "#NAME?"      # Excel artefact left in the real export
    return jobs + [["", "", "", "", ""]] * (3 - len(jobs))


def geography(rng, name, nbd, boro, data):
    """Latitude … NTA for a geocoded row, jittered around its neighbourhood centre."""
    lat = nbd["lat"] + rng.uniform(-0.006, 0.006)
    lon = nbd["lon"] + rng.uniform(-0.008, 0.008)
    dig = data["borough_digit"][boro]
    bin_ = dig + f"{rng.randint(1000, 429999):06d}"
    lot = rng.randint(7501, 7560) if rng.random() < 0.08 else rng.randint(1, 160)
    bbl = dig + f"{rng.randint(1, data['block_max'][boro]):05d}" + f"{lot:04d}"
    tract = str(rng.randint(1, 1600))
    if rng.random() < 0.2:
        tract += rng.choice(["01", "02", "03"])
    if name in data["quirks"]["no_bin_firms"]:
        bin_, bbl = "", ""
    return [("%.6f" % lat).rstrip("0").rstrip("."), ("%.6f" % lon).rstrip("0").rstrip("."),
            rng.choice(nbd["community_boards"]), rng.choice(nbd["council_districts"]), bin_, bbl, tract,
            rng.choice(nbd["ntas"])]


def firm_row(firm, account, with_renewal, split, data):
    """The 56-column row of one firm, drawn from its own seeded stream."""
    rng = random.Random(f"{SEED}:{firm['name']}")
    korean = firm.get("korean", False)
    fallback = rng.choice(data["fallback_ethnicities"])     # always drawn, so the stream is the same either way
    eth = firm.get("ethnicity", fallback)
    cert = firm.get("certification", "MBE")
    certs = cert.split(",")
    female = ("WBE" in certs) or rng.random() < 0.3
    key = "KOREAN" if korean else eth
    first = rng.choice(data["first_names_female" if female else "first_names_male"][key])
    last = rng.choice(data["last_names"][key])
    if rng.random() < 0.03:
        first = first.upper()
    code = firm["naics"]
    group, title = data["naics"][code]
    row = {"Account_Number": str(account), "Vendor_Formal_Name": firm["name"], "Vendor_DBA": firm.get("dba", ""),
           "First_Name": firm.get("first_name", first), "Last_Name": firm.get("last_name", last),
           "Certification": cert, "Ethnicity": eth,
           "Certification_Renewal_Date": renewal_dates(rng, certs) if with_renewal else "",
           "ID6_digit_NAICS_code": code, "NAICS_Sector": data["naics_sectors"][code[:2]],
           "NAICS_Subsector": group, "NAICS_Title": title}
    addr = address(rng, firm, korean, data)
    phone = phone_for(rng, addr["_areas"])
    style = data["quirks"]["odd_phones"].get(firm["name"])
    if style == "space":
        phone = phone[:3] + " " + phone[3:]
    elif style == "dot":
        phone = f"{phone[:3]}.{phone[3:6]}.{phone[6:]}"
    row["telephone"] = phone
    row["Website"] = website_for(firm["name"], rng, data) if rng.random() < 0.70 else ""
    row["Date_Of_Establishment"] = establishment(rng, firm["description"])
    row.update(capacity_columns(rng, firm, code.startswith("23"), data))
    row["NIGP_codes"] = nigp_codes(rng, firm["pool"], data)
    jobs = job_experience(rng, firm, data)
    row["Business_Description"] = split_paragraphs(firm["description"], rng) if split else firm["description"]
    geo = geography(rng, firm["name"], addr["_nbd"], addr["_boro"], data) if addr["_geocoded"] else [""] * 8
    row["Enrolled_in_PASSPort"] = "Yes" if rng.random() < 0.96 else "No"
    row["Borough"] = addr["_boro"] if addr["_geocoded"] else ""
    row.update({k: v for k, v in addr.items() if not k.startswith("_")})
    job_cols = [c for c in data["header"] if "Job_Exp" in c or c == "Largest_Value_of_Contract"]
    row.update(zip(job_cols, [cell for job in jobs for cell in job]))
    row.update(zip(data["header"][-8:], geo))
    assert set(row) == set(data["header"]), set(data["header"]) ^ set(row)
    return row


def build_rows(data):
    """All rows: one per firm, the deliberate bad cells and duplicate, sorted the way the export is."""
    master = random.Random(SEED)
    firms = data["firms"]
    n = len(firms)
    accounts = master.sample(range(100000, 400000), n)
    # ~15% multi-line descriptions: the hand-written ones plus some split at sentence ends
    handwritten_multi = sum(1 for f in firms if "\n" in f["description"])
    eligible = [i for i, f in enumerate(firms)
                if "\n" not in f["description"] and re.search(r"[.!?] [A-Z“]", f["description"])]
    n_split = max(0, round(0.15 * n) - handwritten_multi)
    to_split = set(master.sample(eligible, min(n_split, len(eligible))))
    # ~18% of firms have no renewal date: mostly WBE-only firms, as in the export
    wbe_only = [i for i, f in enumerate(firms) if f.get("certification") == "WBE"]
    others = [i for i, f in enumerate(firms) if f.get("certification") != "WBE"]
    no_renewal = set(master.sample(wbe_only, round(0.7 * len(wbe_only))))
    no_renewal |= set(master.sample(others, max(0, round(0.18 * n) - len(no_renewal))))

    rows = [firm_row(f, accounts[i], i not in no_renewal, i in to_split, data) for i, f in enumerate(firms)]

    quirks = data["quirks"]
    by_name = {r["Vendor_Formal_Name"]: r for r in rows}
    for cell in quirks["bad_cells"]:
        by_name[cell["firm"]][cell["column"]] = cell["value"]
    # the duplicated account: the current record plus an older, expired one left in the export
    dup = by_name[quirks["duplicate"]["firm"]]

    def renewal(year_month):
        certs = dup["Certification"].split(",")
        y, m = year_month
        return ";".join(fmt_date(y, m, month_end(y, m), len(certs) == 1) for _ in certs)

    dup["Certification_Renewal_Date"] = renewal(quirks["duplicate"]["new_renewal"])
    rows.append(dict(dup, Certification_Renewal_Date=renewal(quirks["duplicate"]["old_renewal"])))
    rows.sort(key=lambda r: (0 if not r["Vendor_Formal_Name"][0].isalnum() else 1,
                             r["Vendor_Formal_Name"].casefold(), r["Certification_Renewal_Date"]))
    return rows


# ---------------------------------------------------------------------------
# Vendor master and output
# ---------------------------------------------------------------------------
def fmt_phone(digits, style):
    """A sample firm's phone as a person would type it: raw / paren / dash ("" = left out)."""
    d = re.sub(r"\D", "", digits)
    if style == "raw":
        return d
    if style == "paren":
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    if style == "dash":
        return f"{d[:3]}-{d[3:6]}-{d[6:]}"
    return ""


def build_vendors(rows, data):
    """vendors_example.csv rows: [vendor_name, phone, website, zip]."""
    by_name = {}
    for r in rows:
        by_name.setdefault(r["Vendor_Formal_Name"], r)
    out = []
    for v in data["vendor_master"]:
        if "firm" not in v:        # not in the sample: the values are given as typed
            out.append([v["vendor_name"], v["phone"], v["website"], v["zip"]])
            continue
        r = by_name[v["firm"]]
        z = r["Postcode"]
        zip_ = z.zfill(5) if v["zip_style"] == "zip5" else (z if v["zip_style"] == "raw" else "")
        out.append([v["vendor_name"], fmt_phone(r["telephone"], v["phone_style"]) if v["phone_style"] else "",
                    r["Website"] if v["with_website"] else "", zip_])
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description="Regenerate the synthetic certified-business sample.")
    parser.add_argument("--out-dir", default=HERE, help="where to write the CSVs (default: beside this script)")
    parser.add_argument("--data", default=DATA_PATH, help="the data file (default: make_sample_data.json)")
    args = parser.parse_args(argv)
    data = load_data(args.data)
    rows = build_rows(data)
    path = os.path.join(args.out_dir, "certified_business_sample.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(data["header"])
        w.writerows([r[c] for c in data["header"]] for r in rows)
    with open(os.path.join(args.out_dir, "vendors_example.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["vendor_name", "phone", "website", "zip"])
        w.writerows(build_vendors(rows, data))
    print(f"wrote {len(rows)} rows to {path}")


if __name__ == "__main__":
    main()
