"""The examples in graph.api's docstrings run against the seed build (they are the API's documentation)."""

from __future__ import annotations

import doctest
import io

import graph.api


def test_the_docstring_examples_run(build_dir, eg, seed_dir, extractor, agg):
    globs = {"build_dir": build_dir, "eg": eg, "seed_dir": seed_dir, "extractor": extractor}
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    out = io.StringIO()
    tests = [t for t in finder.find(graph.api, globs=vars(graph.api) | globs) if t.examples]
    for test in tests:
        runner.run(test, out=out.write)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, out.getvalue()
    documented = {t.name.rsplit(".", 1)[-1] for t in tests}
    public = {name for name in vars(graph.api.ElectionGraph) if not name.startswith("_")}
    assert public <= documented, f"public methods without an example: {sorted(public - documented)}"
    assert results.attempted >= 35
