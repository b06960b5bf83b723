"""Engine stage 1c, a need's parts: the distinct services or goods a need asks for, and a top that shows each.

A need may ask for two or three kinds of work at once ("a plumber to run water lines ... and a cabinet maker
to build new cabinets"). Its readers name the concepts they read as work or goods to buy
(:class:`~mwbe_match.engine.readers.base.Part`: concepts that give industry hints; never context, the need's
own goods, places, or objects of other work). :func:`need_aspects` groups them into the need's **aspects**:
parts whose NAICS prefixes name the same industry (one a prefix of the other, 4 digits or more: "plumber"
23822 and "drain lines" 238220 are one aspect; "cabinet maker" 238350 is another) are one aspect, and a part
the text marks as what other work is for or on ("Painting contractor to repaint the doors") is part of that
work's aspect when they share an industry group. An aspect
is a **main** part of the need when its words carry at least :data:`MAIN_SHARE` of the idf mass of the need's
aspects (their words' part of the coverage denominator), so a word in passing does not make a second part.

A need with two or more main aspects is scored as before; then its top is chosen so that each main aspect
has a firm in it when a firm for it qualifies (:class:`AspectRanker`, "best firm per uncovered aspect"):

1. A main aspect is present in the plain top (the best ``top`` by score) when a firm there may well do it
   (:data:`TOUCHES`); a need whose main aspects are all present keeps its plain top, row for row.
2. For each missing one, the best-scored firm that covers it (:data:`COVERS`: its NAICS code is one the part
   names and its text matches the words that name the part) and scores at least :data:`GUARD` of the firm it
   would displace is brought in. The candidates are every firm that meets the need's requirements, not only
   those near the top.
3. It displaces the lowest-ranked firm of the top whose parts other firms of the top also do.
4. The top is ordered by score, as any top: ``score`` keeps its meaning (the firm's evidence for the whole
   need) and falls with the rank; a firm brought in ranks by its score, and a firm left out may score more
   than it. Its reason starts "Covers the second part of the need: 'cabinet maker'".

A need with one main aspect ("office cleaning for our warehouse": the warehouse is where the work is) is
ranked exactly as without any of this (``MatchConfig.cover_parts=False`` switches it off).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .caching import BoundedCache, PerObjectCache
from .readers.base import shares_industry

__all__ = ["Aspect", "AspectRanker", "PartEvidence", "need_aspects", "main_aspects", "MAIN_SHARE", "same_work",
           "ORDINALS", "COVERS", "TOUCHES", "GUARD"]

#: The share of the idf mass of a need's aspects (their words' part of the coverage denominator) an aspect's
#: words must carry to be a main part.
MAIN_SHARE = 0.2

#: How reasons count the parts of a need ("covers the second part of the need: 'cabinet maker'").
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")


@dataclass(frozen=True)
class Aspect:
    """One distinct service or goods a need asks for.

    Attributes:
        label: how reasons name it: its first part's words ("cabinet maker", "하부장 (cabinets)").
        naics: the NAICS prefixes of its parts (their hints), each once.
        slots: the coverage slots of its parts' words.
        share: the share of the need's idf mass its words carry (0-1).
        named_by: the coverage slots of the words of its first part (the words that name it: "cabinet maker").
        named_naics: the NAICS prefixes of its first part.
    """

    label: str
    naics: tuple[str, ...]
    slots: tuple[int, ...]
    share: float
    named_by: tuple[int, ...] = ()
    named_naics: tuple[str, ...] = ()


def same_work(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two concepts' NAICS prefixes name the same industry: one is a prefix of the other and both
    have at least 4 digits (``23822`` and ``238220``; not ``238220`` and ``238350``)."""
    return any(len(p) >= 4 and len(q) >= 4 and (p.startswith(q) or q.startswith(p)) for p in a for q in b)


def need_aspects(parts: Sequence, terms: Sequence, idf: np.ndarray) -> tuple[Aspect, ...]:
    """The need's aspects, in the order of the text: its parts (:class:`~mwbe_match.engine.readers.base.Part`)
    grouped by :func:`same_work`, each with the share of the need's idf mass its words carry.

    ``terms``: the need's :class:`~mwbe_match.engine.query.QueryTerm` s; ``idf``: the index's idf per term.
    A part with no 4-digit prefix names no industry of its own and is no aspect; nor is a part whose words
    no firm uses.
    """
    parts = [p for p in parts if any(len(code) >= 4 for code in p.naics)]
    if not parts:
        return ()
    group = list(range(len(parts)))

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for i in range(len(parts)):
        for j in range(i):
            if same_work(parts[i].naics, parts[j].naics):
                group[root(i)] = root(j)
    for i, part in enumerate(parts):  # what other work is for or on is part of that work
        if part.setting:
            owner = next((j for j, other in enumerate(parts) if not other.setting
                          and shares_industry(part.naics, other.naics)), None)
            if owner is not None:
                group[root(i)] = root(owner)
    best_at: dict[int, float] = {}  # each slot's idf mass, as the coverage denominator counts it
    for term in terms:
        slot = term.slot if term.slot >= 0 else term.position
        best_at[slot] = max(best_at.get(slot, 0.0), float(idf[term.term]) * term.weight)
    total = sum(best_at.values())
    members: dict[int, list] = {}
    for k, part in enumerate(parts):
        members.setdefault(root(k), []).append(part)
    out = []
    for grouped in members.values():
        slots = tuple(dict.fromkeys(s for p in grouped for s in p.slots))
        mass = sum(best_at.get(s, 0.0) for s in slots)
        if mass <= 0:
            continue
        naics = tuple(dict.fromkeys(code for p in grouped for code in p.naics))
        out.append(Aspect(grouped[0].label, naics, slots, mass / total if total else 0.0,
                          tuple(grouped[0].slots), tuple(grouped[0].naics)))
    return tuple(out)


def main_aspects(aspects: Sequence[Aspect]) -> tuple[Aspect, ...]:
    """The aspects that are main parts of the need (:data:`MAIN_SHARE`); none when fewer than two are."""
    total = sum(a.share for a in aspects)
    main = tuple(a for a in aspects if total > 0 and a.share >= MAIN_SHARE * total)
    return main if len(main) >= 2 else ()


#: A firm covers an aspect (and may be brought in for it) when its NAICS code is among the hints of the aspect's
#: first part and its text matches at least this share of the idf mass of the words that name the aspect (its
#: first part's words: "cabinet maker"). Measured on the judged needs: text alone, at any share, brought in
#: firms that only share a word with a part (a restaurant with "booth" for a photo booth).
COVERS = 0.5
#: A part counts as present in a top when a firm there matches :data:`COVERS` of the idf mass of all the part's
#: words, or this share with a NAICS code among the part's hints: a looser test than the one for a firm brought
#: in, so a part is filled only when the top has no firm that may well do it.
TOUCHES = 0.25
#: A firm brought in for a part scores at least this share of the score of the firm it displaces, so it is
#: still a credible firm for the whole need (measured: 0.4 and 0.6 brought in firms for misread parts, such as
#: the need's own snacks in a catalog need, and lowered ``benchmarks/quality.py``; 0.7 kept it level).
GUARD = 0.7
#: About how many bytes of covering firms (:meth:`AspectRanker.evidence`) a ranker keeps per prepared query
#: (some 40 KB a need of two parts at 11,000 firms: about 800 needs).
KEPT_BYTES = 32 << 20


@dataclass
class PartEvidence:
    """What the firms show for the main aspects of a block's needs.

    Attributes:
        needs: the block positions of the needs with two or more main aspects.
        aspects: those needs' main aspects, in order.
        covers: per need, (aspects x n bool) the firms that cover each aspect (:data:`COVERS`).
        touches: per need, (aspects x n bool) the firms that may well do each aspect (:data:`TOUCHES`).
    """

    needs: list[int]
    aspects: list[tuple[Aspect, ...]]
    covers: list[np.ndarray]
    touches: list[np.ndarray]


class AspectRanker:
    """Chooses a multi-part need's top so that each main aspect has a firm in it (see the module).

    Built once per matcher from its text index and NAICS codes.
    """

    def __init__(self, index, naics, config) -> None:
        self.index = index
        self.naics = naics
        self.config = config
        self._in_codes: BoundedCache[np.ndarray] = BoundedCache(256)  # NAICS codes -> the firms inside them
        #: a prepared query -> (its covers, its touches) for the queries of several main parts (a reading is
        #: kept by the matcher, so the needs of one text share them across blocks); about 4 bytes a firm
        #: each: as many as fit in about :data:`KEPT_BYTES`
        self._kept: PerObjectCache[tuple] = PerObjectCache(max(1, KEPT_BYTES // (4 * max(index.n_firms, 1))))

    def clear_caches(self) -> None:
        """Forget the firms kept per NAICS codes and per prepared query."""
        self._in_codes.clear()
        self._kept.clear()

    def evidence(self, queries: Sequence) -> PartEvidence | None:
        """The main aspects of the queries and which firms cover each (None: no need has two main parts).

        The firms of a query's aspects are a function of the query alone: they are kept per prepared query
        (a need of a text read before takes the arrays computed then; they are read-only)."""
        if not self.config.cover_parts:
            return None
        needs, aspects = [], []
        for i, q in enumerate(queries):
            main = main_aspects(q.aspects)
            if main:
                needs.append(i)
                aspects.append(main)
        if not needs:
            return None
        kept = [self._kept.get(queries[i]) for i in needs]
        missing = [k for k, found in enumerate(kept) if found is None]
        if missing:
            for k, covering in zip(missing, self._covering([queries[needs[k]] for k in missing],
                                                           [aspects[k] for k in missing])):
                kept[k] = self._kept.put(queries[needs[k]], covering)
        return PartEvidence(needs, aspects, [found[0] for found in kept], [found[1] for found in kept])

    def _covering(self, queries: Sequence, aspects: list[tuple[Aspect, ...]]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per query, (aspects x n bool, read-only) the firms that cover each of its main ``aspects`` and those
        that touch it."""
        # two rows per aspect: the words that name it (its first part), and all its words
        rows = [_AspectQuery([t for t in q.terms if (t.slot if t.slot >= 0 else t.position) in set(slots)])
                for q, main in zip(queries, aspects) for a in main for slots in (a.named_by or a.slots, a.slots)]
        Q, denom = self.index.query_matrix(rows)
        text = self.index.score_block(Q)
        share = text / np.where(denom > 0, denom, 1.0).astype(np.float32)[:, None]
        out, k = [], 0
        for main in aspects:
            strict = np.empty((len(main), self.index.n_firms), dtype=bool)
            loose = np.empty_like(strict)
            for j, aspect in enumerate(main):
                named, whole = share[k], share[k + 1]
                strict[j] = (named >= COVERS) & self._industry(aspect.named_naics or aspect.naics)
                loose[j] = strict[j] | (whole >= COVERS) | ((whole >= TOUCHES) & self._industry(aspect.naics))
                k += 2
            strict.flags.writeable = False
            loose.flags.writeable = False
            out.append((strict, loose))
        return out

    def _industry(self, codes: tuple[str, ...]) -> np.ndarray:
        return self._in_codes.get_or_build(codes, self.naics.in_codes, codes)

    @staticmethod
    def contenders(parts: PartEvidence, eligible: np.ndarray, contenders: np.ndarray) -> None:
        """Adds to ``contenders`` (m x n bool, in place) every eligible firm covering a main aspect of its need."""
        for i, covers in zip(parts.needs, parts.covers):
            contenders[i] |= eligible[i] & covers.any(axis=0)

    @staticmethod
    def choose(parts: PartEvidence, need_pos: np.ndarray, firms: np.ndarray, score: np.ndarray,
               key: np.ndarray, chosen: np.ndarray, ranks: np.ndarray, top: int
               ) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
        """The chosen pairs and their ranks with each multi-part need's top re-chosen, and the reason phrase
        of each pair brought in for a part (pair index -> "covers the second part of the need: '...'").

        ``need_pos`` (ascending), ``firms``, ``score``, ``key``: the scored pairs; ``chosen``, ``ranks``: the
        plain top of every need (:func:`~mwbe_match.engine.results.top_pairs`)."""
        m = max(parts.needs) + 1
        bounds = np.searchsorted(need_pos, np.arange(m + 1))
        chosen_bounds = np.searchsorted(need_pos[chosen], np.arange(m + 1))
        said: dict[int, str] = {}
        pieces_c, pieces_r = [], []
        last = 0
        for i, main, covers, touches in zip(parts.needs, parts.aspects, parts.covers, parts.touches):
            a, b = int(bounds[i]), int(bounds[i + 1])
            ca, cb = int(chosen_bounds[i]), int(chosen_bounds[i + 1])
            if a == b:
                continue
            plain = chosen[ca:cb]
            picked = _pick(plain, np.arange(a, b), firms, score, key, covers, touches, main, top, said)
            if picked is None:
                continue
            pieces_c += [chosen[last:ca], picked]
            pieces_r += [ranks[last:ca], np.arange(1, len(picked) + 1)]
            last = cb
        if not pieces_c:
            return chosen, ranks, said
        pieces_c.append(chosen[last:])
        pieces_r.append(ranks[last:])
        return np.concatenate(pieces_c), np.concatenate(pieces_r), said


def _pick(plain: np.ndarray, pairs: np.ndarray, firms: np.ndarray, score: np.ndarray, key: np.ndarray,
          covers: np.ndarray, touches: np.ndarray, main: tuple[Aspect, ...], top: int, said: dict[int, str]
          ) -> np.ndarray | None:
    """One need's top (pair indices, best first): its plain top with, for each main aspect no firm of it
    touches, the best-scored firm covering it (scoring at least :data:`GUARD` of the firm it displaces) in
    place of the lowest-ranked firm whose parts other firms of the top touch too; None when the plain top
    stays. ``pairs``: the need's scored pairs; ``said`` gets the reason phrase of each firm brought in."""
    if len(plain) < top:  # every firm that qualifies is in the top already
        return None
    missing = np.flatnonzero(~touches[:, firms[plain]].any(axis=1))
    if not len(missing):
        return None
    rest = pairs[~np.isin(pairs, plain)]
    rest = rest[np.argsort(-key[rest], kind="stable")]  # best first
    kept = plain.tolist()
    brought: set[int] = set()
    for j in missing.tolist():
        at = _displaced(kept, brought, firms, touches)
        if at is None:
            break
        fits = rest[covers[j, firms[rest]] & (score[rest] >= GUARD * float(score[kept[at]]))]
        if not len(fits):
            continue
        pair = int(fits[0])
        rest = rest[rest != pair]
        kept[at] = pair
        brought.add(pair)
        said[pair] = f"covers the {ORDINALS[min(j, len(ORDINALS) - 1)]} part of the need: '{main[j].label}'"
    if not brought:
        return None
    out = np.array(kept, dtype=np.int64)
    return out[np.argsort(-key[out], kind="stable")]


def _displaced(kept: list[int], brought: set[int], firms: np.ndarray, touches: np.ndarray) -> int | None:
    """The position in ``kept`` of the lowest-ranked firm (not one brought in) whose parts other firms of
    ``kept`` touch too (a firm that touches no part qualifies); None when every firm is the only one of a part."""
    held = touches[:, firms[np.array(kept, dtype=np.int64)]]  # aspects x kept
    count = held.sum(axis=1)
    for k in range(len(kept) - 1, -1, -1):
        if kept[k] in brought:
            continue
        if not (held[:, k] & (count == 1)).any():
            return k
    return None


@dataclass
class _AspectQuery:
    """The terms of one aspect, as :meth:`TextIndex.query_matrix` reads a query."""

    terms: list
