"""Geoparsing: place mentions in a document, resolved to GeoNames entries.

Interface used by the pipeline (keep it stable):

    geoparse(doc, article) -> list[Mention]          # kind="place", data = Place fields + role
    resolve_spans(text, spans, doc=None) -> list[Place | None]   # gold spans given (eval)
"""
from __future__ import annotations

from typing import Any

from ..models import Article, Mention, Place


def geoparse(doc: Any, article: Article) -> list[Mention]:
    raise NotImplementedError("geoparser not built yet")


def resolve_spans(text: str, spans: list[tuple[int, int]], doc: Any = None) -> list[Place | None]:
    raise NotImplementedError("geoparser not built yet")
