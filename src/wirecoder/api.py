"""Python API: ``wirecoder.extract`` and ``wirecoder.open``.

    import wirecoder
    results = wirecoder.extract("Gunmen killed 12 people in Maiduguri on Sunday, police said.",
                                publication_date="2021-03-15")
    db = wirecoder.open("wirecoder.db")
    rows = db.events(country="NG", date_from="2021")       # list of dicts (ACLED columns)
    df = db.dataframe(type="Battles")                       # pandas DataFrame
    db.event(rows[0]["cluster_id"])                         # merged record + provenance
"""
from __future__ import annotations

import os
import sqlite3
import warnings
from pathlib import Path
from typing import Any

from .models import Article, ArticleResult

_PIPELINE = None


def _pipeline():
    global _PIPELINE
    if _PIPELINE is None:  # spaCy loads once per process
        from .pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def _looks_like_path(x: Any) -> bool:
    if isinstance(x, Path):
        return True
    return (isinstance(x, str) and "\n" not in x and len(x) < 4096
            and os.path.exists(x))


def extract(text_or_path: str | os.PathLike, *, publication_date: str | None = None,
            headline: str = "", as_dict: bool = False
            ) -> ArticleResult | list[ArticleResult] | dict | list[dict]:
    """Run the pipeline without a database.

    A string that is not an existing path is analysed as one article (paragraphs split at
    blank lines) and one result comes back; a file or folder path gives a list, one result
    per article read (unreadable files are skipped with a warning). ``as_dict`` returns the
    ``wirecoder extract`` JSON instead of dataclasses.
    """
    from .export.jsonl import result_json

    if _looks_like_path(text_or_path):
        from .readers import ReadError, read_paths

        arts = []
        for rec in read_paths([Path(text_or_path)]):
            if isinstance(rec, ReadError):
                warnings.warn(f"skipped {rec}", stacklevel=2)
            else:
                arts.append(rec)
        results = list(_pipeline().process_many(arts))
        return [result_json(r) for r in results] if as_dict else results
    if not isinstance(text_or_path, str):
        raise TypeError("extract() takes article text or a path")
    paras = [p.strip() for p in text_or_path.replace("\r\n", "\n").split("\n\n") if p.strip()]
    art = Article(headline=headline, body=paras, publication_date=publication_date,
                  format="text", origin="<api>").ensure_id()
    res = _pipeline().process(art)
    return result_json(res) if as_dict else res


class Database:
    """A wirecoder SQLite database: merged events, filters, exports, splits."""

    def __init__(self, path: str | os.PathLike, create: bool = False, readonly: bool = False):
        from .store import db as store

        self.path = Path(path)
        if not create and not self.path.exists():
            raise FileNotFoundError(f"no wirecoder database at {self.path}")
        self.con: sqlite3.Connection = store.connect(self.path, readonly=readonly)
        self.readonly = readonly

    # -- reading ---------------------------------------------------------------------------
    def records(self, **filters: Any) -> list[dict[str, Any]]:
        """Merged records: Event fields, ``provenance``, ``source_list``, ``article_count``."""
        from .export.filters import ExportFilters
        from .export.records import iter_records

        return list(iter_records(self.con, ExportFilters.make(**filters)))

    def events(self, as_frame: bool = False, **filters: Any):
        """Events as flat rows with the ACLED export columns (or a DataFrame).

        Filters: type/event_type, sub_event_type, country (ISO2/ISO3/name), actor, date_from,
        date_to, review_status, include_rejected, merged (False: one row per report).
        """
        from .export.filters import ExportFilters
        from .export.writers import rows

        out = [row for _, row in rows(self.con, ExportFilters.make(**filters))]
        return _frame(out) if as_frame else out

    def dataframe(self, **filters: Any):
        return self.events(as_frame=True, **filters)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One merged event with per-field provenance, by cluster id or report id."""
        from .merge import get_cluster

        row = self.con.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()
        return get_cluster(self.con, row[0] if row and row[0] else event_id)

    # -- merging and review -----------------------------------------------------------------
    def merge(self, full: bool = False):
        from .merge import merge_all, merge_new

        return merge_all(self.con) if full else merge_new(self.con)

    def split(self, event_id: str, reviewer: str | None = None, note: str | None = None) -> str:
        from .merge import split_event

        return split_event(self.con, event_id, reviewer, note)

    def unsplit(self, event_id: str, reviewer: str | None = None) -> str:
        from .merge import unsplit_event

        return unsplit_event(self.con, event_id, reviewer)

    # -- export ----------------------------------------------------------------------------
    def export(self, target: str | os.PathLike, format: str | None = None, **filters: Any) -> int:
        """Write csv / geojson / parquet / plover; the format defaults from the suffix."""
        from .export.filters import ExportFilters
        from .export.writers import export_to

        fmt = format or {".csv": "csv", ".geojson": "geojson", ".json": "plover",
                         ".parquet": "parquet"}.get(Path(target).suffix.lower())
        if fmt is None:
            raise ValueError("give format= (csv, geojson, parquet, plover)")
        return export_to(self.con, fmt, Path(target), ExportFilters.make(**filters))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"wirecoder.Database({str(self.path)!r})"


def _frame(rows: list[dict[str, Any]]):
    import pandas as pd

    from .export.acled import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS

    df = pd.DataFrame(rows, columns=list(COLUMNS))
    for c in INT_COLUMNS:
        df[c] = df[c].astype("Int64")
    for c in FLOAT_COLUMNS:
        df[c] = df[c].astype("float64")
    return df


def open(path: str | os.PathLike, create: bool = False, readonly: bool = False) -> Database:  # noqa: A001
    """Open a wirecoder database (``create=True`` makes an empty one)."""
    return Database(path, create=create, readonly=readonly)
