"""Regular expressions for elections and parties, English and French, shared by the spaCy rules and resolution.

Plain `re`, no spaCy: the component that tags spans and the code that names them read the same patterns.
An election pattern's named groups say what the phrase holds (`adj` a country or a camp, `kind`, `what`, a
year, a `camp` for primaries and leadership contests, a `place` for by-elections and mayoral races, `when`
and `rel` for "last", "next year's"); a pattern with a `span` group tags only that group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.countries import COUNTRY_ADJECTIVES, ENGLISH_ADJECTIVES, US_STATES, country_of

__all__ = [
    "ELECTION_PATTERNS", "PARTY_PATTERNS", "PARTY_NOUNS", "PATTERNS_BY_LANG", "PAREN_ACRONYM_RE", "NOT_PARTIES", "COUNTRY_ADJECTIVES",
    "GUARDS", "PARTY_ADJECTIVE_RE", "PARTY_ADJECTIVE_FR_RE", "PRIMARY_SIGNAL", "CUE_BEFORE", "CUE_AFTER", "candidacy_cue", "parse_election",
    "read_election",
    "ElectionParts", "ElectionMention",
]

_YEAR = r"(?:18|19|20)\d\d"
_CAP = r"(?!(?:The|A|An|In|On|At|This|That|Last|Next|Its|His|Her|Their|Our|After|Before|During|Since|For|Of|And|But|Le|La|Les|Une?)\b)(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w'’-]|\.(?=\w))*)"
_ADJ = rf"{_CAP}(?:\s+{_CAP}){{0,2}}"
_COUNTRY_ADJ = "|".join(re.escape(a) for a in ENGLISH_ADJECTIVES)
_US_STATE = "|".join(sorted(US_STATES, key=len, reverse=True))
_KIND_EN = (r"(?i:vice[- ]presidential|presidential|general|legislative|parliamentary|federal|national|local|"
            r"municipal|regional|provincial|state|gubernatorial|senatorial|congressional|mayoral|"
            r"European Parliament|European|snap|early|midterm|mid-term|constitutional|independence|recall)")
_CAMP_EN = (r"Democratic|Republican|Socialist|Labour|Conservative|Liberal|Libertarian|Green|left-wing|right-wing|"
            r"conservative|centre-right|center-right|centre-left|center-left|opposition|party")
_CAMP_RE = re.compile(_CAMP_EN)
_WHAT_EN = (r"(?i:by-elections?|elections?|primar(?:y|ies)|run-?offs?|caucus(?:es)?|referend(?:um|a)|polls?|"
            r"race|contest|campaign|debate|bid|vote|ballot)")
# "a parliamentary vote on military action", "a national ballot over the bill": a vote on a motion, no election
_MOTION = r"(?:(?<=[Vv]ote)|(?<=[Bb]allot))\s+(?:on|over|to\s+(?!elect\b))\b"
# "the December 13 referendum", "the May 9, 2016, election": a date between the article and the word
_DATED = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
          r"\d{1,2}(?:st|nd|rd|th)?,?\s+(?:(?:19|20)\d\d,?\s+)?)?")
_WHEN_EN = (r"(?:(?P<rel>(?:next|last|this)\s+(?:year|month|week)['’]s)\s+)?"
            r"(?:(?P<when>last|previous|next|upcoming|coming|forthcoming)\s+)?")
_FR_KIND = (r"présidentielles?|législatives?|municipales?|régionales?|européennes?|départementales?|"
            r"sénatoriales?|générales?|fédérales?|cantonales?|anticipées?")
_FR_ADJ = (r"français(?:e|es)?|américaines?|allemandes?|britanniques?|italiennes?|espagnoles?|turques?|"
           r"néerlandaises?|autrichiennes?|belges?|suisses?|canadiennes?|portugaises?|grecques?|polonaises?")
_FR_WHEN = r"(?:(?P<when>prochaines?|dernières?|précédentes?|futures?)\s+)?"

_ELECTIONS_EN: tuple[re.Pattern[str], ...] = (
    # 2017 French presidential election, the last general election, next year's presidential election
    re.compile(rf"\b{_WHEN_EN}(?:(?P<y1>{_YEAR})\s+)?(?:(?P<adj>{_ADJ})\s+)?(?:(?P<camp>{_CAMP_EN})\s+(?:Party\s+)?)?"
               rf"(?P<kind>{_KIND_EN}|presidential\s+primary)\s+(?:government\s+)?(?P<what>{_WHAT_EN})\b(?!{_MOTION})(?:,?\s+(?P<y2>{_YEAR})\b)?"
               rf"(?:\s+in\s+(?:the\s+)?(?P<where>{_CAP}(?:\s+{_CAP}){{0,2}}))?"),
    # the 2016 U.S. election, Haitian elections (a country and the word election)
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?P<adj>{_COUNTRY_ADJ})\s+(?P<what>(?i:elections?))\b"),
    # left-wing primary, Democratic primaries, Republican Party nomination for President, Republican contest
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?:(?P<adj>{_ADJ})\s+)?(?P<camp>{_CAMP_EN})\s+(?:[Pp]arty\s+)?"
               rf"(?:(?i:presidential)\s+)?(?P<what>primar(?:y|ies)|caucus(?:es)?|nomination(?:\s+contest)?|"
               rf"nominating contest|contest)\b(?:\s+for\s+[Pp]resident)?(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # the Missouri primary, the Iowa caucuses (the party comes from the sentence)
    re.compile(rf"\b(?P<place>{_US_STATE})\s+(?:(?P<camp>Democratic|Republican)\s+)?"
               rf"(?P<what>(?i:primar(?:y|ies)|caucus(?:es)?))\b"),
    # the Stoke-on-Trent Central by-election
    re.compile(rf"\b(?P<place>{_CAP}(?:\s+{_CAP}){{0,3}})\s+(?P<what>(?i:by-?elections?))\b(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # UKIP leadership, Labour leadership election, UK Independence Party leadership contest
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?P<camp>{_CAP}(?:\s+{_CAP}){{0,3}})(?:['’]s)?\s+(?:[Pp]arty\s+)?"
               rf"(?P<what>leadership)(?:\s+(?:election|contest|race|bid|ballot|vote|position|challenge))?\b"
               rf"(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    # Manila mayoral candidate, Ohio gubernatorial race
    re.compile(rf"\b(?P<place>{_CAP}(?:\s+{_CAP}){{0,2}})\s+(?P<kind>mayoral|gubernatorial)"
               rf"(?:\s+(?P<what>elections?|race|contest)\b|(?=\s+(?:candidate|nominee|hopeful|bid)s?\b))"),
    # Filipino Senate candidate, the 2016 Senate race (never "the Senate vote": a bill's)
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?:(?P<adj>{_COUNTRY_ADJ})\s+)?(?P<kind>Senate|[Ss]enatorial)"
               rf"(?:\s+(?P<what>elections?|races?|contests?)\b|(?=\s+(?:candidate|nominee|hopeful|seat)s?\b))"),
    # Philippine presidential candidate, vice presidential candidate (the election of the candidacy)
    re.compile(rf"\b(?:(?P<adj>{_COUNTRY_ADJ})\s+)?(?P<kind>(?i:vice[- ]presidential|presidential))"
               rf"(?=\s+(?:candidate|nominee|hopeful|contender|frontrunner|front-runner|challenger|running mate)s?\b)"),
    # elected governor of Louisiana, re-elected President of Slovenia, elected mayor of Manila
    re.compile(rf"\b(?:re-?)?elected\s+(?:(?:for|to)\s+(?:a|an|his|her)\s+(?:\w+\s+)?(?:term|mandate)\s+)?"
               rf"(?:as\s+)?(?:the\s+)?(?:new\s+)?(?P<span>(?P<office>[Gg]overnor|[Mm]ayor|[Pp]resident|[Ll]eader|"
               rf"[Cc]hair(?:man|woman)?)\s+of\s+(?:the\s+)?(?P<place>{_CAP}(?:\s+{_CAP}){{0,3}}))"),
    # Taiwanese President-elect Tsai Ing-wen: the presidential election she has just won
    re.compile(rf"\b(?P<span>(?P<adj>{_COUNTRY_ADJ})\s+(?P<kind>President)-elect)\b"),
    # the race for the White House, a run for the presidency
    re.compile(r"\b(?:race|run|bid|battle)\s+(?:for|to)\s+(?:the\s+)?(?P<house>White House|presidency|Élysée|"
               r"Elysée|Elysee)\b"),
    # Brexit referendum, Scottish independence referendum, a constitutional referendum
    re.compile(rf"\b(?:(?P<y1>{_YEAR})\s+)?(?P<adj>{_ADJ})\s+(?P<what>referendum)\b(?:,?\s+(?P<y2>{_YEAR})\b)?"),
    re.compile(rf"\b(?i:the|a|an|this|that)\s+{_DATED}(?P<span>(?:(?P<kind>constitutional|independence|recall)\s+)?"
               r"(?P<what>referendum))\b"),
    # Swiss voters reject a proposal to scrap the licence fee: a referendum of that country
    re.compile(rf"\b(?P<span>(?P<adj>{_COUNTRY_ADJ})\s+voters\s+(?P<ballot>reject|approve|back|endorse|turn\s+down)"
               rf"(?:s|ed)?)(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:proposals?|initiatives?|amendments?|measures?|"
               rf"referendum|plan|constitution)\b|$)"),
    # party leadership election, the leadership contest (a reference to a contest named elsewhere)
    re.compile(r"\b(?:[Pp]arty\s+)?(?P<what>leadership)\s+(?:election|contest|race|ballot)\b"),
    # the run-off, the second round, the primary, this year's election, a tight race, Election Day
    re.compile(r"\b(?:(?i:the|this|that|its|a|an|upcoming|next|last)|(?:Sunday|Monday|Tuesday|Wednesday|Thursday|"
               rf"Friday|Saturday|yesterday|today|tomorrow)['’]s)\s+{_DATED}(?:year['’]s\s+)?(?:(?:tight|close)\s+)?"
               r"(?P<span>(?P<bare>(?:(?:first|second|final)[- ]round\s+)?(?i:run-?offs?)|(?:first|second|final)[- ]round|"
               r"primary(?:\s+election)?|elections?|race))\b"),
    re.compile(r"\b(?P<bare>Election Day)\b"),
    # the 2012 election, in the 2008 race: the country's vote of that year (its kind from the calendar)
    re.compile(rf"\b(?i:the|this|that|its|their|his|her)\s+(?P<span>(?P<y1>{_YEAR})\s+(?P<what>(?i:elections?|race|vote)))\b"
               r"(?!(?<=vote)\s+(?:on|over)\b)"),
    # Sunday's vote, yesterday's ballot (a weekday's vote is an election; "the vote" alone may be a bill's)
    re.compile(r"\b(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|yesterday|today|tomorrow)['’]s\s+"
               r"(?:(?:tight|close|historic|landmark)\s+)?(?P<span>(?P<bare>vote|ballot))\b"),
    # voters go to the polls, polls open: an election of the country the sentence names
    re.compile(r"\b(?P<span>(?P<bare>(?i:polls)) open|(?:go|goes|went|head|heads|headed|return|returns|returned|"
               r"going|heading)\s+to\s+the\s+(?P<bare2>polls))\b"),
)
_ELECTIONS_FR: tuple[re.Pattern[str], ...] = (
    # l'élection présidentielle française de 2017, les dernières élections régionales
    re.compile(rf"\b{_FR_WHEN}(?P<what>[ée]lections?)\s+(?P<kind>{_FR_KIND})(?:\s+(?P<adj>{_FR_ADJ}))?"
               rf"(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?", re.IGNORECASE),
    # la présidentielle (de 2017), les législatives, la prochaine présidentielle
    re.compile(rf"\b(?:[Ll]a|[Ll]es|des|aux|[Cc]ette|[Cc]es|une|sa|leur|[Dd]e)\s+(?P<span>{_FR_WHEN}(?P<kind>présidentielle|législatives|municipales|"
               rf"européennes|régionales|sénatoriales|départementales|cantonales)\b(?:\s+(?P<adj>{_FR_ADJ}))?"
               rf"(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?)"),
    # la campagne présidentielle
    re.compile(r"\b(?P<what>campagne)\s+(?P<kind>présidentielle|législative|municipale|régionale)s?\b"),
    # le scrutin présidentiel, les élections de mi-mandat américaines
    re.compile(r"\b(?P<what>scrutin)\s+(?P<kind>présidentiel|législatif|municipal|régional|européen|sénatorial)s?\b"),
    re.compile(rf"\b(?P<what>élections?)\s+(?P<kind>de\s+mi-mandat)\b(?:\s+(?P<adj>{_FR_ADJ}))?"),
    # la course à l'Élysée, la course à la Maison-Blanche
    re.compile(r"\b(?:course|campagne|marche)\s+(?:à|vers)\s+(?:la\s+|l['’])?(?P<house>Élysée|Elysée|Maison[- ]Blanche|"
               r"présidence)\b"),
    # primaire de la gauche, primaire de la droite et du centre, primaire socialiste
    re.compile(r"\b(?P<what>primaire)\s+(?P<camp>de\s+la\s+(?:gauche|droite)(?:\s+et\s+du\s+centre)?|socialiste|"
               r"citoyenne|écologiste|des\s+Républicains|du\s+PS|de\s+LR|républicaine|démocrate)\b"),
    # l'investiture républicaine (a party's nomination: its primary)
    re.compile(r"\b(?P<what>investitures?)\s+(?P<camp>républicaine|démocrate)\b"),
    re.compile(rf"\b(?P<what>référendum)\b(?!\s+d['’]initiative)(?:\s+(?P<adj>{_FR_ADJ}))?"
               rf"(?:\s+(?:de\s+)?(?P<y2>{_YEAR})\b)?"),
    # la primaire, le second tour, le scrutin, l'élection (a reference to an election named elsewhere)
    re.compile(r"\b(?:la|une|cette|sa|leur)\s+(?P<span>(?P<bare>primaire))\b"),
    re.compile(r"\b(?P<span>(?:se\s+rendent|se\s+rendaient|retournent|sont\s+appelés|étaient\s+appelés)\s+aux\s+"
               r"(?P<bare>urnes))\b"),
    re.compile(r"\b(?:le|au|du|ce)\s+(?P<span>(?P<bare>(?:premier|second|deuxième)\s+tour|scrutin))\b"),
    re.compile(r"(?:\b[lL]['’]|\bcette\s+)(?P<span>(?P<bare>élection))\b"),
    re.compile(r"\b(?:[Ll]es|aux|des|ces)\s+(?P<span>(?P<bare>élections))\b"),
)
ELECTION_PATTERNS: tuple[re.Pattern[str], ...] = _ELECTIONS_EN + _ELECTIONS_FR

_PARTY_WORD = r"Party|Front|Movement|Union|Alliance|League|Greens|Rally|Coalition|Bloc|Federation|Congress"
_FR_PARTY_ADJ = (r"français|française|européen|unifié|radical|ouvrier|anticapitaliste|populaire|démocrate|"
                 r"démocratique|républicain|écologiste|national|nationaliste|socialiste|communiste|libéral|"
                 r"conservateur|chrétien|progressiste|islamique")
_PARTY_PATTERNS: tuple[re.Pattern[str], ...] = (
    # Socialist Party, Scottish National Party, Five Star Movement, Party for Freedom
    re.compile(rf"\b(?:{_CAP}\s+){{0,4}}{_CAP}\s+(?:{_PARTY_WORD})\b"
               rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}(?:\s+(?:and|&)\s+{_CAP})?)?"),
    re.compile(rf"\b(?:{_PARTY_WORD})\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,2}}(?:\s+(?:and|&)\s+{_CAP})?"),
    # the Smer party, the Freedom and Solidarity party (a name before a lower-case "party")
    re.compile(rf"\b(?:{_CAP}\s+){{0,3}}{_CAP}\s+party\b"),
    # Parti socialiste, Front de gauche, Mouvement démocrate, Parti de l'action nationaliste
    re.compile(r"\b(?:Parti|Mouvement|Rassemblement|Front|Union|Alliance)\s+"
               r"(?:(?:(?:pour\s+l[ae]s?|de\s+la|des|du|de)\s+|d['’]\s*)"
               rf"[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ'’-]+|[A-ZÀ-Ý][a-zà-ÿ'’-]+|(?:{_FR_PARTY_ADJ})\b)(?:\s+(?:{_FR_PARTY_ADJ})\b)?"
               r"(?:\s+d['’][A-ZÀ-Ý][\wà-ÿ-]+)?"),
    # a full name right before its acronym: Parti de la justice et du développement (AKP, ...),
    # le parti de la Démocratie des peuples (HDP)
    re.compile(r"\b(?:Parti|Mouvement|Rassemblement|Union|parti(?=\s+(?:de\s+la|du|des|de\s+l['’])\s*[A-ZÀ-Ý]))"
               r"(?:\s+(?:[a-zà-ÿ'’-]+|[A-ZÀ-Ý][a-zà-ÿ'’-]+)){1,6}(?=\s*\((?:[A-ZÀ-Ý]{2,7})[,)])"),
)

# Words one of which a text must hold for a pattern to match (lower case): most texts are about no election,
# and a substring test is far cheaper than a regular expression that tries every word boundary.
_PARTY_WORDS = ("party", "front", "movement", "union", "alliance", "league", "greens", "rally", "coalition",
                "bloc", "federation", "congress")
_FR_PARTY_WORDS = ("parti", "mouvement", "rassemblement", "front", "union", "alliance")
PARTY_NOUNS = frozenset(_PARTY_WORDS + _FR_PARTY_WORDS)  # lower case: the words that make a name a party's
_FR_KIND_WORDS = ("présidentielle", "législatives", "municipales", "européennes", "régionales", "sénatoriales",
                  "départementales", "cantonales")
GUARDS: dict[re.Pattern[str], tuple[str, ...]] = dict(zip(
    _ELECTIONS_EN + _ELECTIONS_FR + _PARTY_PATTERNS,
    (("election", "primar", "run", "caucus", "referend", "poll", "race", "contest", "campaign", "debate", "bid",
      "vote", "ballot"),
     ("election",), ("primar", "caucus", "nominat", "contest"), ("primar", "caucus"),
     ("by-election", "byelection", "by election"), ("leadership",), ("mayoral", "gubernatorial"),
     ("senate", "senatorial"), ("presidential",), ("elected",), ("president-elect",),
     ("white house", "presidency", "elys"), ("referendum",), ("referendum",), ("voters",), ("leadership",),
     ("run", "round", "primary", "election", "race"), ("election day",), ("election", "race", "vote"),
     ("'s vote", "’s vote", "s ballot"),
     ("polls",),
     ("élection", "election"), _FR_KIND_WORDS, ("campagne",), ("scrutin",), ("mi-mandat",),
     ("élysée", "elysée", "maison", "présidence"), ("primaire",), ("investiture",), ("référendum",),
     ("primaire",), ("urnes",), ("tour", "scrutin"), ("élection",), ("élections",),
     _PARTY_WORDS, _PARTY_WORDS, ("party",), _FR_PARTY_WORDS, _FR_PARTY_WORDS),
    strict=True))

PARTY_PATTERNS = _PARTY_PATTERNS
# Each language's text is read with its own patterns ("Union and" is no French party in English text).
PATTERNS_BY_LANG = {
    "en": (_ELECTIONS_EN, _PARTY_PATTERNS[:3]),
    "fr": (_ELECTIONS_FR, _PARTY_PATTERNS[3:]),
}

# Names the party patterns produce that are not parties.
NOT_PARTIES = frozenset({
    "european union", "soviet union", "african union", "customs union", "union europeenne", "arab league",
    "premier league", "champions league", "europa league", "national league", "football league",
    "rugby league", "ivy league", "union jack", "nusra front", "al nusra front", "western front",
    "eastern front", "union station", "national front line", "popular mobilization", "union sacree",
    "front populaire", "union des etudiants", "rassemblement", "union de la gauche", "mouvement",
    "united states congress", "u s congress", "us congress", "american congress", "continental congress",
    "national people s congress", "world congress", "party congress", "deputy party", "third party",
    "tea party", "christmas party", "birthday party", "halloween party", "new year party", "garden party",
    "dinner party", "umbrella movement", "occupy movement", "me too movement", "civil rights movement",
    "tea party movement", "congress", "arab coalition", "saudi led coalition", "international coalition",
    "us led coalition", "global coalition", "united kingdom european union", "kurdistan workers party",
    "parti des travailleurs du kurdistan", "cfdt", "cgt", "force ouvriere", "unsa", "cfe cgc", "medef", "fnsea",
    "afl cio", "trades union congress", "dgb",
})

PAREN_ACRONYM_RE = re.compile(r"\s*\(\s*((?=[^)]*[A-ZÉ][^)]*[A-ZÉ])[A-ZÉ][A-Za-zÉ]{1,7})\s*\)")

# A party named by its adjective before a role or a person: "Labour's Gareth Snell", "Conservative leader
# Theresa May", "the Democratic nominee", "Republican Donald Trump" (the person check is the component's).
_PARTY_ADJECTIVES = (r"Democratic|Democrat|Republican|Labour|Conservative|Tory|Libertarian|Liberal Democrat|Lib Dem|"
                     r"Socialist|Green")
_ROLE_EN = (r"candidate|nominee|leader|chairman|chairwoman|chair|MP|MPs|MEP|senator|congressman|congresswoman|"
            r"governor|mayor|councillor|politician|lawmaker|hopeful|contender|challenger|frontrunner|front-runner|"
            r"rival|spokesman|spokeswoman|member|members|deputy leader|president|presidential")
PARTY_ADJECTIVE_RE = re.compile(
    rf"\b(?P<party>{_PARTY_ADJECTIVES})(?P<role>(?:['’]s)?\s+(?:(?:presidential|party|Party|vice-presidential)\s+)?"
    rf"(?:{_ROLE_EN})\b)?")

# French party adjectives and nouns after a role or an article: "le socialiste Benoît Hamon", "la candidate
# frontiste", "les socialistes", "député insoumis"
PARTY_ADJECTIVE_FR_RE = re.compile(
    r"\b(?:candidat|candidate|député|députée|sénateur|sénatrice|maire|élu|élue|ministre|militant|militante|"
    r"dirigeant|dirigeante|responsable|porte-parole|[Ll]e|[Ll]a|[Ll]es|des|aux|chez les)\s+(?P<party>socialistes?|"
    r"frontistes?|communistes?|insoumise?s?)\b")

# A sentence that speaks of choosing a party's candidate speaks of a primary, not of the general election.
PRIMARY_SIGNAL = re.compile(
    r"\b(primar(?:y|ies)|primaire|caucus(?:es)?|nomination|investiture|nominee for|"
    r"(?:select|choose|pick|decide who will be|désigner)\s+(?:the|a|its|le|la|leur|son|sa)\s+(?:\w+['’]s\s+|\w+\s+){0,3}?"
    r"(?:candidate|nominee|candidat|candidate))\b", re.IGNORECASE)

# A candidacy cue right next to a person: "presidential candidate X", "candidates X and Y", "X, the Labour
# candidate", "X announces his candidacy", "candidat X", "X est candidat".
CUE_BEFORE = re.compile(
    r"\b(candidates?|nominees?|contenders?|hopefuls?|challengers?|frontrunners?|front-runners?|candidat[es]*|"
    r"favou?rites?|tête de liste|bet|running mates?|candidacy of|candidature d[e'’]|rivals?|opponents?|"
    r"concurrent(?:e|s|es)?|competitors?|"
    # "cette polémique ferait perdre la primaire à Alain Juppé"
    r"(?:perdre|gagner|remporter|coûter)\s+(?:la|le|l['’])\s*(?:primaire|présidentielle|élection|scrutin|"
    r"second tour|premier tour)\s+à|"
    r"adversaires?|campaign (?:of|for)|campagne d[e'’]|(?:vote[rsz]?|voted|voting) (?:for|pour)|"
    r"face (?:à|au)|(?:beat|beats|defeated|defeats|battu[es]* par|l['’]emporte(?:r)? (?:sur|face à))|"
    r"qualifi[ée]e?s? (?:pour|au) (?:le )?second tour|president-elect|présidente? élue?|"
    # "voter Emmanuel Macron au second tour", "perdre contre MLP", "un duel Macron - Le Pen"
    r"(?:voter|votera|voteront|voterai|votent)(?=\s+(?-i:[A-ZÀ-Ý]))|(?:perdre|perd|perdu|gagner)\s+(?:contre|face\s+à)|"
    r"duel|face-à-face)\b"
    r"\s*(?:(?:are|were|include|including|:)\s+)?(?:(?:presidential|independent|opposition|centrist|socialiste|"
    r"frontiste|communiste|insoumise?|républicaine?|démocrate|centriste|écologiste|LR|PS|FN)\s+)?"
    r"(?:(?:(?-i:[A-ZÀ-Ý])[\w'’.-]*|and|et|or|ou|former|the|le|la|of|de|du|des|d['’]|,|[-–](?=\s)|"
    r"(?:dans|in|en)\s+(?:l['’]\s*|le\s+|la\s+|the\s+)?[\w-]+(?=\s*,))\s*)*$", re.I)
CUE_AFTER = re.compile(
    r"\s*(?:,\s*[«\"“]?\s*(?:the|a|an|le|la|l['’])?\s*(?:(?!(?:of|for|de|du|des|la|le|au|à|the)\b)[\w-]+\s+){0,3}?"
    r"(?:candidate|nominee|contender|candidat|candidate)\b(?!\s+(?:'s|’s))|"
    r"(?:['’]s\s+|\s)(?:(?:presidential|election|re-?election|White House)\s+)?campaign\b|"
    r"(?:['’]s\s+)?(?:running mate|opponent|rival|challenger)\b|"
    r"(?:defeated|beat|beats|defeats|lost to|loses to|conceded|concedes|won the (?:election|presidency|"
    r"nomination|primary|run-?off)|wins the (?:election|presidency|nomination|primary|run-?off))\b|"
    r"(?:est|a été|était|sera|serait)\s+(?:élue?|battue?|qualifiée?|investie?)\b|"
    # "X, un de ses rivaux à la primaire", "X, her main opponent"
    r",\s*(?:(?:one|l['’]un|l['’]une|un|une)\s+(?:of|de|d['’])\s*)?(?:his|her|their|ses|son|sa|leurs?)\s+"
    r"(?:main\s+|chief\s+|principaux\s+|principales?\s+)?(?:rivals?|rivaux|rivales?|opponents?|adversaires?|"
    r"challengers?|concurrent\w*)\b|"
    # "qui espère reconquérir l'Élysée", "brigue un second mandat", "is seeking re-election"
    r"(?:,?\s*qui\s+)?(?:espère|veut|compte|tente\s+de|rêve\s+de)?\s*(?:re)?conquérir\s+l['’](?:Élysée|Elysée)|"
    r"(?:,?\s*qui\s+)?brigu\w*\s+(?:un\s+(?:second|deuxième|troisième|nouveau)\s+mandat|la\s+présidence|"
    r"l['’](?:Élysée|Elysée))|(?:is|was)\s+seeking\s+(?:re-?election|a\s+(?:second|third)\s+term)|"
    r"seeks\s+(?:re-?election|a\s+(?:second|third)\s+term)|"
    r"(?:au|pour le)\s+second tour\b|"
    r"(?:,\s+)?(?:who\s+(?:is\s+)?)?(?:facing|faces)\s+(?:only|off|just|a\s+(?:run-?off|second round)|(?-i:[A-Z]))|"
    r"(?:officially\s+)?(?:announces?|announced|declares?|declared|launch\w*)\s+(?:his|her)\s+(?:candidacy|bid|campaign)|"
    r"(?:is|was|will be)\s+(?:running|the\s+\w+\s+nominee)|runs?\s+for|ran\s+for|"
    r"from\s+running\s+(?:in|for)\b|(?:again|also|now)\s+fac(?:es|ing)\s+(?:off|(?-i:[A-Z]))|"
    # "X tenait un meeting à Lyon", "X tiennent des réunions publiques": a campaign's rallies
    r",?\s*(?:de\s+nouveau\s+|à\s+nouveau\s+|déjà\s+|aussi\s+)?sur\s+les\s+rangs\b|,?\s+investie?\s+par\b|"
    r"(?:tient|tenait|tenaient|tiennent|tiendra|a\s+tenu|ont\s+tenu)\s+(?:un|son|des|ses|leurs?)\s+"
    r"(?:grands?\s+)?(?:meetings?|réunions?\s+publiques?)\b|"
    r"(?:annonce|déclare|officialise)\s+sa\s+candidature|est\s+candidate?|s['’]est\s+déclarée?\s+candidate?|"
    r"(?:the\s+)?winner\s+of|(?:,\s+)?(?:the\s+)?runner-up|"
    r"(?:in|came|comes|finished|finishes|placed|places|arrive)\s+(?:a\s+(?:distant|close)\s+)?(?:in\s+)?"
    r"(?:second|third|fourth|deuxième|troisième)(?:\s+place|\s+position)?|arrive\s+en\s+tête)", re.I)
# "a presidential runoff between BSP backed Rumen Radev, of the socialist opposition, and Tsetska Tsacheva"
RACE_BETWEEN = re.compile(r"\b(?:run-?offs?|races?|contests?|duels?|battle|round|face-off|showdown|élection|debates?|débats?|"
                          r"scrutin|tour|match)\s+(?:[\w-]+\s+){0,2}?(?:between|entre)\b[^.;:!?]{0,130}$", re.I)


# "Le candidat d'En marche !, Emmanuel Macron": the candidate of a party, then the name
CUE_OF_PARTY = re.compile(r"\b(?:candidat(?:e)?|candidate|nominee)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|"
                          r"d['’]|of\s+(?:the\s+)?)[^,.;:!?()]{1,50}[!?]?\s*,\s*$", re.I)
# "Les Républicains ont investi François Fillon", "Benoît Hamon, investi par le PS"
CUE_INVESTED = re.compile(r"\b(?:a|ont|avait|avaient)\s+investi\s+$", re.I)
# "les candidats de la droite libérale (Fillon) et du centre (Macron)": names in brackets after the cue
CUE_BRACKET = re.compile(r"\b(?:candidat\w*|candidates?|nominees?)\b(?:[^.;:!?()]|\([^()]{0,30}\)){0,80}\(\s*$",
                         re.I)
# the rest of a list of names after a person: the cue after the list is each one's (`X, Y et Z tenaient ...`)
_LIST_REST = re.compile(r"(?:\s*(?:,|\bet\b|\band\b)\s*(?:[A-ZÀ-Ý][\w'’.-]*\s*){1,4})*")


def candidacy_cue(text: str, start: int, end: int) -> bool:
    """Whether a cue next to the person mention `text[start:end]` presents them as running: `presidential
    candidate X`, `X, the Labour candidate`, `X announces his candidacy`, `a runoff between X and Y`. The one
    test behind both the candidate role (`extract.resolve`) and the candidacy relation (`extract.relations`)."""
    after = _LIST_REST.match(text, end).end()
    return bool(CUE_BEFORE.search(text[max(0, start - 80):start]) or CUE_AFTER.match(text, end)
                or (after > end and CUE_AFTER.match(text, after))
                or RACE_BETWEEN.search(text[max(0, start - 160):start])
                or CUE_BRACKET.search(text[max(0, start - 80):start])
                or CUE_OF_PARTY.search(text[max(0, start - 80):start])
                or CUE_INVESTED.search(text[max(0, start - 30):start]))


class ElectionParts(tuple):
    """(country, kind, year) of an election mention, each possibly None."""

    __slots__ = ()

    def __new__(cls, country: str | None, kind: str | None, year: str | None) -> ElectionParts:
        return super().__new__(cls, (country, kind, year))


@dataclass(frozen=True)
class ElectionMention:
    """What an election phrase says: enough to name the election with the document's context."""

    country: str | None = None
    kind: str | None = None      # "presidential election", "primary", "by-election", "leadership election", ...
    year: str | None = None
    camp: str | None = None      # a primary's or a leadership contest's party or side ("Socialist", "UKIP")
    place: str | None = None     # a by-election's constituency, a mayoral race's city, a US primary's state
    when: int = 0                # -1 "last", "dernières"; +1 "next", "prochaine"
    offset: int | None = None    # "next year's" +1, "last year's" -1, "this year's" 0
    bare: str | None = None      # "run-off", "primary", "election": a reference to an election named elsewhere


_FR_FEMININE = {"présidentiel": "présidentielle", "législatif": "législative", "municipal": "municipale",
                "régional": "régionale", "européen": "européenne", "sénatorial": "sénatoriale"}
_FR_KINDS = {"présidentielle": "presidential election", "législative": "legislative election",
             "municipale": "municipal election", "régionale": "regional election",
             "européenne": "European Parliament election", "départementale": "departmental election",
             "sénatoriale": "Senate election", "générale": "general election", "fédérale": "federal election",
             "cantonale": "cantonal election", "anticipée": "snap election"}


def parse_election(text: str) -> ElectionParts:
    """Country, kind and year of an election mention (a primary's kind names its camp).

    >>> parse_election("2017 French presidential election")
    ('French', 'presidential election', '2017')
    >>> parse_election("élection présidentielle française de 2017")
    ('French', 'presidential election', '2017')
    """
    m = read_election(text)
    kind = f"{_camp(m.camp or '')} primary".strip() if m.kind == "primary" else m.kind
    if m.bare:
        kind = None
    return ElectionParts(m.country, kind, m.year)


def read_election(text: str, lang: str | None = None) -> ElectionMention:
    """Everything an election phrase says about the election it names."""
    patterns = PATTERNS_BY_LANG[lang][0] + ELECTION_PATTERNS if lang in PATTERNS_BY_LANG else ELECTION_PATTERNS
    text = text.strip()
    for pattern in patterns:
        m = pattern.fullmatch(text) or _span_match(pattern, text) or _cue_match(pattern, text)
        if m:
            return _mention({k: v for k, v in m.groupdict().items() if v})
    return ElectionMention()


def _span_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Patterns that tag only their `span` group are matched on that group with the context they need."""
    if "span" not in pattern.groupindex:
        return None
    for prefix in ("the ", "la ", "les ", "aux ", "le ", "l'", "this ", "voters go to ", "ils se rendent aux ",
                   "elected ", "Sunday's "):
        m = pattern.fullmatch(prefix + text)
        if m and m.group("span") == text:
            return m
    return None


def _cue_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """Patterns that end on a look-ahead (`Manila mayoral` before `candidate`) are matched with the cue."""
    m = pattern.match(text + " candidate")
    return m if m and m.end() == len(text) else None


def _split_adjective(adj: str) -> tuple[str | None, str]:
    """`French Socialist Party` → (`French`, `Socialist`): a country adjective before a party or camp."""
    words = adj.split()
    for n in (2, 1):
        if len(words) > n:
            country = country_of(" ".join(words[:n]), name=False)
            if country:
                rest = [w for w in words[n:] if w != "Party"]
                return country, " ".join(rest)
    return None, adj


def _mention(groups: dict[str, str]) -> ElectionMention:
    adj, camp = groups.get("adj", "").strip(), groups.get("camp", "").strip()
    country = country_of(adj) if adj else None
    if not country and groups.get("where"):
        country = country_of(groups["where"])
    if adj and not country and " " in adj:
        country, rest = _split_adjective(adj)
        if country and not camp:
            camp = rest
    place = groups.get("place")
    if adj and not country and not camp and _CAMP_RE.fullmatch(adj):
        camp = adj  # "Democratic presidential primaries": the camp, not a country
    elif adj and not country and groups.get("kind", "").lower() in ("mayoral", "gubernatorial"):
        place = adj
    elif adj and not country and not camp and groups.get("kind", "").lower() in ("general", "provincial", "state",
                                                                                "legislative", "regional"):
        place = adj  # "Alberta general election": a province's, if the sentence says so (`extract.elections`)
    kind, bare = _kind(groups)
    house = (groups.get("house") or "").lower().replace("-", " ")
    if house:  # "the race for the White House": that country's presidential election
        kind = "presidential election"
        country = {"white house": "United States", "maison blanche": "United States", "élysée": "French",
                   "elysée": "French", "elysee": "French"}.get(house, country)
    office = groups.get("office", "").lower()
    if office and re.search(r"\b(?:Party|Union|Front|Congress|Alliance|Movement|League|Rally)$", groups.get("place", "")):
        # "elected for a third term as president of the Liberal Democratic Party": the party's leadership vote
        return ElectionMention(kind="leadership election", camp=groups["place"])
    if office in ("leader", "chair", "chairman", "chairwoman"):
        return ElectionMention()
    if office:  # "elected governor of Louisiana": that place's election for the office
        kind = {"governor": "gubernatorial election", "mayor": "mayoral election"}.get(office, "presidential election")
        if office == "governor" and groups.get("place") not in US_STATES:
            return ElectionMention()  # "Governor of the Bank of England"
        if office == "president":
            where = groups.get("place", "")
            country, place = country_of(where) or country_of(where.split()[0], name=False), None
            if country is None:
                return ElectionMention()
    if kind == "primary" and camp:
        camp = _camp(camp)
    year = groups.get("y1") or groups.get("y2")
    return ElectionMention(country=country, kind=kind, year=year, camp=camp or None, place=place,
                           when=_when(groups.get("when", "")), offset=_offset(groups.get("rel", "")), bare=bare)


def _kind(groups: dict[str, str]) -> tuple[str | None, str | None]:
    """(kind, bare): the normalised kind of election, or which kind of bare reference the phrase is."""
    what, kind, bare = groups.get("what", "").lower(), groups.get("kind", "").lower(), groups.get("bare", "")
    if groups.get("bare2") or bare.lower() in ("polls", "urnes"):
        return None, "polls"
    if bare:
        return None, "primary" if bare.lower().startswith(("primar", "primaire")) else bare.lower()
    if what == "leadership":
        return ("leadership election", None) if groups.get("camp") else (None, "leadership")
    if what.startswith(("by-election", "byelection", "by election")):
        return ("by-election", None) if groups.get("place") else (None, "by-election")
    if kind == "de mi-mandat":
        return "midterm election", None
    if kind:
        fr = _FR_KINDS.get(kind.rstrip("s")) or _FR_KINDS.get(_FR_FEMININE.get(kind.rstrip("s"), ""))
        if fr:
            return fr, None
    if what.startswith(("primar", "primaire", "caucus", "nomination", "nominating", "investiture")) or \
            "primary" in kind or (what == "contest" and groups.get("camp")):
        return "primary", None
    if kind in ("independence", "constitutional") and not what.startswith(("referend", "référendum")):
        return f"{kind} referendum", None  # "an independence vote": a referendum
    if what.startswith(("referend", "référendum")) or groups.get("ballot"):
        qualifier = kind if kind in ("constitutional", "independence", "recall") else ""
        return f"{qualifier} referendum".strip(), None
    if kind:
        kind = re.sub(r"[\s-]+", " ", kind).replace("mid term", "midterm")
        kind = {"european": "european parliament", "early": "snap", "national": "general",
                "president": "presidential", "senatorial": "Senate", "senate": "Senate"}.get(kind, kind)
        kind = "European Parliament" if kind == "european parliament" else kind
        return f"{kind} election", None
    return ("election", None) if what else (None, None)


def _when(word: str) -> int:
    word = word.lower()
    if word.startswith(("last", "previous", "dernière", "précédente")):
        return -1
    return 1 if word.startswith(("next", "upcoming", "coming", "forthcoming", "prochaine", "future")) else 0


def _offset(rel: str) -> int | None:
    if not rel:
        return None
    if "year" not in rel:
        return 0
    return {"next": 1, "last": -1}.get(rel.split()[0].lower(), 0)


def _camp(camp: str) -> str:
    camp = re.sub(r"\s+", " ", camp)
    return {"de la gauche": "left-wing", "de la droite": "right-wing", "de la droite et du centre": "right-wing",
            "socialiste": "Socialist", "du PS": "Socialist", "des Républicains": "Republican",
            "de LR": "Republican", "républicaine": "Republican", "démocrate": "Democratic",
            "party": ""}.get(camp, camp)
