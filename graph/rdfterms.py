"""RDF terms from graph attributes: typed dates, decimals, safe URLs, clean text, and rdflib <-> pyoxigraph.

The exporter builds pyoxigraph terms (fast to make, sort and serialise); rdflib terms are made from them for
the rdflib API (`graph.export.rdf.to_rdf`) and for the rdflib query engine.

>>> date_literal("2017-03").n3()
'"2017-03"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
>>> from_ox(to_ox(date_literal("2017-03-29"))) == date_literal("2017-03-29")
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from graph.ids import is_iri

__all__ = [
    "date_literal", "date_parts", "url_term", "decimal_lexical", "clean_text", "valid_lang", "as_list",
    "evidence_text", "to_ox", "from_ox", "nt_iri", "nt_literal", "nt_term", "XSD_STRING", "RDF_LANG_STRING",
]

XSD_STRING = str(XSD.string)
RDF_LANG_STRING = str(RDF.langString)

_LANG_RE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
_DAY_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_RE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])")
_YEAR_RE = re.compile(r"\d{4}")
_URL_BAD = re.compile(r"[\s\"'<>{}|\\^`\x00-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# N-Triples string escapes: the four the grammar forbids raw, and every other control character as \\uXXXX.
_NT_ESCAPES = {c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F)} | {
    ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"}


def date_parts(value: object) -> tuple[str, URIRef] | None:
    """The lexical form and XSD datatype of a date by its precision, or None when `value` is no date.

    >>> date_parts("2017-01-29")[1] == XSD.date, date_parts("2017")[1] == XSD.gYear, date_parts("2017-13")
    (True, True, None)
    """
    text = str(value).strip() if isinstance(value, (str, date)) else ""
    if _DAY_RE.fullmatch(text):
        try:
            date.fromisoformat(text)
        except ValueError:
            return None
        return text, XSD.date
    if _MONTH_RE.fullmatch(text):
        return text, XSD.gYearMonth
    if _YEAR_RE.fullmatch(text):
        return text, XSD.gYear
    return None


def date_literal(value: object) -> Literal | None:
    """A date typed with its precision: xsd:date (YYYY-MM-DD), xsd:gYearMonth (YYYY-MM), xsd:gYear (YYYY).

    >>> date_literal("2017-01").n3()
    '"2017-01"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    >>> date_literal("2017-02-30") is None
    True
    """
    parts = date_parts(value)
    return None if parts is None else Literal(parts[0], datatype=parts[1])


def url_term(url: str) -> URIRef | Literal:
    """An http(s) URL as an IRI when it is safe to be one, otherwise as an xsd:anyURI literal.

    >>> url_term("https://example.org/a?b=1")
    rdflib.term.URIRef('https://example.org/a?b=1')
    >>> url_term('https://example.org/a b"><script>').datatype == XSD.anyURI
    True
    """
    if _URL_BAD.search(url) or _SURROGATE.search(url):
        return Literal(clean_text(url), datatype=XSD.anyURI)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return Literal(url, datatype=XSD.anyURI)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or not is_iri(url):
        return Literal(url, datatype=XSD.anyURI)
    return URIRef(url)




def decimal_lexical(value: object) -> str | None:
    """A finite number in the canonical xsd:decimal form of XSD 1.1 (no exponent, no trailing zero, `31` not
    `31.0`), as pyoxigraph stores it, so both query engines return the same lexical form; None otherwise.

    >>> decimal_lexical(58.65), decimal_lexical(31.0), decimal_lexical(1e20), decimal_lexical(True)
    ('58.65', '31', '100000000000000000000', None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    text = format(number, "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return "0" if text in ("-0", "") else text


def clean_text(text: object) -> str:
    """`text` as a string that UTF-8 can encode (lone surrogates become U+FFFD)."""
    return _SURROGATE.sub("\ufffd", str(text))


def valid_lang(value: object) -> str | None:
    """`value` lower-cased if it is a well-formed BCP 47 language tag, else None.

    >>> valid_lang("FR"), valid_lang("en-a"), valid_lang("x y")
    ('fr', None, None)
    """
    if not isinstance(value, str) or not _LANG_RE.fullmatch(value):
        return None
    try:
        ox.Literal("", language=value)
    except ValueError:
        return None
    return value.lower()


def as_list(value: object) -> list[Any]:
    """A list/tuple attribute as a list; a set sorted; a single value as a one-item list; None as empty."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return [value]


def evidence_text(value: object) -> str | None:
    """The evidence sentence of a relation: a string, or the `text` of an extract-style evidence record."""
    if isinstance(value, Mapping):
        value = value.get("text")
    return None if value is None else str(value)


def nt_iri(iri: str) -> str:
    """An IRI in N-Triples form; it must be valid already (minted by `graph.ids` or checked by `url_term`)."""
    return f"<{iri}>"


def nt_literal(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal in N-Triples form: escaped text, then `@lang` or `^^<datatype>` (none for xsd:string).

    >>> print(nt_literal('Evil> <http://x> "quote', lang="en"))
    "Evil> <http://x> \\"quote"@en
    """
    quoted = '"' + clean_text(text).translate(_NT_ESCAPES) + '"'
    if lang:
        return f"{quoted}@{lang}"
    return f"{quoted}^^<{datatype}>" if datatype and datatype != XSD_STRING else quoted


def nt_term(term: URIRef | Literal) -> str:
    """An rdflib IRI or literal in N-Triples form."""
    if isinstance(term, URIRef):
        return nt_iri(str(term))
    return nt_literal(str(term), lang=term.language, datatype=str(term.datatype) if term.datatype else None)


def to_ox(term: URIRef | Literal | BNode) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph term of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def from_ox(term: ox.NamedNode | ox.Literal | ox.BlankNode) -> URIRef | Literal | BNode:
    """The rdflib term of a pyoxigraph term (xsd:string literals become plain rdflib literals)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if not isinstance(term, ox.Literal):
        raise TypeError(f"not an RDF 1.1 term: {term!r}")
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
