"""wirecoder's own spaCy components, added after the statistical pipeline.

Components register with spaCy's factory registry (``@Language.factory``) so the pipeline is
configured by name, as in spaCy itself. ``add_components`` is the one place that decides
which are on.
"""
from __future__ import annotations

from spacy.language import Language

from spacy.tokens import Doc

COMPONENTS: list[tuple[str, dict]] = []  # (factory name, config), in pipeline order


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line (headline/paragraph break) always starts a sentence.

    Runs before the parser, which respects preset boundaries; without it a headline with no
    final full stop is glued to the first paragraph and evidence spans run across both.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and "\n\n" in prev.text:
            tok.is_sent_start = True
    return doc


def add_components(nlp: Language) -> None:
    if "paragraph_boundaries" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("paragraph_boundaries", **where)
    for name, cfg in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=cfg)
