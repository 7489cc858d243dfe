"""Sentences with their resolved entities, as the relation rules read them.

A `Sentence` knows its text, its entities (offsets relative to the stripped sentence), the date of the part
of the document it is in, and which election a statement in it is about when the sentence does not say:
the election mentioned last before it in the same part of the document, else the document's main one.
Pure Python over the resolution: no spaCy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from extract.elections import name_year
from extract.mentions import Parsed, SpanIndex
from extract.patterns import PRIMARY_SIGNAL
from extract.records import Document, Entity, EntityType, Evidence
from extract.resolve import Resolution

__all__ = ["Ent", "Sentence", "ElectionScope", "sentences", "ACTORS"]

ACTORS = (EntityType.PERSON, EntityType.PARTY)
_GOVERNED = re.compile(r"\b(face à|avec|with|against|contre|to|à|by|par|of|de|than|que)\s+$", re.I)
_WINDOW = 80


@dataclass(frozen=True)
class Ent:
    start: int
    end: int
    id: str
    type: EntityType


@dataclass(frozen=True)
class ElectionScope:
    """The document's elections: the main one (most mentioned, a general election before a primary) and
    which of them are primaries."""

    main: str | None
    primaries: frozenset[str]
    main_primary: str | None
    main_general: str | None          # the most mentioned election that is not a primary

    @classmethod
    def of(cls, entities: tuple[Entity, ...]) -> ElectionScope:
        elections = [e for e in entities if e.type is EntityType.ELECTION]
        primaries = frozenset(e.id for e in elections if "primar" in e.name.lower())
        order = {e.id: min((m.start for m in e.mentions), default=0) for e in elections}
        counts = Counter({e.id: len(e.mentions) for e in elections})
        ranked = sorted(counts, key=lambda i: (-counts[i], order[i]))
        general = [i for i in ranked if i not in primaries]
        main = general[0] if general and counts[general[0]] * 2 > counts[ranked[0]] else (ranked or [None])[0]
        main_primary = next((i for i in ranked if i in primaries), None)
        return cls(main, primaries, main_primary, general[0] if general else None)


class Sentence:
    def __init__(self, start: int, end: int, text: str, ents: list[Ent], date: str | None,
                 context: str | None, scope: ElectionScope) -> None:
        self.start, self.end, self.text, self.ents, self.date = start, end, text, ents, date
        self.context, self.scope = context, scope

    def before(self, pos: int, types=ACTORS) -> Ent | None:
        found = [e for e in self.ents if e.end <= pos and e.type in types]
        return found[-1] if found else None

    def actor_before(self, pos: int) -> Ent | None:
        """The acting person before `pos`: the nearest one not governed by a preposition, else a party."""
        persons = [e for e in self.ents if e.end <= pos and e.type is EntityType.PERSON]
        for i in range(len(persons) - 1, -1, -1):
            ent = persons[i]
            if _GOVERNED.search(self.text[max(0, ent.start - 12):ent.start]):
                continue
            # "X, wife of former Prime Minister Y, defeats Z": Y stands in an apposition to X
            if i > 0 and re.fullmatch(r"[^,]*,\s*", self.text[ent.end:pos]) and \
                    re.match(r"\s*,", self.text[persons[i - 1].end:ent.start]):
                return persons[i - 1]
            return ent
        return persons[-1] if persons else self.before(pos, (EntityType.PARTY,))

    def after(self, pos: int, types=ACTORS, window: int = _WINDOW) -> Ent | None:
        found = [e for e in self.ents if e.start >= pos and e.type in types and e.start - pos <= window]
        return found[0] if found else None

    def of_type(self, *types: EntityType) -> list[Ent]:
        return [e for e in self.ents if e.type in types]

    def election_near(self, pos: int) -> str | None:
        """The election a statement at `pos` is about: a primary when the sentence speaks of choosing a
        party's candidate, else the election named nearest in the sentence, else the one named last before
        the sentence in its part of the document, else the document's main election."""
        elections = self.of_type(EntityType.ELECTION)
        primaries = [e for e in elections if e.id in self.scope.primaries]
        if PRIMARY_SIGNAL.search(self.text):
            if primaries:
                elections = primaries
            elif self.scope.main_primary:
                return self.scope.main_primary
        if elections:
            return min(elections, key=lambda e: _distance(e, pos)).id
        return self.context or self.scope.main

    def election_of_candidate(self, pos: int, reach: int = 70) -> str | None:
        """The election a candidacy cue at `pos` is about: one named close to it in the sentence, else a
        primary when the sentence speaks of one, else the document's general election rather than a primary
        (`conservative nominee François Fillon` in an article about the left-wing primary)."""
        near = [e for e in self.of_type(EntityType.ELECTION) if _distance(e, pos) <= reach]
        if near or PRIMARY_SIGNAL.search(self.text):
            found = self.election_near(pos) if near or not self.of_type(EntityType.ELECTION) else None
            if found is not None and (near or found in self.scope.primaries):
                return found
        if self.context and self.context not in self.scope.primaries and not _past(self.context, self.date):
            return self.context
        # "Yannick Jadot, candidat EELV" after a word on the 2012 campaign: a candidate now runs in a coming vote
        for found in (self.scope.main_general, self.context, self.scope.main):
            if found and not _past(found, self.date):
                return found
        return self.context or self.scope.main_general or self.scope.main

    def evidence(self) -> Evidence:
        return Evidence(text=self.text, start=self.start, end=self.end)


def _past(election_id: str, date: str | None) -> bool:
    """An election whose name's year is before the year of the part of the document."""
    year = name_year(election_id)
    return bool(year and date and date[:4].isdigit() and year < int(date[:4]))


def _distance(ent: Ent, pos: int) -> int:
    return pos - ent.end if ent.end <= pos else max(0, ent.start - pos)


def sentences(parsed: Parsed, document: Document, resolution: Resolution) -> Iterator[Sentence]:
    """The document's sentences that hold at least one resolved entity, in text order."""
    types = {e.id: e.type for e in resolution.entities}
    scope = ElectionScope.of(resolution.entities)
    index = SpanIndex(resolution.by_offset)
    last_election: dict[int, str] = {}
    for start, end in parsed.sentences:
        inside = [Ent(a, b, resolution.by_offset[(a, b)], types[resolution.by_offset[(a, b)]])
                  for a, b in index.within(start, end)]
        if not inside:
            continue
        segment = _segment(document, start)
        text = document.text[start:end]
        reference = document.segments[segment].date if segment is not None else document.date
        yield Sentence(start, end, text.strip(), _shift(inside, start, text), reference,
                       last_election.get(segment), scope)
        for ent in inside:
            if ent.type is EntityType.ELECTION:
                last_election[segment] = ent.id


def _segment(document: Document, offset: int) -> int | None:
    for i, segment in enumerate(document.segments):
        if segment.start <= offset < segment.end:
            return i
    return None


def _shift(ents: list[Ent], start: int, text: str) -> list[Ent]:
    """Offsets relative to the stripped sentence text, so cue positions and entity positions agree."""
    lead = len(text) - len(text.lstrip())
    return [Ent(e.start - start - lead, e.end - start - lead, e.id, e.type) for e in ents]
