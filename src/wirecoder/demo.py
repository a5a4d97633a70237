"""``wirecoder demo``: code the bundled demo corpus, export it, and open the web app.

The corpus (invented articles in the Factiva article layout) ships inside the package at
``wirecoder/data/demo/`` so the command works from a plain ``pip install``. The export and
web stages are looked up lazily: the demo reports what is missing instead of failing.
"""
from __future__ import annotations

import contextlib
import importlib
import os
import shutil
import socket
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

import click

DEFAULT_OUT = "wirecoder-demo"
DB_NAME = "demo.db"
EXPORTS = {"csv": "events.csv", "geojson": "events.geojson"}
HOST = "127.0.0.1"
DEFAULT_PORT = 8765  # the same as `wirecoder serve`


@contextlib.contextmanager
def corpus_dir() -> Iterator[Path]:
    """The bundled demo corpus as a real folder (``as_file`` extracts it if zipped)."""
    ref = resources.files("wirecoder").joinpath("data", "demo")
    with resources.as_file(ref) as path:
        yield Path(path)


def corpus_files() -> list[str]:
    """Names of the bundled export files (for messages and tests)."""
    ref = resources.files("wirecoder").joinpath("data", "demo")
    return sorted(p.name for p in ref.iterdir() if p.name.endswith(".txt"))


@dataclass
class DemoResult:
    db: Path
    summary_line: str
    stored: int  # articles stored by this run (0 when the database already had them)
    articles: int
    events: int
    exports: dict[str, Path] = field(default_factory=dict)  # format -> written file
    notes: list[str] = field(default_factory=list)  # what could not be done, one line each


def _count(db: Path, table: str) -> int:
    from .store import db as store

    con = store.connect(db, readonly=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def _event_types(db: Path) -> list[tuple[str, int]]:
    from .store import db as store

    con = store.connect(db, readonly=True)
    try:
        return [(r[0], r[1]) for r in con.execute(
            "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY 2 DESC, 1")]
    finally:
        con.close()


def _merged(db: Path) -> tuple[int, int] | None:
    """(merged events, of which reported by several articles), once the merge stage runs."""
    from .store import db as store

    con = store.connect(db, readonly=True)
    try:
        row = con.execute("SELECT count(*), sum(article_count > 1) FROM clusters").fetchone()
    except Exception:  # no merge stage (no clusters table) in this build
        return None
    finally:
        con.close()
    return (row[0], row[1] or 0) if row[0] else None


def export_events(db: Path, fmt: str, target: Path) -> str | None:
    """Write ``target`` with the export stage's own command. Returns a note on failure.

    The ``wirecoder export --format F --db DB -o FILE`` contract is the stable interface
    (issue 2), so it is used rather than the stage's internal functions.
    """
    try:
        mod = importlib.import_module("wirecoder.export.cli")
        cmd = getattr(mod, "export")
    except (ImportError, AttributeError) as exc:
        return f"{fmt} export not available yet ({exc})"
    try:
        cmd.main(["--format", fmt, "--db", str(db), "-o", str(target)],
                 prog_name="wirecoder export", standalone_mode=False)
    except SystemExit as exc:  # click commands may sys.exit(0) when done
        if exc.code not in (0, None):
            return f"{fmt} export failed (exit {exc.code})"
    except Exception as exc:  # one failed export must not hide the other results
        return f"{fmt} export failed: {type(exc).__name__}: {exc}"
    if not target.exists():
        return f"{fmt} export wrote nothing"
    return None


def ingest_demo(out: Path, fresh: bool = False, pipeline=None,
                on_error: Callable[[object], None] | None = None) -> DemoResult:
    """Ingest the bundled corpus into ``out/demo.db`` (idempotent unless ``fresh``)."""
    from .ingest import ingest_paths

    out.mkdir(parents=True, exist_ok=True)
    db = out / DB_NAME
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    with corpus_dir() as corpus:
        summary = ingest_paths([str(corpus)], str(db), pipeline=pipeline, on_error=on_error)
    return DemoResult(db=db, summary_line=summary.line(), stored=summary.stored,
                      articles=_count(db, "articles"), events=_count(db, "events"))


def export_demo(res: DemoResult) -> DemoResult:
    """Write the exports next to the database; what fails becomes a note."""
    for fmt, name in EXPORTS.items():
        target = res.db.parent / name
        note = export_events(res.db, fmt, target)
        if note:
            res.notes.append(note)
        else:
            res.exports[fmt] = target
    return res


def run_demo(out: Path, fresh: bool = False, pipeline=None,
             on_error: Callable[[object], None] | None = None) -> DemoResult:
    """Ingest the bundled corpus into ``out/demo.db`` and export events next to it."""
    return export_demo(ingest_demo(out, fresh, pipeline, on_error))


def free_port(preferred: int) -> int:
    """``preferred`` if nothing listens there, else a free port chosen by the OS."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((HOST, preferred))
            return preferred
        except OSError:
            pass
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def find_server() -> tuple[Callable[[Path, int], None] | None, str | None]:
    """A function that serves ``db`` on HOST:port, or (None, why not).

    Prefers the web stage's ``serve`` command (its options are read from the command, so
    the demo follows it), else its app factory under uvicorn.
    """
    try:
        cmd = getattr(importlib.import_module("wirecoder.web.cli"), "serve")
    except (ImportError, AttributeError) as exc:
        why = f"web app not available yet ({exc})"
    else:
        names = {opt for p in cmd.params for opt in getattr(p, "opts", [])}

        def run_cmd(db: Path, port: int) -> None:
            args = ["--db", str(db)] if "--db" in names else [str(db)]
            if "--host" in names:
                args += ["--host", HOST]
            if "--port" in names:
                args += ["--port", str(port)]
            try:
                cmd.main(args, prog_name="wirecoder serve", standalone_mode=False)
            except SystemExit as exc:  # serve reports its own error, then exits
                if exc.code not in (0, None):
                    raise RuntimeError(f"`wirecoder serve` exited with status {exc.code}")

        return run_cmd, None
    try:
        factory = getattr(importlib.import_module("wirecoder.web.app"), "create_app")
    except (ImportError, AttributeError):
        return None, why

    def run_app(db: Path, port: int) -> None:
        import uvicorn

        uvicorn.run(factory(str(db)), host=HOST, port=port, log_level="warning")

    return run_app, None


@click.command()
@click.option("--out", "out", default=DEFAULT_OUT, show_default=True,
              type=click.Path(file_okay=False), help="Folder for demo.db and the exports.")
@click.option("--no-serve", is_flag=True, help="Do not start the web app afterwards.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535),
              help="Port for the web app (another free port is used if it is taken).")
@click.option("--fresh", is_flag=True, help="Delete an existing demo database first.")
def demo(out: str, no_serve: bool, port: int, fresh: bool) -> None:
    """Code the bundled demo corpus, export the events and open the web app."""
    out_dir = Path(out)
    click.echo(f"wirecoder demo: {len(corpus_files())} bundled export files "
               f"(invented articles) -> {out_dir / DB_NAME}")
    try:
        res = ingest_demo(out_dir, fresh=fresh,
                          on_error=lambda e: click.echo(f"skipped {e}", err=True))
    except Exception as exc:  # e.g. another ingest holds the database: one clear line
        raise click.ClickException(f"demo failed: {type(exc).__name__}: {exc}")
    click.echo(res.summary_line)
    if res.stored == 0 and res.articles:
        click.echo("(the corpus was already in this database; --fresh re-codes it)")
    click.echo(f"database: {res.db}  ({res.articles} articles, {res.events} events; "
               "open it with any SQLite tool)")
    for etype, n in _event_types(res.db):
        click.echo(f"  {n:4d}  {etype}")
    merged = _merged(res.db)
    if merged:
        click.echo(f"merged: {merged[0]} distinct events, {merged[1]} of them reported by "
                   "several articles")
    export_demo(res)  # the export command prints its own line per file
    for note in res.notes:
        click.echo(f"note: {note}")
    files = [res.db.name] + [p.name for p in res.exports.values()]
    click.echo(f"results in {res.db.parent}{os.sep}: {', '.join(files)}")
    if no_serve:
        return
    server, why = find_server()
    if server is None:
        click.echo(f"note: {why}; run with --no-serve to skip this step")
        return
    use = free_port(port)
    click.echo(f"web app: http://{HOST}:{use}/  (Ctrl+C to stop)")
    try:
        server(res.db, use)
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # the results above are written; say why the app did not start
        raise click.ClickException(f"web app failed to start: {type(exc).__name__}: {exc}")


# Tests and scripts that only need the corpus on disk (e.g. copied elsewhere).
def copy_corpus(dest: Path) -> list[Path]:
    dest.mkdir(parents=True, exist_ok=True)
    with corpus_dir() as src:
        return [Path(shutil.copy2(p, dest / p.name)) for p in sorted(src.glob("*.txt"))]
