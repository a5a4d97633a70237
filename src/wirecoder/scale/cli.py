"""``wirecoder load``: shards written by ``ingest --shard-dir`` into SQLite or PostgreSQL."""
from __future__ import annotations

import sys

import click


@click.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", type=click.Path(), help="SQLite database file (default: wirecoder.db).")
@click.option("--url", help="PostgreSQL URL (postgresql://...); needs the psycopg package.")
@click.option("--batch-size", default=500, show_default=True)
@click.option("--wait", "wait_lock", is_flag=True,
              help="Wait for another writer to finish instead of refusing.")
def load(shards: tuple[str, ...], db: str | None, url: str | None, batch_size: int,
         wait_lock: bool) -> None:
    """Load result shards (files or folders of part-*.jsonl.gz / part-*.parquet); idempotent."""
    from .lock import LockBusy

    if db and url:
        click.echo("error: give --db or --url, not both", err=True)
        sys.exit(2)
    warn = lambda msg: click.echo(f"warning: {msg}", err=True)
    try:
        if url:
            from .postgres import load_postgres

            summary = load_postgres(shards, url, batch_size=batch_size)
        else:
            from .load import load_sqlite

            summary = load_sqlite(shards, db or "wirecoder.db", batch_size=batch_size,
                                  wait_lock=wait_lock, on_warning=warn)
    except (LockBusy, RuntimeError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for e in summary.errors:
        click.echo(f"skipped {e}", err=True)
    click.echo(summary.line())
    if summary.errors and summary.stored + summary.duplicates == 0:
        sys.exit(1)
