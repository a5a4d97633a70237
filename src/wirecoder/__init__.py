"""wirecoder: news archives in, sourced, geocoded, reviewable conflict events out.

Pipeline (one way): readers -> nlp -> extract -> resolve -> events -> store -> merge ->
export / web.  ``scale`` runs the same per-article work in a pool or on Dask.
"""
__version__ = "0.1.0"
