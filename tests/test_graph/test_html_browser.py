"""End to end: the HTML network view opened from disk in Debian's chromium, with the network cut off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import sync_playwright

from graph.export.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_HEADLINE = "Hamon wins </script><script>alert(1)</script> the primary"
HREF_TITLE = "Le <a href=\"javascript:alert(2)\">Monde</a> live"


def election_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    people = {"benoit-hamon": "Benoît Hamon", "manuel-valls": "Manuel Valls",
              "emmanuel-macron": "Emmanuel Macron", "francois-fillon": "François Fillon",
              "marine-le-pen": "Marine Le Pen", "hostile": HOSTILE_LABEL}
    for slug, name in people.items():
        g.add_node(f"person/{slug}", kind="entity", label=name, type="PERSON", roles=["candidate"],
                   aliases=[])
    for slug, name in {"socialist-party": "Socialist Party", "en-marche": "En Marche!",
                       "les-republicains": "Les Républicains"}.items():
        g.add_node(f"party/{slug}", kind="entity", label=name, type="PARTY", roles=[], aliases=[])
    election = "election/french-presidential-election-2017"
    g.add_node(election, kind="entity", label="French presidential election 2017", type="ELECTION",
               roles=[], aliases=[])
    g.add_node("media/le-monde", kind="entity", label="Le Monde", type="MEDIA", roles=[], aliases=[])
    g.add_node("context/french-presidential-election-2017", kind="context", label="French election 2017")
    events = {"event/2017-01-29/hamon-wins": HOSTILE_HEADLINE,
              "event/2017-01-22/first-round": "Hamon and Valls reach the primary run-off",
              "event/2017-04-23/first-round": "Macron and Le Pen go through to the second round"}
    for event_id, headline in events.items():
        g.add_node(event_id, kind="event", label=headline, date=event_id.split("/")[1], event_kind="page")
        g.add_edge(event_id, "context/french-presidential-election-2017", key="has_topic")
    g.add_edge("event/2017-01-29/hamon-wins", "event/2017-01-22/first-round", key="related_to")
    for n, (event_id, headline) in enumerate(events.items()):
        doc = f"doc/00{n}-c169466d-1a2b3c4d"
        g.add_node(doc, kind="document", label=HREF_TITLE if n == 0 else headline,
                   date=event_id.split("/")[1], lang="en", source_path=f"sample/00{n}.txt",
                   sources=[{"name": "Le Monde", "url": "https://www.lemonde.fr/"}])
        g.add_edge(doc, event_id, key="reports")
        g.add_edge(doc, "media/le-monde", key="cites", url="https://www.lemonde.fr/")
        g.add_edge(doc, "person/hostile", key="mentions", count=1)
    relations = [
        ("person/benoit-hamon", "party/socialist-party", "member_of", None),
        ("person/manuel-valls", "party/socialist-party", "member_of", None),
        ("person/francois-fillon", "party/les-republicains", "member_of", None),
        ("person/emmanuel-macron", "party/en-marche", "member_of", None),
        ("person/benoit-hamon", "person/manuel-valls", "defeats", 58.7),
        ("person/hostile", "person/benoit-hamon", "endorses", None),
        ("person/manuel-valls", "person/emmanuel-macron", "endorses", None),
        ("person/emmanuel-macron", election, "vote_share", 24.0),
        ("person/marine-le-pen", election, "vote_share", 21.3),
        ("person/francois-fillon", election, "candidate_in", None),
        ("person/benoit-hamon", election, "candidate_in", None),
    ]
    for subject, obj, key, value in relations:
        g.add_edge(subject, obj, key=key, date="2017-01-29", value=value, unit="percent" if value else None,
                   confidence=0.8, evidence=f"{subject} {key} {obj} <script>alert(3)</script>",
                   document="doc/000-c169466d-1a2b3c4d")
    return g


def hover(page, node_id: str) -> dict:
    """Move the mouse onto a node and return what its vis tooltip shows."""
    point = page.evaluate(
        """(id) => {
            const dom = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""", node_id)
    page.mouse.move(point["x"] + 40, point["y"] + 40)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.textContent.length > 0; }", timeout=5000)
    return page.evaluate(
        """() => { const t = document.querySelector('div.vis-tooltip');
                   const tags = t.querySelectorAll('*').length - t.querySelectorAll('br').length;
                   return {text: t.innerText, elements: tags}; }""")


class Browsed:
    """What a page did while open: console errors, requests that left file://, dialogs."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.external: list[str] = []
        self.dialogs: list[str] = []

    def route(self, request_route) -> None:
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:
            self.external.append(request_route.request.url)
            request_route.abort()

    def dialog(self, d) -> None:
        self.dialogs.append(d.message)
        d.dismiss()

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.external == []
        assert self.dialogs == []


@contextmanager
def opened(path: Path) -> Iterator[tuple[object, Browsed]]:
    """Open ``path`` from disk in chromium with every non-file request aborted; wait until it settles."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (apt-get install chromium)")
    seen = Browsed()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", seen.route)
            page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
            page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
            page.on("dialog", seen.dialog)
            page.goto(path.as_uri())
            # a function, not an expression: the page's CSP forbids eval, which a string expression needs
            page.wait_for_function("() => window.electiongraphStabilized === true", timeout=60_000)
            yield page, seen
        finally:
            browser.close()


def test_page_works_offline_and_shows_text_as_text(tmp_path):
    graph = election_graph()
    path = write_html(graph, tmp_path / "site", title="Election <2017>")
    with opened(path) as (page, seen):
        counts = page.evaluate("() => [nodes.length, edges.length, typeof network.getPositions]")
        images = page.evaluate("() => document.querySelectorAll('img').length")
        heading = page.inner_text("#eg-header h1")
        legend = page.is_visible("#eg-legend-nodes") and page.is_visible("#eg-legend-edges")
        page.screenshot(path=str(tmp_path / "graph.png"), full_page=True)
        node_tip = hover(page, "person/hostile")
        doc_tip = hover(page, "doc/000-c169466d-1a2b3c4d")
        page.screenshot(path=str(tmp_path / "tooltip.png"), full_page=True)

    assert counts == [graph.number_of_nodes(), graph.number_of_edges(), "function"]
    assert images == 0
    assert heading == "Election <2017>"
    assert legend
    assert node_tip["text"].startswith(HOSTILE_LABEL) and node_tip["elements"] == 0
    assert HREF_TITLE in doc_tip["text"] and doc_tip["elements"] == 0
    seen.assert_clean()
    assert (tmp_path / "graph.png").stat().st_size > 10_000


def test_capped_page_settles_and_says_so(tmp_path):
    graph = nx.MultiDiGraph()
    for i in range(150):
        graph.add_node(f"event/2017-01-01/e{i:03d}", kind="event", label=f"event {i}", event_kind="page")
        for j in ((i * 7) % 150, i // 10):
            graph.add_edge(f"event/2017-01-01/e{i:03d}", f"event/2017-01-01/e{j:03d}", key="related_to")
    path = write_html(graph, tmp_path, max_nodes=120)
    with opened(path) as (page, seen):
        shown = page.evaluate("() => nodes.length")
        count_text = page.inner_text("#eg-count")
        bar_hidden = not page.is_visible("#loadingBar")
        page.screenshot(path=str(tmp_path / "capped.png"), full_page=True)
    assert shown == 120
    assert count_text.startswith("showing 120 of 150 nodes")
    assert bar_hidden
    seen.assert_clean()


@pytest.mark.model
def test_real_build_with_injection_documents_opens_clean(tmp_path, seed_dir, fixtures_dir):
    from graph.job import run_build

    out = tmp_path / "build"
    result = run_build([seed_dir, fixtures_dir / "hostile"], out, quiet=True)
    with opened(out / "index.html") as (page, seen):
        counts = page.evaluate("() => [nodes.length, edges.length]")
        labels = page.evaluate("() => nodes.get().map(n => n.label).join(' ')")
        page.screenshot(path=str(tmp_path / "seeds.png"), full_page=True)
    assert counts == [result.graph.number_of_nodes(), result.graph.number_of_edges()]
    assert "Emmanuel Macron" in labels
    seen.assert_clean()  # no dialog from any of the six payloads, no request, no console error
