"""A per-document extraction cache in one SQLite file: an unchanged document is never parsed twice.

A record is stored under the hash of the document as the extractor sees it (its repaired text, segments,
dates, headline, path...) and of the extractor's fingerprint (our version and source code, the gazetteer's
content, the spaCy and model versions). Any change to one of those is a different key, so a stale record can
never be returned. A different fingerprint clears the file when it is opened: a gazetteer entry can change how
any document's names are tagged (the entity ruler runs before the statistical NER) and resolved, so every
document must be extracted again. The value is the `Extraction` record as JSON (zlib-compressed), the
format of `electiongraph extract`.

Each batch is one transaction: a build killed mid-way leaves the records of the finished batches, never a
half-written one, and the next build goes on from there.

>>> cache = ExtractionCache(tmp_path / "extractions.sqlite", fingerprint="v1")   # doctest: +SKIP
>>> cache.get(document) is None                                                  # doctest: +SKIP
True
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from extract.errors import ElectionGraphError
from extract.records import Document, Extraction, jsonable

__all__ = ["ExtractionCache", "CACHE_NAME", "document_key"]

log = logging.getLogger(__name__)

CACHE_NAME = "extractions.sqlite"
_SCHEMA = 1


def document_key(document: Document, fingerprint: str) -> str:
    """The cache key of a document: everything the extractor reads of it, and the extractor's fingerprint.

    `raw` (the file as read, kept for provenance) is left out: only the repaired text is extracted.
    """
    content = jsonable({k: v for k, v in asdict(document).items() if k != "raw"})
    payload = json.dumps([fingerprint, content], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ExtractionCache:
    """Extraction records by document key, for one extractor fingerprint.

    Raises:
        ElectionGraphError: when the file cannot be opened or is not a cache of this program.
    """

    def __init__(self, path: str | Path, fingerprint: str) -> None:
        self.path = Path(path)
        self.fingerprint = fingerprint
        self.hits = self.misses = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions below
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._open()
        except sqlite3.DatabaseError as e:
            raise ElectionGraphError(f"{self.path}: not a usable extraction cache ({e}); "
                                     f"delete it or build with --no-cache") from e
        except OSError as e:
            raise ElectionGraphError(f"{self.path}: cannot open the extraction cache ({e.strerror or e})") from e

    def _open(self) -> None:
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, record BLOB NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS file (key TEXT PRIMARY KEY, report TEXT NOT NULL, "
                       "documents TEXT NOT NULL)")
            meta = dict(db.execute("SELECT name, value FROM meta"))
            if meta and meta.get("schema") != str(_SCHEMA):
                raise sqlite3.DatabaseError(f"cache schema {meta.get('schema')!r}, expected {_SCHEMA}")
            if meta.get("fingerprint") != self.fingerprint:
                dropped = db.execute("DELETE FROM extraction").rowcount
                db.execute("DELETE FROM file")
                if dropped:
                    log.info("extractor changed (gazetteer, model or version): %d cached records dropped", dropped)
                db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                               [("schema", str(_SCHEMA)), ("fingerprint", self.fingerprint)])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def key(self, document: Document) -> str:
        return document_key(document, self.fingerprint)

    def get(self, document: Document) -> Extraction | None:
        record = self._record(self.key(document))
        if record is None:
            self.misses += 1
        else:
            self.hits += 1
        return record

    def put_many(self, pairs: Iterable[tuple[Document, Extraction]]) -> None:
        """Store records in one transaction (all or none)."""
        rows = [(self.key(doc), zlib.compress(json.dumps(rec.to_dict(), ensure_ascii=False).encode("utf-8"), 6))
                for doc, rec in pairs]
        self._transaction("INSERT OR REPLACE INTO extraction VALUES (?, ?)", rows)

    def _transaction(self, statement: str, rows: list[tuple]) -> None:
        if not rows:
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            self._db.executemany(statement, rows)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    # -- whole files: a file whose bytes did not change is not even read again ----------------------------
    def file_key(self, path: str, data: bytes) -> str:
        """The key of an input file: its path as given, its bytes and the extractor (readers included)."""
        digest = hashlib.sha256(json.dumps([self.fingerprint, path]).encode("utf-8") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get_file(self, key: str) -> tuple[dict, list[Extraction]] | None:
        """The file's report (as stored by `put_files`) and the records of its documents, or None."""
        row = self._db.execute("SELECT report, documents FROM file WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        doc_keys = json.loads(row[1])
        records = [self._record(k) for k in doc_keys]
        if any(r is None for r in records):
            return None
        return json.loads(row[0]), records  # type: ignore[return-value]

    def put_files(self, entries: Iterable[tuple[str, dict, Iterable[Document]]]) -> None:
        """Remember files (key, report as stored, documents), in one transaction, once every one of their
        documents' records is stored."""
        rows = [(key, json.dumps(report, ensure_ascii=False), json.dumps([self.key(d) for d in documents]))
                for key, report, documents in entries]
        self._transaction("INSERT OR REPLACE INTO file VALUES (?, ?, ?)", rows)

    def _record(self, key: str) -> Extraction | None:
        row = self._db.execute("SELECT record FROM extraction WHERE key = ?", (key,)).fetchone()
        return Extraction.from_dict(json.loads(zlib.decompress(row[0]))) if row else None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
