"""Documents in, `Extraction` records out: the spaCy pipelines (one per language, loaded once) and the rules.

>>> from extract.pipeline import Extractor                      # doctest: +SKIP
>>> extractor = Extractor()
>>> records = list(extractor.extract(documents))
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice

from spacy.language import Language

from extract.fingerprint import EXTRACTOR_VERSION, extractor_fingerprint  # noqa: F401  (re-exported)
from extract.gazetteer import Gazetteer, load_gazetteer
from extract.ids import event_id, slug
from extract.lang import SUPPORTED
from extract.mentions import Parsed, merge, parse_doc, shift
from extract.nlp import build_nlp
from extract.records import Document, Entity, EntityType, Event, EventKind, Extraction, Predicate, Relation
from extract.relations import find_relations
from extract.resolve import Resolution, resolve

__all__ = ["Extractor", "EXTRACTOR_VERSION", "build_extraction", "extractor_fingerprint"]

log = logging.getLogger(__name__)

MAX_CHUNK = 20_000  # characters given to spaCy at once
PIPE_BATCH = 32     # texts per spaCy batch: with MAX_CHUNK, at most ~640k characters in memory at once
_CANDIDATE_PREDICATES = (Predicate.CANDIDATE_IN, Predicate.VOTE_SHARE, Predicate.DEFEATS, Predicate.WITHDRAWS)


class Extractor:
    """Holds the gazetteer and the spaCy pipelines; each language's model is loaded on first use, once."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, batch_size: int = 64) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        self.batch_size = batch_size
        self._nlp: dict[str, Language] = {}

    def nlp(self, lang: str) -> Language:
        if lang not in self._nlp:
            self._nlp[lang] = build_nlp(lang, self.gazetteer)
        return self._nlp[lang]

    @staticmethod
    def supports(document: Document) -> bool:
        return document.lang in SUPPORTED

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """One Extraction per supported document, in input order; documents are streamed in batches.

        Raises:
            ValueError: for a document whose language has no model (check `supports` first).
        """
        iterator = iter(documents)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._batch(batch)

    def _batch(self, batch: list[Document]) -> Iterator[Extraction]:
        parsed = self.parse(batch)
        yield from (build_extraction(doc, parsed[i], self.gazetteer) for i, doc in enumerate(batch))

    def parse(self, batch: list[Document]) -> list[Parsed]:
        """Run spaCy over a batch, language by language; long texts go through in paragraph-aligned chunks
        (spaCy refuses texts over `nlp.max_length`, and big `Doc`s cost memory) and come back as one `Parsed`."""
        pieces: dict[int, list[Parsed]] = {i: [] for i in range(len(batch))}
        for lang in sorted({d.lang or "" for d in batch}):
            if lang not in SUPPORTED:
                raise ValueError(f"no model for language {lang!r} ({[d.source_path for d in batch if d.lang == lang]})")
            items = [(chunk, (i, offset)) for i, d in enumerate(batch) if d.lang == lang
                     for offset, chunk in _chunks(d.text)]
            for spacy_doc, (i, offset) in self.nlp(lang).pipe(items, as_tuples=True, batch_size=PIPE_BATCH):
                pieces[i].append(shift(parse_doc(spacy_doc), offset))
        return [merge(pieces[i]) for i in range(len(batch))]


def _chunks(text: str, limit: int = MAX_CHUNK) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most `limit` characters, cut at a blank line, else a line, else anywhere."""
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n")) + 1 or limit
        yield start, text[start:start + cut]
        start += cut
    yield start, text[start:]


def build_extraction(document: Document, parsed, gazetteer: Gazetteer) -> Extraction:
    """Resolve entities, find relations and events for one parsed document."""
    resolution = resolve(parsed, document, gazetteer)
    relations = find_relations(parsed, document, resolution)
    entities = _with_candidate_roles(resolution.entities, relations)
    return Extraction(
        doc_id=document.doc_id, source_path=document.source_path, kind=document.kind, lang=document.lang,
        date=document.date, date_precision=document.date_precision, title=document.title,
        topic=document.topic, entities=entities, relations=relations,
        events=tuple(_events(document, resolution)), sources=document.sources, warnings=document.warnings,
    )


def _with_candidate_roles(entities: tuple[Entity, ...], relations: tuple[Relation, ...]) -> tuple[Entity, ...]:
    """A person who runs, wins, loses or withdraws in a relation is a candidate."""
    runners = {r.subject for r in relations if r.predicate in _CANDIDATE_PREDICATES}
    runners |= {r.object for r in relations if r.predicate is Predicate.DEFEATS}
    return tuple(
        replace(e, roles=tuple(sorted({*e.roles, "candidate"})))
        if e.id in runners and e.type is EntityType.PERSON else e
        for e in entities
    )


def _events(document: Document, resolution: Resolution) -> Iterator[Event]:
    page_id = event_id(document.date, document.title or document.doc_id)
    for segment in document.segments:
        ids = tuple(sorted({eid for (start, _), eid in resolution.by_offset.items()
                            if segment.start <= start < segment.end}))
        if segment.kind is EventKind.PAGE:
            contexts = (document.topic,) if document.topic else ()
            yield Event(page_id, document.date, document.title or "", EventKind.PAGE, contexts, ids)
        elif segment.kind is EventKind.RELATED:
            link = document.related[segment.index]
            yield Event(event_id(link.date, link.title), link.date, link.title, EventKind.RELATED,
                        link.contexts, ids)
        else:
            title = segment.title or ""
            sub_id = f"{page_id}/{segment.index}-{slug(title, max_len=40)}"
            yield Event(sub_id, segment.date, title, EventKind.SUB_EVENT, (), ids)
