"""The bundled goods, equipment, materials and job-role concepts follow the lexicon file format.

Read with the csv module only, so the files are checked the same way whatever loader reads them
(see /work/notes/LEXICON_FORMAT.md and ``mwbe_match.engine.lexicon``).
"""

import csv
import re
from pathlib import Path

import pytest

CONCEPTS = Path(__file__).resolve().parents[1] / "mwbe_match" / "engine" / "concepts"
FILES = ("goods_food.csv", "goods_office_it.csv", "goods_building.csv", "roles.csv")
HEADER = ["concept", "kind", "en", "ko", "terms", "naics", "note"]
KINDS = {"industry", "intent", "object", "filler", "company"}
ID_RE = re.compile(r"[a-z0-9_]+")
NAICS_RE = re.compile(r"\d{2,6}")
SECTORS = set("11 21 22 23 31 32 33 42 44 45 48 49 51 52 53 54 55 56 61 62 71 72 81 92".split())
HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
LATIN_RE = re.compile("[A-Za-z]")
#: words that alone say nothing about the trade; never a surface form on their own
GENERIC = {"supply", "supplies", "supplier", "suppliers", "service", "services", "equipment", "product",
           "products", "company", "work", "goods", "items", "material", "materials", "parts",
           "장비", "용품", "제품", "서비스", "업체", "자재", "부품", "물품", "기계", "납품", "구매"}


def rows(name):
    with open(CONCEPTS / name, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]


def forms(cell):
    return [f.strip() for f in cell.split(";")]


@pytest.mark.parametrize("name", FILES)
def test_a_goods_file_has_the_lexicon_header_and_well_formed_rows(name):
    header, body = rows(name)
    assert header == HEADER
    assert body, f"{name} has no concepts"
    prefix = "role_" if name == "roles.csv" else "goods_"
    seen = {}
    for line, row in body:
        where = f"{name}:{line}"
        assert len(row) == len(HEADER), f"{where}: {len(row)} columns"
        cell = dict(zip(HEADER, row))
        cid = cell["concept"]
        assert ID_RE.fullmatch(cid) and cid.startswith(prefix), f"{where}: bad id {cid!r}"
        assert cid not in seen, f"{where}: id {cid!r} already on line {seen[cid]}"
        seen[cid] = line
        assert cell["kind"] in KINDS and cell["kind"] == "industry", f"{where}: kind {cell['kind']!r}"
        assert cell["en"].strip() or cell["ko"].strip(), f"{where}: no surface form"
        naics = forms(cell["naics"])
        assert cell["naics"].strip(), f"{where}: an industry concept of goods names its suppliers' NAICS"
        for prefix_ in naics:
            assert NAICS_RE.fullmatch(prefix_) and prefix_[:2] in SECTORS, f"{where}: NAICS {prefix_!r}"


@pytest.mark.parametrize("name", FILES)
def test_surface_forms_are_in_their_language_and_never_empty_or_generic(name):
    _, body = rows(name)
    for line, row in body:
        cell = dict(zip(HEADER, row))
        where = f"{name}:{line} ({cell['concept']})"
        for column in ("en", "ko", "terms"):
            if not cell[column].strip():
                continue
            parts = forms(cell[column])
            assert all(parts), f"{where}: empty form in {column} {cell[column]!r}"
            assert len(parts) == len(set(p.casefold() for p in parts)), f"{where}: repeated form in {column}"
            for part in parts:
                assert part.casefold() not in GENERIC, f"{where}: generic {column} form {part!r} alone"
                if column == "ko":
                    assert HANGUL_RE.search(part) or (LATIN_RE.search(part) and " " not in part), \
                        f"{where}: Korean form {part!r} has no Hangul (a Latin acronym must be one word)"
                else:
                    assert not HANGUL_RE.search(part), f"{where}: Hangul in {column} form {part!r}"
        assert cell["en"] == cell["en"].lower(), f"{where}: English forms are lower case"


def test_no_surface_form_is_in_two_goods_or_role_concepts():
    owner = {}
    for name in FILES:
        _, body = rows(name)
        for line, row in body:
            cell = dict(zip(HEADER, row))
            for column in ("en", "ko"):
                for part in filter(None, forms(cell[column])):
                    key = (column, part.replace(" ", "").casefold() if column == "ko" else part.casefold())
                    assert owner.get(key, cell["concept"]) == cell["concept"], \
                        f"{name}:{line}: {part!r} is also a form of {owner[key]}"
                    owner[key] = cell["concept"]


def test_the_lexicon_loader_reads_every_goods_and_role_concept():
    from mwbe_match.engine.lexicon import parse_file

    for name in FILES:
        _, body = rows(name)
        concepts = parse_file(CONCEPTS / name)
        assert [c.concept for c in concepts] == [row[0] for _, row in body]
        assert all(c.kind == "industry" and c.search_terms and c.naics for c in concepts)


@pytest.mark.parametrize("form, language, naics", [
    ("제빙기", "ko", "4237"), ("워크인 쿨러", "ko", "4237"), ("반죽기", "ko", "4234"), ("떡케이크", "ko", "3118"),
    ("도킹 스테이션", "ko", "4234"), ("네트워크 랙", "ko", "4236"), ("랜선", "ko", "4236"), ("타일카페트", "ko", "4232"),
    ("바퀴벌레", "ko", "561710"), ("빈대", "ko", "561710"), ("입사 키트", "ko", "5418"), ("팔레트", "ko", "3219"),
    ("디시워셔", "ko", "5613"), ("라인쿡", "ko", "5613"), ("경리 담당자", "ko", "5412"), ("기사님", "ko", "5613"),
    ("walk-in refrigerator", "en", "4237"), ("dough mixer", "en", "4234"), ("cockroaches", "en", "561710"),
    ("forklift driver", "en", "5613"), ("line cook", "en", "5613"),
])
def test_a_named_good_or_role_reads_to_the_firms_that_supply_it(form, language, naics):
    from mwbe_match.engine.lexicon import default_lexicon

    lexicon = default_lexicon()
    concepts = lexicon.korean(form) if language == "ko" else lexicon.english(form)
    assert concepts, f"{form!r} is not a form of any concept"
    assert any(p.startswith(naics) for c in concepts for p in c.naics), \
        f"{form!r} reads to {[c.concept for c in concepts]}, none implying NAICS {naics}"
