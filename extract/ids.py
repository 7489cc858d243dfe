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

__all__ = ["fold", "slug", "entity_id", "event_id", "doc_id_for", "MAX_SEGMENT"]

# Letters NFKD does not decompose into ASCII.
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                          "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LATIN = re.compile(r"[a-z]")
_EVENT_WORDS = 12
# The longest segment of any id made here (an event's headline words): `graph.ids` keeps segments up to this.
MAX_SEGMENT = 400


def fold(text: str) -> str:
    """Lower-case ASCII form of `text`: accents removed, other letters kept as they are."""
    if text.isascii():  # most names: nothing to decompose (a third of the rule time went here)
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def slug(text: str, max_len: int = 80) -> str:
    """A lower-case ASCII slug (`[a-z0-9-]+`); text with no Latin letters gets a stable hash slug.

    A name whose letters are all non-Latin hashes too when it holds digits (`Путин 2`): its slug would be
    the digits alone, shared with every other such name.

    >>> slug("Путин 2") != slug("Медведев 2"), slug("2017-01-29")
    (True, '2017-01-29')
    """
    folded = fold(text)
    out = _NON_ALNUM.sub("-", folded).strip("-")
    if not _LATIN.search(out) and any(ch.isalpha() for ch in folded):
        out = ""  # every letter was dropped: what is left (digits) does not tell the name apart
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
    words = slug(title, max_len=MAX_SEGMENT).split("-")[:_EVENT_WORDS]
    return f"event/{date or 'undated'}/{'-'.join(words)}"


def doc_id_for(path_stem: str, digest: str) -> str:
    """The id of a document: its file stem as a slug plus a short content hash (two files never collide)."""
    return f"{slug(path_stem, max_len=60)}-{digest[:8]}"
