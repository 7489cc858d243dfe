"""The one place that reads spaCy spans: a `Doc` becomes plain `Parsed` data (sentences, spans, values).

Everything downstream (resolution, relations) works on these plain records, so it can be tested without a
model and never holds a `Doc` longer than one document.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["RawSpan", "Parsed", "parse_doc", "LABELS"]

# spaCy labels (English and French models, our ruler) -> our entity types; None = not an entity.
LABELS = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "PLACE": "PLACE",
    "PARTY": "PARTY", "ELECTION": "ELECTION", "MEDIA": "MEDIA", "NORP": "NORP", "MISC": "MISC",
}
_VALUES = {"PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME", "MONEY"}


@dataclass(frozen=True)
class RawSpan:
    text: str
    start: int
    end: int
    label: str        # our type (PERSON, ORG, ...) or a value label (PERCENT, DATE, ...)
    ent_id: str = ""  # gazetteer id when the ruler tagged it


@dataclass(frozen=True)
class Parsed:
    sentences: tuple[tuple[int, int], ...]
    spans: tuple[RawSpan, ...]
    values: tuple[RawSpan, ...]


def parse_doc(doc: Doc) -> Parsed:
    """Plain sentences, entity spans and value spans (numbers, dates) of a processed `Doc`."""
    spans, values = [], []
    for ent in doc.ents:
        label = LABELS.get(ent.label_)
        if label is not None:
            spans.append(RawSpan(ent.text, ent.start_char, ent.end_char, label, ent.ent_id_))
        elif ent.label_ in _VALUES:
            values.append(RawSpan(ent.text, ent.start_char, ent.end_char, ent.label_))
    sentences = tuple((s.start_char, s.end_char) for s in doc.sents)
    return Parsed(sentences=sentences, spans=tuple(spans), values=tuple(values))
