"""Sharded output for very large runs: each worker-side batch of results lands in the shard
being filled; a shard is written to a temporary name and renamed when complete, so a killed
run never leaves half a shard, and a resumed run skips the articles already in complete shards.

Formats: ``jsonl`` (one ``codec.result_to_dict`` per line, gzip-compressed) and ``parquet``
(one row per article: id, content_hash, publication_date, source_name, n_events and the same
JSON as ``result``). ``wirecoder load`` reads both.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from ..models import ArticleResult
from .codec import result_from_dict, result_to_dict

SHARD_RE = re.compile(r"^part-(\d{6})\.(jsonl\.gz|parquet)$")
FORMATS = ("jsonl", "parquet")


def shard_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Complete shard files under the given files/folders, in order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if SHARD_RE.match(f.name)))
        else:
            out.append(p)
    return out


def _jsonl_dicts(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _parquet_dicts(path: Path, columns: list[str] | None = None) -> Iterator[dict]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for row in batch.to_pylist():
            yield row if columns else json.loads(row["result"])


def iter_shard_dicts(path: Path) -> Iterator[dict]:
    if path.name.endswith(".parquet"):
        return _parquet_dicts(path)
    return _jsonl_dicts(path)


def iter_shard_results(paths: Iterable[str | os.PathLike]) -> Iterator[ArticleResult]:
    for f in shard_files(paths):
        for d in iter_shard_dicts(f):
            yield result_from_dict(d)


def shard_hashes(directory: Path) -> set[str]:
    """Content hashes of the articles already in complete shards (for resuming)."""
    seen: set[str] = set()
    for f in shard_files([directory]):
        if f.name.endswith(".parquet"):
            seen.update(r["content_hash"] for r in _parquet_dicts(f, ["content_hash"]))
        else:
            seen.update(d["content_hash"] for d in _jsonl_dicts(f))
    return seen


class ShardWriter:
    """Collects results and writes a shard every ``shard_size`` articles (atomically)."""

    def __init__(self, directory: str | os.PathLike, fmt: str = "jsonl", shard_size: int = 5000):
        if fmt not in FORMATS:
            raise ValueError(f"shard format must be one of {', '.join(FORMATS)}")
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.fmt, self.size = fmt, max(1, shard_size)
        self.pending: list[dict] = []
        self.written: list[Path] = []
        nums = [int(m[1]) for f in self.dir.iterdir() if (m := SHARD_RE.match(f.name))]
        self.next_no = max(nums, default=-1) + 1
        for f in self.dir.glob("*.tmp"):  # leftovers of a killed run: never complete
            f.unlink()

    def add(self, results: Iterable[ArticleResult]) -> None:
        self.pending.extend(result_to_dict(r) for r in results)
        while len(self.pending) >= self.size:
            self._flush(self.pending[:self.size])
            self.pending = self.pending[self.size:]

    def close(self) -> None:
        if self.pending:
            self._flush(self.pending)
            self.pending = []

    def _flush(self, rows: list[dict]) -> None:
        ext = "jsonl.gz" if self.fmt == "jsonl" else "parquet"
        final = self.dir / f"part-{self.next_no:06d}.{ext}"
        tmp = final.with_name(final.name + ".tmp")
        if self.fmt == "jsonl":
            with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=3) as fh:
                for d in rows:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            _write_parquet(tmp, rows)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)  # atomic: a shard is there complete or not at all
        self.written.append(final)
        self.next_no += 1


def _write_parquet(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({
        "id": [d["article"]["id"] for d in rows],
        "content_hash": [d["content_hash"] for d in rows],
        "publication_date": [d["article"].get("publication_date") for d in rows],
        "source_name": [d["article"].get("source_name") for d in rows],
        "n_events": [len(d["events"]) for d in rows],
        "result": [json.dumps(d, ensure_ascii=False) for d in rows],
    })
    pq.write_table(table, path, compression="zstd")
