"""Each layout on invented fixtures: detection from content, fields, bodies free of
header/trailer text, several records per file."""
import json
import shutil
from pathlib import Path

import pytest

from wirecoder.models import Article
from wirecoder.readers import ReadError, detect, read_file, read_paths


def arts(path, **kw):
    recs = list(read_file(Path(path), **kw))
    return [r for r in recs if isinstance(r, Article)], [r for r in recs if isinstance(r, ReadError)]


def no_leaks(a):
    for p in a.body:
        assert not p.startswith(("Document ", "Dokument ", "License this article", "Search Summary",
                                 "LOAD-DATE", "LANGUAGE:", "End of Document", "Page 1 of"))
        assert "contributed to this article" not in p


def test_factiva_article_txt_multi_localized(fx):
    a, e = arts(fx / "factiva_article_multi.txt")
    assert not e and len(a) == 3
    en, fr, de = a
    assert en.headline.startswith("Clashes Erupt  Near  Northport")  # search-hit spaces kept
    assert en.byline == "By Amira Testwriter in Northport and Paul Invented in Rome"
    assert (en.word_count, en.publication_date, en.page, en.source_code) == (842, "2019-03-14", "A7", "INVH")
    assert en.metadata["contributors"] == ["Lena Madeup", "Tom Fictive"]
    assert en.document_id == "INVH000020190314ef3e0001a" and en.id == en.document_id
    assert en.body[-1].startswith("The fighting began")
    assert (fr.word_count, fr.publication_date, fr.publication_time, fr.page) == (312, "2020-02-02", "09:45", None)
    assert fr.language == "Français" and fr.byline is None
    assert (de.word_count, de.publication_date, de.document_id) == (455, "2021-05-03", "ERFZ000020210503eh530000c")
    for x in a:
        no_leaks(x)
        assert x.format == "factiva-article-txt"


def test_factiva_pdf_text_layer(fx):
    a, e = arts(fx / "factiva_pdf_text.txt")
    assert not e and len(a) == 1
    x = a[0]
    assert x.byline == "By Sam Placeholder" and x.copyright == "(c) 2020 Invented Wire"
    assert x.publication_time == "14:20"
    # wrapped lines re-joined into paragraphs; the page footer is gone
    assert len(x.body) == 3
    assert x.body[0].endswith("wounded in the attack.")
    assert not any("Factiva, Inc." in p for p in x.body)
    no_leaks(x)


def test_factiva_tagged_txt_regions_and_codes(fx):
    a, e = arts(fx / "factiva_tagged.txt")
    assert not e and len(a) == 2
    x = a[0]
    assert x.format == "factiva-tagged-txt"
    assert x.headline == "Gunmen  attack  police post in Invented Province"
    assert (x.byline, x.word_count, x.publication_date, x.publication_time) == ("By Nadia Madeup", 180, "2018-07-21", "06:30")
    assert (x.source_name, x.source_code, x.page, x.language) == ("Invented News Agency", "INVNA", "3", "English")
    # LP + TD, page break inside ignored, trailing copyright paragraph dropped
    assert len(x.body) == 2 and x.body[1].startswith("The attackers fled")
    assert x.metadata["regions"] == ["libya", "iraq", "africaz", "lam"]
    assert x.metadata["countries"] == ["LY", "IQ"]
    assert x.metadata["subjects"] == ["gvio", "gcat"]
    assert x.metadata["companies"] == ["invco"]
    assert a[1].byline is None and a[1].metadata["countries"] == ["ML"]


def test_factiva_tagged_rtf(fx):
    assert detect(fx / "factiva_tagged.rtf") == "rtf"
    a, e = arts(fx / "factiva_tagged.rtf")
    assert not e and len(a) == 2
    assert a[0].format == "factiva-tagged-rtf"
    assert a[0].body == ["Floods cut the only road into Invented Valley on Monday, officials said.",
                         "Relief convoys were turned back."]
    assert a[0].metadata["countries"] == ["KE"]
    assert a[1].document_id == "INVG000020171010ed9a0000h"


def test_factiva_article_rtf(tmp_path, fx):
    # The Article layout written as RTF paragraphs.
    src = (fx / "factiva_article_multi.txt").read_text(encoding="utf-8")
    body = "".join(l.replace("\\", "").replace("{", "").replace("}", "") + "\\par\n"
                   for l in src.replace("\f", "\n").split("\n"))
    rtf = "{\\rtf1\\ansi\\ansicpg1252 " + body.encode("ascii", "backslashreplace").decode().replace("\\x", "\\'") + "}"
    p = tmp_path / "article.rtf"
    p.write_text(rtf)
    a, e = arts(p)
    assert not e and len(a) == 3 and a[0].format == "factiva-article-rtf"
    assert a[0].publication_date == "2019-03-14" and a[1].publication_date == "2020-02-02"


def test_factiva_html_article_layout(fx):
    assert detect(fx / "factiva_article.html") == "factiva-html"
    a, e = arts(fx / "factiva_article.html")
    assert not e and len(a) == 2
    x = a[0]
    assert x.headline == "Bomb blast hits market in Inventia"
    assert (x.word_count, x.publication_date, x.source_name, x.source_code, x.page, x.language) == \
        (1204, "2016-04-02", "The Inventia Times", "INVT", "B2", "English")
    assert x.document_id == "INVT000020160402ec420000i"
    assert x.body == ["A bomb exploded in the central market of Inventia on Saturday, killing 11 people, police said.",
                      "No group claimed responsibility."]
    assert a[1].page is None and a[1].document_id.endswith("0000j")


def test_factiva_html_table_layout(fx):
    assert detect(fx / "factiva_table.html") == "factiva-html-table"
    a, e = arts(fx / "factiva_table.html")
    assert not e and len(a) == 1
    x = a[0]
    assert (x.headline, x.word_count, x.publication_date, x.publication_time) == \
        ("Protesta en Ciudad Inventada", 210, "2015-08-15", "18:05")
    assert x.body == ["Miles de personas marcharon el sábado.", "La policía detuvo a cuatro personas.", "Fin del texto."]
    assert x.metadata["countries"] == ["MX"] and x.document_id == "DINV000020150815eb8f0000k"


def test_factiva_xml(fx):
    a, e = arts(fx / "factiva.xml")
    assert not e and len(a) == 2
    x = a[0]
    assert x.headline == "Militants seize town in Invented Highlands"  # <hlt> unwrapped
    assert (x.publication_date, x.publication_time, x.word_count) == ("2014-01-01", "13:45", 300)
    assert x.body[1] == "Residents fled toward the coast."
    assert x.metadata["countries"] == ["SY"]
    assert a[1].body == ["Oil prices were steady on Thursday in thin trading.",
                         "Traders said markets awaited the weekly inventory data."]


def test_lexisnexis_txt(fx):
    assert detect(fx / "lexisnexis_academic.txt") == "lexisnexis-txt"
    a, e = arts(fx / "lexisnexis_academic.txt")
    assert not e and len(a) == 2
    x, y = a
    assert x.headline == "Officers shoot armed man in Invented City"
    assert (x.source_name, x.publication_date, x.byline, x.word_count) == \
        ("The Invented Courier", "2015-06-03", "Chris Madeup", 410)
    assert x.copyright == "Copyright 2015 Invented Publishing Company All Rights Reserved"
    assert (x.section, x.page, x.dateline, x.language) == ("NEWS; Pg. A3", "A3", "INVENTED CITY", "English")
    assert x.metadata["edition"] == "Final Edition" and x.metadata["countries"] == ["US"]
    assert x.body[0].startswith("Police officers shot and killed an armed man in Invented City on Tuesday night, the")
    assert len(x.body) == 2
    # old layout: unlabelled headline, body after LENGTH, centred copyright at the end
    assert (y.headline, y.source_name, y.byline) == ("Protest march planned in Sampletown", "Invented Online", "Pat Placeholder")
    assert y.body == ["Organisers said thousands were expected to march through Sampletown on Saturday."]
    assert y.copyright.startswith("Copyright 2010 Invented Online")
    for z in a:
        no_leaks(z)


def test_lexisnexis_html(fx):
    assert detect(fx / "lexisnexis_academic.html") == "lexisnexis-html"
    a, e = arts(fx / "lexisnexis_academic.html")
    assert not e and len(a) == 1
    x = a[0]
    assert (x.headline, x.source_name, x.publication_date, x.page) == \
        ("Officers shoot armed man in Invented City", "The Invented Courier", "2015-06-03", "A3")
    assert x.body[1] == 'The man had threatened neighbours with a rifle, according to a "police statement".'


def test_nexis_docx(nexis_docx):
    assert detect(nexis_docx) == "nexis-docx"
    a, e = arts(nexis_docx)
    assert not e and len(a) == 2
    x, y = a
    assert (x.headline, x.source_name, x.publication_date, x.publication_time) == \
        ("Rebels shell Invented Port", "The Invented Standard", "2019-07-01", "21:20")
    assert (x.byline, x.word_count, x.section, x.page, x.dateline) == \
        ("Kim Fictional", 333, "WORLD; Pg. 12", "12", "Invented Port")
    assert x.copyright.startswith("Copyright 2019")
    assert x.body == ["Rebels shelled Invented Port on Monday, killing five civilians, officials said.",
                      "The shelling damaged the port's main pier."]
    assert (y.headline, y.copyright, y.body) == ("Ceasefire talks stall", None, ["Talks on a ceasefire stalled on Tuesday."])


def test_nexis_docx_without_documents(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("LexisNexis Uni Test")
    p = tmp_path / "empty.DOCX"
    d.save(str(p))
    a, e = arts(p)
    assert not a and len(e) == 1 and "no articles found" in e[0].reason


def test_web_page(fx):
    assert detect(fx / "web_page.html") == "web-html"
    a, e = arts(fx / "web_page.html")
    assert not e and len(a) == 1
    x = a[0]
    assert (x.headline, x.byline, x.publication_date, x.source_name, x.url) == \
        ("Clashes in Exampleville leave 4 dead", "Jane Writer", "2021-03-12", "Example Times",
         "https://example.org/news/clashes")
    assert len(x.body) == 3 and not any("Subscribe" in p or "Home" == p for p in x.body)


def test_plain_text(fx):
    a, e = arts(fx / "plain_article.txt")
    assert not e and len(a) == 1
    x = a[0]
    assert x.format == "text" and x.headline == "Drone strike reported near Invented Pass"
    assert x.publication_date == "2021-03-12"
    assert x.body[0] == "A drone strike hit a vehicle near Invented Pass on Thursday, killing three people, a local official said."


def test_jsonl_with_column_mapping(fx):
    a, e = arts(fx / "articles.jsonl", columns="text=content,headline=title,date=when,id=doc")
    assert [x.id for x in a] == ["r1", "r3"]
    assert a[0].body == ["The army retook Sampleburg on Monday.", "Fighting continued nearby."]
    assert (a[0].publication_date, a[0].source_name) == ("2019-05-06", "Example Post")
    assert a[1].publication_date == "2019-05-07"
    assert len(e) == 2 and all("#" in x.origin for x in e)  # one bad JSON line, one row without text


def test_jsonl_mapping_from_environment(fx, monkeypatch):
    monkeypatch.setenv("WIRECODER_COLUMNS", "text=content,id=doc")
    a, _ = arts(fx / "articles.jsonl")
    assert [x.id for x in a] == ["r1", "r3"]


def test_csv_default_columns(fx):
    a, e = arts(fx / "articles.csv")
    assert [x.id for x in a] == ["c1", "c3"]
    assert a[0].body == ["Authorities imposed a curfew in Sampleville on Friday.", "Shops stayed closed."]
    assert a[0].publication_date == "2020-02-14" and a[0].source_name == "Example Daily"
    assert len(e) == 1 and e[0].origin.endswith("#1")


def test_bad_column_mapping_is_a_clear_error():
    from wirecoder.readers.tabular import parse_columns

    with pytest.raises(ValueError, match="unknown field"):
        parse_columns("txt=body")
    assert parse_columns("text=body, title=hd") == {"text": "body", "headline": "hd"}


def test_detection_ignores_extension(tmp_path, fx):
    # content decides: a Factiva tagged export saved as .dat, a LexisNexis TXT saved as .html
    p = tmp_path / "export.dat"
    shutil.copy(fx / "factiva_tagged.txt", p)
    assert detect(p) == "factiva-tagged-txt"
    q = tmp_path / "ln.html"
    shutil.copy(fx / "lexisnexis_academic.txt", q)
    assert detect(q) == "lexisnexis-txt"


def test_folder_batch_mixed_with_broken_files(tmp_path, fx):
    for f in ("factiva_article_multi.txt", "lexisnexis_academic.txt"):
        shutil.copy(fx / f, tmp_path / f)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 50)
    recs = list(read_paths([tmp_path]))
    assert sum(isinstance(r, Article) for r in recs) == 5
    errs = [r for r in recs if isinstance(r, ReadError)]
    assert {Path(e.origin).name for e in errs} == {"empty.txt", "binary.bin"}
    assert all("\n" not in e.reason for e in errs)


def test_cli_read_columns(fx, tmp_path):
    from click.testing import CliRunner

    from wirecoder.cli import main

    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(main, ["read", str(fx / "articles.jsonl"), "--columns",
                                    "text=content,headline=title,id=doc", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(l) for l in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r3"] and rows[0]["headline"] == "Army retakes Sampleburg"
    bad = CliRunner().invoke(main, ["read", str(fx / "articles.jsonl"), "--columns", "nope=x"])
    assert bad.exit_code == 2
