"""Latency of every named query on a full build: pyoxigraph against rdflib, measured in one run.

Usage (from the repository root):

    .venv/bin/python benchmarks/bench_sparql.py                      # builds ../shared/corpus first
    .venv/bin/python benchmarks/bench_sparql.py --build /tmp/eg_full # reuses a build directory
    .venv/bin/python benchmarks/bench_sparql.py --repeat 5

A build directory without `graph.nq` gets one written from its `graph.json`. Both engines load the same
N-Quads file; each query runs `--repeat` times per engine (after one warm-up run) and the median is reported,
with the row count and whether the two engines returned the same rows (compared as sorted lists).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.export import export  # noqa: E402
from graph.export.json import read_json  # noqa: E402
from graph.ids import DEFAULT_BASE  # noqa: E402
from graph.lookup import bind_params  # noqa: E402
from graph.queries import named_queries  # noqa: E402
from graph.rdfio import parse_dataset  # noqa: E402
from graph.sparql import QueryResult, run_query, run_rdflib  # noqa: E402
from graph.store import open_store  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PARAMS = {
    "timeline": {"entity": "Emmanuel Macron"},
    "endorsements": {},
    "results": {"election": "French presidential election, 2017"},
    "candidates": {},
    "comentions": {"entity": "Emmanuel Macron"},
    "events": {"from": "2017-04", "to": "2017-05"},
    "document": {"document": None},  # the document most relations come from, found at run time
    "entities": {"type": "person"},
}


def ensure_build(build: Path, corpus: Path) -> Path:
    """A build directory with `graph.nq`: built from `corpus` when missing, else written from graph.json."""
    if not (build / "graph.json").is_file():
        from graph.job import run_build

        print(f"building {corpus} into {build} (several minutes)...", flush=True)
        started = time.perf_counter()
        run_build([corpus], build, quiet=True)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    if not (build / "graph.nq").is_file():
        started = time.perf_counter()
        graph = read_json(build / "graph.json")
        export(graph, build, ("nquads",), base=DEFAULT_BASE, title="bench", max_nodes=10)
        print(f"wrote graph.nq in {time.perf_counter() - started:.1f} s", flush=True)
    return build


def timed(run: Callable[[], QueryResult], repeat: int) -> tuple[float, QueryResult]:
    result = run()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", type=Path, default=Path("/tmp/eg_full"),
                        help="build directory (made if missing)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus to build when needed")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query and engine (median)")
    args = parser.parse_args(argv)
    build = ensure_build(args.build, args.corpus)
    nquads = build / "graph.nq"

    started = time.perf_counter()
    store = open_store(build)
    ox_load = time.perf_counter() - started
    started = time.perf_counter()
    dataset = parse_dataset(nquads)
    rdflib_load = time.perf_counter() - started
    print(f"{nquads} ({nquads.stat().st_size / 1e6:.0f} MB, {len(store)} quads)")
    print(f"load: pyoxigraph {ox_load:.2f} s, rdflib {rdflib_load:.2f} s\n")

    busiest = ("SELECT ?id (COUNT(?r) AS ?n) WHERE { ?r prov:wasDerivedFrom ?d . ?d dcterms:identifier ?id } "
               "GROUP BY ?id ORDER BY DESC(?n) ?id LIMIT 1")  # the document most relations come from
    first_doc = run_query(store, busiest).rows[0][0].value
    header = f"{'query':<13} {'params':<44} {'rows':>6} {'pyoxigraph':>11} {'rdflib':>10} {'ratio':>7}  same"
    print(header + "\n" + "-" * len(header))
    for name, query in named_queries().items():
        params = {k: v or first_doc for k, v in PARAMS.get(name, {}).items()}
        bindings = bind_params(store, query, params)
        ox_time, ours = timed(lambda: run_query(store, query.text, bindings=bindings), args.repeat)
        rdflib_time, theirs = timed(lambda: run_rdflib(dataset, query.text, bindings=bindings), args.repeat)
        same = sorted(map(repr, ours.rows)) == sorted(map(repr, theirs.rows))
        shown = ", ".join(f"{k}={v}" for k, v in params.items())[:44]
        print(f"{name:<13} {shown:<44} {len(ours.rows):>6} {ox_time * 1000:>9.1f}ms "
              f"{rdflib_time * 1000:>8.0f}ms {rdflib_time / ox_time:>6.0f}x  {'yes' if same else 'NO'}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
