"""The SPARQL endpoint over HTTP, queried with a real client (SPARQLWrapper) on 127.0.0.1 and a free port."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed
from test_rdf import DOC_EN, EVIL, HAMON, small_graph

from extract.errors import ElectionGraphError
from graph.export.rdf import write_rdf
from graph.ids import iri
from graph.serve import ServeConfig, SparqlServer

PERSONS = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
UPDATE = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("served")
    write_rdf(small_graph(), out / "graph.nq", "nquads")
    page = "<!doctype html><title>views</title><p>network view</p>"
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "entities").mkdir()
    (out / "entities" / "hamon.html").write_text("<p>Hamon</p>", encoding="utf-8")
    (out / ".secret").write_text("hidden", encoding="utf-8")
    (out.parent / "outside.txt").write_text("outside", encoding="utf-8")
    (out / "link.txt").symlink_to(out.parent / "outside.txt")
    return out


@pytest.fixture(scope="module")
def server(build_dir):
    config = ServeConfig(port=0, timeout=2.0, max_response_bytes=200_000, max_request_bytes=20_000, workers=2)
    with SparqlServer(build_dir, config=config) as running:
        yield running


def client(server, query, fmt=JSON, method="GET"):
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setTimeout(30)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    return sparql.query()


def fetch(server, path, *, data=None, headers=None, method=None):
    """(status, content type, body) of one request; HTTP errors are answers, not exceptions."""
    request = urllib.request.Request(server.url + path, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read()


def raw_get(server, path):
    """A GET whose path is sent exactly as given (no client-side normalisation)."""
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_binds_to_localhost_by_default(server):
    assert ServeConfig().host == "127.0.0.1"
    assert server.url.startswith("http://127.0.0.1:") and server.endpoint.endswith("/sparql")


@pytest.mark.parametrize("method", ["GET", POST])
def test_select_as_json_with_sparqlwrapper(server, method):
    result = client(server, PERSONS, JSON, method).convert()
    names = [b["name"]["value"] for b in result["results"]["bindings"]]
    assert names[0] == "Benoît Hamon" and EVIL in names and len(names) == 5


def test_select_as_xml_csv_and_tsv(server):
    xml = client(server, PERSONS, XML).convert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")][0] == "Benoît Hamon"
    rows = client(server, PERSONS, CSV).convert().decode("utf-8").splitlines()
    assert rows[0] == "name" and rows[1] == "Benoît Hamon"
    tsv = client(server, PERSONS, TSV).convert().decode("utf-8").splitlines()
    assert tsv[0] == "?name" and tsv[1] == '"Benoît Hamon"'


def test_content_negotiation_without_a_format_parameter(server):
    query = urllib.parse.quote(PERSONS)
    cases = (("application/sparql-results+json", "application/sparql-results+json"), ("text/csv", "text/csv"),
             ("application/sparql-results+xml;q=0.9, text/csv;q=0.1", "application/sparql-results+xml"),
             ("*/*", "application/sparql-results+json"))
    for accept, expected in cases:
        status, ctype, _ = fetch(server, f"/sparql?query={query}", headers={"Accept": accept})
        assert status == 200 and ctype.startswith(expected), accept
    status, _, body = fetch(server, f"/sparql?query={query}", headers={"Accept": "image/png"})
    assert status == 406 and b"text/csv" in body


def test_construct_ask_and_named_graphs(server):
    construct = "CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a schema:Person ; rdfs:label ?n }"
    turtle = client(server, construct, TURTLE)
    assert "Benoît Hamon" in turtle.convert().decode("utf-8")
    ask = client(server, "ASK { ?e a eg:Endorsement }", JSON).convert()
    assert ask["boolean"] is True
    who = client(server, "SELECT ?g WHERE { GRAPH ?g { ?e a eg:Endorsement } }", JSON).convert()
    assert [b["g"]["value"] for b in who["results"]["bindings"]] == [str(iri(DOC_EN))]
    dataset = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                      "default-graph-uri": str(iri(DOC_EN))})
    status, _, body = fetch(server, f"/sparql?{dataset}", headers={"Accept": "text/csv"})
    assert status == 200 and 0 < int(body.split()[1]) < 150


def test_post_bodies(server):
    status, _, body = fetch(server, "/sparql", data=PERSONS.encode("utf-8"),
                            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and body.decode("utf-8").splitlines()[1] == "Benoît Hamon"
    big = b"x" * 30_000
    status, _, _ = fetch(server, "/sparql", data=big, headers={"Content-Type": "application/sparql-query"})
    assert status == 413
    status, _, _ = fetch(server, "/sparql", data=b"{}", headers={"Content-Type": "application/json"})
    assert status == 415


def test_updates_are_refused(server):
    form = urllib.parse.urlencode({"update": UPDATE}).encode("ascii")
    as_form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert fetch(server, "/sparql", data=form, headers=as_form)[0] == 403
    as_update = {"Content-Type": "application/sparql-update"}
    assert fetch(server, "/sparql", data=UPDATE.encode(), headers=as_update)[0] == 403
    assert fetch(server, "/sparql?update=" + urllib.parse.quote(UPDATE))[0] == 403
    assert fetch(server, "/sparql", data=b"x", method="PUT")[0] == 403
    status, _, body = fetch(server, "/sparql?query=" + urllib.parse.quote(UPDATE))
    assert status == 400 and b"read-only" in body
    with pytest.raises(Exception, match="403"):
        client(server, UPDATE, JSON, POST)  # SPARQLWrapper sends it as an update
    count = client(server, "SELECT (COUNT(*) AS ?n) WHERE { <http://example.org/a> ?p ?o }", JSON).convert()
    assert count["results"]["bindings"][0]["n"]["value"] == "0"


def test_syntax_errors_are_400_with_the_position(server):
    with pytest.raises(QueryBadFormed, match="line 1, column"):
        client(server, "SELECT ?x WHERE { ?x ?p }", JSON)
    status, _, body = fetch(server, "/sparql")
    assert status == 400 and b"exactly one SPARQL query" in body


def test_time_limit_stops_a_query_and_the_endpoint_recovers(server):
    started = time.monotonic()
    status, _, body = fetch(server, "/sparql?query=" + urllib.parse.quote(SLOW))
    assert status == 503 and b"time limit" in body
    assert time.monotonic() - started < 15
    for _ in range(20):  # bounded: the killed worker is replaced in the background
        names = client(server, PERSONS, JSON).convert()["results"]["bindings"]
        if len(names) == 5:
            break
    assert len(names) == 5


def test_response_size_limit(server):
    everything = urllib.parse.quote("SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
    status, _, body = fetch(server, "/sparql?query=" + everything)
    assert status == 413 and b"LIMIT" in body
    assert client(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 3", JSON).convert()["results"]["bindings"]


def test_html_views_and_files_are_served(server):
    status, ctype, body = fetch(server, "/")
    assert status == 200 and ctype.startswith("text/html") and b"network view" in body
    assert fetch(server, "/entities/hamon.html")[2] == b"<p>Hamon</p>"
    status, ctype, _ = fetch(server, "/graph.nq")
    assert status == 200


@pytest.mark.parametrize("path", ["/../outside.txt", "/%2e%2e/outside.txt", "/entities/../../outside.txt",
                                  "/.secret", "/link.txt", "/missing.html", "//etc/passwd",
                                  "/..%2f..%2fetc%2fpasswd"])
def test_nothing_outside_the_build_directory_is_served(server, path):
    status, body = raw_get(server, path)
    assert status == 404, path
    assert b"outside" not in body and b"hidden" not in body


def test_a_store_directory_or_an_rdf_file_is_served_without_views(build_dir, tmp_path):
    with SparqlServer(build_dir / "graph.nq", config=ServeConfig(port=0, workers=1)) as only_rdf:
        assert fetch(only_rdf, "/")[2].startswith(b"<!doctype html>")
        assert fetch(only_rdf, "/graph.nq")[0] == 404
        assert len(client(only_rdf, PERSONS).convert()["results"]["bindings"]) == 5
    store = tmp_path / "store"
    with SparqlServer(build_dir, store_dir=store, config=ServeConfig(port=0, workers=1)) as persistent:
        assert len(client(persistent, PERSONS).convert()["results"]["bindings"]) == 5
    with SparqlServer(store, config=ServeConfig(port=0, workers=1)) as reused:
        assert len(client(reused, PERSONS).convert()["results"]["bindings"]) == 5


def test_a_busy_port_is_a_clear_error(server, build_dir):
    port = server.httpd.server_address[1]
    with pytest.raises(ElectionGraphError, match="cannot listen"):
        SparqlServer(build_dir, config=ServeConfig(port=port, workers=1))


def test_serve_verb_in_a_subprocess(build_dir):
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    argv = [sys.executable, "-m", "graph.cli", "serve", str(build_dir), "--port", "0", "--workers", "1"]
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = process.stdout.readline()  # "SPARQL endpoint: http://127.0.0.1:PORT/sparql ..."
        endpoint = line.split()[2]
        assert endpoint.startswith("http://127.0.0.1:")
        sparql = SPARQLWrapper(endpoint)
        sparql.setTimeout(30)
        sparql.setQuery("SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name LIMIT 1")
        sparql.setReturnFormat(JSON)
        result = sparql.query().convert()
        assert result["results"]["bindings"][0]["name"]["value"] == "Benoît Hamon"
        assert json.loads(json.dumps(result))  # plain JSON all the way
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert HAMON
