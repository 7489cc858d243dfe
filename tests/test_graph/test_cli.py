"""The command line, run in-process as a user would: build, extract, timeline, errors."""

from __future__ import annotations

import json
import shutil

import pytest
import rdflib

from graph.cli import main

pytestmark = pytest.mark.model


def test_build_writes_every_output(seed_build):
    out, result = seed_build
    for name in ("graph.ttl", "graph.json", "index.html", "report.json"):
        assert (out / name).stat().st_size > 0
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(g) > 500
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [f["status"] for f in report["files"]] == ["repaired", "ok", "ok", "ok"]  # seed 000 has mojibake
    assert len(report["files"]) == 4 and report["graph"]["nodes"] == result.graph.number_of_nodes()


def test_html_loads_nothing_from_the_network(seed_build):
    page = (seed_build[0] / "index.html").read_text(encoding="utf-8")
    assert "<script src=\"http" not in page and "<link href=\"http" not in page
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page


def test_unknown_file_is_reported_not_fatal(tmp_path, seed_dir, capsys):
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_dir, corpus)
    (corpus / "notes.txt").write_text("This file is not a news document.", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--formats", "json"]) == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    notes = [f for f in report["files"] if f["path"].endswith("notes.txt")][0]
    assert notes["status"] == "skipped" and "not a known format" in notes["reason"]
    assert "skipped" in capsys.readouterr().err
    assert main(["build", str(corpus), "--out", str(tmp_path / "strict"), "--quiet", "--strict",
                 "--formats", "json"]) == 1


def test_extract_prints_one_record_per_document(seed_dir, capsys):
    assert main(["extract", str(seed_dir), "--format", "jsonl", "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 4
    assert {r["kind"] for r in records} == {"event_page", "article"}
    assert {r["lang"] for r in records} == {"en", "fr"}


def test_timeline_command(seed_build, capsys):
    assert main(["timeline", str(seed_build[0]), "Benoît Hamon", "--quiet"]) == 0
    out = capsys.readouterr().out
    for date in ("2017-01-22", "2017-01-29", "2017-02-23", "2017-03-29"):
        assert date in out


def test_user_errors_are_messages_not_tracebacks(tmp_path, capsys):
    assert main(["build", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    assert "no such file or directory" in capsys.readouterr().err
    assert main(["build", "--formats", "pdf", "--out", str(tmp_path / "o"), "--quiet"]) == 1
    assert "unknown --formats" in capsys.readouterr().err
    assert main(["timeline", str(tmp_path), "Hamon"]) == 1
    assert "no graph.json" in capsys.readouterr().err


def test_the_program_freezes_its_heap_then_exits_with_the_code(monkeypatch):
    import graph.cli as cli

    calls = []
    monkeypatch.setattr(cli, "main", lambda: calls.append("main") or 3)
    monkeypatch.setattr(cli.gc, "freeze", lambda: calls.append("freeze"))  # never freeze the test process
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 3 and calls == ["main", "freeze"]
