"""Registry entries for the RDF formats besides Turtle: `--formats ntriples,nquads,trig,jsonld`.

Each entry writes `graph.<ext>` into the output directory (see `graph.rdfio.RDF_FORMATS` for the names); the
heavy modules are imported only when an entry runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from graph.rdfio import RDF_FORMATS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["RDF_EXPORTERS"]


def _exporter(fmt: str) -> Callable[..., Path]:
    """The registry entry that writes format `fmt` to `out_dir/graph.<ext>`."""
    filename = RDF_FORMATS[fmt].filename

    def export(graph: nx.MultiDiGraph, out_dir: Path, *, base: str, **_: object) -> Path:
        from graph.export.rdf import write_rdf
        return write_rdf(graph, Path(out_dir) / filename, fmt, base=base)

    export.__name__ = export.__qualname__ = f"export_{fmt}"
    export.__doc__ = f"Write the graph as {fmt} to `out_dir/{filename}`."
    return export


RDF_EXPORTERS: dict[str, Callable[..., Path]] = {
    fmt: _exporter(fmt) for fmt in RDF_FORMATS if fmt != "turtle"  # "turtle" has its own entry
}
