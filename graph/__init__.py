"""Extraction records to a timeline graph: networkx, RDF, SPARQL, HTML views, and the analysts' API.

``ElectionGraph`` (``graph.api``) is the entry point for notebooks and scripts::

    from graph import ElectionGraph

    eg = ElectionGraph.build()          # the bundled sample, in memory
    eg.timeline("Benoît Hamon")         # a pandas DataFrame in date order
"""

from __future__ import annotations

from graph.api import ElectionGraph

__all__ = ["ElectionGraph"]
