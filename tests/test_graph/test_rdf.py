"""The RDF export: round trip, determinism, hostile text, typed dates, n-ary relations, SPARQL, vocabulary."""

from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib import namespace as rdfns
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from graph.export.rdf import _RELATIONS, date_literal, to_rdf, url_term, write_turtle
from graph.ids import DEFAULT_BASE, iri
from graph.schema import RELATION_EDGES
from graph.vocab import EG, EG_NS, SCHEMA, SEM, bind_prefixes, load_ontology, ontology_path

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE.parents[1] / "graph" / "data" / "ontology.ttl"

EVIL = "Evil> <http://x> \"quote'"
EVIL_ID = "person/Evil> <http://x>"
HAMON = "person/benoit-hamon"
VALLS = "person/manuel-valls"
MACRON = "person/emmanuel-macron"
PS = "party/socialist-party"
ELECTION = "election/french-presidential-election-2017"
PRIMARY = "election/socialist-party-primary-2017"
PARIS = "place/paris"
BLOOMBERG = "media/bloomberg"
ORG = "org/ifop"
DOC_EN = "doc/000-c169466d-1a2b3c4d"
DOC_FR = "doc/001-9eba1a5f-aaaa0000"
EVENT = "event/2017-01-29/in-the-second-round-run-off-to-select-the-socialist-party-s"
EVENT_M = "event/2017-03/macron-leads-the-polls"
SUB = "event/2017-01-29/hamon-wins"
CONTEXT = "context/french-presidential-election-2017"
ENDORSEMENT = "Manuel Valls says he backs Benoît Hamon, the Socialist candidate."
SEM_TERMS = {SEM.Event, SEM.Actor, SEM.Place, SEM.hasActor, SEM.hasPlace, SEM.hasTimeStamp}


def add_entity(g, node_id, label, type_, roles=(), aliases=()):
    g.add_node(node_id, kind="entity", label=label, type=type_, roles=list(roles), aliases=list(aliases))


def relation(g, u, v, key, **attrs):
    defaults = {"date": None, "value": None, "unit": None, "confidence": 0.8, "evidence": None,
                "document": DOC_EN}
    g.add_edge(u, v, key=key, **{**defaults, **attrs})


def small_graph():
    """A graph that uses every node kind, every edge kind and every branch of the mapping."""
    g = nx.MultiDiGraph()
    add_entity(g, HAMON, "Benoît Hamon", "PERSON", ["candidate"], ["Hamon", "Benoit Hamon"])
    add_entity(g, VALLS, "Manuel Valls", "PERSON", ["candidate"], ["Valls"])
    add_entity(g, MACRON, "Emmanuel Macron", "PERSON")
    add_entity(g, PS, "Socialist Party", "PARTY", aliases=["PS"])
    add_entity(g, ELECTION, "French presidential election 2017", "ELECTION")
    add_entity(g, PRIMARY, "Socialist Party primary 2017", "ELECTION")
    add_entity(g, PARIS, "Paris", "PLACE")
    add_entity(g, BLOOMBERG, "Bloomberg", "MEDIA")
    add_entity(g, ORG, "Ifop", "ORG")
    add_entity(g, "person/evil-http-x-quote", EVIL, "PERSON", aliases=[EVIL + " alias"])
    add_entity(g, EVIL_ID, EVIL, "PERSON")
    g.add_node(DOC_EN, kind="document", label="Hamon wins the primary", date="2017-01-29", lang="en",
               doc_kind="event_page", source_path="000_c169466d024e5ff9.txt",
               sources=[{"name": "Bloomberg", "url": "https://www.bloomberg.com/news/a?b=1"},
                        {"name": "Broken", "url": 'https://example.org/a b"><script>'},
                        {"name": "Cover Image", "url": None}])
    g.add_node(DOC_FR, kind="document", label="Le direct de la primaire", date="2017-01", lang="fr",
               doc_kind="article", source_path="001.txt", sources=[])
    g.add_node(EVENT, kind="event", label="In the second round run-off, Hamon wins", date="2017-01-29",
               event_kind="page", documents=[DOC_EN])
    g.add_node(EVENT_M, kind="event", label="Macron leads the polls", date="2017-03", event_kind="related",
               documents=[DOC_EN])
    g.add_node(SUB, kind="event", label="Hamon l'emporte", date="2017-01-29", event_kind="sub_event",
               documents=[DOC_FR])
    g.add_node(CONTEXT, kind="context", label="French presidential election 2017")
    g.add_edge(DOC_EN, EVENT, key="reports")
    g.add_edge(DOC_FR, SUB, key="reports")
    g.add_edge(EVENT, EVENT_M, key="related_to")
    g.add_edge(SUB, EVENT, key="part_of")
    g.add_edge(DOC_EN, HAMON, key="mentions", count=3)
    g.add_edge(DOC_EN, EVIL_ID, key="mentions", count=1)
    g.add_edge(EVENT, HAMON, key="involves")
    g.add_edge(EVENT, PARIS, key="involves")
    g.add_edge(EVENT, PRIMARY, key="involves")
    g.add_edge(EVENT, CONTEXT, key="has_topic")
    g.add_edge(EVENT_M, CONTEXT, key="has_context")
    g.add_edge(DOC_EN, BLOOMBERG, key="cites", url="https://www.bloomberg.com/news/a?b=1")
    relation(g, VALLS, HAMON, "endorses", date="2017-01-30", evidence=ENDORSEMENT, confidence=0.9)
    relation(g, HAMON, PS, "member_of", evidence="Benoît Hamon (PS)")
    relation(g, HAMON, ELECTION, "candidate_in", date="2017-01", evidence="Hamon est candidat.",
             document=DOC_FR)
    relation(g, HAMON, VALLS, "defeats", value=58.69, unit="percent", date="2017-01-29")
    relation(g, HAMON, PRIMARY, "vote_share", value=36.03, unit="percent", date="2017-01-22")
    relation(g, PS, MACRON, "withdraws", evidence="The Socialist Party withdraws in favour of Macron.")
    relation(g, VALLS, ELECTION, "withdraws", date="2017", evidence="Valls leaves the race.")
    return g


def labels(rdf, subject):
    return {str(o) for o in rdf.objects(subject, RDFS.label)}


def eg_terms(rdf):
    return {t for triple in rdf for t in triple if isinstance(t, URIRef) and str(t).startswith(EG_NS)}


def test_turtle_round_trip(tmp_path):
    rdf = to_rdf(small_graph())
    path = write_turtle(small_graph(), tmp_path / "graph.ttl")
    parsed = Graph().parse(path, format="turtle")
    assert len(rdf) > 100
    assert isomorphic(rdf, parsed)
    assert not any(type(t).__name__ == "BNode" for triple in parsed for t in triple)


def test_turtle_is_deterministic(tmp_path):
    first = write_turtle(small_graph(), tmp_path / "a" / "graph.ttl").read_bytes()
    second = write_turtle(small_graph(), tmp_path / "b" / "graph.ttl").read_bytes()
    assert first == second


def test_output_does_not_depend_on_insertion_order(tmp_path):
    g = small_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(keys=True, data=True))))
    first = write_turtle(g, tmp_path / "a.ttl").read_bytes()
    assert write_turtle(shuffled, tmp_path / "b.ttl").read_bytes() == first


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    write_turtle(small_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("@prefix")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_hostile_label_and_id_survive_intact(tmp_path):
    parsed = Graph().parse(write_turtle(small_graph(), tmp_path / "graph.ttl"), format="turtle")
    clean = iri("person/evil-http-x-quote")
    hostile = iri(EVIL_ID)
    assert str(hostile) == DEFAULT_BASE + "person/evil-http/x"
    assert labels(parsed, clean) == {EVIL}
    assert labels(parsed, hostile) == {EVIL}
    assert {str(o) for o in parsed.objects(hostile, DCTERMS.identifier)} == {EVIL_ID}
    assert Literal(EVIL + " alias") in set(parsed.objects(clean, SKOS.altLabel))
    assert (iri(DOC_EN), SCHEMA.mentions, hostile) in parsed
    for triple in parsed:
        for term in triple:
            if isinstance(term, URIRef):
                assert not set(' <>"{}|\\^`') & set(str(term)), term


@pytest.mark.parametrize("hostile", [EVIL, EVIL_ID, "", "//", "\x00", "person/ ", "../../etc/passwd", "é/ü"])
def test_iri_is_always_made_of_slugs(hostile):
    if not [part for part in hostile.split("/") if part.strip()]:
        with pytest.raises(ValueError):
            iri(hostile)
        return
    minted = str(iri(hostile))
    assert minted.startswith(DEFAULT_BASE)
    assert all(c.isalnum() and c.isascii() or c in "-/" for c in minted[len(DEFAULT_BASE):])
    assert ".." not in minted


def test_iri_rejects_a_bad_base():
    with pytest.raises(ValueError):
        iri(HAMON, base="https://example.org/ id/")
    with pytest.raises(ValueError):
        to_rdf(small_graph(), base="https://example.org/id")
    assert str(iri(HAMON, base="http://example.org/kg#")) == "http://example.org/kg#person/benoit-hamon"


def test_dates_are_typed_with_their_precision():
    rdf = to_rdf(small_graph())
    assert rdf.value(iri(EVENT), SEM.hasTimeStamp) == Literal("2017-01-29", datatype=rdfns.XSD.date)
    assert rdf.value(iri(EVENT_M), SCHEMA.startDate) == Literal("2017-03", datatype=rdfns.XSD.gYearMonth)
    assert rdf.value(iri(DOC_FR), DCTERMS.date).datatype == rdfns.XSD.gYearMonth
    assert date_literal("2017").datatype == rdfns.XSD.gYear
    for bad in ("2017-13", "2017-02-30", "29/01/2017", "", None, 2017):
        assert date_literal(bad) is None


def test_invalid_values_are_skipped_and_logged_once(caplog):
    g = small_graph()
    g.nodes[EVENT]["date"] = "next Sunday"
    relation(g, MACRON, ELECTION, "vote_share", value=float("nan"), unit="percent")
    with caplog.at_level(logging.WARNING, logger="graph.export.rdf"):
        rdf = to_rdf(g)
    assert rdf.value(iri(EVENT), SEM.hasTimeStamp) is None
    assert not list(rdf.triples((None, EG.value, Literal("NaN", datatype=rdfns.XSD.decimal))))
    assert len(caplog.records) == 1
    assert "invalid date x1" in caplog.text and "non-numeric value x1" in caplog.text


def find_relations(rdf, cls):
    return list(rdf.subjects(RDF.type, cls))


def test_endorsement_is_an_nary_node():
    rdf = to_rdf(small_graph())
    (node,) = find_relations(rdf, EG.Endorsement)
    assert str(node).startswith(DEFAULT_BASE + "relation/endorses/")
    assert (node, RDF.type, EG.Relation) in rdf
    assert rdf.value(node, EG.endorser) == iri(VALLS)
    assert rdf.value(node, EG.endorsed) == iri(HAMON)
    assert rdf.value(node, DCTERMS.date) == Literal("2017-01-30", datatype=rdfns.XSD.date)
    assert rdf.value(node, EG.evidence) == Literal(ENDORSEMENT, lang="en")
    assert rdf.value(node, EG.confidence) == Literal("0.9", datatype=rdfns.XSD.decimal)
    assert rdf.value(node, PROV.wasDerivedFrom) == iri(DOC_EN)


def test_every_relation_kind_is_mapped():
    assert set(_RELATIONS) == set(RELATION_EDGES)
    rdf = to_rdf(small_graph())
    (result,) = find_relations(rdf, EG.Result)
    assert rdf.value(result, EG.value) == Literal("36.03", datatype=rdfns.XSD.decimal)
    assert str(rdf.value(result, EG.unit)) == "percent"
    assert rdf.value(result, EG.contender) == iri(HAMON)
    (candidacy,) = find_relations(rdf, EG.Candidacy)
    assert rdf.value(candidacy, EG.evidence) == Literal("Hamon est candidat.", lang="fr")
    assert rdf.value(candidacy, DCTERMS.date).datatype == rdfns.XSD.gYearMonth
    withdrawals = find_relations(rdf, EG.Withdrawal)
    assert {rdf.value(w, EG.beneficiary) for w in withdrawals} == {iri(MACRON), None}
    assert {rdf.value(w, EG.election) for w in withdrawals} == {iri(ELECTION), None}
    assert len(find_relations(rdf, EG.Relation)) == 7


def test_relation_iris_are_stable_and_distinct():
    first = set(find_relations(to_rdf(small_graph()), EG.Relation))
    g = small_graph()
    g.edges[VALLS, HAMON, "endorses"]["evidence"] = "Another sentence."
    second = set(find_relations(to_rdf(g), EG.Relation))
    assert len(first & second) == 6


def test_nodes_and_edges_map_to_public_vocabularies():
    rdf = to_rdf(small_graph())
    assert {SCHEMA.Person, SEM.Actor} <= set(rdf.objects(iri(HAMON), RDF.type))
    assert {EG.Party, SCHEMA.Organization} <= set(rdf.objects(iri(PS), RDF.type))
    assert (iri(BLOOMBERG), RDF.type, SCHEMA.NewsMediaOrganization) in rdf
    assert (iri(DOC_EN), RDF.type, SCHEMA.NewsArticle) in rdf
    assert (iri(DOC_EN), SCHEMA.about, iri(EVENT)) in rdf
    assert (iri(DOC_EN), DCTERMS.source, iri(BLOOMBERG)) in rdf
    assert (iri(EVENT), SEM.hasActor, iri(HAMON)) in rdf
    assert (iri(EVENT), SEM.hasPlace, iri(PARIS)) in rdf
    assert (iri(EVENT), EG.involves, iri(PRIMARY)) in rdf
    assert (iri(EVENT), EG.context, iri(CONTEXT)) in rdf
    assert (iri(SUB), DCTERMS.isPartOf, iri(EVENT)) in rdf
    assert (iri(EVENT), DCTERMS.relation, iri(EVENT_M)) in rdf
    assert rdf.value(iri(SUB), SCHEMA.name) == Literal("Hamon l'emporte", lang="fr")
    assert str(rdf.value(iri(HAMON), EG.role)) == "candidate"
    assert Literal("Hamon") in set(rdf.objects(iri(HAMON), SKOS.altLabel))


def test_source_urls_are_iris_only_when_safe():
    rdf = to_rdf(small_graph())
    citations = set(rdf.objects(iri(DOC_EN), SCHEMA.citation))
    assert URIRef("https://www.bloomberg.com/news/a?b=1") in citations
    assert Literal('https://example.org/a b"><script>', datatype=rdfns.XSD.anyURI) in citations
    for url in ("javascript:alert(1)", "http://[::1", "http://x:99999/", "file:///etc/passwd"):
        assert isinstance(url_term(url), Literal), url


def test_sparql_finds_the_endorsement():
    rdf = to_rdf(small_graph())
    query = """
        SELECT ?endorser ?date ?evidence ?doc WHERE {
            ?e a <https://w3id.org/electiongraph/ontology#Endorsement> ;
               <https://w3id.org/electiongraph/ontology#endorser> ?endorser ;
               <https://w3id.org/electiongraph/ontology#endorsed> ?endorsed ;
               <http://purl.org/dc/terms/date> ?date ;
               <https://w3id.org/electiongraph/ontology#evidence> ?evidence ;
               <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc .
        }"""
    rows = list(rdf.query(query, initBindings={"endorsed": iri(HAMON)}))
    assert [(r.endorser, str(r.date), str(r.evidence), r.doc) for r in rows] == [
        (iri(VALLS), "2017-01-30", ENDORSEMENT, iri(DOC_EN))]
    assert not list(rdf.query(query, initBindings={"endorsed": iri(VALLS)}))


def test_every_eg_term_is_declared_in_the_ontology_and_vice_versa():
    assert ontology_path().resolve() == ONTOLOGY.resolve()
    ontology = load_ontology()
    declared = {s for cls in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
                for s in ontology.subjects(RDF.type, cls)}
    assert declared == eg_terms(ontology) - {URIRef(EG_NS)}
    assert eg_terms(to_rdf(small_graph())) == declared
    assert {EG[name] for name in EG.__annotations__} == declared


def test_ontology_terms_have_english_and_french_labels_and_comments():
    ontology = load_ontology()
    for term in eg_terms(ontology):
        for predicate in (RDFS.label, RDFS.comment):
            langs = {o.language for o in ontology.objects(term, predicate)}
            assert {"en", "fr"} <= langs, (term, predicate)


def test_reused_terms_exist_in_their_vocabularies():
    rdf = to_rdf(small_graph())
    used = {t for triple in rdf for t in triple if isinstance(t, URIRef)}
    schema_terms = {rdfns.SDO[name] for name in rdfns.SDO.__annotations__}
    assert {t for t in used if t.startswith(str(SCHEMA))} <= schema_terms
    assert {t for t in used if t.startswith(str(SEM))} <= SEM_TERMS


def test_misspelt_eg_term_raises():
    with pytest.raises(AttributeError):
        EG.endorsment  # noqa: B018


def test_bind_prefixes():
    g = bind_prefixes(Graph(bind_namespaces="none"), DEFAULT_BASE)
    prefixes = {p: str(ns) for p, ns in g.namespaces()}
    assert prefixes["eg"] == EG_NS
    assert prefixes["schema"] == "https://schema.org/"
    assert prefixes["sem"] == "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert prefixes["id"] == DEFAULT_BASE
    assert {"prov", "dcterms", "xsd", "rdfs"} <= set(prefixes)


def test_to_rdf_needs_a_multigraph():
    with pytest.raises(TypeError):
        to_rdf(nx.DiGraph())


def test_ids_that_slug_to_one_iri_are_reported(caplog):
    g = nx.MultiDiGraph()
    add_entity(g, HAMON, "Benoît Hamon", "PERSON")
    add_entity(g, "person/Benoît Hamon", "Benoît Hamon", "PERSON")
    with caplog.at_level(logging.WARNING, logger="graph.export.rdf"):
        rdf = to_rdf(g)
    assert "id collision" in caplog.text
    assert len(set(rdf.subjects(RDF.type, SCHEMA.Person))) == 1


def test_docstring_examples():
    import doctest

    import graph.export.rdf
    import graph.ids
    import graph.vocab

    for module in (graph.ids, graph.vocab, graph.export.rdf):
        assert doctest.testmod(module).failed == 0, module.__name__
