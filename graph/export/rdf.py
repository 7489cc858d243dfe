"""The graph as RDF: schema.org, SEM, PROV-O and Dublin Core terms, plus the small `eg:` vocabulary.

Every IRI comes from `graph.ids.iri` (slugs of node ids); every piece of text is a `Literal`. Each election
relation becomes an n-ary node (an `eg:Endorsement`, an `eg:Result`, ...) whose IRI is a hash of what it says,
so there are no blank nodes and the same networkx graph always gives the same triples and the same Turtle bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.ids import DEFAULT_BASE, check_base, iri, slug
from graph.io import write_atomic
from graph.schema import ATTR, EdgeKind, NodeKind, edge_kind
from graph.vocab import EG, SCHEMA, SEM, bind_prefixes

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["to_rdf", "write_turtle", "date_literal", "url_term"]

logger = logging.getLogger(__name__)

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
_RELATIONS: Mapping[str, tuple[URIRef, URIRef, URIRef]] = {
    EdgeKind.ENDORSES: (EG.Endorsement, EG.endorser, EG.endorsed),
    EdgeKind.MEMBER_OF: (EG.Membership, EG.member, EG.party),
    EdgeKind.CANDIDATE_IN: (EG.Candidacy, EG.candidate, EG.election),
    EdgeKind.DEFEATS: (EG.Defeat, EG.winner, EG.loser),
    EdgeKind.VOTE_SHARE: (EG.Result, EG.contender, EG.election),
    EdgeKind.WITHDRAWS: (EG.Withdrawal, EG.withdrawer, EG.beneficiary),  # eg:election when leaving a race
}

_LANG_RE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_YEAR_RE = re.compile(r"\d{4}")
_URL_BAD = re.compile(r"[\s\"'<>{}|\\^`\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def to_rdf(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of an electiongraph networkx graph.

    Args:
        graph: the MultiDiGraph of `graph.build`, edges keyed by relation name.
        base: the base IRI node IRIs are minted under (http(s), ending in `/` or `#`).

    Returns:
        A new `rdflib.Graph` with the project prefixes bound.

    Raises:
        ValueError: `base` is not a usable base IRI.
        TypeError: `graph` is not a multigraph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON")
    >>> rdf = to_rdf(g)
    >>> str(rdf.value(iri("person/benoit-hamon"), SCHEMA.name))
    'Benoît Hamon'
    """
    check_base(base)
    if not graph.is_multigraph():
        raise TypeError("to_rdf needs a networkx MultiDiGraph keyed by relation name")
    exporter = _Exporter(graph, base)
    exporter.run()
    return exporter.out


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE) -> Path:
    """Write the graph as Turtle to `path`, atomically (a temporary file in the same directory, then a rename).

    Returns:
        The path written.

    >>> import networkx as nx, tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("party/socialist-party", kind="entity", label="Socialist Party", type="PARTY")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_turtle(g, Path(tmp) / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    True
    """
    path = Path(path)
    data = to_rdf(graph, base=base).serialize(format="turtle", encoding="utf-8")
    write_atomic(path, data)
    logger.info("wrote %s (%d bytes)", path, len(data))
    return path


def date_literal(value: object) -> Literal | None:
    """A date typed with its precision: xsd:date (YYYY-MM-DD), xsd:gYearMonth (YYYY-MM), xsd:gYear (YYYY).

    >>> date_literal("2017-01").n3()
    '"2017-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> date_literal("2017-02-30") is None
    True
    """
    text = str(value).strip() if isinstance(value, (str, date)) else ""
    if _DAY_RE.fullmatch(text):
        try:
            date.fromisoformat(text)
        except ValueError:
            return None
        return Literal(text, datatype=XSD.date)
    if _MONTH_RE.fullmatch(text):
        return Literal(text, datatype=XSD.gYearMonth)
    if _YEAR_RE.fullmatch(text):
        return Literal(text, datatype=XSD.gYear)
    return None


def url_term(url: str) -> URIRef | Literal:
    """An http(s) URL as an IRI when it is safe to be one, otherwise as an xsd:anyURI literal.

    >>> url_term("https://example.org/a?b=1")
    rdflib.term.URIRef('https://example.org/a?b=1')
    >>> url_term('https://example.org/a b"><script>').datatype == XSD.anyURI
    True
    """
    if _URL_BAD.search(url) or _SURROGATE.search(url):
        return Literal(_clean(url), datatype=XSD.anyURI)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return Literal(url, datatype=XSD.anyURI)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return Literal(url, datatype=XSD.anyURI)
    return URIRef(url)


def _clean(text: object) -> str:
    """`text` as a string that UTF-8 can encode (lone surrogates become U+FFFD)."""
    return _SURROGATE.sub("\ufffd", str(text))


def _valid_lang(value: object) -> str | None:
    """`value` if it is a well-formed language tag, else None."""
    return value if isinstance(value, str) and _LANG_RE.fullmatch(value) else None


def _decimal(value: object) -> Literal | None:
    """A finite number as an xsd:decimal literal; None for anything else (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return Literal(number, datatype=XSD.decimal) if number.is_finite() else None


def _as_list(value: object) -> list[Any]:
    """A list/tuple attribute as a list; a single string as a one-item list; None as empty."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return [value]


def _evidence_text(value: object) -> str | None:
    """The evidence sentence of a relation: a string, or the `text` of an extract-style evidence record."""
    if isinstance(value, Mapping):
        value = value.get("text")
    return None if value is None else str(value)


def _relation_key(u: str, key: str, v: str, documents: Iterable[str], evidence: str | None) -> str:
    """A stable digest of what a relation says, so its node IRI is the same on every run."""
    payload = json.dumps([u, key, v, sorted(documents), evidence])
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Exporter:
    """One export run: the networkx graph in, `self.out` filled, skipped values counted and logged once."""

    def __init__(self, graph: nx.MultiDiGraph, base: str) -> None:
        self.nx = graph
        self.base = base
        self.out = bind_prefixes(Graph(bind_namespaces="none"), base)
        self.skipped: Counter[str] = Counter()
        self._iris: dict[URIRef, str] = {}
        self._by_id: dict[str, URIRef] = {}
        self._doc_langs = {
            str(n): lang for n, a in graph.nodes(data=True)
            if a.get(ATTR.KIND) == NodeKind.DOCUMENT and (lang := _valid_lang(a.get(ATTR.LANG)))
        }

    def run(self) -> None:
        """Export every node, then every edge, in sorted order (insertion order must not matter)."""
        for node_id, attrs in sorted(self.nx.nodes(data=True), key=lambda item: str(item[0])):
            self.add_node(str(node_id), attrs)
        edges = sorted(self.nx.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
        for u, v, key, attrs in edges:
            self.add_edge(str(u), str(v), str(key), attrs)
        if self.skipped:
            logger.warning("RDF export skipped %d value(s): %s", sum(self.skipped.values()),
                           ", ".join(f"{why} x{n}" for why, n in sorted(self.skipped.items())))

    def node(self, node_id: str) -> URIRef:
        """The IRI of a node; two distinct ids that slug to one IRI are counted (their triples merge)."""
        ref = self._by_id.get(node_id)
        if ref is None:
            ref = self._by_id[node_id] = iri(node_id, self.base)
            seen = self._iris.setdefault(ref, node_id)
            if seen != node_id:
                self.skipped[f"id collision ({seen!r} and {node_id!r} share {ref})"] += 1
        return ref

    def text(self, subject: URIRef, predicates: Iterable[URIRef], value: object, lang: str | None = None) -> None:
        """Add `value` as a literal (language-tagged when `lang` is given) under each predicate; skip empties."""
        if value is None or value == "":
            return
        literal = Literal(_clean(value), lang=lang)
        for predicate in predicates:
            self.out.add((subject, predicate, literal))

    def add_date(self, subject: URIRef, predicates: Iterable[URIRef], value: object) -> None:
        """Add a typed date under each predicate; count values that are not dates."""
        if value is None or value == "":
            return
        literal = date_literal(value)
        if literal is None:
            self.skipped["invalid date"] += 1
            return
        for predicate in predicates:
            self.out.add((subject, predicate, literal))

    def lang_of(self, documents: Iterable[object]) -> str | None:
        """The language shared by `documents`, if they have exactly one."""
        langs = {self._doc_langs.get(str(d)) for d in documents} - {None}
        return langs.pop() if len(langs) == 1 else None

    def add_node(self, node_id: str, attrs: Mapping[str, Any]) -> None:
        """Type and describe one node according to its kind."""
        adders = {NodeKind.EVENT: self.add_event, NodeKind.DOCUMENT: self.add_document,
                  NodeKind.ENTITY: self.add_entity, NodeKind.CONTEXT: self.add_context}
        adder = adders.get(attrs.get(ATTR.KIND))
        if adder is None:
            self.skipped["node without a known kind"] += 1
            return
        subject = self.node(node_id)
        self.out.add((subject, DCTERMS.identifier, Literal(_clean(node_id))))
        adder(node_id, subject, attrs)

    def add_event(self, node_id: str, subject: URIRef, attrs: Mapping[str, Any]) -> None:
        """An event: sem:Event and schema:Event, its headline, its date, the documents about it."""
        self.out.add((subject, RDF.type, SEM.Event))
        self.out.add((subject, RDF.type, SCHEMA.Event))
        documents = _as_list(attrs.get(ATTR.DOCS)) + [
            u for u, _, key in self.nx.in_edges(node_id, keys=True) if key == EdgeKind.REPORTS]
        self.text(subject, (RDFS.label, SCHEMA.name), attrs.get(ATTR.LABEL), self.lang_of(documents))
        self.add_date(subject, (SEM.hasTimeStamp, SCHEMA.startDate), attrs.get(ATTR.DATE))
        for doc in _as_list(attrs.get(ATTR.DOCS)):
            self.out.add((self.node(str(doc)), SCHEMA.about, subject))

    def add_document(self, node_id: str, subject: URIRef, attrs: Mapping[str, Any]) -> None:
        """A document: schema:NewsArticle and prov:Entity, its title, date, language and source URLs."""
        self.out.add((subject, RDF.type, SCHEMA.NewsArticle))
        self.out.add((subject, RDF.type, PROV.Entity))
        lang = self._doc_langs.get(node_id)
        self.text(subject, (RDFS.label, DCTERMS.title), attrs.get(ATTR.LABEL), lang)
        self.add_date(subject, (DCTERMS.date,), attrs.get(ATTR.DATE))
        self.text(subject, (DCTERMS.language,), lang)
        for source in _as_list(attrs.get(ATTR.SOURCES)):
            url = source.get(ATTR.URL) if isinstance(source, Mapping) else None
            if url:
                self.out.add((subject, SCHEMA.citation, url_term(str(url))))

    def add_entity(self, node_id: str, subject: URIRef, attrs: Mapping[str, Any]) -> None:
        """An entity: classes by type, name, aliases (skos:altLabel) and roles (eg:role)."""
        classes = _ENTITY_CLASSES.get(str(attrs.get(ATTR.TYPE)), ())
        if not classes:
            self.skipped["entity of unknown type"] += 1
        for cls in classes:
            self.out.add((subject, RDF.type, cls))
        label = attrs.get(ATTR.LABEL)
        self.text(subject, (RDFS.label, SCHEMA.name), label)
        for alias in _as_list(attrs.get(ATTR.ALIASES)):
            if alias != label:
                self.text(subject, (SKOS.altLabel,), alias)
        for role in _as_list(attrs.get(ATTR.ROLES)):
            self.text(subject, (EG.role,), role)

    def add_context(self, node_id: str, subject: URIRef, attrs: Mapping[str, Any]) -> None:
        """A context or topic tag: eg:Context, a skos:Concept."""
        self.out.add((subject, RDF.type, EG.Context))
        self.out.add((subject, RDF.type, SKOS.Concept))
        self.text(subject, (RDFS.label, SKOS.prefLabel), attrs.get(ATTR.LABEL))

    def add_edge(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """A relation edge becomes an n-ary node; the other edges become direct triples."""
        key = edge_kind(key)
        if key in _RELATIONS:
            self.add_relation(u, v, key, attrs)
        elif key in _SIMPLE_EDGES:
            self.add_simple(u, v, key, attrs)
        else:
            self.skipped[f"edge of unknown kind {key!r}"] += 1

    def add_simple(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """Direct triples for one edge, plus what its kind adds (sem:hasActor, the cited URL)."""
        subject, obj = self.node(u), self.node(v)
        for predicate in _SIMPLE_EDGES[key]:
            self.out.add((subject, predicate, obj))
        if key == EdgeKind.INVOLVES:
            extra = _INVOLVES_EXTRA.get(str(self.nx.nodes[v].get(ATTR.TYPE)))
            if extra is not None:
                self.out.add((subject, extra, obj))
        elif key == EdgeKind.CITES and attrs.get(ATTR.URL):
            self.out.add((subject, SCHEMA.citation, url_term(str(attrs[ATTR.URL]))))

    def add_relation(self, u: str, v: str, key: str, attrs: Mapping[str, Any]) -> None:
        """An election relation as an n-ary node: participants, value, unit, date, confidence, evidence, source."""
        documents = [str(d) for d in _as_list(attrs.get(ATTR.DOC)) + _as_list(attrs.get(ATTR.DOCS))]
        digest = _relation_key(u, key, v, set(documents), _evidence_text(attrs.get(ATTR.EVIDENCE)))
        rel = iri(f"relation/{slug(key)}/{digest}", self.base)
        cls, subject_role, object_role = _RELATIONS[key]
        if key == EdgeKind.WITHDRAWS and self.nx.nodes[v].get(ATTR.TYPE) == "ELECTION":
            object_role = EG.election
        for triple in ((rel, RDF.type, cls), (rel, RDF.type, EG.Relation),
                       (rel, subject_role, self.node(u)), (rel, object_role, self.node(v))):
            self.out.add(triple)
        self.add_measure(rel, attrs)
        self.add_date(rel, (DCTERMS.date,), attrs.get(ATTR.DATE))
        self.text(rel, (EG.evidence,), _evidence_text(attrs.get(ATTR.EVIDENCE)), self.lang_of(documents))
        for doc in documents:
            self.out.add((rel, PROV.wasDerivedFrom, self.node(doc)))

    def add_measure(self, rel: URIRef, attrs: Mapping[str, Any]) -> None:
        """Value, unit and confidence of a relation; numbers that are not finite are counted and skipped."""
        for attr, predicate in ((ATTR.VALUE, EG.value), (ATTR.CONFIDENCE, EG.confidence)):
            if attrs.get(attr) is None:
                continue
            literal = _decimal(attrs[attr])
            if literal is None:
                self.skipped[f"non-numeric {attr}"] += 1
            else:
                self.out.add((rel, predicate, literal))
        self.text(rel, (EG.unit,), attrs.get(ATTR.UNIT))
