"""``wirecoder`` command line. Each command is thin: it wires a stage's functions to files."""
from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Iterator

import click

from . import __version__
from .readers import ReadError, read_paths

DEFAULT_DB = "wirecoder.db"


def fail(msg: str, code: int = 1) -> None:
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


def progress(iterable, label: str, total: int | None = None):
    from tqdm import tqdm

    return tqdm(iterable, desc=label, total=total, unit="art", disable=not sys.stderr.isatty(),
                leave=False)


@click.group()
@click.version_option(__version__)
def main() -> None:
    """wirecoder: news archives in, sourced and geocoded conflict events out."""


def _focus_option(f):
    """``--focus KE,SO``: the collection's country focus (see resolve/focus.py)."""
    return click.option("--focus", "focus", metavar="CC[,CC...]", callback=_parse_focus,
                        help="Countries the collection is about (ISO codes, optionally CC:weight): a soft "
                             "prior for articles that do not say where they are.")(f)


def _parse_focus(ctx, param, value):
    if not value:
        return None
    from .resolve.focus import parse_focus

    try:
        return parse_focus(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(), help="Write JSON lines here (default: stdout).")
@click.option("--columns", default=None,
              help="JSONL/CSV column mapping, e.g. text=body,headline=title,date=pubdate.")
def read(paths: tuple[str, ...], output: str | None, columns: str | None) -> None:
    """Parse export files and print Article records as JSON lines (no extraction)."""
    files: set[str] = set()
    n_ok = n_err = 0
    if columns:
        from .readers.tabular import parse_columns

        try:
            parse_columns(columns)
        except ValueError as exc:
            fail(str(exc), 2)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        for rec in read_paths(paths, columns=columns):
            if isinstance(rec, ReadError):
                n_err += 1
                files.add(rec.origin.split("#")[0])
                click.echo(f"skipped {rec}", err=True)
                continue
            n_ok += 1
            files.add((rec.origin or "").split("#")[0])
            out.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if output:
            out.close()
    click.echo(f"{len(files)} files, {n_ok} articles, {n_err} failures", err=True)
    if n_ok == 0 and n_err:
        sys.exit(1)


def _extract_inputs(paths: tuple[str, ...]) -> Iterator[tuple[object, list | None]]:
    from .readers.jsonl_input import read_eval_jsonl
    from .readers import iter_files

    for path in iter_files(paths):
        if path.suffix.lower() == ".jsonl" and _is_eval_jsonl(path):
            yield from read_eval_jsonl(path)
        else:
            for rec in read_paths([path]):
                yield rec, None


def _is_eval_jsonl(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(fh.readline())
        return isinstance(first, dict) and "text" in first
    except Exception:
        return False


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(), help="Write JSON lines here (default: stdout).")
@click.option("--no-text", is_flag=True, help="Leave the analysed text out of each line.")
@click.option("--debug", is_flag=True, hidden=True)
@_focus_option
def extract(paths: tuple[str, ...], output: str | None, no_text: bool, debug: bool,
            focus: dict | None) -> None:
    """Run the pipeline without a database: one JSON line per article."""
    from .export.jsonl import result_json
    from .pipeline import Pipeline, set_debug
    from .resolve.focus import with_prior

    set_debug(debug)
    pipe = Pipeline()
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    spans_by_id: dict[str, list | None] = {}
    n_ok = n_err = 0

    def articles():
        nonlocal n_err
        for rec, spans in _extract_inputs(paths):
            if isinstance(rec, ReadError):
                n_err += 1
                click.echo(f"skipped {rec}", err=True)
                continue
            spans_by_id[rec.origin] = spans
            yield with_prior(rec, focus or {})

    try:
        for res in progress(pipe.process_many(articles()), "extract"):
            spans = spans_by_id.pop(res.article.origin, None)
            resolved = None
            if spans is not None:
                from .resolve.places import resolve_spans

                try:
                    resolved = resolve_spans(res.article.text, spans)
                except Exception as exc:
                    res.errors.append(f"resolve_spans: {exc}")
                    resolved = [None] * len(spans)
            out.write(json.dumps(result_json(res, resolved, spans, with_text=not no_text),
                                 ensure_ascii=False) + "\n")
            n_ok += 1
    finally:
        if output:
            out.close()
    click.echo(f"{n_ok} articles extracted, {n_err} skipped", err=True)
    if n_ok == 0 and n_err:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path())
@click.option("--batch-size", default=64, show_default=True)
@click.option("--workers", "-j", default=1, show_default=True,
              help="Worker processes (a local pool; with --dask local, the cluster size).")
@click.option("--dask", "dask_address", metavar="ADDRESS|local",
              help="Run the analysis on a Dask cluster (scheduler address, or 'local').")
@click.option("--shard-dir", type=click.Path(file_okay=False),
              help="Write sharded results here instead of the database (see `wirecoder load`).")
@click.option("--shard-format", type=click.Choice(["jsonl", "parquet"]), default="jsonl",
              show_default=True)
@click.option("--shard-size", default=5000, show_default=True, help="Articles per shard.")
@click.option("--time-limit", default=60.0, show_default=True,
              help="Seconds per article before its analysis is given up (0: no limit).")
@click.option("--wait", "wait_lock", is_flag=True,
              help="Wait for another ingest on the same database instead of refusing.")
@_focus_option
def ingest(paths: tuple[str, ...], db: str, batch_size: int, workers: int,
           dask_address: str | None, shard_dir: str | None, shard_format: str,
           shard_size: int, time_limit: float, wait_lock: bool, focus: dict | None) -> None:
    """Read, extract and store articles in a SQLite database (idempotent, resumable)."""
    from .ingest import LockBusy, ingest_paths

    try:
        summary = ingest_paths(paths, None if shard_dir else db, batch_size=batch_size,
                               on_error=lambda e: click.echo(f"skipped {e}", err=True),
                               workers=workers, dask=dask_address, shard_dir=shard_dir,
                               shard_format=shard_format, shard_size=shard_size,
                               time_limit=time_limit or None, wait_lock=wait_lock, focus=focus,
                               on_warning=lambda m: click.echo(f"warning: {m}", err=True))
    except (LockBusy, RuntimeError) as exc:  # busy database, dead worker, no scheduler
        fail(str(exc))
    click.echo(summary.line())
    if summary.stored + summary.duplicates == 0 and summary.errors:
        sys.exit(1)


# Commands that live with their stage; imported lazily so `wirecoder read` stays fast.
LAZY_COMMANDS = {
    "export": "wirecoder.export.cli:export",
    "eval": "wirecoder.evaluation.cli:eval_group",
    "gazetteer": "wirecoder.resolve.gazetteer_cli:gazetteer",
    "serve": "wirecoder.web.cli:serve",
    "load": "wirecoder.scale.cli:load",
    "demo": "wirecoder.demo:demo",
}


class _Lazy(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        cmd = super().get_command(ctx, name)
        if cmd is None and name in LAZY_COMMANDS:
            mod, attr = LAZY_COMMANDS[name].split(":")
            try:
                cmd = getattr(importlib.import_module(mod), attr)
            except (ImportError, AttributeError) as exc:
                reason = f"command {name!r} is not available: {exc}"
                cmd = click.Command(name, help=f"(unavailable: {exc})",
                                    callback=lambda: fail(reason))
        return cmd


main.__class__ = _Lazy
