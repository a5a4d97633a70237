import pytest

from wirecoder.extract.numbers import find_fatalities, find_quantities, parse_number


@pytest.mark.parametrize("text,value,low,high,approx", [
    ("1,026", 1026, None, None, False),
    ("twenty-two", 22, None, None, False),
    ("one hundred and five", 105, None, None, False),
    ("a dozen", 12, None, None, False),
    ("half a dozen", 6, None, None, False),
    ("several dozen", 36, None, None, True),
    ("dozens", 12, None, None, True),
    ("hundreds", 100, None, None, True),
    ("several", 3, None, None, True),
    ("at least 5", 5, 5, None, False),
    ("more than twenty", 20, 20, None, False),
    ("about 500", 500, None, None, True),
    ("5 to 50", 5, 5, 50, False),
    ("5-50", 5, 5, 50, False),
    ("between 10 and 12", 10, 10, 12, False),
    ("a", 1, None, None, False),
    ("one", 1, None, None, False),
    ("1.5 million", 1_500_000, None, None, False),
])
def test_parse_number(text, value, low, high, approx):
    v = parse_number(text)
    assert v is not None
    assert (v.value, v.low, v.high, v.approximate) == (value, low, high, approx)


@pytest.mark.parametrize("text", ["people", "the army", "", "Tuesday"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("sentence,expected", [
    ("Bandits stormed the market in Zinder, killing 14 people.", 14),
    # the shooter is not among the dead; a date is not a head count; a member named by group
    ("Three gunmen shot dead a taxi driver near the depot.", 1),
    ("On 26 January 2022, in the old town, a trader was killed.", 1),
    ("Militants killed a Koglweogo near the well.", 1),
    ("3 killed.", 3),
    ("Nineteen villagers were killed in the raid.", 19),
    ("The blast left 3 dead and 12 injured.", 3),
    ("The death toll rose to 40 on Monday.", 40),
    ("Rebels killed a soldier near the border post.", 1),
    ("Gunmen killed two farmers and wounded five in the attack.", 2),
    ("There were no casualties.", 0),
    ("Thirty-one people, including 10 children, were killed.", 31),
    ("Four policemen and two militiamen were killed, others were wounded.", 6),
    ("At least 7 people died after soldiers opened fire.", 7),
    ("Dozens of people were killed in the clashes.", 12),
    ("Six killed as raiders attack a village", 6),
    ("Police shot dead a suspect in the town.", 1),
])
def test_find_fatalities(nlp, sentence, expected):
    q = find_fatalities(nlp(sentence)[:])
    assert q is not None and q.value == expected


@pytest.mark.parametrize("sentence", [
    "Police arrested 12 people after the march.",
    "Six people were shot and wounded by a gang.",
    "Eight traders were abducted on the road.",
    "The army shot down a drone over the base.",
])
def test_non_fatal_counts_are_not_fatalities(nlp, sentence):
    assert find_fatalities(nlp(sentence)[:]) is None


def test_fatality_offsets_point_into_text(nlp):
    doc = nlp("On Friday, militants killed 9 civilians in the village.")
    q = find_fatalities(doc[:])
    assert doc.text[q.start:q.end] == q.text and "9" in q.text


def test_find_quantities_units(nlp):
    doc = nlp("The convoy of three fuel trucks carried about 40 fighters.")
    qs = {(q.value, q.unit) for q in find_quantities(doc[:])}
    assert (3, "fuel trucks") in qs
    assert (40, "fighters") in qs


def test_homeless_thousands_are_not_deaths(nlp):
    q = find_fatalities(next(iter(nlp("Clashes left thousands homeless and 3 dead.").sents)))
    assert q is not None and q.value == 3
    q = find_fatalities(next(iter(nlp("The raid left thousands homeless and several dead.").sents)))
    assert q is None or q.value < 100
