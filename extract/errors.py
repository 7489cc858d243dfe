"""The project's exceptions: one small hierarchy, messages that name the file and the problem."""

from __future__ import annotations

__all__ = ["ElectionGraphError", "DocumentError", "GazetteerError", "ModelError"]


class ElectionGraphError(Exception):
    """Base class of every error electiongraph raises on purpose."""


class DocumentError(ElectionGraphError):
    """A document that cannot be read or parsed; the message names the file."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class GazetteerError(ElectionGraphError):
    """A gazetteer file with a bad entry; the message names the file and the line."""


class ModelError(ElectionGraphError):
    """A spaCy model that is not installed (models come from PyPI packages, never a hub)."""
