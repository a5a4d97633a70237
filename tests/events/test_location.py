"""Event place and country: votes, ACLED-style qualifiers, places the NER missed, fallbacks.

Invented reports about real places (coordinates and admin names are facts)."""
import pytest

from wirecoder.events import location as L
from wirecoder.models import Article, Mention
from wirecoder.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def primary(pipe, text, pub="2021-06-30", headline=""):
    res = pipe.process(Article(headline=headline, body=text if isinstance(text, list) else [text],
                               publication_date=pub))
    assert not res.errors, res.errors
    assert res.events, "no event coded"
    return res.events[0]


def near(place, lat, lon, km=50):
    from wirecoder.evaluation.events import km as dist

    return place is not None and place.lat is not None and dist(place.lat, place.lon, lat, lon) <= km


def test_name_variants_strip_type_words():
    assert L.name_variants("Khost district")[:2] == ["Khost district", "Khost"]
    assert "Mopti" in L.name_variants("the city of Mopti")
    assert L.name_variants("Tripoli") == ["Tripoli"]


def test_country_words_count_demonyms_and_lost_apostrophes():
    got = L.country_words("Burkinabe soldiers and Kenyan police met in Burkina Fasos capital")
    # one vote per country, a little more for each further word naming it
    assert got["BF"] == 1.25 and got["KE"] == 1
    assert not L.country_words("the police arrested two men")


def test_votes_prefer_name_matches_over_loose_ones():
    def m(start, cc, gid, text):
        return Mention("place", start, start + len(text), text, role="event",
                       data={"country_code": cc, "geonameid": gid})
    # a geonameid the text cannot name exactly counts as a loose match (0.4), the real one 3
    loose = m(0, "US", 1, "Tampouy")
    votes = L.country_votes("Tampouy", [loose])
    assert votes["US"] == pytest.approx(0.4, abs=0.02)
    votes = L.country_votes("Tampouy, Burkinabe police", [loose])
    assert L.top_country(votes) == "BF"


def test_qualifiers_are_the_places_in_the_parentheses():
    text = "near Taung Boet village (Myaing township, Pakokku district, Magway region), soldiers fired"
    def at(name):
        i = text.index(name)
        return Mention("place", i, i + len(name), name, role="event", data={})
    head, pak, mag = at("Taung Boet"), at("Pakokku"), at("Magway")
    assert L.qualifiers(text, head, [head, pak, mag]) == [pak, mag]
    text2 = "in Nyalenda, Kisumu County, police fired"
    a, b = Mention("place", 3, 11, "Nyalenda"), Mention("place", 13, 26, "Kisumu County")
    assert L.qualifiers(text2, a, [a, b]) == [b]


def test_village_missing_from_gazetteer_falls_back_to_its_qualifier(pipe):
    ev = primary(pipe, "On 3 May 2021, gunmen attacked the village of Zzyqoura (Djibo, Soum) and killed 2 civilians.")
    assert ev.location.country_code == "BF"
    assert near(ev.location, 14.10, -1.63)  # Djibo
    assert ev.actor1.canonical == "Unidentified Armed Group (Burkina Faso)"


def test_place_the_ner_reads_as_a_person_is_still_found(pipe):
    ev = primary(pipe, "On 13 September 2020, militants killed two herders west of Aribinda (Arbinda, Soum).")
    assert ev.location.country_code == "BF"
    assert near(ev.location, 14.23, -0.87)  # Aribinda


def test_type_word_does_not_hide_the_place(pipe):
    ev = primary(pipe, "On 25 April 2022, an IED planted by unidentified militants exploded in Khost district.")
    assert ev.location.country_code == "AF"


def test_country_from_demonym_when_no_place_is_named(pipe):
    ev = primary(pipe, "Kenyan police shot dead two suspected robbers on Tuesday.")
    assert ev.location is not None and ev.location.country_code == "KE"
    assert ev.location.geo_precision == "country"
    assert ev.actor1.canonical == "Police Forces of Kenya"
    assert near(ev.location, -1.28, 36.82)  # ACLED's convention: the capital stands for the unit


def test_event_known_only_to_a_county_sits_at_its_main_town(pipe):
    ev = primary(pipe, "On 3 May 2019, bandits shot dead two herders in Turkana County.")
    assert ev.location.geo_precision == "region" and ev.location.name.startswith("Turkana")
    assert near(ev.location, 3.12, 35.60)  # Lodwar, not the middle of the county


def test_event_abroad_in_a_long_article_keeps_its_country(pipe):
    body = ["Islamic State fighters are regrouping in the desert south of Sirte, Libyan officials said.",
            "The group lost Sirte in 2016 to militias from Misrata.",
            "Libyan officials say cells now move between Ubari and Bani Walid.",
            "In May, a suicide bomber killed 22 people at a concert in Manchester.",
            "The bomber had travelled to Libya before the attack, investigators said.",
            "Officials in Tripoli said the group still collects taxes on the roads.",
            "Militias from Misrata have patrolled the coast since the group fled."]
    res = pipe.process(Article(body=body, publication_date="2017-09-19"))
    bombing = [e for e in res.events if e.fatalities == 22]
    assert bombing and bombing[0].location.country_code == "GB"


def test_victim_subject_is_not_actor1(pipe):
    ev = primary(pipe, "One person was killed and two injured when unknown gunmen attacked a bus in Garissa.")
    assert ev.location.country_code == "KE"
    assert ev.actor1 is not None and ev.actor1.type != "Civilians"


def test_displacement_is_coded_with_civilians_as_actor1(pipe):
    ev = primary(pipe, "Displacement: On 19 April 2022, about 2,000 people were evacuated from Lozova, Kharkiv.")
    assert ev.event_type == "Strategic developments"
    assert ev.actor1 is not None and ev.actor1.canonical == "Civilians (Ukraine)"


# ------------------------------------------------------------------ precision on real articles
def _coded(pipe, body, pub="2017-09-19"):
    res = pipe.process(Article(body=body, publication_date=pub))
    assert not res.errors, res.errors
    return res.events


def test_purpose_and_device_descriptions_are_not_events(pipe):
    evs = _coded(pipe, ["Some of the rifles were meant both for training and for carrying out attacks in Europe, "
                        "the defector said.",
                        "Investigators say the type of bomb he used shows he may have had help."])
    assert not [e for e in evs if e.event_type in ("Violence against civilians", "Explosions/Remote violence")]


def test_background_history_is_not_an_event(pipe):
    evs = _coded(pipe, ["Since the fall of the old regime in 2011, rival factions have fought over the oil fields "
                        "of the country."])
    assert not [e for e in evs if e.sub_event_type == "Armed clash"]
    # the same clash reported as news is an event
    evs = _coded(pipe, ["On Monday, rival factions fought over the oil fields near Sirte."])
    assert [e for e in evs if e.sub_event_type == "Armed clash"]


# ---------------------------------------------------------------------------------- fatalities
def test_toll_in_its_own_sentence_belongs_to_the_event(pipe):
    ev = primary(pipe, "On 19 February 2022, a landmine exploded under a car in Ma'arrat An Nu'man city in "
                       "Idleb governorate. 1 fatality.")
    assert ev.fatalities == 1


def test_also_killed_adds_and_headline_does_not(pipe):
    ev = primary(pipe, "On 8 March 2020, militants ambushed a patrol near Djibo, killing one soldier. "
                       "Three militants were also killed.")
    assert ev.fatalities == 4
    res = pipe.process(Article(headline="Gunmen kill 12 in Djibo market attack",
                               body=["Gunmen killed 12 people at a market in Djibo on Sunday, officials said."],
                               publication_date="2021-06-30"))
    assert [e.fatalities for e in res.events if e.fatalities] == [12]


# ------------------------------------------------------------------------------ ACLED typing
def test_attack_on_an_armed_actor_is_a_battle(pipe):
    ev = primary(pipe, "On 28 August 2020, suspected JNIM militants attacked a VDP position near Djibo.")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    ev = primary(pipe, "On 2 January, gunmen shot dead two herders near Garissa.")
    assert ev.event_type == "Violence against civilians"


def test_protest_that_turns_to_stones_and_arson_is_a_riot(pipe):
    ev = primary(pipe, "Students demonstrated in Kisumu over fees. They threw stones at the police station "
                       "and set a vehicle on fire.")
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Violent demonstration")
    assert ev.actor1.canonical == "Rioters (Kenya)"
    ev = primary(pipe, "Traders demonstrated in Kisumu over fees. The protest remained peaceful despite "
                       "damaged roads.")
    assert ev.event_type == "Protests"


def test_war_named_as_a_protest_topic_does_not_make_a_riot(pipe):
    ev = primary(pipe, "On 1 March 2022, youth groups staged a protest in Istanbul to oppose the military "
                       "offensive against Ukraine.")
    assert ev.sub_event_type == "Peaceful protest"
    ev = primary(pipe, "Protesters against police brutality threw stones at a police station in Kisumu.")
    assert ev.event_type == "Riots"


def test_regime_forces_are_the_military(pipe):
    ev = primary(pipe, "On 3 January 2022, regime forces shelled the outskirts of Idlib.")
    assert ev.actor1 is not None and ev.actor1.canonical == "Military Forces of Syria"


def test_town_of_the_story_country_named_without_a_place_word(pipe):
    # no "in"/"at" before Machakos: the geoparser passes it over; the coder finds it in Kenya
    ev = primary(pipe, "Kenyan police exchanged fire with five gunmen on the Machakos road. 3 killed.")
    assert ev.location.country_code == "KE"
    assert near(ev.location, -1.52, 37.26)  # Machakos
    assert ev.location.geo_precision == "town"


def test_names_in_country_skip_groups_persons_and_inner_words():
    text = "Turkana raiders fled. Minority Leader Crystal Quade spoke. Mandera was calm."
    found = [m.text for m in L.names_in_country(text, "KE", [])]
    assert found == ["Mandera"]  # "Turkana raiders" is a people; "Crystal" is inside a name
    assert L.names_in_country(text, "KE", [(text.index("Mandera"), text.index("Mandera") + 7)]) == []
    samburu = L.names_in_country("Residents of Samburu Central Sub-County protested.", "KE", [])
    assert samburu and samburu[0].data["feature_code"] == "ADM1"  # the county, not the town


def test_division_qualifier_known_only_as_a_foreign_village_is_weak(pipe):
    # "Soum" is a Burkinabe province the gazetteer lacks; it only knows a Senegalese village
    art = Article(body=["On 3 May 2021, gunmen killed a trader in Zzyqoura (Zzpobe, Soum)."],
                  publication_date="2021-06-30", metadata={"focus_prior": {"BF": 0.95, "ML": 0.05}})
    ev = pipe.process(art).events[0]
    assert ev.location.country_code == "BF"


def test_a_country_named_across_a_border_is_not_the_event_country(pipe):
    ev = primary(pipe, "Kenyan police shot dead two smugglers near the border with Somalia.")
    assert ev.location.country_code == "KE"


def test_in_a_one_country_collection_a_foreign_namesake_town_does_not_move_the_event(pipe):
    # Silly is a Burkinabe town the gazetteer lacks; it only knows Silly, Belgium
    art = Article(body=["On November 8, unknown gunmen attacked the police station in Silly."],
                  publication_date="2019-11-20", metadata={"focus_prior": {"BF": 0.95, "ML": 0.05}})
    assert pipe.process(art).events[0].location.country_code == "BF"
    # without the collection's prior the written name is all there is
    art = Article(body=["On November 8, unknown gunmen attacked the police station in Silly."],
                  publication_date="2019-11-20")
    assert pipe.process(art).events[0].location.country_code == "BE"


def test_country_named_as_the_topic_is_not_where_the_protest_was(pipe):
    ev = primary(pipe, "On 3 March 2022, about 80 people protested outside the Russian embassy in "
                       "Lisbon to denounce the invasion of Ukraine.")
    assert ev.location.country_code == "PT"


def test_countries_named_as_topics_do_not_vote():
    text = ("About 80 people protested outside the Russian embassy in Lisbon to denounce the "
            "invasion of Ukraine. Kenyan police watched.")
    assert L.country_words(text) == {"KE": 1.0}
    assert not L.about_country("about 2500 refugees from Ukraine", 27, 34)
    assert L.about_country("the Somalia-based group", 4, 11)


def test_qualifier_after_a_comma_reads_as_a_division():
    from wirecoder.resolve.places import context_hints

    def hint(text, name):
        i = text.index(name)
        return context_hints(text, i, i + len(name), lambda n, fuzzy=False: ())[1]

    assert hint("Troops shelled Novohnativka, Donetsk. No casualties.", "Donetsk") == "admin"
    assert hint("Militants attacked Kerawa (Kolofata, Mayo-Sava).", "Mayo-Sava") == "admin"
    assert hint("Shelling hit Kherson, Mykolaiv and Odesa.", "Mykolaiv") is None  # a list


def test_a_loose_namesake_outside_its_qualifying_province_gives_way_to_the_province(pipe):
    # "Bouroum" only loosely spells Boromo, a town in another province; the village is unknown
    ev = primary(pipe, "On 24 February 2020, suspected militants killed five civilians in Goro "
                       "(Bouroum, Namentenga).")
    assert ev.location.country_code == "BF"
    assert ev.location.geo_precision == "district" and "Namentenga" in ev.location.name


def test_an_alternate_spelling_abroad_yields_to_the_city_named_beside_it(pipe):
    # "Babur" is an alternate spelling of Babor, Algeria; the story is in Tashkent
    ev = primary(pipe, "On 20 February 2022, residents of Babur neighborhood in Yakkasaray district of "
                       "Tashkent city protested outside their apartment building.")
    assert ev.location.country_code == "UZ"


def test_the_target_of_an_airstrike_is_a_place_even_when_read_as_a_person(pipe):
    # spaCy tags Korosten PERSON here; "an airstrike on X" is evidence it is a place, and the
    # attackers' demonym ("Russian") must not move the event to Russia
    ev = primary(pipe, "On 3 March 2022, Russian forces launched an airstrike on Korosten.", pub="2022-03-10")
    assert ev.location.country_code == "UA"
    assert near(ev.location, 50.95, 28.64)  # Korosten


def test_a_city_zone_before_the_state_qualifier_keeps_the_city(pipe):
    ev = primary(pipe, "On 10 May 2022, in Manaus - North Zone (Amazonas), two armed men shot and killed a trader.",
                 pub="2022-05-20")
    assert ev.location.name == "Manaus"
    assert ev.location.geo_precision == "town"


def test_a_village_named_in_another_province_than_its_qualifier_gives_way_to_the_province(pipe):
    # the gazetteer's only Nova Dmytrivka lies in Cherkasy oblast; the report's is in Kharkiv oblast
    ev = primary(pipe, "On 6 June 2022, Russian forces fired artillery at Nova Dmytrivka, Kharkiv.", pub="2022-06-10")
    assert ev.location.country_code == "UA"
    assert ev.location.admin1 and ev.location.admin1.startswith("Kharkiv")


def test_a_village_the_ner_runs_into_its_qualifier_is_still_found(pipe):
    # spaCy reads "Yakovlivka, Kharkiv" as one organisation
    ev = primary(pipe, "On 2 March 2022, Russian air forces bombed the village of Yakovlivka, Kharkiv.",
                 pub="2022-03-10")
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.location.name == "Yakovlivka" and ev.location.admin1.startswith("Kharkiv")


def test_the_nationality_of_forces_does_not_pull_a_city_abroad(pipe):
    # "Russian forces": Donetsk is the Ukrainian city, not its small namesake in Rostov oblast
    ev = primary(pipe, "On 26 February 2022, the Russian military forces shelled the village of Novokamianka, Donetsk.",
                 pub="2022-03-01")
    assert ev.location.country_code == "UA"


def test_the_province_closing_a_place_chain_outweighs_a_name_inside_a_local_name(pipe):
    # "Gire Hakkari" is a local name, not Hakkari province of Turkey; the chain ends in Duhok, Iraq
    ev = primary(pipe, "On 3 March 2022, Turkish army warplanes struck PKK positions in Gire Hakkari area "
                       "in the Zap region of Al Amadiya district, Duhok.", pub="2022-03-10")
    assert ev.location.country_code == "IQ"


def test_a_hyphenated_division_name_is_not_split_into_a_foreign_place(pipe):
    ev = primary(pipe, "On 10 March 2022, Cameroonian soldiers killed five Boko Haram militants in Amchoda "
                       "(Kolofata, Mayo-Sava).", pub="2022-03-20")
    assert ev.location.country_code == "CM"


def test_a_city_and_district_in_parentheses_after_an_institution_is_the_place(pipe):
    ev = primary(pipe, "On 19 April 2022, union members held a press conference with a banner in front of the "
                       "Busan Metropolitan City Hall (Busan - Yeonje).", pub="2022-04-30")
    assert ev.location.country_code == "KR"
    assert near(ev.location, 35.18, 129.08)  # Busan


@pytest.mark.parametrize("text,lat,lon", [
    # the only place is the source's: better than the country
    ("A newspaper journalist in Eldoret said he was kidnapped outside his house by three men.", 0.52, 35.27),
    ("Students of an Isiolo school protested the transfer of a teacher.", 0.35, 37.58),
    ("Peaceful protests went on in the opposition stronghold Kisii over the minister's remarks.", -0.68, 34.77),
    # ACLED-style notes say where they coded the event
    ("On 3 May 2019, militants burned the school of Tougrimbo village (coded as Titao at geoprecision 2).", 13.77, -2.07),
])
def test_place_readings_of_short_reports(pipe, text, lat, lon):
    ev = primary(pipe, text, pub="2019-06-01")
    assert near(ev.location, lat, lon), ev.location


def test_a_country_s_own_terms_name_the_country(pipe):
    from wirecoder.resolve.country_terms import country_term_votes

    assert country_term_votes("in Kaliakair upazila (Gazipur)") == {"BD": 1.0}
    assert country_term_votes("in Limu woreda") == {"ET": 1.0}
    assert country_term_votes("a rally in the city centre") == {}
    assert country_term_votes("the OSCE SMM observed 3 explosions") == {"UA": 1.0}
    ev = primary(pipe, "On 3 April 2022, a mob beat a trader in Kaliakair upazila (Gazipur).")
    assert ev.location is not None and ev.location.country_code == "BD"


def test_a_qualified_place_the_gazetteer_lacks_yields_to_its_division(pipe):
    ev = primary(pipe, "On 3 April 2022, militants abducted a herder in the village of Lale "
                       "(Bane, Boulgou).")
    assert ev.location is not None and ev.location.country_code == "BF"
    ev = primary(pipe, "On 4 April 2022, in Huixtla de Zaragoza, Chiapas, migrants from Cuba and "
                       "Haiti protested to demand visas to travel to the United States.")
    assert ev.location is not None and ev.location.country_code == "MX"


def test_what_a_protest_is_about_is_not_where_it_was(pipe):
    ev = primary(pipe, "On 30 June 2022, people demonstrated in Vasteras to denounce the recent "
                       "shooting outside a bar in Oslo, Norway.")
    assert ev.location is not None and ev.location.country_code == "SE"


def test_a_landmark_named_like_a_town_is_not_that_town(pipe):
    ev = primary(pipe, "On 5 March 2022, retired officers staged a protest at Ulus square in "
                       "Altindag town, Ankara, demanding higher pensions.")
    assert near(ev.location, 39.92, 32.85, 25)  # Ankara, not the town of Ulus in Bartin
