"""Exporters behind a name registry: `EXPORTERS["turtle"](graph, out_dir, ...)` writes one output.

Each exporter module holds one format; the registry lets the command line select them with `--formats`.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import networkx as nx

from graph.export.rdf_formats import RDF_EXPORTERS

__all__ = ["EXPORTERS", "DEFAULT_FORMATS", "export"]

log = logging.getLogger(__name__)


def _turtle(graph: nx.MultiDiGraph, out_dir: Path, *, base: str, cache_dir: Path | None = None,
            **_: object) -> Path:
    from graph.export.rdf import write_turtle
    return write_turtle(graph, out_dir / "graph.ttl", base=base, cache_dir=cache_dir)


def _json(graph: nx.MultiDiGraph, out_dir: Path, **_: object) -> Path:
    from graph.export.json import write_json
    return write_json(graph, out_dir / "graph.json")


def _html(graph: nx.MultiDiGraph, out_dir: Path, *, title: str, max_nodes: int, **_: object) -> Path:
    """All the views: index.html (landing page), network.html, timeline.html, entities/*.html."""
    from graph.export.views import write_views
    return write_views(graph, out_dir, title=title, max_nodes=max_nodes)


EXPORTERS: dict[str, Callable[..., Path]] = {"turtle": _turtle, "json": _json, "html": _html, **RDF_EXPORTERS}
DEFAULT_FORMATS = ("turtle", "json", "html")


def export(graph: nx.MultiDiGraph, out_dir: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
           **options: object) -> dict[str, Path]:
    """Write each requested format into `out_dir`; returns format → path.

    `options` go to every exporter: `base`, `title`, `max_nodes`, and `cache_dir` (None: no cache), where the
    Turtle exporter keeps each subject's text for the next build.

    On Linux, with more than one format and more than one core, the formats are written at the same time by
    forked processes (each inherits the finished graph, nothing is copied through a pipe; each dies with its
    parent, so a killed build leaves no writer behind). Every exporter writes atomically either way.

    Raises:
        ValueError: for a format name that is not registered.
    """
    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise ValueError(f"unknown format(s) {unknown}; choose from {sorted(EXPORTERS)}")
    if len(formats) > 1 and _can_fork():
        return _export_forked(graph, out_dir, formats, options)
    return {name: EXPORTERS[name](graph, out_dir, **options) for name in formats}


def _can_fork() -> bool:
    return sys.platform == "linux" and (os.cpu_count() or 1) > 1 and os.environ.get("ELECTIONGRAPH_SERIAL_EXPORT") != "1"


def _export_forked(graph: nx.MultiDiGraph, out_dir: Path, formats: tuple[str, ...],
                   options: dict[str, object]) -> dict[str, Path]:
    context = multiprocessing.get_context("fork")
    children = []
    for name in formats[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_child, args=(name, graph, out_dir, options, send, os.getpid()),
                                name=f"export-{name}", daemon=True)
        child.start()
        send.close()
        children.append((name, child, receive))
    try:
        paths = {formats[0]: EXPORTERS[formats[0]](graph, out_dir, **options)}
        for name, child, receive in children:
            try:
                ok, value = receive.recv()
            except EOFError:
                ok, value = False, RuntimeError(f"the {name} exporter died (exit code {child.exitcode})")
            child.join()
            if not ok:
                raise value
            paths[name] = value
    finally:  # interrupted or failed: let each writer remove its temporary file (as Ctrl-C would), then stop it
        for _, child, _ in children:
            if child.is_alive():
                os.kill(child.pid, signal.SIGINT)
        for _, child, _ in children:
            child.join(10)
            if child.is_alive():
                child.kill()
                child.join()
    return {name: paths[name] for name in formats}


def _child(name: str, graph: nx.MultiDiGraph, out_dir: Path, options: dict[str, object], send: Connection,
           parent: int) -> None:
    _die_with_parent(parent)
    try:
        result: tuple[bool, object] = (True, EXPORTERS[name](graph, out_dir, **options))
    except BaseException as e:  # noqa: BLE001 - handed to the parent, which raises it
        result = (False, e)
    try:
        send.send(result)
    except Exception as e:  # noqa: BLE001 - an exception that does not pickle
        send.send((False, RuntimeError(f"the {name} exporter failed: {result[1]!r} ({e})")))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG), then check the parent is alive."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        log.debug("prctl unavailable: an export process may outlive a killed build")
    if os.getppid() != parent:
        os._exit(1)
