"""`make eval`: precision, recall and F1 of the extractor on the annotated development set, vs spaCy alone.

For every gold file under `evaluation/gold/{dev,heldout,heldout2,heldout3}/` whose document is in `../shared/` (it is
not shipped with the project: without it the run says so and exits 0), the document is read with
`extract.readers.read_path` and run through

- **ours**: `extract.pipeline.Extractor` (gazetteer ruler, statistical NER, election and party rules,
  resolution, relations, candidate roles);
- **spaCy alone**: the same small models (`extract.nlp.MODELS`) with their default pipelines and nothing
  else, on the same repaired text. Its labels are mapped: PERSON/PER -> PERSON; ORG and NORP -> PARTY (it has
  no party type, so every organisation or group span is its party guess); EVENT -> ELECTION in English (the
  French model has no event label, so it finds no elections). Spans are grouped by name key only (one entity
  per distinct name); it has no roles and no relations, so those rows score 0.

Scores are document-level and micro-averaged (see `evaluation.scoring`), printed per split: `dev` (rule
writers may read those documents; their misses are listed to guide the rules), `heldout`, `heldout2` and
`heldout3` (aggregate scores only, never details), the first two held-out splits together, all three, and all. The numbers also go to a JSON file (default `out/eval/results.json`).

    .venv/bin/python -m evaluation.evaluate [--no-misses] [--out FILE] [--shared DIR]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.scoring import (  # noqa: E402
    ELECTION_NAMED, PREDICATES, ROWS, Annotation, DocScore, Ent, Rel, score_document, total,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = Path(__file__).resolve().parent / "gold"
SPLITS = ("dev", "heldout", "heldout2", "heldout3")
BASELINE_LABELS = {
    "en": {"PERSON": "PERSON", "ORG": "PARTY", "NORP": "PARTY", "EVENT": "ELECTION"},
    "fr": {"PER": "PERSON", "ORG": "PARTY"},
}

log = logging.getLogger("evaluation")


@dataclass
class GoldDoc:
    name: str
    split: str
    path: str
    lang: str
    country: str
    annotation: Annotation


def load_gold(gold_dir: Path = GOLD) -> list[GoldDoc]:
    """Every gold file, dev first, by name."""
    docs = []
    for split in SPLITS:
        for file in sorted((gold_dir / split).glob("*.json")):
            data = json.loads(file.read_text(encoding="utf-8"))
            docs.append(GoldDoc(file.stem, split, data["path"], data["lang"], data["country"],
                                gold_annotation(data)))
    return docs


def gold_annotation(data: dict) -> Annotation:
    entities = {e["name"]: Ent(e["name"], e["type"], tuple(e.get("aliases", ())), bool(e.get("candidate")))
                for e in data["entities"]}
    relations = tuple(Rel(r["subject"], r["predicate"], r["object"], r.get("value"), r.get("unit"))
                      for r in data["relations"])
    return Annotation(entities, relations)


def ours_annotation(extraction) -> Annotation:
    """An Extraction record as an Annotation; every entity is kept so relation arguments resolve."""
    entities = {e.id: Ent(e.name, str(e.type), tuple(e.aliases), "candidate" in e.roles)
                for e in extraction.entities}
    relations = tuple(Rel(r.subject, str(r.predicate), r.object, r.value, str(r.unit) if r.unit else None)
                      for r in extraction.relations)
    return Annotation(entities, relations)


def baseline_annotation(spacy_doc, lang: str) -> Annotation:
    """spaCy's own entities, labels mapped, one entity per (type, name key); no roles, no relations."""
    from extract.names import name_key
    labels = BASELINE_LABELS.get(lang, {})
    entities: dict[str, Ent] = {}
    for span in spacy_doc.ents:
        type_ = labels.get(span.label_)
        text = " ".join(span.text.split())
        if type_ is None or not name_key(text):
            continue
        key = f"{type_}:{name_key(text)}"
        if key not in entities:
            entities[key] = Ent(text, type_)
        elif text != entities[key].name and text not in entities[key].aliases:
            old = entities[key]
            entities[key] = Ent(old.name, type_, (*old.aliases, text))
    return Annotation(entities)


def run(gold_docs: list[GoldDoc], shared: Path) -> tuple[list[tuple[GoldDoc, DocScore, DocScore]], dict]:
    """Read, extract (ours and baseline), score. Returns per-document scores and timings."""
    import spacy

    from extract.nlp import MODELS
    from extract.pipeline import Extractor
    from extract.readers import read_path

    present = []
    for g in gold_docs:
        path = shared / g.path
        result = read_path(path)
        if result.error or not result.documents:
            print(f"  skipped {g.name}: {result.error or 'no document'}", file=sys.stderr)
            continue
        document = result.documents[0]
        if document.lang != g.lang:
            print(f"  note: {g.name} is annotated as {g.lang!r}, detected {document.lang!r}", file=sys.stderr)
        present.append((g, document))

    timings = {}
    extractor = Extractor()
    start = time.perf_counter()
    supported = [d for _, d in present if Extractor.supports(d)]
    ours = {id(d): x for d, x in zip(supported, extractor.extract(supported))}
    timings["ours_seconds"] = round(time.perf_counter() - start, 2)

    start = time.perf_counter()
    baseline: dict[int, Annotation] = {}
    for lang in sorted({d.lang for _, d in present if d.lang in MODELS}):
        nlp = spacy.load(MODELS[lang])
        docs = [d for _, d in present if d.lang == lang]
        for d, sdoc in zip(docs, nlp.pipe(d.text for d in docs)):
            baseline[id(d)] = baseline_annotation(sdoc, lang)
    timings["baseline_seconds"] = round(time.perf_counter() - start, 2)

    scored = []
    for g, d in present:
        mine = ours_annotation(ours[id(d)]) if id(d) in ours else Annotation()
        theirs = baseline.get(id(d), Annotation())
        scored.append((g, score_document(g.annotation, mine), score_document(g.annotation, theirs)))
    return scored, timings


# ---------------------------------------------------------------------------------------------- report

def _fmt(c) -> str:
    p, r, f = c.prf()
    return f"{p:6.3f} {r:6.3f} {f:6.3f} {c.tp:5d}{c.fp:5d}{c.fn:5d}"


def table(title: str, ours: DocScore, base: DocScore) -> str:
    cols = f"{'P':>6} {'R':>6} {'F1':>6} {'tp':>5}{'fp':>5}{'fn':>5}"
    lines = [title,
             f"{'':16}{'':>6} | {'ours (electiongraph)':<36} | {'spaCy small models alone':<36}",
             f"{'':16}{'gold':>6} | {cols} | {cols}",
             "-" * 101]
    for row in ROWS:
        c, b = ours.counts[row], base.counts[row]
        lines.append(f"{row:16}{c.gold:6d} | {_fmt(c)} | {_fmt(b)}")
    for predicate in PREDICATES:
        c, b = ours.by_predicate[predicate], base.by_predicate[predicate]
        lines.append(f"  {predicate:14}{c.gold:6d} | {_fmt(c)} | {_fmt(b)}")
    return "\n".join(lines)


def misses(name: str, score: DocScore) -> str:
    out = []
    for row in ROWS:
        if row == ELECTION_NAMED:  # only what the alias-level row does not already say
            misnamed = [n for n in score.spurious[row] if n not in score.spurious["ELECTION"]]
            if misnamed:
                out.append("    ELECTION found but misnamed: " + "; ".join(misnamed))
            continue
        if score.missed[row]:
            out.append(f"    {row} missed:   " + "; ".join(score.missed[row]))
        if score.spurious[row]:
            out.append(f"    {row} spurious: " + "; ".join(score.spurious[row]))
    return f"  {name}\n" + ("\n".join(out) if out else "    (nothing missed, nothing spurious)")


def summary(scores: list[DocScore]) -> dict:
    t = total(scores)
    return {"rows": {row: t.counts[row].to_dict() for row in ROWS},
            "relations_by_predicate": {p: t.by_predicate[p].to_dict() for p in PREDICATES}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.evaluate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=REPO / "out" / "eval" / "results.json",
                        help="where the JSON results go (default: %(default)s)")
    parser.add_argument("--no-misses", action="store_true", help="do not list the dev split's misses")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    if not args.shared.is_dir():
        print(f"evaluation skipped: {args.shared} is not there "
              "(the annotated texts live outside the project)")
        return 0
    gold_docs = load_gold()
    print(f"{len(gold_docs)} gold documents; texts from {args.shared}; "
          "running the extractor and spaCy alone ...", flush=True)
    scored, timings = run(gold_docs, args.shared)
    if not scored:
        print("evaluation skipped: none of the annotated documents is present")
        return 0

    results: dict = {"documents": {}, "timings": timings, "splits": {}}
    groups = {split: [s for s in scored if s[0].split == split] for split in SPLITS}
    groups["heldout, both batches"] = groups["heldout"] + groups["heldout2"]
    groups["heldout, all three"] = groups["heldout, both batches"] + groups["heldout3"]
    groups["all"] = scored
    for split, items in groups.items():
        if not items:
            continue
        langs = Counter(g.lang for g, _, _ in items)
        countries = Counter(g.country for g, _, _ in items)
        ours_t, base_t = total(o for _, o, _ in items), total(b for _, _, b in items)
        by_lang = ", ".join(f"{k} {v}" for k, v in sorted(langs.items()))
        by_country = ", ".join(f"{k} {v}" for k, v in sorted(countries.items()))
        title = f"\n== {split}: {len(items)} documents ({by_lang}; countries {by_country})"
        print(table(title, ours_t, base_t))
        results["splits"][split] = {
            "documents": len(items), "languages": dict(langs), "countries": dict(countries),
            "ours": summary([o for _, o, _ in items]), "spacy_alone": summary([b for _, _, b in items]),
        }
    for g, o, b in groups["dev"]:
        results["documents"][g.name] = {
            "split": g.split, "lang": g.lang, "country": g.country,
            "ours": {row: o.counts[row].to_dict() for row in ROWS},
            "spacy_alone": {row: b.counts[row].to_dict() for row in ROWS},
            "ours_missed": o.missed, "ours_spurious": o.spurious,
        }
    if not args.no_misses and groups["dev"]:
        print("\n== dev split, ours: what was missed and what was spurious, per document")
        for g, o, _ in groups["dev"]:
            print(misses(f"{g.name} [{g.lang}, {g.country}]", o))
    print("\n(held-out documents: aggregate scores only, never their details)")
    print(f"timings: ours {timings['ours_seconds']} s, spaCy alone {timings['baseline_seconds']} s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
