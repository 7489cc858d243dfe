"""Readers under any input: bytes, text, near-valid pages and articles, truncated files, odd JSON Lines.

Whatever comes in, the readers return documents or raise the project's own `DocumentError`; offsets stay
inside the text; a date is either used (normalised) or reported in a warning.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extract.errors import DocumentError, ElectionGraphError
from extract.readers import PARTIAL_WARNINGS, detect_format, read_path, read_text
from extract.records import DocKind, EventKind
from extract.text import check_date, decode_bytes, repair
from hostile import FAST, date_string, day_string, hostile_text, hostile_words, one_line, word, words_of

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_DOC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-[0-9a-f]{8}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_document(doc) -> None:
    """What every document a reader returns must satisfy, whatever the input."""
    assert _DOC_ID.fullmatch(doc.doc_id), doc.doc_id
    assert doc.kind in (DocKind.EVENT_PAGE, DocKind.ARTICLE, DocKind.JSONL)
    assert "\x00" not in doc.text and "\r" not in doc.text
    assert_date(doc.date)
    assert doc.date_precision == (None if doc.date is None else "day" if len(doc.date) == 10 else "month")
    # Everything but the raw text goes to JSON, RDF and HTML as UTF-8: no lone surrogate may survive.
    for value in (doc.text, doc.title, doc.topic, doc.lang, *doc.warnings, *doc.alternates,
                  *(s.name for s in doc.sources), *(s.url for s in doc.sources),
                  *(r.title for r in doc.related), *(c for r in doc.related for c in r.contexts)):
        assert value is None or not _SURROGATE.search(value), value
    for link in doc.related:
        assert_date(link.date)
        assert _SLUG.fullmatch(link.slug) or link.slug.startswith("u-"), link.slug
    check_segments(doc)


def check_segments(doc) -> None:
    """Segments are ordered, disjoint regions of the text; the first is the page's own."""
    assert doc.segments and doc.segments[0].kind is EventKind.PAGE
    previous_end = 0
    for seg in doc.segments:
        assert previous_end <= seg.start <= seg.end <= len(doc.text), (seg, len(doc.text))
        assert_date(seg.date)
        previous_end = seg.end
    for seg in doc.segments:
        if seg.kind is EventKind.RELATED:  # a related link's region is exactly its headline
            assert doc.text[seg.start:seg.end] == seg.title
        elif doc.kind is DocKind.EVENT_PAGE and seg.title:
            assert doc.text[seg.start:seg.start + len(seg.title)] == seg.title


def assert_date(date: str | None) -> None:
    assert date is None or check_date(date) == (date, None), date


def read_or_error(text: str, path: str = "doc.txt"):
    """`read_text`, with the project's errors as None; any other exception fails the test."""
    try:
        docs = read_text(text, path)
    except DocumentError as e:
        assert e.path.startswith(path) and e.problem
        return None
    for doc in docs:
        check_document(doc)
    return docs


# -- any bytes, any text ---------------------------------------------------------------------------------

@FAST
@given(st.binary(max_size=3000))
@example(b"\xff\xfe" + "x".encode("utf-16-le"))
@example(b"\x00" * 20)
@example(b"\xef\xbb\xbf")
def test_decode_bytes_gives_text_or_a_document_error(data):
    try:
        text, warnings = decode_bytes(data, "f.txt")
    except DocumentError as e:
        assert "binary" in e.problem
        return
    assert not _SURROGATE.search(text) and all(isinstance(w, str) for w in warnings)
    text.encode("utf-8")  # always encodable


encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])


@st.composite
def file_bytes(draw):
    """Bytes of a near-valid document in some encoding, sometimes with bytes flipped or cut off."""
    text = draw(st.one_of(article_text(), page_text().map(lambda p: p[0]), hostile_text))
    data = text.encode(draw(encodings), errors="replace")
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    for _ in range(draw(st.integers(0, 3))):
        if data:
            i = draw(st.integers(0, len(data) - 1))
            data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1:]
    return data


@FAST
@given(st.one_of(st.binary(max_size=2000), file_bytes()))
def test_read_path_never_raises(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_bytes(data)
        result = read_path(path)
    assert result.path == str(path)
    if result.error is not None:
        assert isinstance(result.error, str) and result.error and result.documents == ()
    for doc in result.documents:
        check_document(doc)
        assert doc.source_path.startswith(str(path))


def test_read_path_of_a_missing_or_unreadable_file_is_an_error(tmp_path):
    assert read_path(tmp_path / "missing.txt").error.startswith("unreadable")
    assert read_path(tmp_path).error.startswith("unreadable")  # a directory


@FAST
@given(st.one_of(st.text(max_size=400), hostile_text))
@example("\x1c\n date 2017-01-01 Macron wins\n")
@example(" date 2017-01-01\x85Macron wins")
@example("{}\n{}")
@example('{"text": 1}')
def test_read_text_returns_documents_or_a_document_error(text):
    kind = detect_format(text)
    assert kind is None or isinstance(kind, DocKind)
    docs = read_or_error(text)
    if kind is None:
        assert docs is None  # text in no known format is refused, never guessed
    elif docs is not None:
        assert {d.kind for d in docs} == {kind}


# -- near-valid event pages ------------------------------------------------------------------------------

blank_lines = st.sampled_from(["\n", "\n\n", "\n \n", "\n\t\n\n", "\r\n", "\r\n\r\n"])


@st.composite
def page_text(draw):
    """An event page built from parts, with hostile headlines and dates that may be invalid.

    Returns (text, expected) where `expected` holds what the reader must find.
    """
    date = draw(day_string)
    headline = draw(st.one_of(hostile_words, one_line))
    body = draw(st.lists(hostile_words, max_size=3))
    related = draw(st.lists(st.tuples(hostile_words, day_string, st.lists(word, max_size=3)), max_size=3))
    sep = lambda: draw(blank_lines)  # noqa: E731 - the blank lines between parts vary, sometimes none at all
    parts = [f"### [{date}](/news/{date.replace('-', '/')}/index.md)"]
    if draw(st.booleans()):
        parts.append(f"##### {draw(one_line)}")
    parts.append(f"# {headline}")
    text = "\n".join(parts) + sep() + sep().join(body)
    if draw(st.booleans()):
        source = f"1. [{draw(hostile_words)}](https://example.org/{draw(word)})"
        text += sep() + "### Sources:" + sep() + source
    if related:
        items = [f"{i}. [{title}](/news/{d.replace('-', '/')}/{slug_word}.md) _Context: {', '.join(ctx)}_"
                 for i, (title, d, ctx) in enumerate(related, 1) for slug_word in [draw(word)]]
        text += sep() + "### Related:" + sep() + "\n".join(items)
    if draw(st.booleans()):
        text += sep()
    return text, {"date": date, "headline": headline, "body": body, "related": related}


@FAST
@given(page_text())
def test_event_page_fields_offsets_and_dates(page):
    text, expected = page
    docs = read_or_error(text, "page.md")
    assert docs is not None, "a well-formed event page is read"
    (doc,) = docs
    assert doc.kind is DocKind.EVENT_PAGE
    assert_date_used_or_reported(expected["date"], doc.date, doc.warnings)
    headline_words = words_of(expected["headline"])
    if headline_words and len(expected["headline"]) < 250:
        for w in headline_words:
            assert w in doc.title
    for paragraph in expected["body"]:  # no paragraph is lost, whatever the blank lines around it
        for w in words_of(paragraph):
            assert w in doc.text, (w, doc.text)
    assert len(doc.related) == len(expected["related"])
    for link, (title, date, contexts) in zip(doc.related, expected["related"]):
        assert words_of(link.title) == words_of(title)
        assert link.contexts == tuple(contexts)
        assert_date_used_or_reported(date, link.date, doc.warnings)


def assert_date_used_or_reported(given_date: str, found: str | None, warnings) -> None:
    normalised, problem = check_date(given_date)
    if problem is None:
        assert found == normalised
    else:
        assert found is None
        padded = "-".join(part.zfill(2) for part in given_date.split("-"))  # links' dates are padded first
        assert any(w.startswith("date ") and (repr(given_date) in w or repr(padded) in w) for w in warnings)
        assert any(w.startswith(PARTIAL_WARNINGS) for w in warnings)


@FAST
@given(page_text(), st.data())
def test_truncated_event_pages(page, data):
    text = page[0]
    cut = data.draw(st.integers(0, len(text)))
    docs = read_or_error(text[:cut], "page.md")
    if docs is None:
        return
    (doc,) = docs
    assert doc.kind is DocKind.EVENT_PAGE


# -- near-valid articles ---------------------------------------------------------------------------------

@st.composite
def article_text(draw, with_expected: bool = False):
    """An article: ` date DATE headline`, paragraphs and live-blog entries (hours may be out of range)."""
    date = draw(date_string)
    lead = draw(st.one_of(hostile_words, one_line, st.just("")))
    lines = draw(st.lists(st.one_of(
        hostile_words,
        st.builds(lambda h, m, w: f"{h}h{m:02d} : {w}",  # live-blog entries, some hours out of range
                  st.integers(0, 30), st.integers(0, 70), hostile_words),
    ), max_size=5))
    head = draw(st.sampled_from(["", "\n", " \n", "\ufeff", "\n\t\n"]))
    text = f"{head} date {date}{draw(st.sampled_from([' ', chr(9), '  ']))}{lead}\n" + "\n\n".join(lines)
    return (text, {"date": date, "lead": lead, "lines": lines}) if with_expected else text


@FAST
@given(article_text(with_expected=True))
def test_article_fields_offsets_and_dates(article):
    text, expected = article
    docs = read_or_error(text, "article.txt")
    assert docs is not None, "an article whose first line is a date line is read"
    (doc,) = docs
    assert doc.kind is DocKind.ARTICLE
    assert_date_used_or_reported(expected["date"], doc.date, doc.warnings)
    for line in [expected["lead"], *expected["lines"]]:
        for w in words_of(line):
            assert w in doc.text, (w, doc.text)
    entries = [s for s in doc.segments if s.kind is EventKind.SUB_EVENT]
    for seg in entries:
        assert re.match(r"\d{1,2}h\d{2} : ", doc.text[seg.start:seg.end]) and seg.date == doc.date
    assert [s.index for s in entries] == list(range(len(entries)))


@FAST
@given(article_text(), st.data())
def test_truncated_articles(text, data):
    cut = data.draw(st.integers(0, len(text)))
    read_or_error(text[:cut], "article.txt")


# -- JSON Lines with values of any type ------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
escaped_surrogate = st.sampled_from(["\\ud800", "\\udfff", "x\\udc00y", "\\ud83d\\ude00"])


@st.composite
def jsonl_text(draw):
    records = []
    for _ in range(draw(st.integers(1, 3))):
        record = {"text": draw(hostile_text | hostile_words)}
        for key in ("id", "date", "lang", "title", "sources"):
            if draw(st.booleans()):
                record[key] = draw(st.one_of(json_values, date_string, st.lists(
                    st.fixed_dictionaries({"name": json_values, "url": json_values}), max_size=2)))
        line = json.dumps(record, ensure_ascii=draw(st.booleans()))
        if draw(st.booleans()):  # JSON may escape lone surrogates, which a decoded file cannot hold
            line = line.replace('"text": "', '"text": "' + draw(escaped_surrogate), 1)
            for key in ("title", "id", "lang", "date"):
                line = line.replace(f'"{key}": "', f'"{key}": "' + draw(escaped_surrogate), 1)
        records.append(line)
    return "\n".join(records) + "\n"


@FAST
@given(jsonl_text())
@example('{"text": "Macron wins", "sources": 5}\n')
@example('{"text": "Macron wins", "title": "\\udfff"}\n')
@example('{"text": "Macron wins", "sources": [{"name": "\\ud800", "url": "http://x/\\udfff"}]}\n')
def test_jsonl_records_of_any_shape(text):
    docs = read_or_error(text, "docs.jsonl")
    assert docs is not None, "every line is a JSON object with a string 'text'"
    assert all(doc.kind is DocKind.JSONL for doc in docs)
    assert [d.source_path for d in docs] == [f"docs.jsonl:{i}" for i in range(1, len(docs) + 1)]


# -- the text helpers ------------------------------------------------------------------------------------

@FAST
@given(hostile_text)
def test_repair_is_total_and_leaves_no_nul_or_carriage_return(text):
    fixed, warnings = repair(text)
    assert "\x00" not in fixed and "\r" not in fixed
    assert ("\x00" in text) == any("NUL" in w for w in warnings)


@FAST
@given(st.one_of(date_string, st.text(max_size=12)))
def test_check_date_normalises_or_explains(value):
    normalised, problem = check_date(value)
    assert (normalised is None) != (problem is None)
    if normalised is not None:
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", normalised)
        assert check_date(normalised) == (normalised, None)


def test_errors_are_project_errors():
    assert issubclass(DocumentError, ElectionGraphError)


# -- what the properties found, pinned down --------------------------------------------------------------

def test_a_paragraph_right_before_a_section_heading_is_kept():
    page = ("### [2017-04-23](/news/2017/04/23/index.md)\n# Macron leads\n"
            "Macron and Le Pen reach the run-off.\n### Sources:\n1. [AFP](https://afp.com/x)\n")
    (doc,) = read_text(page, "page.md")
    assert doc.text == "Macron leads\n\nMacron and Le Pen reach the run-off."
    assert [s.name for s in doc.sources] == ["AFP"]


@pytest.mark.parametrize("head", [" \n", "\t\n\n", "\x1c\n", "\ufeff", "\ufeff\n \n"])
def test_an_article_after_blank_lines_or_a_byte_order_mark_is_read(head):
    (doc,) = read_text(head + " date 2017-04-23 Macron leads the first round.\n", "a.txt")
    assert (doc.kind, doc.date, doc.title) == (DocKind.ARTICLE, "2017-04-23", "Macron leads the first round.")


def test_jsonl_strings_may_hold_line_separators_and_escaped_surrogates():
    line = json.dumps({"id": "x", "text": "Macron\u2028wins\x85", "title": "T\udfff",
                       "sources": [{"name": "AFP\ud800", "url": "https://afp.com/"}]}, ensure_ascii=False)
    line = line.replace("\udfff", "\\udfff").replace("\ud800", "\\ud800")  # as a JSON writer escapes them
    (doc,) = read_text(line + "\n", "a.jsonl")
    assert (doc.title, doc.sources[0].name) == ("T\ufffd", "AFP\ufffd")
    assert "Macron\n\nwins" in doc.text and any("surrogate" in w for w in doc.warnings)


def test_jsonl_sources_that_are_not_a_list_are_ignored():
    (doc,) = read_text('{"text": "Macron wins", "sources": 5}\n', "a.jsonl")
    assert doc.sources == ()
