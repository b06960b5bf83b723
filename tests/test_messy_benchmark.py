"""The messy-Korean benchmark set (benchmarks/messy/) stays valid, and its scoring means what it says."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "messy_korean.py"
DOMAINS = {"it", "fitout", "facilities", "food", "events", "logistics", "professional", "staffing", "marketing",
           "environmental"}


@pytest.fixture(scope="module")
def messy():
    spec = importlib.util.spec_from_file_location("messy_korean", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["messy_korean"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("messy_korean", None)


@pytest.fixture(scope="module")
def sentences(messy):
    return messy.load_set()


#: Each set's minimum sizes: (sentences, traps). The held-out sets (written blind to the lexicon) are smaller.
MINIMUM = {"dev": (160, 30), "heldout": (100, 25), "heldout2": (150, 60), "dev2": (150, 100), "dev3": (150, 120)}


@pytest.fixture(scope="module", params=sorted(MINIMUM))
def a_set(request, messy):
    """(name, sentences, traps path) of each set, loaded as the script loads it for ``--set name``."""
    sentences_path, annotations_path, traps_path = messy.SETS[request.param]
    return request.param, messy.load_set(sentences_path, annotations_path), traps_path


def test_the_set_has_at_least_160_sentences_in_every_style_and_domain_with_unique_ids(messy, sentences):
    assert len(sentences) >= 160
    ids = [s.sentence_id for s in sentences]
    assert len(ids) == len(set(ids))
    assert {s.style for s in sentences} == set(messy.STYLES)
    assert DOMAINS <= {s.domain for s in sentences}


def test_every_sentence_is_annotated_and_every_annotated_word_occurs_in_it(messy, sentences):
    for s in sentences:
        assert s.content, f"{s.sentence_id} has no content word"
        for word in [c.word for c in s.content] + s.not_content:
            assert word in s.text, (s.sentence_id, word)
        assert all(c.meanings for c in s.content)
        assert not {c.word for c in s.content} & set(s.not_content), s.sentence_id


def test_each_set_is_valid_with_every_style_and_domain_and_annotated_words_in_their_sentences(messy, a_set):
    name, sentences, traps_path = a_set
    min_sentences, min_traps = MINIMUM[name]
    assert len(sentences) >= min_sentences
    assert len({s.sentence_id for s in sentences}) == len(sentences)
    assert {s.style for s in sentences} == set(messy.STYLES)
    assert DOMAINS <= {s.domain for s in sentences}
    for s in sentences:
        assert s.content, f"{name} {s.sentence_id} has no content word"
        for word in [c.word for c in s.content] + s.not_content:
            assert word in s.text, (name, s.sentence_id, word)
        assert not {c.word for c in s.content} & set(s.not_content), (name, s.sentence_id)
    traps = messy.load_traps(traps_path, sentences)
    assert len(traps) >= min_traps
    assert len({t.trap_id for t in traps}) == len(traps)
    texts = {s.sentence_id: s.text for s in sentences}
    for trap in traps:
        assert trap.text == texts[trap.sentence_id] if trap.sentence_id else trap.text
        assert trap.word in trap.text
        assert trap.forbidden or trap.expected


def test_the_held_out_set_shares_no_sentence_with_the_dev_set(messy):
    dev = {s.text for s in messy.load_set(*messy.SETS["dev"][:2])}
    heldout = messy.load_set(*messy.SETS["heldout"][:2])
    assert not dev & {s.text for s in heldout}
    assert not {s.sentence_id for s in messy.load_set()} & {s.sentence_id for s in heldout}


def test_no_two_sets_share_a_sentence_id_text_or_trap_id(messy):
    loaded = {name: (messy.load_set(*paths[:2]), paths[2]) for name, paths in messy.SETS.items()}
    traps = {name: {t.trap_id for t in messy.load_traps(path, sentences)} for name, (sentences, path) in loaded.items()}
    names = sorted(loaded)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not {s.text for s in loaded[a][0]} & {s.text for s in loaded[b][0]}, (a, b)
            assert not {s.sentence_id for s in loaded[a][0]} & {s.sentence_id for s in loaded[b][0]}, (a, b)
            assert not traps[a] & traps[b], (a, b)


def test_an_annotated_word_missing_from_its_sentence_is_an_error_naming_file_and_line(messy, tmp_path):
    sentences = tmp_path / "sentences.csv"
    sentences.write_text("sentence_id,style,domain,text\nX1,chat,food,케이터링 업체 찾아요\n", encoding="utf-8")
    annotations = tmp_path / "annotations.csv"
    annotations.write_text("sentence_id,content,not_content\nX1,도시락 = boxed lunch,찾아요\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"annotations\.csv: line 2: '도시락' does not occur in sentence X1"):
        messy.load_set(sentences, annotations)


def test_a_trap_without_sentence_or_text_is_an_error(messy, tmp_path, sentences):
    traps = tmp_path / "traps.csv"
    traps.write_text("trap_id,sentence_id,text,word,forbidden,expected,note\nT1,,,첼시,*,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"traps\.csv: line 2: give either a sentence_id or a text"):
        messy.load_traps(traps, sentences)


def test_a_meaning_matches_when_all_its_stems_are_read(messy):
    read = messy.stems("catering; caterer, event catering")
    assert messy.means(read, ["caterer"])
    assert messy.means(messy.stems("3D printing"), ["3d printing"])
    assert not messy.means(messy.stems("printing, print"), ["3d printing"])
    assert not messy.means(messy.stems("cable, cabling"), ["table"])


def test_scoring_tells_understood_misread_unknown_and_searched_filler_apart(messy):
    sentence = messy.Sentence("S1", "chat", "food", messy.normalize("첼시 케이터링 테이블 도시락 구해요"))
    sentence.content = [messy.ContentWord("케이터링", ("catering",)), messy.ContentWord("테이블", ("table",)),
                        messy.ContentWord("도시락", ("boxed lunch",))]
    sentence.not_content = ["첼시", "구해요"]

    def reader(text):
        return messy.TextReading(
            reads=(messy.Read("케이터링", ("catering", "caterer")), messy.Read("테이블", ("cable",)),
                   messy.Read("첼시", ("chelsea",))),
            unknown=("도시락",), naics_hints=("7223",))

    scores, _ = messy.score([sentence], reader)
    assert [(w.word, w.status) for w in scores.words] == [
        ("케이터링", "understood"), ("테이블", "misread"), ("도시락", "unknown")]
    assert [word for _, word, _ in scores.searched_not_content] == ["첼시"]
    assert scores.sentences_with_unknown == {"S1"}

    trap = messy.Trap("T1", "", sentence.text, "테이블", ("cable", "naics:7223"), ("table",), "")
    (result,) = messy.check_traps([trap], reader)
    assert result.outcome == "misread" and "hint 7223" in result.detail
