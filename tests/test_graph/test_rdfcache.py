"""The Turtle block cache: the same bytes as a plain serialisation, whatever the cache holds."""

from __future__ import annotations

import logging
import sqlite3

import networkx as nx
from test_rdf import HAMON, ORG, small_graph

import graph.rdfcache as rdfcache
from graph.export.rdf import to_statements, write_turtle
from graph.rdfcache import TURTLE_CACHE_NAME, subjects
from graph.rdfio import serialize


def turtle(graph: nx.MultiDiGraph, **options) -> bytes:
    return serialize(to_statements(graph, named=False, **options), "turtle")


def cached(graph: nx.MultiDiGraph, cache, **options) -> bytes:
    return serialize(to_statements(graph, named=False, **options), "turtle", cache=cache)


def blocks(cache) -> int:
    with sqlite3.connect(cache) as db:
        return db.execute("SELECT COUNT(*) FROM block").fetchone()[0]


def test_cold_and_warm_cache_give_the_plain_bytes(tmp_path):
    cache = tmp_path / TURTLE_CACHE_NAME
    g = small_graph()
    assert cached(g, cache) == turtle(g)  # every block serialised, then stored
    assert blocks(cache) == len(list(subjects(to_statements(g, named=False).triples)))
    assert cached(g, cache) == turtle(g)  # every block from the cache


def test_a_changed_graph_reuses_the_unchanged_blocks_and_drops_the_stale_ones(tmp_path, caplog):
    cache = tmp_path / TURTLE_CACHE_NAME
    g = small_graph()
    cached(g, cache)
    g.nodes[HAMON]["label"] = "Benoît Hamon (PS)"  # one subject changes
    g.remove_node(ORG)                             # one subject goes
    g.add_node("context/new", kind="context", label="New\n\ttab")  # one comes, with a newline and a tab
    with caplog.at_level(logging.INFO, logger="graph.rdfcache"):
        assert cached(g, cache) == turtle(g)
    n = len(list(subjects(to_statements(g, named=False).triples)))
    assert f"{n - 2} of {n} subjects from the cache" in caplog.text
    assert blocks(cache) == n


def test_another_base_empties_the_cache(tmp_path):
    cache = tmp_path / TURTLE_CACHE_NAME
    g = small_graph()
    cached(g, cache)
    other = "https://example.org/id/"
    assert cached(g, cache, base=other) == turtle(g, base=other)
    assert cached(g, cache) == turtle(g)


def test_an_empty_graph(tmp_path):
    assert cached(nx.MultiDiGraph(), tmp_path / TURTLE_CACHE_NAME) == turtle(nx.MultiDiGraph())


def test_an_unreadable_cache_only_warns(tmp_path, caplog):
    cache = tmp_path / TURTLE_CACHE_NAME
    cache.write_bytes(b"not a database" * 100)
    with caplog.at_level(logging.WARNING, logger="graph.rdfcache"):
        assert cached(small_graph(), cache) == turtle(small_graph())
    assert "unusable" in caplog.text


def test_text_that_does_not_cut_into_blocks_is_not_cached(tmp_path, monkeypatch):
    cache = tmp_path / TURTLE_CACHE_NAME
    monkeypatch.setattr(rdfcache, "_BLOCK_START", rdfcache.re.compile(rb"^(?!@)", rdfcache.re.MULTILINE))
    assert cached(small_graph(), cache) == turtle(small_graph())  # every line a block: counts differ
    assert blocks(cache) == 0


def test_write_turtle_with_a_cache_dir(tmp_path):
    plain = write_turtle(small_graph(), tmp_path / "a.ttl").read_bytes()
    for _ in range(2):
        assert write_turtle(small_graph(), tmp_path / "b.ttl", cache_dir=tmp_path / "cache").read_bytes() == plain
    assert (tmp_path / "cache" / TURTLE_CACHE_NAME).is_file()
