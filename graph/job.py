"""The main job: read a corpus, extract, build the graph, export it, and account for every input file.

`run_build` is what `electiongraph build` calls; it is also the library entry point for scripts.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from extract.cache import CACHE_NAME, ExtractionCache
from extract.errors import ElectionGraphError
from extract.fingerprint import extractor_fingerprint
from extract.gazetteer import Gazetteer, load_gazetteer
from extract.lang import SUPPORTED
from extract.readers import PARTIAL_WARNINGS, ReadResult, iter_paths, read_all, read_path
from extract.records import Document, Extraction
from graph.build import build_graph
from graph.export import DEFAULT_FORMATS, export
from graph.ids import DEFAULT_BASE, check_base
from graph.io import write_atomic

__all__ = ["FileReport", "BuildResult", "ExtractOptions", "run_build", "extract_documents", "read_corpus", "REPORT_NAME",
           "CACHE_DIR"]

log = logging.getLogger(__name__)

REPORT_NAME = "report.json"
CACHE_DIR = ".cache"  # in the output directory, unless --cache-dir names another
_STATUS_ORDER = ("ok", "repaired", "partial", "skipped")


@dataclass
class FileReport:
    path: str
    status: str = "ok"
    reason: str | None = None
    documents: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"path": self.path, "status": self.status, "documents": self.documents}
        return out | ({"reason": self.reason} if self.reason else {})

    @classmethod
    def from_dict(cls, data: dict) -> FileReport:
        return cls(data["path"], data["status"], data.get("reason"), list(data["documents"]))


@dataclass
class BuildResult:
    graph: nx.MultiDiGraph
    outputs: dict[str, Path]
    files: list[FileReport]
    extraction: dict[str, int] = field(default_factory=dict)  # documents `cached` and `extracted` in this run

    @property
    def counts(self) -> dict[str, int]:
        return dict(sorted(Counter(f.status for f in self.files).items()))


def read_corpus(paths: Sequence[Path]) -> tuple[list[Document], list[FileReport]]:
    """Read every file; documents in a language without a model are reported as skipped, not extracted."""
    documents, reports = [], []
    for result in read_all(paths):
        report, docs = _account(result)
        reports.append(report)
        documents += docs
    return documents, reports


def _account(result: ReadResult) -> tuple[FileReport, list[Document]]:
    report = FileReport(result.path)
    if result.error:
        report.status, report.reason = "skipped", result.error
        return report, []
    kept = []
    for doc in result.documents:
        status, reason = _doc_status(doc)
        report.documents.append({"doc_id": doc.doc_id, "status": status, "lang": doc.lang,
                                 "warnings": list(doc.warnings)} | ({"reason": reason} if reason else {}))
        if status != "skipped":
            kept.append(doc)
    statuses = [d["status"] for d in report.documents]
    report.status = max(statuses, key=_STATUS_ORDER.index) if statuses else "skipped"
    if report.status == "skipped":
        report.reason = next((d.get("reason") for d in report.documents if d.get("reason")), "no documents")
    return report, kept


def _doc_status(doc: Document) -> tuple[str, str | None]:
    if doc.lang not in SUPPORTED:
        found = f"'{doc.lang}'" if doc.lang else "not detected"
        return "skipped", f"unsupported language {found} (supported: {', '.join(SUPPORTED)})"
    if any(w.startswith(PARTIAL_WARNINGS) for w in doc.warnings):
        return "partial", None
    if doc.warnings:
        return "repaired", None
    return "ok", None


@dataclass(frozen=True)
class ExtractOptions:
    """How extraction runs: the cache (on by default for a build: `OUT/.cache/extractions.sqlite`), local
    processes, or a Dask cluster. Any combination gives the same records in the same order."""

    cache: bool = True
    cache_dir: Path | None = None
    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None

    def cache_path(self, out_dir: Path | None) -> Path | None:
        if not self.cache:
            return None
        directory = self.cache_dir or (out_dir / CACHE_DIR if out_dir is not None else None)
        return directory / CACHE_NAME if directory is not None else None


def extract_documents(documents: Sequence[Document], *, gazetteers: Iterable[Path] = (), quiet: bool = False,
                      options: ExtractOptions = ExtractOptions(cache=False), out_dir: Path | None = None,
                      stats: dict[str, int] | None = None, gazetteer: Gazetteer | None = None,
                      cache: ExtractionCache | None = None) -> Iterator[Extraction]:
    """Run the extractor over documents (in input order), with a progress bar unless `quiet`.

    The cache is `cache` when given (the caller closes it), else the one `options` name (opened and closed
    here); `gazetteer`, when given, is used instead of loading `gazetteers`.
    """
    from extract.engines import extract_all

    gazetteer = gazetteer or load_gazetteer(gazetteers)
    own = cache is None and (path := options.cache_path(out_dir)) is not None
    if own:
        cache = ExtractionCache(path, extractor_fingerprint(gazetteer))
    bar = tqdm(total=len(documents), desc="extracting", unit="doc", disable=True if quiet else None, leave=False)
    try:
        yield from extract_all(documents, gazetteer, jobs=options.jobs, engine=options.engine,
                               scheduler=options.scheduler, cache=cache, progress=bar.update, stats=stats)
    finally:
        bar.close()
        if own and cache is not None:
            cache.close()


def run_build(paths: Sequence[Path], out_dir: Path, *, formats: tuple[str, ...] = DEFAULT_FORMATS,
              gazetteers: Iterable[Path] = (), base: str = DEFAULT_BASE, title: str = "electiongraph",
              max_nodes: int = 400, quiet: bool = False, options: ExtractOptions = ExtractOptions()) -> BuildResult:
    """Read, extract, build and export; `report.json` lists every input file with its status.

    With the cache on, a file whose bytes did not change since the last build is not read again: its report
    and records come from the cache, and the Turtle of the subjects whose statements did not change is
    taken from the cache directory too (`graph.rdfcache`).

    Raises:
        ElectionGraphError: when the inputs hold no file at all, `out_dir` cannot be written, the base IRI or
            a gazetteer is invalid, or extraction cannot run as `options` ask (see `extract.engines`).
    """
    _prepare_out(out_dir)  # fail before minutes of extraction, not after
    try:
        check_base(base)
    except ValueError as e:
        raise ElectionGraphError(str(e)) from e
    clock = _Clock()
    gazetteer = load_gazetteer(gazetteers)
    files = list(iter_paths(paths))
    if not files:
        raise ElectionGraphError(f"no input files under {', '.join(str(p) for p in paths)}")
    path = options.cache_path(out_dir)
    cache = ExtractionCache(path, extractor_fingerprint(gazetteer)) if path is not None else None
    try:
        reports, extractions, stats = _read_and_extract(files, gazetteer, cache, options, quiet=quiet)
    finally:
        if cache is not None:
            cache.close()
    clock.lap("read and extracted %d files, %d documents: %d from the cache", len(files), len(extractions),
              stats.get("cached", 0))
    with _gc_paused():  # the forked exporters inherit the pause
        graph = build_graph(extractions)
        clock.lap("built the graph: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
        outputs = export(graph, out_dir, formats, base=base, title=title, max_nodes=max_nodes,
                         cache_dir=path.parent if path is not None else None)
        clock.lap("exported %s", ", ".join(formats))
        result = BuildResult(graph=graph, outputs=outputs, files=reports, extraction=stats)
        outputs["report"] = write_atomic(out_dir / REPORT_NAME, _report_json(result))
    return result


def _read_and_extract(files: list[Path], gazetteer: Gazetteer, cache: ExtractionCache | None,
                      options: ExtractOptions, *, quiet: bool) -> tuple[list[FileReport], list[Extraction], dict]:
    """Reports and records of every file, in file order: from the cache for unchanged files, else read and
    extracted (a file's entry is stored only once all its documents' records are)."""
    done: dict[int, tuple[FileReport, list[Extraction]]] = {}
    fresh: list[tuple[int, str | None, FileReport, list[Document]]] = []
    with _gc_paused():
        for i, path in enumerate(files):
            key = _file_key(cache, path)
            hit = cache.get_file(key) if cache is not None and key else None
            if hit is not None:
                done[i] = (FileReport.from_dict(hit[0]), hit[1])
            else:
                fresh.append((i, key, *_account(read_path(path))))
    unread = sum(len(records) for _, records in done.values())
    documents = [d for *_, docs in fresh for d in docs]
    stats: dict[str, int] = {}
    # The collector runs during extraction: spaCy makes reference cycles (and its model loader turns the
    # collector back on anyway); the cached records read above are left out of its walks.
    with _gc_frozen():
        extracted = iter(list(extract_documents(documents, quiet=quiet, options=options, stats=stats,
                                                gazetteer=gazetteer, cache=cache)))  # to the end: the last batch is stored
    for i, _, report, docs in fresh:
        done[i] = (report, [next(extracted) for _ in docs])
    if cache is not None:
        cache.put_files((key, report.to_dict(), docs) for _, key, report, docs in fresh if key is not None)
    stats = {"cached": stats.get("cached", 0) + unread, "extracted": stats.get("extracted", 0)}
    reports = [done[i][0] for i in range(len(files))]
    return reports, [r for i in range(len(files)) for r in done[i][1]], stats


def _file_key(cache: ExtractionCache | None, path: Path) -> str | None:
    if cache is None:
        return None
    try:
        return cache.file_key(str(path), path.read_bytes())
    except OSError:
        return None  # read_path reports it


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a stage that allocates many long-lived, acyclic objects.

    Reading 4,000 cached records, building their graph and exporting it allocate millions of small objects
    (records, attribute dicts, statements) that all stay alive; each full collection walks every one of them
    again, and in a rebuild of the whole corpus they took about a fifth of the time (and, in a forked
    exporter, copied every page of the inherited heap). Reference counting still frees what is dropped;
    reference cycles made meanwhile wait for the collector to resume.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _gc_frozen() -> Iterator[None]:
    """Leave the objects alive now out of the collector's walks until the block ends (`gc.freeze`).

    Loading spaCy to extract the one changed document of a rebuild set off a full collection that walked
    the 4,000 records just read from the cache (0.25 s); frozen, they are skipped. Nothing is frozen when
    objects are frozen already (a caller's own `gc.freeze`, which unfreezing would undo).
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class _Clock:
    """Logs each stage of a build with its time (`--verbose`)."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, message: str, *args: object) -> None:
        now = time.perf_counter()
        log.info(message + " (%.1f s)", *args, now - self.last)
        self.last = now


def _prepare_out(out_dir: Path) -> None:
    """Create `out_dir`, check it is writable, and remove temporary files an interrupted build left behind."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".write-check-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as e:
        raise ElectionGraphError(f"{out_dir}: cannot write the outputs here ({e.strerror or e})") from e
    for stale in out_dir.rglob(".*.tmp"):
        stale.unlink(missing_ok=True)
        log.info("removed %s, left by an interrupted build", stale)


def _report_json(result: BuildResult) -> str:
    g = result.graph
    kinds = Counter(d.get("kind") for _, d in g.nodes(data=True))
    types = Counter(d.get("type") for _, d in g.nodes(data=True) if d.get("kind") == "entity")
    report = {
        "files": [f.to_dict() for f in sorted(result.files, key=lambda f: f.path)],
        "counts": result.counts,
        "graph": {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                  "by_kind": dict(sorted(kinds.items())), "entities_by_type": dict(sorted(types.items()))},
        "outputs": {name: path.name for name, path in sorted(result.outputs.items())},
    }
    return json.dumps(report, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
