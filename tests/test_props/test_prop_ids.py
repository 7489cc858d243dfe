"""Ids and IRIs from any text: always valid, deterministic, and as distinct as the code promises.

The promises, from `extract.ids` and `graph.ids`: a slug is `[a-z0-9-]+`; text whose letters are all
non-Latin gets a hash slug (so two such names never share one); ids the builder makes are made of slugs that
`graph.ids.iri` keeps as they are ("re-slugging never truncates one"), so two distinct ids never share an IRI.
Nothing more is asserted: `slug` is lossy on purpose (`Hamon` and `HAMON`, `a.b` and `a b` are one key).
"""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from rdflib import URIRef

from extract.ids import doc_id_for, entity_id, event_id, fold, slug
from extract.records import EntityType
from graph.build import context_node, doc_node
from graph.ids import DEFAULT_BASE, check_base, iri
from hostile import FAST, date_string, hostile_text

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\s\x00-\x1f\x7f]')

names = st.one_of(hostile_text, st.text(max_size=60),
                  st.text(st.characters(max_codepoint=0x24F), max_size=40))  # Latin with diacritics
long_words = st.lists(st.text("abcdefghij", min_size=1, max_size=60), min_size=1, max_size=16).map(" ".join)
"""Headlines of long words: twelve of them are far longer than a typical IRI segment."""
non_latin = st.text(st.characters(categories=("Lu", "Ll", "Lo", "Nd", "Zs", "Po"), min_codepoint=0x370),
                    min_size=1, max_size=20)


def assert_valid_iri(value: str, base: str = DEFAULT_BASE) -> None:
    assert value.startswith(base)
    assert not _IRI_FORBIDDEN.search(value), value
    ox.NamedNode(value)  # raises ValueError on anything an RDF parser would refuse
    assert URIRef(value).n3() == f"<{value}>"


# -- slugs -----------------------------------------------------------------------------------------------

@FAST
@given(names, st.integers(20, 400))
@example("Jean-Luc Mélenchon", 80)
@example("Путин 2", 80)
@example("---", 80)
def test_slug_is_a_deterministic_ascii_key(text, max_len):
    out = slug(text, max_len=max_len)
    assert _SLUG.fullmatch(out), out
    assert len(out) <= max_len
    assert slug(text, max_len=max_len) == out  # same input, same output
    assert slug(out, max_len=max_len) == out  # a slug is its own slug: graph.ids relies on it


def has_letters_none_latin(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and not re.search("[a-z]", fold(text))


@FAST
@given(non_latin, non_latin)
@example("Путин 2", "Медведев 2")
@example("中国 2017", "日本 2017")
@example("Путин", "Медведев")
def test_names_without_latin_letters_get_distinct_hash_slugs(a, b):
    assume(a != b and has_letters_none_latin(a) and has_letters_none_latin(b))
    assert slug(a).startswith("u-") and slug(b).startswith("u-")
    assert slug(a) != slug(b)
    assert entity_id("PERSON", a) != entity_id("PERSON", b)


def test_slug_examples_stay_as_documented():
    # these ids are in users' graphs: a fix must not move them
    assert slug("Jean-Luc Mélenchon") == "jean-luc-melenchon"
    assert slug("2017-01-29") == "2017-01-29"
    assert slug("Œuvre ß Łódź") == "oeuvre-ss-lodz"
    election = entity_id("ELECTION", "French presidential election, 2017")
    assert election == "election/french-presidential-election-2017"


# -- the ids the builder makes keep their own IRI --------------------------------------------------------

@FAST
@given(st.sampled_from(list(EntityType)), names)
def test_entity_ids_mint_their_own_iri(entity_type, name):
    eid = entity_id(entity_type, name)
    assert eid == f"{str(entity_type).lower()}/{slug(name)}"
    minted = str(iri(eid))
    assert minted == DEFAULT_BASE + eid
    assert_valid_iri(minted)


@FAST
@given(st.one_of(st.none(), date_string), st.one_of(names, long_words))
@example("2017-01-29", " ".join(["a" * 50] * 12))
def test_event_ids_mint_their_own_iri(date, title):
    eid = event_id(date, title)
    prefix, when, words = eid.split("/")
    assert (prefix, when) == ("event", date or "undated")
    assert _SLUG.fullmatch(words) and len(words.split("-")) <= 12
    assert str(iri(eid)) == DEFAULT_BASE + eid  # so two distinct event ids never share an IRI
    assert_valid_iri(str(iri(eid)))


@FAST
@given(long_words, long_words)
def test_distinct_event_ids_have_distinct_iris(a, b):
    first, second = event_id("2017-01-29", a), event_id("2017-01-29", b)
    assume(first != second)
    assert iri(first) != iri(second)


@FAST
@given(st.one_of(st.none(), date_string), names, st.integers(0, 500), names)
def test_sub_event_ids_mint_their_own_iri(date, title, index, entry):
    sub = f"{event_id(date, title)}/{index}-{slug(entry, max_len=40)}"  # as extract.pipeline makes them
    assert str(iri(sub)) == DEFAULT_BASE + sub


@FAST
@given(names, st.text("0123456789abcdef", min_size=40, max_size=40), names)
def test_document_and_context_nodes_mint_their_own_iri(stem, digest, label):
    doc_id = doc_id_for(stem, digest)
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", doc_id) and doc_id.endswith(digest[:8])
    for node in (doc_node(doc_id), context_node(label)):
        assert str(iri(node)) == DEFAULT_BASE + node
        assert_valid_iri(str(iri(node)))


# -- any node id, any base -------------------------------------------------------------------------------

@FAST
@given(st.one_of(names, st.lists(names, max_size=4).map("/".join)))
@example('person/Evil> <http://x> "quote\'')
@example("../../etc/passwd")
@example("person/\x00\n")
def test_any_node_id_gives_a_valid_iri_or_a_value_error(node_id):
    try:
        minted = iri(node_id)
    except ValueError:
        assert not any(part.strip() for part in node_id.split("/"))  # only ids with no segment at all
        return
    assert_valid_iri(str(minted))
    assert iri(node_id) == minted
    assert "/../" not in str(minted) and "/./" not in str(minted)


hosts = st.from_regex(r"[a-z][a-z0-9-]{0,10}(\.[a-z]{2,5}){1,2}", fullmatch=True)
paths = st.lists(st.from_regex(r"[A-Za-z0-9._~-]{1,8}", fullmatch=True), max_size=3).map(
    lambda parts: "".join(f"/{p}" for p in parts))
bases = st.builds(lambda scheme, host, port, path, end: f"{scheme}://{host}{port}{path}{end}",
                  st.sampled_from(["http", "https"]), hosts, st.sampled_from(["", ":8080"]), paths,
                  st.sampled_from(["/", "#"]))


@FAST
@given(bases, names)
def test_any_usable_base_is_accepted_and_prefixes_every_iri(base, name):
    assert check_base(base) == base
    eid = entity_id("PERSON", name)
    assert str(iri(eid, base)) == base + eid
    assert_valid_iri(str(iri(eid, base)), base)


@FAST
@given(st.one_of(bases.map(lambda b: b[:-1]), hostile_text.map(lambda t: "http://example.org/" + t),
                 hostile_text.map(lambda t: "http://" + t + "/"), names))
@example("http://a#b#")
@example("http://example.org/%zz/")
@example("http://example.org/\x01/")
@example("http://[x/")
@example("http://a:port/")
@example("http://example.org/\ufffe/")
def test_a_base_is_refused_unless_every_iri_under_it_is_valid(base):
    try:
        check_base(base)
    except ValueError as e:
        assert "base IRI" in str(e)
        return
    assert_valid_iri(str(iri("person/x", base)), base)
    assert_valid_iri(str(iri("event/2017-01-29/" + "-".join(["word"] * 12), base)), base)


@pytest.mark.parametrize("base", ["ftp://example.org/", "https://example.org/id", "example.org/", ""])
def test_bases_that_are_not_http_or_not_ending_in_a_separator_are_refused(base):
    with pytest.raises(ValueError):
        check_base(base)


@FAST
@given(names)
def test_fold_removes_accents_but_keeps_other_letters(text):
    out = fold(text)
    assert out == fold(text) and not any(unicodedata.combining(ch) for ch in out)
