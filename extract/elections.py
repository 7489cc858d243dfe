"""Canonical election names from what a phrase says and where it stands (Wikipedia's older style).

`French presidential election, 2017`, `United Kingdom general election, 2017`, `Democratic Party presidential
primaries, 2016`, `Labour Party leadership election, 2016`, `Stoke-on-Trent Central by-election, 2017`.
The phrase gives what it can (`read_election`); the document gives the rest: its country when the phrase
names none, the date of the part of the document the phrase is in, the years its sentence states. A vote
with a fixed calendar (French presidential elections, US presidential elections, ...) takes the scheduled
year nearest to that date, so `la présidentielle` in a 2015 article is the 2017 election.
Pure Python, no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.countries import calendar_year, country_of, in_calendar, parliament_kind, twice_in_year
from extract.patterns import ElectionMention

__all__ = ["ElectionContext", "election_names", "name_year"]

_PARLIAMENTARY = {"general election", "legislative election", "parliamentary election", "federal election",
                  "snap election"}
_US_CAMPS = {"democratic": "Democratic", "democrat": "Democratic", "republican": "Republican",
             "gop": "Republican", "libertarian": "Libertarian", "green": "Green"}
_SENTENCE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


@dataclass(frozen=True)
class ElectionContext:
    """Where an election phrase stands: the document's country, the date of its part, its sentence (and the
    part of it before the phrase), the election names the document's own tags give (`Myanmar general
    election`, from an event page's `_Context_` line)."""

    country: str | None
    reference: str | None          # YYYY-MM-DD or YYYY-MM of the part of the document
    sentence: str = ""
    party_name: Callable[[str], str | None] = lambda camp: None  # a camp word → the party's canonical name
    before: str = ""
    tagged: tuple[tuple[str | None, str, str], ...] = ()  # (country, kind, name without year)


def name_year(name: str) -> int | None:
    """The year an election's name or id ends with (`French presidential election, 2017`,
    `election/turkish-general-election-november-2015`), None when it has none."""
    found = _SENTENCE_YEAR.findall(name)
    return int(found[-1]) if found else None


def election_names(m: ElectionMention, ctx: ElectionContext) -> tuple[str, ...]:
    """Names to try for the election a phrase means, best first (the first is used when none is known).

    >>> from extract.patterns import read_election
    >>> election_names(read_election("la présidentielle"), ElectionContext("French", "2015-10-22"))
    ('French presidential election, 2017', 'French presidential election')
    """
    if m.bare or m.kind is None:
        return ()
    country = m.country or _country_before(ctx.before) or _country_in_phrase(ctx.before) or _us_by_party(m, ctx) \
        or _country_near(ctx) or ctx.country
    if m.kind == "midterm election" and not m.country:
        country = "United States"  # "les élections de mi-mandat": the American midterms, whatever the paper
    kind = _kind(m.kind or "election", country, ctx)
    if kind == "referendum":
        kind = _referendum_topic(ctx) or kind  # "the flag referendum", "référendum sur l'indépendance"
    if kind == "primary":
        return _primary(m, country, ctx)
    year = _year(m, country, kind, ctx)
    if kind == "election" and country and year and year.isdigit():
        kind = _national_kind(country, int(year)) or kind  # "the Haitian election" of 2016: its presidential one
    if kind == "by-election":
        return (f"{m.place} by-election, {year}",) if year else (f"{m.place} by-election",)
    if kind == "leadership election":
        party = ctx.party_name(m.camp or "") or _party_words(m.camp or "")
        party = re.sub(r"\s+\([^)]*\)$", "", party)  # "Liberal Democratic Party (Japan)": the name says enough
        return _with_year(f"{party} leadership election", year)
    if kind in ("presidential election", "general election") and _joint_vote(country, year):
        kind = "general election"  # Brazil, Kenya, Mexico: president and parliament in one general election
    year = _month_if_twice(country, kind, year, m, ctx)
    if m.place and kind in ("mayoral election", "gubernatorial election"):
        return _with_year(f"{m.place} {kind}", year)
    if m.place and m.kind in _SUBNATIONAL_KINDS and _SUBNATIONAL.search(ctx.sentence):
        return _with_year(f"{m.place} {m.kind}", year or (ctx.reference or "")[:4] or None)  # Alberta general election
    if kind == "European Parliament election":
        return _with_year(kind, year)  # one election of the Union, whichever country's campaign the text follows
    if kind == "midterm election" and country == "United States":
        return _with_year("United States elections", year)  # the midterms: Wikipedia's "United States elections"
    # "French regional elections, 2015": one vote in every region, named in the plural as Wikipedia does
    plural = "s" if (kind in _MANY_AT_ONCE and country and country not in _REGIONS) or (
        kind == "Senate election" and country == "United States") else ""  # a third of the seats, state by state
    if not country and m.place and kind in _PARLIAMENTARY | {"presidential election"}:
        country = m.place  # "the Curaçao general election": a place our tables do not know names its own vote
    base = f"{country} {kind}{plural}" if country else kind[:1].upper() + kind[1:]
    return _with_year(_tagged_name(country, kind, ctx) or base, year)


# What a referendum is about, as Wikipedia names referendums (`New Zealand flag referendum, 2015`,
# `Slovenian railway referendum, 2017`, `United Kingdom European Union membership referendum, 2016`)
_REFERENDUM_TOPICS = (
    (re.compile(r"\b(?:Brexit|(?:leave|remain in|membership of|quitter|sortie de)\s+(?:the\s+|l['’])?"
                r"(?:European Union|EU|UE|Union européenne))\b", re.I), "European Union membership referendum"),
    (re.compile(r"\b(?:independence|indépendance|secession|sécession)\b", re.I), "independence referendum"),
    (re.compile(r"\b(?:flag|drapeau)\b", re.I), "flag referendum"),
    (re.compile(r"\b(?:constitution\w*|constitutionn\w*)\b", re.I), "constitutional referendum"),
    (re.compile(r"\b(?:railway|rail line|ligne ferroviaire)\b", re.I), "railway referendum"),
    (re.compile(r"\b(?:peace (?:deal|agreement|accord)|accord de paix)\b", re.I), "peace agreement referendum"),
    (re.compile(r"\b(?:same-sex marriage|mariage homosexuel|mariage pour tous)\b", re.I), "same-sex marriage referendum"),
    (re.compile(r"\b(?:abortion|avortement)\b", re.I), "abortion referendum"),
)


def _referendum_topic(ctx: ElectionContext) -> str | None:
    """The topic words the sentence gives near a referendum (one topic only), as the kind of the vote."""
    at = len(ctx.before)
    near = ctx.sentence[max(0, at - 80):at + 120]
    found = {kind for pattern, kind in _REFERENDUM_TOPICS if pattern.search(near)}
    return found.pop() if len(found) == 1 else None


def _national_kind(country: str, year: int) -> str | None:
    """The one national vote a country's calendar holds in `year` (presidential or parliament), if only one."""
    kinds = [k for k in ("presidential election", f"{parliament_kind(country)} election") if in_calendar(country, k, year)]
    return kinds[0] if len(kinds) == 1 else None


def _month_if_twice(country: str | None, kind: str, year: str | None, m: ElectionMention,
                    ctx: ElectionContext) -> str | None:
    """`Turkish general election, November 2015`: a country that voted twice in a year is named with the month
    (Wikipedia's style), the one of the part's month or the next one (`last`: the one before)."""
    months = twice_in_year(country, kind, int(year)) if year and year.isdigit() else None
    if not months:
        return year
    ref = ctx.reference or ""
    month = int(ref[5:7]) if ref[:4] == year and ref[5:7].isdigit() else (12 if ref[:4] > year else 1)
    if m.when < 0:
        past = [(n, name) for n, name in months if n < month] or months[:1]
        return f"{past[-1][1]} {year}"
    coming = [(n, name) for n, name in months if n >= month] or months[-1:]
    return f"{coming[0][1]} {year}"


_SUBNATIONAL_KINDS = {"general election", "provincial election", "state election", "legislative election",
                      "regional election"}
_SUBNATIONAL = re.compile(r"\b(?:province|provincial|state|territory|region|canton|Land|Länder|"
                          r"provincia|región)\b(?!\s+(?:of\s+)?(?:emergency|media|television|department))")


def _joint_vote(country: str | None, year: str | None) -> bool:
    """A country whose president and parliament are elected the same day, in what Wikipedia names a general
    election (`Kenyan general election, 2017`): its national vote word is "general" and both calendars hold
    the year. The Philippines name the presidential contest on its own."""
    if not country or not year or not year.isdigit() or country == "Philippine" \
            or parliament_kind(country) != "general":
        return False
    return in_calendar(country, "presidential election", int(year)) and in_calendar(country, "general election",
                                                                                    int(year))


_MANY_AT_ONCE = {"regional election", "municipal election", "departmental election", "cantonal election",
                 "local election"}
# Regions among the "countries" of election names: one region's vote is singular (Catalan regional election)
_REGIONS = {"Catalan", "Scottish", "Welsh", "Bavarian", "Quebec", "Basque", "Corsican", "Flemish", "Walloon",
            "Kurdish", "Northern Irish", "French Polynesian", "New Caledonian"}


def _tagged_name(country: str | None, kind: str, ctx: ElectionContext) -> str | None:
    """The document's own tag for this election (`Myanmar general election` for a Burmese general election),
    when one has the same kind and a compatible country."""
    family = _family(kind)
    for tag_country, tag_kind, name in ctx.tagged:
        if _family(tag_kind) == family and (tag_country == country or (country is None and tag_country)):
            return name
    same_kind = [name for _, tag_kind, name in ctx.tagged if tag_kind == kind]
    if "referendum" in kind and len(same_kind) == 1:
        return same_kind[0]  # "a referendum concerning independence from Spain" on a page tagged Catalan's
    return None


def _family(kind: str) -> str:
    return "parliament" if kind in _PARLIAMENTARY else kind


_POSSESSIVE_COUNTRY = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?:[a-z-]+\s+){0,2}$")


def _country_before(before: str) -> str | None:
    """`Venezuela's presidential election`, `France's upcoming presidential election`."""
    m = _POSSESSIVE_COUNTRY.search(before)
    return country_of(m.group(1), adjective=False) if m else None


_PHRASE_RUN = re.compile(r"\b([A-Z][\w.-]*)(?:\s+[A-Z][\w.’'-]*){1,4}\s+$")


def _country_in_phrase(before: str) -> str | None:
    """`French National Front presidential candidate`: a demonym opening the run of capitalised words right
    before the phrase is its country, whatever other countries the sentence names."""
    m = _PHRASE_RUN.search(before)
    return country_of(m.group(1)) if m else None


_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w.’'-]*")


def _country_near(ctx: ElectionContext) -> str | None:
    """`la présidentielle de 2016, les élections américaines`, `presidential candidate Rodrigo Duterte ... the
    Philippine claim`: the one country the sentence names close to the phrase (none when it names several)."""
    at = len(ctx.before)
    words = [m.group() for m in _WORD.finditer(ctx.sentence) if at - 60 <= m.start() <= at + 120]
    found = set()
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        country = (pair and word[:1].isupper() and country_of(pair)) or \
            (word.lower() not in _NOT_COUNTRY_WORDS and country_of(word))
        if country:
            found.add(country)
    return found.pop() if len(found) == 1 else None


_NOT_COUNTRY_WORDS = {"us", "un", "une", "des", "la", "le", "les", "de"}


def _us_by_party(m: ElectionMention, ctx: ElectionContext) -> str | None:
    """`Republican presidential candidate`: a US party before a presidential phrase, unless the document is
    French (whose Republicans have primaries too)."""
    if m.kind == "presidential election" and ctx.country != "French" and \
            re.search(r"\b(?:Republican|Democratic|GOP)\s+$", ctx.before):
        return "United States"
    return None


def _with_year(base: str, year: str | None) -> tuple[str, ...]:
    return (f"{base}, {year}", base) if year else (base,)


def _kind(kind: str, country: str | None, ctx: ElectionContext) -> str:
    """The country's own word for its national vote; a US "general election", and a French one in a
    presidential campaign year, is the presidential one."""
    reference = int(ctx.reference[:4]) if ctx.reference and ctx.reference[:4].isdigit() else 0
    if kind == "election" and country == "United States":
        return "presidential election"  # "the 2016 U.S. election"
    if kind not in _PARLIAMENTARY:
        return kind
    if kind == "general election" and (country == "United States" or (
            country == "French" and (in_calendar("French", "presidential election", reference)
                                     or in_calendar("French", "presidential election", reference + 1)))):
        return "presidential election"
    if country == "United States":
        return kind
    return f"{parliament_kind(country)} election" if country else kind


def _year(m: ElectionMention, country: str | None, kind: str, ctx: ElectionContext) -> str | None:
    if m.year:
        return m.year
    reference = int(ctx.reference[:4]) if ctx.reference and ctx.reference[:4].isdigit() else None
    if reference is None:
        return None
    if m.offset is not None:
        return str(reference + m.offset)
    stated = _stated_year(country, kind, ctx)
    if stated:
        return stated
    scheduled = calendar_year(country, kind, reference, direction=m.when)
    return str(scheduled or reference)


def _stated_year(country: str | None, kind: str, ctx: ElectionContext) -> str | None:
    """A scheduled year the sentence states close to the phrase (`le 26 janvier 2012 -- lors de la campagne
    présidentielle`); years in a range (`(2007-2012)`, a term of office) say nothing about the vote."""
    at = len(ctx.before)
    text = _RANGE.sub(lambda m: " " * len(m.group(0)), ctx.sentence)
    found = [(abs(m.start() - at), m.group(1)) for m in _SENTENCE_YEAR.finditer(text)
             if in_calendar(country, kind, int(m.group(1))) and abs(m.start() - at) <= 60]
    return min(found)[1] if found else None


_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")


def _primary(m: ElectionMention, country: str | None, ctx: ElectionContext) -> tuple[str, ...]:
    camp = (m.camp or "").strip()
    us_camp = _US_CAMPS.get(camp.lower()) or (_sentence_camp(ctx.sentence) if m.place else None)
    if country == "United States" or (us_camp and country is None):
        if not us_camp:
            return ()  # "the Missouri primary": whose primary the sentence does not say
        kind = f"{us_camp} Party presidential primaries"
        year = m.year or _year(m, "United States", "presidential election", ctx)
        reference = int(ctx.reference[:4]) if ctx.reference and ctx.reference[:4].isdigit() else None
        if not m.year and year and reference and int(year) - reference not in (0, 1):
            return ()  # a party primary in a midterm year is a primary for Congress or a state office
        return _with_year(kind, year)
    year = _year(m, country, "primary", ctx)
    names = [f"{country} {camp} primary" if country else f"{camp} primary", f"{camp} primary",
             f"{camp} Party primary", f"{country} {camp} Party presidential primary"]
    names = [re.sub(r"\s+", " ", n).strip() for n in names if n.strip() != "primary"]
    if not names:
        return ()
    first = _with_year(names[0][:1].upper() + names[0][1:], year)
    return tuple(dict.fromkeys([*first, *names[1:]]))


_US_CAMP_WORD = re.compile(r"\b(Democrat(?:ic|s)?|Republicans?|GOP)\b")


def _sentence_camp(sentence: str) -> str | None:
    """`Republican Party voters hold the Nevada caucuses`: a state's primary whose party only its sentence
    says (one party, named once or more; none when the sentence names both)."""
    camps = {_US_CAMPS[w.lower().rstrip("s")] for w in _US_CAMP_WORD.findall(sentence)}
    return camps.pop() if len(camps) == 1 else None


def _party_words(camp: str) -> str:
    """`Labour` → `Labour Party`; a name that already says party, or an acronym, stays as it is."""
    camp = re.sub(r"['’]s$", "", camp.strip())
    if not camp or camp.isupper() or re.search(r"\b(?:Party|Union|Front|Alliance|Movement|League)\b", camp):
        return camp
    return f"{camp} Party"
