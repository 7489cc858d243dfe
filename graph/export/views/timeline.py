"""The timeline view (``timeline.html``): events along time, one lane per candidate or party.

Dots are events placed at their date (a month-only date at the 15th), in every lane whose entity the event
involves; coloured squares are relations (endorses, defeats, withdraws ...) on their date, joined by a line
when both ends have a lane. The same lane data draws the one-lane timeline of each entity page.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

import networkx as nx

from graph.export.views.details import DOCS_MAX, day_number, docs_map, relation_record, short
from graph.export.views.page import Nav, esc, plural, render_page
from graph.export.views.select import Selection
from graph.export.views.style import EDGE_STYLES, NODE_STYLES, node_style, node_swatch, styles_json
from graph.schema import ATTR, RELATION_EDGES, EdgeKind, NodeKind, edge_kind

__all__ = ["lanes_spec", "order_lanes", "spec_docs", "render_timeline", "window_html", "legend_html", "PAGE"]

PAGE = "timeline.html"
_WIDE_SPAN_DAYS = 3 * 365
_TRIM = 0.02          # a wide span opens on the central 96 % of the marks; the dates widen it
_PAD_DAYS = 10


def _lane(graph: nx.MultiDiGraph, node: str, pages: Mapping[str, str]) -> dict[str, Any]:
    data = graph.nodes[node]
    label = str(data.get(ATTR.LABEL) or node)
    return {"id": node, "label": label, "short": short(label, 26), "type": str(data.get(ATTR.TYPE) or ""),
            "color": node_style(data).color, "href": pages.get(node)}


def _events(graph: nx.MultiDiGraph, index: Mapping[str, int]) -> list[dict[str, Any]]:
    lanes_of: dict[str, set[int]] = {}
    for node, i in index.items():
        for event, _, key in graph.in_edges(node, keys=True):
            if key == EdgeKind.INVOLVES and graph.nodes[event].get(ATTR.KIND) == NodeKind.EVENT:
                lanes_of.setdefault(event, set()).add(i)
    out = []
    for event in sorted(lanes_of):
        data = graph.nodes[event]
        docs = sorted(data.get(ATTR.DOCS) or ())
        out.append({"id": event, "label": " ".join(str(data.get(ATTR.LABEL) or event).split()),
                    "date": data.get(ATTR.DATE) or "", "t": day_number(data.get(ATTR.DATE)),
                    "kind": str(data.get(ATTR.EVENT_KIND) or "page"), "lanes": sorted(lanes_of[event]),
                    "docs": docs[:DOCS_MAX], "ndocs": len(docs)})
    return out


def _relations(graph: nx.MultiDiGraph, index: Mapping[str, int]) -> list[dict[str, Any]]:
    seen = {}
    for node in index:
        edges = [*graph.out_edges(node, keys=True, data=True), *graph.in_edges(node, keys=True, data=True)]
        for u, v, key, data in edges:
            if edge_kind(key) in RELATION_EDGES:
                seen[(u, v, str(key))] = data
    out = []
    for (u, v, key), data in sorted(seen.items()):
        record = relation_record(graph, u, v, edge_kind(key), data)
        out.append(record | {"t": day_number(record["date"]), "a": index.get(u, -1), "b": index.get(v, -1)})
    return out


def order_lanes(graph: nx.MultiDiGraph, lanes: Sequence[str]) -> tuple[str, ...]:
    """Lanes that share events or relations next to each other, so each story reads as a block.

    Greedy from the most connected lane: the next lane is the one with the most shared events (a relation
    counts three) with the last three placed; with none, the next in rank.
    """
    if len(lanes) < 3:
        return tuple(lanes)
    index = {node: i for i, node in enumerate(lanes)}
    affinity: Counter[tuple[int, int]] = Counter()
    for event in _events(graph, index):
        for a, b in combinations(event["lanes"], 2):
            affinity[(a, b)] += 1
    for rel in _relations(graph, index):
        if rel["a"] >= 0 and rel["b"] >= 0 and rel["a"] != rel["b"]:
            affinity[tuple(sorted((rel["a"], rel["b"])))] += 3
    order, left = [0], list(range(1, len(lanes)))
    while left:
        best = max(left, key=lambda j: (sum(affinity[tuple(sorted((j, k)))] for k in order[-3:]), -j))
        order.append(best)
        left.remove(best)
    return tuple(lanes[i] for i in order)


def _window(days: list[int]) -> list[int]:
    """The dates the view opens on: all of them, or for a wide span the central 96 % of the marks."""
    if not days:
        return [0, 1]
    days = sorted(days)
    if days[-1] - days[0] <= _WIDE_SPAN_DAYS or len(days) < 50:
        return [days[0] - 1, days[-1] + 1]
    lo, hi = days[int(_TRIM * (len(days) - 1))], days[math.ceil((1 - _TRIM) * (len(days) - 1))]
    return [max(days[0], lo - _PAD_DAYS), min(days[-1], hi + _PAD_DAYS)]


def lanes_spec(graph: nx.MultiDiGraph, lanes: Sequence[str], pages: Mapping[str, str]) -> dict[str, Any]:
    """The data ``EG.lanes`` draws: lanes, dated events and relations touching them, the date window.

    Undated events and relations are counted (``undated``), not placed.
    """
    index = {node: i for i, node in enumerate(lanes)}
    events, relations = _events(graph, index), _relations(graph, index)
    undated = sum(1 for item in [*events, *relations] if item["t"] is None)
    events = [e for e in events if e["t"] is not None]
    relations = [r for r in relations if r["t"] is not None]
    days = [item["t"] for item in [*events, *relations]]
    span = [min(days) - 1, max(days) + 1] if days else [0, 1]
    return {"lanes": [_lane(graph, n, pages) for n in lanes], "events": events, "relations": relations,
            "span": span, "window": _window(days), "undated": undated}


def spec_docs(spec: Mapping[str, Any]) -> list[str]:
    return [d for item in [*spec["events"], *spec["relations"]] for d in item["docs"]]


def window_html() -> str:
    """The date window controls ``EG.lanes`` reads (from, to, all dates, status)."""
    return ('<div class="eg-window"><label>from <input type="date" id="eg-from"></label> '
            '<label>to <input type="date" id="eg-to"></label> '
            '<button type="button" id="eg-reset">All dates</button> '
            '<span id="eg-status" class="eg-muted" aria-live="polite"></span></div>')


def legend_html(relations: Sequence[str], node_types: Sequence[str] = (), *, dots: bool = True,
                extra: str = "") -> str:
    """What the marks mean: event dots by kind, one square per relation, node shapes, then ``extra`` HTML."""
    kinds = [("eg-ev", "event page"), ("eg-ev eg-ev-related", "related event (a link)"),
             ("eg-ev eg-ev-sub_event", "live-blog entry")]
    dot = '<svg width="12" height="12" aria-hidden="true"><circle class="{}" cx="6" cy="6" r="4.5"/></svg>'
    items = [f"<span>{dot.format(c)} {esc(text)}</span>" for c, text in kinds if dots]
    items += [f'<span><span class="eg-swatch" style="background:{esc(s.color)}"></span>{esc(s.legend)}</span>'
              for k, s in EDGE_STYLES.items() if k in relations]
    items += [f"<span>{node_swatch(k)}{esc(NODE_STYLES[k].legend)}</span>" for k in node_types]
    return f'<div class="eg-legend-row">{"".join(items)}{extra}</div>'


def _intro(lanes: Selection, spec: Mapping[str, Any]) -> str:
    shown = (f"the {len(lanes.nodes)} most connected of {lanes.total:,}" if lanes.capped
             else f"all {len(lanes.nodes)}")
    undated = f" {plural(spec['undated'], 'undated item')} not placed." if spec["undated"] else ""
    return (f'<p id="eg-count">One lane per candidate or party: {esc(shown)} candidates and parties, '
            f"grouped by shared events; {plural(len(spec['events']), 'event')} and "
            f"{plural(len(spec['relations']), 'relation')}.{esc(undated)}</p>\n"
            '<p class="eg-help">A campaign reads left to right. Dots are events at their date (a month-only '
            "date sits on the 15th); coloured squares are relations, joined by a line when both sides have a "
            "lane. Hover for the headline, click for the documents and their sources; a lane's name opens "
            "its page.</p>")


def render_timeline(graph: nx.MultiDiGraph, lanes: Selection, pages: Mapping[str, str], *, title: str) -> str:
    """The timeline page of the chosen lanes (``lanes.nodes`` in lane order)."""
    spec = lanes_spec(graph, order_lanes(graph, lanes.nodes), pages)
    data = {"lanes": spec, "docs": docs_map(graph, spec_docs(spec)), "styles": styles_json(), "root": ""}
    body = (f"{window_html()}\n{legend_html(sorted({r['rel'] for r in spec['relations']}))}\n"
            '<div class="eg-layout"><div class="eg-main"><div id="eg-lanes" class="eg-lanes"></div></div>\n'
            '<aside id="eg-details" class="eg-details" hidden></aside></div>')
    return render_page(title=title, heading="Timeline of candidates and parties", intro=_intro(lanes, spec),
                       body=body, data=data, scripts=("common.js", "lanes.js", "timeline-page.js"),
                       nav=Nav("", "timeline"))
