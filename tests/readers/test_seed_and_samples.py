"""The seed article parses exactly as the hand coding records it; the shared samples (read
in place, when present) give the counts their README states."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.models import Article
from wirecoder.readers import read_file

from .conftest import SHARED

SEED = SHARED / "seed" / "000_587eefea243df453.txt"
GOLD = SHARED / "seed" / "gold.json"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed not available")
def test_seed_article_matches_gold_header():
    [a] = list(read_file(SEED))
    gold = json.loads(GOLD.read_text())["article"]
    for k in ("headline", "byline", "word_count", "publication_date", "source_name", "source_code",
              "page", "language", "copyright", "document_id"):
        assert getattr(a, k) == gold[k], k
    assert a.metadata["contributors"] == gold["contributors"]
    assert not any("License this article" in p or "contributed to" in p or p == "---" for p in a.body)
    assert a.body[0].startswith("Islamic State has formed")


@pytest.mark.skipif(not (SHARED / "samples").exists(), reason="shared samples not available")
def test_samples_counts_via_bench():
    root = Path(__file__).resolve().parents[2]
    res = subprocess.run([sys.executable, str(root / "bench" / "readers.py"), "--repeat", "1"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "all counts as expected" in res.stdout
