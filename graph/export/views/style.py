"""How each kind of node and relation is drawn: frozen style tables shared by every view, and their legend."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from graph.schema import ATTR, EdgeKind, NodeKind

__all__ = ["NodeStyle", "EdgeStyle", "NODE_STYLES", "EDGE_STYLES", "KEY_TYPES", "node_style", "style_key",
           "edge_style", "styles_json", "node_swatch", "edge_swatch"]


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn: vis-network colour and shape, and its legend text."""

    color: str
    shape: str
    legend: str


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn: colour, line width, whether the line is dashed, and its legend text."""

    color: str
    width: int
    dashes: bool = False
    legend: str = ""


# Keyed by entity type for entities, by node kind otherwise.
NODE_STYLES: Mapping[str, NodeStyle] = MappingProxyType({
    "PERSON": NodeStyle("#4e79a7", "dot", "Person"),
    "PARTY": NodeStyle("#e15759", "hexagon", "Party"),
    "ELECTION": NodeStyle("#edc948", "star", "Election"),
    "ORG": NodeStyle("#76b7b2", "triangleDown", "Organisation"),
    "PLACE": NodeStyle("#59a14f", "dot", "Place"),
    "MEDIA": NodeStyle("#9c755f", "square", "Media"),
    NodeKind.EVENT: NodeStyle("#f28e2b", "diamond", "Event"),
    NodeKind.DOCUMENT: NodeStyle("#bab0ac", "square", "Document"),
    NodeKind.CONTEXT: NodeStyle("#b07aa1", "triangle", "Context"),
})
_UNKNOWN_NODE = NodeStyle("#d3d3d3", "dot", "Other")

EDGE_STYLES: Mapping[str, EdgeStyle] = MappingProxyType({
    EdgeKind.ENDORSES: EdgeStyle("#2ca02c", 3, legend="endorses"),
    EdgeKind.DEFEATS: EdgeStyle("#d62728", 3, legend="defeats"),
    EdgeKind.MEMBER_OF: EdgeStyle("#1f77b4", 3, legend="member of"),
    EdgeKind.CANDIDATE_IN: EdgeStyle("#ff7f0e", 3, legend="candidate in"),
    EdgeKind.VOTE_SHARE: EdgeStyle("#9467bd", 3, legend="vote share"),
    EdgeKind.WITHDRAWS: EdgeStyle("#8c564b", 3, legend="withdraws"),
    EdgeKind.INVOLVES: EdgeStyle("#b8b8b8", 1, legend="event involves"),
    EdgeKind.RELATED: EdgeStyle("#c49c94", 1, legend="related events"),
    EdgeKind.PART_OF: EdgeStyle("#a0a0a0", 1, dashes=True, legend="part of (live blog)"),
    EdgeKind.REPORTS: EdgeStyle("#a0a0a0", 1, legend="reports"),
    EdgeKind.MENTIONS: EdgeStyle("#d0d0d0", 1, dashes=True, legend="mentions"),
    EdgeKind.HAS_TOPIC: EdgeStyle("#c5b0d5", 1, legend="has topic"),
    EdgeKind.HAS_CONTEXT: EdgeStyle("#c5b0d5", 1, dashes=True, legend="has context"),
    EdgeKind.CITES: EdgeStyle("#d0d0d0", 1, dashes=True, legend="cites"),
})
_UNKNOWN_EDGE = EdgeStyle("#d0d0d0", 1, legend="other")

# The entity types a reader comes for: they get pages, lanes and the first places in a capped network.
KEY_TYPES = ("PERSON", "PARTY", "ELECTION")


def style_key(data: Mapping[str, Any]) -> str:
    """The style table key of a node: its entity type, or its kind for events, documents and contexts."""
    key = data.get(ATTR.TYPE) if data.get(ATTR.KIND) == NodeKind.ENTITY else data.get(ATTR.KIND)
    return str(key or "")


def node_style(data: Mapping[str, Any]) -> NodeStyle:
    return NODE_STYLES.get(style_key(data), _UNKNOWN_NODE)


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, _UNKNOWN_EDGE)


def styles_json() -> dict[str, Any]:
    """The style tables as plain data for the pages' scripts (colours, shapes, legend names)."""
    return {"nodes": {k: {"color": s.color, "shape": s.shape, "legend": s.legend}
                      for k, s in NODE_STYLES.items()},
            "edges": {k: {"color": s.color, "width": s.width, "dashes": s.dashes, "legend": s.legend}
                      for k, s in EDGE_STYLES.items()}}


def node_swatch(key: str) -> str:
    """A small coloured shape for a legend (HTML, escaped)."""
    style = NODE_STYLES.get(key, _UNKNOWN_NODE)
    return (f'<span class="eg-swatch eg-{html.escape(style.shape)}" '
            f'style="background:{html.escape(style.color)}"></span>')


def edge_swatch(kind: str) -> str:
    """A small coloured line for a legend (HTML, escaped); dashed lines paint ``currentColor``."""
    style = edge_style(kind)
    prop = "color" if style.dashes else "background"
    return (f'<span class="eg-swatch eg-line{" eg-dashed" if style.dashes else ""}" '
            f'style="{prop}:{html.escape(style.color)}"></span>')
