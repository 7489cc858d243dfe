"""A build killed (SIGKILL) or interrupted (Ctrl-C) at any moment leaves every output whole, and the next
build is exactly an uninterrupted one.

Each build is a real `python -m graph.cli build` process. To kill it at a known moment rather than after a
guessed delay, a `sitecustomize` module (put on the child's PYTHONPATH by the test) stops the process at a
chosen point and writes a marker file: `extract` stops inside spaCy's `Language.pipe` once a document has been
parsed; `replace:NAME` stops just before the output NAME is renamed into place (its temporary file complete).
The test polls for the marker with a timeout, then sends the signal. Whatever the extraction cache keeps
between builds, the outputs are compared with those of uninterrupted builds, byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
import rdflib

pytestmark = pytest.mark.model

TIMEOUT = 240  # seconds for one build on a busy machine; a build of this corpus takes a few seconds
INTERRUPTED = "interrupted; earlier outputs are left as they were"

STOPPER = '''\
"""Test hook (tests/test_graph/test_interrupt.py): stop this process at a chosen point until it is killed."""
import os
import time

_AT = os.environ.get("EG_TEST_STOP_AT", "")
_MARKER = os.environ.get("EG_TEST_MARKER", "")


def _stop(what):
    with open(_MARKER + ".part", "w", encoding="utf-8") as fh:
        fh.write(what)
    os.rename(_MARKER + ".part", _MARKER)  # the test sees the marker only once it is complete
    while True:  # until the test's signal arrives (Ctrl-C raises KeyboardInterrupt here)
        time.sleep(0.02)


if _AT == "extract":
    from spacy.language import Language

    _pipe = Language.pipe

    def _stopping_pipe(self, *args, **kwargs):
        for item in _pipe(self, *args, **kwargs):
            yield item
            _stop("extract")

    Language.pipe = _stopping_pipe
elif _AT.startswith("replace:"):
    _NAME = _AT.split(":", 1)[1]
    _replace = os.replace

    def _stopping_replace(src, dst, *args, **kwargs):
        if os.path.basename(os.fspath(dst)) == _NAME:
            _stop(os.fspath(src))
        return _replace(src, dst, *args, **kwargs)

    os.replace = _stopping_replace
'''

PAGE = """### [2017-03-29](/news/2017/03/29/index.md)

# Manuel Valls (PS) announces his support for Emmanuel Macron (En Marche!), not for Benoit Hamon.

French Socialist Benoit Hamon called on all leftist voters to unite behind his presidential bid
after former prime minister Manuel Valls said he will vote for rival Emmanuel Macron.

### Source:

1. [Bloomberg](https://www.bloomberg.com/politics/articles/2017-03-29/hamon-calls-on-left-to-unite)

### Related:

1. [Yannick Jadot drops out to boost Benoit Hamon.](/news/2017/02/23/jadot-drops-out.md) _Context: Hamon_
"""
ARTICLE_1 = (" date 2017-01-23 Benoît Hamon and Manuel Valls on Sunday advanced to the second round of the "
             "Socialist primary.\n\nHamon claimed more than 36 percent of the votes cast in the first round, "
             "ahead of Valls with 31 percent.\n")
ARTICLE_2 = (" date 2017-04-23 Emmanuel Macron and Marine Le Pen reach the run-off of the French "
             "presidential election.\n\nMacron won 24 percent of the vote and Le Pen 21 percent.\n")
EXTRA = (" date 2017-05-07 Emmanuel Macron defeats Marine Le Pen in the second round of the French "
         "presidential election with 66 percent of the vote.\n\nFrançois Fillon had endorsed Macron for the "
         "run-off.\n")


def build_command(corpus: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "graph.cli", "build", str(corpus), "--out", str(out), "--quiet"]


def run_build(corpus: Path, out: Path) -> None:
    """An uninterrupted build, as a user runs it."""
    done = subprocess.run(build_command(corpus, out), capture_output=True, text=True, timeout=TIMEOUT,
                          cwd=out.parent)
    assert done.returncode == 0, done.stderr


def outputs(out: Path) -> dict[str, bytes]:
    """Every output file by relative path: not the extraction cache, not temporary files."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(out).parts and not p.name.endswith(".tmp")}


def temporaries(out: Path) -> list[Path]:
    return sorted(out.rglob(".*.tmp"))


class Stopped:
    """A build process stopped at a chosen point (see STOPPER), waiting for the test's signal."""

    def __init__(self, tmp: Path, corpus: Path, out: Path, at: str) -> None:
        hooks = tmp / f"hooks-{at.replace(':', '-')}"
        hooks.mkdir(exist_ok=True)
        (hooks / "sitecustomize.py").write_text(STOPPER, encoding="utf-8")
        self.marker = hooks / "stopped"
        self.marker.unlink(missing_ok=True)
        self.stderr = hooks / "stderr.txt"
        path = os.pathsep.join(filter(None, [str(hooks), os.environ.get("PYTHONPATH")]))
        env = os.environ | {"PYTHONPATH": path, "EG_TEST_STOP_AT": at, "EG_TEST_MARKER": str(self.marker)}
        with open(self.stderr, "wb") as err:
            # the build starts with SIGINT at its default, as from a terminal, whatever the test process inherited
            self.proc = subprocess.Popen(build_command(corpus, out), env=env, stdout=subprocess.DEVNULL,
                                         stderr=err, cwd=out.parent, start_new_session=True,
                                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.wait_until_stopped()

    def wait_until_stopped(self) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not self.marker.exists():
            if self.proc.poll() is not None:
                pytest.fail(f"the build ended (exit {self.proc.returncode}) before reaching the stop point:\n"
                            + self.stderr.read_text(encoding="utf-8", errors="replace"))
            if time.monotonic() > deadline:
                self.signal(signal.SIGKILL)
                pytest.fail("the build never reached the stop point")
            time.sleep(0.05)

    @property
    def where(self) -> str:
        return self.marker.read_text(encoding="utf-8")

    def signal(self, sig: int) -> int:
        """Send `sig` to the build's process group (as a terminal does) and return its exit status."""
        os.killpg(self.proc.pid, sig)
        try:
            return self.proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            pytest.fail(f"the build did not end within 120 s of signal {sig}; its stderr:\n"
                        + self.stderr.read_text(encoding="utf-8", errors="replace"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The corpus (three documents, then a fourth added) and the outputs of uninterrupted builds of both."""
    root = tmp_path_factory.mktemp("interrupt")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "page.md").write_text(PAGE, encoding="utf-8")
    (corpus / "article-1.txt").write_text(ARTICLE_1, encoding="utf-8")
    (corpus / "article-2.txt").write_text(ARTICLE_2, encoding="utf-8")
    run_build(corpus, root / "before")
    (corpus / "article-3.txt").write_text(EXTRA, encoding="utf-8")  # from now on the corpus is the new one
    run_build(corpus, root / "after")
    before, after = outputs(root / "before"), outputs(root / "after")
    assert before["graph.ttl"] != after["graph.ttl"] and before["report.json"] != after["report.json"]
    return {"root": root, "corpus": corpus, "before_dir": root / "before", "before": before, "after": after}


def previous_outputs(builds, name: str) -> Path:
    """A copy of the first build's output directory (its extraction cache included), as a user's `--out`."""
    out = builds["root"] / name
    shutil.copytree(builds["before_dir"], out)
    return out


def assert_each_output_whole(out: Path, builds) -> None:
    """Every file under a final name is the previous build's or the new build's, never anything else."""
    for name, data in outputs(out).items():
        versions = [builds[v][name] for v in ("before", "after") if name in builds[v]]
        assert data in versions, f"{name} is neither the previous output nor the new one"
    json.loads((out / "report.json").read_text(encoding="utf-8"))
    nx.node_link_graph(json.loads((out / "graph.json").read_text(encoding="utf-8")), edges="edges")
    assert len(rdflib.Graph().parse(out / "graph.ttl", format="turtle")) > 0


def assert_rebuild_is_exact(out: Path, builds) -> None:
    run_build(builds["corpus"], out)
    assert temporaries(out) == []
    found = outputs(out)
    for name, data in builds["after"].items():
        assert found.get(name) == data, f"{name} differs from an uninterrupted build"


def test_killed_during_extraction_leaves_the_previous_outputs(builds, tmp_path):
    out = previous_outputs(builds, "killed-extracting")
    stopped = Stopped(tmp_path, builds["corpus"], out, "extract")
    assert stopped.signal(signal.SIGKILL) == -signal.SIGKILL
    assert outputs(out) == builds["before"]  # nothing was written yet: every byte as it was
    assert temporaries(out) == []
    assert_rebuild_is_exact(out, builds)  # whatever a killed run left in the cache


def test_killed_at_several_moments_of_the_export(builds, tmp_path):
    """Killed before the first rename, in the middle of the views, before the last file: each kill leaves
    whole files, a complete temporary file that never got its final name, and the next run removes it."""
    out = previous_outputs(builds, "killed-exporting")
    for name in ("graph.ttl", "index.html", "report.json"):
        stopped = Stopped(tmp_path, builds["corpus"], out, f"replace:{name}")
        pending = Path(stopped.where)
        assert stopped.signal(signal.SIGKILL) == -signal.SIGKILL
        assert temporaries(out) == [pending], "only the killed run's own temporary file is left"
        assert pending.read_bytes() == builds["after"][name]  # written in full, never renamed
        assert (out / name).read_bytes() == builds["before"][name]
        assert_each_output_whole(out, builds)
    assert outputs(out)["graph.ttl"] == builds["after"]["graph.ttl"]  # the later kills got past it
    assert_rebuild_is_exact(out, builds)


def test_ctrl_c_exits_130_with_a_message_and_leaves_no_temporary_file(builds, tmp_path):
    out = previous_outputs(builds, "interrupted")
    stopped = Stopped(tmp_path, builds["corpus"], out, "extract")
    assert stopped.signal(signal.SIGINT) == 130
    assert INTERRUPTED in stopped.stderr.read_text(encoding="utf-8")
    assert outputs(out) == builds["before"]

    stopped = Stopped(tmp_path, builds["corpus"], out, "replace:index.html")
    assert stopped.signal(signal.SIGINT) == 130
    assert INTERRUPTED in stopped.stderr.read_text(encoding="utf-8")
    assert temporaries(out) == []  # the interrupted write removed its own temporary file
    assert (out / "index.html").read_bytes() == builds["before"]["index.html"]
    assert_each_output_whole(out, builds)
