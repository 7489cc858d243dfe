"""Election relations from sentences: endorses, member_of, candidate_in, defeats, vote_share, withdraws.

Rules over the resolved mentions of one sentence (no parser needed): a cue phrase, the nearest actor before
it and the first target after it, a negation check, a value when one is stated, and a date resolved
against the date of the part of the document the sentence is in. Every relation keeps its sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from extract.dates import resolve_date
from extract.mentions import Parsed, SpanIndex
from extract.records import Document, Entity, EntityType, Evidence, Predicate, Relation, Unit
from extract.resolve import Resolution

__all__ = ["find_relations"]

_ENDORSE = re.compile(
    r"\b(announc\w* (?:his|her|their) support for|(?:his|her|their) support for|support(?:s|ed|ing)?|"
    r"back(?:s|ed|ing)?|endors(?:e|es|ed|ing|ement of)|rall(?:y|ies|ied|ying) (?:behind|to)|"
    r"(?:will |to )?vote for|voting for|throw\w* (?:his|her|their) (?:weight|support) behind|"
    r"apport\w* (?:son|leur) soutien à|soutien à|soutenir|soutient|soutiennent|ralli\w* (?:à|avec)|"
    r"ralliement (?:à|avec)|appel\w* à voter (?:pour)?|votera pour|voter pour|"
    r"défend\w* la candidature de)\b", re.I)
_WITHDRAW = re.compile(
    r"\b(drops? out|dropped out|dropping out|pull(?:s|ed|ing)? out|withdr(?:aw|aws|ew|awn|awing)|"
    r"quits? the race|ends? (?:his|her) (?:campaign|bid)|suspend\w* (?:his|her) campaign|"
    r"se (?:retire|désiste|retirent)|retire sa candidature|renonce\w* à (?:sa|se)|jette l'éponge)\b", re.I)
_IN_FAVOUR = re.compile(r"\b(in favou?r of|to boost|to back|to support|and endorse\w*|behind|"
                        r"au profit de|en faveur de|pour soutenir|derrière)\b", re.I)
_DEFEAT = re.compile(r"\b(defeats|defeated|defeating|beats|beating|topped|tops|outpolled|won against|wins against|"
                     r"bat|battu|l'emporte sur|devance|devancé)\b", re.I)
_WIN = re.compile(r"\b(élue?|réélue?|remporte|gagne|wins?|won|elected)\b", re.I)
_AGAINST = re.compile(r"\b(contre|face à|against|over)\b", re.I)
_CANDIDACY = re.compile(
    r"\b(candidate|candidacy|nominee|runs? for|running for|ran for|advanced? to|advancing to|face off|"
    r"faces off|qualif\w+ for|candidat\w*|se présente|investie?|qualifiée? pour|en lice)\b", re.I)
_NEGATION = re.compile(r"\b(not|n't|never|refus\w*|declin\w*|reject\w*|no longer|rule[sd]? out|"
                       r"ne|n['’]|pas|jamais|exclu\w*|impossible|refuse)\b", re.I)
_CUE_BEFORE = re.compile(
    r"\b(candidates?|nominees?|contenders?|hopefuls?|challengers?|frontrunners?|front-runners?|candidat[es]*|"
    r"tête de liste)\s+(?:(?:[A-Z][\w'’.-]+|and|et|,)\s+)*$", re.I)
_CUE_AFTER = re.compile(
    r"\s*(?:,\s*(?:the|a|an|le|la)?\s*(?:[\w-]+\s+){0,3}?(?:candidate|nominee|contender|candidat|candidate)\b|"
    r"(?:officially\s+)?(?:announces?|announced|declares?|declared|launch\w*)\s+(?:his|her)\s+(?:candidacy|bid|campaign)|"
    r"(?:is|was|will be)\s+(?:running|the\s+\w+\s+nominee)|runs?\s+for|ran\s+for|"
    r"(?:annonce|déclare|officialise)\s+sa\s+candidature|est\s+candidate?)", re.I)
_POLL = re.compile(r"\b(polls?|polling|survey|sondages?|intentions? de vote)\b", re.I)
_EXIT_POLL = re.compile(r"\b(exit polls?|sondages? de sortie)\b", re.I)
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%|per ?cent|pour ?cent|percent|seats|sièges|votes|voix)?", re.I)
_ACTORS = (EntityType.PERSON, EntityType.PARTY)
_GOVERNED = re.compile(r"\b(face à|avec|with|against|contre|to|à|by|par|of|de|than|que)\s+$", re.I)
_WINDOW = 80


@dataclass(frozen=True)
class _Ent:
    start: int
    end: int
    id: str
    type: EntityType


class _Sentence:
    def __init__(self, start: int, end: int, text: str, ents: list[_Ent], date: str | None) -> None:
        self.start, self.end, self.text, self.ents, self.date = start, end, text, ents, date

    def before(self, pos: int, types=_ACTORS) -> _Ent | None:
        found = [e for e in self.ents if e.end <= pos and e.type in types]
        return found[-1] if found else None

    def actor_before(self, pos: int) -> _Ent | None:
        """The acting person before `pos`: the nearest one not governed by a preposition, else a party."""
        persons = [e for e in self.ents if e.end <= pos and e.type is EntityType.PERSON]
        for ent in reversed(persons):
            if not _GOVERNED.search(self.text[max(0, ent.start - 12):ent.start]):
                return ent
        return persons[-1] if persons else self.before(pos, (EntityType.PARTY,))

    def after(self, pos: int, types=_ACTORS, window: int = _WINDOW) -> _Ent | None:
        found = [e for e in self.ents if e.start >= pos and e.type in types and e.start - pos <= window]
        return found[0] if found else None

    def evidence(self) -> Evidence:
        return Evidence(text=self.text, start=self.start, end=self.end)


def find_relations(parsed: Parsed, document: Document, resolution: Resolution) -> tuple[Relation, ...]:
    """Every relation the rules find in the document, in text order, without duplicates."""
    types = {e.id: e.type for e in resolution.entities}
    main_election = _main_election(resolution.entities)
    out: dict[tuple, Relation] = {}
    for sentence in _sentences(parsed, document, resolution, types):
        for rel in _sentence_relations(sentence, main_election):
            key = (rel.subject, rel.predicate, rel.object, rel.value, rel.evidence.start)
            out.setdefault(key, rel)
    return tuple(out.values())


def _sentences(parsed: Parsed, document: Document, resolution: Resolution, types: dict) -> Iterator[_Sentence]:
    index = SpanIndex(resolution.by_offset)
    for start, end in parsed.sentences:
        inside = [_Ent(a, b, resolution.by_offset[(a, b)], types[resolution.by_offset[(a, b)]])
                  for a, b in index.within(start, end)]
        if inside:
            text = document.text[start:end]
            reference = _segment_date(document, start)
            yield _Sentence(start, end, text.strip(), _shift(inside, start, text), reference)


def _shift(ents: list[_Ent], start: int, text: str) -> list[_Ent]:
    """Offsets relative to the stripped sentence text, so cue positions and entity positions agree."""
    lead = len(text) - len(text.lstrip())
    return [_Ent(e.start - start - lead, e.end - start - lead, e.id, e.type) for e in ents]


def _segment_date(document: Document, offset: int) -> str | None:
    for segment in document.segments:
        if segment.start <= offset < segment.end:
            return segment.date
    return document.date


def _main_election(entities: tuple[Entity, ...]) -> str | None:
    counts = Counter({e.id: len(e.mentions) for e in entities if e.type is EntityType.ELECTION})
    return counts.most_common(1)[0][0] if counts else None


def _sentence_relations(s: _Sentence, main_election: str | None) -> Iterator[Relation]:
    date = _date(s)
    yield from _member_of(s, date)
    defeats = list(_defeats(s, date))
    yield from defeats
    yield from _endorses(s, date)
    yield from _withdraws(s, date, main_election)
    shares = list(_vote_shares(s, date, main_election, defeats))
    yield from shares
    yield from _candidacies(s, date, main_election, shares + defeats)


def _date(s: _Sentence) -> str | None:
    return resolve_date(s.text, s.date) or s.date


def _rel(s: _Sentence, subject: str, predicate: Predicate, obj: str, date: str | None, confidence: float,
         value: float | None = None, unit: Unit | None = None) -> Relation:
    return Relation(subject=subject, predicate=predicate, object=obj, value=value, unit=unit, date=date,
                    confidence=confidence, evidence=s.evidence())


def _negated(s: _Sentence, start: int, end: int) -> bool:
    return bool(_NEGATION.search(s.text[max(0, start):end]))


def _member_of(s: _Sentence, date: str | None) -> Iterator[Relation]:
    """`Manuel Valls (PS)`, `Marine Le Pen of the National Front`, `Socialist Party candidate Benoît Hamon`."""
    for a, b in zip(s.ents, s.ents[1:]):
        between = s.text[a.end:b.start]
        if a.type is EntityType.PERSON and b.type is EntityType.PARTY:
            if re.fullmatch(r"\s*\(\s*", between):
                yield _rel(s, a.id, Predicate.MEMBER_OF, b.id, date, 0.9)
            elif re.fullmatch(r"\s*,?\s*(?:(?:the|le|la|an?|un|une)\s+)?(?:(?:candidate|nominee|leader|candidat|"
                              r"candidate|chef|dirigeante?|présidente?|member|membre)\s+)?"
                              r"(?:of|from|du|de|des|de la|for)\s+(?:the\s+|l['’])?", between, re.I):
                yield _rel(s, a.id, Predicate.MEMBER_OF, b.id, date, 0.7)
        elif a.type is EntityType.PARTY and b.type is EntityType.PERSON:
            if re.fullmatch(r"\s*(?:['’]s\s+)?(?:(?:presidential|deputy|former|party)\s+)?(?:candidate|nominee|leader|"
                            r"chief|chairman|chairwoman|MP|senator|politician|hopeful|frontrunner|député|candidat|"
                            r"candidate|chef|présidente?|secrétaire général)?\s*,?\s*", between, re.I) \
                    and (between.strip() or s.text[b.start - 1:b.start] != "("):
                yield _rel(s, b.id, Predicate.MEMBER_OF, a.id, date, 0.7)


def _endorses(s: _Sentence, date: str | None) -> Iterator[Relation]:
    for m in _ENDORSE.finditer(s.text):
        subject = s.actor_before(m.start())
        target = s.after(m.end(), (EntityType.PERSON, EntityType.PARTY))
        if subject and target and subject.id != target.id and not _negated(s, subject.end, m.end()):
            if not _NEGATION.search(m.group(0)):
                yield _rel(s, subject.id, Predicate.ENDORSES, target.id, date, 0.7)


def _withdraws(s: _Sentence, date: str | None, main_election: str | None) -> Iterator[Relation]:
    for m in _WITHDRAW.finditer(s.text):
        subject = s.actor_before(m.start())
        if subject is None or subject.type is not EntityType.PERSON or _negated(s, subject.end, m.start()):
            continue
        favour = _IN_FAVOUR.search(s.text, m.end())
        target = s.after(favour.end(), (EntityType.PERSON, EntityType.PARTY)) if favour else None
        election = s.after(m.end(), (EntityType.ELECTION,), window=200)
        obj = target.id if target else (election.id if election else main_election)
        if obj and obj != subject.id:
            yield _rel(s, subject.id, Predicate.WITHDRAWS, obj, date, 0.75 if target else 0.6)


def _defeats(s: _Sentence, date: str | None) -> Iterator[Relation]:
    for m in _DEFEAT.finditer(s.text):
        yield from _winner_loser(s, m.start(), m.end(), date)
    if not _DEFEAT.search(s.text):
        for m in _WIN.finditer(s.text):
            against = _AGAINST.search(s.text, m.end())
            if against:
                yield from _winner_loser(s, m.start(), against.end(), date, share_from=m.end(),
                                         window=_WINDOW * 2)


def _winner_loser(s: _Sentence, cue_start: int, cue_end: int, date: str | None, *,
                  share_from: int | None = None, window: int = _WINDOW) -> Iterator[Relation]:
    winner = s.actor_before(cue_start)
    loser = s.after(cue_end, (EntityType.PERSON, EntityType.PARTY), window=window)
    if winner and loser and winner.id != loser.id and not _negated(s, winner.end, cue_start):
        share = _first_share(s.text[cue_end if share_from is None else share_from:])
        yield _rel(s, winner.id, Predicate.DEFEATS, loser.id, date, 0.7,
                   value=share, unit=Unit.PERCENT if share is not None else None)


def _first_share(text: str) -> float | None:
    for m in _NUMBER.finditer(text):
        if m.group(2) and _unit(m.group(2)) is Unit.PERCENT:
            return float(m.group(1).replace(",", "."))
    return None


def _unit(word: str | None) -> Unit | None:
    if not word:
        return None
    word = word.lower()
    if word in ("seats", "sièges"):
        return Unit.SEATS
    if word in ("votes", "voix"):
        return Unit.VOTES
    return Unit.PERCENT


def _vote_shares(s: _Sentence, date: str | None, main_election: str | None,
                 defeats: list[Relation]) -> Iterator[Relation]:
    if _POLL.search(s.text) and not _EXIT_POLL.search(s.text):
        return
    for m in _NUMBER.finditer(s.text):
        value, unit = _share(m, s.text)
        if value is None:
            continue
        subject = _share_holder(s, m, defeats)
        election = s.after(0, (EntityType.ELECTION,), window=10_000)
        obj = election.id if election else main_election
        if subject and obj:
            yield _rel(s, subject, Predicate.VOTE_SHARE, obj, date, 0.6, value=value, unit=unit)


def _share(m: re.Match, text: str) -> tuple[float | None, Unit | None]:
    unit = _unit(m.group(2))
    if unit is None and re.match(r"\s*(?:pour|for)\s", text[m.end():]) and re.search(r"\d\s*%|percent", text):
        unit = Unit.PERCENT  # "58.87% des voix contre 41.13 pour Manuel Valls"
    if unit is None:
        return None, None
    value = float(m.group(1).replace(",", "") if unit is Unit.VOTES else m.group(1).replace(",", "."))
    if unit is Unit.PERCENT and value > 100:
        return None, None
    return value, unit


def _share_holder(s: _Sentence, m: re.Match, defeats: list[Relation]) -> str | None:
    follow = re.match(r"\s*(?:%|per ?cent|percent)?\s*(?:pour|for)\s+", s.text[m.end():])
    if follow:
        target = s.after(m.end(), _ACTORS, window=follow.end() + 5)
        if target:
            return target.id
    if defeats and re.search(r"\b(with|avec)\s+(?:about |around |nearly |almost |more than )?$",
                             s.text[max(0, m.start() - 30):m.start()]):
        return defeats[0].subject
    holder = s.before(m.start())
    return holder.id if holder else None


def _candidacies(s: _Sentence, date: str | None, main_election: str | None,
                 results: list[Relation]) -> Iterator[Relation]:
    election = s.after(0, (EntityType.ELECTION,), window=10_000)
    seen = set()
    for rel in results:  # who has a result or beat someone ran in that election
        target = rel.object if rel.predicate is Predicate.VOTE_SHARE else (election.id if election else None)
        for person in (rel.subject,) if rel.predicate is Predicate.VOTE_SHARE else (rel.subject, rel.object):
            if target and (person, target) not in seen and person.startswith("person/"):
                seen.add((person, target))
                yield _rel(s, person, Predicate.CANDIDATE_IN, target, date, 0.6)
    for person, election_id in _stated_candidacies(s):
        if (person, election_id) not in seen:
            seen.add((person, election_id))
            yield _rel(s, person, Predicate.CANDIDATE_IN, election_id, date, 0.5)
    target = election.id if election else main_election
    for person in _flagged_candidates(s) if target else ():
        if (person, target) not in seen:
            seen.add((person, target))
            yield _rel(s, person, Predicate.CANDIDATE_IN, target, date, 0.4)


def _flagged_candidates(s: _Sentence) -> Iterator[str]:
    """`presidential candidate X`, `candidates X and Y face off`, `X announces his candidacy`, `candidat X`:
    the cue right next to the person; the election is the sentence's, else the document's main one."""
    persons = [e for e in s.ents if e.type is EntityType.PERSON]
    for ent in persons:
        before = s.text[max(0, ent.start - 30):ent.start]
        after = s.text[ent.end:ent.end + 40]
        if _CUE_BEFORE.search(before) or _CUE_AFTER.match(after):
            yield ent.id


def _stated_candidacies(s: _Sentence) -> Iterator[tuple[str, str]]:
    """`X and Y advanced to the second round of ELECTION`, `X, candidate in ELECTION`: the person, the cue and
    the election in one stretch of text, other persons allowed only as a coordinated list."""
    for i, ent in enumerate(s.ents):
        if ent.type is not EntityType.PERSON:
            continue
        election = next((e for e in s.ents[i + 1:] if e.type is EntityType.ELECTION), None)
        if election is None or election.start - ent.end > 150:
            continue
        between = s.text[ent.end:election.start]
        others = [e for e in s.ents[i + 1:] if e.start < election.start and e.type is not EntityType.PLACE]
        for other in reversed(others):
            if other.type is not EntityType.PERSON:
                break
            between = between.replace(s.text[other.start:other.end], "X", 1)
        if any(o.type is not EntityType.PERSON for o in others):
            continue
        rest = re.sub(r"^(?:\s*(?:,|and|et)\s*X)*", "", between)
        if "X" not in rest and _CANDIDACY.search(rest):
            yield ent.id, election.id
