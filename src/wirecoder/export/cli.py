"""``wirecoder export``: merged events from a database as ACLED CSV, GeoJSON, Parquet or PLOVER."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from .filters import FilterError, ExportFilters


@click.command()
@click.option("--format", "fmt", type=click.Choice(["csv", "geojson", "parquet", "plover"]),
              default="csv", show_default=True)
@click.option("--db", default="wirecoder.db", show_default=True, type=click.Path())
@click.option("-o", "--output", type=click.Path(), help="Output file (default: stdout; "
              "required for parquet).")
@click.option("--type", "event_type", multiple=True, help="ACLED event type (repeatable).")
@click.option("--sub-type", "sub_event_type", multiple=True, help="ACLED sub-event type.")
@click.option("--country", multiple=True, help="ISO2, ISO3 or country name (repeatable).")
@click.option("--date-from", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--date-to", help="YYYY, YYYY-MM or YYYY-MM-DD (inclusive).")
@click.option("--actor", multiple=True, help="Actor (canonical name) as actor1 or actor2.")
@click.option("--review-status", multiple=True,
              type=click.Choice(["auto", "accepted", "edited", "rejected"]))
@click.option("--include-rejected", is_flag=True, help="Keep events a reviewer rejected.")
@click.option("--reports", is_flag=True, help="One row per article report, not per merged event.")
@click.option("--no-merge", is_flag=True, help="Do not merge new reports before exporting.")
def export(fmt, db, output, event_type, sub_event_type, country, date_from, date_to, actor,
           review_status, include_rejected, reports, no_merge) -> None:
    """Export events (merged across articles, with their sources)."""
    from ..store import db as store
    from .writers import export_to

    if not Path(db).exists():
        click.echo(f"error: no database at {db}", err=True)
        sys.exit(1)
    try:
        filters = ExportFilters.make(
            event_type=event_type, sub_event_type=sub_event_type, country=country,
            date_from=date_from, date_to=date_to, actor=actor, review_status=review_status,
            include_rejected=include_rejected, merged=not reports)
    except FilterError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if fmt == "parquet" and not output:
        click.echo("error: parquet needs an output file (-o FILE)", err=True)
        sys.exit(2)
    try:
        con = store.connect(db)
        if not no_merge:
            from ..merge import merge_new

            merge_new(con)
    except sqlite3.OperationalError:  # read-only file or medium: export what is there
        con = store.connect(db, readonly=True)
    try:
        n = export_to(con, fmt, output, filters)
    except (OSError, sqlite3.DatabaseError, ValueError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    finally:
        con.close()
    click.echo(f"{n} events exported ({fmt})" + (f" to {output}" if output else ""), err=True)
