"""The project vocabulary (`eg:`) as a closed namespace, plus the public vocabularies the exporter reuses.

`EG` is a `DefinedNamespace` with `_fail = True`: a misspelt term raises instead of minting a new predicate.
Every term here is declared, with English and French labels, in `graph/data/ontology.ttl`.

>>> EG.Endorsement
rdflib.term.URIRef('https://w3id.org/electiongraph/ontology#Endorsement')
>>> EG.endorsment
Traceback (most recent call last):
...
AttributeError: term 'endorsment' not in namespace 'https://w3id.org/electiongraph/ontology#'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "EG", "EG_NS", "SCHEMA", "SEM", "ONTOLOGY_IRI", "PREFIXES",
    "bind_prefixes", "prefix_map", "ontology_path", "shapes_path", "load_ontology",
]

EG_NS = "https://w3id.org/electiongraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/electiongraph/ontology")

# Plain namespaces: SEM has no rdflib module, and rdflib's SDO is open (`_fail` unset) anyway.
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


class EG(DefinedNamespace):
    """The electiongraph vocabulary: election-specific classes and properties schema.org does not have."""

    _fail = True
    _NS = Namespace(EG_NS)

    # Classes
    Election: URIRef  # an election or a party primary
    Party: URIRef  # a political party or movement
    Context: URIRef  # a topic or context tag of an event page
    Relation: URIRef  # superclass of the n-ary relation nodes below
    Endorsement: URIRef  # endorser backs endorsed
    Membership: URIRef  # member belongs to party
    Candidacy: URIRef  # candidate stands in election
    Defeat: URIRef  # winner beats loser
    Result: URIRef  # contender's vote share in an election
    Withdrawal: URIRef  # withdrawer leaves an election or stands down for a beneficiary

    # Participants of the relation nodes (object properties)
    endorser: URIRef
    endorsed: URIRef
    member: URIRef
    party: URIRef
    candidate: URIRef
    election: URIRef
    winner: URIRef
    loser: URIRef
    contender: URIRef
    withdrawer: URIRef
    beneficiary: URIRef

    # Events (object properties)
    involves: URIRef
    context: URIRef
    topic: URIRef

    # Literals (datatype properties)
    value: URIRef
    unit: URIRef
    confidence: URIRef
    evidence: URIRef
    role: URIRef


PREFIXES: tuple[tuple[str, Namespace | str], ...] = (
    ("eg", Namespace(EG_NS)),
    ("schema", SCHEMA),
    ("sem", SEM),
    ("prov", Namespace(str(PROV))),
    ("dcterms", Namespace(str(DCTERMS))),
    ("skos", Namespace(str(SKOS))),
    ("owl", Namespace(str(OWL))),
    ("rdf", Namespace(str(RDF))),
    ("rdfs", Namespace(str(RDFS))),
    ("xsd", Namespace(str(XSD))),
)
_BASE_PREFIX = "id"


def bind_prefixes(g: Graph, base: str | None = None) -> Graph:
    """Bind the project's prefixes on `g` (and `id:` to `base` when given); returns `g`.

    Args:
        g: the graph whose namespace manager is changed in place.
        base: the base IRI of the data (see `graph.ids.DEFAULT_BASE`), bound to the `id` prefix.
    """
    for prefix, namespace in PREFIXES:
        g.bind(prefix, namespace, override=True, replace=True)
    if base is not None:
        g.bind(_BASE_PREFIX, Namespace(base), override=True, replace=True)
    return g


def prefix_map(base: str | None = None) -> dict[str, str]:
    """The project's prefixes as a prefix -> namespace dict, in a fixed order, `id` (the base IRI) last.

    >>> prefix_map("https://example.org/id/")["id"], prefix_map()["eg"]
    ('https://example.org/id/', 'https://w3id.org/electiongraph/ontology#')
    """
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES}
    return prefixes | ({_BASE_PREFIX: base} if base is not None else {})


def shapes_path() -> Path:
    """The path of the SHACL shapes (`shapes.ttl`) shipped inside the package."""
    return Path(str(resources.files("graph") / "data" / "shapes.ttl"))


def ontology_path() -> Path:
    """The path of `ontology.ttl` shipped inside the package."""
    return Path(str(resources.files("graph") / "data" / "ontology.ttl"))


def load_ontology() -> Graph:
    """The project vocabulary parsed from `ontology.ttl`."""
    return Graph().parse(ontology_path(), format="turtle")
