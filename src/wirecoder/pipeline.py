"""The one-way pipeline: Article -> spaCy Doc -> places -> events -> ArticleResult.

``Pipeline.process_many`` is a pure function of its input articles (models loaded once), so
the same code runs in one process, a process pool or a Dask cluster (see ``scale/``).
"""
from __future__ import annotations

import traceback
from typing import Callable, Iterable, Iterator, Mapping

from .events import code_article
from .models import Article, ArticleResult
from .nlp import load_nlp
from .events.location import decided_country
from .resolve.focus import learn_prior, with_prior
from .resolve.places import geoparse

MAX_CHARS = 200_000  # longer texts are cut: one pathological article must not stall a batch


class Pipeline:
    def __init__(self, batch_size: int = 64, n_process: int = 1):
        self.nlp = load_nlp()
        self.batch_size = batch_size

    def _analyse(self, article: Article, doc) -> ArticleResult:
        res = ArticleResult(article=article)
        try:
            res.places = geoparse(doc, article)
        except Exception as exc:  # never drop a document because one stage fails
            res.errors.append(f"places: {type(exc).__name__}: {exc}")
            res.places = []
        try:
            coded = code_article(doc, article, res.places)
            res.mentions, res.events, res.claims = coded.mentions, coded.events, coded.claims
        except Exception as exc:
            res.errors.append(f"events: {type(exc).__name__}: {exc}")
            if _DEBUG:
                traceback.print_exc()
        for ev in res.events:
            ev.article_id = article.id
            for e in ev.evidence:
                e.article_id = e.article_id or article.id
        return res

    def process(self, article: Article) -> ArticleResult:
        return next(self.process_many([article]))

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        def texts():
            for a in articles:
                a.ensure_id()
                yield a.text[:MAX_CHARS], a

        for doc, art in self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size):
            yield self._analyse(art, doc)

    def process_collection(self, articles: Iterable[Article], focus: Mapping[str, float] | str | None = "auto",
                           group: Callable[[Article], str] = lambda a: "") -> list[ArticleResult]:
        """Results for a whole collection, in input order, with its country focus applied
        (see ``resolve/focus.py``): a given prior on every article, or with ``"auto"`` one
        learnt per group (e.g. per source file) from the articles that decide their country on
        their own; those that do not settle the same country with small towns weighed down
        (``decided_country``) are coded again with it."""
        arts = list(articles)
        if focus != "auto":
            return list(self.process_many(with_prior(a, focus or {}) for a in arts))
        results = list(self.process_many(arts))
        actors = [[m for m in r.mentions if m.kind == "actor"] for r in results]
        decided = [decided_country(r.article.text, r.places, a) for r, a in zip(results, actors)]
        settled = [d is not None and decided_country(r.article.text, r.places, a, towns_weak=True) == d
                   for r, a, d in zip(results, actors, decided)]
        members: dict[str, list[int]] = {}
        for i, a in enumerate(arts):
            members.setdefault(group(a), []).append(i)
        redo: list[int] = []
        for idx in members.values():
            prior = learn_prior(decided[i] for i in idx)
            if prior:
                redo += [i for i in idx if not settled[i]]
                for i in idx:
                    if not settled[i]:
                        with_prior(arts[i], prior)
        redo.sort()
        for i, res in zip(redo, self.process_many(arts[i] for i in redo)):
            results[i] = res
        return results


_DEBUG = False


def set_debug(flag: bool) -> None:
    global _DEBUG
    _DEBUG = flag
