"""NLP stage: the spaCy pipeline (model shipped as a PyPI package) plus our components."""
from .pipeline import load_nlp
from .cache import sentences, text_of

__all__ = ["load_nlp", "sentences", "text_of"]
