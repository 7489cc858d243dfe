"""Stable ids: slugs of canonical names, never raw text.

`graph.ids` builds IRIs from these ids, so nothing a document says can break an IRI.

>>> slug("Jean-Luc Mélenchon")
'jean-luc-melenchon'
>>> entity_id("PERSON", "Benoît Hamon")
'person/benoit-hamon'
>>> event_id("2017-01-29", "In the second round run-off to select the Socialist Party's candidate")
'event/2017-01-29/in-the-second-round-run-off-to-select-the-socialist-party-s'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["fold", "slug", "entity_id", "event_id", "doc_id_for"]

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_EVENT_WORDS = 12


def fold(text: str) -> str:
    """Lower-case ASCII form of `text`: accents removed, other letters kept as they are."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def slug(text: str, max_len: int = 80) -> str:
    """A lower-case ASCII slug (`[a-z0-9-]+`); text with no Latin letters gets a stable hash slug."""
    out = _NON_ALNUM.sub("-", fold(text)).strip("-")
    if len(out) > max_len:
        out = out[:max_len].rsplit("-", 1)[0] or out[:max_len]
    if not out:
        out = "u-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return out


def entity_id(entity_type: str, name: str) -> str:
    """The id of an entity: its type and the slug of its canonical name."""
    return f"{str(entity_type).lower()}/{slug(name)}"


def event_id(date: str | None, title: str) -> str:
    """The id of an event: its date and the first words of its headline, so two links to one event meet."""
    words = slug(title, max_len=400).split("-")[:_EVENT_WORDS]
    return f"event/{date or 'undated'}/{'-'.join(words)}"


def doc_id_for(path_stem: str, digest: str) -> str:
    """The id of a document: its file stem as a slug plus a short content hash (two files never collide)."""
    return f"{slug(path_stem, max_len=60)}-{digest[:8]}"
