"""Is a mention a person, and what is its name: pure functions and patterns over text, no spaCy.

The statistical models split names (`London Mayor Sadiq Khan` as `Khan`), glue words to them (`Greece Vassiliki
Thanou`, `Donald] Trump`, `George W. Bush Administration`), read persons as organisations or places (`Miro
Cerar`, `Bernie Sanders`) and organisations, media and places as persons (`Al Jazeera`, `Quneitra
Governorate`). `extract.resolve` uses these tests to put each mention right.
"""

from __future__ import annotations

import re

from extract.countries import country_of
from extract.mentions import RawSpan
from extract.names import TITLES, given_names, strip_accents, strip_title

__all__ = [
    "ORG_HEAD", "HONORIFICS", "HONORIFIC_BEFORE", "TITLE_BEFORE", "SPEECH_AFTER", "NOT_PERSON_WORD", "PLACE_WORD", "SHARED_SURNAME", "SURNAME_LIST",
    "WEEKDAYS_MONTHS", "COMMON_CAPITALISED", "PERSON_APPOSITION", "PERSON_PRONOUN_AFTER", "CAPITALISED_RUN",
    "SHIP_OR_BRAND_BEFORE", "NAME_PARTICLES", "SURNAME_PARTICLES", "clean_name", "person_name", "person_like", "infinitive_first", "given_name_first",
    "person_after_place",
]

# The head word of an organisation's name: no party and no person (`European Commission`, `Supreme Court`).
ORG_HEAD = re.compile(
    r"\b(?:Commission|Committee|Council|Court|Ministry|Department|University|Agency|Bank|Office|Institute|"
    r"Foundation|Assembly|Parliament|Senate|House|Police|Army|Forces|Church|Association|Times|Post|News|"
    r"Television|Radio|Company|Corporation|Inc|Ltd|Board|Tribunal|Authority|Government|Electoral|Election|"
    r"Nations|Union|Journal|Press|Agence|Organi[sz]ation|Group|Fund|Tribune|Herald|Guardian)\b")

# Beyond the titles `strip_title` removes (`extract.names.TITLES`): words that announce a person's name.
_MORE_TITLES = frozenset({"judge", "juge", "général", "pope", "princess", "sénateur", "ministre", "according to",
                          "selon", "d'après", "d’après", "said", "dit", "says"})
# Titles only a person takes right before a surname, as written (`Mr Barclay`, `President Obama`, `le ministre
# Darmanin`): one is enough to make a lone surname a person. Not `former`, `candidate` or `said`, which
# TITLE_BEFORE also counts but which need the surname a second time.
HONORIFICS = frozenset({
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "M", "Mme", "Mlle", "Sen", "Senator", "Rep", "Gov", "Governor",
    "President", "Prime Minister", "Chancellor", "Minister", "Secretary", "Mayor", "Judge", "Pope", "King", "Queen",
    "Prince", "Princess", "Président", "Présidente", "ministre", "maire", "sénateur", "sénatrice", "député",
    "députée"})


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


HONORIFIC_BEFORE = re.compile(rf"\b(?:{_alternation(HONORIFICS)})\.?\s+$")
# A title before a bare surname, or a speech verb after it, makes it a person (`M. Bussereau`, `Raab said`)
TITLE_BEFORE = re.compile(
    rf"\b(?i:{_alternation(TITLES | _MORE_TITLES | {h.lower() for h in HONORIFICS})})\.?\s*$")
SPEECH_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:said|says|told|added|wrote|asked|argued|warned|insisted|explained|tweeted|replied|"
    r"dit|a dit|déclare|a déclaré|estime|a estimé|explique|a expliqué|affirme|a affirmé|ajoute|a ajouté|"
    r"souligne|assure|lance|écrit|répond|a répondu|confie|précise|has said|had said|who|qui|"
    r"(?:['’]s\s+)?(?:campaign|administration|camp\b|supporters|aides?|partisans|entourage|wife|husband|"
    r"running mate|spokes\w+|lawyers?|allies))", re.I)

# Words that make a "person" the model found an organisation, a medium or an award.
NOT_PERSON_WORD = re.compile(
    r"\b(?:News|Radio|Rádió|TV|Télé|Hebdo|Jazeera|Times|Post|Journal|Herald|Gazette|Tribune|Magazine|Presse|"
    r"Press|Agency|Agence|LLP|Inc|Ltd|Corp|GmbH|Group|Foundation|Fondation|Institute|Institut|University|"
    r"Université|Heart|Award|Prize|Prix|Arabia|Nova|Labs?|Emploi|Décodex|Haram|International|Holdings|Airlines|"
    r"Motors|Pharmaceuticals|Industries|Company|Raya|Mining|Resources|Energy|Petroleum|Oil|Capital|Partners|"
    r"Media|Sports|Records|Studios|Pictures|Entertainment|Obs|Observateur|Figaro|Parisien|Libération|Echos|"
    r"Nouvel|Caucus)\b")
PLACE_WORD = re.compile(
    r"\b(?:Governorate|Province|Provincia|Prefecture|Hauptbahnhof|Bahnhof|Station|Gare|Airport|Aéroport|Street|"
    r"Avenue|Boulevard|Square|Place|Bridge|Pont|County|District|Region|Région|Island|Islands|Valley|Mount|"
    r"City|Metropolis|Town|Village)\b")
# "Ferdinand and Imelda Marcos": a given name, a conjunction, and a person with the same surname.
SHARED_SURNAME = re.compile(
    r"\b(?P<given>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+(?:and|et|&)\s+"
    r"(?P<second>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?\s+(?:(?:de|da|van|von|der|del|le|la|Le|La|De)\s+)?"
    r"[A-ZÀ-Ý][\w'’-]+)")
# "MM. Dassault, Arnault, Pinault, Lagardère, Bolloré ou Drahi": surnames after the plural title.
SURNAME_LIST = re.compile(
    r"\b(?:MM\.|Messrs\.?)\s+((?:[A-ZÀ-Ý][\w'’-]+)(?:\s*(?:,|et|ou|and|or)\s*[A-ZÀ-Ý][\w'’-]+)+)")
WEEKDAYS_MONTHS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday",
                    "wednesday", "thursday", "friday", "saturday", "sunday", "janvier", "fevrier", "mars", "avril",
                    "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"}
COMMON_CAPITALISED = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "president", "party", "france", "paris", "europe", "union", "front", "state", "house", "white", "black",
    "green", "brown", "young", "king", "bush", "rice", "price", "long", "little", "love", "hope", "grace",
}
PERSON_APPOSITION = re.compile(
    r",\s+(?:an?|the|un|une|le|la)?\s*(?:(?!(?:with|in|as|while|after|before|avec|dans)\b)"
    r"[\w-]+\s+){0,3}?(?:professor|analyst|editor|spokes\w+|minister|leader|"
    r"candidate|mayor|senator|deputy|journalist|researcher|economist|advis[eo]r|director|chairman|secretary|"
    r"politician|lawmaker|MP|député|porte-parole|ministre|maire|sénateur|professeur|chercheur|politologue|"
    r"figure|activist|blogger|businessman|businesswoman|billionaire|lawyer|official|diplomat|philosopher|"
    r"sociologist|historian|writer|author|founder|president|chief|opponent|dissident|militant\w*|"
    r"écrivaine?|philosophe|sociologue|historien\w*|avocate?|opposant\w*|fondat\w+|président\w*|"
    r"journaliste|militante?|dirigeante?|élue?|secrétaire)\b",
    re.IGNORECASE)
# "Miro Cerar announces his resignation", "X said she would": a pronoun that only a person takes
PERSON_PRONOUN_AFTER = re.compile(
    r"^\s+(?:(?:has|had|will|would|is|was|also|then|later|now|again|a|est|va)\s+)?[a-z]+(?:s|ed)?\s+(?:his|her|"
    r"himself|herself|sa|son|ses)\b|^\s*,\s+(?:who|qui)\s+(?:\w+\s+){0,3}(?:his|her|he|she|il|elle)\b")

def clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().strip(".,;:!?\"'’“”«»()[]")
    if len(text.split()) > 1:
        text = re.sub(r"^(?:(?:the|The|la|La|les|Les)\s+|[lL]['’]\s*)", "", text)
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def person_name(text: str) -> str:
    """The name in a person mention: no title (`M. Fillon`), no stray markup (`Donald] Trump`, `Dammert**`), no
    acronym or country the model read into it (`FNJ Julie Apricena`, `Greece Vassiliki Thanou`), no trailing
    `Administration`."""
    text = re.split(r"\s*[\[(\\]", text)[0] or text  # "Bernard Friot \[sociologue"
    name = strip_title(clean_name(re.sub(r"\s*[\]*_|]+\s*", " ", text)))
    words = name.split()
    if len(words) >= 3 and (words[0].isupper() and len(words[0]) > 1 and not words[1].isupper()
                            or country_of(words[0], adjective=False)
                            or (strip_accents(words[0]) in _MINISTRIES and words[1] in given_names())):
        words = words[1:]
    while len(words) >= 3 and words[-1] in NOT_NAME_TAIL:
        words = words[:-1]
    # headline capitals: "Force Trump To Release", "Pro-Trump Sheriff", "As Clinton Wrapped"
    while len(words) >= 2 and (words[-1] in _HEADLINE_WORDS or words[-1] in _TITLE_TAIL):
        words = words[:-1]
    while len(words) >= 2 and words[0] in _HEADLINE_LEAD:
        words = words[1:]
    return " ".join(words) or name


_HEADLINE_WORDS = {"To", "In", "Of", "And", "The", "For", "On", "At", "By", "With", "From", "Is", "Are", "Was", "As",
                   "Says", "Said", "Vs", "Versus", "After", "Before", "Over", "Into", "Against", "Will", "Has"}
_HEADLINE_LEAD = {"To", "In", "Of", "And", "The", "For", "On", "At", "By", "With", "From", "As", "Vs", "Versus",
                  "After", "Before", "Over", "Into", "Against"}  # never a given name, unlike Will or Said
_TITLE_TAIL = {"Sheriff", "President", "Governor", "Senator", "Mayor", "Minister", "Chancellor", "Candidate"}


# "le ministre de l'Economie Bruno Le Maire": the ministry's name the model read into the person's
_MINISTRIES = {"Economie", "Interieur", "Finances", "Justice", "Defense", "Education", "Travail", "Sante",
               "Culture", "Agriculture", "Environnement", "Budget", "Ecologie", "Logement", "Transports",
               "Armees", "Industrie", "Commerce", "Emploi", "Solidarites", "Outre-mer", "Affaires"}
NOT_NAME_TAIL = {"Administration", "Foundation", "Campaign", "Doctrine", "Era", "Presidency", "Government",
                  "Cabinet", "Show", "Center", "Centre"}
NAME_PARTICLES = {"de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "del", "dos", "das",
                   "bin", "ibn", "al", "el", "y", "e", "ter", "ten", "zu", "af", "d", "l"}
# the particles that, after a person, can only continue the surname (`José Eduardo dos Santos`); `de`, `le`...
# also begin ordinary French phrases (`Anne Hidalgo de Paris`)
SURNAME_PARTICLES = frozenset({"dos", "das", "da", "do", "van", "von", "der", "del", "di", "bin", "ibn"})


def person_like(name: str) -> bool:
    """Every word capitalised but a name particle (`Pierre de Saintignon`, `Abu al-Hija`): not `Ma mère`,
    `Le roi`, `Are you`."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower().split("-")[0].split("'")[0].split("’")[0] in NAME_PARTICLES for w in words[1:])

# Two to four capitalised words in a row on one line (name particles allowed inside)
CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?:[ \t]+(?:(?:de|da|van|von|der|del|di|al|el|bin|le|la)"
    r"[ \t]+)?[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*){1,2}(?![\w'’-])")


SHIP_OR_BRAND_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")


def infinitive_first(name: str) -> bool:
    """`Délocaliser l'Elysée`: a French infinitive that starts a sentence is no given name (`Xavier` is one)."""
    first = name.split(" ", 1)[0]
    return " " in name and first.endswith(("er", "ir")) and len(first) > 5 and first not in given_names()


def given_name_first(text: str) -> bool:
    """`Miro Cerar`, `Alexei Navalny`, `Bernie Sanders`: a common given name, then one to three capitalised
    words, none of them a country, a place's, an organisation's or a party's word."""
    words = text.split()
    if not 2 <= len(words) <= 4 or words[0] not in given_names() or country_of(text) \
            or ORG_HEAD.search(text) or PLACE_WORD.search(text) or NOT_PERSON_WORD.search(text) \
            or re.search(r"\b(?:Party|Parti|Front|Movement|Alliance|League|Union|Congress|Coalition|Bloc)\b", text):
        return False
    return all((w[:1].isupper() and not w.isupper()) or w.lower() in NAME_PARTICLES for w in words[1:]) \
        and not any(country_of(w) for w in words[1:])


def person_after_place(span: RawSpan) -> RawSpan:
    """`First Minister of Scotland Nicola Sturgeon` read as the organisation `Scotland Nicola Sturgeon`: a
    place's name followed by two or three capitalised words is the place, then a person."""
    first, _, rest = span.text.partition(" ")
    words = rest.split()
    if not 2 <= len(words) <= 3 or not country_of(first, adjective=False) \
            or not all(w[:1].isupper() and w[1:].replace("-", "").isalpha() and not w.isupper() for w in words) \
            or any(w.lower() in COMMON_CAPITALISED or country_of(w) for w in words) or ORG_HEAD.search(rest):
        return span
    start = span.start + len(first) + (len(span.text) - len(first) - len(rest))
    return RawSpan(rest, start, span.end, "PERSON")
