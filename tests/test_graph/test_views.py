"""The landing page, the timeline and the entity pages, read as text; the helpers behind them."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from test_html import ELECTION, HOSTILE_EVENT, HOSTILE_HEADLINE, HOSTILE_LABEL, HREF_TITLE, data_block, \
    election_graph

from graph.export.views import write_views
from graph.export.views.details import day_number, docs_map, safe_url
from graph.export.views.entity import EGO_MAX, page_file
from graph.export.views.layout import spring_positions
from graph.export.views.page import script_json
from graph.export.views.select import select_lanes, view_graph
from graph.export.views.timeline import order_lanes

CANDIDATES = {"person/benoit-hamon", "person/manuel-valls", "person/emmanuel-macron",
              "person/francois-fillon", "person/marine-le-pen", "person/hostile", "person/yannick-jadot"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_views(election_graph(), out, title="Élection <2017> & co")
    return out


def read(site: Path, name: str) -> str:
    return (site / name).read_text(encoding="utf-8")


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_view_is_written_and_no_temp_file_is_left(site):
    names = sorted(str(p.relative_to(site)) for p in site.rglob("*"))
    assert names[:4] == ["entities", "entities/election-french-presidential-election-2017.html",
                         "entities/election-socialist-primary-2017.html", "entities/party-en-marche.html"]
    assert {"index.html", "network.html", "timeline.html"} <= set(names)
    assert not [n for n in names if n.endswith(".tmp") or "/." in n or n.startswith(".")]
    pages = [n for n in names if n.startswith("entities/")]
    assert len(pages) == len(CANDIDATES) + 3 + 2  # candidates, parties, elections; no page for others
    assert "entities/person-journalist.html" not in names and "entities/place-paris.html" not in names


def test_page_files_come_from_ids_only():
    assert page_file("person/benoit-hamon") == "person-benoit-hamon.html"
    assert page_file('person/x"><script>') == "person-x-script.html"
    assert page_file("party/../../etc") == "party-etc.html"


@pytest.mark.parametrize("raw", ["<img src=x onerror", "</script><script>alert", '<a href="javascript',
                                 "<script>alert(3)", "y=<2>"])
def test_hostile_text_is_never_markup_on_any_page(site, raw):
    for path in all_pages(site):
        assert raw not in read(site, str(path.relative_to(site))), path


def test_every_page_is_offline_with_a_strict_csp(site):
    for path in all_pages(site):
        page = path.read_text(encoding="utf-8")
        assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", page, re.I), path
        csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
        assert csp.startswith("default-src &#x27;none&#x27;; script-src &#x27;sha256-"), path
        assert "unsafe-eval" not in csp and "script-src &#x27;unsafe-inline" not in csp


def test_data_blocks_hold_the_text_as_data(site):
    page = read(site, "entities/person-benoit-hamon.html")
    block = page[page.index('id="eg-data">'):]
    assert not any(c in block[len('id="eg-data">'):block.index("</script>")] for c in "<>&")
    data = data_block(page)
    assert any(HOSTILE_LABEL == nb["label"] for nb in data["ego"]["neighbours"])
    assert data["docs"]["doc/001-c169466d"]["t"] == HREF_TITLE
    assert script_json("</script><!--\u2028") == '"\\u003c/script\\u003e\\u003c!--\\u2028"'


def test_title_is_escaped_on_every_page(site):
    for path in all_pages(site):
        page = path.read_text(encoding="utf-8")
        assert "Élection &lt;2017&gt; &amp; co" in page and "<2017>" not in page, path


def test_index_summarises_the_corpus_and_links_every_view(site):
    page = read(site, "index.html")
    assert '<p id="eg-count">6 documents, 6 events, 15 entities, 2017-01-22 to 2017-04-23.</p>' in page
    for href in ("network.html", "timeline.html", "entities/person-benoit-hamon.html",
                 "entities/party-socialist-party.html", f"entities/{page_file(ELECTION)}"):
        assert f'href="{href}"' in page
    assert re.search(r"<th scope=\"row\">Persons</th><td class=\"n\">8</td>", page)
    assert re.search(r"<th scope=\"row\">defeats</th><td class=\"n\">1</td>", page)


def test_search_index_finds_pages_then_network_entities(site):
    search = data_block(read(site, "index.html"))["search"]
    hrefs = {e["l"]: e["h"] for e in search}
    assert hrefs["Benoît Hamon"] == "entities/person-benoit-hamon.html"
    assert hrefs["Paris"] == "network.html#place/paris"
    assert hrefs[HOSTILE_LABEL] == "entities/person-hostile.html"
    assert "A Journalist" not in hrefs and "Le Monde" not in hrefs  # neither a page nor drawn
    assert next(e for e in search if e["l"] == "Benoît Hamon")["a"] == ["Hamon", "Benoit Hamon"]


def test_timeline_lanes_events_and_relations(site):
    lanes = data_block(read(site, "timeline.html"))["lanes"]
    ids = [lane["id"] for lane in lanes["lanes"]]
    assert set(ids) == CANDIDATES | {"party/socialist-party", "party/en-marche", "party/les-republicains"}
    assert lanes["lanes"][ids.index("person/benoit-hamon")]["href"] == "entities/person-benoit-hamon.html"
    hostile = next(e for e in lanes["events"] if e["id"] == HOSTILE_EVENT)
    assert hostile["label"] == HOSTILE_HEADLINE and hostile["t"] == day_number("2017-01-29")
    assert {ids[i] for i in hostile["lanes"]} == {"person/benoit-hamon", "person/manuel-valls",
                                                  "person/hostile", "party/socialist-party"}
    assert lanes["undated"] == 1  # the undated rally is counted, not placed
    defeat = next(r for r in lanes["relations"] if r["rel"] == "defeats")
    assert (ids[defeat["a"]], ids[defeat["b"]]) == ("person/benoit-hamon", "person/manuel-valls")
    vote = next(r for r in lanes["relations"]
                if r["rel"] == "vote_share" and r["from"] == "person/emmanuel-macron")
    assert vote["b"] == -1
    assert vote["text"] == "Emmanuel Macron gets a vote share in French presidential election 2017 (24%)"


def test_lanes_are_capped_and_said_so(tmp_path):
    graph = election_graph()
    write_views(graph, tmp_path, max_lanes=3)
    page = read(tmp_path, "timeline.html")
    assert len(data_block(page)["lanes"]["lanes"]) == 3
    assert "the 3 most connected of 10 candidates and parties" in page
    view = view_graph(graph)
    assert select_lanes(graph, view, 3).nodes[0] == "person/benoit-hamon"


def test_lanes_that_share_events_sit_together():
    graph = election_graph()
    lanes = select_lanes(graph, view_graph(graph), 10).nodes
    order = order_lanes(graph, lanes)
    assert sorted(order) == sorted(lanes) and order[0] == lanes[0]
    french_primary = {"person/benoit-hamon", "person/manuel-valls", "party/socialist-party"}
    assert set(order[:3]) == french_primary


def test_entity_page_ego_network_and_timeline(site):
    data = data_block(read(site, "entities/person-benoit-hamon.html"))
    neighbours = data["ego"]["neighbours"]
    ids = [nb["id"] for nb in neighbours]
    relation_partners = ids[:5]
    assert set(relation_partners) == {"person/manuel-valls", "party/socialist-party", "person/hostile",
                                      "person/yannick-jadot", "election/socialist-primary-2017"}
    assert "place/paris" not in ids  # shared events count only with candidates, parties and elections
    valls = neighbours[ids.index("person/manuel-valls")]
    assert valls["rels"][0]["text"] == "Benoît Hamon defeats Manuel Valls (58.7%)"
    assert valls["nshared"] == 2 and valls["href"] == "entities/person-manuel-valls.html"
    entries = [(e["date"], e["kind"]) for e in data["entries"]]
    assert entries[:3] == [("2017-01-22", "candidate_in"), ("2017-01-22", "page"), ("2017-01-29", "defeats")]
    assert [lane["id"] for lane in data["lanes"]["lanes"]] == ["person/benoit-hamon"]
    assert data["root"] == "../"


def test_ego_network_is_capped(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("party/big", kind="entity", label="Big", type="PARTY", roles=[], aliases=[])
    for i in range(EGO_MAX + 5):
        g.add_node(f"person/p{i:02d}", kind="entity", label=f"P {i}", type="PERSON", roles=[], aliases=[])
        g.add_edge(f"person/p{i:02d}", "party/big", key="member_of", date="2017-01-01", confidence=0.9,
                   evidence="x", document="doc/d")
    write_views(g, tmp_path)
    page = read(tmp_path, "entities/party-big.html")
    assert len(data_block(page)["ego"]["neighbours"]) == EGO_MAX
    assert f"the {EGO_MAX} closest of {EGO_MAX + 5}" in page


def test_entity_pages_are_capped_per_group_and_stale_ones_removed(tmp_path):
    graph = election_graph()
    write_views(graph, tmp_path)
    (tmp_path / "entities" / "person-gone.html").write_text("old", encoding="utf-8")
    write_views(graph, tmp_path, max_pages=2)
    names = sorted(p.name for p in (tmp_path / "entities").iterdir())
    assert len(names) == 6 and "person-gone.html" not in names
    assert "person-benoit-hamon.html" in names
    assert "the 2 most connected of 7" in read(tmp_path, "index.html")


def test_safe_url_keeps_only_web_links():
    assert safe_url("https://www.lemonde.fr/a?b=<c>") == "https://www.lemonde.fr/a?b=<c>"
    for bad in ("javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "/news/2017/01/29.md",
                "https://", "file:///etc/passwd", "http://[::1", None):
        assert safe_url(bad) == ""


def test_docs_map_keeps_names_and_drops_bad_links():
    g = election_graph()
    docs = docs_map(g, ["doc/001-c169466d", "doc/missing"])
    assert list(docs) == ["doc/001-c169466d"]
    assert docs["doc/001-c169466d"]["s"][1] == ["Evil", ""]


def test_month_dates_sit_mid_month():
    assert day_number("2017-04") - day_number("2017-04-01") == 14
    assert day_number("2017-02-30") is None and day_number("soon") is None


def test_spring_positions_are_deterministic_and_spread():
    nodes = [f"n{i}" for i in range(30)]
    links = [(f"n{i}", f"n{(i * 7) % 30}") for i in range(30)]
    first = spring_positions(nodes, links)
    assert first == spring_positions(nodes, links)
    assert len(set(first.values())) == 30
