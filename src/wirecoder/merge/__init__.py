"""Merge stage: reports of the same occurrence across articles become one event.

Runs over the store after ingest: ``merge_new(con)`` after each batch (cheap, incremental),
``merge_all(con)`` to recompute, ``split_event`` / ``unsplit_event`` for analysts. Pairwise
rules live in ``compat``, the order-independent clustering in ``cluster``, the conflict rule
and provenance in ``resolve``.
"""
from .cluster import cluster_reports
from .compat import decide
from .db import (MergeStats, get_cluster, load_reports, mark_dirty, merge_all, merge_new,
                 split_event, unsplit_event)
from .records import Report, event_from_dict
from .resolve import merge_reports

__all__ = ["MergeStats", "Report", "cluster_reports", "decide", "event_from_dict",
           "get_cluster", "load_reports", "mark_dirty", "merge_all", "merge_new",
           "merge_reports", "split_event", "unsplit_event"]
