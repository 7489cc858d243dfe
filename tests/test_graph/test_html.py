"""The HTML network view, read as text: offline, escaped, capped, deterministic (no browser here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graph.export.html import write_html

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_HEADLINE = "Hamon wins </script><script>alert(1)</script> the primary"
HREF_TITLE = "Le <a href=\"javascript:alert(2)\">Monde</a> live"
EVIDENCE = "Benoit Hamon backs <b>nobody</b> yet."


def sample_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON",
               roles=["candidate"], aliases=["Hamon"])
    g.add_node("person/hostile", kind="entity", label=HOSTILE_LABEL, type="PERSON", roles=[], aliases=[])
    g.add_node("party/socialist-party", kind="entity", label="Socialist Party", type="PARTY",
               roles=[], aliases=["PS"])
    g.add_node("election/french-presidential-election-2017", kind="entity",
               label="French presidential election 2017", type="ELECTION", roles=[], aliases=[])
    g.add_node("event/2017-01-29/hamon-wins", kind="event", label=HOSTILE_HEADLINE, date="2017-01-29",
               event_kind="page")
    g.add_node("doc/000-c169466d-1a2b3c4d", kind="document", label=HREF_TITLE, date="2017-01-29", lang="en",
               source_path="sample/000.txt",
               sources=[{"name": "Le Monde", "url": "https://www.lemonde.fr/a?x=1&y=<2>"}])
    g.add_node("context/french-presidential-election-2017", kind="context",
               label="French presidential election 2017")
    g.add_edge("doc/000-c169466d-1a2b3c4d", "event/2017-01-29/hamon-wins", key="reports")
    g.add_edge("event/2017-01-29/hamon-wins", "context/french-presidential-election-2017", key="has_topic")
    g.add_edge("event/2017-01-29/hamon-wins", "person/benoit-hamon", key="involves")
    g.add_edge("doc/000-c169466d-1a2b3c4d", "person/hostile", key="mentions", count=2)
    g.add_edge("person/benoit-hamon", "party/socialist-party", key="member_of", date="2017-01-29",
               confidence=0.9, evidence=EVIDENCE, document="doc/000-c169466d-1a2b3c4d")
    g.add_edge("person/hostile", "person/benoit-hamon", key="endorses", date="2017-01-29",
               confidence=0.7, evidence="</script><!-- " + HOSTILE_LABEL,
               document="doc/000-c169466d-1a2b3c4d")
    g.add_edge("person/benoit-hamon", "election/french-presidential-election-2017", key="vote_share",
               value=36.0, unit="percent", date="2017-01-29", confidence=0.8, evidence="Hamon got 36%.")
    return g


def embedded(page: str, name: str) -> list[dict]:
    match = re.search(rf"^\s*{name} = new vis\.DataSet\((.*)\);\s*$", page, re.M)
    assert match, f"no {name} DataSet in page"
    return json.loads(match.group(1))


@pytest.fixture()
def page_path(tmp_path: Path) -> Path:
    return write_html(sample_graph(), tmp_path / "out", title="Élection <2017> & co")


@pytest.fixture()
def page(page_path: Path) -> str:
    return page_path.read_text(encoding="utf-8")


def test_write_html_writes_index_and_no_temp_file(page_path, tmp_path):
    assert page_path == tmp_path / "out" / "index.html"
    assert page_path.is_file()
    assert [p.name for p in page_path.parent.iterdir()] == ["index.html"]


def test_write_html_replaces_an_existing_page(tmp_path):
    (tmp_path / "index.html").write_text("old", encoding="utf-8")
    path = write_html(sample_graph(), tmp_path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_no_remote_script_or_stylesheet(page):
    tags = re.findall(r"<(?:script|link)\b[^>]*>", page, re.I)
    assert tags, "expected inline scripts"
    for tag in tags:
        assert not re.search(r"\b(?:src|href)\s*=", tag, re.I), tag
    assert not re.search(r"<(?:script|link)\b[^>]*(?:https?:)?//", page, re.I)
    assert "bootstrap" not in page


def test_page_forbids_fetches_with_a_content_security_policy(page):
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert match
    assert "default-src &#x27;none&#x27;" in match.group(1)
    assert "unsafe-inline&#x27;;" not in match.group(1).split("style-src")[0]


def test_hostile_text_never_appears_unescaped(page):
    for raw in ("<img src=x onerror", "</script><script>alert", "<a href=", "<!-- <img", "<b>nobody"):
        assert raw not in page
    # four script elements: pyvis's utils, vis-network, pyvis's drawing code, the settle hook
    assert page.count("</script>") == 4
    data_lines = [line for line in page.splitlines() if "= new vis.DataSet(" in line]
    assert len(data_lines) == 2 and not any(c in line for line in data_lines for c in "<>&")
    assert "&lt;2017&gt; &amp; co" in page
    assert "<2017>" not in page


def test_hostile_text_survives_as_data(page):
    labels = {n["id"]: n for n in embedded(page, "nodes")}
    assert labels["person/hostile"]["label"] == HOSTILE_LABEL
    assert labels["person/hostile"]["title"].startswith(HOSTILE_LABEL + "\n")
    assert HOSTILE_HEADLINE in labels["event/2017-01-29/hamon-wins"]["title"]


def test_tooltips_are_plain_text_and_the_html_popup_is_absent(page):
    nodes = {n["id"]: n for n in embedded(page, "nodes")}
    doc_title = nodes["doc/000-c169466d-1a2b3c4d"]["title"]
    assert "href" in doc_title
    assert "Le Monde https://www.lemonde.fr/a?x=1&y=<2>" in doc_title
    assert "date: 2017-01-29" in doc_title
    assert "roles: candidate" in nodes["person/benoit-hamon"]["title"]
    assert "popup.innerHTML" not in page
    assert "div.popup" not in page


def test_edge_titles_and_colours(page):
    edges = {e["relation"]: e for e in embedded(page, "edges")}
    member = edges["member_of"]
    assert member["title"].splitlines()[:2] == ["member_of", "date: 2017-01-29"]
    assert f"evidence: {EVIDENCE}" in member["title"]
    assert edges["endorses"]["color"] == "#2ca02c"
    assert member["color"] == "#1f77b4"
    assert edges["vote_share"]["label"] == "vote_share 36.0%"
    assert edges["mentions"]["width"] < member["width"]


def test_embedded_counts_match_the_graph(page):
    graph = sample_graph()
    nodes, edges = embedded(page, "nodes"), embedded(page, "edges")
    assert len(nodes) == graph.number_of_nodes()
    assert len(edges) == graph.number_of_edges()
    assert [n["id"] for n in nodes] == sorted(graph.nodes)
    assert "7 nodes, 7 edges" in page
    assert "showing" not in page


def test_legend_names_kinds_and_relations(page):
    legend = page[page.index('<header id="eg-header">'):page.index("</header>")]
    for text in ("Person", "Party", "Election", "Event", "Document", "Context", "endorses", "defeats",
                 "member of"):
        assert text in legend


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


def test_cap_keeps_the_most_connected_nodes_and_says_so(tmp_path):
    graph = star_graph()
    page = write_html(graph, tmp_path, max_nodes=4).read_text(encoding="utf-8")
    nodes = embedded(page, "nodes")
    assert len(nodes) == 4
    ids = [n["id"] for n in nodes]
    # three hubs by degree, then the first leaf by id among the degree-1 ties
    assert ids == sorted(["person/hub-0", "person/hub-1", "person/hub-2", "event/2017-01-10/hub-0-0"])
    assert f"showing 4 of {graph.number_of_nodes()} nodes" in page
    assert len(embedded(page, "edges")) == 1


def test_same_graph_gives_byte_identical_html(tmp_path):
    graph = sample_graph()
    reordered = nx.MultiDiGraph()
    reordered.add_nodes_from(reversed(list(graph.nodes(data=True))))
    reordered.add_edges_from(reversed(list(graph.edges(keys=True, data=True))))
    first = write_html(graph, tmp_path / "a").read_bytes()
    second = write_html(graph, tmp_path / "b").read_bytes()
    third = write_html(reordered, tmp_path / "c").read_bytes()
    assert first == second == third


def test_empty_graph_still_writes_a_page(tmp_path):
    page = write_html(nx.MultiDiGraph(), tmp_path).read_text(encoding="utf-8")
    assert embedded(page, "nodes") == [] and embedded(page, "edges") == []
    assert "0 nodes, 0 edges" in page


def test_max_nodes_must_be_positive(tmp_path):
    with pytest.raises(ValueError, match="max_nodes"):
        write_html(sample_graph(), tmp_path, max_nodes=0)
