"""Rules without the statistical models: election naming, countries, resolution and relations on hand-built
parses. Entities are marked in the sentences (`[Maria Lopez](PERSON)`), so these tests need no model; the
sentences are written for the tests."""

from __future__ import annotations


import pytest
import spacy

import extract.components  # noqa: F401
from extract.countries import calendar_year, country_of, parliament_kind
from extract.elections import ElectionContext, election_names
from extract.errors import GazetteerError
from extract.gazetteer import load_gazetteer
from extract.mentions import Parsed, RawSpan
from extract.patterns import read_election
from extract.records import EntityType, EventKind, RelatedLink, Segment
from extract.resolve import resolve
from marked import GAZ, extract, name, parse, triples  # noqa: F401  (helpers shared by the rule tests)


# -- countries and calendars ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("françaises", "French"), ("américaines", "United States"), ("italienne", "Italian"), ("Turquie", "Turkish"),
    ("U.S.", "United States"), ("the Ivory Coast", "Ivorian"), ("Burundi", "Burundian"), ("Labour", None),
])
def test_country_of_adjectives_and_names(text, expected):
    assert country_of(text) == expected


def test_parliament_words_and_calendars():
    assert (parliament_kind("German"), parliament_kind("Greek"), parliament_kind("Dutch")) == \
        ("federal", "legislative", "general")
    assert calendar_year("French", "presidential election", 2015) == 2017     # nearest scheduled vote
    assert calendar_year("German", "federal election", 2018) == 2017
    assert calendar_year("French", "regional election", 2017, direction=-1) == 2015  # "les dernières"
    assert calendar_year("Bavarian", "state election", 2017) is None            # no calendar: the text decides


def test_the_world_calendar_names_the_years_of_other_countries():
    # data/election_calendar.tsv: the vote a 2015 article's "la présidentielle" in Benin is about is 2016's
    assert calendar_year("Beninese", "presidential election", 2015) == 2016
    assert calendar_year("Spanish", "general election", 2016) == 2016           # the repeat election
    assert parliament_kind("South Korean") == "legislative"  # a two-word demonym (was split on its space)
    assert name("presidential election", "Beninese", "2015-09-03") == "Beninese presidential election, 2016"


# -- what an election phrase says -------------------------------------------------------------------------

@pytest.mark.parametrize("text,fields", [
    ("Stoke-on-Trent Central by-election", {"kind": "by-election", "place": "Stoke-on-Trent Central"}),
    ("UKIP leadership position", {"kind": "leadership election", "camp": "UKIP"}),
    ("Labour leadership bid", {"kind": "leadership election", "camp": "Labour"}),
    ("leadership contest", {"bare": "leadership"}),
    ("Missouri primary", {"kind": "primary", "place": "Missouri", "camp": None}),
    ("Republican Party nomination for President", {"kind": "primary", "camp": "Republican"}),
    ("French Socialist Party presidential primary", {"kind": "primary", "camp": "Socialist", "country": "French"}),
    ("investiture républicaine", {"kind": "primary", "camp": "Republican"}),
    ("Manila mayoral", {"kind": "mayoral election", "place": "Manila"}),
    ("vice presidential", {"kind": "vice presidential election"}),
    ("governor of Ohio", {"kind": "gubernatorial election", "place": "Ohio"}),
    ("President of Slovenia", {"kind": "presidential election", "country": "Slovenian"}),
    ("next year's presidential election", {"kind": "presidential election", "offset": 1}),
    ("dernières élections régionales", {"kind": "regional election", "when": -1}),
    ("2016 US Presidential elections", {"kind": "presidential election", "country": "United States"}),
    ("run-off", {"bare": "run-off"}), ("primaire", {"bare": "primary"}), ("second tour", {"bare": "second tour"}),
    ("go to the polls", {"bare": "polls"}), ("se rendent aux urnes", {"bare": "polls"}),
])
def test_read_election(text, fields):
    mention = read_election(text)
    assert {key: getattr(mention, key) for key in fields} == fields


def test_governor_of_something_else_is_no_election():
    assert read_election("governor of the Bank").kind is None


# -- canonical names --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,country,reference,expected", [
    ("la présidentielle", "French", "2015-10-22", "French presidential election, 2017"),  # calendar, not 2015
    ("federal election", "German", "2018-12-08", "German federal election, 2017"),
    ("dernières élections régionales", "French", "2017-01-17", "French regional elections, 2015"),
    ("next year's presidential election", "French", "2016-11-27", "French presidential election, 2017"),
    ("élections législatives", "Turkish", "2015-11-02", "Turkish general election, November 2015"),  # its word
    ("parliamentary elections", "French", "2017-01-23", "French legislative election, 2017"),
    ("snap election", "United Kingdom", "2017-06-09", "United Kingdom general election, 2017"),
    ("general election", "United States", "2016-03-17", "United States presidential election, 2016"),
    ("Democratic presidential primaries", "United States", "2015-09-01",
     "Democratic Party presidential primaries, 2016"),
    ("Copeland by-election", "United Kingdom", "2017-02-23", "Copeland by-election, 2017"),
    ("Manila mayoral", "Philippine", "2016-05-09", "Manila mayoral election, 2016"),
])
def test_election_names(text, country, reference, expected):
    assert name(text, country, reference) == expected


def test_a_state_primary_without_its_party_gets_no_name():
    assert election_names(read_election("Missouri primary"), ElectionContext("United States", "2016-03-17")) == ()


def test_leadership_contest_takes_the_party_name_and_the_year_stated_near_the_phrase():
    ctx = ElectionContext("United Kingdom", "2016-07-19", party_name=lambda camp: {"Labour": "Labour Party"}.get(camp))
    assert election_names(read_election("Labour leadership bid"), ctx)[0] == "Labour Party leadership election, 2016"
    sentence = "l'ex-chef de l'État (2007-2012) espère reconquérir l'Élysée, le 26 janvier 2012 lors de la présidentielle"
    before = sentence[:sentence.index("présidentielle")]
    assert name("présidentielle", "French", "2015-10-22", sentence=sentence, before=before) == \
        "French presidential election, 2012"  # 2012 stands next to it; the range (2007-2012) says nothing


def test_document_tags_and_possessive_countries_name_the_election():
    tagged = (("Burmese", "general election", "Myanmar general election"),)
    assert name("general election", "Burmese", "2015-11-09", tagged=tagged) == "Myanmar general election, 2015"
    assert name("presidential election", "United States", "2018-05-07",
                before="Pence calls on Venezuela's ") == "Venezuelan presidential election, 2018"


# -- the spaCy component on a blank pipeline --------------------------------------------------------------

def blank(lang: str = "en", *, ruler: bool = False):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    if ruler:
        nlp.add_pipe("entity_ruler", config={"validate": False}).add_patterns(GAZ.patterns())
    nlp.add_pipe("eg_election_rules")
    return nlp


def test_photo_credit_names_are_persons_without_the_agency():
    for text, person in [("Le meeting de samedi. BERTRAND GUAY / AFP", "BERTRAND GUAY"),
                         ("La police à Bujumbura, le 26 avril. REUTERS/THOMAS MUKOYA", "THOMAS MUKOYA"),
                         ("Photograph: Christian Charisius/DPA via AP", "Christian Charisius")]:
        ents = {(e.text, e.label_) for e in blank("fr" if "AFP" in text or "REUTERS" in text else "en")(text).ents}
        assert (person, "PERSON") in ents


def test_a_poll_by_two_outlets_is_no_credit():
    doc = blank()("A new Washington Post/ABC News poll shows him at 5 percent.")
    assert not any(e.label_ == "PERSON" for e in doc.ents)


def test_party_adjectives_before_a_role():
    ents = {(e.text, e.label_) for e in blank()("The Labour leader and the Democratic nominee met a Conservative MP.").ents}
    assert {("Labour", "PARTY"), ("Democratic", "PARTY"), ("Conservative", "PARTY")} <= ents
    assert not any(e.label_ == "PARTY" for e in blank()("Conservative estimates were published.").ents)


def test_french_party_adjectives_after_a_role_or_an_article():
    ents = {(e.text, e.label_) for e in blank("fr")("La candidate frontiste et les socialistes votent.").ents}
    assert {("frontiste", "PARTY"), ("socialistes", "PARTY")} <= ents
    assert not blank("fr")("Un gouvernement socialiste.").ents


def test_an_election_name_wins_over_the_gazetteer_party_inside_it():
    doc = blank(ruler=True)("Henry Bolton wins the UKIP leadership on Friday.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("UKIP leadership", "ELECTION", "") in ents  # and it does not inherit the party's id


def test_a_longer_party_name_wins_over_the_gazetteer_party_inside_it():
    ents = {(e.text, e.label_) for e in blank(ruler=True)("The Jamaican Labour Party won the vote.").ents}
    assert ("Jamaican Labour Party", "PARTY") in ents


# -- resolution -------------------------------------------------------------------------------------------

def entity_names(resolution, type_: str) -> set[str]:
    return {e.name for e in resolution.entities if str(e.type) == type_}


def test_portal_boilerplate_is_no_entity():
    resolution, _ = extract('Voters go to the polls. Listed under "Politics and elections" in [Wikipedia](ORG)\'s '
                            'Current events portal (Portal:Current events/2017 March 15).')
    assert "Wikipedia" not in entity_names(resolution, "ORG")


def test_the_candidate_role_comes_from_the_text_not_from_the_gazetteer():
    resolution, _ = extract("[Emmanuel Macron](PERSON) visits Lyon. Presidential candidate [Benoît Hamon](PERSON) "
                            "speaks in Paris.")
    roles = {e.name: e.roles for e in resolution.entities}
    assert roles["Benoît Hamon"] == ("candidate",) and roles["Emmanuel Macron"] == ()


def test_names_after_the_plural_title_are_persons():
    resolution, _ = extract("Rien n'est de nature à effaroucher MM. Dassault, Arnault ou Bolloré.", lang="fr")
    assert {"Dassault", "Arnault", "Bolloré"} <= entity_names(resolution, "PERSON")


def test_a_country_is_no_person():
    resolution, _ = extract("Polls open in the [United Kingdom](PERSON) today.")
    assert "United Kingdom" not in entity_names(resolution, "PERSON")


def test_a_bare_reference_joins_the_election_named_before_it():
    resolution, _ = extract("Voters choose in the [Dutch general election](ELECTION). The [election](ELECTION) "
                            "is close.", date="2017-03-15")
    election = next(e for e in resolution.entities if str(e.type) == "ELECTION")
    assert election.name == "Dutch general election, 2017" and len(election.mentions) == 2


def test_an_unnamed_reference_is_the_election_the_page_tags():
    text = "Maria Lopez wins the election."
    link = RelatedLink(title=text, date="2016-11-20", slug="x", contexts=("2016 Gambian presidential election",))
    resolution, _ = extract("Maria Lopez wins the [election](ELECTION).", related=(link,), date="2016-11-20",
                            segments=(Segment(0, len(text), EventKind.RELATED, 0, "2016-11-20"),))
    assert entity_names(resolution, "ELECTION") == {"Gambian presidential election, 2016"}


def test_a_party_adjective_reads_by_country():
    fr, _ = extract("Le [Republican](PARTY) leader parle. La [France](PLACE) vote.", lang="fr")
    us, _ = extract("The [Republican](PARTY) leader speaks in [Ohio](PLACE).")
    assert "The Republicans" in entity_names(fr, "PARTY") and "Republican Party" in entity_names(us, "PARTY")


# -- vote shares: results, not margins --------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "[Hillary Clinton](PERSON) wins the [Missouri primary](ELECTION), leading by 1,531 votes.",
    "[Maria Lopez](PERSON) won the [presidential election](ELECTION) by a margin of 3 points.",
    "[Maria Lopez](PERSON) is ahead in the [presidential election](ELECTION) by just over 103,000 votes.",
    "As party leader, [Angela Merkel](PERSON) was re-elected with support that never dipped below 88 per cent.",
    "Turnout in the [presidential election](ELECTION) reached 74.3 percent.",
    "Polls show [Maria Lopez](PERSON) at 45 percent ahead of the [presidential election](ELECTION).",
])
def test_margins_thresholds_and_polls_are_no_vote_shares(sentence):
    _, rels = extract(sentence)
    assert not any(p == "vote_share" for _, p, _, _ in rels)


def test_two_shares_go_to_the_two_contenders_and_seats_to_the_party():
    _, rels = extract("[Maria Lopez](PERSON) beats [John Smith](PERSON) (57.6 percent to 42.4 percent) in the "
                      "[Ruritanian presidential election](ELECTION).")
    shares = {(s, v) for s, p, _, v in rels if p == "vote_share"}
    assert shares == {("Maria Lopez", 57.6), ("John Smith", 42.4)}
    _, rels = extract("The [Freedom Party](PARTY) won 123 of the 350 seats in the [general election](ELECTION).")
    assert {(s, v) for s, p, _, v in rels if p == "vote_share"} == {("Freedom Party", 123.0)}


def test_the_share_of_a_person_named_with_their_party_is_the_persons():
    _, rels = extract("[Maria Lopez](PERSON) of the [Freedom Party](PARTY) wins the [presidential election](ELECTION) "
                      "with 53 percent of the vote.")
    assert ("Maria Lopez", "vote_share", "Presidential election, 2016", 53.0) in rels


# -- member_of --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,member,party", [
    ("[Jeremy Corbyn](PERSON), the leader of the opposition [Labour Party](PARTY), speaks.", "Jeremy Corbyn", "Labour Party"),
    ("[Labour](PARTY) leader [Jeremy Corbyn](PERSON) speaks.", "Jeremy Corbyn", "Labour Party"),
    ("[Labour](PARTY)'s [Gareth Snell](PERSON) wins.", "Gareth Snell", "Labour Party"),
    ("[Marine Le Pen](PERSON) of the [National Front](PARTY) speaks.", "Marine Le Pen", "National Front"),
    ("[Manuel Valls](PERSON) ([PS](PARTY)) speaks.", "Manuel Valls", "Socialist Party"),
    ("[Jean-Luc Mélenchon](PERSON), candidat du [parti de gauche](PARTY), critique la loi.", "Jean-Luc Mélenchon", "Left Party"),
    ("[Mark Rutte](PERSON)'s [People's Party for Freedom and Democracy](PARTY) leads.", "Mark Rutte",
     "People's Party for Freedom and Democracy"),
    ("[Frauke Petry](PERSON) resigns as leader of the far right [Alternative for Germany](PARTY).", "Frauke Petry",
     "Alternative for Germany"),
    ("Chairwoman of the [Christian Democratic Union](PARTY) ([CDU](PARTY)) [Angela Merkel](PERSON) speaks.",
     "Angela Merkel", "Christian Democratic Union"),
    ("[Peter Gels](PERSON) is the [CDU](PARTY) mayor of the town.", "Peter Gels", "Christian Democratic Union"),
    ("Selon la tête de liste des [Républicains](PARTY) dans l'est, [Philippe Richert](PERSON), c'est grave.",
     "Philippe Richert", "The Republicans"),
    ("[Nadine Morano](PERSON) est critiquée par son parti, [Les Républicains](PARTY), mercredi.", "Nadine Morano",
     "The Republicans"),
    ("[Nathalie Martin](PERSON), candidate [LR](PARTY) dans la 2e circonscription, perd.", "Nathalie Martin",
     "The Republicans"),
    ("Le [socialiste](PARTY) [Benoît Hamon](PERSON) a perdu.", "Benoît Hamon", "Socialist Party"),
    ("[Sadiq Khan](PERSON) calls on fellow [Labour Party](PARTY) members to act.", "Sadiq Khan", "Labour Party"),
    ("Members of the [UK Independence Party](PARTY) elect [Diane James](PERSON) as their new leader.", "Diane James",
     "UK Independence Party"),
    ("[En Marche!](PARTY), formed by newly elected President [Emmanuel Macron](PERSON), leads.", "Emmanuel Macron",
     "La République En Marche!"),
    ("Runoff against [Tsetska Tsacheva](PERSON), from [Boyko Borisov](PERSON)'s conservative [GERB](PARTY).",
     "Boyko Borisov", "GERB"),
    ("[Scottish National Party](PARTY) leader and First Minister of Scotland [Nicola Sturgeon](PERSON) marched.",
     "Nicola Sturgeon", "Scottish National Party"),
    ("[Shinzo Abe](PERSON) is elected for a third term as President of the [Liberal Democratic Party](PARTY).",
     "Shinzō Abe", "Liberal Democratic Party"),  # the gazetteer spells it so
    ("Current [UKIP](PARTY) party leadership favourite [Steven Woolfe](PERSON) is in hospital.", "Steven Woolfe",
     "UK Independence Party"),
])
def test_member_of_patterns(sentence, member, party):
    _, rels = extract(sentence, lang="fr" if " du " in sentence or " des " in sentence or " parti" in sentence else "en")
    assert (member, "member_of", party) in triples(rels)


@pytest.mark.parametrize("sentence", [
    "[Maryse Narcisse](PERSON) of the [Fanmi Lavalas](PARTY), [Jude Célestin](PERSON) and others compete.",
    "[Jeremy Corbyn](PERSON) debates with [Conservative](PARTY) leader [Theresa May](PERSON).",
    "[Hillary Clinton](PERSON), and [GOP](PARTY) nominee [Donald Trump](PERSON), are invited.",
    "Leader [Jeremy Corbyn](PERSON), [Scottish National Party](PARTY) leader [Nicola Sturgeon](PERSON) march.",
    "[Jane Doe](PERSON), a former member of the [Labour Party](PARTY), speaks.",
    "[Emmanuel Macron](PERSON)'s rival party, the [National Front](PARTY), gains.",
])
def test_no_member_of_across_a_list_a_verb_or_a_former_membership(sentence):
    _, rels = extract(sentence)
    wrong = {("Jude Célestin", "Fanmi Lavalas"), ("Jeremy Corbyn", "Conservative Party"),
             ("Jeremy Corbyn", "Scottish National Party"),
             ("Hillary Clinton", "Republican Party"), ("Jane Doe", "Labour Party"),
             ("Emmanuel Macron", "National Front")}
    assert not {(s, o) for s, p, o in triples(rels) if p == "member_of"} & wrong


# -- candidacies, defeats, endorsements -------------------------------------------------------------------

def test_a_candidacy_goes_to_the_election_named_nearest():
    _, rels = extract("[Gareth Snell](PERSON) wins the [Stoke-on-Trent Central by-election](ELECTION), while "
                      "Conservative Party candidate [Trudy Harrison](PERSON) wins the [Copeland by-election](ELECTION).",
                      date="2017-02-24")
    assert {("Gareth Snell", "candidate_in", "Stoke-on-Trent Central by-election, 2017"),
            ("Trudy Harrison", "candidate_in", "Copeland by-election, 2017")} <= triples(rels)
    assert ("Trudy Harrison", "candidate_in", "Stoke-on-Trent Central by-election, 2017") not in triples(rels)


def test_a_sentence_about_choosing_a_candidate_speaks_of_the_primary():
    _, rels = extract("The [French Socialist Party presidential primary](ELECTION) opens. In the run-off to select "
                      "the Socialist Party's candidate in the [presidential election](ELECTION), "
                      "[Benoît Hamon](PERSON) topped [Manuel Valls](PERSON) with 58.65 percent of the vote.",
                      date="2017-01-29")
    primary = "French Socialist Party presidential primary, 2017"
    assert ("Benoît Hamon", "vote_share", primary, 58.65) in rels
    assert {("Benoît Hamon", "candidate_in", primary), ("Manuel Valls", "candidate_in", primary)} <= triples(rels)
    assert ("Manuel Valls", "candidate_in", "French presidential election, 2017") not in triples(rels)


def test_a_former_candidate_or_a_candidate_for_another_office_gets_no_candidacy_here():
    _, rels = extract("The [presidential election](ELECTION) nears. Former candidate [Manuel Valls](PERSON) backs "
                      "[Emmanuel Macron](PERSON). He met Senate candidate [Jane Doe](PERSON).", date="2017-03-29")
    assert not {s for s, p, _ in triples(rels) if p == "candidate_in"} & {"Manuel Valls", "Jane Doe"}


@pytest.mark.parametrize("sentence,pairs", [
    ("The second round of the [presidential election](ELECTION) is between [Maria Lopez](PERSON) and "
     "[John Smith](PERSON).", {"Maria Lopez", "John Smith"}),
    ("[Maria Lopez](PERSON) and [John Smith](PERSON) face off in a debate before the [presidential election](ELECTION).",
     {"Maria Lopez", "John Smith"}),
    ("Other confirmed candidates are [Bill Etheridge](PERSON), [Raheem Kassam](PERSON), and [Peter Whittle](PERSON) "
     "in the [UKIP leadership](ELECTION).", {"Bill Etheridge", "Raheem Kassam", "Peter Whittle"}),
])
def test_contest_cues_make_candidacies(sentence, pairs):
    _, rels = extract(sentence)
    assert pairs <= {s for s, p, _ in triples(rels) if p == "candidate_in"}


def test_a_possible_pair_is_no_contest():
    _, rels = extract("Experts say it is hard for either [Maria Lopez](PERSON) or [John Smith](PERSON) to pivot to "
                      "the [general election](ELECTION).")
    assert not any(p == "candidate_in" for _, p, _ in triples(rels))


def test_defeats_conceding_and_holding_off_but_not_taking_over():
    _, rels = extract("[Bernie Sanders](PERSON) concedes the [Missouri primary](ELECTION) to [Hillary Clinton](PERSON).")
    assert ("Hillary Clinton", "defeats", "Bernie Sanders") in triples(rels)
    _, rels = extract("[Labour](PARTY)'s [Gareth Snell](PERSON) holds off [UKIP](PARTY)'s leader [Paul Nuttall](PERSON).")
    assert ("Gareth Snell", "defeats", "Paul Nuttall") in triples(rels)
    _, rels = extract("[Henry Bolton](PERSON) wins the [UKIP leadership](ELECTION), taking over the position from "
                      "[Paul Nuttall](PERSON).")
    assert not any(p == "defeats" for _, p, _ in triples(rels))


def test_an_apposition_is_not_the_winner():
    _, rels = extract("[Kulsoom Sharif](PERSON), wife of former Prime Minister [Nawaz Sharif](PERSON), defeats "
                      "[Yasmin Rashid](PERSON).")
    assert {(s, o) for s, p, o in triples(rels) if p == "defeats"} == {("Kulsoom Sharif", "Yasmin Rashid")}


@pytest.mark.parametrize("sentence", [
    "[Theresa May](PERSON) will govern with the support of the [Democratic Unionist Party](PARTY).",
    "[David Cameron](PERSON) says he will win people back after his party, the [Conservatives](PARTY), came third.",
    "[Vincent Peillon](PERSON) refused to back either [Benoît Hamon](PERSON) or [Manuel Valls](PERSON).",
    "Le [Parti de gauche](PARTY) soutient [Jean-Pierre Masseret](PERSON).",
])
def test_no_endorsement_without_a_person_stating_support(sentence):
    _, rels = extract(sentence)
    assert not any(p == "endorses" for _, p, _ in triples(rels))


def test_a_withdrawal_with_an_endorsement_names_who_benefits():
    _, rels = extract("[Angela Eagle](PERSON) drops out of the race and announces her endorsement of "
                      "[Owen Smith](PERSON).")
    assert {("Angela Eagle", "withdraws", "Owen Smith"), ("Angela Eagle", "endorses", "Owen Smith")} <= triples(rels)
    _, rels = extract("[Grace Poe](PERSON) denies she will give way and drop out in favour of [Mar Roxas](PERSON).")
    assert not any(p == "withdraws" for _, p, _ in triples(rels))


# -- knowledge that is not in the text: local aliases, calendars ------------------------------------------

def _gazetteer_with(tmp_path, *lines: str):
    path = tmp_path / "parties.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_gazetteer([path])


def test_a_local_alias_names_the_party_of_the_documents_country(tmp_path):
    gaz = _gazetteer_with(
        tmp_path,
        '{"name": "Democratic Party (Italy)", "type": "PARTY", "country": "IT", "aliases": ["Partito Democratico"],'
        ' "local_aliases": ["PD", "Democratic Party"]}',
        '{"name": "Democratic Party (Serbia)", "type": "PARTY", "country": "RS", "local_aliases": ["DS", "PD"]}')
    patterns = {(p["pattern"], p["id"]) for p in gaz.patterns()}
    assert ("Partito Democratico", "party/democratic-party-italy") in patterns
    assert ("PD", "?local:PARTY") in patterns and ("PD", "party/democratic-party-italy") not in patterns

    def names(marked: str) -> set[tuple[str, str]]:
        parsed, document = parse(marked)
        # the ruler's id for a local form, as the pipeline's entity ruler would give it
        spans = tuple(RawSpan(s.text, s.start, s.end, s.label, "?local:PARTY" if s.text in ("PD", "DS") else "")
                      for s in parsed.spans)
        resolution = resolve(Parsed(parsed.sentences, spans, ()), document, gaz)
        return {(str(e.type), e.name) for e in resolution.entities}

    italy = names("[Matteo Renzi](PERSON) of the [PD](PARTY) resigned after the [Italian](NORP) vote in [Rome](PLACE).")
    assert ("PARTY", "Democratic Party (Italy)") in italy
    # the generic English name: in news about Italy it is Italy's party, elsewhere the US party of the gazetteer
    assert ("PARTY", "Democratic Party (Italy)") in names("In [Italy](PLACE), the [Democratic Party](PARTY) won.")
    assert ("PARTY", "Democratic Party") in names("In [Ohio](PLACE), the [Democratic Party](PARTY) won.")
    # the same acronym in news about no country it belongs to is an ordinary organisation, not a party
    elsewhere = names("The [PD](PARTY) in [Chicago](PLACE) said the [American](NORP) suspect fled.")
    assert not any(t == "PARTY" for t, _ in elsewhere) and ("ORG", "PD") in elsewhere


@pytest.mark.parametrize("line,message", [
    ('{"name": "X", "type": "PARTY", "local_aliases": ["XP"]}', "'local_aliases' need a 'country'"),
    ('{"name": "X", "type": "PARTY", "country": "Italy"}', "unknown 'country' 'Italy'"),
])
def test_bad_local_aliases_are_refused(tmp_path, line, message):
    with pytest.raises(GazetteerError, match=rf"parties.jsonl:1: .*{message}"):
        _gazetteer_with(tmp_path, line)


def test_the_bundled_party_file_loads_and_knows_parties_without_a_party_word():
    gaz = load_gazetteer()
    by_name = {e.name: e for e in gaz.entries}
    countries = {e.country for e in gaz.entries if e.type is EntityType.PARTY}
    assert len(countries) >= 60
    index = gaz.alias_index()
    assert index[("PARTY", "syriza")] == by_name["Syriza"].id and index[("PARTY", "podemos")] == by_name["Podemos"].id
    names = [e.name for e in gaz.entries]
    assert len(names) == len(set(names))


# -- persons the model splits or misreads ------------------------------------------------------------------

def test_a_given_name_before_a_persons_shared_surname():
    resolution, _ = extract("The son of Ferdinand and [Imelda Marcos](PERSON) ran for vice president.")
    assert {"Ferdinand Marcos", "Imelda Marcos"} <= {e.name for e in resolution.entities}
    resolution, _ = extract("Le duel entre Jean-Marie et [Marine Le Pen](PERSON) est ancien.", lang="fr")
    assert "Jean-Marie Le Pen" in {e.name for e in resolution.entities}
    resolution, _ = extract("Between Monday and [Imelda Marcos](PERSON) nothing.")
    assert "Monday Marcos" not in {e.name for e in resolution.entities}


def test_a_place_read_into_a_persons_name_is_cut_off():
    resolution, _ = extract("First Minister of [Scotland Nicola Sturgeon](ORG) marched.")
    assert ("PERSON", "Nicola Sturgeon") in {(str(e.type), e.name) for e in resolution.entities}
    resolution, _ = extract("[France Télévisions Group](ORG) said so.")
    assert "PERSON" not in {str(e.type) for e in resolution.entities}


def test_a_round_with_no_election_named_is_the_countrys_scheduled_vote():
    resolution, rels = extract("Les médias rêvent d'un duel [Emmanuel Macron](PERSON) - [Marine Le Pen](PERSON) au "
                               "[second tour](ELECTION).", lang="fr", date="2017-02-12")
    assert "French presidential election, 2017" in {e.name for e in resolution.entities}
    # a primary's round is not the presidential election; a country with no calendar gets none
    resolution, _ = extract("La primaire désignera le candidat : [Alain Juppé](PERSON) est favori au "
                            "[second tour](ELECTION).", lang="fr", date="2016-11-01")
    assert "French presidential election, 2017" not in {e.name for e in resolution.entities}


@pytest.mark.parametrize("marked,person", [
    ("The [Hillary Clinton](PERSON) campaign reimbursed the agency.", "Hillary Clinton"),
    ("He met his presidential opponent [Hillary Clinton](PERSON) in a debate.", "Hillary Clinton"),
    ("[Tim Kaine](PERSON), the running mate, spoke. [Donald Trump](PERSON)'s running mate did too.", "Donald Trump"),
    ("Beaucoup refusent de voter pour [Emmanuel Macron](PERSON).", "Emmanuel Macron"),
    ("La campagne de [Benoît Hamon](PERSON) patine.", "Benoît Hamon"),
])
def test_more_candidacy_cues(marked, person):
    resolution, _ = extract(marked, lang="fr" if " de " in marked or "pour" in marked else "en")
    roles = {e.name: e.roles for e in resolution.entities}
    assert roles[person] == ("candidate",)


def test_the_bundled_local_aliases_follow_the_documents_country():
    def party(marked: str, lang: str = "en") -> set[str]:
        parsed, document = parse(marked, lang=lang)
        local = {f for e in GAZ.entries for f in e.local_forms()}
        spans = tuple(RawSpan(s.text, s.start, s.end, s.label, "?local:PARTY" if s.text in local else "")
                      for s in parsed.spans)
        resolution = resolve(Parsed(parsed.sentences, spans, ()), document, GAZ)
        return {e.name for e in resolution.entities if e.type is EntityType.PARTY}

    assert party("Le [PS](PARTY) perd [Paris](PLACE) face aux [Républicains](PARTY).", lang="fr") >= {"Socialist Party"}
    assert party("In [Lisbon](PLACE), the [Portuguese](NORP) [PS](PARTY) of [António Costa](PERSON) won.") \
        == {"Socialist Party (Portugal)"}
    # a generic name: Norway's Labour in Oslo, Britain's in London; an acronym defined in brackets
    assert party("[Norway](PLACE)'s [Labour Party](PARTY) lost.") == {"Labour Party (Norway)"}
    assert party("[Britain](PLACE)'s [Labour Party](PARTY) lost.") == {"Labour Party"}
    assert party("Le [Parti démocratique des peuples](PARTY) ([HDP](PARTY)) entre au parlement [turc](NORP).",
                 lang="fr") == {"Peoples' Democratic Party (Turkey)"}


def test_an_election_stated_but_not_named():
    resolution, rels = extract("Voters in [Mexico](PLACE) elect [Andrés Manuel López Obrador](PERSON) as their new "
                               "president in a landslide.", date="2018-07-01")
    # Mexico elects its president and congress the same day: Wikipedia's general election
    assert ("Andrés Manuel López Obrador", "candidate_in", "Mexican general election, 2018") in triples(rels)
    resolution, _ = extract("[Salome Zurabishvili](PERSON) is elected president of the [Georgian](NORP) party "
                            "council.", date="2018-11-29")
    assert not [e for e in resolution.entities if e.type is EntityType.ELECTION]


def test_a_runoff_between_two_people_makes_both_candidates():
    resolution, _ = extract("[Bulgarians](NORP) head to the polls in a presidential runoff between BSP backed "
                            "[Rumen Radev](PERSON), of the socialist opposition, and [Tsetska Tsacheva](PERSON).")
    roles = {e.name: e.roles for e in resolution.entities if e.type is EntityType.PERSON}
    assert roles == {"Rumen Radev": ("candidate",), "Tsetska Tsacheva": ("candidate",)}


def test_whom_beat_and_a_pair_of_shares():
    _, rels = extract("The far-right politician [Marine Le Pen](PERSON), whom [Emmanuel Macron](PERSON) beat in "
                      "last year's [presidential election](ELECTION), spoke.", date="2018-12-11")
    assert ("Emmanuel Macron", "defeats", "Marine Le Pen") in triples(rels)
    _, rels = extract("Results show [George Weah](PERSON) defeating [Joseph Boakai](PERSON), 61.5 to 38.5 percent, "
                      "in the runoff of the [presidential election](ELECTION).", date="2017-12-28")
    assert ("George Weah", "defeats", "Joseph Boakai", 61.5) in rels
    shares = {(a, v) for a, p, _, v in rels if p == "vote_share"}
    assert shares == {("George Weah", 61.5), ("Joseph Boakai", 38.5)}


@pytest.mark.parametrize("marked,expected", [
    ("Le sociologue [Bernard Friot \\[sociologue](PERSON) parle.", "Bernard Friot"),
    ("Un tweet de [Donald* Trump**](PERSON) circule.", "Donald Trump"),
    ("La militante [FNJ Julie Apricena](PERSON) répond.", "Julie Apricena"),
    ("Justice Minister [Greece Vassiliki Thanou](PERSON) resigns.", "Vassiliki Thanou"),
    ("Officials of the [George W. Bush Administration](PERSON) resign.", "George W. Bush"),
])
def test_person_names_lose_what_the_model_glued_to_them(marked, expected):
    resolution, _ = extract(marked, lang="fr" if " de " in marked or "La " in marked or "Le " in marked else "en")
    assert [e.name for e in resolution.entities if e.type is EntityType.PERSON] == [expected]


def test_a_bare_surname_needs_a_person_cue_and_common_words_are_no_persons():
    resolution, _ = extract("[Toulouse](PERSON) was calm. Later [Toulouse](PERSON) was busy.")
    assert not [e for e in resolution.entities if e.type is EntityType.PERSON]
    resolution, _ = extract("[Hollingsworth](PERSON) said no. [Hollingsworth](PERSON) left.")
    assert [e.name for e in resolution.entities if e.type is EntityType.PERSON] == ["Hollingsworth"]
    resolution, _ = extract("Selon [Ma mère](PERSON), et [Le roi](PERSON), rien.", lang="fr")
    assert not [e for e in resolution.entities if e.type is EntityType.PERSON]


@pytest.mark.parametrize("marked,lang", [
    ("L'assemblée présidée par [Dominique Bussereau](PERSON), un soutien d'[Alain Juppé](PERSON), calcule.", "fr"),
    ("[Jane Roe](PERSON), a staunch supporter of [Hillary Clinton](PERSON), spoke.", "en"),
])
def test_a_supporter_in_apposition_endorses(marked, lang):
    _, rels = extract(marked, lang=lang)
    assert [p for _, p, _ in triples(rels)] == ["endorses"]


def test_a_country_near_an_election_is_read_from_whole_words():
    # "Frauke" cut at the window's edge once read as "uke", the United Kingdom
    sentence = ("Alternative for Germany chairwoman Frauke Petry announces that she will not lead the party in the "
                "September federal election, citing other leaders.")
    at = sentence.index("September")
    ctx = ElectionContext("German", "2017-04-19", sentence=sentence, before=sentence[:at])
    assert election_names(read_election("September federal election"), ctx)[0] == "German federal election, 2017"


def test_a_given_name_makes_a_person_of_what_the_model_read_otherwise_or_left_untagged():
    resolution, _ = extract("[Miro Cerar](ORG) announces his resignation. The revolution of the late Hugo Chávez "
                            "ends. [Philip Morris International](ORG) sells. The USS Curtis Wilbur sails.")
    persons = sorted(e.name for e in resolution.entities if e.type is EntityType.PERSON)
    assert persons == ["Hugo Chávez", "Miro Cerar"]


@pytest.mark.parametrize("text,country,reference,expected", [
    ("race for the White House", None, "2016-09-28", "United States presidential election, 2016"),
    ("course à l'Élysée", "French", "2016-03-19", "French presidential election, 2017"),
    ("scrutin présidentiel", "Congolese", "2016-09-19", "Congolese presidential election, 2016"),
    ("élections de mi-mandat américaines", "French", "2018-12-28", "United States elections, 2018"),
    ("local elections", "Indonesian", "2018-06-27", "Indonesian local elections, 2018"),
    ("regional election", "Catalan", "2015-09-28", "Catalan regional election, 2015"),
    # president and parliament elected the same day: a general election; the Philippines name it apart
    ("presidential election", "Brazilian", "2018-10-28", "Brazilian general election, 2018"),
    ("presidential election", "Philippine", "2016-05-09", "Philippine presidential election, 2016"),
    ("presidential election", "Austrian", "2016-05-23", "Austrian presidential election, 2016"),
    # two votes in one year: the month of the part's date or the next one; "last": the one before
    ("élections législatives", "Turkish", "2015-11-02", "Turkish general election, November 2015"),
    ("last general election", "Spanish", "2019-07-01", "Spanish general election, April 2019"),
    ("general election", "Spanish", "2019-06-01", "Spanish general election, November 2019"),
    ("general election", "Spanish", "2016-06-26", "Spanish general election, 2016"),
])
def test_more_ways_of_naming_an_election(text, country, reference, expected):
    assert name(text, country, reference) == expected


@pytest.mark.parametrize("marked", [
    "[Theresa May](PERSON) will seek to govern with backing from the [Democratic Unionist Party](PARTY).",
    "[Theresa May](PERSON) governs with the support of the [Democratic Unionist Party](PARTY).",
    "[Jens Stoltenberg](PERSON) struck back Tuesday at [Donald Trump](PERSON) over his claim.",
])
def test_support_received_or_a_counterattack_is_no_endorsement(marked):
    _, rels = extract(marked)
    assert not [p for _, p, _ in triples(rels) if p == "endorses"]


def test_withdrawing_an_application_is_no_withdrawal_and_one_in_favour_of_someone_is_kept_alone():
    _, rels = extract("[Switzerland](PLACE) votes to withdraw the country's application. [Didier Burkhalter](PERSON) "
                      "asks to consider the application as withdrawn.")
    assert not [p for _, p, _ in triples(rels) if p == "withdraws"]
    _, rels = extract("[Angela Eagle](PERSON) drops out of the race and announces her endorsement of [Owen Smith]"
                      "(PERSON). [Angela Eagle](PERSON) ends her [Labour leadership bid](ELECTION).")
    assert {(s, o) for s, p, o in triples(rels) if p == "withdraws"} == {("Angela Eagle", "Owen Smith")}


def test_a_member_of_one_party_is_no_candidate_in_another_partys_primary():
    _, rels = extract("[Republican](PARTY) [Donald Trump](PERSON) wins enough delegates in the [Republican primaries]"
                      "(ELECTION). [Democratic](PARTY) candidate [Hillary Clinton](PERSON) leads her race.",
                      date="2016-05-26")
    candidacies = {(s, o) for s, p, o in triples(rels) if p == "candidate_in"}
    assert ("Hillary Clinton", "Republican Party presidential primaries, 2016") not in candidacies


def test_provincial_votes_and_offices_named_after_a_country():
    assert name("Alberta general election", "Canadian", "2015-05-05",
                sentence="Voters in the Canadian province of Alberta go to the polls.") == \
        "Alberta general election, 2015"
    assert name("Sunday general election", "Canadian", "2015-10-19") == "Canadian federal election, 2015"
    resolution, rels = extract("Voters elect [Sergio Mattarella](PERSON) President of Italy.", date="2015-01-31")
    assert ("Sergio Mattarella", "candidate_in", "Italian presidential election, 2015") in triples(rels)
    resolution, _ = extract("Shareholders elect [Jane Roe](PERSON) President of the Board.", date="2015-01-31")
    assert not [e for e in resolution.entities if e.type is EntityType.ELECTION]


def test_companies_places_and_french_verbs_are_no_persons():
    resolution, _ = extract("[Rio Alto Mining](ORG) is sold. [Osaka Metropolis](PERSON) votes.")
    assert not [e for e in resolution.entities if e.type is EntityType.PERSON]
    resolution, _ = extract("[Délocaliser l'Elysée](PERSON) ? Non. [Xavier Bertrand](PERSON) répond.", lang="fr")
    assert [e.name for e in resolution.entities if e.type is EntityType.PERSON] == ["Xavier Bertrand"]


def test_a_compound_given_name_alone_and_a_newspaper_are_no_persons():
    resolution, _ = extract("[Jean-Luc](PERSON) dit non. [Jean-Luc](PERSON) a dit oui. Le [Nouvel Obs](PERSON) "
                            "le dit, selon [Jean-Luc Mélenchon](PERSON).", lang="fr")
    assert [e.name for e in resolution.entities if e.type is EntityType.PERSON] == ["Jean-Luc Mélenchon"]
