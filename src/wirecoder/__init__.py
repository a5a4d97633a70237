"""wirecoder: news archives in, sourced, geocoded, reviewable conflict events out.

Pipeline (one way): readers -> nlp -> extract -> resolve -> events -> store -> merge ->
export / web.  ``scale`` runs the same per-article work in a pool or on Dask.
"""
__version__ = "0.1.0"


def __getattr__(name):
    # Python API, imported lazily so `import wirecoder` (and the CLI) stay fast.
    if name in ("extract", "open", "Database"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'wirecoder' has no attribute {name!r}")
