"""RDF formats: round trips, determinism, a named graph per document, hostile text, the export registry."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from test_rdf import DOC_EN, DOC_FR, EVENT, EVENT_M, EVIL, EVIL_ID, HAMON, SUB, VALLS, small_graph

from graph.export import DEFAULT_FORMATS, EXPORTERS, export
from graph.export.rdf import to_dataset, to_rdf, to_statements, write_rdf
from graph.ids import iri
from graph.rdfio import RDF_FORMATS, find_rdf_file, parse_dataset, read_default_graph, serialize
from graph.rdfterms import decimal_lexical, nt_literal
from graph.vocab import EG, SCHEMA

ALL_RDF = tuple(RDF_FORMATS)


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    """Non-empty graphs of a dataset by name, the default graph under "default"."""
    out = {}
    for graph in dataset.graphs():
        if len(graph):
            name = str(graph.identifier)
            out["default" if name.startswith("urn:x-rdflib:default") else name] = graph
    return out


def same_dataset(a: Dataset, b: Dataset) -> bool:
    ga, gb = named_graphs(a), named_graphs(b)
    return set(ga) == set(gb) and all(isomorphic(ga[name], gb[name]) for name in ga)


@pytest.mark.parametrize("fmt", ALL_RDF)
def test_every_format_round_trips_with_rdflib(tmp_path, fmt):
    spec = RDF_FORMATS[fmt]
    path = write_rdf(small_graph(), tmp_path / spec.filename, fmt)
    if spec.dataset:
        assert same_dataset(parse_dataset(path), to_dataset(small_graph()))
    else:
        assert isomorphic(Graph().parse(path, format=spec.rdflib_name), to_rdf(small_graph()))


@pytest.mark.parametrize("fmt", ALL_RDF)
def test_every_format_round_trips_with_pyoxigraph(tmp_path, fmt):
    spec = RDF_FORMATS[fmt]
    path = write_rdf(small_graph(), tmp_path / spec.filename, fmt)
    statements = to_statements(small_graph())
    expected = set(statements.ox_quads()) if spec.dataset else {
        ox.Quad(t.subject, t.predicate, t.object) for t in statements.ox_triples()}
    assert set(ox.parse(path=str(path), format=spec.ox_format)) == expected


@pytest.mark.parametrize("fmt", ALL_RDF)
def test_every_format_is_byte_identical_across_runs_and_insertion_orders(tmp_path, fmt):
    g = small_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    first = write_rdf(g, tmp_path / "a" / "out", fmt).read_bytes()
    assert write_rdf(small_graph(), tmp_path / "b" / "out", fmt).read_bytes() == first
    assert write_rdf(shuffled, tmp_path / "c" / "out", fmt).read_bytes() == first


def test_output_is_identical_in_a_fresh_interpreter(tmp_path):
    """Hash randomisation differs between processes; no output may depend on it."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from test_rdf import small_graph; "
            "from graph.export.rdf import to_statements; from graph.rdfio import serialize, RDF_FORMATS; "
            "st = to_statements(small_graph()); "
            "sys.stdout.buffer.write(b''.join(serialize(st, f) for f in RDF_FORMATS))")
    here = str(__import__("pathlib").Path(__file__).parent)
    runs = [subprocess.run([sys.executable, "-c", code, here], capture_output=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] == b"".join(serialize(to_statements(small_graph()), f) for f in RDF_FORMATS)


@pytest.mark.parametrize("fmt", ALL_RDF)
def test_hostile_entity_survives_every_format(tmp_path, fmt):
    spec = RDF_FORMATS[fmt]
    path = write_rdf(small_graph(), tmp_path / spec.filename, fmt)
    dataset = parse_dataset(path)
    graph = named_graphs(dataset)["default"]
    hostile = iri(EVIL_ID)
    assert {str(o) for o in graph.objects(hostile, RDFS.label)} == {EVIL}
    assert {str(o) for o in graph.objects(hostile, DCTERMS.identifier)} == {EVIL_ID}
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef):
                assert not set(' <>"{}|\\^`') & set(str(term)), term


def test_each_document_has_its_named_graph():
    statements = to_statements(small_graph())
    assert [name for name, _ in statements.graphs] == [str(iri(DOC_EN)), str(iri(DOC_FR))]
    graphs = named_graphs(to_dataset(small_graph()))
    en, fr, default = graphs[str(iri(DOC_EN))], graphs[str(iri(DOC_FR))], graphs["default"]
    assert (iri(DOC_EN), RDF.type, SCHEMA.NewsArticle) in en
    assert (iri(DOC_EN), SCHEMA.about, iri(EVENT)) in en and (iri(EVENT), RDFS.label, None) in en
    assert (iri(DOC_EN), SCHEMA.mentions, iri(EVENT_M)) in en  # a related link: mentioned, not reported
    assert (iri(DOC_EN), SCHEMA.mentions, iri(HAMON)) in en
    (endorsement,) = en.subjects(RDF.type, EG.Endorsement)
    assert (endorsement, EG.endorser, iri(VALLS)) in en
    assert (endorsement, PROV.wasDerivedFrom, iri(DOC_EN)) in en
    assert not list(fr.subjects(RDF.type, EG.Endorsement))
    assert (iri(SUB), RDFS.label, None) in fr and (iri(SUB), RDFS.label, None) not in en
    assert (iri(HAMON), RDFS.label, None) not in en  # entities are described once, in the default graph
    for graph in (en, fr):
        assert all(triple in default for triple in graph)  # the default graph holds every statement


def test_named_graphs_answer_who_said_what():
    store = ox.Store()
    store.extend(to_statements(small_graph()).ox_quads())
    query = """SELECT ?doc ?who WHERE { GRAPH ?doc { ?e a eg:Endorsement ; eg:endorser ?who } }"""
    who = {ox.Variable("who"): ox.NamedNode(str(iri(VALLS)))}
    rows = list(store.query(query, prefixes={"eg": str(EG)}, substitutions=who))
    assert [r["doc"].value for r in rows] == [str(iri(DOC_EN))]


def test_jsonld_has_a_context_and_compact_iris(tmp_path):
    text = write_rdf(small_graph(), tmp_path / "graph.jsonld", "jsonld").read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["@context"]["eg"] == str(EG) and doc["@context"]["id"].endswith("/id/")
    ids = [node["@id"] for node in doc["@graph"]]
    assert "id:person/benoit-hamon" in ids and "id:" + DOC_EN in ids
    named = [node for node in doc["@graph"] if "@graph" in node]
    assert {node["@id"] for node in named} == {"id:" + DOC_EN, "id:" + DOC_FR}


def test_turtle_and_trig_declare_prefixes_in_a_fixed_order(tmp_path):
    for fmt in ("turtle", "trig"):
        head = serialize(to_statements(small_graph()), fmt).decode("utf-8").split("\n\n")[0].splitlines()
        assert [line.split()[1] for line in head][:3] == ["eg:", "schema:", "sem:"]
        assert head[-1].startswith("@prefix id: ")


def test_decimals_are_canonical_and_literals_escaped():
    values = (31.0, 58.65, "7.50", 1e21, -0.0)
    assert [decimal_lexical(v) for v in values] == ["31", "58.65", "7.5", "1" + "0" * 21, "0"]
    assert nt_literal('a"b\\c\nd\x00', lang="fr") == '"a\\"b\\\\c\\nd\\u0000"@fr'
    rdf = to_rdf(small_graph())
    values = {str(v) for v in rdf.objects(None, EG.value)}
    assert values == {"36.03", "58.69"}
    assert Literal("36.03", datatype=XSD.decimal) in set(rdf.objects(None, EG.value))


def test_two_relations_from_one_sentence_are_two_nodes():
    g = nx.MultiDiGraph()
    g.add_node(HAMON, kind="entity", label="Benoît Hamon", type="PERSON")
    g.add_node("election/e", kind="entity", label="E", type="ELECTION")
    for n, (value, unit) in enumerate(((30.0, "percent"), (12, "seats"))):
        g.add_edge(HAMON, "election/e", key="vote_share" + (f"#{n}" if n else ""), value=value, unit=unit,
                   evidence="Hamon wins 30 % and 12 seats.", document="doc/d", confidence=0.6)
    results = list(to_rdf(g).subjects(RDF.type, EG.Result))
    assert len(results) == 2


def test_registry_offers_every_rdf_format_and_keeps_the_defaults(tmp_path):
    assert {"turtle", "ntriples", "nquads", "trig", "jsonld", "json", "html"} <= set(EXPORTERS)
    assert DEFAULT_FORMATS == ("turtle", "json", "html")
    outputs = export(small_graph(), tmp_path, ("ntriples", "nquads", "trig", "jsonld"),
                     base="https://example.org/kg/", title="t", max_nodes=10)
    assert {p.name for p in outputs.values()} == {"graph.nt", "graph.nq", "graph.trig", "graph.jsonld"}
    assert "https://example.org/kg/person/benoit-hamon" in outputs["ntriples"].read_text(encoding="utf-8")
    assert find_rdf_file(tmp_path) == tmp_path / "graph.nq"
    assert find_rdf_file(tmp_path, datasets_first=False) == tmp_path / "graph.nt"


def test_read_default_graph_matches_rdflib(tmp_path):
    path = write_rdf(small_graph(), tmp_path / "graph.trig", "trig")
    assert isomorphic(read_default_graph(path), to_rdf(small_graph()))


@pytest.mark.model
def test_seed_build_round_trips_in_every_format(seed_build, tmp_path):
    graph = seed_build[1].graph
    outputs = export(graph, tmp_path, ALL_RDF, base="https://w3id.org/electiongraph/id/", title="t",
                     max_nodes=10)
    reference = to_dataset(graph)
    for fmt, path in outputs.items():
        if RDF_FORMATS[fmt].dataset:
            assert same_dataset(parse_dataset(path), reference), fmt
        else:
            assert isomorphic(parse_dataset(path).default_graph, named_graphs(reference)["default"]), fmt
    assert (seed_build[0] / "graph.ttl").read_bytes() == outputs["turtle"].read_bytes()


def test_docstring_examples_of_the_rdf_modules():
    import doctest

    import graph.export.rdf
    import graph.jsonld
    import graph.queries
    import graph.rdfio
    import graph.rdfterms
    import graph.sparql
    import graph.validate
    import graph.vocab
    import graph.workers

    modules = (graph.export.rdf, graph.jsonld, graph.queries, graph.rdfio, graph.rdfterms, graph.sparql,
               graph.validate, graph.vocab, graph.workers)
    for module in modules:
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_the_rdf_modules_never_load_spacy():
    code = ("import sys, graph.cli_rdf, graph.sparql, graph.serve, graph.validate, graph.lookup, graph.store, "
            "graph.workers, graph.jsonld, graph.rdfio, graph.export.rdf_formats; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
