"""Query worker processes for the SPARQL endpoint: a hard time limit and a response size limit.

pyoxigraph cannot cancel a running query, so each query runs in a worker process that opens the on-disk store
read-only; a query still running at the time limit gets its worker killed and replaced, and the client a 503.
Results are serialised by pyoxigraph into a capped buffer: past the size limit the worker stops and answers
with an error instead of an unbounded body. This module imports only the standard library and pyoxigraph, so
workers start fast.
"""

from __future__ import annotations

import io
import json
import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

__all__ = ["QueryRequest", "QueryResponse", "QueryPool", "negotiate", "answer"]

logger = logging.getLogger(__name__)

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[1])  # so `python -m graph.workers` finds this package

_SOLUTIONS: tuple[tuple[str, ox.QueryResultsFormat], ...] = (
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/xml", ox.QueryResultsFormat.XML),
    ("text/xml", ox.QueryResultsFormat.XML),
)
_GRAPHS: tuple[tuple[str, ox.RdfFormat], ...] = (
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("text/plain", ox.RdfFormat.N_TRIPLES),
    ("application/xml", ox.RdfFormat.RDF_XML),
)
# `format=` / `output=` values some clients (SPARQLWrapper, Virtuoso-style) send besides the Accept header
_SHORT_NAMES = {"json": ("application/sparql-results+json", "application/ld+json"),
                "xml": ("application/sparql-results+xml", "application/rdf+xml"),
                "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
                "turtle": (None, "text/turtle"), "n3": (None, "text/turtle"), "ttl": (None, "text/turtle"),
                "rdf+xml": (None, "application/rdf+xml"), "json-ld": (None, "application/ld+json"),
                "n-triples": (None, "application/n-triples"), "nt": (None, "application/n-triples")}


@dataclass(frozen=True)
class QueryRequest:
    """A SPARQL query as received over HTTP: the text, the client's preferences and the dataset to use."""

    query: str
    accept: str = ""
    format: str = ""
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryResponse:
    """What to send back: status, content type and body; `syntax` marks a query that did not parse."""

    status: int
    content_type: str
    body: bytes
    syntax: bool = False
    headers: dict[str, str] = field(default_factory=dict)


def negotiate(kind: str, accept: str, fmt: str = "") -> tuple[str, Any] | None:
    """The media type and pyoxigraph format to answer with, from `format=` or the Accept header.

    Args:
        kind: `solutions` (SELECT, ASK) or `graph` (CONSTRUCT, DESCRIBE).
        accept: the Accept header (empty: anything).
        fmt: a `format`/`output` parameter (a short name or a media type); ignored when not understood.

    Returns:
        (media type, format), or None when nothing acceptable can be produced (406).

    >>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml")[0]
    'application/sparql-results+xml'
    >>> negotiate("graph", "*/*")[0], negotiate("solutions", "", "json")[0]
    ('text/turtle', 'application/sparql-results+json')
    >>> negotiate("solutions", "image/png") is None
    True
    """
    table = _SOLUTIONS if kind == "solutions" else _GRAPHS
    short = _SHORT_NAMES.get(fmt.strip().lower())
    wanted = short[0 if kind == "solutions" else 1] if short else fmt.strip().lower()
    if wanted:
        found = next(((media, f) for media, f in table if media == wanted), None)
        if found:
            return found
    ranges = _accept_ranges(accept) or [("*/*", 1.0)]
    for media_range, _ in ranges:
        for media, f in table:
            family = media_range.endswith("/*") and media.startswith(media_range[:-1])
            if media_range in ("*/*", media) or family:
                return media, f
    return None


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, highest quality first (stable among equals), q=0 dropped."""
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((media.lower(), quality))
    return sorted(ranges, key=lambda r: -r[1])


class _CappedBuffer(io.RawIOBase):
    """A write-only buffer that refuses to grow past `limit` bytes (the serialiser then stops)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()
        self.exceeded = False

    def writable(self) -> bool:
        return True

    def write(self, chunk: Any) -> int:
        if len(self.data) + len(chunk) > self.limit:
            self.exceeded = True
            raise OSError("response size limit exceeded")
        self.data += chunk
        return len(chunk)


def answer(store: ox.Store, request: QueryRequest, *, prefixes: dict[str, str],
           max_bytes: int) -> QueryResponse:
    """Run one request on `store` and serialise the result, within `max_bytes`."""
    dataset: dict[str, Any] = {}
    try:
        if request.default_graphs:
            dataset["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        if request.named_graphs:
            dataset["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        result = store.query(request.query, prefixes=prefixes, **dataset)
    except SyntaxError as e:
        return QueryResponse(400, "text/plain; charset=utf-8", str(e).encode("utf-8"), syntax=True)
    except ValueError as e:
        return QueryResponse(400, "text/plain; charset=utf-8", f"bad graph IRI: {e}".encode("utf-8"))
    kind = "graph" if isinstance(result, ox.QueryTriples) else "solutions"
    chosen = negotiate(kind, request.accept, request.format)
    if chosen is None:
        offered = ", ".join(media for media, _ in (_SOLUTIONS if kind == "solutions" else _GRAPHS))
        return QueryResponse(406, "text/plain; charset=utf-8", f"cannot answer in {request.accept!r}; "
                             f"this query can be answered as {offered}".encode("utf-8"))
    media, fmt = chosen
    buffer = _CappedBuffer(max_bytes)
    try:
        result.serialize(buffer, fmt)
    except OSError as e:
        if not buffer.exceeded:
            return QueryResponse(500, "text/plain; charset=utf-8", f"query failed: {e}".encode("utf-8"))
        message = f"the result is larger than the response size limit ({max_bytes} bytes); add a LIMIT"
        return QueryResponse(413, "text/plain; charset=utf-8", message.encode("utf-8"))
    charset = "; charset=utf-8" if media.startswith("text/") or media.endswith(("json", "xml")) else ""
    return QueryResponse(200, media + charset, bytes(buffer.data))


def _worker_main(conn: Connection, store_dir: str, prefixes: dict[str, str], max_bytes: int) -> None:
    """A worker process: open the store read-only, then answer requests until the connection closes."""
    store = ox.Store.read_only(store_dir)
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            response = answer(store, request, prefixes=prefixes, max_bytes=max_bytes)
        except Exception as e:  # noqa: BLE001 - a worker must answer, whatever the query did
            response = QueryResponse(500, "text/plain; charset=utf-8", f"query failed: {e}".encode("utf-8"))
        conn.send(response)


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: Connection

    def stop(self) -> None:
        self.conn.close()
        self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            logger.warning("query worker %d did not exit", self.process.pid)


class QueryPool:
    """Worker processes answering queries on a read-only on-disk store, each query within `timeout` seconds.

    Workers are `python -m graph.workers` subprocesses talking over a socket pair (no `multiprocessing`
    spawn, which would re-import the caller's main module).

    Args:
        store_dir: an Oxigraph store directory (nothing may write to it while the pool runs).
        workers: how many queries run at once; more wait for a free worker (at most `timeout` seconds).
        timeout: the query time limit in seconds.
        max_bytes: the response size limit.
        prefixes: predeclared prefixes for the queries.

    Raises:
        RuntimeError: a worker could not open the store.
    """

    def __init__(self, store_dir: str, *, workers: int = 2, timeout: float = 10.0,
                 max_bytes: int = 50_000_000, prefixes: dict[str, str] | None = None,
                 start_timeout: float = 60.0) -> None:
        self.store_dir, self.timeout, self.max_bytes = store_dir, timeout, max_bytes
        self.prefixes = dict(prefixes or {})
        self.start_timeout = start_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _ in range(max(1, workers)):
                self._idle.put(self._spawn())
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        args = [sys.executable, "-m", "graph.workers", str(theirs.fileno()), self.store_dir,
                str(self.max_bytes), json.dumps(self.prefixes)]
        path = os.pathsep.join(filter(None, [_PACKAGE_ROOT, os.environ.get("PYTHONPATH")]))
        env = os.environ | {"PYTHONPATH": path}
        process = subprocess.Popen(args, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        theirs.close()
        worker = _Worker(process, Connection(ours.detach()))
        ready = worker.conn.poll(self.start_timeout) and _recv_or_none(worker.conn) == "ready"
        if not ready:
            worker.stop()
            raise RuntimeError(f"a query worker could not open the store {self.store_dir}")
        with self._lock:
            self._all.append(worker)
        return worker

    def run(self, request: QueryRequest) -> QueryResponse:
        """Answer one request: 503 when no worker frees up in time or the query hits the time limit."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return QueryResponse(503, "text/plain; charset=utf-8", b"all query workers are busy; retry later",
                                 headers={"Retry-After": "5"})
        started = time.monotonic()
        try:
            worker.conn.send(request)
            if worker.conn.poll(self.timeout):
                response: QueryResponse = worker.conn.recv()
                self._idle.put(worker)
                return response
        except (EOFError, OSError) as e:
            logger.warning("a query worker died: %s", e)
            self._replace(worker)
            return QueryResponse(500, "text/plain; charset=utf-8", b"the query worker died; retry")
        logger.warning("query stopped at the time limit (%.1f s)", time.monotonic() - started)
        self._replace(worker)
        message = f"query time limit exceeded ({self.timeout:g} s); the query was stopped"
        return QueryResponse(503, "text/plain; charset=utf-8", message.encode("utf-8"))

    def _replace(self, worker: _Worker) -> None:
        """Kill `worker` and start a replacement in the background (the caller answers at once)."""
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        threading.Thread(target=self._respawn, daemon=True).start()

    def _respawn(self) -> None:
        if self._closed:
            return
        try:
            worker = self._spawn()
        except RuntimeError as e:
            logger.error("%s", e)
            return
        if self._closed:
            worker.stop()
        else:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


def _recv_or_none(conn: Connection) -> Any:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


def _main(argv: list[str]) -> None:
    """`python -m graph.workers FD STORE_DIR MAX_BYTES PREFIXES_JSON`: run one worker on socket FD."""
    fd, store_dir, max_bytes, prefixes = argv
    _worker_main(Connection(int(fd)), store_dir, json.loads(prefixes), int(max_bytes))


if __name__ == "__main__":
    # import the module under its own name, so that what the worker pickles is `graph.workers.QueryResponse`
    from graph.workers import _main as main

    main(sys.argv[1:])
