"""Readers: export files in, ``Article`` records out. One module per layout.

``read_paths`` walks files and folders, detects each file's layout from its content and
yields articles and ``ReadError``s; a bad file never stops the batch.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..models import Article
from .base import READERS, ReadError, Record, UnsupportedFormat, register

# Importing the modules registers them.
from . import factiva_article  # noqa: F401,E402

SNIFF_BYTES = 64 * 1024
MAX_FILE_BYTES = 512 * 1024 * 1024


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
        raise UnsupportedFormat("not a recognised article export")
    return best


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and not sub.name.startswith("."):
                    yield sub
        else:
            yield p


def read_file(path: Path, reader: str | None = None) -> Iterator[Record]:
    """Records of one file; errors become ``ReadError`` records, never exceptions."""
    try:
        if not path.exists():
            yield ReadError(str(path), "no such file")
            return
        if path.stat().st_size == 0:
            yield ReadError(str(path), "empty file")
            return
        if path.stat().st_size > MAX_FILE_BYTES:
            yield ReadError(str(path), f"file larger than {MAX_FILE_BYTES // 2**20} MiB")
            return
        name = reader or detect(path)
        n = 0
        for rec in READERS[name].read(path):
            if isinstance(rec, Article):
                rec.format = rec.format or name
                rec.origin = rec.origin or f"{path}#{n}"
                rec.ensure_id()
            n += 1
            yield rec
        if n == 0:
            yield ReadError(str(path), f"no articles found ({name})")
    except UnsupportedFormat as exc:
        yield ReadError(str(path), str(exc))
    except Exception as exc:  # a corrupt file is reported, the batch goes on
        yield ReadError(str(path), f"{type(exc).__name__}: {exc}")


def read_paths(paths: Iterable[str | os.PathLike], reader: str | None = None) -> Iterator[Record]:
    for path in iter_files(paths):
        yield from read_file(path, reader)


__all__ = ["READERS", "ReadError", "Record", "UnsupportedFormat", "detect", "read_file", "read_paths", "register"]
