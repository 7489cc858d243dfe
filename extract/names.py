"""Name keys for matching: accent-, case- and mojibake-insensitive, so `Franois`, `François` and `Francois` meet.

Two keys per name. `name_key` folds accents (`François` → `francois`). `skeleton_key` drops every letter that
was not ASCII (`François` → `franois`), which is what a mojibake that deleted the letter leaves behind
(`Franois`). Two names match when any key of one equals any key of the other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from extract.ids import fold

__all__ = ["name_key", "skeleton_key", "keys", "strip_accents", "skeleton", "strip_title", "TITLES", "given_names"]

_SEP = re.compile(r"[^a-z0-9]+")
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "m", "mm", "messrs", "mme", "mlle", "me", "president",
    "senator", "sen", "rep", "gov", "governor", "prime", "minister", "chancellor", "président", "présidente", "madame",
    "monsieur", "former", "candidate", "candidat", "leader", "mayor", "maire", "député",
    "deputy", "secretary", "general", "king", "queen", "prince", "ex", "rival", "nominee", "emperor", "empress",
    "vice", "vice-president", "vice-président", "vice-présidente", "artist", "actor", "actress", "singer",
    "author", "writer", "economist", "professor", "prof", "activist", "journalist", "photographer",
})


def strip_accents(text: str) -> str:
    """`Benoît` → `Benoit`, keeping case (the form an ASCII-only writer uses)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def skeleton(text: str) -> str:
    """`François` → `Franois`: the form left when a broken pipeline deleted every non-ASCII letter."""
    return text if text.isascii() else "".join(ch for ch in text if ord(ch) < 128)


def name_key(text: str) -> str:
    return _SEP.sub(" ", fold(text)).strip()


def skeleton_key(text: str) -> str:
    return _SEP.sub(" ", skeleton(text).lower()).strip()


def keys(text: str) -> tuple[str, ...]:
    """Every key of a name (one or two), for an alias index."""
    first, second = name_key(text), skeleton_key(text)
    return (first,) if first == second or not second else (first, second)


def strip_title(text: str) -> str:
    """`Mr Rutte` → `Rutte`, `M. Fillon` → `Fillon`, `former Prime Minister Manuel Valls` → `Manuel Valls`."""
    words = text.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    out = " ".join(words)
    return re.sub(r"(?:'s|’s|'|’)$", "", out).strip() or text


@cache
def given_names() -> frozenset[str]:
    """Common given names (`data/given_names.txt`, case-sensitive), to tell `Miro Cerar` the model read as an
    organisation from an organisation."""
    text = (resources.files("extract") / "data" / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
