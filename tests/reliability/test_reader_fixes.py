"""Crashes and silent losses the broken corpus found in the readers, each pinned by a test."""
from __future__ import annotations

import json
import os
import sqlite3

from wirecoder.models import Article
from wirecoder.readers import ReadError, read_file, read_paths
from wirecoder.readers.rtf import rtf_text
from wirecoder.readers.text import is_binary
from wirecoder.testing.badfiles import LAYOUTS
from wirecoder.store import db as store


def recs(p):
    return list(read_file(p))


def test_undecodable_file_name_gives_storable_one_line_origin(tmp_path):
    # Was: UnicodeEncodeError from SQLite on the surrogate-escaped name, killing the ingest.
    raw = os.fsencode(tmp_path) + b"/caf\xe9\nname.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Army shells Inventa\n\nThe army shelled Inventa on Monday.\n")
    (r,) = recs(os.fsdecode(raw))
    assert isinstance(r, Article)
    assert r.origin.endswith("caf\\xe9\\nname.txt#0") and r.origin.isprintable()
    con = store.connect(str(tmp_path / "s.db"))
    with con:
        store.log(con, r.origin, "stored", None)


def test_lone_surrogates_in_json_text_are_replaced_keeping_length(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Before \ud800 after", "headline": "H\udfff"},
                            ensure_ascii=True) + "\n" + json.dumps({"id": "b", "text": "Fine."}) + "\n")
    arts = [r for r in recs(p) if isinstance(r, Article)]
    assert len(arts) == 2  # the bad record no longer takes the next one with it
    assert arts[0].text.encode("utf-8") and "Before \ufffd after" in arts[0].text
    assert arts[0].headline == "H\ufffd"


def test_stray_nul_does_not_make_a_text_file_binary(tmp_path):
    text = "Headline here\n\n" + "A long paragraph of ordinary words. " * 50
    assert not is_binary(text.replace(".", ".\x00", 1).encode())
    assert is_binary(text.replace(" ", "\x00", 40).encode())  # NUL-riddled: still binary
    p = tmp_path / "nul.txt"
    p.write_bytes(text.replace(".", ".\x00", 1).encode())
    (a,) = recs(p)
    assert isinstance(a, Article) and "\x00" not in a.text


def test_rtf_out_of_range_unicode_escape():
    # Was: "ValueError: chr() arg not in range(0x110000)" for the whole file.
    out = rtf_text(rb"{\rtf1 a \u99999999? b \u-99999? c \u233? d}")
    assert out.split() == ["a", "\ufffd", "b", "\ufffd", "c", "\u00e9", "d"]


def test_factiva_article_truncated_last_record_is_kept(tmp_path):
    # Was: the record after the last "Document" line was silently dropped.
    suffix, text, marker = LAYOUTS["factiva-article-txt"]
    p = tmp_path / f"cut{suffix}"
    p.write_text(text[: text.index(marker) + 30])
    arts = [r for r in recs(p) if isinstance(r, Article)]
    assert [a.headline for a in arts] == ["Militia attacks checkpoint near Inventa Bay",
                                         "Protesters march in Sample City"]
    assert arts[1].document_id is None and arts[1].body[0].startswith("Thousands of protesters")


def test_search_summary_after_last_record_is_not_an_article(tmp_path):
    _, text, _ = LAYOUTS["factiva-article-txt"]
    p = tmp_path / "summary.txt"
    p.write_text(text + "\nSearch Summary\nText\tclashes\nDate\tAll Dates\nResults Found\t2\n")
    assert len([r for r in recs(p) if isinstance(r, Article)]) == 2


def test_links_and_pipes_are_reported_not_skipped_or_blocking(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    os.symlink(d / "nowhere.txt", d / "dangling.txt")
    os.symlink(d / "l2.txt", d / "l1.txt")
    os.symlink(d / "l1.txt", d / "l2.txt")
    os.mkfifo(d / "pipe.txt")
    errs = [r for r in read_paths([d]) if isinstance(r, ReadError)]
    reasons = {os.path.basename(e.origin): e.reason for e in errs}
    assert reasons == {"dangling.txt": "broken or looping symbolic link",
                       "l1.txt": "broken or looping symbolic link",
                       "l2.txt": "broken or looping symbolic link",
                       "pipe.txt": "not a regular file"}
