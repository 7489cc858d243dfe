"""member_of: a person and the party a sentence ties them to.

`Manuel Valls (PS)`, `Marine Le Pen of the National Front`, `Labour leader Jeremy Corbyn`, `Labour's Gareth
Snell`, `Mark Rutte's People's Party`, `Gels is the CDU mayor`, `Frauke Petry resigns as leader of the far
right Alternative for Germany`, `chairwoman of the Christian Democratic Union (CDU) Angela Merkel`, `la tête de
liste des Républicains dans l'est, Philippe Richert`, `son parti, Les Républicains`. A former member
(`former Labour MP`, `l'ex-socialiste`) is not a member. Pure Python over `extract.sentences.Sentence`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.records import EntityType
from extract.sentences import Ent, Sentence

__all__ = ["memberships"]

_ROLE = (r"candidate|nominee|leader|chief|chairman|chairwoman|chair|head|president|MP|MEP|senator|mayor|"
         r"deputy leader|member|spokes(?:man|woman|person)|founder|co-founder|secretary[- ]general|politician|"
         r"lawmaker|councillor|congressman|congresswoman|governor|hopeful|frontrunner|front-runner|co-leader|"
         r"député\w*|candidat\w*|chef|dirigeante?|présidente?|membre|porte-parole|fondat\w+|"
         r"secrétaire général\w*|maire|sénat\w+|tête de liste|co-?président\w*|eurodéputé\w*|élue?|"
         # "le patron des Républicains", "le numéro deux du FN", "vice-président du FN", "cacique socialiste"
         r"patron(?:ne)?|numéro\s+(?:un|deux|trois|1|2|3)|n°\s?[123]|vice-?président\w*|vice-?president|"
         r"premier\s+secrétaire|secrétaire\s+national\w*|chef\s+de\s+file|cadre|militante?|adhérente?|"
         r"ténor|cacique|number\s+(?:two|three)|vice-?chair\w*|whip")
# "former member", "l'ex-socialiste": no longer a member ("former deputy chairman" still is one)
_FORMER = re.compile(r"\b(?:former|ex|ancien\w*|one-time|erstwhile)[- ](?:members?|membres?)\b|\bex-\s*$", re.I)
_ADJS = r"(?:(?:[a-z][\w-]*|far[- ]right|far[- ]left)\s+){0,2}"
# person → party
_BRACKET = re.compile(r"\s*\(\s*")
_DET = r"(?:(?:the|le|la|an?|un|une)\b\s*|l['’]\s*)"
_PREP = r"(?:(?:of|from|du|de|des|de la|for)\b\s*|d['’]\s*)"
_OF = re.compile(rf"\s*,?\s*{_DET}?(?:(?:former|current|interim|new)\s+)?(?:(?:{_ROLE})\s+)?{_PREP}"
                 rf"(?:the\s+|l['’]|la\s+)?{_ADJS}", re.I)
# "Mark Rutte's People's Party", "Boyko Borisov's conservative GERB" (not "Macron's rival party")
_POSSESSIVE = re.compile(r"['’]s\s+(?:own\s+)?(?:(?!(?:rival|opposing|opposition|former|old|ex)\b)[a-z][\w-]*\s+){0,2}")
_APPOSITION = re.compile(r"\s*(?:,|\s(?:is|was|est|était))\s*(?:(?:the|a|an|le|la|un|une)\b\s*|l['’]\s*)"
                         r"(?:[a-z-]+\s+)?", re.I)
# "Nathalie Martin, candidate LR dans la 2e circonscription", "X, député socialiste": the role, then the party
_ROLE_THEN_PARTY = re.compile(rf"\s*,\s*(?:(?:l[ea]|un|une)\s+|l['’]\s*)?(?:(?:ancien|ancienne|actuel|actuelle|"
                              rf"current|new|nouveau|nouvelle)\s+)?(?:{_ROLE})\s+\(?\s*|"
                              # "X, à la tête de son mouvement « Parisiennes, Parisiens »"
                              rf"\s*,\s*(?:à\s+la\s+tête|at\s+the\s+head)\s+(?:de|du|des|of)\s+"
                              rf"(?:(?:son|sa|leur|his|her|the|la|l['’])\s*)?(?:(?:parti|mouvement|party|movement)\s*)?[«\"“]?\s*",
                              re.I)
_AS_ROLE = re.compile(rf"\s+(?:[\w'’-]+\s+){{0,6}}?(?:as|comme)\s+(?:the\s+|le\s+|la\s+)?(?:new\s+|interim\s+)?"
                      rf"(?:{_ROLE})\s+(?:of|du|de la|des|de l['’])\s*(?:the\s+)?{_ADJS}", re.I)
_ROLE_AFTER = re.compile(rf"\s*(?:{_ROLE})\b", re.I)
# party → person
_BEFORE_PERSON = re.compile(
    rf"\s*\)?\s*(?:['’]s\s+)?(?:(?:only|sole|new|current|former|interim|first|presidential|deputy|party|"
    rf"vice-presidential|leadership)\s+)*(?:(?:{_ROLE}|favou?rite)\s*,?\s*)?"
    # "Scottish National Party leader and First Minister of Scotland Nicola Sturgeon"
    rf"(?:(?<=\s)and\s+(?:(?-i:[A-Z])[\w-]*\s+|of\s+|the\s+){{1,5}})?", re.I)
# "En Marche!, formed by newly elected President Emmanuel Macron", "the Socialists of President Hollande's party"
_LED_BY = re.compile(r"\s*,?\s*(?:(?:which|that)\s+(?:was|is)\s+)?(?:(?:le|la|un|une|the|a)\s+(?:parti|mouvement|"
                     r"party|movement|formation)\s+)?(?:formed|founded|created|led|headed|launched|"
                     r"fondée?|créée?|dirigée?|menée?|emmenée?|présidée?)\s+(?:by|par)\s+(?:[\w-]+\s+){0,4}?", re.I)
_OF_PERSONS_PARTY = re.compile(r"\s+(?:of|de)\s+(?:(?:[A-Z][\w.-]*|former|president|prime minister)\s+){0,3}$")
_ROLE_OF_BEFORE = re.compile(rf"\b(?:{_ROLE})\s+(?:of|du|de la|des|de l['’]|d['’])\s*(?:the\s+)?{_ADJS}$", re.I)
_PLACE_THEN_COMMA = re.compile(r"\s*[!?]?\s*(?:\([^)]{1,40}\)\s*)?(?:(?:dans|in|en|à|for|from|pour)\s+[^,.;]{1,30})?,\s*")
_HIS_PARTY = re.compile(r"\b(?:his|her|their|son|sa|leur)\s+(?:own\s+)?(?:party|parti)\s*,\s*(?:the\s+)?$|"
                        r"\b(?:fellow|ses|other)\s+$", re.I)
_FELLOW_AFTER = re.compile(r"\s+(?:members?|MPs|colleagues|militants|camarades|élus)\b", re.I)
# "Members of UKIP elect Diane James as their new leader"
_ELECTED_AS = re.compile(r"\s+(?:as|comme)\s+(?:their|its|leur|son|sa)\s+(?:new\s+|nouveau\s+|nouvelle\s+)?"
                         r"(?:leader|chair\w*|president|head|chef|présidente?|dirigeante?)\b", re.I)


def memberships(s: Sentence) -> Iterator[tuple[str, str, float]]:
    """(person id, party id, confidence) for each membership the sentence states."""
    ents = [e for e in s.ents if e.type is not EntityType.ELECTION]
    for a, b in zip(ents, ents[1:]):
        between = s.text[a.end:b.start]
        if _FORMER.search(s.text[max(0, a.start - 12):a.start]) or re.search(r"\bformer\s+members?\b", between):
            continue
        if a.type is EntityType.PERSON and b.type is EntityType.PARTY:
            found = _person_then_party(s, a, b, between)
            if found:
                yield a.id, b.id, found
        elif a.type is EntityType.PARTY and b.type is EntityType.PERSON:
            if _party_then_person(s, a, b, between):
                yield b.id, a.id, 0.7
    for party in (e for e in ents if e.type is EntityType.PARTY):
        m = _HIS_PARTY.search(s.text[:party.start])
        if m and (m.group(0).strip().endswith(",") or _FELLOW_AFTER.match(s.text, party.end)
                  or re.search(r"(?:party|parti)\s*,\s*(?:the\s+)?$", m.group(0), re.I)):
            person = s.actor_before(party.start)
            if person is not None and person.type is EntityType.PERSON:
                yield person.id, party.id, 0.6
    for person in (e for e in ents if e.type is EntityType.PERSON):
        if _ELECTED_AS.match(s.text, person.end):
            party = s.before(person.start, (EntityType.PARTY,))
            if party is not None:
                yield person.id, party.id, 0.6


def _person_then_party(s: Sentence, a: Ent, b: Ent, between: str) -> float | None:
    if _BRACKET.fullmatch(between) or (re.fullmatch(r"\s+", between) and s.text[b.end:b.end + 1] == ")"):
        return 0.9
    if _OF.fullmatch(between) or _POSSESSIVE.fullmatch(between) or _AS_ROLE.fullmatch(between):
        return 0.7
    if _APPOSITION.fullmatch(between) and _ROLE_AFTER.match(s.text, b.end):
        return 0.7
    if _ROLE_THEN_PARTY.fullmatch(between):
        return 0.7
    return None


def _party_then_person(s: Sentence, a: Ent, b: Ent, between: str) -> bool:
    if s.text[b.start - 1:b.start] == "(" and not between.strip(" ("):
        return False  # "Les Républicains (Manuel Valls)": a bracket after a party is not its member
    if _BEFORE_PERSON.fullmatch(between) or _LED_BY.fullmatch(between):
        return True
    if _OF_PERSONS_PARTY.search(between) and re.match(r"['’]s\s+(?:own\s+)?party\b", s.text[b.end:]):
        return True
    return bool(_ROLE_OF_BEFORE.search(s.text[:a.start]) and _PLACE_THEN_COMMA.fullmatch(between))
