from wirecoder.extract.claims import find_claims, is_claim_sentence
from wirecoder.resolve.actors import find_actors, link_anaphora

TEXT = ("Al-Shabaab fighters regrouped near the border. The group has about 800 members active in the "
        "region, a police commander said. At its peak the group had about 7,000 fighters. "
        "They move in groups of 10 to 30 fighters, a defector said. The militants planned to attack the port. "
        "Gunmen killed 4 soldiers in Afmadow on Monday.")


def test_strength_and_intent_claims(nlp):
    doc = nlp(TEXT)
    actors = link_anaphora(find_actors(doc, "SO"), doc)
    claims = find_claims(doc, actors)
    strength = {c.value for c in claims if c.kind == "strength"}
    assert {800, 7000, 10} <= strength
    assert any(c.kind == "intent" for c in claims)
    c800 = next(c for c in claims if c.value == 800)
    assert c800.actor is not None and c800.actor.canonical == "Al Shabaab"
    assert c800.attribution and c800.attribution[0].kind == "official"


def test_is_claim_sentence(nlp):
    sents = list(nlp(TEXT).sents)
    flags = [is_claim_sentence(s) for s in sents]
    assert flags[0] is False
    assert flags[1] and flags[2] and flags[3] and flags[4]
    assert flags[-1] is False
