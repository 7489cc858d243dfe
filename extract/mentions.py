"""The one place that reads spaCy spans: a `Doc` becomes plain `Parsed` data (sentences, spans, values).

Everything downstream (resolution, relations) works on these plain records, so it can be tested without a
model and never holds a `Doc` longer than one document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["RawSpan", "Parsed", "parse_doc", "shift", "merge", "SpanIndex", "LABELS"]

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


def shift(parsed: Parsed, offset: int) -> Parsed:
    """The same parse with every offset moved by `offset` (a chunk's place in its document)."""
    if not offset:
        return parsed
    move = lambda s: RawSpan(s.text, s.start + offset, s.end + offset, s.label, s.ent_id)  # noqa: E731
    return Parsed(sentences=tuple((a + offset, b + offset) for a, b in parsed.sentences),
                  spans=tuple(move(s) for s in parsed.spans), values=tuple(move(s) for s in parsed.values))


def merge(parts: list[Parsed]) -> Parsed:
    """One parse from the parses of consecutive chunks."""
    if len(parts) == 1:
        return parts[0]
    return Parsed(sentences=tuple(s for p in parts for s in p.sentences),
                  spans=tuple(s for p in parts for s in p.spans), values=tuple(s for p in parts for s in p.values))


class SpanIndex:
    """Non-overlapping (start, end) spans, sorted, answering overlap and range questions in O(log n)."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.spans[i][1] > start

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans whose start lies in [lo, hi)."""
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans lying inside [start, end)."""
        lo, hi = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [span for span in self.spans[lo:hi] if span[1] <= end]
