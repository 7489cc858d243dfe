"""The `electiongraph` command line: a thin layer over the library, and the only module that prints."""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING
from pathlib import Path

from extract import sample_corpus
from extract.errors import ElectionGraphError
from graph.export import DEFAULT_FORMATS, EXPORTERS
from graph.ids import DEFAULT_BASE

if TYPE_CHECKING:
    from graph.job import ExtractOptions

__all__ = ["main", "run"]

log = logging.getLogger("electiongraph")

_VERB_MODULES: tuple[str, ...] = ("graph.cli_rdf",)


def run() -> None:
    """The `electiongraph` program: `main`, then exit without a last garbage collection of the heap.

    At exit the interpreter walks every object still alive to free reference cycles, the networkx graph of a
    build among them (its views point back at it): about 0.4 s after a build of the whole corpus, for memory
    the operating system takes back at once. Freezing the heap first leaves those objects out of that walk;
    atexit handlers and stream flushing run as usual. In-process callers (tests, notebooks) use `main`.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 error, 2 usage)."""
    args = _parser().parse_args(argv)
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(level=level,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("rdflib", "urllib3", "matplotlib"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        return args.run(args)
    except ElectionGraphError as e:
        print(f"electiongraph: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("electiongraph: interrupted; earlier outputs are left as they were", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="electiongraph", description=__doc__.split("\n")[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _build_parser(sub.add_parser("build", help="build the graph and its exports from documents",
                                 description="Read documents (directories are walked), extract, build the graph "
                                 "and write graph.ttl, graph.json, the HTML views (index.html, network.html, timeline.html, "
                                 "entities/) and report.json."))
    _extract_parser(sub.add_parser("extract", help="print the extraction record of each document (JSON Lines)"))
    _timeline_parser(sub.add_parser("timeline", help="an entity's events and relations in date order"))
    for name in _VERB_MODULES:  # each adds its verbs with register(subparsers); heavy imports stay in the verbs
        importlib.import_module(name).register(sub)
    return parser


def _engine_options(p: argparse.ArgumentParser, *, cache_default: str) -> None:
    g = p.add_argument_group("extraction engine and cache")
    g.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="extract in N local processes (default 1; results are identical, in the same order)")
    g.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes, or a Dask distributed cluster (needs --scheduler)")
    g.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    g.add_argument("--cache-dir", type=Path, metavar="DIR", help=f"extraction cache directory ({cache_default})")
    g.add_argument("--no-cache", action="store_true", help="neither read nor write the extraction cache")


def _extract_options(args: argparse.Namespace, *, cache_by_default: bool) -> ExtractOptions:
    from graph.job import ExtractOptions

    use_cache = not args.no_cache and (cache_by_default or args.cache_dir is not None)
    return ExtractOptions(cache=use_cache, cache_dir=args.cache_dir, jobs=args.jobs, engine=args.engine,
                          scheduler=args.scheduler)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, errors only")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")


def _build_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or directories (default: the sample corpus shipped with the package)")
    p.add_argument("-o", "--out", type=Path, default=Path("out"), help="output directory (default: ./out)")
    p.add_argument("--formats", default=",".join(DEFAULT_FORMATS),
                   help=f"comma-separated outputs among {', '.join(sorted(EXPORTERS))} (default: all)")
    p.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE",
                   help="extra gazetteer file (JSON Lines), may be repeated")
    p.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of the RDF ids (default: {DEFAULT_BASE})")
    p.add_argument("--max-nodes", type=int, default=400, help="nodes drawn in the network view (most connected)")
    p.add_argument("--strict", action="store_true", help="exit with an error when any input file is skipped")
    _engine_options(p, cache_default="default: OUT/.cache")
    _common(p)
    p.set_defaults(run=_run_build)


def _extract_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (JSON Lines)")
    p.add_argument("--gazetteer", type=Path, action="append", default=[], metavar="FILE")
    _engine_options(p, cache_default="default: no cache")
    _common(p)
    p.set_defaults(run=_run_extract)


def _timeline_parser(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", type=Path, help="a build directory (or its graph.json)")
    p.add_argument("entity", help="an entity name, alias or id, e.g. \"Benoît Hamon\"")
    p.add_argument("--format", choices=["table", "json"], default="table")
    _common(p)
    p.set_defaults(run=_run_timeline)


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in value.split(",") if f.strip())
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown or not formats:
        raise ElectionGraphError(f"unknown --formats value(s) {unknown or [value]}; choose from {sorted(EXPORTERS)}")
    return formats


def _run_build(args: argparse.Namespace) -> int:
    from graph.job import run_build

    paths = args.paths or [sample_corpus()]
    result = run_build(paths, args.out, formats=_formats(args.formats), gazetteers=args.gazetteer,
                       base=args.base, max_nodes=args.max_nodes, quiet=args.quiet,
                       options=_extract_options(args, cache_by_default=True))
    g = result.graph
    counts = ", ".join(f"{n} {status}" for status, n in result.counts.items())
    print(f"processed {len(result.files)} file(s): {counts}")
    done = result.extraction
    if done.get("cached"):
        print(f"extraction: {done.get('extracted', 0)} document(s) extracted, {done['cached']} from the cache")
    for report in result.files:
        if report.status == "skipped":
            print(f"  skipped {report.path}: {report.reason}", file=sys.stderr)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    for name, path in sorted(result.outputs.items()):
        print(f"  {name:<7} {path.resolve()}")
    skipped = result.counts.get("skipped", 0)
    return 1 if args.strict and skipped else 0


def _run_extract(args: argparse.Namespace) -> int:
    from graph.job import extract_documents, read_corpus

    documents, reports = read_corpus(args.paths)
    if not reports:
        raise ElectionGraphError(f"no input files under {', '.join(str(p) for p in args.paths)}")
    for report in reports:
        if report.status == "skipped":
            print(f"electiongraph: skipped {report.path}: {report.reason}", file=sys.stderr)
    options = _extract_options(args, cache_by_default=False)
    for record in extract_documents(documents, gazetteers=args.gazetteer, quiet=args.quiet, options=options):
        sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return 0


def _run_timeline(args: argparse.Namespace) -> int:
    from graph.export.json import read_json
    from graph.timeline import timeline

    path = args.target / "graph.json" if args.target.is_dir() else args.target
    if not path.exists():
        raise ElectionGraphError(f"{path}: no graph.json here; run `electiongraph build --out DIR` first")
    entries = timeline(read_json(path), args.entity)
    if args.format == "json":
        print(json.dumps([e.__dict__ | {"documents": list(e.documents)} for e in entries], ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        print(f"{e.date or '(undated)':<10}  {e.kind:<12}  {e.title}")
    return 0


if __name__ == "__main__":
    run()
