"""Entity pages (``entities/<slug>.html``): a candidate's, party's or election's ego network and timeline.

The ego network puts the entity in the middle and around it the entities it has a relation with, then the
candidates, parties and elections it shares the most events with. The timeline is the entity's lane (its
events and relations along time) and the list of ``graph.timeline.timeline`` entries, in date order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx

from extract.ids import slug
from graph.export.views.details import DOCS_MAX, docs_map, relation_record, short
from graph.export.views.page import Nav, esc, plural, render_page
from graph.export.views.select import ViewGraph
from graph.export.views.style import KEY_TYPES, NODE_STYLES, node_style, styles_json
from graph.export.views.timeline import lanes_spec, legend_html, spec_docs, window_html
from graph.schema import ATTR, RELATION_EDGES, NodeKind, edge_kind
from graph.timeline import timeline

__all__ = ["EGO_MAX", "page_file", "key_members", "ego_spec", "render_entity"]

EGO_MAX = 30          # neighbours drawn around an entity
_SHARED_MAX = 8       # shared events listed per neighbour (the latest)
_ENTRIES_MAX = 400    # timeline rows listed on a page
_TITLE_MAX = 180      # characters of a row's title; the details panel shows all of it


def page_file(node: str) -> str:
    """An entity page's file name, made from its id only, never from text.

    >>> page_file("person/benoit-hamon")
    'person-benoit-hamon.html'
    """
    return f"{slug(node, max_len=120)}.html"


def key_members(graph: nx.MultiDiGraph, view: ViewGraph) -> dict[str, tuple[str, ...]]:
    """For every event, the persons, parties and elections it involves (computed once for all pages)."""
    def is_key(node: str) -> bool:
        return graph.nodes[node].get(ATTR.TYPE) in KEY_TYPES
    return {n: tuple(sorted(m for m in view.neighbours.get(n, ()) if is_key(m)))
            for n, d in graph.nodes(data=True) if d.get(ATTR.KIND) == NodeKind.EVENT}


def _relations_by_other(graph: nx.MultiDiGraph, node: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    edges = [*graph.out_edges(node, keys=True, data=True), *graph.in_edges(node, keys=True, data=True)]
    for u, v, key, data in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        if edge_kind(key) in RELATION_EDGES and u != v:
            out[v if u == node else u].append(relation_record(graph, u, v, edge_kind(key), data))
    return out


def _shared_events(view: ViewGraph, node: str,
                   members: Mapping[str, tuple[str, ...]]) -> dict[str, list[str]]:
    shared: dict[str, list[str]] = defaultdict(list)
    for event in sorted(view.neighbours.get(node, ())):
        for other in members.get(event, ()):
            if other != node:
                shared[other].append(event)
    return shared


def _event_record(graph: nx.MultiDiGraph, event: str) -> dict[str, Any]:
    data = graph.nodes[event]
    docs = sorted(data.get(ATTR.DOCS) or ())
    return {"label": " ".join(str(data.get(ATTR.LABEL) or event).split()), "date": data.get(ATTR.DATE) or "",
            "docs": docs[:DOCS_MAX], "ndocs": len(docs)}


def _neighbour(graph: nx.MultiDiGraph, other: str, rels: list[dict[str, Any]], events: list[str],
               pages: Mapping[str, str]) -> dict[str, Any]:
    data = graph.nodes[other]
    style = node_style(data)
    label = str(data.get(ATTR.LABEL) or other)
    latest = sorted(events, key=lambda e: (str(graph.nodes[e].get(ATTR.DATE) or ""), e), reverse=True)
    kinds = ", ".join(sorted({r["rel"].replace("_", " ") for r in rels}))
    summary = "; ".join(p for p in (kinds, plural(len(events), "shared event") if events else "") if p)
    return {"id": other, "label": label, "short": short(label, 28), "color": style.color,
            "shape": style.shape, "legend": style.legend, "href": pages.get(other), "rels": rels,
            "shared": latest[:_SHARED_MAX], "nshared": len(events), "summary": summary}


def ego_spec(graph: nx.MultiDiGraph, view: ViewGraph, node: str, pages: Mapping[str, str],
             members: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """The data ``EG.ego`` draws: relation partners first, then the most shared-event neighbours."""
    rels = _relations_by_other(graph, node)
    shared = _shared_events(view, node, members)
    first = sorted(rels, key=lambda o: (-len(rels[o]), -len(shared.get(o, ())), o))
    counts = Counter({o: len(evs) for o, evs in shared.items() if o not in rels})
    then = sorted(counts, key=lambda o: (-counts[o], -view.degree.get(o, 0), o))
    chosen = (first + then)[:EGO_MAX]
    neighbours = [_neighbour(graph, o, rels.get(o, []), shared.get(o, []), pages) for o in chosen]
    index = {o: i for i, o in enumerate(chosen)}
    links = sorted({(index[u], index[v], edge_kind(k))
                    for u in chosen for _, v, k in graph.out_edges(u, keys=True)
                    if v in index and u != v and edge_kind(k) in RELATION_EDGES})
    style = node_style(graph.nodes[node])
    center = {"id": node, "label": str(graph.nodes[node].get(ATTR.LABEL) or node), "color": style.color,
              "shape": style.shape, "legend": style.legend}
    events = sorted({e for nb in neighbours for e in nb["shared"]})
    return {"center": center, "neighbours": neighbours, "total": len(first) + len(then),
            "links": [{"a": a, "b": b, "rel": r} for a, b, r in links],
            "events": {e: _event_record(graph, e) for e in events}}


def _entries(graph: nx.MultiDiGraph, node: str) -> list[dict[str, Any]]:
    rows = []
    for entry in timeline(graph, node)[:_ENTRIES_MAX]:
        docs = sorted(entry.documents)
        rows.append({"date": entry.date or "", "kind": entry.kind, "title": entry.title,
                     "docs": docs[:DOCS_MAX], "ndocs": len(docs)})
    return rows


def _entries_html(rows: list[dict[str, Any]]) -> str:
    cells = "".join(f'<tr data-i="{i}" tabindex="0"><td class="eg-date">{esc(r["date"] or "undated")}</td>'
                    f'<td class="eg-kind">{esc(r["kind"].replace("_", " "))}</td>'
                    f"<td>{esc(short(r['title'], _TITLE_MAX))}</td></tr>\n"
                    for i, r in enumerate(rows))
    return f'<table class="eg-entries" id="eg-entries"><tbody>\n{cells}</tbody></table>'


def _intro(graph: nx.MultiDiGraph, node: str, ego: Mapping[str, Any], rows: list[dict[str, Any]]) -> str:
    data = graph.nodes[node]
    facts = " · ".join(f for f in (node_style(data).legend, ", ".join(data.get(ATTR.ROLES) or ())) if f)
    drawn = len(ego["neighbours"])
    shown = f"the {drawn} closest of {ego['total']}" if drawn < ego["total"] else str(drawn)
    text = (f"{facts}. Linked to {shown} candidates, parties, elections and related entities; "
            f"{plural(len(rows), 'timeline entry', 'timeline entries')}.")
    also = ", ".join(str(a) for a in list(data.get(ATTR.ALIASES) or ())[:10])
    also_html = f'\n<p class="eg-help">Also written: {esc(also)}</p>' if also else ""
    return f'<p id="eg-count">{esc(text)}</p>{also_html}'


def _ego_legend(ego: Mapping[str, Any]) -> str:
    types = {nb["legend"] for nb in ego["neighbours"]} | {ego["center"]["legend"]}
    rels = {r["rel"] for nb in ego["neighbours"] for r in nb["rels"]} | {link["rel"] for link in ego["links"]}
    shared = '<span><span class="eg-swatch eg-line eg-grey"></span>shared events</span>'
    return legend_html(sorted(rels), [k for k, s in NODE_STYLES.items() if s.legend in types], dots=False,
                       extra=shared)


def _body(ego: Mapping[str, Any], lanes: Mapping[str, Any], rows: list[dict[str, Any]]) -> str:
    relations = sorted({r["rel"] for r in lanes["relations"]})
    return ('<div class="eg-layout"><div class="eg-main">\n<h2>Connections</h2>\n'
            '<p class="eg-help">Coloured lines are relations (endorses, defeats, member of ...); grey lines '
            "are shared events, thicker for more. Click a name for the evidence, the shared events and their "
            f'sources.</p>\n{_ego_legend(ego)}\n<div id="eg-ego" class="eg-ego"></div>\n'
            f"<h2>Timeline</h2>\n{window_html()}\n{legend_html(relations)}\n"
            f'<div id="eg-lanes" class="eg-lanes"></div>\n<h3>In date order</h3>\n{_entries_html(rows)}\n'
            '</div>\n<aside id="eg-details" class="eg-details" hidden></aside></div>')


def render_entity(graph: nx.MultiDiGraph, view: ViewGraph, node: str, pages: Mapping[str, str],
                  members: Mapping[str, tuple[str, ...]], *, title: str) -> str:
    """One entity's page; ``pages`` maps entity ids to their page paths from the build's root."""
    ego = ego_spec(graph, view, node, pages, members)
    lanes = lanes_spec(graph, (node,), pages)
    rows = _entries(graph, node)
    doc_ids = spec_docs(lanes) + [d for r in rows for d in r["docs"]]
    doc_ids += [d for nb in ego["neighbours"] for r in nb["rels"] for d in r["docs"]]
    doc_ids += [d for ev in ego["events"].values() for d in ev["docs"]]
    data = {"ego": ego, "lanes": lanes, "entries": rows, "docs": docs_map(graph, doc_ids),
            "styles": styles_json(), "root": "../"}
    return render_page(title=title, heading=str(graph.nodes[node].get(ATTR.LABEL) or node),
                       intro=_intro(graph, node, ego, rows), body=_body(ego, lanes, rows), data=data,
                       scripts=("common.js", "lanes.js", "ego.js", "entity-page.js"), nav=Nav("../", ""))
