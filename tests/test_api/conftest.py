"""Fixtures of the API tests: the seed build loaded through the API, and the same seeds built in memory.

Both reuse the session fixtures of ``tests/conftest.py``, so the spaCy models are loaded once.
"""

from __future__ import annotations

import pytest

from graph import ElectionGraph


@pytest.fixture(scope="session")
def build_dir(seed_build):
    return seed_build[0]


@pytest.fixture(scope="session")
def eg(build_dir):
    """The seeds as ``electiongraph build`` wrote them (graph.json, graph.ttl), loaded through the API."""
    return ElectionGraph.load(build_dir)


@pytest.fixture(scope="session")
def eg_memory(seed_dir, extractor):
    """The seeds built in memory with the session's extractor: nothing written, RDF made on first use."""
    return ElectionGraph.build(seed_dir, extractor=extractor)


@pytest.fixture()
def agg():
    """matplotlib without a display; every figure closed afterwards."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    yield plt
    plt.close("all")
