"""Exporters behind a name registry: `EXPORTERS["turtle"](graph, out_dir, ...)` writes one output.

Each exporter module holds one format; the registry lets the command line select them with `--formats`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from graph.export.rdf_formats import RDF_EXPORTERS

__all__ = ["EXPORTERS", "DEFAULT_FORMATS", "export"]


def _turtle(graph: nx.MultiDiGraph, out_dir: Path, *, base: str, **_: object) -> Path:
    from graph.export.rdf import write_turtle
    return write_turtle(graph, out_dir / "graph.ttl", base=base)


def _json(graph: nx.MultiDiGraph, out_dir: Path, **_: object) -> Path:
    from graph.export.json import write_json
    return write_json(graph, out_dir / "graph.json")


def _html(graph: nx.MultiDiGraph, out_dir: Path, *, title: str, max_nodes: int, **_: object) -> Path:
    """All the views: index.html (landing page), network.html, timeline.html, entities/*.html."""
    from graph.export.views import write_views
    return write_views(graph, out_dir, title=title, max_nodes=max_nodes)


EXPORTERS: dict[str, Callable[..., Path]] = {"turtle": _turtle, "json": _json, "html": _html, **RDF_EXPORTERS}
DEFAULT_FORMATS = ("turtle", "json", "html")


def export(graph: nx.MultiDiGraph, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
           **options: object) -> dict[str, Path]:
    """Write each requested format into `out_dir`; returns format → path.

    Raises:
        ValueError: for a format name that is not registered.
    """
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown format(s) {unknown}; choose from {sorted(EXPORTERS)}")
    return {name: EXPORTERS[name](graph, out_dir, **options) for name in formats}
