"""The network view (network.html) read as text: offline, escaped, capped, deterministic (no browser here).

`election_graph` is the small hostile election graph every view test uses (imported by test_views and the
browser tests).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.export.html import write_html

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_HEADLINE = "Hamon wins </script><script>alert(1)</script> the primary"
HREF_TITLE = "Le <a href=\"javascript:alert(2)\">Monde</a> live"
ELECTION = "election/french-presidential-election-2017"
PRIMARY = "election/socialist-primary-2017"
HOSTILE_EVENT = "event/2017-01-29/hamon-wins"
RELATIONS = ("endorses", "member_of", "candidate_in", "defeats", "vote_share", "withdraws")
VIEW_EDGES = {"involves", "related_to", "part_of", *RELATIONS}


def _people(g: nx.MultiDiGraph) -> None:
    people = {"benoit-hamon": ("Benoît Hamon", ["Hamon", "Benoit Hamon"]),
              "manuel-valls": ("Manuel Valls", []), "emmanuel-macron": ("Emmanuel Macron", ["Macron"]),
              "francois-fillon": ("François Fillon", []),
              "marine-le-pen": ("Marine Le Pen", []), "hostile": (HOSTILE_LABEL, []),
              "yannick-jadot": ("Yannick Jadot", [])}
    for slug, (name, aliases) in people.items():
        g.add_node(f"person/{slug}", kind="entity", label=name, type="PERSON", roles=["candidate"],
                   aliases=aliases)
    g.add_node("person/journalist", kind="entity", label="A Journalist", type="PERSON", roles=[], aliases=[])
    for slug, name in {"socialist-party": "Socialist Party", "en-marche": "En Marche!",
                       "les-republicains": "Les Républicains"}.items():
        g.add_node(f"party/{slug}", kind="entity", label=name, type="PARTY", roles=[], aliases=[])
    for node, name in ((ELECTION, "French presidential election 2017"), (PRIMARY, "Socialist primary 2017")):
        g.add_node(node, kind="entity", label=name, type="ELECTION", roles=[], aliases=[])
    g.add_node("place/paris", kind="entity", label="Paris", type="PLACE", roles=[], aliases=[])
    g.add_node("media/le-monde", kind="entity", label="Le Monde", type="MEDIA", roles=[], aliases=[])


EVENTS = {
    "event/2017-01-22/first-round": ("Hamon and Valls reach the primary run-off", "2017-01-22",
                                     ["person/benoit-hamon", "person/manuel-valls", PRIMARY]),
    HOSTILE_EVENT: (HOSTILE_HEADLINE, "2017-01-29", ["person/benoit-hamon", "person/manuel-valls",
                                                     "person/hostile", "party/socialist-party",
                                                     "place/paris"]),
    "event/2017-02-23/jadot-withdraws": ("Yannick Jadot drops out to back Hamon", "2017-02-23",
                                         ["person/yannick-jadot", "person/benoit-hamon"]),
    "event/2017-04/campaign": ("The campaign in April", "2017-04",
                               ["person/emmanuel-macron", "person/marine-le-pen", "person/francois-fillon"]),
    "event/2017-04-23/first-round": ("Macron and Le Pen go through to the second round", "2017-04-23",
                                     ["person/emmanuel-macron", "person/marine-le-pen", ELECTION]),
    "event/undated/a-rally": ("A rally, date unknown", None, ["person/emmanuel-macron"]),
}


def _events(g: nx.MultiDiGraph) -> None:
    g.add_node("context/french-presidential-election-2017", kind="context", label="French election 2017")
    for n, (event, (headline, date, involved)) in enumerate(EVENTS.items()):
        doc = f"doc/00{n}-c169466d"
        attrs = {"date": date} if date else {}
        g.add_node(event, kind="event", label=headline, event_kind="page", documents=[doc], **attrs)
        sources = [{"name": "Le Monde", "url": "https://www.lemonde.fr/a?x=1&y=<2>"},
                   {"name": "Evil", "url": "javascript:alert(7)"}]
        g.add_node(doc, kind="document", label=HREF_TITLE if event == HOSTILE_EVENT else headline, lang="en",
                   source_path=f"sample/00{n}.txt", sources=sources, **attrs)
        g.add_edge(doc, event, key="reports")
        g.add_edge(doc, "media/le-monde", key="cites", url="https://www.lemonde.fr/")
        g.add_edge(doc, "person/journalist", key="mentions", count=1)
        g.add_edge(event, "context/french-presidential-election-2017", key="has_topic")
        for entity in involved:
            g.add_edge(event, entity, key="involves")
    g.add_edge(HOSTILE_EVENT, "event/2017-01-22/first-round", key="related_to")


def election_graph() -> nx.MultiDiGraph:
    """Seven candidates, three parties, two elections, six events, hostile text in labels and evidence."""
    g = nx.MultiDiGraph()
    _people(g)
    _events(g)
    relations = [
        ("person/benoit-hamon", "party/socialist-party", "member_of", None, "2017-01-29"),
        ("person/manuel-valls", "party/socialist-party", "member_of", None, "2017-01-29"),
        ("person/francois-fillon", "party/les-republicains", "member_of", None, "2017-04-23"),
        ("person/emmanuel-macron", "party/en-marche", "member_of", None, "2017-04-23"),
        ("person/benoit-hamon", "person/manuel-valls", "defeats", 58.7, "2017-01-29"),
        ("person/hostile", "person/benoit-hamon", "endorses", None, "2017-01-29"),
        ("person/manuel-valls", "person/emmanuel-macron", "endorses", None, "2017-03-29"),
        ("person/yannick-jadot", "person/benoit-hamon", "withdraws", None, "2017-02-23"),
        ("person/emmanuel-macron", ELECTION, "vote_share", 24.0, "2017-04-23"),
        ("person/marine-le-pen", ELECTION, "vote_share", 21.3, "2017-04-23"),
        ("person/benoit-hamon", PRIMARY, "candidate_in", None, "2017-01-22"),
    ]
    for subject, obj, key, value, date in relations:
        g.add_edge(subject, obj, key=key, date=date, value=value, unit="percent" if value else None,
                   confidence=0.8, evidence=f"{subject} {key} {obj} <script>alert(3)</script>",
                   document="doc/001-c169466d",
                   documents=["doc/001-c169466d"])
    return g


def expected_network(g: nx.MultiDiGraph) -> tuple[set[str], int]:
    """Entities and events with a view edge, and the number of view edges between them."""
    edges = [(u, v) for u, v, k in g.edges(keys=True) if k.split("#")[0] in VIEW_EDGES
             and g.nodes[u]["kind"] in ("entity", "event") and g.nodes[v]["kind"] in ("entity", "event")]
    return {n for e in edges for n in e}, len(edges)


def embedded(page: str, name: str) -> list[dict]:
    match = re.search(rf"^\s*{name} = new vis\.DataSet\((.*)\);\s*$", page, re.M)
    assert match, f"no {name} DataSet in page"
    return json.loads(match.group(1))


def data_block(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="eg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    write_html(election_graph(), tmp_path / "out", title="Élection <2017> & co")
    return tmp_path / "out"


@pytest.fixture()
def page(site: Path) -> str:
    return (site / "network.html").read_text(encoding="utf-8")


def test_network_holds_entities_and_events_with_their_links(page):
    nodes, edges = embedded(page, "nodes"), embedded(page, "edges")
    expected_nodes, expected_edges = expected_network(election_graph())
    assert {n["id"] for n in nodes} == expected_nodes
    assert len(edges) == expected_edges
    assert not any(n["id"].startswith(("doc/", "context/")) for n in nodes)
    assert "media/le-monde" not in expected_nodes  # only cited by documents: not drawn
    assert f"{len(nodes)} entities and events, {expected_edges} links" in page


def test_no_remote_script_or_stylesheet(page):
    tags = re.findall(r"<(?:script|link)\b[^>]*>", page, re.I)
    assert tags
    for tag in tags:
        assert not re.search(r"\b(?:src|href)\s*=", tag, re.I), tag
    for host in ("cdn.jsdelivr.net", "cdnjs.cloudflare.com", "bootstrap.min", "unpkg.com"):
        assert host not in page


def test_csp_allows_exactly_the_inline_scripts(page):
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    assert "unsafe-inline&#x27;; style" not in csp.split("style-src")[0]
    bodies = [body for attrs, body in re.findall(r"<script\b([^>]*)>(.*?)</script>", page, re.S)
              if "application/json" not in attrs]
    assert len(bodies) == 4  # pyvis's utils, vis-network, pyvis's drawing code, ours
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp


def test_hostile_text_never_appears_unescaped(page):
    for raw in ("<img src=x onerror", "</script><script>alert", '<a href="javascript', "<script>alert",
                "<2>"):
        assert raw not in page
    for line in page.splitlines():
        if "= new vis.DataSet(" in line or 'id="eg-data"' in line:
            assert not any(c in line.split(">", 1)[-1].rsplit("<", 1)[0] for c in "<>&")
    assert "Élection &lt;2017&gt; &amp; co" in page and "<2017>" not in page


def test_hostile_text_survives_as_plain_data(page):
    nodes = {n["id"]: n for n in embedded(page, "nodes")}
    assert nodes["person/hostile"]["name"] == HOSTILE_LABEL
    assert nodes["person/hostile"]["title"].startswith(HOSTILE_LABEL + "\n")
    assert nodes[HOSTILE_EVENT]["name"] == HOSTILE_HEADLINE
    assert "popup.innerHTML" not in page and "div.popup" not in page


def test_events_carry_their_documents_and_only_web_links(page):
    event = {n["id"]: n for n in embedded(page, "nodes")}[HOSTILE_EVENT]
    assert event["docs"] == ["doc/001-c169466d"] and event["dk"] == "2017-01-29"
    doc = data_block(page)["docs"]["doc/001-c169466d"]
    assert doc["t"] == HREF_TITLE
    assert doc["s"] == [["Le Monde", "https://www.lemonde.fr/a?x=1&y=<2>"], ["Evil", ""]]


def test_relation_edges_carry_sentence_date_and_evidence(page):
    edges = {e["id"]: e for e in embedded(page, "edges")}
    defeat = edges["person/benoit-hamon|defeats|person/manuel-valls"]
    assert defeat["text"] == "Benoît Hamon defeats Manuel Valls (58.7%)"
    assert defeat["date"] == "2017-01-29" and defeat["label"] == "defeats 58.7%"
    assert defeat["evidence"].endswith("<script>alert(3)</script>")
    assert defeat["title"].splitlines()[:2] == ["Benoît Hamon defeats Manuel Valls (58.7%)", "2017-01-29"]
    assert defeat["color"] == "#d62728" and defeat["docs"] == ["doc/001-c169466d"]
    involves = next(e for e in edges.values() if e["relation"] == "involves")
    assert "label" not in involves and involves["width"] < defeat["width"]


def test_filters_are_the_legend(page):
    controls = page[page.index('<section id="eg-controls"'):page.index("</section>")]
    for key in ("PERSON", "PARTY", "ELECTION", "PLACE", "event"):
        assert f'data-type="{key}"' in controls
    for key in ("endorses", "defeats", "member_of", "involves", "related_to"):
        assert f'data-rel="{key}"' in controls
    assert 'data-type="MEDIA"' not in controls  # nothing of that type is drawn
    assert 'id="eg-from" value="2017-01-22"' in controls and 'id="eg-to" value="2017-04-23"' in controls
    month_only = {n["id"]: n for n in embedded(page, "nodes")}["event/2017-04/campaign"]
    assert month_only["dk"] == "2017-04-15"  # a month-only date sits on the 15th


def test_pages_link_entities_that_have_one(page):
    nodes = {n["id"]: n for n in embedded(page, "nodes")}
    assert nodes["person/benoit-hamon"]["page"] == "entities/person-benoit-hamon.html"
    assert "page" not in nodes["place/paris"] and "page" not in nodes[HOSTILE_EVENT]


def star_graph(hubs: int = 3, leaves: int = 4) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for h in range(hubs):
        hub = f"person/hub-{h}"
        g.add_node(hub, kind="entity", label=hub, type="PERSON", roles=[], aliases=[])
        for leaf in range(leaves + h):
            node = f"event/2017-01-{10 + leaf:02d}/hub-{h}-{leaf}"
            g.add_node(node, kind="event", label=node, date=f"2017-01-{10 + leaf:02d}", event_kind="page")
            g.add_edge(node, hub, key="involves")
    return g


def test_cap_keeps_key_entities_then_their_events_and_says_so(tmp_path):
    graph = star_graph()
    write_html(graph, tmp_path, max_nodes=5)
    page = (tmp_path / "network.html").read_text(encoding="utf-8")
    ids = [n["id"] for n in embedded(page, "nodes")]
    # two of five places for persons (the two biggest hubs), then the events with the most links into them
    assert ids == ["event/2017-01-10/hub-1-0", "event/2017-01-10/hub-2-0", "event/2017-01-11/hub-1-1",
                   "person/hub-1", "person/hub-2"]
    assert f"Showing the most connected part: 5 of {graph.number_of_nodes()} linked" in page
    assert len(embedded(page, "edges")) == 3


def test_start_layout_is_precomputed_and_physics_is_short(page):
    nodes = embedded(page, "nodes")
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)
    assert '"iterations": 75' in page and '"improvedLayout": false' in page


def test_same_graph_gives_byte_identical_pages(tmp_path):
    graph = election_graph()
    reordered = nx.MultiDiGraph()
    reordered.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reordered.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    for name, g in (("a", graph), ("b", graph), ("c", reordered)):
        write_html(g, tmp_path / name)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.html"))
    assert len(files) > 10
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes() \
            == (tmp_path / "c" / rel).read_bytes(), rel


def test_empty_graph_still_writes_every_view(tmp_path):
    write_html(nx.MultiDiGraph(), tmp_path)
    page = (tmp_path / "network.html").read_text(encoding="utf-8")
    assert embedded(page, "nodes") == [] and embedded(page, "edges") == []
    assert "0 entities and events, 0 links" in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "network.html", "timeline.html"]


def test_max_nodes_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="max_nodes"):
        write_html(election_graph(), tmp_path, max_nodes=0)
