"""Messy corpora: every file is accounted for with a reason, bad files change nothing, user mistakes are messages."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from graph.cli import main
from graph.job import run_build

pytestmark = pytest.mark.model

GERMAN = (" date 2017-09-24 Die Bundestagswahl am Sonntag brachte der Union ihr schlechtestes Ergebnis seit "
          "1949, während die AfD erstmals in den Bundestag einzieht und die SPD in die Opposition geht.\n")
CHINESE = " date 2017-10-18 中国共产党第十九次全国代表大会在北京开幕，习近平代表第十八届中央委员会向大会作报告。\n"
ARTICLE = " date 2017-05-07 Emmanuel Macron wins the French presidential election against Marine Le Pen.\n"


def write_skipped(folder):
    """Files that must be skipped, each for its own reason."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (folder / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (folder / "notes.txt").write_text("Shopping list: eggs, milk, bread.", encoding="utf-8")
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "chinese.txt").write_text(CHINESE, encoding="utf-8")
    return {"empty.txt": "empty", "blank.txt": "empty", "binary.dat": "binary", "notes.txt": "not a known format",
            "german.txt": "unsupported language 'de'", "chinese.txt": "unsupported language 'zh'"}


def write_kept(folder):
    """Files that are read, some repaired or partial."""
    folder.mkdir()
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "cp1252.txt").write_bytes(" date 2017-01-29 Benoît Hamon a été élu.\n".encode("cp1252"))
    (folder / "mojibake.txt").write_text(" date 2017-03-29 Valls backs Macron rather than his partyâ€™s nominee.\n",
                                         encoding="utf-8")
    (folder / "bad-date.txt").write_text(" date 2017-13-45 Hamon wins the primary.\n", encoding="utf-8")
    (folder / "future.txt").write_text(" date 2999-01-01 Hamon wins the primary.\n", encoding="utf-8")
    (folder / "no-headline.txt").write_text("### [2017-04-23](/news/2017/04/23/index.md)\n\nMacron and Le Pen "
                                            "reach the run-off.\n\n### Sources:\n\n1. [AFP](https://afp.com/x",
                                            encoding="utf-8")  # truncated mid-link
    (folder / "nul.txt").write_text(" date 2017-04-23 Mac\x00ron leads the first round.\n", encoding="utf-8")
    (folder / "long-line.txt").write_text(" date 2017-04-23 " + "Macron leads. " * 75_000 + "\n", encoding="utf-8")
    return {"bom.txt": "ok", "utf16.txt": "ok", "cp1252.txt": "repaired", "mojibake.txt": "repaired",
            "bad-date.txt": "partial", "future.txt": "partial", "no-headline.txt": "partial", "nul.txt": "repaired",
            "long-line.txt": "ok"}


def statuses(out):
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {os.path.basename(f["path"]): (f["status"], f.get("reason", "")) for f in report["files"]}


def test_every_file_is_accounted_for(tmp_path):
    skipped = write_skipped(tmp_path / "skipped")
    kept = write_kept(tmp_path / "kept")
    out = tmp_path / "out"
    result = run_build([tmp_path / "skipped", tmp_path / "kept"], out, quiet=True)
    found = statuses(out)
    assert set(found) == set(skipped) | set(kept)
    for name, reason in skipped.items():
        assert found[name][0] == "skipped" and reason in found[name][1], (name, found[name])
    for name, status in kept.items():
        assert found[name][0] == status, (name, found[name])
    assert result.graph.number_of_nodes() > 10


def test_skipped_files_change_nothing(tmp_path, seed_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(seed_dir, corpus / "seeds")
    run_build([corpus], tmp_path / "clean", quiet=True, formats=("turtle", "json"))
    write_skipped(corpus / "bad")  # same paths for the good documents, bad files beside them
    run_build([corpus], tmp_path / "mixed", quiet=True, formats=("turtle", "json"))
    for name in ("graph.json", "graph.ttl"):
        assert (tmp_path / "clean" / name).read_bytes() == (tmp_path / "mixed" / name).read_bytes()


def test_user_mistakes(tmp_path, capsys):
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    assert main(["build", str(empty), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    assert "no input files" in capsys.readouterr().err
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["build", "--out", str(blocker / "out"), "--quiet"]) == 1
    assert "cannot write the outputs" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "X", "type": "WIZARD"}\n', encoding="utf-8")
    assert main(["build", "--gazetteer", str(bad), "--out", str(tmp_path / "g"), "--quiet"]) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_stale_temporary_files_are_cleaned(tmp_path, seed_dir):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graph.ttl.123.abcd.tmp").write_text("half", encoding="utf-8")
    run_build([seed_dir], out, quiet=True, formats=("json",))
    assert not list(out.glob(".*.tmp"))
