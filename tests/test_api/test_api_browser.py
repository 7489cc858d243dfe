"""The inline view in Debian's chromium: drawn inside its sandboxed iframe, offline, hostile text inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from test_api_views import hostile_graph

from graph import ElectionGraph

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
PARENT = "() => { try { return String(!!window.parent.document); } catch (e) { return e.name; } }"


def open_inline(tmp_path: Path, html: str) -> dict:
    """Open a stand-in notebook page holding ``html``; report what the view did."""
    notebook = tmp_path / "notebook.html"
    notebook.write_text(f"<!DOCTYPE html><html><body><h1>notebook</h1>{html}</body></html>", encoding="utf-8")
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make browser` (apt-get install chromium)")
    seen: dict = {"external": [], "errors": [], "dialogs": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                   else (seen["external"].append(r.request.url), r.abort()))
        page.on("pageerror", lambda e: seen["errors"].append(str(e)))
        page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
        page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
        page.goto(notebook.as_uri())
        frame = page.frames[1]
        frame.wait_for_function("window.electiongraphStabilized === true", timeout=30_000)
        seen["nodes"] = frame.evaluate("nodes.length")
        seen["parent"] = frame.evaluate(PARENT)
        seen["labels"] = frame.evaluate("nodes.get().map(n => n.name)")
        page.screenshot(path=str(tmp_path / "inline.png"))
        browser.close()
    return seen


def test_the_inline_view_draws_offline_in_its_sandbox(tmp_path, eg):
    seen = open_inline(tmp_path, eg.show("Benoît Hamon").data)
    assert seen["nodes"] > 5 and "Benoît Hamon" in seen["labels"]
    assert seen["parent"] == "SecurityError"  # an opaque origin: the notebook is out of reach
    assert seen["external"] == [] and seen["errors"] == [] and seen["dialogs"] == []


def test_hostile_text_stays_text_in_the_inline_view(tmp_path):
    seen = open_inline(tmp_path, ElectionGraph(hostile_graph()).network_html())
    assert seen["dialogs"] == [] and seen["errors"] == [] and seen["external"] == []
    assert any("<script>" in label for label in seen["labels"])  # shown as text, never run
