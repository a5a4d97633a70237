"""NLP stage: the spaCy pipeline (model shipped as a PyPI package) plus our components."""
from .pipeline import load_nlp

__all__ = ["load_nlp"]
