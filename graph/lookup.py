"""Resolve the parameters of named queries to RDF terms: an entity or a document by name, id or IRI.

Names are matched on `rdfs:label` first, then `skos:altLabel`, ignoring case and accents (`benoit hamon` finds
`Benoît Hamon`); among equals, a person beats a party beats an election, then the most mentioned wins, as in
`graph.timeline.find_entity`. Every lookup is a SPARQL query whose inputs are bound as terms.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Mapping

import pyoxigraph as ox

from extract.ids import slug
from extract.names import name_key
from graph.queries import NamedQuery, ParameterError, check_params, literal_param

__all__ = ["find_entity_iri", "find_document_iri", "bind_params", "NotFound"]

logger = logging.getLogger(__name__)

_PREFIXES = """PREFIX eg: <https://w3id.org/electiongraph/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_ENTITY_NAMES = _PREFIXES + """SELECT ?entity ?id ?name ?tier WHERE {
  VALUES ?class { schema:Person schema:Organization schema:Place eg:Election }
  ?entity a ?class ; dcterms:identifier ?id .
  { ?entity rdfs:label ?name BIND(0 AS ?tier) } UNION { ?entity skos:altLabel ?name BIND(1 AS ?tier) }
}"""
_DOCUMENTS = _PREFIXES + """SELECT ?document ?id ?title WHERE {
  ?document a schema:NewsArticle ; dcterms:identifier ?id .
  OPTIONAL { ?document dcterms:title ?title }
}"""
_BY_ID = _PREFIXES + "SELECT ?node ?id WHERE { ?node dcterms:identifier ?id }"
_EXISTS = "ASK { ?node ?p ?o }"
_MENTIONS = _PREFIXES + "SELECT ?node (COUNT(?doc) AS ?n) WHERE { ?doc schema:mentions ?node } GROUP BY ?node"
_TYPE_RANK = {"person": 0, "party": 1, "election": 2}
_IRI_RE = re.compile(r"<?(https?://[^<>\s]+)>?")


class NotFound(ParameterError):
    """No entity or document answers to the value given; the message suggests close names."""


def find_entity_iri(store: ox.Store, value: str) -> ox.NamedNode:
    """The IRI of the entity `value` names: a label, an alias, a node id (`person/benoit-hamon`) or an IRI.

    Raises:
        NotFound: nothing matches; the closest labels are suggested.
    """
    direct = _direct(store, value)
    if direct is not None:
        return direct
    key = name_key(value)
    rows = [(r["entity"], r["id"].value, r["name"].value, int(r["tier"].value))
            for r in store.query(_ENTITY_NAMES)]
    matches = [(tier, entity, node_id) for entity, node_id, name, tier in rows if name_key(name) == key]
    if not matches:
        names = {name_key(name): name for _, _, name, tier in sorted(rows, key=lambda r: -r[3])}  # labels win
        close = [names[k] for k in difflib.get_close_matches(key, sorted(names), n=5)]
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise NotFound(f"no entity named {value!r}{hint}")
    best_tier = min(tier for tier, _, _ in matches)
    found = {(entity.value, node_id): entity for tier, entity, node_id in matches if tier == best_tier}
    if len(found) > 1:
        counts = _mention_counts(store, [entity for entity in found.values()])
        ranked = sorted(found, key=lambda k: (_TYPE_RANK.get(k[1].split("/")[0], 9), -counts.get(k[0], 0),
                                              k[1]))
        logger.info("%r matches %d entities; using %s", value, len(found), ranked[0][1])
        return found[ranked[0]]
    return next(iter(found.values()))


def find_document_iri(store: ox.Store, value: str) -> ox.NamedNode:
    """The IRI of a source document: its IRI, its id (`doc/...`, with or without `doc/`), the start of its id
    (the file stem, e.g. `000_c169466d024e5ff9`) or its title (case and accents ignored).

    Raises:
        NotFound: no document matches, or the value is ambiguous (the candidates are listed).
    """
    direct = _direct(store, value)
    if direct is not None:
        return direct
    rows = [(r["document"], r["id"].value, r["title"].value if r["title"] else "")
            for r in store.query(_DOCUMENTS)]
    stem, key = f"doc/{slug(value, max_len=60)}", name_key(value)
    for test in (lambda i, t: i in (value, f"doc/{value}"), lambda i, t: i.startswith(stem),
                 lambda i, t: bool(t) and name_key(t) == key):
        found = sorted({(node_id, doc.value): doc for doc, node_id, title in rows
                        if test(node_id, title)}.items())
        if len(found) == 1:
            return found[0][1]
        if found:
            names = ", ".join(node_id for (node_id, _), _ in found[:5])
            more = ", ..." if len(found) > 5 else ""
            raise NotFound(f"{value!r} matches {len(found)} documents ({names}{more})")
    example = rows[0][1] if rows else "doc/..."
    raise NotFound(f"no document {value!r} (give its id, e.g. {example}, or its title)")


def bind_params(store: ox.Store, query: NamedQuery,
                values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """The terms to bind for `values` given to `query`: entities and documents resolved in `store`.

    Raises:
        ParameterError: unknown or missing parameters, malformed dates, names that match nothing.
    """
    check_params(query, values)
    bound: dict[str, ox.NamedNode | ox.Literal] = {}
    for param in query.params:
        value = values.get(param.name)
        if not value:
            continue
        if param.kind == "entity":
            bound[param.name] = find_entity_iri(store, value)
        elif param.kind == "document":
            bound[param.name] = find_document_iri(store, value)
        else:
            bound[param.name] = literal_param(value)
    return bound


def _direct(store: ox.Store, value: str) -> ox.NamedNode | None:
    """`value` as an IRI that is in the store, or the node whose dcterms:identifier is `value`."""
    m = _IRI_RE.fullmatch(value.strip())
    if m:
        try:
            node = ox.NamedNode(m[1])
        except ValueError as e:
            raise NotFound(f"{value!r} is not a valid IRI: {e}") from e
        if not store.query(_EXISTS, substitutions={ox.Variable("node"): node}):
            raise NotFound(f"no node with the IRI <{node.value}> in the graph")
        return node
    if "/" in value and " " not in value.strip():
        rows = list(store.query(_BY_ID, substitutions={ox.Variable("id"): ox.Literal(value.strip())}))
        if rows:
            return rows[0]["node"]
    return None


def _mention_counts(store: ox.Store, entities: list[ox.NamedNode]) -> dict[str, int]:
    counts = {}
    for entity in entities:
        for row in store.query(_MENTIONS, substitutions={ox.Variable("node"): entity}):
            counts[entity.value] = int(row["n"].value)
    return counts
