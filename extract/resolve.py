"""Mentions to canonical entities inside one document: gazetteer ids, surnames, titles, acronyms, elections.

Pure Python over `extract.mentions.Parsed`: no spaCy here. Entity ids are slugs of the canonical name with
its type, so the same person in two documents gets the same id.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extract.countries import calendar_year, country_of, demonym_of_code, parliament_kind
from extract.elections import ElectionContext, election_names, name_year
from extract.gazetteer import LOCAL_PREFIX, Gazetteer
from extract.ids import entity_id
from extract.mentions import Parsed, RawSpan, SpanIndex
from extract.names import given_names, keys, name_key, strip_title
from extract.patterns import (
    NOT_PARTIES, PARTY_PATTERNS, PRIMARY_SIGNAL, ElectionMention, candidacy_cue, read_election,
)
from extract.persons import (
    CAPITALISED_RUN, COMMON_CAPITALISED, HONORIFIC_BEFORE, NOT_PERSON_WORD, ORG_HEAD, PERSON_APPOSITION,
    PERSON_PRONOUN_AFTER, PLACE_WORD, SHARED_SURNAME, SHIP_OR_BRAND_BEFORE, SPEECH_AFTER, SURNAME_LIST, TITLE_BEFORE,
    WEEKDAYS_MONTHS, clean_name, given_name_first, infinitive_first, person_after_place, person_like, person_name,
)
from extract.records import Document, Entity, EntityType, Mention

__all__ = ["Resolution", "resolve"]

_PARTY_NOUNS = {"socialists", "republicans", "democrats", "conservatives", "tories", "greens", "liberals",
                "labour", "socialistes", "republicains", "ecologistes", "communistes", "insoumis"}
_PARTY_STEMS = {"democrats": "democratic", "tories": "conservative", "labour": "labour"}
_PARTY_BEFORE = re.compile(
    r"(?:\b(?:ruling|governing|opposition|incumbent|far[- ]right|far[- ]left|right-wing|left-wing|centre-right|"
    r"centre-left|center-right|center-left|nationalist|populist|separatist|pro-\w+|anti-\w+)\s+"
    r"(?:(?:party|coalition|alliance)\s+)?|\b(?:candidate|nominee|leader|chairman|chairwoman|co-leader|member|"
    r"members|founder|head)\s+of\s+(?:the\s+)?(?:\w+\s+)?)$", re.I)
_PARTY_AFTER = re.compile(
    r"(?:\s*\([A-Z]{2,}\))?\s*(?:['’]s\s+)?(?:(?:presidential|parliamentary|mayoral)\s+)?(?:party\b|candidate|nominee|"
    r"leader|chairman|chairwoman|(?:won|wins|took|takes|secured|secures|obtained)\s+\d|"
    r",\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}party\b)", re.I)
# "voters elect X as their new president", "X is elected president", "X a été élue présidente"
_ELECTED_TO_OFFICE = re.compile(
    r"\b(?:(?:re-?)?elect(?:s|ed)?|choose|chose|(?:ré)?élisent|(?:ré)?élit)\b[^.;:!?\n]{1,80}?\b(?:as|comme)\s+"
    r"(?:(?:the|their|its|leur|son|sa|the country['’]s|new|next|first|female|nouvel(?:le)?|nouveau)\s+)*"
    r"(?P<office>president|présidente?|prime minister|premier ministre)\b(?!\s+(?:of|du|de|d['’])\b)|"
    r"\b(?:is|was|has been|est|a été)\s+(?:re-?)?(?:elected|réélue?|élue?)\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
    r"(?P<office2>president|présidente?)\b(?!\s+(?:of|du|de|d['’])\b)|"
    # "voters elect Sergio Mattarella President of Italy": the country's election, named after the office
    r"\b(?:(?:re-?)?elect(?:s|ed)?|élisent|élit)\s+(?!as\b)[^.;:!?\n]{1,60}?\s+(?:as\s+)?(?:the\s+)?(?:new\s+)?"
    r"(?P<office3>(?-i:President|Prime Minister|Président|Premier ministre))\s+(?:of|de|du|de la)\s+(?:the\s+)?"
    r"(?P<where>(?-i:[A-ZÀ-Ý][\w'’-]+)(?:\s+(?-i:[A-ZÀ-Ý][\w'’-]+)){0,2})", re.I)
# A sentence that gives a result speaks of the contest it is about, whatever it calls it.
_RESULT_WORDS = re.compile(r"\d\s*(?:%|pour cent|percent)|remport|gagn|victoire|vainqu|\bwins?\b|\bwon\b|"
                           r"\bvictory\b|\bbeat|\bdefeat|battu|\bqualifi", re.I)
# Bodies a party pattern's word (`Congress`, `League`, `Union`) can hide: a chamber, the police, a court.
_NOT_PARTY_BODY = re.compile(r"\b(?:Chamber|Police|Parliament|Assembly|Court|Council|Commission|Ministry|"
                             r"Senate|Protective|Chambre|Assemblée|Conseil|Caucus)\b")
_PARTY_ADJECTIVES_FR = {"socialiste": "socialist", "frontiste": "front national", "communiste": "communist",
                        "insoumi": "insoumis", "insoumise": "insoumis"}
_PARTY_ADJECTIVES = {"democratic": "Democratic Party", "democrat": "Democratic Party",
                     "republican": "Republican Party", "labour": "Labour Party",
                     "conservative": "Conservative Party", "tory": "Conservative Party",
                     "libertarian": "Libertarian Party", "liberal democrat": "Liberal Democrats",
                     "lib dem": "Liberal Democrats", "socialist": "Socialist Party", "green": "Green Party",
                     "front national": "National Front", "communist": "French Communist Party",
                     "insoumis": "La France insoumise"}
# Event pages from the Current Events Portal end with this line: its "Wikipedia" is no entity of the page.
_BOILERPLATE = re.compile(r"Listed under [^\n]{0,120}? in Wikipedia['’]s Current events portal[^\n]*")


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
        self.local_index = gazetteer.local_index()
        self.country: str | None = None  # known after the parse's spans are read (`_guess_country`)
        self.entries = gazetteer.by_id()
        self.clusters: dict[str, _Cluster] = {}
        self.by_offset: dict[tuple[int, int], str] = {}
        self.acronyms: dict[str, str] = {}
        self._sentence_starts = [start for start, _ in parsed.sentences]
        self._tagged = self._tagged_elections()
        self._person_ends = {s.end for s in parsed.spans if s.label == "PERSON"}
        persons = [s.text for s in parsed.spans if s.label == "PERSON"]
        self._surnames = {text.split()[-1] for text in persons if " " in text}  # Mark Cuban's "Cuban": no demonym
        self._full_names = {name_key(person_name(text)) for text in persons}
        self.country = self._guess_country()

    def run(self) -> Resolution:
        persons, bare = [], []
        for span in self._spans():
            if span.label == "PERSON":
                gid = span.ent_id or self._lookup(span, ("PERSON",))
                if not gid or self._someone_else(span, gid):  # `Johnson` in a story about `Gary Johnson`
                    persons.append(RawSpan(span.text, span.start, span.end, "PERSON"))
                else:
                    self._place(span)
            elif span.label == "ELECTION" and not span.ent_id and read_election(span.text, self.doc.lang).bare:
                bare.append(span)
            else:
                self._place(span)
        self._bare_elections(bare)
        self._implied_elections()
        self._merge_generic_elections()
        self._cluster_persons(persons)
        self._surname_lists()
        self._shared_surnames()
        self._acronym_mentions()
        self._surnames_mistyped()
        self._surname_mentions()
        self._us_party_letters()
        self._candidate_roles()
        entities = tuple(self._entity(c) for c in sorted(self.clusters.values(), key=lambda c: c.id))
        return Resolution(entities=entities, by_offset=self.by_offset)

    def _spans(self) -> list[RawSpan]:
        """The parse's spans, without the portal's boilerplate line, and with persons the model read in a
        country's name (`United Kingdom`) or a weekday (`Mercredi matin`) given back to places or dropped."""
        skip = SpanIndex((m.start(), m.end()) for m in _BOILERPLATE.finditer(self.doc.text))
        listed = SpanIndex((m.start(1), m.end(1)) for m in SURNAME_LIST.finditer(self.doc.text))
        given = {(m.start("given"), m.end("given")) for m in SHARED_SURNAME.finditer(self.doc.text)}
        out = []
        for span in self.parsed.spans:
            if skip.overlaps(span.start, span.end) or (span.label != "PERSON" and (
                    listed.overlaps(span.start, span.end) or (span.start, span.end) in given)):
                continue
            if span.label in ("ORG", "PLACE") and not span.ent_id:
                span = person_after_place(span)
            if span.label in ("ORG", "PLACE", "NORP") and not span.ent_id and given_name_first(span.text):
                span = RawSpan(span.text, span.start, span.end, "PERSON")  # "Miro Cerar" read as an organisation
            if span.label == "PERSON" and not span.ent_id and (m := _POSSESSIVE_INSIDE.search(span.text)):
                span = RawSpan(span.text[:m.start()], span.start, span.start + m.start(), "PERSON")  # "Mrs May’s Brexit"
            if span.label == "PERSON" and not span.ent_id:
                core = " ".join(w for w in person_name(span.text).split() if not w.isupper())
                if country_of(span.text, adjective=False) or (core and country_of(core, adjective=False)) \
                        or (country_of(clean_name(span.text)) == clean_name(span.text)
                            and clean_name(span.text) not in self._surnames):  # "Sri Lankan", not "Cuban"
                    span = RawSpan(span.text, span.start, span.end, "PLACE")  # "Burkina Faso's", "PRESS Brazil"
                elif NOT_PERSON_WORD.search(span.text):  # "Al Jazeera", "BBC News", "Akerman LLP"
                    span = RawSpan(span.text, span.start, span.end, "ORG")
                elif PLACE_WORD.search(span.text):  # "Quneitra Governorate", "München Hauptbahnhof"
                    span = RawSpan(span.text, span.start, span.end, "PLACE")
                elif any(ch.isdigit() for ch in span.text):  # "Leopard 2", "Paris 8"
                    continue
                elif "/" in span.text:  # "Charles Platiau/ReutersThe UN": a credit glued to the next line
                    head = span.text.split("/", 1)[0].rstrip()
                    if len(head.split()) < 2:
                        continue
                    span = RawSpan(head, span.start, span.start + len(head), "PERSON")
                elif name_key(span.text).split()[:1] and name_key(span.text).split()[0] in WEEKDAYS_MONTHS:
                    continue
            out.append(span)
        return out + self._untagged_persons(out, skip)

    def _untagged_persons(self, spans: list[RawSpan], skip: SpanIndex) -> list[RawSpan]:
        """`the late Hugo Chávez`, `Sylvie Goulard defence minister`: a given name and a surname the model
        left untagged are a person (the same checks as for a person it read as an organisation)."""
        taken = SpanIndex((s.start, s.end) for s in spans)
        found = []
        for m in CAPITALISED_RUN.finditer(self.doc.text):
            first = m.group().split(" ", 1)[0]
            if first not in given_names() or taken.overlaps(m.start(), m.end()) or skip.overlaps(m.start(), m.end()):
                continue
            if SHIP_OR_BRAND_BEFORE.search(self.doc.text[max(0, m.start() - 8):m.start()]) \
                    or re.match(r"[ \t]+[A-ZÀ-Ý]", self.doc.text[m.end():m.end() + 2]):
                continue  # "USS Curtis Wilbur"; "Steve Harvey Morning Show": part of a longer name
            if given_name_first(m.group()):
                found.append(RawSpan(m.group(), m.start(), m.end(), "PERSON"))
        return found

    def _shared_surnames(self) -> None:
        """`Ferdinand and Imelda Marcos`, `Jean-Marie et Marine Le Pen`: the first given name shares the
        surname of the person after it."""
        taken = SpanIndex(self.by_offset)
        for m in SHARED_SURNAME.finditer(self.doc.text):
            second = self.by_offset.get((m.start("second"), m.end("second")))
            given = m.group("given")
            if second is None or taken.overlaps(m.start("given"), m.end("given")) \
                    or given.lower() in COMMON_CAPITALISED or country_of(given):
                continue
            cluster = self.clusters[second]
            if cluster.type is not EntityType.PERSON or len(cluster.name.split()) < 2:
                continue
            surname = cluster.name.split(" ", 1)[1]
            if not m.group("second").endswith(surname):
                continue
            name = f"{given} {surname}"
            eid = entity_id(EntityType.PERSON, name)
            self._add(RawSpan(given, m.start("given"), m.end("given"), "PERSON"), eid, EntityType.PERSON, name)
            self.clusters[eid].forms[name] += 0  # the full name is a form of it, though never written whole

    def _surname_lists(self) -> None:
        """`MM. Dassault, Arnault et Pinault`: each name after the plural title is a person."""
        taken = SpanIndex(self.by_offset)
        for m in SURNAME_LIST.finditer(self.doc.text):
            for name in re.finditer(r"[A-ZÀ-Ý][\w'’-]+", m.group(1)):
                start, end = m.start(1) + name.start(), m.start(1) + name.end()
                if not taken.overlaps(start, end):
                    eid = entity_id(EntityType.PERSON, name.group())
                    self._add(RawSpan(name.group(), start, end, "PERSON"), eid, EntityType.PERSON, name.group())

    # -- one span at a time -------------------------------------------------------------------------
    def _place(self, span: RawSpan) -> None:
        found = self._classify(span)
        if found is not None:
            self._add(span, *found)
        if span.label == "ELECTION":
            self._party_of_contest(span)

    def _party_of_contest(self, span: RawSpan) -> None:
        """`UKIP leadership election`, `president of the Liberal Democratic Party`: the election's name holds a
        party the gazetteer knows, which the document names too."""
        camp = read_election(span.text, self.doc.lang).camp
        if not camp or (at := span.text.find(camp)) < 0:
            return
        inner = RawSpan(camp, span.start + at, span.start + at + len(camp), "PARTY")
        gid = self._lookup(inner, ("PARTY",)) or (self._party_id(inner) if len(camp.split()) > 1 else None)
        if gid and (inner.start, inner.end) not in self.by_offset:
            entry = self.entries[gid]
            self._add(inner, entry.id, entry.type, entry.name)

    def _classify(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        if span.ent_id and span.ent_id in self.entries:
            entry = self.entries[span.ent_id]
            return entry.id, entry.type, entry.name
        if span.ent_id.startswith(LOCAL_PREFIX):  # `PD`, `DA`: a party in its country's news, else whatever it is
            gid = self._lookup(span, (span.label,)) or (self._party_id(span) if span.label == "PARTY" else None)
            if gid:
                entry = self.entries[gid]
                return entry.id, entry.type, entry.name
            span = RawSpan(span.text, span.start, span.end, "ORG")
        if span.label == "ELECTION":
            return self._election(span)
        gid = self._lookup(span, (span.label, "PARTY", "MEDIA", "ORG", "ELECTION", "PERSON"))
        if gid is None and span.label == "PARTY":
            gid = self._prefixed_party(span)
        if gid:
            entry = self.entries[gid]
            return entry.id, entry.type, entry.name
        if span.label in ("PARTY", "ORG") and (gid := self._known_acronym_after(span)):
            entry = self.entries[gid]  # "le Parti de l'action nationaliste (MHP)": the party the acronym names
            return entry.id, entry.type, entry.name
        head = re.sub(r"\s+[Pp]arty$", "", span.text.strip())
        if span.text in self.acronyms or head in self.acronyms:  # "NLD party" after "National League (NLD)"
            cluster = self.clusters[self.acronyms.get(span.text) or self.acronyms[head]]
            return cluster.id, cluster.type, cluster.name
        if head != span.text.strip() and (gid := self._lookup(RawSpan(head, 0, 0, "PARTY"), ("PARTY",))):
            entry = self.entries[gid]  # "the Liberal Democrats party"
            return entry.id, entry.type, entry.name
        return self._by_label(span)

    def _by_label(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        name = clean_name(span.text)
        if span.label in ("ORG", "PARTY") and re.search(r"(?:\b(?:Party|Union|Front|Alliance|Movement|League|"
                                                        r"Congress|Rally|Coalition)|\b[A-Z][A-Z-]+)\s+party$", name):
            name = name[:-len(" party")]  # "the Croatian Democratic Union party", "the Zanu-PF party"
        if span.label == "PARTY" and name_key(name).rstrip("s") in _PARTY_ADJECTIVES_FR:  # "les socialistes"
            return self._party_by_adjective(_PARTY_ADJECTIVES_FR[name_key(name).rstrip("s")])
        if span.label in ("ORG", "PARTY"):  # "the Liberal Party-led Coalition" is led by the Liberal Party
            name = re.sub(r"-(?:led|backed|dominated|controlled)\b.*$", "", name)
        if not _plausible(name):
            return None
        if span.label == "NORP":
            return self._party_noun(name)
        if span.label == "PARTY" and name_key(name) in _PARTY_ADJECTIVES:
            return self._party_by_adjective(name)
        if span.label in ("ORG", "PLACE") and self._person_by_apposition(span, name):
            return entity_id(EntityType.PERSON, name), EntityType.PERSON, name
        if span.label in ("ORG", "PARTY"):
            is_party = (span.label == "PARTY" or any(p.fullmatch(name) for p in PARTY_PATTERNS)
                        or self._in_party_context(span, name)) and not _NOT_PARTY_BODY.search(name) \
                and not _legislature(name)
            if is_party and name_key(name) in NOT_PARTIES:
                is_party = False
            etype = EntityType.PARTY if is_party else EntityType.ORG
            self._register_acronym(span, etype, name)
            return entity_id(etype, name), etype, name
        if span.label in ("PLACE", "MEDIA"):
            etype = EntityType(span.label)
            return entity_id(etype, name), etype, name
        return None

    def _in_party_context(self, span: RawSpan, name: str) -> bool:
        """An organisation the text treats as a party: `the ruling X`, `X candidate Y`, `Y of the X` (Y a
        person), `X (ACR) won 60 seats`, `X, the opposition party` — not a commission, a court or a newspaper."""
        if ORG_HEAD.search(name):
            return False
        text = self.doc.text
        before, after = text[max(0, span.start - 60):span.start], text[span.end:span.end + 60]
        if _PARTY_BEFORE.search(before) or _PARTY_AFTER.match(after):
            return True
        m = re.search(r"\s+of\s+the\s+$", before)
        return bool(m) and span.start - len(m.group(0)) in self._person_ends

    def _person_by_apposition(self, span: RawSpan, name: str) -> bool:
        """`Cecile Alduy, an associate professor`: a two- or three-word name followed by a role is a person,
        whatever label the statistical model gave it."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() for w in words) \
                or country_of(name) or ORG_HEAD.search(name) or PLACE_WORD.search(name) \
                or NOT_PERSON_WORD.search(name):
            return False
        after = self.doc.text[span.end:span.end + 60]
        return bool(PERSON_APPOSITION.match(after) or PERSON_PRONOUN_AFTER.match(after))

    def _party_by_adjective(self, name: str) -> tuple[str, EntityType, str]:
        """`Labour leader`, `the Democratic nominee`: the party the adjective stands for in this country."""
        party = _PARTY_ADJECTIVES[name_key(name)]
        if party == "Republican Party" and self.country == "French":
            party = "The Republicans"
        for key in keys(party):
            gid = self._known(("PARTY", key))
            if gid:
                entry = self.entries[gid]
                return entry.id, entry.type, entry.name
        return entity_id(EntityType.PARTY, party), EntityType.PARTY, party

    def _party_noun(self, name: str) -> tuple[str, EntityType, str] | None:
        """`the Socialists` names the Socialist Party when the gazetteer knows one by that stem."""
        key = name_key(name)
        if key not in _PARTY_NOUNS:
            return None
        stem = _PARTY_STEMS.get(key, key[:-1] if key.endswith("s") else key)
        if stem == "republican" and self.country == "French":
            stem = "the republicans"
            gid = self._known(("PARTY", "the republicans"))
            if gid:
                return gid, EntityType.PARTY, self.entries[gid].name
        gid = self._known(("PARTY", f"{stem} party"))
        if gid:
            entry = self.entries[gid]
            return entry.id, entry.type, entry.name
        return entity_id(EntityType.PARTY, name), EntityType.PARTY, name

    def _prefixed_party(self, span: RawSpan) -> str | None:
        """`Northern Irish Democratic Unionist Party`, `French Socialist Party`: a known party after words that
        name no other country than its own (`Jamaican Labour Party` is another party)."""
        words = clean_name(span.text).split()
        for n in (1, 2):
            if len(words) <= n + 1:
                break
            for key in keys(" ".join(words[n:])):
                gid = self._known(("PARTY", key))
                if gid:  # the prefix or, failing a country in it, the document must be the party's country
                    own = demonym_of_code(self.entries[gid].country)
                    return gid if (country_of(" ".join(words[:n])) or self.country) == own else None
        return None

    def _known_acronym_after(self, span: RawSpan) -> str | None:
        """The gazetteer party of an acronym in brackets right after a name (`Parti démocratique des peuples
        (HDP)`), when the acronym names one in this document's country."""
        m = re.match(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ-]{1,7})[),]", self.doc.text[span.end:span.end + 14])
        if not m:
            return None
        gid = self._lookup(RawSpan(m.group(1), 0, 0, "PARTY"), ("PARTY",))
        return gid if gid and self.entries[gid].type is EntityType.PARTY else None

    def _register_acronym(self, span: RawSpan, etype: EntityType, name: str) -> None:
        """`Party for Freedom (PVV)`: later mentions of `PVV` are the same party."""
        m = re.match(r"\s*\(([A-ZÀ-Ý][A-Za-zÀ-ÿ]{1,7})[),]", self.doc.text[span.end:span.end + 12])
        if m:
            self.acronyms[m.group(1)] = entity_id(etype, name)

    def _known(self, type_key: tuple[str, str]) -> str | None:
        """The gazetteer id for (type, name key): an entry of the document's country that has the form as a
        local alias first (`Democratic Party` in news about Italy), else the entry that has it as a name or alias."""
        local = self.local_index.get(type_key)
        if local and self.country:
            for gid in local:
                if demonym_of_code(self.entries[gid].country) == self.country:
                    return gid
        return self.index.get(type_key)

    def _lookup(self, span: RawSpan, types: tuple[str, ...]) -> str | None:
        text = strip_title(clean_name(span.text))
        for etype in types:
            for key in keys(text):
                gid = self._known((etype, key))
                if gid:
                    return gid
        return None

    # -- elections ----------------------------------------------------------------------------------
    def _election(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        mention = read_election(span.text, self.doc.lang)
        if mention.kind and "referendum" in mention.kind \
                and _WISHED_VOTE.search(self.doc.text[max(0, span.start - 40):span.start]):
            return None  # "Laurent Wauquiez demande un référendum", "calls for a second referendum": not held
        names = election_names(mention, self._context(span))
        return self._known_election(names) if names else None

    def _known_election(self, names: tuple[str, ...]) -> tuple[str, EntityType, str]:
        """The gazetteer's election for the first of `names` it knows, else a new one named `names[0]`."""
        for name in names:
            for key in keys(name):
                gid = self._known(("ELECTION", key))
                if gid and _same_year(self.entries[gid].name, names[0]):
                    entry = self.entries[gid]
                    return entry.id, entry.type, entry.name
        name = names[0]
        return entity_id(EntityType.ELECTION, name), EntityType.ELECTION, name

    def _context(self, span: RawSpan) -> ElectionContext:
        start, end = self._sentence_at(span.start)
        return ElectionContext(country=self.country, reference=self._date_at(span.start),
                               sentence=self.doc.text[start:end], party_name=self._party_name,
                               before=self.doc.text[start:span.start], tagged=self._tagged)

    def _tagged_elections(self) -> tuple[tuple[str | None, str, str], ...]:
        """Election names in the document's own tags (an event page's topic and `_Context_` lines), as
        (country, kind, name without its year)."""
        return _election_tags([self.doc.topic or ""] + [c for link in self.doc.related for c in link.contexts])

    def _party_name(self, camp: str) -> str | None:
        """`UKIP` → `UK Independence Party`, `Labour` → `Labour Party`: a party the gazetteer knows."""
        for form in (camp, f"{camp} Party", f"{camp} party"):
            for key in keys(form):
                gid = self._known(("PARTY", key))
                if gid:
                    return self.entries[gid].name
        return None

    def _sentence_at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.parsed.sentences[i] if i >= 0 else (offset, offset)

    def _date_at(self, offset: int) -> str | None:
        for segment in self.doc.segments:
            if segment.start <= offset < segment.end and segment.date:
                return segment.date
        return self.doc.date

    def _bare_elections(self, spans: list[RawSpan]) -> None:
        """`the run-off`, `la primaire`, `the leadership contest`: the election of that kind named nearest in the
        document (a primary when the sentence speaks of choosing a party's candidate), else none."""
        polls = [s for s in spans if read_election(s.text, self.doc.lang).bare == "polls"]
        for span in polls:  # "Voters in Germany go to the polls": that country's election, named or not
            target = self._polls_target(span)
            if target is not None:
                self._add(span, *target)
        named = [(m.start, c) for c in self.clusters.values() if c.type is EntityType.ELECTION for m in c.mentions]
        for span in spans:
            if span in polls:
                continue
            target = self._bare_target(span, named) if named else None
            if target is not None and _election_kind(target.name) == "primary" \
                    and (read_election(span.text, self.doc.lang).bare or "").lower() in ("election", "élection") \
                    and not _RESULT_WORDS.search(self.doc.text[slice(*self._sentence_at(span.start))]) \
                    and (scheduled := self._scheduled_election(span)) is not None:
                self._add(span, *scheduled)  # "à trois mois de l'élection" in a primary's coverage: the vote itself
            elif target is not None:
                self._add(span, target.id, target.type, target.name)
            elif (tagged := self._tag_election(span) or self._scheduled_election(span)
                  or self._leadership_of_party(span) or self._party_primary(span)) is not None:
                self._add(span, *tagged)

    def _party_primary(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        """`candidate à la primaire`, `le candidat à la primaire` with no primary named: the primary the
        gazetteer knows of the party the sentence names, else of the document's most named party, for the
        country's coming presidential election."""
        if read_election(span.text, self.doc.lang).bare != "primary" or not self.country:
            return None
        date = self._date_at(span.start)
        year = calendar_year(self.country, "presidential election", int(date[:4]), direction=1) if date else None
        if year is None:
            return None
        near, others = self._parties_by_sentence(span)
        for party in near + others:
            base = re.sub(r"\s+\([^)]*\)$", "", party.name)
            for stem in (base, re.sub(r"^The\s+", "", base), f"{self.country} {base}"):
                gid = next((g for k in keys(f"{stem} presidential primary") if (g := self._known(("ELECTION", k)))),
                           None)
                if gid and _same_year(self.entries[gid].name, str(year)):
                    entry = self.entries[gid]
                    return entry.id, entry.type, entry.name
        return None

    def _leadership_of_party(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        """`wins the leadership contest` with no contest named: the leadership election of the party its sentence
        names, else of the one party the document names."""
        if (read_election(span.text, self.doc.lang).bare or "").lower() != "leadership":
            return None
        near, others = self._parties_by_sentence(span)
        chosen = near or others
        if len(chosen) != 1:
            return None
        names = election_names(ElectionMention(kind="leadership election", camp=chosen[0].name), self._context(span))
        return self._known_election(names) if names else None

    def _parties_by_sentence(self, span: RawSpan) -> tuple[list[_Cluster], list[_Cluster]]:
        """The document's parties named in the sentence of `span`, then the others; each list most named first."""
        start, end = self._sentence_at(span.start)
        parties = sorted((c for c in self.clusters.values() if c.type is EntityType.PARTY),
                         key=lambda c: (-len(c.mentions), c.id))
        near = [c for c in parties if any(start <= m.start < end for m in c.mentions)]
        return near, [c for c in parties if c not in near]

    def _merge_generic_elections(self) -> None:
        """`the Haitian election` beside `a presidential election` of Haiti: a country's election of no kind is
        the one election of a kind the document names for that country and year."""
        for generic in [c for c in self.clusters.values() if c.type is EntityType.ELECTION]:
            m = _GENERIC_ELECTION.match(generic.name)
            if not m:
                continue
            country, year = m.group(1), m.group(2)
            if country_of(country) != country:
                continue  # "Haitian presidential election, 2016" is no generic one
            same = [c for c in self.clusters.values() if c is not generic and c.type is EntityType.ELECTION
                    and c.name.startswith(country + " ") and c.name.endswith(year)
                    and _election_kind(c.name) == "election" and "referendum" not in c.name]
            if len(same) != 1:
                continue
            target = same[0]
            target.forms.update(generic.forms)
            target.mentions.extend(generic.mentions)
            for mention in generic.mentions:
                self.by_offset[(mention.start, mention.end)] = target.id
            del self.clusters[generic.id]

    def _implied_elections(self) -> None:
        """`Voters in Mexico elect Andrés Manuel López Obrador as their new president`, `X est élue présidente`:
        the sentence names no election, but states one; its mention is the office's word."""
        taken = SpanIndex(self.by_offset)
        for m in _ELECTED_TO_OFFICE.finditer(self.doc.text):
            group = next(g for g in ("office", "office2", "office3") if m.group(g))
            country = country_of(m.group("where"), adjective=False) if group == "office3" else None
            if group == "office3" and country is None:
                continue  # "President of the Bank", "Prime Minister of the party"
            start, end = m.span(group)
            if taken.overlaps(start, end):
                continue
            office = m.group(group).lower()
            kind = "presidential election" if office.startswith("présid") or office == "president" else "general election"
            span = RawSpan(m.group(group), start, end, "ELECTION")
            names = election_names(ElectionMention(kind=kind, country=country), self._context(span))
            if names:
                self._add(span, *self._known_election(names))

    def _tag_election(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        """`Macron wins the election` on a page tagged `2017 French presidential election`: a reference with
        no election named in the document is the election its own tags name (the tags of its part first)."""
        tags = self._segment_tags(span.start) or self._tagged
        if len(tags) != 1 and not self._segment_tags(span.start):
            return None
        _, _, name = tags[0]
        date = self._date_at(span.start)
        return self._known_election((f"{name}, {date[:4]}", name) if date else (name,))

    def _scheduled_election(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        """`au second tour`, `the run-off`, `l'élection` in a document that names no election: the document's
        country's scheduled presidential election of this year or the next, else its parliament's; none when
        the country has no calendar here or the sentence speaks of a primary."""
        bare = (read_election(span.text, self.doc.lang).bare or "").lower()
        date = self._date_at(span.start)
        if not self.country or not date or bare in ("primary", "leadership", "by-election", "élections") \
                or bare.endswith("s") or PRIMARY_SIGNAL.search(self.doc.text[slice(*self._sentence_at(span.start))]):
            return None
        reference = int(date[:4])
        for kind in ("presidential election", f"{parliament_kind(self.country)} election"):
            year = calendar_year(self.country, kind, reference, direction=1)
            if year is not None and year - reference <= 1:
                return self._known_election((f"{self.country} {kind}, {year}",))
        return None

    def _segment_tags(self, offset: int) -> tuple[tuple[str | None, str, str], ...]:
        for segment in self.doc.segments:
            if segment.start <= offset < segment.end and segment.kind == "related" \
                    and segment.index < len(self.doc.related):
                return _election_tags(self.doc.related[segment.index].contexts)
        return ()

    def _polls_target(self, span: RawSpan) -> tuple[str, EntityType, str] | None:
        start, end = self._sentence_at(span.start)
        for c in self.clusters.values():
            if c.type is EntityType.ELECTION and any(start <= m.start < end for m in c.mentions):
                return c.id, c.type, c.name
        tagged = self._tag_election(span)
        if tagged is not None:
            return tagged
        countries = [country_of(s.text, adjective=s.label == "NORP") for s in self.parsed.spans
                     if start <= s.start < end and s.label in ("PLACE", "NORP", "PERSON", "ORG")]
        country = next((c for c in countries if c), None)
        if country is None:
            return None
        sentence = self.doc.text[start:end]
        kind = "presidential election" if re.search(r"\bpr[eé]sid", sentence, re.I) else "general election"
        kind = "referendum" if re.search(r"\br[eé]f[eé]rend", sentence, re.I) else kind
        names = election_names(ElectionMention(country=country, kind=kind), self._context(span))
        return self._known_election(names)

    def _bare_target(self, span: RawSpan, named: list[tuple[int, _Cluster]]) -> _Cluster | None:
        bare = read_election(span.text, self.doc.lang).bare or "election"
        start, end = self._sentence_at(span.start)
        wanted = bare if bare in ("primary", "leadership", "by-election") else None
        if wanted is None and PRIMARY_SIGNAL.search(self.doc.text[start:end]):
            wanted = "primary" if any(_election_kind(c.name) == "primary" for _, c in named) else None
        pool = [(pos, c) for pos, c in named if wanted is None or _election_kind(c.name) == wanted]
        in_sentence = [(pos, c) for pos, c in pool if start <= pos < end]
        if in_sentence:
            return min(in_sentence, key=lambda pc: abs(pc[0] - span.start))[1]
        # "Trump said the election is rigged" in a 2016 story that names only the 2012 one: not that one
        date = self._date_at(span.start) or ""
        pool = [(pos, c) for pos, c in pool if not _before_year(c.name, date[:4])]
        if not pool:
            return None
        segment = self._segment_bounds(span.start)
        earlier = [(pos, c) for pos, c in pool if segment[0] <= pos < span.start]
        if earlier:  # the election named last before it in the same part of the document
            return max(earlier, key=lambda pc: pc[0])[1]
        if wanted is not None:
            return min(pool, key=lambda pc: (pc[0] > span.start, abs(pc[0] - span.start)))[1]
        counts = Counter(c.id for _, c in pool if _election_kind(c.name) != "primary") or Counter(c.id for _, c in pool)
        return self.clusters[counts.most_common(1)[0][0]]

    def _party_id(self, span: RawSpan) -> str | None:
        """The gazetteer party a party name or a party noun (`Democrats`, `Libertarian`) stands for."""
        key = name_key(clean_name(span.text))
        stem = _PARTY_STEMS.get(key, key[:-1] if key.endswith("s") else key)
        for form in (key, f"{stem} party", f"{key} party"):
            gid = self._known(("PARTY", form))
            if gid:
                return gid
        return None

    def _segment_bounds(self, offset: int) -> tuple[int, int]:
        for segment in self.doc.segments:
            if segment.start <= offset < segment.end:
                return segment.start, segment.end
        return 0, len(self.doc.text)

    def _guess_country(self) -> str | None:
        """The country most named by places, nationalities and election phrases; French text leans to France."""
        votes: Counter = Counter()
        if self.doc.lang == "fr":
            votes["French"] += 2
        for span in self.parsed.spans:
            gid = span.ent_id or (self._party_id(span) if span.label in ("PARTY", "NORP") else None)
            entry = self.entries.get(gid) if gid else None
            if entry is not None and demonym_of_code(entry.country):
                votes[demonym_of_code(entry.country)] += 1
            elif span.label in ("PLACE", "NORP") and span.text not in self._surnames:  # not "Mark Cuban"
                country = country_of(span.text, adjective=span.label == "NORP")
                if country:
                    votes[country] += 1
            elif span.label == "ELECTION":
                country = read_election(span.text, self.doc.lang).country
                if country:
                    votes[country] += 2
        return votes.most_common(1)[0][0] if votes else None

    # -- persons ------------------------------------------------------------------------------------
    def _cluster_persons(self, spans: list[RawSpan]) -> None:
        """Full names first; a bare surname joins the full name it ends (`Hamon` → `Benoît Hamon`)."""
        named = [(span, person_name(span.text)) for span in spans]
        named = [(span, name) for span, name in named if person_like(name)  # not "de la République", "Le roi"
                 and not (self.doc.lang == "fr" and infinitive_first(name))]
        singles: dict[str, list[tuple[RawSpan, str]]] = defaultdict(list)
        for span, name in named:
            if " " in name:
                self._add(span, entity_id(EntityType.PERSON, name), EntityType.PERSON, name)
            else:
                singles[name_key(name)].append((span, name))
        for key, group in singles.items():
            target = self._person_ending_with(key)
            name = group[0][1]
            if target is not None:
                for span, _ in group:
                    self._add(span, target.id, target.type, target.name)
            elif "-" in name and name in given_names():
                continue  # "Jean-Luc", "Marie-France": a compound given name alone names nobody in particular
            elif _plausible(name) and (len(group) > 1 and any(self._person_cue(span) for span, _ in group)
                                       or any(self._honorific(span) for span, _ in group)):
                for span, _ in group:  # a surname twice, once with a title or a speech verb (not "Toulouse"),
                    # or once after an honorific (`Mr Barclay told the BBC`)
                    self._add(span, entity_id(EntityType.PERSON, name), EntityType.PERSON, name)

    def _someone_else(self, span: RawSpan, gid: str) -> bool:
        """A bare surname the gazetteer gives to one person (`gid`), in a document that names another person
        with that surname in full (`Johnson` in a story about Gary Johnson, not Boris Johnson)."""
        key = name_key(person_name(span.text))
        entry = self.entries.get(gid)
        if entry is None or " " in key or not key:
            return False
        own = set(keys(entry.name)) | {k for a in entry.aliases for k in keys(a)}
        return any(n.endswith(" " + key) and n not in own for n in self._full_names)

    def _honorific(self, span: RawSpan) -> bool:
        """`Mr Barclay`, `Mrs May`, `M. Bussereau`, `Sen. Wyden`: only a person takes these."""
        name = person_name(span.text)
        at = span.text.rfind(name) if name else -1  # the model may have taken the title in (`Mr Barclay`)
        before = self.doc.text[max(0, span.start - 16):span.start] + (span.text[:at] if at > 0 else "")
        return bool(HONORIFIC_BEFORE.search(before))

    def _person_cue(self, span: RawSpan) -> bool:
        """A surname alone is a person when some mention of it has a title before it (`M. Bussereau`), a
        speech verb after it (`Raab said`) or `according to` before it."""
        before = self.doc.text[max(0, span.start - 24):span.start]
        after = self.doc.text[span.end:span.end + 30]
        return bool(TITLE_BEFORE.search(before) or SPEECH_AFTER.match(after))

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
            if len(surname) < 3 or surname.lower() in COMMON_CAPITALISED or not surname[:1].isupper():
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

    def _us_party_letters(self) -> None:
        """`Ron Wyden (D-Ore.)`, `Ted Cruz (R-Texas)`: the party letter of an American politician is a mention
        of that party (so `member_of` follows, as for `Manuel Valls (PS)`)."""
        if self.doc.lang != "en":
            return
        person_ends = {m.end for c in self.clusters.values() if c.type is EntityType.PERSON for m in c.mentions}
        for m in _US_PARTY_LETTER.finditer(self.doc.text):
            if m.start() - 1 not in person_ends and m.start() not in person_ends:
                continue
            span = RawSpan(m.group(1), m.start(1), m.end(1), "PARTY")
            gid = self._lookup(RawSpan(_US_PARTY_LETTERS[m.group(1)], 0, 0, "PARTY"), ("PARTY",))
            if gid and (span.start, span.end) not in self.by_offset:
                entry = self.entries[gid]
                self._add(span, entry.id, entry.type, entry.name)

    # -- bookkeeping --------------------------------------------------------------------------------
    def _add(self, span: RawSpan, eid: str, etype: EntityType, name: str) -> None:
        cluster = self.clusters.get(eid)
        if cluster is None:
            cluster = self.clusters[eid] = _Cluster(eid, etype, name)
        surface = person_name(span.text) if etype is EntityType.PERSON else clean_name(span.text)
        cluster.forms[surface] += 1
        cluster.mentions.append(Mention(text=span.text, start=span.start, end=span.end))
        self.by_offset[(span.start, span.end)] = eid

    def _candidate_roles(self) -> None:
        """A person is a candidate when a candidacy cue stands right next to one of their mentions (`presidential
        candidate X`, `X, the Labour candidate`, `X announces his candidacy`); the relations add those who
        run, win, lose or withdraw. A gazetteer role alone says nothing about this document."""
        text = self.doc.text
        for cluster in self.clusters.values():
            if cluster.type is not EntityType.PERSON:
                continue
            for m in cluster.mentions:
                if candidacy_cue(text, m.start, m.end):
                    cluster.roles.add("candidate")
                    break

    def _entity(self, cluster: _Cluster) -> Entity:
        keep = cluster.id in self.entries or cluster.type is EntityType.ELECTION
        name = cluster.name if keep else _best_form(cluster)
        aliases = tuple(sorted(f for f in cluster.forms if f != name))
        mentions = tuple(sorted(cluster.mentions, key=lambda m: (m.start, m.end)))
        return Entity(id=cluster.id, name=name, type=cluster.type, roles=tuple(sorted(cluster.roles)),
                      aliases=aliases, mentions=mentions)


_CONGRESS = re.compile(r"(?:the\s+)?(?P<a>.+?)\s+Congress|Congress\s+of\s+(?:the\s+)?(?P<b>.+)")


def _legislature(name: str) -> bool:
    """`Peruvian Congress`, `Congress of Guatemala`: a country's legislature, not a party named Congress
    (`All Progressives Congress`, `Indian National Congress`)."""
    m = _CONGRESS.fullmatch(name)
    return bool(m and country_of(m.group("a") or m.group("b")))


_POSSESSIVE_INSIDE = re.compile(r"['’]s\s+\S")
_WISHED_VOTE = re.compile(
    r"\b(?:demande\w*|réclam\w*|exig\w*|propos\w*|souhait\w*|veu(?:t|lent)|voudrai\w*|appel\w*\s+à|"
    r"call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|want(?:s|ed)?|push(?:es|ed|ing)?\s+for|"
    r"propos(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|(?:would|could|might)(?:\s+hold)?)\s+"
    r"(?:(?:un|une|le|la|a|an|the)\s+)?(?:(?:second|nouveau|nouvelle|new|another|fresh|autre)\s+)?$", re.I)
_US_PARTY_LETTERS = {"D": "Democratic Party", "R": "Republican Party"}
_US_PARTY_LETTER = re.compile(r"\(([DR])[-–]\s?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)")
_GENERIC_ELECTION = re.compile(r"^(.+?) elections?, ((?:19|20)\d\d)$")


def _plausible(name: str) -> bool:
    """Junk the statistical NER produces on markup or numbers: too short, no letters, all lower case."""
    letters = sum(ch.isalpha() for ch in name)
    return letters >= 2 and letters >= len(name) / 2 and not name.islower() and "http" not in name.lower()


def _best_form(cluster: _Cluster) -> str:
    """Best-spelled form: most words, then most accented letters (`Mélenchon` over `Mlenchon`), then most used."""
    forms = sorted(cluster.forms.items(), key=lambda kv: (
        -len(kv[0].split()), -sum(not ch.isascii() for ch in kv[0]), -kv[1], kv[0]))
    return forms[0][0] if forms else cluster.name


def _before_year(name: str, year: str) -> bool:
    """An election whose name's year is more than a year before `year`: a vote of an earlier cycle, not the one
    a text means by "the election" (last year's still may be: a result contested, a government formed)."""
    found = name_year(name)
    return bool(found and year.isdigit() and found < int(year) - 1)


def _same_year(known: str, wanted: str) -> bool:
    """A gazetteer election answers a name when their years are at most one apart (a primary held in the
    autumn before its presidential election) or either has none."""
    a, b = name_year(known), name_year(wanted)
    slack = 1 if _election_kind(known) == "primary" else 0
    return a is None or b is None or abs(a - b) <= slack


def _election_kind(name: str) -> str:
    lowered = name.lower()
    for kind in ("primar", "leadership", "by-election"):
        if kind in lowered:
            return "primary" if kind == "primar" else kind
    return "election"


def _election_tags(tags) -> tuple[tuple[str | None, str, str], ...]:
    out = {}
    for tag in tags:
        name = re.sub(r"^(?:18|19|20)\d\d\s+|,?\s+(?:18|19|20)\d\d$", "", tag.strip())
        if not re.search(r"\b(?:elections?|referendum)$", name) or "(" in name:
            continue
        if re.match(r"(?:U\.?S\.?|U\.?K\.?|American|British|United States elections)\b", name):
            continue  # our own name for these countries is the long one
        m = read_election(name, "en")
        if m.kind and m.country and not m.bare and not m.offset and not m.when and \
                m.kind not in ("primary", "leadership election", "by-election"):
            out[name] = (m.country, m.kind, re.sub(r"\belections$", "election", name))
    return tuple(out.values())
