from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Article, Claim, Event, Mention


@dataclass
class CodedArticle:
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def code_article(doc: Any, article: Article, places: list[Mention]) -> CodedArticle:
    raise NotImplementedError("event coder not built yet")
