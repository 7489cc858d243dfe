"""Session fixtures: the spaCy models are loaded once, the seed corpus is extracted and built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import sample_corpus

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    """The four real seed documents, as shipped inside the package (the sample corpus)."""
    return sample_corpus() / "seeds"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def seed_documents(seed_dir):
    from graph.job import read_corpus
    documents, _ = read_corpus([seed_dir])
    return {Path(d.source_path).name[:3]: d for d in documents}


@pytest.fixture(scope="session")
def extractor():
    from extract.pipeline import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def seed_extractions(extractor, seed_documents):
    """Extraction records of the seeds by file prefix ("000" ... "003")."""
    docs = [seed_documents[k] for k in sorted(seed_documents)]
    return {k: x for k, x in zip(sorted(seed_documents), extractor.extract(docs))}


@pytest.fixture(scope="session")
def seed_graph(seed_extractions):
    from graph.build import build_graph
    return build_graph(seed_extractions.values())


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seed_dir):
    """A full `build` of the seeds, run once: (output directory, BuildResult)."""
    from graph.job import run_build
    out = tmp_path_factory.mktemp("build")
    return out, run_build([seed_dir], out, quiet=True)
