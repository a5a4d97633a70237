"""The evaluation JSONL input of ``wirecoder extract``: {"id", "text", "publication_date"?,
"toponyms"?: [{"start", "end"}]} per line. The text is analysed as it stands, so offsets
into it are offsets into ``Article.text``."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..models import Article
from .base import ReadError, Record


def read_eval_jsonl(path: Path) -> Iterator[tuple[Record, list[tuple[int, int]] | None]]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if not line.strip():
                continue
            origin = f"{path}#{n}"
            try:
                rec = json.loads(line)
                text = rec["text"]
                art = Article(headline="", body=[text], publication_date=rec.get("publication_date"),
                              id=str(rec.get("id") or rec.get("doc_id") or ""),
                              format="jsonl", origin=origin)
                art.ensure_id()
                spans = None
                if rec.get("toponyms") is not None:
                    spans = [(int(t["start"]), int(t["end"])) for t in rec["toponyms"]]
                yield art, spans
            except Exception as exc:
                yield ReadError(origin, f"bad JSONL record: {type(exc).__name__}: {exc}"), None
