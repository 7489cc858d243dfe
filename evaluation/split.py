"""The development set: which documents, and which of them are held out from rule-writing.

The list was fixed from file names and the corpus manifest only (language, election flag, size), before any
text was read; the held-out draw below was made right after, still before reading. Rerun
`python -m evaluation.split` to see that the assignment is reproducible. The seeds stay in `dev`: the rules
were written from them.

Held-out documents are for scoring only: nobody writing rules reads them or their gold files, and
`evaluation.evaluate` prints only their aggregate scores.
"""

from __future__ import annotations

import random

SEED = 20170423  # the fixed seed of the held-out draw (first round of the French presidential election, 2017)
HELDOUT_PER_LANG = {"fr": 5, "en": 9}

# (gold name, path relative to /work/shared, lang, country)
SEEDS = [
    ("seed000", "seeds/000_c169466d024e5ff9.txt", "en", "FR"),
    ("seed001", "seeds/001_9eba1a5fa66aad6d.txt", "en", "FR"),
    ("seed002", "seeds/002_bc6bef7919eb2983.txt", "en", "FR"),
    ("seed003", "seeds/003_ad1ec7b6e60e2095.txt", "fr", "FR"),
]

_P, _C, _A = "corpus/pages/", "corpus/cep-events/", "corpus/articles/"
CORPUS = [
    # English event pages (pages/: France, US, UK)
    ("page_us_2016-03-17_sanders-missouri",
     _P + "2016-03-17__bernie-sanders-concedes-the-missouri-primary-to-hillary-clinton-who-led-"
       "by-1-531.md", "en", "US"),
    ("page_uk_2016-07-19_eagle-smith",
     _P + "2016-07-19__angela-eagle-drops-out-of-the-race-and-announces-her-endorsement-of-owen-"
       "smith-t.md", "en", "UK"),
    ("page_uk_2016-09-24_corbyn-wins",
     _P + "2016-09-24__incumbent-jeremy-corbyn-wins-the-leadership-contest-over-owen-smith-with-"
       "61-8-of.md", "en", "UK"),
    ("page_uk_2016-11-28_nuttall-ukip",
     _P + "2016-11-28__paul-nuttall-wins-an-overall-majority-in-a-vote-to-become-the-uk-"
       "independence-pa.md", "en", "UK"),
    ("page_fr_2017-02-22_bayrou-drops-out",
     _P + "2017-02-22__franassois-bayrou-drops-out-in-an-effort-to-boost-emmanuel-macron.md", "en", "FR"),
    ("page_fr_2016-11-27_fillon-juppe",
     _P + "2016-11-27__a-second-round-runoff-takes-place-in-france-between-franassois-fillon-and-"
       "alain-.md", "en", "FR"),
    ("page_fr_2017-04-23_first-round",
     _P + "2017-04-23__voters-in-france-go-to-the-polls-to-elect-a-new-president-marine-le-pen-"
       "and-emma.md", "en", "FR"),
    ("page_us_2016-05-26_trump-delegates",
     _P + "2016-05-26__the-associated-press-reports-that-donald-trump-has-secured-enough-"
       "delegates-to-s.md", "en", "US"),
    ("page_uk_2017-06-09_hung-parliament",
     _P + "2017-06-09__results-of-yesterday-s-snap-election-are-counted-revealing-a-hung-"
       "parliament-as-.md", "en", "UK"),
    # English event pages (cep-events/: other countries)
    ("cep_ng_2015-03-31_buhari",
     _C + "2015-03-31__nigerian-voters-elect-muhammadu-buhari-who-previously-ruled-as-a-military-"
       "dictator-in-1983-1985-of-the-all-progressives-congress-as-the-next.md", "en", "NG"),
    ("cep_at_2016-05-23_van-der-bellen",
     _C + "2016-05-23__independent-candidate-alexander-van-der-bellen-a-member-of-the-greens-is-"
       "elected-president-of-austria-in-a-tight-contest-that-was-decided-by.md", "en", "AT"),
    ("cep_ph_2016-05-09_duterte",
     _C + "2016-05-09__filipino-voters-head-to-the-polls-for-a-presidential-election-with-"
       "unofficial-counts-showing-davao-city-mayor-rodrigo-duterte-with-a-command.md", "en", "PH"),
    ("cep_ke_2017-10-10_odinga-pulls-out",
     _C + "2017-10-10__in-an-unprecedented-move-kenya-s-presidential-aspirant-raila-odinga-pulls-"
       "out-of-a-repeat-presidential-election-just-15-days-before-the-elec.md", "en", "KE"),
    ("cep_es_2015-12-21_pp-123-seats",
     _C + "2015-12-21__in-sunday-s-elections-spain-s-center-right-ruling-people-s-party-pp-wins-"
       "123-seats-35-1-and-the-center-left-socialist-workers-party-psoe-tak.md", "en", "ES"),
    ("cep_de_2017-09-24_bundestag",
     _C + "2017-09-24__voters-in-germany-go-to-the-polls-to-elect-members-of-the-bundestag-"
       "chancellor-angela-merkel-of-the-christian-democratic-union-is-widely-exp.md", "en", "DE"),
    ("cep_br_2018-10-28_bolsonaro",
     _C + "2018-10-28__brazilians-elect-jair-bolsonaro-of-the-social-liberal-party-as-president-"
       "with-55-of-the-vote-in-the-second-round-of-the-presidential-electio.md", "en", "BR"),
    ("cep_pe_2016-06-06_kuczynski",
     _C + "2016-06-06__with-more-than-92-of-the-vote-counted-pedro-pablo-kuczynski-is-ahead-of-"
       "keiko-fujimori-by-just-over-103-000-votes-50-3-percent-to-49-6-perce.md", "en", "PE"),
    ("cep_nl_2017-03-15_dutch-election",
     _C + "2017-03-15__voters-in-the-netherlands-go-to-the-polls-for-a-general-election-exit-"
       "polls-suggest-that-incumbent-prime-minister-mark-rutte-s-people-s-part.md", "en", "NL"),
    # English articles
    ("art_en_2015-09-18_greek-elections",
     _A + "2015-09-18__reportedly_2015_09__greek-elections-again-sovereign-people-and-their-"
       "options.txt", "en", "GR"),
    ("art_en_2015-09-28_digest-catalan",
     _A + "2015-09-28__reportedly_2015_09__digest-umbrella-movement-anniversary-catalan-"
       "separatists-win-elections-shell-sto.txt", "en", "ES"),
    ("art_en_2016-09-18_libertarians",
     _A + "2016-09-18__fakenewsnet_realnews_2016__libertarian-candidates-we-will-alter-course-of-"
       "the-election.txt", "en", "US"),
    ("art_en_2016-09-23_cruz-trump",
     _A + "2016-09-23__fakenewsnet_realnews_2016__9-times-ted-cruz-insulted-donald-trump-before-"
       "endorsing-him.txt", "en", "US"),
    ("art_en_2016-09-25_johnson-sleep",
     _A + "2016-09-25__fakenewsnet_realnews_2016__johnson-im-going-to-sleep-well-at-the-end-of-"
       "all-this.txt", "en", "US"),
    ("art_en_2018-12-08_cdu",
     _A + "2018-12-08__gilets_jaunes_multilingual__cdu-looks-ahead-after-merkels-pussyfooting-"
       "around.txt", "en", "DE"),
    ("art_en_2016-09-20_clinton-50-days",
     _A + "2016-09-20__fakenewsnet_realnews_2016__clinton-the-next-50-days-will-determine-the-"
       "next-50-years.txt", "en", "US"),
    # French articles
    ("art_fr_2015-09-30_morano",
     _A + "2015-09-30__gilets_jaunes_multilingual__l-eurodeputee-francaise-nadine-morano-suscite-"
       "une-vive-polemique-apres-avoir-qua.txt", "fr", "FR"),
    ("art_fr_2015-10-22_le-pen-invitee",
     _A + "2015-10-22__akinarticle_web_articles__marine-le-pen-reste-la-politique-la-plus-"
       "invitee-a-des-paroles-et-des-actes.txt", "fr", "FR"),
    ("art_fr_2015-12-09_melenchon-droite",
     _A + "2015-12-09__akinarticle_web_articles__jean-luc-melenchon-la-droite-plutot-que-le-fn-a-"
       "condition-quil-y-ait-une-differe.txt", "fr", "FR"),
    ("art_fr_2016-02-01_iowa",
     _A + "2016-02-01__akinarticle_web_articles__dans-liowa-les-republicains-font-etalage-de-"
       "leur-foi.txt", "fr", "US"),
    ("art_fr_2016-03-19_droite-centre",
     _A + "2016-03-19__akinarticle_web_articles__a-droite-le-fantasme-dun-rapprochement-avec-le-"
       "centre-gauche.txt", "fr", "FR"),
    ("art_fr_2016-04-05_temps-de-parole",
     _A + "2016-04-05__akinarticle_web_articles__presidentielle-les-deputes-adoptent-la-reforme-"
       "du-temps-de-parole.txt", "fr", "FR"),
    ("art_fr_2016-06-07_juppe-tweet",
     _A + "2016-06-07__akinarticle_web_articles__alain-juppe-porte-plainte-apres-la-diffusion-d-"
       "un-faux-tweet-sur-le-ramadan.txt", "fr", "FR"),
    ("art_fr_2017-01-17_medef-le-pen",
     _A + "2017-01-17__akinarticle_web_articles__le-medef-ouvre-ses-portes-a-marine-le-pen.txt", "fr", "FR"),
    ("art_fr_2017-01-29_hamon-agents",
     _A + "2017-01-29__akinarticle_web_articles__benoit-hamon-et-ses-meilleurs-agents.txt", "fr", "FR"),
    ("art_fr_2017-02-12_macron-medias",
     _A + "2017-02-12__akinarticle_web_articles__emmanuel-macron-candidat-des-medias-autopsie-"
       "dun-choix-implicite.txt", "fr", "FR"),
    ("art_fr_2017-04-04_lci-replay",
     _A + "2017-04-04__akinarticle_web_articles__critiques-contre-macron-et-le-pen-sous-la-"
       "pression-lci-supprime-un-replay.txt", "fr", "FR"),
    ("art_fr_2017-06-17_nkm",
     _A + "2017-06-17__gilets_jaunes_multilingual__nathalie-kosciusko-morizet-ex-ministre-et-"
       "candidate-de-droite-aux-legislatives.txt", "fr", "FR"),
    ("art_fr_2018-11-11_royal",
     _A + "2018-11-11__gilets_jaunes_multilingual__l-ancienne-ministre-socialiste-francaise-"
       "segolene-royal-candidate-malheureuse-a.txt", "fr", "FR"),
    ("art_fr_2015-11-02_turquie-erdogan",
     _A + "2015-11-02__akinarticle_web_articles__en-turquie-le-triomphe-derdogan.txt", "fr", "TR"),
    ("art_fr_2015-04-27_burundi",
     _A + "2015-04-27__akinarticle_web_articles__burundi-la-police-disperse-une-nouvelle-"
       "manifestation-de-l-opposition.txt", "fr", "BI"),
]

# The second batch (session three): drawn by `evaluation.draw2` (seed 20151220) from file names and the
# manifest, before any text was read. Country "" = an article; its annotator records the country in the gold
# file. (gold name, path, lang, country, split)
BATCH2 = [
    ('cep_kr_2016-12-09_south-korean-lawmakers',
     _C + '2016-12-09__south-korean-lawmakers-impeach-president-park-geun-hye-by-a-23456-vo'
       'te-prime-minister-hwang-kyo-ahn-a-staunch-defender-of-ms-park-will-serve.md', 'en', 'KR', 'heldout2'),
    ('cep_mx_2018-07-01_voters-mexico-elect',
     _C + '2018-07-01__voters-in-mexico-elect-andres-manuel-lopez-obrador-as-their-new-pres'
       'ident-in-a-landslide-victory-additionally-128-senators-and-500-deputies.md', 'en', 'MX', 'heldout2'),
    ('cep_sn_2016-12-12_president-senegal-urges',
     _C + '2016-12-12__the-president-of-senegal-urges-the-gambia-s-fallen-dictator-yahya-ja'
       'mmeh-to-respect-the-result-of-the-polls.md', 'en', 'SN', 'heldout2'),
    ('cep_ug_2016-05-11_uganda-arrests-opposition',
     _C + '2016-05-11__uganda-arrests-opposition-leader-kizza-besigye-as-he-addressed-a-cro'
       'wd-of-supporters-in-the-capital-kampala-and-shuts-down-access-to-social.md', 'en', 'UG', 'heldout2'),
    ('cep_za_2018-02-14_jacob-zuma-resigns',
     _C + '2018-02-14__jacob-zuma-resigns-as-president-of-south-africa-effective-immediatel'
       'y-following-an-ultimatum-issued-the-day-prior-by-african-national-congre.md', 'en', 'ZA', 'dev'),
    ('cep_mm_2015-11-09_myanmar-ruling-union',
     _C + '2015-11-09__myanmar-s-ruling-union-solidarity-and-development-party-usdp-concede'
       's-defeat-in-sunday-s-first-free-nationwide-election-in-a-quarter-of-a-ce.md', 'en', 'MM', 'dev'),
    ('cep_pt_2016-10-05_united-nations-security',
     _C + '2016-10-05__the-united-nations-security-council-affirms-the-first-step-in-the-el'
       'ection-of-portuguese-antonio-guterres-as-the-next-secretary-general-of-t.md', 'en', 'PT', 'dev'),
    ('cep_nz_2015-09-01_four-alternatives-current',
     _C + '2015-09-01__four-alternatives-to-the-current-new-zealand-flag-are-chosen-for-a-s'
       'pring-referendum-20-november-11-december-2015-in-which-new-zealanders-wi.md', 'en', 'NZ', 'dev'),
    ('cep_np_2017-11-26_voters-nepal-go',
     _C + '2017-11-26__voters-in-nepal-go-to-the-polls-for-the-first-phase-of-an-election-t'
       'o-choose-members-for-the-house-of-representatives-and-parliament.md', 'en', 'NP', 'dev'),
    ('cep_ve_2015-12-06_venezuelan-opposition-leaders',
     _C + '2015-12-06__venezuelan-opposition-leaders-say-their-democratic-unity-roundtable-'
       'has-won-control-of-the-167-seat-legislature-from-the-ruling-socialists-f.md', 'en', 'VE', 'dev'),
    ('cep_ch_2016-07-03_european-union-warns',
     _C + '2016-07-03__the-european-union-warns-switzerland-that-it-will-lose-access-to-its'
       '-single-market-if-it-goes-through-with-its-plan-to-impose-restrictions-o.md', 'en', 'CH', 'dev'),
    ('cep_id_2018-06-27_local-elections-take',
     _C + '2018-06-27__local-elections-take-place-across-indonesia-including-races-for-17-g'
       'overnors.md', 'en', 'ID', 'heldout2'),
    ('cep_tw_2016-02-17_report-taiwanese-defense',
     _C + '2016-02-17__a-report-by-the-taiwanese-defense-ministry-states-that-china-has-pla'
       'ced-surface-to-air-missiles-on-the-disputed-woody-island-taiwanese-presi.md', 'en', 'TW', 'dev'),
    ('cep_tz_2015-10-25_voters-tanzania-including',
     _C + '2015-10-25__voters-in-tanzania-including-tanganyika-and-semi-autonomous-zanzibar'
       '-which-also-elects-its-own-government-go-to-the-polls-for-an-election-wi.md', 'en', 'TZ', 'heldout2'),
    ('art_fr_2016-09-19_rdc-conteste-kabila',
     _A + '2016-09-19__akinarticle_web_articles__rdc-conteste-kabila-reprime-dans-le-sang.t'
       'xt', 'fr', '', 'heldout2'),
    ('art_fr_2018-02-15_limpact-dons-sur',
     _A + '2018-02-15__akinarticle_web_articles__limpact-des-dons-sur-les-resultats-elector'
       'aux-est-un-sujet-central.txt', 'fr', '', 'heldout2'),
    ('art_fr_2016-04-27_electeurs-socialistes-grands',
     _A + '2016-04-27__akinarticle_web_articles__les-electeurs-socialistes-grands-decus-de-'
       'la-politique.txt', 'fr', '', 'heldout2'),
    ('art_fr_2017-06-15_loi-moralisation-macron',
     _A + '2017-06-15__akinarticle_web_articles__loi-de-moralisation-macron-enclenche-la-ma'
       'rche-arriere.txt', 'fr', '', 'heldout2'),
    ('art_fr_2017-04-23_je-ne-marcherai',
     _A + '2017-04-23__akinarticle_web_articles__je-ne-marcherai-pas-pour-un-monde-qui-secr'
       'oule.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-11_paris-deputes-socialistes',
     _A + '2018-12-11__gilets_jaunes_multilingual__paris-les-deputes-socialistes-insoumis-e'
       't-communistes-vont-deposer-aujourd-hu.txt', 'fr', '', 'heldout2'),
    ('art_fr_2015-09-03_conquete-ouest-afrique',
     _A + '2015-09-03__akinarticle_web_articles__la-conquete-de-l-ouest-de-l-afrique.txt', 'fr', '', 'dev'),
    ('art_fr_2015-12-08_lettre-luc-vaillant',
     _A + '2015-12-08__akinarticle_web_articles__lettre-a-luc-le-vaillant.txt', 'fr', '', 'dev'),
    ('art_fr_2016-04-01_xavier-bertrand-saugmente',
     _A + '2016-04-01__akinarticle_web_articles__xavier-bertrand-saugmente-de-4-000-euros-p'
       'our-compenser-la-fin-du-cumul-de-ses-m.txt', 'fr', '', 'dev'),
    ('art_fr_2017-01-30_chantal-mouffe-philosophe',
     _A + '2017-01-30__akinarticle_web_articles__chantal-mouffe-la-philosophe-qui-inspire-l'
       'a-gauche-de-hamon-a-melenchon.txt', 'fr', '', 'dev'),
    ('art_fr_2016-12-15_lautorite-retour-force',
     _A + '2016-12-15__akinarticle_web_articles__lautorite-un-retour-en-force.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-28_leipzig-hackers-entre',
     _A + '2018-12-28__akinarticle_web_articles__a-leipzig-des-hackers-entre-memoire-et-ant'
       'icipation.txt', 'fr', '', 'dev'),
    ('art_en_2016-09-28_trump-said-not',
     _A + '2016-09-28__fakenewsnet_realnews_2016__trump-said-not-paying-taxes-makes-him-sma'
       'rt-mark-cuban-s-response-is-powerful.txt', 'en', '', 'heldout2'),
    ('art_en_2015-09-16_daily-digest-september',
     _A + '2015-09-16__reportedly_2015_09__daily-digest-september-16-2015.txt', 'en', '', 'heldout2'),
    ('art_en_2016-09-22_trump-received-1',
     _A + '2016-09-22__fakenewsnet_realnews_2016__trump-received-1-6-million-from-secret-se'
       'rvice.txt', 'en', '', 'dev'),
    ('art_en_2016-09-27_nato-chief-counterattacks',
     _A + '2016-09-27__fakenewsnet_realnews_2016__nato-chief-counterattacks-against-donald-'
       'trump-politico.txt', 'en', '', 'dev'),
    ('art_en_2018-12-04_macrons-crisis-france',
     _A + '2018-12-04__gilets_jaunes_multilingual__macrons-crisis-in-france-is-a-danger-to-'
       'all-of-europe.txt', 'en', '', 'heldout2'),
    ('art_en_2018-12-11_gilets-jaunes-protests',
     _A + '2018-12-11__gilets_jaunes_multilingual__gilets-jaunes-protests-continue-despite-'
       'macron-concessions.txt', 'en', '', 'dev'),
]

# The third batch (all dev): drawn by `evaluation.draw2.draw3` (seed 20160623), same rules as BATCH2.
BATCH3 = [
    ('cep_hr_2016-10-19_croatian-lawmakers-approve',
     _C + '2016-10-19__croatian-lawmakers-approve-conservative-croatian-democratic-union-pa'
       'rty-leader-andrej-plenkovic-s-new-coalition-government-9145.md', 'en', 'HR', 'dev'),
    ('cep_eg_2018-03-26_egyptian-electorate-vote',
     _C + '2018-03-26__the-egyptian-electorate-vote-in-their-presidential-election-with-inc'
       'umbent-president-abdel-fattah-el-sissi-facing-only-one-opponent.md', 'en', 'EG', 'dev'),
    ('cep_ru_2017-10-26_twitter-bans-all',
     _C + '2017-10-26__twitter-bans-all-ads-from-russian-news-agencies-rt-and-sputnik-based'
       '-on-u-s-intelligence-s-conclusion-that-both-attempted-to-interfere-with.md', 'en', 'RU', 'dev'),
    ('cep_bg_2016-11-13_bulgarians-head-polls',
     _C + '2016-11-13__bulgarians-head-to-the-polls-in-a-presidential-runoff-between-bsp-ba'
       'cked-rumen-radev-of-the-socialist-opposition-and-tsetska-tsacheva-chairw.md', 'en', 'BG', 'dev'),
    ('cep_bj_2016-03-06_voters-benin-go',
     _C + '2016-03-06__voters-in-benin-go-to-the-polls-for-the-first-round-of-voting-in-a-p'
       'residential-election-with-33-candidates-vying-to-replace-current-preside.md', 'en', 'BJ', 'dev'),
    ('cep_au_2016-05-08_prime-minister-australia',
     _C + '2016-05-08__prime-minister-of-australia-malcolm-turnbull-has-called-a-historic-d'
       'ouble-dissolution-election-with-both-houses-of-parliament-being-dissolve.md', 'en', 'AU', 'dev'),
    ('cep_ge_2018-11-29_voters-georgia-elect',
     _C + '2018-11-29__voters-in-georgia-elect-salome-zurabishvili-as-president-she-will-be'
       '-the-first-woman-elected-to-hold-the-position-when-she-assumes-office-on.md', 'en', 'GE', 'dev'),
    ('cep_jp_2018-09-20_japanese-prime-minister',
     _C + '2018-09-20__japanese-prime-minister-shinzo-abe-is-elected-for-a-third-term-as-pr'
       'esident-of-the-liberal-democratic-party.md', 'en', 'JP', 'dev'),
    ('cep_hu_2018-04-08_voters-hungary-go',
     _C + '2018-04-08__voters-in-hungary-go-to-the-polls-for-a-parliamentary-election-with-'
       'the-fidesz-party-led-by-viktor-orban-achieving-a-super-majority-for-the.md', 'en', 'HU', 'dev'),
    ('cep_ht_2015-08-09_voters-haiti-go',
     _C + '2015-08-09__voters-in-haiti-go-to-the-polls-for-the-first-election-in-four-years'
       '-with-some-polling-places-in-the-capital-port-au-prince-forced-to-close.md', 'en', 'HT', 'dev'),
    ('cep_dk_2015-06-28_lars-lkke-rasmussen',
     _C + '2015-06-28__lars-lkke-rasmussen-forms-denmark-s-first-single-party-government-in'
       '-33-years-and-rasmussen-himself-becomes-the-first-prime-minister-in-33-y.md', 'en', 'DK', 'dev'),
    ('cep_gm_2017-01-13_african-union-says',
     _C + '2017-01-13__the-african-union-says-it-will-cease-to-recognize-yahya-jammeh-as-pr'
       'esident-of-the-gambia-on-january-19-the-date-he-is-to-hand-power-over-to.md', 'en', 'GM', 'dev'),
    ('cep_mk_2016-04-16_protesters-continue-take',
     _C + '2016-04-16__as-protesters-continue-to-take-to-the-streets-of-skopje-macedonia-la'
       'wmakers-confirmed-that-a-snap-election-will-take-place-on-june-5-despite.md', 'en', 'MK', 'dev'),
    ('cep_si_2018-03-14_miro-cerar-announces',
     _C + '2018-03-14__miro-cerar-announces-his-resignation-as-prime-minister-of-slovenia-d'
       'ue-to-the-supreme-court-of-slovenia-s-annulment-of-the-referendum-that-a.md', 'en', 'SI', 'dev'),
    ('cep_il_2018-10-16_australian-prime-minister',
     _C + '2018-10-16__australian-prime-minister-scott-morrison-announces-that-his-governme'
       'nt-is-considering-recognising-jerusalem-as-the-israeli-capital-and-reloc.md', 'en', 'IL', 'dev'),
    ('cep_lr_2017-12-28_with-98-percent',
     _C + '2017-12-28__with-98-percent-of-the-votes-counted-liberias-national-elections-com'
       'mission-announces-these-unofficial-results-show-senator-george-weah-a-fo.md', 'en', 'LR', 'dev'),
    ('art_fr_2016-06-14_terrorisme-dans-opinion',
     _A + '2016-06-14__akinarticle_web_articles__terrorisme-dans-l-opinion-les-cliquets-sau'
       'tent-les-uns-apres-les-autres.txt', 'fr', '', 'dev'),
    ('art_fr_2017-01-14_thomas-piketty-vive',
     _A + '2017-01-14__akinarticle_web_articles__thomas-piketty-vive-le-populisme.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-29_gilets-jaunes-colere',
     _A + '2018-12-29__gilets_jaunes_multilingual__les-gilets-jaunes-en-colere-contre-la-po'
       'litique-sociale-et-fiscale-du-presid.txt', 'fr', '', 'dev'),
    ('art_fr_2018-11-03_france-ou-kanaky',
     _A + '2018-11-03__gilets_jaunes_multilingual__la-france-ou-la-kanaky-les-bureaux-de-vo'
       'te-de-nouvelle-caledonie-petit-territo.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-02_paris-francais-estiment',
     _A + '2018-12-02__gilets_jaunes_multilingual__paris-les-francais-estiment-que-limmigra'
       'tion-est-negative-dans-une-vaste-seri.txt', 'fr', '', 'dev'),
    ('art_fr_2016-04-19_minima-sociaux-lopposition',
     _A + '2016-04-19__akinarticle_web_articles__minima-sociaux-lopposition-denonce-les-che'
       'ques-en-blanc-de-manuel-valls.txt', 'fr', '', 'dev'),
    ('art_fr_2015-12-07_fn-est-negation',
     _A + '2015-12-07__akinarticle_web_articles__le-fn-est-une-negation-brutale-de-lesprit-'
       'critique.txt', 'fr', '', 'dev'),
    ('art_fr_2016-06-06_pacte-stabilite-europeen',
     _A + '2016-06-06__akinarticle_web_articles__le-pacte-de-stabilite-europeen-est-mort.tx'
       't', 'fr', '', 'dev'),
    ('art_en_2016-09-26_wwii-veteran-pens',
     _A + '2016-09-26__fakenewsnet_realnews_2016__wwii-veteran-pens-brutal-op-ed-slamming-d'
       'raft-dodging-trump.txt', 'en', '', 'dev'),
    ('art_en_2018-12-01_almost-100-injured',
     _A + '2018-12-01__gilets_jaunes_multilingual__almost-100-injured-during-french-fuel-pr'
       'otests.txt', 'en', '', 'dev'),
    ('art_en_2018-11-23_may-refuses-rule',
     _A + '2018-11-23__gilets_jaunes_multilingual__may-refuses-to-rule-out-resigning-if-mps'
       '-reject-brexit-deal.txt', 'en', '', 'dev'),
    ('art_en_2018-12-16_macron-ratings-fall',
     _A + '2018-12-16__gilets_jaunes_multilingual__macron-s-ratings-fall-further-after-mont'
       'h-of-gilets-jaunes-protests.txt', 'en', '', 'dev'),
]

# The fourth batch (session four): drawn by `evaluation.draw2.draw4` (seed 20170507); a third held-out split.
BATCH4 = [
    ('cep_mn_2017-07-07_battulga-khaltmaa-opposition',
     _C + '2017-07-07__battulga-khaltmaa-of-the-opposition-democratic-party-dp-is-elected-presi'
       'dent-of-mongolia-in-the-second-round-defeating-former-prime-minister.md', 'en', 'MN', 'dev'),
    ('cep_lt_2016-10-23_voters-head-polls',
     _C + '2016-10-23__voters-head-to-the-polls-in-second-round-elections-in-constituencies-whe'
       're-no-candidate-won-over-50-percent-on-october-9-with-the-lithuanian.md', 'en', 'LT', 'dev'),
    ('cep_kh_2017-06-04_voters-cast-ballots',
     _C + '2017-06-04__voters-cast-ballots-to-select-representatives-for-rural-and-urban-cambod'
       'ian-precincts-from-nationwide-94-595-candidates-for-11-572-council-s.md', 'en', 'KH', 'dev'),
    ('cep_rs_2016-03-04_serbian-president-tomislav',
     _C + '2016-03-04__serbian-president-tomislav-nikolic-at-the-request-of-serbian-prime-minis'
       'ter-aleksandar-vucic-dissolves-serbia-s-parliament-and-calls-for-ear.md', 'en', 'RS', 'dev'),
    ('cep_lk_2015-08-17_voters-lanka-polls',
     _C + '2015-08-17__voters-in-sri-lanka-go-to-the-polls-for-a-general-election-with-the-ruli'
       'ng-united-national-party-holding-on-to-power.md', 'en', 'LK', 'dev'),
    ('cep_ua_2016-03-30_ukrainian-parliament-votes',
     _C + '2016-03-30__the-ukrainian-parliament-votes-to-ban-all-russian-films-released-after-j'
       'anuary-1-2014-saying-the-move-is-aimed-at-improving-national-securit.md', 'en', 'UA', 'dev'),
    ('cep_kz_2015-04-27_organization-security-operation',
     _C + '2015-04-27__the-organization-for-security-and-co-operation-in-europe-reports-that-th'
       'e-voters-in-the-presidential-elections-in-kazakhstan-had-a-limited-c.md', 'en', 'KZ', 'heldout3'),
    ('cep_cl_2018-03-11_sebastian-pinera-takes',
     _C + '2018-03-11__sebastian-pinera-takes-office-for-the-second-time-as-president-of-chile.'
       'md', 'en', 'CL', 'heldout3'),
    ('cep_cz_2017-12-07_european-commission-orders',
     _C + '2017-12-07__the-european-commission-orders-poland-the-czech-republic-and-hungary-to-'
       'court-over-their-refusal-to-incorporate-more-refugees-this-is-the-th.md', 'en', 'CZ', 'heldout3'),
    ('cep_ne_2016-03-20_election-begins-niger',
     _C + '2016-03-20__a-run-off-election-begins-in-niger-with-current-president-mahamadou-isso'
       'ufou-highly-favored-to-win-as-his-main-opponent-hama-amadou-who-was.md', 'en', 'NE', 'dev'),
    ('cep_pl_2018-02-07_european-parliament-votes',
     _C + '2018-02-07__the-european-parliament-votes-447196-to-dismiss-ryszard-czarnecki-pis-as'
       '-one-of-its-14-vice-presidents-for-calling-fellow-polish-parliamenta.md', 'en', 'PL', 'dev'),
    ('cep_iq_2018-05-01_muntadhar-zaidi-iraqi',
     _C + '2018-05-01__muntadhar-al-zaidi-the-iraqi-journalist-who-threw-his-shoes-at-george-w-'
       'bush-in-2008-will-run-for-iraqi-parliament.md', 'en', 'IQ', 'dev'),
    ('cep_be_2016-06-25_diplomats-from-germany',
     _C + '2016-06-25__diplomats-from-germany-france-italy-the-netherlands-belgium-and-luxembou'
       'rg-meet-in-berlin-to-discuss-the-consequences-of-the-united-kingdom.md', 'en', 'BE', 'heldout3'),
    ('cep_pg_2017-08-02_parliament-papua-guinea',
     _C + '2017-08-02__the-parliament-of-papua-new-guinea-re-elects-peter-o-neill-as-prime-mini'
       'ster-ending-a-chaotic-election-campaign-marred-by-violence-which-ana.md', 'en', 'PG', 'heldout3'),
    ('cep_my_2018-05-10_mahathir-mohamad-sworn',
     _C + '2018-05-10__mahathir-mohamad-is-sworn-in-as-the-7th-prime-minister-of-malaysia-after'
       '-leading-the-opposition-pakatan-harapan-coalition-to-victory-in-the.md', 'en', 'MY', 'heldout3'),
    ('cep_af_2018-10-20_after-delay-three',
     _C + '2018-10-20__after-a-delay-of-three-years-voters-in-afghanistan-head-to-the-polls-to-'
       'elect-members-of-the-nation-s-parliament-the-election-is-marred-by-v.md', 'en', 'AF', 'dev'),
    ('art_fr_2016-03-10_legion-honneur-francaise',
     _A + '2016-03-10__akinarticle_web_articles__legion-d-honneur-francaise-al-baghdadi-depose-'
       'son-dossier-de-candidature.txt', 'fr', '', 'dev'),
    ('art_fr_2017-03-11_quand-emmanuel-macron',
     _A + '2017-03-11__akinarticle_web_articles__quand-emmanuel-macron-voulait-etre-de-droite.t'
       'xt', 'fr', '', 'heldout3'),
    ('art_fr_2016-05-16_venezuela-maduro-ordonne',
     _A + '2016-05-16__akinarticle_web_articles__venezuela-maduro-ordonne-la-saisie-des-usines.'
       'txt', 'fr', '', 'dev'),
    ('art_fr_2015-12-01_programme-marine-incongruites',
     _A + '2015-12-01__akinarticle_web_articles__le-programme-de-marine-le-pen-et-ses-incongrui'
       'tes.txt', 'fr', '', 'dev'),
    ('art_fr_2017-04-30_vendre-peau-lourse',
     _A + '2017-04-30__akinarticle_web_articles__ne-pas-vendre-la-peau-de-lourse.txt', 'fr', '', 'heldout3'),
    ('art_fr_2017-05-18_culture-secret-papier',
     _A + '2017-05-18__akinarticle_web_articles__culture-du-secret-et-papier-glace-la-communica'
       'tion-selon-macron.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-04_recul-pour-sortir',
     _A + '2018-12-04__gilets_jaunes_multilingual__un-recul-pour-sortir-de-la-crise-des-gilets-'
       'jaunes-le-premier-ministre-fra.txt', 'fr', '', 'heldout3'),
    ('art_fr_2018-07-17_maire-paris-anne',
     _A + '2018-07-17__akinarticle_web_articles__la-maire-de-paris-anne-hidalgo-reflechit-a-une'
       '-police-municipale-armee.txt', 'fr', '', 'dev'),
    ('art_fr_2018-11-22_centaine-affiches-mises',
     _A + '2018-11-22__gilets_jaunes_multilingual__une-centaine-d-affiches-mises-en-place-cette'
       '-semaine-par-la-ville-de-strasbourg.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-16_gouvernement-francais-esperait',
     _A + '2018-12-16__gilets_jaunes_multilingual__le-gouvernement-francais-esperait-dimanche-q'
       'ue-la-forte-baisse-de-la-mobilisatio.txt', 'fr', '', 'heldout3'),
    ('art_en_2016-09-25_debate-commission-stuns',
     _A + '2016-09-25__fakenewsnet_realnews_2016__debate-commission-stuns-journalists-by-siding'
       '-with-trump-fact-checking-is-out-of.txt', 'en', '', 'heldout3'),
    ('art_en_2016-09-23_senate-dems-move',
     _A + '2016-09-23__fakenewsnet_realnews_2016__senate-dems-move-to-force-trump-to-release-hi'
       's-tax-returns.txt', 'en', '', 'dev'),
    ('art_en_2016-09-22_arent-points-ahead',
     _A + '2016-09-22__fakenewsnet_realnews_2016__why-arent-i-50-points-ahead-'
       'eagle-rising.txt', 'en', '', 'dev'),
    ('art_en_2018-11-16_revolt-over-high',
     _A + '2018-11-16__gilets_jaunes_multilingual__revolt-over-high-fuel-prices-threatens-to-pa'
       'ralyse-france.txt', 'en', '', 'heldout3'),
    ('art_en_2016-09-20_inmate-dead-from',
     _A + '2016-09-20__fakenewsnet_realnews_2016__inmate-dead-from-alleged-mistreatment-in-jail'
       '-run-by-infamous-pro-trump-sheriff.txt', 'en', '', 'dev'),
    ('art_en_2018-12-09_pressure-builds-delay',
     _A + '2018-12-09__gilets_jaunes_multilingual__pressure-builds-on-may-to-delay-brexit-deal-'
       'vote.txt', 'en', '', 'dev'),
]


# The fifth batch (session four, all dev): drawn by `evaluation.draw2.draw5` (seed 20170611), French articles.
BATCH5 = [
    ('art_fr_2016-05-21_recuperation-opportunisme-nuit',
     _A + '2016-05-21__akinarticle_web_articles__recuperation-opportunisme-a-nuit-debout-la-gue'
       'rre-des-activistes-est-declaree.txt', 'fr', '', 'dev'),
    ('art_fr_2016-06-30_brexit-impuissance-fact',
     _A + '2016-06-30__akinarticle_web_articles__le-brexit-ou-l-impuissance-du-fact-checking.tx'
       't', 'fr', '', 'dev'),
    ('art_fr_2016-06-05_francois-ruffin-voter',
     _A + '2016-06-05__akinarticle_web_articles__francois-ruffin-voter-ps-au-second-tour-en-bon'
       '-republicain-cest-fini.txt', 'fr', '', 'dev'),
    ('art_fr_2017-02-04_fait-quelque-chose',
     _A + '2017-02-04__akinarticle_web_articles__tu-as-fait-quelque-chose-de-tres-grave-mais-je'
       '-ne-peux-pas-te-dire-quoi-fatima-e.txt', 'fr', '', 'dev'),
    ('art_fr_2016-05-26_union-europeenne-assume',
     _A + '2016-05-26__akinarticle_web_articles__l-union-europeenne-assume-la-loi-el-khomri-c-e'
       'st-elle.txt', 'fr', '', 'dev'),
    ('art_fr_2016-04-25_isabelle-attard-deputee',
     _A + '2016-04-25__akinarticle_web_articles__isabelle-attard-la-deputee-qui-veut-dynamiter-'
       'le-paysage-politique-francais.txt', 'fr', '', 'dev'),
    ('art_fr_2015-07-27_turquie-sadresse-cest',
     _A + '2015-07-27__akinarticle_web_articles__la-turquie-sadresse-au-pkk-cest-soit-les-armes'
       '-soit-la-democratie.txt', 'fr', '', 'dev'),
    ('art_fr_2016-11-27_fact-checking-impuissant',
     _A + '2016-11-27__akinarticle_web_articles__le-fact-checking-impuissant-mais-necessaire.tx'
       't', 'fr', '', 'dev'),
    ('art_fr_2016-10-06_colombie-paix-farc',
     _A + '2016-10-06__akinarticle_web_articles__colombie-la-paix-les-farc-et-la-theorie-du-gen'
       're.txt', 'fr', '', 'dev'),
    ('art_fr_2017-01-03_pourquoi-comment-melenchon',
     _A + '2017-01-03__akinarticle_web_articles__pourquoi-et-comment-melenchon-veut-nous-faire-'
       'manger-moins-de-viande.txt', 'fr', '', 'dev'),
    ('art_fr_2018-12-20_deputes-francais-entame',
     _A + '2018-12-20__gilets_jaunes_multilingual__les-deputes-francais-ont-entame-jeudi-l-exam'
       'en-des-mesures-decidees-dans-l-urgen.txt', 'fr', '', 'dev'),
    ('art_fr_2016-01-20_fadumo-dayib-femme',
     _A + '2016-01-20__akinarticle_web_articles__fadumo-dayib-une-femme-presidente-pour-la-soma'
       'lie.txt', 'fr', '', 'dev'),
]



def assignment() -> dict[str, str]:
    """gold name -> "dev" | "heldout" | "heldout2" | "heldout3": per language, a fixed-seed sample of the
    first corpus documents is held out; the later batches carry their split.

    Languages are drawn in sorted order ("en", then "fr") from one generator, each from its sorted names.
    """
    rng = random.Random(SEED)
    split = {name: "dev" for name, *_ in SEEDS}
    for lang in sorted(HELDOUT_PER_LANG):
        names = sorted(name for name, _, doc_lang, _ in CORPUS if doc_lang == lang)
        held = set(rng.sample(names, HELDOUT_PER_LANG[lang]))
        split.update({name: "heldout" if name in held else "dev" for name in names})
    split.update({name: which for name, _, _, _, which in BATCH2 + BATCH3 + BATCH4 + BATCH5})
    return split


if __name__ == "__main__":
    split = assignment()
    for name, path, lang, country in SEEDS + CORPUS + [row[:4] for row in BATCH2 + BATCH3 + BATCH4 + BATCH5]:
        print(f"{split[name]:8} {lang} {country or '--'} {name}")
