"""Claims: statements about an actor that are not events.

* strength: "about 500 members remain active", "a peak of about 3,000 fighters",
  "operates in groups of 5 to 50 fighters" (kind "strength", value = the stated number,
  lower bound for ranges);
* intent: "planned to infiltrate", "vowed to attack", "threatened to" (kind "intent").

The event coder calls ``is_claim_sentence`` to keep such sentences from becoming events.
"""
from __future__ import annotations

import re

from ..models import Actor, Claim, Mention
from ..nlp.cache import sentences
from .attribution import attributions
from .numbers import find_quantities

STRENGTH_UNITS = {"fighters", "members", "militants", "men", "recruits", "jihadists", "combatants",
                  "followers", "insurgents", "loyalists", "cells", "militiamen", "gunmen", "soldiers",
                  "troops", "operatives", "mercenaries", "volunteers", "supporters", "adherents"}
_STRENGTH_CUE = re.compile(
    r"\b(?:peak|strength|number(?:s|ed)?|estimated?|estimates|strong|active|remain(?:s|ed|ing)?|"
    r"has|have|had|counts?|counted|comprises?|consists?|operat(?:e|es|ing|ed)|total(?:s|led|ed)?|"
    r"boasts?|ranks|swelled|dwindled|grown|grew|shrunk|shrank|up to|as many as|at its height|"
    r"groups? of|cells? of|units? of|bands? of|presence)\b",
    re.I,
)
_ACTION = re.compile(
    r"\b(?:killed|killing|attacked|attacking|ambushed|seized|stormed|abducted|kidnapped|shot|"
    r"bombed|clashed|fought|raided|looted|burned|burnt|torched|captured|overran|shelled|"
    r"detonated|exploded|opened fire|massacred|executed|beheaded)\b",
    re.I,
)
_INTENT = re.compile(
    r"\b(?P<verb>plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|vow(?:s|ed|ing)?|"
    r"threaten(?:s|ed|ing)?|seek(?:s|ing)?|sought|hope(?:s|d)?|want(?:s|ed)?|prepar(?:e|es|ed|ing)|"
    r"plot(?:s|ted|ting)?|pledg(?:e|es|ed)|promis(?:e|es|ed))\s+(?:\w+\s+)?to\s+(?P<what>\w+)",
    re.I,
)


def _strength_quantities(sent):
    qs = []
    for q in find_quantities(sent):
        last = q.unit.split()[-1] if q.unit else ""
        if last in STRENGTH_UNITS:
            qs.append(q)
    return qs


def _is_strength(sent) -> list:
    qs = _strength_quantities(sent)
    if not qs:
        return []
    text = sent.text
    if not _STRENGTH_CUE.search(text):
        return []
    # "militants killed 5 soldiers" is an event even though it counts soldiers
    if _ACTION.search(text) and not re.search(r"\b(?:peak|strength|estimated|groups? of|cells? of|at its height|active)\b", text, re.I):
        return []
    return qs


def _actor_in(sent, actors: list[Mention] | None) -> Actor | None:
    if not actors:
        return None
    inside = [m for m in actors if sent.start_char <= m.start < sent.end_char]
    named = [m for m in inside if m.data.get("named") or m.data.get("antecedent")]
    pick = named[0] if named else None
    if pick is None:  # "They move in groups of 5 to 50 fighters": the group talked about so far
        before = [m for m in actors if m.start < sent.start_char and (m.data.get("named") or m.data.get("antecedent"))]
        pick = before[-1] if before else (inside[0] if inside else None)
    if pick is None:
        return None
    d = pick.data
    return Actor(name=d.get("name") or pick.text, canonical=d.get("canonical"), type=d.get("type"),
                 inter=d.get("inter"), country=d.get("country"))


def is_claim_sentence(span) -> bool:
    """True when a sentence states strength or intent rather than reporting an event."""
    if _is_strength(span):
        return True
    m = _INTENT.search(span.text)
    if m:
        # the action verbs all sit inside the intention ("planned to attack")
        rest = span.text[: m.start()] + " " + span.text[m.end():]
        return not _ACTION.search(rest)
    return False


def find_claims(doc, actors: list[Mention] | None = None) -> list[Claim]:
    """Strength and intent claims in a Doc, each with its actor (from ``actors``) and attribution."""
    out: list[Claim] = []
    for sent in sentences(doc):
        qs = _is_strength(sent)
        if qs:
            attrs = attributions(sent, doc)
            actor = _actor_in(sent, actors)
            for q in qs:
                out.append(Claim(kind="strength", text=sent.text.strip(), start=q.start, end=q.end,
                                 actor=actor, value=q.value, attribution=attrs))
            continue
        m = _INTENT.search(sent.text)
        if m:
            attrs = attributions(sent, doc)
            s = sent.start_char + m.start()
            out.append(Claim(kind="intent", text=sent.text.strip(), start=s, end=sent.start_char + m.end(),
                             actor=_actor_in(sent, actors), value=None, attribution=attrs))
    return out
