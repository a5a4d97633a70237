"""Per-Doc values computed once. Several stages walk a Doc's sentences and slice its text, and
spaCy builds both anew on every access (``doc.text`` joins every token; ``doc.sents`` makes a
Span per sentence), which cost more than the rules that use them."""
from __future__ import annotations

from typing import Any

_SENTS, _TEXT = "wirecoder_sents", "wirecoder_text"


def sentences(doc: Any) -> list[Any]:
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        cached = doc.user_data[_SENTS] = list(doc.sents)
    return cached


def text_of(doc: Any) -> str:
    """The text of a Doc (cached), or of a Span (as is)."""
    data = getattr(doc, "user_data", None)
    if data is None:
        return doc.text
    cached = data.get(_TEXT)
    if cached is None:
        cached = data[_TEXT] = doc.text
    return cached
