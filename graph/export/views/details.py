"""Plain data the pages show in their details panels: documents with their sources, relations as sentences.

Everything here is text for ``textContent``; a source URL is kept only when it is an http(s) URL, so a
``javascript:`` or ``data:`` link in a document never becomes a link on a page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from graph.schema import ATTR, EdgeKind

__all__ = ["short", "safe_url", "docs_map", "relation_text", "relation_record", "day_number", "date_key",
           "DOCS_MAX"]

DOCS_MAX = 12          # documents listed per item; the rest are counted
_SOURCES_MAX = 8
_VERBS = {EdgeKind.WITHDRAWS: "withdraws in favour of", EdgeKind.CANDIDATE_IN: "is a candidate in",
          EdgeKind.VOTE_SHARE: "gets a vote share in", EdgeKind.MEMBER_OF: "is a member of"}
_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")
_MID_MONTH = 15


def short(text: object, limit: int = 48) -> str:
    """One line of at most ``limit`` characters, cut with an ellipsis."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def safe_url(url: object) -> str:
    """``url`` when it is an absolute http(s) URL with a host, else ""."""
    text = str(url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _sources(value: Any) -> list[list[str]]:
    out = []
    for source in list(value or ())[:_SOURCES_MAX]:
        if isinstance(source, Mapping):
            out.append([str(source.get("name") or ""), safe_url(source.get("url"))])
    return out


def docs_map(graph: nx.MultiDiGraph, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{doc id: {"t": title, "d": date, "p": file, "s": [[source name, http(s) url or ""], ...]}}``."""
    out = {}
    for doc in sorted(set(doc_ids)):
        if doc not in graph:
            continue
        data = graph.nodes[doc]
        out[doc] = {"t": str(data.get(ATTR.LABEL) or doc), "d": data.get(ATTR.DATE) or "",
                    "p": str(data.get(ATTR.PATH) or ""), "s": _sources(data.get(ATTR.SOURCES))}
    return out


def _amount(data: Mapping[str, Any]) -> str:
    value = data.get(ATTR.VALUE)
    if value is None:
        return ""
    unit = data.get(ATTR.UNIT)
    return f" ({value:g}%)" if unit == "percent" else f" ({value:g}{' ' + str(unit) if unit else ''})"


def relation_text(graph: nx.MultiDiGraph, u: str, v: str, kind: str, data: Mapping[str, Any]) -> str:
    """``Benoît Hamon defeats Manuel Valls (58.65%)``."""
    verb = _VERBS.get(kind, kind.replace("_", " "))
    if kind == EdgeKind.WITHDRAWS and graph.nodes[v].get(ATTR.TYPE) == "ELECTION":
        verb = "withdraws from"
    label = lambda n: str(graph.nodes[n].get(ATTR.LABEL) or n)  # noqa: E731
    return f"{label(u)} {verb} {label(v)}{_amount(data)}"


def _evidence(value: Any) -> str:
    return str((value.get("text") if isinstance(value, Mapping) else value) or "")


def relation_record(graph: nx.MultiDiGraph, u: str, v: str, kind: str,
                    data: Mapping[str, Any]) -> dict[str, Any]:
    """A relation edge as page data: sentence, date, evidence, confidence and documents."""
    docs = list(data.get(ATTR.DOCS) or ([data[ATTR.DOC]] if data.get(ATTR.DOC) else []))
    return {"rel": kind, "from": u, "to": v, "text": relation_text(graph, u, v, kind, data),
            "date": data.get(ATTR.DATE) or "", "evidence": _evidence(data.get(ATTR.EVIDENCE)),
            "confidence": data.get(ATTR.CONFIDENCE), "docs": sorted(docs)[:DOCS_MAX], "ndocs": len(docs)}


def day_number(value: object) -> int | None:
    """Days since 1970-01-01 of a ``YYYY-MM-DD`` date; a ``YYYY-MM`` date is placed mid-month (the 15th).

    >>> day_number("1970-01-02"), day_number("1970-01"), day_number("2017-02-30"), day_number(None)
    (1, 14, None, None)
    """
    match = _DAY.match(str(value or ""))
    if not match:
        return None
    year, month, day = (int(g) if g else _MID_MONTH for g in match.groups())
    try:
        return date(year, month, day).toordinal() - date(1970, 1, 1).toordinal()
    except ValueError:
        return None


def date_key(value: object) -> str:
    """A ``YYYY-MM-DD`` string to compare dates with; month precision is the 15th; "" when undated."""
    number = day_number(value)
    return date.fromordinal(number + date(1970, 1, 1).toordinal()).isoformat() if number is not None else ""
