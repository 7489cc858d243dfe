"""Marked sentences as parses, for rule tests that need no statistical model.

Entities are marked in the sentences (`[Maria Lopez](PERSON)`); one sentence per line or per '. '. Shared by
the rule test modules of this folder (pytest puts the folder on `sys.path`).
"""

from __future__ import annotations

import re

from extract.elections import ElectionContext, election_names
from extract.gazetteer import load_gazetteer
from extract.mentions import Parsed, RawSpan
from extract.patterns import read_election
from extract.records import Document, DocKind, EventKind, RelatedLink, Segment
from extract.relations import find_relations
from extract.resolve import resolve

GAZ = load_gazetteer()
_MARK = re.compile(r"\[([^\]]+)\]\((PERSON|PARTY|ELECTION|PLACE|ORG|NORP)\)")


def parse(marked: str, *, lang: str = "en", date: str = "2016-05-23", related: tuple[RelatedLink, ...] = (),
          segments: tuple[Segment, ...] = ()) -> tuple[Parsed, Document]:
    """A parse from marked text: entities in brackets, one sentence per line (or per '. ')."""
    text, spans, pos = "", [], 0
    for m in _MARK.finditer(marked):
        text += marked[pos:m.start()]
        spans.append(RawSpan(m.group(1), len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    text += marked[pos:]
    sentences, start = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", text):
        sentences.append((start, m.start()))
        start = m.end()
    sentences.append((start, len(text)))
    document = Document(doc_id="t", source_path="t.txt", kind=DocKind.ARTICLE, text=text, raw=text, lang=lang,
                        date=date, date_precision="day", related=related,
                        segments=segments or (Segment(0, len(text), EventKind.PAGE, 0, date),))
    return Parsed(sentences=tuple(sentences), spans=tuple(spans), values=()), document


def extract(marked: str, **kw):
    parsed, document = parse(marked, **kw)
    resolution = resolve(parsed, document, GAZ)
    relations = find_relations(parsed, document, resolution)
    names = {e.id: e.name for e in resolution.entities}
    rels = {(names[r.subject], str(r.predicate), names[r.object], r.value) for r in relations}
    return resolution, rels


def triples(rels) -> set[tuple[str, str, str]]:
    return {(s, p, o) for s, p, o, _ in rels}


def name(text: str, country: str | None = None, reference: str = "2016-05-23", **kw) -> str:
    return election_names(read_election(text), ElectionContext(country, reference, **kw))[0]
