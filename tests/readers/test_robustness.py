"""Broken input: every failure is a one-line ReadError, never an exception or a hang.
Hypothesis fuzzing is bounded (few examples per reader, whole module well under a minute)."""
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from wirecoder.models import Article
from wirecoder.readers import READERS, ReadError, read_file

from .conftest import READER_FIXTURES, SHARED

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
TEXT_FIXTURES = ["factiva_article_multi.txt", "factiva_pdf_text.txt", "factiva_tagged.txt",
                 "factiva_tagged.rtf", "factiva_article.html", "factiva_table.html", "factiva.xml",
                 "lexisnexis_academic.txt", "lexisnexis_academic.html", "web_page.html",
                 "plain_article.txt", "articles.jsonl", "articles.csv"]


def only_records(path, reader=None):
    recs = list(read_file(Path(path), reader))
    for r in recs:
        assert isinstance(r, (Article, ReadError))
        if isinstance(r, ReadError):
            assert r.reason and "\n" not in r.reason
    return recs


def errors(path, reader=None):
    return [r for r in only_records(path, reader) if isinstance(r, ReadError)]


def test_empty_missing_binary(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert errors(tmp_path / "e.txt")[0].reason == "empty file"
    assert errors(tmp_path / "missing.txt")[0].reason == "no such file"
    (tmp_path / "b.dat").write_bytes(bytes(range(256)) * 10)
    assert "binary" in errors(tmp_path / "b.dat")[0].reason


def test_size_limit(tmp_path, monkeypatch):
    import wirecoder.readers as readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    assert "limit" in errors(p)[0].reason


@pytest.mark.parametrize("name", TEXT_FIXTURES)
def test_truncated_fixture_never_raises(tmp_path, name):
    raw = (READER_FIXTURES / name).read_bytes()
    for cut in (len(raw) // 3, len(raw) // 2, len(raw) - 7):
        p = tmp_path / f"cut_{cut}{Path(name).suffix}"
        p.write_bytes(raw[:cut])
        only_records(p)


def test_wrong_and_mixed_encodings(tmp_path):
    src = (READER_FIXTURES / "factiva_article_multi.txt").read_text(encoding="utf-8")
    p = tmp_path / "cp1252.txt"
    p.write_bytes(src.encode("cp1252", "replace"))
    arts = [r for r in only_records(p) if isinstance(r, Article)]
    assert len(arts) == 3 and arts[1].publication_date == "2020-02-02"  # "février" decoded
    assert "Inventée" in arts[1].source_name
    # UTF-8 file with one cp1252 paragraph pasted in
    mixed = src.encode("utf-8").replace(b"selon la police", "selon la préfecture".encode("cp1252"))
    q = tmp_path / "mixed.txt"
    q.write_bytes(mixed)
    arts = [r for r in only_records(q) if isinstance(r, Article)]
    assert "préfecture" in arts[1].body[0]
    u16 = tmp_path / "utf16.txt"
    u16.write_bytes(src.encode("utf-16"))
    assert len([r for r in only_records(u16) if isinstance(r, Article)]) == 3


def test_megabyte_line_and_deep_html(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text("Headline\n\n" + "x" * 3_000_000 + "\n")
    only_records(p)
    q = tmp_path / "deep.html"
    q.write_text("<html><body>" + "<div>" * 50000 + "text" + "</div>" * 50000 + "</body></html>")
    only_records(q)
    r = tmp_path / "deep_factiva.html"
    r.write_text('<html><body><div class="article enArticle">' + "<p><b>" * 20000
                 + "articleParagraph" + "</b></p>" * 20000 + "</div></body></html>")
    only_records(r)


def test_malformed_docx_and_zip_bomb(tmp_path, monkeypatch):
    p = tmp_path / "bad.docx"
    p.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert errors(p)
    q = tmp_path / "noword.docx"
    with zipfile.ZipFile(q, "w") as z:
        z.writestr("word/other.xml", "<x/>")
    assert "document.xml" in errors(q)[0].reason
    import wirecoder.readers.nexis_docx as nd

    monkeypatch.setattr(nd, "MAX_XML_BYTES", 100_000)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * 5_000_000 + b"</w:document>")
    assert "too large" in errors(bomb)[0].reason or "zip bomb" in errors(bomb)[0].reason
    bad_xml = tmp_path / "badxml.docx"
    with zipfile.ZipFile(bad_xml, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    assert errors(bad_xml)


def test_malformed_rtf_pdf_xml(tmp_path):
    for name, data in [("a.rtf", b"{\\rtf1 {{{{ \\'zz \\u99999999 unbalanced"),
                       ("b.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nbroken"),
                       ("c.xml", b"<?xml version='1.0'?><PPSResponse><ppsarticle><article><headline>x"),
                       ("d.xml", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                                 b"<PPSResponse><ppsarticle><article><headline><paragraph>&e;</paragraph>"
                                 b"</headline></article></ppsarticle></PPSResponse>")]:
        p = tmp_path / name
        p.write_bytes(data)
        recs = only_records(p)
        for r in recs:  # an XXE entity is never expanded
            assert not (isinstance(r, Article) and "root:" in r.text)


@FUZZ
@given(data=st.binary(min_size=1, max_size=3000), reader=st.sampled_from(sorted(READERS)))
def test_fuzz_random_bytes_each_reader(tmp_path_factory, data, reader):
    p = tmp_path_factory.mktemp("fz") / "f.bin"
    p.write_bytes(data)
    only_records(p, reader)


@FUZZ
@given(name=st.sampled_from(TEXT_FIXTURES), cuts=st.lists(st.integers(0, 10_000), min_size=1, max_size=4),
       junk=st.binary(max_size=60))
def test_fuzz_mutated_fixtures(tmp_path_factory, name, cuts, junk):
    raw = bytearray((READER_FIXTURES / name).read_bytes())
    for c in cuts:  # splice junk into real layouts: parsers meet plausible-but-broken input
        i = c % (len(raw) + 1)
        raw[i:i + len(junk) // 2] = junk
    p = tmp_path_factory.mktemp("fm") / name
    p.write_bytes(bytes(raw))
    only_records(p)


@FUZZ
@given(text=st.text(max_size=2000))
def test_fuzz_text_in_factiva_and_lexisnexis_frames(tmp_path_factory, text):
    d = tmp_path_factory.mktemp("ft")
    (d / "a.txt").write_text(f"{text}\n12 words\n1 May 2020\nSrc\nSRC\nEnglish\n(c)\n\n{text}\n\nDocument ABCDEFGHIJKL\n")
    (d / "b.txt").write_text(f"   1 of 1 DOCUMENTS\n\n   Src\n\n   May 1, 2020\n\nLENGTH: 3 words\n\n{text}\n\nLOAD-DATE: x\n")
    (d / "c.txt").write_text(f"HD\n{text}\nWC\n5 words\nPD\n1 May 2020\nSN\nx\nSC\nX\nLA\nEnglish\nLP\n{text}\nAN\nDocument {text[:5]}\n")
    for f in ("a.txt", "b.txt", "c.txt"):
        only_records(d / f)
