"""Engine stage 2a, tokens: English text normalization for matching (tokens, stopwords and a light stemmer).

One tokenizer serves the index and the queries: text is NFKC-normalized and
lower-cased, then split on anything that is not a letter or a digit (Hangul
stays in the tokens; ``3d`` and ``hvac`` are kept, numbers and one-letter tokens
are dropped). :func:`tokenize_array` does this for a whole pyarrow column with
pyarrow compute kernels; :func:`tokenize` is the same pipeline on one string.
One exception: in the index (:func:`tokenize_array`) "IT" written in capitals is
:data:`IT_TOKEN` (information technology; lower-case "it" is a pronoun and a
stopword), also in all-capital text ("IT TAKES A VILLAGE") and before Hangul
("IT서비스"); a query reaches it through its concepts' terms
(:func:`search_tokens`: "it support" searches it), not through :func:`tokenize`.

:func:`stem` is a Porter-style suffix stripper (steps 1-5 of Porter, 1980)
with three changes for supplier descriptions:

- agent nouns lose ``-er`` even on short stems, so *plumber*, *plumbers* and
  *plumbing* all give ``plumb`` (Porter keeps ``plumber``); stems shorter
  than four letters or ending consonant-vowel-consonant keep it (*user*,
  *water*, *cater*: *catering* and *caterer* both give ``cater``);
- ``-or`` is stripped like ``-er`` on longer stems (*distributor* ->
  ``distribut`` like *distribution*), except that *contractor* and
  *contracting* give ``contractor``, apart from *contract(s)* (the document),
  and a few words keep apart from a different meaning with the same stem
  (*tired* from *tire*, *general* and *generator* from each other);
- ``-orial`` and ``-ician`` reduce like their bases (*janitorial* ->
  ``janit`` like *janitor*; *electrician* -> ``electr`` like *electrical*).

Stems are index keys, not words: show users the words they typed (or the
directory's most frequent surface form of a stem), never a stem.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "STOPWORDS",
    "LEGAL_SUFFIXES",
    "tokenize",
    "tokenize_array",
    "IT_TOKEN",
    "search_tokens",
    "shown_token",
    "stem",
    "analyze",
    "is_indexable",
    "fold",
]

#: Legal-form words that say nothing about what a firm does.
LEGAL_SUFFIXES: frozenset[str] = frozenset(
    "llc inc corp corporation co ltd pllc pc lp llp dba incorporated limited pa plc".split()
)

#: Function words (and legal-form words) left out of matching.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each either etc few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not of off on once only or other our ours ourselves out
    over own per same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up upon us very via was we were what when where
    which while who whom why will with within without would you your yours yourself yourselves
    well may might must shall since among amongst whether yet thus hence therefore including include
    includes included inclusive e g ie eg vs
    """.split()
) | LEGAL_SUFFIXES

# Letters and digits (Hangul, accented letters included); everything else separates tokens.
_SPLIT_RE2 = r"[^\pL\pN]+"


def fold(token: str) -> str:
    """Strip accents from Latin letters (``café`` -> ``cafe``); Hangul is left whole."""
    if token.isascii():
        return token
    decomposed = unicodedata.normalize("NFD", token)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def is_indexable(token: str) -> bool:
    """Whether a token carries meaning: not a stopword, not a bare number, at least 2 characters."""
    return len(token) >= 2 and token not in STOPWORDS and not token.isdigit()


def tokenize_array(texts: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Tokenize a column of text in bulk.

    Args:
        texts: a pyarrow string array (nulls allowed).

    Returns:
        ``(rows, tokens)``: for every token, the row it came from (int64
        numpy array, non-decreasing) and the token itself (lower-cased,
        NFKC-normalized, accents not yet folded; stopwords included).
    """
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    if not pa.types.is_string(texts.type) and not pa.types.is_large_string(texts.type):
        texts = pc.cast(texts, pa.string())
    # "IT" in capitals is information technology, "it" a pronoun (a stopword): the one becomes IT_TOKEN
    normalized = pc.replace_substring_regex(pc.utf8_normalize(texts.fill_null(""), "NFKC"), _IT_RE2, IT_TOKEN)
    lowered = pc.utf8_lower(normalized)
    lists = pc.split_pattern_regex(lowered, _SPLIT_RE2)
    flat = lists.flatten()
    rows = np.asarray(pc.list_parent_indices(lists), dtype=np.int64)
    keep = pc.not_equal(flat, "")
    return rows[np.asarray(keep, dtype=bool)], pc.filter(flat, keep)


#: The index token of "IT" (information technology) written in capitals, in firms' text and in the English
#: search terms of concepts ("it support", "managed it services"): "it" itself is a pronoun, a stopword.
IT_TOKEN = "infotech"
_IT_RE2 = r"\bIT\b"


#: Words around "it" that make it the pronoun in a concept's phrase ("fix-it person", "post-it notes", "keep it
#: cold", "it is too hot"); elsewhere a concept's "it" ("it support", "managed it services", "our it") is IT.
_PRONOUN_BEFORE = frozenset({"fix", "post", "keep", "put", "turn", "make", "made", "do", "doing", "did", "get",
                             "got", "will", "would", "can", "could", "does", "is", "was", "take", "let", "have"})
_PRONOUN_AFTER = frozenset({"is", "s", "was", "into", "back", "cold", "frozen", "fresh", "sell", "by", "all",
                            "up", "down", "out", "off", "again", "work", "works", "done", "looks", "look",
                            "takes", "take", "too", "to"})


def search_tokens(words: list[str]) -> list[str]:
    """The index tokens of a concept phrase's words: its "it" is :data:`IT_TOKEN` unless the words around it make
    it the pronoun (:data:`_PRONOUN_BEFORE`, :data:`_PRONOUN_AFTER`); every other word is itself."""
    if "it" not in words:
        return words
    out = list(words)
    for i, word in enumerate(words):
        if word == "it" and not ((i > 0 and words[i - 1] in _PRONOUN_BEFORE)
                                 or (i + 1 < len(words) and words[i + 1] in _PRONOUN_AFTER)):
            out[i] = IT_TOKEN
    return out


def shown_token(token: str) -> str:
    """How a matched index token is named in reasons (:data:`IT_TOKEN` is "IT")."""
    return "IT" if token == IT_TOKEN else token


# Python's [^\W_] is a letter or digit (str.isalnum): the same class as RE2's [\pL\pN].
_TOKEN_RE = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """Tokens of one string, in order, split as :func:`tokenize_array` splits a column (accents folded).

    Pure Python (no pyarrow call), so it is cheap for a single query.
    """
    if not text:
        return []
    return _TOKEN_RE.findall(fold(unicodedata.normalize("NFKC", text).lower()))


def analyze(text: str) -> list[str]:
    """Stems of the meaningful tokens of ``text``, in order (stopwords and numbers dropped)."""
    return [stem(t) for t in tokenize(text) if is_indexable(t)]


# --------------------------------------------------------------------------- stemmer

_VOWELS = frozenset("aeiou")


def _is_consonant(word: str, i: int) -> bool:
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem_: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in ``stem_``."""
    m = 0
    prev_vowel = False
    for i in range(len(stem_)):
        vowel = not _is_consonant(stem_, i)
        if prev_vowel and not vowel:
            m += 1
        prev_vowel = vowel
    return m


def _has_vowel(stem_: str) -> bool:
    return any(not _is_consonant(stem_, i) for i in range(len(stem_)))


def _double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _is_consonant(word, len(word) - 1)


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (``hop``, not ``snow``)."""
    if len(word) < 3:
        return False
    return (
        _is_consonant(word, len(word) - 3)
        and not _is_consonant(word, len(word) - 2)
        and _is_consonant(word, len(word) - 1)
        and word[-1] not in "wxy"
    )


_STEP2 = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ("logi", "log"),
)
_STEP3 = (
    ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""),
    ("ness", ""), ("ician", "ic"), ("orial", "or"),
)
_STEP4 = (
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize", "or",
)
_STEP4_BY_LENGTH = tuple(sorted(_STEP4, key=len, reverse=True))


def _step1(w: str) -> str:
    # 1a: plurals
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s") and len(w) > 3:
        w = w[:-1]
    # 1b: -ed, -ing
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suffix in ("ed", "ing"):
            if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]) and len(w) - len(suffix) >= 2:
                w = w[: -len(suffix)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_consonant(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _measure(w) == 1 and _cvc(w):
                    w += "e"
                break
    # 1c: y -> i
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    return w


def _replace(w: str, rules: tuple[tuple[str, str], ...]) -> str:
    for suffix, repl in rules:
        if w.endswith(suffix):
            base = w[: -len(suffix)]
            if _measure(base) > 0:
                return base + repl
            return w
    return w


def _step4(w: str) -> str:
    for suffix in _STEP4_BY_LENGTH:
        if not w.endswith(suffix):
            continue
        base = w[: -len(suffix)]
        m = _measure(base)
        if suffix == "ion":
            return base if m > 1 and base.endswith(("s", "t")) else w
        if suffix == "er" and m == 1 and len(base) >= 4 and not _cvc(base):
            # agent nouns on short stems: plumber -> plumb, roofer -> roof
            # (but not cater, water, paper: a consonant-vowel-consonant stem keeps -er)
            return base
        return base if m > 1 else w
    return w


def _step5(w: str) -> str:
    if w.endswith("e"):
        base = w[:-1]
        m = _measure(base)
        if m > 1 or (m == 1 and not _cvc(base)):
            w = base
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


#: Words whose rule-made stem would merge two meanings: the trade (*contractor*, *contracting*) is kept
#: apart from the document (*contract*, *contracts*, *contractual*); being *tired* is not a *tire*; a
#: *general* contractor is no *generator* (and neither is lead *generation*).
_STEM_EXCEPTIONS: dict[str, str] = {
    **dict.fromkeys(("contractor", "contractors", "contracting"), "contractor"),
    **dict.fromkeys(("subcontractor", "subcontractors", "subcontracting"), "subcontractor"),
    **dict.fromkeys(("tired", "tiredness"), "tired"),
    **dict.fromkeys(("general", "generals", "generally"), "general"),
    **dict.fromkeys(("generator", "generators"), "generator"),
}


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """The stem of one lower-case token (see the module docstring for the rules).

    Tokens that are not plain ASCII letters (Hangul, digits, ``3d``) and
    tokens of three letters or fewer come back unchanged.
    """
    w = fold(token)
    if len(w) <= 3 or not w.isascii() or not w.isalpha():
        return w
    if w in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[w]
    w = _step1(w)
    w = _replace(w, _STEP2)
    w = _replace(w, _STEP3)
    w = _step4(w)
    w = _step5(w)
    return w
