"""Where extraction runs: in this process, in a pool of local processes (`--jobs N`), or on a Dask cluster
(`--engine dask --scheduler ADDRESS`), with the extraction cache in front of all three.

Every engine returns the records in the order of the input documents, and the same records: a document's
extraction depends on that document alone (spaCy's NER gives the same entities whatever the batch), so how the
corpus is cut into batches and where they run never shows in the output.

>>> with ExtractionCache(out / ".cache" / CACHE_NAME, extractor_fingerprint(gazetteer)) as cache:  # doctest: +SKIP
...     records = list(extract_all(documents, gazetteer, jobs=2, cache=cache))
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence

from extract.cache import CACHE_NAME, ExtractionCache
from extract.errors import ElectionGraphError
from extract.gazetteer import Gazetteer
from extract.records import Document, Extraction

__all__ = ["ENGINES", "CACHE_NAME", "extract_all", "batches"]

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
BATCH_CHARS = 200_000  # a parallel task: enough text to keep a worker busy, small enough to balance the load
BATCH_DOCS = 32
_FLUSH = 32             # records written to the cache per transaction
CONNECT_TIMEOUT = "20s"  # to reach a Dask scheduler

Progress = Callable[[int], None]


def extract_all(documents: Sequence[Document], gazetteer: Gazetteer, *, jobs: int = 1, engine: str = "local",
                scheduler: str | None = None, cache: ExtractionCache | None = None,
                progress: Progress | None = None, stats: dict[str, int] | None = None) -> Iterator[Extraction]:
    """One Extraction per document, in input order; cached records are reused, the others extracted by the
    engine and stored (the caller opens and closes `cache`, made for `extractor_fingerprint(gazetteer)`).
    Models are loaded only when some document is not in the cache. `progress(n)` is
    called as records come out; `stats`, when given, receives the counts `cached` and `extracted`.

    Raises:
        ElectionGraphError: an unknown engine, a Dask scheduler that cannot be reached or whose workers run
            another extractor, an unusable cache file.
    """
    from extract.fingerprint import extractor_fingerprint

    if engine not in ENGINES:
        raise ElectionGraphError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "dask" and not scheduler:
        raise ElectionGraphError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    if jobs < 1:
        raise ElectionGraphError(f"--jobs must be 1 or more, not {jobs}")
    fingerprint = extractor_fingerprint(gazetteer)
    if cache is not None and cache.fingerprint != fingerprint:
        raise ValueError(f"the cache {cache.path} was opened for another extractor")
    return _iterate(documents, gazetteer, fingerprint, cache, jobs, engine, scheduler, progress,
                    stats if stats is not None else {})


def _iterate(documents: Sequence[Document], gazetteer: Gazetteer, fingerprint: str, cache: ExtractionCache | None,
             jobs: int, engine: str, scheduler: str | None, progress: Progress | None,
             stats: dict[str, int]) -> Iterator[Extraction]:
    cached = [cache.get(d) if cache is not None else None for d in documents]
    missing = [d for d, rec in zip(documents, cached) if rec is None]
    stats.update(cached=len(documents) - len(missing), extracted=len(missing))
    if cache is not None:
        log.info("extraction cache %s: %d of %d documents cached", cache.path, len(documents) - len(missing),
                 len(documents))
    fresh = _run(missing, gazetteer, fingerprint, jobs, engine, scheduler) if missing else iter(())
    pending: list[tuple[Document, Extraction]] = []
    for document, record in zip(documents, cached):
        if record is None:
            record = next(fresh)
            if cache is not None:
                pending.append((document, record))
                if len(pending) >= _FLUSH:
                    cache.put_many(pending)
                    pending = []
        if progress:
            progress(1)
        yield record
    if cache is not None:
        cache.put_many(pending)


def batches(documents: Sequence[Document], max_chars: int = BATCH_CHARS,
            max_docs: int = BATCH_DOCS) -> list[list[Document]]:
    """Consecutive documents grouped into tasks of at most `max_docs` documents and about `max_chars`."""
    out: list[list[Document]] = []
    size = 0
    for document in documents:
        if not out or len(out[-1]) >= max_docs or size + len(document.text) > max_chars:
            out.append([])
            size = 0
        out[-1].append(document)
        size += len(document.text)
    return out


def _run(documents: list[Document], gazetteer: Gazetteer, fingerprint: str, jobs: int, engine: str,
         scheduler: str | None) -> Iterator[Extraction]:
    if engine == "dask":
        return _dask(documents, gazetteer, fingerprint, scheduler or "")
    if jobs > 1 and len(documents) > 1:
        return _pool(documents, gazetteer, jobs)
    from extract.pipeline import Extractor
    return Extractor(gazetteer).extract(documents)


# -- local processes -------------------------------------------------------------------------------------
_WORKER: dict[str, object] = {}


def _init_worker(gazetteer: Gazetteer) -> None:
    from extract.pipeline import Extractor
    _WORKER["extractor"] = Extractor(gazetteer)


def _work(batch: list[Document]) -> list[Extraction]:
    return list(_WORKER["extractor"].extract(batch))  # type: ignore[attr-defined]


def _pool(documents: list[Document], gazetteer: Gazetteer, jobs: int) -> Iterator[Extraction]:
    """A pool of `jobs` processes, each loading the models once; `imap` keeps the input order.

    Processes are spawned, not forked: a fork of a process that already holds models and threads (tqdm,
    BLAS) is not safe, and spawning behaves the same on every platform.
    """
    tasks = batches(documents)
    jobs = min(jobs, len(tasks))
    context = multiprocessing.get_context("spawn")
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(gazetteer,))
    try:
        for records in pool.imap(_work, tasks):
            yield from records
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# -- Dask ----------------------------------------------------------------------------------------------
_DASK_LOCK = threading.Lock()  # one extraction at a time per worker process: spaCy pipelines are not thread-safe


def _dask_fingerprint() -> str:
    from extract.fingerprint import extractor_fingerprint
    return extractor_fingerprint(Gazetteer(entries=(), fingerprint=""))


def _dask_work(batch: list[Document], gazetteer: Gazetteer) -> list[Extraction]:
    from extract.pipeline import Extractor
    with _DASK_LOCK:
        extractor = _WORKER.get(gazetteer.fingerprint)
        if extractor is None:
            _WORKER.clear()  # one gazetteer at a time: a worker keeps the models of the last job only
            extractor = _WORKER[gazetteer.fingerprint] = Extractor(gazetteer)
        return list(extractor.extract(batch))  # type: ignore[attr-defined]


def _dask(documents: list[Document], gazetteer: Gazetteer, fingerprint: str, scheduler: str) -> Iterator[Extraction]:
    """Tasks of consecutive documents submitted to the cluster; results taken back in input order.

    The gazetteer is sent to every worker once (`scatter`); the workers must run the same electiongraph
    (code, models, spaCy): their fingerprint is checked before any work is sent.
    """
    try:
        from distributed import Client
    except ImportError as e:
        raise ElectionGraphError("--engine dask needs Dask: pip install 'electiongraph[dask]'") from e
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise ElectionGraphError(f"cannot reach the Dask scheduler at {scheduler!r}: {e}") from e
    try:
        ours = _dask_fingerprint()
        theirs = client.run(_dask_fingerprint)
        if not theirs:
            raise ElectionGraphError(f"the Dask cluster at {scheduler} has no workers")
        odd = sorted(w for w, fp in theirs.items() if fp != ours)
        if odd:
            raise ElectionGraphError(f"Dask workers {', '.join(odd)} run another electiongraph extractor "
                                     f"({theirs[odd[0]]}; here: {ours}); install the same version everywhere")
        shared = client.scatter(gazetteer, broadcast=True)
        futures = [client.submit(_dask_work, batch, shared, pure=False) for batch in batches(documents)]
        log.info("Dask: %d tasks on %d workers at %s", len(futures), len(theirs), scheduler)
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
