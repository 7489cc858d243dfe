"""End to end: every view opened from disk in Debian's chromium, with the network cut off.

Each test saves screenshots of what it opened in its temporary folder (`tmp_path`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
import pytest
from playwright.sync_api import sync_playwright
from test_html import (HOSTILE_EVENT, HOSTILE_HEADLINE, HOSTILE_LABEL, HREF_TITLE, election_graph,
                       expected_network)

from graph.export.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
VISIBLE = "() => [nodes.get({filter: n => !n.hidden}).length, edges.get({filter: e => !e.hidden}).length]"


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


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_html(election_graph(), out, title="Election <2017>")
    return out


@contextmanager
def opened(browser, path: Path, fragment: str = "") -> Iterator[tuple[object, Browsed]]:
    """Open ``path`` from disk with every non-file request aborted; wait until the view is drawn."""
    seen = Browsed()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.route("**/*", seen.route)
        page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: seen.errors.append(str(exc)))
        page.on("dialog", seen.dialog)
        page.goto(path.as_uri() + fragment)
        # a function, not an expression: the page's CSP forbids eval, which a string expression needs
        page.wait_for_function("() => window.electiongraphStabilized === true", timeout=60_000)
        yield page, seen
    finally:
        context.close()


def node_point(page, node_id: str) -> dict:
    return page.evaluate(
        """(id) => {
            const dom = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""", node_id)


def hover(page, node_id: str) -> dict:
    """Move the mouse onto a node and return what its vis tooltip shows."""
    point = node_point(page, node_id)
    page.mouse.move(point["x"] + 40, point["y"] + 40)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.textContent.length > 0; }", timeout=5000)
    return page.evaluate(
        """() => { const t = document.querySelector('div.vis-tooltip');
                   const tags = t.querySelectorAll('*').length - t.querySelectorAll('br').length;
                   return {text: t.innerText, elements: tags}; }""")


def click_node(page, node_id: str) -> dict:
    """Click a node (after centring it, clear of the details panel) and return the details panel."""
    page.evaluate("(id) => network.moveTo({position: network.getPositions([id])[id], scale: 1.2})", node_id)
    point = node_point(page, node_id)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector("#eg-details:not([hidden])", timeout=5000)
    return panel(page)


def panel(page) -> dict:
    return page.evaluate(
        """() => { const p = document.getElementById('eg-details');
                   return {text: p.innerText, title: p.querySelector('h2').textContent,
                           unsafe: p.querySelectorAll('img, script, iframe, b').length,
                           links: Array.from(p.querySelectorAll('a')).map(a => a.getAttribute('href'))}; }""")


def test_network_works_offline_and_shows_text_as_text(browser, site, tmp_path):
    expected_nodes, expected_edges = expected_network(election_graph())
    with opened(browser, site / "network.html") as (page, seen):
        counts = page.evaluate("() => [nodes.length, edges.length, typeof network.getPositions]")
        heading = page.inner_text(".eg-brand")
        page.screenshot(path=str(tmp_path / "network.png"), full_page=True)
        node_tip = hover(page, "person/hostile")
        page.screenshot(path=str(tmp_path / "network-tooltip.png"), full_page=True)
        images = page.evaluate("() => document.querySelectorAll('img').length")
    assert counts == [len(expected_nodes), expected_edges, "function"]
    assert heading == "Election <2017>"
    assert node_tip["text"].startswith(HOSTILE_LABEL) and node_tip["elements"] == 0
    assert images == 0
    seen.assert_clean()
    assert (tmp_path / "network.png").stat().st_size > 10_000


def test_clicking_a_node_shows_its_tooltip_text_and_source_links(browser, site, tmp_path):
    with opened(browser, site / "network.html") as (page, seen):
        title = page.evaluate(f"() => nodes.get('{HOSTILE_EVENT}').title")
        details = click_node(page, HOSTILE_EVENT)
        page.screenshot(path=str(tmp_path / "network-details.png"))
        page.click("#eg-details .eg-close")
        hidden = page.is_hidden("#eg-details")
        person = click_node(page, "person/benoit-hamon")
        page.screenshot(path=str(tmp_path / "network-person.png"))
    assert details["title"] == HOSTILE_HEADLINE == title.splitlines()[0]
    assert title.splitlines()[1] in details["text"]  # "event · page · 2017-01-29"
    assert HREF_TITLE in details["text"] and details["unsafe"] == 0
    web = [link for link in details["links"] if not link.startswith("entities/")]
    assert web == ["https://www.lemonde.fr/a?x=1&y=<2>"]  # the javascript: source stays text
    assert "Evil" in details["text"]
    assert hidden
    assert person["title"] == "Benoît Hamon" and "Benoît Hamon defeats Manuel Valls (58.7%)" in person["text"]
    assert "<script>alert(3)</script>" in person["text"] and person["unsafe"] == 0
    assert "../" not in "".join(person["links"]) and "entities/person-benoit-hamon.html" in person["links"]
    seen.assert_clean()


def test_filters_change_what_is_visible(browser, site, tmp_path):
    graph = election_graph()
    expected_nodes, expected_edges = expected_network(graph)
    n_events = sum(1 for n in expected_nodes if n.startswith("event/"))
    n_endorses = sum(1 for *_, k in graph.edges(keys=True) if k == "endorses")
    with opened(browser, site / "network.html") as (page, seen):
        start = page.evaluate(VISIBLE)
        page.uncheck('input[data-type="event"]')
        no_events = page.evaluate(VISIBLE)
        status = page.inner_text("#eg-visible")
        page.screenshot(path=str(tmp_path / "network-no-events.png"))
        page.check('input[data-type="event"]')
        page.uncheck('input[data-rel="endorses"]')
        no_endorses = page.evaluate(VISIBLE)
        page.click("#eg-reset")
        page.fill("#eg-from", "2017-04-01")
        page.dispatch_event("#eg-from", "change")
        april = page.evaluate(
            "() => nodes.get({filter: n => !n.hidden && n.etype === 'event'}).map(n => n.id)")
        page.screenshot(path=str(tmp_path / "network-april.png"))
        page.click("#eg-reset")
        reset = page.evaluate(VISIBLE)
    assert start == [len(expected_nodes), expected_edges]
    assert no_events[0] == len(expected_nodes) - n_events and no_events[1] < expected_edges
    assert status.startswith(f"{no_events[0]} of {len(expected_nodes)} nodes")
    assert no_endorses == [len(expected_nodes), expected_edges - n_endorses]
    assert sorted(april) == ["event/2017-04-23/first-round", "event/2017-04/campaign"]
    assert reset == start
    seen.assert_clean()


def test_capped_network_settles_and_says_so(browser, tmp_path):
    graph = nx.MultiDiGraph()
    for i in range(150):
        graph.add_node(f"event/2017-01-01/e{i:03d}", kind="event", label=f"event {i}", event_kind="page")
        for j in ((i * 7) % 150, i // 10):
            graph.add_edge(f"event/2017-01-01/e{i:03d}", f"event/2017-01-01/e{j:03d}", key="related_to")
    write_html(graph, tmp_path, max_nodes=120)
    with opened(browser, tmp_path / "network.html") as (page, seen):
        shown = page.evaluate("() => nodes.length")
        count_text = page.inner_text("#eg-count")
        bar_hidden = not page.is_visible("#loadingBar")
        page.screenshot(path=str(tmp_path / "capped.png"), full_page=True)
    assert shown == 120
    assert count_text.startswith("Showing the most connected part: 120 of 150 linked entities and events")
    assert bar_hidden
    seen.assert_clean()


def test_timeline_lanes_marks_and_clicks(browser, site, tmp_path):
    with opened(browser, site / "timeline.html") as (page, seen):
        lanes = page.evaluate("() => document.querySelectorAll('.eg-lane').length")
        hostile_dots = page.locator(f'circle[data-id="{HOSTILE_EVENT}"]')
        dots = hostile_dots.count()
        hostile_dots.first.click()
        details = panel(page)
        selected = page.evaluate("() => document.querySelectorAll('circle.eg-sel').length")
        page.screenshot(path=str(tmp_path / "timeline-event.png"), full_page=True)
        page.locator('rect.eg-relmark[data-rel="defeats"]').first.click()
        relation = panel(page)
        before = page.evaluate("() => document.querySelectorAll('circle.eg-ev').length")
        page.fill("#eg-from", "2017-04-01")
        page.dispatch_event("#eg-from", "change")
        after = page.evaluate("() => document.querySelectorAll('circle.eg-ev').length")
        page.screenshot(path=str(tmp_path / "timeline-april.png"), full_page=True)
    assert lanes == 10
    assert dots == 4 == selected  # Hamon, Valls, the hostile person and the Socialist Party
    assert details["title"] == HOSTILE_HEADLINE and HREF_TITLE in details["text"] and details["unsafe"] == 0
    assert details["links"][-1] == "https://www.lemonde.fr/a?x=1&y=<2>"
    assert relation["title"] == "Benoît Hamon defeats Manuel Valls (58.7%)"
    assert "<script>alert(3)</script>" in relation["text"] and relation["unsafe"] == 0
    assert 0 < after < before
    seen.assert_clean()


def test_entity_page_ego_network_and_timeline(browser, site, tmp_path):
    with opened(browser, site / "entities" / "person-benoit-hamon.html") as (page, seen):
        neighbours = page.evaluate("() => document.querySelectorAll('.eg-ego-node').length")
        page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
        page.click('.eg-ego-node[data-id="person/manuel-valls"]')
        valls = panel(page)
        page.click('.eg-ego-node[data-id="person/hostile"]')
        hostile = panel(page)
        page.screenshot(path=str(tmp_path / "entity-hostile.png"), full_page=True)
        page.click("#eg-entries tr[data-i='1']")
        entry = panel(page)
        page.click(".eg-nav a[href='../timeline.html']")
        page.wait_for_function("() => window.electiongraphStabilized === true")
        landed = page.url
    assert neighbours == 5  # Valls, the Socialist Party, the primary, Jadot and the hostile endorser
    assert valls["title"] == "Manuel Valls" and "Benoît Hamon defeats Manuel Valls (58.7%)" in valls["text"]
    assert "../entities/person-manuel-valls.html" in valls["links"]
    assert hostile["title"] == HOSTILE_LABEL and hostile["unsafe"] == 0
    assert entry["title"] == "Hamon and Valls reach the primary run-off"
    assert landed.endswith("/timeline.html")
    seen.assert_clean()


def test_index_search_finds_an_entity_and_opens_its_view(browser, site, tmp_path):
    with opened(browser, site / "index.html") as (page, seen):
        page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
        page.fill("#eg-search", "benoit")
        found = page.evaluate(
            "() => Array.from(document.querySelectorAll('#eg-results a')).map(a => a.textContent)")
        page.fill("#eg-search", "<img")
        hostile = page.evaluate("() => [document.querySelector('#eg-results a').textContent,"
                                " document.querySelectorAll('#eg-results img').length]")
        page.fill("#eg-search", "paris")
        paris = page.evaluate("() => document.querySelector('#eg-results a').getAttribute('href')")
        page.fill("#eg-search", "HAMON")
        page.screenshot(path=str(tmp_path / "index-search.png"), full_page=True)
        page.press("#eg-search", "Enter")
        page.wait_for_url("**/entities/person-benoit-hamon.html")
        page.wait_for_function("() => window.electiongraphStabilized === true")
        heading = page.inner_text("h1")
    assert found == ["Benoît Hamon"]
    assert hostile == [HOSTILE_LABEL, 0]
    assert paris == "network.html#place/paris"
    assert heading == "Benoît Hamon"
    seen.assert_clean()


def test_network_opens_on_the_node_named_in_the_address(browser, site):
    with opened(browser, site / "network.html", "#place/paris") as (page, seen):
        selected = page.evaluate("() => network.getSelectedNodes()")
        title = page.inner_text("#eg-details h2")
    assert selected == ["place/paris"] and title == "Paris"
    seen.assert_clean()


@pytest.mark.model
def test_real_build_with_injection_documents_opens_clean(browser, tmp_path, seed_dir, fixtures_dir):
    from graph.job import run_build

    out = tmp_path / "build"
    result = run_build([seed_dir, fixtures_dir / "hostile"], out, quiet=True)
    pages = [out / "index.html", out / "network.html", out / "timeline.html",
             *sorted((out / "entities").iterdir())]
    hostile_event = next(n for n, d in result.graph.nodes(data=True) if "onerror" in str(d.get("label", ""))
                         and d.get("kind") == "event")
    for path in pages:
        with opened(browser, path) as (page, seen):
            if path.name == "network.html":
                labels = page.evaluate("() => nodes.get().map(n => n.name).join(' ')")
                click_node(page, hostile_event)
                page.wait_for_timeout(300)  # an onerror handler would fire by now
            if path.name == "timeline.html":
                for dot in page.locator("circle.eg-ev").all():
                    dot.dispatch_event("click")  # some dots sit under others; open each one's details
            page.screenshot(path=str(tmp_path / f"{path.stem}.png"), full_page=True)
        seen.assert_clean()  # no dialog from any of the payloads, no request, no console error
    assert "Emmanuel Macron" in labels
