"""FastAPI app: the REST API under /api and the built page (frontend/ -> static/dist)."""
from __future__ import annotations

import html
import json
import mimetypes
import secrets
import sqlite3
import threading
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from . import exporting, queries
from .dbpool import Database
from .filters import FilterError, Filters, make_filters
from .review import ReviewError, apply_review
from .security import TOKEN_HEADER, SecurityMiddleware

STATIC_DIR = Path(__file__).parent / "static" / "dist"
MAP_MAX_FEATURES = 20_000

FALLBACK_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>wirecoder</title></head><body><h1>wirecoder</h1>
<p>The page has not been built. Run <code>make frontend</code> (npm ci &amp;&amp; npm run build in
frontend/). The API is available: <a href="/docs">/docs</a>.</p></body></html>"""


def filters_dep(
    event_type: Annotated[list[str] | None, Query(description="ACLED event type (repeatable)")] = None,
    sub_event_type: Annotated[list[str] | None, Query()] = None,
    actor: Annotated[list[str] | None, Query(description="actor1 or actor2 (exact)")] = None,
    country: Annotated[list[str] | None, Query(description="ISO 3166-1 alpha-2")] = None,
    admin1: Annotated[list[str] | None, Query()] = None,
    source: Annotated[list[str] | None, Query(description="source (publication) name")] = None,
    review_status: Annotated[list[str] | None, Query(description="auto|accepted|edited|rejected")] = None,
    date_from: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    fatalities_min: Annotated[int | None, Query(ge=0)] = None,
    bbox: Annotated[str | None, Query(description="minLon,minLat,maxLon,maxLat")] = None,
    cluster_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Filters:
    try:
        return make_filters(event_type, sub_event_type, actor, country, admin1, source,
                            review_status, date_from, date_to, fatalities_min, bbox, cluster_id)
    except FilterError as exc:
        raise HTTPException(422, str(exc)) from None


FiltersDep = Annotated[Filters, Depends(filters_dep)]


class FastJSON(JSONResponse):
    """Plain ``json.dumps`` of already-JSON-ready data: skips FastAPI's per-value encoder,
    which dominated the time of large answers."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"),
                          default=str).encode("utf-8")


def _chunked(it, size: int = 64 * 1024):
    # Each yielded chunk crosses a thread boundary: send ~64 KB at a time, not one feature.
    buf: list[str] = []
    n = 0
    for part in it:
        buf.append(part)
        n += len(part)
        if n >= size:
            yield "".join(buf)
            buf, n = [], 0
    if buf:
        yield "".join(buf)


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "edit", "reject", "reset"]
    changes: dict[str, Any] = Field(default_factory=dict)
    reviewer: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=2000)


def create_app(db_path: str | Path, token: str | None = None,
               allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1"),
               static_dir: Path | None = None, prewarm: bool = True) -> FastAPI:
    db = Database(db_path)
    token = token or secrets.token_urlsafe(32)
    static = (static_dir or STATIC_DIR).resolve()
    app = FastAPI(title="wirecoder", version="0.1", default_response_class=FastJSON,
                  description="Sourced, geocoded conflict events from news archives: query, "
                              "read the evidence, review, export. State-changing requests "
                              f"need the `{TOKEN_HEADER}` header (the page's meta tag).")
    app.state.db = db
    app.state.token = token

    def con() -> sqlite3.Connection:
        return db.conn()

    def stream_con() -> sqlite3.Connection:
        # Streams are iterated across worker threads: give each its own connection.
        return db._open()

    def _closing(it, c: sqlite3.Connection):
        try:
            yield from _chunked(it)
        finally:
            c.close()

    @app.exception_handler(sqlite3.OperationalError)
    async def _db_busy(request: Request, exc: sqlite3.OperationalError):
        return JSONResponse({"detail": f"database busy or unavailable: {exc}"}, status_code=503)

    # ---------------------------------------------------------------- events
    @app.get("/api/events", summary="Events matching the filters, newest first")
    def events(f: FiltersDep,
               limit: Annotated[int | None, Query(ge=1, le=MAP_MAX_FEATURES,
                                                  description="page size (json: max 1000, "
                                                              "default 100; geojson: default "
                                                              "and max 20000)")] = None,
               offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
               cursor: Annotated[str | None, Query(max_length=1000)] = None,
               format: Annotated[Literal["json", "geojson"], Query()] = "json"):
        if format == "geojson":
            # Bounded by the cap (a few MB at most): answered in one piece from this thread's
            # warm connection, cheaper than a stream with its own fresh connection.
            cap = limit or MAP_MAX_FEATURES
            return Response("".join(exporting.iter_map_geojson(con(), f, cap)),
                            media_type="application/geo+json")
        if limit is not None and limit > 1000:
            raise HTTPException(422, "limit must be at most 1000 for JSON pages")
        try:
            return FastJSON(queries.list_events(con(), f, limit or 100, offset, cursor))
        except FilterError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/api/events/{event_id}", summary="One event: all fields, evidence, sources, reviews")
    def event(event_id: str):
        ev = queries.get_event(con(), event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        return FastJSON(ev)

    @app.post("/api/events/{event_id}/review", summary="Accept, edit, reject or reset an event")
    def review(event_id: str, body: ReviewIn):
        try:
            out = apply_review(con(), event_id, body.action, body.changes, body.reviewer, body.note)
        except KeyError:
            raise HTTPException(404, "no such event") from None
        except ReviewError as exc:
            raise HTTPException(422, str(exc)) from None
        finally:
            db.note_write()
        return out

    @app.post("/api/events/{event_id}/split", summary="Split a report out of its merged event")
    def split(event_id: str):
        try:
            from ..merge import split_event  # type: ignore[attr-defined]
        except ImportError:
            raise HTTPException(501, "merging is not available in this install") from None
        c = con()
        if c.execute("SELECT 1 FROM events WHERE id = ?", (event_id,)).fetchone() is None:
            raise HTTPException(404, "no such event")
        try:
            new_cluster = split_event(c, event_id)  # records its own 'split' review row
        except ValueError as exc:
            raise HTTPException(409, str(exc)) from None
        finally:
            db.note_write()
        return {"event_id": event_id, "cluster_id": new_cluster}

    # --------------------------------------------------------------- articles
    @app.get("/api/articles/{article_id}", summary="Article text with mentions and event spans")
    def article(article_id: str):
        art = queries.get_article(con(), article_id)
        if art is None:
            raise HTTPException(404, "no such article")
        return FastJSON(art)

    @app.get("/api/search", summary="Full-text search over articles (FTS5)")
    def search(q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20,
               offset: Annotated[int, Query(ge=0, le=10_000)] = 0):
        return FastJSON(queries.search(con(), q, limit, offset))

    # ------------------------------------------------------------- aggregates
    @app.get("/api/actors", summary="Actors with event counts (prefix search with q)")
    def actors(f: FiltersDep, q: Annotated[str | None, Query(max_length=200)] = None,
               limit: Annotated[int, Query(ge=1, le=500)] = 50):
        return FastJSON(db.cached(("actors", q, f.key(), limit),
                                  lambda: {"actors": queries.actors(con(), q, f, limit)}))

    @app.get("/api/stats", summary="Counts by type, review status, and a timeline histogram")
    def stats(f: FiltersDep,
              interval: Annotated[Literal["auto", "day", "week", "month", "year"], Query()] = "auto"):
        def compute():
            iv = queries.auto_interval(con(), f) if interval == "auto" else interval
            return queries.stats(con(), f, iv)
        return FastJSON(db.cached(("stats", f.key(), interval), compute))

    @app.get("/api/network", summary="Actor network: actor1 -> actor2 edges weighted by events")
    def network(f: FiltersDep, limit: Annotated[int, Query(ge=1, le=1000)] = 150):
        return FastJSON(db.cached(("network", f.key(), limit),
                                  lambda: queries.network(con(), f, limit)))

    @app.get("/api/facets", summary="Values for the filter pickers")
    def facets():
        return FastJSON(db.cached(("facets",), lambda: queries.facets(con())))

    @app.get("/api/taxonomy", summary="ACLED event types and sub-event types")
    def taxonomy():
        from .taxonomy import ACLED_TYPES
        return {t: list(s) for t, s in ACLED_TYPES.items()}

    # ----------------------------------------------------------------- export
    @app.get("/api/export.csv", summary="ACLED-style CSV of the filtered events")
    def export_csv(f: FiltersDep):
        c = stream_con()
        ext = exporting.stage_exporter("csv", f)
        it = exporting.iter_stage_export(ext, c, f) if ext else exporting.iter_csv(c, f)
        return StreamingResponse(_closing(it, c), media_type="text/csv; charset=utf-8",
                                 headers={"content-disposition":
                                          'attachment; filename="wirecoder-events.csv"',
                                          "x-wirecoder-exporter": "export-stage" if ext else "web"})

    @app.get("/api/export.geojson", summary="GeoJSON (RFC 7946) of the filtered events")
    def export_geojson(f: FiltersDep):
        c = stream_con()
        ext = exporting.stage_exporter("geojson", f)
        it = (exporting.iter_stage_export(ext, c, f) if ext
              else exporting.iter_geojson(c, exporting.export_filters(f)))
        return StreamingResponse(_closing(it, c), media_type="application/geo+json",
                                 headers={"content-disposition":
                                          'attachment; filename="wirecoder-events.geojson"',
                                          "x-wirecoder-exporter": "export-stage" if ext else "web"})

    @app.get("/api/health", include_in_schema=False)
    def health():
        return {"ok": True, "events": con().execute("SELECT max(rowid) FROM events").fetchone()[0]}

    # ------------------------------------------------------------------ page
    def index_html() -> str:
        page = static / "index.html"
        text = page.read_text(encoding="utf-8") if page.is_file() else FALLBACK_PAGE
        meta = f'<meta name="wirecoder-token" content="{html.escape(token, quote=True)}">'
        return text.replace("<head>", "<head>\n" + meta, 1)

    @app.get("/", include_in_schema=False)
    def root():
        return HTMLResponse(index_html(), headers={"cache-control": "no-store"})

    @app.get("/{path:path}", include_in_schema=False)
    def static_file(path: str):
        if path.startswith("api/"):
            raise HTTPException(404, "not found")
        target = (static / path).resolve()
        # No path traversal: the file must sit inside the built dist folder.
        if not target.is_relative_to(static) or not target.is_file():
            raise HTTPException(404, "not found")
        media = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        cache = "public, max-age=31536000, immutable" if "/assets/" in "/" + path else "no-cache"
        return FileResponse(target, media_type=media, headers={"cache-control": cache})

    app.add_middleware(SecurityMiddleware, token=token, allowed_hosts=allowed_hosts)
    if prewarm:
        # The page's first view asks for unfiltered aggregates, the slowest answers on a big
        # database: compute them in the background so they are cached when it comes.
        def _warm():
            try:
                empty = Filters()
                db.cached(("facets",), lambda: queries.facets(con()))
                db.cached(("stats", empty.key(), "auto"),
                          lambda: queries.stats(con(), empty, queries.auto_interval(con(), empty)))
                db.cached(("actors", None, empty.key(), 200),
                          lambda: {"actors": queries.actors(con(), None, empty, 200)})
                db.cached(("network", empty.key(), 150), lambda: queries.network(con(), empty, 150))
            except sqlite3.Error:
                pass  # a busy or odd database: requests will compute on demand

        threading.Thread(target=_warm, name="wirecoder-prewarm", daemon=True).start()
    return app
