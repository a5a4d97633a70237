"""Local web app: REST API (FastAPI) and the map/timeline page built from ``frontend/``."""
from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):  # lazy: keep `import wirecoder.web` cheap
    from .app import create_app as _create

    return _create(*args, **kwargs)
