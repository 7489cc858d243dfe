"""The RDF verbs of the command line: `query`, `serve` and `validate` (registered by `graph.cli`)."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from extract.errors import ElectionGraphError
from graph.cli import _common
from graph.ids import DEFAULT_BASE

__all__ = ["register"]

_QUERY_HELP = """\
Run a SPARQL query, or a named query of the library, on a build directory (its graph.nq, graph.trig,
graph.jsonld, graph.ttl or graph.nt), an RDF file or a --store directory. The project prefixes (eg:, schema:,
sem:, prov:, dcterms:, skos:, rdfs:, rdf:, xsd:, owl:) are predeclared.

named queries:
{names}

examples:
  electiongraph query out/demo --name timeline --param entity="Benoît Hamon"
  electiongraph query out/demo --name events --param from=2017-01 --param to=2017-02 --format csv
  electiongraph query out/demo 'SELECT ?name WHERE {{ ?p a schema:Person ; rdfs:label ?name }} LIMIT 5'
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `query`, `serve` and `validate` to the `electiongraph` command line."""
    _query_parser(subparsers.add_parser(
        "query", help="run a SPARQL query or a named query (table, CSV or JSON)",
        description=_QUERY_HELP.format(names=_named_query_lines()),
        formatter_class=argparse.RawDescriptionHelpFormatter))
    _serve_parser(subparsers.add_parser(
        "serve", help="a read-only SPARQL endpoint and the HTML views over HTTP",
        description="Serve a read-only SPARQL 1.1 Protocol endpoint at /sparql (GET and POST; JSON, XML, "
                    "CSV, TSV by content negotiation) and the build's HTML files at /. "
                    "Binds to 127.0.0.1 by default."))
    _validate_parser(subparsers.add_parser(
        "validate", help="check the RDF against the shipped SHACL shapes",
        description="Validate the RDF of a build directory (or an RDF file) against the SHACL shapes shipped "
                    "with the package (graph/data/shapes.ttl). Exit 0 when it conforms, 1 otherwise."))


def _named_query_lines() -> str:
    from graph.queries import named_queries

    lines = []
    for query in named_queries().values():
        params = " ".join(f"{p.name}=..." if p.required else f"[{p.name}=...]" for p in query.params)
        usage = f"\n  {'':<13} --param {params}" if params else ""
        lines.append(f"  {query.name:<13} {query.summary}{usage}")
    return "\n".join(lines)


def _query_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", type=Path, help="a build directory, an RDF file, or a --store directory")
    p.add_argument("sparql", nargs="?", help="the query text, a .rq file, or - to read it from stdin")
    p.add_argument("--name", help="run a named query of the library instead (see the list above)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="a parameter of the named query, bound as an RDF term (repeatable)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="table (default), csv or json (the SPARQL 1.1 results formats)")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="keep a persistent Oxigraph store in DIR, reused while the RDF file is unchanged")
    _common(p)
    p.set_defaults(run=_run_query)


def _serve_parser(p: argparse.ArgumentParser) -> None:
    from graph.serve import ServeConfig

    default = ServeConfig()
    p.add_argument("target", type=Path, help="a build directory, an RDF file, or a --store directory")
    p.add_argument("--host", default=default.host, help=f"address to bind (default: {default.host})")
    p.add_argument("--port", type=int, default=default.port,
                   help=f"port (default: {default.port}; 0: any free one)")
    p.add_argument("--store", type=Path, metavar="DIR",
                   help="persistent Oxigraph store to load once and reuse")
    p.add_argument("--timeout", type=float, default=default.timeout,
                   help=f"query time limit in seconds (default: {default.timeout:g})")
    p.add_argument("--max-bytes", type=int, default=default.max_response_bytes,
                   help=f"response size limit in bytes (default: {default.max_response_bytes})")
    p.add_argument("--workers", type=int, default=default.workers,
                   help=f"queries run at once, each in its own process (default: {default.workers})")
    _common(p)
    p.set_defaults(run=_run_serve)


def _validate_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", type=Path, help="a build directory or an RDF file")
    p.add_argument("--shapes", type=Path, metavar="FILE",
                   help="other SHACL shapes (default: the shipped ones)")
    p.add_argument("--limit", type=int, default=20, help="results to print when the data does not conform")
    _common(p)
    p.set_defaults(run=_run_validate)


def _query_text(args: argparse.Namespace) -> tuple[str, list[str], dict]:
    """The SPARQL text, the columns to hide (bound parameters) and the bindings' raw values."""
    from graph.queries import named_query, parse_param_pairs

    if args.name and args.sparql:
        raise ElectionGraphError("give a SPARQL query or --name NAME, not both")
    if args.name:
        query = named_query(args.name)
        return query.text, list(query.param_names), parse_param_pairs(args.param)
    if args.param:
        raise ElectionGraphError("--param goes with --name (a SPARQL query binds nothing)")
    if not args.sparql:
        raise ElectionGraphError("give a SPARQL query (text, a .rq file or -) or --name NAME")
    if args.sparql == "-":
        return sys.stdin.read(), [], {}
    if args.sparql.endswith(".rq") and Path(args.sparql).is_file():
        return Path(args.sparql).read_text(encoding="utf-8"), [], {}
    return args.sparql, [], {}


def _run_query(args: argparse.Namespace) -> int:
    from graph.lookup import bind_params
    from graph.queries import named_query
    from graph.sparql import DEFAULT_PREFIXES, format_result, run_query
    from graph.store import open_store

    text, hidden, raw = _query_text(args)  # checked before anything is loaded
    store = open_store(args.target, store_dir=args.store)
    bindings = bind_params(store, named_query(args.name), raw) if args.name else {}
    result = run_query(store, text, bindings=bindings)
    if hidden and result.form == "select":
        result = result.without(hidden)
    sys.stdout.write(format_result(result, args.format, prefixes=DEFAULT_PREFIXES | {"id": DEFAULT_BASE}))
    return 0


def _run_serve(args: argparse.Namespace) -> int:
    from graph.serve import ServeConfig, SparqlServer

    config = ServeConfig(host=args.host, port=args.port, timeout=args.timeout,
                         max_response_bytes=args.max_bytes, workers=args.workers)
    server = SparqlServer(args.target, store_dir=args.store, config=config)
    print(f"SPARQL endpoint: {server.endpoint}  (read-only; Ctrl-C stops)", flush=True)
    if server.html_dir is not None:
        print(f"HTML views:      {server.url}/", flush=True)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
    try:
        server.serve_forever()  # closes the server (workers, temporary store) when it ends
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        signal.signal(signal.SIGTERM, previous)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _run_validate(args: argparse.Namespace) -> int:
    from graph.validate import load_shapes, validate_target

    shapes = load_shapes(args.shapes) if args.shapes else None
    report = validate_target(args.target, shapes=shapes)
    print(report.summary(limit=args.limit))
    return 0 if report.conforms else 1
