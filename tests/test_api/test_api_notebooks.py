"""The analyst notebooks as files: stored without outputs, on the "python3" kernel, public API only, and run
by `make test` (nbmake executes them there; this module only reads them)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
IMPORT = re.compile(r"^\s*(?:from\s+(\S+)\s+import|import\s+(\S+))", re.M)
ALLOWED_IMPORTS = {"graph", "extract", "networkx", "pandas", "matplotlib.pyplot", "datetime"}


def test_the_three_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == ["01_quickstart.ipynb", "02_sparql.ipynb", "03_analysis.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_clean(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3" and nb.metadata.kernelspec.language == "python"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert all(not cell.get("attachments") for cell in nb.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_the_public_api_only(path):
    cells = nbformat.read(path, as_version=4).cells
    source = "\n".join(cell.source for cell in cells if cell.cell_type == "code")
    modules = {a or b for a, b in IMPORT.findall(source)}
    assert "graph" in modules and modules <= ALLOWED_IMPORTS, modules
    assert "from graph import ElectionGraph" in source
    assert "../shared" not in source and "/work/" not in source and "open(" not in source


def test_make_test_runs_the_notebooks_with_nbmake():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-fast"):
        recipe = re.search(rf"^{target}:.*\n\t(.+)$", makefile, re.M)
        assert recipe and "--nbmake" in recipe[1] and recipe[1].rstrip().endswith("tests notebooks")
    assert re.search(r"^notebook:.*## .+\n\t.*\$\(BIN\)/jupyter lab notebooks/", makefile, re.M)
