"""Extraction on the four real seeds with the real models: entities, resolution, relations, the record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.records import Extraction, Predicate

pytestmark = pytest.mark.model

GOLD = json.loads((Path(__file__).parents[1] / "fixtures" / "seed_gold.json").read_text(encoding="utf-8"))
RECORD_KEYS = ["doc_id", "source_path", "kind", "lang", "date", "date_precision", "title", "topic", "entities",
               "relations", "events", "sources", "warnings"]


def ids(extraction: Extraction) -> set[str]:
    return {e.id for e in extraction.entities}


def relations(extraction: Extraction, predicate: Predicate) -> list[tuple]:
    return [(r.subject, r.object, r.value, r.date) for r in extraction.relations if r.predicate is predicate]


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_gold_entities_are_found(seed_extractions, key):
    found = ids(seed_extractions[key])
    assert set(GOLD[key]["entities"]) - found == set()
    assert set(GOLD[key]["absent"]) & found == set()


def test_surnames_accents_and_acronyms_resolve_to_one_entity(seed_extractions):
    article = {e.id: e for e in seed_extractions["002"].entities}
    hamon = article["person/benoit-hamon"]
    assert hamon.name == "Benoît Hamon" and "Hamon" in hamon.aliases and len(hamon.mentions) >= 10
    page = {e.id: e for e in seed_extractions["000"].entities}
    assert "PS" in page["party/socialist-party"].aliases
    assert "Jean-Luc Mlenchon" in page["person/jean-luc-melenchon"].aliases  # mojibake-deleted letter
    old = {e.id: e for e in seed_extractions["001"].entities}
    assert "Franois Hollande" in old["person/francois-hollande"].aliases


def test_mention_offsets_index_the_repaired_text(seed_extractions, seed_documents):
    for key, extraction in seed_extractions.items():
        text = seed_documents[key].text
        for entity in extraction.entities:
            for m in entity.mentions:
                assert text[m.start:m.end] == m.text


def test_candidate_role(seed_extractions):
    roles = {e.id: e.roles for e in seed_extractions["002"].entities}
    assert "candidate" in roles["person/vincent-peillon"]
    assert "candidate" not in roles["person/marc-perelman"]


def test_endorsement_with_date_and_evidence(seed_extractions):
    found = [r for r in seed_extractions["000"].relations if r.predicate is Predicate.ENDORSES]
    valls = [r for r in found if (r.subject, r.object) == ("person/manuel-valls", "person/emmanuel-macron")]
    assert valls and {r.date for r in valls} == {"2017-03-29"}
    assert "announces his support for Emmanuel Macron" in valls[0].evidence.text


def test_membership_from_brackets(seed_extractions):
    members = {(s, o) for s, o, _, _ in relations(seed_extractions["000"], Predicate.MEMBER_OF)}
    assert ("person/manuel-valls", "party/socialist-party") in members
    assert ("person/emmanuel-macron", "party/la-republique-en-marche") in members


def test_defeat_with_share_and_withdrawal_dated_by_the_related_link(seed_extractions):
    defeats = relations(seed_extractions["001"], Predicate.DEFEATS)
    assert ("person/benoit-hamon", "person/manuel-valls", 58.65, "2017-01-29") in defeats
    withdraws = relations(seed_extractions["000"], Predicate.WITHDRAWS)
    assert ("person/yannick-jadot", "person/benoit-hamon", None, "2017-02-23") in withdraws


def test_relative_date_resolved_against_the_document_date(seed_extractions):
    candidacies = relations(seed_extractions["002"], Predicate.CANDIDATE_IN)
    primary = "election/french-socialist-party-presidential-primary-2017"
    assert ("person/benoit-hamon", primary, None, "2017-01-22") in candidacies  # "on Sunday", doc of Monday 23


def test_negations_are_not_relations(seed_extractions):
    endorsers = {s for s, _, _, _ in relations(seed_extractions["002"], Predicate.ENDORSES)}
    assert "person/vincent-peillon" not in endorsers  # "refused to back either Hamon or Valls"
    french = relations(seed_extractions["003"], Predicate.ENDORSES)
    assert ("person/alexis-corbiere", "person/benoit-hamon") not in {(s, o) for s, o, _, _ in french}


def test_french_results_and_support(seed_extractions):
    shares = {(s, v) for s, _, v, _ in relations(seed_extractions["003"], Predicate.VOTE_SHARE)}
    assert {("person/benoit-hamon", 58.87), ("person/manuel-valls", 41.13)} <= shares
    support = {(s, o) for s, o, _, _ in relations(seed_extractions["003"], Predicate.ENDORSES)}
    assert ("person/jean-pierre-raffarin", "person/francois-fillon") in support


def test_live_blog_entries_are_sub_events_with_their_mentions(seed_extractions):
    events = seed_extractions["003"].events
    subs = [e for e in events if e.kind == "sub_event"]
    assert len(subs) == 6 and all(e.date == "2017-01" for e in subs)
    raffarin = subs[0]
    assert raffarin.title == "8h24 : Jean-Pierre Raffarin"
    assert {"person/jean-pierre-raffarin", "person/francois-fillon", "media/europe-1"} <= set(raffarin.entities)


def test_record_has_exactly_the_design_fields_and_round_trips(seed_extractions):
    for extraction in seed_extractions.values():
        data = json.loads(json.dumps(extraction.to_dict()))
        assert list(data) == RECORD_KEYS
        assert Extraction.from_dict(data) == extraction
        rel = data["relations"][0]
        assert list(rel) == ["subject", "predicate", "object", "value", "unit", "date", "confidence", "evidence"]
        assert list(data["entities"][0]) == ["id", "name", "type", "roles", "aliases", "mentions"]
