"""JSONL, JSON arrays, CSV and TSV: one article per row, with a configurable column mapping.

A mapping says which column holds which Article field: ``text=body,headline=title,
date=pubdate`` (CLI ``wirecoder read --columns``, ``read_paths(..., columns=...)`` or the
``WIRECODER_COLUMNS`` environment variable). Fields not mapped are looked up under common
column names (text/body/content, headline/title, date/publication_date, ...). Columns
that map to no field are kept in ``metadata``.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from ..models import Article
from .base import ReadError, Record, register
from .dates import parse_date, parse_time
from .text import clean, decode, is_binary

# Article field -> column names tried when the mapping does not name one (lower case).
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "full_text", "fulltext", "maintext",
             "article_text", "story"),
    "headline": ("headline", "title", "hd", "heading"),
    "date": ("publication_date", "date", "pubdate", "pub_date", "published", "pd",
             "date_publish", "publish_date", "datetime"),
    "id": ("id", "doc_id", "document_id", "an", "uuid", "article_id"),
    "source": ("source_name", "source", "publisher", "sn", "outlet", "sitename", "site_name"),
    "byline": ("byline", "author", "authors", "by"),
    "url": ("url", "link", "source_url"),
    "language": ("language", "lang", "la"),
    "section": ("section", "se"),
    "dateline": ("dateline",),
    "country": ("country", "country_code", "countries"),
}
FIELDS = tuple(DEFAULT_COLUMNS)
_ALIASES = {"body": "text", "title": "headline", "publication_date": "date", "pubdate": "date",
            "source_name": "source", "author": "byline", "document_id": "id"}
MAX_FIELD = 16 * 2**20


def parse_columns(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """'text=body,headline=title' (or a dict) -> {'text': 'body', 'headline': 'title'}."""
    if spec is None:
        spec = os.environ.get("WIRECODER_COLUMNS") or {}
    if isinstance(spec, Mapping):
        items = list(spec.items())
    else:
        items = []
        for part in re.split(r"[,;]", spec):
            if not part.strip():
                continue
            if "=" not in part:
                raise ValueError(f"bad column mapping {part!r}: expected FIELD=COLUMN")
            k, v = part.split("=", 1)
            items.append((k, v))
    out: dict[str, str] = {}
    for k, v in items:
        key = _ALIASES.get(k.strip().lower(), k.strip().lower())
        if key not in FIELDS:
            raise ValueError(f"unknown field {k.strip()!r} in column mapping; known: {', '.join(FIELDS)}")
        out[key] = str(v).strip()
    return out


def _resolve(columns: Iterable[str], mapping: dict[str, str]) -> dict[str, str]:
    """Field -> actual column name, for the columns this file has."""
    by_lower = {c.lower().strip(): c for c in columns}
    out = {}
    for field in FIELDS:
        if field in mapping:
            col = mapping[field]
            if col in by_lower.values():
                out[field] = col
            elif col.lower() in by_lower:
                out[field] = by_lower[col.lower()]
            continue
        for cand in DEFAULT_COLUMNS[field]:
            if cand in by_lower:
                out[field] = by_lower[cand]
                break
    return out


def _str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_str(x) for x in v)
    return str(v)


def row_to_article(row: Mapping[str, Any], fields: dict[str, str], origin: str, fmt: str) -> Article:
    if "text" not in fields:
        raise ValueError("no text column (map one with --columns text=COLUMN)")
    text = row.get(fields["text"])
    paras = text if isinstance(text, list) else re.split(r"\n[ \t]*\n", _str(text).replace("\r\n", "\n"))
    body = [p for p in (clean(" ".join(_str(x).split("\n"))) for x in paras) if p]
    get = lambda f: clean(_str(row.get(fields[f]))) if f in fields else ""  # noqa: E731
    art = Article(headline=get("headline"), body=body, origin=origin, format=fmt)
    if not art.body:
        raise ValueError("row without text")
    d = get("date")
    art.publication_date = parse_date(d)
    if d and "T" in d:
        art.publication_time = parse_time(d.split("T", 1)[1])
    art.id = get("id")
    art.document_id = art.id or None
    art.source_name = get("source") or None
    art.byline = get("byline") or None
    art.url = get("url") or None
    art.language = get("language") or None
    art.section = get("section") or None
    art.dateline = get("dateline") or None
    if get("country"):
        art.metadata["countries"] = [c.strip().upper() for c in re.split(r"[;,|]", get("country"))
                                     if len(c.strip()) == 2]
    used = set(fields.values())
    extra = {k: v for k, v in row.items() if k not in used and v not in (None, "")}
    if extra:
        art.metadata["columns"] = extra
    return art


def sniff_jsonl(head: bytes, path: Path) -> float:
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if s.startswith(b"{"):
        first = s.split(b"\n", 1)[0]
        try:
            return 0.85 if isinstance(json.loads(first), dict) else 0.0
        except ValueError:
            return 0.4 if path.suffix.lower() in (".jsonl", ".ndjson", ".json") else 0.0
    if s.startswith(b"[") and path.suffix.lower() == ".json":
        return 0.6
    return 0.0


def sniff_csv(head: bytes, path: Path) -> float:
    if is_binary(head) or head.lstrip()[:1] in (b"<", b"{", b"["):
        return 0.0
    first = decode(head[:8192]).split("\n", 1)[0].lower()
    sep = "\t" if path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",") else ","
    cols = [c.strip().strip('"') for c in first.split(sep)]
    known = any(c in DEFAULT_COLUMNS["text"] or c in DEFAULT_COLUMNS["headline"] for c in cols)
    if path.suffix.lower() in (".csv", ".tsv"):
        return 0.8
    return 0.5 if known and len(cols) >= 2 else 0.0


@register("jsonl", sniff_jsonl)
def read_jsonl(path: Path, columns: str | Mapping[str, str] | None = None) -> Iterator[Record]:
    mapping = parse_columns(columns)
    text = decode(path.read_bytes())
    fmt = "jsonl"
    if text.lstrip().startswith("["):
        rows: Iterable[tuple[int, Any]] = enumerate(json.loads(text))
        fmt = "json"
    else:
        rows = ((n, line) for n, line in enumerate(text.split("\n")) if line.strip())
    for n, row in rows:
        o = f"{path}#{n}"
        try:
            rec = json.loads(row) if isinstance(row, str) else row
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            yield row_to_article(rec, _resolve(rec.keys(), mapping), o, fmt)
        except Exception as exc:
            yield ReadError(o, f"bad {fmt.upper()} record: {type(exc).__name__}: {exc}")


@register("csv", sniff_csv)
def read_csv(path: Path, columns: str | Mapping[str, str] | None = None) -> Iterator[Record]:
    mapping = parse_columns(columns)
    text = decode(path.read_bytes())
    first = text.split("\n", 1)[0]
    delim = "\t" if path.suffix.lower() == ".tsv" or first.count("\t") > first.count(",") else ","
    if delim == "," and first.count(";") > first.count(","):
        delim = ";"
    csv.field_size_limit(MAX_FIELD)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
    fields = _resolve(reader.fieldnames or [], mapping)
    if "text" not in fields and "headline" not in fields:
        yield ReadError(str(path), f"CSV without a text column (columns: {', '.join(reader.fieldnames or [])[:200]}); "
                                   "map one with --columns text=COLUMN")
        return
    fmt = "tsv" if delim == "\t" else "csv"
    n = 0
    while True:
        o = f"{path}#{n}"
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield ReadError(o, f"bad CSV row: {exc}")
            break  # the csv module cannot resynchronise after a broken quote
        n += 1
        try:
            yield row_to_article({k: v for k, v in row.items() if k is not None}, fields, o, fmt)
        except Exception as exc:
            yield ReadError(o, f"bad CSV row: {type(exc).__name__}: {exc}")
