"""A cheap, deterministic stand-in for the NLP pipeline, for testing and benchmarking the
scale machinery (pool, Dask, crash safety) without loading spaCy.

It codes one event per sentence that contains an attack word, with the sentence as evidence
and "N killed" as fatalities. ``WIRECODER_FAKE_DELAY`` (seconds per article) makes it slower,
so a test can kill a run mid-batch; an article containing ``WIRECODER-HANG`` spins in Python
for a minute, to exercise the per-article time limit, and one containing ``WIRECODER-CRASH``
ends its worker process.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import time
from typing import Iterable, Iterator

from ..models import Actor, Article, ArticleResult, Event, Evidence, Mention

SENT_RE = re.compile(r"[^.!?\n]+[.!?]?")
ATTACK_RE = re.compile(r"\b(attack(ed|s)?|clash(ed|es)?|bomb(ing|ed)?|shell(ing|ed))\b", re.I)
KILLED_RE = re.compile(r"\b(\d+)\s+(?:people\s+)?(?:were\s+)?killed\b", re.I)
CAPS_RE = re.compile(r"\b[A-Z][a-z]{3,}\b")
HANG_MARK = "WIRECODER-HANG"
CRASH_MARK = "WIRECODER-CRASH"  # in a worker process only: the worker dies (as if OOM-killed)


class FakePipeline:
    def __init__(self) -> None:
        self.delay = float(os.environ.get("WIRECODER_FAKE_DELAY") or 0)

    def _busy(self, seconds: float) -> None:
        # A Python-level loop (not time.sleep) so it behaves like slow extraction code.
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            pass

    def analyse(self, article: Article) -> ArticleResult:
        article.ensure_id()
        text = article.text
        if CRASH_MARK in text and multiprocessing.parent_process() is not None:
            os._exit(70)
        if HANG_MARK in text:
            self._busy(60)
        if self.delay:
            self._busy(self.delay)
        res = ArticleResult(article=article)
        for m in CAPS_RE.finditer(text):
            res.mentions.append(Mention("actor", m.start(), m.end(), m.group(), label="CAPS"))
        for s in SENT_RE.finditer(text):
            sent = s.group()
            if not ATTACK_RE.search(sent):
                continue
            k = KILLED_RE.search(text, s.start(), s.end() + 200)  # this or the next sentence
            caps = CAPS_RE.findall(sent)
            res.events.append(Event(
                event_type="Violence against civilians", sub_event_type="Attack",
                evidence=[Evidence(article.id, s.start(), s.end(), sent)],
                actor1=Actor(caps[0]) if caps else None,
                fatalities=int(k.group(1)) if k else None, article_id=article.id))
        return res

    def process_many(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        for a in articles:
            yield self.analyse(a)
