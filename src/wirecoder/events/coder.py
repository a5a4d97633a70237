"""Assemble events: detect and type per sentence, fill arguments, deduplicate, rank.

Rules for each field (documented here because reviewers ask):
- type: ``classify.classify_sentence`` (trigger lexicon + parse); one candidate per sentence.
- country and location: ``events.location`` (rules in its module doc). The story's country is
  decided first by weighted votes (places matched by name, ACLED-style qualifiers "(Djibo,
  Soum)", country names and demonyms, named groups' home countries); places the NER missed are
  looked up after in/near/at and inside qualifiers. The event place is the best place of the
  event sentence (not the byline/dateline, not inside the attribution, towns over regions,
  in/at/near over "from", never a continent when something finer is there); when it lies
  outside the story's country it is looked up again there, else its most specific qualifier,
  another place of the sentence or paragraph, else the country (geo_precision "country").
  A country, province or district is finally located at its capital (``places.at_seat``).
- date: the first date stated in the sentence outside its attribution ("according to an
  Aug. 22 report" dates the report, not the event); else the nearest earlier date in the same
  paragraph; else the publication date truncated to the year, precision "year" (an undated
  sentence in a news story is about the story's present; a deduplicated mention that states
  a date replaces it).
- fatalities: ``extract.numbers.find_fatalities`` over the event sentence; when it gives none,
  a toll sentence right after it that reports no event of its own ("1 fatality.", "14 dead.").
  Deduplicated mentions keep the larger figure (headline + lead are never summed), except a
  next sentence that adds victims ("Three militants were also killed").
- actors: subject/agent of the trigger = actor1, object/passive subject = actor2; named groups
  via ``resolve.actors``, "the group" via its antecedent, generic roles in ACLED's style with
  the event's country; protests are by Protesters (<country>), riots by Rioters (<country>),
  violence against civilians hits Civilians (<country>). Without a usable subject, the agent
  of a passive ("planted by ISGS militants") or the first non-victim actor of the sentence;
  civilians are never actor1 of political violence (the victim moves to actor2); unnamed
  perpetrators of violence are Unidentified Armed Group (<country>), a suspected named group
  ("presumably JNIM militants"), or one the paragraph says claimed the attack or planted the
  device, replaces them; displacement is by Civilians (<country>), curfews and lockdowns by
  the Government of <country>. A group that took power is the state's forces from that day
  (the Taliban from 15 August 2021); unnamed identity militias are "Ethnic" before 2016 and
  "Communal" since, ACLED's naming then; the Ukraine war's air strikes are the air force's.
- type adjustments (ACLED codebook; ``_acled_conventions``): an attack whose target is an
  organised armed actor, or in which armed men were hit or fought back, is an Armed clash;
  shelling or an IED inside a fight (gunfire, ground operations) is the Armed clash; unarmed
  sides that clash (party supporters, rival camps, youths) with no weapon named are Mob
  violence between rioters; forces hit by an IED are its target and its planter actor1; a
  demonstration whose participants throw stones, loot, burn, storm or barricade (in its
  sentence or the sentence before and the next two of the paragraph), or beat, attack or
  smash things themselves, is a Violent demonstration, unless the report calls it peaceful; a
  road blockade is one in events before 2020 (ACLED's older series), a peaceful protest
  since. Clashes between clans, communities or ethnic groups are battles between identity
  militias. Unidentified killers in drive-by or drug-trade violence are an Unidentified Gang
  (ACLED names gangs only in Latin America and the Caribbean; in Brazil unknown shooters are
  "Unidentified Gang and/or Police Militia"); communal militias in an ethnic conflict are an
  Unidentified Ethnic Militia; in Brazil's exchanges of fire the state forces are actor1.
- not events: intentions and purposes ("for carrying out attacks"), descriptions of devices
  ("the type of bomb he used"), background history ("Since ... in 2011, factions have fought")
  two or more years before publication.
- attribution: ``extract.attribution``; "media" (the publication itself) when nobody is cited.
- salience: earlier sentences first (the lead reports the main event), boosted by repeated
  mentions and deaths; the first event is the article's primary event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..models import Actor, Article, Attribution, Claim, Event, Evidence, Mention, Place
from ..nlp.cache import sentences, text_of
from . import actors as A
from . import deps
from . import lexicon as LX
from . import location as L
from .classify import _TOPIC, Detection, _roles, classify_sentence, gathering_with_purpose
from ..extract.claims import find_claims
from ..resolve.actors import find_actors, generic_actor, link_anaphora, resolve_actor
from ..resolve.focus import prior_votes
from ..resolve.places import at_seat
from .dedup import Candidate, deduplicate
from .taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VAC, event_type_of, plover_of


@dataclass
class CodedArticle:
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


NON_EVENT_ROLES = {"byline", "dateline", "demonym"}
ANAPHOR = re.compile(r"^\s*(?:the|this|that) (?:group|militants|militant group|terror group|jihadists|"
                     r"insurgents|fighters|organi[sz]ation|extremists|rebels)\b|^\s*(?:they|it)\s*$", re.I)


place_of = L.place_of  # kept importable from here
_in_spans = L._in_spans


def _focus_country(article: Article, places: list[Mention], text: str = "",
                   actors: list[Mention] | None = None) -> str | None:
    """The story's country: weighted votes of places, country words and groups (see
    ``events.location``) plus the collection's prior, else the export's country codes."""
    cc = L.top_country(_votes(article, text, places, actors or []))
    if cc:
        return cc
    meta = article.metadata.get("countries") if article.metadata else None
    if isinstance(meta, (list, tuple)) and meta:
        meta = meta[0]
    if isinstance(meta, str) and len(meta) == 2:
        return meta.upper()
    return None


def _votes(article: Article, text: str, places: list[Mention], actors: list[Mention]) -> Counter:
    # the collection's dominant countries (what the prior names without article evidence)
    votes = L.country_votes(text, places, actors, prior_votes(article))
    return votes + prior_votes(article, votes)


class _Ctx:
    """Per-article state the field rules share."""

    def __init__(self, doc: Any, article: Article, places: list[Mention]):
        self.doc = doc
        self.article = article
        self.text = text_of(doc)
        self.pub = article.publication_date
        self.sents = sentences(doc)
        self.places = sorted((m for m in places if m.kind == "place" and m.role not in NON_EVENT_ROLES),
                             key=lambda m: m.start)
        self.all_places = list(places)
        self.focus = _focus_country(article, places, self.text)
        self.dates: list[deps.DateInfo] = []
        self.newest_year: int | None = None
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        self.actors: list[Mention] = []
        self.votes: Counter = Counter()
        self.named: list[Mention] = []  # towns of the focus country the geoparser passed over
        self.last_group: Actor | None = None

    def read_dates(self, sent_indexes: set[int]) -> None:
        """Dates of the paragraphs that report events (resolving a date expression can cost
        ~20 ms; the others are never used)."""
        paras = {self.paragraph(self.sents[i].start_char) for i in sent_indexes}
        bounds = self.paragraph_starts + [len(self.text) + 1]
        within = [(bounds[p], bounds[p + 1]) for p in sorted(paras)]
        self.dates = sorted(deps.find_dates(self.doc, self.pub, within), key=lambda d: d.start)
        # the newest day or month the article writes out in full (not "in 2024", which may
        # be a plan, nor a relative date read against a publication date that may be late)
        written = [int(d.date[:4]) for d in self.dates if d.date[:4].isdigit() and not d.relative
                   and d.precision in ("day", "month")]
        if self.pub and self.pub[:4].isdigit():
            written = [y for y in written if y <= int(self.pub[:4])]
        self.newest_year = max(written, default=None)

    def paragraph(self, pos: int) -> int:
        n = 0
        for i, s in enumerate(self.paragraph_starts):
            if s <= pos:
                n = i
        return n


def _load_actors(ctx: _Ctx) -> list[Mention]:
    try:
        return list(link_anaphora(list(find_actors(ctx.doc, ctx.focus)), ctx.doc))
    except Exception:  # a failing stage costs the actors, not the article
        return []


def _claims(ctx: _Ctx) -> list[Claim]:
    try:
        return list(find_claims(ctx.doc, ctx.actors))
    except Exception:
        return []


def _location(ctx: _Ctx, si: int, trigger: int, att_spans) -> tuple[Place | None, int, Mention | None]:
    return L.locate(ctx.text, ctx.sents, si, trigger, ctx.places, att_spans, ctx.focus, ctx.paragraph,
                    ctx.votes, ctx.named)


def _date(ctx: _Ctx, si: int, att_spans) -> tuple[deps.DateInfo | None, bool]:
    sent = ctx.sents[si]
    inside = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char
              and not _in_spans(d.start, d.end, att_spans)]
    if inside:
        return inside[0], True
    para = ctx.paragraph(sent.start_char)
    earlier = [d for d in ctx.dates if d.end <= sent.start_char and ctx.paragraph(d.start) == para
               and not _older_than_story(d.date, ctx.newest_year)]  # not the history told between
    if earlier:
        # the nearest day the paragraph states, over a looser period told since ("during the
        # month of Ramadan")
        days = [d for d in earlier if d.precision == "day"]
        return (days or earlier)[-1], True
    return None, False


_COMBINED = re.compile(r"(?:the\s+|a\s+)?(?:combined|joint)\s+forces?$", re.I)


def _actor_for(ctx: _Ctx, phrase: str, start: int, end: int, iso2: str | None) -> Actor | None:
    if not phrase:
        return None
    inside = [m for m in ctx.actors if m.start < end and start < m.end]
    # a named group or state force inside the phrase before another generic noun: "the combined
    # force of KNLA and the PDF" is KNLA's, "a joint force of soldiers and VDP" the army's
    inside.sort(key=lambda m: not ((m.data or {}).get("named") or ((m.data or {}).get("type") == "State forces"
                                   and not _COMBINED.match(m.text))))
    for m in inside:  # "ISGS or JNIM militants" inside "suspected ISGS or ..."
        d = m.data or {}
        ante = d.get("antecedent")
        if isinstance(ante, dict):
            d = ante
        canonical = d.get("canonical") or d.get("name")
        if not d.get("named") and not d.get("antecedent") and d.get("role") not in ("ethnic", None):
            # generic nouns were named with the story's first guess of its country; the
            # event's own country (or the phrase's demonym) decides
            again = A.named_actor(m.text, iso2)
            if again is not None and again.canonical:
                return again
        if canonical:
            return Actor(name=m.text, canonical=canonical, type=d.get("type"), inter=d.get("inter"),
                         country=d.get("country"))
    if ANAPHOR.search(phrase) and ctx.last_group is not None:
        g = ctx.last_group
        return Actor(name=phrase.strip(), canonical=g.canonical, type=g.type, inter=g.inter, country=g.country)
    return A.named_actor(phrase, iso2)


_VICTIM_TYPES = ("Civilians",)
_ARMED_INTER = (1, 2, 3, 8)


def _armed_target(actor1: Actor | None, actor2: Actor | None) -> bool:
    """Both sides are organised armed actors: state forces, rebels, militias, gangs, named
    communal militias (Dozo, Koglweogo). Herders or an ethnic community hit by an attack stay
    civilians, and a phrase read twice (actor1 == actor2) proves nothing."""
    if actor1 is None or actor2 is None or actor1.type in _VICTIM_TYPES + ("Rioters", "Protesters"):
        return False
    c2 = actor2.canonical or ""
    if not c2 or c2 == (actor1.canonical or ""):
        return False
    if actor2.inter == 4:
        return not c2.startswith("Unidentified") and "Ethnic Militia" not in c2
    return actor2.inter in _ARMED_INTER


_DISPLACED = re.compile(r"\b(?:displaced|displacement|evacuated|evacuation|fled|fleeing|refugees|IDPs)\b", re.I)
_MEASURES = re.compile(r"\b(?:curfew|lockdown|lock-down|state of emergency|banned|ban on|suspended|"
                       r"security measures|imposed|declared|decree|closed|closure|shut down|postponed)\b", re.I)


def _strategic_default(text: str, iso2: str | None) -> Actor | None:
    """ACLED's actor for a strategic development whose text names none: displaced people are
    Civilians (<country>); curfews, lockdowns, bans and other measures are the Government's."""
    if _DISPLACED.search(text):
        return A.civilians(iso2)
    if _MEASURES.search(text):
        return A.named_actor("government", iso2)
    return None


def _fallback_actor1(ctx: _Ctx, sent: Any, trig: int, iso2: str | None, etype: str) -> Actor | None:
    inside = [m for m in ctx.actors if sent.start_char <= m.start < sent.end_char]
    violent = etype in (VAC, BATTLES, EXPLOSIONS)
    for m in inside:  # the agent of a passive: "an IED planted by ISGS militants"
        if re.search(r"\bby\s+(?:the\s+)?$", ctx.text[max(0, m.start - 8):m.start], re.I):
            a = _actor_for(ctx, m.text, m.start, m.end, iso2)
            if a is not None and a.type not in _VICTIM_TYPES:
                return a
    for m in inside:
        if m.start < trig:
            a = _actor_for(ctx, m.text, m.start, m.end, iso2)
            if a is not None and not (violent and a.type in _VICTIM_TYPES):
                return a
    subjects = {t.idx for t in sent if t.dep_ in ("nsubj", "nsubjpass", "agent")}
    ordered = sorted(inside, key=lambda m: (not any(m.start <= i < m.end for i in subjects), m.start))
    for m in ordered:
        a = _actor_for(ctx, m.text, m.start, m.end, iso2)
        if a is None:
            continue
        if etype in (VAC, BATTLES, EXPLOSIONS) and a.type in _VICTIM_TYPES:
            continue
        return a
    return None


def _phrase_offsets(sent: Any, phrase: str) -> tuple[int, int]:
    i = sent.text.find(phrase.split(" ")[0]) if phrase else -1
    if i < 0:
        return sent.start_char, sent.start_char
    return sent.start_char + i, sent.start_char + i + len(phrase)


def _remember_group(ctx: _Ctx, a: Actor | None) -> None:
    if a is not None and a.type not in (None, "Civilians", "Protesters", "Rioters", "State forces") \
            and not (a.canonical or "").startswith("Unidentified"):
        ctx.last_group = a


_CLAIM_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?(?:claimed|has claimed|have claimed)\b", re.I)
_BY_BEFORE = re.compile(r"\b(?:planted|carried out|perpetrated|claimed|committed|blamed on|attributed to)\s+by\s+"
                        r"(?:the\s+)?(?:suspected\s+|presumed\s+)?$|\bblamed on\s+(?:the\s+)?$|"
                        r"\battributed to\s+(?:the\s+)?$", re.I)


def _claimant(ctx: _Ctx, si: int) -> Mention | None:
    """A named armed group that the event's paragraph says claimed it or is blamed for it."""
    para = ctx.paragraph(ctx.sents[si].start_char)
    for m in ctx.actors:
        d = m.data or {}
        if ctx.paragraph(m.start) != para or not d.get("named") or d.get("inter") not in (2, 3, 4):
            continue
        if _CLAIM_AFTER.match(ctx.text[m.end:m.end + 40]) or _BY_BEFORE.search(ctx.text[max(0, m.start - 40):m.start]):
            return m
    return None


# Groups that took power: ACLED codes them as the state's forces from that day.
_IN_POWER = {"Taliban": ("AF", "2021-08-15")}


def _in_power(a: Actor | None, date: str | None) -> Actor | None:
    took = _IN_POWER.get((a.canonical or "") if a else "")
    if a is None or took is None or not date or date[:10] < took[1][:len(date[:10])]:
        return a
    canon, inter = generic_actor("military", took[0])
    return replace(a, canonical=canon, type="State forces", inter=inter, country=took[0])


def _actor_conventions(ctx: _Ctx, si: int, sub: str, actor1: Actor | None, actor2: Actor | None,
                       iso2: str | None, date: str | None, dated: bool) -> tuple[Actor | None, Actor | None]:
    """ACLED's actor names and order that depend on the event's country, date or paragraph,
    applied once the default actors are in place."""
    paragraph, text = _paragraph_text(ctx, si), ctx.sents[si].text
    if actor1 is not None and (actor1.canonical or "").startswith("Unidentified Armed Group") \
            and _GANG_CRIME.search(paragraph):
        # drive-by shootings and drug-trade killings: ACLED's actor is an unidentified gang
        # (after the default, as the killers are often unnamed: "two men were shot dead")
        actor1 = _unidentified_gang(actor1, iso2, paragraph)
    if dated and not _ETHNIC_CONTEXT.search(paragraph):
        actor1, actor2 = _period_name(actor1, date), _period_name(actor2, date)
    if sub == "Air/drone strike" and (iso2 or "").upper() == "UA" and actor1 is not None \
            and (actor1.canonical or "").startswith("Military Forces of ") and "Air Force" not in actor1.canonical:
        # the Ukraine war's air strikes are coded to the air force branch ("Military Forces of
        # Russia (2000-) Air Force"), as ACLED names a branch after its force
        actor1 = replace(actor1, canonical=actor1.canonical + " Air Force")
    if actor1 is not None and (actor1.canonical or "").startswith("Unidentified Armed Group"):
        claimant = _claimant(ctx, si)
        if claimant is not None:
            # "Al Shabaab claimed responsibility", "suspected to have been planted by Al Shabaab":
            # ACLED codes the claimed or suspected group
            actor1 = _actor_for(ctx, claimant.text, claimant.start, claimant.end, iso2) or actor1
    actor1, actor2 = _in_power(actor1, date), _in_power(actor2, date)
    if sub == "Armed clash" and (iso2 or "").upper() in _STATE_FIRST and actor2 is not None and actor2.inter == 1 \
            and (actor1 is None or actor1.inter != 1) and _EXCHANGE.search(text):
        actor1, actor2 = actor2, actor1  # "armed men exchanged fire with military police"
    return actor1, actor2


def _period_name(a: Actor | None, date: str | None) -> Actor | None:
    """ACLED's name for an unnamed identity militia changed: "Unidentified Ethnic Militia" for
    events before 2016, "Unidentified Communal Militia" since. Applied when the report dates
    the event and does not call the militia ethnic itself."""
    if a is None or not date or not re.match(r"Unidentified (?:Ethnic|Communal) Militia", a.canonical or ""):
        return a
    word = "Ethnic" if date[:4] < "2016" else "Communal"
    return replace(a, canonical=re.sub(r"^Unidentified \w+", f"Unidentified {word}", a.canonical or ""))


_ETHNIC_CONTEXT = re.compile(r"\b(?:ethnic|inter-?ethnic)\b", re.I)
# drive-bys, drug-trade killings, gunmen on motorcycles, bodies left tied, dismembered or with a message
_GANG_CRIME = re.compile(r"\bdrive-?by\b|\bdrug[- ](?:traffick\w*|dealers?|gangs?|cartels?|lords?|war)\b|"
                         r"\btiro de gracia\b|\bgang(?:s|sters?)?\b(?! of)|\bsicarios?\b|\bnarco\w*|"
                         r"\bon (?:a |two )?motorcycles?\b|\b(?:tied|gagged|bound) (?:up|and|with)\b|"
                         r"\b(?:threatening |narco-?)?message\b|\bdismember\w*|\bdecapitat\w*|\bhandcuffed\b|"
                         r"\b(?:hands|feet) (?:and (?:hands|feet) )?(?:were )?tied\b|\borgani[sz]ed crime\b|"
                         r"\bcriminal (?:group|organi[sz]ation|cell)s?\b|\bdrug (?:dealing|debts?|sell\w*|trade|use)\b", re.I)


# the report names the killers as traffickers or gang members, or the motive as a feud between them
_GANG_PERP = re.compile(
    r"\bby (?:\w+ ){0,3}?(?:(?:drug )?traffickers|gang members|members of (?:a |an |the )?(?:rival |drug[- ]trafficking |"
    r"criminal )?(?:group|gang|faction)|(?:a |the )?rival (?:group|gang|faction))\b|"
    r"\brival (?:drug[- ]trafficking )?(?:groups|gangs|factions)\b|\b(?:drug[- ]trafficking|criminal) (?:group|gang|faction)s? "
    r"(?:\w+ )?(?:kidnapped|killed|shot|attacked|tortured|abducted|executed)\b|\bsettling of scores\b|\bdrug debts?\b|"
    r"\bterritorial disputes?\b|\btraffick\w* (?:\w+ )?(?:exchanged|clashed|attacked|initiated|opened)\b|\bgang\b", re.I)


def _unidentified_gang(actor1: Actor, iso2: str | None, paragraph: str) -> Actor:
    """The gang ACLED codes for unnamed killers in gang violence. In Brazil, where police
    militias kill too, unknown shooters are "Unidentified Gang and/or Police Militia"; killers
    the report calls traffickers or gang members are an Unidentified Gang."""
    gang = resolve_actor("gang", iso2) or actor1
    if (iso2 or "").upper() == "BR" and not _GANG_PERP.search(paragraph):
        return Actor(name=actor1.name, canonical="Unidentified Gang and/or Police Militia", type=gang.type,
                     inter=gang.inter, country="BR")
    return gang


# Where ACLED's coders list the state forces first in an exchange of fire whoever the sentence
# puts first (Brazil's police-suspect shoot-outs); elsewhere the sentence's order stands.
_STATE_FIRST = {"BR"}
_EXCHANGE = re.compile(r"\bexchang\w* (?:of )?(?:heavy )?(?:gun)?(?:fire|shots)\b|\bshoot-?outs?\b|\bclash\w* with\b|"
                       r"\bconfrontation with\b", re.I)


_UNARMED_SIDES = re.compile(
    r"\b(?:supporters|rivals|rival (?:camps|groups|parties|political)|party members|members of|cadres|factions of|"
    r"youths?|residents|students|traders|fans|worshippers|villagers|tourists|voters|aspirants|"
    r"politicians|councillors|activists|crowds?|mobs?|workers|drivers|operators|riders|refugees|"
    r"two groups|two parties)\b", re.I)
_ARMED_WORDS = re.compile(
    r"\b(?:gun\w*|shot|shoot\w*|fired|firearms?|rifles?|arms|militia\w*|militants?|soldiers?|troops|army|"
    r"military|police\w*|officers?|security forces|gendarm\w*|rebels?|bandits?|raiders?|ethnic|communal|"
    r"clans?|tribal|tribes?|herders?|pastoralists?|gangs?|armed|machetes?|arrows?|insurgents?|"
    r"jihadists?|terrorists?|forces|fighters|vigilantes?|sect)\b", re.I)


_GROUND_FIGHT = re.compile(
    r"\b(?:gunfire|small[- ]arms|clash(?:ed|es)?|ground (?:operations?|offensive|assault)|exchang\w+ (?:of )?fire|"
    r"retaliat\w+|fought|fighting broke|firefight|gun ?battle|shoot-?out|responded|repuls\w+|repelled|"
    r"ambush\w*|heavy fighting)\b", re.I)


_SIDE = (r"(?P<side>(?:(?!by\b|after\b)[\w-]+ ){0,2}(?:soldiers?|troops|police(?:m[ae]n| officers?| reservists)?|"
         r"gendarmes?|VDP|volunteer fighters?|Koglweogo|security forces|army|military|militia(?:men)?|"
         r"militants|reservists?|rangers?|fighters?|KDF|SNA|FDS))")
_ARMED_VICTIM = re.compile(r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|attack(?:ed|ing)|target(?:ed|ing)|"
                           r"ambush(?:ed|ing)|against|opened fire (?:on|at|against)|fired (?:on|at)|shot(?: dead)?)\s+"
                           r"(?:(?!by\b|after\b|once\b|in\b)\w+ ){0,3}?" + _SIDE + r"\b", re.I)
_ARMED_RESPONSE = re.compile(r"\b" + _SIDE + r"\s+(?:\w+ ){0,2}?(?:retaliated|responded|reacted|engaged|pushed back|"
                             r"repulsed|repelled|exchanged (?:gun)?fire|returned fire|fought back|intervened|pursued)\b",
                             re.I)


_FORCES_HIT = re.compile(
    r"\b(?:army|military|police|security|soldiers?|troops|officers|gendarm\w*|patrol|convoy|vehicle)\b[^.]{0,60}?"
    r"\b(?:struck|hit|r[au]n (?:over|through|into)|dr[io]ve (?:over|through|into)|stepped on|triggered)\b|"
    r"\b(?:wound|injur|kill)(?:ed|ing)\s+(?:\w+ ){0,3}?(?:soldiers?|police\w*|officers|troops|gendarm\w*|"
    r"personnel|regime forces|guards?)\b|"
    r"\b(?:soldiers?|police\w*|officers|troops|gendarmes|forces) (?:were|was) (?:\w+ )?(?:killed|wounded|injured)\b",
    re.I)


def _with_next(ctx: _Ctx, si: int) -> str:
    """The sentence and the next one of its paragraph."""
    sent = ctx.sents[si]
    if si + 1 < len(ctx.sents) and ctx.paragraph(ctx.sents[si + 1].start_char) == ctx.paragraph(sent.start_char):
        return sent.text + " " + ctx.sents[si + 1].text
    return sent.text


def _paragraph_text(ctx: _Ctx, si: int) -> str:
    para = ctx.paragraph(ctx.sents[si].start_char)
    bounds = ctx.paragraph_starts + [len(ctx.text)]
    return ctx.text[bounds[para]:bounds[para + 1]]


def _acled_conventions(ctx: _Ctx, si: int, sub: str, etype: str, actor1: Actor | None, actor2: Actor | None,
                       iso2: str | None) -> tuple[str, str, Actor | None, Actor | None]:
    """ACLED's coding conventions that the sentence's own reading misses: who counts as a gang
    or an ethnic militia, when remote violence is part of a clash, when a clash is a mob, who
    an IED targets and when an attack hit armed men."""
    sent = ctx.sents[si]
    text = sent.text
    around, paragraph = _with_next(ctx, si), _paragraph_text(ctx, si)
    if etype == EXPLOSIONS and _GROUND_FIGHT.search(around):
        # shelling or an IED as part of a fight ("fired mortars and small arms", "an ambush with
        # an IED and gunfire", "airstrikes and ground operations"): ACLED codes the clash
        sub, etype = "Armed clash", BATTLES
    if sub == "Armed clash" and _UNARMED_SIDES.search(text) and not _ARMED_WORDS.search(text) \
            and not any((m.data or {}).get("role") == "ethnic" or (m.data or {}).get("named")
                        for m in ctx.actors if sent.start_char <= m.start < sent.end_char):
        # party supporters, rival camps, youths or communities fighting each other with no
        # weapon or armed group named: ACLED's Mob violence between rioters
        sub, etype = "Mob violence", RIOTS
        actor1, actor2 = A.protesters(iso2, rioters=True), A.protesters(iso2, rioters=True)
    if actor1 is not None and (actor1.canonical or "").startswith("Unidentified Communal Militia") \
            and _ETHNIC_CONTEXT.search(paragraph):
        actor1 = A.named_actor("ethnic militia", iso2) or actor1  # "raiders ... in ethnic violence"
    if sub == "Remote explosive/landmine/IED" and actor1 is not None and actor1.type == "State forces" \
            and _FORCES_HIT.search(around):
        # "an army vehicle struck an IED (presumably planted by ISGS)": the forces are the
        # target; the planter, named or not, is actor 1
        para = ctx.paragraph(sent.start_char)
        planter = next((m for m in ctx.actors if m.start >= sent.start_char and ctx.paragraph(m.start) == para
                        and (m.data or {}).get("named") and (m.data or {}).get("inter") in (2, 3)), None)
        actor2 = actor1
        actor1 = _actor_for(ctx, planter.text, planter.start, planter.end, iso2) if planter else None
        actor1 = actor1 or resolve_actor("armed men", iso2)
    if sub == "Attack" and not _armed_target(actor1, actor2):
        hit = _ARMED_VICTIM.search(around) or _ARMED_RESPONSE.search(around)
        armed = _actor_for(ctx, hit.group("side"), -1, -1, iso2) if hit else None
        if armed is not None and _armed_target(actor1, armed):
            # "killing a volunteer fighter (VDP) and eleven civilians", "security forces pushed
            # back the attackers": armed men were among the targets or fought back
            actor2 = armed
    return sub, etype, actor1, actor2


def _build(ctx: _Ctx, si: int, det: Detection) -> Candidate:
    sent = ctx.sents[si]
    text = sent.text
    sub = det.sub_event_type
    etype = event_type_of(sub)
    trig = sent.start_char + det.start
    atts = deps.attributions(ctx.doc, si)
    att_spans = [(a.start, a.end) for a in atts if a.start is not None and a.end is not None]

    loc, level, loc_m = _location(ctx, si, trig, att_spans)
    iso2 = (loc.country_code if loc else None) or ctx.focus

    dinfo, stated = _date(ctx, si, att_spans)
    if dinfo is not None:
        date, prec, date_end = dinfo.date, dinfo.precision, dinfo.date_end
    elif ctx.pub:
        date, prec, date_end = ctx.pub[:4], "year", None
    else:
        date = prec = date_end = None

    fq = deps.fatalities(sent)
    quants = deps.quantities(sent)

    perp, vict = _roles(sent, det.start, det.end)
    if det.cue == "lost":
        perp, vict = "", perp or vict
    if not perp and not vict and re.search(r"\b(?:was|were|been)\s+$", text[:det.start]):
        vict = text[:det.start]
    elif not vict and re.match(r"\s*by\b", text[det.end:]) and text[:det.start].strip():
        vict = text[:det.start]  # a headline's passive: "1 officer killed by suspected Mungiki"
    p_s, p_e = _phrase_offsets(sent, perp)
    v_s, v_e = _phrase_offsets(sent, vict)
    actor1 = _actor_for(ctx, perp, p_s, p_e, iso2)
    actor2 = _actor_for(ctx, vict, v_s, v_e, iso2)
    if actor1 is None:
        # the first named actor before the trigger is the doer in "On X, ISGS militants ... seized";
        # else, when the parse found no subject ("Property destruction: ..." labels, headlines),
        # the first actor of the sentence that is not a victim
        actor1 = _fallback_actor1(ctx, sent, trig, iso2, etype)
    if actor1 is not None and (actor1.canonical or "").startswith("Unidentified Armed Group"):
        # "unknown gunmen (presumably Katiba Macina/JNIM militants)": the named group the
        # report suspects is ACLED's actor
        for m in ctx.actors:
            d = m.data or {}
            suspected = d.get("suspected") or re.search(r"\b(?:presum|suspect|alleged)\w*\s+(?:to be\s+)?$",
                                                         ctx.text[max(0, m.start - 25):m.start], re.I)
            if sent.start_char <= m.start < sent.end_char and d.get("named") and d.get("inter") in (2, 3, 4) \
                    and suspected and (actor2 is None or d.get("canonical") != actor2.canonical):
                actor1 = _actor_for(ctx, m.text, m.start, m.end, iso2) or actor1
                break
    sub, etype, actor1, actor2 = _acled_conventions(ctx, si, sub, etype, actor1, actor2, iso2)
    if sub == "Attack" and _armed_target(actor1, actor2):
        # ACLED: violence between two organised armed actors (soldiers, police, militias, gangs)
        # is a battle, whatever the verb; "Attack" is reserved for unarmed victims
        sub, etype = "Armed clash", BATTLES
    assoc1 = None
    if etype in (PROTESTS, RIOTS):
        rioters = etype == RIOTS
        if actor1 is not None and actor1.type not in ("Protesters", "Rioters"):
            if sub == "Excessive force against protesters" or actor1.type == "State forces":
                actor2 = actor2 or A.protesters(iso2)
                if sub != "Excessive force against protesters":
                    actor1 = None
            elif actor1.type not in ("Civilians",):
                assoc1 = actor1
                actor1 = None
        if sub == "Excessive force against protesters":
            actor2 = A.protesters(iso2)
        elif actor1 is None or actor1.type in ("Civilians", "Protesters", "Rioters"):
            actor1 = A.protesters(iso2, rioters=rioters)
    if etype == VAC and (actor2 is None or actor2.type not in ("Civilians",)):
        if actor2 is None or actor2.type is None:
            actor2 = A.civilians(iso2)
    if etype == EXPLOSIONS and actor2 is None and fq and fq.value and re.search(
            r"\b(?:civilians?|people|residents|villagers|children|women|worshippers|passengers)\b", text, re.I):
        actor2 = A.civilians(iso2)
    if actor1 is not None and actor1.type in _VICTIM_TYPES and etype in (VAC, BATTLES, EXPLOSIONS):
        # "One person was killed", "a man was attacked": the subject is the victim; civilians
        # are never the doers of political violence in ACLED's coding
        if actor2 is None or actor2.type in _VICTIM_TYPES:
            actor2 = actor2 or actor1
        actor1 = _fallback_actor1(ctx, sent, sent.start_char, iso2, etype)
        if actor1 is not None and actor1.type in _VICTIM_TYPES:
            actor1 = None
    if actor1 is None and etype == STRATEGIC:
        actor1 = _strategic_default(text, iso2)
    if actor1 is None and etype in (VAC, BATTLES, EXPLOSIONS) and det.cue not in ("lost", "regain", "overtake"):
        actor1 = A.generic_actor("unidentified armed group", iso2)
    actor1, actor2 = _actor_conventions(ctx, si, sub, actor1, actor2, iso2, date, dinfo is not None)
    _remember_group(ctx, actor1)
    _remember_group(ctx, actor2)

    if not atts:
        atts = [Attribution(source=ctx.article.source_name or "media", kind="media", named=bool(ctx.article.source_name),
                            hedged=deps.is_hedged(sent))]

    aid = ctx.article.id
    ev = [Evidence(aid, sent.start_char, sent.end_char, text, "event")]
    if perp and actor1 is not None:
        ev.append(Evidence(aid, p_s, p_e, ctx.text[p_s:p_e], "actor1"))
    if vict and actor2 is not None:
        ev.append(Evidence(aid, v_s, v_e, ctx.text[v_s:v_e], "actor2"))
    if loc_m is not None:
        ev.append(Evidence(aid, loc_m.start, loc_m.end, loc_m.text, "location"))
    if dinfo is not None:
        ev.append(Evidence(aid, dinfo.start, dinfo.end, dinfo.text, "date"))
    if fq is not None:
        ev.append(Evidence(aid, fq.start, fq.end, fq.text, "fatalities"))
    for a in atts:
        if a.start is not None and a.end is not None:
            ev.append(Evidence(aid, a.start, a.end, ctx.text[a.start:a.end], "attribution"))
    ev.append(Evidence(aid, trig, sent.start_char + det.end, text[det.start:det.end], "trigger"))

    event = Event(event_type=etype, sub_event_type=sub, evidence=ev, plover_type=plover_of(sub),
                  date=date, date_end=date_end, time_precision=prec, actor1=actor1, assoc_actor_1=assoc1,
                  actor2=actor2, location=loc, fatalities=fq.value if fq is not None else None,
                  quantities=quants, attribution=atts, confidence=det.score, article_id=aid)
    return Candidate(event, si, det.cue, level, stated)


_SINCE = re.compile(r"^\W*since\b|\bsince (?:the )?(?:[\w.'-]+ ){0,8}?(?:in )?(?:19|20)\d\d\b|\bfor (?:years|decades)\b", re.I)


def _background(text: str, date: str | None, pub: str | None) -> bool:
    """History told as context ("Since the death of Gadhafi in 2011, factions have fought over
    its oil fields"): a "since"/"for years" span reaching two or more years before publication."""
    if not _SINCE.search(text) or not date or not pub:
        return False
    try:
        return int(date[:4]) <= int(pub[:4]) - 2
    except ValueError:
        return False


def _older_than_story(date: str | None, newest_year: int | None) -> bool:
    """An event dated two or more years before the newest date the article states is told as
    history ("students killed by riot police in 1988", in a 2022 protest report)."""
    try:
        return bool(date and newest_year) and int(date[:4]) <= newest_year - 2
    except ValueError:
        return False


_RIOT_ACTS = re.compile(
    r"\b(?:threw|throw(?:ing|s)?|hurl\w*|pelt\w*|lob\w*) (?:\w+ ){0,3}?(?:stones|rocks|missiles|objects|bottles|"
    r"petrol bombs|molotov\w*|projectiles|twigs)\b|\bston(?:ed|ing)\b|\bransack\w*|\bloot(?:ed|ing)\b|"
    r"\btorch(?:ed|ing)\b|\bset(?:ting)? (?:\w+ ){0,4}?(?:on )?fire\b|\bset(?:ting)? (?:\w+ ){0,2}?ablaze\b|\bbonfires?\b|"
    r"\bburn(?:ed|t|ing) (?:\w+ ){0,3}?(?:tyres|tires|vehicles?|cars?|buildings?|houses?|offices?|stations?|property)\b|"
    r"\bvandali[sz]\w*|\bbarricad\w*|\bclash(?:ed|es)? with (?:the )?(?:police|security|officers|gendarmes)|"
    r"\b(?:destroy(?:ed|ing)|damag(?:ed|ing)) (?:\w+ ){0,3}?(?:property|vehicles?|cars?|buildings?|offices?|shops?)\b|\bfired (?:their )?(?:guns|shots|weapons)\b|\bmarred by violence\b|"
    r"\bturn(?:s|ed|ing)? violent\b|\bviolent (?:\w+ )?(?:protests?|demonstrations?)\b|\bstorm(?:ed|ing)\b|"
    r"\bforcibly\b|"
    r"\b(?:lit|lighting|lighted|light) (?:\w+ ){0,2}?(?:tyres|tires|fires|bonfires)\b|"
    r"\bburn(?:ed|t|ing) (?:\w+ ){0,3}?(?:election materials|ballot\w*|urns)\b|\bassault(?:ed|ing)\b|\bkidnapp?ed\b|"
    r"\bplunder\w*|\bforc(?:ed|ing) (?:their|its) way into\b|\brunning battles?\b|"
    r"\bclash(?:ed|es)? with (?:the )?(?:\w+ )?(?:police|security|officers|gendarmes)\b|\bleading to clashes\b|"
    r"\barmed with (?:\w+ )?(?:sticks|machetes|clubs|stones|rocks|arrows|pangas|crude weapons)\b|"
    r"\bdisrupt(?:ed|ing)? (?:the |a |an )?(?:[\w/-]+ ){0,3}?(?:elections?|vote|voting|polls?|primar(?:y|ies))\b", re.I)
_PEACEFUL = re.compile(r"\bpeaceful(?:ly)?\b|\bno (?:reports? of )?violence\b", re.I)
_NO_RIOT = re.compile(r"\b(?:no|without|not|non)\b[\w\s-]{0,25}$", re.I)


# harm that is violent only when the demonstrators did it ("demonstrators beat a driver"), not
# the police ("police beat protesters": an intervention)
_PROTESTER_HARM = re.compile(r"\b(?:beat(?:ing)?|beaten|attack(?:ed|ing)|assault(?:ed|ing)|injur(?:ed|ing)|slashed|"
                             r"smash(?:ed|ing)|broke (?:into|down|open)|(?:held|holding|took|taking) \w+ hostage|"
                             r"violently|confrontation)\b", re.I)
_PROTESTING_SIDE = re.compile(r"\b(?:demonstrators|protesters|protestors|students|pupils|residents|supporters|"
                              r"youths?|crowds?|participants|strikers|workers|mob|marchers)\b", re.I)


# ACLED's series coded before its 2020 codebook (Kenya, Burkina Faso back to 1997) count a road
# blockade by demonstrators as a violent demonstration; since then it is a peaceful protest
_ROAD_BLOCK = re.compile(r"\bblock(?:s|ed|ing)? (?:off )?(?:the |a |an )?(?:[\w-]+ ){0,4}?(?:roads?|highways?|streets?|"
                         r"avenues?|routes?|junctions?|traffic)\b|\broad ?-?blocks?\b", re.I)


def _protesters_did(before: str) -> bool:
    """The nearest actor noun before a verb is the protesting side, not the police."""
    if re.search(r"\b(?:was|were|been|being|got|get)\s+(?:\w+\s+)?$", before, re.I):
        return False  # "four protesters were seriously injured": harm they suffered
    side = [m.start() for m in _PROTESTING_SIDE.finditer(before)]
    force = [m.start() for m in _STATE_FORCE.finditer(before)]
    return bool(side) and (not force or side[-1] > force[-1])


def _violent_demonstration(ctx: _Ctx, c: Candidate) -> None:
    """ACLED codes a demonstration whose participants turn to violence or destruction (stones,
    looting, arson, barricades) as Riots / Violent demonstration; a short report often tells
    the violence in the sentences after the protest."""
    e = c.event
    if e.event_type != PROTESTS or e.sub_event_type == "Excessive force against protesters":
        return
    para = ctx.paragraph(ctx.sents[c.sent_index].start_char)
    window = [j for j in (c.sent_index, c.sent_index + 1, c.sent_index + 2)
              if j < len(ctx.sents) and ctx.paragraph(ctx.sents[j].start_char) == para]
    if any(_PEACEFUL.search(ctx.sents[j].text) for j in window):
        return
    if c.sent_index > 0 and ctx.paragraph(ctx.sents[c.sent_index - 1].start_char) == para:
        window.append(c.sent_index - 1)  # "Supporters disrupted the vote. The protest was over ..."
    old_code = bool(e.date) and (e.date or "")[:4] < "2020" and e.sub_event_type == "Peaceful protest"
    for j in window:
        t = ctx.sents[j].text
        acts = [m for m in _RIOT_ACTS.finditer(t)] + [m for m in _PROTESTER_HARM.finditer(t)
                                                      if _protesters_did(t[:m.start()])]
        if old_code:
            acts += list(_ROAD_BLOCK.finditer(t))
        for m in acts:
            if _NO_RIOT.search(t[:m.start()]) or _TOPIC.search(t[max(0, m.start() - 80):m.start()]):
                continue  # "no violence", "protesting against the looting of the market"
            iso2 = (e.location.country_code if e.location else None) or ctx.focus
            e.event_type, e.sub_event_type = RIOTS, "Violent demonstration"
            e.plover_type = plover_of(e.sub_event_type)
            if e.actor1 is None or e.actor1.type == "Protesters":
                e.actor1 = A.protesters(iso2, rioters=True)
            return


_STATE_FORCE = re.compile(r"\b(?:police\w*|security|soldiers|troops|army|gendarm\w*|officers|forces|authorities|"
                          r"military)\b", re.I)
_LETHAL = re.compile(r"\b(?:killed|killing|shot dead|died|dead)\b", re.I)


def _intervention_after(ctx: _Ctx, c: Candidate) -> None:
    """A peaceful protest the next sentence tells the police broke up ("... staged a sit-in.
    The police intervened to dislodge the demonstrators.") is a Protest with intervention, and
    one where they killed is Excessive force against protesters."""
    e = c.event
    if e.sub_event_type != "Peaceful protest":
        return
    para = ctx.paragraph(ctx.sents[c.sent_index].start_char)
    for j in (c.sent_index + 1, c.sent_index + 2):
        if j >= len(ctx.sents) or ctx.paragraph(ctx.sents[j].start_char) != para:
            return
        t = ctx.sents[j].text
        m = LX.INTERVENTION.search(t)
        if m is None or not _STATE_FORCE.search(t) or LX.NEGATED.search(t[max(0, m.start() - 40):m.start()]):
            continue
        e.sub_event_type = "Excessive force against protesters" if _LETHAL.search(t) else "Protest with intervention"
        e.plover_type = plover_of(e.sub_event_type)
        return


def _toll_after(ctx: _Ctx, c: Candidate, detected: set[int]) -> None:
    """Short reports give the toll in a sentence of its own ("... in Idleb. 1 fatality.",
    "14 dead."): an event sentence without a figure takes it from the next one or two sentences
    of its paragraph, up to the next sentence that reports an event of its own."""
    if c.event.fatalities is not None:
        return
    para = ctx.paragraph(ctx.sents[c.sent_index].start_char)
    for j in (c.sent_index + 1, c.sent_index + 2):
        if j >= len(ctx.sents) or j in detected or ctx.paragraph(ctx.sents[j].start_char) != para:
            return
        fq = deps.fatalities(ctx.sents[j])
        if fq is not None and fq.value is not None:
            c.event.fatalities = fq.value
            c.event.evidence.append(Evidence(ctx.article.id, fq.start, fq.end, fq.text, "fatalities"))
            return


def _claimed(si_sent: Any, claims: list[Claim]) -> bool:
    return any(c.start < si_sent.end_char and si_sent.start_char < c.end for c in claims)


def code_article(doc: Any, article: Article, places: list[Mention]) -> CodedArticle:
    ctx = _Ctx(doc, article, places or [])
    ctx.actors = _load_actors(ctx)
    claims = _claims(ctx)
    dets = {si: det for si, sent in enumerate(ctx.sents)
            if sent.text.strip() and (det := classify_sentence(sent.text, sent)) is not None}
    for si in range(len(ctx.sents) - 1):
        if si not in dets and (det := gathering_with_purpose(ctx.sents[si].text, ctx.sents[si + 1].text)):
            dets[si] = det
    if not dets:
        return CodedArticle(mentions=list(ctx.actors), events=[], claims=claims)
    ctx.read_dates(set(dets))
    try:
        extra = L.missed_places(ctx.text, ctx.all_places, ctx.actors, prior_votes(article))
    except Exception:  # a supplement: never lose the article's events over it
        extra = []
    if extra:  # a found place replaces an unresolved geoparser mention of the same span
        spans = {(m.start, m.end) for m in extra}
        ctx.all_places = [m for m in ctx.all_places if (m.start, m.end) not in spans] + extra
        ctx.places = sorted([m for m in ctx.places if (m.start, m.end) not in spans] + extra,
                            key=lambda m: m.start)
    ctx.votes = _votes(article, ctx.text, ctx.all_places, ctx.actors)
    ctx.focus = _focus_country(article, ctx.all_places, ctx.text, ctx.actors) or ctx.focus
    if ctx.focus:
        taken = [(m.start, m.end) for m in ctx.all_places + ctx.actors if m.start >= 0]
        taken += [(e.start_char, e.end_char) for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1]
        ctx.named = L.names_in_country(ctx.text, ctx.focus, taken)
    cands: list[Candidate] = []
    detected = set(dets)
    for si, det in sorted(dets.items()):
        sent = ctx.sents[si]
        if _claimed(sent, claims) and det.score < 0.55:
            continue  # a strength estimate with a weak cue ("fighters roam") is not an event
        cand = _build(ctx, si, det)
        if _background(sent.text, cand.event.date, ctx.pub) or _older_than_story(cand.event.date, ctx.newest_year):
            continue
        cands.append(cand)
    for c in cands:
        _toll_after(ctx, c, detected)
        _violent_demonstration(ctx, c)
        _intervention_after(ctx, c)
    kept = deduplicate(cands)
    n = max(1, len(ctx.sents))
    for c in kept:
        e = c.event
        if e.location is not None:  # after dedup, which compares the places as resolved
            e.location = at_seat(e.location)
        e.salience = round((1.0 - c.sent_index / n) + 0.15 * len(c.merged)
                           + (0.2 if e.fatalities else 0.0) + 0.1 * e.confidence, 4)
    kept.sort(key=lambda c: -c.event.salience)
    mentions = list(ctx.actors)
    return CodedArticle(mentions=mentions, events=[c.event for c in kept], claims=claims)
