"""SPARQL: the named queries on the seeds, pyoxigraph against rdflib, parameters as terms, errors, `query`."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
from test_rdf import DOC_EN, EVIL, EVIL_ID, HAMON, VALLS, small_graph

from extract.errors import ElectionGraphError
from graph.cli import main
from graph.export import export
from graph.export.rdf import to_statements, write_rdf
from graph.ids import DEFAULT_BASE, iri
from graph.lookup import NotFound, bind_params, find_document_iri, find_entity_iri
from graph.queries import ParameterError, named_queries, named_query, parse_param_pairs
from graph.rdfio import RDF_FORMATS, parse_dataset
from graph.sparql import SparqlSyntaxError, format_result, run_query, run_rdflib
from graph.store import STAMP_NAME, open_store
from graph.timeline import timeline

# Parameters for each named query on the seeds; every query is run with them by both engines.
SEED_PARAMS = {
    "timeline": {"entity": "Benoît Hamon"},
    "endorsements": {},
    "results": {},
    "candidates": {"election": "french socialist party presidential primary, 2017"},
    "comentions": {"entity": "manuel valls"},
    "events": {"from": "2017-02", "to": "2017-03-31"},
    "document": {"document": "000_c169466d024e5ff9"},
    "entities": {"type": "party"},
}


@pytest.fixture(scope="module")
def seed_rdf(seed_build, tmp_path_factory):
    """The seed graph in every RDF format, in a directory of its own."""
    out = tmp_path_factory.mktemp("seed_rdf")
    export(seed_build[1].graph, out, tuple(RDF_FORMATS), base=DEFAULT_BASE, title="seeds", max_nodes=10)
    return out


@pytest.fixture(scope="module")
def seed_store(seed_rdf):
    return open_store(seed_rdf)


@pytest.fixture(scope="module")
def seed_dataset(seed_rdf):
    return parse_dataset(seed_rdf / "graph.nq")


def run_named(store, name, **params):
    query = named_query(name)
    result = run_query(store, query.text, bindings=bind_params(store, query, params))
    return result.without(query.param_names)


def rows(result):
    """Rows as dicts of plain values (IRIs and literals by their value)."""
    return [{name: None if term is None else term.value for name, term in zip(result.variables, row)}
            for row in result.rows]


def small_store():
    store = ox.Store()
    store.extend(to_statements(small_graph()).ox_quads())
    return store


def test_the_library_ships_the_named_queries():
    assert set(named_queries()) == set(SEED_PARAMS)
    for query in named_queries().values():
        assert query.summary and query.text.lstrip().startswith("#")
        assert "PREFIX eg:" in query.text  # self-contained: runs in any SPARQL tool


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(SEED_PARAMS))
def test_pyoxigraph_and_rdflib_agree_on_every_named_query(seed_store, seed_dataset, name):
    query = named_query(name)
    bindings = bind_params(seed_store, query, SEED_PARAMS[name])
    ours = run_query(seed_store, query.text, bindings=bindings)
    theirs = run_rdflib(seed_dataset, query.text, bindings=bindings)
    assert ours.variables == theirs.variables
    assert ours.rows, f"{name} returned nothing on the seeds"
    assert sorted(map(repr, ours.rows)) == sorted(map(repr, theirs.rows))


@pytest.mark.model
def test_valls_endorsed_macron_on_2017_03_29(seed_store):
    found = rows(run_named(seed_store, "endorsements", entity="Valls"))
    expected = {"date": "2017-03-29", "endorser": "Manuel Valls", "endorsed": "Emmanuel Macron"}
    assert expected.items() <= found[0].items()
    assert "support" in found[0]["evidence"] and found[0]["source"].startswith("doc/")
    assert all("Valls" in (r["endorser"] + r["endorsed"]) for r in found)
    everyone = rows(run_named(seed_store, "endorsements"))
    assert len(everyone) >= len(found)
    assert [r["date"] for r in everyone] == sorted(r["date"] for r in everyone)


@pytest.mark.model
def test_hamon_58_65_percent_in_the_results(seed_store):
    found = rows(run_named(seed_store, "results"))
    assert any(r["contender"] == "Benoît Hamon" and r["value"] == "58.65" and r["unit"] == "percent"
               for r in found)
    election = "French Socialist Party presidential primary, 2017"
    primary = rows(run_named(seed_store, "results", election=election))
    assert primary and {r["electionName"] for r in primary} == {election}
    percents = [float(r["value"]) for r in primary if r["unit"] == "percent"]
    assert percents == sorted(percents, reverse=True)


@pytest.mark.model
def test_candidates_of_the_socialist_primary(seed_store):
    found = rows(run_named(seed_store, "candidates", **SEED_PARAMS["candidates"]))
    expected = {"Benoît Hamon", "Manuel Valls", "Arnaud Montebourg", "Vincent Peillon"}
    assert expected <= {r["candidate"] for r in found}


@pytest.mark.model
def test_timeline_matches_the_networkx_timeline(seed_store, seed_build):
    found = rows(run_named(seed_store, "timeline", entity="benoit hamon"))
    dates = [r["date"] for r in found if r["date"]]
    assert dates == sorted(dates) and {"2017-01-22", "2017-01-29", "2017-02-23", "2017-03-29"} <= set(dates)
    assert any(r["kind"] == "withdraws" and r["what"] == "Yannick Jadot withdraws in favour of Benoît Hamon"
               for r in found)
    expected = {(e.date, e.kind) for e in timeline(seed_build[1].graph, "Benoît Hamon")}
    assert {(r["date"], r["kind"]) for r in found} == expected


@pytest.mark.model
def test_comentions_document_events_and_entities(seed_store):
    comentioned = rows(run_named(seed_store, "comentions", entity="Manuel Valls"))
    hamon = next(r for r in comentioned if r["name"] == "Benoît Hamon")
    assert int(hamon["documents"]) >= 3 and "Manuel Valls" not in {r["name"] for r in comentioned}
    said = rows(run_named(seed_store, "document", document="000_c169466d024e5ff9"))
    assert any(r["kind"] == "endorses" and r["what"] == "Manuel Valls endorses Emmanuel Macron" for r in said)
    events = rows(run_named(seed_store, "events", **SEED_PARAMS["events"]))
    assert events and all("2017-02" <= r["date"][:7] <= "2017-03" for r in events)
    assert any(r["date"] == "2017-02-23" and "Jadot" in r["title"] for r in events)
    parties = rows(run_named(seed_store, "entities", type="party"))
    assert "Socialist Party" in {r["name"] for r in parties} and {r["kind"] for r in parties} == {"party"}


def test_events_in_a_range_compare_by_precision():
    store = small_store()
    dates = [r["date"] for r in rows(run_named(store, "events", **{"from": "2017-03-15", "to": "2017-04"}))]
    assert dates == ["2017-03"]  # a month overlaps a range that starts inside it
    until = rows(run_named(store, "events", to="2017-01-29"))
    assert [r["date"] for r in until] == ["2017-01-29", "2017-01-29"]
    assert len(rows(run_named(store, "events"))) == 3


def test_entity_parameters_accept_names_aliases_ids_and_iris():
    store = small_store()
    hamon = ox.NamedNode(str(iri(HAMON)))
    forms = ("Benoît Hamon", "benoit hamon", "BENOIT HAMON", "Hamon", HAMON, str(iri(HAMON)), f"<{iri(HAMON)}>")
    for value in forms:
        assert find_entity_iri(store, value) == hamon, value
    # of two namesakes, the one a document mentions
    assert find_entity_iri(store, EVIL) == ox.NamedNode(str(iri(EVIL_ID)))
    with pytest.raises(NotFound, match="did you mean"):
        find_entity_iri(store, "Benoit Hamonn")
    with pytest.raises(NotFound, match="no node with the IRI"):
        find_entity_iri(store, "https://example.org/nobody")
    assert find_document_iri(store, DOC_EN) == ox.NamedNode(str(iri(DOC_EN)))
    assert find_document_iri(store, "Hamon wins the primary") == ox.NamedNode(str(iri(DOC_EN)))
    assert find_document_iri(store, "000-c169466d") == ox.NamedNode(str(iri(DOC_EN)))


@pytest.mark.parametrize("value", [
    'Valls" } UNION { ?s ?p ?o } #', "x> <http://x> } ; DROP ALL ; #", "?entity", "' OR 1=1 --"])
def test_parameters_are_terms_never_query_text(value):
    store = small_store()
    query = named_query("endorsements")
    with pytest.raises(NotFound):
        bind_params(store, query, {"entity": value})
    found = rows(run_named(store, "endorsements", entity=EVIL))  # a real name with quotes: no endorsement
    assert found == []
    text = named_query("entities").text
    literal = run_query(store, text, bindings={"type": ox.Literal(value)})
    assert literal.rows == ()  # the value is compared as a string, so it matches no kind


def test_parameter_errors_are_clear():
    with pytest.raises(ParameterError, match="needs --param entity"):
        bind_params(small_store(), named_query("timeline"), {})
    with pytest.raises(ParameterError, match="has no parameter who"):
        bind_params(small_store(), named_query("timeline"), {"entity": "Hamon", "who": "x"})
    with pytest.raises(ParameterError, match="YYYY"):
        bind_params(small_store(), named_query("events"), {"from": "29/01/2017"})
    with pytest.raises(ParameterError, match="choose from"):
        named_query("nope")
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        parse_param_pairs(["entity"])
    assert parse_param_pairs(["entity=a=b"]) == {"entity": "a=b"}


def test_syntax_errors_show_the_position():
    store = small_store()
    with pytest.raises(SparqlSyntaxError) as e:
        run_query(store, "SELECT ?x\nWHERE {\n  ?x ?p\n}")
    assert "line 4, column" in str(e.value) and "^" in str(e.value)
    with pytest.raises(SparqlSyntaxError, match="undeclared prefix ex:"):
        run_query(store, "SELECT * WHERE { ?s ex:p ?o }")
    with pytest.raises(SparqlSyntaxError, match="read-only"):
        run_query(store, "INSERT DATA { <http://a> <http://b> <http://c> }")
    assert isinstance(SparqlSyntaxError("x"), ElectionGraphError)


def test_results_formats():
    store = small_store()
    result = run_query(store, "SELECT ?name ?p WHERE { ?p a schema:Person ; rdfs:label ?name } "
                              "ORDER BY ?name")
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["name", "p"] and "(5 rows)" in table
    parsed = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert parsed[0] == ["name", "p"] and parsed[1][0] == "Benoît Hamon" and len(parsed) == 6
    assert [row[0] for row in parsed[1:]].count(EVIL) == 2  # quotes and brackets survive CSV
    doc = json.loads(format_result(result, "json"))
    assert doc["head"]["vars"] == ["name", "p"]
    assert doc["results"]["bindings"][0]["p"] == {"type": "uri", "value": str(iri(HAMON))}
    reparsed = ox.parse_query_results(format_result(result, "json"), ox.QueryResultsFormat.JSON)
    assert [s["name"].value for s in reparsed] == [row[0].value for row in result.rows]
    ask = run_query(store, "ASK { ?s a eg:Endorsement }")
    assert format_result(ask, "table") == "true\n"
    assert json.loads(format_result(ask, "json"))["boolean"] is True
    graph = run_query(store, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a schema:Person ; rdfs:label ?l }")
    assert len(list(ox.parse(format_result(graph, "csv"), format=ox.RdfFormat.N_TRIPLES))) == 5


def test_query_verb(tmp_path, capsys):
    write_rdf(small_graph(), tmp_path / "graph.nq", "nquads")
    assert main(["query", str(tmp_path), "--name", "endorsements", "--param", "entity=Manuel Valls",
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "entity" not in doc["head"]["vars"]  # bound parameters are not columns
    (row,) = doc["results"]["bindings"]
    assert row["endorser"]["value"] == "Manuel Valls" and row["date"]["value"] == "2017-01-30"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a eg:Relation }"
    assert main(["query", str(tmp_path), count, "--format", "csv"]) == 0
    assert capsys.readouterr().out.split() == ["n", "7"]
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?doc WHERE { GRAPH ?doc { ?e a eg:Endorsement } }", encoding="utf-8")
    assert main(["query", str(tmp_path), str(rq), "--format", "csv"]) == 0
    assert capsys.readouterr().out.split()[1:] == [str(iri(DOC_EN))]


def test_query_verb_errors(tmp_path, capsys):
    write_rdf(small_graph(), tmp_path / "graph.ttl", "turtle")
    for argv, message in ((["--name", "timeline"], "needs --param entity"),
                          (["SELECT * WHERE { ?s ?p }"], "SPARQL syntax error at line 1"),
                          (["--name", "timeline", "--param", "entity=Nobody At All"], "no entity named"),
                          (["SELECT * {}", "--name", "entities"], "not both"),
                          ([], "give a SPARQL query")):
        assert main(["query", str(tmp_path), *argv]) == 1, argv
        assert message in capsys.readouterr().err, argv
    assert main(["query", str(tmp_path / "nothing"), "--name", "entities"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_persistent_store_is_reused_then_reloaded(tmp_path, capsys):
    source = write_rdf(small_graph(), tmp_path / "build" / "graph.nq", "nquads")
    store_dir = tmp_path / "store"
    argv = ["query", str(source.parent), "--store", str(store_dir), "--name", "entities", "--format", "csv"]
    assert main(argv) == 0
    first = capsys.readouterr().out
    stamp = json.loads((store_dir / STAMP_NAME).read_text(encoding="utf-8"))
    assert stamp["source"] == str(source.resolve())
    assert main(argv) == 0 and capsys.readouterr().out == first  # reused: the stamp is unchanged
    assert json.loads((store_dir / STAMP_NAME).read_text(encoding="utf-8")) == stamp
    g = small_graph()
    g.remove_node(VALLS)
    write_rdf(g, source, "nquads")
    assert main(argv) == 0
    assert "Manuel Valls" in first and "Manuel Valls" not in capsys.readouterr().out  # reloaded
    assert main(["query", str(store_dir), "--name", "entities", "--format", "csv"]) == 0  # a store as TARGET
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main([*argv[:3], str(tmp_path / "notes"), *argv[4:]]) == 1
    assert "not an Oxigraph store" in capsys.readouterr().err
    assert (tmp_path / "notes" / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_every_named_query_runs_on_the_small_graph():
    store = small_store()
    params = {"timeline": {"entity": "Hamon"}, "comentions": {"entity": "Hamon"},
              "document": {"document": DOC_EN}}
    dataset = parse_dataset_from(store)
    for name, query in named_queries().items():
        bindings = bind_params(store, query, params.get(name, {}))
        ours = run_query(store, query.text, bindings=bindings)
        theirs = run_rdflib(dataset, query.text, bindings=bindings)
        assert sorted(map(repr, ours.rows)) == sorted(map(repr, theirs.rows)), name


def parse_dataset_from(store):
    from rdflib import Dataset
    data = ox.serialize(store, format=ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    return dataset
