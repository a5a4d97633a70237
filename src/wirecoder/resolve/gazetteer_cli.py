"""``wirecoder gazetteer build|import|lookup``."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click


@click.group("gazetteer")
def gazetteer() -> None:
    """The offline GeoNames gazetteer used to resolve places."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(), default=None,
              help="Where to write it (default: $WIRECODER_GAZETTEER or the user cache).")
def build_cmd(path: str | None) -> None:
    """(Re)build the gazetteer from the packages installed with wirecoder."""
    from .gazetteer import build, reset

    t = time.perf_counter()
    p = build(path)
    reset()
    click.echo(f"built {p} in {time.perf_counter() - t:.1f}s")


@gazetteer.command("import")
@click.argument("file", type=click.Path())
@click.option("--path", type=click.Path(), default=None, help="Gazetteer file to add to.")
def import_cmd(file: str, path: str | None) -> None:
    """Add a GeoNames dump (allCountries.txt, LY.txt) or an alternateNames file."""
    from .gazetteer import import_geonames

    if not Path(file).is_file():
        click.echo(f"error: no such file: {file}", err=True)
        sys.exit(2)
    summ = import_geonames(file, path)
    click.echo(summ.line())
    if summ.places + summ.names == 0 and summ.skipped:
        sys.exit(1)


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--country", "countries", multiple=True, help="ISO2 code(s) of the context.")
@click.option("-n", "limit", default=10, show_default=True)
@click.option("--path", type=click.Path(), default=None)
def lookup_cmd(name: str, countries: tuple[str, ...], limit: int, path: str | None) -> None:
    """Show the candidates for a name, and the one chosen for the given countries."""
    from .gazetteer import get_gazetteer
    from .places import resolve_name

    gaz = get_gazetteer(path)
    cands = gaz.lookup(name)
    if not cands:
        click.echo(f"no match for {name!r}")
        sys.exit(1)
    for c in cands[:limit]:
        e = c.entry
        click.echo(f"{e.id:>10}  {e.name:<30} {e.cc or '--'}  {e.fcode:<5} {e.admin1[:24]:<24} "
                   f"pop={e.population:<9} {e.lat:8.3f} {e.lon:9.3f}  match={c.tier}")
    best = resolve_name(name, countries)
    if best:
        click.echo(f"chosen: {best.name} ({best.country_code}, {best.feature_code}, "
                   f"{best.geo_precision}) confidence={best.confidence}")
