"""Write every view of a build: the landing page, the network, the timeline and the entity pages.

Each file is written atomically; entity pages left by an earlier build of the same directory that this
build no longer makes are removed, so every link on the landing page leads to a current page.
"""

from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx

from graph.export.views import entity, index, network, timeline
from graph.export.views.select import select_lanes, select_network, select_pages, view_graph
from graph.io import write_atomic

__all__ = ["write_views", "ENTITY_DIR", "MAX_PAGES", "MAX_LANES"]

logger = logging.getLogger(__name__)

ENTITY_DIR = "entities"
MAX_PAGES = 50      # entity pages per group (candidates, parties, elections), the most connected
MAX_LANES = 20      # timeline lanes


def _page_paths(groups: dict) -> dict[str, str]:
    """Entity id → page path from the build's root; file names come from ids, never from text."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(groups):
        for node in groups[key].nodes:
            name = entity.page_file(node)
            while name in taken:  # ids are unique, their slugs almost surely too; stay safe anyway
                name = name[:-5] + "-x.html"
            taken.add(name)
            paths[node] = f"{ENTITY_DIR}/{name}"
    return paths


def write_views(graph: nx.MultiDiGraph, out_dir: Path, *, title: str = "electiongraph", max_nodes: int = 400,
                max_pages: int = MAX_PAGES, max_lanes: int = MAX_LANES) -> Path:
    """Write ``index.html``, ``network.html``, ``timeline.html`` and ``entities/*.html`` into ``out_dir``.

    Args:
        graph: the timeline graph (see ``graph.schema``).
        out_dir: directory to write into; created when missing.
        title: the build's title, shown escaped on every page.
        max_nodes: nodes drawn in the network; above it, the most connected part, and the page says so.
        max_pages: entity pages per group (candidates, parties, elections).
        max_lanes: candidates and parties given a timeline lane.

    Returns:
        The path of the landing page.

    Examples:
        >>> import tempfile
        >>> g = nx.MultiDiGraph()
        >>> g.add_node("person/a", kind="entity", label="A", type="PERSON", roles=["candidate"])
        >>> write_views(g, Path(tempfile.mkdtemp())).name
        'index.html'
    """
    if max_nodes < 1 or max_pages < 0 or max_lanes < 0:
        raise ValueError(f"max_nodes must be at least 1 (got {max_nodes}); "
                         f"max_pages ({max_pages}) and max_lanes ({max_lanes}) at least 0")
    out_dir = Path(out_dir)
    view = view_graph(graph)
    groups = select_pages(graph, view, max_pages)
    pages = _page_paths(groups)
    drawn = select_network(graph, view, max_nodes)
    lanes = select_lanes(graph, view, max_lanes)
    write_atomic(out_dir / network.PAGE, network.render_network(graph, view, drawn, pages, title=title))
    write_atomic(out_dir / timeline.PAGE, timeline.render_timeline(graph, lanes, pages, title=title))
    _write_entities(graph, view, pages, out_dir, title)
    path = write_atomic(out_dir / index.PAGE, index.render_index(graph, view, network=drawn, lanes=lanes,
                                                                  groups=groups, pages=pages, title=title))
    logger.info("wrote %s: network of %d/%d nodes, %d lanes, %d entity pages", out_dir, len(drawn.nodes),
                drawn.total, len(lanes.nodes), len(pages))
    return path


def _write_entities(graph: nx.MultiDiGraph, view, pages: dict[str, str], out_dir: Path, title: str) -> None:
    members = entity.key_members(graph, view)
    for node, path in sorted(pages.items()):
        write_atomic(out_dir / path, entity.render_entity(graph, view, node, pages, members, title=title))
    folder = out_dir / ENTITY_DIR
    current = {Path(p).name for p in pages.values()}
    stale = sorted(p for p in folder.glob("*.html") if p.name not in current) if folder.is_dir() else []
    for old in stale:
        old.unlink()
    if stale:
        logger.info("removed %d entity pages of an earlier build", len(stale))
