"""Mentions to canonical entities inside one document: gazetteer ids, surnames, titles, acronyms, elections.

Pure Python over `extract.mentions.Parsed`: no spaCy here. Entity ids are slugs of the canonical name with
its type, so the same person in two documents gets the same id.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer
from extract.ids import entity_id
from extract.mentions import Parsed, RawSpan, SpanIndex
from extract.names import keys, name_key, strip_title
from extract.patterns import COUNTRY_ADJECTIVES, NOT_PARTIES, PARTY_PATTERNS, parse_election
from extract.records import Document, Entity, EntityType, Mention

__all__ = ["Resolution", "resolve", "CANDIDATE_CUES"]

CANDIDATE_CUES = re.compile(
    r"\b(candidate|candidacy|nominee|contender|challenger|hopeful|runs? for|running for|ran for|face[sd]? off|"
    r"run-?off|presidential bid|candidat|candidate|candidature|investie?|en lice|qualifiée? pour le second tour)\b",
    re.IGNORECASE,
)
_PARTY_NOUNS = {"socialists", "republicans", "democrats", "conservatives", "tories", "greens", "liberals",
                "labour", "socialistes", "republicains", "ecologistes", "communistes", "insoumis"}
_PARTY_STEMS = {"democrats": "democratic", "tories": "conservative", "labour": "labour"}
_COUNTRY_NAMES = {"france": "French", "germany": "German", "united kingdom": "United Kingdom",
                  "britain": "United Kingdom", "great britain": "United Kingdom", "netherlands": "Dutch",
                  "the netherlands": "Dutch", "austria": "Austrian", "italy": "Italian", "spain": "Spanish",
                  "united states": "United States", "america": "United States", "u s": "United States",
                  "us": "United States", "usa": "United States", "greece": "Greek", "poland": "Polish",
                  "canada": "Canadian", "australia": "Australian", "ireland": "Irish", "belgium": "Belgian",
                  "allemagne": "German", "royaume uni": "United Kingdom", "etats unis": "United States",
                  "pays bas": "Dutch", "autriche": "Austrian", "italie": "Italian", "espagne": "Spanish"}
_CUE_WINDOW = 80
_COMMON_CAPITALISED = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "president", "party", "france", "paris", "europe", "union", "front", "state", "house", "white", "black",
    "green", "brown", "young", "king", "bush", "rice", "price", "long", "little", "love", "hope", "grace",
}
_PERSON_APPOSITION = re.compile(
    r",\s+(?:an?|the|un|une|le|la)?\s*(?:[\w-]+\s+){0,3}?(?:professor|analyst|editor|spokes\w+|minister|leader|"
    r"candidate|mayor|senator|deputy|journalist|researcher|economist|advis[eo]r|director|chairman|secretary|"
    r"politician|lawmaker|MP|député|porte-parole|ministre|maire|sénateur|professeur|chercheur|politologue)\b",
    re.IGNORECASE)


@dataclass
class _Cluster:
    id: str
    type: EntityType
    name: str
    forms: Counter = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Resolution:
    entities: tuple[Entity, ...]
    by_offset: dict[tuple[int, int], str]  # (start, end) of each kept mention -> entity id


def resolve(parsed: Parsed, document: Document, gazetteer: Gazetteer) -> Resolution:
    """Group the document's mentions into canonical entities."""
    return _Resolver(parsed, document, gazetteer).run()


class _Resolver:
    def __init__(self, parsed: Parsed, document: Document, gazetteer: Gazetteer) -> None:
        self.parsed, self.doc, self.gaz = parsed, document, gazetteer
        self.index = gazetteer.alias_index()
        self.entries = gazetteer.by_id()
        self.clusters: dict[str, _Cluster] = {}
        self.by_offset: dict[tuple[int, int], str] = {}
        self.acronyms: dict[str, str] = {}
        self.country = self._guess_country()

    def run(self) -> Resolution:
        persons = []
        for span in self.parsed.spans:
            if span.label == "PERSON" and not span.ent_id and not self._lookup(span, ("PERSON",)):
                persons.append(span)
            else:
                self._place(span)
        self._cluster_persons(persons)
        self._acronym_mentions()
        self._surnames_mistyped()
        self._surname_mentions()
        self._candidate_roles()
        entities = tuple(self._entity(c) for c in sorted(self.clusters.values(), key=lambda c: c.id))
        return Resolution(entities=entities, by_offset=self.by_offset)

    # -- one span at a time -------------------------------------------------------------------------
    def _place(self, span: RawSpan) -> None:
        found = self._classify(span)
        if found is not None:
            self._add(span, *found)

    def _classify(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        if span.ent_id and span.ent_id in self.entries:
            entry = self.entries[span.ent_id]
            return entry.id, entry.type, entry.name
        if span.label == "ELECTION":
            return self._election(span)
        gid = self._lookup(span, (span.label, "PARTY", "MEDIA", "ORG", "ELECTION", "PERSON"))
        if gid:
            entry = self.entries[gid]
            return entry.id, entry.type, entry.name
        if span.text in self.acronyms:
            cluster = self.clusters[self.acronyms[span.text]]
            return cluster.id, cluster.type, cluster.name
        return self._by_label(span)

    def _by_label(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        name = _clean_name(span.text)
        if not _plausible(name):
            return None
        if span.label == "NORP":
            return self._party_noun(name)
        if span.label in ("ORG", "PLACE") and self._person_by_apposition(span, name):
            return entity_id(EntityType.PERSON, name), EntityType.PERSON, name
        if span.label in ("ORG", "PARTY"):
            is_party = span.label == "PARTY" or any(p.fullmatch(name) for p in PARTY_PATTERNS)
            if is_party and name_key(name) in NOT_PARTIES:
                is_party = False
            etype = EntityType.PARTY if is_party else EntityType.ORG
            self._register_acronym(span, etype, name)
            return entity_id(etype, name), etype, name
        if span.label in ("PLACE", "MEDIA"):
            etype = EntityType(span.label)
            return entity_id(etype, name), etype, name
        return None

    def _person_by_apposition(self, span: RawSpan, name: str) -> bool:
        """`Cecile Alduy, an associate professor`: a two- or three-word name followed by a role is a person,
        whatever label the statistical model gave it."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words):
            return False
        after = self.doc.text[span.end:span.end + 60]
        return bool(_PERSON_APPOSITION.match(after))

    def _party_noun(self, name: str) -> tuple[str, EntityType, str] | None:
        """`the Socialists` names the Socialist Party when the gazetteer knows one by that stem."""
        key = name_key(name)
        if key not in _PARTY_NOUNS:
            return None
        stem = _PARTY_STEMS.get(key, key[:-1] if key.endswith("s") else key)
        gid = self.index.get(("PARTY", f"{stem} party"))
        if gid:
            entry = self.entries[gid]
            return entry.id, entry.type, entry.name
        return entity_id(EntityType.PARTY, name), EntityType.PARTY, name

    def _register_acronym(self, span: RawSpan, etype: EntityType, name: str) -> None:
        """`Party for Freedom (PVV)`: later mentions of `PVV` are the same party."""
        m = re.match(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,7})\)", self.doc.text[span.end:span.end + 12])
        if m:
            self.acronyms[m.group(1)] = entity_id(etype, name)

    def _lookup(self, span: RawSpan, types: tuple[str, ...]) -> str | None:
        text = strip_title(_clean_name(span.text))
        for etype in types:
            for key in keys(text):
                gid = self.index.get((etype, key))
                if gid:
                    return gid
        return None

    # -- elections ----------------------------------------------------------------------------------
    def _election(self, span: RawSpan) -> tuple[str, EntityType, str]:
        country, kind, year = parse_election(span.text)
        country = country or self.country
        year = year or self._year_at(span.start)
        kind = kind or "election"
        base = f"{country} {kind}" if country else kind
        name = f"{base}, {year}" if year else base
        for candidate in (name, base):
            for key in keys(candidate):
                gid = self.index.get(("ELECTION", key))
                if gid and (candidate == name or not year or year in self.entries[gid].name):
                    entry = self.entries[gid]
                    return entry.id, entry.type, entry.name
        return entity_id(EntityType.ELECTION, name), EntityType.ELECTION, name[:1].upper() + name[1:]

    def _year_at(self, offset: int) -> str | None:
        for segment in self.doc.segments:
            if segment.start <= offset < segment.end and segment.date:
                return segment.date[:4]
        return self.doc.date[:4] if self.doc.date else None

    def _guess_country(self) -> str | None:
        votes: Counter = Counter()
        for span in self.parsed.spans:
            key = name_key(span.text)
            country = _COUNTRY_NAMES.get(key) or (COUNTRY_ADJECTIVES.get(key) if span.label == "NORP" else None)
            if country and span.label in ("PLACE", "NORP"):
                votes[country] += 1
        return votes.most_common(1)[0][0] if votes else None

    # -- persons ------------------------------------------------------------------------------------
    def _cluster_persons(self, spans: list[RawSpan]) -> None:
        """Full names first; a bare surname joins the full name it ends (`Hamon` → `Benoît Hamon`)."""
        spans = [s for s in spans if _person_name(s.text)[:1].isupper()]  # not "de la République"
        full = [s for s in spans if len(_person_name(s.text).split()) > 1]
        for span in full:
            name = _person_name(span.text)
            self._add(span, entity_id(EntityType.PERSON, name), EntityType.PERSON, name)
        singles: dict[str, list[RawSpan]] = defaultdict(list)
        for span in spans:
            if len(_person_name(span.text).split()) == 1:
                singles[name_key(_person_name(span.text))].append(span)
        for key, group in singles.items():
            target = self._person_ending_with(key)
            if target is not None:
                for span in group:
                    self._add(span, target.id, target.type, target.name)
            elif len(group) > 1 and _plausible(_person_name(group[0].text)):
                name = _person_name(group[0].text)
                for span in group:
                    self._add(span, entity_id(EntityType.PERSON, name), EntityType.PERSON, name)

    def _acronym_mentions(self) -> None:
        """Every later `PVV` in the text is the party defined as `Party for Freedom (PVV)`, tagged or not."""
        taken = SpanIndex(self.by_offset)
        for acronym, eid in sorted(self.acronyms.items()):
            cluster = self.clusters[eid]
            for m in re.finditer(rf"(?<!\w){re.escape(acronym)}(?!\w)", self.doc.text):
                if not taken.overlaps(m.start(), m.end()):
                    self._add(RawSpan(acronym, m.start(), m.end(), str(cluster.type)), eid, cluster.type, cluster.name)

    def _surname_mentions(self) -> None:
        """A person's surname the model left untagged (`Rutte defeated Wilders`) is still that person, unless the
        word is also used in lower case in this document (`may`) or names a month or weekday."""
        taken = SpanIndex(self.by_offset)
        for cluster in [c for c in self.clusters.values() if c.type is EntityType.PERSON]:
            if len(cluster.name.split()) < 2:
                continue
            surname = cluster.name.split()[-1]
            if len(surname) < 3 or surname.lower() in _COMMON_CAPITALISED or not surname[:1].isupper():
                continue
            if re.search(rf"(?<![\w-]){re.escape(surname.lower())}(?![\w-])", self.doc.text):
                continue  # the word occurs in lower case: a common word, not only a name
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.doc.text):
                if not taken.overlaps(m.start(), m.end()):
                    self._add(RawSpan(surname, m.start(), m.end(), "PERSON"), cluster.id, cluster.type, cluster.name)

    def _surnames_mistyped(self) -> None:
        """A one-word ORG or PLACE that is the surname of a person of this document is that person (`Trump`)."""
        for cluster in [c for c in self.clusters.values() if c.type in (EntityType.ORG, EntityType.PLACE)]:
            if " " in cluster.name or cluster.id in self.entries:
                continue
            person = self._person_ending_with(name_key(cluster.name))
            if person is not None:
                del self.clusters[cluster.id]
                for m in cluster.mentions:
                    self._add(RawSpan(m.text, m.start, m.end, "PERSON"), person.id, person.type, person.name)

    def _person_ending_with(self, key: str) -> _Cluster | None:
        for cluster in self.clusters.values():
            if cluster.type is EntityType.PERSON:
                names = [cluster.name, *cluster.forms]
                if any(key in keys(n.split()[-1]) or name_key(n).endswith(" " + key) for n in names if n):
                    return cluster
        return None

    # -- bookkeeping --------------------------------------------------------------------------------
    def _add(self, span: RawSpan, eid: str, etype: EntityType, name: str) -> None:
        cluster = self.clusters.get(eid)
        if cluster is None:
            cluster = self.clusters[eid] = _Cluster(eid, etype, name)
            entry = self.entries.get(eid)
            if entry is not None:
                cluster.roles.update(entry.roles)
        surface = strip_title(_clean_name(span.text)) if etype is EntityType.PERSON else _clean_name(span.text)
        cluster.forms[surface] += 1
        cluster.mentions.append(Mention(text=span.text, start=span.start, end=span.end))
        self.by_offset[(span.start, span.end)] = eid

    def _candidate_roles(self) -> None:
        text = self.doc.text
        for cluster in self.clusters.values():
            if cluster.type is not EntityType.PERSON or "candidate" in cluster.roles:
                continue
            for m in cluster.mentions:
                window = text[max(0, m.start - _CUE_WINDOW):m.end + _CUE_WINDOW]
                if CANDIDATE_CUES.search(window):
                    cluster.roles.add("candidate")
                    break

    def _entity(self, cluster: _Cluster) -> Entity:
        keep = cluster.id in self.entries or cluster.type is EntityType.ELECTION
        name = cluster.name if keep else _best_form(cluster)
        aliases = tuple(sorted(f for f in cluster.forms if f != name))
        mentions = tuple(sorted(cluster.mentions, key=lambda m: (m.start, m.end)))
        return Entity(id=cluster.id, name=name, type=cluster.type, roles=tuple(sorted(cluster.roles)),
                      aliases=aliases, mentions=mentions)


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:!?\"'“”«»()[]")
    if len(text.split()) > 1:
        text = re.sub(r"^(?:(?:the|The|la|La|les|Les)\s+|[lL]['’]\s*)", "", text)
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def _person_name(text: str) -> str:
    return strip_title(_clean_name(text))


def _plausible(name: str) -> bool:
    """Junk the statistical NER produces on markup or numbers: too short, no letters, all lower case."""
    letters = sum(ch.isalpha() for ch in name)
    return letters >= 2 and letters >= len(name) / 2 and not name.islower() and "http" not in name.lower()


def _best_form(cluster: _Cluster) -> str:
    """Best-spelled form: most words, then most accented letters (`Mélenchon` over `Mlenchon`), then most used."""
    forms = sorted(cluster.forms.items(), key=lambda kv: (
        -len(kv[0].split()), -sum(not ch.isascii() for ch in kv[0]), -kv[1], kv[0]))
    return forms[0][0] if forms else cluster.name
