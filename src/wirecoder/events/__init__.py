"""Events stage: detect and type events, fill their arguments, keep their evidence.

Interface used by the pipeline (keep it stable):

    code_article(doc, article, places) -> CodedArticle(mentions, events, claims)

``places`` are the place mentions from ``resolve.places.geoparse``. Events come back ordered
by salience, the first being the article's primary event.
"""
from .coder import CodedArticle, code_article

__all__ = ["CodedArticle", "code_article"]
