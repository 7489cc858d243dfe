"""Hostile extraction records to RDF and back: every format parses in rdflib and pyoxigraph, every literal
comes back exactly, and the triple count and the bytes are stable. No spaCy: records are generated.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef

from extract.ids import doc_id_for, entity_id, event_id, slug
from extract.records import (DocKind, Entity, EntityType, Event, EventKind, Evidence, Extraction, Mention,
                             Predicate, Relation, Source, Unit)
from graph.build import build_graph
from graph.export.json import graph_to_json, json_to_graph
from graph.export.rdf import to_statements
from graph.ids import iri
from graph.rdfio import RDF_FORMATS, serialize
from graph.rdfterms import date_parts, decimal_lexical, nt_literal, url_term
from graph.schema import ATTR, NodeKind
from hostile import FAST, date_string, hostile_text

# rdflib's own TriG and JSON-LD parsers use its deprecated ConjunctiveGraph: nothing of ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
RDF_SETTINGS = settings(FAST, max_examples=max(10, FAST.max_examples // 3))
# Plain IRIs, not rdflib's closed namespaces: pytest probes module globals, and those warn on any probe.
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
EG_EVIDENCE = "https://w3id.org/electiongraph/ontology#evidence"
XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = ox.NamedNode(RDFS_LABEL)
ALT_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
EVIDENCE = ox.NamedNode(EG_EVIDENCE)
IDENTIFIER = ox.NamedNode("http://purl.org/dc/terms/identifier")

text = st.one_of(hostile_text,
                 st.sampled_from(['"""', "a\\", '\\"', "> <http://x> .", "'\n'", "\r\n\t", "é"]))
names = text.filter(lambda s: s.strip() != "")
urls = st.one_of(
    st.sampled_from(["https://example.org/a?b=1#c", "http://x.org/é", "https://example.org/a b\"><script>",
                     "http://[::1", "javascript:alert(1)", "http://x.org/%zz", "http://x.org:99999/", "",
                     "http://"]),
    hostile_text.map(lambda t: "https://example.org/" + t),
)
dates = st.one_of(st.none(), date_string, hostile_text)
values = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32),
                   st.integers(-10**6, 10**6).map(float))


@st.composite
def extraction(draw, index: int):
    """One document's record with hostile names, evidence, headlines, tags and URLs."""
    lang = draw(st.sampled_from(["en", "fr", None, "de", "x y", "EN", "en-GB"]))
    doc_id = doc_id_for(draw(text), f"{index:08x}" + "0" * 32)
    entities = []
    for name in draw(st.lists(names, max_size=4)):
        etype = draw(st.sampled_from(list(EntityType)))
        entities.append(Entity(entity_id(etype, name), name, etype,
                               roles=tuple(draw(st.lists(text, max_size=2))),
                               aliases=tuple(draw(st.lists(text, max_size=2))),
                               mentions=(Mention(name, 0, len(name)),) * draw(st.integers(0, 2))))
    ids = [e.id for e in entities]
    relations = []
    if ids:
        for _ in range(draw(st.integers(0, 4))):
            evidence = draw(text)
            relations.append(Relation(draw(st.sampled_from(ids)), draw(st.sampled_from(list(Predicate))),
                                      draw(st.sampled_from(ids)), value=draw(values),
                                      unit=draw(st.one_of(st.none(), st.sampled_from(list(Unit)))),
                                      date=draw(dates), confidence=draw(st.floats(0, 1, width=32)),
                                      evidence=Evidence(evidence, 0, len(evidence))))
    date, title = draw(dates), draw(names)
    page = event_id(date, title)
    events = [Event(page, date, title, EventKind.PAGE, contexts=tuple(draw(st.lists(names, max_size=2))),
                    entities=tuple(draw(st.lists(st.sampled_from(ids), max_size=2))) if ids else ())]
    for i, (rel_date, rel_title) in enumerate(draw(st.lists(st.tuples(dates, names), max_size=2))):
        kind = draw(st.sampled_from([EventKind.RELATED, EventKind.SUB_EVENT]))
        if kind is EventKind.RELATED:
            eid = event_id(rel_date, rel_title)
        else:  # a live-blog entry, as extract.pipeline names it
            eid = f"{page}/{i}-{slug(rel_title, max_len=40)}"
        contexts = tuple(draw(st.lists(names, max_size=2)))
        events.append(Event(eid, rel_date, rel_title, kind, contexts=contexts))
    sources = [Source(draw(text), draw(urls)) for _ in range(draw(st.integers(0, 2)))]
    return Extraction(doc_id, draw(text), draw(st.sampled_from(list(DocKind))), lang, date, None,
                      draw(st.one_of(st.none(), text)), draw(st.one_of(st.none(), text)),
                      entities=tuple(entities), relations=tuple(relations), events=tuple(events),
                      sources=tuple(sources), warnings=tuple(draw(st.lists(text, max_size=2))))


corpora = st.integers(1, 3).flatmap(lambda n: st.tuples(*(extraction(i) for i in range(n))))


def ox_quads(data: bytes, fmt: str) -> set[ox.Quad]:
    return set(ox.parse(data, format=RDF_FORMATS[fmt].ox_format))


def rdflib_quads(data: bytes, fmt: str) -> set[tuple]:
    """The statements rdflib parses, as comparable tuples: (s, p, o, graph name or None)."""
    spec = RDF_FORMATS[fmt]
    if not spec.dataset:
        graph = Graph().parse(data=data, format=spec.rdflib_name)
        return {(*map(key, triple), None) for triple in graph}
    dataset = Dataset().parse(data=data, format=spec.rdflib_name)
    return {(key(s), key(p), key(o), None if str(g).startswith("urn:x-rdflib:default") else str(g))
            for s, p, o, g in dataset.quads()}


def key(term) -> tuple:
    """An RDF term as a plain tuple, the same whichever library made it."""
    if isinstance(term, (ox.NamedNode, URIRef)):
        return ("iri", str(term.value if isinstance(term, ox.NamedNode) else term))
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        plain = term.language or datatype == XSD + "string"
        return ("lit", term.value, term.language, None if plain else datatype)
    assert isinstance(term, Literal), f"no blank nodes in the export: {term!r}"
    datatype = str(term.datatype) if term.datatype else None
    return ("lit", str(term), term.language, None if datatype == XSD + "string" else datatype)


def expected_quads(statements) -> set[tuple]:
    out = set()
    for quad in statements.ox_quads():
        name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        out.add((key(quad.subject), key(quad.predicate), key(quad.object), name))
    return out


@RDF_SETTINGS
@given(corpora)
def test_every_format_parses_back_to_the_same_statements(records):
    graph = build_graph(records)
    statements = to_statements(graph)
    quads = expected_quads(statements)
    default = {q for q in quads if q[3] is None}
    assert len(default) == len(statements.triples)  # no two lines are one statement
    for fmt, spec in RDF_FORMATS.items():
        data = serialize(statements, fmt)
        assert serialize(to_statements(build_graph(records)), fmt) == data  # same records, same bytes
        want = quads if spec.dataset else default
        parsed = {(key(q.subject), key(q.predicate), key(q.object),
                   None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value)
                  for q in ox_quads(data, fmt)}
        assert parsed == want, fmt
        assert rdflib_quads(data, fmt) == want, fmt


def literals(statements, subject: str, predicate: ox.NamedNode) -> set[str]:
    node = ox.NamedNode(subject)
    return {t.object.value for t in statements.ox_triples() if t.subject == node and t.predicate == predicate}


@RDF_SETTINGS
@given(corpora)
@example((Extraction("d-00000000", "a.txt", DocKind.ARTICLE, "en", "2017-01-29", "day",
                     'T """ \\ > <http://x>', None,
                     entities=(Entity("person/x", 'X "Evil" > <http://x>\n', EntityType.PERSON),)),))
def test_names_headlines_and_evidence_come_back_exactly(records):
    graph = build_graph(records)
    statements = to_statements(graph)
    turtle = serialize(statements, "turtle")
    parsed = Graph().parse(data=turtle, format="turtle")  # rdflib reads what pyoxigraph wrote
    for node, attrs in graph.nodes(data=True):
        subject = str(iri(node))
        assert literals(statements, subject, IDENTIFIER) == {node}
        label = attrs.get(ATTR.LABEL)
        if label:
            assert label in literals(statements, subject, LABEL)
            assert label in {str(o) for o in parsed.objects(URIRef(subject), URIRef(RDFS_LABEL))}
    for record in records:
        for ent in record.entities:  # every name is the label or an alias of its entity
            if ent.name:
                subject = str(iri(ent.id))
                found = literals(statements, subject, LABEL) | literals(statements, subject, ALT_LABEL)
                assert ent.name in found
    evidence = {o.value for t in statements.ox_triples() if t.predicate == EVIDENCE for o in [t.object]}
    assert evidence == {str(a[ATTR.EVIDENCE]) for *_, a in graph.edges(data=True) if a.get(ATTR.EVIDENCE)}
    assert evidence == {str(o) for o in parsed.objects(None, URIRef(EG_EVIDENCE))}


@RDF_SETTINGS
@given(corpora, st.randoms(use_true_random=False))
def test_order_of_records_does_not_change_any_output(records, rnd):
    shuffled = list(records)
    rnd.shuffle(shuffled)
    for fmt in ("turtle", "nquads"):
        assert serialize(to_statements(build_graph(records)), fmt) == serialize(
            to_statements(build_graph(shuffled)), fmt)
    assert graph_to_json(build_graph(records)) == graph_to_json(build_graph(shuffled))


@RDF_SETTINGS
@given(corpora)
def test_turtle_from_the_block_cache_is_the_plain_turtle(records):
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "turtle.sqlite"
        for part in (records, records, records[1:] or records[:0], records):  # cold, warm, one gone, back
            statements = to_statements(build_graph(part), named=False)
            assert serialize(statements, "turtle", cache=cache) == serialize(statements, "turtle")


@RDF_SETTINGS
@given(corpora)
def test_records_and_graph_json_round_trip(records):
    for record in records:  # the cache format and the `extract` output
        assert Extraction.from_dict(json.loads(json.dumps(record.to_dict()))) == record
    graph = build_graph(records)
    data = graph_to_json(graph)
    json.loads(data, parse_constant=_no_constants)  # strict JSON: no NaN or Infinity
    back = json_to_graph(data)
    assert graph_to_json(back) == data
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))


def _no_constants(name: str):
    raise AssertionError(f"graph.json holds {name}, which is not JSON")


# -- raw networkx graphs: any ids, any attributes ----------------------------------------------------------

# An id with no segment at all ("", "/") cannot be minted: `graph.ids.iri` refuses it, documented.
node_ids = st.one_of(names, st.lists(names, min_size=1, max_size=3).map("/".join)).filter(
    lambda s: any(part.strip() for part in s.split("/")))
doc_refs = st.one_of(node_ids, st.lists(node_ids, max_size=3))
attr_values = st.one_of(st.none(), text, st.floats(), st.integers(), st.booleans(),
                        st.lists(st.one_of(text, st.integers()), max_size=3),
                        st.lists(st.fixed_dictionaries({"name": text, "url": urls}), max_size=2))
node_attrs = st.fixed_dictionaries(
    {ATTR.KIND: st.sampled_from([NodeKind.EVENT, NodeKind.DOCUMENT, NodeKind.ENTITY, NodeKind.CONTEXT, "?",
                                 None])},
    optional={name: attr_values for name in (ATTR.LABEL, ATTR.TYPE, ATTR.ROLES, ATTR.ALIASES, ATTR.DATE,
                                             ATTR.LANG, ATTR.SOURCES)}
    | {ATTR.DOCS: doc_refs, ATTR.TYPE: st.sampled_from([t.value for t in EntityType] + ["WIZARD"]),
       ATTR.DATE: dates, ATTR.LANG: st.sampled_from(["en", "fr", "x y", "", "de-DE"])})
edge_keys = st.sampled_from(["reports", "related_to", "part_of", "mentions", "involves", "has_topic",
                             "has_context", "cites", "endorses", "member_of", "candidate_in", "defeats",
                             "vote_share", "vote_share#1", "withdraws", "unknown"])
edge_attrs = st.fixed_dictionaries({}, optional={
    ATTR.DATE: dates, ATTR.VALUE: attr_values, ATTR.UNIT: attr_values, ATTR.CONFIDENCE: attr_values,
    ATTR.EVIDENCE: st.one_of(text, st.fixed_dictionaries({"text": text})), ATTR.DOC: node_ids,
    ATTR.DOCS: doc_refs, ATTR.URL: urls})


@st.composite
def raw_graphs(draw):
    graph = nx.MultiDiGraph()
    nodes = draw(st.lists(node_ids, min_size=1, max_size=6, unique=True))
    for node in nodes:
        graph.add_node(node, **{k: v for k, v in draw(node_attrs).items() if v is not None})
    for _ in range(draw(st.integers(0, 8))):
        graph.add_edge(draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes)), key=draw(edge_keys),
                       **draw(edge_attrs))
    return graph


@RDF_SETTINGS
@given(raw_graphs())
def test_any_graph_exports_rdf_that_both_libraries_parse(graph):
    statements = to_statements(graph)
    for fmt in ("turtle", "ntriples", "trig", "jsonld"):
        data = serialize(statements, fmt)
        spec = RDF_FORMATS[fmt]
        named = sum(len(lines) for _, lines in statements.graphs) if spec.dataset else 0
        count = len(statements.triples) + named
        assert len(ox_quads(data, fmt)) == count, fmt
        assert len(rdflib_quads(data, fmt)) == count, fmt


# -- the term makers on their own ------------------------------------------------------------------------

@FAST
@given(urls)
@example("http://example.org/a%20b")
@example("https://user:pw@example.org:8080/p?q=1#f")
def test_a_url_is_an_iri_only_when_it_is_a_valid_one(url):
    term = url_term(url)
    if isinstance(term, URIRef):
        ox.NamedNode(str(term))
        assert str(term) == url and url.lower().startswith(("http://", "https://"))
    else:
        assert str(term.datatype) == XSD + "anyURI" and str(term) == url


@FAST
@given(text, st.sampled_from([None, "en", "fr-CA"]))
def test_an_ntriples_literal_parses_back_to_its_text(value, lang):
    line = f"<http://x.org/s> <http://x.org/p> {nt_literal(value, lang=lang)} .\n"
    (quad,) = ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert quad.object.value == value and quad.object.language == (lang.lower() if lang else None)
    (triple,) = Graph().parse(data=line, format="nt")
    assert str(triple[2]) == value


@FAST
@given(st.one_of(values, st.floats(), st.text(max_size=8), st.booleans()))
def test_decimals_are_canonical_or_refused(value):
    lexical = decimal_lexical(value)
    if lexical is not None:
        ox.Literal(lexical, datatype=ox.NamedNode(XSD + "decimal"))
        assert lexical == decimal_lexical(lexical) and "e" not in lexical.lower()


@FAST
@given(dates)
def test_dates_are_typed_by_precision_or_refused(value):
    parts = date_parts(value)
    if parts is not None:
        lexical, datatype = parts
        assert str(datatype) in (XSD + "date", XSD + "gYearMonth", XSD + "gYear")
        ox.Literal(lexical, datatype=ox.NamedNode(str(datatype)))
