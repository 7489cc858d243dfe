"""A rebuild from the caches writes, byte for byte, what a cold build of the same corpus writes; the garbage
collector pauses that make it quick are given back."""

from __future__ import annotations

import gc
import shutil
import sqlite3
from pathlib import Path

import pytest

from graph.export.rdf import to_statements
from graph.job import CACHE_DIR, ExtractOptions, run_build
from graph.rdfcache import TURTLE_CACHE_NAME, subjects

pytestmark = pytest.mark.model


def outputs(out: Path) -> dict[str, bytes]:
    """Every file a build wrote, by path, the caches left out."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and CACHE_DIR not in p.relative_to(out).parts}


def cold(corpus: Path, out: Path) -> dict[str, bytes]:
    run_build([corpus], out, quiet=True, options=ExtractOptions(cache=False))
    assert not (out / CACHE_DIR).exists()
    return outputs(out)


def cached_subjects(out: Path) -> int:
    with sqlite3.connect(out / CACHE_DIR / TURTLE_CACHE_NAME) as db:
        return db.execute("SELECT COUNT(*) FROM block").fetchone()[0]


@pytest.fixture()
def corpus(tmp_path, seed_dir) -> Path:
    return Path(shutil.copytree(seed_dir, tmp_path / "corpus"))


def test_a_rebuild_after_one_changed_document_writes_the_cold_build(tmp_path, corpus):
    out = tmp_path / "out"
    run_build([corpus], out, quiet=True)
    changed = sorted(corpus.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nFrançois Fillon backs Alain Juppé.\n",
                       encoding="utf-8")
    again = run_build([corpus], out, quiet=True)
    assert again.extraction == {"cached": 3, "extracted": 1}
    assert outputs(out) == cold(corpus, tmp_path / "cold")  # Turtle, JSON, views, report
    assert cached_subjects(out) == len(list(subjects(to_statements(again.graph, named=False).triples)))


def test_a_removed_document_leaves_nothing_behind(tmp_path, corpus):
    out = tmp_path / "out"
    run_build([corpus], out, quiet=True)
    sorted(corpus.iterdir())[0].unlink()
    again = run_build([corpus], out, quiet=True)
    assert again.extraction == {"cached": 3, "extracted": 0}
    assert outputs(out) == cold(corpus, tmp_path / "cold")
    # the removed document's Turtle blocks are dropped, not kept for a graph that no longer has them
    assert cached_subjects(out) == len(list(subjects(to_statements(again.graph, named=False).triples)))


def test_turtle_written_by_a_forked_exporter_uses_the_cache_too(tmp_path, corpus):
    formats = ("json", "turtle")  # the first format is written here, the others in forked processes
    out = tmp_path / "out"
    run_build([corpus], out, quiet=True, formats=formats)
    first = (out / "graph.ttl").read_bytes()
    assert cached_subjects(out) > 0
    run_build([corpus], out, quiet=True, formats=formats)
    assert (out / "graph.ttl").read_bytes() == first


def test_the_garbage_collector_is_paused_for_the_graph_and_given_back(tmp_path, corpus, monkeypatch):
    import graph.job

    seen = []
    build = graph.job.build_graph
    monkeypatch.setattr(graph.job, "build_graph", lambda records: seen.append(gc.isenabled()) or build(records))
    run_build([corpus], tmp_path / "out", quiet=True, formats=("json",))
    assert seen == [False] and gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()  # a caller that runs without the collector keeps it off
    try:
        run_build([corpus], tmp_path / "out", quiet=True, formats=("json",))
        assert not gc.isenabled()
    finally:
        gc.enable()
