"""Elections the gazetteer has never heard of, in English and French: rules and resolution must carry them."""

from __future__ import annotations

import pytest

from extract.records import Predicate
from extract.readers import read_path

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def unseen(extractor, fixtures_dir):
    docs = [read_path(p).documents[0] for p in sorted((fixtures_dir / "unseen").iterdir())]
    return {x.source_path.rsplit("/", 1)[-1]: x for x in extractor.extract(docs)}


def test_dutch_election_in_english(unseen):
    x = unseen["dutch_election_en.txt"]
    ents = {e.id: e for e in x.entities}
    assert {"person/mark-rutte", "person/geert-wilders", "election/dutch-general-election-2017"} <= set(ents)
    pvv = ents["party/party-for-freedom"]
    assert "PVV" in pvv.aliases and len(pvv.mentions) >= 3  # acronym defined in the text, then used alone
    assert "Wilders" in ents["person/geert-wilders"].aliases  # "Mr Wilders": title stripped
    rels = {(r.subject, r.predicate, r.object) for r in x.relations}
    assert ("person/mark-rutte", Predicate.DEFEATS, "person/geert-wilders") in rels
    shares = {(r.subject, r.value, r.unit) for r in x.relations if r.predicate is Predicate.VOTE_SHARE}
    assert any(value == 20 and unit == "seats" for _, value, unit in shares)
    dates = {r.date for r in x.relations if r.predicate is Predicate.DEFEATS}
    assert dates <= {"2017-03-15", "2017-03-16"}


def test_austrian_election_in_french(unseen):
    x = unseen["autriche_fr.txt"]
    ents = {e.id: e for e in x.entities}
    assert {"person/alexander-van-der-bellen", "person/norbert-hofer"} <= set(ents)
    assert "election/austrian-presidential-election-2016" in ents
    rels = {(r.subject, r.predicate, r.object, r.value) for r in x.relations}
    winner = "person/alexander-van-der-bellen"
    assert (winner, Predicate.DEFEATS, "person/norbert-hofer", 53.8) in rels
    assert any(s == "person/norbert-hofer" and p is Predicate.VOTE_SHARE and v == 46.2 for s, p, _, v in rels)
    assert "candidate" in ents["person/norbert-hofer"].roles
