"""Countries for naming elections: demonyms, country names (English and French), US states, each country's
word for its national parliamentary election, and the fixed calendars of a few elections.

Plain data and small lookups, no spaCy. Elections are named in Wikipedia's older style
(`French presidential election, 2017`, `United Kingdom general election, 2017`), so the country part is the
demonym Wikipedia uses (`United Kingdom`, `United States` and `New Zealand` are used as they are).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = [
    "COUNTRY_ADJECTIVES", "COUNTRY_NAMES", "US_STATES", "country_of", "parliament_kind", "calendar_year",
    "fold_key", "in_calendar", "ENGLISH_ADJECTIVES", "demonym_of_code", "twice_in_year",
]

# demonym -> the country part of an election name
_DEMONYMS = (
    "French German Dutch Austrian Italian Spanish Greek Portuguese Polish Canadian Australian Irish Scottish "
    "Welsh Belgian Swiss Danish Swedish Norwegian Finnish Icelandic Russian Turkish Brazilian Mexican Argentine "
    "Indian Japanese Israeli Philippine Nigerian Kenyan Venezuelan Colombian Peruvian Chilean Bolivian "
    "Ecuadorian Uruguayan Paraguayan Hungarian Czech Slovak Slovenian Romanian Bulgarian Croatian Serbian "
    "Bosnian Montenegrin Albanian Macedonian Ukrainian Belarusian Moldovan Georgian Armenian Azerbaijani "
    "Estonian Latvian Lithuanian Cypriot Maltese Luxembourgish Iranian Iraqi Syrian Lebanese Jordanian Egyptian "
    "Libyan Tunisian Algerian Moroccan Sudanese Ethiopian Somali Ugandan Tanzanian Rwandan Burundian Congolese "
    "Ghanaian Ivorian Senegalese Malian Guinean Cameroonian Gabonese Zimbabwean Zambian Malawian Mozambican "
    "Angolan Namibian Botswanan Malagasy Saudi Emirati Qatari Kuwaiti Bahraini Omani Yemeni Palestinian "
    "Pakistani Afghan Bangladeshi Nepalese Sri\u00a0Lankan Burmese Thai "
    "Cambodian Vietnamese Malaysian Singaporean Indonesian Chinese Taiwanese Mongolian Haitian Cuban Jamaican "
    "Guatemalan Honduran Salvadoran Nicaraguan Panamanian Dominican Kazakh Uzbek Kyrgyz Tajik Turkmen "
    "Catalan Bavarian Quebec Kosovan Gambian Liberian Togolese Beninese Nigerien Burkinabe Chadian Eritrean "
    "Djiboutian Mauritian Seychellois Comorian Malawian Lao Bruneian Fijian Samoan Tongan Barbadian Bahamian "
    "Belizean Guyanese Surinamese Monegasque Andorran Maldivian Bhutanese Trinidadian Mauritanian Lesotho "
    "Swazi Kazakhstani Turkmen Bissau-Guinean Liechtenstein Grenadian Palauan Vanuatuan Tuvaluan Nauruan"
).replace("\u00a0", " ")

# country name (English or French) -> demonym
_NAMES = {
    # smaller states the first tables missed (session four: "Equatorial Guinean voters go to the polls")
    "Equatorial Guinea": "Equatorial Guinean", "Guinée équatoriale": "Equatorial Guinean",
    "Cape Verde": "Cape Verdean", "Cabo Verde": "Cape Verdean", "Cap-Vert": "Cape Verdean",
    "Guinea-Bissau": "Bissau-Guinean", "Guinée-Bissau": "Bissau-Guinean", "Andorra": "Andorran",
    "Andorre": "Andorran", "Brunei": "Bruneian", "Seychelles": "Seychellois", "Comoros": "Comorian",
    "Comores": "Comorian", "Eswatini": "Swazi", "Swaziland": "Swazi", "Lesotho": "Lesotho",
    "Liechtenstein": "Liechtenstein", "Grenada": "Grenadian", "Saint Lucia": "Saint Lucian", "Palau": "Palauan",
    "Vanuatu": "Vanuatuan", "Tuvalu": "Tuvaluan", "Nauru": "Nauruan",
    "France": "French", "Germany": "German", "Allemagne": "German", "Netherlands": "Dutch", "Pays-Bas": "Dutch",
    "Holland": "Dutch", "Austria": "Austrian", "Autriche": "Austrian", "Italy": "Italian", "Italie": "Italian",
    "Spain": "Spanish", "Espagne": "Spanish", "Greece": "Greek", "Grèce": "Greek", "Portugal": "Portuguese",
    "Poland": "Polish", "Pologne": "Polish", "Canada": "Canadian", "Australia": "Australian",
    "Australie": "Australian", "Ireland": "Irish", "Irlande": "Irish", "Scotland": "Scottish",
    "Écosse": "Scottish", "Wales": "Welsh", "Belgium": "Belgian", "Belgique": "Belgian", "Switzerland": "Swiss",
    "Suisse": "Swiss", "Denmark": "Danish", "Danemark": "Danish", "Sweden": "Swedish", "Suède": "Swedish",
    "Norway": "Norwegian", "Norvège": "Norwegian", "Finland": "Finnish", "Finlande": "Finnish",
    "Iceland": "Icelandic", "Islande": "Icelandic", "Russia": "Russian", "Russie": "Russian",
    "Turkey": "Turkish", "Turquie": "Turkish", "Brazil": "Brazilian", "Brésil": "Brazilian",
    "Mexico": "Mexican", "Mexique": "Mexican", "Argentina": "Argentine", "Argentine": "Argentine",
    "India": "Indian", "Inde": "Indian", "Japan": "Japanese", "Japon": "Japanese", "Israel": "Israeli",
    "Israël": "Israeli", "Philippines": "Philippine", "Nigeria": "Nigerian", "Nigéria": "Nigerian",
    "Kenya": "Kenyan", "Venezuela": "Venezuelan", "Colombia": "Colombian", "Colombie": "Colombian",
    "Peru": "Peruvian", "Pérou": "Peruvian", "Chile": "Chilean", "Chili": "Chilean", "Bolivia": "Bolivian",
    "Bolivie": "Bolivian", "Ecuador": "Ecuadorian", "Équateur": "Ecuadorian", "Uruguay": "Uruguayan",
    "Paraguay": "Paraguayan", "Hungary": "Hungarian", "Hongrie": "Hungarian", "Czech Republic": "Czech",
    "République tchèque": "Czech", "Slovakia": "Slovak", "Slovaquie": "Slovak", "Slovenia": "Slovenian",
    "Slovénie": "Slovenian", "Romania": "Romanian", "Roumanie": "Romanian", "Bulgaria": "Bulgarian",
    "Bulgarie": "Bulgarian", "Croatia": "Croatian", "Croatie": "Croatian", "Serbia": "Serbian",
    "Serbie": "Serbian", "Ukraine": "Ukrainian", "Belarus": "Belarusian", "Biélorussie": "Belarusian",
    "Moldova": "Moldovan", "Moldavie": "Moldovan", "Georgia": "Georgian", "Géorgie": "Georgian",
    "Armenia": "Armenian", "Arménie": "Armenian", "Estonia": "Estonian", "Estonie": "Estonian",
    "Latvia": "Latvian", "Lettonie": "Latvian", "Lithuania": "Lithuanian", "Lituanie": "Lithuanian",
    "Cyprus": "Cypriot", "Chypre": "Cypriot", "Iran": "Iranian", "Iraq": "Iraqi", "Irak": "Iraqi",
    "Syria": "Syrian", "Syrie": "Syrian", "Lebanon": "Lebanese", "Liban": "Lebanese", "Egypt": "Egyptian",
    "Égypte": "Egyptian", "Tunisia": "Tunisian", "Tunisie": "Tunisian", "Algeria": "Algerian",
    "Algérie": "Algerian", "Morocco": "Moroccan", "Maroc": "Moroccan", "Ethiopia": "Ethiopian",
    "Éthiopie": "Ethiopian", "Uganda": "Ugandan", "Ouganda": "Ugandan", "Tanzania": "Tanzanian",
    "Tanzanie": "Tanzanian", "Rwanda": "Rwandan", "Burundi": "Burundian", "Ghana": "Ghanaian",
    "Senegal": "Senegalese", "Sénégal": "Senegalese", "Mali": "Malian", "Cameroon": "Cameroonian",
    "Cameroun": "Cameroonian", "Gabon": "Gabonese", "Zimbabwe": "Zimbabwean", "Zambia": "Zambian",
    "Zambie": "Zambian", "Pakistan": "Pakistani", "Afghanistan": "Afghan", "Bangladesh": "Bangladeshi",
    "Nepal": "Nepalese", "Népal": "Nepalese", "Sri Lanka": "Sri Lankan", "Myanmar": "Burmese",
    "Thailand": "Thai", "Thaïlande": "Thai", "Cambodia": "Cambodian", "Cambodge": "Cambodian",
    "Vietnam": "Vietnamese", "Malaysia": "Malaysian", "Malaisie": "Malaysian", "Singapore": "Singaporean",
    "Indonesia": "Indonesian", "Indonésie": "Indonesian", "China": "Chinese", "Chine": "Chinese",
    "Taiwan": "Taiwanese", "Taïwan": "Taiwanese", "Mongolia": "Mongolian", "Haiti": "Haitian",
    "Haïti": "Haitian", "Cuba": "Cuban", "Jamaica": "Jamaican", "Guatemala": "Guatemalan",
    "Honduras": "Honduran", "Nicaragua": "Nicaraguan", "Panama": "Panamanian", "Kazakhstan": "Kazakh",
    "Uzbekistan": "Uzbek", "Catalonia": "Catalan", "Catalogne": "Catalan", "Bavaria": "Bavarian",
    "Quebec": "Quebec", "Québec": "Quebec", "Somalia": "Somali", "Sudan": "Sudanese", "Soudan": "Sudanese",
    "Libya": "Libyan", "Libye": "Libyan", "Mozambique": "Mozambican", "Angola": "Angolan",
    "Namibia": "Namibian", "Namibie": "Namibian", "Botswana": "Botswanan", "Madagascar": "Malagasy",
    "South Africa": "South African", "Afrique du Sud": "South African", "South Korea": "South Korean",
    "Corée du Sud": "South Korean", "New Zealand": "New Zealand", "Nouvelle-Zélande": "New Zealand",
    "United States": "United States", "United States of America": "United States", "USA": "United States",
    "U.S.": "United States", "U.S.A.": "United States", "US": "United States", "America": "United States",
    "États-Unis": "United States", "Etats-Unis": "United States", "Amérique": "United States",
    "United Kingdom": "United Kingdom", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "England": "United Kingdom",
    "Royaume-Uni": "United Kingdom", "Grande-Bretagne": "United Kingdom", "Angleterre": "United Kingdom",
    "Gambia": "Gambian", "The Gambia": "Gambian", "Gambie": "Gambian", "Guinea": "Guinean", "Guinée": "Guinean",
    "Liberia": "Liberian", "Sierra Leone": "Sierra Leonean", "Togo": "Togolese", "Benin": "Beninese",
    "Bénin": "Beninese", "Niger": "Nigerien", "Burkina Faso": "Burkinabe", "Chad": "Chadian", "Tchad": "Chadian",
    "Central African Republic": "Central African", "Centrafrique": "Central African", "Eritrea": "Eritrean",
    "Djibouti": "Djiboutian", "South Sudan": "South Sudanese", "Mauritius": "Mauritian", "Maurice": "Mauritian",
    "Mauritania": "Mauritanian", "Mauritanie": "Mauritanian", "Malawi": "Malawian", "Kyrgyzstan": "Kyrgyz",
    "Tajikistan": "Tajik", "Turkmenistan": "Turkmen", "Azerbaijan": "Azerbaijani", "Laos": "Lao",
    "East Timor": "East Timorese", "Papua New Guinea": "Papua New Guinean", "Fiji": "Fijian", "Samoa": "Samoan",
    "Costa Rica": "Costa Rican", "El Salvador": "Salvadoran", "Trinidad and Tobago": "Trinidad and Tobago",
    "Barbados": "Barbadian", "Bahamas": "Bahamian", "Belize": "Belizean", "Guyana": "Guyanese",
    "Suriname": "Surinamese", "Luxembourg": "Luxembourgish", "Malta": "Maltese", "Monaco": "Monegasque",
    "Montenegro": "Montenegrin", "Macedonia": "Macedonian", "North Macedonia": "Macedonian",
    "Albania": "Albanian", "Albanie": "Albanian", "Bosnia and Herzegovina": "Bosnian", "Bosnia": "Bosnian",
    "Bahrain": "Bahraini", "Oman": "Omani", "United Arab Emirates": "Emirati", "Jordan": "Jordanian",
    "Jordanie": "Jordanian", "Maldives": "Maldivian", "Bhutan": "Bhutanese", "North Korea": "North Korean",
    "Zimbabwe": "Zimbabwean", "Sri Lanka": "Sri Lankan", "Congo": "Congolese", "Republic of the Congo": "Congolese",
    "Saudi Arabia": "Saudi", "Kosovo": "Kosovan", "French Polynesia": "French Polynesian",
    "Polynésie française": "French Polynesian", "New Caledonia": "New Caledonian",
    "Nouvelle-Calédonie": "New Caledonian", "Arabie saoudite": "Saudi", "Yemen": "Yemeni", "Yémen": "Yemeni",
    "Palestine": "Palestinian", "Qatar": "Qatari", "Kuwait": "Kuwaiti", "Koweït": "Kuwaiti",
    "Côte d'Ivoire": "Ivorian", "Ivory Coast": "Ivorian", "Democratic Republic of the Congo": "Congolese",
    "République démocratique du Congo": "Congolese", "Dominican Republic": "Dominican", "RDC": "Congolese",
    "DRC": "Congolese", "RD Congo": "Congolese", "DR Congo": "Congolese",
}
_EXTRA_ADJECTIVES = {
    "American": "United States", "U.S.": "United States", "US": "United States", "British": "United Kingdom",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "English": "United Kingdom", "Filipino": "Philippine",
    "Kurdish": None, "Saudi Arabian": "Saudi", "South African": "South African", "South Korean": "South Korean",
    "Korean": "South Korean",
    "New Zealand": "New Zealand", "Sri Lankan": "Sri Lankan", "Ivorian": "Ivorian", "Congolese": "Congolese",
    # French adjectives (any gender and number fold to the same key once the final e/s are dropped)
    "français": "French", "allemand": "German", "néerlandais": "Dutch", "autrichien": "Austrian",
    "italien": "Italian", "espagnol": "Spanish", "grec": "Greek", "grecque": "Greek", "portugais": "Portuguese",
    "polonais": "Polish", "canadien": "Canadian", "australien": "Australian", "irlandais": "Irish",
    "belge": "Belgian", "suisse": "Swiss", "danois": "Danish", "suédois": "Swedish", "norvégien": "Norwegian",
    "finlandais": "Finnish", "russe": "Russian", "turc": "Turkish", "turque": "Turkish", "brésilien": "Brazilian",
    "mexicain": "Mexican", "argentin": "Argentine", "indien": "Indian", "japonais": "Japanese",
    "israélien": "Israeli", "philippin": "Philippine", "nigérian": "Nigerian", "kényan": "Kenyan",
    "vénézuélien": "Venezuelan", "colombien": "Colombian", "péruvien": "Peruvian", "chilien": "Chilean",
    "hongrois": "Hungarian", "tchèque": "Czech", "roumain": "Romanian", "bulgare": "Bulgarian",
    "croate": "Croatian", "serbe": "Serbian", "ukrainien": "Ukrainian", "géorgien": "Georgian",
    "iranien": "Iranian", "irakien": "Iraqi", "égyptien": "Egyptian", "tunisien": "Tunisian",
    "algérien": "Algerian", "marocain": "Moroccan", "burundais": "Burundian", "rwandais": "Rwandan",
    "ivoirien": "Ivorian", "sénégalais": "Senegalese", "malien": "Malian", "camerounais": "Cameroonian",
    "gabonais": "Gabonese", "congolais": "Congolese", "catalan": "Catalan", "américain": "United States",
    "britannique": "United Kingdom", "anglais": "United Kingdom", "écossais": "Scottish",
    "sud-africain": "South African", "chinois": "Chinese", "taïwanais": "Taiwanese",
}
US_STATES = frozenset((
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming"
).split() + ["New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
             "Rhode Island", "South Carolina", "South Dakota", "West Virginia"])


def fold_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key (`États-Unis` → `etats unis`)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _adjective_keys() -> dict[str, str]:
    out: dict[str, str] = {}
    for demonym in _DEMONYMS.split():
        out[fold_key(demonym)] = demonym
    for adjective, country in _EXTRA_ADJECTIVES.items():
        if country:
            out[fold_key(adjective)] = country
    out.update({fold_key(k): v for k, v in _MULTIWORD.items()})
    return out


_MULTIWORD = {"Sierra Leonean": "Sierra Leonean", "Central African": "Central African",
              "South Sudanese": "South Sudanese", "East Timorese": "East Timorese",
              "Costa Rican": "Costa Rican", "Papua New Guinean": "Papua New Guinean",
              "North Korean": "North Korean", "Saudi Arabian": "Saudi",
              "French Polynesian": "French Polynesian", "New Caledonian": "New Caledonian",
              "Sri Lankan": "Sri Lankan", "South African": "South African", "South Korean": "South Korean",
              "New Zealand": "New Zealand", "United States": "United States",
              "United Kingdom": "United Kingdom", "Equatorial Guinean": "Equatorial Guinean",
              "Cape Verdean": "Cape Verdean", "Saint Lucian": "Saint Lucian"}
COUNTRY_ADJECTIVES: dict[str, str] = _adjective_keys()
COUNTRY_NAMES: dict[str, str] = {fold_key(name): adj for name, adj in _NAMES.items()}
COUNTRY_NAMES.update({fold_key(state): "United States" for state in US_STATES if state != "Georgia"})


@cache
def _codes() -> dict[str, str]:
    text = (resources.files("extract") / "data" / "country_codes.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {code.strip(): demonym.strip() for code, demonym in rows}


def demonym_of_code(code: str) -> str | None:
    """The demonym (as in election names) of an ISO 3166-1 alpha-2 code, `GB` → `United Kingdom`; None if the
    code is not in `extract/data/country_codes.tsv`."""
    return _codes().get(code) if isinstance(code, str) else None


def country_of(text: str, *, adjective: bool = True, name: bool = True) -> str | None:
    """The country part of an election name for a demonym or a country name, any case, accents or gender.

    >>> country_of("françaises"), country_of("Turquie"), country_of("U.S.")
    ('French', 'Turkish', 'United States')
    """
    key = re.sub(r"^(?:the|l[ae]s?|l)\s+", "", fold_key(text))
    if not key:
        return None
    if adjective:
        for variant in _inflections(key):
            if variant in COUNTRY_ADJECTIVES:
                return COUNTRY_ADJECTIVES[variant]
    if name and key in COUNTRY_NAMES:
        return COUNTRY_NAMES[key]
    return None


def _inflections(key: str) -> tuple[str, ...]:
    """`americaines` → `americaine`, `americain`; `italiennes` → `italienne`, `italien`."""
    if len(key) <= 4:  # "uke", "uss": no inflection of a two- or three-letter key
        return (key,)
    singular = key[:-1] if key.endswith("s") else key
    masculine = singular[:-1] if singular.endswith("e") else singular
    if masculine.endswith("nn"):
        masculine = masculine[:-1]
    return (key, singular, masculine)


# The word Wikipedia uses for each country's election of its national parliament; absent countries use
# "general election".
_PARLIAMENT = {
    "legislative": "French Greek Portuguese Austrian Czech Romanian Russian Israeli Taiwanese South\u00a0Korean "
                   "Argentine Iranian Algerian Moroccan Tunisian Senegalese Ivorian Malian Gabonese Cameroonian "
                   "Haitian Congolese Burundian",
    "federal": "German Canadian Australian Belgian Swiss Ethiopian",
    "parliamentary": "Polish Hungarian Norwegian Finnish Croatian Bulgarian Serbian Ukrainian Georgian Slovak "
                     "Slovenian Estonian Latvian Lithuanian Icelandic Egyptian Colombian Venezuelan Moldovan "
                     "Armenian Albanian Macedonian Montenegrin Bosnian Lebanese Iraqi Kyrgyz Sri\u00a0Lankan "
                     "Kosovan",
}
_PARLIAMENT_KIND = {country.replace("\u00a0", " "): kind for kind, countries in _PARLIAMENT.items()
                    for country in countries.split(" ") if country}


def parliament_kind(country: str | None) -> str:
    """`legislative`, `federal`, `parliamentary` or `general`: the kind word of a country's national vote."""
    return _PARLIAMENT_KIND.get(country or "", "general")


_EVERY_4 = tuple(range(1788, 2101, 4))
_EU = (1979, 1984, 1989, 1994, 1999, 2004, 2009, 2014, 2019, 2024)
_CALENDARS = {
    ("French", "presidential election"): (1995, 2002, 2007, 2012, 2017, 2022),
    ("French", "legislative election"): (1997, 2002, 2007, 2012, 2017, 2022),
    ("French", "regional election"): (2004, 2010, 2015, 2021),
    ("French", "departmental election"): (2015, 2021),
    ("French", "cantonal election"): (2004, 2008, 2011),
    ("French", "municipal election"): (2001, 2008, 2014, 2020),
    ("French", "Senate election"): (2011, 2014, 2017, 2020),
    ("United States", "presidential election"): _EVERY_4,
    ("United States", "Democratic Party presidential primaries"): _EVERY_4,
    ("United States", "Republican Party presidential primaries"): _EVERY_4,
    ("German", "federal election"): (2002, 2005, 2009, 2013, 2017, 2021),
    ("United Kingdom", "general election"): (2001, 2005, 2010, 2015, 2017, 2019),
}


@cache
def _calendars() -> dict[tuple[str, str], tuple[int, ...]]:
    """The built-in calendars above, then `data/election_calendar.tsv` (national election years 2000–2022 of
    about 160 countries) for the countries and kinds they lack."""
    out = dict(_CALENDARS)
    text = (resources.files("extract") / "data" / "election_calendar.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            demonym, kind, years = line.split("\t")
            out.setdefault((demonym, kind), tuple(int(y) for y in years.split(",")))
    return out


def calendar_year(country: str | None, kind: str, reference: int, *, direction: int = 0) -> int | None:
    """The year of a scheduled election nearest to `reference` (ties go to the coming one); `direction` -1
    keeps the last one at or before it (`last`, `dernières`), +1 the next one at or after it. None when the
    election has no fixed calendar here.

    >>> calendar_year("French", "presidential election", 2015), calendar_year("German", "federal election", 2018)
    (2017, 2017)
    """
    years = _EU if kind == "European Parliament election" else _calendars().get((country or "", kind))
    if not years:
        return None
    if direction < 0:
        past = [y for y in years if y <= reference]
        return past[-1] if past else None
    if direction > 0:
        future = [y for y in years if y >= reference]
        return future[0] if future else None
    return min(years, key=lambda y: (abs(y - reference), y < reference))


# National elections held twice in one year, 2010–2019, from general knowledge (Wikipedia names them with the
# month): (month, month name) of each vote.
_TWICE = {
    ("Greek", "legislative election", 2012): ((5, "May"), (6, "June")),
    ("Greek", "legislative election", 2015): ((1, "January"), (9, "September")),
    ("Turkish", "general election", 2015): ((6, "June"), (11, "November")),
    ("Spanish", "general election", 2019): ((4, "April"), (11, "November")),
    ("Israeli", "legislative election", 2019): ((4, "April"), (9, "September")),
}


def twice_in_year(country: str | None, kind: str, year: int) -> tuple[tuple[int, str], ...] | None:
    """The months of a country's two national votes of one kind in one year (`Turkish general election, June
    2015` and `November 2015`), or None."""
    return _TWICE.get((country or "", kind, year))


def in_calendar(country: str | None, kind: str, year: int) -> bool:
    years = _EU if kind == "European Parliament election" else _calendars().get((country or "", kind))
    return bool(years) and year in years


# Original spellings of the English adjectives, for patterns ("French presidential candidate").
ENGLISH_ADJECTIVES: tuple[str, ...] = tuple(sorted(
    {*_DEMONYMS.split(), *_MULTIWORD, "American", "U.S.", "US", "British", "UK", "U.K.", "Filipino", "Korean"}
    - {"Quebec"}, key=len, reverse=True))
