from wirecoder.extract.attribution import attributions, attributions_for, is_hedged


def _one(nlp, s):
    doc = nlp(s)
    return attributions(doc[:]), doc


def test_according_to_named_report(nlp):
    attrs, doc = _one(nlp, "Rebels took two trucks near Gao, according to a March 3 report from the U.N. Panel of Experts.")
    assert len(attrs) == 1
    a = attrs[0]
    assert a.kind == "report" and a.named
    assert "U.N. Panel of Experts" in a.source
    assert doc.text[a.start:a.end] == a.source


def test_anonymous_official(nlp):
    attrs, _ = _one(nlp, "The cell had forty members, said the security officer from Kidal.")
    assert attrs and attrs[0].kind == "official" and not attrs[0].named


def test_institution_is_named(nlp):
    attrs, _ = _one(nlp, "Police said four people were killed.")
    assert attrs[0].kind == "official" and attrs[0].named


def test_defector_and_witness(nlp):
    attrs, _ = _one(nlp, "They trained in the hills, a defector said.")
    assert attrs[0].kind == "defector" and not attrs[0].named
    attrs, _ = _one(nlp, "Witnesses said the gunmen fled on motorbikes.")
    assert attrs[0].kind == "witness"


def test_group_claim(nlp):
    attrs, _ = _one(nlp, "The militant group claimed responsibility for the bombing.")
    assert any(a.kind == "group claim" for a in attrs)


def test_hedges(nlp):
    assert is_hedged(nlp("He may have been trained by the group.")[:])
    assert is_hedged(nlp("Five people were reportedly killed.")[:])
    assert is_hedged(nlp("Presumed militants burned the school.")[:])
    assert not is_hedged(nlp("Five people were killed.")[:])
    attrs, _ = _one(nlp, "He may have been trained abroad, officials said.")
    assert attrs[0].hedged


def test_no_attribution(nlp):
    attrs, _ = _one(nlp, "Gunmen attacked a bus near Garissa.")
    assert attrs == []


def test_quote_continuation(nlp):
    doc = nlp('"We moved at night and hid the trucks in the valley. We were many." That is what the defector said.')
    attrs = attributions_for(doc, 0)
    assert attrs and attrs[0].kind == "defector"
