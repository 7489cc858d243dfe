"""The library of named SPARQL queries shipped as `graph/data/queries/*.rq`, and their parameters.

Each file starts with a comment block: a one-line summary, then one line per parameter,
`# param NAME (KIND, required|optional): help`. A parameter is a variable of the query, bound as an RDF term
when the query runs (pyoxigraph `substitutions`, rdflib `initBindings`), never pasted into the query text.
Optional parameters left out stay unbound, and the queries' `COALESCE(<test on ?x>, true)` filters then let
everything through (`BOUND(?x)` is false for a substituted variable in pyoxigraph, so it is not used).

>>> sorted(named_queries())[:4]
['candidates', 'comentions', 'document', 'endorsements']
>>> [(p.name, p.kind, p.required) for p in named_query("events").params]
[('from', 'date', False), ('to', 'date', False)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox

from extract.errors import ElectionGraphError

__all__ = ["Param", "NamedQuery", "ParameterError", "named_queries", "named_query", "parse_param_pairs",
           "check_params", "PARAM_KINDS"]

PARAM_KINDS = ("entity", "document", "date", "text")
_PARAM_RE = re.compile(r"#\s*param\s+(\w+)\s+\((\w+),\s*(required|optional)\):\s*(.*)")
_DATE_RE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


class ParameterError(ElectionGraphError):
    """A named query asked for with unknown, missing or malformed parameters."""


@dataclass(frozen=True)
class Param:
    """One parameter of a named query: the variable it binds and how its value is read."""

    name: str
    kind: str
    required: bool
    help: str


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name (the file stem), summary, parameters and SPARQL text."""

    name: str
    summary: str
    params: tuple[Param, ...]
    text: str

    @property
    def param_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.params)


@cache
def named_queries() -> Mapping[str, NamedQuery]:
    """Every named query shipped with the package, by name."""
    folder = resources.files("graph") / "data" / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            query = _parse_query_file(entry.name[:-3], entry.read_text(encoding="utf-8"))
            found[query.name] = query
    return found


def named_query(name: str) -> NamedQuery:
    """The named query `name`.

    Raises:
        ParameterError: no query has that name (the message lists them).
    """
    queries = named_queries()
    if name not in queries:
        raise ParameterError(f"no named query {name!r}; choose from {', '.join(sorted(queries))}")
    return queries[name]


def _parse_query_file(name: str, text: str) -> NamedQuery:
    header = [line for line in text.splitlines() if line.startswith("#")]
    summary = header[0].lstrip("# ").strip() if header else name
    params = []
    for line in header:
        m = _PARAM_RE.match(line)
        if m:
            if m[2] not in PARAM_KINDS:
                raise ValueError(f"{name}.rq: parameter {m[1]!r} has unknown kind {m[2]!r}")
            params.append(Param(name=m[1], kind=m[2], required=m[3] == "required", help=m[4].strip()))
    return NamedQuery(name=name, summary=summary, params=tuple(params), text=text)


def parse_param_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """`["entity=Benoît Hamon", "from=2017-01"]` -> `{"entity": "Benoît Hamon", "from": "2017-01"}`.

    Raises:
        ParameterError: an item without `=`, an empty name, or a name given twice.

    >>> parse_param_pairs(["entity=Jean-Luc Mélenchon", "to=2017-05"])
    {'entity': 'Jean-Luc Mélenchon', 'to': '2017-05'}
    """
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ParameterError(f"--param expects NAME=VALUE, got {pair!r}")
        if name in values:
            raise ParameterError(f"--param {name} given twice")
        values[name] = value.strip()
    return values


def check_params(query: NamedQuery, values: Mapping[str, str]) -> None:
    """Check names and required parameters, and the form of date values.

    Raises:
        ParameterError: an unknown or missing parameter, or a malformed date.
    """
    unknown = sorted(set(values) - set(query.param_names))
    if unknown:
        expected = ", ".join(query.param_names) or "none"
        raise ParameterError(f"query {query.name!r} has no parameter {', '.join(unknown)} "
                             f"(parameters: {expected})")
    missing = [p.name for p in query.params if p.required and not values.get(p.name)]
    if missing:
        help_text = _param(query, missing[0]).help
        raise ParameterError(f"query {query.name!r} needs --param {missing[0]}=... ({help_text})")
    for param in query.params:
        value = values.get(param.name)
        if param.kind == "date" and value and not _DATE_RE.fullmatch(value):
            raise ParameterError(f"--param {param.name}={value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")


def literal_param(value: str) -> ox.Literal:
    """A date or text parameter as a plain string literal (dates are compared as text, by precision)."""
    return ox.Literal(value)


def _param(query: NamedQuery, name: str) -> Param:
    return next(p for p in query.params if p.name == name)
