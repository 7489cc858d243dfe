"""Typed, frozen records that cross the boundary between stages.

`Document` is what the readers produce (no NLP yet); `Extraction` is what the extractor produces for one
document and what `graph/` consumes. An `Extraction` round-trips through JSON unchanged
(`Extraction.from_dict(json.loads(json.dumps(x.to_dict()))) == x`): that is the `extract` output and the
cache format. Field names follow the record in DESIGN.md; the two additions (`contexts` and `entities` on
each event) are documented in the README.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

__all__ = [
    "DocKind",
    "EntityType",
    "Predicate",
    "Unit",
    "EventKind",
    "Source",
    "RelatedLink",
    "Segment",
    "Document",
    "Mention",
    "Entity",
    "Evidence",
    "Relation",
    "Event",
    "Extraction",
    "jsonable",
]

class _StrEnum(str, Enum):
    def __str__(self) -> str:  # json.dumps and f-strings give the bare value
        return self.value


class DocKind(_StrEnum):
    EVENT_PAGE = "event_page"
    ARTICLE = "article"
    JSONL = "jsonl"


class EntityType(_StrEnum):
    PERSON = "PERSON"
    PARTY = "PARTY"
    ELECTION = "ELECTION"
    ORG = "ORG"
    PLACE = "PLACE"
    MEDIA = "MEDIA"


class Predicate(_StrEnum):
    ENDORSES = "endorses"
    MEMBER_OF = "member_of"
    CANDIDATE_IN = "candidate_in"
    DEFEATS = "defeats"
    VOTE_SHARE = "vote_share"
    WITHDRAWS = "withdraws"


class Unit(_StrEnum):
    PERCENT = "percent"
    SEATS = "seats"
    VOTES = "votes"


class EventKind(_StrEnum):
    PAGE = "page"
    RELATED = "related"
    SUB_EVENT = "sub_event"


@dataclass(frozen=True)
class Source:
    """A publisher and the URL of one cited article."""

    name: str
    url: str


@dataclass(frozen=True)
class RelatedLink:
    """A `### Related:` entry of an event page: another event, named by its headline, date and slug."""

    title: str
    date: str | None
    slug: str
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A region of `Document.text` that belongs to one event (the page itself, a related link, a live-blog entry)."""

    start: int
    end: int
    kind: EventKind
    index: int = 0  # position of the related link or live-blog entry
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Document:
    """One input document after parsing and text repair, before any NLP.

    `text` is the repaired plain text the extractor reads (markup stripped); every offset in the
    extraction indexes it. `raw` keeps the file's text as read, for provenance.
    """

    doc_id: str
    source_path: str
    kind: DocKind
    text: str
    raw: str
    lang: str | None = None
    date: str | None = None
    date_precision: str | None = None
    title: str | None = None
    topic: str | None = None
    sources: tuple[Source, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    segments: tuple[Segment, ...] = ()
    alternates: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: Predicate
    object: str
    value: float | None = None
    unit: Unit | None = None
    date: str | None = None
    confidence: float = 0.5
    evidence: Evidence = Evidence("", 0, 0)


@dataclass(frozen=True)
class Event:
    id: str
    date: str | None
    title: str
    kind: EventKind
    contexts: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document: the `extract` JSON record of DESIGN.md."""

    doc_id: str
    source_path: str
    kind: DocKind
    lang: str | None
    date: str | None
    date_precision: str | None
    title: str | None
    topic: str | None
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record (enums as their values, tuples as lists)."""
        return jsonable(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild an Extraction from `to_dict()` output (or its JSON)."""
        return cls(
            doc_id=data["doc_id"],
            source_path=data["source_path"],
            kind=DocKind(data["kind"]),
            lang=data.get("lang"),
            date=data.get("date"),
            date_precision=data.get("date_precision"),
            title=data.get("title"),
            topic=data.get("topic"),
            entities=tuple(_entity(e) for e in data.get("entities", ())),
            relations=tuple(_relation(r) for r in data.get("relations", ())),
            events=tuple(_event(e) for e in data.get("events", ())),
            sources=tuple(Source(**s) for s in data.get("sources", ())),
            warnings=tuple(data.get("warnings", ())),
        )


def jsonable(value: Any) -> Any:
    """A dataclass dump made JSON-ready: enums as their values, tuples as lists."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(
        id=data["id"],
        name=data["name"],
        type=EntityType(data["type"]),
        roles=tuple(data.get("roles", ())),
        aliases=tuple(data.get("aliases", ())),
        mentions=tuple(Mention(**m) for m in data.get("mentions", ())),
    )


def _relation(data: dict[str, Any]) -> Relation:
    value = data.get("value")
    return Relation(
        subject=data["subject"],
        predicate=Predicate(data["predicate"]),
        object=data["object"],
        evidence=Evidence(**data["evidence"]),
        value=float(value) if value is not None else None,
        unit=Unit(data["unit"]) if data.get("unit") else None,
        date=data.get("date"),
        confidence=float(data.get("confidence", 0.5)),
    )


def _event(data: dict[str, Any]) -> Event:
    return Event(
        id=data["id"],
        date=data.get("date"),
        title=data["title"],
        kind=EventKind(data["kind"]),
        contexts=tuple(data.get("contexts", ())),
        entities=tuple(data.get("entities", ())),
    )
