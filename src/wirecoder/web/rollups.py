"""Pre-aggregated event counts (rollups) behind the stats, actors and network answers.

On a million events a filtered aggregate over the events table reads every matching row
(hundreds of thousands for a common event type or actor). The rollup tables hold
``n`` (events) and ``fatalities`` summed over a few dimensions; triggers on ``events`` keep them
current at every insert, update and delete (see ``store/schema.sql``), and ``rebuild`` fills them
in one pass for a database that predates them. ``plan`` picks the smallest rollup that can answer
a query exactly (every filter and grouping column is one of its dimensions, and the date range
falls on its time grain); anything else reads the events table.

NULLs are stored as '' (primary-key columns cannot be NULL) and turned back with ``nullif``.
Actor rollups have one row per actor *role*: 1 = actor1, 2 = actor2 (a different actor),
3 = actor2 equal to actor1, so "events involving X" (roles 1 and 2) counts each event once.
"""
from __future__ import annotations

import calendar
import sqlite3
from dataclasses import dataclass, replace

from .filters import Filters, where_sql

TIME_EXPR = {"month": "coalesce(substr({p}date, 1, 7), '')", "day": "coalesce({p}date, '')"}


@dataclass(frozen=True)
class Rollup:
    name: str
    dims: tuple[str, ...]        # primary-key order (leading columns are the cheap filters)
    time: str | None = None      # None | "month" | "day": grain of the `date` dimension
    actor: bool = False          # has (actor, role) dimensions
    size: int = 0                # rank: smaller is cheaper

    @property
    def columns(self) -> tuple[str, ...]:
        return self.dims


ROLLUPS: tuple[Rollup, ...] = (
    Rollup("rollup_actor", ("actor", "role"), actor=True, size=1),
    Rollup("rollup_type_month", ("date", "event_type", "sub_event_type", "review_status"),
           time="month", size=2),
    Rollup("rollup_pair", ("actor1", "actor2"), size=3),
    Rollup("rollup_day", ("date", "event_type", "sub_event_type", "review_status"), time="day",
           size=4),
    Rollup("rollup_country_month", ("country_code", "date", "event_type", "sub_event_type",
                                    "review_status"), time="month", size=5),
    Rollup("rollup_actor_month", ("actor", "role", "date", "event_type", "sub_event_type",
                                  "review_status"), time="month", actor=True, size=6),
    # (event_type, actor1, actor2, ...): a type filter reads its edges already grouped
    Rollup("rollup_pair_type", ("event_type", "actor1", "actor2", "sub_event_type",
                                "review_status"), size=7),
)
BY_NAME = {r.name: r for r in ROLLUPS}


# ------------------------------------------------------------------------ DDL (schema.sql)

def _key_exprs(r: Rollup, p: str, actor_col: str | None = None, role: str | None = None
               ) -> list[str]:
    out = []
    for d in r.dims:
        if d == "date":
            out.append(TIME_EXPR[r.time].format(p=p))
        elif d == "actor":
            out.append(f"{p}{actor_col}")
        elif d == "role":
            out.append(role)
        else:
            out.append(f"coalesce({p}{d}, '')")
    return out


def _variants(r: Rollup, p: str) -> list[tuple[list[str], str]]:
    """(key expressions, condition) for each row one event contributes to ``r``."""
    if r.actor:
        return [(_key_exprs(r, p, "actor1", "1"), f"{p}actor1 IS NOT NULL"),
                (_key_exprs(r, p, "actor2", f"CASE WHEN {p}actor2 = {p}actor1 THEN 3 ELSE 2 END"),
                 f"{p}actor2 IS NOT NULL")]
    if "actor1" in r.dims:
        return [(_key_exprs(r, p), f"{p}actor1 IS NOT NULL AND {p}actor2 IS NOT NULL")]
    return [(_key_exprs(r, p), "1")]


def ddl() -> str:
    """CREATE TABLE + triggers for every rollup (the text pasted into store/schema.sql)."""
    out = []
    for r in ROLLUPS:
        cols = ", ".join(f"{d} {'INTEGER' if d == 'role' else 'TEXT'} NOT NULL" for d in r.dims)
        out.append(f"CREATE TABLE IF NOT EXISTS {r.name} ({cols}, n INTEGER NOT NULL, "
                   f"fatalities INTEGER NOT NULL, PRIMARY KEY ({', '.join(r.dims)})) WITHOUT ROWID;")
    out.append("CREATE INDEX IF NOT EXISTS rollup_pair_n ON rollup_pair(n);")
    out.append("CREATE INDEX IF NOT EXISTS rollup_pair_a2 ON rollup_pair(actor2);")
    add, sub = [], []
    for r in ROLLUPS:
        pk = ", ".join(r.dims)
        for keys, cond in _variants(r, "new."):
            add.append(f"    INSERT INTO {r.name} ({pk}, n, fatalities) SELECT {', '.join(keys)}, 1, "
                       f"coalesce(new.fatalities, 0) WHERE {cond}\n"
                       f"    ON CONFLICT DO UPDATE SET n = n + 1, "
                       f"fatalities = fatalities + excluded.fatalities;")
        for keys, cond in _variants(r, "old."):
            match = " AND ".join(f"{d} = {k}" for d, k in zip(r.dims, keys))
            sub.append(f"    UPDATE {r.name} SET n = n - 1, fatalities = fatalities - "
                       f"coalesce(old.fatalities, 0) WHERE {match} AND {cond};")
            sub.append(f"    DELETE FROM {r.name} WHERE {match} AND n <= 0;")
    watched = "date, event_type, sub_event_type, review_status, country_code, actor1, actor2, " \
              "fatalities"
    body_add, body_sub = "\n".join(add), "\n".join(sub)
    out.append(f"CREATE TRIGGER IF NOT EXISTS events_rollup_ai AFTER INSERT ON events BEGIN\n"
               f"{body_add}\nEND;")
    out.append(f"CREATE TRIGGER IF NOT EXISTS events_rollup_ad AFTER DELETE ON events BEGIN\n"
               f"{body_sub}\nEND;")
    out.append(f"CREATE TRIGGER IF NOT EXISTS events_rollup_au AFTER UPDATE OF {watched} "
               f"ON events BEGIN\n{body_sub}\n{body_add}\nEND;")
    return "\n".join(out) + "\n"


def rebuild(con: sqlite3.Connection) -> None:
    """Recompute every rollup from the events table (one transaction)."""
    own = not con.in_transaction
    if own:
        con.execute("BEGIN IMMEDIATE")
    try:
        for r in ROLLUPS:
            con.execute(f"DELETE FROM {r.name}")
            pk = ", ".join(r.dims)
            for keys, cond in _variants(r, ""):
                sel = ", ".join(f"{k} AS {d}" for d, k in zip(r.dims, keys))
                con.execute(
                    f"INSERT INTO {r.name} ({pk}, n, fatalities) SELECT {sel}, count(*), "
                    f"coalesce(sum(fatalities), 0) FROM events WHERE {cond} GROUP BY {pk} "
                    f"ON CONFLICT DO UPDATE SET n = n + excluded.n, "
                    f"fatalities = fatalities + excluded.fatalities")
        if own:
            con.execute("COMMIT")
    except BaseException:
        if own and con.in_transaction:
            con.rollback()
        raise


def in_sync(con: sqlite3.Connection) -> bool:
    """Cheap check that the rollups cover every event (false for a database that got its
    rollup tables after it had events)."""
    try:
        rolled = con.execute("SELECT coalesce(sum(n), 0) FROM rollup_type_month").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    return rolled == con.execute("SELECT count(*) FROM events").fetchone()[0]


def ensure(con: sqlite3.Connection) -> bool:
    """Rebuild the rollups if they are missing events; True when a rebuild ran."""
    if in_sync(con):
        return False
    rebuild(con)
    return True


# ------------------------------------------------------------------------------- planner

def _month_end(d: str) -> bool:
    y, m, day = int(d[:4]), int(d[5:7]), int(d[8:10])
    return 1 <= m <= 12 and day == calendar.monthrange(y, m)[1]


def month_aligned(f: Filters) -> bool:
    """Does the date range start and end on month boundaries? Then comparing the month key
    with the same bounds selects exactly the events a day-level comparison selects."""
    lo, hi = f.date_from, f.date_to
    if lo and len(lo) == 10 and not lo.endswith("-01"):
        return False
    if hi and len(hi) == 10:
        try:
            return _month_end(hi)
        except ValueError:
            return False
    return True


FILTER_DIMS = {"event_type": "event_type", "sub_event_type": "sub_event_type",
               "country": "country_code", "review_status": "review_status"}
UNSUPPORTED = ("admin1", "source", "fatalities_min", "bbox", "cluster_id")


def plan(f: Filters, group: tuple[str, ...] = (), time: str | None = None) -> Rollup | None:
    """The cheapest rollup that answers (filters, group-by columns) exactly, or None.

    ``time``: the timeline grain the query groups by ("month" or "day"), if any.
    """
    if any(getattr(f, k) for k in UNSUPPORTED) or (f.fatalities_min or 0) > 0:
        return None
    pairs = set(group) == {"actor1", "actor2"}
    if len(f.actor) > 1 and not pairs:
        return None  # an event with both actors would count twice
    need = {FILTER_DIMS[k] for k in FILTER_DIMS if getattr(f, k)} | set(group)
    dated = bool(f.date_from or f.date_to)
    for r in sorted(ROLLUPS, key=lambda r: r.size):
        dims = set(r.dims)
        if f.actor and not (r.actor or "actor1" in dims):
            continue
        if pairs != ("actor1" in dims):
            continue
        if "actor" in group and not r.actor:
            continue
        if not need <= dims | ({"actor"} if r.actor else set()):
            continue
        if (dated or time) and r.time is None:
            continue
        if r.time == "month" and (time == "day" or (dated and not month_aligned(f))):
            continue
        return r
    return None


def rollup_where(r: Rollup, f: Filters, roles: tuple[int, ...] = (1, 2)) -> tuple[str, list]:
    """WHERE clause over rollup ``r`` for filters ``f`` (which ``plan`` accepted)."""
    clause, params = where_sql(replace(f, actor=()))
    parts = [clause] if clause else []
    if f.date_to:
        parts.append("date <> ''")  # '' stands for NULL, which a date bound excludes
    if f.actor and "actor1" in r.dims:
        marks = ", ".join("?" * len(f.actor))
        parts.insert(0, f"(actor1 IN ({marks}) OR actor2 IN ({marks}))")
        params[:0] = [*f.actor, *f.actor]
    if r.actor:
        if f.actor:
            parts.insert(0, "actor = ?")
            params.insert(0, f.actor[0])
        parts.append(f"role IN ({', '.join(str(x) for x in roles)})")
    return " AND ".join(parts), params
