"""The extract stages the coder calls (dates, numbers, attribution), each guarded.

A stage that raises on one odd sentence costs that field, not the article: the coder gets an
empty answer and goes on. Dates come back as ``DateInfo`` truncated to their precision.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..extract import attribution, dates, numbers
from ..models import Attribution, Quantity


@dataclass
class DateInfo:
    date: str  # ISO truncated to precision
    precision: str  # day | week | month | year
    start: int  # offsets into the document text
    end: int
    text: str
    date_end: str | None = None
    relative: bool = False  # resolved against the publication date ("on Monday", "in May")


def _truncate(iso: str, precision: str) -> str:
    return iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso[:10]


def find_dates(doc: Any, pub: str | None, within: list[tuple[int, int]] | None = None) -> list[DateInfo]:
    out = []
    try:
        for m in dates.find_dates(doc, pub, within):
            d = m.data or {}
            if d.get("date"):
                prec = d.get("precision") or "day"
                out.append(DateInfo(_truncate(str(d["date"]), prec), prec, m.start, m.end, m.text,
                                    d.get("date_end"), bool(d.get("relative"))))
    except Exception:
        return []
    return out


def fatalities(span: Any) -> Quantity | None:
    try:
        return numbers.find_fatalities(span)
    except Exception:
        return None


def quantities(span: Any) -> list[Quantity]:
    try:
        return list(numbers.find_quantities(span))
    except Exception:
        return []


def attributions(doc: Any, sent_index: int) -> list[Attribution]:
    try:
        return list(attribution.attributions_for(doc, sent_index))
    except Exception:
        return []


def is_hedged(span: Any) -> bool:
    try:
        return bool(attribution.is_hedged(span))
    except Exception:
        return False
