"""Dates: find date expressions in a Doc and resolve them against the publication date.

Resolution rules (``resolve_date``), all relative to the publication date P:

* a month without a year ("In May", "late May", "Sept. 14") is the latest such month on or
  before P: in a September 2017 article "May" is 2017-05 and "December" is 2016-12;
  "early/mid/late May" keep month precision;
* "this year" / "last year" / "two years ago" -> year precision (2017 / 2016 / 2015);
* "this month" / "last month" -> month precision;
* a weekday ("on Tuesday") -> the most recent such day on or before P (day precision);
  "yesterday" / "today" / "N days ago" -> day precision;
* "last week" -> week precision, ``date`` = the Monday of the previous ISO week, ``date_end`` its
  Sunday; "this week" -> the Monday of P's week;
* "the night of 3-4 March", "3 and 4 March", "between 3 and 5 March" -> ``date`` + ``date_end``;
* absolute dates ("14 September 2020", "September 14, 2020", "21/06/2019", "2016") need no P.

Common forms go through the rules here (exact and ~100x faster); anything else is handed to
Recognizers.Text (``recognizers_date_time``), whose TIMEX answer is read with the same
year rule, then to ``dateparser``. Results are cached per (expression, publication date).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

from ..models import Mention
from ..nlp.cache import text_of


@dataclass(frozen=True)
class DateValue:
    date: str  # ISO, truncated to precision: "2017", "2017-05", "2017-05-14"
    date_end: str | None = None
    precision: str = "day"  # day | week | month | year
    relative: bool = False


_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
             "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
             "sunday": 6, "sun": 6}
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
             "a few": 2, "few": 2, "a couple of": 2, "couple of": 2}

_M = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_D = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_D2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:1[89]|20)\d{2})"
_LEAD = r"^(?:(?:reported on|reported|as reported|on|in|during|since|from|by|at|of|around|about|between|the|night|morning|evening|afternoon|early|earlier|late|later|mid|middle|end|beginning|start|(?:the )?(?:night|morning|evening|afternoon|weekend) of|on or (?:about|around|before)|as reported|weekend)\s+|,\s*)*"

_PATTERNS: list[tuple[re.Pattern, str]] = [
    # 28 June - 4 July 2022 (cross-month range)
    (re.compile(_LEAD + _D + r"\s+" + _M + r"\s*(?:-|–|—|to|and)\s*" + _D2 + r"\s+(?P<mon2>[a-z]+)\.?(?:,?\s+" + _Y + r")?$"), "dmdm"),
    # 3-4 March 2017 / 3 and 4 March / between 3 and 5 March
    (re.compile(_LEAD + _D + r"\s*(?:-|–|—|to|and|&|/)\s*" + _D2 + r"\s+(?:of\s+)?" + _M + r"(?:,?\s+" + _Y + r")?$"), "dmrange"),
    # March 3-4, 2017
    (re.compile(_LEAD + _M + r"\s+" + _D + r"\s*(?:-|–|—|to|and|&)\s*" + _D2 + r"(?:,?\s+" + _Y + r")?$"), "mdrange"),
    # 14 September 2020 / 14 Sept / 14th of September
    (re.compile(_LEAD + _D + r"\s+(?:of\s+)?" + _M + r"(?:,?\s+" + _Y + r")?$"), "dm"),
    # September 14, 2020 / Sept. 14
    (re.compile(_LEAD + _M + r"\s+" + _D + r"(?:,?\s+" + _Y + r")?$"), "md"),
    # May 2017 / in May / late May
    (re.compile(_LEAD + _M + r"(?:,?\s+(?:of\s+)?" + _Y + r")?$"), "m"),
    # 2016 / in 2016 / early 2016
    (re.compile(_LEAD + _Y + r"$"), "y"),
    # 21/06/2019, 31-12-2007, 21.06.2019 (day first, as ACLED and most non-US wires write)
    (re.compile(_LEAD + r"(?P<day>\d{1,2})[/.-](?P<mnum>\d{1,2})(?:[/.-](?P<year>\d{4}|\d{2}))?$"), "dnum"),
    # 2019-06-21
    (re.compile(_LEAD + r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})$"), "iso"),
]
_REL_DAY = re.compile(r"^(?:(?:on|late|early|the)\s+)*(?P<w>yesterday|today|tonight|the day before yesterday)(?:\s+(?:morning|evening|afternoon|night))?$")
_WEEKDAY_RE = re.compile(r"^(?:(?:on|late|early|last|this past|past|this|the|night of|the night of|(?:on )?the (?:night|morning|evening|afternoon) of)\s+)*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs)?|fri|sat|sun)\.?(?:\s+(?:morning|evening|afternoon|night))?(?:,?\s+(?P<rest>.+))?$")
_AGO = re.compile(r"^(?:about |some |nearly |around |more than |over )?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)\s+(?P<u>day|week|month|year)s?\s+(?:ago|earlier|before)$")
_THISLAST = re.compile(r"^(?:(?:in|during|over|since|earlier|later|early|late|mid|the|at|end of|the end of|the beginning of|the start of)\s+)*(?P<which>this|last|past|previous|current|the previous|the past)\s+(?P<u>year|month|week|weekend)$")


def _pub(publication_date: str | None) -> dt.date | None:
    if not publication_date:
        return None
    try:
        return dt.date.fromisoformat(publication_date[:10])
    except ValueError:
        return None


def _norm(expr: str) -> str:
    t = expr.lower().replace("\u2019", "'").replace("\u00a0", " ")
    t = re.sub(r"[\u2010-\u2015]", "-", t)
    t = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", t)  # "(as reported)", "[coded to ...]"
    t = re.sub(r"\b(mid|early|late)-", r"\1 ", t)
    t = re.sub(r"\s+", " ", t).strip(" ,.;:()[]")
    t = re.sub(r"\s*-\s*", "-", t)
    t = re.sub(r"(\d)-(\d)", r"\1-\2", t)
    return t


def _year_for(month: int, day: int | None, pub: dt.date | None) -> int | None:
    """The latest occurrence of month(/day) on or before the publication date."""
    if pub is None:
        return None
    if month > pub.month or (month == pub.month and day is not None and day > pub.day):
        return pub.year - 1
    return pub.year


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _rules(t: str, pub: dt.date | None) -> DateValue | None:
    for rx, kind in _PATTERNS:
        m = rx.match(t)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"]) if g.get("year") else None
        if kind in ("dnum", "iso"):
            if year is not None and year < 100:
                year += 2000 if year < 50 else 1900
            mon, day = int(g["mnum"]), int(g["day"])
            if kind == "dnum" and mon > 12 and day <= 12:
                mon, day = day, mon  # 06/21: US order is the only possible reading
            if not 1 <= mon <= 12:
                return None
            relative = year is None
            year = year or _year_for(mon, day, pub)
            if year is None or not _valid(year, mon, day):
                return None
            return DateValue(f"{year:04d}-{mon:02d}-{day:02d}", None, "day", relative)
        if kind == "y":
            return DateValue(f"{year:04d}", None, "year", False)
        mon = _MONTHS[g["mon"].rstrip(".")]
        day = int(g["day"]) if g.get("day") else None
        relative = year is None
        if year is None:
            year = _year_for(mon, day if kind != "dmrange" and kind != "mdrange" else int(g["day"]), pub)
            if year is None:
                return None
        if kind == "dmdm":
            mon2 = _MONTHS.get(g["mon2"])
            d2 = int(g["day2"])
            y2 = year + 1 if mon2 is not None and mon2 < mon else year
            if mon2 is None or not (_valid(year, mon, day) and _valid(y2, mon2, d2)):
                return None
            return DateValue(f"{year:04d}-{mon:02d}-{day:02d}", f"{y2:04d}-{mon2:02d}-{d2:02d}", "day", relative)
        if kind == "m":
            return DateValue(f"{year:04d}-{mon:02d}", None, "month", relative)
        if not _valid(year, mon, day):
            return None
        start = f"{year:04d}-{mon:02d}-{day:02d}"
        if kind in ("dmrange", "mdrange"):
            d2 = int(g["day2"])
            if not _valid(year, mon, d2) or d2 < day:
                return None
            return DateValue(start, f"{year:04d}-{mon:02d}-{d2:02d}", "day", relative)
        return DateValue(start, None, "day", relative)

    if pub is None:
        return None
    m = _REL_DAY.match(t)
    if m:
        w = m.group("w")
        delta = {"yesterday": 1, "today": 0, "tonight": 0, "the day before yesterday": 2}[w]
        return DateValue((pub - dt.timedelta(days=delta)).isoformat(), None, "day", True)
    m = _WEEKDAY_RE.match(t)
    if m:
        if m.group("rest"):  # "Tuesday, May 2" -> the explicit date wins
            return _rules(m.group("rest"), pub)
        wd = _WEEKDAYS[m.group("wd").rstrip(".")]
        back = (pub.weekday() - wd) % 7
        if t.startswith("last ") and back == 0:
            back = 7
        return DateValue((pub - dt.timedelta(days=back)).isoformat(), None, "day", True)
    m = _AGO.match(t)
    if m:
        n = m.group("n")
        k = int(n) if n.isdigit() else _NUMWORDS.get(n, 1)
        u = m.group("u")
        if u == "day":
            return DateValue((pub - dt.timedelta(days=k)).isoformat(), None, "day", True)
        if u == "week":
            d0 = pub - dt.timedelta(weeks=k)
            mon0 = d0 - dt.timedelta(days=d0.weekday())
            return DateValue(mon0.isoformat(), (mon0 + dt.timedelta(days=6)).isoformat(), "week", True)
        if u == "month":
            y, mo = pub.year, pub.month - k
            while mo < 1:
                mo += 12
                y -= 1
            return DateValue(f"{y:04d}-{mo:02d}", None, "month", True)
        return DateValue(f"{pub.year - k:04d}", None, "year", True)
    m = _THISLAST.match(t)
    if m:
        last = m.group("which") not in ("this", "current")
        u = m.group("u")
        if u == "year":
            return DateValue(f"{pub.year - (1 if last else 0):04d}", None, "year", True)
        if u == "month":
            y, mo = pub.year, pub.month - (1 if last else 0)
            if mo < 1:
                y, mo = y - 1, 12
            return DateValue(f"{y:04d}-{mo:02d}", None, "month", True)
        if u == "week":
            mon0 = pub - dt.timedelta(days=pub.weekday()) - dt.timedelta(weeks=1 if last else 0)
            return DateValue(mon0.isoformat(), (mon0 + dt.timedelta(days=6)).isoformat(), "week", True)
        if u == "weekend":
            sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            if sat == pub and last:
                sat -= dt.timedelta(days=7)
            return DateValue(sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat(), "day", True)
    if re.match(r"^(?:(?:over|during|on|at)\s+)?the weekend$", t):
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        return DateValue(sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat(), "day", True)
    if re.match(r"^(?:earlier |later |early |late )?this (?:month)$", t) or t in ("earlier this month", "this month"):
        return DateValue(f"{pub.year:04d}-{pub.month:02d}", None, "month", True)
    return None


# Expressions that are durations, ages or eras, not points in time.
_NOT_A_DATE = re.compile(
    r"^(?:for\s+)?(?:the\s+)?(?:past|last|next|previous|coming)?\s*(?:\d+|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|few|a few|some|recent)\s+(?:days?|weeks?|months?|years?|decades?|hours?)"
    r"(?:\s+old)?$|^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)[- ]years?[- ]old$|decades?|centur|"
    r"\d0s$|^(?:annual|daily|weekly|monthly|yearly|recent(?:ly)?|now|currently|at the time|then|the time|these days|the past|the future)$"
    # anaphoric days ("the following day", "that night") take the date of another event: the
    # event coder inherits it; resolving them against the publication date would be wrong
    r"|^(?:on\s+|by\s+|during\s+)?(?:the|that|a|an)?\s*(?:same\s+|following\s+|previous\s+|next\s+|first\s+|second\s+|\w+ consecutive\s+|\w+th\s+)?(?:day|night|week|evening|morning|afternoon)s?(?:\s+(?:before|after|later|earlier))?$"
    r"|^(?:over)?night$|^(?:the\s+)?\d+(?:st|nd|rd|th)$|-(?:day|week|month|year)$|\bevery\b|\bconsecutive\b|\banniversary\b"
)


@lru_cache(maxsize=1)
def _recognizer():
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_text import Culture

    return DateTimeRecognizer(Culture.English).get_datetime_model()


_TIMEX_DATE = re.compile(r"^(?P<y>XXXX|\d{4})(?:-(?P<m>XX|\d{2})(?:-(?P<d>XX|\d{2}))?)?$")
_TIMEX_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})$")


def _from_timex(timex: str, mod: str | None, pub: dt.date | None) -> DateValue | None:
    m = _TIMEX_DATE.match(timex)
    if m:
        y, mo, d = m.group("y"), m.group("m"), m.group("d")
        if mo in (None, "XX"):
            return DateValue(y, None, "year", False) if y != "XXXX" else None
        month = int(mo)
        day = int(d) if d and d != "XX" else None
        relative = y == "XXXX"
        year = _year_for(month, day, pub) if relative else int(y)
        if year is None:
            return None
        if day is None:
            return DateValue(f"{year:04d}-{month:02d}", None, "month", relative)
        if not _valid(year, month, day):
            return None
        return DateValue(f"{year:04d}-{month:02d}-{day:02d}", None, "day", relative)
    m = _TIMEX_WEEK.match(timex)
    if m:
        mon0 = dt.date.fromisocalendar(int(m.group("y")), int(m.group("w")), 1)
        return DateValue(mon0.isoformat(), (mon0 + dt.timedelta(days=6)).isoformat(), "week", True)
    m = re.match(r"^\((?P<a>[\dX-]+),(?P<b>[\dX-]+),P(?P<n>\d+)D\)$", timex)
    if m:
        a = _from_timex(m.group("a"), None, pub)
        b = _from_timex(m.group("b"), None, pub)
        if a and b and a.precision == "day" and b.precision == "day":
            return DateValue(a.date, b.date, "day", a.relative)
    return None


def _recognizers(expr: str, pub: dt.date | None) -> DateValue | None:
    ref = dt.datetime.combine(pub or dt.date.today(), dt.time(12))
    try:
        results = _recognizer().parse(expr, ref)
    except Exception:
        return None
    for r in results:
        if not r.type_name.startswith("datetimeV2.date"):
            continue
        for v in (r.resolution or {}).get("values", []):
            timex = v.get("timex", "")
            if pub is None and ("XXXX" in timex or not re.match(r"^\d{4}", timex)):
                continue
            val = _from_timex(timex, v.get("Mod"), pub)
            if val is None and pub is not None and v.get("type") == "date" and v.get("value"):
                # relative days ("the day before yesterday"): the recognizer resolved them on pub
                val = DateValue(v["value"], None, "day", True)
            if val is not None:
                if not re.search(r"\b\d{4}\b", expr) and not val.relative:
                    val = DateValue(val.date, val.date_end, val.precision, True)
                return val
    return None


def _dateparser(expr: str, pub: dt.date | None) -> DateValue | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - declared dependency
        return None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month"], "STRICT_PARSING": False,
                "RETURN_TIME_AS_PERIOD": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(pub, dt.time(12))
    try:
        r = dateparser.parse(expr, languages=["en"], settings=settings)
    except Exception:
        return None
    if r is None:
        return None
    return DateValue(r.date().isoformat(), None, "day", not re.search(r"\d{4}", expr))


_ANCHOR = re.compile(
    r"\d|\b(?:ago|last|this|next|past|previous|earlier|later|yesterday|today|tonight|since|"
    r"weekend|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)", re.I)


# Ages, scores and amounts that spaCy tags DATE ("19", "27.58", "252-8011"); years are handled
# by the rules before this point.
_BARE_NUMBER = re.compile(r"[\d.,\s/-]+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


@lru_cache(maxsize=20_000)
def _resolve(t: str, publication_date: str | None) -> DateValue | None:
    pub = _pub(publication_date)
    if not t or _NOT_A_DATE.search(t):
        return None
    v = _rules(t, pub)
    if v is not None:
        return v
    if pub is None and not re.search(r"\b\d{4}\b", t):
        return None  # relative expressions need an anchor; never anchor on today's clock
    if not re.search(r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|week|month|year|night|ago|yesterday|today|weekend", t):
        return None
    # Recognizers.Text costs ~20 ms a call: skip bare durations ("four years", "recent weeks"),
    # which name no point in time unless anchored by a cue word, a month or a number.
    if not _ANCHOR.search(t) or (_BARE_NUMBER.fullmatch(t) and not _YEAR.search(t)):
        return None
    # dateparser only for numeric forms the rules did not cover: it guesses too freely otherwise
    return _recognizers(t, pub) or (_dateparser(t, pub) if re.search(r"\d{1,2}\D+\d", t) else None)


def resolve_date(expr: str, publication_date: str | None) -> DateValue | None:
    """Resolve a date expression against the publication date (see the module rules)."""
    if not expr or len(expr) > 120:
        return None
    return _resolve(_norm(expr), (publication_date or "")[:10] or None)


# ---------------------------------------------------------------------------------------------
# Finding dates in a Doc

_EXTRA = re.compile(
    r"\b(?:(?:on|last|this past)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(?:yesterday|last (?:week|month|year|weekend))\b"
    r"|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b"
    r"|\b(?:(?:early|mid|late)[- ])?(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?\b",
    re.I,
)

# Day-first dates and day ranges, May included ("1 May" cannot be the modal verb).
_DAY_FIRST = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:and|-|\u2013|to)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+"
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?:,?\s+(?:1[89]|20)\d{2}\b)?",
    re.I,
)


_MARCH_NOUN = re.compile(r"^\s*March\s*$")
_NOUN_BEFORE = re.compile(r"(?:\b(?:a|the|annual)\s+|\w['\u2019]s\s+|['\"\u2018\u201c]\s*)$", re.I)
_NOUN_AFTER = re.compile(r"^\s+(?:for|against)\b", re.I)


def find_dates(doc, publication_date: str | None,
               within: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Date mentions (kind="date", data = DateValue fields) over spaCy DATE entities plus the
    weekday / month / numeric forms spaCy's NER misses, only inside the ``within`` character
    ranges when given. Unresolvable expressions are dropped."""
    text = text_of(doc)
    base = doc.start_char if hasattr(doc, "start_char") else 0
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and re.search(r"night|morning|evening", ent.text, re.I)):
            spans.append((ent.start_char, ent.end_char))
    local = text
    for m in _DAY_FIRST.finditer(local):  # "Around 6 May 2022": spaCy often tags "May 2022" alone
        s, e = m.start() + base, m.end() + base
        if not m.group("mon")[:1].isupper() or any(a <= s and e <= b for a, b in spans):
            continue  # "aged 25 may be"; or inside a longer entity ("between 28 March - 2 April")
        spans = [(a, b) for a, b in spans if not (a < e and s < b)] + [(s, e)]
    for m in _EXTRA.finditer(local):
        s, e = m.start() + base, m.end() + base
        inside = [(a, b) for a, b in spans if a < e and s < b]
        if not inside:
            spans.append((s, e))
        elif re.search(r"\d", m.group()) and all(s <= a and b <= e and (a, b) != (s, e) for a, b in inside):
            # "Apr 17th 2019": spaCy tags "17th 2019" and leaves the month out
            spans = [x for x in spans if x not in inside] + [(s, e)]
    out: list[Mention] = []
    full = text_of(doc.doc) if hasattr(doc, "doc") else text
    for s, e in sorted(spans):
        if within is not None and not any(a <= s and e <= b for a, b in within):
            continue
        expr = full[s:e]
        if _MARCH_NOUN.match(expr) and (_NOUN_BEFORE.search(full[max(0, s - 6):s]) or _NOUN_AFTER.match(full[e:e + 12])):
            continue  # "a 'March for our Lives' rally", "the March against hunger": a march, not a month
        v = resolve_date(expr, publication_date)
        if v is None:
            continue
        out.append(Mention(kind="date", start=s, end=e, text=expr, label="DATE", data=asdict(v)))
    return out
