"""What the views draw when the graph is large: the linked part of the graph, ranked and capped.

The views show entities and events (documents and topic tags appear as details). The *view graph* is
the entity and event nodes with the edges between them: ``involves``, ``related_to``, ``part_of`` and the
election relations. Every choice below ranks by degree in that graph, ties broken by id, so the same graph
always gives the same pages.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from graph.export.views.style import KEY_TYPES
from graph.schema import ATTR, RELATION_EDGES, EdgeKind, NodeKind, edge_kind

__all__ = ["VIEW_EDGES", "CANDIDACY_EDGES", "PAGE_GROUPS", "ViewGraph", "Selection", "view_graph",
           "select_network", "select_lanes", "select_pages", "is_candidate", "page_group"]

VIEW_EDGES = frozenset({EdgeKind.INVOLVES, EdgeKind.RELATED, EdgeKind.PART_OF, *RELATION_EDGES})
CANDIDACY_EDGES = frozenset({EdgeKind.CANDIDATE_IN, EdgeKind.VOTE_SHARE, EdgeKind.DEFEATS,
                             EdgeKind.WITHDRAWS})
# Entity pages are made for these groups, in this order: (key, heading).
PAGE_GROUPS = (("candidates", "Candidates"), ("parties", "Parties"), ("elections", "Elections"))
_KEY_SHARE, _EVENT_SHARE = 0.4, 0.4


@dataclass(frozen=True)
class ViewGraph:
    """Entity and event nodes with their view-edge degree and neighbours (only nodes with a link)."""

    degree: Mapping[str, int]
    neighbours: Mapping[str, frozenset[str]]

    def rank(self, nodes: Iterable[str]) -> list[str]:
        """Most connected first, ties by id."""
        return sorted(nodes, key=lambda n: (-self.degree.get(n, 0), n))


@dataclass(frozen=True)
class Selection:
    """Nodes chosen for a view (sorted by id, or ranked for lanes and pages) and how many could have been."""

    nodes: tuple[str, ...]
    total: int

    @property
    def capped(self) -> bool:
        return len(self.nodes) < self.total


def view_graph(graph: nx.MultiDiGraph) -> ViewGraph:
    """Degrees and neighbours of entities and events over the view edges."""
    wanted = {NodeKind.ENTITY, NodeKind.EVENT}
    degree: Counter[str] = Counter()
    neighbours: dict[str, set[str]] = defaultdict(set)
    nodes = graph.nodes
    for u, v, key in graph.edges(keys=True):
        if edge_kind(key) in VIEW_EDGES and u != v and nodes[u].get(ATTR.KIND) in wanted \
                and nodes[v].get(ATTR.KIND) in wanted:
            degree[u] += 1
            degree[v] += 1
            neighbours[u].add(v)
            neighbours[v].add(u)
    return ViewGraph(dict(degree), {n: frozenset(s) for n, s in neighbours.items()})


def _is_key(graph: nx.MultiDiGraph, node: str) -> bool:
    return graph.nodes[node].get(ATTR.TYPE) in KEY_TYPES


def _is_event(graph: nx.MultiDiGraph, node: str) -> bool:
    return graph.nodes[node].get(ATTR.KIND) == NodeKind.EVENT


def select_network(graph: nx.MultiDiGraph, view: ViewGraph, max_nodes: int) -> Selection:
    """The linked entities and events, or above ``max_nodes`` the most connected part of them.

    Capped, the network keeps: the most connected persons, parties and elections (up to 40 % of the
    places), the events that involve most of those (up to 40 %), then the nodes with the most links into
    what is already kept.
    """
    pool = sorted(view.degree)
    if len(pool) <= max_nodes:
        return Selection(tuple(pool), len(pool))
    kept = view.rank(n for n in pool if _is_key(graph, n))[: max(1, int(max_nodes * _KEY_SHARE))]
    chosen = set(kept)
    events = [n for n in pool if _is_event(graph, n) and view.neighbours[n] & chosen]
    kept += _by_links(events, chosen, view)[: int(max_nodes * _EVENT_SHARE)]
    chosen = set(kept)
    kept += _by_links([n for n in pool if n not in chosen], chosen, view)[: max_nodes - len(kept)]
    return Selection(tuple(sorted(kept)), len(pool))


def _by_links(nodes: Iterable[str], chosen: set[str], view: ViewGraph) -> list[str]:
    """Nodes with the most neighbours in ``chosen`` first, then by degree and id."""
    return sorted(nodes, key=lambda n: (-len(view.neighbours[n] & chosen), -view.degree[n], n))


def is_candidate(graph: nx.MultiDiGraph, node: str) -> bool:
    """A person with the candidate role, or one who stands, gets votes, wins, loses or withdraws."""
    data = graph.nodes[node]
    if data.get(ATTR.KIND) != NodeKind.ENTITY or data.get(ATTR.TYPE) != "PERSON":
        return False
    if "candidate" in (data.get(ATTR.ROLES) or ()):
        return True
    return any(edge_kind(k) in CANDIDACY_EDGES for _, _, k in graph.out_edges(node, keys=True))


def page_group(graph: nx.MultiDiGraph, node: str) -> str | None:
    """Which group of entity pages a node belongs to: candidates, parties, elections, or none."""
    data = graph.nodes[node]
    if data.get(ATTR.KIND) != NodeKind.ENTITY:
        return None
    if data.get(ATTR.TYPE) == "PARTY":
        return "parties"
    if data.get(ATTR.TYPE) == "ELECTION":
        return "elections"
    return "candidates" if is_candidate(graph, node) else None


def select_pages(graph: nx.MultiDiGraph, view: ViewGraph, per_group: int) -> dict[str, Selection]:
    """For each page group, its ``per_group`` most connected members (ranked; total = the group's size)."""
    members: dict[str, list[str]] = {key: [] for key, _ in PAGE_GROUPS}
    for node in graph.nodes:
        group = page_group(graph, node)
        if group:
            members[group].append(node)
    return {key: Selection(tuple(view.rank(nodes)[:per_group]), len(nodes)) for key, nodes in members.items()}


def select_lanes(graph: nx.MultiDiGraph, view: ViewGraph, max_lanes: int) -> Selection:
    """The timeline's lanes: the most connected candidates and parties, most connected first (not sorted)."""
    pool = [n for n in view.degree if page_group(graph, n) in ("candidates", "parties")]
    return Selection(tuple(view.rank(pool)[:max_lanes]), len(pool))
