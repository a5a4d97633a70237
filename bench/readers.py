"""Readers benchmark and acceptance check on the shared sample exports.

    python bench/readers.py [--repeat N] [SAMPLES_DIR]

For each file under ../shared/samples (read there, never copied): the reader chosen,
articles and failures, how many records have headline / date / source / body, whether any
body still holds header or trailer text, the expected count from the samples README, and
articles/s (best of N runs, one core). Exits 1 when a count differs from the expectation.
Skips cleanly when the samples are absent.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from wirecoder.models import Article
from wirecoder.readers import ReadError, detect, read_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "samples"

# Counts stated in ../shared/samples/README.md (0: the file must give a clear error).
EXPECTED = {
    "neetu_factiva-20220515-1939_full_indexing.txt": 55,
    "neetu_factiva-20220515-1939_full_indexing.rtf": 55,
    "deadlyforce_lnacademic_2015-07-11.TXT": 161,
    "deadlyforce_lnacademic_2015-07-11.HTML": 161,
    "seolub_nexisuni_example1.DOCX": 100,
    "seolub_nexisuni_example2.DOCX": 100,
    "lnt_sample.TXT": 10,
    "lnt_sample.DOCX": 10,
    "lnt_test.DOCX": 0,
    "tmpluginfactiva_factiva_test.html": 2,
    "tmpluginfactiva_factiva_test.xml": 3,
    "tmpluginfactiva_reut21578-factiva.xml": 19,
    "clemm_factiva-example_de_article_format.html": 2,
    "mrthlinh_adtran_0_article.pdf": 1,
    "mrthlinh_adtran_1_article.pdf": 1,
    "mrthlinh_adtran_0_article.pdf.txt": 1,
    "mrthlinh_adtran_1_article.pdf.txt": 1,
    "factiva_article_format_synthetic.txt": 4,
}

# Header/trailer text that must never be left in a body paragraph.
LEAK = re.compile(
    r"^(Document|Dokument)\s+[A-Za-z0-9]{10,}$|^\d+ of \d+ DOCUMENTS$|^End of Document$|"
    r"^(LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|LENGTH|BYLINE|SECTION|HEADLINE|SUBJECT|"
    r"GEOGRAPHIC|Load-Date|Length|Byline|Section):|^Search Summary|^Zusammenfassung der Suche|"
    r"^License this article|^Page\s*\d+\s*of\s*\d+\s*©|^\d[\d,.]*\s+(words|mots|Wörter)$|"
    r"contributed to this article\.?$|^(Date and Time|Job Number|Client/Matter|Search Terms):")


def check(path: Path, repeat: int) -> dict:
    best = float("inf")
    recs: list = []
    for _ in range(repeat):
        t = time.perf_counter()
        recs = list(read_file(path))
        best = min(best, time.perf_counter() - t)
    arts = [r for r in recs if isinstance(r, Article)]
    errs = [r for r in recs if isinstance(r, ReadError)]
    leaks = [(a.origin, p[:60]) for a in arts for p in a.body if LEAK.search(p)]
    try:
        reader = detect(path)
    except Exception as exc:  # noqa: BLE001
        reader = f"({exc})"
    return dict(
        file=path.name, reader=reader, articles=len(arts), errors=len(errs),
        headline=sum(bool(a.headline) for a in arts), date=sum(bool(a.publication_date) for a in arts),
        source=sum(bool(a.source_name) for a in arts), body=sum(bool(a.body) for a in arts),
        leaks=leaks, seconds=best, first_error=str(errs[0]) if errs else "",
        formats=sorted({a.format for a in arts}),
    )


def synthetic(n: int) -> None:
    """Throughput on generated (invented) multi-article files of the text layouts."""
    import tempfile

    para = ("Fighting between two armed groups broke out on Tuesday near the river crossing "
            "outside Exampletown, killing at least 12 people, local officials said. ") * 3
    fac = "".join(
        f"Clashes reported near crossing {i}\n\nBy Jane Example\n{600 + i} words\n19 September 2017\n"
        f"The Example Journal\nEXJA\nA4\nEnglish\nCopyright 2017 Example Publishing.\n\n"
        + (para + "\n\n") * 8 + f"Document EXJA0000201709{i:012d}\n\f" for i in range(n))
    tag = "".join(
        f"HD\nClashes {i}\nWC\n600 words\nPD\n19 September 2017\nSN\nExample\nSC\nEXJA\nLA\nEnglish\n"
        f"LP\n{para}\n\n{para}\nTD\n" + (para + "\n\n") * 6 + f"RE\nlibya : Libya\nAN\nDocument EXJA{i:020d}\n\f"
        for i in range(n))
    ln = "".join(
        f"\n                    {i + 1} of {n} DOCUMENTS\n\n                    Example Courier\n\n"
        f"                    June 3, 2015 Wednesday\n\nLENGTH: 600 words\n\nHEADLINE: Clashes {i}\n\n"
        f"BODY:\n\n" + (para + "\n\n") * 8 + "LOAD-DATE: June 4, 2015\n\nLANGUAGE: ENGLISH\n" for i in range(n))
    with tempfile.TemporaryDirectory() as d:
        print(f"\nsynthetic text layouts ({n} invented articles each, ~600 words):")
        for name, text in (("factiva-article-txt", fac), ("factiva-tagged-txt", tag), ("lexisnexis-txt", ln)):
            p = Path(d) / f"{name}.txt"
            p.write_text(text, encoding="utf-8")
            best = float("inf")
            for _ in range(3):
                t = time.perf_counter()
                k = sum(isinstance(r, Article) for r in read_file(p))
                best = min(best, time.perf_counter() - t)
            print(f"  {name:24} {k:5d} articles  {k / best:10.0f} art/s  "
                  f"({len(text.encode()) / best / 2**20:.1f} MiB/s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("samples", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--synthetic", type=int, default=0, metavar="N",
                    help="also time N generated articles per text layout")
    args = ap.parse_args()
    if args.synthetic:
        synthetic(args.synthetic)
    root = Path(args.samples)
    if not root.is_dir():
        print(f"samples not found at {root}; nothing to check")
        return 0
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name != "README.md")
    bad = 0
    per_format: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    print(f"{'file':48} {'format':22} {'arts':>5} {'exp':>4} {'err':>3} {'hd':>4} {'date':>4} "
          f"{'src':>4} {'body':>4} {'leak':>4} {'art/s':>9}")
    for p in files:
        r = check(p, args.repeat)
        exp = EXPECTED.get(p.name)
        ok = exp is None or r["articles"] == exp
        if exp == 0:
            ok = r["articles"] == 0 and r["errors"] >= 1
        ok = ok and not r["leaks"]
        bad += not ok
        rate = r["articles"] / r["seconds"] if r["seconds"] > 0 else 0.0
        fmt = ",".join(r["formats"]) or r["reader"]
        for f in r["formats"]:
            per_format[f][0] += r["articles"]
            per_format[f][1] += r["seconds"]
        print(f"{p.name[:48]:48} {fmt[:22]:22} {r['articles']:5d} {exp if exp is not None else '-':>4} "
              f"{r['errors']:3d} {r['headline']:4d} {r['date']:4d} {r['source']:4d} {r['body']:4d} "
              f"{len(r['leaks']):4d} {rate:9.0f}{'' if ok else '  <-- MISMATCH'}")
        if r["first_error"] and exp != 0:
            print(f"    first error: {r['first_error'][:150]}")
        if exp == 0:
            print(f"    expected error: {r['first_error'][:150]}")
        for o, t in r["leaks"][:3]:
            print(f"    leak {o}: {t!r}")
    print("\narticles/s per format (best of %d runs, one process):" % args.repeat)
    for f, (n, s) in sorted(per_format.items()):
        print(f"  {f:24} {n:5d} articles  {n / s if s else 0:10.0f} art/s")
    print("\nall counts as expected" if not bad else f"\n{bad} file(s) not as expected")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
