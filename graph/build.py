"""Extraction records to one networkx MultiDiGraph: events, documents, entities and contexts, merged by id.

The graph holds plain attributes only (strings, numbers, lists), so it serialises as node-link JSON and
never keeps a spaCy object. Nodes and edges are added in sorted order: the same records give the same graph,
whatever order the documents came in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx

from extract.ids import entity_id, slug
from extract.records import EntityType, EventKind, Extraction, Relation
from graph.schema import ATTR, EdgeKind, NodeKind, edge_key

__all__ = ["build_graph", "doc_node", "context_node"]

_EVENT_RANK = {EventKind.PAGE: 0, EventKind.SUB_EVENT: 1, EventKind.RELATED: 2}


def doc_node(doc_id: str) -> str:
    return f"doc/{doc_id}"


def context_node(label: str) -> str:
    return f"context/{slug(label)}"


def build_graph(extractions: Iterable[Extraction]) -> nx.MultiDiGraph:
    """Merge extraction records into one graph.

    Args:
        extractions: records of `extract` (any order; duplicates of one document are merged).

    Returns:
        A MultiDiGraph whose edges are keyed by relation name (see `graph.schema`).

    >>> from extract.records import Extraction, DocKind
    >>> g = build_graph([Extraction("d1", "a.txt", DocKind.ARTICLE, "en", "2017-01-29", "day", "T", None)])
    >>> sorted(g.nodes)
    ['doc/d1']
    """
    builder = _Builder()
    for record in sorted(extractions, key=lambda x: (x.doc_id, x.source_path)):
        builder.add(record)
    return builder.graph()


class _Builder:
    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.names: dict[str, Counter] = defaultdict(Counter)
        self.relations: dict[tuple, list[tuple[Relation, str]]] = defaultdict(list)

    def add(self, x: Extraction) -> None:
        doc = doc_node(x.doc_id)
        self.nodes[doc] = _clean({ATTR.KIND: NodeKind.DOCUMENT, ATTR.LABEL: x.title or x.doc_id, ATTR.DATE: x.date,
                                  ATTR.LANG: x.lang, ATTR.DOC_KIND: str(x.kind), ATTR.PATH: x.source_path,
                                  ATTR.SOURCES: [{"name": s.name, "url": s.url} for s in x.sources]})
        self._entities(x, doc)
        self._events(x, doc)
        self._sources(x, doc)
        for rel in x.relations:
            self.relations[(rel.subject, rel.object, str(rel.predicate))].append((rel, doc))

    def _entities(self, x: Extraction, doc: str) -> None:
        for ent in x.entities:
            node = self.nodes.setdefault(ent.id, {ATTR.KIND: NodeKind.ENTITY, ATTR.TYPE: str(ent.type),
                                                  ATTR.ROLES: [], ATTR.ALIASES: [], ATTR.COUNT: 0})
            node[ATTR.ROLES] = sorted({*node[ATTR.ROLES], *ent.roles})
            node[ATTR.ALIASES] = sorted({*node[ATTR.ALIASES], *ent.aliases, ent.name})
            node[ATTR.COUNT] += len(ent.mentions)
            self.names[ent.id][ent.name] += len(ent.mentions) or 1
            self._edge(doc, ent.id, EdgeKind.MENTIONS, {ATTR.COUNT: len(ent.mentions)})

    def _events(self, x: Extraction, doc: str) -> None:
        page = x.events[0].id if x.events and x.events[0].kind is EventKind.PAGE else None
        for ev in x.events:
            self._event_node(ev, doc)
            for ent in ev.entities:
                self._edge(ev.id, ent, EdgeKind.INVOLVES, {})
            if ev.kind is EventKind.RELATED and page:
                self._edge(page, ev.id, EdgeKind.RELATED, {})
            elif ev.kind is not EventKind.RELATED:
                self._edge(doc, ev.id, EdgeKind.REPORTS, {})
            if ev.kind is EventKind.SUB_EVENT and page:
                self._edge(ev.id, page, EdgeKind.PART_OF, {})
            for tag in ev.contexts:
                self.nodes.setdefault(context_node(tag), {ATTR.KIND: NodeKind.CONTEXT, ATTR.LABEL: tag})
                key = EdgeKind.HAS_TOPIC if ev.kind is EventKind.PAGE else EdgeKind.HAS_CONTEXT
                self._edge(ev.id, context_node(tag), key, {})

    def _event_node(self, ev, doc: str) -> None:
        node = self.nodes.get(ev.id)
        rank = _EVENT_RANK[ev.kind]
        if node is None or rank < node["_rank"]:  # a page's own headline beats a link's copy of it
            docs = node[ATTR.DOCS] if node else []
            node = self.nodes[ev.id] = _clean({ATTR.KIND: NodeKind.EVENT, ATTR.LABEL: ev.title, ATTR.DATE: ev.date,
                                               ATTR.EVENT_KIND: str(ev.kind), ATTR.DOCS: docs, "_rank": rank})
        node[ATTR.DOCS] = sorted({*node[ATTR.DOCS], doc})

    def _sources(self, x: Extraction, doc: str) -> None:
        for source in x.sources:
            media = entity_id(EntityType.MEDIA, source.name)
            self.nodes.setdefault(media, {ATTR.KIND: NodeKind.ENTITY, ATTR.TYPE: str(EntityType.MEDIA),
                                          ATTR.ROLES: [], ATTR.ALIASES: [], ATTR.COUNT: 0})
            self.names[media][source.name] += 1
            self._edge(doc, media, EdgeKind.CITES, {ATTR.URL: source.url})

    def _edge(self, u: str, v: str, key: str, attrs: dict[str, Any]) -> None:
        edge = self.edges.setdefault((u, v, key), {})
        if ATTR.COUNT in attrs:
            edge[ATTR.COUNT] = edge.get(ATTR.COUNT, 0) + attrs[ATTR.COUNT]
        for name, value in attrs.items():
            edge.setdefault(name, value)

    def _relation_edges(self) -> None:
        """One edge per distinct (subject, object, predicate, date, value); its documents listed."""
        for (u, v, predicate), found in self.relations.items():
            groups: dict[tuple, list[tuple[Relation, str]]] = defaultdict(list)
            for rel, doc in found:
                groups[(rel.date or "", rel.value if rel.value is not None else -1.0, str(rel.unit or ""))].append((rel, doc))
            for n, (_, group) in enumerate(sorted(groups.items())):
                best, doc = sorted(group, key=lambda rd: (-rd[0].confidence, rd[1], rd[0].evidence.start))[0]
                self.edges[(u, v, edge_key(predicate, n))] = _clean({
                    ATTR.DATE: best.date, ATTR.VALUE: best.value, ATTR.UNIT: str(best.unit) if best.unit else None,
                    ATTR.CONFIDENCE: max(r.confidence for r, _ in group), ATTR.EVIDENCE: best.evidence.text,
                    ATTR.DOC: doc, ATTR.DOCS: sorted({d for _, d in group})})

    def graph(self) -> nx.MultiDiGraph:
        self._relation_edges()
        for eid, names in self.names.items():
            self.nodes[eid][ATTR.LABEL] = _best_name(names)
            self.nodes[eid][ATTR.ALIASES] = sorted(set(self.nodes[eid][ATTR.ALIASES]) - {self.nodes[eid][ATTR.LABEL]})
        g = nx.MultiDiGraph()
        for node_id in sorted(self.nodes):
            g.add_node(node_id, **{k: v for k, v in self.nodes[node_id].items() if not k.startswith("_")})
        for (u, v, key) in sorted(self.edges):
            if u in self.nodes and v in self.nodes:
                g.add_edge(u, v, key=key, **self.edges[(u, v, key)])
        return g


def _best_name(names: Counter) -> str:
    """The most used name; among equals, the one with the most accented letters (`Mélenchon`)."""
    return sorted(names.items(), key=lambda kv: (-kv[1], -sum(not c.isascii() for c in kv[0]), kv[0]))[0][0]


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if v is not None}
