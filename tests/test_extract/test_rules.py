"""Rules without the statistical models: gazetteer, patterns, names, dates and the spaCy components on blank
pipelines."""

from __future__ import annotations

import pytest
import spacy

import extract.components  # noqa: F401
from extract.dates import resolve_date
from extract.errors import GazetteerError
from extract.gazetteer import load_gazetteer
from extract.names import keys, strip_title
from extract.patterns import parse_election


def test_gazetteer_patterns_carry_ids_and_spelling_variants():
    gaz = load_gazetteer()
    patterns = {(p["pattern"], p["id"]) for p in gaz.patterns()}
    assert ("Benoît Hamon", "person/benoit-hamon") in patterns
    assert ("Benoit Hamon", "person/benoit-hamon") in patterns      # accent-free
    assert ("Franois Hollande", "person/francois-hollande") in patterns  # mojibake-deleted letter
    assert ("Hamon", "person/benoit-hamon") in patterns              # surname
    assert ("FN", "party/national-front") in patterns                # acronym
    assert ("PS", "?local:PARTY") in patterns  # also Portugal's, Belgium's...: resolution asks the document's country
    assert ("La France Insoumise", "party/la-france-insoumise") in patterns  # headline capitals
    assert ("Parti socialiste", "party/socialist-party") in patterns  # French name


def test_user_gazetteer_extends_and_changes_the_fingerprint(tmp_path):
    extra = tmp_path / "nl.jsonl"
    extra.write_text('{"name": "Geert Vandermeulen", "type": "PERSON", "roles": ["candidate"]}\n'
                     '{"name": "Party for Freedom", "type": "PARTY", "aliases": ["PVV"]}\n', encoding="utf-8")
    base, extended = load_gazetteer(), load_gazetteer([extra])
    assert "person/geert-vandermeulen" in extended.by_id() and "person/geert-vandermeulen" not in base.by_id()
    assert base.fingerprint != extended.fingerprint


@pytest.mark.parametrize("line,message", [
    ('{"name": "X", "type": "WIZARD"}', "'type' must be one of"),
    ('{"name": "", "type": "PERSON"}', "'name' must be a non-empty string"),
    ('{"name": "X", "type": "PERSON", "colour": "red"}', "unknown field"),
    ('{"name": "X", "type": "PERSON", "aliases": "Y"}', "'aliases' must be a list"),
    ('{"name": "X", "type": "PERSON"', "invalid JSON"),
    ('{"name": "X Y", "type": "PERSON", "surname_alone": "no"}', "'surname_alone' must be true or false"),
    ('{"name": "X", "type": "PARTY", "surname_alone": false}', "only a PERSON has it"),
])
def test_bad_gazetteer_entry_names_file_and_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text("# comment\n" + line + "\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=rf"bad.jsonl:2: .*{message}"):
        load_gazetteer([path])


def test_missing_gazetteer_file(tmp_path):
    with pytest.raises(GazetteerError, match="not found"):
        load_gazetteer([tmp_path / "nope.jsonl"])


@pytest.mark.parametrize("text,expected", [
    ("2017 French presidential election", ("French", "presidential election", "2017")),
    ("Dutch general election", ("Dutch", "general election", None)),
    ("élections législatives de 2017", (None, "legislative election", "2017")),
    ("la présidentielle", (None, "presidential election", None)),
    ("primaire de la gauche", (None, "left-wing primary", None)),
    ("Democratic presidential primaries", (None, "Democratic primary", None)),
    ("Brexit referendum", (None, "referendum", None)),
])
def test_parse_election(text, expected):
    assert tuple(parse_election(text)) == expected


def test_name_keys_meet_across_accents_and_mojibake():
    assert set(keys("François Hollande")) & set(keys("Franois Hollande"))
    assert set(keys("Jean-Luc Mélenchon")) & set(keys("Jean-Luc Melenchon"))
    assert not set(keys("François Hollande")) & set(keys("François Fillon"))
    assert strip_title("Mr Rutte") == "Rutte" and strip_title("M. Fillon") == "Fillon"


@pytest.mark.parametrize("sentence,reference,expected", [
    ("Hamon and Valls on Sunday advanced to the second round", "2017-01-23", "2017-01-22"),
    ("They will face off in a debate on Wednesday", "2017-01-23", "2017-01-25"),
    ("Voters return to the polls next Sunday", "2017-01-23", "2017-01-29"),
    ("le second tour du 29 janvier", "2017-01-23", "2017-01-29"),
    ("dimanche prochain, les électeurs voteront", "2017-01-23", "2017-01-29"),
    ("The result was announced yesterday", "2017-01-30", "2017-01-29"),
    ("On May 7, 2017 Macron won", None, "2017-05-07"),
    ("Nothing dated here", "2017-01-23", None),
    ("on Sunday", "2017-01", None),  # month precision: no weekday arithmetic
])
def test_resolve_date(sentence, reference, expected):
    assert resolve_date(sentence, reference) == expected


def blank(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("eg_paragraph_breaks")
    nlp.add_pipe("eg_election_rules")
    return nlp


def test_election_and_party_rules_on_a_blank_pipeline():
    doc = blank("en")("The Party for Freedom (PVV) hopes to win the 2017 Dutch general election.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Party for Freedom", "PARTY") in ents
    assert ("2017 Dutch general election", "ELECTION") in ents


def test_french_rules_and_non_parties():
    doc = blank("fr")("Le Parti socialiste prépare l'élection présidentielle de 2017 face à l'Union européenne.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Parti socialiste", "PARTY") in ents
    assert ("élection présidentielle de 2017", "ELECTION") in ents
    assert not any("Union" in text for text, _ in ents)


def test_blank_line_starts_a_sentence():
    doc = blank("en")("Macron wins\n\nLe Pen concedes the election")
    assert [s.text.strip() for s in doc.sents] == ["Macron wins", "Le Pen concedes the election"]


def test_party_name_never_crosses_a_sentence_end():
    doc = blank("en")("Theresa May. Conservative Party members voted in the U.S. presidential election.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Conservative Party", "PARTY") in ents
    assert ("U.S. presidential election", "ELECTION") in ents


def test_an_election_body_is_no_election():
    doc = blank("en")("Federal Election Commission records show the 2016 presidential election cost more.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("2016 presidential election", "ELECTION") in ents
    assert not any("Commission" in text or text == "Federal Election" for text, _ in ents)


def test_a_weekdays_vote_is_an_election_reference_but_the_vote_alone_is_not():
    doc = blank("en")("After Sunday's vote, the vote on the bill was delayed.")
    assert [(e.text, e.label_) for e in doc.ents] == [("vote", "ELECTION")]
    assert doc.ents[0].start_char == doc.text.index("vote")


def test_a_name_particle_after_a_person_completes_the_surname():
    from spacy.tokens import Span
    nlp = blank("en")
    doc = nlp.make_doc("President José Eduardo dos Santos steps down.")
    doc.ents = [Span(doc, 1, 3, "PERSON")]
    doc = nlp.get_pipe("eg_election_rules")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("José Eduardo dos Santos", "PERSON")]
