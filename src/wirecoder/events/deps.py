"""Adapters to the extract/resolve stages the coder calls, with small fallbacks.

The coder depends on functions other stages own (dates, numbers, attribution, actors, claims,
places). Each adapter imports its function lazily; when a stage is missing or raises, a
deliberately simple fallback keeps the coder working, so one broken stage degrades one field
instead of losing the article.
"""
from __future__ import annotations

import calendar
import importlib
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Callable

from ..models import Attribution, Quantity


@lru_cache(maxsize=None)
def optional(path: str) -> Callable | None:
    """``module:function`` if importable, else None."""
    mod, name = path.split(":")
    try:
        return getattr(importlib.import_module(mod), name)
    except Exception:  # a stage not built yet, or broken: the fallback takes over
        return None


# --------------------------------------------------------------------------------- dates
@dataclass
class DateInfo:
    date: str  # ISO truncated to precision
    precision: str  # day | week | month | year
    start: int  # offsets into the document text
    end: int
    text: str
    date_end: str | None = None


MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE_RE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?: of)? (?P<m1>{_MON})(?:,? (?P<y1>(?:19|20)\d\d))?\b"
    rf"|\b(?P<m2>{_MON}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y2>(?:19|20)\d\d))?"
    rf"|\b(?i:in |since |during |until |by )(?i:(?:early|mid|late)[- ])?(?P<m3>{_MON})(?:,? (?P<y3>(?:19|20)\d\d))?\b"
    rf"|\b(?P<rel>(?i:last year|this year|last month|this month|yesterday|today))\b"
    rf"|\bin (?P<y4>(?:19|20)\d\d)\b")


def _fallback_dates(text: str, pub: date | None) -> list[DateInfo]:
    out: list[DateInfo] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        try:
            if g["rel"]:
                if pub is None:
                    continue
                r = g["rel"].lower()
                if r == "last year":
                    out.append(DateInfo(str(pub.year - 1), "year", m.start(), m.end(), m.group()))
                elif r == "this year":
                    out.append(DateInfo(str(pub.year), "year", m.start(), m.end(), m.group()))
                elif r in ("last month", "this month"):
                    d = pub.replace(day=1) - timedelta(days=1) if r == "last month" else pub
                    out.append(DateInfo(d.strftime("%Y-%m"), "month", m.start(), m.end(), m.group()))
                else:
                    d = pub - timedelta(days=1) if r == "yesterday" else pub
                    out.append(DateInfo(d.isoformat(), "day", m.start(), m.end(), m.group()))
                continue
            if g["y4"]:
                out.append(DateInfo(g["y4"], "year", m.start(), m.end(), m.group()))
                continue
            mon = g["m1"] or g["m2"] or g["m3"]
            month = MONTHS[mon.rstrip(".").lower()]
            day = g["d1"] or g["d2"]
            year = g["y1"] or g["y2"] or g["y3"]
            if mon.lower() == "may" and mon != "May":
                continue  # the verb "may"
            if year:
                y = int(year)
            elif pub is not None:
                # a month-day without a year is the latest such date not after publication
                y = pub.year
                if (month, int(day or 1)) > (pub.month, pub.day):
                    y -= 1
            else:
                continue
            if day:
                d = date(y, month, int(day))
                out.append(DateInfo(d.isoformat(), "day", m.start(), m.end(), m.group()))
            else:
                out.append(DateInfo(f"{y:04d}-{month:02d}", "month", m.start(), m.end(), m.group()))
        except (ValueError, KeyError):
            continue
    return out


def parse_pub(pub: str | None) -> date | None:
    try:
        return date.fromisoformat(pub[:10]) if pub else None
    except ValueError:
        return None


def _truncate(iso: str, precision: str) -> str:
    if precision == "year":
        return iso[:4]
    if precision == "month":
        return iso[:7]
    return iso[:10]


def find_dates(doc: Any, pub: str | None) -> list[DateInfo]:
    fn = optional("wirecoder.extract.dates:find_dates")
    if fn is not None:
        try:
            out = []
            for m in fn(doc, pub):
                d = m.data or {}
                if not d.get("date"):
                    continue
                prec = d.get("precision") or "day"
                out.append(DateInfo(_truncate(str(d["date"]), prec), prec, m.start, m.end, m.text,
                                    d.get("date_end")))
            return out
        except Exception:
            pass
    return _fallback_dates(doc.text, parse_pub(pub))


# ------------------------------------------------------------------------------ numbers
_NUMW = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "several": 3, "dozens": 12}
_FAT_RE = re.compile(
    r"\b(?:killing|killed|kills|leaving)\s+(?:at least |about |some )?(?P<n1>\d+|[a-z]+)\b"
    r"|\b(?P<n2>\d+|[a-z]+)\s+(?:\w+\s){0,3}?(?:were|was|are|is|have been|had been)?\s*(?:killed|dead|died|shot dead|murdered)\b"
    r"|\b(?P<n3>\d+)\s+fatalit", re.I)
_ZERO_RE = re.compile(r"\bno (?:casualties|fatalities|deaths|one was (?:killed|hurt|injured))|\bwithout (?:causing )?(?:any )?casualties", re.I)


def fatalities(span: Any) -> Quantity | None:
    fn = optional("wirecoder.extract.numbers:find_fatalities")
    if fn is not None:
        try:
            return fn(span)
        except Exception:
            pass
    text = span.text
    base = getattr(span, "start_char", 0)
    for m in _FAT_RE.finditer(text):
        raw = next(v for v in (m.group("n1"), m.group("n2"), m.group("n3")) if v)
        n = int(raw) if raw.isdigit() else _NUMW.get(raw.lower())
        if n is not None:
            return Quantity(n, "fatalities", m.group(), base + m.start(), base + m.end())
    z = _ZERO_RE.search(text)
    if z:
        return Quantity(0, "fatalities", z.group(), base + z.start(), base + z.end())
    return None


def quantities(span: Any) -> list[Quantity]:
    fn = optional("wirecoder.extract.numbers:find_quantities")
    if fn is not None:
        try:
            return list(fn(span))
        except Exception:
            pass
    return []


# -------------------------------------------------------------------------- attribution
_ACC_RE = re.compile(r"\baccording to (?P<src>[^,.;]+(?:\.[^,.;]+)?)", re.I)
_SAID_RE = re.compile(r"(?:,|\")\s*(?P<src>(?:the |an? )?[\w .'-]{3,80}?) (?:said|says|told|reported)\b"
                      r"|\b(?:said|says) (?P<src2>(?:the |an? )[\w .'-]{3,80}?)(?:[,.]|$)", re.I)
_HEDGE_RE = re.compile(r"\b(?:may|might|could) have\b|\breportedly\b|\ballegedly\b|\bpresumed\b|"
                       r"\bsuspected\b|\bbelieved to\b|\bunconfirmed\b|\bpossibly\b|\bclaimed\b", re.I)


def _kind_of(src: str) -> str:
    s = src.lower()
    if re.search(r"\breport\b|\bstudy\b|\bU\.?N\.?\b|\bsecurity council\b|\bpanel\b", s):
        return "report"
    if "defect" in s:
        return "defector"
    if re.search(r"\bwitness|\bresident|\bvillager|\bsurvivor", s):
        return "witness"
    if re.search(r"\bclaimed responsibility|\bgroup said|\bspokesman for the (?:group|militants)", s):
        return "group claim"
    if re.search(r"official|officer|minister|police|army|military|spokes|ministry|government|command|department|governor|commander", s):
        return "official"
    return "media"


def attributions(doc: Any, sent: Any, sent_index: int) -> list[Attribution]:
    fn = optional("wirecoder.extract.attribution:attributions_for")
    if fn is not None:
        try:
            return list(fn(doc, sent_index))
        except Exception:
            pass
    fn = optional("wirecoder.extract.attribution:attributions")
    if fn is not None:
        try:
            return list(fn(sent, doc))
        except Exception:
            pass
    text = sent.text
    base = sent.start_char
    out: list[Attribution] = []
    hedged = bool(_HEDGE_RE.search(text))
    for m in _ACC_RE.finditer(text):
        src = m.group("src").strip()
        out.append(Attribution(src, _kind_of(src), named=bool(re.search(r"\b[A-Z][a-z]+ [A-Z]", src) or "U.N." in src),
                               hedged=hedged, start=base + m.start("src"), end=base + m.start("src") + len(src)))
    if not out:
        for m in _SAID_RE.finditer(text):
            key = "src" if m.group("src") else "src2"
            src = m.group(key).strip()
            out.append(Attribution(src, _kind_of(src), named=bool(re.match(r"[A-Z][a-z]+ [A-Z]", src)),
                                   hedged=hedged, start=base + m.start(key), end=base + m.start(key) + len(src)))
            break
    return out


def is_hedged(span: Any) -> bool:
    fn = optional("wirecoder.extract.attribution:is_hedged")
    if fn is not None:
        try:
            return bool(fn(span))
        except Exception:
            pass
    return bool(_HEDGE_RE.search(span.text))
