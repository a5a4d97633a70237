"""``wirecoder serve``: the local web app on 127.0.0.1."""
from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--db", default="wirecoder.db", show_default=True, type=click.Path())
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Anything but loopback needs --allow-remote.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a non-loopback --host (the API has no user accounts).")
def serve(db: str, port: int, host: str, allow_remote: bool) -> None:
    """Serve the map, timeline, article reader and review API for a database."""
    import uvicorn

    from .app import create_app

    if not Path(db).is_file():
        click.echo(f"error: no database at {db} (run `wirecoder ingest ... --db {db}` first)",
                   err=True)
        sys.exit(1)
    if not _is_loopback(host) and not allow_remote:
        click.echo(f"error: refusing to bind {host}: only loopback by default "
                   "(pass --allow-remote to override)", err=True)
        sys.exit(2)
    hosts = ("127.0.0.1", "localhost", "::1") + (() if _is_loopback(host) else (host,))
    app = create_app(db, allowed_hosts=("*",) if allow_remote and host in ("0.0.0.0", "::")
                     else hosts)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"wirecoder: serving {db} at http://{shown}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning",
                limit_concurrency=200, timeout_keep_alive=5)
