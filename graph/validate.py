"""SHACL validation of the RDF export against the shapes shipped with the package (`graph/data/shapes.ttl`).

pySHACL checks the default graph (it holds every statement; the named graphs are subsets of it). A build's
own output always conforms; `electiongraph validate TARGET` exits 1 with the violations otherwise.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from graph.rdfio import find_rdf_file, read_default_graph
from graph.vocab import shapes_path

__all__ = ["Violation", "ValidationReport", "load_shapes", "validate_graph", "validate_target"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node at fault, the property, what is wrong, and the shape that says so."""

    focus: str
    path: str | None
    message: str
    severity: str
    component: str
    value: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: whether the data conforms, and every result pySHACL gave."""

    conforms: bool
    violations: tuple[Violation, ...]
    triples: int
    source: str = ""

    def summary(self, limit: int = 20) -> str:
        """A human summary: the verdict, counts by constraint, then the first `limit` results."""
        if self.conforms:
            return f"{self.source or 'data'}: conforms ({self.triples} triples)"
        counts = Counter(v.component for v in self.violations)
        lines = [f"{self.source or 'data'}: does NOT conform: {len(self.violations)} result(s) "
                 f"({', '.join(f'{name} x{n}' for name, n in counts.most_common())})"]
        lines += [f"  {v}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


def load_shapes(path: str | os.PathLike[str] | None = None) -> Graph:
    """The SHACL shapes graph: the shipped `shapes.ttl` unless `path` is given."""
    return Graph().parse(str(path or shapes_path()), format="turtle")


def validate_graph(data: Graph, *, shapes: Graph | None = None, source: str = "") -> ValidationReport:
    """Validate an rdflib graph against the shapes (no inference: the export states every type it means).

    >>> from graph.export.rdf import to_rdf
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("person/benoit-hamon", kind="entity", label="Benoît Hamon", type="PERSON")
    >>> validate_graph(to_rdf(g)).conforms
    True
    """
    import pyshacl  # imported here: it takes a while and only validation needs it

    shapes = shapes if shapes is not None else load_shapes()
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True,
                                            inplace=True, allow_warnings=False)
    found = (_violation(results, node) for node in results.subjects(RDF.type, SH.ValidationResult))
    violations = tuple(sorted(found, key=lambda v: (v.focus, v.path or "", v.component, v.message)))
    logger.info("validated %d triples: conforms=%s, %d result(s)", len(data), conforms, len(violations))
    return ValidationReport(conforms=bool(conforms), violations=violations, triples=len(data), source=source)


def validate_target(target: str | os.PathLike[str], *, shapes: Graph | None = None) -> ValidationReport:
    """Validate a build directory (its Turtle or N-Triples file first) or an RDF file.

    Raises:
        ElectionGraphError: no RDF file at `target`, or a file that cannot be parsed.
    """
    path = find_rdf_file(Path(target), datasets_first=False)
    return validate_graph(read_default_graph(path), shapes=shapes, source=str(path))


def _violation(results: Graph, node: URIRef) -> Violation:
    def one(predicate: URIRef) -> str | None:
        value = results.value(node, predicate)
        return None if value is None else str(value)

    component = one(SH.sourceConstraintComponent) or ""
    severity = (one(SH.resultSeverity) or "").rsplit("#")[-1]
    return Violation(focus=one(SH.focusNode) or "", path=one(SH.resultPath),
                     message=one(SH.resultMessage) or component, severity=severity,
                     component=component.rsplit("#")[-1].removesuffix("ConstraintComponent"),
                     value=one(SH.value))
