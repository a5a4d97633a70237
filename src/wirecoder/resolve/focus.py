"""A collection's country focus: a soft prior for articles that do not say where they are.

An archive is rarely random: a Factiva search for "Kenya AND violence", a project's feed of
Sahel reports. A short report in it ("Residents of Karaini lynch a man") names a village the
gazetteer may not hold, or nothing at all, and "Mathare" alone reads as Mathura, India. A
human coder knows which country the collection is about; the prior tells the pipeline the
same, either given by the user (``--focus KE``) or learnt from the collection itself: the
countries its articles decide on their own evidence (``events.location.decided_country``).

The prior is a mapping ISO2 -> share. It is carried on the article (``metadata["focus_prior"]``,
so it travels to pool and Dask workers and is stored with the article as provenance) and adds
``PRIOR_WEIGHT * share`` to the country votes of the geoparser and of the event coder: less
than one place named by its primary name (3), more than a group's home country (0.8). Only a
dominant country (half the collection or more) counts where the article gives no evidence of
its own (see ``prior_votes``).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

from ..models import Article

PRIOR_WEIGHT = 2.5
MIN_SHARE = 0.05  # countries below this share of the collection add nothing
DOMINANT = 0.5  # a share from which the prior may name the country on its own
METADATA_KEY = "focus_prior"


def parse_focus(spec: str) -> dict[str, float]:
    """ "KE" -> {"KE": 1.0}; "KE,SO" or "KE:0.8,SO:0.2" -> shares (normalised)."""
    out: dict[str, float] = {}
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        cc, _, w = part.partition(":")
        cc = cc.strip().upper()
        if len(cc) != 2 or not cc.isalpha():
            raise ValueError(f"not an ISO 3166 alpha-2 country code: {cc!r}")
        try:
            out[cc] = float(w) if w else 1.0
        except ValueError:
            raise ValueError(f"not a weight: {w!r}") from None
    return normalise(out)


def normalise(weights: Mapping[str, float]) -> dict[str, float]:
    tot = sum(v for v in weights.values() if v > 0)
    if tot <= 0:
        return {}
    shares = {k: v / tot for k, v in weights.items() if v > 0}
    return {k: round(v, 4) for k, v in sorted(shares.items()) if v >= MIN_SHARE}


def prior_of(article: Article) -> dict[str, float]:
    p = (article.metadata or {}).get(METADATA_KEY)
    return dict(p) if isinstance(p, Mapping) else {}


def with_prior(article: Article, prior: Mapping[str, float]) -> Article:
    """The article with the prior set (an explicit one on the article is kept)."""
    if prior and METADATA_KEY not in (article.metadata or {}):
        article.metadata = {**(article.metadata or {}), METADATA_KEY: dict(prior)}
    return article


def prior_votes(article: Article, evidence: Mapping[str, float] | None = None) -> Counter:
    """Votes from the prior: a country the collection is mostly about (``DOMINANT`` share)
    always; a minor one only where the article itself points to it (``evidence``). In a mixed
    collection a report naming no known place must not land in its most frequent country."""
    return Counter({cc: PRIOR_WEIGHT * s for cc, s in prior_of(article).items()
                    if s >= DOMINANT or (evidence is not None and evidence.get(cc, 0) > 0)})


MIN_DECIDED = 5  # fewer articles that decide their country teach nothing about the collection


def learn_prior(decided: Iterable[str | None]) -> dict[str, float]:
    """Shares of the countries a collection's articles decided on their own."""
    counts = Counter(cc for cc in decided if cc)
    return normalise(counts) if sum(counts.values()) >= MIN_DECIDED else {}
