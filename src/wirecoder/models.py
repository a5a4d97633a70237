"""Records that cross stage boundaries.

Every stage of the pipeline (readers -> nlp -> extract -> resolve -> events -> store ->
export/serve) speaks in these dataclasses. They are plain data: no behaviour beyond
small derived properties and ``to_dict`` for JSON output.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news item as read from an export file, before any NLP."""

    headline: str = ""
    body: list[str] = field(default_factory=list)  # paragraphs, header/trailer removed
    byline: str | None = None
    publication_date: str | None = None  # ISO YYYY-MM-DD
    publication_time: str | None = None  # HH:MM where the export gives it
    source_name: str | None = None
    source_code: str | None = None
    language: str | None = None
    section: str | None = None
    page: str | None = None
    copyright: str | None = None
    document_id: str | None = None  # Factiva AN / LexisNexis doc number, when present
    word_count: int | None = None
    dateline: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # layout-specific extras (codes, etc.)
    format: str | None = None  # reader that produced it, e.g. "factiva-article-txt"
    origin: str | None = None  # "path#index" the record came from
    id: str = ""  # stable id; filled by ``ensure_id``

    @property
    def text(self) -> str:
        """The analysed text: headline, blank line, paragraphs separated by blank lines.

        All character offsets in mentions, events and evidence point into this string.
        """
        parts = [self.headline.strip()] if self.headline and self.headline.strip() else []
        parts.extend(p for p in self.body if p.strip())
        return "\n\n".join(parts)

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update((self.headline or "").encode())
        h.update(b"\x00")
        h.update("\n".join(self.body).encode())
        h.update(b"\x00")
        h.update((self.publication_date or "").encode())
        return h.hexdigest()

    def ensure_id(self) -> "Article":
        """Give the article a stable id: the export's document id, else a content hash."""
        if not self.id:
            self.id = self.document_id or ("sha-" + self.content_hash[:20])
        return self

    def to_dict(self, with_body: bool = True) -> dict[str, Any]:
        d = asdict(self)
        if not with_body:
            d.pop("body")
        return d


@dataclass
class Evidence:
    """Where a field came from: article, character span and its sentence."""

    article_id: str
    start: int
    end: int
    text: str  # the sentence (or span) as it stands in the article
    field: str = "event"  # which event field this supports: event, actor1, location, date, ...


@dataclass
class Mention:
    """A span of the analysed text recognised by a stage (place, actor, date, number, ...)."""

    kind: str  # place | actor | date | quantity | attribution | trigger | demonym
    start: int
    end: int
    text: str
    label: str | None = None  # spaCy label or finer type
    role: str | None = None  # e.g. for places: event | byline | dateline | mention | demonym
    data: dict[str, Any] = field(default_factory=dict)  # resolved value (geonameid, ISO date, ...)


@dataclass
class Place:
    """A resolved location (GeoNames based)."""

    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None  # admin1 name
    admin2: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int | None = None
    geo_precision: str | None = None  # point | town | district | region | country
    confidence: float | None = None
    mention: str | None = None  # as written in the text


@dataclass
class Actor:
    name: str  # as written
    canonical: str | None = None
    type: str | None = None  # ACLED actor type, e.g. "State forces"
    inter: int | None = None  # ACLED inter code 1..8
    country: str | None = None  # ISO2 where known


@dataclass
class Attribution:
    source: str  # as written, e.g. "an intelligence officer from Misrata"
    kind: str = "media"  # official | report | defector | witness | media | group claim
    named: bool = False
    hedged: bool = False
    start: int | None = None
    end: int | None = None


@dataclass
class Quantity:
    value: int
    unit: str
    text: str
    start: int
    end: int
    low: int | None = None
    high: int | None = None
    approximate: bool = False


@dataclass
class Event:
    event_type: str
    sub_event_type: str
    evidence: list[Evidence]  # first item: the primary evidence sentence
    plover_type: str | None = None
    date: str | None = None  # ISO, truncated to precision: 2017, 2017-05, 2017-05-14
    date_end: str | None = None
    time_precision: str | None = None  # day | week | month | year
    actor1: Actor | None = None
    assoc_actor_1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_2: Actor | None = None
    location: Place | None = None
    fatalities: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    attribution: list[Attribution] = field(default_factory=list)
    confidence: float = 0.5
    salience: float = 0.0
    article_id: str = ""
    review_status: str = "auto"  # auto | accepted | edited | rejected
    sources: list[str] = field(default_factory=list)  # article ids reporting it (after merging)
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Claim:
    """A statement that is not an event (strength estimates, intentions)."""

    kind: str  # strength | intent | other
    text: str
    start: int
    end: int
    actor: Actor | None = None
    value: int | None = None
    attribution: list[Attribution] = field(default_factory=list)


@dataclass
class ArticleResult:
    """Everything the pipeline found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    places: list[Mention] = field(default_factory=list)  # kind=place, data has the Place fields
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
