"""The evaluation's scoring rules on tiny handmade examples (no corpus, no models)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for `evaluation`

from evaluation.scoring import (  # noqa: E402
    Annotation, Counts, Ent, Rel, entity_keys, match, prf, score_document, total,
)


def ann(*entities: Ent, relations: tuple[Rel, ...] = ()) -> Annotation:
    return Annotation({e.name: e for e in entities}, relations)


def person(name, *aliases, candidate=False):
    return Ent(name, "PERSON", tuple(aliases), candidate)


# ------------------------------------------------------------------------------------------- entities

def test_keys_ignore_accents_case_deleted_letters_and_titles():
    gold = person("François Fillon", "Fillon")
    for predicted in ("Francois Fillon", "Franois Fillon", "FRANÇOIS FILLON", "M. Fillon", "Mr Fillon"):
        assert entity_keys(gold) & entity_keys(person(predicted)), predicted


def test_an_alias_on_either_side_is_enough():
    gold = ann(person("Mark Rutte", "Rutte"))
    s = score_document(gold, ann(person("Rutte")))
    assert (s.counts["PERSON"].tp, s.counts["PERSON"].fp, s.counts["PERSON"].fn) == (1, 0, 0)
    s = score_document(ann(person("Mark Rutte")), ann(person("Rutte", "Mark Rutte")))
    assert s.counts["PERSON"].tp == 1


def test_types_must_agree():
    gold = ann(Ent("Labour Party", "PARTY", ("Labour",)))
    s = score_document(gold, ann(person("Labour")))
    assert s.counts["PARTY"].fn == 1 and s.counts["PERSON"].fp == 1
    assert s.spurious["PERSON"] == ["Labour"] and s.missed["PARTY"] == ["Labour Party"]


def test_other_types_are_not_scored():
    s = score_document(ann(person("Angela Merkel")), ann(person("Angela Merkel"), Ent("Reuters", "MEDIA")))
    assert all(s.counts[row].fp == 0 for row in ("PERSON", "PARTY", "ELECTION"))


def test_an_unmerged_second_mention_is_a_false_positive():
    gold = ann(person("Manuel Valls", "Valls"))
    s = score_document(gold, ann(person("Manuel Valls"), person("Valls")))
    c = s.counts["PERSON"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 0)
    assert s.spurious["PERSON"] == ["Valls"]  # the name-to-name pair is the one kept


def test_matching_is_maximum_not_greedy():
    # gold A can take either prediction, gold B only the first: a greedy pass would match one of two
    gold = [Ent("A", "ELECTION", ("x", "y")), Ent("B", "ELECTION", ("x",))]
    pred = [Ent("p1", "ELECTION", ("x",)), Ent("p2", "ELECTION", ("y",))]
    pairs = match(gold, pred, lambda g, p: bool(entity_keys(g) & entity_keys(p)))
    assert pairs == [(0, 1), (1, 0)]
    s = score_document(Annotation({e.name: e for e in gold}), Annotation({e.name: e for e in pred}))
    assert s.counts["ELECTION"].tp == 2


def test_name_to_name_pairs_are_preferred_so_the_right_prediction_is_blamed():
    gold = ann(Ent("French presidential election, 2017", "ELECTION",
                   ("general election", "presidential election")))
    pred = ann(Ent("French general election, 2017", "ELECTION", ("general election",)),
               Ent("French presidential election, 2017", "ELECTION", ("presidential election",)))
    s = score_document(gold, pred)
    assert s.counts["ELECTION"].tp == 1
    assert s.spurious["ELECTION"] == ["French general election, 2017"]


def test_candidate_role_is_the_set_of_persons_marked_candidate():
    gold = ann(person("Benoît Hamon", candidate=True), person("Marc Perelman"),
               person("Arnaud Montebourg", candidate=True))
    pred = ann(person("Benoit Hamon", candidate=True), person("Marc Perelman", candidate=True),
               person("Arnaud Montebourg"))
    c = score_document(gold, pred).counts["candidate"]
    assert (c.tp, c.fp, c.fn) == (1, 1, 1)


# ------------------------------------------------------------------------------------------ relations

HAMON, VALLS = person("Benoît Hamon", "Hamon"), person("Manuel Valls", "Valls")
PRIMARY = Ent("French Socialist Party presidential primary, 2017", "ELECTION", ("left-wing primary",))


def rel_score(gold_rels, pred_rels, pred_entities=(HAMON, VALLS, PRIMARY)):
    gold = ann(HAMON, VALLS, PRIMARY, relations=tuple(gold_rels))
    pred = Annotation({f"id{i}": e for i, e in enumerate(pred_entities)}, tuple(pred_rels))
    return score_document(gold, pred)


def test_relation_arguments_match_by_keys_and_predicates_must_agree():
    gold = [Rel("Benoît Hamon", "defeats", "Manuel Valls", 58.65)]
    s = rel_score(gold, [Rel("id0", "defeats", "id1", 58.87)])
    assert s.counts["relations"].tp == 1 and s.by_predicate["defeats"].tp == 1
    s = rel_score(gold, [Rel("id1", "defeats", "id0", 58.65)])  # reversed
    assert s.counts["relations"].tp == 0
    s = rel_score(gold, [Rel("id0", "endorses", "id1")])
    c = s.counts["relations"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert s.by_predicate["endorses"].fp == 1 and s.by_predicate["defeats"].fn == 1


@pytest.mark.parametrize("value, unit, ok", [
    (58.65, "percent", True), (59.1, "percent", True), (59.2, "percent", False), (None, None, False),
    (58.65, None, True), (58.65, "seats", False),
])
def test_values_agree_within_half_a_point_and_units_when_both_are_given(value, unit, ok):
    gold = [Rel("Benoît Hamon", "vote_share", PRIMARY.name, 58.65, "percent")]
    s = rel_score(gold, [Rel("id0", "vote_share", "id2", value, unit)])
    assert (s.counts["relations"].tp == 1) is ok


def test_a_gold_relation_without_value_accepts_any_value():
    gold = [Rel("Benoît Hamon", "candidate_in", "French Socialist Party presidential primary, 2017")]
    assert rel_score(gold, [Rel("id0", "candidate_in", "id2", 3.0, "percent")]).counts["relations"].tp == 1


def test_relations_are_sets_a_repeated_statement_counts_once():
    gold = [Rel("Manuel Valls", "candidate_in", "French Socialist Party presidential primary, 2017")]
    s = rel_score(gold, [Rel("id1", "candidate_in", "id2"), Rel("id1", "candidate_in", "id2")])
    c = s.counts["relations"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)


def test_two_values_for_one_pair_are_two_relations():
    primary = "French Socialist Party presidential primary, 2017"
    gold = [Rel("Benoît Hamon", "vote_share", primary, 36, "percent"),
            Rel("Benoît Hamon", "vote_share", primary, 58.65, "percent")]
    s = rel_score(gold, [Rel("id0", "vote_share", "id2", 58.7, "percent")])
    c = s.counts["relations"]
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert s.missed["relations"] == [f"Benoît Hamon --vote_share--> {primary} (36 percent)"]


def test_an_unknown_argument_key_falls_back_to_its_own_text():
    gold = [Rel("Benoît Hamon", "candidate_in", "French Socialist Party presidential primary, 2017")]
    s = rel_score(gold, [Rel("Hamon", "candidate_in", "left-wing primary")], pred_entities=())
    assert s.counts["relations"].tp == 1  # both texts are gold alias keys
    s = rel_score(gold, [Rel("Hamon", "candidate_in", "the primary")], pred_entities=())
    assert s.counts["relations"].tp == 0


# ------------------------------------------------------------------------------------- micro-average

def test_prf_handles_empty_sides():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)  # nothing predicted: precision 0, not undefined
    assert prf(3, 1, 0) == (0.75, 1.0, pytest.approx(6 / 7))


def test_totals_are_micro_averaged_over_documents():
    a = score_document(ann(person("A"), person("B")), ann(person("A")))          # tp 1, fn 1
    b = score_document(ann(), ann(person("C")))                                   # fp 1
    t = total([a, b]).counts["PERSON"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert t.prf() == (0.5, 0.5, 0.5)
    assert Counts(2, 0, 2).to_dict()["recall"] == 0.5


def test_a_leading_the_is_ignored_for_parties_not_titles_for_them():
    assert entity_keys(Ent("The Greens", "PARTY")) & entity_keys(Ent("Greens", "PARTY"))
    assert not entity_keys(person("Marine Le Pen")) & entity_keys(person("Pen"))


def test_canonical_election_names_fold_plurals_year_position_and_the():
    from evaluation.scoring import canonical_key
    same = canonical_key("French presidential election, 2017")
    assert canonical_key("2017 French presidential elections") == same
    assert canonical_key("The Republicans presidential primary, 2016") == canonical_key(
        "Republicans presidential primary 2016")
    assert canonical_key("Regional election, 2015") != canonical_key("French regional elections, 2015")


def test_the_named_election_row_wants_the_canonical_name_not_just_an_alias():
    gold = ann(Ent("French regional elections, 2015", "ELECTION", ("élections régionales",)))
    s = score_document(gold, ann(Ent("Regional election, 2015", "ELECTION", ("élections régionales",))))
    assert s.counts["ELECTION"].tp == 1
    c = s.counts["ELECTION named"]
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    s = score_document(gold, ann(Ent("French regional election, 2015", "ELECTION")))
    assert s.counts["ELECTION named"].tp == 1
