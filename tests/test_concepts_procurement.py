"""The bundled procurement vocabulary (engine/concepts/procurement_*.csv) follows the concept-lexicon format.

These files hold `industry` concepts: the services and goods Korean companies' New York offices and projects buy,
with the English and Korean forms buyers write, the words firms use for them, and the NAICS industries that do them.
The tests read the files with the csv module only, so they check the format itself, not one loader's reading of it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from mwbe_match.engine.text import stem

CONCEPTS_DIR = Path(__file__).resolve().parents[1] / "mwbe_match" / "engine" / "concepts"
DOMAINS = ("it", "fitout", "facilities", "food", "events", "logistics", "services", "environmental")
FILES = [CONCEPTS_DIR / f"procurement_{domain}.csv" for domain in DOMAINS]
HEADER = {"concept", "kind", "en", "ko", "terms", "naics", "note"}

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
CONCEPT_ID = re.compile(r"^[a-z0-9_]+$")
NAICS_PREFIX = re.compile(r"^[1-9][0-9]{1,5}$")
# A Latin acronym written inside Korean text (CCTV, IoT, 3D, AV, LED): allowed in `ko` without Hangul, as one word.
LATIN_ACRONYM = re.compile(r"^[A-Za-z0-9&+/.\-]{2,12}$")
NAICS_SECTORS = {"11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51", "52", "53", "54",
                 "55", "56", "61", "62", "71", "72", "81", "92"}

# Words that say nothing about the line of business: as a whole surface form or search term they would send a
# need to any firm at all (or to the wrong one: 대행 to an insurance agency, 보안 to guards for a cybersecurity need).
GENERIC_EN = {"service", "services", "company", "companies", "work", "works", "supply", "supplies", "supplier",
              "vendor", "solution", "solutions", "agency", "contractor", "contracting", "business", "provider",
              "management", "support", "consulting", "installation", "repair", "maintenance", "design", "products"}
GENERIC_KO = {"서비스", "업체", "회사", "공사", "대행", "제작", "보안", "용역", "납품", "작업", "설치", "관리",
              "솔루션", "공급", "수리", "유지보수", "디자인", "컨설팅", "지원", "대여", "렌탈"}


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames is not None and set(reader.fieldnames) == HEADER, (
            f"{path.name}: header {reader.fieldnames} is not the concept-lexicon header"
        )
        rows = []
        for row in reader:
            assert None not in row and None not in row.values(), (
                f"{path.name} line {reader.line_num}: wrong number of columns"
            )
            rows.append((reader.line_num, row))
        return rows


def _forms(value: str) -> list[str]:
    return [form.strip() for form in value.split(";")] if value.strip() else []


ALL_ROWS = [(path, line, row) for path in FILES if path.is_file() for line, row in _rows(path)]


def _where(path: Path, line: int) -> str:
    return f"{path.name} line {line}"


def test_every_procurement_domain_has_its_file_with_a_substantial_vocabulary():
    for path in FILES:
        assert path.is_file(), f"missing {path.name}"
        assert len(_rows(path)) >= 60, f"{path.name} is too thin"
    assert 1200 <= len(ALL_ROWS) <= 2000


def test_every_row_is_an_industry_concept_with_a_well_formed_id():
    for path, line, row in ALL_ROWS:
        assert row["kind"] == "industry", f"{_where(path, line)}: kind {row['kind']!r}"
        assert CONCEPT_ID.fullmatch(row["concept"]), f"{_where(path, line)}: bad id {row['concept']!r}"
        assert not row["concept"].startswith(("naics_", "intent_")), f"{_where(path, line)}: id of another kind"


def test_concept_ids_are_unique_across_all_procurement_files():
    seen: dict[str, str] = {}
    for path, line, row in ALL_ROWS:
        concept = row["concept"]
        assert concept not in seen, f"{_where(path, line)}: {concept} already defined at {seen[concept]}"
        seen[concept] = _where(path, line)


def test_naics_are_prefixes_of_two_to_six_digits_in_real_sectors():
    for path, line, row in ALL_ROWS:
        codes = _forms(row["naics"])
        assert codes, f"{_where(path, line)}: an industry concept names the industries that do it"
        for code in codes:
            assert NAICS_PREFIX.fullmatch(code), f"{_where(path, line)}: bad NAICS {code!r}"
            assert code[:2] in NAICS_SECTORS, f"{_where(path, line)}: {code} is in no NAICS sector"
        assert len(set(codes)) == len(codes), f"{_where(path, line)}: a NAICS code repeated"


def test_english_forms_and_terms_are_lower_case_latin_without_hangul():
    for path, line, row in ALL_ROWS:
        for column in ("en", "terms"):
            for form in _forms(row[column]):
                assert not HANGUL.search(form), f"{_where(path, line)}: Hangul in {column}: {form!r}"
                assert form == form.lower(), f"{_where(path, line)}: {column} form not lower case: {form!r}"
        assert _forms(row["en"]), f"{_where(path, line)}: no English form"


def test_korean_forms_are_hangul_or_latin_acronyms_used_in_korean_text():
    for path, line, row in ALL_ROWS:
        forms = _forms(row["ko"])
        assert forms, f"{_where(path, line)}: no Korean form"
        assert any(HANGUL.search(form) for form in forms), f"{_where(path, line)}: no Hangul form"
        for form in forms:
            assert HANGUL.search(form) or LATIN_ACRONYM.fullmatch(form), (
                f"{_where(path, line)}: Korean form {form!r} is neither Hangul nor an acronym"
            )


def test_no_form_is_empty_or_repeated_within_a_concept():
    for path, line, row in ALL_ROWS:
        for column in ("en", "ko", "terms"):
            value = row[column]
            if not value.strip():
                continue
            raw = value.split(";")
            assert all(part.strip() for part in raw), f"{_where(path, line)}: empty form in {column}"
            assert all(part == part.strip() for part in raw), f"{_where(path, line)}: padded form in {column}"
            keys = [part.replace(" ", "") if column == "ko" else part for part in raw]
            assert len(set(keys)) == len(keys), f"{_where(path, line)}: repeated form in {column}: {value!r}"


def test_no_generic_word_stands_alone_as_a_form_or_term():
    for path, line, row in ALL_ROWS:
        for form in _forms(row["en"]) + _forms(row["terms"]):
            assert form not in GENERIC_EN, f"{_where(path, line)}: generic form {form!r}"
        for form in _forms(row["ko"]):
            assert form.replace(" ", "") not in GENERIC_KO, f"{_where(path, line)}: generic form {form!r}"


def _english_key(form: str) -> tuple[str, ...]:
    """An English form as the reader looks it up: the stems of its words (`builder` and `build` are one key)."""
    return tuple(stem(token) for token in re.findall(r"[^\W_]+", form))


def test_a_surface_form_names_one_procurement_concept_only():
    """The same form in two concepts would make the reader guess; these files keep each form to one concept.

    English forms are compared as the reader stems them, Korean forms without their spaces.
    """
    owner: dict[tuple[str, object], str] = {}
    clashes = []
    for path, line, row in ALL_ROWS:
        keys: list[tuple[str, object]] = [("en", _english_key(form)) for form in _forms(row["en"])]
        keys += [("ko", form.replace(" ", "").lower()) for form in _forms(row["ko"])]
        for key in keys:
            if key in owner and owner[key] != row["concept"]:
                clashes.append(f"{_where(path, line)}: {key[1]!r} of {row['concept']} is also a form of {owner[key]}")
            owner.setdefault(key, row["concept"])
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize(
    ("form", "language", "concept", "not_concept"),
    [
        ("3d프린팅", "ko", "3d_printing", "commercial_printing"),
        ("사이버보안", "ko", "cybersecurity", "security_guards"),
        ("보안솔루션", "ko", "cybersecurity", "security_guards"),
        ("경비", "ko", "security_guards", "cybersecurity"),
        ("관세사", "ko", "customs_brokerage", "insurance_brokerage"),
        ("통관대행", "ko", "customs_brokerage", "insurance_brokerage"),
        ("영상제작", "ko", "video_production", "ductwork"),
        ("customs broker", "en", "customs_brokerage", "insurance_brokerage"),
    ],
)
def test_the_known_misreadings_of_issue_13_have_their_own_concepts(form, language, concept, not_concept):
    owners = set()
    for _path, _line, row in ALL_ROWS:
        forms = _forms(row[language])
        if language == "ko":
            forms = [f.replace(" ", "").lower() for f in forms]
        if form in forms:
            owners.add(row["concept"])
    assert owners == {concept}, f"{form!r} belongs to {owners}"
    assert not_concept not in owners
