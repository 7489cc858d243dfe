"""The HTML export: every view of a build, offline and escaped (the pages live in ``graph.export.views``).

``write_html`` writes ``index.html`` (the landing page), ``network.html`` (pyvis), ``timeline.html`` and
``entities/<slug>.html``; pyvis is imported only by ``graph.export.views.network``.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export.views import EDGE_STYLES, NODE_STYLES, EdgeStyle, NodeStyle, write_views

__all__ = ["NodeStyle", "EdgeStyle", "NODE_STYLES", "EDGE_STYLES", "write_html"]


def write_html(graph: nx.MultiDiGraph, out_dir: Path, *, title: str = "electiongraph",
               max_nodes: int = 400) -> Path:
    """Write every view of ``graph`` into ``out_dir`` and return the landing page (``index.html``).

    See ``graph.export.views.write_views`` for the pages and their caps.

    Raises:
        ValueError: ``max_nodes`` is below 1.
    """
    return write_views(graph, Path(out_dir), title=title, max_nodes=max_nodes)
