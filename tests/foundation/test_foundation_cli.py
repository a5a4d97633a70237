"""The CLI spine: read, extract (the JSON contract) and ingest, through click's CliRunner.

These tests hold whatever events the coder finds: they check the contract (keys, offsets,
idempotence, error handling), not the content of the events.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder.cli import main

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "foundation"
THREE = FIX / "three_articles.txt"
NOT_EXPORT = FIX / "scan.png"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def lines(out: str) -> list[dict]:
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def test_package_imports_and_shows_help():
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("read", "extract", "ingest", "demo"):
        assert cmd in r.stdout


def test_read_prints_one_json_line_per_article():
    r = run("read", THREE)
    assert r.exit_code == 0
    recs = lines(r.stdout)
    assert [d["document_id"] for d in recs] == [
        "TCOB000020220803ei830001a", "PLWR000020210411eh4b0002z", "NMEL000020200130eg1u0003k"]
    assert recs[1]["byline"] is None and recs[1]["page"] is None
    assert "1 files, 3 articles, 0 failures" in r.stderr


def test_read_reports_a_bad_file_and_goes_on():
    r = run("read", THREE, NOT_EXPORT)
    assert r.exit_code == 0
    assert len(lines(r.stdout)) == 3
    skipped = [l for l in r.stderr.splitlines() if l.startswith("skipped")]
    assert len(skipped) == 1 and "scan.png" in skipped[0]


def test_read_fails_when_nothing_could_be_read():
    r = run("read", NOT_EXPORT)
    assert r.exit_code != 0
    assert r.stdout == ""


def check_offsets(d: dict) -> None:
    text = d["text"]
    n = len(text)
    for p in d["places"]:
        if p.get("role") == "byline":
            # The byline is not part of the analysed text: its places carry no usable
            # offsets, only the name as written there.
            assert p["mention"] in (d["article"]["byline"] or "")
            continue
        assert 0 <= p["start"] < p["end"] <= n
        assert text[p["start"]:p["end"]] == p["mention"]
    for ev in d["events"]:
        assert {"event_type", "sub_event_type", "date", "time_precision", "actor1", "actor2",
                "location", "fatalities", "attribution", "evidence"} <= set(ev)
        assert ev["time_precision"] in (None, "day", "week", "month", "year")
        e = ev["evidence"]
        assert e is not None and 0 <= e["start"] < e["end"] <= n
        assert text[e["start"]:e["end"]] == e["text"]
        for fe in ev.get("field_evidence", []):
            assert 0 <= fe["start"] <= fe["end"] <= n
        for a in ev["attribution"]:
            assert {"source", "kind", "named", "hedged"} <= set(a)


def test_extract_follows_the_documented_contract(tmp_path):
    out = tmp_path / "out.jsonl"
    r = run("extract", THREE, "-o", out)
    assert r.exit_code == 0, r.stderr
    recs = lines(out.read_text(encoding="utf-8"))
    assert len(recs) == 3
    for d in recs:
        assert {"id", "article", "places", "events"} <= set(d)
        assert "resolved_toponyms" not in d  # only when the input gave toponym spans
        for k in ("headline", "byline", "publication_date", "source_name", "source_code",
                  "language", "document_id", "word_count"):
            assert k in d["article"]
        check_offsets(d)
    first = recs[0]
    assert first["id"] == "TCOB000020220803ei830001a"
    assert first["article"]["publication_date"] == "2022-08-03"
    assert first["article"]["page"] == "B3"
    assert first["text"].startswith("Militia fighters clash")


def test_extract_no_text_leaves_the_text_out():
    r = run("extract", "--no-text", THREE)
    assert r.exit_code == 0
    assert all("text" not in d for d in lines(r.stdout))


def test_extract_jsonl_with_toponyms_gives_resolved_toponyms_in_order():
    r = run("extract", FIX / "toponyms.jsonl")
    assert r.exit_code == 0, r.stderr
    recs = {d["id"]: d for d in lines(r.stdout)}
    assert set(recs) == {"t1", "t2", "t3"}
    t1 = recs["t1"]
    assert t1["text"] == "Protesters marched from Kisumu to Nairobi on Tuesday, police said."
    assert t1["article"]["publication_date"] == "2024-06-21"
    rt = t1["resolved_toponyms"]
    assert [(x["start"], x["end"]) for x in rt] == [(24, 30), (34, 41)]
    for x in rt:
        assert {"start", "end", "name", "geonameid", "lat", "lon", "country_code"} <= set(x)
        assert (x["lat"] is None) == (x["lon"] is None)
    assert recs["t2"]["resolved_toponyms"] == []
    assert "resolved_toponyms" not in recs["t3"]
    for d in recs.values():
        check_offsets(d)


def test_extract_skips_a_bad_jsonl_record(tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"id": "ok", "text": "Riots in Kano."}\n{"id": "bad"}\n', encoding="utf-8")
    r = run("extract", src)
    assert r.exit_code == 0
    assert [d["id"] for d in lines(r.stdout)] == ["ok"]
    assert "bad JSONL record" in r.stderr


def db_count(db: Path, table: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_ingest_twice_stores_each_article_once(tmp_path):
    db = tmp_path / "w.db"
    r1 = run("ingest", THREE, "--db", db)
    assert r1.exit_code == 0
    assert "3 articles read, 3 stored, 0 already in the database" in r1.stdout
    r2 = run("ingest", THREE, "--db", db)
    assert r2.exit_code == 0
    assert "3 articles read, 0 stored, 3 already in the database" in r2.stdout
    assert db_count(db, "articles") == 3


def test_ingest_reports_a_bad_file_and_stores_the_rest(tmp_path):
    db = tmp_path / "w.db"
    r = run("ingest", THREE, NOT_EXPORT, FIX / "one_bad_record.txt", "--db", db)
    assert r.exit_code == 0
    assert "4 stored" in r.stdout and "2 skipped" in r.stdout
    skipped = [l for l in r.stderr.splitlines() if l.startswith("skipped")]
    assert len(skipped) == 2
    assert any("scan.png" in l for l in skipped)
    assert db_count(db, "articles") == 4
    con = sqlite3.connect(db)
    errors = con.execute("SELECT origin FROM ingest_log WHERE status = 'error'").fetchall()
    con.close()
    assert len(errors) == 2


def test_ingest_fails_when_nothing_could_be_read(tmp_path):
    r = run("ingest", NOT_EXPORT, "--db", tmp_path / "w.db")
    assert r.exit_code != 0
    assert "0 stored" in r.stdout


def test_console_script_runs_in_a_subprocess(tmp_path):
    # The installed entry point, not just the click object.
    exe = Path(sys.executable).with_name("wirecoder")
    if not exe.exists():
        pytest.skip("wirecoder console script not installed next to this python")
    p = subprocess.run([str(exe), "read", str(THREE)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert len(lines(p.stdout)) == 3


def test_demo_corpus_ingested_twice_with_a_stray_file(tmp_path):
    # Issue 2 acceptance: each article stored once; the stray file reported, the rest stored.
    from wirecoder.demo import copy_corpus

    corpus = tmp_path / "corpus"
    copy_corpus(corpus)
    (corpus / "scan.png").write_bytes((FIX / "scan.png").read_bytes())
    db = tmp_path / "demo.db"
    r1 = run("ingest", corpus, "--db", db)
    assert r1.exit_code == 0
    n = db_count(db, "articles")
    assert n >= 8
    assert f"{n} stored" in r1.stdout and "1 skipped" in r1.stdout
    assert "scan.png" in r1.stderr
    r2 = run("ingest", corpus, "--db", db)
    assert r2.exit_code == 0
    assert f"0 stored, {n} already in the database" in r2.stdout
    assert db_count(db, "articles") == n


SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_587eefea243df453.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed not present")
def test_seed_article_header_and_body():
    # Issue 2 acceptance on the real seed export (read at run time, never copied).
    r = run("read", SEED)
    assert r.exit_code == 0
    (a,) = lines(r.stdout)
    assert a["headline"].startswith("World News:")
    assert a["byline"].startswith("By ") and "Tunis" in a["byline"]
    assert a["word_count"] == 1026
    assert a["publication_date"] == "2017-09-19"
    assert a["source_code"] == "AWSJ"
    assert a["page"] == "A4"
    assert a["language"] == "English"
    assert a["copyright"].startswith("Copyright 2017")
    assert a["document_id"] == "AWSJ000020170918ed9j0001f"
    body = "\n".join(a["body"])
    for junk in ("1,026 words", "AWSJ", "License this article", "Document AWSJ",
                 "contributed to this article"):
        assert junk not in body
