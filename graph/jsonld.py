"""JSON-LD with a context: the project prefixes inline, compact IRIs, one node object per line.

pyoxigraph writes expanded JSON-LD (full IRIs, no context) and rdflib's compacting serialiser is slow on big
graphs, so this module writes the compacted form itself from sorted statements: deterministic, and parsed back
by any JSON-LD 1.0 or 1.1 processor to the same dataset. Named graphs are top-level objects with `@id` (the
document IRI) and `@graph`.

>>> import networkx as nx
>>> from graph.export.rdf import to_statements
>>> g = nx.MultiDiGraph()
>>> g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON")
>>> text = dumps_jsonld(to_statements(g)).decode("utf-8")
>>> '"@id":"id:person/benoit-hamon"' in text and '"@type":["sem:Actor","schema:Person"]' in text
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any

from rdflib.namespace import RDF

if TYPE_CHECKING:
    from graph.export.rdf import RdfStatements

__all__ = ["dumps_jsonld", "jsonld_context"]

_TYPE = str(RDF.type)
_ESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def jsonld_context(prefixes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The `@context` of the output: each prefix mapped to its namespace (all end in `/` or `#`)."""
    return dict(prefixes)


def dumps_jsonld(statements: RdfStatements) -> bytes:
    """The statements as compacted JSON-LD (UTF-8): the default graph, then one object per named graph."""
    context = jsonld_context(statements.prefixes)
    writer = _Writer(_Compactor(context))
    objects = list(writer.node_objects(statements.triples))
    for name, lines in statements.graphs:
        objects.append({"@id": writer.compact(name), "@graph": list(writer.node_objects(lines))})
    head = '{"@context":' + json.dumps(context, ensure_ascii=False, separators=(",", ":")) + ',\n"@graph":[\n'
    body = ",\n".join(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) for obj in objects)
    return (head + body + "\n]}\n").encode("utf-8")


class _Writer:
    """Node objects from sorted N-Triples lines (`<s> <p> object .`), object values memoised."""

    def __init__(self, compact: _Compactor) -> None:
        self.compact = compact
        self._values: dict[str, Any] = {}

    def node_objects(self, lines: Iterable[str]) -> Iterator[dict[str, Any]]:
        """One node object per subject (the lines are sorted, so a subject's lines are consecutive)."""
        for subject, group in groupby(lines, key=lambda line: line[1:line.index("> ")]):
            types: list[str] = []
            properties: dict[str, list[Any]] = {}
            for line in group:
                rest = line[len(subject) + 4:-2]  # after "<s> <", before " ."
                cut = rest.index("> ")
                predicate, obj = rest[:cut], rest[cut + 2:]
                if predicate == _TYPE and obj.startswith("<"):
                    types.append(self.compact(obj[1:-1]))
                else:
                    properties.setdefault(self.compact(predicate), []).append(self.value(obj))
            yield {"@id": self.compact(subject)} | ({"@type": types} if types else {}) | properties

    def value(self, term: str) -> Any:
        found = self._values.get(term)
        if found is None:
            found = self._values[term] = self._parse(term)
        return found

    def _parse(self, term: str) -> Any:
        if term.startswith("<"):
            return {"@id": self.compact(term[1:-1])}
        if term.startswith("_:"):
            return {"@id": term}
        end = term.rindex('"')
        text = _unescape(term[1:end])
        suffix = term[end + 1:]
        if suffix.startswith("@"):
            return {"@value": text, "@language": suffix[1:]}
        if suffix.startswith("^^<"):
            return {"@value": text, "@type": self.compact(suffix[3:-1])}
        return text


def _unescape(text: str) -> str:
    """N-Triples string escapes (`\\"`, `\\n`, `\\uXXXX`, ...) back to characters."""
    if "\\" not in text:
        return text
    return _ESCAPE_RE.sub(lambda m: _ECHARS.get(m[1]) or chr(int(m[1][1:], 16)), text)


class _Compactor:
    """IRI -> `prefix:local` with the longest matching namespace, else the IRI itself; memoised."""

    def __init__(self, context: dict[str, str]) -> None:
        self._namespaces = sorted(context.items(), key=lambda item: -len(item[1]))
        self._memo: dict[str, str] = {}

    def __call__(self, iri: str) -> str:
        found = self._memo.get(iri)
        if found is None:
            found = self._memo[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self._namespaces:
            local = iri[len(namespace):]
            # `p://x` would read as an absolute IRI, and an empty local part as the prefix term itself
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{prefix}:{local}"
        return iri
