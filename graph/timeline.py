"""Timeline questions over the graph: find an entity by name, list its dated events and relations in order."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import networkx as nx

from extract.errors import ElectionGraphError
from extract.names import name_key
from graph.schema import ATTR, RELATION_EDGES, EdgeKind, NodeKind, edge_kind

__all__ = ["TimelineEntry", "find_entity", "timeline", "EntityNotFound"]

_TYPE_RANK = {"PERSON": 0, "PARTY": 1, "ELECTION": 2}
_VERBS = {EdgeKind.WITHDRAWS: "withdraws in favour of", EdgeKind.CANDIDATE_IN: "is a candidate in",
          EdgeKind.VOTE_SHARE: "gets a vote share in", EdgeKind.MEMBER_OF: "is a member of"}


class EntityNotFound(ElectionGraphError):
    """No entity in the graph answers to the name given."""


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    kind: str        # page | related | sub_event (an event) or a relation name (endorses, defeats, ...)
    title: str
    node: str        # the event id, or the other entity of the relation
    documents: tuple[str, ...] = ()


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The id of the entity called `name` (its id, label or an alias; accents and case ignored).

    Raises:
        EntityNotFound: with the closest names as suggestions.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON", aliases=["Hamon"])
    >>> find_entity(g, "benoit hamon"), find_entity(g, "Hamon")
    ('person/benoit-hamon', 'person/benoit-hamon')
    """
    if name in graph and graph.nodes[name].get(ATTR.KIND) == NodeKind.ENTITY:
        return name
    key = name_key(name)
    matches = [n for n, d in graph.nodes(data=True) if d.get(ATTR.KIND) == NodeKind.ENTITY
               and key in {name_key(d.get(ATTR.LABEL, "")), *(name_key(a) for a in d.get(ATTR.ALIASES, ()))}]
    if matches:
        return min(matches, key=lambda n: (_TYPE_RANK.get(graph.nodes[n].get(ATTR.TYPE), 9), -graph.degree(n), n))
    labels = sorted({d.get(ATTR.LABEL, "") for _, d in graph.nodes(data=True) if d.get(ATTR.KIND) == NodeKind.ENTITY})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise EntityNotFound(f"no entity named {name!r} in the graph{hint}")


def timeline(graph: nx.MultiDiGraph, entity: str) -> list[TimelineEntry]:
    """The events that involve `entity` and the relations it takes part in, in date order.

    Undated entries come last. `entity` is an id or a name (see `find_entity`).
    """
    node = find_entity(graph, entity)
    entries = [_event_entry(graph, ev) for ev, _, key in graph.in_edges(node, keys=True)
               if key == EdgeKind.INVOLVES]
    entries += [_relation_entry(graph, u, v, key, data) for u, v, key, data in _relation_edges(graph, node)]
    return sorted(set(entries), key=lambda e: (e.date is None, e.date or "", e.kind, e.title, e.node))


def _event_entry(graph: nx.MultiDiGraph, event: str) -> TimelineEntry:
    data = graph.nodes[event]
    return TimelineEntry(date=data.get(ATTR.DATE), kind=data.get(ATTR.EVENT_KIND, "event"),
                         title=data.get(ATTR.LABEL, event), node=event, documents=tuple(data.get(ATTR.DOCS, ())))


def _relation_edges(graph: nx.MultiDiGraph, node: str):
    yield from (e for e in graph.out_edges(node, keys=True, data=True) if edge_kind(e[2]) in RELATION_EDGES)
    yield from (e for e in graph.in_edges(node, keys=True, data=True) if edge_kind(e[2]) in RELATION_EDGES)


def _relation_entry(graph: nx.MultiDiGraph, u: str, v: str, key: str, data: dict) -> TimelineEntry:
    kind = edge_kind(key)
    value = data.get(ATTR.VALUE)
    unit = {"percent": "%", None: ""}.get(data.get(ATTR.UNIT), f" {data.get(ATTR.UNIT)}")
    amount = f" ({value:g}{unit})" if value is not None else ""
    verb = _VERBS.get(kind, kind.replace("_", " "))
    if kind == EdgeKind.WITHDRAWS and graph.nodes[v].get(ATTR.TYPE) == "ELECTION":
        verb = "withdraws from"
    title = f"{graph.nodes[u].get(ATTR.LABEL, u)} {verb} {graph.nodes[v].get(ATTR.LABEL, v)}{amount}"
    return TimelineEntry(date=data.get(ATTR.DATE), kind=kind, title=title, node=v,
                         documents=tuple(data.get(ATTR.DOCS, ())))
