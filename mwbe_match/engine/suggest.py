"""When nothing of a need is understood: the concepts the engine knows that look most like its unknown words.

:func:`closest_concepts` gives, for one unknown word, the labels of the
nearest content concepts ("plumbing", "케이터링 (catering)"), by default from
the bundled concept lexicon's ``closest`` (:mod:`mwbe_match.engine.lexicon`,
when installed) or else from the bundled concept files and glossary. The
query stage asks it only for needs of which nothing was understood, and the
no-match reason lists what it found (:meth:`NeedReading.no_match_reason
<mwbe_match.engine.query.NeedReading.no_match_reason>`). Any callable
``word -> labels`` can stand in for it (e.g. one over a user's lexicon).
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path
from typing import Callable, Sequence

from rapidfuzz import fuzz, process

__all__ = ["ClosestConcepts", "closest_concepts", "suggestions_for", "MIN_SIMILARITY"]

#: ``word -> labels of the nearest concepts, best first``.
ClosestConcepts = Callable[[str], Sequence[str]]

#: Concepts less similar than this (rapidfuzz ratio, 0-100; Hangul compared by jamo) are not suggested.
MIN_SIMILARITY = 70.0

_CONCEPTS = Path(__file__).resolve().parent / "concepts"
_HANGUL_RE = re.compile("[\uac00-\ud7a3]")
_CONTENT_KINDS = ("industry", "intent", "object")


def _key(text: str) -> str:
    from .readers.korean import decompose_jamo, normalize_text

    return decompose_jamo(normalize_text(text).replace(" ", "").casefold())


def _label(word: str, en: Sequence[str], ko: Sequence[str], form: str) -> str:
    """A Korean word's suggestion in Korean with its English ("케이터링 (catering)"); an English word's in English."""
    english = en[0] if en else ""
    if _HANGUL_RE.search(word) and _HANGUL_RE.search(form):
        return f"{form} ({english})" if english else form
    return form if not _HANGUL_RE.search(form) else (english or form)


@functools.lru_cache(maxsize=1)
def _fallback_forms() -> tuple[list[str], list[tuple[tuple[str, ...], tuple[str, ...], str]]]:
    """Every content surface form of the bundled concept files and glossary, as lookup keys and owners."""
    keys: list[str] = []
    owners: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []

    def add(en: tuple[str, ...], ko: tuple[str, ...]) -> None:
        for form in (*en, *ko):
            keys.append(_key(form))
            owners.append((en, ko, form))

    for path in sorted(_CONCEPTS.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("kind") in _CONTENT_KINDS:
                    add(tuple(f.strip() for f in (row.get("en") or "").split(";") if f.strip()),
                        tuple(f.strip() for f in (row.get("ko") or "").split(";") if f.strip()))
    from .readers import default_glossary

    for entry in default_glossary().entries():
        add(tuple(entry.english), (entry.korean,))
    return keys, owners


def _lexicon_closest() -> Callable[[str, int], list] | None:
    try:
        from .lexicon import default_lexicon  # the bundled concept lexicon, where installed
    except ImportError:
        return None
    return default_lexicon().closest


def closest_concepts(word: str, limit: int = 2) -> tuple[str, ...]:
    """Labels of the (at most ``limit``) known content concepts most like ``word``, best first; none below
    :data:`MIN_SIMILARITY`.

    >>> closest_concepts("캐터링")[0]
    '케이터링 (catering)'
    """
    if not word or not word.strip():
        return ()
    closest = _lexicon_closest()
    found: dict[str, None] = {}
    seen: set = set()  # one label per concept (청소 and 청소해 are one concept)
    if closest is not None:
        for concept, score in closest(word, limit * 3):
            if score < MIN_SIMILARITY:
                continue
            forms = (*concept.ko, *concept.en) if _HANGUL_RE.search(word) else (*concept.en, *concept.ko)
            form = max(forms, key=lambda f: fuzz.ratio(_key(word), _key(f)), default="")
            if concept.concept in seen or form in seen:
                continue
            seen.update((concept.concept, form))
            found.setdefault(_label(word, concept.en, concept.ko, form), None)
            if len(found) == limit:
                break
        return tuple(found)
    keys, owners = _fallback_forms()
    for _, score, i in process.extract(_key(word), keys, scorer=fuzz.ratio, limit=limit * 6,
                                       score_cutoff=MIN_SIMILARITY):
        en, ko, form = owners[i]
        if (en[:1] or ko[:1]) in seen or form in seen:
            continue
        seen.update(((en[:1] or ko[:1]), form))
        found.setdefault(_label(word, en, ko, form), None)
        if len(found) == limit:
            break
    return tuple(found)


def suggestions_for(words: Sequence[str], closest: ClosestConcepts | None = None, most: int = 3) -> tuple[str, ...]:
    """``"'캐터링' → 케이터링 (catering)"`` for each of the first ``most`` words that has a close concept."""
    closest = closest if closest is not None else closest_concepts
    out = []
    for word in list(dict.fromkeys(words))[:most]:
        labels = tuple(closest(word))
        if labels:
            out.append(f"'{word}' → {', '.join(labels)}")
    return tuple(out)
