"""Readers: the format comes from the content; every field of the seeds is parsed exactly."""

from __future__ import annotations

import json

import pytest

from extract.errors import DocumentError
from extract.readers import detect_format, read_path, read_text
from extract.records import DocKind, EventKind


def test_seed_000_event_page(seed_documents):
    doc = seed_documents["000"]
    assert doc.kind is DocKind.EVENT_PAGE
    assert (doc.date, doc.date_precision, doc.topic) == ("2017-03-29", "day", None)
    assert doc.title.startswith("Former candidate Manuel Valls (PS) announces his support for Emmanuel Macron")
    assert [(s.name, s.url.split("/")[2]) for s in doc.sources] == [("Bloomberg", "www.bloomberg.com")]
    assert [r.date for r in doc.related] == ["2017-01-29", "2017-05-07", "2016-12-05", "2017-05-06",
                                             "2017-05-05", "2017-05-03", "2017-04-20", "2017-04-19",
                                             "2017-04-18", "2017-02-23"]
    assert doc.related[0].contexts == ("Benoit Hamon", "French presidential election", "2017",
                                       "Manuel Valls", "PS")
    assert doc.related[9].title == "Yannick Jadot drops out in an effort to boost Benoit Hamon."
    assert doc.related[9].slug == "yannick-jadot-drops-out-in-an-effort-to-boost-benoa-r-t-hamon"
    assert "party’s nominee" in doc.text and "â€™" not in doc.text  # mojibake repaired
    assert "â€™" in doc.raw and "repaired mojibake" in doc.warnings  # raw kept for provenance


def test_seed_001_event_page_with_topic_formats_and_cover_image(seed_documents):
    doc = seed_documents["001"]
    assert (doc.date, doc.topic) == ("2017-01-29", "French Socialist Party presidential primary, 2017")
    assert doc.alternates == ("HTML", "JSON", "XML")
    assert [s.name for s in doc.sources] == ["ABC News", "Yahoo! News"]  # "Cover Image" is not a source
    assert [r.date for r in doc.related] == ["2017-03-29", "2016-12-05", "2017-01-22", "2014-03-31",
                                             "2017-02-23"]
    assert "http" not in doc.text and "###" not in doc.text  # markup stripped before NER


def test_seed_002_english_article(seed_documents):
    doc = seed_documents["002"]
    assert doc.kind is DocKind.ARTICLE
    assert (doc.date, doc.date_precision, doc.lang) == ("2017-01-23", "day", "en")
    assert doc.title.startswith("Benoît Hamon and Manuel Valls on Sunday advanced to the second round")
    assert doc.sources == () and doc.related == ()
    assert "date 2017-01-23" not in doc.text


def test_seed_003_french_live_blog(seed_documents):
    doc = seed_documents["003"]
    assert (doc.date, doc.date_precision, doc.lang) == ("2017-01", "month", "fr")
    entries = [s for s in doc.segments if s.kind is EventKind.SUB_EVENT]
    assert [s.title for s in entries] == [
        "8h24 : Jean-Pierre Raffarin", "8h15 : Jérôme Chartier sur France 2",
        "8h02 : Un ralliement qui commence plutôt mal", "7h51 : Pas de rassemblement du côté du Front de Gauche",
        "7h40 : Un lourd silence", "7h30 : Rassemblement"]
    first = entries[0]
    assert "défendre la candidature de François Fillon" in doc.text[first.start:first.end]
    assert "Jérôme Chartier" not in doc.text[first.start:first.end]


@pytest.mark.parametrize("key,lang", [("000", "en"), ("001", "en"), ("002", "en"), ("003", "fr")])
def test_language_of_each_seed(seed_documents, key, lang):
    assert seed_documents[key].lang == lang


def test_segments_cover_the_page_and_each_related_link(seed_documents):
    doc = seed_documents["000"]
    kinds = [s.kind for s in doc.segments]
    assert kinds == [EventKind.PAGE] + [EventKind.RELATED] * 10
    link = doc.segments[10]
    assert doc.text[link.start:link.end] == doc.related[9].title


def test_format_comes_from_content_not_extension(tmp_path, seed_dir):
    page = tmp_path / "page.json"
    page.write_bytes((seed_dir / "000_c169466d024e5ff9.txt").read_bytes())
    article = tmp_path / "article.md"
    article.write_text(" date 2018-06 Le scrutin a eu lieu.\n\nLa suite.", encoding="utf-8")
    assert read_path(page).documents[0].kind is DocKind.EVENT_PAGE
    assert read_path(article).documents[0].kind is DocKind.ARTICLE
    assert detect_format("just some words\nwith no date line") is None


def test_unknown_format_is_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list: eggs, milk.", encoding="utf-8")
    result = read_path(bad)
    assert result.documents == () and "not a known format" in result.error
    with pytest.raises(DocumentError, match="notes.txt"):
        read_text("Shopping list", str(bad))


def test_json_lines_documents(tmp_path):
    path = tmp_path / "docs.data"
    rows = [{"id": "a1", "date": "2017-04-23", "lang": "en", "title": "First round", "text": "Macron leads.",
             "sources": [{"name": "AFP", "url": "https://example.org/a"}]},
            {"id": "a2", "date": "2017-05", "text": "Le second tour approche."}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = read_path(path).documents
    assert [d.kind for d in docs] == [DocKind.JSONL, DocKind.JSONL]
    assert (docs[0].title, docs[0].date, docs[0].sources[0].name) == ("First round", "2017-04-23", "AFP")
    assert (docs[1].date_precision, docs[1].lang) == ("month", "fr")
    assert docs[0].doc_id != docs[1].doc_id


def test_invalid_date_is_kept_as_a_warning(tmp_path):
    path = tmp_path / "bad-date.txt"
    path.write_text(" date 2017-13-45 Something happened in the election.\n", encoding="utf-8")
    doc = read_path(path).documents[0]
    assert doc.date is None and any("2017-13-45" in w for w in doc.warnings)


def test_windows_1252_file_is_decoded_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(" date 2017-01-29 Benoît Hamon a été élu.\n".encode("cp1252"))
    doc = read_path(path).documents[0]
    assert "Benoît Hamon a été élu." in doc.text
    assert any("Windows-1252" in w for w in doc.warnings)
