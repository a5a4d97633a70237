"""Readers: export files in, ``Article`` records out. One module per layout.

``read_paths`` walks files and folders, detects each file's layout from its content and
yields articles and ``ReadError``s; a bad file never stops the batch.

Layouts (reader names): Factiva Article layout as text / RTF / HTML / PDF
(``factiva-article-txt``, ``rtf``, ``factiva-html``, ``pdf``), Factiva tagged "plus
Indexing" text and RTF (``factiva-tagged-txt``, ``rtf``), Factiva HTML table
(``factiva-html-table``) and legacy XML (``factiva-xml``), LexisNexis Academic text / HTML
/ RTF (``lexisnexis-txt``, ``lexisnexis-html``, ``rtf``), Nexis Uni DOCX (``nexis-docx``),
web pages (``web-html``), JSONL/JSON/CSV/TSV with a column mapping (``jsonl``, ``csv``),
and plain text (``text``). ``Article.format`` names the precise layout.
"""
from __future__ import annotations

import inspect
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from ..models import Article
from .base import READERS, ReadError, Record, UnsupportedFormat, register

# Importing the modules registers them.
from . import (factiva_article, factiva_html, factiva_tagged, factiva_xml,  # noqa: F401,E402
               lexisnexis_html, lexisnexis_text, nexis_docx, pdf, plain_text, rtf, tabular,
               web_html)
from .text import is_binary  # noqa: E402

SNIFF_BYTES = 512 * 1024  # HTML exports put the first record after 100+ KB of script
# Per-file size limit (MiB); WIRECODER_MAX_FILE_MB overrides it.
MAX_FILE_BYTES = int(float(os.environ.get("WIRECODER_MAX_FILE_MB", "256")) * 2**20)
_BINARY_OK = ("nexis-docx", "pdf")


def detect(path: Path) -> str:
    """Name of the reader for ``path``, chosen from its content (extension as a hint)."""
    with open(path, "rb") as fh:
        head = fh.read(SNIFF_BYTES)
    best, score = None, 0.0
    for spec in READERS.values():
        try:
            s = spec.sniff(head, path)
        except Exception:  # a sniffer must never break detection
            s = 0.0
        if s > score:
            best, score = spec.name, s
    if best is None:
        if is_binary(head):
            raise UnsupportedFormat("binary file in no supported format")
        raise UnsupportedFormat("not a recognised article export")
    return best


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                # Anything but a folder goes to read_file, so a dangling link, a link loop or
                # a named pipe in the folder is reported rather than silently passed over.
                if not sub.name.startswith(".") and not sub.is_dir():
                    yield sub
        else:
            yield p


def _takes_columns(fn) -> bool:
    try:
        return "columns" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _printable_origin(origin: str) -> str:
    """A file name as one printable line that SQLite and a UTF-8 terminal accept: undecodable
    bytes become ``\\xNN``, control characters (a newline in a name) ``\\n`` and the like."""
    if origin.isprintable() and not _SURROGATE.search(origin):
        return origin
    fixed = os.fsencode(origin).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), fixed)


def _scrub(s):
    # Lone surrogates (JSON "\ud800" escapes) cannot be encoded to UTF-8: hashing or storing
    # the article would fail. U+FFFD keeps string lengths, so offsets stay valid.
    return _SURROGATE.sub("\ufffd", s) if isinstance(s, str) and _SURROGATE.search(s) else s


def _scrub_article(a: Article) -> None:
    for name, value in vars(a).items():
        if isinstance(value, str) and name != "origin":  # origin: see _printable_origin
            setattr(a, name, _scrub(value))
    a.body = [_scrub(p) for p in a.body]
    a.metadata = {_scrub(k): _scrub(v) for k, v in a.metadata.items()}


def read_file(path: Path, reader: str | None = None,
              columns: str | Mapping[str, str] | None = None) -> Iterator[Record]:
    """Records of one file; errors become ``ReadError`` records, never exceptions.

    ``columns`` maps Article fields to columns for JSONL/CSV input ("text=body,headline=title").
    """
    for rec in _read_file(Path(path), reader, columns):
        rec.origin = _printable_origin(rec.origin) if rec.origin else rec.origin
        if isinstance(rec, ReadError):
            rec.reason = _scrub(rec.reason)
        yield rec


def _read_file(path: Path, reader: str | None,
               columns: str | Mapping[str, str] | None) -> Iterator[Record]:
    try:
        if not path.exists():
            why = "broken or looping symbolic link" if path.is_symlink() else "no such file"
            yield ReadError(str(path), why)
            return
        if not path.is_file():  # a named pipe or device: reading could block forever
            yield ReadError(str(path), "not a regular file")
            return
        if path.stat().st_size == 0:
            yield ReadError(str(path), "empty file")
            return
        if path.stat().st_size > MAX_FILE_BYTES:
            yield ReadError(str(path), f"file larger than the {MAX_FILE_BYTES // 2**20} MiB limit "
                                       "(set WIRECODER_MAX_FILE_MB to raise it)")
            return
        if reader is not None and reader not in READERS:
            yield ReadError(str(path), f"unknown reader {reader!r}")
            return
        name = reader or detect(path)
        spec = READERS[name]
        gen = spec.read(path, columns=columns) if _takes_columns(spec.read) else spec.read(path)
        n = 0
        for rec in gen:
            if isinstance(rec, Article):
                _scrub_article(rec)
                rec.format = rec.format or name
                rec.origin = rec.origin or f"{path}#{n}"
                rec.ensure_id()
            else:
                rec.reason = " ".join(str(rec.reason).split())[:300]  # one line, always
            n += 1
            yield rec
        if n == 0:
            yield ReadError(str(path), f"no articles found (read as {name})")
    except UnsupportedFormat as exc:
        yield ReadError(str(path), str(exc))
    except MemoryError:
        yield ReadError(str(path), "out of memory reading the file")
    except RecursionError:
        yield ReadError(str(path), "structure nested too deeply to read")
    except Exception as exc:  # a corrupt file is reported, the batch goes on
        msg = " ".join(str(exc).split())[:300]
        yield ReadError(str(path), f"{type(exc).__name__}: {msg}")


def read_paths(paths: Iterable[str | os.PathLike], reader: str | None = None,
               columns: str | Mapping[str, str] | None = None) -> Iterator[Record]:
    for path in iter_files(paths):
        yield from read_file(path, reader, columns)


__all__ = ["READERS", "ReadError", "Record", "UnsupportedFormat", "detect", "iter_files",
           "read_file", "read_paths", "register"]
