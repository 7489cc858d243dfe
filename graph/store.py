"""pyoxigraph stores for querying: in memory, or persistent on disk (`--store DIR`) and reused across runs.

A persistent store remembers which RDF file it was loaded from (path, size, modification time) in
`DIR/electiongraph-source.json`; the next run opens it without parsing anything when that file has not
changed, and reloads it when it has. The directory is a plain Oxigraph store: the `oxigraph` server from PyPI
serves it as is (`oxigraph serve-read-only --location DIR`).
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pyoxigraph as ox

from extract.errors import ElectionGraphError
from graph.rdfio import find_rdf_file, format_for_path, load_into_store

__all__ = ["open_store", "load_store", "is_store_dir", "StoreError", "STAMP_NAME"]

logger = logging.getLogger(__name__)

STAMP_NAME = "electiongraph-source.json"
_STAMP_VERSION = 1


class StoreError(ElectionGraphError):
    """A `--store` directory that cannot be used (not a store, locked by another process, ...)."""


def is_store_dir(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is a store directory this module wrote (it holds the source stamp)."""
    return (Path(path) / STAMP_NAME).is_file()


def open_store(target: str | os.PathLike[str], *, store_dir: str | os.PathLike[str] | None = None,
               read_only: bool = True) -> ox.Store:
    """A store holding the RDF of `target`: a build directory, an RDF file, or a store directory.

    Args:
        target: what to query. A store directory made by `--store` is opened directly.
        store_dir: keep a persistent store here; reused while the source file is unchanged.
        read_only: open a persistent store read-only when it is up to date (several processes may read it).

    Raises:
        ElectionGraphError: nothing to load at `target`, a file that does not parse, an unusable store.
    """
    target = Path(target)
    if store_dir is None and target.is_dir() and is_store_dir(target):
        return _open(target, read_only=read_only)
    source = find_rdf_file(target)
    if store_dir is None:
        started = time.perf_counter()
        store = ox.Store()
        load_into_store(store, source)
        logger.info("parsed %s into memory: %d quads in %.2f s", source, len(store),
                    time.perf_counter() - started)
        return store
    return load_store(source, Path(store_dir), read_only=read_only)


def load_store(source: Path, store_dir: Path, *, read_only: bool = True) -> ox.Store:
    """The persistent store at `store_dir` holding `source`, (re)loaded only when `source` changed.

    Raises:
        StoreError: `store_dir` holds something that is not one of our stores, or it is locked.
    """
    stamp = _stamp(source)
    if _read_stamp(store_dir) == stamp:
        logger.info("reusing the store %s (source unchanged)", store_dir)
        return _open(store_dir, read_only=read_only)
    _check_reusable(store_dir)
    (store_dir / STAMP_NAME).unlink(missing_ok=True)  # an interrupted load must not look complete
    started = time.perf_counter()
    store = _open(store_dir, read_only=False)
    store.clear()
    load_into_store(store, source)
    store.flush()
    (store_dir / STAMP_NAME).write_text(json.dumps(stamp, indent=1) + "\n", encoding="utf-8")
    logger.info("loaded %s into the store %s: %d quads in %.2f s", source, store_dir, len(store),
                time.perf_counter() - started)
    if not read_only:
        return store
    del store  # release the write lock before reopening read-only
    return _open(store_dir, read_only=True)


def _stamp(source: Path) -> dict[str, object]:
    format_for_path(source)
    stat = source.stat()
    return {"version": _STAMP_VERSION, "source": str(source.resolve()), "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns, "pyoxigraph": ox.__version__}


def _read_stamp(store_dir: Path) -> dict[str, object] | None:
    try:
        return json.loads((store_dir / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _check_reusable(store_dir: Path) -> None:
    """Refuse to clear a directory that is neither empty, nor missing, nor an Oxigraph store."""
    if not store_dir.exists():
        return
    if not store_dir.is_dir():
        raise StoreError(f"{store_dir}: --store must be a directory")
    names = {p.name for p in store_dir.iterdir()}
    if names and not ({"CURRENT", "IDENTITY"} <= names or STAMP_NAME in names):
        raise StoreError(f"{store_dir}: not empty and not an Oxigraph store; give an empty or new directory")


def _open(store_dir: Path, *, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(store_dir)) if read_only else ox.Store(str(store_dir))
    except OSError as e:
        raise StoreError(f"{store_dir}: cannot open the store ({e}); is another process writing to it?"
                         ) from e
