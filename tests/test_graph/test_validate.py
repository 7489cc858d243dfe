"""SHACL: the export conforms to the shipped shapes; broken graphs do not; the `validate` verb."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from test_rdf import DOC_EN, EVENT, HAMON, VALLS, small_graph

from graph.cli import main
from graph.export.rdf import to_rdf, write_rdf
from graph.ids import iri
from graph.validate import load_shapes, validate_graph, validate_target
from graph.vocab import EG, SCHEMA, SEM, shapes_path


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


def endorsement(rdf):
    (node,) = rdf.subjects(RDF.type, EG.Endorsement)
    return node


def test_shapes_ship_with_the_package():
    assert shapes_path().is_file() and shapes_path().parent.name == "data"


def test_export_of_the_small_graph_conforms(shapes):
    report = validate_graph(to_rdf(small_graph()), shapes=shapes)
    assert report.conforms, report.summary()
    assert report.violations == ()


def broken_graphs():
    """(what is broken, a function breaking a fresh export, the constraint that must catch it)."""
    def no_endorser(rdf):
        rdf.remove((endorsement(rdf), EG.endorser, None))

    def two_endorsed(rdf):
        rdf.add((endorsement(rdf), EG.endorsed, iri(HAMON)))
        rdf.add((endorsement(rdf), EG.endorsed, iri(VALLS)))

    def untyped_date(rdf):
        rdf.set((iri(EVENT), SEM.hasTimeStamp, Literal("29/01/2017")))
        rdf.set((iri(EVENT), SCHEMA.startDate, Literal("29/01/2017")))

    def no_source(rdf):
        rdf.remove((endorsement(rdf), PROV.wasDerivedFrom, None))

    def blank_node(rdf):
        node = BNode()
        rdf.add((node, RDF.type, SCHEMA.Person))
        rdf.add((node, RDFS.label, Literal("Anonymous")))
        rdf.add((node, SCHEMA.name, Literal("Anonymous")))
        rdf.add((node, DCTERMS.identifier, Literal("person/anonymous")))

    def bad_unit(rdf):
        (result,) = rdf.subjects(RDF.type, EG.Result)
        rdf.set((result, EG.unit, Literal("furlongs")))

    def confidence_above_one(rdf):
        rdf.set((endorsement(rdf), EG.confidence, Literal("1.5", datatype=XSD.decimal)))

    def endorser_is_a_place(rdf):
        rdf.set((endorsement(rdf), EG.endorser, iri("place/paris")))

    def second_label(rdf):
        rdf.add((iri(HAMON), RDFS.label, Literal("Hamon bis")))

    def withdrawal_with_both(rdf):
        for withdrawal in rdf.subjects(RDF.type, EG.Withdrawal):
            rdf.add((withdrawal, EG.beneficiary, iri(HAMON)))
            rdf.add((withdrawal, EG.election, iri("election/french-presidential-election-2017")))

    return [("no endorser", no_endorser, "MinCount"), ("two endorsed", two_endorsed, "MaxCount"),
            ("untyped date", untyped_date, "Or"), ("no source document", no_source, "MinCount"),
            ("blank node", blank_node, "NodeKind"), ("unknown unit", bad_unit, "In"),
            ("confidence 1.5", confidence_above_one, "MaxInclusive"),
            ("endorser is a place", endorser_is_a_place, "Node"),
            ("two labels", second_label, "MaxCount"), ("withdrawal with both", withdrawal_with_both, "Xone")]


@pytest.mark.parametrize("what, breaker, component", broken_graphs(), ids=[b[0] for b in broken_graphs()])
def test_a_broken_graph_fails(shapes, what, breaker, component):
    rdf = to_rdf(small_graph())
    breaker(rdf)
    report = validate_graph(rdf, shapes=shapes)
    assert not report.conforms, what
    assert component in {v.component for v in report.violations}, report.summary()
    assert "does NOT conform" in report.summary()


def test_validate_target_reads_a_build_directory_or_a_file(tmp_path, shapes):
    write_rdf(small_graph(), tmp_path / "graph.nq", "nquads")
    report = validate_target(tmp_path, shapes=shapes)
    assert report.conforms and report.source.endswith("graph.nq") and report.triples > 100


def test_validate_verb_exit_codes(tmp_path, capsys):
    good = write_rdf(small_graph(), tmp_path / "good" / "graph.ttl", "turtle")
    assert main(["validate", str(good.parent)]) == 0
    assert "conforms" in capsys.readouterr().out
    rdf = to_rdf(small_graph())
    rdf.remove((endorsement(rdf), EG.endorser, None))
    bad = tmp_path / "bad.ttl"
    rdf.serialize(bad, format="turtle")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "does NOT conform" in out and "endorser" in out
    assert main(["validate", str(tmp_path / "missing")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_validate_reports_a_file_that_does_not_parse(tmp_path, capsys):
    broken = tmp_path / "graph.ttl"
    broken.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    assert "graph.ttl" in capsys.readouterr().err


@pytest.mark.model
def test_the_seed_build_conforms(seed_build, shapes):
    report = validate_target(seed_build[0], shapes=shapes)
    assert report.conforms, report.summary()
    assert report.source.endswith("graph.ttl") and report.triples > 500


def test_shapes_cover_every_relation_class(shapes):
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    relations = {EG.Endorsement, EG.Membership, EG.Candidacy, EG.Defeat, EG.Result, EG.Withdrawal, EG.Relation}
    assert relations <= targets
    assert {SCHEMA.NewsArticle, SEM.Event, SCHEMA.Person, EG.Party, EG.Election, EG.Context} <= targets
    assert DOC_EN  # the documents of the small graph are what the relation shapes point to
