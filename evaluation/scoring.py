"""Document-level scoring: gold annotations against predictions, precision/recall/F1 micro-averaged.

Pure Python (no spaCy, no files): `evaluation.evaluate` turns gold JSON, Extraction records and spaCy's own
entities into `Annotation`s, and this module compares them.

Matching rules
--------------
- An entity is a name, its aliases and a type. A predicted entity matches a gold entity when the types agree
  and any key of the predicted name or aliases equals any key of the gold name or aliases. Keys are
  `extract.names.keys` of each form and, for a person, of the form without a leading title (`strip_title`:
  "Mr Rutte", "M. Juppé"), for a party or an election, of the form without a leading "the" ("The Greens"),
  so accents, case, punctuation and deleted letters ("Franois") do not matter.
- Each gold entity is matched at most once and each prediction at most once (a maximum bipartite matching,
  so a generic alias cannot steal the match another prediction needed; pairs whose names match are kept
  first). A second prediction for the same gold entity ("Valls" next to "Manuel Valls", unmerged, or a
  "general election" entity next to the presidential election it means) is a false positive.
- `ELECTION named` is stricter: a predicted election counts only when its canonical name is the gold one
  (`canonical_key`: case, accents, punctuation, a leading "the", plurals and year position folded). The
  ELECTION row credits "Regional election, 2015" for "French regional elections, 2015" through a shared
  surface alias; this row does not, because the graph merges documents on that name.
- The candidate role is scored as the set of PERSON entities marked candidate, matched the same way.
- Relations are sets: a statement repeated in a document (two dates, two sentences) counts once. A
  predicted relation matches a gold relation when the predicates are equal, the subjects match by keys
  and the objects match by keys (types are not compared); when the gold has a value, the prediction must
  have one within 0.5 of it, and a unit, when both sides give one, must agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from extract.names import keys, strip_title

__all__ = [
    "ENTITY_TYPES", "PREDICATES", "VALUE_TOLERANCE", "Ent", "Rel", "Annotation", "Counts", "DocScore",
    "entity_keys", "canonical_key", "match", "score_document", "total", "prf",
]

ENTITY_TYPES = ("PERSON", "PARTY", "ELECTION")
PREDICATES = ("endorses", "member_of", "candidate_in", "defeats", "vote_share", "withdraws")
VALUE_TOLERANCE = 0.5
ELECTION_NAMED = "ELECTION named"
CANDIDATE = "candidate"
RELATIONS = "relations"
ROWS = (*ENTITY_TYPES, ELECTION_NAMED, CANDIDATE, RELATIONS)
_THE = re.compile(r"^\s*the\s+", re.IGNORECASE)
_PLURALS = {"elections": "election", "primaries": "primary", "caucuses": "caucus", "referenda": "referendum",
            "by elections": "by election"}


@dataclass(frozen=True)
class Ent:
    """One document-level entity: a display name, its other surface forms, a type, the candidate flag."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    candidate: bool = False

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Rel:
    """A relation between two entities of one Annotation, named by their keys in `Annotation.entities`."""

    subject: str
    predicate: str
    object: str
    value: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Annotation:
    """One document's entities (by a local key: the gold name, or the predicted entity id) and relations."""

    entities: dict[str, Ent] = field(default_factory=dict)
    relations: tuple[Rel, ...] = ()

    def of_type(self, type_: str) -> list[Ent]:
        return [e for e in self.entities.values() if e.type == type_]

    def candidates(self) -> list[Ent]:
        return [e for e in self.entities.values() if e.type == "PERSON" and e.candidate]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.fp, self.fn)

    def to_dict(self) -> dict:
        p, r, f = self.prf()
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(f, 4)}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; 0.0 where a denominator is zero (nothing predicted scores 0, not undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def entity_keys(ent: Ent) -> frozenset[str]:
    """Every matching key of an entity's name and aliases, with and without a leading title (persons) or a
    leading English article (parties, elections: "The Greens" and "Greens")."""
    out: set[str] = set()
    for form in ent.forms:
        variants = {form, strip_title(form)} if ent.type == "PERSON" else {form, _THE.sub("", form)}
        for variant in variants:
            out.update(k for k in keys(variant) if k)
    return frozenset(out)


def canonical_key(name: str) -> str:
    """The key of an election's canonical name: case, accents and punctuation folded, a leading "the" dropped,
    plurals made singular and a leading year moved to the end ("2017 French presidential elections" and
    "French presidential election, 2017" agree; "Regional election, 2015" does not)."""
    key = keys(_THE.sub("", name))[0]
    for plural, singular in _PLURALS.items():
        key = re.sub(rf"\b{plural}\b", singular, key)
    words = key.split()
    if len(words) > 1 and re.fullmatch(r"(?:1[89]|20)\d\d", words[0]):
        words = words[1:] + words[:1]
    return " ".join(words)


def match(gold: Sequence, predicted: Sequence, compatible: Callable[[object, object], bool],
          prefer: Callable[[object, object], bool] | None = None) -> list[tuple[int, int]]:
    """A maximum one-to-one matching between gold and predicted items (Kuhn's augmenting paths).

    With `prefer` (a stronger test that implies `compatible`), a maximum matching on the preferred pairs is
    found first and then augmented with the other compatible pairs: the result is still maximum, and it keeps
    name-to-name pairs where it can, so reports blame the right prediction. Returns (gold index, predicted
    index) pairs. Sets are document-sized, so the simple algorithm is enough.
    """
    owner: dict[int, int] = {}  # predicted index -> gold index

    def run(test: Callable[[object, object], bool]) -> None:
        edges = [[j for j, p in enumerate(predicted) if test(g, p)] for g in gold]

        def augment(i: int, seen: set[int]) -> bool:
            for j in edges[i]:
                if j in seen:
                    continue
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
            return False

        matched = set(owner.values())
        for i in range(len(gold)):
            if i not in matched:
                augment(i, set())

    if prefer is not None:
        run(prefer)
    run(compatible)
    return sorted((i, j) for j, i in owner.items())


@dataclass
class DocScore:
    """Counts per row for one document, and what was missed (fn) or wrongly predicted (fp), for reports."""

    counts: dict[str, Counts] = field(default_factory=lambda: {row: Counts() for row in ROWS})
    by_predicate: dict[str, Counts] = field(default_factory=lambda: {p: Counts() for p in PREDICATES})
    missed: dict[str, list[str]] = field(default_factory=lambda: {row: [] for row in ROWS})
    spurious: dict[str, list[str]] = field(default_factory=lambda: {row: [] for row in ROWS})


def _entities_compatible(g: Ent, p: Ent, gold_keys: dict, pred_keys: dict) -> bool:
    return g.type == p.type and bool(gold_keys[id(g)] & pred_keys[id(p)])


def _value_agrees(g: Rel, p: Rel) -> bool:
    if g.value is None:
        return True
    if p.value is None or abs(float(p.value) - float(g.value)) > VALUE_TOLERANCE:
        return False
    return not (g.unit and p.unit and g.unit != p.unit)


def _describe_rel(r: Rel, ann: Annotation) -> str:
    subj = ann.entities[r.subject].name if r.subject in ann.entities else r.subject
    obj = ann.entities[r.object].name if r.object in ann.entities else r.object
    unit = f" {r.unit}" if r.unit else ""
    value = f" ({float(r.value):g}{unit})" if r.value is not None else ""
    return f"{subj} --{r.predicate}--> {obj}{value}"


def _distinct(relations: Iterable[Rel]) -> list[Rel]:
    """A document's relations as a set: one statement made twice (two dates, two sentences) counts once."""
    seen: dict[tuple, Rel] = {}
    for r in relations:
        value = round(float(r.value), 4) if r.value is not None else None
        seen.setdefault((r.subject, r.predicate, r.object, value, r.unit), r)
    return list(seen.values())


def score_document(gold: Annotation, predicted: Annotation) -> DocScore:
    """Score one document: entities per type, the candidate role, relations (overall and per predicate)."""
    score = DocScore()
    gkeys = {id(e): entity_keys(e) for e in gold.entities.values()}
    pkeys = {id(e): entity_keys(e) for e in predicted.entities.values()}
    gname = {id(e): entity_keys(Ent(e.name, e.type)) for e in gold.entities.values()}
    pname = {id(e): entity_keys(Ent(e.name, e.type)) for e in predicted.entities.values()}

    def entity_row(row: str, gold_ents: list[Ent], pred_ents: list[Ent]) -> None:
        pairs = match(gold_ents, pred_ents, lambda g, p: _entities_compatible(g, p, gkeys, pkeys),
                      prefer=lambda g, p: _entities_compatible(g, p, gname, pname))
        counts = score.counts[row]
        counts.tp, counts.fp, counts.fn = len(pairs), len(pred_ents) - len(pairs), len(gold_ents) - len(pairs)
        matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
        score.missed[row] = [e.name for i, e in enumerate(gold_ents) if i not in matched_g]
        score.spurious[row] = [e.name for j, e in enumerate(pred_ents) if j not in matched_p]

    for type_ in ENTITY_TYPES:
        entity_row(type_, gold.of_type(type_), predicted.of_type(type_))
    # the stricter election row: the canonical name itself must be right (what merges documents in the graph)
    gold_el, pred_el = gold.of_type("ELECTION"), predicted.of_type("ELECTION")
    pairs = match(gold_el, pred_el, lambda g, p: canonical_key(g.name) == canonical_key(p.name))
    score.counts[ELECTION_NAMED] = Counts(len(pairs), len(pred_el) - len(pairs), len(gold_el) - len(pairs))
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    score.missed[ELECTION_NAMED] = [e.name for i, e in enumerate(gold_el) if i not in matched_g]
    score.spurious[ELECTION_NAMED] = [e.name for j, e in enumerate(pred_el) if j not in matched_p]
    entity_row(CANDIDATE, gold.candidates(), predicted.candidates())

    def arg_keys(ann: Annotation, table: dict, key: str) -> frozenset[str]:
        ent = ann.entities.get(key)
        return table[id(ent)] if ent is not None else frozenset(keys(key))

    def rel_compatible(g: Rel, p: Rel) -> bool:
        return (g.predicate == p.predicate
                and bool(arg_keys(gold, gkeys, g.subject) & arg_keys(predicted, pkeys, p.subject))
                and bool(arg_keys(gold, gkeys, g.object) & arg_keys(predicted, pkeys, p.object))
                and _value_agrees(g, p))

    gold_rels, pred_rels = _distinct(gold.relations), _distinct(predicted.relations)
    pairs = match(gold_rels, pred_rels, rel_compatible)
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    score.counts[RELATIONS] = Counts(len(pairs), len(pred_rels) - len(pairs), len(gold_rels) - len(pairs))
    for predicate in PREDICATES:
        c = score.by_predicate[predicate]
        c.tp = sum(1 for i, _ in pairs if gold_rels[i].predicate == predicate)
        c.fn = sum(1 for i, r in enumerate(gold_rels) if r.predicate == predicate and i not in matched_g)
        c.fp = sum(1 for j, r in enumerate(pred_rels) if r.predicate == predicate and j not in matched_p)
    score.missed[RELATIONS] = [_describe_rel(r, gold) for i, r in enumerate(gold_rels) if i not in matched_g]
    score.spurious[RELATIONS] = [_describe_rel(r, predicted) for j, r in enumerate(pred_rels)
                                 if j not in matched_p]
    return score


def total(scores: Iterable[DocScore]) -> DocScore:
    """Micro-average: the documents' counts summed (misses are not carried over)."""
    out = DocScore()
    for s in scores:
        for row in ROWS:
            out.counts[row] += s.counts[row]
        for predicate in PREDICATES:
            out.by_predicate[predicate] += s.by_predicate[predicate]
    return out
