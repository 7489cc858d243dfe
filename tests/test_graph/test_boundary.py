"""Arrows point one way: the graph package and the extract records never load spaCy."""

from __future__ import annotations

import subprocess
import sys


def test_importing_graph_never_loads_spacy():
    code = ("import sys, graph.build, graph.timeline, graph.export.rdf, graph.export.html, graph.export.json, "
            "graph.cli, graph.job, extract, extract.records, extract.readers; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
