"""The broken-input corpus at the reader level: every case ends in articles or one-line errors,
as its expectation says, quickly and without exceptions."""
from __future__ import annotations

import os

import pytest

from wirecoder.models import Article
from wirecoder.readers import ReadError, read_file, read_paths
from wirecoder.testing.badfiles import LAYOUTS, build, generate, write_good

from .conftest import no_hang, one_line, relevant


def records(path):
    with no_hang(20):
        return list(read_file(path))


def test_intact_templates_read_completely(tmp_path):
    # The truncated cases are cut from these: they must be valid exports to begin with.
    good = write_good(tmp_path)
    for layout, path in good.items():
        recs = records(path)
        arts = [r for r in recs if isinstance(r, Article)]
        assert all(isinstance(r, Article) for r in recs), (layout, recs)
        assert len(arts) == (1 if layout == "nexis-docx" else 2), layout
        fmt = {"rtf": "factiva-tagged-rtf"}.get(layout, layout)
        assert all(a.text and a.format == fmt for a in arts), (layout, [a.format for a in arts])


def test_generate_is_deterministic_and_covers_each_layout(tmp_path):
    a = generate(tmp_path / "a", big=False)
    b = generate(tmp_path / "b", big=False)
    assert [p.name for p in a] == [p.name for p in b]
    same = [p.name for p, q in zip(a, b) if p.is_file() and not p.is_symlink()
            and os.access(p, os.R_OK) and p.stat().st_size < 2**24
            and p.read_bytes() == q.read_bytes()]
    assert len(same) > 30
    names = {p.name for p in a}
    for layout, (suffix, _, _) in LAYOUTS.items():
        assert f"truncated_{layout}{suffix}" in names
    # The huge file is sparse: it claims more than the size limit but uses almost no disk.
    huge = next(p for p in a if p.name == "huge.txt")
    from wirecoder.readers import MAX_FILE_BYTES
    assert huge.stat().st_size > MAX_FILE_BYTES and huge.stat().st_blocks * 512 < 2**20


def test_every_case_meets_its_expectation(bad_corpus):
    failures = []
    for b in relevant(bad_corpus):
        recs = records(b.path)
        arts = [r for r in recs if isinstance(r, Article)]
        errs = [r for r in recs if isinstance(r, ReadError)]
        if not recs:
            failures.append(f"{b.case}: nothing at all (silently dropped)")
        if b.expect == "error" and (arts or not errs):
            failures.append(f"{b.case}: expected only errors, got {len(arts)} articles")
        if b.expect == "article" and not arts:
            failures.append(f"{b.case}: expected articles, got {[str(e) for e in errs]}")
        for e in errs:
            line = str(e)
            if not (one_line(line) and line.isprintable()):
                failures.append(f"{b.case}: error is not one printable line: {line!r}")
            line.encode("utf-8")  # storable and printable on a UTF-8 terminal
            if not e.reason.strip():
                failures.append(f"{b.case}: error without a reason")
        for a in arts:
            a.text.encode("utf-8")
            a.content_hash  # noqa: B018 - must not raise
    assert not failures, "\n".join(failures)


def test_errors_name_the_file(bad_corpus):
    for b in relevant(bad_corpus):
        for r in records(b.path):
            if isinstance(r, ReadError):
                stem = b.path.name.split("\n")[0].encode("utf-8", "surrogateescape")[:8]
                assert stem.decode("utf-8", "ignore")[:6] in r.origin, (b.case, r.origin)


def test_folder_walk_reports_links_and_pipes(tmp_path):
    cases = build(tmp_path / "bad", big=False)
    with no_hang(60):
        recs = list(read_paths([tmp_path / "bad"]))
    origins = " ".join(r.origin for r in recs if isinstance(r, ReadError))
    for b in cases:
        if b.case in ("symlink loop", "dangling symlink", "named pipe (reading would block)"):
            assert b.path.name in origins, b.case


def test_refusals_are_reasoned(bad_corpus):
    by_case = {b.case: b for b in bad_corpus}
    reason = lambda case: " ".join(r.reason for r in records(by_case[case].path))  # noqa: E731
    assert "limit" in reason("beyond the size limit (sparse)")
    assert "zip bomb" in reason("zip bomb (24 MiB, ratio ~1000)")
    assert "too large" in reason("zip bomb (300 MiB inflated)")
    assert "empty" in reason("empty file")
    assert "link" in reason("symlink loop") and "link" in reason("dangling symlink")
    assert "regular file" in reason("named pipe (reading would block)")
    assert "binary" in reason("random binary named .txt")


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_truncated_export_keeps_the_complete_record(bad_corpus, layout):
    # Cut inside record 2: record 1 is whole and must survive; record 2 is kept or reported.
    b = next(b for b in bad_corpus if b.case == f"truncated {layout}")
    recs = records(b.path)
    arts = [r for r in recs if isinstance(r, Article)]
    assert arts and len(recs) >= 2, [str(r) for r in recs]
    first_marker = {"jsonl": "Blast", "csv": "Riot"}.get(layout)
    assert arts[0].text.strip()
    if first_marker:
        assert first_marker in arts[0].headline
