"""SPARQL through the API: typed cells, parameters bound as terms, the named queries, both kinds of store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from extract.errors import ElectionGraphError
from graph.queries import ParameterError
from graph.sparql import SparqlSyntaxError

ENDORSEMENTS = """SELECT ?endorser ?endorsed ?date ?confidence ?relation WHERE {
  ?relation a eg:Endorsement ; eg:endorser/rdfs:label ?endorser ; eg:endorsed/rdfs:label ?endorsed ;
            dcterms:date ?date ; eg:confidence ?confidence }
ORDER BY ?date ?endorser"""


def test_select_cells_are_python_values(eg):
    frame = eg.sparql(ENDORSEMENTS)
    assert list(frame.columns) == ["endorser", "endorsed", "date", "date_precision", "confidence", "relation"]
    assert str(frame.date.dtype) == "datetime64[ns]" and str(frame.confidence.dtype) == "float64"
    assert frame.relation.map(type).eq(str).all() and frame.relation.str.startswith("https://").all()
    valls = frame[frame.endorser == "Manuel Valls"].iloc[0]
    assert valls.endorsed == "Emmanuel Macron"
    assert (valls.date, valls.date_precision) == (pd.Timestamp("2017-03-29"), "day")
    # month-precision dates (the French live blog's endorsements) keep their precision
    assert "month" in set(frame.date_precision) and frame.date.notna().all()


def test_numbers_booleans_and_unbound_cells(eg):
    frame = eg.sparql("""SELECT ?n ?share ?flag ?maybe WHERE {
        { SELECT (COUNT(*) AS ?n) WHERE { ?r a eg:Result } }
        ?r a eg:Result ; eg:value ?share .
        BIND(?share > 50 AS ?flag)
        OPTIONAL { ?r eg:nothing ?maybe } } ORDER BY DESC(?share)""")
    assert dtypes_of(frame) == {"n": "int64", "share": "float64", "flag": "bool", "maybe": "object"}
    assert frame.share.iloc[0] > 50 and frame.flag.iloc[0] and not frame.flag.iloc[-1]
    assert frame.n.iloc[0] == len(frame) and frame.maybe.isna().all()
    partly = eg.sparql("SELECT ?x WHERE { VALUES ?x { 1 UNDEF 3 } }")
    assert str(partly.x.dtype) == "Int64" and partly.x.isna().tolist() == [False, True, False]


def dtypes_of(frame):
    return {name: str(dtype) for name, dtype in frame.dtypes.items()}


def test_parameters_are_bound_as_terms_never_pasted(eg):
    who = eg.iri("Manuel Valls")
    assert isinstance(who, URIRef) and who.endswith("/person/manuel-valls")
    query = "SELECT * WHERE { ?r a eg:Endorsement ; eg:endorser ?who ; eg:endorsed/rdfs:label ?name }"
    assert eg.sparql(query, who=who).name.tolist() == ["Emmanuel Macron"]  # ?who is not a column
    hostile = '" } ?s ?p ?o . FILTER("x'
    assert eg.sparql("SELECT * WHERE { ?e rdfs:label ?name }", name=hostile).empty
    assert eg.sparql("SELECT * WHERE { ?e rdfs:label ?name }", name="Benoît Hamon").e.str.endswith(
        "/person/benoit-hamon").tolist() == [True]


@pytest.mark.parametrize("value, expected", [
    (41, 42), (1.5, 2.5), (Decimal("0.5"), 1.5), (True, True), ("text", "text"),
    (dt.date(2017, 3, 29), dt.date(2017, 3, 29)), (Literal("fr", lang="fr"), "fr"),
    (ox.NamedNode("https://example.org/x"), "https://example.org/x")])
def test_python_values_bind_as_typed_literals(eg, value, expected):
    frame = eg.sparql("""SELECT ?out ?v WHERE {
        BIND(IF(isNumeric(?v), ?v + 1,
                IF(isLiteral(?v) && DATATYPE(?v) = xsd:date, STR(?v), ?v)) AS ?out) }""", v=value)
    got = frame.out.iloc[0]
    assert got == (expected.isoformat() if isinstance(expected, dt.date) else expected)


def test_ask_and_construct(eg):
    assert eg.sparql("ASK { ?e a schema:Person ; rdfs:label 'Benoît Hamon' }") is True
    assert eg.sparql("ASK { ?e rdfs:label 'Nobody at all' }") is False
    triples = eg.sparql("CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a schema:Person ; rdfs:label ?n }")
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert "Benoît Hamon" in set(triples.object)


def test_errors_name_the_problem(eg):
    with pytest.raises(SparqlSyntaxError, match="line 1"):
        eg.sparql("SELECT ?x WHERE { ?x ex:p ?y }")
    with pytest.raises(ElectionGraphError, match="SELECT"):
        eg.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", name="x")  # ?name not projected
    with pytest.raises(TypeError, match="cannot bind a list"):
        eg.sparql("SELECT * WHERE { ?s ?p ?o }", o=[1])


def test_named_queries_bind_their_parameters(eg):
    endorsements = eg.query("endorsements", entity="manuel valls")
    assert endorsements[["endorser", "endorsed"]].values.tolist() == [["Manuel Valls", "Emmanuel Macron"]]
    assert "entity" not in endorsements.columns and str(endorsements.date.dtype) == "datetime64[ns]"
    results = eg.query("results", election="French Socialist Party presidential primary, 2017")
    assert "election_name" in results.columns and "electionName" not in results.columns  # snake_case
    assert str(results.value.dtype) == "float64" and str(results.sources.dtype) == "int64"
    assert results.value.max() == pytest.approx(58.87)


def test_named_query_dates_from_keywords_or_a_mapping(eg):
    by_keyword = eg.query("events", from_="2017-02", to=dt.date(2017, 3, 31))
    by_mapping = eg.query("events", {"from": "2017-02", "to": "2017-03-31"})
    assert by_keyword.equals(by_mapping) and len(by_keyword) > 0
    assert by_keyword.date.between(pd.Timestamp("2017-02-01"), pd.Timestamp("2017-03-31")).all()
    assert set(by_keyword.title) == set(eg.events("2017-02", "2017-03-31").title)


def test_named_query_errors(eg):
    with pytest.raises(ParameterError, match="no named query"):
        eg.query("who_won")
    with pytest.raises(ParameterError, match="needs --param entity"):
        eg.query("timeline")
    with pytest.raises(ParameterError, match="did you mean"):
        eg.query("timeline", entity="Benoit Hammon")


def test_a_graph_built_in_memory_has_named_graphs(eg, eg_memory):
    who_said = """SELECT ?doc WHERE { GRAPH ?doc { ?e a eg:Endorsement ; eg:endorser ?v ; eg:endorsed ?m } }
                  ORDER BY ?doc"""
    params = {"v": eg_memory.iri("Manuel Valls"), "m": eg_memory.iri("Emmanuel Macron")}
    docs = eg_memory.sparql(who_said.replace("SELECT ?doc", "SELECT ?doc ?v ?m"), **params)
    assert len(docs) == 2 and docs.doc.str.contains("/doc/").all()
    # graph.ttl (the default build) holds the default graph only, and the same rows as the memory store
    assert eg.sparql(ENDORSEMENTS).equals(eg_memory.sparql(ENDORSEMENTS))
