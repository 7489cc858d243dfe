"""The landing page (``index.html``): what the corpus holds, links to every view, an offline search box."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.export.views.page import Nav, esc, plural, render_page
from graph.export.views.select import PAGE_GROUPS, Selection, ViewGraph
from graph.export.views.style import NODE_STYLES, node_style
from graph.schema import ATTR, RELATION_EDGES, NodeKind, edge_kind

__all__ = ["summary", "search_index", "render_index", "PAGE"]

PAGE = "index.html"
_ALIASES_MAX = 6
_PLURALS = {"Person": "Persons", "Party": "Parties", "Election": "Elections",
            "Organisation": "Organisations", "Place": "Places", "Media": "Media"}
_EVENT_KINDS = (("page", "event pages"), ("sub_event", "live-blog entries"),
                ("related", "related events (links)"))


def summary(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts for the landing page: documents, events by kind, entities by type, relations, date span."""
    kinds: Counter[str] = Counter()
    events: Counter[str] = Counter()
    types: Counter[str] = Counter()
    dates = []
    for _, data in graph.nodes(data=True):
        kinds[str(data.get(ATTR.KIND))] += 1
        if data.get(ATTR.KIND) == NodeKind.EVENT:
            events[str(data.get(ATTR.EVENT_KIND) or "page")] += 1
        if data.get(ATTR.KIND) == NodeKind.ENTITY:
            types[str(data.get(ATTR.TYPE))] += 1
        if data.get(ATTR.KIND) in (NodeKind.EVENT, NodeKind.DOCUMENT) and data.get(ATTR.DATE):
            dates.append(str(data[ATTR.DATE]))
    relations = Counter(edge_kind(k) for _, _, k in graph.edges(keys=True) if edge_kind(k) in RELATION_EDGES)
    return {"documents": kinds[NodeKind.DOCUMENT], "events": dict(events), "entities": dict(types),
            "relations": dict(relations), "span": (min(dates), max(dates)) if dates else None}


def search_index(graph: nx.MultiDiGraph, view: ViewGraph, pages: Mapping[str, str],
                 drawn: tuple[str, ...]) -> list[dict[str, Any]]:
    """Entities the search box finds: those with a page, then the other entities drawn in the network."""
    in_network = [n for n in drawn if n not in pages and graph.nodes[n].get(ATTR.KIND) == NodeKind.ENTITY]
    out = []
    for node in [*view.rank(pages), *view.rank(in_network)]:
        data = graph.nodes[node]
        aliases = [str(a) for a in (data.get(ATTR.ALIASES) or ())][:_ALIASES_MAX]
        out.append({"l": str(data.get(ATTR.LABEL) or node), "a": aliases, "t": node_style(data).legend,
                    "h": pages.get(node) or f"network.html#{node}",
                    "n": "" if node in pages else "in the network"})
    return out


def _table(table_id: str, caption: str, rows: list[tuple[str, int]]) -> str:
    cells = "".join(f'<tr><th scope="row">{esc(name)}</th><td class="n">{n:,}</td></tr>'
                    for name, n in rows if n)
    return (f'<table class="eg-stats" id="{esc(table_id)}"><caption>{esc(caption)}</caption>'
            f"<tbody>{cells or '<tr><td>none</td></tr>'}</tbody></table>")


def _stats_html(facts: Mapping[str, Any]) -> str:
    span = facts["span"]
    dates = f"from {span[0]} to {span[1]}" if span else "no dates"
    events = [("Documents", facts["documents"]), ("Events", sum(facts["events"].values()))]
    events += [(f"· {label}", facts["events"].get(k, 0)) for k, label in _EVENT_KINDS]
    types = [(_PLURALS.get(s.legend, s.legend), facts["entities"].get(k, 0)) for k, s in NODE_STYLES.items()]
    relations = [(k.replace("_", " "), n) for k, n in sorted(facts["relations"].items())]
    return (f'<p id="eg-span">Dates {esc(dates)}.</p><div class="eg-tables">'
            f'{_table("eg-summary", "Documents and events", events)}'
            f'{_table("eg-types", "Entities by type", types)}'
            f'{_table("eg-relations", "Relations", relations)}</div>')


def _card(title: str, href: str, text: str) -> str:
    link = f'<a href="{esc(href)}">{esc(title)}</a>' if href else esc(title)
    return f'<div class="eg-card"><h2>{link}</h2><p>{esc(text)}</p></div>'


def _cards_html(network: Selection, lanes: Selection) -> str:
    drawn = f"{len(network.nodes):,} of {network.total:,}" if network.capped else f"all {network.total:,}"
    lanes_text = (f"the {len(lanes.nodes)} most connected of {lanes.total:,}" if lanes.capped
                  else f"all {len(lanes.nodes)}")
    return ('<div class="eg-cards">'
            + _card("Timeline", "timeline.html", "Who did what when: events along time, one lane per "
                    f"candidate or party ({lanes_text}), endorsements, defeats and withdrawals on their "
                    "dates.")
            + _card("Network", "network.html", f"How candidates connect through events: {drawn} linked "
                    "entities and events, with filters by type, relation and date.")
            + _card("Entity pages", "", "One page per candidate, party and election: its connections and its "
                    "timeline. Find one with the search box or in the lists below.")
            + "</div>")


def _groups_html(graph: nx.MultiDiGraph, groups: Mapping[str, Selection], pages: Mapping[str, str]) -> str:
    parts = []
    for key, heading in PAGE_GROUPS:
        sel = groups.get(key)
        if not sel or not sel.nodes:
            continue
        note = f" — the {len(sel.nodes)} most connected of {sel.total:,}" if sel.capped else f" ({sel.total})"
        items = "".join(f'<li><a href="{esc(pages[n])}">{esc(graph.nodes[n].get(ATTR.LABEL) or n)}</a></li>'
                        for n in sel.nodes)
        parts.append(f'<div><h3>{esc(heading)}<span class="eg-note">{esc(note)}</span></h3>'
                     f"<ul>{items}</ul></div>")
    return f'<div class="eg-groups" id="eg-pages">{"".join(parts)}</div>' if parts else "<p>None.</p>"


_SEARCH = ('<section><h2><label for="eg-search">Find a candidate, party or election</label></h2>\n'
           '<input type="search" id="eg-search" autocomplete="off" '
           'placeholder="e.g. Hamon, Front national, primary"> '
           '<span id="eg-search-status" class="eg-muted" aria-live="polite"></span>\n'
           '<ul id="eg-results"></ul></section>')


def render_index(graph: nx.MultiDiGraph, view: ViewGraph, *, network: Selection, lanes: Selection,
                 groups: Mapping[str, Selection], pages: Mapping[str, str], title: str) -> str:
    """The landing page."""
    facts = summary(graph)
    span = f", {facts['span'][0]} to {facts['span'][1]}" if facts["span"] else ""
    counts = (f"{plural(facts['documents'], 'document')}, {plural(sum(facts['events'].values()), 'event')}, "
              f"{plural(sum(facts['entities'].values()), 'entity', 'entities')}{span}.")
    body = (f"{_SEARCH}\n{_cards_html(network, lanes)}\n"
            f"<section><h2>The corpus</h2>\n{_stats_html(facts)}</section>\n"
            f"<section><h2>Entity pages</h2>\n{_groups_html(graph, groups, pages)}</section>")
    data = {"search": search_index(graph, view, pages, network.nodes), "root": ""}
    return render_page(title=title, heading=title, intro=f'<p id="eg-count">{esc(counts)}</p>', body=body,
                       data=data, scripts=("common.js", "search.js"), nav=Nav("", "index"))
