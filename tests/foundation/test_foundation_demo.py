"""``wirecoder demo`` on the bundled corpus (without starting a real server)."""
from __future__ import annotations

import shutil
import socket
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirecoder import demo as demo_mod
from wirecoder.cli import main


def run(*args: str):
    return CliRunner().invoke(main, ["demo", *map(str, args)], catch_exceptions=False)


def n_articles(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def test_corpus_ships_inside_the_package():
    files = demo_mod.corpus_files()
    assert len(files) >= 2
    with demo_mod.corpus_dir() as d:
        assert all((d / f).is_file() for f in files)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One real demo run, shared: coding the corpus is the slow part."""
    out = tmp_path_factory.mktemp("demo") / "demo-out"
    return out, run("--out", out, "--no-serve")


@pytest.fixture
def prebuilt(built, tmp_path):
    """A folder holding a copy of the built demo database (re-runs then skip the NLP)."""
    src, _ = built
    for f in src.glob("demo.db*"):
        shutil.copy2(f, tmp_path / f.name)
    return tmp_path


def test_demo_ingests_and_exports(built):
    out, r = built
    assert r.exit_code == 0, r.output
    db = out / "demo.db"
    assert db.is_file()
    n = n_articles(db)
    assert 8 <= n <= 12
    assert f"{n} articles read, {n} stored" in r.stdout
    assert str(db) in r.stdout
    # Each export is either written (and announced) or its absence is explained.
    results = [l for l in r.stdout.splitlines() if l.startswith(f"results in {out}")]
    assert len(results) == 1 and "demo.db" in results[0]
    for fmt, name in demo_mod.EXPORTS.items():
        written = (out / name).is_file()
        assert written == (name in results[0])
        assert written or f"note: {fmt} export" in r.stdout
    assert "web app" not in r.stdout  # --no-serve


def test_demo_twice_stores_nothing_new(built, prebuilt):
    n = n_articles(prebuilt / "demo.db")
    r = run("--out", prebuilt, "--no-serve")
    assert r.exit_code == 0
    assert f"0 stored, {n} already in the database" in r.stdout
    assert "--fresh re-codes it" in r.stdout
    assert n_articles(prebuilt / "demo.db") == n


@pytest.mark.slow
def test_demo_fresh_rebuilds_the_database(prebuilt):
    con = sqlite3.connect(prebuilt / "demo.db")
    with con:
        con.execute("INSERT INTO reviews (event_id, action) VALUES ('x', 'accept')")
    con.close()
    r = run("--out", prebuilt, "--no-serve", "--fresh")
    assert r.exit_code == 0
    n = n_articles(prebuilt / "demo.db")
    assert f"{n} articles read, {n} stored" in r.stdout
    con = sqlite3.connect(prebuilt / "demo.db")
    assert con.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    con.close()


def test_demo_serves_the_database_on_localhost(prebuilt, monkeypatch):
    tmp_path = prebuilt
    calls = []
    monkeypatch.setattr(demo_mod, "find_server", lambda: (lambda db, port: calls.append((db, port)), None))
    monkeypatch.setattr(demo_mod, "free_port", lambda p: p)
    r = run("--out", tmp_path, "--port", "8123")
    assert r.exit_code == 0, r.output
    assert "web app: http://127.0.0.1:8123/" in r.stdout
    assert calls == [(tmp_path / "demo.db", 8123)]


def test_demo_explains_a_missing_web_app(prebuilt, monkeypatch):
    tmp_path = prebuilt
    monkeypatch.setattr(demo_mod, "find_server", lambda: (None, "web app not available yet (x)"))
    r = run("--out", tmp_path)
    assert r.exit_code == 0
    assert "note: web app not available yet (x)" in r.stdout


def test_demo_reports_a_server_that_fails_to_start(prebuilt, monkeypatch):
    tmp_path = prebuilt
    def boom(db, port):
        raise OSError("address in use")

    monkeypatch.setattr(demo_mod, "find_server", lambda: (boom, None))
    r = CliRunner().invoke(main, ["demo", "--out", str(tmp_path)])
    assert r.exit_code == 1
    assert "web app failed to start: OSError: address in use" in r.stderr
    assert (tmp_path / "demo.db").is_file()  # the results are kept


def test_free_port_avoids_a_taken_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        got = demo_mod.free_port(taken)
        assert got != taken and 0 < got < 65536


def _coder_exists() -> bool:
    from wirecoder.events import code_article
    from wirecoder.models import Article
    from wirecoder.nlp import load_nlp

    art = Article(headline="Rebels attack village", body=["Rebels attacked a village on Monday."],
                  publication_date="2024-01-10")
    try:
        code_article(load_nlp()(art.text), art.ensure_id(), [])
    except NotImplementedError:
        return False
    return True


@pytest.mark.slow
def test_demo_corpus_yields_events_once_the_coder_exists(built):
    if not _coder_exists():
        pytest.skip("events.coder is not built yet (raises NotImplementedError)")
    out, r = built
    con = sqlite3.connect(out / "demo.db")
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 1
    types = {r[0] for r in con.execute("SELECT event_type FROM events")}
    con.close()
    assert types <= {"Battles", "Violence against civilians", "Explosions/Remote violence",
                     "Protests", "Riots", "Strategic developments"}


def test_find_server_drives_the_web_stage_serve_command(tmp_path, monkeypatch):
    # A stand-in for wirecoder.web.cli with the documented options; the demo must pass
    # the database, loopback host and port through them.
    import sys
    import types

    import click

    seen = {}

    @click.command()
    @click.option("--db")
    @click.option("--port", type=int)
    @click.option("--host")
    def serve(db, port, host):
        seen.update(db=db, port=port, host=host)

    fake = types.ModuleType("wirecoder.web.cli")
    fake.serve = serve
    monkeypatch.setitem(sys.modules, "wirecoder.web.cli", fake)
    server, why = demo_mod.find_server()
    assert why is None
    server(tmp_path / "x.db", 8555)
    assert seen == {"db": str(tmp_path / "x.db"), "port": 8555, "host": "127.0.0.1"}


def test_find_server_turns_a_failed_serve_into_an_error(monkeypatch):
    import sys
    import types

    import click

    @click.command()
    @click.option("--db")
    def serve(db):
        sys.exit(1)

    fake = types.ModuleType("wirecoder.web.cli")
    fake.serve = serve
    monkeypatch.setitem(sys.modules, "wirecoder.web.cli", fake)
    server, _ = demo_mod.find_server()
    with pytest.raises(RuntimeError, match="exited with status 1"):
        server(Path("x.db"), 1)
