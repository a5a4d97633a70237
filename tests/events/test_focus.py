"""A collection's country focus: given (--focus) or learnt from the collection, it settles
articles that do not say where they are, and never overrides a place the article names.

Invented reports about real places."""
import json

import pytest
from click.testing import CliRunner

from wirecoder.cli import main
from wirecoder.models import Article
from wirecoder.pipeline import Pipeline
from wirecoder.resolve.focus import METADATA_KEY, learn_prior, parse_focus, prior_votes, with_prior

SHABAAB = "A police officer died when suspected Al Shabaab members shot him during a routine patrol."
MATHARE = "Rioters burned a police post in Mathare after a boy was shot."
KENYA_STORIES = [
    "Police shot dead two suspected robbers in Kiambu on Tuesday.",
    "Traders protested against new market fees in Nakuru town.",
    "Gunmen killed three herders near Marsabit.",
    "Students blocked a road in Kisumu to protest a fee rise.",
    "Police arrested 12 protesters in Mombasa after a march.",
]


@pytest.fixture(scope="module")
def pipe():
    return Pipeline()


def country(res):
    assert not res.errors, res.errors
    assert res.events, "no event coded"
    loc = res.events[0].location
    return loc.country_code if loc else None


def art(text: str, prior=None) -> Article:
    return with_prior(Article(body=[text], publication_date="2019-03-01"), prior or {})


def test_parse_focus_shares_and_errors():
    assert parse_focus("ke") == {"KE": 1.0}
    assert parse_focus("KE:3, SO:1") == {"KE": 0.75, "SO": 0.25}
    with pytest.raises(ValueError):
        parse_focus("Kenya")
    with pytest.raises(ValueError):
        parse_focus("KE:many")


def test_learn_prior_drops_rare_countries_and_undecided_articles():
    prior = learn_prior(["KE"] * 30 + ["SO"] * 5 + ["US"] + [None] * 50)
    assert set(prior) == {"KE", "SO"}  # one US article in 36 is under the minimum share
    assert prior["KE"] > 0.8
    assert learn_prior([None, None]) == {}
    assert learn_prior(["KE", "KE", None]) == {}  # two articles teach nothing yet


def test_prior_travels_on_the_article_and_an_explicit_one_is_kept():
    a = art("text", {"KE": 1.0})
    assert a.metadata[METADATA_KEY] == {"KE": 1.0}
    with_prior(a, {"SO": 1.0})
    assert a.metadata[METADATA_KEY] == {"KE": 1.0}
    assert prior_votes(a)["KE"] > 0 and not prior_votes(art("text"))


def test_prior_settles_a_report_that_names_no_place_of_its_own(pipe):
    assert country(pipe.process(art(SHABAAB))) == "SO"  # the group's home country, by default
    assert country(pipe.process(art(SHABAAB, {"KE": 1.0}))) == "KE"


def test_prior_drops_a_foreign_loose_reading(pipe):
    # "Mathare" is not in the bundled gazetteer; its consonants match Mathura, India.
    assert country(pipe.process(art(MATHARE))) != "KE"
    res = pipe.process(art(MATHARE, {"KE": 1.0}))
    assert country(res) == "KE"
    assert res.events[0].actor1.canonical == "Rioters (Kenya)"


def test_prior_never_overrides_a_named_place(pipe):
    res = pipe.process(art("Gunmen killed three people in Mogadishu on Monday.", {"KE": 1.0}))
    assert country(res) == "SO"


def test_collection_learns_its_focus_per_group(pipe):
    kenya = [art(t) for t in KENYA_STORIES] + [art(MATHARE)]
    other = [art(SHABAAB)]  # alone in its group: nothing to learn from
    groups = {id(a): "kenya" for a in kenya} | {id(a): "other" for a in other}
    results = pipe.process_collection(kenya + other, "auto", group=lambda a: groups[id(a)])
    assert [r.article for r in results] == kenya + other  # input order
    assert all(country(r) == "KE" for r in results[:len(kenya)])
    assert results[len(kenya) - 1].article.metadata[METADATA_KEY] == {"KE": 1.0}
    assert country(results[-1]) == "SO"
    assert METADATA_KEY not in results[-1].article.metadata


def test_extract_focus_option(tmp_path):
    f = tmp_path / "report.txt"
    f.write_text(SHABAAB + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f), "--focus", "KE", "--no-text"])
    assert res.exit_code == 0, res.output
    line = json.loads(res.stdout.splitlines()[0])
    assert line["events"][0]["location"]["country_code"] == "KE"
    bad = CliRunner().invoke(main, ["extract", str(f), "--focus", "Kenya"])
    assert bad.exit_code != 0 and "ISO" in bad.output


def test_ingest_focus_option_is_stored_with_the_article(tmp_path):
    import sqlite3

    f = tmp_path / "report.txt"
    f.write_text(SHABAAB + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    res = CliRunner().invoke(main, ["ingest", str(f), "--db", str(db), "--focus", "KE"])
    assert res.exit_code == 0, res.output
    con = sqlite3.connect(db)
    assert con.execute("SELECT country_code FROM events").fetchone()[0] == "KE"
    meta = json.loads(con.execute("SELECT metadata FROM articles").fetchone()[0])
    assert meta[METADATA_KEY] == {"KE": 1.0}  # provenance: the article was coded with this prior


def test_a_minor_country_of_the_collection_never_names_the_country_alone(pipe):
    # a mixed archive, 30% Ukraine: a report naming no known place stays without a country
    res = pipe.process(art("Traders held a protest at the bazaar against power cuts.", {"UA": 0.3, "KE": 0.7}))
    assert country(res) == "KE"  # the dominant country may
    res = pipe.process(art("Traders held a protest at the bazaar against power cuts.", {"UA": 0.3, "PK": 0.3, "KE": 0.4}))
    assert country(res) is None


@pytest.mark.parametrize("report", [
    # Kain is a Belgian village of 7,000; in a Burkina collection it is a Burkinabe village
    # the gazetteer lacks, so the report takes the collection's country
    "On June 17, unknown gunmen killed two people and abducted two others in Kain.",
    # "Banh" only matches Baneh, Iran, by an alternate spelling
    "On April 12, militants killed a herder in the village of Banh.",
])
def test_a_foreign_village_namesake_alone_does_not_settle_a_report(pipe, report):
    burkina = [
        "Gunmen attacked a gendarmerie post in Djibo on Monday.",
        "Militants killed four soldiers near Dori.",
        "Students protested in Ouagadougou against fee increases.",
        "Unknown gunmen abducted a teacher in Kaya.",
        "Soldiers repelled an attack on their base in Ouahigouya.",
        "Gunmen killed two villagers and stole cattle in Fada N'Gourma.",
    ]
    results = pipe.process_collection([art(t) for t in burkina + [report]], "auto")
    assert country(results[-1]) == "BF"
