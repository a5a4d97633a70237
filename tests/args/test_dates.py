import pytest

from wirecoder.extract.dates import DateValue, find_dates, resolve_date

PUB = "2017-09-19"  # a Tuesday


@pytest.mark.parametrize("expr,date,end,precision,relative", [
    ("In May", "2017-05", None, "month", True),
    ("in November", "2016-11", None, "month", True),  # after the publication month: previous year
    ("late May", "2017-05", None, "month", True),
    ("last year", "2016", None, "year", True),
    ("this year", "2017", None, "year", True),
    ("two years ago", "2015", None, "year", True),
    ("in 2016", "2016", None, "year", False),
    ("on Tuesday", "2017-09-19", None, "day", True),
    ("on Sunday", "2017-09-17", None, "day", True),
    ("yesterday", "2017-09-18", None, "day", True),
    ("last week", "2017-09-11", "2017-09-17", "week", True),
    ("14 September 2020", "2020-09-14", None, "day", False),
    ("September 14, 2020", "2020-09-14", None, "day", False),
    ("Sept. 14", "2017-09-14", None, "day", True),
    ("Sept. 24", "2016-09-24", None, "day", True),  # a day after publication: previous year
    ("the night of 3-4 March", "2017-03-03", "2017-03-04", "day", True),
    ("between 28 June and 2 July", None, None, None, None),
    ("31/12/2007", "2007-12-31", None, "day", False),
    ("last month", "2017-08", None, "month", True),
])
def test_resolve_date(expr, date, end, precision, relative):
    v = resolve_date(expr, PUB)
    if date is None:
        return  # free-form: only must not crash
    assert v == DateValue(date, end, precision, relative)


@pytest.mark.parametrize("expr", ["for two years", "the past three years", "the following day", "annual", "the 1990s"])
def test_durations_and_anaphoric_days_are_not_dates(expr):
    assert resolve_date(expr, PUB) is None


def test_relative_needs_publication_date():
    assert resolve_date("yesterday", None) is None
    assert resolve_date("in May", None) is None
    assert resolve_date("14 September 2020", None).date == "2020-09-14"


def test_find_dates(nlp):
    doc = nlp("In May, the group seized three trucks. On Tuesday gunmen attacked the post.")
    ms = find_dates(doc, PUB)
    by_text = {m.text.lower(): m.data["date"] for m in ms}
    assert by_text.get("may") == "2017-05" or by_text.get("in may") == "2017-05"
    assert "2017-09-19" in by_text.values()
    for m in ms:
        assert doc.text[m.start:m.end] == m.text and m.kind == "date"


@pytest.mark.parametrize("text, date", [
    ("Around 6 May 2020 (as reported), two boys were hurt by a grenade.", "2020-05-06"),
    ("Around 1 May 2020, three bodies were found near the river.", "2020-05-01"),
    ("Overnight between 18 and 19 March 2020, gunmen raided the market.", "2020-03-18"),
])
def test_find_dates_keeps_the_day_before_the_month(nlp, text, date):
    # spaCy often tags only "May 2020": the day written before it must not be lost
    assert [m.data["date"] for m in find_dates(nlp(text), PUB)][:1] == [date]


def test_find_dates_keeps_an_abbreviated_month_before_an_ordinal_day(nlp):
    # spaCy tags "17th 2019" and leaves "Apr" out
    ms = find_dates(nlp("On Apr 17th 2019, squatters marched to the county offices."), PUB)
    assert [(m.text, m.data["date"]) for m in ms] == [("Apr 17th 2019", "2019-04-17")]


def test_find_dates_day_first_needs_a_capitalised_month(nlp):
    assert not find_dates(nlp("The boy was 25 may be older."), PUB)
    ms = find_dates(nlp("Around 2 April 2020 (between 28 March - 2 April), traders protested."), PUB)
    assert [m.text for m in ms] == ["2 April 2020", "between 28 March - 2 April"]  # the range stays whole


@pytest.mark.parametrize("text", [
    "People gathered for a 'March for our Lives' rally at the courthouse.",
    "The rally was organized by Women's March Greenville.",
    "Thousands joined the March against hunger in the capital.",
])
def test_a_march_is_not_the_month(nlp, text):
    assert [m.text for m in find_dates(nlp(text), PUB)] == []
