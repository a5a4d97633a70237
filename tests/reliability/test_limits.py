"""Size limits: refusals happen before reading (memory stays flat), and the pipeline cuts a
pathologically long article."""
from __future__ import annotations

import json
import subprocess
import sys

from wirecoder.models import Article

PROBE = r"""
import json, resource, sys
from wirecoder.readers import read_file
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
out = {}
list(read_file(sys.argv[1]))  # warm up imports and parsers on a small file first
base = peak()
for p in sys.argv[2:]:
    recs = list(read_file(p))
    out[p] = {"mb": peak() - base, "reasons": [getattr(r, "reason", "") for r in recs]}
print(json.dumps(out))
"""


def test_refused_files_cost_no_memory(bad_corpus):
    by_case = {b.case: b.path for b in bad_corpus}
    small = by_case["truncated factiva-html"]
    heavy = [by_case[c] for c in ("zip bomb (300 MiB inflated)", "zip bomb (24 MiB, ratio ~1000)",
                                  "beyond the size limit (sparse)")]
    res = subprocess.run([sys.executable, "-c", PROBE, str(small), *map(str, heavy)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout)
    for p in map(str, heavy):
        # The bomb inflates to 300 MiB and the sparse file claims 257 MiB: neither is read.
        assert out[p]["mb"] < 20, (p, out[p])
        assert out[p]["reasons"] and all(out[p]["reasons"]), out[p]


def test_megabyte_line_and_deep_html_stay_bounded(bad_corpus):
    by_case = {b.case: b.path for b in bad_corpus}
    small = by_case["truncated factiva-html"]
    heavy = [by_case[c] for c in ("2 MB single line", "2 MB single line of HTML", "100k nested divs",
                                  "deeply nested RTF")]
    res = subprocess.run([sys.executable, "-c", PROBE, str(small), *map(str, heavy)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout)
    # A 2 MB input may cost a few copies of itself, not hundreds of MB.
    assert max(v["mb"] for v in out.values()) < 150, out


def test_pipeline_cuts_long_article(monkeypatch):
    import wirecoder.pipeline as pl

    class CountingNlp:
        def __init__(self):
            self.lengths = []

        def pipe(self, items, as_tuples, batch_size):
            for text, art in items:
                self.lengths.append(len(text))
                yield text, art

    p = pl.Pipeline.__new__(pl.Pipeline)
    p.nlp, p.batch_size = CountingNlp(), 8
    monkeypatch.setattr(p, "_analyse", lambda art, doc: doc)
    long = Article(headline="Long", body=["word " * (pl.MAX_CHARS // 2)])
    short = Article(headline="Short", body=["A short text."])
    out = list(p.process_many([long, short]))
    assert p.nlp.lengths == [pl.MAX_CHARS, len(short.text)]
    assert out[0] == long.text[:pl.MAX_CHARS]
