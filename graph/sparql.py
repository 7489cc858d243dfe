"""Run SPARQL over the export: pyoxigraph as the engine, rdflib as a second opinion, table/CSV/JSON results.

Parameters are bound as RDF terms (pyoxigraph `substitutions`, rdflib `initBindings`), never pasted into the
query text. The project prefixes (`eg:`, `schema:`, `sem:`, `prov:`, `dcterms:`, `skos:`, `rdfs:`, ...) are
predeclared, so ad-hoc queries may use them without `PREFIX` lines. Syntax errors name the line and column.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://example.org/a"), ox.NamedNode(str(RDFS_LABEL)), ox.Literal("A")))
>>> result = run_query(store, "SELECT ?label WHERE { ?s rdfs:label ?label }")
>>> format_result(result, "csv").splitlines()
['label', 'A']
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Union

import pyoxigraph as ox
from rdflib.namespace import RDFS

from extract.errors import ElectionGraphError
from graph.rdfio import with_prefix_header
from graph.rdfterms import RDF_LANG_STRING, XSD_STRING, from_ox, to_ox
from graph.vocab import PREFIXES

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["QueryResult", "SparqlSyntaxError", "DEFAULT_PREFIXES", "RESULT_FORMATS", "run_query",
           "run_rdflib", "format_result", "query_form", "describe_syntax_error"]

logger = logging.getLogger(__name__)

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal, ox.Triple]
DEFAULT_PREFIXES: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES}
RESULT_FORMATS = ("table", "csv", "json")
RDFS_LABEL = RDFS.label
_POSITION_RE = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_UPDATE_RE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\b[^\n]*\n\s*)*"
                        r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_PREFIXED_RE = re.compile(r"(?<![\w<\"'?$:/#.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")
_DECLARED_RE = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_FORM_RE = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_CELL_MAX = 60


class SparqlSyntaxError(ElectionGraphError):
    """A query that does not parse; the message shows the line and column."""


@dataclass(frozen=True)
class QueryResult:
    """The outcome of a query: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    form: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = ()

    def without(self, names: Sequence[str]) -> QueryResult:
        """The same solutions without the columns `names` (the bound parameters of a named query)."""
        keep = [i for i, name in enumerate(self.variables) if name not in names]
        return replace(self, variables=tuple(self.variables[i] for i in keep),
                       rows=tuple(tuple(row[i] for i in keep) for row in self.rows))

    def column(self, name: str) -> list[Term | None]:
        """The values of one variable, row by row."""
        index = self.variables.index(name)
        return [row[index] for row in self.rows]


def query_form(text: str) -> str:
    """`select`, `ask`, `construct` or `describe`: the first query keyword after the prologue."""
    body = re.sub(r"#[^\n]*|<[^<>\s]*>", " ", text)
    m = _FORM_RE.search(body)
    return m[1].lower() if m else "select"


def run_query(store: ox.Store, text: str, *, bindings: Mapping[str, Term] | None = None,
              prefixes: Mapping[str, str] | None = None) -> QueryResult:
    """Run a SPARQL query on a pyoxigraph store.

    Args:
        store: the store (default graph = every statement; named graphs = one per source document).
        text: the SPARQL query.
        bindings: variable name -> term, substituted before evaluation (each must be in the SELECT clause).
        prefixes: predeclared prefixes (default: the project's); the query's own `PREFIX` lines win.

    Raises:
        SparqlSyntaxError: the query does not parse (the message shows where) or is an update.
    """
    substitutions = {ox.Variable(name): term for name, term in (bindings or {}).items()}
    try:
        answer = store.query(text, prefixes=dict(DEFAULT_PREFIXES if prefixes is None else prefixes),
                             substitutions=substitutions or None)
    except SyntaxError as e:
        raise describe_syntax_error(text, str(e), prefixes) from e
    except RuntimeError as e:  # e.g. a substituted variable that is not projected
        raise ElectionGraphError(f"cannot run the query: {e}") from e
    return _collect(answer)


def _collect(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(form="ask", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(form="graph", triples=tuple(answer))
    variables = tuple(v.value for v in answer.variables)
    rows = tuple(tuple(solution[name] for name in variables) for solution in answer)
    return QueryResult(form="select", variables=variables, rows=rows)


def run_rdflib(dataset: Dataset | Graph, text: str, *, bindings: Mapping[str, Term] | None = None,
               prefixes: Mapping[str, str] | None = None) -> QueryResult:
    """The same query with rdflib's engine (slower; used to cross-check pyoxigraph), terms as pyoxigraph's."""
    namespaces = dict(DEFAULT_PREFIXES if prefixes is None else prefixes)
    init = {name: from_ox(term) for name, term in (bindings or {}).items()}  # type: ignore[arg-type]
    answer = dataset.query(text, initNs=namespaces, initBindings=init)
    if answer.type == "ASK":
        return QueryResult(form="ask", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        triples = tuple(ox.Triple(*(to_ox(t) for t in triple)) for triple in answer)
        return QueryResult(form="graph", triples=triples)
    variables = tuple(str(v) for v in answer.vars or ())
    rows = tuple(tuple(None if term is None else to_ox(term) for term in row) for row in answer)
    return QueryResult(form="select", variables=variables, rows=rows)


def describe_syntax_error(text: str, message: str,
                          prefixes: Mapping[str, str] | None = None) -> SparqlSyntaxError:
    """The error for a query pyoxigraph could not parse: line, column, the line itself with a caret, and hints
    (an undeclared prefix, an update sent as a query).

    >>> print(describe_syntax_error("SELECT * WHERE { ?s ex:p ?o }", "error at 1:26: expected OPTIONAL"))
    SPARQL syntax error at line 1, column 26: expected OPTIONAL
      SELECT * WHERE { ?s ex:p ?o }
                               ^
      hint: undeclared prefix ex: (add PREFIX ex: <...>)
    """
    hints = []
    if _UPDATE_RE.match(text):
        hints.append("updates (INSERT, DELETE, LOAD, ...) are not allowed: the graph is read-only")
    declared = set(DEFAULT_PREFIXES if prefixes is None else prefixes)
    declared |= {m[1] or "" for m in _DECLARED_RE.finditer(text)}
    body = re.sub(r"<[^<>\s]*>|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*", " ", text)
    undeclared = sorted({m[1] or "" for m in _PREFIXED_RE.finditer(body)} - declared)
    if undeclared:
        names = ", ".join(p + ":" for p in undeclared)
        hints.append(f"undeclared prefix {names} (add PREFIX {undeclared[0]}: <...>)")
    m = _POSITION_RE.search(message)
    if not m:
        return SparqlSyntaxError("SPARQL syntax error: " + "; ".join([message, *hints]))
    line, column, detail = int(m[1]), int(m[2]), m[3].strip()
    lines = text.splitlines() or [""]
    shown = lines[min(line, len(lines)) - 1]
    caret = " " * max(0, min(column, len(shown) + 1) - 1) + "^"
    hint = "".join(f"\n  hint: {h}" for h in hints)
    return SparqlSyntaxError(f"SPARQL syntax error at line {line}, column {column}: {detail}\n"
                             f"  {shown}\n  {caret}{hint}")


def format_result(result: QueryResult, fmt: str, *, prefixes: Mapping[str, str] | None = None) -> str:
    """The result as `table` (aligned, IRIs shortened with the prefixes), `csv` or `json`.

    SELECT: CSV and JSON follow the SPARQL 1.1 results formats. ASK: `true`/`false` (JSON: `"boolean"`).
    CONSTRUCT/DESCRIBE: Turtle for `table`, N-Triples for `csv`, JSON-LD for `json`.

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in RESULT_FORMATS:
        raise ValueError(f"unknown result format {fmt!r}; choose from {', '.join(RESULT_FORMATS)}")
    prefixes = dict(DEFAULT_PREFIXES if prefixes is None else prefixes)
    if result.form == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return f"{str(result.boolean).lower()}\n"
    if result.form == "graph":
        return _graph_text(result.triples, fmt, prefixes)
    return {"table": _table, "csv": _csv, "json": _json}[fmt](result, prefixes)


def _graph_text(triples: Sequence[ox.Triple], fmt: str, prefixes: dict[str, str]) -> str:
    formats = {"table": ox.RdfFormat.TURTLE, "csv": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}
    rdf_format = formats[fmt]
    used = prefixes if fmt == "table" else None
    data = ox.serialize(list(triples), format=rdf_format, prefixes=used) or b""
    if fmt == "table":
        data = with_prefix_header(data, sorted(prefixes.items()))
    text = data.decode("utf-8")
    return text if text.endswith("\n") or not text else text + "\n"


def _csv(result: QueryResult, prefixes: dict[str, str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if term is None else _plain(term) for term in row])
    return out.getvalue()


def _json(result: QueryResult, prefixes: dict[str, str]) -> str:
    bindings = [{name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
                for row in result.rows]
    doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    parts = ("subject", "predicate", "object")
    return {"type": "triple", "value": {part: _json_term(getattr(term, part)) for part in parts}}


def _plain(term: Term) -> str:
    """A term as the SPARQL CSV format writes it: IRIs bare, literals by their lexical form."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _table(result: QueryResult, prefixes: dict[str, str]) -> str:
    namespaces = sorted(prefixes.items(), key=lambda item: -len(item[1]))
    cells = [[_cell(term, namespaces) for term in row] for row in result.rows]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(result.variables)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(result.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(term: Term | None, namespaces: list[tuple[str, str]]) -> str:
    if term is None:
        return ""
    text = _plain(term)
    if isinstance(term, ox.NamedNode):
        prefix = next(((p, ns) for p, ns in namespaces if text.startswith(ns) and len(text) > len(ns)), None)
        text = f"{prefix[0]}:{text[len(prefix[1]):]}" if prefix else f"<{text}>"
    text = " ".join(text.split())  # newlines and tabs would break the table
    return text if len(text) <= _CELL_MAX else text[:_CELL_MAX - 1] + "…"
