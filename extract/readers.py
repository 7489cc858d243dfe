"""Format detection and parsing: files in, `Document` records out. No NLP here.

Three formats, told apart by their content (never by the file extension):

- event page: markdown with a `### [YYYY-MM-DD](/news/...)` date line and a `# headline`;
- article: a first line ` date YYYY-MM-DD` (or ` date YYYY-MM`), then the text;
- JSON Lines: one `{"id", "date", "text", ...}` object per line.

`Document.text` is the repaired plain text the extractor reads (markup stripped, mojibake fixed); its
`segments` say which region belongs to which event, so mentions can be tied to events by offset.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from extract.errors import DocumentError
from extract.ids import doc_id_for, slug
from extract.lang import detect_language
from extract.records import DocKind, Document, EventKind, RelatedLink, Segment, Source
from extract.text import check_date, decode_bytes, repair

__all__ = ["PARTIAL_WARNINGS", "ReadResult", "detect_format", "read_path", "read_text", "iter_paths", "read_all"]

log = logging.getLogger(__name__)

_PAGE_DATE = re.compile(r"^###\s*\[(\d{4}-\d{1,2}-\d{1,2})\]\(/news/[^)]*\)\s*$")
_ARTICLE_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}(?:-\d{1,2})?)\b[ \t]*(.*)$")
_LINK_ITEM = re.compile(r"^\s*\d+\.\s*\[(?P<name>.*?)\]\((?P<url>[^)\s]*)\)\s*(?P<rest>.*)$")
_RELATED_ITEM = re.compile(
    r"^\s*\d+\.\s*\[(?P<title>.*?)\]\((?P<path>/news/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"
    r"(?P<slug>[^)]*?)(?:\.md|\.html)?)\)\s*(?:_Context:\s*(?P<ctx>.*?)_)?\s*$"
)
_LIVE_ENTRY = re.compile(r"^\s*(\d{1,2})\s*h\s*(\d{2})\s*:\s*(\S.*)$")
_FORMATS = re.compile(r"^\s*Formats:\s*(.*)$")
_MARKUP = re.compile(r"\*\*|__|`")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON Lines record ends at a line break; U+2028 or U+0085 (where `str.splitlines` breaks) may be in it.
_JSONL_BREAK = re.compile(r"\r\n|\r|\n")
_SKIP_NAMES = ("readme", "license", "licence")
_NOT_SOURCES = ("cover image",)
_MAX_TITLE = 300
# Warnings that mean part of a document was lost (it is kept, marked "partial"); see _checked and read_event_page.
PARTIAL_WARNINGS = ("date ", "no '# headline'")


@dataclass(frozen=True)
class ReadResult:
    """One input file: the documents read from it, or the reason it was skipped."""

    path: str
    documents: tuple[Document, ...] = ()
    error: str | None = None


def detect_format(text: str) -> DocKind | None:
    """The format of a document's text, or None when it is none of the three."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if _ARTICLE_DATE.match(lines[0]) and lines[0].lstrip().startswith("date"):
        return DocKind.ARTICLE
    if any(_PAGE_DATE.match(line.strip()) for line in lines[:12]):
        return DocKind.EVENT_PAGE
    records = [line for line in _JSONL_BREAK.split(text) if line.strip()]
    if records[0].lstrip().startswith("{") and _is_jsonl(records[:3]):
        return DocKind.JSONL
    return None


def _is_jsonl(lines: list[str]) -> bool:
    try:
        return all(isinstance(json.loads(line), dict) for line in lines)
    except ValueError:
        return False


def read_path(path: Path) -> ReadResult:
    """Read one file into documents; every problem becomes a `ReadResult.error` naming it."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return ReadResult(str(path), error=f"unreadable: {e.strerror or e}")
    try:
        text, warnings = decode_bytes(data, str(path))
        docs = read_text(text, str(path), digest=hashlib.sha1(data).hexdigest(), warnings=warnings)
    except DocumentError as e:
        return ReadResult(str(path), error=e.problem)
    return ReadResult(str(path), documents=tuple(docs))


def read_text(text: str, source_path: str, *, digest: str | None = None,
              warnings: tuple[str, ...] = ()) -> list[Document]:
    """Parse decoded text into documents (one, or one per line for JSON Lines).

    Raises:
        DocumentError: when the text is empty or in no known format.
    """
    text = text.removeprefix("\ufeff")  # a byte-order mark left by a decoder hides the first line's format
    if not text.strip():
        raise DocumentError(source_path, "empty document")
    kind = detect_format(text)
    if kind is None:
        raise DocumentError(source_path, "not a known format (expected an event page with a "
                            "'### [YYYY-MM-DD](/news/...)' line, an article whose first line is "
                            "' date YYYY-MM-DD', or JSON Lines)")
    digest = digest or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    stem = Path(source_path).stem
    if kind is DocKind.JSONL:
        docs = list(_read_jsonl(text, source_path, warnings))
    else:
        reader = read_event_page if kind is DocKind.EVENT_PAGE else read_article
        docs = [reader(text, source_path, doc_id_for(stem, digest), warnings)]
    return [d if d.lang else replace(d, lang=detect_language(d.text)) for d in docs]


def read_event_page(raw: str, source_path: str, doc_id: str, warnings: tuple[str, ...] = ()) -> Document:
    """Parse an event page: date, topic, headline, body, sources, related events, alternates."""
    text, fixed = repair(raw)
    parts = _split_page(text.splitlines())
    warn = list(warnings) + fixed
    date = _checked(parts["date"], warn)
    if not parts["title"]:
        warn.append("no '# headline' line: the first body paragraph stands in")
    title = parts["title"] or (parts["body"][0] if parts["body"] else "")
    related = tuple(_related(line, warn) for line in parts["related"] if _RELATED_ITEM.match(line))
    builder = _TextBuilder()
    builder.add(title, EventKind.PAGE, date=date, title=title)
    for para in parts["body"]:
        builder.extend_last(para)
    for i, link in enumerate(related):
        builder.add(link.title, EventKind.RELATED, index=i, date=link.date, title=link.title)
    return Document(
        doc_id=doc_id, source_path=source_path, kind=DocKind.EVENT_PAGE, text=builder.text, raw=raw,
        date=date, date_precision=_precision(date), title=_short(title), topic=parts["topic"],
        sources=tuple(_sources(parts["sources"])), related=related, segments=tuple(builder.segments),
        alternates=tuple(parts["formats"]), warnings=tuple(warn),
    )


def _split_page(lines: list[str]) -> dict:
    parts: dict = {"date": None, "topic": None, "title": None, "body": [], "sources": [], "related": [],
                   "formats": []}
    section, para = "head", []
    for line in lines + [""]:
        stripped = line.strip()
        if m := _PAGE_DATE.match(stripped):
            parts["date"] = parts["date"] or m.group(1)
        elif m := _FORMATS.match(stripped):
            parts["formats"] = re.findall(r"\[([^\]]+)\]", m.group(1))
        elif stripped.startswith("#####") and section == "head":
            parts["topic"] = _clean(stripped.lstrip("#")) or None
        elif re.match(r"^#\s", stripped) and parts["title"] is None:
            parts["title"], section = _clean(stripped[1:]), "body"
        elif re.match(r"^###\s*Sources?\s*:?\s*$", stripped, re.I):
            section, para = "sources", _flush(para, parts["body"])
        elif re.match(r"^###\s*Related\s*:?\s*$", stripped, re.I):
            section, para = "related", _flush(para, parts["body"])
        elif section in ("sources", "related"):
            if stripped:
                parts[section].append(stripped)
        elif section in ("body", "head") and not stripped.startswith("#"):
            if stripped:
                para.append(_clean(stripped))
                section = "body"
            else:
                para = _flush(para, parts["body"])
    return parts


def _flush(para: list[str], body: list[str]) -> list[str]:
    """End a paragraph (at a blank line or a section heading): its lines joined go to `body`."""
    if para:
        body.append(" ".join(para))
    return []


def _sources(lines: list[str]) -> Iterator[Source]:
    for line in lines:
        m = _LINK_ITEM.match(line)
        if m and m.group("name").strip().lower() not in _NOT_SOURCES:
            yield Source(name=_clean(m.group("name")), url=m.group("url"))


def _related(line: str, warn: list[str]) -> RelatedLink:
    m = _RELATED_ITEM.match(line)
    assert m is not None
    date = _checked(f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", warn)
    contexts = tuple(c.strip() for c in (m["ctx"] or "").split(",") if c.strip())
    return RelatedLink(title=_clean(m["title"]), date=date, slug=slug(m["slug"], max_len=200),
                       contexts=contexts)


def read_article(raw: str, source_path: str, doc_id: str, warnings: tuple[str, ...] = ()) -> Document:
    """Parse an article: the ` date` line (day or month precision), its headline, the text, live-blog entries."""
    text, fixed = repair(raw)
    first, _, rest = text.lstrip("\ufeff").lstrip().partition("\n")  # blank lines before the date line
    m = _ARTICLE_DATE.match(first)
    if m is None:
        raise DocumentError(source_path, "article without a ' date YYYY-MM-DD' first line")
    warn = list(warnings) + fixed
    date = _checked(m.group(1), warn)
    lead = m.group(2).strip()
    body = [p.strip() for p in re.split(r"\n", rest)]
    builder = _TextBuilder()
    builder.add(lead or "", EventKind.PAGE, date=date, title=_short(lead) or None)
    _add_article_body(builder, body, date)
    title = _short(lead) or _short(next((p for p in body if p), "")) or None
    return Document(
        doc_id=doc_id, source_path=source_path, kind=DocKind.ARTICLE, text=builder.text, raw=raw, date=date,
        date_precision=_precision(date), title=title, segments=tuple(builder.segments), warnings=tuple(warn),
    )


def _add_article_body(builder: _TextBuilder, lines: list[str], date: str | None) -> None:
    """Paragraphs go to the page segment until the first live-blog entry, then to that entry's segment."""
    entries = 0
    for line in lines:
        if not line:
            continue
        m = _LIVE_ENTRY.match(line)
        if m and len(m.group(3)) < 200:
            hour, minute = int(m.group(1)), int(m.group(2))
            if hour < 24 and minute < 60:
                title = f"{hour}h{minute:02d} : {m.group(3).strip()}"
                builder.add(line, EventKind.SUB_EVENT, index=entries, date=date, title=title)
                entries += 1
                continue
        builder.extend_last(line)


def _read_jsonl(text: str, source_path: str, warnings: tuple[str, ...]) -> Iterator[Document]:
    for lineno, line in enumerate(_JSONL_BREAK.split(text), 1):
        if not line.strip():
            continue
        where = f"{source_path}:{lineno}"
        try:
            obj = json.loads(line)
        except ValueError as e:
            raise DocumentError(where, f"invalid JSON ({e.msg} at column {e.colno})") from e
        clean = _without_surrogates(obj)
        if not isinstance(clean, dict) or not isinstance(clean.get("text"), str):
            raise DocumentError(where, "a JSON Lines record needs a string 'text' field")
        fixed = ("replaced unpaired surrogate escapes with U+FFFD",) if clean != obj else ()
        yield _jsonl_document(clean, where, warnings + fixed)


def _jsonl_document(obj: dict, where: str, warnings: tuple[str, ...]) -> Document:
    text, fixed = repair(obj["text"])
    warn = list(warnings) + fixed
    date = _checked(str(obj["date"]), warn) if obj.get("date") else None
    title = _clean(str(obj["title"])) if obj.get("title") else None
    digest = hashlib.sha1(_line_key(obj).encode("utf-8", "surrogatepass")).hexdigest()
    builder = _TextBuilder()
    builder.add(title or "", EventKind.PAGE, date=date, title=title)
    for para in text.split("\n"):
        if para.strip():
            builder.extend_last(para.strip())
    listed = obj.get("sources") if isinstance(obj.get("sources"), list) else ()
    sources = tuple(Source(name=str(s.get("name", "")), url=str(s.get("url", "")))
                    for s in listed if isinstance(s, dict))
    lang = obj.get("lang") if isinstance(obj.get("lang"), str) else None
    return Document(
        doc_id=doc_id_for(str(obj.get("id") or "doc"), digest), source_path=where, kind=DocKind.JSONL,
        text=builder.text, raw=obj["text"], lang=lang, date=date, date_precision=_precision(date),
        title=title or _short(text.strip().split("\n")[0]), sources=sources, segments=tuple(builder.segments),
        warnings=tuple(warn),
    )


def _without_surrogates(value: object) -> object:
    """JSON may escape lone surrogates (`"\\udfff"`), which UTF-8 cannot encode: U+FFFD, as decoding does."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _line_key(obj: dict) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


class _TextBuilder:
    """Joins paragraphs into one text and records, for each event, the region it covers."""

    def __init__(self) -> None:
        self.text = ""
        self.segments: list[Segment] = []

    def add(self, para: str, kind: EventKind, **info) -> None:
        start = self._append(para)
        self.segments.append(Segment(start=start, end=len(self.text), kind=kind, **info))

    def extend_last(self, para: str) -> None:
        self._append(para)
        last = self.segments[-1]
        self.segments[-1] = replace(last, end=len(self.text))

    def _append(self, para: str) -> int:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        self.text += para
        return start


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _MARKUP.sub("", text)).strip()


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _MAX_TITLE else text[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"


def _checked(date: str | None, warn: list[str]) -> str | None:
    if date is None:
        return None
    ok, problem = check_date(date)
    if not ok:
        warn.append(f"date {date!r} ignored: {problem}")
        return None
    return ok


def _precision(date: str | None) -> str | None:
    if date is None:
        return None
    return "day" if len(date) == 10 else "month"


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, directories walked in sorted order; hidden files and READMEs left out.

    Raises:
        DocumentError: for a path that does not exist.
    """
    for path in paths:
        if not path.exists():
            raise DocumentError(str(path), "no such file or directory")
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and not _ignored(p, path))
        else:
            yield path


def _ignored(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return any(part.startswith(".") for part in rel) or path.name.lower().startswith(_SKIP_NAMES)


def read_all(paths: Iterable[Path]) -> Iterator[ReadResult]:
    """Read every file under `paths` (see `iter_paths`), one result per file, in a stable order."""
    for path in iter_paths(paths):
        yield read_path(path)
