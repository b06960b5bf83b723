"""Hanja in a Korean need, read in Hangul: ``事務室 청소`` is read as ``사무실 청소``.

Korean business writing still uses Hanja for some words (株式會社, 見積, 韓國, 事務室). Each Hanja of
KS X 1001 (the 4,888 of Korean character sets) is replaced by its Hangul reading
(``hanja_readings.txt``, from the Unicode Character Database's ``kHangul`` field), with the
initial-sound law (두음법칙) at the start of a word: 料理 -> 요리, 女子 -> 여자, 勞動 -> 노동,
and 列/率 after a vowel or ㄴ read 열/율 (比率 -> 비율). A run of ideographs with one outside
KS X 1001 (simplified Chinese: 办公室) is left as it is, whole: it is no Korean word.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

__all__ = ["contains_hanja", "hanja_to_hangul", "hanja_readings", "hanja_words"]

_READINGS_FILE = Path(__file__).with_name("hanja_readings.txt")

_SYLLABLE_BASE = 0xAC00
_SYLLABLE_LAST = 0xD7A3
# initial consonant indices (of the 19) and vowel indices (of the 21)
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
_I_LIKE = frozenset({2, 6, 7, 12, 17, 20})  # ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ: ㄹ and ㄴ before them are dropped at a word's start
_FINAL_NIEUN = 4


@functools.lru_cache(maxsize=1)
def hanja_readings() -> dict[str, str]:
    """Hanja -> its Hangul reading (one syllable), for the Hanja of KS X 1001."""
    table: dict[str, str] = {}
    for line in _READINGS_FILE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        reading, _, chars = line.partition("\t")
        for char in chars:
            table[char] = reading
    return table


# CJK ideographs: the unified blocks and the compatibility block (NFKC maps most of the latter)
_IDEOGRAPHS_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _readable_runs(text: str) -> list[re.Match[str]]:
    table = hanja_readings()
    return [m for m in _IDEOGRAPHS_RE.finditer(text) if all(char in table for char in m.group())]


def contains_hanja(text: str) -> bool:
    """Whether ``text`` contains a word of Hanja that all have a Korean reading."""
    return _IDEOGRAPHS_RE.search(text) is not None and bool(_readable_runs(text))


def _parts(syllable: str) -> tuple[int, int, int] | None:
    if len(syllable) != 1:
        return None
    code = ord(syllable)
    if not _SYLLABLE_BASE <= code <= _SYLLABLE_LAST:
        return None
    index = code - _SYLLABLE_BASE
    return index // 588, (index % 588) // 28, index % 28


def _syllable(initial: int, vowel: int, final: int) -> str:
    return chr(_SYLLABLE_BASE + (initial * 21 + vowel) * 28 + final)


def _initial_law(syllable: str) -> str:
    """A reading at the start of a word: 료 -> 요, 로 -> 노, 녀 -> 여."""
    parts = _parts(syllable)
    if parts is None:
        return syllable
    initial, vowel, final = parts
    if initial == _RIEUL:
        return _syllable(_IEUNG if vowel in _I_LIKE else _NIEUN, vowel, final)
    if initial == _NIEUN and vowel in _I_LIKE:
        return _syllable(_IEUNG, vowel, final)
    return syllable


def _after(previous: str, syllable: str) -> str:
    """렬/률 after a vowel or ㄴ read 열/율 (比率 비율, 羅列 나열); every other reading as it is."""
    if syllable not in ("렬", "률"):
        return syllable
    parts = _parts(previous)
    if parts is not None and parts[2] in (0, _FINAL_NIEUN):
        return "열" if syllable == "렬" else "율"
    return syllable


def _read_run(run: str, starts_word: bool) -> str:
    table = hanja_readings()
    out: list[str] = []
    for k, char in enumerate(run):
        reading = table[char]
        if char == "不":  # 불, but 부 before ㄷ and ㅈ (不動産 부동산, 不足 부족)
            following = _parts(table.get(run[k + 1], "")) if k + 1 < len(run) else None
            reading = "부" if following is not None and following[0] in (3, 12) else "불"
        if not out:
            out.append(_initial_law(reading) if starts_word else reading)
        else:
            out.append(_after(out[-1], reading))
    return "".join(out)


def hanja_to_hangul(text: str) -> str:
    """``text`` with every Hanja of KS X 1001 replaced by its Hangul reading (see the module docstring);
    everything else unchanged. A run of Hanja that follows a Hangul syllable continues that word (no
    initial-sound law)."""
    if _IDEOGRAPHS_RE.search(text) is None:
        return text
    out: list[str] = []
    last = 0
    for match in _readable_runs(text):
        start = match.start()
        before = text[start - 1] if start else ""
        out.append(text[last:start])
        out.append(_read_run(match.group(), not before or _parts(before) is None))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def hanja_words(text: str) -> tuple[tuple[str, str], ...]:
    """Each word of Hanja in ``text`` that is read, with its reading: ``(("事務室", "사무실"),)``."""
    if _IDEOGRAPHS_RE.search(text) is None:
        return ()
    return tuple(dict.fromkeys((m.group(), hanja_to_hangul(text[:m.end()])[-len(m.group()):])
                               for m in _readable_runs(text)))
