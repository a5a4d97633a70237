import random
from pathlib import Path

import pytest

from wirecoder.merge import goldset, merge_new
from wirecoder.store import db as store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "merge" / "corpus.json"


@pytest.fixture(scope="session")
def gold_items():
    return goldset.load_gold(CORPUS)


@pytest.fixture
def make_db(tmp_path):
    """make_db(items, order_seed=None, batch=None, merge_each=False, name="m.db") -> connection
    to a store holding the coded corpus, ingested in a given order and batch size."""
    cons = []

    def make(items, order_seed=None, batch=None, merge_each=False, name="m.db"):
        items = list(items)
        if order_seed is not None:
            random.Random(order_seed).shuffle(items)
        con = store.connect(tmp_path / name)
        cons.append(con)
        step = batch or len(items)
        for i in range(0, len(items), step):
            store.write_batch(con, goldset.coded_results(items[i:i + step]))
            if merge_each:
                merge_new(con)
        return con

    yield make
    for c in cons:
        c.close()


@pytest.fixture
def partition():
    def part(con):
        """{cluster id: frozenset(article ids)} of the stored events."""
        out = {}
        for cid, aid in con.execute("SELECT cluster_id, article_id FROM events"):
            out.setdefault(cid, set()).add(aid)
        return {k: frozenset(v) for k, v in out.items()}
    return part
