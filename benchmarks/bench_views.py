"""Benchmark the HTML views: page sizes and time until the network is drawn and stable in headless Chromium.

For builds of 100, 1,000 and all documents of ``../shared/corpus`` (when present), reuse a build directory
holding ``graph.json`` or make one (``run_build`` takes minutes for thousands of documents), write the views
from that graph, and open them from disk in Debian's chromium with the network blocked::

    .venv/bin/python benchmarks/bench_views.py                       # 100, 1000, all
    .venv/bin/python benchmarks/bench_views.py --sizes 1000 --build 1000=/tmp/eg_big --runs 5

Not a test: it prints a table and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from graph.export.json import read_json
from graph.export.views import write_views

__all__ = ["Measure", "corpus_files", "ensure_build", "measure", "main"]

log = logging.getLogger("bench_views")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CHROMIUM = "/usr/bin/chromium"
VIEWS = Path("/tmp/eg_bench_views")
DEFAULT_BUILDS = {"100": Path("/tmp/eg_bench_100"), "1000": Path("/tmp/eg_big"), "all": Path("/tmp/eg_full")}
_SUFFIXES = (".txt", ".md", ".jsonl")


@dataclass
class Measure:
    size: str
    documents: int
    nodes: int
    edges: int
    write_s: float
    network_kb: int
    timeline_kb: int
    index_kb: int
    entity_pages: int
    entities_kb: int
    stable_s: float          # median wall time from navigation to window.electiongraphStabilized
    stable_page_s: float     # the same, measured inside the page (performance.now at settle)
    timeline_s: float
    index_s: float


def corpus_files(corpus: Path, size: str) -> list[Path]:
    """``size`` documents spread evenly over the sorted corpus (every folder), or all of them."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in _SUFFIXES
                   and not p.name.startswith(("README", ".")))
    if size == "all":
        return files
    n = int(size)
    step = len(files) / n
    return [files[int(i * step)] for i in range(min(n, len(files)))]


def ensure_build(size: str, out: Path, corpus: Path) -> Path:
    """``out/graph.json``, built once from the corpus when it is not there yet."""
    graph_json = out / "graph.json"
    if graph_json.is_file():
        log.info("reusing %s", graph_json)
        return graph_json
    from graph.job import run_build
    files = corpus_files(corpus, size)
    log.info("building %s documents into %s (minutes for thousands)", len(files), out)
    run_build(files, out, formats=("json",), quiet=True)
    return graph_json


def _open(browser, path: Path) -> tuple[float, float]:
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.electiongraphStabilized === true", timeout=120_000)
    wall = time.perf_counter() - start
    inside = page.evaluate("() => (window.electiongraphStabilizedAt || performance.now()) / 1000")
    page.close()
    return wall, inside


def _kb(path: Path) -> int:
    return round(path.stat().st_size / 1024)


def measure(size: str, graph_json: Path, runs: int, views: Path) -> Measure:
    """Write the views of one build into ``views`` and time them in chromium (medians of ``runs`` loads)."""
    graph = read_json(graph_json)
    start = time.perf_counter()
    write_views(graph, views)
    write_s = time.perf_counter() - start
    entity_files = sorted((views / "entities").glob("*.html"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        network = [_open(browser, views / "network.html") for _ in range(runs)]
        timeline = [_open(browser, views / "timeline.html")[0] for _ in range(runs)]
        index = [_open(browser, views / "index.html")[0] for _ in range(runs)]
        browser.close()
    documents = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "document")
    return Measure(size, documents, graph.number_of_nodes(), graph.number_of_edges(), round(write_s, 2),
                   _kb(views / "network.html"), _kb(views / "timeline.html"), _kb(views / "index.html"),
                   len(entity_files), round(sum(p.stat().st_size for p in entity_files) / 1024),
                   round(statistics.median(w for w, _ in network), 2),
                   round(statistics.median(i for _, i in network), 2),
                   round(statistics.median(timeline), 2), round(statistics.median(index), 2))


def _table(rows: list[Measure]) -> str:
    head = ("size", "docs", "nodes", "edges", "write s", "network KB", "timeline KB", "index KB",
            "entity pages", "entities KB", "network stable s", "(in page)", "timeline s", "index s")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for m in rows:
        values = (m.size, m.documents, m.nodes, m.edges, m.write_s, m.network_kb, m.timeline_kb, m.index_kb,
                  m.entity_pages, m.entities_kb, m.stable_s, m.stable_page_s, m.timeline_s, m.index_s)
        lines.append(" | ".join(str(v) for v in values))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sizes", default="100,1000,all", help="comma-separated: a number or 'all'")
    parser.add_argument("--build", action="append", default=[], metavar="SIZE=DIR",
                        help="build directory to reuse or create for a size")
    parser.add_argument("--runs", type=int, default=3, help="page loads per view (the median is shown)")
    parser.add_argument("--views", type=Path, default=VIEWS, help="where the measured pages are written")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    builds = DEFAULT_BUILDS | {k: Path(v) for k, v in (b.split("=", 1) for b in args.build)}
    sizes = args.sizes.split(",")
    reusable = all((builds.get(s, Path("-")) / "graph.json").is_file() for s in sizes)
    if not args.corpus.is_dir() and not reusable:
        log.info("no corpus at %s and no builds to reuse: nothing to measure", args.corpus)
        return 0
    rows = [measure(size, ensure_build(size, builds.get(size, Path(f"/tmp/eg_bench_{size}")), args.corpus),
                    args.runs, args.views / size) for size in sizes]
    log.info("\n%s", _table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
