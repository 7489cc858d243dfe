"""The one place IRIs are minted: from node ids, one slug per path segment, never from raw text.

Node ids are already slugs (`person/benoit-hamon`), but each segment is slugged again so that nothing a document
says can end up in an IRI, whatever the graph holds.

>>> iri("person/benoit-hamon")
rdflib.term.URIRef('https://w3id.org/electiongraph/id/person/benoit-hamon')
>>> iri('person/Evil> <http://x> "quote\\'')
rdflib.term.URIRef('https://w3id.org/electiongraph/id/person/evil-http/x-quote')
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib import URIRef

from extract.ids import MAX_SEGMENT, slug

__all__ = ["DEFAULT_BASE", "iri", "check_base", "is_iri", "slug"]

DEFAULT_BASE = "https://w3id.org/electiongraph/id/"

# As long as any segment of an id the builder makes (an event's 12 headline words can be long words), so
# re-slugging never truncates one and two distinct ids never share an IRI.
_SEGMENT_MAX = MAX_SEGMENT
_BASE_RE = re.compile(r"https?://[^\s<>\"{}|\\^`]+[/#]")


def check_base(base: str) -> str:
    """Return `base` if it is an http(s) IRI ending in `/` or `#`.

    Raises:
        ValueError: the base would make broken or ambiguous IRIs.
    """
    if not _BASE_RE.fullmatch(base) or not is_iri(base + "x"):
        raise ValueError(f"base IRI must be a valid http(s) IRI (no spaces or <>\"{{}}|\\^`, a valid host, "
                         f"percent escapes and at most one #) that ends in / or #: {base!r}")
    return base


def is_iri(text: str) -> bool:
    """Whether `text` is an IRI an RDF parser accepts (percent escapes, one `#`, ...)."""
    try:
        ox.NamedNode(text)
    except ValueError:
        return False
    return True


def iri(node_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The IRI of a node: `base` plus the slug of each `/`-separated segment of its id.

    Empty segments are dropped; an id with no segment at all is an error.

    Raises:
        ValueError: `node_id` is empty or `base` is not a usable base IRI.
    """
    segments = [slug(part, max_len=_SEGMENT_MAX) for part in str(node_id).split("/") if part.strip()]
    if not segments:
        raise ValueError(f"cannot mint an IRI from an empty node id: {node_id!r}")
    return URIRef(_checked(base) + "/".join(segments))


@lru_cache(maxsize=8)
def _checked(base: str) -> str:
    """`check_base`, once per base: an export mints tens of thousands of IRIs on one base."""
    return check_base(base)
