"""Engine stage 1, Korean everyday verbs: whether a whole word is a conjugated form of a known stem.

Korean writes a verb or an adjective as its stem with an ending that may merge
into the stem's last syllable: 돕- (help) is written 도와줄, 도우면, 도왔는데;
모르- (not know) 몰라요, 모르겠네요; 하- 해요, 했는데, 할지, 합니다. A reader
that knows the everyday stems (a lexicon's Korean forms written with a
trailing ``-``, :func:`~mwbe_match.engine.lexicon.korean_stem`) knows these words: they are request and
chat words, never content, never searched, never listed as not understood, and
never read by sound or as a typo of a concept.

:class:`Conjugations` answers "is this word a form of one of these stems?" by
analysis, not by listing every form: each stem gives a few *bases* (the stem,
its 어/아 form, its past form, the stem with a merged final ㄴ/ㄹ/ㅁ/ㅂ), each
base takes a fixed set of *tails* (고, 는데, 어요, 을까요, 겠네요, ...), and a
base may be followed by a form of an auxiliary verb (도와 + 줄, 알아 + 보고,
해야 + 할지, 하고 + 싶은데). Irregular stems (ㅂ, ㄷ, ㅅ, ㅎ, 르) are given
both their regular and their irregular bases; a base that no real word has
costs nothing, as only whole words are looked up. A word may start with the
negation adverb 안/못 written against the verb (안마심: 안 마심, "nobody
drinks it"; 안되고).
"""

from __future__ import annotations

import functools
from typing import Iterable

__all__ = ["Conjugations", "AUXILIARIES", "LIGHT_VERBS", "light_verb_form", "verb_beginnings"]

#: Auxiliary verbs that follow another verb's 어/아 form (도와 + 주다, 알아 + 보다, 쌓여 + 있다, 힘들어 + 하다),
#: its 고 form (하고 + 싶다, 하고 + 있다), its 야 form (해야 + 하다/되다) or its 게/지 form (하게 + 되다, 하지 + 않다).
AUXILIARIES: tuple[str, ...] = ("주", "드리", "보", "버리", "놓", "두", "있", "계시", "오", "가", "지", "하", "내",
                                "치우", "싶", "되", "않", "말", "못하", "대")
#: The verbs that make a verb of a noun (청소 + 했는데, 설치 + 해주세요, 고장 + 나요): their forms are endings
#: after a noun.
LIGHT_VERBS: tuple[str, ...] = ("하", "되", "시키", "받", "드리", "당하", "해주", "해드리", "해보", "나")

_BASE = 0xAC00
_BRIGHT = (0, 2, 8)  # ㅏ ㅑ ㅗ: take 아 rather than 어
_F_NONE, _F_N, _F_L, _F_M, _F_B, _F_SS, _F_D, _F_S, _F_H = 0, 4, 8, 16, 17, 20, 7, 19, 27


def _parts(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - _BASE
    if not 0 <= code <= 11171:
        return None
    return code // 588, (code % 588) // 28, code % 28


def _syllable(initial: int, vowel: int, final: int = 0) -> str:
    return chr(_BASE + initial * 588 + vowel * 28 + final)


# ----------------------------------------------------------------------------- tails

#: after the stem as it stands (consonant- and vowel-final stems alike)
_TAILS_STEM = frozenset("""다 고 구 고요 구요 는 는데 는데요 는지 는지도 는지요 는거 는게 는건 는걸 지 지만 지요 죠 지도 게 게요 기 기도
    기가 기는 기에 기엔 기로 기만 기까지 기를 기에는 네 네요 나 나요 냐 니 니까 니깐 니까요 던 던데 던데요 든 든지 도록 겠 겠다
    겠어 겠어요 겠네 겠네요 겠는데 겠는데요 겠습니다 겠지 겠지만 겠죠 겠고 잖아 잖아요 더라 더라고 더라고요 더라구요 더니 자 자고
    거나 거든 거든요 다가 다고 다는 다면 대요 다니 래요""".split())
#: after a vowel-final stem (or an ㄹ stem, an ㅂ stem's 우 form)
_TAILS_VOWEL = frozenset("""면 면요 니까 세요 셔서 셔야 셨 셨어요 셨는데 셨다 시고 시면 시는 실 신 십니다 시죠 시나요 시는데 시길 시니까
    려고 려구 려고요 려구요 려는 려는데 려면 러 러요 려나 며 면서 려 셔 셨으면 셨으니 시나 실까요 실지 시니 시던
    시죠 셔야 셔도 시려고 시는지""".split())
#: after a consonant-final stem
_TAILS_CONSONANT = frozenset("""은 은데 은데요 은지 은지도 을 을까 을까요 을지 을지도 을게 을게요 을께요 을수 을때 을만한 을거 을건데 음
    습니다 습니까 으면 으면요 으니까 으세요 으셔서 으셨 으시고 으시면 으시는 으실 으신 으려고 으려구 으려는 으려면 으러 으며
    은거 은게 은건 을래 을래요 는거 으면서 으려 으셔 으셨 으셨는데 으시나요 으실까요""".split())
#: after the stem with a merged ㄴ (한, 간, 힘든)
_TAILS_N = frozenset(" 데 데요 지 지도 다 다고 다는 다면 거 게 건 걸 가 가요 데도".split(" "))
#: after the stem with a merged ㄹ (할, 갈, 알)
_TAILS_L = frozenset(" 까 까요 지 지도 지요 게 게요 께 께요 래 래요 때 수 만한 만큼 거 건데 거예요 거에요 테니 텐데 걸 걸요".split(" "))
#: after the stem with a merged ㅁ (함, 마심: chat) or ㅂ (합니다)
_TAILS_M = frozenset([""])
_TAILS_B = frozenset("니다 니까 시다 니당".split())
#: after the 어/아 form (해, 도와, 몰라)
_TAILS_A = frozenset(" 요 서 서요 도 도요 야 야지 야죠 야겠 야겠어요 야겠네요 야해 야돼 야지요 라 봐 봐요 버려 버렸 줘 줘요 주세요 있어 있어요"
                     .split(" "))
#: after the past form (했, 도왔, 몰랐)
_TAILS_PAST = frozenset("""다 어 어요 어서 었 는데 는데요 고 구 지 지만 죠 네 네요 나 나요 니 니까 던 던데 습니다 습니까 을 을까 을까요
    을지 을텐데 으면 으니까 더라 더라고 더니 거든 거든요 겠 겠네 겠네요 겠다 잖아 잖아요 는지 다고 다는 대요""".split())
#: what links a verb to a following auxiliary verb, by the base it follows
_LINKS = {"stem": frozenset(["고", "게", "지", "구"]), "a": frozenset(["", "야"])}

# Chat spellings of endings: 하구, 해여, 했어여 (어요), 하져 (죠), 할께요 (할게요)
_CHAT = {"여": "요", "염": "요", "용": "요", "욤": "요", "쥬": "죠", "져": "죠"}


def _merge_final(syllable: str, final: int) -> str | None:
    parts = _parts(syllable)
    if parts is None or parts[2]:
        return None
    return _syllable(parts[0], parts[1], final)


def _bases(stem: str) -> list[tuple[str, str]]:
    """``(base, kind)`` for one stem; kinds: ``stem``, ``cons`` (consonant-final stem), ``vowel``, ``n``, ``l``, ``m``,
    ``b``, ``a`` (어/아 form), ``past``."""
    out: list[tuple[str, str]] = []
    head, last = stem[:-1], stem[-1]
    parts = _parts(last)
    if parts is None:
        return out
    i, v, f = parts
    out.append((stem, "stem"))

    def vowel_stem(word: str) -> None:  # the forms of a stem that ends in a vowel (or behaves so)
        out.append((word, "vowel"))
        for final, kind in ((_F_N, "n"), (_F_L, "l"), (_F_M, "m"), (_F_B, "b")):
            merged = _merge_final(word[-1], final)
            if merged:
                out.append((word[:-1] + merged, kind))

    def a_form(word: str) -> None:
        out.append((word, "a"))
        last_parts = _parts(word[-1])
        if last_parts and not last_parts[2]:
            out.append((word[:-1] + _syllable(last_parts[0], last_parts[1], _F_SS), "past"))

    bright = v in _BRIGHT
    if f:
        out.append((stem, "cons"))
        a_form(stem + ("아" if bright else "어"))
        if f == _F_L:  # ㄹ stems: 알면, 만들려고; ㄹ drops before ㄴ ㅂ ㅅ: 아는, 힘든, 힘듭니다, 아세요
            plain = head + _syllable(i, v)
            out.append((stem, "vowel"))
            out.append((stem, "l"))
            for final, kind in ((_F_N, "n"), (_F_B, "b")):
                out.append((head + _syllable(i, v, final), kind))
            out.append((plain, "stem"))  # 아는, 아니까 read as stem + tail
            out.append((plain, "vowel"))  # 아시는, 아세요, 만드시는
        if f == _F_B:  # ㅂ irregular: 돕 -> 도우면, 도와; 어렵 -> 어려워
            u = head + _syllable(i, v) + "우"
            vowel_stem(u)
            a_form(head + _syllable(i, v) + ("와" if v == 8 else "워"))
        if f == _F_D:  # ㄷ irregular: 듣 -> 들어, 들으면
            l_stem = head + _syllable(i, v, _F_L)
            a_form(l_stem + ("아" if bright else "어"))
            out.append((l_stem, "cons"))
        if f == _F_S:  # ㅅ irregular: 낫 -> 나아, 나으면
            plain = head + _syllable(i, v)
            a_form(plain + ("아" if bright else "어"))
            out.append((plain, "cons_s"))
        if f == _F_H:  # ㅎ irregular: 그렇 -> 그래, 그런, 그럴, 그러면; 어떻 -> 어때, 어떨지
            plain = head + _syllable(i, v)
            vowel_stem(plain)
            for vowel in (1, 5):  # ㅐ and ㅔ: 누래, 누레
                a_form(head + _syllable(i, vowel))
        return out
    if i == 18 and v == 0:  # 하 -> 해, 하여
        vowel_stem(stem)
        a_form(head + "해")
        a_form(stem + "여")
        return out
    vowel_stem(stem)
    if v in (0, 1, 4, 5, 6, 3, 7):  # 가, 내, 서, 세, 켜: the 어/아 form is the stem
        a_form(stem)
    elif v == 8:  # 보 -> 봐, 오 -> 와
        a_form(head + _syllable(i, 9))
        a_form(stem + "아")
    elif v == 13:  # 주 -> 줘, 바꾸 -> 바꿔
        a_form(head + _syllable(i, 14))
        a_form(stem + "어")
    elif v == 11:  # 되 -> 돼
        a_form(head + _syllable(i, 10))
        a_form(stem + "어")
    elif v == 20:  # 마시 -> 마셔, 맡기 -> 맡겨
        a_form(head + _syllable(i, 6))
        a_form(stem + "어")
    elif v == 18:  # 쓰 -> 써, 바쁘 -> 바빠, 모르 -> 몰라
        before = _parts(head[-1]) if head else None
        harmony = 0 if before is not None and before[1] in _BRIGHT else 4
        a_form(head + _syllable(i, harmony))
        if i == 5 and before is not None and not before[2]:  # 르 irregular: 모르 -> 몰라, 부르 -> 불러
            a_form(head[:-1] + _syllable(before[0], before[1], _F_L) + _syllable(5, harmony))
    else:  # 쉬 -> 쉬어, 띄 -> 띄어
        a_form(stem + "어")
    return out


_TAILS = {"stem": _TAILS_STEM, "vowel": _TAILS_VOWEL, "cons": _TAILS_CONSONANT, "cons_s": _TAILS_CONSONANT,
          "n": _TAILS_N, "l": _TAILS_L, "m": _TAILS_M, "b": _TAILS_B, "a": _TAILS_A, "past": _TAILS_PAST}


def _chat(word: str) -> str:
    """``word`` with a chat spelling of its last syllable written as the standard ending (해여 -> 해요)."""
    if len(word) >= 2 and word[-1] in _CHAT:
        return word[:-1] + _CHAT[word[-1]]
    return word


def _analyse(word: str, table: dict[str, frozenset[str]], aux: dict[str, frozenset[str]], depth: int = 0) -> bool:
    """Whether ``word`` is a base of ``table`` with one of its tails, or with a link and a form of ``aux``."""
    for cut in range(len(word), 0, -1):
        kinds = table.get(word[:cut])
        if not kinds:
            continue
        tail = word[cut:]
        if any(tail in _TAILS[kind] for kind in kinds):
            return True
        if depth < 2:
            for kind, links in _LINKS.items():
                if kind in kinds:
                    for link in links:
                        if tail.startswith(link) and len(tail) > len(link) \
                                and _analyse(tail[len(link):], aux, aux, depth + 1):
                            return True
    return False


def _table(stems: Iterable[str]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for stem in stems:
        for base, kind in _bases(stem):
            table.setdefault(base, set()).add(kind)
    return {k: frozenset(v) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def _aux_table() -> dict[str, frozenset[str]]:
    return _table(AUXILIARIES)


@functools.lru_cache(maxsize=1)
def _light_table() -> dict[str, frozenset[str]]:
    return _table(LIGHT_VERBS)


@functools.lru_cache(maxsize=8192)
def light_verb_form(tail: str) -> bool:
    """Whether ``tail`` is a form of a verb that makes a verb of the noun before it (했는데, 해주세요, 됐어요, 하죠:
    :data:`LIGHT_VERBS`), so that 청소했는데 is 청소 and an ending."""
    if not tail:
        return False
    return _analyse(tail, _light_table(), _aux_table()) or _analyse(_chat(tail), _light_table(), _aux_table())


def verb_beginnings(stem: str) -> frozenset[str]:
    """How the conjugated forms of ``stem`` begin (its bases): ``끊기`` -> 끊기, 끊겨, 끊겼, 끊긴, 끊길, 끊김, 끊깁
    (every form of the verb starts with one of them)."""
    return frozenset(base for base, _ in _bases(stem))


class Conjugations:
    """The stems of everyday verbs and adjectives, and which whole words are their forms.

    Args:
        stems: the stems (``"힘들"``, ``"돕"``, ``"모르"``); the :data:`AUXILIARIES` are always known.
    """

    def __init__(self, stems: Iterable[str]) -> None:
        self.stems = frozenset(stems) | frozenset(AUXILIARIES)
        self._table = _table(self.stems)
        self.is_form = functools.lru_cache(maxsize=8192)(self.is_form)  # type: ignore[method-assign]

    def __len__(self) -> int:
        return len(self.stems)

    def __repr__(self) -> str:
        return f"Conjugations({len(self)} stems)"

    def is_form(self, word: str) -> bool:
        """Whether ``word`` (a whole word, no spaces) is a conjugated form of one of the stems (도와줄, 안마심)."""
        if not word:
            return False
        if self._one(word):
            return True
        # the negation adverb written against its verb: 안마심 (안 마심), 못해요, 안되고
        return len(word) >= 2 and word[0] in "안못" and self._one(word[1:])

    def _one(self, word: str) -> bool:
        aux = _aux_table()
        return _analyse(word, self._table, aux) or _analyse(_chat(word), self._table, aux)
