"""The graph built from the seeds: merged events and entities, node-link JSON round trip, determinism."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph.build import build_graph
from graph.export.json import graph_to_json, json_to_graph, read_json, write_json
from graph.schema import ATTR, EdgeKind, NodeKind

pytestmark = pytest.mark.model

RUNOFF = "event/2017-01-29/in-the-second-round-run-off-to-select-the-socialist-party-s"
VALLS_CHOICE = "event/2017-03-29/former-candidate-manuel-valls-ps-announces-his-support-for-emmanuel-macron-en"


def test_page_and_related_link_to_it_are_one_event(seed_graph):
    runoff = seed_graph.nodes[RUNOFF]
    assert runoff[ATTR.EVENT_KIND] == "page"  # the page of seed 001, also a related link of seed 000
    assert len(runoff[ATTR.DOCS]) == 2
    assert seed_graph.has_edge(VALLS_CHOICE, RUNOFF, key=EdgeKind.RELATED)
    assert seed_graph.has_edge(RUNOFF, VALLS_CHOICE, key=EdgeKind.RELATED)


def test_related_event_outside_the_corpus_becomes_a_node(seed_graph):
    first_round = [n for n, d in seed_graph.nodes(data=True)
                   if d.get(ATTR.KIND) == NodeKind.EVENT and d.get(ATTR.DATE) == "2017-01-22"]
    assert len(first_round) == 1 and seed_graph.nodes[first_round[0]][ATTR.EVENT_KIND] == "related"
    contexts = {seed_graph.nodes[v][ATTR.LABEL] for _, v, k in seed_graph.out_edges(first_round[0], keys=True)
                if k == EdgeKind.HAS_CONTEXT}
    assert "French Socialist Party presidential primary" in contexts


def test_entities_merge_across_documents(seed_graph):
    hamon = seed_graph.nodes["person/benoit-hamon"]
    assert hamon[ATTR.LABEL] == "Benoît Hamon" and hamon[ATTR.TYPE] == "PERSON"
    docs = {u for u, _, k in seed_graph.in_edges("person/benoit-hamon", keys=True) if k == EdgeKind.MENTIONS}
    assert len(docs) == 4
    assert "candidate" in hamon[ATTR.ROLES]


def test_sources_become_cited_media(seed_graph):
    cites = [(u, v, d[ATTR.URL]) for u, v, k, d in seed_graph.edges(keys=True, data=True) if k == EdgeKind.CITES]
    assert ("media/bloomberg" in {v for _, v, _ in cites})
    assert not any(v == "media/cover-image" for _, v, _ in cites)


def test_two_results_of_one_pair_are_two_edges(seed_graph):
    keys = sorted(k for _, v, k in seed_graph.out_edges("person/benoit-hamon", keys=True) if v == "person/manuel-valls")
    assert keys[:2] == ["defeats", "defeats#1"]
    values = {seed_graph.edges["person/benoit-hamon", "person/manuel-valls", k].get(ATTR.VALUE) for k in keys[:2]}
    assert values == {58.65, 58.87}


def test_node_link_json_round_trip(seed_graph, tmp_path):
    path = write_json(seed_graph, tmp_path / "graph.json")
    back = read_json(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(seed_graph, back)
    assert sorted(back.edges(keys=True, data=True)) == sorted(seed_graph.edges(keys=True, data=True))


def test_same_records_any_order_give_identical_json(seed_extractions):
    records = list(seed_extractions.values())
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    assert graph_to_json(build_graph(records)) == graph_to_json(build_graph(shuffled))
    assert json_to_graph(graph_to_json(build_graph(records))).number_of_nodes() > 50
