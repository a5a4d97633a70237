"""The Factiva article-layout reader and the reader registry, on invented fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.models import Article
from wirecoder.readers import ReadError, detect, read_file, read_paths

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "foundation"
THREE = FIX / "three_articles.txt"


def articles(path: Path) -> list[Article]:
    recs = list(read_file(path))
    assert all(isinstance(r, Article) for r in recs), [str(r) for r in recs]
    return recs  # type: ignore[return-value]


def test_detects_the_article_layout_from_content():
    assert detect(THREE) == "factiva-article-txt"


def test_multi_article_file_gives_one_record_per_document():
    arts = articles(THREE)
    assert [a.document_id for a in arts] == [
        "TCOB000020220803ei830001a", "PLWR000020210411eh4b0002z", "NMEL000020200130eg1u0003k"]
    # The document id is the stable id; origins say which record of which file.
    assert [a.id for a in arts] == [a.document_id for a in arts]
    assert [a.origin for a in arts] == [f"{THREE}#{i}" for i in range(3)]
    assert {a.format for a in arts} == {"factiva-article-txt"}


def test_full_header_fields():
    a = articles(THREE)[0]
    assert a.headline.startswith("Militia fighters clash with police near Sabratha checkpoint")
    assert a.byline == "By Leila Haddad in Tunis and Tom Archer in London"
    assert a.word_count == 214
    assert a.publication_date == "2022-08-03"
    assert a.publication_time is None
    assert a.source_name == "The Coastal Observer (International Edition)"
    assert a.source_code == "TCOB"
    assert a.page == "B3"
    assert a.language == "English"
    assert a.copyright.startswith("Copyright 2022 Coastal Observer Group")
    assert a.metadata["contributors"] == ["Amal Fitouri", "Rami Saleh"]


def test_body_is_free_of_header_and_trailer_lines():
    a = articles(THREE)[0]
    assert len(a.body) == 2
    assert a.body[0].startswith("Fighters from a local militia clashed")
    joined = "\n".join(a.body)
    for junk in ("words", "TCOB", "Copyright", "License this article", "contributed to this",
                 "Document", "---"):
        assert junk not in joined
    last = articles(THREE)[2]
    assert "Search Summary" not in "\n".join(last.body)
    assert last.body[-1].endswith("working for a local charity.")


def test_missing_byline_and_page_with_time_line():
    a = articles(THREE)[1]
    assert a.byline is None
    assert a.page is None
    assert a.publication_time == "16:20"
    assert a.publication_date == "2021-04-11"
    assert a.source_name == "Plainsfield Wire"
    assert a.source_code == "PLWR"
    assert a.word_count == 97


def test_byline_without_page():
    a = articles(THREE)[2]
    assert a.byline == "By Idrissa Moussa"
    assert a.page is None
    assert a.source_code == "NMEL"
    assert a.copyright == "Copyright 2020 Niamey Evening Ledger."


def test_text_is_headline_then_paragraphs():
    a = articles(THREE)[1]
    assert a.text == "\n\n".join([a.headline] + a.body)
    assert a.text.startswith("Farmers block highway")


def test_windows_line_endings_read_the_same(tmp_path):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(THREE.read_bytes().replace(b"\n", b"\r\n"))
    plain, windows = articles(THREE), articles(crlf)
    for a, b in zip(plain, windows, strict=True):
        assert (a.headline, a.body, a.byline, a.page, a.publication_date, a.id) == (
            b.headline, b.body, b.byline, b.page, b.publication_date, b.id)


def test_not_an_export_is_reported_not_raised():
    recs = list(read_file(FIX / "scan.png"))
    assert len(recs) == 1 and isinstance(recs[0], ReadError)
    assert recs[0].origin == str(FIX / "scan.png")
    assert recs[0].reason and "\n" not in str(recs[0])


def test_a_folder_with_a_bad_file_still_yields_the_good_ones(tmp_path):
    for name in ("three_articles.txt", "scan.png"):
        (tmp_path / name).write_bytes((FIX / name).read_bytes())
    recs = list(read_paths([tmp_path]))
    good = [r for r in recs if isinstance(r, Article)]
    bad = [r for r in recs if isinstance(r, ReadError)]
    assert len(good) == 3
    assert [Path(b.origin).name for b in bad] == ["scan.png"]


def test_a_broken_record_does_not_lose_the_rest_of_its_file():
    recs = list(read_file(FIX / "one_bad_record.txt"))
    assert isinstance(recs[0], Article) and recs[0].source_code == "JMST"
    assert isinstance(recs[1], ReadError)
    assert recs[1].origin.endswith("#1")


@pytest.mark.parametrize("content, reason", [(b"", "empty file"), (None, "no such file")])
def test_empty_and_missing_files(tmp_path, content, reason):
    p = tmp_path / "x.txt"
    if content is not None:
        p.write_bytes(content)
    recs = list(read_file(p))
    assert len(recs) == 1 and isinstance(recs[0], ReadError) and recs[0].reason == reason


def test_bundled_demo_corpus_parses_completely():
    from wirecoder.demo import corpus_dir

    with corpus_dir() as d:
        recs = list(read_paths([d]))
    errors = [str(r) for r in recs if isinstance(r, ReadError)]
    assert errors == []
    assert 8 <= len(recs) <= 12
    ids = [r.id for r in recs]
    assert len(set(ids)) == len(ids)
    for a in recs:
        assert a.publication_date and a.source_name and a.source_code and a.language
        assert a.body and a.word_count and a.word_count > 50
    # Both optional-field shapes occur, as in real exports.
    assert any(a.byline is None for a in recs) and any(a.byline for a in recs)
    assert any(a.page is None for a in recs) and any(a.page for a in recs)
    # Two outlets report one event (the merge stage's demo case).
    djibo = {a.source_code for a in recs if "Djibo" in a.text and "seven" in a.text.lower()}
    assert len(djibo) >= 2
