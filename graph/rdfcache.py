"""The Turtle of each subject, cached by that subject's statements: a rebuild serialises only what changed.

pyoxigraph writes sorted statements subject by subject, and one subject's text depends on its own
statements and the prefixes alone, so `graph.ttl` is the prefix header followed by one block per subject.
Parsing 300,000 N-Triples lines back into terms was most of the serialisation time of a corpus-sized graph,
redone in full after a one-document change. The cache keeps each block under a digest of its subject's
N-Triples lines, in one SQLite file beside the extraction cache; a build serialises the subjects it does not
find in one pyoxigraph call, cuts the result into blocks, and stores them. The file is byte-for-byte the
uncached serialisation (`graph.rdfio.serialize`); a test compares them.

Blocks of subjects no longer in the graph are dropped after each build, so the file holds one graph's
blocks. Another pyoxigraph version or other prefixes (another `--base`) empty it. A cache that cannot be
read or written is only a slower build: the Turtle is serialised without it and a warning says why.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from graph.export.rdf import RdfStatements

__all__ = ["TURTLE_CACHE_NAME", "turtle_body", "subjects"]

logger = logging.getLogger(__name__)

TURTLE_CACHE_NAME = "turtle.sqlite"
_SCHEMA = 1
_BLOCK_START = re.compile(rb"^(?!\t)", re.MULTILINE)  # a subject's block starts at a line that is not indented


def subjects(lines: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The sorted N-Triples lines cut into runs of one subject each (sorting keeps a subject's lines together:
    an IRI cannot hold the `>` that ends it)."""
    start, current = 0, None
    for i, line in enumerate(lines):
        subject = line[:line.find(" ")]
        if subject != current:
            if i:
                yield lines[start:i]
            start, current = i, subject
    if lines:
        yield lines[start:]


def turtle_body(statements: RdfStatements, cache_path: Path) -> bytes:
    """The default graph of `statements` as Turtle, without the prefix header (see `graph.rdfio.serialize`),
    reusing and refreshing the blocks cached in `cache_path`."""
    prefixes = dict(statements.prefixes)
    runs = list(subjects(statements.triples))
    keys = [_digest(run) for run in runs]
    try:
        with _BlockStore(cache_path, _namespace(prefixes)) as store:
            known = store.load()
            missing = [i for i, key in enumerate(keys) if key not in known]
            fresh = _serialize_blocks([runs[i] for i in missing], prefixes)
            if fresh is None:
                return _serialize([line for run in runs for line in run], prefixes)
            new = dict(zip((keys[i] for i in missing), fresh))
            store.update(new, known.keys() - set(keys))
    except (sqlite3.Error, OSError) as e:
        logger.warning("Turtle cache %s unusable (%s): serialising every subject", cache_path, e)
        return _serialize(list(statements.triples), prefixes)
    logger.info("Turtle: %d of %d subjects from the cache", len(runs) - len(missing), len(runs))
    return b"".join(known.get(key) or new[key] for key in keys)


def _digest(run: tuple[str, ...]) -> bytes:
    return hashlib.sha256("\n".join(run).encode("utf-8")).digest()


def _namespace(prefixes: dict[str, str]) -> str:
    """What a block depends on besides its statements: the serialiser and the prefixes."""
    return json.dumps([_SCHEMA, ox.__version__, sorted(prefixes.items())])


def _serialize(lines: list[str], prefixes: dict[str, str]) -> bytes:
    """pyoxigraph's Turtle of N-Triples lines, its `@prefix` lines removed."""
    data = b"".join(line.encode("utf-8") + b"\n" for line in lines)
    triples = (quad.triple for quad in ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    body = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    assert body is not None
    start = 0
    while body.startswith(b"@prefix ", start):
        start = body.index(b"\n", start) + 1
    return body[start:]


def _serialize_blocks(runs: list[tuple[str, ...]], prefixes: dict[str, str]) -> list[bytes] | None:
    """The Turtle block of each run, serialised together; None if the text does not cut into one block per
    run (a serialiser that indents otherwise): the caller then serialises without the cache."""
    if not runs:
        return []
    body = _serialize([line for run in runs for line in run], prefixes)
    starts = [m.start() for m in _BLOCK_START.finditer(body) if m.start() < len(body)]
    if len(starts) != len(runs) or starts[0] != 0:
        logger.debug("Turtle output has %d blocks for %d subjects: not cached", len(starts), len(runs))
        return None
    return [body[a:b] for a, b in zip(starts, [*starts[1:], len(body)])]


class _BlockStore:
    """Turtle blocks by digest in one SQLite file, for one serialiser and prefix map."""

    def __init__(self, path: Path, namespace: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, isolation_level=None)  # explicit transactions below
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._transaction(lambda db: self._open(db, namespace))
        except BaseException:
            self._db.close()
            raise

    @staticmethod
    def _open(db: sqlite3.Connection, namespace: str) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS block (key BLOB PRIMARY KEY, turtle BLOB NOT NULL)")
        found = db.execute("SELECT value FROM meta WHERE name = 'namespace'").fetchone()
        if found is None or found[0] != namespace:
            db.execute("DELETE FROM block")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('namespace', ?)", (namespace,))

    def load(self) -> dict[bytes, bytes]:
        return dict(self._db.execute("SELECT key, turtle FROM block"))

    def update(self, new: dict[bytes, bytes], stale: set[bytes]) -> None:
        """Store the new blocks and drop the stale ones, in one transaction."""
        if not new and not stale:
            return

        def write(db: sqlite3.Connection) -> None:
            db.executemany("DELETE FROM block WHERE key = ?", ((key,) for key in stale))
            db.executemany("INSERT OR REPLACE INTO block VALUES (?, ?)", new.items())
        self._transaction(write)

    def _transaction(self, work) -> None:  # type: ignore[no-untyped-def]
        self._db.execute("BEGIN IMMEDIATE")
        try:
            work(self._db)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def __enter__(self) -> _BlockStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self._db.close()
