"""Numbers, fatalities and counted quantities in a sentence.

Pure functions over a spaCy ``Span``/``Doc`` (its existing parse; no extra model passes).

Counting rules (ACLED's conservative "lowest plausible number" convention):

* digits and words: "1,026", "twenty-two", "one hundred and five", "a dozen" (12), "half a dozen" (6),
  "two dozen" (24), "1.5 million";
* modifiers: "at least 5", "more than 5", "over 5", "up to 5" -> 5 (the stated bound; reports round,
  so we do not add one); "about", "around", "some", "nearly", "an estimated" -> approximate;
* ranges: "5 to 50", "5-50", "between 10 and 12", "10 or 12" -> value = the LOWER bound, with
  low/high kept;
* vague counts: "a few" / "a couple" -> 2; "several", "some", "many", "multiple", "numerous",
  "a number of" -> 3 (ACLED codes unknown plural fatalities as 3); "dozens" -> 12, "scores" -> 20,
  "hundreds" -> 100, "thousands" -> 1000 (ACLED: the unit itself); a vague word times a unit
  multiplies: "several dozen" -> 36, "a few hundred" -> 200. All vague values are approximate.
* "a" / "an" / "one" -> 1; "no" / "none" / "zero" -> 0.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..models import Quantity
from ..nlp.cache import text_of


@dataclass(frozen=True)
class NumberValue:
    value: int
    low: int | None = None
    high: int | None = None
    approximate: bool = False


_UNITS = {
    "zero": 0, "no": 0, "none": 0, "nil": 0,
    "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "couple": 2, "pair": 2, "dozen": 12, "score": 20,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINAL_WORDS = {"first", "second", "third"}
# Vague plural counts (value, is_multiplier-capable).
_VAGUE = {
    "few": 2, "couple": 2, "several": 3, "some": 3, "many": 3, "multiple": 3, "numerous": 3,
    "various": 3, "unknown": 3, "number": 3, "handful": 2,
}
_PLURAL_UNITS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 1_000_000,
                 "tens": 10}
_APPROX = ("about", "around", "approximately", "approx", "roughly", "some", "nearly", "almost",
           "an estimated", "estimated", "close to", "reportedly", "circa", "c.", "perhaps", "possibly",
           "up to", "as many as")
_LOWER_BOUND = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
                "no less than", "a minimum of", "a total of", "at the least")
_UPPER_BOUND = ("up to", "as many as", "fewer than", "less than", "under", "at most", "nearly", "almost")

_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2014]+")


def _digits(tok: str) -> float | None:
    tok = tok.strip()
    if _DIGITS.match(tok):
        return float(re.sub(r"[,\u202f ]", "", tok))
    return None


def _parse_simple(words: list[str]) -> tuple[int, bool] | None:
    """A single cardinal phrase (no range) -> (value, approximate). None if not a number."""
    words = [w for w in words if w and w not in ("and", "of")]
    if not words:
        return None
    # vague: "several", "a few", "dozens", "several dozen", "a few hundred", "tens of thousands"
    if words[0] in ("a", "an") and len(words) > 1 and words[1] in _VAGUE:
        words = words[1:]
    if words[0] == "half" and words[1:2] in (["a"], ["an"]) and len(words) > 2:
        base = _parse_simple(words[2:])
        return (base[0] // 2, base[1]) if base else None
    if words[0] in _PLURAL_UNITS:
        v = _PLURAL_UNITS[words[0]]
        for w in words[1:]:  # "tens of thousands", "hundreds of thousands"
            if w in _PLURAL_UNITS:
                v *= _PLURAL_UNITS[w]
            elif w in _SCALES:
                v *= _SCALES[w]
            else:
                return None
        return v, True
    if words[0] in _VAGUE:
        if len(words) == 1:
            return _VAGUE[words[0]], True
        rest = _parse_simple(words[1:])
        if rest and words[1] in ("dozen", "hundred", "thousand", "million", "dozens", "hundreds", "thousands", "score", "scores"):
            return _VAGUE[words[0]] * rest[0], True
        return None
    total = 0
    current = 0
    seen = False
    for w in words:
        d = _digits(w)
        if d is not None:
            current += d
            seen = True
        elif w in _UNITS:
            u = _UNITS[w]
            if u in (12, 20) and w in ("dozen", "score"):
                current = (current or 1) * u
            else:
                current += u
            seen = True
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = 0
            seen = True
        elif w.endswith("k") and _digits(w[:-1]) is not None:
            current += _digits(w[:-1]) * 1000
            seen = True
        else:
            return None
    if not seen:
        return None
    return int(round(total + current)), False


_RANGE = re.compile(
    r"^(?:between\s+)?(?P<a>.+?)\s*(?:\bto\b|\band\b|\bor\b|–|—|-)\s*(?P<b>.+)$"
)


def _clean(text: str) -> str:
    t = text.lower().replace("\u00a0", " ").strip()
    t = re.sub(r"[()\[\],;:!?\"']+$", "", t)
    t = re.sub(r"^[()\[\]\"']+", "", t)
    return re.sub(r"\s+", " ", t).strip()


def parse_number(text: str) -> NumberValue | None:
    """Parse a count phrase ("at least 22", "twenty-two", "5 to 50", "several dozen") per the
    module rules. Returns None when the text is not a count."""
    if not text:
        return None
    t = _clean(text)
    approx = False
    lower_bound = False
    upper_bound = False
    changed = True
    while changed:  # strip any stack of modifiers: "an estimated at least"
        changed = False
        for mods, kind in ((_LOWER_BOUND, "low"), (_APPROX, "approx"), (_UPPER_BOUND, "up")):
            for m in mods:
                if t.startswith(m + " ") and len(t) > len(m) + 1:
                    rest = t[len(m) + 1:]
                    # "some" / "over" followed by nothing numeric is not a modifier ("some people")
                    if _parse_core(rest) is None:
                        continue
                    t = rest
                    approx = approx or kind in ("approx", "up")
                    lower_bound = lower_bound or kind == "low"
                    upper_bound = upper_bound or kind == "up"
                    changed = True
                    break
            if changed:
                break
    core = _parse_core(t)
    if core is None:
        return None
    value, low, high, a = core
    if upper_bound and low is None:
        high = value
    if lower_bound and low is None:
        low = value
    return NumberValue(value=value, low=low, high=high, approximate=approx or a)


def _parse_core(t: str) -> tuple[int, int | None, int | None, bool] | None:
    t = t.strip()
    if not t:
        return None
    # digit ranges "5-50", "5 to 50"
    words = _WORD_SPLIT.split(t)
    simple = _parse_simple(words)
    if simple is not None and not re.search(r"\d\s*[-–—]\s*\d", t):
        # "twenty-two" is one number (hyphen split into words), not a range
        return simple[0], None, None, simple[1]
    m = _RANGE.match(t)
    if m:
        a = _parse_simple(_WORD_SPLIT.split(m.group("a").strip()))
        b = _parse_simple(_WORD_SPLIT.split(m.group("b").strip()))
        if a and b and a[0] <= b[0]:
            return a[0], a[0], b[0], a[1] or b[1]
    if simple is not None:
        return simple[0], None, None, simple[1]
    return None


# ---------------------------------------------------------------------------------------------
# Fatalities

KILL_VERBS = {
    "kill", "kills", "killed", "killing", "murder", "murders", "murdered", "murdering",
    "behead", "beheads", "beheaded", "beheading", "execute", "executes", "executed", "executing",
    "lynch", "lynches", "lynched", "lynching", "slay", "slays", "slain", "slew", "slaying",
    "assassinate", "assassinates", "assassinated", "assassinating", "massacre", "massacred",
    "massacring", "slaughter", "slaughtered", "slaughtering", "butcher", "butchered", "hack",
    "hacked", "strangled", "stabbed", "burnt", "burned", "decapitated", "gunned", "shot", "beaten",
    "stoned", "clubbed", "bludgeoned",
}
# verbs that only mean death with a particle / complement ("shot dead", "gunned down", "hacked to death")
_NEEDS_COMPLEMENT = {"beaten", "stoned", "clubbed", "bludgeoned", "shot", "gunned", "hack", "hacked", "stabbed", "burnt", "burned", "strangled",
                     "butcher", "butchered"}
DIE_VERBS = {"die", "dies", "died", "dying", "perish", "perished", "perishes", "succumbed", "succumb",
             "drowned"}
DEATH_NOUNS = {"deaths", "death", "fatalities", "fatality", "dead", "bodies", "corpses", "body",
               "lives", "victims", "fatalities."}
_NON_HUMAN = {"drone", "drones", "aircraft", "plane", "helicopter", "vehicle", "vehicles", "flag", "flags",
              "cattle", "cow", "cows", "bull", "bulls", "goats", "goat", "sheep", "camel", "camels",
              "livestock", "animals", "animal", "dog", "dogs", "donkey", "donkeys", "house", "houses",
              "building", "buildings", "car", "cars", "truck", "trucks", "missile", "missiles", "rocket",
              "rockets", "bill", "deal", "motion", "proposal", "project", "plan", "talks", "engine"}
_ACCUSATION = {"suspected", "accused", "responsible", "charged", "convicted", "guilty", "arrested",
               "arrest", "jailed", "sentenced", "blamed", "protest", "protesting", "against", "over"}
_NON_FATAL = {"wounded", "injured", "injuring", "wounding", "hurt", "injuries", "arrested", "abducted",
              "kidnapped", "detained", "missing", "displaced", "captured"}

_ZERO_RE = re.compile(
    r"\b(?:no|zero|without(?:\s+\w+){0,2}?|nil)\s+(?:reported\s+|immediate\s+|any\s+|human\s+)?"
    r"(?:casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|loss(?:es)? of (?:life|lives)|one\s+(?:was\s+)?(?:killed|died|hurt|injured)|victims?)\b"
    r"|\b(?:nobody|no one|no-one|none)\s+(?:\w+\s+){0,2}?(?:was|were|had been|has been|got)\s+(?:\w+\s+)?(?:killed|hurt|injured|harmed|dead)\b"
    r"|\bcasualties:?\s+none\b|\bfatalities:?\s*(?:none|0|nil)\b",
    re.I,
)
_TOLL_RE = re.compile(
    r"\b(?:death[- ]toll|toll|casualty (?:toll|count)|body count|number of (?:dead|deaths|fatalities))\b"
    r"[^.;]{0,40}?\b(?:rose|risen|rises|climbed|climbs|reached|reaches|stands?|stood|was|is|hit|of|at|to)\b\s+"
    r"(?:at\s+|to\s+)?(?P<n>(?:at least |more than |over |about |around |some |nearly )?[\w,.-]+(?: (?:hundred|thousand|dozen))?)",
    re.I,
)
# ACLED notes: "3 fatalities", "Fatalities: 3", "[fatalities=3]"
_SUMMARY_RE = re.compile(r"\bfatalit(?:y|ies)\s*(?:[:=]|coded as|reported as)\s*(?P<n>[\w,]+)\b", re.I)


def _number_tokens_text(num_tok) -> str:
    """The text of a number with its modifiers ("at least 5", "twenty - two")."""
    toks = [t for t in num_tok.subtree if t.i <= num_tok.i or t.dep_ in ("quantmod", "cc", "conj", "prep", "pobj", "nummod") and t.like_num]
    # keep a contiguous run ending at the number
    toks = sorted(toks, key=lambda t: t.i)
    run = []
    for t in reversed([t for t in toks if t.i <= num_tok.i + 3]):
        if run and t.i != run[-1].i - 1:
            break
        run.append(t)
    run.reverse()
    doc = num_tok.doc
    return doc[run[0].i: run[-1].i + 1].text if run else num_tok.text


def _count_np(head) -> NumberValue | None:
    """How many individuals a noun phrase denotes (its nummod / determiner / vague quantifier)."""
    if head.like_num or head.lower_ in _VAGUE or head.lower_ in _PLURAL_UNITS or head.lower_ in _UNITS:
        # "22 were killed", "dozens of people", "several were killed"
        lefts = [t for t in head.lefts if t.dep_ in ("advmod", "quantmod", "compound", "nummod", "det", "amod", "punct")]
        start = lefts[0].i if lefts else head.i
        # "between 10 and 12" / "5 to 50"
        end = head.i
        for t in head.rights:
            if t.dep_ in ("cc", "conj", "quantmod", "prep", "pobj", "punct") and (t.like_num or t.lower_ in ("to", "and", "or", "-")):
                end = max(end, t.i)
            if t.dep_ == "prep" and t.lower_ == "to":
                for c in t.children:
                    if c.like_num:
                        end = max(end, c.i)
        val = parse_number(head.doc[start:end + 1].text) or parse_number(head.text)
        if val is not None:
            return val
    kids = list(head.children)
    # "twenty Boko Haram militants": the parser may hang the number on a compound modifier
    kids += [g for c in head.children if c.dep_ == "compound" for g in c.subtree if g.dep_ == "nummod"]
    nums = [c for c in kids if c.dep_ in ("nummod", "quantmod") or (c.dep_ in ("amod", "det") and c.lower_ in _VAGUE)]
    if nums:
        n = nums[0]
        txt = _number_tokens_text(n)
        # "two dozen people": both number tokens
        val = parse_number(txt) or parse_number(n.text)
        if val is not None:
            return val
    dets = [c for c in head.children if c.dep_ in ("det", "poss", "predet")]
    if head.pos_ == "PRON":
        low = head.lower_
        if low in ("him", "her", "he", "she", "himself", "herself", "one", "someone", "somebody"):
            return NumberValue(1)
        if low in ("none", "nobody"):
            return NumberValue(0)
        return None
    if head.pos_ == "PROPN" and head.tag_ != "NNPS" and head.ent_type_ in ("PERSON", ""):  # "killed Abdi"
        return NumberValue(1)
    if head.tag_ == "NN" and head.lower_ not in _NON_HUMAN and head.lower_ not in ("police", "military", "army", "people"):
        # a singular count noun is one person: "killed a soldier", "Police officer dies"
        return NumberValue(1)
    if head.tag_ in ("NN", "NNP"):
        for d in dets:
            if d.lower_ in ("a", "an", "one", "another", "the", "this", "that", "his", "her", "their", "its"):
                return NumberValue(1)
        # bare singular nouns like "a man" are covered; "killed police" (mass) is not a count
        if any(c.dep_ == "compound" for c in head.children) or head.lower_ in ("man", "woman", "boy", "girl", "child", "person", "civilian", "soldier", "officer"):
            return NumberValue(1) if dets else None
    if head.tag_ in ("NNS", "NNPS"):
        for d in dets:
            if d.lower_ in ("several", "some", "many", "few"):
                return NumberValue(3, approximate=True)
    return None


def _with_conjuncts(head) -> list:
    out = [head]
    for c in head.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            out.extend(_with_conjuncts(c))
        elif c.dep_ == "appos" and any(g.dep_ == "nummod" for g in c.children):
            # "killing one soldier, six Koglweogo": a list the parser reads as an apposition
            out.extend(_with_conjuncts(c))
    return out


def _sum_np(head) -> tuple[int | None, list]:
    total = None
    used = []
    approx = False
    for k, h in enumerate(_with_conjuncts(head)):
        if k and not any(c.dep_ in ("nummod", "det", "quantmod") for c in h.children) and not h.like_num:
            continue  # "an imam and scholar": one person described twice
        v = _count_np(h)
        if v is None:
            continue
        total = (total or 0) + v.value
        used.append(h)
    return total, used


def _is_negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _has_death_complement(tok) -> bool:
    for c in tok.children:
        if c.lower_ in ("dead", "death") or (c.lower_ == "down" and tok.lower_ == "gunned") or (c.dep_ == "prep" and any(g.lower_ == "death" for g in c.children)):
            return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return bool(nxt is not None and (nxt.lower_ == "dead" or (nxt.lower_ == "down" and tok.lower_ == "gunned")))


def _span_of(tokens) -> tuple[int, int]:
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def _sentence_fatalities(sent) -> tuple[list[tuple[int, Any]], bool, int | None]:
    """(counts found as (value, tokens), zero_stated, toll_value) for one sentence."""
    found: list[tuple[int, Any]] = []
    used_heads: set[int] = set()
    toll = None
    text = sent.text
    m = _TOLL_RE.search(text)
    if m:
        v = parse_number(m.group("n"))
        if v is not None and v.value < 1_000_000:
            toll = v.value
    m = _SUMMARY_RE.search(text)
    if m and toll is None:
        v = parse_number(m.group("n"))
        if v is not None:
            toll = v.value
    zero = bool(_ZERO_RE.search(text))

    def add(head, tokens):
        if head is None or head.ent_type_ in ("DATE", "TIME"):
            return  # "26 January ... a person was killed": the parser took the date for the victims
        total, used = _sum_np(head)
        if total is None or any(u.i in used_heads for u in used):
            return
        for u in used:
            used_heads.add(u.i)
            tokens = tokens + [c for c in u.children if c.dep_ in ("nummod", "quantmod", "det")]
        found.append((total, tokens + used))

    for tok in sent:
        low = tok.lower_
        if low in KILL_VERBS and tok.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and not _is_negated(tok):
            if low in _NEEDS_COMPLEMENT and not _has_death_complement(tok):
                continue
            if tok.tag_ == "NN" and low not in ("killing", "massacre"):
                continue
            if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.head.lower_ in _ACCUSATION:
                continue  # "suspected of killing a driver": an earlier event, not this one's toll
            objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
            subj_pass = [c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")]
            if tok.dep_ in ("acl", "relcl", "amod") and tok.tag_ == "VBN" and not objs:
                # "22 people killed in ...", "the people who were killed"
                head = tok.head
                if tok.dep_ == "relcl":
                    subj_pass = subj_pass or [head]
                else:
                    subj_pass = [head]
            if not objs and not subj_pass and tok.tag_ in ("VBN", "VBD"):
                # headline style "Six killed when ...", "5 killed in attack"
                subj_pass = [c for c in tok.children if c.dep_ in ("nsubj", "meta", "npadvmod")
                             and c.i < tok.i and (c.like_num or c.lower_ in _VAGUE)]  # "3 killed."
            if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "NUM") and subj_pass:
                # "Three fighters (VDP) and a councilman were killed": parser hangs the verb off the 1st NP
                subj_pass = subj_pass + [tok.head]
            for o in objs:
                counted = any(c.dep_ in ("nummod", "det") and c.lower_ not in ("the", "this", "that")
                              for c in o.children)  # "killed a Koglweogo": one member
                if o.lower_ in _NON_HUMAN or (o.pos_ == "PROPN" and o.ent_type_ in ("ORG", "NORP", "GPE", "LOC", "FAC")
                                              and not counted):
                    continue
                add(o, [tok])
            for s in subj_pass:
                add(s, [tok])
            if tok.dep_ == "conj" and not objs and not subj_pass and tok.tag_ == "VBN":
                # "three were shot and killed": shares the subject of the first verb
                first = tok.head
                for s in first.children:
                    if s.dep_ in ("nsubjpass", "nsubj"):
                        add(s, [tok])
        elif low in DIE_VERBS and not _is_negated(tok):
            for s in tok.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    add(s, [tok])
            if tok.dep_ in ("relcl", "acl"):
                add(tok.head, [tok])
        elif low in ("dead", "lifeless") and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" and tok.i > tok.head.i:
            add(tok.head, [tok])  # "One soldier dead."
        elif low in ("dead", "lifeless"):
            # "left 3 dead", "3 dead", "were found dead", "shot dead"
            nums = [c for c in tok.children if c.dep_ in ("nummod", "quantmod", "advmod") and (c.like_num or c.lower_ in _VAGUE)]
            if nums:
                found_num(nums[0], tok, found, used_heads)
            elif tok.head.like_num and tok.dep_ in ("amod", "acomp", "oprd"):
                found_num(tok.head, tok, found, used_heads)
            elif tok.dep_ in ("acomp", "oprd", "xcomp", "advmod", "dobj") and tok.head.pos_ in ("VERB", "AUX"):
                v = tok.head
                if v.lower_ in ("left", "leaving", "leave", "leaves"):
                    if tok.i > sent.start and tok.nbor(-1).like_num:
                        found_num(tok.nbor(-1), tok, found, used_heads)  # "left thousands homeless and 3 dead"
                        continue
                    for c in v.children:
                        if c.dep_ in ("dobj", "nsubj") and c.i != tok.i and c.i < tok.i and not any(
                                t.lower_ in _NON_FATAL or t.lower_ in ("homeless", "displaced")
                                for t in tok.doc[c.i + 1:tok.i]):
                            add(c, [tok])
                else:
                    # "X shot dead a woman": the object died, not the subject who shot
                    objs = [c for c in v.children if c.dep_ == "dobj"]
                    for c in objs or [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]:
                        add(c, [tok])
            elif tok.i > sent.start and tok.nbor(-1).like_num:
                found_num(tok.nbor(-1), tok, found, used_heads)
        elif low in ("killing", "killings", "massacre", "murder", "murders", "execution", "lynching") and tok.pos_ == "NOUN":
            # "the killing of 3 people"
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            add(o, [tok])
        elif low in ("deaths", "death", "fatalities", "fatality", "bodies", "corpses", "lives") and tok.pos_ == "NOUN":
            for c in tok.children:
                if c.dep_ in ("nummod", "quantmod", "amod", "det") and (c.like_num or c.lower_ in _VAGUE or c.lower_ in _PLURAL_UNITS):
                    if low == "lives" and not any(h.lower_ in ("lost", "claimed", "claiming", "lose") for h in (tok.head,)):
                        continue
                    found_num(c, tok, found, used_heads)
                    break
            if low == "lives" and tok.head.lower_ in ("lost", "lose", "losing"):
                for s in tok.head.children:
                    if s.dep_ == "nsubj":
                        add(s, [tok])
    return found, zero, toll


def found_num(num_tok, cue, found, used_heads) -> None:
    if num_tok.i in used_heads:
        return
    val = parse_number(_number_tokens_text(num_tok)) or parse_number(num_tok.text)
    if val is None:
        return
    used_heads.add(num_tok.i)
    found.append((val.value, [num_tok, cue]))


def _quantity(value: int, toks, doc, unit: str = "fatalities", approx: bool = False) -> Quantity:
    start, end = _span_of(toks)
    return Quantity(value=value, unit=unit, text=text_of(doc)[start:end], start=start, end=end,
                    approximate=approx)


def find_fatalities(span) -> Quantity | None:
    """Deaths stated in a sentence (or a multi-sentence span).

    Within a sentence, distinct killed noun phrases are added ("killed two civilians and a
    soldier" -> 3); a number inside "including ..." is part of its head and never added; wounded,
    injured, arrested and abducted are never counted. A stated death toll wins over the clause
    counts of its sentence. Across sentences of a span the largest sentence figure is kept
    (later sentences usually restate or summarise the same deaths). "No casualties" -> 0.
    Returns None when the span says nothing about deaths.
    """
    doc = span.doc
    sents = list(span.sents) if hasattr(span, "sents") else [span]
    best: Quantity | None = None
    zero_q: Quantity | None = None
    for sent in sents:
        found, zero, toll = _sentence_fatalities(sent)
        if toll is not None:
            q = Quantity(value=toll, unit="fatalities", text=sent.text.strip(), start=sent.start_char,
                         end=sent.end_char)
        elif found:
            total = sum(v for v, _ in found)
            toks = [t for _, ts in found for t in ts]
            q = _quantity(total, toks, doc)
        elif zero:
            zero_q = zero_q or Quantity(value=0, unit="fatalities", text=sent.text.strip(),
                                         start=sent.start_char, end=sent.end_char)
            continue
        else:
            continue
        if best is None or q.value > best.value:
            best = q
    return best or zero_q


# ---------------------------------------------------------------------------------------------
# Other quantities

_UNIT_NORMAL = {
    "fighters": "fighters", "militants": "fighters", "members": "members", "soldiers": "soldiers",
    "troops": "soldiers", "policemen": "police", "officers": "officers", "vehicles": "vehicles",
    "trucks": "trucks", "cars": "vehicles", "tanks": "tanks", "people": "people", "persons": "people",
    "civilians": "civilians", "protesters": "protesters", "demonstrators": "protesters",
    "houses": "houses", "homes": "houses", "rockets": "rockets", "missiles": "missiles",
    "drones": "drones", "shells": "shells", "cattle": "livestock", "goats": "livestock",
    "livestock": "livestock", "camels": "livestock", "hostages": "hostages",
}


def _unit_of(head) -> str:
    parts = [c.text for c in head.lefts if c.dep_ in ("compound", "amod") and not c.like_num]
    return " ".join(parts + [head.text]).lower()


def find_quantities(span) -> list[Quantity]:
    """Counted things other than deaths ("three fuel trucks", "about 500 members", "5 to 50
    fighters"), each with its unit as written (modifiers kept: "fuel trucks")."""
    doc = span.doc
    out: list[Quantity] = []
    seen: set[int] = set()
    for tok in span:
        if tok.dep_ not in ("nummod", "quantmod") or tok.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head
        if head.i in seen or head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT") or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        txt = _number_tokens_text(tok)
        # ranges "5 to 50 fighters": spaCy hangs the range off the last number
        first = doc[tok.left_edge.i] if tok.left_edge.i < tok.i else tok
        if first.i < tok.i:
            txt = doc[first.i: tok.i + 1].text
        val = parse_number(txt) or parse_number(tok.text)
        if val is None:
            continue
        seen.add(head.i)
        start = min(first.idx, tok.idx)
        end = head.idx + len(head)
        out.append(Quantity(value=val.value, unit=_unit_of(head), text=text_of(doc)[start:end], start=start,
                            end=end, low=val.low, high=val.high, approximate=val.approximate))
    return out

