"""The network view (``network.html``): entities and events drawn by pyvis, made safe and offline here.

pyvis 0.3.2 renders the page skeleton and inlines vis-network; this module then owns the result:

- ``in_line`` still links bootstrap from a CDN: those tags are removed, and the CSP lets only the page's
  own inline scripts (by hash) run and forbids every fetch.
- the heading is not escaped: pyvis gets none; header, filters and legend are written here, escaped.
- a node title containing ``href`` switches pyvis to an ``innerHTML`` popup: pyvis never sees a title.
  Its embedded data is replaced by ours, whose titles are plain text (vis-network shows them with
  ``innerText``) and whose ``<``, ``>``, ``&`` are ``\\u`` escapes.

The page keeps pyvis's globals ``nodes``, ``edges`` (vis DataSets) and ``network``; it sets
``window.electiongraphStabilized`` once the layout has settled and physics is off.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

import networkx as nx
from pyvis.network import Network

from graph.export.views.details import DOCS_MAX, date_key, docs_map, relation_record, short
from graph.export.views.layout import spring_positions
from graph.export.views.page import (Nav, asset, csp_meta, data_block, esc, header_html, plural,
                                     script_json)
from graph.export.views.select import VIEW_EDGES, Selection, ViewGraph
from graph.export.views.style import (EDGE_STYLES, KEY_TYPES, NODE_STYLES, edge_style, edge_swatch,
                                      node_style, node_swatch, style_key, styles_json)
from graph.schema import ATTR, RELATION_EDGES, NodeKind, edge_kind

__all__ = ["render_network", "network_records", "PAGE"]

PAGE = "network.html"
_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": True, "solver": "forceAtlas2Based", "minVelocity": 1.0,
                "forceAtlas2Based": {"gravitationalConstant": -70, "centralGravity": 0.012,
                                     "springLength": 100, "springConstant": 0.08, "damping": 0.6,
                                     "avoidOverlap": 0.3},
                # more iterations than updateInterval, so "stabilizationIterationsDone" comes after our script
                "stabilization": {"enabled": True, "iterations": 75, "updateInterval": 25, "fit": True}},
    "nodes": {"font": {"size": 12, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
              "font": {"size": 10, "align": "middle", "strokeWidth": 3}},
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True},
}
_DATA_LINE = r"^(\s*{name} = new vis\.DataSet\().*(\);)[ \t]*$"
_CDN_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.I)
_CDN_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.I)
_COMMENTED_TAGS = re.compile(r"<!--\s*<link\b.*?-->", re.S)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*")
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_EXTERNAL_REF = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", re.I)


def _meta(data: Mapping[str, Any]) -> str:
    kind = "event" if data.get(ATTR.KIND) == NodeKind.EVENT else node_style(data).legend
    parts = [kind, data.get(ATTR.EVENT_KIND), ", ".join(data.get(ATTR.ROLES) or ()), data.get(ATTR.DATE)]
    return " · ".join(str(p) for p in parts if p)


def _font_size(data: Mapping[str, Any]) -> int:
    """Candidates, parties and elections stay readable when the whole network is in view; events do not."""
    if data.get(ATTR.TYPE) in KEY_TYPES:
        return 22
    return 12 if data.get(ATTR.KIND) == NodeKind.EVENT else 14


def _node_record(graph: nx.MultiDiGraph, node: str, degree: int, pages: Mapping[str, str]) -> dict[str, Any]:
    data = graph.nodes[node]
    style = node_style(data)
    name = " ".join(str(data.get(ATTR.LABEL) or node).split())
    is_event = data.get(ATTR.KIND) == NodeKind.EVENT
    also = ", ".join(str(a) for a in list(data.get(ATTR.ALIASES) or ())[:8])
    tip = "\n".join(p for p in (name, _meta(data), f"also: {also}" if also else "",
                                f"{plural(degree, 'link')} · click for details and sources") if p)
    record = {"id": node, "label": short(name, 40 if is_event else 32), "title": tip, "name": name,
              "meta": _meta(data), "color": style.color, "shape": style.shape, "etype": style_key(data),
              "size": round(min(8 + 3.2 * math.sqrt(degree), 38), 1),
              "font": {"size": _font_size(data)}}
    if is_event:
        docs = sorted(data.get(ATTR.DOCS) or ())
        record |= {"dk": date_key(data.get(ATTR.DATE)), "docs": docs[:DOCS_MAX], "ndocs": len(docs)}
    if also:
        record["also"] = also
    if node in pages:
        record["page"] = pages[node]
    return record


def _edge_record(graph: nx.MultiDiGraph, u: str, v: str, key: str, data: Mapping[str, Any]) -> dict[str, Any]:
    kind = edge_kind(key)
    style = edge_style(kind)
    record = {"id": f"{u}|{key}|{v}", "from": u, "to": v, "relation": kind, "color": style.color,
              "width": style.width, "dashes": style.dashes}
    if kind not in RELATION_EDGES:
        record["title"] = style.legend
        return record
    rel = relation_record(graph, u, v, kind, data)
    tip = [rel["text"], rel["date"], f"“{short(rel['evidence'], 200)}”" if rel["evidence"] else "",
           "click for the sources"]
    value = data.get(ATTR.VALUE)
    percent = "%" if data.get(ATTR.UNIT) == "percent" else ""
    label = style.legend if value is None else f"{style.legend} {value:g}{percent}"
    title = "\n".join(t for t in tip if t)
    return record | rel | {"label": label, "title": title, "dk": date_key(rel["date"])}


def network_records(graph: nx.MultiDiGraph, view: ViewGraph, selection: Selection,
                    pages: Mapping[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The vis DataSet records of the drawn nodes and the view edges between them, sorted."""
    kept = set(selection.nodes)
    triples = sorted((u, v, str(k), d) for u, v, k, d in graph.edges(keys=True, data=True)
                     if u in kept and v in kept and u != v and edge_kind(k) in VIEW_EDGES)
    start = spring_positions(selection.nodes, ((u, v) for u, v, _, _ in triples))
    nodes = [_node_record(graph, n, view.degree.get(n, 0), pages) | dict(zip("xy", start[n]))
             for n in selection.nodes]
    return nodes, [_edge_record(graph, u, v, k, d) for u, v, k, d in triples]


def _pyvis_page(n_nodes: int) -> str:
    """pyvis's page: options, vis-network inline, and above 100 nodes its progress bar.

    pyvis gets placeholder nodes only (their DataSet line is replaced by ours), so it never sees a title and
    never emits its ``innerHTML`` popup.
    """
    net = Network(height="76vh", width="100%", directed=True, heading="", cdn_resources="in_line")
    for i in range(min(n_nodes, 101)):
        net.add_node(i, label=" ")
    options = {**_OPTIONS, "layout": {"randomSeed": 7, "improvedLayout": False}}
    net.set_options(json.dumps(options, sort_keys=True))
    return net.generate_html()


def _replace_data(page: str, name: str, records: list[dict[str, Any]]) -> str:
    pattern = re.compile(_DATA_LINE.format(name=name), re.M)
    payload = script_json(records)
    page, count = pattern.subn(lambda m: m.group(1) + payload + m.group(2), page)
    if count != 1:
        raise RuntimeError(f"pyvis page: expected one '{name} = new vis.DataSet(' line, found {count}")
    return page


def _strip_remote(page: str) -> str:
    """Drop pyvis's CDN bootstrap tags, its commented-out tags and its empty headings."""
    page = _CDN_SCRIPT.sub("", _CDN_LINK.sub("", _COMMENTED_TAGS.sub("", page)))
    page = _EMPTY_HEADING.sub("", page)
    skeleton = _INLINE_SCRIPT.sub("<script></script>", page)
    if _EXTERNAL_REF.search(skeleton) or "popup.innerHTML" in page:
        raise RuntimeError("pyvis page: unexpected external resource or HTML popup left after clean-up")
    return page


def _checkbox(attr: str, key: str, swatch: str, text: str) -> str:
    return (f'<label class="eg-check"><input type="checkbox" checked {attr}="{esc(key)}">{swatch}'
            f"{esc(text)}</label>")


def _controls_html(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], span: tuple[str, str]) -> str:
    """Filters that are also the legend: one checkbox per node type and relation drawn, and the dates."""
    types = {n["etype"] for n in nodes}
    rels = {e["relation"] for e in edges}
    type_boxes = "".join(_checkbox("data-type", k, node_swatch(k), s.legend)
                         for k, s in NODE_STYLES.items() if k in types)
    rel_boxes = "".join(_checkbox("data-rel", k, edge_swatch(k), s.legend)
                        for k, s in EDGE_STYLES.items() if k in rels)
    dates = (f'<label>from <input type="date" id="eg-from" value="{esc(span[0])}" min="{esc(span[0])}" '
             f'max="{esc(span[1])}"></label> <label>to <input type="date" id="eg-to" value="{esc(span[1])}" '
             f'min="{esc(span[0])}" max="{esc(span[1])}"></label>')
    return ('<section id="eg-controls" class="eg-controls">\n'
            f'<fieldset id="eg-legend-nodes"><legend>Show</legend>{type_boxes}</fieldset>\n'
            f'<fieldset id="eg-legend-edges"><legend>Links</legend>{rel_boxes}</fieldset>\n'
            f'<fieldset><legend>Event dates</legend>{dates} '
            '<button type="button" id="eg-reset">Show all</button></fieldset>\n'
            '<p id="eg-visible" class="eg-muted" aria-live="polite"></p>\n</section>\n')


def _intro(selection: Selection, n_edges: int) -> str:
    if selection.capped:
        what = (f"Showing the most connected part: {len(selection.nodes):,} of {selection.total:,} linked "
                "entities and events (the most connected candidates, parties and elections, the events that "
                f"involve most of them, then their closest neighbours), {plural(n_edges, 'link')}.")
    else:
        what = f"{plural(len(selection.nodes), 'entity', 'entities')} and events, {plural(n_edges, 'link')}."
    return (f'<p id="eg-count">{esc(what)}</p>\n<p class="eg-help">Size grows with the number of links. '
            "Hover a node or a line for a summary; click it for the evidence sentence, the documents and "
            "their sources. Drag to move, scroll to zoom.</p>")


def _span(records: list[dict[str, Any]]) -> tuple[str, str]:
    days = sorted(r["dk"] for r in records if r.get("dk"))
    return (days[0], days[-1]) if days else ("", "")


def render_network(graph: nx.MultiDiGraph, view: ViewGraph, selection: Selection, pages: Mapping[str, str], *,
                   title: str) -> str:
    """The network page of the selected nodes; ``pages`` maps entity ids to their page (for links)."""
    nodes, edges = network_records(graph, view, selection, pages)
    span = _span(nodes + edges)
    doc_ids = [d for n in nodes for d in n.get("docs", ())] + [d for e in edges for d in e.get("docs", ())]
    data = {"docs": docs_map(graph, doc_ids), "span": list(span), "styles": styles_json(), "root": ""}
    page = _replace_data(_replace_data(_pyvis_page(len(nodes)), "nodes", nodes), "edges", edges)
    page = _strip_remote(page)
    header = header_html(title, "Network of candidates, parties and events", _intro(selection, len(edges)),
                         Nav("", "network"))
    page = _insert(page, "</head>", f"<style>{asset('views.css')}</style>\n", before=True)
    page = _insert(page, "<body>", "\n" + header + _controls_html(nodes, edges, span))
    page = _insert(page, '<div id="mynetwork" class="card-body"></div>',
                   '\n<aside id="eg-details" class="eg-details" hidden></aside>')
    scripts = f"{data_block(data)}\n<script>{asset('common.js')}\n{asset('network.js')}</script>\n"
    page = _insert(page, "</body>", scripts, before=True)
    head = f"\n{csp_meta(page)}\n<title>Network · {esc(title)}</title>"
    page = _insert(page, '<meta charset="utf-8">', head)
    return "<!DOCTYPE html>\n" + page.replace("<html>", '<html lang="en">', 1)


def _insert(page: str, anchor: str, text: str, *, before: bool = False) -> str:
    if page.count(anchor) != 1:
        raise RuntimeError(f"pyvis page: expected one {anchor!r}, found {page.count(anchor)}")
    return page.replace(anchor, text + anchor if before else anchor + text)
