"""Reader registry and the contract every reader module follows.

A reader is a module that registers itself with ``@register(name, sniff=...)``:
``sniff(head: bytes, path: Path) -> float`` scores how likely the file is in its layout
(0 = no, 1 = certain) from its first bytes, and ``read(path) -> Iterator[Article | ReadError]``
yields records. A reader never raises for a bad record: it yields ``ReadError`` and goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Union

from ..models import Article


@dataclass
class ReadError:
    """A record or file that could not be read; the batch goes on without it."""

    origin: str  # "path" or "path#index"
    reason: str  # one line, for a human

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class UnsupportedFormat(Exception):
    """No reader recognises the file."""


Record = Union[Article, ReadError]
SniffFn = Callable[[bytes, Path], float]
ReadFn = Callable[[Path], Iterator[Record]]


@dataclass
class ReaderSpec:
    name: str
    sniff: SniffFn
    read: ReadFn


READERS: dict[str, ReaderSpec] = {}


def register(name: str, sniff: SniffFn) -> Callable[[ReadFn], ReadFn]:
    def deco(fn: ReadFn) -> ReadFn:
        READERS[name] = ReaderSpec(name, sniff, fn)
        return fn

    return deco
