"""Engine stage 1, negation and exclusion: the parts of a need that it says it does *not* want.

Analysts write what a need is not as often as what it is: "웨딩 아니고 기업 행사",
"케이터링 말고 도시락", "카펫 청소는 필요 없고", "office cleaning, not carpet
cleaning", "we don't need catering". A reader marks the pieces such a phrase
covers as negated (:attr:`~mwbe_match.engine.readers.base.Piece.negated`);
:func:`~mwbe_match.engine.readers.base.compose` never searches them and takes no
industry hint from them, and the reading lists them
(:attr:`~mwbe_match.engine.readers.base.Reading.excluded`), so that reasons and
no-match rows say "Not searched: 웨딩 (the need excludes it)".

Korean marks the excluded noun *after* it (X 아니고 / 아니라 / 아닌 / 말고 / 빼고 /
제외 / 필요 없고 / 불필요 / 없이 / 대신 / 안 해도), English mostly *before* it (not / no /
except / excluding / other than / rather than / instead of / without / we don't
need X) and sometimes after it (X not needed / X is not required).

Phrases that look like negations and are not are left alone: "not only X but
also Y", "no later than", "no more than", "X뿐만 아니라" (not only X),
"X 말고도" (besides X: X is wanted too), "X 아니면 Y" (X or Y), "X 없이는 안 됨"
(cannot do without X), adverbs such as 빠짐없이 (without exception), 대신 before a verb
("통관 업무 대신 처리해 줄": on our behalf), 빼주/빼서 (take it out for us: the work), "no-" in a
compound ("no-VOC paint") or before a number ("no 2 heating oil"), and symptoms, which say what to
fix ("AC not cooling", "the freezer is not freezing", "no hot water").

Scope: in Korean the negated noun phrase is the term right before the marker
and the terms written directly before it (only spaces, or 과/와/이나/랑/및,
between them: "웨딩이나 돌잔치 말고" excludes both; a comma ends the phrase); in English the words after
a forward marker up to punctuation or a clause word ("but", "just", "we", ...),
"and"/"or" continuing it, and before a backward marker back to punctuation or a
clause word. A concept the need also names outside a negation is kept
("웨딩 행사 말고 기업 행사" still searches 행사).

No demotion: firms that also offer the excluded service are not penalised
(there is no score column for it). A firm's evidence for a need comes only from
what the need searches and the industries it hints at; the excluded concept
adds neither, so a firm whose only evidence was the excluded concept has none
left and is not returned, while a firm that offers both ("weddings and
corporate events") is exactly what "웨딩 아니고 기업 행사" asks for and keeps its
rank. A penalty would push down the versatile firms, which are most of the
directory's event planners, caterers and cleaners.

Not read as negations (left out): negated places ("not in Queens" still
prefers Queens softly), negated requirements ("not union"), 못 + verb and
double negation.
"""

from __future__ import annotations

import re
from typing import Sequence

__all__ = ["korean_negated", "korean_topics_refused", "english_negation", "NEGATION_MARKERS_KO"]

# --------------------------------------------------------------------------- Korean

#: Particles that may stand between the excluded noun and the marker (웨딩은 아니고, 카펫 청소는 필요 없고).
_KO_PARTICLE = r"(?:은|는|이|가|을|를|도|만|까지|의|이라|라)?"
#: The Korean markers that exclude the noun phrase before them (for the reference; the regex below is the rule).
NEGATION_MARKERS_KO: tuple[str, ...] = ("아니고", "아니라", "아닌", "말고", "빼고", "제외", "필요 없", "불필요",
                                        "없이", "대신")
#: Words that may stand between the excluded noun and the marker (통관대행 업체 말고, 인쇄소 같은 곳 말고).
_KO_HEAD = r"(?:\s*(?:업체|회사|쪽|곳|센터|서비스|용역|신청|계약|주문|예약|섭외|같은\s*(?:거|곳|데|업체)|이런\s*(?:거|곳|데)"\
    r"|라이센스|라이선스|면허|자격증))?"
#: A gloss in parentheses closed between the excluded term and the marker (슈퍼(상주 관리인) 대신): the term in it and
#: the one before it are one excluded phrase.
_KO_GLOSS_CLOSE = r"(?:\s*\))?"
_KO_MARKER = re.compile(
    _KO_GLOSS_CLOSE + _KO_HEAD + r"\s*" + _KO_PARTICLE + r"\s*(?:"
    r"아니(?:고|구|라|며|지만|에요|예요|요|고요|구요|었고)"   # 아니면 (= or) is not here
    r"|아닌(?!지|가|데|가요)"                                # 아닌지 / 아닌가요 ask, they do not exclude
    r"|아닙니다|아님"
    r"|말(?:고|구)(?!도)"                                 # 말고도 = besides: also wanted
    r"|빼(?:고|구)|뺀"                                  # 빼주고 / 빼서 = take it out (for me): the work
    r"|제외"
    r"|필요\s*(?:없|하지\s*않|치\s*않|가\s*없)|불필요|필요\s*X"
    r"|포함\s*(?:X|x|안\s*(?:함|됨|해)|안됨|않|제외)|미포함|불포함"            # 운전기사 포함 X: not included
    r"|없이(?!는)"                                  # 없이는 안 됨 = cannot do without
    r"|대신(?!해|하)"                                 # 대신해 = on (someone's) behalf; see _KO_BEHALF
    r"|안\s*(?:해도|하셔도|하고|함|합니다|해요)"             # 설치는 안 해도 돼요
    r"|(?:[가-힣]+(?:에서|측에서|쪽에서)\s*)?이미\s*(?:했|해\s*놨|해놨|정했|정해|진행했|끝났|끝냈|완료|맡겼|계약했"
    r"|구했|준비했|해결|받았|설치했|섭외했|예약했|구매했|구입했|샀|있)"  # 케이터링은 이미 정했어요: done, not asked for
    r"|(?:저희가|저희|우리가|우리|자체적으로|자체로|직접)\s*(?:하고|할게요|할께요|해요|합니다|할\s*예정|준비했|준비할|준비하고"
    r"|진행하고|진행할|처리하고|처리할)"                      # 인쇄는 저희가 하고 디자인만: done in house
    r"|그대로\s*(?:두고|유지|쓰고|쓸|놔두고|놓고)"               # 카펫은 그대로 두고 페인트만
    r"|(?:끝났|마쳤|완료됐|완료되었|완료했)(?:고|어요|습니다|구요)"  # 공사는 끝났고 준공 청소만 (끝나고 = after: no)
    r"|다른\s*(?:데|곳|업체)\s*(?:에서|서)\s*(?:해|할|하|진행|맡)"   # 설치는 다른 데서 해요
    r"|기존\s*(?:업체|거래처|벤더)?\s*(?:유지|그대로)"
    r"|(?:을|를)?\s*(?:사|구해|가져|챙겨)\s*(?:오신다|오신대|오시기로|오실\s*(?:거|예정)|온대|온다고|오기로|와\s*주신대|와\s*주신다고"
    r"|다\s*주신대|다\s*주신다고)"                                   # 복사지 사오신다고: someone else brings it               # 사무실 청소는 기존 업체 유지하고
    r"|있(?:는데요|는데|거든요|어요|습니다)(?=\s*(?:$|[.!~,;ㅎㅋ^]))"  # 주류 라이센스 있는데요: had, not asked for (있어요? asks)
    r")"
)
#: "X는 괜찮고" (X is fine: 가스 배관은 괜찮고 버너만 봐주시면): only after 은/는 and before another clause, since
#: "중고도 괜찮아요" (used is fine too) asks for it.
_KO_FINE = re.compile(r"\s*(?:은|는)\s*(?:괜찮|멀쩡하|문제\s*없|이상\s*없)(?:고|구|은데|는데)(?![가-힣])")
#: Markers saying the thing is already done (이미 했고): a comma-separated list before them is all done
#: ("전기 연결, 인터넷 회선 신청은 이미 했고").
_KO_ALREADY = re.compile(r"이미|기존|저희|우리|자체|직접|그대로|끝났|마쳤|완료")
#: A topic (X은/는) whose own clause says it is not asked for: not needed, ruled out or skipped, already had, done
#: or kept, done by the writer or another party, or left for later (원두는 됐고, 밥솥은 있어요, 대리석은 너무 비싸서
#: 제외해주세요, 사회자는 본사 아나운서가 오셔서 필요 없고, 이사는 다른 업체가 해요, 석면은 작년에 끝남, 시공사는 추후
#: 별도 입찰). The clause runs from the topic to its predicate without punctuation, a clause-ending word or more
#: than six words between; every term in it is excluded with the topic (아나운서, 회계법인 of 감사는 기존 회계법인
#: 유지하고). A question (있나요, 됐나요?) or an inability (못, 수 없) asks for it, so excludes nothing.
_KO_TOPIC = re.compile(r"(?:\s*(?:파일|자료|원고|원본|시안|도면|데이터|삭제|제거|작업|업무|부분))?(?:은|는)(?=\s)")
#: (The materials of a term may stand between it and the topic particle: 디자인 파일은 저희가 AI로 드릴게요 excludes
#: the design, supplied by the need-giver; so may the act done to it: 나쁜 리뷰 삭제는 불법이라 빼고요 excludes the
#: review removal.)
_KO_TOPIC_STEP = re.compile(r"\s+[^\s,.!?;:/()\[\]—–~·|+]+")
_KO_TOPIC_PREDICATE = re.compile(
    r"필요\s*(?:없|X|하지\s*않|치\s*않)|불필요|제외|빼(?:고|구|주세요|줘|주시고|주셔도|도)|패스"
    r"|됐(?:고|어|습니다|구|으니|음)|있(?:어요|어서|고|는데|습니다|음|으니)(?![가-힣]*\s*\?)"
    r"|유지|놔두|그대로|반납|무리(?:고|구|예요|에요|입니다|라|(?![가-힣]))|안\s*(?:돼|된|됨|되|해도)|불가|불법"
    r"|(?:이미|벌써|작년에|지난해|지난번에|예전에)(?:\s+[가-힣]+){0,2}?\s*(?:했|하고\s*있|해\s*놨|끝|마쳤|완료|받았|가입|교체했|설치했|새로)"
    r"|끝(?:났|남|냈)|마쳤|완료(?:됐|했|되었|(?![가-힣]))"
    r"|(?:저희|우리)(?:가|는|쪽에서|측에서)(?:\s+[가-힣A-Za-z0-9]+){0,2}?\s*"
    r"(?:하고|할게|할께|해요|합니다|함|할\s*예정|했|준비|처리|진행|드릴|드려|가입|구해|구했|사[요고]|샀)"
    r"|(?:저희|우리)가(?=\s*(?:$|[,.!?]))"
    r"|(?:자체|직접)\s*(?:처리|진행|해결|조달|받|하|해|준비|구)"
    r"|(?:다른|지정|기존|본사|건물주|집주인|관리사무소)[가-힣\s]{0,8}?(?:가|이|에서|쪽에서|측에서)\s+"
    r"(?:[가-힣]+\s+){0,2}?(?:하고|해요|합니다|함|하기로|진행|처리|받는|받아|받기로|맡|유지)"
    r"|추후|나중에"
    r"|[가-힣]+(?:에서|쪽에서|측에서)\s*(?:끌어|가져|공급|제공)"  # 전기는 공원에서 끌어옴: supplied from elsewhere
    r"|멀쩡|괜찮아요|문제\s*없|이상\s*없"
)
_KO_TOPIC_CANNOT = re.compile(r"못|수\s*없|어려|힘들|원하|정한|나요|까요|죠|\?")
_KO_TOPIC_STOP = re.compile(r"(?:고|구|며|는데|은데|지만|고요|구요|니까)$")


def _topic_clause(text: str, end: int) -> tuple[int, int] | None:
    """Where the clause of a topic ending at ``end`` names its predicate of not asking: ``(start, end)`` of the
    predicate, or None (no topic particle, no such predicate within the clause, or a question or inability)."""
    topic = _KO_TOPIC.match(text, end)
    if topic is None:
        return None
    pos = topic.end()
    for _ in range(7):
        step = _KO_TOPIC_STEP.match(text, pos)
        if step is None:
            return None
        predicate = _KO_TOPIC_PREDICATE.search(text, pos)
        if predicate is not None and predicate.start() < step.end():
            tail = text[predicate.start():predicate.end() + 5]
            if _KO_TOPIC_CANNOT.search(text[pos:predicate.start()]) or _KO_TOPIC_CANNOT.search(tail):
                return None
            return predicate.start(), predicate.end()
        if _KO_TOPIC_STOP.search(step.group()):
            return None  # the clause ends with this word (하고, 인데): its predicate was no refusal
        pos = step.end()
    return None


def korean_topics_refused(text: str, spans: Sequence[tuple[int, int] | None],
                          known: Sequence[bool] | None = None) -> tuple[bool, ...]:
    """For each piece of a Korean need (as :func:`korean_negated` takes them), whether it is the topic (X은/는) of a
    clause saying it is not asked for ("이사는 다른 업체가 해요", "케이터링은 이미 정했어요"). A topic speaks of the
    concept as a whole, so such a refusal excludes it wherever the need names it ("사무실 이사하면서 나온 폐가구 ...
    이사는 다른 업체가 해요" asks for no movers), where a marker after one mention (웨딩 행사 말고 기업 행사) excludes only
    that mention."""
    return tuple(span is not None and (known is None or known[i]) and _topic_clause(text, span[1]) is not None
                 for i, span in enumerate(spans))


#: What may join two excluded nouns of one phrase (웨딩이나 돌잔치 말고).
_KO_JOIN = re.compile(r"\s*(?:과|와|이나|나|이랑|랑|및|하고|또는|혹은)?\s*")


def korean_negated(text: str, spans: Sequence[tuple[int, int] | None],
                   known: Sequence[bool] | None = None) -> tuple[bool, ...]:
    """For each piece of a Korean need (its ``(start, end)`` in ``text``, None if not located), whether a
    negation marker right after it, or after the terms directly following it, excludes it.

    ``known[i]``: the piece is a lexicon term (default: all are); a phrase of excluded terms takes in a word
    no concept knows before it (웨딩 행사 말고) unless that word ends like a verb or a clause, and does not
    run on past it.
    """
    out = [False] * len(spans)
    done = [False] * len(spans)  # excluded as already done: a comma list before it is done too
    in_topic = [False] * len(spans)  # inside the clause of a topic that is not asked for (with the topic)
    for i, span in enumerate(spans):
        clause = _topic_clause(text, span[1]) if span is not None and (known is None or known[i]) else None
        if clause is not None:
            for j, other in enumerate(spans):  # the predicate's own words too (저희가 AI로 드릴게요: the files' format)
                if other is not None and span[0] <= other[0] and other[1] <= clause[1]:
                    in_topic[j] = True
    following: int | None = None  # index of the next piece with a span
    for i in range(len(spans) - 1, -1, -1):
        span = spans[i]
        if span is None:
            continue
        start, end = span
        term = known is None or known[i]
        if in_topic[i]:  # not done: a comma list before the topic has no predicate of its own and stays
            out[i] = True
            following = i
            continue
        marker = _KO_MARKER.match(text, end)
        if marker is None and term and _KO_PAST_ADNOMINAL.match(text, end) and _KO_PAST_TIME.search(text, 0, start):
            out[i] = done[i] = True  # 작년에 교체한 온수기: the replacement was done, the heater is what is named
            following = i
            continue
        if marker is not None and _KO_PARTICLE_ONLY_MAN.match(text, end) and "아니" in marker.group():
            marker = None  # X만 아니라 Y도: not only X
        if marker is not None and marker.group().endswith("대신") and _KO_BEHALF.match(text, marker.end()):
            marker = None  # 통관 업무 대신 처리해 줄 업체: done on our behalf, not instead of it
        if marker is None:
            marker = _KO_FINE.match(text, end)
        if marker is not None:
            out[i] = True
            done[i] = _KO_ALREADY.search(marker.group()) is not None
        elif (term or not _VERBAL_END.search(text[start:end])) and following is not None and out[following] \
                and (known is None or known[following]) \
                and not _KO_SPEC.fullmatch(text[spans[following][0]:spans[following][1]]):  # type: ignore[index]
            next_start = spans[following][0]  # type: ignore[index]
            gap = text[end:next_start]
            gloss = _KO_GLOSS_OPEN.fullmatch(gap) is not None \
                and _KO_GLOSS_END.match(text, spans[following][1]) is not None  # type: ignore[index]
            joined = _KO_JOIN.fullmatch(gap) is not None or gloss \
                or (done[following] and _KO_LIST.fullmatch(gap) is not None)
            out[i] = next_start >= end and joined
            done[i] = out[i] and done[following]
        following = i
    return tuple(out)


_KO_PARTICLE_ONLY_MAN = re.compile(r"\s*만\s*아니")
#: A verbal noun in a past relative form before a noun (교체한 온수기, 설치된 장비, 시공했던 업체) ...
_KO_PAST_ADNOMINAL = re.compile(r"\s*(?:한|했던|하신|하셨던|된|됐던|되었던|해\s*둔|해둔|해\s*놓은|해놓은)\s+(?=[가-힣0-9A-Za-z])")
#: ... after a time in the past (작년에, 지난달, 2년 전에, 예전에): what it names was done then, it is not asked for.
_KO_PAST_TIME = re.compile(r"(?:작년|지난\s*해|지난해|재작년|지난달|지난\s*달|지난번|지난주|예전|이전|얼마\s*전|[0-9]+\s*(?:년|개월|달)\s*전)"
                           r"(?:에|에는)?\s+$")
#: The opening of a gloss: the term before it and the excluded term in it are one phrase (슈퍼(상주 관리인) 대신).
_KO_GLOSS_OPEN = re.compile(r"\s*\(\s*")
#: ... only when the gloss closes right after the excluded term (not "조사 (석면은 작년에 끝남)": a remark).
_KO_GLOSS_END = re.compile(r"\s*\)")
#: A size or model written in Latin letters and digits (A4, 40ft, 4K): "복사용지 A4말고 레터사이즈로" excludes the
#: size, not the copy paper before it.
_KO_SPEC = re.compile(r"[A-Za-z]*[0-9][A-Za-z0-9]*")
_KO_LIST = re.compile(r"\s*(?:[가-힣]{1,3}\s*)?,\s*")  # 전기 연결, 인터넷 회선 ... 이미 했고 (연결 is no concept)
#: What follows 대신 when it means "on our behalf" (a verb: 대신 해줄, 대신 처리해 줄, 대신 맡아줄, 대신 봐줄, or a
#: verbal noun of doing: 대신 진행); 대신 excludes only when a noun phrase, the replacement, follows (웨딩 대신 기업 행사).
_KO_BEHALF = re.compile(
    r"\s*(?:(?:처리|진행|대행|수행)(?![가-힣])"
    r"|[가-힣]*(?:해|해서|해도|하는|하고|하면|할|한|함|합니다|해요|해주[가-힣]*|해줄|해줘|해드[가-힣]*|줄|줄래|주는|주실"
    r"|주세요|주시[가-힣]*|주고|줘|줘요|드릴|드려[가-힣]*|드리는|봐|봐서|봐요|아서|어서)(?![가-힣])"
    r"|[가-힣]+\s+(?:줄|주[는실시세고]|줘|드[릴려리]))"
)
#: How a word no concept knows ends when it is a verb or a clause, not a noun of the excluded phrase
#: (되는분이면 좋겠어요 개인 말고: only 개인 is excluded; 웨딩 행사 말고: 웨딩 is).
_VERBAL_END = re.compile("[요다데면고서지죠네까며니음함게]$")

# --------------------------------------------------------------------------- English

#: Forward markers (token sequences): the words after them are excluded.
_EN_FORWARD: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(m.split()) for m in (
    "not", "no", "except", "excluding", "exclude", "without", "other than", "rather than", "instead of",
    "but not", "nor", "except for", "apart from", "no need for", "no need of", "not including",
    "don t need", "do not need", "dont need", "does not need", "doesn t need", "not need", "don t want",
    "do not want", "dont want", "don t require", "do not require", "not interested in", "no longer need",
    "won t need", "will not need", "we don t need", "we do not need", "we dont need",
    # "we are not looking for a caterer, just ...": a verb of asking after "not" is part of the marker (on its
    # own the verb would end the scope); "aren't looking for" has no "not" of its own
    "not looking for", "not seeking", "not asking for", "not searching for", "not after", "not hiring",
    "aren t looking for", "isn t looking for", "not in need of", "no need of a", "not interested in hiring",
    # "something memorable, not just another dinner": an ordinary one of it is what is not wanted
    "not just another", "not another", "not simply another", "not merely another", "not the usual",
    # "we already have a caterer": what the need-giver has is not asked for
    "already have", "already has", "already got", "already hired", "already booked", "already use",
    "already using", "already work with", "already working with", "already contracted", "already arranged",
    "already secured", "already bought", "already purchased", "already own", "already found",
    "already have got", "already ve got", "already retained", "already engaged",
)), key=len, reverse=True))
#: Backward markers: the words before them are excluded ("carpet cleaning not needed").
_EN_BACKWARD: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(m.split()) for m in (
    "not needed", "not required", "not necessary", "not wanted", "not included", "is not needed",
    "are not needed", "isn t needed", "aren t needed", "is not required", "are not required",
    "isn t required", "aren t required", "is not necessary", "isn t necessary", "excluded", "is excluded",
    "are excluded", "not please", "not in scope", "out of scope", "is out of scope", "are out of scope",
    # "catering is already handled": done or arranged, not asked for
    "already handled", "is already handled", "are already handled", "already covered", "is already covered",
    "are already covered", "already arranged", "is already arranged", "are already arranged", "already booked",
    "is already booked", "are already booked", "already taken care of", "is already taken care of",
    "are already taken care of", "already done", "is already done", "are already done", "already in place",
    "is already in place", "are already in place",
)), key=len, reverse=True))
#: What follows "not"/"no" when it is no negation of what is asked ("not only X but also Y", "no later than").
_EN_NOT_NEGATION = frozenset({
    "only", "just", "merely", "simply", "later", "more", "less", "fewer", "earlier", "sooner", "exceeding",
    "matter", "problem", "doubt", "longer", "sure", "yet", "to", "one", "worries", "rush", "hesitate",
})
#: Words that end an English negation's scope (a new clause, or what is wanted instead).
_EN_CLAUSE = frozenset({
    "but", "just", "only", "we", "i", "you", "they", "please", "instead", "rather", "so", "then", "which", "that",
    "who", "looking", "need", "needs", "want", "wants", "require", "is", "are", "was", "were", "be", "will",
    "for", "with", "in", "at", "to", "on", "by", "from", "of", "into", "as", "if", "because", "since", "while",
    "also", "plus", "yes", "ok", "can", "could", "would", "should", "must", "may", "do", "does",
})
#: Words that keep a scope going ("not catering or cleaning").
_EN_CONTINUE = frozenset({"and", "or", "nor", "a", "an", "the", "any", "our", "my", "your", "their", "its"})
#: Prepositions that, right after a forward marker, keep its scope going ("catering, not for weddings").
_EN_PREPOSITION = frozenset({"for", "with", "in", "at", "on", "from", "of", "by", "into", "about", "during"})
#: What "no" names when it is a symptom, what is wrong, not what is unwanted ("no heat in the office": fix it).
_EN_SYMPTOM_AFTER_NO: tuple[tuple[str, ...], ...] = tuple(tuple(s.split()) for s in (
    "heat", "hot water", "running water", "power", "electricity", "internet", "wifi", "wi fi", "signal",
))
#: The verb before "not" of a fault ("the freezer is not freezing", "the printer is still not working").
_EN_FAULT_VERB = frozenset({"is", "are", "was", "were", "still"})
#: Verbs of asking or wanting: "we are not looking for cleaning" excludes what follows.
_EN_REQUEST_VERBS = frozenset({"looking", "seeking", "asking", "requesting", "needing", "hiring", "buying",
                               "planning", "considering", "interested", "including", "offering", "using",
                               "going", "getting", "doing", "replacing", "renewing"})
#: Subjects that are people (the need-giver): "we are not using caterers" is a choice, not a fault.
_EN_PERSONS = frozenset({"we", "i", "they", "you", "staff", "employees", "people"})


def english_negation(tokens: Sequence[str], breaks: Sequence[bool],
                     hyphens: Sequence[bool] | None = None) -> tuple[set[int], set[int]]:
    """``(negated, markers)``: the token positions a negation excludes and the positions of the markers.

    ``tokens`` are the need's lower-case word tokens, ``breaks[i]`` whether punctuation stands between
    token ``i - 1`` and token ``i`` (a scope never crosses it), ``hyphens[i]`` whether a hyphen and nothing
    else joins them ("no-voc paint": one compound word, no negation; default: none do).

    Not negations: a marker joined by a hyphen ("no-fault towing") or followed by a number ("no 2 heating
    oil"), and symptoms, which say what is wrong and so what to fix: "AC not cooling", "the freezer is not
    freezing", "no hot water", "no heat in the office".
    """
    negated: set[int] = set()
    markers: set[int] = set()
    n = len(tokens)
    joined = hyphens if hyphens is not None else [False] * n
    i = 0
    while i < n:
        if tokens[i] in ("not", "no") and i + 1 < n and not breaks[i + 1] \
                and (joined[i + 1] or tokens[i + 1][:1].isdigit() or _symptom(tokens, i, breaks)):
            i += 1
            continue
        forward = _match(tokens, i, _EN_FORWARD, breaks)
        backward = _match(tokens, i, _EN_BACKWARD, breaks)
        if backward and (not forward or len(backward) >= len(forward)):
            end = i + len(backward)
            if i > 0 and not breaks[i]:
                markers.update(range(i, end))
                j = i - 1
                while j >= 0 and tokens[j] not in _EN_CLAUSE and tokens[j] not in ("and", "or", "nor"):
                    if tokens[j] not in _EN_CONTINUE:
                        negated.add(j)
                    if breaks[j]:
                        break  # punctuation before this word: the phrase starts here
                    j -= 1
            i = end
            continue
        if forward:
            end = i + len(forward)
            first = tokens[i]
            if first in ("not", "no") and end < n and tokens[end] in _EN_NOT_NEGATION and len(forward) == 1:
                i = end
                continue
            if first in ("not", "no") and i > 0 and tokens[i - 1] in ("or", "whether") and len(forward) == 1:
                i = end  # "whether or not", "or not"
                continue
            if end < n and not breaks[end]:
                markers.update(range(i, end))
                j = end
                while j < n - 1 and tokens[j] in _EN_PREPOSITION and not breaks[j + 1]:
                    j += 1  # "not for weddings": the preposition belongs to the excluded phrase
                    end = j
                while j < n and (j == end or not breaks[j]) and tokens[j] not in _EN_CLAUSE:
                    if tokens[j] not in _EN_CONTINUE:
                        negated.add(j)
                    j += 1
                i = j
                continue
        i += 1
    return negated, markers


def _symptom(tokens: Sequence[str], i: int, breaks: Sequence[bool]) -> bool:
    """Whether "not"/"no" at ``i`` starts a fault description rather than an exclusion."""
    n = len(tokens)
    if tokens[i] == "no":
        for symptom in _EN_SYMPTOM_AFTER_NO:
            stop = i + 1 + len(symptom)
            if tuple(tokens[i + 1:stop]) == symptom and not any(breaks[i + 2:stop]) \
                    and (stop >= n or breaks[stop] or tokens[stop] in _EN_CLAUSE):
                return True  # "no heat in the office", "no hot water, need plumber"
        return False
    after = i + 1
    if not tokens[after].endswith("ing") or len(tokens[after]) < 5:
        return False
    if i == 0 or breaks[i]:
        return False  # "office maintenance, not cleaning": what is not wanted
    before = tokens[i - 1]
    if tokens[after] in _EN_REQUEST_VERBS or (i >= 2 and tokens[i - 2] in _EN_PERSONS):
        return False  # "we are not looking for a caterer", "we are not using ...": what is not wanted
    if after + 1 < n and not breaks[after + 1] and tokens[after + 1] not in _EN_CLAUSE:
        # "the cooler is not holding temperature", "the sink is not draining water": a thing failing at its job
        # (a verb of its own, and what it fails at); "not cleaning supplies": a noun phrase, excluded
        return before in _EN_FAULT_VERB
    if before in _EN_FAULT_VERB:
        return True  # "the freezer is not freezing"
    return not before.endswith("ing") and before not in _EN_CLAUSE and before not in _EN_CONTINUE
    # "AC not cooling" (a thing not working); "painting not cleaning" names two services


def _match(tokens: Sequence[str], i: int, table: tuple[tuple[str, ...], ...], breaks: Sequence[bool]
           ) -> tuple[str, ...] | None:
    """The first marker of ``table`` (in its order) that starts at token ``i`` within one clause."""
    by_first = _BY_FIRST.get(id(table))
    if by_first is None:  # the markers of each (module-level, immutable) table by their first word
        by_first = {}
        for marker in table:
            by_first.setdefault(marker[0], []).append(marker)
        _BY_FIRST[id(table)] = by_first
    for marker in by_first.get(tokens[i], ()):
        k = len(marker)
        if tuple(tokens[i:i + k]) == marker and not any(breaks[i + 1:i + k]):
            return marker
    return None


_BY_FIRST: dict[int, dict[str, list[tuple[str, ...]]]] = {}
