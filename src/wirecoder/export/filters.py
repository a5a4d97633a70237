"""Export filters: a small value the CLI, the Python API and the web app all build.

Values travel only as bound SQL parameters. The same clause works on the ``clusters`` table
(merged events) and the ``events`` table (single reports): both have the filtered columns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, Iterable

from .countries import _table

REVIEW_STATUSES = ("auto", "accepted", "edited", "rejected")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class FilterError(ValueError):
    """A filter value that cannot be used."""


def _tuple(v: Any) -> tuple[str, ...]:
    if v is None or v == "":
        return ()
    if isinstance(v, str):
        v = [v]
    return tuple(str(x).strip() for x in v if str(x).strip())


@dataclass(frozen=True)
class ExportFilters:
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    country: tuple[str, ...] = ()       # ISO2, ISO3 or country name
    actor: tuple[str, ...] = ()         # canonical name, actor1 or actor2
    date_from: str | None = None        # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    review_status: tuple[str, ...] = ()
    include_rejected: bool = False      # rejected events are left out unless asked for
    merged: bool = True                 # merged events (default) or one row per report

    @classmethod
    def make(cls, **kw: Any) -> "ExportFilters":
        """Build from loose values (str or list); aliases: type -> event_type."""
        if "type" in kw:
            kw["event_type"] = kw.pop("type")
        names = {f.name for f in fields(cls)}
        bad = set(kw) - names
        if bad:
            raise FilterError(f"unknown filter(s): {', '.join(sorted(bad))}")
        for k in ("event_type", "sub_event_type", "country", "actor", "review_status"):
            if k in kw:
                kw[k] = _tuple(kw[k])
        for k in ("date_from", "date_to"):
            v = kw.get(k)
            if v:
                v = str(v).strip()
                if not _DATE.match(v):
                    raise FilterError(f"{k} must be YYYY, YYYY-MM or YYYY-MM-DD, got {v[:40]!r}")
                kw[k] = v
            else:
                kw[k] = None
        bad_st = [s for s in kw.get("review_status", ()) if s not in REVIEW_STATUSES]
        if bad_st:
            raise FilterError(f"review_status must be one of {', '.join(REVIEW_STATUSES)}")
        return cls(**kw)


def coerce(f: Any) -> ExportFilters:
    """Accept ``ExportFilters``, None, a dict, or any object with the same attribute names
    (e.g. the web app's ``Filters``)."""
    if f is None:
        return ExportFilters()
    if isinstance(f, ExportFilters):
        return f
    if isinstance(f, dict):
        return ExportFilters.make(**f)
    names = [x.name for x in fields(ExportFilters)]
    return ExportFilters.make(**{n: getattr(f, n) for n in names if hasattr(f, n)})


def country_codes(values: Iterable[str]) -> list[str]:
    """ISO2 codes for ISO2/ISO3/name values; unknown values are kept (they match nothing)."""
    table = _table()
    by3 = {r["iso3"].upper(): cc for cc, r in table.items() if r.get("iso3")}
    byname = {r["name"].lower(): cc for cc, r in table.items()}
    out = []
    for v in values:
        u = v.strip()
        out.append(u.upper() if len(u) == 2 else by3.get(u.upper()) or byname.get(u.lower()) or u)
    return out


def _in(col: str, vals: list[str], params: list[Any]) -> str:
    params.extend(vals)
    return f"{col} IN ({','.join('?' * len(vals))})"


def where_sql(f: ExportFilters, alias: str = "") -> tuple[str, list[Any]]:
    p = alias + "." if alias else ""
    parts: list[str] = []
    params: list[Any] = []
    if f.event_type:
        parts.append(_in(p + "event_type", list(f.event_type), params))
    if f.sub_event_type:
        parts.append(_in(p + "sub_event_type", list(f.sub_event_type), params))
    if f.country:
        parts.append(_in(p + "country_code", country_codes(f.country), params))
    if f.actor:
        parts.append(f"({_in(p + 'actor1', list(f.actor), params)} OR "
                     f"{_in(p + 'actor2', list(f.actor), params)})")
    if f.date_from:
        d = f.date_from
        # dates are stored truncated to their precision ("2017-05"): keep those of the
        # month/year the range starts in
        if d.endswith("-01-01") or len(d) == 4:
            d = d[:4]
        elif d.endswith("-01") and len(d) == 10 or len(d) == 7:
            d = d[:7]
        parts.append(f"{p}date >= ?")
        params.append(d)
    if f.date_to:
        parts.append(f"{p}date <= ?")
        params.append(f.date_to if len(f.date_to) == 10 else f.date_to + "-99")
    if f.review_status:
        parts.append(_in(p + "review_status", list(f.review_status), params))
    elif not f.include_rejected:
        parts.append(f"{p}review_status != 'rejected'")
    return " AND ".join(parts), params
