"""Coverage-guided fuzzing of every reader with atheris (libFuzzer), for a bounded time.

    python bench/fuzz_readers.py [--seconds 60] [--reader NAME] [--strict] [--corpus DIR]

One libFuzzer run covers all readers: the first input byte picks the reader (or content
detection), the rest is the file. Seeds are the invented exports of
``wirecoder.testing.badfiles`` (intact and broken). A finding is a hang (over ``--timeout``
seconds on one input), memory over ``--rss-mb``, a record that breaks the reader contract
(anything but Article/ReadError, a multi-line reason, text that cannot be stored as UTF-8),
or with ``--strict`` a reader failing with a Python bug type (IndexError, KeyError, ...)
that ``read_file`` would have turned into an error line. The run prints executions, coverage
and findings, leaves crash inputs in ``--artifacts`` and exits 1 on a finding. Needs atheris
(in the ``test`` extra); prints a note and exits 0 without it.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUG_TYPES = ("IndexError", "KeyError", "TypeError", "AttributeError", "UnboundLocalError",
             "ZeroDivisionError", "NameError", "AssertionError", "StopIteration")
SUFFIX = {"nexis-docx": ".docx", "pdf": ".pdf", "rtf": ".rtf", "factiva-xml": ".xml",
          "jsonl": ".jsonl", "csv": ".csv"}


UNINSTRUMENTED = ["wirecoder.readers.tabular"]


class ContractBroken(Exception):
    pass


def child(args) -> None:
    import atheris

    # atheris 2.3's bytecode rewriting segfaults CPython 3.11 on some generator/try code
    # (read_csv's loop, for one): such modules run uninstrumented (fuzzed, not coverage-guided).
    with atheris.instrument_imports(include=["wirecoder"], exclude=UNINSTRUMENTED):
        from wirecoder.models import Article
        from wirecoder.readers import READERS, ReadError, read_file
    names = sorted(READERS) if not args.reader else [args.reader]
    tmp = Path(tempfile.mkdtemp(dir="/dev/shm" if os.path.isdir("/dev/shm") else None))

    def one_input(data: bytes) -> None:
        if len(data) < 2:
            return
        pick = data[0]
        name = None if pick == 255 and not args.reader else names[pick % len(names)]
        suffix = SUFFIX.get(name or "", ".html" if name and "html" in name else ".txt")
        path = tmp / f"in{suffix}"
        path.write_bytes(data[1:])
        for rec in read_file(path, reader=name):
            if isinstance(rec, ReadError):
                if not rec.reason or "\n" in rec.reason or "\n" in str(rec.origin):
                    raise ContractBroken(f"{name}: multi-line or empty error {rec!r}")
                if args.strict and rec.reason.split(":", 1)[0] in BUG_TYPES:
                    raise ContractBroken(f"{name}: reader bug: {rec.reason}")
            elif isinstance(rec, Article):
                rec.text.encode("utf-8")
                rec.content_hash  # noqa: B018 - hashing must work
            else:
                raise ContractBroken(f"{name}: yielded {type(rec).__name__}")

    atheris.Setup([sys.argv[0], *args.libfuzzer], one_input)
    atheris.Fuzz()


def seeds(directory: Path, reader: str | None) -> None:
    """Seed inputs: reader byte + each invented file (intact and broken, small ones only)."""
    from wirecoder.readers import READERS, detect
    from wirecoder.testing.badfiles import build, write_good

    names = sorted(READERS) if not reader else [reader]
    src = tempfile.mkdtemp()
    files = list(write_good(Path(src) / "good").values())
    files += [b.path for b in build(Path(src) / "bad", big=False)
              if b.path.is_file() and not b.path.is_symlink() and b.path.stat().st_size < 64_000]
    directory.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        try:
            data = f.read_bytes()
            name = detect(f)
        except Exception:
            continue
        idx = names.index(name) if name in names else 0
        (directory / f"seed{i:03d}").write_bytes(bytes([idx]) + data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=int, default=60, help="total fuzzing time")
    ap.add_argument("--reader", help="fuzz one reader only")
    ap.add_argument("--strict", action="store_true", help="Python bug types in errors are findings")
    ap.add_argument("--corpus", type=Path, help="libFuzzer corpus folder (kept between runs)")
    ap.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()) / "wirecoder-fuzz")
    ap.add_argument("--timeout", type=int, default=10, help="seconds for one input")
    ap.add_argument("--rss-mb", type=int, default=2048)
    ap.add_argument("--max-len", type=int, default=64_000)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("libfuzzer", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return 0
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed (pip install -e '.[test]'); nothing fuzzed")
        return 0
    corpus = args.corpus or Path(tempfile.mkdtemp()) / "corpus"
    seeds(corpus, args.reader)
    args.artifacts.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, "--child", *(["--reader", args.reader] if args.reader else []),
           *(["--strict"] if args.strict else []), "--",
           f"-max_total_time={args.seconds}", f"-timeout={args.timeout}",
           f"-rss_limit_mb={args.rss_mb}", f"-max_len={args.max_len}", "-print_final_stats=1",
           f"-artifact_prefix={args.artifacts}/", str(corpus)]
    t0 = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace",
                              timeout=args.seconds + 120)
        log, rc = proc.stdout + proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        log, rc = str(exc.stderr or ""), -1
    wall = time.monotonic() - t0
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
    crashes = sorted(p.name for p in args.artifacts.glob("*-*") if p.is_file())
    print(f"readers fuzzed: {args.reader or 'all'}  wall {wall:.0f}s  executions "
          f"{runs[-1] if runs else '?'}  coverage (edges, features) "
          f"{cov[-1] if cov else '?'}  corpus {sum(1 for _ in corpus.iterdir())} inputs")
    if rc != 0:
        tail = [ln for ln in log.splitlines() if "Error" in ln or "==" in ln or "Broken" in ln]
        print("FINDING (exit code %s):" % rc)
        print("\n".join(tail[-15:]) or log[-3000:])
        print("artifacts:", ", ".join(crashes[-5:]) or "none", "in", args.artifacts)
        return 1
    print("no crash, hang or contract break")
    return 0


if __name__ == "__main__":
    sys.exit(main())
