import pytest

from wirecoder.resolve.actors import (actor_key, country_name, find_actors, link_anaphora,
                                      resolve_actor, role_for_event, same_actor)


@pytest.mark.parametrize("alias", ["ISIS", "ISIL", "IS", "Daesh", "Islamic State", "the Islamic State group"])
def test_islamic_state_aliases(alias):
    a = resolve_actor(alias)
    assert a is not None and a.canonical == "Islamic State" and a.inter == 2


@pytest.mark.parametrize("text,country,canonical,inter", [
    ("ISWAP", None, "Islamic State (West Africa)", 2),
    ("ISGS militants", None, "Islamic State (Greater Sahara)", 2),
    ("al-Shabab", None, "Al Shabaab", 2),
    ("Kenyan police", "KE", "Police Forces of Kenya", 1),
    ("Burkinabe soldiers", "BF", "Military Forces of Burkina Faso", 1),
    ("Russian forces", "UA", "Military Forces of Russia", 8),
    ("gunmen", "NG", "Unidentified Armed Group (Nigeria)", 3),
    ("protesters", "FR", "Protesters (France)", 6),
    ("villagers", "CD", "Civilians (Democratic Republic of Congo)", 7),
    ("Congolese soldiers", "CD", "Military Forces of the Democratic Republic of Congo", 1),
    ("Pokot raiders", "KE", "Pokot Ethnic Militia (Kenya)", 4),
    ("Houthis", "YE", "Military Forces of Yemen Supreme Political Council", 1),
    ("a police officer", "KE", "Police Forces of Kenya", 1),
    ("one officer", "KE", "Police Forces of Kenya", 1),
    ("an army officer", "KE", "Military Forces of Kenya", 1),
    ("a returning officer", "KE", "Civilians (Kenya)", 7),  # a civilian office
    ("police reservists", "KE", "Police Forces of Kenya", 1),
    ("ethnic raiders", "KE", "Unidentified Ethnic Militia (Kenya)", 4),
    ("clan militia", "SO", "Unidentified Communal Militia (Somalia)", 4),
])
def test_resolve_actor(text, country, canonical, inter):
    a = resolve_actor(text, country)
    assert a is not None
    assert a.canonical == canonical and a.inter == inter


def test_resolve_unknown_returns_none():
    assert resolve_actor("the weather") is None
    assert resolve_actor("") is None


def test_same_actor_ignores_years_case_and_aliases():
    assert same_actor("Police Forces of Kenya (2013-)", "police forces of kenya")
    assert same_actor("Military Forces of Burkina Faso (2015-2022)", "Military Forces of Burkina Faso")
    assert same_actor("ISIS", "Islamic State")
    assert same_actor("JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)",
                      "Islamic State (Greater Sahara) and/or JNIM")
    assert not same_actor("Rioters (Kenya)", "Protesters (Kenya)")
    assert actor_key("Rioters (Kenya)") == "rioters (kenya)"


def test_country_name_acled_spelling():
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country_name("KE") == "Kenya"


def test_find_actors_named_and_generic(nlp):
    doc = nlp("Suspected JNIM or ISGS militants ambushed an army patrol while gunmen looted shops.")
    ms = find_actors(doc, "BF")
    canon = [m.data["canonical"] for m in ms]
    assert any("JNIM" in c and "Islamic State (Greater Sahara)" in c for c in canon)
    assert "Military Forces of Burkina Faso" in canon
    assert "Unidentified Armed Group (Burkina Faso)" in canon
    for m in ms:
        assert doc.text[m.start:m.end] == m.text


def test_faction_named_with_its_coalition_is_coded_as_the_coalition(nlp):
    doc = nlp("Presumed Katiba Macina (JNIM) militants burned a school in the village.")
    first = min(find_actors(doc, "BF"), key=lambda m: m.start)
    assert first.data["canonical"] == "JNIM: Group for Support of Islam and Muslims"
    assert first.data["faction"] == "Katiba Macina"


def test_gendarmes_are_the_gendarmerie_branch(nlp):
    doc = nlp("Gendarmes arrested two traders at the market.")
    canon = [m.data["canonical"] for m in find_actors(doc, "BF")]
    assert "Police Forces of Burkina Faso Gendarmerie" in canon


def test_ethnic_name_before_a_headline_verb_read_as_a_noun_is_the_actor(nlp):
    # spaCy reads "attack" as a noun and the group name as its compound
    doc = nlp("Maasai attack and kill Kikuyu civilians in a night raid")
    by_text = {m.text: m.data["canonical"] for m in find_actors(doc, "KE")}
    assert by_text.get("Maasai") == "Maasai Ethnic Militia (Kenya)"
    assert "Kikuyu" not in by_text  # "Kikuyu civilians": a modifier of the victims


def test_military_police_are_a_branch_of_the_military(nlp):
    doc = nlp("Military police officers shot two suspects near the market.")
    canon = [m.data["canonical"] for m in find_actors(doc, "BR")]
    assert "Military Forces of Brazil Military Police" in canon
    doc = nlp("Military police forces exchanged fire with traffickers.")
    assert "Military Forces of Brazil Military Police" in [m.data["canonical"] for m in find_actors(doc, "BR")]
    doc = nlp("Military forces torched houses in the village.")  # not a foreign-army modifier
    assert "Military Forces of Myanmar" in [m.data["canonical"] for m in find_actors(doc, "MM")]


def test_short_alias_is_case_sensitive(nlp):
    doc = nlp("It is what it is, the mayor said.")
    assert not [m for m in find_actors(doc, "KE") if m.data.get("named")]


def test_the_group_resolves_to_last_named_group(nlp):
    doc = nlp("Boko Haram attacked the town on Monday. Police were deployed. The group later withdrew to the forest.")
    ms = link_anaphora(find_actors(doc, "NG"), doc)
    grp = [m for m in ms if m.text.lower() == "the group"]
    assert grp and grp[0].data["antecedent"] == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"


def test_the_militants_resolve(nlp):
    doc = nlp("Al-Shabaab fighters raided the base. The militants fled with weapons.")
    ms = link_anaphora(find_actors(doc, "SO"), doc)
    assert any(m.data.get("antecedent") == "Al Shabaab" for m in ms if "militants" in m.text.lower())


def test_role_for_event():
    a = resolve_actor("residents", "KE")
    assert role_for_event(a, "Protests").canonical == "Protesters (Kenya)"
    assert role_for_event(a, "Riots").canonical == "Rioters (Kenya)"
    police = resolve_actor("Kenyan police", "KE")
    assert role_for_event(police, "Riots").canonical == "Police Forces of Kenya"
