"""Sentence -> ACLED sub-event type, from the trigger lexicon plus who-did-what-to-whom cues.

Decision order (documented so coders can predict it):
1. specific means of violence win: suicide bomb, chemical weapon, disrupted weapons use (when
   nobody was killed), air/drone strike, then the protest/riot family, shelling, grenade, IED;
2. territory changes (oust/retake/capture control), sexual violence, armed clashes;
3. generic acts (attack/kill, abduction, arrest, looting): the earliest trigger wins, but a
   killing outranks looting, abduction and arrest in the same sentence;
4. weak strategic cues: base established, agreement, change to group/activity, other.
A report that opens with an ACLED-style category label ("Movement of forces: ...") is that
category, whatever else it says.
An attack on armed targets (soldiers, a base, militants) is an Armed clash; on civilians, an
Attack; by a crowd of residents, Mob violence. Intentions ("planned to carry out attacks") and
negated mentions are skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import lexicon as L


@dataclass
class Detection:
    sub_event_type: str
    start: int  # trigger offsets relative to the sentence
    end: int
    score: float  # rough confidence in the type
    cue: str = ""  # the lexicon family that fired (for review/debug)


STATE_TERMS = re.compile(
    r"\b(?:army|military|soldiers?|troops|government|pro-government|police|gendarm\w*|security forces|"
    r"armed forces|national guard|defen[cs]e forces|FDS|FAMa|KDF|SNA|FARDC|ANA|air force|navy|"
    r"coalition|regime|GNA|Government of National Accord|state)\b", re.I)
NONSTATE_TERMS = re.compile(
    r"\b(?:militants?|rebels?|jihadists?|insurgents?|terror\w*|extremists?|Islamic State|ISIS|ISIL|IS|"
    r"Daesh|al-?Shabaa?b|Boko Haram|JNIM|ISGS|ISWAP|al-?Qa[e']?ida|Taliban|Houthis?|bandits|gunmen|"
    r"group allied|allied group|the group|fighters|separatists|armed group)\b", re.I)
MOB_PERP = re.compile(r"\b(?:mobs?|residents|villagers|youths?|crowd|locals|members of the public|"
                      r"supporters|students|traders|angry|irate)\b", re.I)


def _live(pattern: re.Pattern[str], text: str, skip=None) -> re.Match[str] | None:
    """First match that is neither an intention nor negated (nor one ``skip(match, before)``
    rules out)."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if L.IRREALIS.search(before) or L.NEGATED.search(before) or _REFERS_BACK.search(before) \
                or (skip is not None and skip(m, before)):
            continue
        return m
    return None


# "The group later claimed the attack", "condemned the killing": a statement about an event
# told before, not a new one.
_REFERS_BACK = re.compile(r"\b(?:claim\w*|condemn\w*|denounc\w*|den(?:y|ied|ies))\s+(?:responsibility\s+for\s+)?"
                          r"(?:the|this|that|these|those)\s+(?:\w+\s+)?$", re.I)


def _roles(span: Any, start: int, end: int) -> tuple[str, str]:
    """(perpetrator text, victim text) around the trigger, from the dependency parse."""
    if span is None:
        return "", ""
    tok = None
    for t in span:
        rel = t.idx - span.start_char
        if start <= rel < end or (rel <= start < rel + len(t.text)):
            tok = t
            break
    if tok is None:
        return "", ""
    head = tok
    # "attack on X" / "attack against X"
    if tok.pos_ in ("NOUN", "PROPN"):
        vict = [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "against", "targeting")
                for c in p.children if c.dep_ == "pobj"]
        perp = [c for c in tok.children if c.dep_ in ("poss",)]
        verb = tok.head
        if not perp and tok.dep_ in ("dobj", "obj") and verb.pos_ in ("VERB", "AUX"):
            # "Russian forces fired artillery at X": the doer is the verb's subject
            perp = [c for c in verb.children if c.dep_ == "nsubj"]
            vict = vict or [c for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "on", "against")
                            for c in p.children if c.dep_ == "pobj"]
        return (" ".join(_subtree(c) for c in perp), " ".join(_subtree(c) for c in vict))
    if head.dep_ in ("conj", "xcomp") and head.head.pos_ == "VERB":
        head = head.head  # "were shot and killed": share the first verb's arguments
    perp, vict = [], []
    for v in dict.fromkeys((tok, head)):  # ordered: results must not depend on the hash seed
        for c in v.children:
            if c.dep_ in ("nsubj",):
                perp.append(c)
            elif c.dep_ == "agent":
                perp.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("dobj", "nsubjpass", "obj"):
                if c.lower_ in ("fire", "gunfire", "shots"):
                    # "opened fire on the police station", "exchanged fire with soldiers": the target follows
                    preps = ("on", "at", "upon") + (("with",) if _MUTUAL.match(v.lower_) else ())
                    vict.extend(g for p in v.children if p.dep_ == "prep" and p.lower_ in preps and p.i > c.i
                                for g in p.children if g.dep_ == "pobj")  # not "On 3 May, ..."
                    vict.extend(g for p in c.children if p.dep_ == "prep" and p.lower_ in preps
                                for g in p.children if g.dep_ == "pobj")
                else:
                    vict.append(c)
            elif c.dep_ == "prep" and c.lower_ == "with" and _MUTUAL.match(v.lower_) and not vict:
                # "clashed with the police", "exchanged fire with soldiers": the other side
                vict.extend(g for g in c.children if g.dep_ == "pobj" and not _WEAPON.search(g.text))
    return (" ".join(_subtree(c) for c in perp), " ".join(_subtree(c) for c in vict))


_MUTUAL = re.compile(r"clash|exchang|f(?:ought|ight)|battl|skirmish")
_WEAPON = re.compile(r"^(?:guns?|rifles?|machetes?|knives|knife|stones|sticks|arrows|spears|weapons|firearms|"
                     r"bullets|grenades|pangas|clubs|rocks)$", re.I)


def _subtree(tok: Any) -> str:
    return " ".join(t.text for t in tok.subtree)


def _target_kind(text: str, span: Any, m: re.Match[str]) -> str:
    """'armed', 'civilian', 'mob' or '' for the act matched by ``m``."""
    perp, vict = _roles(span, m.start(), m.end())
    if perp and MOB_PERP.search(perp) and not L.ARMED_TERMS.search(perp):
        return "mob"
    if vict:
        a, c = L.ARMED_TERMS.search(vict), L.CIVILIAN_TERMS.search(vict)
        # the head comes first: "a volunteer fighter position in the village of X" is armed
        return "armed" if a and (not c or a.start() < c.start()) else "civilian"
    after = text[m.end():m.end() + 60]
    before = text[max(0, m.start() - 60):m.start()]
    passive = re.search(r"\b(?:was|were|been|being|are|is)\s+(?:\w+ )?$", before) is not None
    window = before if passive else after
    a, c = L.ARMED_TERMS.search(window), L.CIVILIAN_TERMS.search(window)
    if a and (not c or a.start() < c.start()):
        return "armed"
    if c:
        return "civilian"
    return ""


def _territory(text: str, span: Any, m: re.Match[str], cue: str) -> str:
    perp, vict = _roles(span, m.start(), m.end())
    if cue == "lost":  # the subject lost the place
        perp, vict = "", perp or vict
    before = text[:m.start()]
    if re.search(r"\b(?:was|were|been)\s+$", before) and not perp:
        vict = vict or before  # "a group ... was ousted": the subject is the loser
    if vict and NONSTATE_TERMS.search(vict):
        return "Government regains territory"
    if vict and STATE_TERMS.search(vict):
        return "Non-state actor overtakes territory"
    if perp and STATE_TERMS.search(perp):
        return "Government regains territory"
    if perp and NONSTATE_TERMS.search(perp):
        return "Non-state actor overtakes territory"
    return "Government regains territory" if cue in ("regain", "lost") else "Non-state actor overtakes territory"


_TOPIC = re.compile(r"\b(?:against|oppos(?:e|ed|es|ing)|over|condemn\w*|denounc\w*|about|demand\w*|solidarity|"
                    r"end to|to end|calling for|call for|justice for)\b[^.;]{0,80}$", re.I)


def _live_act(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """A live match that is something the demonstrators did, not the topic of the protest
    ("to oppose Russia's military offensive", "against the destruction of the market")."""
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if L.IRREALIS.search(before) or L.NEGATED.search(before) or _TOPIC.search(before):
            continue
        return m
    return None


# "protesting the arrest of 15 politicians", "demanding the release of arrested officials":
# an arrest the protest is about, not one made at it
_ARREST_TOPIC = re.compile(r"\b(?:protest\w*|release of|against|over|condemn\w*|denounc\w*|his|her|their|the|of|"
                           r"for|after)\s+(?:\w+\s+)?$", re.I)


def _arrest_topic(m: re.Match[str], before: str) -> bool:
    return bool(re.match(r"arrest|detain", m.group(), re.I)
                and (_TOPIC.search(before) or _ARREST_TOPIC.search(before[-25:])))


_ARMED_SIDE = re.compile(r"\b(?:raiders?|gunmen|militants?|bandits|attackers|rebels|fighters|militia\w*|armed|"
                         r"insurgents|jihadists|terrorists|poachers|rustlers|shifta|al[- ]?shabaa?b)\b", re.I)


def _armed_clash(m: re.Match[str], before: str) -> bool:
    """ "Cattle raiders clashed with police": armed men in a fight, not a riot."""
    return m.group().lower().startswith("clash") and _ARMED_SIDE.search(before) is not None


def _protest_family(text: str) -> Detection | None:
    p = _live(L.PROTEST, text)
    r = _live(L.RIOT, text, _armed_clash)
    mob = _live(L.MOB, text)
    if mob and not p:
        return Detection("Mob violence", mob.start(), mob.end(), 0.75, "mob")
    if not (p or r):
        return None
    m = p or r
    if r or (p and _live_act(L.CLASH, text)) or (p and _live_act(L.LOOT, text)):
        anchor = r or m
        return Detection("Violent demonstration", anchor.start(), anchor.end(), 0.75, "riot")
    ex = _live(L.EXCESSIVE, text)
    if ex and not re.search(r"\b(?:against|over|condemn\w*|denounc\w*|after) (?:the )?(?:\w+ )?(?:killing|shooting|death|murder)", text, re.I) and re.search(r"\b(?:police|security|soldiers|troops|army|gendarm\w*|officers|forces)\b", text, re.I):
        return Detection("Excessive force against protesters", m.start(), m.end(), 0.6, "excessive")
    if _live(L.INTERVENTION, text, _arrest_topic):
        return Detection("Protest with intervention", m.start(), m.end(), 0.7, "intervention")
    return Detection("Peaceful protest", m.start(), m.end(), 0.8, "protest")


def gathering_with_purpose(text: str, next_text: str) -> Detection | None:
    """A gathering whose purpose only the next sentence states ("Farmers gathered in Allonnes.
    They called for better prices."): a peaceful protest."""
    m = _live(L.GATHERED, text)
    if m and L.PURPOSE_NEXT.match(next_text):
        return Detection("Peaceful protest", m.start(), m.end(), 0.5, "protest")
    return None


def classify_sentence(text: str, span: Any = None) -> Detection | None:
    """The sub-event type a sentence reports, or None when it reports no event."""
    label = L.NOTE_LABEL.match(text)
    if label and label.group(1).lower() in L.NOTE_LABELS:
        return Detection(L.NOTE_LABELS[label.group(1).lower()], label.start(1), label.end(1), 0.9, "label")
    m = _live(L.SUICIDE, text)
    if m:
        return Detection("Suicide bomb", m.start(), m.end(), 0.9, "suicide")
    m = _live(L.CHEMICAL, text)
    if m:
        return Detection("Chemical weapon", m.start(), m.end(), 0.85, "chemical")
    kill = _live(L.KILL, text)
    clash = _live(L.CLASH, text)
    m = _live(L.DISRUPT, text)
    if m and not kill and not clash:
        return Detection("Disrupted weapons use", m.start(), m.end(), 0.75, "disrupt")
    m = _live(L.AIR, text)
    if m:
        return Detection("Air/drone strike", m.start(), m.end(), 0.85, "air")
    det = _protest_family(text)
    if det:
        return det
    for pat, sub, cue in ((L.GRENADE, "Grenade", "grenade"),
                          (L.SHELLING, "Shelling/artillery/missile attack", "shelling"),
                          (L.IED, "Remote explosive/landmine/IED", "ied")):
        m = _live(pat, text)
        if m:
            return Detection(sub, m.start(), m.end(), 0.8 if cue != "ied" else 0.7, cue)
    for pat, cue in ((L.REGAIN, "regain"), (L.OVERTAKE, "overtake"), (L.LOST_CONTROL, "lost")):
        m = _live(pat, text)
        if m:
            return Detection(_territory(text, span, m, cue), m.start(), m.end(), 0.7, cue)
    m = _live(L.TRANSFER, text)
    if m and not kill and not clash:
        return Detection("Non-violent transfer of territory", m.start(), m.end(), 0.5, "transfer")
    m = _live(L.SEXUAL, text)
    if m:
        return Detection("Sexual violence", m.start(), m.end(), 0.8, "sexual")
    if clash:
        if clash.group().lower().startswith("ambush") and _target_kind(text, span, clash) == "civilian":
            # "raiders ambushed Turkana herdsmen": an ambush of unarmed people is an attack on them
            return Detection("Attack", clash.start(), clash.end(), 0.7, "attack")
        return Detection("Armed clash", clash.start(), clash.end(), 0.75, "clash")

    generic: list[tuple[int, str, re.Match[str]]] = []
    for pat, cue in ((L.ABDUCT, "abduct"), (L.ARREST, "arrest"), (L.LOOT, "loot"), (L.ATTACK_VERB, "attack")):
        m = _live(pat, text)
        if m:
            generic.append((m.start(), cue, m))
    if generic:
        generic.sort(key=lambda g: g[0])
        _, cue, m = generic[0]
        att = next((g for g in generic if g[1] == "attack"), None)
        if kill and att and cue in ("loot", "abduct", "arrest"):
            _, cue, m = att
        if cue == "abduct":
            return Detection("Abduction/forced disappearance", m.start(), m.end(), 0.8, cue)
        if cue == "arrest":
            return Detection("Arrests", m.start(), m.end(), 0.75, cue)
        if cue == "loot":
            return Detection("Looting/property destruction", m.start(), m.end(), 0.7, cue)
        kind = _target_kind(text, span, m)
        if kind == "armed":
            return Detection("Armed clash", m.start(), m.end(), 0.6, "attack-armed")
        if kind == "mob":
            return Detection("Mob violence", m.start(), m.end(), 0.6, "attack-mob")
        return Detection("Attack", m.start(), m.end(), 0.65, "attack")

    # last resorts: a label of unrest or a demonstrators' purpose with no act named
    for pat, sub, cue in ((L.ELECTION_VIOLENCE, "Violent demonstration", "riot"),
                          (L.PROTEST_PURPOSE, "Peaceful protest", "protest")):
        m = _live(pat, text)
        if m:
            return Detection(sub, m.start(), m.end(), 0.5, cue)

    weak: list[tuple[int, str, str, re.Match[str]]] = []
    for pat, sub, cue in ((L.BASE, "Headquarters or base established", "base"),
                          (L.AGREEMENT, "Agreement", "agree"),
                          (L.CHANGE, "Change to group/activity", "change"),
                          (L.OTHER, "Other", "other")):
        m = _live(pat, text)
        if m:
            weak.append((m.start(), sub, cue, m))
    if weak:
        # a base or an agreement is the more specific reading when both fire
        weak.sort(key=lambda w: (w[2] not in ("base", "agree"), w[0]))
        _, sub, cue, m = weak[0]
        return Detection(sub, m.start(), m.end(), 0.45, cue)
    return None
