"""Page assembly shared by every view: assets, safe JSON data blocks, the Content-Security-Policy, the header.

Every page is one file that works from disk with no network. Document text reaches a page only as JSON inside
a ``<script type="application/json">`` data block (with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, so
no ``</script`` or ``<!--`` can close it) or as HTML-escaped text; the pages' scripts put it on screen with
``textContent`` and ``setAttribute``, never ``innerHTML``. The CSP lets only the page's own inline scripts run
(by hash) and forbids every fetch.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["Nav", "asset", "script_json", "data_block", "content_security_policy", "header_html",
           "render_page", "esc", "plural"]

_ASSET_DIR = ("data", "views")
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r"\btype\s*=\s*[\"']?application/json", re.I)
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
            ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

NAV_ITEMS = (("index", "index.html", "Overview"), ("network", "network.html", "Network"),
             ("timeline", "timeline.html", "Timeline"))


@dataclass(frozen=True)
class Nav:
    """Where a page sits: the relative path back to the build's root ("" or "../") and its nav item."""

    root: str = ""
    current: str = ""


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """The text of a static asset shipped in ``graph/data/views`` (CSS or JavaScript)."""
    return resources.files("graph").joinpath(*_ASSET_DIR, name).read_text(encoding="utf-8")


def esc(value: object) -> str:
    """HTML-escaped text (quotes too, so it is safe in an attribute)."""
    return html.escape(str(value), quote=True)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 event``, ``2 events``, ``1,024 entities`` (with ``many``)."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def script_json(value: Any) -> str:
    """JSON safe inside a <script>: no '<', '>' or '&' (so no '</script' or '<!--'), no U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _ESCAPES:
        text = text.replace(char, escape)
    return text


def data_block(value: Any, block_id: str = "eg-data") -> str:
    """A JSON data block: parsed by the page's script, never executed, so no CSP hash is needed."""
    return f'<script type="application/json" id="{esc(block_id)}">{script_json(value)}</script>'


def content_security_policy(page: str) -> str:
    """Only the page's own inline scripts may run (by hash); nothing may be fetched."""
    bodies = {body for attrs, body in _SCRIPT.findall(page) if not _DATA_TYPE.search(attrs)}
    hashes = sorted(base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
                    for body in bodies)
    scripts = " ".join(f"'sha256-{h}'" for h in hashes) or "'none'"
    return (f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'")


def csp_meta(page: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(page))}">'


def header_html(title: str, heading: str, intro: str, nav: Nav) -> str:
    """The banner of every page: the build's title, links to the views, the page heading and what it shows.

    ``intro`` is HTML made by the caller from escaped parts.
    """
    current = ' aria-current="page"'
    links = "".join(f'<a href="{esc(nav.root + href)}"{current if key == nav.current else ""}>{esc(text)}</a>'
                    for key, href, text in NAV_ITEMS)
    return (f'<header id="eg-header" class="eg-top">\n<nav class="eg-nav">'
            f'<span class="eg-brand">{esc(title)}</span>{links}</nav>\n'
            f"<h1>{esc(heading)}</h1>\n{intro}\n</header>\n")


def render_page(*, title: str, heading: str, intro: str, body: str, data: Any, scripts: Iterable[str],
                nav: Nav) -> str:
    """A complete page of ours: escaped header, ``body`` (HTML made of escaped parts), data, scripts, CSP."""
    script_tags = "".join(f"<script>{asset(name)}</script>\n" for name in scripts)
    page = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n@CSP@\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(heading)} · {esc(title)}</title>\n<style>{asset('views.css')}</style>\n</head>\n"
            f"<body>\n{header_html(title, heading, intro, nav)}<main>\n{body}\n</main>\n"
            f"{data_block(data)}\n{script_tags}</body>\n</html>\n")
    return page.replace("@CSP@", csp_meta(page), 1)
