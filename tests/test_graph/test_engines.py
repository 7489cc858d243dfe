"""Speed without a different answer: the extraction cache, `--jobs N` and the Dask engine all give the records
and outputs of a plain serial run."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from extract.cache import CACHE_NAME, ExtractionCache, document_key
from extract.errors import ElectionGraphError
from extract.readers import read_path as _read_path
from graph.cli import main
from graph.job import CACHE_DIR, ExtractOptions, extract_documents, read_corpus, run_build

pytestmark = pytest.mark.model

OUTPUTS = ("graph.ttl", "graph.json", "report.json")


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


@pytest.fixture()
def corpus(tmp_path, seed_dir) -> Path:
    """A writable copy of the four seeds."""
    return Path(shutil.copytree(seed_dir, tmp_path / "corpus"))


@pytest.fixture(scope="module")
def sample_docs():
    from extract import sample_corpus
    documents, _ = read_corpus([sample_corpus()])
    return documents


@pytest.fixture(scope="module")
def serial_records(sample_docs):
    return list(extract_documents(sample_docs, quiet=True))


# -- the cache -------------------------------------------------------------------------------------------
def test_second_build_reads_every_document_from_the_cache(tmp_path, corpus):
    out = tmp_path / "out"
    first = run_build([corpus], out, quiet=True, formats=("turtle", "json"))
    before = _outputs(out)
    assert first.extraction == {"cached": 0, "extracted": 4}
    assert (out / CACHE_DIR / CACHE_NAME).is_file()
    second = run_build([corpus], out, quiet=True, formats=("turtle", "json"))
    assert second.extraction == {"cached": 4, "extracted": 0}
    assert _outputs(out) == before


def test_one_changed_document_is_the_only_one_extracted_again(tmp_path, corpus):
    out = tmp_path / "out"
    run_build([corpus], out, quiet=True, formats=("turtle", "json"))
    changed = sorted(corpus.iterdir())[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMarine Le Pen backs Nicolas Dupont-Aignan.\n",
                       encoding="utf-8")
    again = run_build([corpus], out, quiet=True, formats=("turtle", "json"))
    assert again.extraction == {"cached": 3, "extracted": 1}
    fresh = tmp_path / "fresh"
    run_build([corpus], fresh, quiet=True, formats=("turtle", "json"), options=ExtractOptions(cache=False))
    assert _outputs(out) == _outputs(fresh)  # the incremental build is exactly the full one
    assert not (fresh / CACHE_DIR).exists()  # --no-cache writes no cache either


def test_unchanged_files_are_not_read_again(tmp_path, corpus, monkeypatch):
    import graph.job

    out = tmp_path / "out"
    run_build([corpus], out, quiet=True, formats=("json",))
    report = (out / "report.json").read_bytes()
    read = []
    monkeypatch.setattr(graph.job, "read_path", lambda path: read.append(path.name) or _read_path(path))
    assert run_build([corpus], out, quiet=True, formats=("json",)).extraction == {"cached": 4, "extracted": 0}
    assert read == [] and (out / "report.json").read_bytes() == report  # reports come back from the cache
    changed = sorted(corpus.iterdir())[0]
    changed.write_bytes(changed.read_bytes() + b"\n")
    run_build([corpus], out, quiet=True, formats=("json",))
    assert read == [changed.name]


def test_a_gazetteer_change_invalidates_the_cached_records(tmp_path, corpus):
    cache_dir = tmp_path / "cache"
    options = ExtractOptions(cache_dir=cache_dir)
    assert run_build([corpus], tmp_path / "a", quiet=True, formats=("json",), options=options).extraction["cached"] == 0
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"name": "Jean Lassalle", "type": "PERSON", "roles": ["candidate"]}) + "\n",
                     encoding="utf-8")
    changed = run_build([corpus], tmp_path / "b", quiet=True, formats=("json",), gazetteers=[extra], options=options)
    assert changed.extraction == {"cached": 0, "extracted": 4}
    copy = tmp_path / "elsewhere" / "same.jsonl"  # the same content under another name: still cached
    copy.parent.mkdir()
    shutil.copy(extra, copy)
    same = run_build([corpus], tmp_path / "c", quiet=True, formats=("json",), gazetteers=[copy], options=options)
    assert same.extraction == {"cached": 4, "extracted": 0}
    assert (tmp_path / "b" / "graph.json").read_bytes() == (tmp_path / "c" / "graph.json").read_bytes()


def test_document_key_follows_the_text_not_the_raw_bytes(seed_documents):
    from dataclasses import replace

    doc = seed_documents["001"]
    key = document_key(doc, "fp")
    assert document_key(replace(doc, raw=doc.raw + "\n"), "fp") == key  # provenance only
    assert document_key(replace(doc, text=doc.text + "x"), "fp") != key
    assert document_key(replace(doc, date="2017-04-24"), "fp") != key
    assert document_key(doc, "other extractor") != key


def test_the_fingerprint_names_the_gazetteer_and_the_models(tmp_path):
    from extract.gazetteer import load_gazetteer
    from extract.fingerprint import EXTRACTOR_VERSION, extractor_fingerprint

    base = extractor_fingerprint(load_gazetteer())
    assert base.startswith(EXTRACTOR_VERSION) and "fr_core_news_sm-3.8" in base and "spacy-3.8" in base
    extra = tmp_path / "g.jsonl"
    extra.write_text('{"name": "Parti Pirate", "type": "PARTY"}\n', encoding="utf-8")
    assert extractor_fingerprint(load_gazetteer([extra])) != base


def test_a_corrupt_cache_is_a_clear_error(tmp_path, corpus, capsys):
    cache = tmp_path / "out" / CACHE_DIR / CACHE_NAME
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not an sqlite database, it is a text file of the same name" * 20)
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--formats", "json"]) == 1
    err = capsys.readouterr().err
    assert str(cache) in err and "--no-cache" in err
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--formats", "json",
                 "--no-cache"]) == 0


def test_cache_transactions_leave_whole_records(tmp_path, seed_documents, seed_extractions):
    path = tmp_path / CACHE_NAME
    doc, record = seed_documents["002"], seed_extractions["002"]
    with ExtractionCache(path, "fp") as cache:
        cache.put_many([(doc, record)])
    with sqlite3.connect(path) as db:  # a record is the extract JSON, compressed
        assert db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0] == 1
    with ExtractionCache(path, "fp") as cache:
        assert cache.get(doc) == record and (cache.hits, cache.misses) == (1, 0)
    with ExtractionCache(path, "another fingerprint") as cache:  # opened by another extractor: emptied
        assert len(cache) == 0 and cache.get(doc) is None


# -- local processes -------------------------------------------------------------------------------------
def test_jobs_give_the_serial_records_in_the_serial_order(sample_docs, serial_records):
    parallel = list(extract_documents(sample_docs, quiet=True, options=ExtractOptions(cache=False, jobs=2)))
    assert [r.doc_id for r in parallel] == [d.doc_id for d in sample_docs]
    assert parallel == serial_records


def test_batches_keep_the_order_and_bound_the_size(sample_docs):
    from extract.engines import batches

    tasks = batches(sample_docs, max_chars=5_000, max_docs=3)
    assert [d for t in tasks for d in t] == list(sample_docs)
    assert all(len(t) <= 3 for t in tasks)
    assert all(sum(len(d.text) for d in t) <= 5_000 or len(t) == 1 for t in tasks)


def test_cli_jobs_build_equals_serial_build(tmp_path, corpus):
    assert main(["build", str(corpus), "--out", str(tmp_path / "serial"), "-q", "--no-cache"]) == 0
    assert main(["build", str(corpus), "--out", str(tmp_path / "jobs"), "-q", "--jobs", "2"]) == 0
    assert _outputs(tmp_path / "serial") == _outputs(tmp_path / "jobs")
    assert (tmp_path / "serial" / "index.html").read_bytes() == (tmp_path / "jobs" / "index.html").read_bytes()


@pytest.mark.parametrize("argv, message", [
    (["--jobs", "0"], "--jobs must be 1 or more"),
    (["--engine", "dask"], "--engine dask needs --scheduler"),
])
def test_bad_engine_options_are_clear_errors(tmp_path, corpus, capsys, argv, message):
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "-q", *argv]) == 1
    assert message in capsys.readouterr().err


# -- Dask ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        yield cluster


def test_dask_engine_gives_the_local_records(cluster, sample_docs, serial_records):
    assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
    options = ExtractOptions(cache=False, engine="dask", scheduler=cluster.scheduler_address)
    records = list(extract_documents(sample_docs, quiet=True, options=options))
    assert records == serial_records


def test_dask_build_from_the_command_line(cluster, tmp_path, corpus):
    assert main(["build", str(corpus), "--out", str(tmp_path / "local"), "-q", "--no-cache"]) == 0
    assert main(["build", str(corpus), "--out", str(tmp_path / "dask"), "-q", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert _outputs(tmp_path / "local") == _outputs(tmp_path / "dask")


def test_unreachable_scheduler_is_a_clear_error(monkeypatch, sample_docs):
    import extract.engines

    monkeypatch.setattr(extract.engines, "CONNECT_TIMEOUT", "2s")
    options = ExtractOptions(cache=False, engine="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(ElectionGraphError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        list(extract_documents(sample_docs[:1], quiet=True, options=options))


# -- exports written side by side ------------------------------------------------------------------------
def test_forked_exports_equal_serial_exports(tmp_path, seed_graph, monkeypatch):
    from graph.export import export

    forked = export(seed_graph, tmp_path / "forked", base="https://example.org/id/", title="t", max_nodes=50)
    monkeypatch.setenv("ELECTIONGRAPH_SERIAL_EXPORT", "1")
    serial = export(seed_graph, tmp_path / "serial", base="https://example.org/id/", title="t", max_nodes=50)
    assert list(forked) == list(serial) == ["turtle", "json", "html"]
    for name in ("graph.ttl", "graph.json", "index.html", "network.html", "timeline.html"):
        assert (tmp_path / "forked" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes()


def test_a_failing_exporter_in_a_child_fails_the_build(tmp_path, seed_graph, monkeypatch):
    import graph.export

    def broken(graph, out_dir, **_):
        raise ElectionGraphError(f"{out_dir}: disk full (simulated)")

    monkeypatch.setitem(graph.export.EXPORTERS, "json", broken)
    with pytest.raises(ElectionGraphError, match="disk full"):
        graph.export.export(seed_graph, tmp_path, ("turtle", "json"), base="https://example.org/id/")
    assert not list(tmp_path.glob(".*.tmp"))
