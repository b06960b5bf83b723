"""The bundled intent, object, filler and company concept files follow the lexicon file format.

These read the files with a small parser of the format (notes/LEXICON_FORMAT.md) of their own, so the
files are checked independently of the loader that reads them for the engine.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

CONCEPTS = Path(__file__).resolve().parents[2] / "mwbe_match" / "engine" / "concepts"
FILES = ("intents.csv", "objects.csv", "filler.csv", "companies.csv")
HEADER = {"concept", "kind", "en", "ko", "terms", "naics", "note"}
KINDS = {"industry", "intent", "object", "filler", "company"}
HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
#: words that would mislead as content (the format's rule), never an intent's or object's surface form
GENERIC = {"service", "services", "company", "work", "업체", "서비스", "용역", "회사"}


def _rows(name: str) -> list[tuple[int, dict[str, str]]]:
    with open(CONCEPTS / name, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        assert set(header) == HEADER and len(header) == len(HEADER), f"{name}: header {header}"
        rows = []
        for record in reader:
            assert len(record) == len(header), f"{name} line {reader.line_num}: {len(record)} columns"
            rows.append((reader.line_num, dict(zip(header, record))))
    return rows


def _forms(row: dict[str, str], column: str) -> list[str]:
    return [f.strip() for f in row[column].split(";") if f.strip()]


def _key(form: str) -> str:
    return form.replace(" ", "").casefold()


@pytest.mark.parametrize("name", FILES)
def test_every_row_of_a_bundled_concept_file_is_well_formed(name):
    seen: set[str] = set()
    for line, row in _rows(name):
        where = f"{name} line {line}"
        assert re.fullmatch(r"[a-z0-9_]+", row["concept"]), f"{where}: bad id {row['concept']!r}"
        assert row["concept"] not in seen, f"{where}: duplicate id {row['concept']}"
        seen.add(row["concept"])
        assert row["kind"] in KINDS, f"{where}: kind {row['kind']!r}"
        assert _forms(row, "en") or _forms(row, "ko"), f"{where}: no surface form"
        for form in _forms(row, "en"):
            assert not HANGUL.search(form), f"{where}: Hangul in en {form!r}"
            assert form == form.lower(), f"{where}: en form not lower case {form!r}"
        for code in _forms(row, "naics"):
            assert re.fullmatch(r"\d{2,6}", code), f"{where}: bad NAICS {code!r}"
        if row["kind"] in ("filler", "company"):
            assert not row["terms"] and not row["naics"], f"{where}: {row['kind']} has terms or NAICS"


def test_each_file_holds_the_kind_its_name_says():
    kinds = {name: {row["kind"] for _, row in _rows(name)} for name in FILES}
    assert kinds == {"intents.csv": {"intent"}, "objects.csv": {"object"}, "filler.csv": {"filler"},
                     "companies.csv": {"company"}}


def test_concept_ids_are_unique_across_the_four_files():
    ids = [row["concept"] for name in FILES for _, row in _rows(name)]
    assert len(ids) == len(set(ids))


def test_no_surface_form_is_filler_or_a_company_in_one_concept_and_content_in_another():
    from mwbe_match.engine.text import stem, tokenize

    def english(form: str) -> str:  # as the reader compares English: word stems
        return " ".join(stem(t) for t in tokenize(form))

    kinds: dict[str, set[str]] = {}
    for path in sorted(CONCEPTS.glob("*.csv")):  # every bundled file, not only these four
        for _, row in _rows(path.name):
            side = "ignored" if row["kind"] in ("filler", "company") else "content"
            for form in _forms(row, "en"):
                kinds.setdefault(english(form), set()).add(side)
            for form in _forms(row, "ko"):
                kinds.setdefault(_key(form), set()).add(side)
    assert sorted(f for f, k in kinds.items() if len(k) > 1) == []


def test_intents_and_objects_use_no_generic_word_as_a_surface_form():
    for name in ("intents.csv", "objects.csv"):
        for line, row in _rows(name):
            bad = {_key(f) for f in _forms(row, "en") + _forms(row, "ko")} & {_key(g) for g in GENERIC}
            assert not bad, f"{name} line {line}: generic {bad}"


def test_every_intent_is_written_in_both_languages():
    for line, row in _rows("intents.csv"):
        assert _forms(row, "en") and _forms(row, "ko"), f"intents.csv line {line}"


@pytest.mark.parametrize("intent, form", [
    ("intent_installation", "설치"), ("intent_installation", "설치해"), ("intent_construction", "시공"),
    ("intent_supply", "납품"), ("intent_supply", "공급"), ("intent_maintenance", "유지보수"),
    ("intent_maintenance", "유지 보수"), ("intent_inspection", "점검"), ("intent_demolition", "철거"),
    ("intent_rental", "렌탈"), ("intent_rental", "렌트"), ("intent_rental", "임대"), ("intent_training", "교육"),
    ("intent_consulting", "컨설팅"), ("intent_consulting", "자문"), ("intent_production", "제작"),
    ("intent_agency", "대행"), ("intent_staffing", "staffing"), ("intent_design", "design"),
])
def test_the_verbs_people_write_name_their_intent(intent, form):
    rows = {row["concept"]: row for _, row in _rows("intents.csv")}
    assert _key(form) in {_key(f) for f in _forms(rows[intent], "en") + _forms(rows[intent], "ko")}


def test_an_intent_implies_the_industry_it_asks_for_or_none():
    rows = {row["concept"]: row for _, row in _rows("intents.csv")}
    assert _forms(rows["intent_staffing"], "naics") == ["5613"]
    assert set(_forms(rows["intent_design"], "naics")) == {"5414", "5413"}
    assert _forms(rows["intent_consulting"], "naics") == ["5416"]
    assert _forms(rows["intent_installation"], "naics") == []


def test_production_is_not_fabrication_and_agency_is_not_insurance():
    rows = {row["concept"]: row for _, row in _rows("intents.csv")}
    assert "제작" not in _forms(rows["intent_fabrication"], "ko")
    assert not any(c.startswith(("332", "2382")) for c in _forms(rows["intent_production"], "naics"))
    assert not any(c.startswith("524") for c in _forms(rows["intent_agency"], "naics"))
    assert "agency" not in _forms(rows["intent_agency"], "en") + _forms(rows["intent_agency"], "terms")
