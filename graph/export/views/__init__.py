"""The HTML views of a build, offline and escaped: landing page, network, timeline and entity pages.

One module per view (``index``, ``network``, ``timeline``, ``entity``), with what they share in ``page``
(assets, data blocks, CSP, header), ``style`` (colours and shapes), ``select`` (what a capped view draws)
and ``details`` (documents, sources and relations as page data). ``write_views`` writes them all.
"""

from __future__ import annotations

from graph.export.views.site import ENTITY_DIR, MAX_LANES, MAX_PAGES, write_views
from graph.export.views.style import EDGE_STYLES, NODE_STYLES, EdgeStyle, NodeStyle

__all__ = ["write_views", "ENTITY_DIR", "MAX_PAGES", "MAX_LANES", "NODE_STYLES", "EDGE_STYLES", "NodeStyle",
           "EdgeStyle"]
