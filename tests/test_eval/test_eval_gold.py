"""The annotated development set is well-formed, split as recorded, and holds no text from the articles.

Only the gold files inside the project are read (never ../shared), plus the evaluation's label mapping and
record conversion on handmade inputs.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for `evaluation`

from evaluation import split as split_module  # noqa: E402
from evaluation.evaluate import baseline_annotation, gold_annotation, load_gold, ours_annotation  # noqa: E402
from evaluation.scoring import PREDICATES  # noqa: E402

GOLD = Path(__file__).resolve().parents[2] / "evaluation" / "gold"
FILES = sorted(GOLD.glob("*/*.json"))
TYPES = {"PERSON", "PARTY", "ELECTION"}
UNITS = {"percent", "seats", "votes"}
MAX_FORM_WORDS = 8  # names and surface forms, never sentences


def test_the_set_is_large_enough_bilingual_and_split():
    docs = load_gold(GOLD)
    assert len(docs) >= 40
    langs = Counter(d.lang for d in docs)
    assert langs["fr"] * 3 >= len(docs)
    assert len({d.country for d in docs}) >= 6
    for split in ("heldout", "heldout2", "heldout3"):
        held = [d for d in docs if d.split == split]
        assert len(held) >= 12 and {d.lang for d in held} == {"en", "fr"}
    assert sum(d.path.startswith("seeds/") for d in docs) == 4


def test_the_split_is_the_recorded_random_draw():
    assignment = split_module.assignment()
    on_disk = {f.stem: f.parent.name for f in FILES}
    assert on_disk == assignment
    assert all(assignment[name] == "dev" for name, *_ in split_module.SEEDS)


@pytest.mark.parametrize("file", FILES, ids=lambda f: f.stem)
def test_gold_file_is_consistent(file):
    data = json.loads(file.read_text(encoding="utf-8"))
    info = {n: (p, lang, c) for n, p, lang, c in split_module.SEEDS + split_module.CORPUS}
    info.update({n: (p, lang, c) for n, p, lang, c, _ in split_module.BATCH2 + split_module.BATCH3
                 + split_module.BATCH4 + split_module.BATCH5})
    path, lang, country = info[file.stem]
    assert (data["path"], data["lang"], data["split"]) == (path, lang, file.parent.name)
    # an article's country is the annotator's reading of it; a page's was fixed by the draw
    assert data["country"] == country if country else len(data["country"]) == 2
    names = [e["name"] for e in data["entities"]]
    assert len(names) == len(set(names))
    for e in data["entities"]:
        assert e["type"] in TYPES
        assert isinstance(e["candidate"], bool) and (not e["candidate"] or e["type"] == "PERSON")
        for form in (e["name"], *e["aliases"]):
            assert form.strip() and len(form.split()) <= MAX_FORM_WORDS, form
    for r in data["relations"]:
        assert r["predicate"] in PREDICATES
        assert r["subject"] in names and r["object"] in names, r
        if r["predicate"] == "vote_share":
            assert r["value"] is not None and r["unit"] in UNITS, r
        elif r["value"] is not None:
            assert r["predicate"] == "defeats", r
    assert not set(data) - {"path", "lang", "country", "split", "entities", "relations", "note"}
    gold_annotation(data)  # converts


def test_spacy_alone_labels_are_mapped_and_grouped_by_name():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    doc = nlp("Hillary Clinton met the Democrats and Clinton met Europe at the Olympics")
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 5, "NORP"), Span(doc, 6, 7, "PERSON"),
                Span(doc, 8, 9, "LOC"), Span(doc, 11, 12, "EVENT")]
    a = baseline_annotation(doc, "en")
    assert sorted((e.type, e.name) for e in a.entities.values()) == [
        ("ELECTION", "Olympics"), ("PARTY", "Democrats"), ("PERSON", "Clinton"),
        ("PERSON", "Hillary Clinton")]
    assert a.relations == () and not a.candidates()
    fr = spacy.blank("fr")
    doc = fr("Valls et le PS")
    doc.ents = [Span(doc, 0, 1, "PER"), Span(doc, 3, 4, "ORG")]
    assert sorted((e.type, e.name) for e in baseline_annotation(doc, "fr").entities.values()) == [
        ("PARTY", "PS"), ("PERSON", "Valls")]


def test_an_extraction_record_becomes_an_annotation():
    from extract.records import DocKind, Entity, EntityType, Extraction, Predicate, Relation, Unit

    x = Extraction(
        doc_id="d", source_path="p", kind=DocKind.ARTICLE, lang="en", date=None, date_precision=None,
        title=None, topic=None,
        entities=(Entity("person/a", "Benoît Hamon", EntityType.PERSON, ("candidate",), ("Hamon",)),
                  Entity("media/b", "ABC", EntityType.MEDIA)),
        relations=(Relation("person/a", Predicate.VOTE_SHARE, "election/x", 58.65, Unit.PERCENT),),
    )
    a = ours_annotation(x)
    assert a.entities["person/a"].candidate and a.entities["person/a"].aliases == ("Hamon",)
    assert a.entities["media/b"].type == "MEDIA"
    assert a.relations[0].predicate == "vote_share" and a.relations[0].unit == "percent"


def test_a_batch_draw_is_reproducible_and_holds_out_what_it_says():
    from evaluation.draw2 import _draw_split
    import random as _random
    pages = {c: [f"events/{c}-{i}.md" for i in range(3)] for c in ("AA", "BB", "CC", "DD", "EE")}
    articles = {lang: [f"articles/{lang}-{i}.txt" for i in range(9)] for lang in ("en", "fr")}

    def once():
        return _draw_split(pages, articles, _random.Random(7), "heldoutX", (4, 2), (("fr", 5, 2), ("en", 3, 1)))
    rows = once()
    assert rows == once()  # the same seed draws the same documents, in the same order
    assert len(rows) == 12 and len({path for *_, path in rows}) == 12
    held = [r for r in rows if r[0] == "heldoutX"]
    assert len(held) == 2 + 2 + 1 and {r[1] for r in held} == {"en", "fr"}
