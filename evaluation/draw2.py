"""How the later batches of evaluation documents were drawn (session three), from names and the manifest only.

The first 44 documents over-represent France (19) and the countries the rules were written from. The second
batch adds countries and years nobody had annotated, and a second held-out split, so that the held-out score
rests on more than 14 texts. Like the first batch, the pool is fixed from `manifest.csv` (election flag,
language, format, size) and file names (a country word in an event page's slug), before any text is read; then
one seeded generator draws, in this order: the countries, one page per country, the held-out pages, the French
and English articles and their held-out part. `split.py` holds the result as a literal list; rerun
`python -m evaluation.draw2` to see that it is reproducible (it prints the list it draws). A third batch
(`draw3`, all dev) was drawn the same way later in the session, for more texts to check rules on.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

from evaluation import split

SEED = 20151220  # Spanish general election, 2015
N_COUNTRIES, N_HELDOUT_PAGES = 14, 6
N_FR_ARTICLES, N_FR_HELDOUT = 12, 5
N_EN_ARTICLES, N_EN_HELDOUT = 6, 3

# slug words of a country, for countries with no document in the first batch
COUNTRY_WORDS = {
    "IT": ["italy", "italian"], "PL": ["poland", "polish"], "CA": ["canada", "canadian"],
    "AU": ["australia", "australian"], "JP": ["japan", "japanese"], "AR": ["argentina", "argentine"],
    "MX": ["mexico", "mexican"], "PT": ["portugal", "portuguese"], "HU": ["hungary", "hungarian"],
    "IL": ["israel", "israeli"], "ZA": ["south-africa", "south-african"], "CO": ["colombia", "colombian"],
    "VE": ["venezuela", "venezuelan"], "RU": ["russia", "russian"], "IR": ["iran", "iranian"],
    "IE": ["ireland", "irish"], "DK": ["denmark", "danish"], "TW": ["taiwan", "taiwanese"],
    "KR": ["south-korea", "south-korean"], "ID": ["indonesia", "indonesian"], "ZW": ["zimbabwe"],
    "NZ": ["new-zealand"], "CH": ["switzerland", "swiss"], "HR": ["croatia", "croatian"],
    "RO": ["romania", "romanian"], "GE": ["georgia", "georgian"], "MM": ["myanmar"], "HT": ["haiti"],
    "EG": ["egypt", "egyptian"], "UG": ["uganda"], "CD": ["congo"], "SN": ["senegal"], "GM": ["gambia"],
    "LR": ["liberia"], "IS": ["iceland", "icelandic"], "MD": ["moldova"], "AM": ["armenia"],
    "BG": ["bulgaria", "bulgarian"], "MK": ["macedonia"], "SK": ["slovakia", "slovak"], "SI": ["slovenia"],
    "LK": ["sri-lanka"], "TZ": ["tanzania"], "BJ": ["benin"], "MN": ["mongolia"], "NP": ["nepal"],
}


def _pool(shared: Path, *, batch3: bool = False, batch4: bool = False, country_words=None):
    rows = list(csv.DictReader(open(shared / "corpus" / "manifest.csv", encoding="utf-8")))
    taken = {path.split("/")[-1] for _, path, *_ in split.SEEDS + split.CORPUS}
    if batch3:
        taken |= {path.split("/")[-1] for _, path, *_ in split.BATCH2}
    if batch4:
        taken |= {path.split("/")[-1] for _, path, *_ in split.BATCH3}
    rows = [r for r in rows if r["election"] == "1" and r["doc"].split("/")[-1] not in taken]
    pages: dict[str, list[str]] = {}
    for r in rows:
        if r["format"] != "event_page" or r["lang"] != "en" or int(r["bytes"]) < 700:
            continue
        slug = "-" + r["doc"].split("__", 1)[1].removesuffix(".md") + "-"
        for country, words in (country_words or COUNTRY_WORDS).items():
            if any(f"-{w}-" in slug or f"-{w}s-" in slug for w in words):
                pages.setdefault(country, []).append(r["doc"])
    articles = {lang: sorted(r["doc"] for r in rows if r["lang"] == lang and r["format"] == "article"
                             and 1500 <= int(r["bytes"]) <= 9000) for lang in ("en", "fr")}
    return {c: sorted(v) for c, v in sorted(pages.items())}, articles


def draw(shared: Path) -> list[tuple[str, str, str, str]]:
    """(split, lang, country or "", path under corpus/) for every document of the second batch."""
    pages, articles = _pool(shared)
    return _draw_split(pages, articles, random.Random(SEED), "heldout2", (N_COUNTRIES, N_HELDOUT_PAGES),
                       (("fr", N_FR_ARTICLES, N_FR_HELDOUT), ("en", N_EN_ARTICLES, N_EN_HELDOUT)))


def _draw_split(pages, articles, rng: random.Random, held_name: str, page_plan: tuple[int, int],
                article_plan) -> list[tuple[str, str, str, str]]:
    """One page per drawn country and articles per language, a part of each held out as `held_name`, in
    the order the generator is called (which makes a draw reproducible)."""
    n_countries, n_held_pages = page_plan
    countries = rng.sample(sorted(pages), n_countries)
    chosen = [(c, rng.choice(pages[c])) for c in countries]
    held_pages = set(rng.sample(range(n_countries), n_held_pages))
    out = [(held_name if i in held_pages else "dev", "en", c, doc) for i, (c, doc) in enumerate(chosen)]
    for lang, n, n_held in article_plan:
        docs = rng.sample(articles[lang], n)
        held = set(rng.sample(docs, n_held))
        out += [(held_name if d in held else "dev", lang, "", d) for d in docs]
    return out


SEED3 = 20160623  # United Kingdom European Union membership referendum, 2016
N3_COUNTRIES, N3_FR, N3_EN = 16, 8, 4


def draw3(shared: Path) -> list[tuple[str, str, str, str]]:
    """The third batch, all dev (more texts for the rules to be checked on): pages of countries the second
    batch did not draw, and French and English articles, from the same pool rules."""
    pages, articles = _pool(shared, batch3=True)
    drawn = {c for _, _, c, _ in draw(shared)}
    rng = random.Random(SEED3)
    countries = rng.sample(sorted(set(pages) - drawn), N3_COUNTRIES)
    out = [("dev", "en", c, rng.choice(pages[c])) for c in countries]
    out += [("dev", "fr", "", d) for d in rng.sample(articles["fr"], N3_FR)]
    out += [("dev", "en", "", d) for d in rng.sample(articles["en"], N3_EN)]
    return out


SEED4 = 20170507  # second round of the French presidential election, 2017
N4_COUNTRIES, N4_HELDOUT_PAGES = 16, 6
N4_FR, N4_FR_HELDOUT = 10, 4
N4_EN, N4_EN_HELDOUT = 6, 2

# slug words of countries with no annotated document after the third batch (session four)
COUNTRY_WORDS4 = {
    # the first list's countries that no batch drew a page of, then more
    **{c: COUNTRY_WORDS[c] for c in ("AM", "AR", "CA", "CO", "IE", "IR", "IS", "IT", "LK", "MD", "MN", "PL", "RO",
                                     "SK", "ZW")},
    "CL": ["chile", "chilean"], "EC": ["ecuador", "ecuadorian"], "BO": ["bolivia", "bolivian"],
    "GT": ["guatemala", "guatemalan"], "HN": ["honduras", "honduran"], "SV": ["salvador", "salvadoran"],
    "DO": ["dominican"], "UA": ["ukraine", "ukrainian"], "BY": ["belarus", "belarusian"], "KZ": ["kazakhstan"],
    "KG": ["kyrgyzstan", "kyrgyz"], "AZ": ["azerbaijan", "azerbaijani"], "RS": ["serbia", "serbian"],
    "ME": ["montenegro"], "AL": ["albania", "albanian"], "BA": ["bosnia"], "CZ": ["czech"],
    "LT": ["lithuania", "lithuanian"], "LV": ["latvia", "latvian"], "EE": ["estonia", "estonian"],
    "FI": ["finland", "finnish"], "SE": ["sweden", "swedish"], "NO": ["norway", "norwegian"],
    "BE": ["belgium", "belgian"], "CY": ["cyprus", "cypriot"], "ZM": ["zambia"], "MW": ["malawi"],
    "MZ": ["mozambique"], "GH": ["ghana"], "CI": ["ivory-coast", "ivorian"], "ML": ["mali"], "BF": ["burkina"],
    "NE": ["niger"], "TD": ["chad"], "CM": ["cameroon"], "GA": ["gabon"], "RW": ["rwanda"], "ET": ["ethiopia"],
    "SO": ["somalia"], "SD": ["sudan"], "DZ": ["algeria", "algerian"], "TN": ["tunisia", "tunisian"],
    "MA": ["morocco"], "IQ": ["iraq", "iraqi"], "LB": ["lebanon", "lebanese"], "PK": ["pakistan", "pakistani"],
    "AF": ["afghanistan", "afghan"], "BD": ["bangladesh"], "IN": ["india", "indian"],
    "TH": ["thailand", "thai"], "KH": ["cambodia", "cambodian"], "MY": ["malaysia", "malaysian"],
    "SG": ["singapore"], "FJ": ["fiji"], "PG": ["papua"],
}


def draw4(shared: Path) -> list[tuple[str, str, str, str]]:
    """The fourth batch (session four): a third held-out split, `heldout3`, and more dev texts. Pages of
    countries no earlier batch has a document of (`COUNTRY_WORDS4`), French and English articles, from the
    same pool rules, none of the earlier batches' documents."""
    pages, articles = _pool(shared, batch3=True, batch4=True, country_words=COUNTRY_WORDS4)
    return _draw_split(pages, articles, random.Random(SEED4), "heldout3", (N4_COUNTRIES, N4_HELDOUT_PAGES),
                       (("fr", N4_FR, N4_FR_HELDOUT), ("en", N4_EN, N4_EN_HELDOUT)))


SEED5 = 20170611  # first round of the French legislative election, 2017
N5_FR = 12


def draw5(shared: Path) -> list[tuple[str, str, str, str]]:
    """The fifth batch (session four, all dev): more French articles, the kind of text where the held-out rows
    fail most (aggregate rows by kind: relations and candidacies of French articles). Election-flagged French
    articles of 1.5-15 kB (a wider size than the earlier batches: the smaller ones are nearly all drawn), none
    of an earlier batch."""
    rows = list(csv.DictReader(open(shared / "corpus" / "manifest.csv", encoding="utf-8")))
    taken = {path.split("/")[-1] for _, path, *_ in split.SEEDS + split.CORPUS}
    taken |= {path.split("/")[-1] for _, path, *_ in split.BATCH2 + split.BATCH3 + split.BATCH4}
    pool = sorted(r["doc"] for r in rows if r["lang"] == "fr" and r["format"] == "article" and r["election"] == "1"
                  and 1500 <= int(r["bytes"]) <= 15000 and r["doc"].split("/")[-1] not in taken)
    return [("dev", "fr", "", d) for d in random.Random(SEED5).sample(pool, N5_FR)]

if __name__ == "__main__":
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared"
    for row in draw(shared) + draw3(shared) + draw4(shared) + draw5(shared):
        print(*row, sep="\t")
