"""Rules written in session four from the tool's output on documents outside the evaluation set (elections
named by a country's word alone, leadership contests, state caucuses, motions voted in parliament, places our
tables do not know, thresholds, party letters of American politicians, legislatures named Congress, persons the
model misread) and from the misses of the dev split's French articles (candidacy cues of commentary,
memberships with the party in brackets). The sentences are written for the tests, in the shape of the texts
that showed the fault."""

from __future__ import annotations

import pytest

from extract.names import strip_title
from extract.patterns import ELECTION_PATTERNS, candidacy_cue
from extract.persons import person_name
from extract.records import EntityType
from marked import extract, name, triples


def elections(resolution) -> list[str]:
    return sorted(e.name for e in resolution.entities if e.type is EntityType.ELECTION)


def persons(resolution) -> list[str]:
    return sorted(e.name for e in resolution.entities if e.type is EntityType.PERSON)


def test_a_countrys_election_of_no_kind_is_the_one_the_document_names():
    resolution, rels = extract(
        "Voters in [Haiti](PLACE) go to the polls for a [presidential election](ELECTION). "
        "[Jovenel Moïse](PERSON) provisionally wins the [Haitian election](ELECTION) with over 50% of the vote.",
        date="2016-11-20")
    assert elections(resolution) == ["Haitian presidential election, 2016"]
    assert ("Jovenel Moïse", "vote_share", "Haitian presidential election, 2016", 50.0) in rels
    # alone, it is the one national vote the country's calendar holds that year
    assert name("Haitian election", "Haitian", "2016-11-20") == "Haitian presidential election, 2016"


def test_a_leadership_contest_with_no_party_named_is_the_documents_partys():
    resolution, rels = extract(
        "Incumbent [Jeremy Corbyn](PERSON) wins the [leadership contest](ELECTION) over [Owen Smith](PERSON) "
        "with 61.8% of the vote. [Sadiq Khan](PERSON) calls on fellow [Labour Party](PARTY) members to vote.",
        date="2016-09-24")
    assert elections(resolution) == ["Labour Party leadership election, 2016"]
    assert ("Owen Smith", "candidate_in", "Labour Party leadership election, 2016") in triples(rels)
    # two parties and none in the sentence: no guess
    resolution, _ = extract("[X Y](PERSON) wins the [leadership contest](ELECTION). The [Labour Party](PARTY) "
                            "and the [Conservative Party](PARTY) meet.", date="2016-09-24")
    assert elections(resolution) == []


def test_the_demonym_opening_a_candidates_title_is_the_elections_country():
    resolution, rels = extract(
        "[French National Front](PARTY) [presidential](ELECTION) candidate [Marine Le Pen](PERSON) meets with "
        "[Russian](NORP) president [Vladimir Putin](PERSON) in [Moscow](PLACE).", date="2016-04-28")
    assert elections(resolution) == ["French presidential election, 2017"]
    assert ("Marine Le Pen", "candidate_in", "French presidential election, 2017") in triples(rels)


def test_a_states_caucuses_belong_to_the_one_party_its_sentence_names():
    resolution, _ = extract("[Republican Party](PARTY) voters hold the [Nevada caucuses](ELECTION) with "
                            "[Donald Trump](PERSON) winning.", date="2016-02-23")
    assert elections(resolution) == ["Republican Party presidential primaries, 2016"]
    resolution, _ = extract("[Democrats](NORP) and [Republicans](NORP) hold the [Nevada caucuses](ELECTION).",
                            date="2016-02-23")
    assert elections(resolution) == []


def test_a_place_the_tables_do_not_know_names_its_own_vote():
    resolution, _ = extract("The government resigns ahead of the [Curaçao general election](ELECTION).",
                            date="2016-10-05")
    assert elections(resolution) == ["Curaçao general election, 2016"]


def test_a_vote_on_a_motion_is_no_election():
    def found(text):
        return [m.group(0) for p in ELECTION_PATTERNS for m in p.finditer(text)]
    assert found("Cameron stages a parliamentary vote on military action in Syria") == []
    assert found("a national ballot over the new constitution") == []
    assert found("the parliamentary vote in June") == ["parliamentary vote in June"]
    assert found("the general vote to elect a new chamber") == ["general vote"]


def test_a_bar_no_candidate_reached_is_no_ones_share():
    _, rels = extract("A runoff [presidential election](ELECTION) between [Lenín Moreno](PERSON) and [Guillermo "
                      "Lasso](PERSON) is set since no candidate gained at least 40 percent of the vote. With 95.3 "
                      "percent counted, [Lenín Moreno](PERSON) received 39.21 percent of valid votes.",
                      date="2017-02-21")
    shares = {(s, v) for s, p, _, v in rels if p == "vote_share"}
    assert ("Lenín Moreno", 39.21) in shares and not any(v == 40.0 for _, v in shares)


def test_the_party_letter_of_an_american_politician_is_a_membership():
    resolution, rels = extract("Sen. [Ron Wyden](PERSON) (D-Ore.) and Sen. [Ted Cruz](PERSON) (R-Texas) spoke. "
                               "The show (D-Day) aired.", date="2016-09-23")
    assert {("Ron Wyden", "member_of", "Democratic Party"), ("Ted Cruz", "member_of", "Republican Party")} \
        <= triples(rels)
    assert sum(e.type is EntityType.PARTY for e in resolution.entities) == 2  # no party from "(D-Day)"


def test_european_parliament_elections_carry_no_country():
    assert name("élections européennes", "French", "2018-11-22") == "European Parliament election, 2019"


def test_titles_ministries_countries_and_demonyms_are_no_part_of_a_persons_name():
    assert strip_title("Vice President Michel Temer") == "Michel Temer"
    assert strip_title("Artist Ai Weiwei") == "Ai Weiwei"
    assert person_name("Economie Bruno Le Maire") == "Bruno Le Maire"
    assert person_name("Economie Nationale") == "Economie Nationale"  # no given name after it: left alone
    resolution, _ = extract("[PRESS Brazil’](PERSON) shows [Michel Temer](PERSON) in [Burkina Faso's](PERSON) "
                            "capital with [Sri Lankan](PERSON) envoys and [Mark Cuban](PERSON). [Cuban](PERSON) said "
                            "so.")
    assert persons(resolution) == ["Mark Cuban", "Michel Temer"]
    resolution, _ = extract("Members of the Congressional [Black Caucus](PERSON) march.")
    assert persons(resolution) == []


def test_a_countrys_congress_is_its_legislature_not_a_party():
    resolution, _ = extract("The [Peruvian Congress](PARTY) and the [Congress of Guatemala](PARTY) vote, as does "
                            "the [All Progressives Congress](PARTY).")
    parties = sorted(e.name for e in resolution.entities if e.type is EntityType.PARTY)
    assert parties == ["All Progressives Congress"]


def test_senate_races_referendums_by_their_voters_and_dated_or_local_votes():
    assert name("Filipino Senate", None, "2016-02-16") == "Philippine Senate election, 2016"
    assert name("Senate race", "United States", "2016-05-01") == "United States Senate elections, 2016"
    assert name("Swiss voters reject", None, "2018-03-04") == "Swiss referendum, 2018"
    assert name("local government elections", "French", "2015-03-29") == "French local elections, 2015"

    def found(text):
        return [m.group(0) for p in ELECTION_PATTERNS for m in p.finditer(text)]
    assert "the December 13 referendum" in found("voters approved the December 13 referendum")
    assert "Swiss voters reject" in found("Swiss voters reject a proposal to scrap the fee")
    assert found("ahead of the Senate vote on the bill") == []
    assert found("Swiss voters reject him") == []


def test_a_party_pattern_stops_at_a_known_party_before_a_persons_name(extractor):
    # the real pipeline: the gazetteer ruler, the party patterns and the model together
    doc = extractor.nlp("en")("He faces the opposition United Party for National Development Hakainde Hichilema "
                              "again, and the Fidesz Party led by Viktor Orbán wins.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("United Party for National Development", "PARTY"), ("Hakainde Hichilema", "PERSON")} <= ents
    assert ("Fidesz Party", "PARTY") in ents  # a party word after the known name is part of it


@pytest.mark.parametrize("text,who", [
    ("C'est la stratégie des candidats de la droite libérale (Fillon) et du centre (Macron), qui", "Macron"),
    ("Les médias votent-ils pour un duel Macron - Le Pen ?", "Le Pen"),
    ("certains n'iront pas voter Emmanuel Macron au second tour", "Emmanuel Macron"),
    ("tandis qu'Emmanuel Macron, Marine Le Pen et Jean-Luc Mélenchon tenaient des réunions publiques", "Marine Le Pen"),
    ("Macron a de réelles chances de perdre contre Le Pen", "Le Pen"),
    ("Cette idée a été reprise par Bruno Le Maire, un de ses rivaux à la primaire", "Bruno Le Maire"),
    ("la tête de liste des Républicains dans l'est, Philippe Richert, a dénoncé", "Philippe Richert"),
    ("Benoît Hamon était investi à Paris", "Benoît Hamon"),
    ("l'ex-chef de l'État, Nicolas Sarkozy, qui espère reconquérir l'Élysée en 2017", "Nicolas Sarkozy"),
    ("the first presidential debate between Clinton and Trump on Monday", "Trump"),
    ("Governor John Smith is seeking re-election", "John Smith"),
    ("the ruling disqualified Senator Grace Poe from running in the May 9 election", "Grace Poe"),
    ("Incumbent President Edgar Lungu again faces off against the opposition", "Edgar Lungu"),
])
def test_candidacy_cues_of_french_commentary_and_wire_copy(text, who):
    start = text.index(who)
    assert candidacy_cue(text, start, start + len(who))


@pytest.mark.parametrize("text,who", [
    ("I met John Smith, Paris and London, then left", "John Smith"),
    ("John Smith, the leader of the party, said so", "John Smith"),
    ("Les médias aiment Emmanuel Macron et Marine Le Pen", "Marine Le Pen"),
])
def test_no_candidacy_without_a_cue(text, who):
    start = text.index(who)
    assert not candidacy_cue(text, start, start + len(who))


def test_a_role_with_the_party_in_brackets_and_the_head_of_a_movement_are_memberships():
    _, rels = extract("[Alain Juppé](PERSON), le maire ([LR](PARTY)) de Bordeaux, et [Dominique Bussereau]"
                      "(PERSON), député ([LR](PARTY)) de Charente-Maritime.", lang="fr")
    assert {("Alain Juppé", "member_of", "The Republicans"), ("Dominique Bussereau", "member_of", "The Republicans")} \
        <= triples(rels)
    _, rels = extract("[Gaspard Gantzer](PERSON), à la tête de son mouvement « [Parisiennes, Parisiens](PARTY) », "
                      "estime que non.", lang="fr")
    assert ("Gaspard Gantzer", "member_of", "Parisiennes, Parisiens") in triples(rels)


def test_a_surname_once_after_an_honorific_or_a_title_is_a_person():
    resolution, _ = extract("“It is a good deal,” [Mr Hollingsworth](PERSON) told the BBC. [Okonkwo](PERSON) is "
                            "away, President [Vantongeren](PERSON) says. [Toulouse](PERSON) wins.")
    assert persons(resolution) == ["Hollingsworth", "Vantongeren"]  # a lone surname with no cue is left out
    resolution, _ = extract("[Obama](PERSON) is away.")  # unless the gazetteer knows whose surname it is
    assert persons(resolution) == ["Barack Obama"]


def test_a_possessive_ends_a_persons_name():
    resolution, _ = extract("Accepting [Mrs May’s Brexit](PERSON) deal is better, [Mr Raab](PERSON) said.")
    assert persons(resolution) == ["Dominic Raab", "May"]  # "May" alone is no one the gazetteer may name


def test_a_gazetteer_surname_is_not_another_persons(tmp_path):
    from extract.gazetteer import load_gazetteer
    from extract.pipeline import Extractor
    from extract.readers import read_text
    path = tmp_path / "people.jsonl"
    path.write_text('{"name": "Boris Johnson", "type": "PERSON", "country": "GB", "surname": "Johnson"}\n'
                    '{"name": "Theresa May", "type": "PERSON", "country": "GB", "surname": "May", '
                    '"surname_alone": false}\n', encoding="utf-8")
    gazetteer = load_gazetteer([path])
    may = gazetteer.by_id()["person/theresa-may"]
    assert may.surname_forms() == () and "person/theresa-may" not in {p["id"] for p in gazetteer.patterns()
                                                                       if p["pattern"] == "May"}
    doc, = read_text(" date 2016-09-23\nLibertarian candidate Gary Johnson rallied in Denver. Johnson said he "
                     "would win.\n\nIn London, Johnson spoke in May.", "t.txt")
    record, = Extractor(gazetteer).extract([doc])
    names = sorted(e.name for e in record.entities if e.type is EntityType.PERSON)
    assert names == ["Gary Johnson"]  # every bare Johnson is the Johnson this story names in full
    doc, = read_text(" date 2016-06-24\nJohnson said Britain would leave.", "u.txt")
    record, = Extractor(gazetteer).extract([doc])
    assert [e.name for e in record.entities if e.type is EntityType.PERSON] == ["Boris Johnson"]


def test_a_bare_primary_is_the_known_primary_of_the_documents_party():
    resolution, rels = extract("[Les Républicains](PARTY) veulent l'écarter. [Nadine Morano](PERSON) s'est déclarée "
                               "candidate à [la primaire](ELECTION) dans son parti.", lang="fr", date="2015-09-30")
    assert elections(resolution) == ["The Republicans presidential primary, 2016"]
    assert ("Nadine Morano", "candidate_in", "The Republicans presidential primary, 2016") in triples(rels)
    resolution, _ = extract("Le [Parti de gauche](PARTY) hésite. Il a été battu à [la primaire](ELECTION).",
                            lang="fr", date="2015-09-30")
    assert elections(resolution) == []  # no primary of that party known: none invented


def test_headline_capitals_and_a_trailing_title_are_no_part_of_a_name():
    assert person_name("Trump To") == person_name("Trump Sheriff") == "Trump"
    assert person_name("As Clinton") == "Clinton"
    assert person_name("Will Smith") == "Will Smith" and person_name("Said Mahmoud") == "Said Mahmoud"


def test_a_short_surnames_mangled_variant_is_no_pattern(tmp_path):
    from extract.gazetteer import load_gazetteer
    path = tmp_path / "jp.jsonl"
    path.write_text('{"name": "Tarō Asō", "type": "PERSON", "country": "JP", "surname": "Asō"}\n', encoding="utf-8")
    entry = load_gazetteer([path]).by_id()["person/taro-aso"]
    assert entry.surname_forms() == ("Asō",)  # not "Aso" (three letters) nor "As" (a word)


def test_the_models_person_before_a_gazetteer_surname_is_another_person(extractor):
    doc = extractor.nlp("en")("Raphael Bienvenido Cruz preached in Iowa. Kevin Merkel spoke. Critics call him "
                              "“Barack Trump” online.")
    persons = {(e.text, e.ent_id_) for e in doc.ents if e.label_ == "PERSON"}
    assert ("Kevin Merkel", "") in persons
    assert any(text.endswith("Cruz") and text.startswith("Raphael") and not eid for text, eid in persons)
    assert ("Barack Trump", "") not in persons  # a nickname in quotes is no other person


def test_a_referendum_called_for_is_not_held():
    resolution, _ = extract("[Laurent Wauquiez](PERSON) demande [un référendum](ELECTION) sur la taxe.", lang="fr",
                            date="2018-12-04")
    assert elections(resolution) == []
    resolution, _ = extract("Critics call for [a second referendum](ELECTION).", date="2018-12-09")
    assert elections(resolution) == []
    resolution, _ = extract("Voters in [Italy](PLACE) reject [the constitutional referendum](ELECTION).",
                            date="2016-12-04")
    assert elections(resolution) == ["Italian constitutional referendum, 2016"]


def test_smaller_states_name_their_votes():
    from extract.countries import country_of
    assert country_of("Equatorial Guinean") == country_of("Guinée équatoriale") == "Equatorial Guinean"
    assert country_of("Guinea-Bissau", adjective=False) == "Bissau-Guinean"
    assert country_of("Guinea") == "Guinean"  # the longer names do not swallow the shorter one
    assert name("presidential election", "Equatorial Guinean", "2016-04-24") == \
        "Equatorial Guinean presidential election, 2016"


@pytest.mark.parametrize("verb", ["trounces", "routs", "topples", "prevails over", "wins the runoff against",
                                  "won a landslide over", "l'emporte face à"])
def test_more_ways_to_say_defeat(verb):
    lang = "fr" if "emporte" in verb else "en"
    _, rels = extract(f"[Ana Lima](PERSON) {verb} [Rui Costa](PERSON) in the [presidential election](ELECTION).",
                      lang=lang, date="2016-05-01")
    assert ("Ana Lima", "defeats", "Rui Costa") in triples(rels)


@pytest.mark.parametrize("phrase,sentence,country,date,lang,expected", [
    ("referendum", "New Zealanders vote in the first flag referendum.", "New Zealand", "2015-11-20", "en",
     "New Zealand flag referendum, 2015"),
    ("référendum", "le référendum sur l'indépendance de la Nouvelle-Calédonie", "French", "2018-11-03", "fr",
     "New Caledonian independence referendum, 2018"),
    ("referendum", "after the Brexit referendum", "United Kingdom", "2016-06-24", "en",
     "United Kingdom European Union membership referendum, 2016"),
    ("referendum", "voters back a referendum on the railway project", "Slovenian", "2017-09-24", "en",
     "Slovenian railway referendum, 2017"),
    ("referendum", "a referendum on taxes and on independence for the flag", "Swiss", "2016-02-28", "en",
     "Swiss referendum, 2016"),  # two topics: none chosen
    ("élections de mi-mandat", "avant les élections de mi-mandat", "French", "2018-11-07", "fr",
     "United States elections, 2018"),
])
def test_referendums_are_named_by_their_topic_and_midterms_are_american(phrase, sentence, country, date, lang,
                                                                          expected):
    from extract.elections import ElectionContext, election_names
    from extract.patterns import read_election
    at = sentence.index(phrase)
    ctx = ElectionContext(country, date, sentence=sentence, before=sentence[:at])
    assert election_names(read_election(phrase, lang), ctx)[0] == expected


def test_a_gazetteer_surname_before_another_name_across_a_no_break_space(extractor):
    doc = extractor.nlp("en")("Donald Trump spoke at Trump Tower. Philippe Richert and Benoît\u00a0Hamon won.")
    ents = {(e.text, e.ent_id_) for e in doc.ents if e.label_ in ("PERSON", "PER")}
    assert ("Trump", "person/donald-trump") in ents and not any(t == "Trump Tower" for t, _ in ents)
    assert ("Philippe Richert", "") in ents  # not Édouard Philippe: his given name is no surname alone


def test_smaller_french_parties_are_known(extractor):
    doc = extractor.nlp("fr")("Elle rejoint Nouvelle Donne, le parti emmené par Pierre Larrouturou.")
    assert ("Nouvelle Donne", "PARTY", "party/nouvelle-donne") in {(e.text, e.label_, e.ent_id_) for e in doc.ents}


def test_the_party_led_by_a_person_in_apposition():
    _, rels = extract("Elle rejoint [Nouvelle Donne](PARTY), le parti emmené par [Pierre Larrouturou](PERSON).",
                      lang="fr", date="2016-04-25")
    assert ("Pierre Larrouturou", "member_of", "Nouvelle Donne") in triples(rels)


def test_a_candidate_now_runs_in_the_coming_vote_not_the_last_one_named():
    _, rels = extract("Le candidat à [la présidentielle](ELECTION) parle de viande. Il en parlait lors de "
                      "[la campagne présidentielle de 2012](ELECTION). [Yannick Jadot](PERSON), candidat EELV, se tait.",
                      lang="fr", date="2017-01-03")
    candidacies = {(s, o) for s, p, o in triples(rels) if p == "candidate_in"}
    assert candidacies == {("Yannick Jadot", "French presidential election, 2017")}


def test_french_campaign_prose():
    _, rels = extract(
        "[Benoît Hamon](PERSON), le candidat socialiste, a reçu le soutien de [Martine Aubry](PERSON). "
        "[Manuel Valls](PERSON) votera [Macron](PERSON) au premier tour de [la présidentielle](ELECTION). "
        "[Marine Le Pen](PERSON), la candidate du [Front national](PARTY), a obtenu 21,3 % des voix. "
        "Les Républicains ont investi [François Fillon](PERSON) pour [la présidentielle](ELECTION). "
        "[Yannick Jadot](PERSON) a retiré sa candidature au profit de [Benoît Hamon](PERSON).",
        lang="fr", date="2017-04-20")
    found = triples(rels)
    assert {("Martine Aubry", "endorses", "Benoît Hamon"), ("Manuel Valls", "endorses", "Emmanuel Macron"),
            ("François Fillon", "candidate_in", "French presidential election, 2017"),
            ("Yannick Jadot", "withdraws", "Benoît Hamon")} <= found
    assert ("Marine Le Pen", "vote_share", "French presidential election, 2017", 21.3) in rels
    assert not any(s == "Benoît Hamon" and p == "endorses" for s, p, _ in found)  # support received


def test_an_earlier_cycles_election_is_named_by_its_year_and_is_not_the_election():
    resolution, rels = extract(
        "In the [United States](PLACE), [Trump](PERSON) said the [election](ELECTION) is rigged. [Mitt Romney](PERSON) lost the [2012 election]"
        "(ELECTION) to [Barack Obama](PERSON). In the [2008 race](ELECTION), [John McCain](PERSON) lost.",
        date="2016-09-25")
    assert elections(resolution) == ["United States presidential election, 2008",
                                     "United States presidential election, 2012",
                                     "United States presidential election, 2016"]
    assert ("Barack Obama", "defeats", "Mitt Romney") in triples(rels)
    assert ("Mitt Romney", "candidate_in", "United States presidential election, 2012") in triples(rels)
    # last year's vote may still be "the election" (a result contested the next January)
    resolution, _ = extract("[Yahya Jammeh](PERSON) rejects the result of the [presidential election](ELECTION) "
                            "in [the Gambia](PLACE). The [election](ELECTION) was fair, observers say.",
                            date="2017-01-13")
    assert elections(resolution) == ["Gambian presidential election, 2016"]


def test_an_independence_vote_is_the_regions_tagged_referendum():
    from extract.elections import ElectionContext, election_names
    from extract.patterns import read_election
    assert read_election("independence vote", "en").kind == "independence referendum"
    sentence = "Parliament approves a referendum concerning independence from Spain."
    at = sentence.index("referendum")
    ctx = ElectionContext("Spanish", "2017-09-06", sentence=sentence, before=sentence[:at],
                          tagged=(("Catalan", "independence referendum", "Catalan independence referendum"),))
    assert election_names(read_election("referendum", "en"), ctx)[0] == "Catalan independence referendum, 2017"
