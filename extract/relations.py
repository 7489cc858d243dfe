"""Election relations from sentences: endorses, member_of, candidate_in, defeats, vote_share, withdraws.

Rules over the resolved mentions of one sentence (no parser needed): a cue phrase, the nearest actor before
it and the first target after it, a negation check, a value when one is stated, and a date resolved
against the date of the part of the document the sentence is in. A statement about an election goes to the
election named nearest to it in the sentence (a primary when the sentence speaks of choosing a party's
candidate), else to the one named last before the sentence. Every relation keeps its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.dates import resolve_date
from extract.membership import memberships
from extract.mentions import Parsed
from extract.patterns import candidacy_cue
from extract.records import Document, EntityType, Predicate, Relation, Unit
from extract.resolve import Resolution
from extract.sentences import ACTORS, Sentence, sentences

__all__ = ["find_relations"]

_ENDORSE = re.compile(
    r"\b(announc\w* (?:his|her|their) support for|(?:his|her|their) support for|support(?:s|ed|ing)?|"
    r"back(?:s|ed|ing)?|endors(?:e|es|ed|ing|ement of)|rall(?:y|ies|ied|ying) (?:behind|to)|"
    r"(?:will |to )?vote for|voting for|throw\w* (?:his|her|their) (?:weight|support) behind|"
    r"apport\w* (?:son|leur) soutien à|soutien à|soutenir|soutient|soutiennent|ralli\w* (?:à|avec)|"
    r"ralliement (?:à|avec)|appel\w* à voter (?:pour)?|votera pour|voter pour|"
    r"défend\w* la candidature de|(?:vote|votera|voteront|voterai|voterait)(?=\s+(?-i:[A-ZÀ-Ý])))\b", re.I)
# "Benoît Hamon a reçu le soutien de Martine Aubry", "X won the backing of Y": the support goes the other way
_ENDORSED_BY = re.compile(r"\b(?:a\s+reçu|reçoit|obtient|a\s+obtenu|received|receives|wins|won|gets|got|gained|"
                          r"secured|secures)\s+(?:the\s+|le\s+|l['’])?(?:soutien|appui|support|backing|endorsement)"
                          r"\s+(?:de\s+|d['’]|of\s+|from\s+)", re.I)
# "with the support of the DUP", "seeks backing from": support received, not given; "struck back at": no backing
_NOT_ENDORSE = re.compile(r"\b(?:with|avec|seek\w*|sought|receiv\w*|gain\w*|obtain\w*|obtient|obtenu|reçoit|"
                          r"win|won|wins|get\w*|got|lost|loses?)\s+(?:(?:the|le|la|l['’]|his|her|their|son|sa|"
                          r"leur|some|enough|more|wide|broad|crucial|key)\s+)*$|"
                          r"\b(?:win|won|wins|bring\w*|get\w*)\s+\w+\s+$|"
                          r"\b(?:struck|strikes?|hit|hits|fought|fights?|pushed|push(?:es)?|came|comes?|went|goes|"
                          r"bounced|bounces|step\w*|turn\w*|call\w*)\s+$", re.I)
_CLAUSE = re.compile(r"\b(after|before|when|because|while|since|if|but|after|although|où|quand|après|avant)\b|[;:]", re.I)
# "le soutien d'Alain Juppé Benoist Apparu": the second person is the first one's supporter
_SUPPORTER_OF = re.compile(r"\b(?:le|un|son|fidèle)\s+soutien\s+d(?:e\s+|['’])$", re.I)
_A_SUPPORTER_OF = re.compile(r"\s*,\s*(?:(?:un|une|le|la|a|an|the|one|l['’])\s*)?(?:(?:fidèle|proche|fervent|"
                             r"staunch|key|loyal|longtime|early)\s+)?(?:soutien|supporter|backer|partisane?)\s+"
                             r"(?:de\s+|d['’]\s*|of\s+)", re.I)
_WITHDRAW = re.compile(
    r"\b(drops? out|dropped out|dropping out|pull(?:s|ed|ing)? out|withdr(?:aw|aws|ew|awn|awing)|"
    r"quits? the race|ends? (?:his|her) (?:campaign|bid|[\w ]{0,30}bid)|suspend\w* (?:his|her) campaign|"
    r"se (?:retire|désiste|retirent)|retir\w* (?:sa|leur) candidature|renonce\w* à (?:sa|se)|jette l'éponge|"
    r"abandonn\w*)\b", re.I)
_WITHDRAWN_THING = re.compile(r"\s+(?:(?:the|its|their|his|her|a|an|all|some|le|la|les|sa|son|ses)\s+)?"
                              r"(?:\w+['’]s\s+)?(?:\w+\s+)?(?:application|troops|forces|soldiers|ambassador|bill|law|"
                              r"request|motion|offer|funding|plan|proposal|demande|troupes|projet|ambassadeur)\b|"
                              r"\s+from\s+(?:the\s+)?(?:EU|European Union|treaty|agreement|accord|deal|pact|Paris|"
                              r"Iran|talks|negotiations|coalition government)\b", re.I)
_IN_FAVOUR = re.compile(r"\b(in favou?r of|to boost|to back|to support|and endorse\w*|behind|"
                        r"and announc\w* (?:his|her) (?:endorsement of|support for)|and (?:backs|supports)|"
                        r"au profit de|en faveur de|pour soutenir|derrière)\b", re.I)
_DEFEAT = re.compile(r"\b(defeats|defeated|defeating|beats|beat|beating|topped|tops|outpolled|won against|wins against|"
                     r"holds? off|held off|unseat\w*|ousts?|ousted|edges? out|edged out|trounc\w+|routs?|routed|"
                     r"toppl\w+|prevail\w*\s+over|(?:victory|triumph|win)\s+over|"
                     r"(?:wins?|won)\s+(?:[\w-]+\s+){0,4}?(?:against|over)|l'emporte face à|"
                     r"bat|battu|l'emporte sur|devance|devancé)\b", re.I)
# the loser first: "Sanders concedes the Missouri primary to Clinton", "X loses to Y", "X, battu par Y"
_WHOM_BEAT = re.compile(r",\s+(?:whom|que|qu['’])\s*(?=\w)", re.I)
_BEAT_AFTER = re.compile(r"\s+(?:(?:a|had|has|avait)\s+)?(?:beat|defeated|battue?s?|vaincue?)\b", re.I)
_CONCEDES_ALONE = re.compile(r"\b(?:concede[sd]?|conceding|admit\w*)\s+(?:(?:his|her)\s+)?defeat\b|"
                             r"\breconna\w+\s+sa\s+défaite\b", re.I)
_PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being|être|est|a été|sont|ont été)\s+"
                      r"(?:narrowly\s+|heavily\s+|largement\s+)?$", re.I)
_CONCEDE = re.compile(r"\b(?:(?:concede[sd]?|conceding|los(?:es|t|ing))\s+(?:defeat\s+)?(?:(?:the|a|his|her)\s+"
                      r"[\w\s-]{0,40}?\s*)?to|battue?s?\s+par|s['’]incline\w*\s+(?:face\s+à|devant))\b", re.I)
_WIN = re.compile(r"\b(élue?|réélue?|remporte|gagne|wins?|won|winner|elected)\b", re.I)
_AGAINST = re.compile(r"(?<!tak)(?<!takes )(?<!taking )(?<!took )\b(contre|face à|against|over)\b", re.I)
_CANDIDACY = re.compile(
    r"\b(candidate|candidacy|nominee|runs? for|running for|ran for|advanced? to|advancing to|face off|"
    r"faces off|qualif\w+ for|candidat\w*|se présente|investie?|qualifiée? pour|en lice|"
    r"contest\w*|stand(?:s|ing)? in|stood in|debate\w*|débat\w*|winner of|vainqueur de)\b", re.I)
# winning or losing an election is running in it, when the verb is the person's own ("X wins the ...")
_RESULT_VERB = re.compile(
    r"^\s*(?:(?:[\w'’-]+\s+){0,2}?)(?:wins?|won|winning|secur\w+|clinch\w*|los(?:es|t|ing)|remport\w*|gagn\w*|"
    r"perd\w*|(?:est|a été|is|was)\s+(?:ré)?élue?|(?:re-?)?elected)\b", re.I)
_RESULT_WORDS = re.compile(
    r"\b(votes?|voix|suffrages|ballots?|seats?|sièges|won|wins?|winning|took|obtained|obtient|obtenu|recueill\w+|"
    r"remport\w*|scor\w+|result\w*|résultats?|élue?|elected|counted|dépouill\w+|tally|runoff|run-off|tour)\b", re.I)
_BETWEEN_PAIR = re.compile(r"\b(?:between|entre)\s+$", re.I)
_ELECT_EITHER = re.compile(r"\b(?:elect|choose|vote for|élire|choisir)\s+(?:either|between|soit|entre)\s+$", re.I)
# two persons contesting: "X and Y face off in a debate", "X and Y neck and neck", "battling in a tight race"
_CONTEST = re.compile(r"^[^.;]{0,40}?\b(debates?|debated|débat\w*|face[sd]? off|s['’]affrontent|battl\w+|vying|"
                      r"neck and neck|go(?:es)? head to head|au coude à coude|compet\w+ (?:for|in))\b", re.I)
_LEADS = re.compile(r"\s+(?:leads?|led|trails?|trailed|is ahead of|was ahead of|devance)\s+$", re.I)
# "is widely expected to win a fourth term", "seeks re-election", "brigue un troisième mandat"
_TERM = re.compile(r"\b(?:(?:win|wins|won|seek\w*|bid\w* for|run\w* for)\s+(?:a\s+)?(?:second|third|fourth|fifth|"
                   r"new|another)\s+term|seek\w* re-?election|brigu\w+\s+un\s+(?:\w+\s+)?mandat)\b", re.I)
_ELECTED_AFTER = re.compile(r"\s*,?\s*(?:is|was|has been|had been|being|gets|got|est|a été)?\s*(?:re-?)?(?:elected|"
                            r"réélue?|élue?)\b(?!\s+(?:speaker|chair\w*|secretary|leader)\b)", re.I)
_VOTE_WORDS = re.compile(r"\b(elections?|vote|votes|voters|runoff|run-off|ballot|polls|scrutin|élection|tour|"
                         r"électeurs)\b", re.I)
_ELECT_BEFORE = re.compile(r"\b(?:voters|électeurs)\s+(?:\w+\s+){0,2}?(?:elect|elected|re-?elect\w*|élisent|"
                           r"réélisent|choose|chose)\s+(?:(?:incumbent|former|president|prime minister)\s+)*$", re.I)
_ANNOUNCES_FOR = re.compile(r"\b(?:announc|declar|launch|officialis|annonc|déclar)\w*\s+(?:his|her|their|sa|leur)\s+"
                            r"(?:candidacy|bid|campaign|candidature)\s+(?:for|to|à|pour)\s+(?:the\s+|la\s+|l['’])?", re.I)
# "Missouri Senate candidate Todd Akin": a candidate for an office the sentence names no election of
_OTHER_OFFICE = re.compile(r"\b(?:Senate|House|Assembly|[Cc]ouncil|[Cc]ongressional|Congress|city|municipal|"
                           r"parliamentary|legislative|local)\s+(?:candidates?|nominees?|hopefuls?)\s+$")
_FORMER_CUE = re.compile(r"\b(?:former|ex-|ancien\w*)\s+(?:\w+\s+)?(?:candidate|candidat\w*|nominee)s?\s+"
                         r"(?:[A-Z][\w'’.-]+\s+)*$", re.I)
_NEGATION = re.compile(r"\b(not|n't|never|refus\w*|declin\w*|reject\w*|no longer|rule[sd]? out|"
                       r"ne|n['’]|pas|jamais|exclu\w*|impossible|refuse|denies|denied|dément\w*)\b", re.I)
# opinion polls, not "the October 22 poll" (the vote itself)
_POLL = re.compile(r"\b(opinion polls?|polls?\s+(?:that\s+|which\s+)?(?:show|suggest|indicat|predict|give|gave|put|"
                   r"find|found|ha[sd])\w*|polling|surveys?|sondages?|intentions? de vote|in the polls|"
                   r"(?:latest|new|recent|a|one)\s+poll|poll of)\b", re.I)
_EXIT_POLL = re.compile(r"\b(exit polls?|sondages? de sortie|projections?|projected|estimations?)\b", re.I)
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|per ?cent|pour ?cent|percent|seats|sièges|votes|voix)?", re.I)
# "led by 1,531 votes", "leads Cruz by a similar 0.2 percent", "a margin of 3 points", "ahead by": margins
_MARGIN_BEFORE = re.compile(
    r"(?:\b(?:by)\s+(?:(?:about|around|nearly|almost|only|just|some|roughly|over|more than|less than|"
    r"a similar|a mere|environ|quelque|seulement|près de|plus de|moins de)\s+)*|"
    r"(?:margin|lead|edge|ahead)\b[^.;]{0,30}\(\s*|\b(?:margin|lead|edge|gap|écart|avance|avantage|difference)\b"
    r"[\w\s]{0,20}?(?:of|is|was|de|d['’]|est|:)?\s*(?:about|around|nearly|only|just|environ)?\s*)$", re.I)
_MARGIN_AFTER = re.compile(r"\s*(?:%|percent|per cent|votes|voix|seats|sièges)?\s*(?:points?|percentage points?|lead|"
                           r"margin|ahead|d['’]avance|d['’]écart|of those counted|(?:more|fewer|less) than|short of|"
                           r"de plus que|de moins que)\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:of|out of|sur)\s+(?:the\s+|les\s+)?$|\bmajority\s+(?:of\s+)?$|"
                           r"\b(?:needs?|needed|required|requires)\s+(?:\w+\s+){0,2}$", re.I)
_PART_OF = re.compile(r"\s*(?:of|out of|sur)\s+(?:the\s+|les\s+)?\d+\s+(seats|sièges)\b", re.I)
_THRESHOLD = re.compile(r"\b(threshold|requirement|seuil|minimum|quorum|turnout|participation|abstention|needed|"
                        r"required|necessary|nécessaires?)\b", re.I)
# "since no candidate gained at least 40 percent": a bar nobody reached, no one's result
_NO_ONE = re.compile(r"\b(?:no|neither)\s+(?:\w+\s+)?(?:candidate|party|list|one)\b[^.;]*$|\bnobody\b[^.;]*$|"
                     r"\baucun(?:e)?\s+(?:des\s+)?(?:candidat|parti|liste)\w*\b[^.;]*$", re.I)
_BOUND = re.compile(r"\b(?:below|under|at most|moins de|au-dessous de)\s*$", re.I)


def find_relations(parsed: Parsed, document: Document, resolution: Resolution) -> tuple[Relation, ...]:
    """Every relation the rules find in the document, in text order, without duplicates."""
    out: dict[tuple, Relation] = {}
    winner: str | None = None  # who was last said to win, for "Y concedes defeat" in a later sentence
    for sentence in sentences(parsed, document, resolution):
        rels = list(_sentence_relations(sentence))
        rels += list(_conceded(sentence, winner, rels))
        for rel in rels:
            key = (rel.subject, rel.predicate, rel.object, rel.value, rel.evidence.start)
            out.setdefault(key, rel)
        winner = _winner(sentence) or winner
    # who withdraws in favour of someone withdraws from the race for that person, not twice
    elections = {e.id for e in resolution.entities if e.type is EntityType.ELECTION}
    for_someone = {r.subject for r in out.values() if r.predicate is Predicate.WITHDRAWS and r.object not in elections}
    kept = [r for r in out.values() if not (r.predicate is Predicate.WITHDRAWS and r.subject in for_someone
                                            and r.object in elections)]
    wrong = _other_partys_primaries(kept, resolution)
    return tuple(r for r in kept if not (r.predicate is Predicate.CANDIDATE_IN and (r.subject, r.object) in wrong))


def _other_partys_primaries(rels: list[Relation], resolution: Resolution) -> set[tuple[str, str]]:
    """(person, primary) pairs where the person is, in this document, a member of another party than the
    primary's (`Hillary Clinton`, a Democrat, in the Republican primaries): candidacies the nearest election
    got wrong. Names and memberships are gathered once per document."""
    names = {e.id: e.name.lower() for e in resolution.entities}
    stems: dict[str, list[str]] = {}
    for r in rels:
        if r.predicate is Predicate.MEMBER_OF and names.get(r.object):
            stems.setdefault(r.subject, []).append(re.sub(r"\s+party$|^the\s+", "", names[r.object]).rstrip("s"))
    return {(r.subject, r.object) for r in rels
            if r.predicate is Predicate.CANDIDATE_IN and r.subject in stems and "primar" in names.get(r.object, "")
            and not any(stem and stem in names[r.object] for stem in stems[r.subject])}


def _winner(s: Sentence) -> str | None:
    """The person a sentence says won (`X wins`, `X is elected`), if any."""
    for m in _WIN.finditer(s.text):
        actor = s.actor_before(m.start())
        if actor is not None and actor.type is EntityType.PERSON and not _negated(s, actor.end, m.start()):
            return actor.id
    return None


def _conceded(s: Sentence, winner: str | None, found: list[Relation]) -> Iterator[Relation]:
    """`Y concedes defeat` with no winner named: the one who won, in this sentence or an earlier one."""
    for m in _CONCEDES_ALONE.finditer(s.text):
        loser = s.actor_before(m.start())
        won = _winner(s) or winner
        if loser is None or loser.type is not EntityType.PERSON or won in (None, loser.id) or \
                _negated(s, loser.end, m.start()) or any(r.predicate is Predicate.DEFEATS for r in found):
            continue
        yield _rel(s, won, Predicate.DEFEATS, loser.id, resolve_date(s.text, s.date) or s.date, 0.5)


def _sentence_relations(s: Sentence) -> Iterator[Relation]:
    date = resolve_date(s.text, s.date) or s.date
    for person, party, confidence in memberships(s):
        yield _rel(s, person, Predicate.MEMBER_OF, party, date, confidence)
    defeats = list(_defeats(s, date))
    yield from defeats
    yield from _endorses(s, date)
    withdrawals = list(_withdraws(s, date))
    yield from withdrawals
    shares = list(_vote_shares(s, date, defeats))
    yield from shares
    yield from _candidacies(s, date, shares + defeats + withdrawals)


def _rel(s: Sentence, subject: str, predicate: Predicate, obj: str, date: str | None, confidence: float,
         value: float | None = None, unit: Unit | None = None) -> Relation:
    return Relation(subject=subject, predicate=predicate, object=obj, value=value, unit=unit, date=date,
                    confidence=confidence, evidence=s.evidence())


def _negated(s: Sentence, start: int, end: int) -> bool:
    return bool(_NEGATION.search(s.text[max(0, start):end]))


def _endorses(s: Sentence, date: str | None) -> Iterator[Relation]:
    for m in _ENDORSE.finditer(s.text):
        subject = s.actor_before(m.start())
        target = s.after(m.end(), ACTORS, window=45)
        if not (subject and target) or subject.id == target.id or subject.type is not EntityType.PERSON:
            continue
        if _negated(s, subject.end, m.end()) or _NEGATION.search(m.group(0)) or \
                _NOT_ENDORSE.search(s.text[max(0, m.start() - 20):m.start()]) or \
                _CLAUSE.search(s.text[m.end():target.start]):
            continue
        yield _rel(s, subject.id, Predicate.ENDORSES, target.id, date, 0.7)
    for m in _ENDORSED_BY.finditer(s.text):
        receiver, giver = s.actor_before(m.start()), s.after(m.end(), (EntityType.PERSON,), window=5)
        if receiver and giver and receiver.id != giver.id and not _negated(s, receiver.end, m.start()):
            yield _rel(s, giver.id, Predicate.ENDORSES, receiver.id, date, 0.6)
    persons = s.of_type(EntityType.PERSON)
    for a, b in zip(persons, persons[1:]):
        if _SUPPORTER_OF.search(s.text[:a.start]) and re.fullmatch(r"\s*,?\s*", s.text[a.end:b.start]):
            yield _rel(s, b.id, Predicate.ENDORSES, a.id, date, 0.6)
        elif _A_SUPPORTER_OF.fullmatch(s.text[a.end:b.start]):  # "Dominique Bussereau, un soutien d'Alain Juppé"
            yield _rel(s, a.id, Predicate.ENDORSES, b.id, date, 0.6)


def _withdraws(s: Sentence, date: str | None) -> Iterator[Relation]:
    for m in _WITHDRAW.finditer(s.text):
        if _WITHDRAWN_THING.match(s.text, m.end()) or re.search(r"\b(?:as|is|was|been|being)\s+$", s.text[:m.start()]):
            continue  # "withdraw the country's application", "consider the application as withdrawn"
        subject = s.actor_before(m.start())
        if subject is None or subject.type is not EntityType.PERSON or _negated(s, subject.end, m.start()):
            continue
        favour = _IN_FAVOUR.search(s.text, m.end())
        target = s.after(favour.end(), ACTORS) if favour else None
        election = s.after(m.end(), (EntityType.ELECTION,), window=200)
        obj = target.id if target else (election.id if election else s.context or s.scope.main)
        if obj and obj != subject.id:
            yield _rel(s, subject.id, Predicate.WITHDRAWS, obj, date, 0.75 if target else 0.6)


def _defeats(s: Sentence, date: str | None) -> Iterator[Relation]:
    for m in _DEFEAT.finditer(s.text):
        if _PASSIVE.search(s.text[max(0, m.start() - 25):m.start()]) and re.match(r"\s+by\b", s.text[m.end():]):
            loser, winner = s.actor_before(m.start()), s.after(m.end(), ACTORS)  # "X is defeated by Y"
            if loser and winner and loser.id != winner.id:
                yield _rel(s, winner.id, Predicate.DEFEATS, loser.id, date, 0.7)
            continue
        yield from _winner_loser(s, m.start(), m.end(), date)
    for m in _CONCEDE.finditer(s.text):  # "Sanders concedes the Missouri primary to Clinton": the reverse
        loser, winner = s.actor_before(m.start()), s.after(m.end(), ACTORS)
        if loser and winner and loser.id != winner.id and not _negated(s, loser.end, m.start()):
            yield _rel(s, winner.id, Predicate.DEFEATS, loser.id, date, 0.7)
    for m in _WHOM_BEAT.finditer(s.text):  # "Marine Le Pen, whom Macron beat in ...": the winner comes second
        loser, winner = s.actor_before(m.start()), s.after(m.start(), (EntityType.PERSON,), window=40)
        if loser and winner and loser.id != winner.id and loser.type is EntityType.PERSON \
                and _BEAT_AFTER.match(s.text, winner.end):
            yield _rel(s, winner.id, Predicate.DEFEATS, loser.id, date, 0.7)
    if not _DEFEAT.search(s.text):
        for m in _WIN.finditer(s.text):
            against = _AGAINST.search(s.text, m.end())
            if against:
                yield from _winner_loser(s, m.start(), against.end(), date, share_from=m.end(), window=160)


def _winner_loser(s: Sentence, cue_start: int, cue_end: int, date: str | None, *,
                  share_from: int | None = None, window: int = 80) -> Iterator[Relation]:
    winner = s.actor_before(cue_start)
    # a person beats a person: "holds off UKIP's leader Paul Nuttall" is Nuttall, not UKIP
    types = (EntityType.PERSON,) if winner is not None and winner.type is EntityType.PERSON else ACTORS
    loser = s.after(cue_end, types, window=window) or s.after(cue_end, ACTORS, window=window)
    if winner and loser and winner.id != loser.id and not _negated(s, winner.end, cue_start):
        share = _first_share(s.text[cue_end if share_from is None else share_from:])
        if share is None:  # "X wins with 55.1 percent of the vote, defeating Y"
            share = _first_share(s.text[winner.end:cue_start])
        yield _rel(s, winner.id, Predicate.DEFEATS, loser.id, date, 0.7,
                   value=share, unit=Unit.PERCENT if share is not None else None)


def _first_share(text: str) -> float | None:
    for m in _NUMBER.finditer(text):
        # "61.5 to 38.5 percent": the first number of the pair shares the unit written after the second
        paired = not m.group(2) and _PAIR_TO_PERCENT.match(text, m.end())
        if (paired or (m.group(2) and _unit(m.group(2)) is Unit.PERCENT)) and not _is_margin(m, text):
            return float(m.group(1).replace(",", "."))
    return None


_PAIR_TO_PERCENT = re.compile(r"\s*(?:to|-|–|contre|à)\s*\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent|pour ?cent)", re.I)


def _unit(word: str | None) -> Unit | None:
    if not word:
        return None
    word = word.lower()
    if word in ("seats", "sièges"):
        return Unit.SEATS
    if word in ("votes", "voix"):
        return Unit.VOTES
    return Unit.PERCENT


def _vote_shares(s: Sentence, date: str | None, defeats: list[Relation]) -> Iterator[Relation]:
    if _POLL.search(s.text) or _EXIT_POLL.search(s.text):
        return  # opinion polls, exit polls and projections are no results
    if not (s.of_type(EntityType.ELECTION) or _RESULT_WORDS.search(s.text)):
        return  # "80 % des frappes": a percentage in a sentence about no vote
    for m in _NUMBER.finditer(s.text):
        if _TOTAL_BEFORE.search(s.text[max(0, m.start() - 20):m.start()]):
            continue  # "123 of the 350 seats": 350 is the size of the chamber
        value, unit = _share(m, s.text)
        part_of = _PART_OF.match(s.text, m.end())
        if value is None and part_of:
            value, unit = float(m.group(1)), _unit(part_of.group(1))
        if value is None or _is_margin(m, s.text):
            continue
        subject = _share_holder(s, m, defeats)
        election = s.election_near(m.start())
        if subject and election:
            yield _rel(s, subject, Predicate.VOTE_SHARE, election, date, 0.6, value=value, unit=unit)


def _is_margin(m: re.Match, text: str) -> bool:
    """A lead, a margin, a point change or a legal threshold is not a share of the vote."""
    before = text[max(0, m.start() - 40):m.start()]
    return bool(_MARGIN_BEFORE.search(before) or _MARGIN_AFTER.match(text, m.end()) or _BOUND.search(before)
                or _THRESHOLD.search(text[max(0, m.start() - 60):m.end() + 30])
                or _NO_ONE.search(text[max(0, m.start() - 60):m.start()]))


def _share(m: re.Match, text: str) -> tuple[float | None, Unit | None]:
    unit = _unit(m.group(2))
    if unit is None and re.match(r"\s*(?:pour|for)\s", text[m.end():]) and re.search(r"\d\s*%|percent", text):
        unit = Unit.PERCENT  # "58.87% des voix contre 41.13 pour Manuel Valls"
    if unit is None and _PAIR_TO_PERCENT.match(text, m.end()):
        unit = Unit.PERCENT  # "61.5 to 38.5 percent": the first of the pair
    if unit is None:
        return None, None
    value = float(m.group(1).replace(",", "") if unit is Unit.VOTES else m.group(1).replace(",", "."))
    if unit is Unit.PERCENT and value > 100:
        return None, None
    return value, unit


def _share_holder(s: Sentence, m: re.Match, defeats: list[Relation]) -> str | None:
    if _SECOND_SHARE.search(s.text[max(0, m.start() - 40):m.start()]):  # "57.6 percent to 42.4 percent"
        if defeats:
            return defeats[0].object
        following = s.after(m.end(), ACTORS, window=60)
        if following is not None:
            return following.id
    if defeats and _FIRST_SHARE.match(s.text, m.end()):
        return defeats[0].subject
    follow = re.match(r"\s*(?:%|per ?cent|percent)?\s*(?:pour|for)\s+", s.text[m.end():])
    if follow:
        target = s.after(m.end(), ACTORS, window=follow.end() + 5)
        if target:
            return target.id
    if defeats and re.search(r"\b(with|avec)\s+(?:about |around |nearly |almost |more than )?$",
                             s.text[max(0, m.start() - 30):m.start()]):
        return defeats[0].subject
    holder = s.before(m.start())
    if holder is not None and holder.type is EntityType.PARTY:  # "X of the Y Party wins with 53 percent": X
        person = s.before(holder.start, (EntityType.PERSON,))
        if person is not None and _ATTACHED_PARTY.fullmatch(s.text[person.end:holder.start]):
            return person.id
    return holder.id if holder else None


_FIRST_SHARE = re.compile(r"\s*(?:%|percent|per cent|pour cent)?\s*(?:to|against|versus|vs\.?|contre)\s+\d", re.I)
_SECOND_SHARE = re.compile(r"\d\s*(?:%|percent|per cent|pour cent)\s+(?:to|against|versus|vs\.?|contre)\s+$", re.I)
_ATTACHED_PARTY = re.compile(r"\s*(?:\(\s*|,?\s*(?:the\s+|la\s+|le\s+|l['’])?(?:candidate?|leader|nominee|chef|"
                             r"présidente?|dirigeante?)\s+(?:of|for|du|de\s+la|des|de|d['’])\s*(?:the\s+)?|"
                             r"of\s+the\s+|(?:du|de\s+la|des)\s+)", re.I)


def _candidacies(s: Sentence, date: str | None, results: list[Relation]) -> Iterator[Relation]:
    seen: set[tuple[str, str]] = set()

    def once(person: str, election: str | None, confidence: float) -> Iterator[Relation]:
        if election and person.startswith("person/") and (person, election) not in seen:
            seen.add((person, election))
            yield _rel(s, person, Predicate.CANDIDATE_IN, election, date, confidence)

    positions = {e.id: e.start for e in s.ents}
    for rel in results:  # who has a result, beat someone or withdrew ran in that election
        if rel.predicate is Predicate.VOTE_SHARE:
            yield from once(rel.subject, rel.object, 0.6)
        elif rel.predicate is Predicate.DEFEATS:
            election = s.election_near(positions.get(rel.subject, 0))
            yield from once(rel.subject, election, 0.6)
            yield from once(rel.object, election, 0.6)
        elif rel.predicate is Predicate.WITHDRAWS and s.of_type(EntityType.ELECTION):
            yield from once(rel.subject, s.election_near(positions.get(rel.subject, 0)), 0.5)
    for person, election in _stated_candidacies(s):
        yield from once(person, election, 0.5)
    for ent in _paired_candidates(s):
        yield from once(ent.id, s.election_of_candidate(ent.start, reach=200), 0.5)
    if s.of_type(EntityType.ELECTION) or _VOTE_WORDS.search(s.text):
        for ent in s.of_type(EntityType.PERSON):  # "the election which saw President X reelected", "voters elect X"
            if (_ELECTED_AFTER.match(s.text, ent.end) and not _negated(s, ent.end, ent.end + 25)) or \
                    _ELECT_BEFORE.search(s.text[max(0, ent.start - 60):ent.start]):
                yield from once(ent.id, s.election_near(ent.start), 0.5)
    for m in _TERM.finditer(s.text):
        actor = s.actor_before(m.start())
        if actor is not None and not _negated(s, actor.end, m.start()):
            yield from once(actor.id, s.election_near(m.start()), 0.4)
    for ent in _flagged_candidates(s):
        before = s.text[max(0, ent.start - 80):ent.start]
        if not (_FORMER_CUE.search(before) or _OTHER_OFFICE.search(before)):  # a former candidate of what?
            yield from once(ent.id, s.election_of_candidate(ent.start), 0.4)
    for m in _ANNOUNCES_FOR.finditer(s.text):  # "X ... announces his candidacy for the UKIP leadership"
        election, actor = s.after(m.end(), (EntityType.ELECTION,), window=5), s.actor_before(m.start())
        if election is not None and actor is not None and not _negated(s, actor.end, m.start()):
            yield from once(actor.id, election.id, 0.5)


def _flagged_candidates(s: Sentence) -> Iterator:
    """`presidential candidate X`, `candidates X and Y face off`, `X announces his candidacy`, `candidat X`:
    the cue right next to the person."""
    for ent in s.of_type(EntityType.PERSON):
        if candidacy_cue(s.text, ent.start, ent.end):
            yield ent


def _paired_candidates(s: Sentence) -> Iterator:
    """Two persons contesting one election: `the second round ... between X and Y`, `to elect either X or
    Y`, `X and Y hold a presidential debate`, `X debates with Y`."""
    persons = s.of_type(EntityType.PERSON)
    if not (s.of_type(EntityType.ELECTION) or s.context or s.scope.main):
        return
    elections = s.of_type(EntityType.ELECTION)
    for a, b in zip(persons, persons[1:]):
        between = s.text[a.end:b.start]
        before = s.text[max(0, a.start - 30):a.start]
        if re.fullmatch(r"\s*(?:and|or|et|ou)\s*", between):
            election_before = any(e.end <= a.start for e in elections)
            if (_BETWEEN_PAIR.search(before) and election_before) or _ELECT_EITHER.search(before) or \
                    (_CONTEST.search(s.text[b.end:]) and not _negated(s, b.end, b.end + 40)):
                yield a
                yield b
        elif re.fullmatch(r"\s*(?:debates?|debated|débat\w*)\s+(?:with|avec)\s+", between, re.I) or \
                (_LEADS.fullmatch(between) and elections):
            yield a
            yield b


def _stated_candidacies(s: Sentence) -> Iterator[tuple[str, str]]:
    """`X and Y advanced to the second round of ELECTION`, `X, candidate in ELECTION`, `X wins ELECTION`:
    the person, the cue and the election in one stretch of text, other persons allowed only as a list."""
    for i, ent in enumerate(s.ents):
        if ent.type is not EntityType.PERSON:
            continue
        election = next((e for e in s.ents[i + 1:] if e.type is EntityType.ELECTION), None)
        if election is None or election.start - ent.end > 150:
            continue
        between = s.text[ent.end:election.start]
        others = [e for e in s.ents[i + 1:] if e.start < election.start and e.type is not EntityType.PLACE]
        if others and others[0].type is EntityType.PARTY and _ATTACHED_PARTY.fullmatch(s.text[ent.end:others[0].start]):
            between = s.text[others[0].end:election.start].lstrip(") ")  # "X of the Freedom Party wins ..."
            others = others[1:]
        for other in reversed(others):
            if other.type is not EntityType.PERSON:
                break
            between = between.replace(s.text[other.start:other.end], "X", 1)
        if any(o.type is not EntityType.PERSON for o in others):
            continue
        rest = re.sub(r"^(?:\s*(?:,|and|et)\s*X)*", "", between)
        if "X" not in rest and (_CANDIDACY.search(rest) or _RESULT_VERB.match(rest)) \
                and not _negated(s, ent.end, election.start):
            yield ent.id, election.id
