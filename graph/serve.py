"""A read-only SPARQL 1.1 Protocol endpoint and the build's HTML views, on the standard library's http.server.

- `GET /sparql?query=...`, `POST /sparql` (form `query=...`, or a body of type `application/sparql-query`);
  `default-graph-uri` / `named-graph-uri` select the dataset. `/query` is an alias.
- Results by content negotiation: SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD, RDF/XML for
  CONSTRUCT and DESCRIBE. `format=json|xml|csv|tsv|turtle|...` overrides the Accept header.
- Read-only: an update (`update=`, `application/sparql-update`) is refused with 403, and the store itself is
  opened read-only. Each query runs in a worker process under a time limit (503 past it) and a response
  size limit (413 past it); request bodies are capped too.
- Everything else is a file of the build directory (`/` is `index.html`); nothing outside it, nothing hidden.

Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import html
import logging
import mimetypes
import shutil
import tempfile
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from extract.errors import ElectionGraphError
from graph.sparql import DEFAULT_PREFIXES, describe_syntax_error
from graph.store import is_store_dir, open_store
from graph.workers import QueryPool, QueryRequest, QueryResponse

__all__ = ["ServeConfig", "SparqlServer", "ENDPOINT_PATHS"]

logger = logging.getLogger(__name__)

ENDPOINT_PATHS = ("/sparql", "/query")
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class ServeConfig:
    """How the endpoint runs: address, limits and worker count."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout: float = 10.0
    max_response_bytes: int = 50_000_000
    max_request_bytes: int = 1_000_000
    workers: int = 2


class SparqlServer:
    """The endpoint over one target (a build directory, an RDF file or a store directory).

    The RDF is loaded once into an on-disk store (`store_dir`, or a temporary directory removed on close) that
    the query workers open read-only. Use `start()` then `close()`, or `with SparqlServer(...) as server:`.

    Raises:
        ElectionGraphError: nothing to serve at `target`, or the store cannot be opened.
    """

    def __init__(self, target: Path, *, store_dir: Path | None = None,
                 config: ServeConfig = ServeConfig()) -> None:
        self.config = config
        self.target = Path(target)
        self.html_dir = self.target if self.target.is_dir() and not is_store_dir(self.target) else None
        self._tmp: Path | None = None
        store_path = self._prepare_store(store_dir)
        self.pool = QueryPool(str(store_path), workers=config.workers, timeout=config.timeout,
                              max_bytes=config.max_response_bytes, prefixes=DEFAULT_PREFIXES)
        try:
            self.httpd = ThreadingHTTPServer((config.host, config.port), _handler(self))
        except OSError as e:
            self.pool.close()
            self._cleanup()
            raise ElectionGraphError(f"cannot listen on {config.host}:{config.port}: {e}") from e
        self.httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    def _prepare_store(self, store_dir: Path | None) -> Path:
        if store_dir is None and is_store_dir(self.target):
            return self.target
        if store_dir is None:
            self._tmp = store_dir = Path(tempfile.mkdtemp(prefix="electiongraph-store-"))
        store = open_store(self.target, store_dir=store_dir, read_only=False)
        del store  # workers open it read-only; this process keeps no handle
        return store_dir

    @property
    def url(self) -> str:
        """The base URL the server listens on, e.g. `http://127.0.0.1:7878`."""
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint URL."""
        return self.url + ENDPOINT_PATHS[0]

    def start(self) -> SparqlServer:
        """Serve in a background thread; returns self."""
        self._thread = threading.Thread(target=self.httpd.serve_forever, name="electiongraph-serve",
                                        daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until interrupted, then close."""
        try:
            self.httpd.serve_forever()
        finally:
            self.close()

    def close(self) -> None:
        """Stop serving, stop the workers, remove a temporary store."""
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self.httpd.server_close()
        self.pool.close()
        self._cleanup()

    def _cleanup(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> SparqlServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def _handler(server: SparqlServer) -> type[BaseHTTPRequestHandler]:
    class Handler(_Handler):
        app = server
    return Handler


class _Handler(BaseHTTPRequestHandler):
    app: SparqlServer
    server_version = "electiongraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        logger.info("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path in ENDPOINT_PATHS:
            self._sparql(parse_qs(url.query, keep_blank_values=True), body_query=None)
        else:
            self._static(unquote(url.path))

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ENDPOINT_PATHS:
            self._send_text(HTTPStatus.METHOD_NOT_ALLOWED, "POST goes to /sparql", {"Allow": "GET, HEAD"})
            return
        body = self._body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            self._read_only()
        elif ctype == "application/sparql-query":
            self._sparql(params, body_query=body.decode("utf-8", "replace"))
        elif ctype in (_FORM, ""):
            params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
            self._sparql(params, body_query=None)
        else:
            self._send_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            f"POST a body of type {_FORM} or application/sparql-query, not {ctype!r}")

    def do_PUT(self) -> None:  # noqa: N802
        self._read_only()

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > self.app.config.max_request_bytes:
            self.close_connection = True
            limit = self.app.config.max_request_bytes
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"request body larger than {limit} bytes (or no Content-Length)")
            return None
        return self.rfile.read(length)

    def _read_only(self) -> None:
        self._send_text(HTTPStatus.FORBIDDEN, "this SPARQL endpoint is read-only: updates are refused")

    def _sparql(self, params: dict[str, list[str]], body_query: str | None) -> None:
        if "update" in params:
            self._read_only()
            return
        queries = [body_query] if body_query is not None else params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            self._send_text(HTTPStatus.BAD_REQUEST,
                            "give exactly one SPARQL query (query=... or a POST body)")
            return
        fmt = next((params[name][0] for name in ("format", "output", "results") if params.get(name)), "")
        request = QueryRequest(query=queries[0], accept=self.headers.get("Accept", ""), format=fmt,
                               default_graphs=tuple(params.get("default-graph-uri", [])),
                               named_graphs=tuple(params.get("named-graph-uri", [])))
        try:
            response = self.app.pool.run(request)
        except Exception:  # noqa: BLE001 - the client gets an answer, the log the traceback
            logger.exception("query failed")
            response = QueryResponse(500, "text/plain; charset=utf-8", b"internal error; see the server log")
        if response.syntax:
            message = str(describe_syntax_error(request.query, response.body.decode("utf-8")))
            response = QueryResponse(400, response.content_type, message.encode("utf-8"))
        self._send(response.status, response.content_type, response.body, response.headers)

    def _static(self, path: str) -> None:
        root = self.app.html_dir
        if root is None:
            if path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", _landing_page(self.app).encode("utf-8"))
            else:
                self._send_text(HTTPStatus.NOT_FOUND, "not found")
            return
        file = _safe_file(root, "index.html" if path in ("", "/") else path)
        if file is None:
            self._send_text(HTTPStatus.NOT_FOUND, "not found")
            return
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        textual = ctype.startswith("text/") or ctype.endswith(("json", "javascript"))
        charset = "; charset=utf-8" if textual else ""
        self._send(200, ctype + charset, file.read_bytes())

    def _send_text(self, status: HTTPStatus, text: str, headers: dict[str, str] | None = None) -> None:
        self._send(int(status), "text/plain; charset=utf-8", (text + "\n").encode("utf-8"), headers)

    def _send(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Vary", "Accept")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _safe_file(root: Path, path: str) -> Path | None:
    """The file `path` names under `root`, or None (outside it, hidden, missing, not a regular file)."""
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if any(p.startswith(".") for p in parts):
        return None
    base = root.resolve()
    candidate = base.joinpath(*parts).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


def _landing_page(app: SparqlServer) -> str:
    target = html.escape(str(app.target))
    endpoint = ENDPOINT_PATHS[0]
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>electiongraph SPARQL</title></head><body><h1>electiongraph SPARQL endpoint</h1>"
            f"<p>Serving <code>{target}</code>. Send SPARQL 1.1 queries to "
            f"<a href=\"{endpoint}\"><code>{endpoint}</code></a> (GET or POST).</p></body></html>")
