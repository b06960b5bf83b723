"""The bundled NAICS industry concepts (mwbe_match/engine/concepts/naics.csv) keep the lexicon file format.

One `industry` concept per NAICS 2022 six-digit industry, id `naics_<code>`, English forms led by the official
title in lower case, Korean forms as Korean companies write them. Read with the csv module only, so these checks
hold whatever the loader does.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

NAICS_CSV = Path(__file__).resolve().parents[1] / "mwbe_match" / "engine" / "concepts" / "naics.csv"
HEADER = ["concept", "kind", "en", "ko", "terms", "naics", "note"]
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# NAICS 2017 codes still found in the directory, and the 2022 industry whose concept covers them.
NAICS_2017_TO_2022 = {"453998": "459999", "517919": "517810", "519120": "519210", "519130": "516210",
                     "335122": "335132"}
SECTORS = {"11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51", "52", "53", "54", "55", "56",
           "61", "62", "71", "72", "81", "92"}
GENERIC_FORMS = {"service", "services", "company", "work", "contractor", "supply", "supplies", "repair",
                 "installation", "consulting", "서비스", "업체", "공사", "회사", "설치", "수리", "제조", "도매",
                 "판매", "납품", "컨설팅"}


def _forms(cell: str) -> list[str]:
    return cell.split(";") if cell else []


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with NAICS_CSV.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        assert header == HEADER
        body = list(reader)
    for line, cells in enumerate(body, start=2):
        assert len(cells) == len(HEADER), f"line {line}: {len(cells)} cells"
    return [dict(zip(HEADER, cells)) for cells in body]


def test_every_row_is_an_industry_concept_named_after_its_naics_code(rows):
    ids = [r["concept"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate concept ids"
    for r in rows:
        assert r["kind"] == "industry", r["concept"]
        m = re.fullmatch(r"naics_(\d{6})", r["concept"])
        assert m, f"bad id {r['concept']!r}"
        codes = _forms(r["naics"])
        assert codes and all(re.fullmatch(r"\d{2,6}", c) and c[:2] in SECTORS for c in codes), r["concept"]
        assert m.group(1) in codes, f"{r['concept']} does not imply its own code"


def test_english_and_terms_are_lower_case_latin_and_korean_forms_are_korean(rows):
    for r in rows:
        en, terms, ko = _forms(r["en"]), _forms(r["terms"]), _forms(r["ko"])
        assert en and ko, r["concept"]
        for form in en + terms:
            assert not HANGUL.search(form), f"{r['concept']}: Hangul in {form!r}"
            assert form == form.lower(), f"{r['concept']}: {form!r} not lower case"
        assert any(HANGUL.search(form) for form in ko), f"{r['concept']}: no Korean form"
        for form in ko:
            if not HANGUL.search(form):
                assert " " not in form, f"{r['concept']}: Latin form {form!r} in ko is a phrase (it belongs in en)"


def test_no_form_is_empty_padded_generic_or_repeated_within_its_concept(rows):
    for r in rows:
        for column in ("en", "ko", "terms"):
            forms = _forms(r[column])
            for form in forms:
                assert form and form == form.strip() and "  " not in form, f"{r['concept']} {column}: {form!r}"
                if column != "terms":
                    assert form not in GENERIC_FORMS, f"{r['concept']}: generic form {form!r}"
            keys = [f.replace(" ", "") if column == "ko" else f for f in forms]
            assert len(keys) == len(set(keys)), f"{r['concept']} {column}: repeated form"


def test_every_industry_of_the_real_extract_has_a_concept(rows, real_sample_path):
    raw = pd.read_csv(real_sample_path, dtype=str, keep_default_na=False)
    by_code = {r["concept"].removeprefix("naics_"): r for r in rows}
    titles = raw.groupby("ID6_digit_NAICS_code")["NAICS_Title"].first()
    missing = [c for c in titles.index if c and NAICS_2017_TO_2022.get(c, c) not in by_code]
    assert not missing, f"no concept for {missing}"
    for code, title in titles.items():
        if code in NAICS_2017_TO_2022:
            assert code in by_code[NAICS_2017_TO_2022[code]]["note"], f"{code}: the 2022 concept does not say it"
        elif code:
            assert _forms(by_code[code]["en"])[0] == title.lower(), f"{code}: title differs from the extract"
