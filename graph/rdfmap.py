"""How the networkx graph maps to RDF: classes, properties, n-ary relation nodes and per-document scopes.

`Mapper` walks the graph once and fills `default` (every statement) and `named` (the statements of each source
document) with N-Triples terms; `graph.export.rdf` sorts and packages them. Nothing here depends on an RDF
library's graph object, so the same statements feed every serialiser and both query engines.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.ids import iri, slug
from graph.rdfterms import (as_list, date_parts, decimal_lexical, evidence_text, nt_iri, nt_literal, nt_term,
                            url_term, valid_lang)
from graph.schema import ATTR, EdgeKind, NodeKind, edge_kind
from graph.vocab import EG, SCHEMA, SEM

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Mapper", "RELATIONS"]

logger = logging.getLogger("graph.export.rdf")  # one logger for the whole RDF export


class _Rendered:
    """A vocabulary whose terms come back in N-Triples form (`<...>`), each rendered once.

    The mapper adds ~300,000 statements for a corpus of 4,000 documents; making an rdflib term and rendering
    it for each one was about a quarter of the mapping time. A misspelt term of a closed namespace still
    raises.
    """

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        rendered = nt_iri(str(getattr(self._namespace, name)))
        setattr(self, name, rendered)  # the next lookup is a plain attribute
        return rendered


_RDF, _RDFS, _SKOS, _DCTERMS, _PROV = (_Rendered(ns) for ns in (RDF, RDFS, SKOS, DCTERMS, PROV))
_EG, _SCHEMA, _SEM = (_Rendered(ns) for ns in (EG, SCHEMA, SEM))


def _nt(refs: Iterable[URIRef]) -> tuple[str, ...]:
    return tuple(nt_iri(str(ref)) for ref in refs)

_ENTITY_CLASSES: Mapping[str, tuple[URIRef, ...]] = {
    "PERSON": (SCHEMA.Person, SEM.Actor),
    "PARTY": (EG.Party, SCHEMA.Organization, SEM.Actor),
    "ELECTION": (EG.Election, SCHEMA.Event, SEM.Event),
    "ORG": (SCHEMA.Organization, SEM.Actor),
    "PLACE": (SCHEMA.Place, SEM.Place),
    "MEDIA": (SCHEMA.NewsMediaOrganization, SCHEMA.Organization, SEM.Actor),
}
# What an event's `involves` edge adds besides eg:involves, by the entity's type.
_INVOLVES_EXTRA: Mapping[str, URIRef] = {
    "PERSON": SEM.hasActor, "PARTY": SEM.hasActor, "ORG": SEM.hasActor, "MEDIA": SEM.hasActor,
    "PLACE": SEM.hasPlace,
}
# Edges that become plain triples, subject = the edge's source node.
_SIMPLE_EDGES: Mapping[str, tuple[URIRef, ...]] = {
    EdgeKind.REPORTS: (SCHEMA.about,),
    EdgeKind.RELATED: (DCTERMS.relation,),
    EdgeKind.PART_OF: (DCTERMS.isPartOf,),
    EdgeKind.MENTIONS: (SCHEMA.mentions,),
    EdgeKind.INVOLVES: (EG.involves,),
    EdgeKind.HAS_TOPIC: (EG.topic, EG.context),  # eg:topic is a sub-property, materialised for plain SPARQL
    EdgeKind.HAS_CONTEXT: (EG.context,),
    EdgeKind.CITES: (DCTERMS.source,),
}
# Relation edge -> (class of the n-ary node, property to the subject, property to the object).
RELATIONS: Mapping[str, tuple[URIRef, URIRef, URIRef]] = {
    EdgeKind.ENDORSES: (EG.Endorsement, EG.endorser, EG.endorsed),
    EdgeKind.MEMBER_OF: (EG.Membership, EG.member, EG.party),
    EdgeKind.CANDIDATE_IN: (EG.Candidacy, EG.candidate, EG.election),
    EdgeKind.DEFEATS: (EG.Defeat, EG.winner, EG.loser),
    EdgeKind.VOTE_SHARE: (EG.Result, EG.contender, EG.election),
    EdgeKind.WITHDRAWS: (EG.Withdrawal, EG.withdrawer, EG.beneficiary),  # eg:election when leaving a race
}
# Merged across documents, so described in the default graph only; a document's graph holds its mentions.
_SHARED_KINDS = (NodeKind.ENTITY, NodeKind.CONTEXT)
_DOC_EDGES = (EdgeKind.REPORTS, EdgeKind.MENTIONS, EdgeKind.CITES)
_TAG_EDGES = (EdgeKind.HAS_TOPIC, EdgeKind.HAS_CONTEXT)
_DECIMAL = str(XSD.decimal)
_ADDERS = {NodeKind.EVENT: "add_event", NodeKind.DOCUMENT: "add_document", NodeKind.ENTITY: "add_entity",
           NodeKind.CONTEXT: "add_context"}  # Mapper methods by node kind
# The same tables in N-Triples form, for the mapper's inner loops.
_ENTITY_CLASSES_NT = {name: _nt(classes) for name, classes in _ENTITY_CLASSES.items()}
_INVOLVES_EXTRA_NT = {name: nt_iri(str(ref)) for name, ref in _INVOLVES_EXTRA.items()}
_SIMPLE_EDGES_NT = {kind: _nt(predicates) for kind, predicates in _SIMPLE_EDGES.items()}
_RELATIONS_NT = {kind: _nt(terms) for kind, terms in RELATIONS.items()}


def _relation_key(u: str, key: str, v: str, attrs: Mapping[str, Any], documents: Iterable[str],
                  evidence: str | None) -> str:
    """A stable digest of what a relation says, so its node IRI is the same on every run.

    Two relations of one kind between the same pair, read from the same sentence (`30 % and 12 seats`),
    differ by their date, value or unit, so those are part of the digest.
    """
    measure = [str(attrs.get(name)) for name in (ATTR.DATE, ATTR.VALUE, ATTR.UNIT)]
    payload = json.dumps([u, key, v, sorted(documents), evidence, *measure])
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _relation_documents(attrs: Mapping[str, Any]) -> list[str]:
    return [str(d) for d in as_list(attrs.get(ATTR.DOC)) + as_list(attrs.get(ATTR.DOCS))]


def _document_scopes(graph: nx.MultiDiGraph, docs: frozenset[str]) -> dict[str, frozenset[str]]:
    """For each node, the source documents its statements come from (the named graphs it goes to)."""
    scopes: dict[str, set[str]] = defaultdict(set)
    for node, attrs in graph.nodes(data=True):
        if str(node) in docs:
            scopes[str(node)].add(str(node))
        elif attrs.get(ATTR.KIND) == NodeKind.EVENT:
            scopes[str(node)] |= {str(d) for d in as_list(attrs.get(ATTR.DOCS))} & docs
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        kind = edge_kind(key)
        if kind in _DOC_EDGES and str(u) in docs:
            scopes[str(v)].add(str(u))
        elif kind in RELATIONS:
            found = set(_relation_documents(attrs)) & docs
            scopes[str(u)] |= found
            scopes[str(v)] |= found
    return {node: frozenset(found) for node, found in scopes.items()}


class Mapper:
    """One export run: the networkx graph in, `default` and `named` filled, skipped values logged once."""

    def __init__(self, graph: nx.MultiDiGraph, base: str, *, named: bool = True) -> None:
        self.nx = graph
        self.base = base
        self.with_named = named  # False: the default graph only (Turtle, N-Triples need no named graphs)
        self.default: dict[str, None] = {}
        self.named: dict[str, dict[str, None]] = defaultdict(dict)
        self.scope: frozenset[str] = frozenset()
        self.skipped: Counter[str] = Counter()
        self._iris: dict[str, str] = {}
        self._by_id: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        self._types = {str(n): str(a.get(ATTR.TYPE)) for n, a in graph.nodes(data=True)}
        self._docs = frozenset(str(n) for n, a in graph.nodes(data=True)
                               if a.get(ATTR.KIND) == NodeKind.DOCUMENT)
        self._scopes = _document_scopes(graph, self._docs) if named else {}
        self._doc_langs = {
            str(n): lang for n, a in graph.nodes(data=True)
            if a.get(ATTR.KIND) == NodeKind.DOCUMENT and (lang := valid_lang(a.get(ATTR.LANG)))
        }

    def run(self) -> None:
        """Export every node, then every edge, in sorted order (insertion order must not matter)."""
        none: frozenset[str] = frozenset()
        for node_id, attrs in sorted(((str(n), a) for n, a in self.nx.nodes(data=True)), key=itemgetter(0)):
            shared = attrs.get(ATTR.KIND) in _SHARED_KINDS
            self.scope = none if shared else self._scopes.get(node_id, none)
            self.add_node(node_id, attrs)
        edges = sorted((((str(u), str(v), str(key)), attrs) for u, nbrs in self.nx.adjacency()
                        for v, keyed in nbrs.items() for key, attrs in keyed.items()), key=itemgetter(0))
        for (u, v, key), attrs in edges:
            self.add_edge(u, v, key, attrs)
        if self.skipped:
            logger.warning("RDF export skipped %d value(s): %s", sum(self.skipped.values()),
                           ", ".join(f"{why} x{n}" for why, n in sorted(self.skipped.items())))

    def add(self, s: str, p: str, o: str, scope: Iterable[str] | None = None) -> None:
        """Add a triple to the default graph and to the named graph of each document in scope.

        The three terms are in N-Triples form already (vocabulary terms from `_RDF`, `_SCHEMA`, ...).
        """
        line = f"{s} {p} {o} ."
        self.default[line] = None
        if self.with_named:
            for doc in self.scope if scope is None else scope:
                self.named[doc][line] = None

    def node(self, node_id: str) -> str:
        """The IRI of a node; two distinct ids that slug to one IRI are counted (their triples merge)."""
        ref = self._by_id.get(node_id)
        if ref is None:
            minted = iri(node_id, self.base)
            ref = self._by_id[node_id] = nt_iri(str(minted))
            seen = self._iris.setdefault(str(minted), node_id)
            if seen != node_id:
                self.skipped[f"id collision ({seen!r} and {node_id!r} share {minted})"] += 1
        return ref

    def url(self, value: object) -> str:
        """A source URL as an IRI, or a literal when it is no usable IRI (`url_term`), once per URL: a
        document and its `cites` edge name the same ones."""
        text = str(value)
        found = self._urls.get(text)
        if found is None:
            found = self._urls[text] = nt_term(url_term(text))
        return found

    def text(self, subject: str, predicates: Iterable[str], value: object, lang: str | None = None,
             scope: Iterable[str] | None = None) -> None:
        """Add `value` as a literal (tagged with `lang` when given) under each predicate; skip empties."""
        if value is None or value == "":
            return
        literal = nt_literal(str(value), lang=lang)
        for predicate in predicates:
            self.add(subject, predicate, literal, scope)

    def add_date(self, subject: str, predicates: Iterable[str], value: object) -> None:
        """Add a typed date under each predicate; count values that are not dates."""
        if value is None or value == "":
            return
        parts = date_parts(value)
        if parts is None:
            self.skipped["invalid date"] += 1
            return
        literal = nt_literal(parts[0], datatype=str(parts[1]))
        for predicate in predicates:
            self.add(subject, predicate, literal)

    def lang_of(self, documents: Iterable[object]) -> str | None:
        """The language shared by `documents`, if they have exactly one."""
        langs = {self._doc_langs.get(str(d)) for d in documents} - {None}
        return langs.pop() if len(langs) == 1 else None

    def add_node(self, node_id: str, attrs: Mapping[str, Any]) -> None:
        """Type and describe one node according to its kind."""
        adder = _ADDERS.get(attrs.get(ATTR.KIND))
        if adder is None:
            self.skipped["node without a known kind"] += 1
            return
        subject = self.node(node_id)
        self.add(subject, _DCTERMS.identifier, nt_literal(node_id))
        getattr(self, adder)(node_id, subject, attrs)

    def add_event(self, node_id: str, subject: str, attrs: Mapping[str, Any]) -> None:
        """An event: sem:Event and schema:Event, headline and date; documents linking to it mention it."""
        self.add(subject, _RDF.type, _SEM.Event)
        self.add(subject, _RDF.type, _SCHEMA.Event)
        reporters = {str(u) for u, _, key in self.nx.in_edges(node_id, keys=True) if key == EdgeKind.REPORTS}
        documents = as_list(attrs.get(ATTR.DOCS))
        lang = self.lang_of([*documents, *reporters])
        self.text(subject, (_RDFS.label, _SCHEMA.name), attrs.get(ATTR.LABEL), lang)
        self.add_date(subject, (_SEM.hasTimeStamp, _SCHEMA.startDate), attrs.get(ATTR.DATE))
        for doc in documents:  # a page is about its event; a page that links to another event mentions it
            predicate = _SCHEMA.about if str(doc) in reporters else _SCHEMA.mentions
            self.add(self.node(str(doc)), predicate, subject, scope=self.scope & {str(doc)})

    def add_document(self, node_id: str, subject: str, attrs: Mapping[str, Any]) -> None:
        """A document: schema:NewsArticle and prov:Entity, its title, date, language and source URLs."""
        self.add(subject, _RDF.type, _SCHEMA.NewsArticle)
        self.add(subject, _RDF.type, _PROV.Entity)
        lang = self._doc_langs.get(node_id)
        self.text(subject, (_RDFS.label, _DCTERMS.title), attrs.get(ATTR.LABEL), lang)
        self.add_date(subject, (_DCTERMS.date,), attrs.get(ATTR.DATE))
        self.text(subject, (_DCTERMS.language,), lang)
        for source in as_list(attrs.get(ATTR.SOURCES)):
            url = source.get(ATTR.URL) if isinstance(source, Mapping) else None
            if url:
                self.add(subject, _SCHEMA.citation, self.url(url))

    def add_entity(self, node_id: str, subject: str, attrs: Mapping[str, Any]) -> None:
        """An entity: classes by type, name, aliases (skos:altLabel) and roles (eg:role)."""
        classes = _ENTITY_CLASSES_NT.get(str(attrs.get(ATTR.TYPE)), ())
        if not classes:
            self.skipped["entity of unknown type"] += 1
        for cls in classes:
            self.add(subject, _RDF.type, cls)
        label = attrs.get(ATTR.LABEL)
        self.text(subject, (_RDFS.label, _SCHEMA.name), label)
        for alias in as_list(attrs.get(ATTR.ALIASES)):
            if alias != label:
                self.text(subject, (_SKOS.altLabel,), alias)
        for role in as_list(attrs.get(ATTR.ROLES)):
            self.text(subject, (_EG.role,), role)

    def add_context(self, node_id: str, subject: str, attrs: Mapping[str, Any]) -> None:
        """A context or topic tag: eg:Context, a skos:Concept."""
        self.add(subject, _RDF.type, _EG.Context)
        self.add(subject, _RDF.type, _SKOS.Concept)
        self.text(subject, (_RDFS.label, _SKOS.prefLabel), attrs.get(ATTR.LABEL))

    def add_edge(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """A relation edge becomes an n-ary node; the other edges become direct triples."""
        key = edge_kind(key)
        if key in RELATIONS:
            self.add_relation(u, v, key, attrs)
        elif key in _SIMPLE_EDGES:
            if self.with_named:
                self.scope = self.edge_scope(u, v, key)
            self.add_simple(u, v, key, attrs)
        else:
            self.skipped[f"edge of unknown kind {key!r}"] += 1

    def edge_scope(self, u: str, v: str, key: str) -> frozenset[str]:
        """The documents of an edge: the document itself, or those of both ends (else the source's)."""
        source = self._scopes.get(u, frozenset())
        if key in _DOC_EDGES or key in _TAG_EDGES:
            return source
        return (source & self._scopes.get(v, frozenset())) or source

    def add_simple(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """Direct triples for one edge, plus what its kind adds (sem:hasActor, the cited URL)."""
        subject, obj = self.node(u), self.node(v)
        for predicate in _SIMPLE_EDGES_NT[key]:
            self.add(subject, predicate, obj)
        if key == EdgeKind.INVOLVES:
            extra = _INVOLVES_EXTRA_NT.get(self._types[v])
            if extra is not None:
                self.add(subject, extra, obj)
        elif key == EdgeKind.CITES and attrs.get(ATTR.URL):
            self.add(subject, _SCHEMA.citation, self.url(attrs[ATTR.URL]))

    def add_relation(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """An election relation as an n-ary node: participants, value, unit, date, confidence, evidence."""
        documents = _relation_documents(attrs)
        evidence = evidence_text(attrs.get(ATTR.EVIDENCE))
        rel = self.node(f"relation/{slug(key)}/{_relation_key(u, key, v, attrs, set(documents), evidence)}")
        self.scope = frozenset(documents) & self._docs
        cls, subject_role, object_role = _RELATIONS_NT[key]
        if key == EdgeKind.WITHDRAWS and self._types[v] == "ELECTION":
            object_role = _EG.election
        for predicate, obj in ((_RDF.type, cls), (_RDF.type, _EG.Relation),
                               (subject_role, self.node(u)), (object_role, self.node(v))):
            self.add(rel, predicate, obj)
        self.add_measure(rel, attrs)
        self.add_date(rel, (_DCTERMS.date,), attrs.get(ATTR.DATE))
        self.text(rel, (_EG.evidence,), evidence, self.lang_of(documents))
        for doc in documents:
            self.add(rel, _PROV.wasDerivedFrom, self.node(doc))

    def add_measure(self, rel: str, attrs: Mapping[str, Any]) -> None:
        """Value, unit and confidence of a relation; numbers that are not finite are counted and skipped."""
        for attr, predicate in ((ATTR.VALUE, _EG.value), (ATTR.CONFIDENCE, _EG.confidence)):
            if attrs.get(attr) is None:
                continue
            lexical = decimal_lexical(attrs[attr])
            if lexical is None:
                self.skipped[f"non-numeric {attr}"] += 1
            else:
                self.add(rel, predicate, nt_literal(lexical, datatype=_DECIMAL))
        self.text(rel, (_EG.unit,), attrs.get(ATTR.UNIT))

