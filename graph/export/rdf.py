"""The graph as RDF: schema.org, SEM, PROV-O and Dublin Core terms, plus the small `eg:` vocabulary.

Every IRI comes from `graph.ids.iri` (slugs of node ids); every piece of text is a literal. Each election
relation becomes an n-ary node (an `eg:Endorsement`, an `eg:Result`, ...) whose IRI is a hash of what it says,
so there are no blank nodes and the same networkx graph always gives the same triples and the same bytes.

The default graph holds every statement. The statements derived from one source document (its own node, the
events it reports or mentions, the relations it supports, its mentions of entities with their classes and
labels) are also put in a named graph whose name is the document's IRI, so TriG, N-Quads and JSON-LD say who
said what. The mapping itself lives in `graph.rdfmap`; serialisers in `graph.rdfio`.

Statements are N-Triples lines sorted once, so ~300,000 triples serialise in about a second (rdflib needs tens
of seconds for Turtle); `to_rdf` and `to_dataset` give rdflib objects for the rdflib API.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from graph.ids import DEFAULT_BASE, check_base, iri  # noqa: F401 - iri is used by the examples
from graph.io import write_atomic
from graph.rdfmap import RELATIONS as _RELATIONS  # noqa: F401 - the mapping, for the tests
from graph.rdfmap import Mapper
from graph.rdfterms import date_literal, from_ox, url_term
from graph.vocab import SCHEMA, bind_prefixes, prefix_map  # noqa: F401 - SCHEMA is used by the examples

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["RdfStatements", "to_statements", "to_rdf", "to_dataset", "write_turtle", "write_rdf",
           "date_literal", "url_term"]

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class RdfStatements:
    """The RDF of one graph: the default graph and one named graph per source document, each sorted.

    Statements are N-Triples lines (without the newline): cheap to hash, sort and write, and parsed by
    pyoxigraph at a few hundred thousand lines a second when terms are needed.

    Attributes:
        triples: the default graph (every statement), N-Triples lines sorted (so by subject, then predicate).
        graphs: (document IRI, its statements) pairs, sorted by IRI.
        prefixes: (prefix, namespace) pairs to write, the `id:` prefix bound to the base IRI.
    """

    triples: tuple[str, ...]
    graphs: tuple[tuple[str, tuple[str, ...]], ...]
    prefixes: tuple[tuple[str, str], ...]

    def ntriples(self) -> bytes:
        """The default graph as N-Triples."""
        return _lines(self.triples)

    def nquads(self) -> bytes:
        """The default graph, then each named graph, as N-Quads."""
        named = (f"{line[:-1]}<{name}> ." for name, lines in self.graphs for line in lines)
        return _lines(self.triples) + _lines(named)

    def ox_triples(self) -> Iterator[ox.Triple]:
        """The default graph as pyoxigraph triples, in order."""
        return (quad.triple for quad in ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES))

    def ox_quads(self) -> Iterator[ox.Quad]:
        """Every quad as a pyoxigraph quad, in order: the default graph first."""
        return ox.parse(self.nquads(), format=ox.RdfFormat.N_QUADS)


def to_statements(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE, named: bool = True) -> RdfStatements:
    """The RDF statements of an electiongraph networkx graph, sorted, with one named graph per document
    (`named=False`: the default graph only, for the formats that hold no named graph).

    Raises:
        ValueError: `base` is not a usable base IRI.
        TypeError: `graph` is not a multigraph.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("doc/d1", kind="document", label="A title", lang="en")
    >>> st = to_statements(g)
    >>> len(st.triples), [name for name, _ in st.graphs]
    (6, ['https://w3id.org/electiongraph/id/doc/d1'])
    """
    check_base(base)
    if not graph.is_multigraph():
        raise TypeError("to_rdf needs a networkx MultiDiGraph keyed by relation name")
    mapper = Mapper(graph, base, named=named)
    mapper.run()
    graphs = ((mapper.node(doc)[1:-1], _sorted(triples)) for doc, triples in mapper.named.items() if triples)
    return RdfStatements(triples=_sorted(mapper.default), graphs=tuple(sorted(graphs)),
                         prefixes=tuple(prefix_map(base).items()))


def to_rdf(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Graph:
    """The default graph as an `rdflib.Graph` with the project prefixes bound (see `to_statements`).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON")
    >>> rdf = to_rdf(g)
    >>> str(rdf.value(iri("person/benoit-hamon"), SCHEMA.name))
    'Benoît Hamon'
    """
    statements = to_statements(graph, base=base, named=False)
    out = bind_prefixes(Graph(bind_namespaces="none"), base)
    _add_triples(out, statements.ox_triples(), {})
    return out


def to_dataset(graph: nx.MultiDiGraph, *, base: str = DEFAULT_BASE) -> Dataset:
    """The default graph and the per-document named graphs as an `rdflib.Dataset`."""
    statements = to_statements(graph, base=base)
    out = bind_prefixes(Dataset(), base)
    memo: dict[Any, Any] = {}
    graphs: dict[Any, Graph] = {}
    for quad in statements.ox_quads():
        name = quad.graph_name
        target = graphs.get(name)
        if target is None:
            is_default = isinstance(name, ox.DefaultGraph)
            target = graphs[name] = out.default_graph if is_default else out.graph(URIRef(name.value))
        _add_triples(target, (quad.triple,), memo)
    return out


def write_rdf(graph: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str, *,
              base: str = DEFAULT_BASE, cache_dir: Path | None = None) -> Path:
    """Write the graph in one RDF format (see `graph.rdfio.RDF_FORMATS`) to `path`, atomically.

    `cache_dir`, when given, keeps the Turtle text of each subject (`graph.rdfcache`) for the next build.

    Raises:
        ValueError: an unknown format name, or a bad base IRI.
    """
    from graph.rdfcache import TURTLE_CACHE_NAME
    from graph.rdfio import RDF_FORMATS, serialize

    path = Path(path)
    spec = RDF_FORMATS.get(fmt)
    cache = Path(cache_dir) / TURTLE_CACHE_NAME if cache_dir is not None and fmt == "turtle" else None
    data = serialize(to_statements(graph, base=base, named=spec is None or spec.dataset), fmt, cache=cache)
    write_atomic(path, data)
    logger.info("wrote %s (%d bytes)", path, len(data))
    return path


def write_turtle(graph: nx.MultiDiGraph, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE,
                 cache_dir: Path | None = None) -> Path:
    """Write the default graph as Turtle to `path`, atomically (a temporary file, then a rename); with
    `cache_dir`, only the subjects whose statements changed since the last build are serialised again.

    >>> import networkx as nx, tempfile
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("party/socialist-party", kind="entity", label="Socialist Party", type="PARTY")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_turtle(g, Path(tmp) / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    True
    """
    return write_rdf(graph, path, "turtle", base=base, cache_dir=cache_dir)


def _lines(lines: Iterable[str]) -> bytes:
    # encoding line by line is ~7x faster than encoding one big string with a few non-Latin-1 characters
    return b"".join(line.encode("utf-8") + b"\n" for line in lines)


def _add_triples(target: Graph, triples: Iterable[ox.Triple], memo: dict[Any, Any]) -> None:
    def term(t: Any) -> Any:
        found = memo.get(t)
        if found is None:
            found = memo[t] = from_ox(t)
        return found
    target.addN((term(t.subject), term(t.predicate), term(t.object), target) for t in triples)


def _sorted(lines: Iterable[str]) -> tuple[str, ...]:
    """N-Triples lines in code-point order: a subject's statements, then a predicate's, stay together."""
    return tuple(sorted(lines))

