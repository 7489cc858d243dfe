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

from extract.mentions import SpanIndex
from extract.names import name_key
from extract.patterns import ELECTION_PATTERNS, NOT_PARTIES, PAREN_ACRONYM_RE, PARTY_PATTERNS, PATTERNS_BY_LANG

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
    """Adds ELECTION and PARTY spans found by the patterns in `extract.patterns`."""

    def __init__(self, *, lang: str | None = None) -> None:
        self.elections, self.parties = PATTERNS_BY_LANG.get(lang or "", (ELECTION_PATTERNS, PARTY_PATTERNS))

    def __call__(self, doc: Doc) -> Doc:
        rule_spans = [s for p in self.elections for s in self._matches(doc, p, "ELECTION")]
        persons = SpanIndex((e.start, e.end) for e in doc.ents if e.label_ in ("PERSON", "PER"))
        parties = (self._after_persons(doc, s, persons) for p in self.parties for s in self._matches(doc, p, "PARTY"))
        rule_spans += [s for s in parties if s is not None and name_key(s.text) not in NOT_PARTIES]
        rule_spans += list(self._acronyms_after_person(doc))
        if not rule_spans:
            return doc
        # Precedence: gazetteer spans, then rule spans (longest first), then the statistical NER.
        chosen = [ent for ent in doc.ents if ent.ent_id_]
        for layer in (rule_spans, [ent for ent in doc.ents if not ent.ent_id_]):
            taken = {i for span in chosen for i in range(span.start, span.end)}
            free = [s for s in layer if not any(i in taken for i in range(s.start, s.end))]
            chosen += filter_spans(free)
        doc.ents = sorted(chosen, key=lambda span: span.start)
        return doc

    @staticmethod
    def _matches(doc: Doc, pattern: re.Pattern[str], label: str):
        for m in pattern.finditer(doc.text):
            span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="contract")
            if span is not None and len(span):
                yield span

    @staticmethod
    def _after_persons(doc: Doc, span: Span, persons: SpanIndex) -> Span | None:
        """`Prime Minister Mark Rutte's People's Party`: the party starts after the person the model found."""
        start = span.start
        for _, end in persons.starting_in(span.start, span.end):
            start = max(start, end)
        while start < span.end and doc[start].text in ("'s", "’s", "'", "’"):
            start += 1
        if start == span.start:
            return span
        return Span(doc, start, span.end, label=span.label) if span.end - start >= 2 else None

    @staticmethod
    def _acronyms_after_person(doc: Doc):
        """`Manuel Valls (PS)`: an upper-case acronym in brackets right after a person names a party."""
        text = doc.text  # built once: Doc.text joins every token
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "PER"):
                continue
            m = PAREN_ACRONYM_RE.match(text, ent.end_char)
            if m:
                span = doc.char_span(m.start(1), m.end(1), label="PARTY", alignment_mode="contract")
                if span is not None and len(span):
                    yield span


@Language.factory("eg_paragraph_breaks")
def make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("eg_election_rules")
def make_election_rules(nlp: Language, name: str) -> ElectionRules:
    return ElectionRules(lang=nlp.lang)
