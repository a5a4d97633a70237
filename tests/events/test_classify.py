"""Sub-event typing on the project's own invented sentences (one or more per sub-event type)."""
import pytest

from wirecoder.events.classify import classify_sentence
from wirecoder.events.taxonomy import SUB_EVENTS, event_type_of, plover_of
from wirecoder.nlp import load_nlp

CASES = [
    ("Rebels clashed with the army near the border post on Tuesday.", "Armed clash"),
    ("Gunmen ambushed a police patrol outside the town.", "Armed clash"),
    ("Militants attacked a military base in the north.", "Armed clash"),
    # the target decides: the first armed or civilian word of the attacked phrase
    ("Gunmen attacked a volunteer fighter position in the village of Kondo.", "Armed clash"),
    ("Gunmen attacked the village of Kondo and killed two farmers.", "Attack"),
    ("Militants opened fire on the police station in the town overnight.", "Armed clash"),
    ("Six al Shabaab suspects were shot dead near the coast.", "Armed clash"),
    ("Militants stormed a customs post at the border.", "Armed clash"),
    ("Government troops recaptured the town from the insurgents.", "Government regains territory"),
    ("Rebel fighters seized control of the district capital after heavy fighting.", "Non-state actor overtakes territory"),
    ("Witnesses said a chlorine attack hit the suburb.", "Chemical weapon"),
    ("An airstrike hit a convoy on the highway.", "Air/drone strike"),
    ("A drone strike destroyed a house used by the commanders.", "Air/drone strike"),
    ("A man blew himself up at the entrance of the mosque, killing 7 people.", "Suicide bomb"),
    ("The army shelled the outskirts of the city overnight.", "Shelling/artillery/missile attack"),
    ("Mortar rounds landed near the market.", "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a bus carrying workers.", "Remote explosive/landmine/IED"),
    ("A truck ran over a landmine on the road to the farm.", "Remote explosive/landmine/IED"),
    ("Unknown assailants threw a grenade into a bar.", "Grenade"),
    ("Teachers marched to the ministry to demand unpaid salaries.", "Peaceful protest"),
    ("Police fired tear gas to disperse students protesting against fee increases.", "Protest with intervention"),
    ("Police arrested twelve demonstrators who blocked the road to the mine.", "Protest with intervention"),
    ("Clerics protested the arrest of a radio host outside the courthouse.", "Peaceful protest"),
    ("Families staged a sit-in demanding the release of their detained sons.", "Peaceful protest"),
    ("Police shot dead two demonstrators during a protest over land rights.", "Excessive force against protesters"),
    ("Rioters burned tyres and pelted police with stones after the verdict.", "Violent demonstration"),
    ("A mob lynched a man suspected of stealing a goat.", "Mob violence"),
    ("The two factions signed a ceasefire agreement in the capital.", "Agreement"),
    ("Police arrested five opposition activists at their homes.", "Arrests"),
    ("Movement of forces: fresh troops were deployed to the border region.", "Change to group/activity"),
    ("Soldiers defused an explosive device found under a bridge.", "Disrupted weapons use"),
    ("The militia set up checkpoints on the main road into the town.", "Headquarters or base established"),
    ("Armed men looted shops and burned houses in the village.", "Looting/property destruction"),
    ("The rebels withdrew from the town and handed over control to the army without a fight.", "Non-violent transfer of territory"),
    ("Non-violent activity: a court convicted the former governor.", "Other"),
    ("Gunmen raped two women in the camp.", "Sexual violence"),
    ("Gunmen attacked villagers working in their fields.", "Attack"),
    ("Kidnappers abducted a priest on the road to the parish.", "Abduction/forced disappearance"),
    # wordings common in short incident reports
    ("Three suspected thieves were burnt to death by residents in the market.", "Mob violence"),
    ("Rebels fired machine guns at army positions near the river.", "Armed clash"),
    ("The militia took over the control of the village from rival fighters.", "Non-state actor overtakes territory"),
    ("Fighters bombed the district administration office at night.", "Remote explosive/landmine/IED"),
    ("Villagers blocked the main highway to demand a new bridge.", "Peaceful protest"),
    ("Union members held a press conference with banners outside the factory.", "Peaceful protest"),
    ("Security measures: a curfew was imposed on the city until further notice.", "Change to group/activity"),
    # the month May is not the modal "may" (which makes a sentence irrealis)
    ("On 1 May, nurses staged a May Day protest outside the ministry.", "Peaceful protest"),
    ("Dockers began a hunger strike at the port gate.", "Peaceful protest"),
    ("Parents gathered outside the school to support the dismissed headmaster.", "Peaceful protest"),
    ("Farmers cut the road to the capital with their tractors.", "Peaceful protest"),
    ("Activists occupied the town hall for six hours.", "Peaceful protest"),
    ("Unknown gunmen fired a shell at the clinic.", "Shelling/artillery/missile attack"),
    ("The militants seized four carts from traders near the well.", "Looting/property destruction"),
    ("Militiamen took over the police station in the border town.", "Non-state actor overtakes territory"),
    ("Rival supporters engaged in blows outside the polling station.", "Mob violence"),
    ("Gunmen held captive two engineers at the quarry.", "Abduction/forced disappearance"),
    ("Raiders ambushed herders at the water point.", "Attack"),  # an ambush of unarmed people
    ("Bandits attacked the refugee camp at night.", "Attack"),  # a refugee camp is not an army camp
    ("Militants attacked an army camp near the border.", "Armed clash"),
    ("Gunmen killed a park ranger on patrol in the reserve.", "Armed clash"),  # rangers are armed
    # capitalised words inside names are not modal verbs ("Will", "Plan")
    ("Members of the We Will Stop Violence Movement staged a protest in the square.", "Peaceful protest"),
    ("Parents from Plan Tres staged a demonstration outside the school.", "Peaceful protest"),
    ("Residents blocked an avenue to demand paved roads.", "Peaceful protest"),
    ("Nurses gathered in the town centre, demanding a pay rise.", "Peaceful protest"),
    ("Parents took over the primary school to denounce the lack of teachers.", "Peaceful protest"),
    ("Taxi drivers held a strike against new licence fees.", "Peaceful protest"),
    ("About 40 hauliers drove at a slow pace on the ring road to denounce fuel prices.", "Peaceful protest"),
    ("Students staged a 'March for Books' through the city.", "Peaceful protest"),
    ("Police fired multiple shots at a car driven by two farmers.", "Attack"),
    ("The army fired cluster munitions at the town.", "Shelling/artillery/missile attack"),
    ("Government forces conducted strikes with Su-25 jets near the village.", "Air/drone strike"),
    ("Government air forces bombed the village overnight.", "Air/drone strike"),
    ("Soldiers conducted ground operations in the forest near the village.", "Armed clash"),
    ("Herders speared a farmer who strayed onto their pasture.", "Attack"),
    ("Residents set a suspected thief alight near the market.", "Mob violence"),
    ("Unidentified gunmen open fire on a minibus near the bridge.", "Attack"),
    ("Soldiers engaged militants hiding in the forest.", "Armed clash"),
    ("Militiamen routed a group of suspected bandits near the well.", "Armed clash"),
    ("Militants stripped a trader of his motorbike on the road.", "Looting/property destruction"),
    ("Militants seized a large number of ruminants from the herders.", "Looting/property destruction"),
    ("Militants exploded a bridge on the main road.", "Remote explosive/landmine/IED"),
    ("Post-election violence went on in the slum for three days.", "Violent demonstration"),
    ("Women were raped during the post-election violence.", "Sexual violence"),  # the specific act first
    ("Parents camped outside the court to demand the release of the school owner.", "Peaceful protest"),
    ("The armed forces launched Operation Dawn in the northern regions.", "Change to group/activity"),
    ("About 20 people gathered at the St. Anne church to call for the mayor's resignation.", "Peaceful protest"),
    ("Supporters of the jailed editor demanded his release outside the court.", "Peaceful protest"),
    ("Hundreds of workers formed a human chain along the avenue.", "Peaceful protest"),
    ("Some 800 people took part in the Easter march through the old town.", "Peaceful protest"),
    ("Truck drivers blocked (means unspecified) the main road for a second day.", "Peaceful protest"),
    ("Heavy gunfire erupted between the rebels and the army near the bridge.", "Armed clash"),
    ("Troops fired over twenty artilleries towards three villages.", "Shelling/artillery/missile attack"),
    ("Soldiers captured the rector of the seminary in the town.", "Abduction/forced disappearance"),
    ("Students crowded the main junction demanding the reopening of the campus.", "Peaceful protest"),
    ("Truck drivers intermittently blocked with their trucks the national highway.", "Peaceful protest"),
    ("About 200 people assembled in the square to support the nurses.", "Peaceful protest"),
    ("Militants intercepted a vehicle and its medicine was seized by the militants.", "Looting/property destruction"),
    ("Militiamen hanged a man accused of witchcraft near the village.", "Attack"),
    ("Militants fired gunshots in the air as they left the village.", "Change to group/activity"),
]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize("text,sub", CASES)
def test_sub_event_types(nlp, text, sub):
    doc = nlp(text)
    det = classify_sentence(text, doc[:])
    assert det is not None, text
    assert det.sub_event_type == sub, (text, det)
    assert text[det.start:det.end]  # the trigger is a real span


def test_every_sub_event_type_is_covered():
    assert {s for _, s in CASES} == set(SUB_EVENTS)


def test_taxonomy_mapping():
    assert event_type_of("Suicide bomb") == "Explosions/Remote violence"
    assert event_type_of("Excessive force against protestors") == "Protests"
    assert plover_of("Arrests") == "COERCE:arrest"


@pytest.mark.parametrize("text", [
    "The group said it planned to carry out attacks in Europe.",
    "The weather was pleasant and the market reopened on Sunday.",
    "There are about 500 members of the group in the country.",
    "Villagers fear the militants may attack the camp.",
    "The rebels will attack the town tomorrow.",
    "Residents said 10 people were seen in March near the river.",  # the month is not a march
    "The men are demanding a ransom for the engineers.",
    "Nobody was injured.",
])
def test_non_events(nlp, text):
    assert classify_sentence(text, nlp(text)[:]) is None


@pytest.mark.parametrize("text,sub", [
    ("Movement of forces: after the attack on the base, fresh troops were sent to the town.",
     "Change to group/activity"),
    ("Defusal: soldiers found and defused a roadside bomb near the bridge.", "Disrupted weapons use"),
    ("Property destruction: militants burned the school and killed its guard.", "Looting/property destruction"),
    ("Kessen: gunmen shot dead two traders at the market.", "Attack"),  # a place, not a category
])
def test_category_label_of_acled_style_reports(nlp, text, sub):
    doc = nlp(text)
    det = classify_sentence(text, doc[:])
    assert det is not None and det.sub_event_type == sub


@pytest.mark.parametrize("text,sub", [
    ("Police fired tear gas at crowds of traders who tried to enter the market.", "Protest with intervention"),
    ("Opposition supporters lit bonfires in the town centre.", "Violent demonstration"),
    ("Nurses march in Eldoret over unpaid allowances.", "Peaceful protest"),
    ("The fishermen's community demonstrates against the new levy.", "Peaceful protest"),
    ("Hundreds of farmers poured into the streets over unpaid dues.", "Peaceful protest"),
    ("Police violently disperse a prayer meeting in the park.", "Protest with intervention"),
    ("Students closed down the district education office.", "Peaceful protest"),
    ("Violence reported during the county elections.", "Violent demonstration"),
    ("A bandit gang guns down two herders at the well.", "Attack"),
    ("A man hacks his neighbour to death in a boundary dispute.", "Attack"),
    ("Residents caught two suspected thieves and burned them alive.", "Mob violence"),
    ("A severed head was found near the river bank.", "Attack"),
    ("Two policemen are feared dead following a militant attack on the post.", "Armed clash"),
    ("A fight between two herding communities left one dead.", "Armed clash"),
    ("Army units engaged suspected JNIM and/or ISGS militants near the forest.", "Armed clash"),
    ("French forces conducted an aerial operation against a militant camp.", "Air/drone strike"),
    ("No Vax activists gathered outside the town hall to oppose the health pass.", "Peaceful protest"),
    ("Rail workers gathered at the depot as part of strike action.", "Peaceful protest"),
    ("About 40 cars drove through the city with national flags in support of the army.", "Peaceful protest"),
    ("Gendarmes intervened to disperse prison guards at the gate.", "Protest with intervention"),
    ("Navy boats fired live bullets and flares toward fishing boats off the coast.", "Attack"),
    ("The bodies of nine men from the two neighbouring farming villages near the old river "
     "crossing were found on Monday.", "Attack"),
])
def test_terse_field_reports(nlp, text, sub):
    det = classify_sentence(text, nlp(text)[:])
    assert det is not None and det.sub_event_type == sub, det
