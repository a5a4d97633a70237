"""wirecoder's own spaCy components, added after the statistical pipeline.

Components register with spaCy's factory registry (``@Language.factory``) so the pipeline is
configured by name, as in spaCy itself. ``add_components`` is the one place that decides
which are on.
"""
from __future__ import annotations

from spacy.language import Language

COMPONENTS: list[tuple[str, dict]] = []  # (factory name, config), in pipeline order


def add_components(nlp: Language) -> None:
    for name, cfg in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=cfg)
