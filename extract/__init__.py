"""Documents in, Extraction records out. Importing this package never loads spaCy.

The spaCy-dependent parts live in `extract.nlp` and `extract.pipeline`, imported on demand.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from extract.errors import DocumentError, ElectionGraphError, GazetteerError, ModelError
from extract.records import Document, Entity, Event, Extraction, Mention, Relation, Source

__all__ = [
    "Document",
    "DocumentError",
    "ElectionGraphError",
    "Entity",
    "Event",
    "Extraction",
    "GazetteerError",
    "Mention",
    "ModelError",
    "Relation",
    "Source",
    "sample_corpus",
]


def sample_corpus() -> Path:
    """The directory of the sample corpus shipped inside the package (the default input of `build`).

    `seeds/` holds the four specification documents, `cep-events/` twenty Current Events Portal pages.
    """
    return Path(str(resources.files("extract") / "data" / "sample"))
