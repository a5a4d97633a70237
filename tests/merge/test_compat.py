"""Pairwise merge rules on hand-built reports."""
from __future__ import annotations

from wirecoder.merge.cluster import cluster_reports
from wirecoder.merge.compat import decide, hard_compatible
from wirecoder.merge.records import Report
from wirecoder.models import Actor, Event, Evidence, Place


def rep(eid, art, sub="Armed clash", typ="Battles", date="2020-01-10", prec="day",
        place=("Town", 10.0, 10.0, "town"), cc="NG", a1=None, a2=None, fat=None,
        text="Fighters clashed with soldiers near the town, killing five.", pub="2020-01-11"):
    loc = Place(name=place[0], lat=place[1], lon=place[2], geo_precision=place[3],
                country_code=cc) if place else None
    ev = Event(event_type=typ, sub_event_type=sub, date=date, time_precision=prec,
               location=loc, actor1=a1 and Actor(a1, a1), actor2=a2 and Actor(a2, a2),
               fatalities=fat, evidence=[Evidence(art, 0, len(text), text)], confidence=0.7)
    return Report(eid, ev, art, pub, "Src", "", [])


def test_distance_depends_on_precision():
    a = rep("a:0", "a")
    near_town = rep("b:0", "b", place=("Other", 10.15, 10.0, "town"))      # ~17 km
    far_town = rep("c:0", "c", place=("Far", 10.4, 10.0, "town"))          # ~44 km
    far_district = rep("d:0", "d", place=("District", 10.4, 10.0, "district"))
    assert hard_compatible(a, near_town)[0]
    assert hard_compatible(a, far_town) == (False, "place")
    assert hard_compatible(a, far_district)[0]


def test_country_level_place_is_compatible_only_within_the_country():
    a = rep("a:0", "a")
    vague = rep("b:0", "b", place=("Nigeria", 9.0, 8.0, "country"))
    other = rep("c:0", "c", place=("Niger", 17.0, 9.0, "country"), cc="NE")
    assert hard_compatible(a, vague)[0]
    assert hard_compatible(a, other) == (False, "place")


def test_dates_overlap_at_their_precision():
    a = rep("a:0", "a", date="2020-01-10")
    assert hard_compatible(a, rep("b:0", "b", date="2020-01", prec="month"))[0]
    assert hard_compatible(a, rep("c:0", "c", date="2020-01-11"))[0]     # one-day tolerance
    assert hard_compatible(a, rep("d:0", "d", date="2020-01-13")) == (False, "date")
    assert hard_compatible(a, rep("e:0", "e", date="2020-02", prec="month")) == (False, "date")
    assert hard_compatible(a, rep("f:0", "f", date="2020-01-13", prec="week"))[0]


def test_types_and_actors():
    a = rep("a:0", "a", a1="Army", a2="Rebels")
    assert hard_compatible(a, rep("b:0", "b", sub="Attack", typ="Violence against civilians"))[0]
    assert hard_compatible(a, rep("c:0", "c", sub="Peaceful protest", typ="Protests")) == (False, "type")
    assert hard_compatible(a, rep("d:0", "d", a1="Rebels", a2="Army"))[0]  # battle sides swap
    assert hard_compatible(a, rep("e:0", "e", a1="Unidentified Armed Group (Nigeria)"))[0]
    assert hard_compatible(a, rep("f:0", "f", a1="Police")) == (False, "actor")


def test_contradictory_tolls_and_revisions():
    a = rep("a:0", "a", fat=10, pub="2020-01-11")
    assert hard_compatible(a, rep("b:0", "b", fat=40, pub="2020-01-11")) == (False, "fatalities")
    assert hard_compatible(a, rep("c:0", "c", fat=40, pub="2020-01-14"))[0]  # later revision
    assert hard_compatible(a, rep("d:0", "d", fat=12, pub="2020-01-11"))[0]


def test_decision_is_symmetric():
    a = rep("a:0", "a", fat=5)
    b = rep("b:0", "b", place=("Other", 10.1, 10.05, "town"), fat=6, a1="Army",
            text="Soldiers and fighters fought outside the town; six died.")
    assert decide(a, b) == decide(b, a)


def test_complete_link_blocks_chains():
    # b is compatible with a and c, but a and c are 40 km apart: b joins one of them, never both
    a = rep("a:0", "a", place=("West", 10.0, 10.0, "town"))
    b = rep("b:0", "b", place=("Middle", 10.18, 10.0, "town"))
    c = rep("c:0", "c", place=("East", 10.36, 10.0, "town"))
    groups = cluster_reports([a, b, c])
    assert not any({"a:0", "c:0"} <= set(m) for m in groups.values())
    assert groups == cluster_reports([c, b, a])  # and the choice does not depend on order


def test_cannot_link_is_respected():
    a, b = rep("a:0", "a"), rep("b:0", "b")
    assert len(cluster_reports([a, b])) == 1
    assert len(cluster_reports([a, b], {frozenset(("a:0", "b:0"))})) == 2
