"""Which analyser turns articles into ``ArticleResult``s, loaded once per process.

An analyser is any object with ``process_many(articles) -> Iterator[ArticleResult]`` yielding
results in input order. It is named by a ``"module:callable"`` spec so a worker process (pool
or Dask) can build its own copy; ``WIRECODER_ANALYSER`` overrides the default, which is how
tests and benchmarks swap in the cheap ``wirecoder.scale.fake:FakePipeline``.
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache

DEFAULT_SPEC = "wirecoder.pipeline:Pipeline"
ENV_VAR = "WIRECODER_ANALYSER"


def analyser_spec(spec: str | None = None) -> str:
    return spec or os.environ.get(ENV_VAR) or DEFAULT_SPEC


@lru_cache(maxsize=4)
def load_analyser(spec: str):
    """Build the analyser named by ``spec`` once per process (the model load is the cost)."""
    mod, _, attr = spec.partition(":")
    if not mod or not attr:
        raise ValueError(f"analyser spec must be 'module:callable', got {spec!r}")
    return getattr(importlib.import_module(mod), attr)()
