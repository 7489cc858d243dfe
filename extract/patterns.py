"""Regular expressions for elections and parties, English and French, shared by the spaCy rules and resolution.

Plain `re`, no spaCy: the component that tags spans and the code that names them read the same patterns.
"""

from __future__ import annotations

import re

__all__ = [
    "ELECTION_PATTERNS", "PARTY_PATTERNS", "PATTERNS_BY_LANG", "PAREN_ACRONYM_RE", "NOT_PARTIES", "COUNTRY_ADJECTIVES",
    "parse_election", "ElectionParts",
]

_YEAR = r"(?:18|19|20)\d\d"
_CAP = r"(?!(?:The|A|An|In|On|At|This|That|Last|Next|Its|His|Her|Their|Our|After|Before|During|Since|For|Of|And|But|Le|La|Les|Une?)\b)(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w'’-]|\.(?=\w))*)"
_ADJ = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"
_KIND_EN = (r"presidential|general|legislative|parliamentary|federal|national|local|municipal|regional|"
            r"provincial|state|gubernatorial|senatorial|congressional|mayoral|European Parliament|European|"
            r"snap|early|midterm|mid-term|leadership|constitutional|independence|recall")
_CAMP_EN = (r"Democratic|Republican|Socialist|Labour|Conservative|Liberal|Green|left-wing|right-wing|"
            r"conservative|centre-right|center-right|centre-left|center-left|opposition|party")
_CAMP_RE = re.compile(_CAMP_EN)
_WHAT_EN = r"by-elections?|elections?|primar(?:y|ies)|run-?offs?|caucus(?:es)?|referend(?:um|a)|polls?"
_FR_KIND = (r"présidentielles?|législatives?|municipales?|régionales?|européennes?|départementales?|"
            r"sénatoriales?|générales?|fédérales?|cantonales?|anticipées?")
_FR_ADJ = (r"français(?:e|es)?|américaines?|allemandes?|britanniques?|italiennes?|espagnoles?|"
           r"néerlandaises?|autrichiennes?|belges?|suisses?|canadiennes?|portugaises?|grecques?|polonaises?")

ELECTION_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2017 French presidential election, French presidential election, 2017, U.S. Senate election
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?:(?P<adj>{_ADJ})\s+)?(?:(?P<camp>{_CAMP_EN})\s+(?:Party\s+)?)?"
               rf"(?P<kind>{_KIND_EN}|presidential\s+primary)\s+(?P<what>{_WHAT_EN})\b(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # left-wing primary, Democratic primaries, Conservative leadership election
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?:(?P<adj>{_ADJ})\s+)?(?P<camp>{_CAMP_EN})\s+(?:Party\s+)?"
               rf"(?P<what>primar(?:y|ies)|caucus(?:es)?|nomination contest)\b(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # Brexit referendum, Scottish independence referendum
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?P<adj>{_ADJ})\s+(?P<what>referendum)\b(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # l'élection présidentielle française de 2017, élections législatives
    re.compile(rf"\b(?P<what>[ée]lections?)\s+(?P<kind>{_FR_KIND})(?:\s+(?P<adj>{_FR_ADJ}))?"
               rf"(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?", re.IGNORECASE),
    # la présidentielle (de 2017), les législatives
    re.compile(rf"\b(?:la|les|des|aux|la\s+prochaine)\s+(?P<kind>présidentielle|législatives|municipales|"
               rf"européennes|régionales|sénatoriales)\b(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?"),
    # primaire de la gauche, primaire de la droite et du centre, primaire socialiste
    re.compile(r"\b(?P<what>primaire)\s+(?P<camp>de\s+la\s+(?:gauche|droite)(?:\s+et\s+du\s+centre)?|socialiste|"
               r"citoyenne|écologiste|des\s+Républicains|du\s+PS|de\s+LR)\b"),
    re.compile(rf"\b(?P<what>référendum)\b(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?"),
)

_PARTY_WORD = r"Party|Front|Movement|Union|Alliance|League|Greens|Rally|Coalition|Bloc|Federation|National Congress"
_PARTY_PATTERNS: tuple[re.Pattern[str], ...] = (
    # Socialist Party, Scottish National Party, Five Star Movement, Party for Freedom
    re.compile(rf"\b(?:{_CAP}\s+){{0,4}}{_CAP}\s+(?:{_PARTY_WORD})\b(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}"
               rf"(?:\s+(?:and|&)\s+{_CAP})?)?"),
    re.compile(rf"\b(?:{_PARTY_WORD})\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}(?:\s+(?:and|&)\s+{_CAP})?"),
    # Parti socialiste, Front de gauche, Mouvement démocrate, Parti communiste français
    re.compile(r"\b(?:Parti|Mouvement|Rassemblement|Front|Union|Alliance)\s+(?:(?:pour\s+l[ae]s?|de\s+la|des|du|de|d['’])\s*)?"
               r"(?:[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ'’-]+)(?:\s+(?:français|française|européen|unifié|radical|ouvrier|"
               r"anticapitaliste|populaire|démocrate|républicain|écologiste|national|socialiste)\b)?"
               r"(?:\s+d['’][A-ZÀ-Ý][\wà-ÿ-]+)?"),
)

PARTY_PATTERNS = _PARTY_PATTERNS
# Each language's text is read with its own patterns ("Union and" is no French party in English text).
PATTERNS_BY_LANG = {
    "en": (ELECTION_PATTERNS[:3], _PARTY_PATTERNS[:2]),
    "fr": (ELECTION_PATTERNS[3:], _PARTY_PATTERNS[2:]),
}

# Names the party patterns produce that are not parties.
NOT_PARTIES = frozenset({
    "european union", "soviet union", "african union", "customs union", "union europeenne", "arab league",
    "premier league", "champions league", "europa league", "national league", "football league",
    "rugby league", "ivy league", "union jack", "nusra front", "al nusra front", "western front",
    "eastern front", "union station", "national front line", "popular mobilization", "union sacree",
    "front populaire", "union des etudiants", "rassemblement", "union de la gauche", "mouvement",
})

PAREN_ACRONYM_RE = re.compile(r"\s*\(\s*((?=[^)]*[A-ZÉ][^)]*[A-ZÉ])[A-ZÉ][A-Za-zÉ]{1,7})\s*\)")

COUNTRY_ADJECTIVES = {
    "french": "French", "france": "French", "francaise": "French", "francais": "French",
    "francaises": "French", "american": "United States", "u.s.": "United States", "us": "United States",
    "united states": "United States", "americaine": "United States", "americaines": "United States",
    "british": "United Kingdom", "uk": "United Kingdom", "u.k.": "United Kingdom", "britannique": "United Kingdom",
    "german": "German", "allemande": "German", "germany": "German", "dutch": "Dutch", "neerlandaise": "Dutch",
    "austrian": "Austrian", "autrichienne": "Austrian", "italian": "Italian", "italienne": "Italian",
    "spanish": "Spanish", "espagnole": "Spanish", "greek": "Greek", "portuguese": "Portuguese",
    "polish": "Polish", "canadian": "Canadian", "australian": "Australian", "irish": "Irish",
    "scottish": "Scottish", "belgian": "Belgian", "belge": "Belgian", "swiss": "Swiss", "suisse": "Swiss",
    "danish": "Danish", "swedish": "Swedish", "norwegian": "Norwegian", "finnish": "Finnish",
    "russian": "Russian", "turkish": "Turkish", "brazilian": "Brazilian", "mexican": "Mexican",
    "argentine": "Argentine", "indian": "Indian", "japanese": "Japanese", "israeli": "Israeli",
    "philippine": "Philippine", "nigerian": "Nigerian", "kenyan": "Kenyan", "south african": "South African",
    "venezuelan": "Venezuelan", "colombian": "Colombian", "peruvian": "Peruvian", "chilean": "Chilean",
    "hungarian": "Hungarian", "czech": "Czech", "romanian": "Romanian", "bulgarian": "Bulgarian",
    "croatian": "Croatian", "serbian": "Serbian", "ukrainian": "Ukrainian", "iranian": "Iranian",
    "taiwanese": "Taiwanese", "south korean": "South Korean", "new zealand": "New Zealand",
}


class ElectionParts(tuple):
    """(country, kind, year) of an election mention, each possibly None."""

    __slots__ = ()

    def __new__(cls, country: str | None, kind: str | None, year: str | None) -> ElectionParts:
        return super().__new__(cls, (country, kind, year))


_FR_KINDS = {"présidentielle": "presidential election", "législative": "legislative election",
             "municipale": "municipal election", "régionale": "regional election",
             "européenne": "European Parliament election", "départementale": "departmental election",
             "sénatoriale": "Senate election", "générale": "general election", "fédérale": "federal election",
             "cantonale": "cantonal election", "anticipée": "snap election"}


def parse_election(text: str) -> ElectionParts:
    """Country, kind and year of an election mention, for naming it canonically.

    >>> parse_election("2017 French presidential election")
    ('French', 'presidential election', '2017')
    >>> parse_election("élection présidentielle française de 2017")
    ('French', 'presidential election', '2017')
    """
    for pattern in ELECTION_PATTERNS:
        m = pattern.fullmatch(text.strip())
        if m:
            return _parts(m.groupdict())
    return ElectionParts(None, None, None)


def _parts(groups: dict[str, str | None]) -> ElectionParts:
    adj = (groups.get("adj") or "").strip()
    country = COUNTRY_ADJECTIVES.get(_ascii(adj).lower()) if adj else None
    if adj and not country and not groups.get("camp") and _CAMP_RE.fullmatch(adj):
        groups = {**groups, "camp": adj}  # "Democratic presidential primaries": the camp, not a country
    year = groups.get("y1") or groups.get("y2")
    return ElectionParts(country, _kind(groups), year)


def _kind(groups: dict[str, str | None]) -> str | None:
    what = (groups.get("what") or "").lower()
    kind = (groups.get("kind") or "").lower()
    camp = (groups.get("camp") or "").strip()
    if kind:
        fr = _FR_KINDS.get(kind.rstrip("s"))
        if fr:
            return fr
    if what.startswith(("primar", "primaire", "caucus", "nomination")):
        return f"{_camp(camp)} primary".strip()
    if what.startswith(("referend", "référendum")):
        return "referendum"
    if kind:
        return f"{kind} election"
    return "election" if what else None


def _camp(camp: str) -> str:
    camp = re.sub(r"\s+", " ", camp)
    return {"de la gauche": "left-wing", "de la droite": "right-wing", "de la droite et du centre": "right-wing",
            "socialiste": "Socialist", "du PS": "Socialist", "des Républicains": "Republican",
            "de LR": "Republican"}.get(camp, camp)


def _ascii(text: str) -> str:
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
