"""RDF formats: a name registry, deterministic serialisation with pyoxigraph, and parsing into stores.

Serialisation takes `RdfStatements` (already sorted, see `graph.export.rdf`), so the same graph always gives
the same bytes. Turtle and N-Triples hold the default graph; N-Quads, TriG and JSON-LD also hold the named
graph of each source document.

>>> sorted(RDF_FORMATS)
['jsonld', 'nquads', 'ntriples', 'trig', 'turtle']
>>> RDF_FORMATS["trig"].filename, RDF_FORMATS["trig"].dataset
('graph.trig', True)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from extract.errors import ElectionGraphError

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

    from graph.export.rdf import RdfStatements

__all__ = ["RdfFormatSpec", "RDF_FORMATS", "serialize", "with_prefix_header", "format_for_path",
           "find_rdf_file", "load_into_store", "parse_dataset", "read_default_graph", "RdfParseError"]

logger = logging.getLogger(__name__)


class RdfParseError(ElectionGraphError):
    """An RDF file that cannot be parsed; the message names the file and the position."""


@dataclass(frozen=True)
class RdfFormatSpec:
    """One RDF format: its `--formats` name, file name in a build, media type and whether it holds quads."""

    name: str
    filename: str
    media_type: str
    ox_format: ox.RdfFormat
    dataset: bool
    rdflib_name: str


RDF_FORMATS: dict[str, RdfFormatSpec] = {
    spec.name: spec for spec in (
        RdfFormatSpec("turtle", "graph.ttl", "text/turtle", ox.RdfFormat.TURTLE, False, "turtle"),
        RdfFormatSpec("ntriples", "graph.nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, False, "nt"),
        RdfFormatSpec("nquads", "graph.nq", "application/n-quads", ox.RdfFormat.N_QUADS, True, "nquads"),
        RdfFormatSpec("trig", "graph.trig", "application/trig", ox.RdfFormat.TRIG, True, "trig"),
        RdfFormatSpec("jsonld", "graph.jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, True, "json-ld"),
    )
}
# Other RDF files a user may point `query` or `validate` at (read only).
_READ_ONLY: dict[str, tuple[ox.RdfFormat, str]] = {
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"), ".owl": (ox.RdfFormat.RDF_XML, "xml"),
    ".xml": (ox.RdfFormat.RDF_XML, "xml"), ".n3": (ox.RdfFormat.N3, "n3"),
}


def serialize(statements: RdfStatements, fmt: str, *, cache: Path | None = None) -> bytes:
    """The statements in format `fmt` (a key of `RDF_FORMATS`), byte-identical for identical statements.

    `cache`, for Turtle, is a file of each subject's serialised text (see `graph.rdfcache`): the bytes are
    the same, only the subjects it does not hold are serialised.

    Raises:
        ValueError: `fmt` is not a known format.
    """
    spec = RDF_FORMATS.get(fmt)
    if spec is None:
        raise ValueError(f"unknown RDF format {fmt!r}; choose from {sorted(RDF_FORMATS)}")
    if spec.name == "turtle" and cache is not None:
        from graph.rdfcache import turtle_body
        return _prefix_header(statements.prefixes) + turtle_body(statements, cache)
    if spec.name == "jsonld":
        from graph.jsonld import dumps_jsonld
        return dumps_jsonld(statements)
    if spec.name == "ntriples":
        return statements.ntriples()
    if spec.name == "nquads":
        return statements.nquads()
    quads = statements.ox_quads() if spec.dataset else statements.ox_triples()
    body = ox.serialize(quads, format=spec.ox_format, prefixes=dict(statements.prefixes))
    assert body is not None
    return with_prefix_header(body, statements.prefixes)


def with_prefix_header(body: bytes, prefixes: Iterable[tuple[str, str]]) -> bytes:
    """Replace pyoxigraph's `@prefix` lines (in hash order) by ours, in the order given."""
    lines = body.split(b"\n")
    start = 0
    while start < len(lines) and lines[start].startswith(b"@prefix "):
        start += 1
    return _prefix_header(prefixes) + b"\n".join(lines[start:])


def _prefix_header(prefixes: Iterable[tuple[str, str]]) -> bytes:
    """The `@prefix` lines in the order given, then a blank line."""
    header = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in prefixes)
    return header.encode("utf-8") + b"\n"


def format_for_path(path: str | os.PathLike[str]) -> tuple[ox.RdfFormat, str]:
    """The pyoxigraph format and rdflib format name of an RDF file, from its extension.

    Raises:
        ElectionGraphError: the extension is not one of an RDF format.
    """
    suffix = Path(path).suffix.lower()
    for spec in RDF_FORMATS.values():
        if Path(spec.filename).suffix == suffix:
            return spec.ox_format, spec.rdflib_name
    if suffix in _READ_ONLY:
        return _READ_ONLY[suffix]
    known = sorted({Path(s.filename).suffix for s in RDF_FORMATS.values()} | set(_READ_ONLY))
    raise ElectionGraphError(f"{path}: not an RDF file name (expected one of {', '.join(known)})")


def find_rdf_file(target: str | os.PathLike[str], *, datasets_first: bool = True) -> Path:
    """The RDF file to read for `target`: the file itself, or the best `graph.*` file of a build directory.

    Args:
        target: an RDF file, or a build directory.
        datasets_first: prefer the formats with named graphs (N-Quads, TriG, JSON-LD) over Turtle and
            N-Triples; the default graph is the same in all of them.

    Raises:
        ElectionGraphError: no such file, or a directory without any `graph.*` RDF file.
    """
    path = Path(target)
    if path.is_file():
        format_for_path(path)
        return path
    if not path.is_dir():
        raise ElectionGraphError(f"{path}: no such file or directory")
    specs = sorted(RDF_FORMATS.values(), key=lambda s: (s.dataset != datasets_first, s.name != "nquads"))
    for spec in specs:
        if (path / spec.filename).is_file():
            return path / spec.filename
    names = ", ".join(spec.filename for spec in RDF_FORMATS.values())
    raise ElectionGraphError(f"{path}: no RDF file here (looked for {names}); "
                             "run `electiongraph build --out DIR` first")


def read_default_graph(path: str | os.PathLike[str]) -> Graph:
    """The default graph of an RDF file as an `rdflib.Graph`, parsed by pyoxigraph (several times faster).

    Raises:
        RdfParseError: the file is not valid in the format its extension names.
    """
    from rdflib import Graph

    from graph.rdfterms import from_ox

    ox_format, _ = format_for_path(path)
    memo: dict[object, object] = {}

    def term(t: object) -> object:
        found = memo.get(t)
        if found is None:
            found = memo[t] = from_ox(t)  # type: ignore[arg-type]
        return found

    graph = Graph(bind_namespaces="none")
    try:
        quads = ox.parse(path=str(path), format=ox_format)
        graph.addN((term(q.subject), term(q.predicate), term(q.object), graph)  # type: ignore[misc]
                   for q in quads if isinstance(q.graph_name, ox.DefaultGraph))
    except SyntaxError as e:
        raise RdfParseError(f"{path}: {e}") from e
    return graph


def load_into_store(store: ox.Store, path: str | os.PathLike[str]) -> int:
    """Parse an RDF file into `store` (triples into the default graph, quads into their graphs).

    Returns:
        The number of quads in the store afterwards.

    Raises:
        RdfParseError: the file is not valid in the format its extension names.
    """
    ox_format, _ = format_for_path(path)
    try:
        store.bulk_load(path=str(path), format=ox_format)
    except SyntaxError as e:
        raise RdfParseError(f"{path}: {e}") from e
    logger.info("loaded %s", path)
    return len(store)


def parse_dataset(path: str | os.PathLike[str]) -> Dataset:
    """Parse an RDF file with rdflib into a `Dataset` (a triples-only file fills the default graph).

    Raises:
        RdfParseError: the file cannot be parsed.
    """
    from rdflib import Dataset

    ox_format, rdflib_name = format_for_path(path)
    dataset = Dataset()
    target = dataset if ox_format.supports_datasets else dataset.default_graph
    try:
        target.parse(str(path), format=rdflib_name)
    except Exception as e:  # rdflib's parsers raise many unrelated types
        raise RdfParseError(f"{path}: {e}") from e
    return dataset
