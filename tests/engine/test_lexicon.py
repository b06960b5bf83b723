"""Specification of the bilingual concept lexicon (mwbe_match.engine.lexicon) and reading needs through it."""

from __future__ import annotations

import subprocess
import sys
import warnings
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mwbe_match
from mwbe_match.engine import MatchConfig, Matcher
from mwbe_match.engine.lexicon import KINDS, Concept, Lexicon, LexiconError, default_lexicon
from mwbe_match.engine.readers import default_readers, resolve_glossary

HEADER = "concept,kind,en,ko,terms,naics,note\n"
CONFIG = MatchConfig(as_of="2026-06-01", include_lapsed=True)


def write(tmp_path: Path, rows: str, name: str = "ours.csv", header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + rows, encoding="utf-8")
    return path


@lru_cache(maxsize=None)
def bundled_directory():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return mwbe_match.load_directory(mwbe_match.bundled_sample_path())


@lru_cache(maxsize=None)
def readers():
    korean, english = default_readers()
    return korean, english.for_index(None)


def words(reading) -> set[str]:
    return {w.word for w in reading.words}


# -- the file format ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "line", "problem"),
    [
        ("cleaning,industry,cleaning,청소,,5617\n", 2, "expected 7 columns"),
        (",industry,cleaning,청소,,,\n", 2, "empty 'concept'"),
        ("Office-Cleaning,industry,cleaning,,,,\n", 2, "lower-case letters, digits and _"),
        ("cleaning,trade,cleaning,,,,\n", 2, "unknown kind 'trade'"),
        ("cleaning,,cleaning,,,,\n", 2, "empty 'kind'"),
        ("cleaning,industry,,,janitorial,5617,\n", 2, "neither 'en' nor 'ko'"),
        ("cleaning,industry,청소,,,,\n", 2, "contains Hangul"),
        ("cleaning,industry,cleaning,,,5,\n", 2, "not 2-6 digits"),
        ("cleaning,industry,cleaning,,,56A7,\n", 2, "not 2-6 digits"),
        ("cleaning,industry,cleaning,,,9917,\n", 2, "sector"),
        ("cleaning,industry,cleaning,,,,\n\ncleaning,industry,janitorial,,,,\n", 4, "already used on line 2"),
        ("hello,filler,please,부탁,,5617,\n", 2, "leave 'terms' and 'naics' empty"),
        ("acme,company,acme,,acme,,\n", 2, "leave 'terms' and 'naics' empty"),
        ("it,industry,,IT consulting,,,\n", 2, "must be one word"),
        ("cleaning,industry,cleaning,,청소,,\n", 2, "terms are English"),
        ("office,object,,사무실,,,\n", 2, "nothing to search"),  # the reader would have no word to search
    ],
)
def test_a_malformed_row_is_an_error_naming_file_line_and_problem(tmp_path, rows, line, problem):
    path = write(tmp_path, rows)
    with pytest.raises(LexiconError) as caught:
        Lexicon.load(path)
    assert str(caught.value).startswith(f"{path}: line {line}: ")
    assert problem in str(caught.value)
    assert (caught.value.file, caught.value.line) == (str(path), line)
    assert isinstance(caught.value, ValueError)


def test_a_file_without_the_header_or_in_the_old_glossary_format_is_refused_on_line_1(tmp_path):
    with pytest.raises(LexiconError, match=r"line 1: header lacks concept, kind"):
        Lexicon.load(write(tmp_path, "청소,cleaning,5617,\n", header=""))
    with pytest.raises(LexiconError, match="old glossary format"):
        Lexicon.load(write(tmp_path, "청소,cleaning,5617,\n", header="korean,english,naics,note\n"))
    with pytest.raises(LexiconError, match="line 1: empty file"):
        Lexicon.load(write(tmp_path, "", header=""))


def test_columns_may_come_in_any_order_with_a_bom_and_extra_columns(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffko,en,naics,kind,concept,note,terms,owner\n김치,kimchi,4244,industry,kimchi,,,me\n"
                     .encode("utf-8"))
    kimchi = Lexicon.load(path, bundled=False)["kimchi"]
    assert (kimchi.en, kimchi.ko, kimchi.naics, kimchi.search_terms) == (("kimchi",), ("김치",), ("4244",),
                                                                         ("kimchi",))
    assert (kimchi.source, kimchi.line) == (str(path), 2)


def test_the_bundled_lexicon_loads_every_concept_file_and_is_cached():
    lexicon = default_lexicon()
    assert lexicon is default_lexicon()
    assert len(lexicon) >= 900
    assert {c.kind for c in lexicon.concepts()} == set(KINDS)
    assert all(c.source.endswith(".csv") and c.line >= 2 for c in lexicon.concepts())


def test_a_user_concept_replaces_the_bundled_one_with_its_id_and_new_ones_are_added(tmp_path):
    bundled = default_lexicon()
    catering = bundled.korean("케이터링")[0]
    path = write(tmp_path, f"{catering.concept},industry,catering,케이터링,translation,54193,\n"
                           "kimchi,industry,kimchi,김치,,4244,\n")
    ours = Lexicon.load(path)
    assert len(ours) == len(bundled) + 1
    assert ours[catering.concept].naics == ("54193",) and ours[catering.concept].source == str(path)
    assert ours.english("catering")[0].naics == ("54193",)
    assert ours.files == (str(path),)
    assert bundled[catering.concept].naics != ("54193",)


def test_a_lexicon_merged_with_user_files_keeps_its_own_files_and_adds_theirs_in_order(tmp_path):
    first = write(tmp_path, "kimchi,industry,kimchi,김치,,4244,\n")
    second = tmp_path / "second.csv"
    second.write_text(HEADER + "kimchi,industry,kimchi,김치,,311421,\n", encoding="utf-8")
    base = Lexicon.load(first)
    both = base.merged(None, second)
    assert both.files == (str(first), str(second)) and base.files == (str(first),)
    assert both["kimchi"].naics == ("311421",) and base["kimchi"].naics == ("4244",)
    assert len(both) == len(base)  # the same concept id: the later file's row replaces it


def test_a_user_lexicon_changes_both_languages_in_the_matcher(tmp_path):
    path = write(tmp_path, "our_widget,industry,frobnicator,뷁뷁,asbestos abatement,56291,\n")
    for matcher in (Matcher(bundled_directory(), CONFIG, lexicon=path),
                    Matcher(bundled_directory(), MatchConfig(as_of="2026-06-01", lexicons=(str(path),)))):
        assert matcher.read("뷁뷁").naics_hints == matcher.read("frobnicator").naics_hints == ("56291",)
        assert matcher.glossary_files == (str(path),)


def test_a_matcher_takes_a_lexicon_object_as_is(tmp_path):
    lexicon = Lexicon.load(write(tmp_path, "kimchi,industry,kimchi,김치,,4244,\n"))
    glossary, files = resolve_glossary(lexicon=lexicon)
    assert glossary.lexicon is lexicon and files == ()
    assert Matcher(bundled_directory(), CONFIG, lexicon=lexicon).read("김치").naics_hints == ("4244",)


def test_a_malformed_user_lexicon_stops_the_matcher_with_file_and_line(tmp_path):
    path = write(tmp_path, "ok,industry,widgets,,,,\nbad,industry,widgets,,,5x,\n")
    with pytest.raises(ValueError, match=r"ours\.csv: line 3: NAICS prefix '5x'"):
        Matcher(bundled_directory(), CONFIG, lexicon=[path])


def test_closest_finds_concepts_by_spelling_in_both_scripts():
    lexicon = default_lexicon()
    assert any("케이터링" in c.ko for c, _ in lexicon.closest("케이타링", limit=3))
    best, score = lexicon.closest("plumbng", limit=1)[0]
    assert "plumbing" in best.en and 80 <= score < 100
    assert all(c.searched for c, _ in lexicon.closest("삼성", limit=5))


def test_the_check_command_counts_concepts_and_fails_on_a_bad_file(tmp_path):
    run = [sys.executable, "-m", "mwbe_match.engine.lexicon", "check", "--quiet"]
    good = subprocess.run(run, capture_output=True, text=True)
    assert good.returncode == 0, good.stderr
    assert "glossary.csv" in good.stdout and "surface forms in more than one concept" in good.stdout
    bad = write(tmp_path, "x,industry,,,,,\n")
    failed = subprocess.run([*run, str(bad)], capture_output=True, text=True)
    assert failed.returncode == 1 and "ours.csv: line 2:" in failed.stderr
    clash = write(tmp_path, "a,industry,acme cleaning,,,,\nb,company,acme cleaning,,,,\n", name="clash.csv")
    clashed = subprocess.run([*run, "--no-bundled", str(clash)], capture_output=True, text=True)
    assert clashed.returncode == 1 and "'acme cleaning' is content in one concept and filler/company" in clashed.stderr


# -- reading needs through it ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("english", "korean"), [
    ("office cleaning", "사무실 청소"),
    ("catering", "케이터링"),
    ("asbestos abatement", "석면 제거"),
])
def test_an_english_need_and_its_korean_twin_read_to_the_same_words_and_hints(english, korean):
    ko_reader, en_reader = readers()
    en, ko = en_reader.read(english, CONFIG), ko_reader.read(korean, CONFIG)
    assert en.naics_hints and en.naics_hints == ko.naics_hints
    assert words(en) == words(ko)
    assert en.hint_setting == ko.hint_setting == "hint_weight"


def test_intent_decides_the_industry_ahead_of_the_object_it_is_for():
    ko_reader, en_reader = readers()
    design = en_reader.read("design for a server room", CONFIG).naics_hints
    assert any(h.startswith("5413") or h.startswith("5414") for h in design)
    assert not any(h.startswith("2382") for h in design)  # not electrical installers
    staffing = en_reader.read("temporary workers for a warehouse", CONFIG).naics_hints
    assert any(h.startswith("5613") for h in staffing)
    assert not any(h.startswith("49") or h.startswith("48") for h in staffing)  # not couriers or warehousing
    korean = ko_reader.read("창고 단기 인력 파견", CONFIG).naics_hints
    assert any(h.startswith("5613") for h in korean) and not any(h.startswith("49") for h in korean)


def test_an_object_alone_still_reads_as_itself_and_weighs_less_next_to_an_intent():
    _, en_reader = readers()
    alone = en_reader.read("warehouse", CONFIG)
    assert "warehouse" in words(alone)
    with_intent = en_reader.read("staffing for a warehouse", CONFIG)
    weight: dict[str, float] = {}
    for w in with_intent.words:
        weight[w.word] = max(weight.get(w.word, 0.0), w.weight)
    assert weight["warehouse"] == CONFIG.object_weight < weight["staffing"]


@given(st.sampled_from(["looking for", "we need help with", "please", "samsung", "LG", "Manhattan", "Queens",
                        "mwbe"]))
@settings(max_examples=20, deadline=None)
def test_filler_company_names_and_places_are_never_searched_in_english(noise):
    _, en_reader = readers()
    plain = en_reader.read("plumbing repair", CONFIG)
    noisy = en_reader.read(f"{noise} plumbing repair", CONFIG)
    assert [(w.word, w.weight) for w in noisy.words] == [(w.word, w.weight) for w in plain.words]
    assert noisy.naics_hints == plain.naics_hints


def test_filler_and_company_names_are_never_searched_in_korean():
    ko_reader, _ = readers()
    plain = ko_reader.read("배관 수리", CONFIG)
    for noise in ("삼성전자", "LG전자", "견적 부탁드립니다", "업체 찾습니다"):
        noisy = ko_reader.read(f"{noise} 배관 수리", CONFIG)
        assert words(noisy) == words(plain), noise
        assert noisy.naics_hints == plain.naics_hints, noise
        assert not noisy.unreadable, noise


def test_a_user_filler_concept_silences_a_word_in_both_languages(tmp_path):
    path = write(tmp_path, "our_filler,filler,kindly;asap,급히요,,,\n")
    matcher = Matcher(bundled_directory(), CONFIG, lexicon=path)
    assert matcher.read("kindly plumbing asap").naics_hints == matcher.read("plumbing").naics_hints
    assert "kindly" not in matcher.read("kindly plumbing").unmatched_words
    assert matcher.read("급히요 배관").unknown_terms == ()


def test_a_concept_without_terms_searches_its_english_forms():
    concept = Concept("x", "industry", en=("pressure washing",), naics=("56179",))
    assert concept.search_terms == ("pressure washing",)
    assert Concept("y", "filler", en=("please",)).search_terms == ()


def test_a_one_word_form_that_is_an_english_function_word_reads_only_in_capitals():
    _, en_reader = readers()
    assert not any(u.startswith("it →") for u in en_reader.read("we want it to look better", CONFIG).understood)
    assert any(u.startswith("IT →") for u in en_reader.read("IT for our office", CONFIG).understood) or \
        en_reader.read("IT", CONFIG).naics_hints


def test_setting_the_retired_english_hint_weight_warns_that_it_is_ignored() -> None:
    import warnings

    from mwbe_match.engine import MatchConfig

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        MatchConfig()  # the default never warns (saved settings carry it)
    with pytest.warns(DeprecationWarning, match="english_hint_weight is deprecated and ignored"):
        config = MatchConfig(english_hint_weight=0.9)
    assert config.hint_weight == MatchConfig().hint_weight
