"""The bilingual concept lexicon: what English and Korean words of a need mean, in one layer for both languages.

A *concept* is one meaning (a trade, the kind of work asked for, a setting, a
courtesy phrase, a company name) with its English and Korean surface forms,
the English search terms firms use for it and the NAICS industries it
implies. Both language readers (:mod:`mwbe_match.engine.readers`) read needs
through one :class:`Lexicon`, so ``office cleaning`` and ``사무실 청소`` read
to the same concept, search the same words and give the same industry hints.

File format
-----------
UTF-8 CSV (a BOM is tolerated; a user file may also be CP949, what Excel on
Korean Windows writes), comma-separated, standard CSV quoting, with the header
(column order free, names exact; further columns are ignored)::

    concept,kind,en,ko,terms,naics,note

``concept`` (required)
    unique id ``[a-z0-9_]+`` (``commercial_cleaning``, ``naics_238220``,
    ``intent_design``), unique within a file.
``kind`` (required)
    ``industry`` (a line of business firms offer), ``intent`` (the kind of
    work asked for: design, installation, staffing, supply, ...), ``object``
    (a thing or setting the work is *for*, which must not decide the industry:
    restaurant, office, warehouse), ``filler`` (request filler and courtesy:
    "looking for", "찾습니다"; never searched) or ``company`` (company and brand
    names: 삼성, LG전자; never searched, never an industry hint).
``en`` / ``ko`` (at least one)
    ``;``-separated surface forms. English in lower case, base forms (the
    reader stems: ``office cleaning`` also matches *office cleaners*); no
    Hangul. Korean as people write it, variant spellings included, no
    particles; spaces inside a Korean form are ignored when matching. A Korean
    form may be a Latin acronym used inside Korean text (``CCTV``, one word) or
    a name mixing both (``LG전자``). In a ``filler`` concept a Korean form ending in
    ``-`` is the stem of a verb or an adjective (``힘들-``, ``돕-``, ``모르-``): the
    Korean reader reads every conjugated form of it written as one word (힘들어요,
    도와줄, 몰라서, and 안마심 for 안 마심; :mod:`mwbe_match.engine.readers.conjugation`).
    In a situation's form of two or more words a part may be such a stem
    (its conjugated forms are looked for from their second syllable on): ``인터넷 끊기-`` is found as 인터넷이 끊겨요, 인터넷 끊기고,
    인터넷이 자꾸 끊겼어요 (:mod:`mwbe_match.engine.readers.situations`).
``terms``
    ``;``-separated English search terms, as firms write them in their
    descriptions (the first is the main one). Empty: the ``en`` forms. Must be
    empty for ``filler`` and ``company``.
``naics``
    ``;``-separated NAICS 2022 prefixes of 2 to 6 digits that the concept
    implies (soft hints: they raise industries, never filter). Must be empty
    for ``filler`` and ``company``.
``note``
    free text for maintainers.

Everyday words
--------------
``concepts/everyday_ko.csv`` holds the Korean words people write around what
they ask for: everyday verbs and adjectives (as stems), adverbs, question words,
pronouns, bound nouns, time words, hedges and chat words ("어떻게", "그냥", "미리",
"모르겠네요", "도와줄 곳 없을까요ㅠ"). They are ``filler``: understood, never
searched, never listed as not understood, never read by sound or as a typo of a
concept.

The bundled files are every ``*.csv`` in ``mwbe_match/engine/concepts/``,
loaded in name order; user files (:meth:`Lexicon.load`, ``MatchConfig.lexicons``,
``Matcher(lexicon=...)``, ``mwbe-match shortlist --lexicon FILE``) merge over
them: a concept with the id of an earlier one replaces it. A malformed row is a
:class:`LexiconError` naming the file, the line and the problem.

A surface form should belong to one concept. Where it is in several (a
genuinely ambiguous word) all of them are read, except that a form of a
concept in a user file is read as the user's concept(s) alone; ``python -m
mwbe_match.engine.lexicon check [FILES]`` lists such forms, and a form that is
``filler``/``company`` in one concept and content in another is an error there.

Situations
----------
A concept whose id starts with ``situation_`` (:data:`SITUATION_PREFIX`) is a
*situation*: a problem or goal told in everyday words, not naming the service
("keeps getting fined", "the wifi keeps dropping", "벌금 자꾸 맞아요",
"직원들 영어가 약해서"). Its forms are what people say; its ``terms`` and
``naics`` are the service that solves it (the first term is the main one). The
readers search that service first, at full weight, and say how they read it
("the wifi keeps dropping → network support, ... (a situation: read as network
support)"); a good the need names only as what the situation is about ("whether
Americans will like our snack") gives way to the service, as an object does. The
bundled situations are in ``concepts/situations.csv``; a situation is of kind
``industry`` (or ``intent``) like any content concept.

Senses
------
A concept whose id starts with ``sense_`` (:data:`SENSE_PREFIX`) is a *sense*: a
second meaning of a Korean form that other concepts own, read only where the
need's other concepts say so (토너 is printer toner, but skin toner beside K-뷰티
and 아이섀도; 냉동창고 is cold storage, but a walk-in cold room built beside 시공
and 냉동기 설치). The Korean reader reads a shared form as the sense (or senses)
that share an industry (:func:`~mwbe_match.engine.readers.base.shares_industry`)
with the need's other concepts, together with the owners when they share one
too; where none of its senses shares one, as its owners alone, as if the sense
were not there. A form only a sense has is read like any other form.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import io
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable, Sequence

from ..text import stem, tokenize

__all__ = ["Concept", "Lexicon", "LexiconError", "KINDS", "CONTENT_KINDS", "COLUMNS", "SITUATION_PREFIX",
           "SENSE_PREFIX", "default_lexicon",
           "english_key", "korean_key", "korean_stem", "no_gc", "parse", "parse_file", "bundled_files", "main"]

#: The concept kinds, in the order an ambiguous form prefers them.
KINDS: tuple[str, ...] = ("industry", "intent", "object", "filler", "company")
#: The kinds whose words are searched and whose NAICS prefixes are hints.
CONTENT_KINDS: frozenset[str] = frozenset({"industry", "intent", "object"})
#: The columns of a lexicon file (all required in the header).
COLUMNS: tuple[str, ...] = ("concept", "kind", "en", "ko", "terms", "naics", "note")
#: The id prefix of a situation concept (a problem or goal statement read as the service that solves it).
SITUATION_PREFIX = "situation_"
#: The id prefix of a sense concept (a second meaning of other concepts' Korean forms, read where the need's
#: other concepts share its industry).
SENSE_PREFIX = "sense_"

_ID_RE = re.compile(r"[a-z0-9_]+")
_NAICS_RE = re.compile(r"\d{2,6}")
_SECTORS = frozenset("11 21 22 23 31 32 33 42 44 45 48 49 51 52 53 54 55 56 61 62 71 72 81 92".split())
_HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff]")
_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
_STEM_RE = re.compile("[\uac00-\ud7a3]+-")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class LexiconError(ValueError):
    """A malformed lexicon file: ``"<file>: line <n>: <problem>"`` (attributes ``file``, ``line``, ``problem``)."""

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__(f"{file}: line {line}: {problem}")
        self.file, self.line, self.problem = file, line, problem


@dataclass(frozen=True)
class Concept:
    """One meaning of the lexicon.

    Attributes:
        concept: the id (``commercial_cleaning``).
        kind: one of :data:`KINDS`.
        en: English surface forms (lower case).
        ko: Korean surface forms (normalized; may be Latin acronyms such as ``CCTV``).
        terms: English search terms as written in the file (empty: :attr:`search_terms` are the ``en`` forms).
        naics: NAICS prefixes the concept implies.
        note: the maintainers' note.
        source: the file it was read from.
        line: its line in that file.
    """

    concept: str
    kind: str
    en: tuple[str, ...] = ()
    ko: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    naics: tuple[str, ...] = ()
    note: str = ""
    source: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def searched(self) -> bool:
        """Whether its words are searched and its NAICS prefixes hint (``industry``, ``intent``, ``object``)."""
        return self.kind in CONTENT_KINDS

    @property
    def situation(self) -> bool:
        """Whether it is a situation (id ``situation_...``, searched): a problem or goal read as the service
        that solves it (see the module docstring)."""
        return self.kind in CONTENT_KINDS and self.concept.startswith(SITUATION_PREFIX)

    @property
    def sense(self) -> bool:
        """Whether it is a sense (id ``sense_...``, searched): a second meaning of forms other concepts own, read
        only where the need's other concepts share its industry (see the module docstring)."""
        return self.kind in CONTENT_KINDS and self.concept.startswith(SENSE_PREFIX)

    @property
    def search_terms(self) -> tuple[str, ...]:
        """The English words searched for it, main first: ``terms``, else the ``en`` forms (none if not searched)."""
        if not self.searched:
            return ()
        return self.terms or self.en

    @property
    def label(self) -> str:
        """How explanations name it: its main search term, else its first surface form."""
        return (self.search_terms or self.en or self.ko or (self.concept,))[0]


def normalize(text: str) -> str:
    """NFKC, zero-width characters removed, whitespace collapsed and stripped."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if _ZERO_WIDTH_RE.search(text):
            text = _ZERO_WIDTH_RE.sub("", text)
    return " ".join(text.split())


@contextlib.contextmanager
def no_gc():
    """Pause the cyclic garbage collector while many small objects are built.

    Building the lexicon makes tens of thousands of tuples; in a process that
    already holds a large directory, each collection they trigger walks it all.
    Nothing built here forms reference cycles, so pausing costs nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def korean_key(form: str) -> str:
    """The lookup key of a Korean surface form: normalized, spaces removed, case-folded."""
    return normalize(form).replace(" ", "").casefold()


def korean_stem(form: str) -> str | None:
    """The verb or adjective stem a Korean form writes (``"힘들-"`` -> ``"힘들"``: Hangul syllables and one
    trailing ``-``), else None (the form is a word as written)."""
    return form[:-1] if _STEM_RE.fullmatch(form) else None


def english_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of an English phrase: the stems of all its tokens (stopwords kept, so phrases stay exact)."""
    return tuple(stem(t) for t in _tokens(phrase))


_WORD_RE = re.compile(r"[^\W_]+")


def _tokens(phrase: str) -> list[str]:
    """:func:`~mwbe_match.engine.text.tokenize`, with a fast path for lower-case ASCII (the lexicon's forms)."""
    if phrase.isascii() and phrase.islower():
        return _WORD_RE.findall(phrase)
    return tokenize(phrase)


# ---------------------------------------------------------------------------- parsing


def _decode(data: bytes, source: str, fallback: bool) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if fallback:
        try:
            return data.decode("cp949")
        except UnicodeDecodeError:
            pass
    line = data[: utf8_error.start].count(b"\n") + 1
    raise LexiconError(source, line, "not UTF-8 text" + (" (nor CP949)" if fallback else "")) from None


def _split(cell: str) -> tuple[str, ...]:
    """The ``;``-separated values of a cell (the file's text is already NFKC-normalized), each once."""
    if not cell:
        return ()
    out = {}
    for part in cell.split(";"):
        part = part.strip()
        if part:
            if "  " in part or "\t" in part or "\n" in part:
                part = " ".join(part.split())
            out[part] = None
    return tuple(out)


def parse(content: str, source: str) -> list[Concept]:
    """The concepts of one file's text; a malformed row raises :class:`LexiconError` naming ``source`` and the line."""
    if not content.isascii():  # normalized once for the whole file (full-width forms, zero-width characters)
        content = _ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFKC", content))
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise LexiconError(source, 1, "empty file; expected the header " + ",".join(COLUMNS)) from None
    except csv.Error as exc:
        raise LexiconError(source, 1, f"unreadable CSV ({exc})") from None
    header = [normalize(h) for h in header]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        old = (" (this is the old glossary format: write one concept per row, see mwbe_match.engine.lexicon)"
               if {"korean", "english"} <= set(header) else "")
        raise LexiconError(source, 1, f"header lacks {', '.join(missing)}; expected {','.join(COLUMNS)}"
                                      f" (found {','.join(header)!r}){old}")
    repeated = sorted({h for h in header if header.count(h) > 1 and h in COLUMNS})
    if repeated:
        raise LexiconError(source, 1, f"header repeats {', '.join(repeated)}")
    where = {c: header.index(c) for c in COLUMNS}
    concepts: list[Concept] = []
    seen: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise LexiconError(source, reader.line_num, f"unreadable CSV ({exc})") from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise LexiconError(source, line, f"expected {len(header)} columns ({','.join(header)}), found {len(row)}")
        concept = _concept({c: row[i] for c, i in where.items()}, source, line)
        if concept.concept in seen:
            raise LexiconError(source, line, f"concept id {concept.concept!r} already used on line "
                                             f"{seen[concept.concept]} of this file")
        seen[concept.concept] = line
        concepts.append(concept)
    return concepts


def _concept(cells: dict[str, str], source: str, line: int) -> Concept:
    def fail(problem: str) -> LexiconError:
        return LexiconError(source, line, problem)

    cid = normalize(cells["concept"])
    if not cid:
        raise fail("empty 'concept' id")
    if not _ID_RE.fullmatch(cid):
        raise fail(f"concept id {cid!r} must be lower-case letters, digits and _ only")
    kind = normalize(cells["kind"]).lower()
    if not kind:
        raise fail(f"empty 'kind' for {cid!r}; one of {', '.join(KINDS)}")
    if kind not in KINDS:
        raise fail(f"unknown kind {kind!r} for {cid!r}; one of {', '.join(KINDS)}")
    en = tuple(dict.fromkeys(p.casefold() for p in _split(cells["en"])))
    for form in en:
        if _HANGUL_RE.search(form):
            raise fail(f"English form {form!r} of {cid!r} contains Hangul (Korean forms go in 'ko')")
        if not _WORD_RE.search(form):
            raise fail(f"English form {form!r} of {cid!r} has no word (letters or digits, 2+ characters)")
    ko = _split(cells["ko"])
    for form in ko:
        if "-" in form and _HANGUL_RE.search(form):
            parts = form.split()
            stems = [p for p in parts if p.endswith("-")]
            if kind == "filler" and len(parts) == 1:
                if korean_stem(form) is None:
                    raise fail(f"Korean stem {form!r} of {cid!r} must be Hangul syllables followed by one '-'")
                continue
            if stems and cid.startswith(SITUATION_PREFIX) and kind in CONTENT_KINDS and len(parts) >= 2:
                bad = [p for p in stems if korean_stem(p) is None]
                if bad:
                    raise fail(f"stem part {bad[0]!r} of the situation form {form!r} of {cid!r} must be Hangul "
                               "syllables followed by one '-'")
                continue
            if stems:
                raise fail(f"Korean stem {form!r} of {cid!r}: a stem ending in '-' is a form of its own only in a "
                           "filler concept (filler concepts only), and a part of a form of two or more words only "
                           "in a situation")
        hangul = _HANGUL_RE.search(form) is not None
        if not hangul and not _LATIN_RE.search(form):
            raise fail(f"Korean form {form!r} of {cid!r} has no Hangul or Latin letters")
        if not hangul and " " in form:
            raise fail(f"Latin form {form!r} in 'ko' of {cid!r} must be one word (put phrases in 'en')")
    if not en and not ko:
        raise fail(f"concept {cid!r} has neither 'en' nor 'ko' forms")
    terms = _split(cells["terms"])
    for term in terms:
        if _HANGUL_RE.search(term):
            raise fail(f"search term {term!r} of {cid!r} contains Hangul (terms are English)")
    naics = _split(cells["naics"])
    for prefix in naics:
        if not _NAICS_RE.fullmatch(prefix):
            raise fail(f"NAICS prefix {prefix!r} of {cid!r} is not 2-6 digits")
        if prefix[:2] not in _SECTORS:
            raise fail(f"NAICS prefix {prefix!r} of {cid!r} does not start with a NAICS sector code")
    if kind not in CONTENT_KINDS and (terms or naics):
        raise fail(f"{kind} concept {cid!r} is never searched: leave 'terms' and 'naics' empty")
    if kind in CONTENT_KINDS and not terms and not en:
        raise fail(f"{kind} concept {cid!r} has nothing to search: give 'terms' or 'en' forms")
    return Concept(cid, kind, en, ko, tuple(t.casefold() for t in terms), naics, normalize(cells["note"]),
                   source, line)


def _read_path(path: str | os.PathLike[str]) -> tuple[str, str]:
    source = os.fspath(path)
    with open(path, "rb") as handle:
        data = handle.read()
    return _decode(data, source, fallback=True), source


def parse_file(path: str | os.PathLike[str]) -> list[Concept]:
    """The concepts of one user lexicon file (UTF-8, or CP949); LexiconError for a malformed row, OSError."""
    content, source = _read_path(path)
    return parse(content, source)


@functools.lru_cache(maxsize=1)
def bundled_files() -> tuple[str, ...]:
    """The bundled concept files (``mwbe_match/engine/concepts/*.csv``), in name order."""
    folder = resources.files("mwbe_match.engine") / "concepts"
    return tuple(str(folder / name) for name in sorted(p.name for p in folder.iterdir()
                                                       if p.name.endswith(".csv")))


@functools.lru_cache(maxsize=1)
def _bundled_concepts() -> tuple[Concept, ...]:
    out: list[Concept] = []
    for path in bundled_files():
        with open(path, "rb") as handle:
            out.extend(parse(_decode(handle.read(), path, fallback=False), path))
    return tuple(out)


# ---------------------------------------------------------------------------- the lexicon


_RANK = {k: i for i, k in enumerate(KINDS)}


def _own(table: dict, key: object, concept: Concept) -> None:
    owners = table.get(key)
    if owners is None:
        table[key] = [concept]
    elif owners[-1] is not concept:  # a concept's forms are added one after the other
        owners.append(concept)


def _ordered(table: dict, users: frozenset[str] = frozenset()) -> dict:
    """Each key's concepts as a tuple, the preferred kind first; a form in a user file's concept is theirs alone."""
    out = {}
    for k, v in table.items():
        if len(v) > 1 and users:
            mine = [c for c in v if c.source in users]
            v = mine or v
        out[k] = tuple(v) if len(v) == 1 else tuple(sorted(v, key=lambda c: _RANK[c.kind]))
    return out


class Lexicon:
    """The concepts in force, with the lookups the readers use (built once; immutable).

    Build one with :meth:`load` (bundled files, then user files merged over them) or from
    :class:`Concept` objects (a later concept replaces an earlier one with the same id).
    """

    def __init__(self, concepts: Iterable[Concept], files: Sequence[str] = ()) -> None:
        by_id: dict[str, Concept] = {}
        for concept in concepts:
            by_id.pop(concept.concept, None)  # a replaced concept takes the replacing one's place
            by_id[concept.concept] = concept
        self._concepts: tuple[Concept, ...] = tuple(by_id.values())
        self._by_id = by_id
        #: the user files merged over the bundled ones (in order)
        self.files: tuple[str, ...] = tuple(files)
        korean: dict[str, list[Concept]] = {}
        written: dict[str, str] = {}
        stems: dict[str, None] = {}
        for concept in self._concepts:
            for form in concept.ko:
                verb_stem = korean_stem(form) if concept.kind == "filler" else None
                if verb_stem is not None:
                    stems.setdefault(verb_stem, None)
                    continue
                if "-" in form and concept.situation and any(p.endswith("-") for p in form.split()):
                    continue  # 인터넷 끊기-: read by the situations' finder in every form of the verb
                key = korean_key(form)
                _own(korean, key, concept)
                written.setdefault(key, form)
        self._stems = tuple(stems)
        self._users = frozenset(self.files)
        self._korean = _ordered(korean, self._users)
        self._written = written
        self._english_tables: tuple[dict, dict] | None = None  # built on first English lookup
        self._closest: tuple[list[str], list[Concept]] | None = None

    def _english(self) -> tuple[dict[tuple[str, ...], tuple[Concept, ...]], dict[tuple[str, ...], tuple[Concept, ...]]]:
        """``(by stems, as written)``: English form keys -> concepts (built on first use; stemming is the cost)."""
        if self._english_tables is None:
            with no_gc():
                english: dict[tuple[str, ...], list[Concept]] = {}
                exact: dict[tuple[str, ...], list[Concept]] = {}
                for concept in self._concepts:
                    for form in concept.en:
                        tokens = tuple(_tokens(form))
                        if tokens:
                            _own(exact, tokens, concept)
                            _own(english, tuple(stem(t) for t in tokens), concept)
                self._english_tables = (_ordered(english, self._users), _ordered(exact, self._users))
        return self._english_tables

    @classmethod
    def load(cls, *paths: str | os.PathLike[str] | None, bundled: bool = True) -> "Lexicon":
        """The bundled lexicon (unless ``bundled=False``) with the user files ``paths`` merged over it, in order.

        ``None`` paths are skipped. Raises :class:`LexiconError` for a malformed file (file, line, problem)
        and OSError for one that cannot be read.
        """
        with no_gc():
            return cls._merged(_bundled_concepts() if bundled else (), (), paths)

    def merged(self, *paths: str | os.PathLike[str] | None) -> "Lexicon":
        """This lexicon with the user files ``paths`` merged over it, in order (``None`` paths skipped).

        Raises :class:`LexiconError` for a malformed file and OSError for one that cannot be read.
        """
        with no_gc():
            return self._merged(self._concepts, self.files, paths)

    @classmethod
    def _merged(cls, concepts: Sequence[Concept], files: Sequence[str],
                paths: Sequence[str | os.PathLike[str] | None]) -> "Lexicon":
        out, sources = list(concepts), list(files)
        for path in paths:
            if path is None:
                continue
            content, source = _read_path(path)
            out.extend(parse(content, source))
            sources.append(source)
        return cls(out, sources)

    # -- inspection

    def __len__(self) -> int:
        return len(self._concepts)

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} concepts" + (f", user files {list(self.files)})" if self.files else ")")

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self._by_id

    def __getitem__(self, concept_id: str) -> Concept:
        return self._by_id[concept_id]

    def concepts(self, kind: str | None = None) -> tuple[Concept, ...]:
        """All concepts (of one ``kind``), in load order."""
        return self._concepts if kind is None else tuple(c for c in self._concepts if c.kind == kind)

    # -- lookups

    def english(self, phrase: str) -> tuple[Concept, ...]:
        """The concepts an English phrase is a form of, preferred kind first.

        A form written exactly so (case aside) wins; else the forms with the same stems
        (``office cleaners`` is ``office cleaning``).
        """
        by_stems, as_written = self._english()
        tokens = tuple(_tokens(phrase))
        return as_written.get(tokens) or by_stems.get(tuple(map(stem, tokens)), ())

    def korean(self, form: str) -> tuple[Concept, ...]:
        """The concepts a Korean form (spaces and case ignored) is a form of, preferred kind first."""
        return self._korean.get(korean_key(form), ())

    def english_forms(self, exact: bool = False) -> dict[tuple[str, ...], tuple[Concept, ...]]:
        """Every English form's key (:func:`english_key`; ``exact``: its tokens as written) -> its concepts."""
        return dict(self._english()[1 if exact else 0])

    def korean_items(self) -> list[tuple[str, str, tuple[Concept, ...]]]:
        """``(key, form as first written, concepts)`` for every Korean form (key: :func:`korean_key`)."""
        return [(k, self._written[k], v) for k, v in self._korean.items()]

    def korean_stems(self) -> tuple[str, ...]:
        """The Korean verb and adjective stems of the filler concepts (forms written ``힘들-``), without the ``-``,
        in load order: the Korean reader reads their conjugated forms as filler."""
        return self._stems

    def korean_forms(self) -> dict[str, tuple[Concept, ...]]:
        """Every Korean form (as first written; forms equal but for spaces and case are one) -> its concepts."""
        return {self._written[k]: v for k, v in self._korean.items()}

    def closest(self, text: str, limit: int = 5) -> list[tuple[Concept, float]]:
        """The content concepts whose surface forms look most like ``text`` (rapidfuzz ratio 0-100), best first.

        For a "did you mean" list when nothing of a need was understood. Hangul
        is compared letter by letter (jamo), so one wrong letter costs little.
        """
        from rapidfuzz import fuzz, process

        from ..readers.korean import decompose_jamo

        if self._closest is None:
            keys, owners = [], []
            for concept in self._concepts:
                if concept.searched:
                    for form in (*concept.en, *concept.ko):
                        keys.append(decompose_jamo(korean_key(form)))
                        owners.append(concept)
            self._closest = (keys, owners)
        keys, owners = self._closest
        query = decompose_jamo(korean_key(text))
        if not query or not keys:
            return []
        best: dict[str, tuple[Concept, float]] = {}
        for _, score, i in process.extract(query, keys, scorer=fuzz.ratio, limit=max(limit * 4, limit)):
            concept = owners[i]
            if concept.concept not in best:
                best[concept.concept] = (concept, float(score))
        return sorted(best.values(), key=lambda cs: -cs[1])[:limit]

    # -- checks

    def ambiguous(self) -> dict[str, tuple[Concept, ...]]:
        """Surface forms (as written) in more than one concept -> those concepts."""
        out: dict[str, tuple[Concept, ...]] = {}
        seen: set[object] = set()
        for concept in self._concepts:
            keyed = [(("en", english_key(f)), f, self._english()[0]) for f in concept.en]
            keyed += [(("ko", korean_key(f)), f, self._korean) for f in concept.ko]
            for key, form, table in keyed:
                owners = table.get(key[1], ())
                if len(owners) > 1 and key not in seen:
                    seen.add(key)
                    out[form] = owners
        return out

    def problems(self) -> list[str]:
        """What ``check`` reports as errors: a form that is filler/company in one concept and content in another."""
        out = []
        for form, concepts in self.ambiguous().items():
            kinds = {c.searched for c in concepts}
            if len(kinds) > 1:
                where = ", ".join(f"{c.concept} ({c.kind}, {os.path.basename(c.source)}:{c.line})" for c in concepts)
                out.append(f"{form!r} is content in one concept and filler/company in another: {where}")
        return out


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon (loaded once and cached)."""
    return Lexicon.load()


# ---------------------------------------------------------------------------- python -m ... check


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mwbe_match.engine.lexicon check [FILES]``: load, count per kind and file, list ambiguous forms."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m mwbe_match.engine.lexicon",
                                     description="Check concept lexicon files (the bundled ones, then FILES).")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="load the lexicon, print counts and ambiguous forms")
    check.add_argument("files", nargs="*", help="user lexicon files merged over the bundled ones")
    check.add_argument("--no-bundled", action="store_true", help="check only FILES")
    check.add_argument("--quiet", action="store_true", help="do not list every ambiguous form")
    args = parser.parse_args(argv)
    try:
        lexicon = Lexicon.load(*args.files, bundled=not args.no_bundled)
    except (LexiconError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts: dict[tuple[str, str], int] = {}
    for concept in lexicon.concepts():
        key = (os.path.basename(concept.source) or "(built)", concept.kind)
        counts[key] = counts.get(key, 0) + 1
    files = sorted({f for f, _ in counts})
    print(f"{len(lexicon)} concepts")
    print(f"{'file':<32}" + "".join(f"{k:>10}" for k in KINDS) + f"{'total':>10}")
    for name in files:
        row = [counts.get((name, k), 0) for k in KINDS]
        print(f"{name:<32}" + "".join(f"{n:>10}" for n in row) + f"{sum(row):>10}")
    ambiguous = lexicon.ambiguous()
    print(f"{len(ambiguous)} surface forms in more than one concept")
    if not args.quiet:
        for form, concepts in sorted(ambiguous.items()):
            print(f"  {form}: " + ", ".join(f"{c.concept} ({c.kind})" for c in concepts))
    problems = lexicon.problems()
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    return 1 if problems else 0


