"""HTML network view of the graph: one self-contained page that works offline.

pyvis 0.3.2 renders the page skeleton and inlines vis-network; this module then owns the result:

- ``in_line`` still links bootstrap from a CDN: those tags are removed, and a Content-Security-Policy lets
  only the page's own inline scripts (by hash) run and forbids every fetch.
- the heading is not escaped: pyvis gets none; title, counts and legend are written here, escaped.
- a node title containing ``href`` switches pyvis to an ``innerHTML`` popup: pyvis never sees a title.
  Its embedded data is replaced by ours, whose titles are plain text (vis-network shows them with
  ``innerText``) and whose ``<``, ``>``, ``&`` are ``\\u`` escapes, so no ``</script`` or ``<!--`` gets through.

The page keeps pyvis's global names ``nodes``, ``edges`` (vis DataSets) and ``network``; it sets
``window.electiongraphStabilized`` once the layout has settled and physics is off.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.io import write_atomic
from graph.schema import ATTR, RELATION_EDGES, EdgeKind, NodeKind, edge_kind

__all__ = ["NodeStyle", "EdgeStyle", "NODE_STYLES", "EDGE_STYLES", "render_html", "write_html"]

logger = logging.getLogger(__name__)

PAGE_NAME = "index.html"
_LABEL_MAX = 48
_LIST_MAX = 10


@dataclass(frozen=True)
class NodeStyle:
    """How one kind of node is drawn: vis-network colour and shape, and its legend text."""

    color: str
    shape: str
    legend: str


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn: colour, line width and whether the line is dashed."""

    color: str
    width: int
    dashes: bool = False


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
    EdgeKind.ENDORSES: EdgeStyle("#2ca02c", 3),
    EdgeKind.DEFEATS: EdgeStyle("#d62728", 3),
    EdgeKind.MEMBER_OF: EdgeStyle("#1f77b4", 3),
    EdgeKind.CANDIDATE_IN: EdgeStyle("#ff7f0e", 3),
    EdgeKind.VOTE_SHARE: EdgeStyle("#9467bd", 3),
    EdgeKind.WITHDRAWS: EdgeStyle("#8c564b", 3),
    EdgeKind.REPORTS: EdgeStyle("#a0a0a0", 1),
    EdgeKind.RELATED: EdgeStyle("#c49c94", 1),
    EdgeKind.PART_OF: EdgeStyle("#a0a0a0", 1, dashes=True),
    EdgeKind.MENTIONS: EdgeStyle("#d0d0d0", 1, dashes=True),
    EdgeKind.INVOLVES: EdgeStyle("#b0b0b0", 1),
    EdgeKind.HAS_TOPIC: EdgeStyle("#c5b0d5", 1),
    EdgeKind.HAS_CONTEXT: EdgeStyle("#c5b0d5", 1, dashes=True),
    EdgeKind.CITES: EdgeStyle("#d0d0d0", 1, dashes=True),
})
_UNKNOWN_EDGE = EdgeStyle("#d0d0d0", 1)

_IMPROVED_LAYOUT_MAX = 100
_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": True, "solver": "forceAtlas2Based", "minVelocity": 0.75,
                "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.01,
                                     "springLength": 110, "springConstant": 0.08, "damping": 0.6,
                                     "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True}},
    "nodes": {"font": {"size": 12}, "borderWidth": 1},
    "edges": {"smooth": {"enabled": True, "type": "continuous"},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
              "font": {"size": 9, "align": "middle"}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}

_CSS = """
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; }
#eg-header { padding: 8px 16px; border-bottom: 1px solid #ddd; }
#eg-header h1 { font-size: 20px; margin: 0 0 2px; }  #eg-count { margin: 0; font-size: 13px; color: #555; }
.eg-legend { display: flex; flex-wrap: wrap; gap: 2px 14px; list-style: none; padding: 0; margin: 4px 0;
             font-size: 12px; }
.eg-swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: middle; }
.eg-dot { border-radius: 50%; }  .eg-line { width: 22px; height: 3px; }
.eg-diamond { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.eg-triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.eg-triangleDown { clip-path: polygon(0 0, 100% 0, 50% 100%); }
.eg-hexagon { clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }
.eg-star { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%,
                              2% 35%, 39% 35%); }
.eg-dashed { background: repeating-linear-gradient(90deg, currentColor 0 5px, transparent 5px 8px); }
div.vis-tooltip { white-space: pre-wrap; max-width: 520px; font-family: inherit; font-size: 13px; }
"""

# pyvis puts its progress bar at the top of the page; move it over the network, below our header.
_SETTLE_JS = """
(function () {
  var bar = document.getElementById("loadingBar");
  var card = document.getElementById("mynetwork").parentNode;
  if (bar) { card.style.position = "relative"; card.appendChild(bar); }
  function settled() {
    if (bar) { bar.style.display = "none"; }
    network.setOptions({physics: {enabled: false}});
    window.electiongraphStabilized = true;
  }
  if (nodes.length === 0) { settled(); } else { network.once("stabilizationIterationsDone", settled); }
})();
"""

_DATA_LINE = r"^(\s*{name} = new vis\.DataSet\().*(\);)[ \t]*$"
_CDN_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.I)
_CDN_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.I)
_COMMENTED_TAGS = re.compile(r"<!--\s*<link\b.*?-->", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_EXTERNAL_REF = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", re.I)


def write_html(graph: nx.MultiDiGraph, out_dir: Path, *, title: str = "electiongraph",
               max_nodes: int = 400) -> Path:
    """Write the interactive network view of ``graph`` to ``out_dir/index.html``.

    The file is written to a temporary file in ``out_dir`` and moved into place, so a reader never sees
    half a page.

    Args:
        graph: the timeline graph (see ``graph.schema``).
        out_dir: directory to write into; created when missing.
        title: page title, shown escaped.
        max_nodes: above this many nodes only the most connected are drawn, and the page says so.

    Returns:
        The path of the written page.

    Examples:
        >>> import tempfile
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("person/a", kind="entity", label="A", type="PERSON")
        >>> write_html(g, Path(tempfile.mkdtemp())).name
        'index.html'
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / PAGE_NAME
    write_atomic(path, render_html(graph, title=title, max_nodes=max_nodes))
    logger.info("wrote %s (%d nodes in graph)", path, graph.number_of_nodes())
    return path


def render_html(graph: nx.MultiDiGraph, *, title: str = "electiongraph", max_nodes: int = 400) -> str:
    """Return the self-contained HTML page of ``graph`` (what :func:`write_html` writes).

    Args:
        graph: the timeline graph.
        title: page title, shown escaped.
        max_nodes: cap on the number of nodes drawn, the most connected first.

    Returns:
        The page, identical for identical graphs.
    """
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, got {max_nodes}")
    kept = _select_nodes(graph, max_nodes)
    if len(kept) < graph.number_of_nodes():
        logger.info("html view: showing %d of %d nodes", len(kept), graph.number_of_nodes())
    nodes = [_node_record(graph, node_id) for node_id in kept]
    edges = _edge_records(graph, set(kept))
    page = _pyvis_page(nodes, edges)
    header = _header_html(title, len(nodes), graph.number_of_nodes(), len(edges))
    return _own_page(page, nodes, edges, title=title, header=header)


def _select_nodes(graph: nx.MultiDiGraph, max_nodes: int) -> list[str]:
    """Keep the ``max_nodes`` most connected nodes (ties by id), returned sorted by id."""
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), str(n)))
    return sorted(ranked[:max_nodes], key=str)


def _node_style(data: Mapping[str, Any]) -> NodeStyle:
    key = data.get(ATTR.TYPE) if data.get(ATTR.KIND) == NodeKind.ENTITY else data.get(ATTR.KIND)
    return NODE_STYLES.get(str(key), _UNKNOWN_NODE)


def _short(text: str, limit: int = _LABEL_MAX) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(values: Any) -> str:
    items = [str(v) for v in (values or ())]
    more = f" (+{len(items) - _LIST_MAX} more)" if len(items) > _LIST_MAX else ""
    return ", ".join(items[:_LIST_MAX]) + more


def _sources_lines(sources: Any) -> list[str]:
    lines = [f"  {s.get('name') or ''} {s.get('url') or ''}".rstrip() if isinstance(s, Mapping) else f"  {s}"
             for s in list(sources or ())[:_LIST_MAX]]
    return ["sources:", *lines] if lines else []


def _node_title(node_id: str, data: Mapping[str, Any], degree: int) -> str:
    """Plain-text tooltip of a node: it is shown with innerText, never parsed as HTML."""
    kind = str(data.get(ATTR.KIND) or "")
    heading = " · ".join(str(v) for v in (kind, data.get(ATTR.TYPE), data.get(ATTR.EVENT_KIND)) if v)
    fields = (("date", data.get(ATTR.DATE)), ("roles", _join(data.get(ATTR.ROLES))),
              ("also", _join(data.get(ATTR.ALIASES))), ("language", data.get(ATTR.LANG)),
              ("file", data.get(ATTR.PATH)))
    lines = [str(data.get(ATTR.LABEL) or node_id), heading]
    lines += [f"{name}: {value}" for name, value in fields if value]
    lines += _sources_lines(data.get(ATTR.SOURCES))
    lines += [f"id: {node_id}", f"connections: {degree}"]
    return "\n".join(line for line in lines if line)


def _node_record(graph: nx.MultiDiGraph, node_id: str) -> dict[str, Any]:
    data = graph.nodes[node_id]
    degree = graph.degree(node_id)
    style = _node_style(data)
    return {"id": str(node_id), "label": _short(str(data.get(ATTR.LABEL) or node_id)),
            "title": _node_title(str(node_id), data, degree), "color": style.color, "shape": style.shape,
            "size": round(min(8 + 4 * math.sqrt(degree), 40), 1), "kind": str(data.get(ATTR.KIND) or "")}


def _evidence_text(evidence: Any) -> str:
    return str((evidence.get("text") if isinstance(evidence, Mapping) else evidence) or "")


def _edge_title(key: str, data: Mapping[str, Any]) -> str:
    """Plain-text tooltip of an edge: relation, date, value, evidence sentence, documents."""
    value = data.get(ATTR.VALUE)
    fields = (("date", data.get(ATTR.DATE)),
              ("value", f"{value} {data.get(ATTR.UNIT) or ''}".rstrip() if value is not None else None),
              ("confidence", data.get(ATTR.CONFIDENCE)), ("count", data.get(ATTR.COUNT)),
              ("url", data.get(ATTR.URL)), ("evidence", _evidence_text(data.get(ATTR.EVIDENCE))),
              ("document", data.get(ATTR.DOC)), ("documents", _join(data.get(ATTR.DOCS))))
    lines = [key] + [f"{name}: {val}" for name, val in fields if val not in (None, "")]
    return "\n".join(lines)


def _edge_label(key: str, data: Mapping[str, Any]) -> str:
    value = data.get(ATTR.VALUE)
    return key if value is None else f"{key} {value}{'%' if data.get(ATTR.UNIT) == 'percent' else ''}"


def _edge_records(graph: nx.MultiDiGraph, kept: set[str]) -> list[dict[str, Any]]:
    """One vis edge per (source, target, key) between kept nodes, sorted for determinism."""
    records = []
    triples = ((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in kept and v in kept)
    for u, v, key, data in sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        kind = edge_kind(key)
        style = EDGE_STYLES.get(kind, _UNKNOWN_EDGE)
        record = {"id": f"{u}|{key}|{v}", "from": str(u), "to": str(v), "title": _edge_title(kind, data),
                  "color": style.color, "width": style.width, "dashes": style.dashes, "relation": kind}
        if kind in RELATION_EDGES:
            record["label"] = _edge_label(kind, data)
        records.append(record)
    return records


def _pyvis_page(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    """Render pyvis's page. pyvis never sees a title, so its HTML-popup code path is never emitted."""
    net = Network(height="720px", width="100%", directed=True, heading="", cdn_resources="in_line")
    for node in nodes:
        attrs = {k: v for k, v in node.items() if k not in ("id", "title")}
        net.add_node(node["id"], **attrs)
    for edge in edges:
        attrs = {k: v for k, v in edge.items() if k not in ("from", "to", "title")}
        net.add_edge(edge["from"], edge["to"], **attrs)
    # vis-network's improved (Kamada-Kawai) start layout gives up on larger graphs and only costs time.
    options = {**_OPTIONS, "layout": {"randomSeed": 7, "improvedLayout": len(nodes) <= _IMPROVED_LAYOUT_MAX}}
    net.set_options(json.dumps(options, sort_keys=True))
    return net.generate_html()


def _script_json(value: Any) -> str:
    """JSON safe inside a <script>: no '<', '>' or '&' (so no '</script' or '<!--'), no U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _replace_data(page: str, name: str, records: list[dict[str, Any]]) -> str:
    pattern = re.compile(_DATA_LINE.format(name=name), re.M)
    payload = _script_json(records)
    page, count = pattern.subn(lambda m: m.group(1) + payload + m.group(2), page)
    if count != 1:
        raise RuntimeError(f"pyvis page: expected one '{name} = new vis.DataSet(' line, found {count}")
    return page


def _strip_remote(page: str) -> str:
    """Drop pyvis's CDN bootstrap tags, its commented-out tags and its empty headings."""
    page = _COMMENTED_TAGS.sub("", page)
    page = _CDN_LINK.sub("", page)
    page = _CDN_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    skeleton = _INLINE_SCRIPT.sub("<script></script>", page)
    if _EXTERNAL_REF.search(skeleton) or "popup.innerHTML" in page:
        raise RuntimeError("pyvis page: unexpected external resource or HTML popup left after clean-up")
    return page


def _legend_html() -> str:
    items = [f'<li><span class="eg-swatch eg-{html.escape(s.shape)}" '
             f'style="background:{html.escape(s.color)}"></span>{html.escape(s.legend)}</li>'
             for s in NODE_STYLES.values()]
    edge_items = [f'<li><span class="eg-swatch eg-line{" eg-dashed" if s.dashes else ""}" '
                  f'style="{_line_css(s)}"></span>{html.escape(key.replace("_", " "))}</li>'
                  for key, s in EDGE_STYLES.items()]
    return (f'<ul class="eg-legend" id="eg-legend-nodes">{"".join(items)}</ul>\n'
            f'<ul class="eg-legend" id="eg-legend-edges">{"".join(edge_items)}</ul>')


def _line_css(style: EdgeStyle) -> str:
    prop = "color" if style.dashes else "background"  # dashed swatches paint currentColor
    return f"{prop}:{html.escape(style.color)};height:{2 + style.width // 2}px"


def _header_html(title: str, shown: int, total: int, n_edges: int) -> str:
    if shown < total:
        count = f"showing {shown} of {total} nodes (the most connected), {n_edges} edges"
    else:
        count = f"{total} nodes, {n_edges} edges"
    return (f'<header id="eg-header">\n<h1>{html.escape(title)}</h1>\n'
            f'<p id="eg-count">{html.escape(count)}</p>\n{_legend_html()}\n</header>\n')


def _content_security_policy(page: str) -> str:
    """Only the page's own inline scripts may run (by hash); nothing may be fetched."""
    hashes = sorted({base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                     for body in _INLINE_SCRIPT.findall(page)})
    scripts = " ".join(f"'sha256-{h}'" for h in hashes)
    return (f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'")


def _insert_once(page: str, anchor: str, text: str, *, before: bool = False) -> str:
    if page.count(anchor) != 1:
        raise RuntimeError(f"pyvis page: expected one {anchor!r}, found {page.count(anchor)}")
    return page.replace(anchor, text + anchor if before else anchor + text)


def _own_page(page: str, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, title: str,
              header: str) -> str:
    """Turn pyvis's page into ours: our data, no remote resources, our escaped header, a CSP."""
    page = _replace_data(page, "nodes", nodes)
    page = _replace_data(page, "edges", edges)
    page = _strip_remote(page)
    page = _insert_once(page, "</head>", f"<style>{_CSS}</style>\n", before=True)
    page = _insert_once(page, "<body>", "\n" + header)
    page = _insert_once(page, "</body>", f"<script>{_SETTLE_JS}</script>\n", before=True)
    csp = html.escape(_content_security_policy(page))
    head = f'\n<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
    head += f"<title>{html.escape(title)}</title>"
    page = _insert_once(page, '<meta charset="utf-8">', head)
    return "<!DOCTYPE html>\n" + page
