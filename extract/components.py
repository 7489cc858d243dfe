"""Custom spaCy components: paragraph sentence breaks and rule-based election and party spans.

Each component is a small class with `__call__(doc) -> doc`, registered with `Language.factory`. The rules
tag spans the statistical NER misses (`French presidential election`, `élection présidentielle`,
`left-wing primary`, `Party for Freedom`, `Parti socialiste`, `Manuel Valls (PS)`); they never remove a
gazetteer span.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.countries import country_of
from extract.mentions import SpanIndex
from extract.names import TITLES, given_names, name_key
from extract.patterns import (
    ELECTION_PATTERNS, GUARDS, NOT_PARTIES, PAREN_ACRONYM_RE, PARTY_ADJECTIVE_FR_RE, PARTY_ADJECTIVE_RE, PARTY_NOUNS,
    PARTY_PATTERNS, PATTERNS_BY_LANG,
)
from extract.persons import SURNAME_PARTICLES

__all__ = ["ParagraphBreaks", "ElectionRules"]

class ParagraphBreaks:
    """A blank line always starts a new sentence (the statistical and rule splitters both miss it)."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


class ElectionRules:
    """Adds ELECTION and PARTY spans found by the patterns in `extract.patterns`, party adjectives next to a
    role or a person (`Labour leader`, `Republican Donald Trump`) and the names in photo credits; repairs
    a gazetteer surname that is another person's first name or surname (`Philippe Richert`)."""

    def __init__(self, *, lang: str | None = None) -> None:
        self.lang = lang
        self.elections, self.parties = PATTERNS_BY_LANG.get(lang or "", (ELECTION_PATTERNS, PARTY_PATTERNS))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        elections = [s for p in self.elections for s in self._matches(doc, p, "ELECTION")
                     if not _ELECTION_BODY_AFTER.match(text, s.end_char)]
        persons = SpanIndex((e.start, e.end) for e in doc.ents if e.label_ in ("PERSON", "PER"))
        parties = (self._after_persons(doc, s, persons) for p in self.parties for s in self._matches(doc, p, "PARTY"))
        parties = [s for s in parties if s is not None and name_key(s.text) not in NOT_PARTIES]
        parties, named_after = _known_party_then_name(doc, parties)
        rule_spans = elections + parties + named_after
        rule_spans += list(self._acronyms_after_person(doc))
        if self.lang == "en":
            rule_spans += list(self._party_adjectives(doc, persons))
        elif self.lang == "fr":
            rule_spans += list(self._matches_group(doc, PARTY_ADJECTIVE_FR_RE, "party", "PARTY"))
        rule_spans += list(_credit_names(doc))
        rule_spans += list(_surnames_of_others(doc))
        rule_spans += list(_names_split_by_spaces(doc))
        rule_spans += list(_given_names_before(doc))
        rule_spans += list(_particle_surnames_after(doc))
        if not rule_spans:
            return doc
        # Precedence: gazetteer spans (but not a party inside an election's or a longer party's name: `UKIP
        # leadership`, `Jamaican Labour Party`, `Democratic Party of Kosovo`; resolution decides whether the
        # longer name is the same party), then rule spans (longest first), then the statistical NER.
        inside = SpanIndex((s.start, s.end) for s in filter_spans(elections))
        parties = SpanIndex((s.start, s.end) for s in filter_spans([s for s in rule_spans if s.label_ == "PARTY"]))
        persons_by_rule = {i for s in rule_spans if s.label_ == "PERSON" for i in range(s.start, s.end)}
        chosen = [ent for ent in doc.ents if ent.ent_id_ and not persons_by_rule & set(range(ent.start, ent.end))
                  and not (ent.label_ == "PARTY" and (_strictly_inside(inside, ent) or _strictly_inside(parties, ent)))]
        for layer in (rule_spans, [ent for ent in doc.ents if not ent.ent_id_]):
            taken = {i for span in chosen for i in range(span.start, span.end)}
            free = [s for s in layer if not any(i in taken for i in range(s.start, s.end))]
            chosen += filter_spans(free)
        for span in chosen:  # spaCy keeps a token's old ent_id when a span without one covers it
            if not span.id:
                for token in span:
                    token.ent_id_ = ""
        doc.ents = sorted(chosen, key=lambda span: span.start)
        return doc

    @staticmethod
    def _matches(doc: Doc, pattern: re.Pattern[str], label: str):
        guard = GUARDS.get(pattern)
        if guard and not any(word in _lower_text(doc) for word in guard):
            return
        spanned = "span" in pattern.groupindex
        for m in pattern.finditer(doc_text(doc)):
            start, end = (m.start("span"), m.end("span")) if spanned else (m.start(), m.end())
            span = doc.char_span(start, end, label=label, alignment_mode="contract")
            if span is not None and len(span):
                yield span

    @staticmethod
    def _matches_group(doc: Doc, pattern: re.Pattern[str], group: str, label: str):
        for m in pattern.finditer(doc_text(doc)):
            span = doc.char_span(m.start(group), m.end(group), label=label, alignment_mode="contract")
            if span is not None and len(span):
                yield span

    @staticmethod
    def _party_adjectives(doc: Doc, persons: SpanIndex):
        """`Labour leader`, `the Democratic nominee`, `Libertarian presidential contender`, `Republican Donald
        Trump`: the adjective names the party when a role or a person follows it."""
        text = doc_text(doc)
        for m in PARTY_ADJECTIVE_RE.finditer(text):
            if not m.group("role"):
                nxt = re.match(r"\s+", text[m.end():])
                after = m.end() + (nxt.end() if nxt else 0)
                token = doc.char_span(after, after + 1, alignment_mode="expand")
                if token is None or not persons.starting_in(token.start, token.start + 1):
                    continue
            span = doc.char_span(m.start("party"), m.end("party"), label="PARTY", alignment_mode="contract")
            if span is not None and len(span):
                yield span

    @staticmethod
    def _after_persons(doc: Doc, span: Span, persons: SpanIndex) -> Span | None:
        """`Prime Minister Mark Rutte's People's Party`: the party starts after the person the model found."""
        start = span.start
        for a, end in persons.starting_in(span.start, span.end):
            # "Prime Minister Mark Rutte's People's Party": a person's possessive; "Ethiopian Peoples'
            # Revolutionary Democratic Front", "his Tapura Huiraatira party": the model's person is the name
            if end - a >= 2 and not country_of(doc[a].text, name=False) \
                    and not (end == span.end - 1 and doc[end].text == "party"):
                start = max(start, end)
        for token in span[:-1]:  # "Aung San Suu Kyi's NLD party": the party starts after a possessive
            if token.text in ("'s", "’s"):
                start = max(start, token.i + 1)
        while start < span.end and doc[start].text in ("'s", "’s", "'", "’"):
            start += 1
        if start == span.start:
            return span
        return Span(doc, start, span.end, label=span.label) if span.end - start >= 2 else None

    @staticmethod
    def _acronyms_after_person(doc: Doc):
        """`Manuel Valls (PS)`: an upper-case acronym in brackets right after a person names a party."""
        text = doc_text(doc)
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "PER"):
                continue
            m = PAREN_ACRONYM_RE.match(text, ent.end_char)
            if m:
                span = doc.char_span(m.start(1), m.end(1), label="PARTY", alignment_mode="contract")
                if span is not None and len(span):
                    yield span


# "Federal Election Commission", "National Election Authority", "Electoral Code": a body or a law, no vote
_ELECTION_BODY_AFTER = re.compile(r"\s*(?:Commission|Committee|Board|Council|Authority|Tribunal|Court|Act|Law|Code|"
                                  r"Institute|Office|Agency|Observation Mission|commission)\b")
_AGENCY = (r"AFP|AP|REUTERS|Reuters|EPA|DPA|ANP|EFE|ANSA|SIPA|MAXPPP|Getty Images|Getty|PA|Xinhua|"
           r"Bloomberg|AP Photo|HANS LUCAS|AGENCE VU|DIVERGENCE")
_CREDIT_NAME = r"(?:[A-Z][a-zà-ÿ'’-]+|[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)(?:[ \t]+(?:[A-Z][a-zà-ÿ'’-]+|[A-ZÀ-Ý][A-ZÀ-Ý'’-]+)){1,2}"
# "BERTRAND GUAY / AFP", "Photograph: Christian Charisius/DPA", "REUTERS/THOMAS MUKOYA", "AFP/John Smith"
_CREDIT_RE = re.compile(
    rf"(?:(?<=^)|(?<=\n)|(?<=[.:|)»]\s)|(?<=[.:|)»]))\s*(?P<name>{_CREDIT_NAME})\s*/\s*(?:{_AGENCY}|[A-Z]{{2,}})\b"
    rf"|\b(?:{_AGENCY})\s*/\s*(?P<name2>{_CREDIT_NAME})\b")
_CREDIT_WORDS = {"getty", "ap", "afp", "reuters", "epa", "dpa", "photo", "photograph"}
_NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
              "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}


def _credit_names(doc: Doc):
    """Names in photo credits are people; the agency beside them is not part of the name, and an agency word
    before a name (`| Getty Johnson`) is cut off."""
    for m in _CREDIT_RE.finditer(doc_text(doc)):
        group = "name" if m.group("name") else "name2"
        span = doc.char_span(m.start(group), m.end(group), label="PERSON", alignment_mode="contract")
        if span is not None:  # "DENIS CHARLET DENIS CHARLET / AFP": a name written twice is one name
            words = [t.text for t in span]
            repeat = next((i for i in range(1, len(words)) if words[i] in words[:i]), len(words))
            span = Span(doc, span.start, span.start + repeat, label="PERSON")
        if span is not None and len(span) >= 2:
            yield span
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "PER") and len(ent) >= 2 and ent[0].lower_ in _CREDIT_WORDS:
            yield Span(doc, ent.start + 1, ent.end, label="PERSON")


def _surnames_of_others(doc: Doc):
    """A gazetteer person's bare surname with another name beside it is somebody else: a capitalised name
    after it (`Philippe Richert` is not Édouard Philippe, even across a no-break space; `Trump Tower` is a
    building), or a given name or the model's own person before it (`Gary Johnson` is not Boris Johnson,
    `Raphael Bienvenido Cruz` not Ted Cruz; the full name would have matched whole). A name in quotes before
    it is a nickname (`«Ali Juppé»`)."""
    untagged_persons = {e.end: e.start for e in doc.ents if not e.ent_id_ and e.label_ in ("PERSON", "PER")}
    for ent in doc.ents:
        if not ent.ent_id_ or ent.label_ != "PERSON" or len(ent) > 2:
            continue
        start, end = ent.start, ent.end
        nxt = _next_word(doc, end)
        if len(ent) == 1 and nxt is not None and _name_like(nxt) and not nxt.is_sent_start \
                and nxt.ent_type_ in ("", "PERSON", "PER") and not _NOT_A_NAME_AFTER.search(nxt.text):
            end = nxt.i + 1
        if ent.start in untagged_persons:
            start = untagged_persons[ent.start]
        elif ent.start > 0 and doc[ent.start - 1].text in given_names() and _name_like(doc[ent.start - 1]):
            start = ent.start - 1
        if start < ent.start and start > 0 and doc[start - 1].text in ("«", '"', "“", "'", "‘"):
            start = ent.start
        if (start, end) != (ent.start, ent.end):
            yield Span(doc, start, end, label="PERSON")


def _names_split_by_spaces(doc: Doc):
    """`Benoît` + no-break space + `Hamon`: a first name and a gazetteer person split by an odd space are one."""
    ents = [e for e in doc.ents if e.label_ in ("PERSON", "PER")]
    for a, b in zip(ents, ents[1:]):
        if b.ent_id_ and not a.ent_id_ and all(t.is_space for t in doc[a.end:b.start]) \
                and (a.end < b.start or a[-1].is_space):
            start = a.start
            yield Span(doc, start, b.end, label="PERSON", span_id=b.id)


_NOT_A_NAME_AFTER = re.compile(r"^(?:Tower|Towers|Hotel|Plaza|Building|Center|Centre|Organization|Organisation|"
                               r"Foundation|Administration|Campaign|Doctrine|Era|Show|University|Institute|Group|"
                               r"Company|International|Airport|Street|Avenue|Square|Park|Hall|House|Stadium)$")


def _next_word(doc: Doc, i: int):
    """The first token at or after `i` that is not a space (a no-break space between names is its own token)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return doc[i] if i < len(doc) else None


def _given_names_before(doc: Doc):
    """`London Mayor Sadiq Khan` where the model found only `Khan`: a capitalised word before a one-word person
    is its given name, unless it is a title, a role, a country's adjective, a stop word or another entity."""
    for ent in doc.ents:
        if ent.ent_id_ or ent.label_ not in ("PERSON", "PER") or len(ent) != 1 or ent.start == 0:
            continue
        prev = doc[ent.start - 1]
        if _name_like(prev) and not prev.is_sent_start and not prev.is_stop and not prev.ent_type_ \
                and not country_of(prev.text):
            yield Span(doc, prev.i, ent.end, label="PERSON")


def _particle_surnames_after(doc: Doc):
    """`José Eduardo dos Santos` where the model stopped at `José Eduardo`: a name particle and a capitalised
    word after a person are the rest of the surname."""
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "PER") or ent.end + 1 >= len(doc):
            continue
        particle, surname = doc[ent.end], doc[ent.end + 1]
        if particle.text in SURNAME_PARTICLES and _name_like(surname) and not surname.ent_type_ \
                and not country_of(surname.text):
            yield Span(doc, ent.start, ent.end + 2, label="PERSON")


def _known_party_then_name(doc: Doc, parties: list[Span]) -> tuple[list[Span], list[Span]]:
    """`the opposition United Party for National Development Hakainde Hichilema`: a party pattern that runs past a
    party the gazetteer knows into capitalised words is that party, then a person's name (two or three words)."""
    known = {(e.start, e.end) for e in doc.ents if e.ent_id_ and e.label_ == "PARTY"}
    kept, persons = [], []
    for span in parties:
        end = max((b for a, b in known if a == span.start and b < span.end), default=None)
        if end is None or not all(_name_like(t) and t.lower_ not in PARTY_NOUNS for t in doc[end:span.end]):
            kept.append(span)
            continue
        stop = span.end
        while stop < len(doc) and stop - end < 3 and _name_like(doc[stop]):
            stop += 1
        if stop - end >= 2:
            persons.append(Span(doc, end, stop, label="PERSON"))
    return kept, persons


def _name_like(token) -> bool:
    text = token.text
    return (len(text) > 1 and text.isalpha() and text[0].isupper() and text[1:].islower()
            and text.lower() not in _NOT_NAMES and text.lower() not in TITLES)


def _strictly_inside(index: SpanIndex, ent: Span) -> bool:
    return any(a <= ent.start and ent.end <= b and (a, b) != (ent.start, ent.end)
               for a, b in index.starting_in(ent.start - 12, ent.start + 1))



_TEXT = "eg_text"


def _lower_text(doc: Doc) -> str:
    text = doc.user_data.get(_LOWER)
    if text is None:
        text = doc.user_data[_LOWER] = doc_text(doc).lower()
    return text


_LOWER = "eg_text_lower"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document: spaCy joins every token each time it is asked (a fifth of the
    extraction time when each rule asked again)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text

@Language.factory("eg_paragraph_breaks")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("eg_election_rules")
def make_election_rules(nlp: Language, name: str) -> ElectionRules:
    return ElectionRules(lang=nlp.lang)
