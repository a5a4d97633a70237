"""Attribution: who says so, and is it hedged.

Patterns over a sentence (its parse and plain regexes; no extra model pass):

* "according to <source>"                      -> the source phrase
* "<source> said/told/reported/claimed/..."    -> subject of a reporting verb
* "..., said <source>" / "..., <source> said"  -> inverted or trailing speech
* "<group> claimed responsibility"             -> kind "group claim"
* "in a report/statement by <source>"          -> report

Kinds: official | report | defector | witness | media | group claim. ``named`` is True when
the source is identified (a person or institution name, "police", "the U.N. Security
Council"), False for anonymous sources ("an intelligence officer", "a defector", "witnesses").
When a sentence has no attribution the caller decides the default (the article's own voice,
kind "media").
"""
from __future__ import annotations

import re

from ..models import Attribution
from ..nlp.cache import sentences

REPORT_VERBS = {
    "said", "says", "say", "saying", "told", "tells", "tell", "reported", "reports", "report",
    "reporting", "stated", "states", "claimed", "claims", "claim", "claiming", "confirmed",
    "confirms", "announced", "announces", "added", "adds", "explained", "alleged", "alleges",
    "noted", "notes", "wrote", "writes", "according", "estimated", "estimates", "revealed",
    "disclosed", "asserted", "insisted", "warned", "indicated", "indicates", "testified", "recounted",
    "described", "acknowledged", "denied", "admitted", "tweeted", "posted", "believes", "believe",
}
_HEDGES = re.compile(
    r"\b(?:may|might|could) (?:have|be|also)\b|\breportedly\b|\ballegedly\b|\balleged\b|\bbelieved to\b"
    r"|\bsuspected\b|\bpresumed\b|\bpresumably\b|\bunconfirmed\b|\bpossibly\b|\bprobably\b|\bapparently\b"
    r"|\bis said to\b|\bwere said to\b|\bwas said to\b|\bare said to\b|\bthought to\b|\blikely\b"
    r"|\bit is not clear\b|\bunclear\b|\bunverified\b|\bclaimed to\b|\bpurported(?:ly)?\b|\bfeared\b",
    re.I,
)
_REPORT_NOUNS = {"report", "reports", "statement", "communique", "communiqué", "assessment",
                 "study", "survey", "document", "documents", "investigation", "bulletin", "release",
                 "dossier", "analysis", "briefing", "update", "tally", "figures", "data"}
_OFFICIAL = {"official", "officials", "officer", "officers", "police", "spokesman", "spokeswoman",
             "spokesperson", "minister", "ministry", "governor", "commander", "commanders", "army",
             "military", "government", "authorities", "authority", "mayor", "chief", "president",
             "prefect", "administrator", "security", "diplomat", "diplomats", "ambassador", "agency",
             "council", "prosecutor", "general", "colonel", "captain", "sources", "source", "intelligence",
             "commissioner", "administration", "department", "forces", "troops", "soldiers", "gendarmerie"}
_WITNESS = {"witness", "witnesses", "resident", "residents", "villager", "villagers", "survivor",
            "survivors", "eyewitness", "eyewitnesses", "locals", "local", "neighbours", "neighbors",
            "relatives", "relative", "onlookers", "bystanders"}
_DEFECTOR = {"defector", "defectors", "deserter", "former member", "former fighter", "ex-member",
             "former militant", "ex-fighter", "captured fighter", "detainee", "prisoner", "informant"}
_MEDIA = {"media", "newspaper", "outlet", "agency", "television", "tv", "radio", "reporters",
          "journalist", "journalists", "correspondent", "press", "reuters", "afp", "ap", "bbc"}
_ANON_DETS = {"a", "an", "one", "another", "some", "several", "two", "three", "many", "other"}
_CLAIM_RESP = re.compile(r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?(?:responsibility|credit)\b|\btook\s+responsibility\b"
                         r"|\bclaimed\s+the\s+(?:attack|killing|bombing)\b", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?P<src>[^,;.]+(?:\.[A-Z]\.[^,;.]*)*)", re.I)
_ACCORDING_STOP = re.compile(r"\s+(?:who|which|that|and the|,)\b.*$", re.I)


def is_hedged(span) -> bool:
    """True when the statement is qualified ("may have", "reportedly", "allegedly", "believed to",
    "suspected", "presumed", "unconfirmed", ...)."""
    text = span.text if hasattr(span, "text") else str(span)
    return bool(_HEDGES.search(text))


_INSTITUTIONS = {"police", "army", "military", "government", "ministry", "authorities", "gendarmerie",
                 "council", "agency", "department", "administration", "command", "forces", "presidency",
                 "commission", "office", "un", "u.n.", "nations", "mission", "court", "parliament"}


def _head(tokens):
    """The syntactic head of a token list (the token whose head lies outside it)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1] if tokens else None


def _classify(phrase: str, tokens=None) -> tuple[str, bool]:
    """(kind, named) for a source phrase."""
    low = phrase.lower()
    words = re.findall(r"[a-z][a-z'.-]*", low)
    wordset = set(words)
    has_proper = bool(tokens is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") for t in tokens)) \
        or bool(tokens is None and re.search(r"\b[A-Z][a-z]+|\b[A-Z]\.?[A-Z]", phrase[1:] if phrase else ""))
    first = words[0] if words else ""
    anonymous = first in _ANON_DETS or (first in ("the",) and not has_proper and wordset & {"officer", "official", "source", "defector", "witness"})
    if any(d in low for d in _DEFECTOR):
        return "defector", False
    if wordset & _REPORT_NOUNS:
        return "report", has_proper
    if wordset & _WITNESS:
        return "witness", has_proper and first not in _ANON_DETS
    if wordset & _MEDIA and not wordset & _OFFICIAL:
        return "media", has_proper or first not in _ANON_DETS
    if wordset & _OFFICIAL:
        # "police said" names an institution; "an official said" or "the intelligence officer from
        # Misrata" does not name anyone: the head noun decides
        head = _head(tokens) if tokens else None
        if head is not None:
            named = head.pos_ == "PROPN" or head.lower_ in _INSTITUTIONS or any(
                t.ent_type_ == "PERSON" for t in tokens)
        else:
            named = not anonymous and (has_proper or bool(wordset & _INSTITUTIONS))
        return "official", named
    if has_proper:
        return "official" if tokens is not None and any(t.ent_type_ == "ORG" for t in tokens) else "media", True
    return "media", False


def _np_span(tok):
    """The noun phrase headed by tok, without a trailing relative clause."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("prep", "compound", "amod", "appos", "pobj", "nummod", "poss", "punct") and c.dep_ != "relcl":
            if c.dep_ == "punct" and c.text in (",", "--", "—"):
                break
            right = max(right, c.right_edge.i)
    return tok.doc[left: right + 1]


def attributions(sent, doc=None) -> list[Attribution]:
    """Attributions stated in one sentence (a spaCy Span), with char offsets into the doc."""
    out: list[Attribution] = []
    hedged = is_hedged(sent)
    seen: list[tuple[int, int]] = []
    d = sent.doc
    base = sent.start_char

    def add(src: str, start: int, end: int, kind: str, named: bool) -> None:
        if any(not (end <= a or start >= b) for a, b in seen):
            return
        seen.append((start, end))
        out.append(Attribution(source=src.strip(), kind=kind, named=named, hedged=hedged, start=start, end=end))

    text = sent.text
    for tok in sent:
        # "according to <source>": tokens up to the next clause break (abbreviations such as
        # "Aug." and "U.N." are single tokens, so no period-based cut)
        if tok.lower_ != "according" or tok.i + 1 >= sent.end or d[tok.i + 1].lower_ != "to":
            continue
        toks = []
        for t in d[tok.i + 2: sent.end]:
            if t.text in (",", ";", "--", "—", "(", ")") or t.lower_ in ("who", "which", "that", "whose") \
                    or (t.is_punct and t.i == sent.end - 1):
                break
            toks.append(t)
        if toks:
            src = d[toks[0].i: toks[-1].i + 1]
            kind, named = _classify(src.text, list(src))
            add(src.text, src.start_char, src.end_char, kind, named)
    if _CLAIM_RESP.search(text):
        for tok in sent:
            if tok.lower_.startswith("claim") or tok.lower_ == "took":
                subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subj:
                    sp = _np_span(subj[0])
                    add(sp.text, sp.start_char, sp.end_char, "group claim", True)
                    break
        else:
            pass
    for tok in sent:
        if tok.lower_ not in REPORT_VERBS or tok.lower_ == "according":
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG"):
            continue
        subj = [c for c in tok.children if c.dep_ in ("nsubj",)]
        agent = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        cands = subj or agent
        if not cands:
            continue
        s0 = cands[0]
        sp = _np_span(s0)
        if s0.pos_ == "PRON":
            if s0.lower_ not in ("he", "she", "they", "we"):
                continue
            kind, named = "media", False  # an earlier-introduced speaker; the coder may link it
        else:
            kind, named = _classify(sp.text, list(sp))
        if tok.lower_.startswith("claim") and _CLAIM_RESP.search(text):
            kind = "group claim"
        add(sp.text, sp.start_char, sp.end_char, kind, named)
    # "in a report/statement" without a named author
    m = re.search(r"\b(?:in|by) (?:a|an|the|its|their) (?:\w+ )?(?P<n>report|statement|communique|bulletin)\b", text, re.I)
    if m and not any(a.kind == "report" for a in out):
        add(m.group(0), base + m.start(), base + m.end(), "report", False)
    return out


_QUOTE_OPEN = re.compile(r"[\"“]")


def attributions_for(doc, sent_index: int) -> list[Attribution]:
    """Attributions for sentence ``sent_index``: its own, else those of a following sentence that
    continues its quotation ("'...,' the defector said.") or that only attributes ("..., a
    defector said." after a quoted statement)."""
    sents = sentences(doc)
    if not 0 <= sent_index < len(sents):
        return []
    own = attributions(sents[sent_index], doc)
    if own:
        return own
    sent = sents[sent_index]
    inside_quote = sent.text.count('"') % 2 == 1 or (sent.text.count("“") > sent.text.count("”")) or \
        sent.text.lstrip().startswith(('"', "“"))
    for j in range(sent_index + 1, min(sent_index + 3, len(sents))):
        nxt = sents[j]
        attrs = attributions(nxt, doc)
        if attrs and (inside_quote or len(nxt) <= 12 or nxt.text.lstrip().startswith(('"', "“", "'"))):
            hedged = is_hedged(sent)
            return [Attribution(a.source, a.kind, a.named, a.hedged or hedged, a.start, a.end) for a in attrs]
        if not (inside_quote or nxt.text.lstrip().startswith(('"', "“"))):
            break
    return []
