"""Shared helpers for the scale tests: run the CLI, dump a database for comparison."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

FAKE = "wirecoder.scale.fake:FakePipeline"


def env(**extra: str) -> dict[str, str]:
    e = dict(os.environ)
    e["WIRECODER_ANALYSER"] = FAKE
    e.update(extra)
    return e


def cli(*args: str) -> list[str]:
    # `python -c` rather than the console script: works from any checkout with the package.
    return [sys.executable, "-c", "from wirecoder.cli import main; main()", *args]


def run_cli(*args: str, extra_env: dict | None = None, timeout: float = 120
            ) -> subprocess.CompletedProcess:
    return subprocess.run(cli(*args), env=env(**(extra_env or {})), capture_output=True,
                          text=True, timeout=timeout)


def dump(db: Path) -> dict:
    """Everything a run wrote, without timestamps or autoincrement ids."""
    con = sqlite3.connect(db)
    try:
        return {
            "articles": con.execute(
                "SELECT id, content_hash, headline, text FROM articles ORDER BY id").fetchall(),
            "events": con.execute(
                "SELECT id, article_id, event_type, fatalities, actor1, record FROM events "
                "ORDER BY id").fetchall(),
            "evidence": con.execute(
                'SELECT event_id, field, start, "end", text FROM evidence '
                "ORDER BY event_id, start").fetchall(),
            "mentions": con.execute(
                'SELECT article_id, kind, start, "end", text, label, data FROM mentions '
                "ORDER BY article_id, kind, start, \"end\"").fetchall(),
        }
    finally:
        con.close()
