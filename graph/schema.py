"""Node kinds, edge keys and attribute names of the networkx graph: constants, never bare strings.

Nodes are keyed by their id (`person/benoit-hamon`, `event/2017-01-29/...`, `doc/...`, `context/...`).
Every node has `kind` and `label`; edges are keyed (MultiDiGraph) by their relation name.
"""

from __future__ import annotations

__all__ = ["NodeKind", "EdgeKind", "RELATION_EDGES", "ATTR", "edge_key", "edge_kind"]


class NodeKind:
    EVENT = "event"
    DOCUMENT = "document"
    ENTITY = "entity"
    CONTEXT = "context"


class EdgeKind:
    REPORTS = "reports"            # document -> event it is about (the page, each live-blog entry)
    RELATED = "related_to"         # event -> related event (from `### Related:`)
    PART_OF = "part_of"            # sub-event -> the page event of its document
    MENTIONS = "mentions"          # document -> entity (attr: count)
    INVOLVES = "involves"          # event -> entity named in the event's own text
    HAS_TOPIC = "has_topic"        # event -> context (the `#####` topic line)
    HAS_CONTEXT = "has_context"    # event -> context (the `_Context:` tags of a related link)
    CITES = "cites"                # document -> MEDIA entity (attr: url)
    # election relations, entity -> entity (attrs: date, value, unit, confidence, evidence, doc)
    ENDORSES = "endorses"
    MEMBER_OF = "member_of"
    CANDIDATE_IN = "candidate_in"
    DEFEATS = "defeats"
    VOTE_SHARE = "vote_share"
    WITHDRAWS = "withdraws"


RELATION_EDGES = (
    EdgeKind.ENDORSES, EdgeKind.MEMBER_OF, EdgeKind.CANDIDATE_IN,
    EdgeKind.DEFEATS, EdgeKind.VOTE_SHARE, EdgeKind.WITHDRAWS,
)


class ATTR:
    KIND = "kind"                # NodeKind
    LABEL = "label"              # display name / headline
    TYPE = "type"                # entity type: PERSON, PARTY, ELECTION, ORG, PLACE, MEDIA
    ROLES = "roles"              # entity roles, e.g. ["candidate"]
    ALIASES = "aliases"          # entity surface forms
    DATE = "date"                # "YYYY-MM-DD" | "YYYY-MM" | None
    EVENT_KIND = "event_kind"    # page | related | sub_event
    LANG = "lang"
    PATH = "source_path"
    DOC_KIND = "doc_kind"
    SOURCES = "sources"          # list of {"name", "url"} on documents
    DOCS = "documents"           # on events and relation edges: ids of the documents that report them
    COUNT = "count"
    URL = "url"
    VALUE = "value"
    UNIT = "unit"
    CONFIDENCE = "confidence"
    EVIDENCE = "evidence"
    DOC = "document"


def edge_key(kind: str, n: int = 0) -> str:
    """The key of the n-th edge of one kind between two nodes: `vote_share`, then `vote_share#1`, ...

    Two results for the same candidate and election (say 36 % in round one, 58 % in the run-off) are two
    edges; `edge_kind` gives back the relation name.
    """
    return kind if n == 0 else f"{kind}#{n}"


def edge_kind(key: str) -> str:
    """The relation name of an edge key (`vote_share#1` → `vote_share`)."""
    return str(key).split("#", 1)[0]
