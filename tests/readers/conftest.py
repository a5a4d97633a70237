from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
READER_FIXTURES = TESTS / "fixtures" / "readers"
SHARED = TESTS.parent.parent / "shared"


@pytest.fixture
def fx():
    return READER_FIXTURES


def make_nexis_docx(path: Path, docs: list[dict], cover: bool = True) -> Path:
    """Write an invented Nexis Uni DOCX: cover page with TOC table, then the documents."""
    import docx

    d = docx.Document()
    if cover:
        d.add_paragraph("Date and Time: Monday, June 3, 2019 10:00:00 AM EDT")
        d.add_paragraph("Job Number: 1234")
        d.add_paragraph(f"Documents ({len(docs)})")
        for i, doc in enumerate(docs, 1):
            d.add_paragraph(f"{i}. {doc['headline']}")
            d.add_paragraph("Client/Matter: -None-")
            d.add_paragraph("Search Terms: invented")
            t = d.add_table(rows=1, cols=2)
            t.cell(0, 0).text = "Content Type"
            t.cell(0, 1).text = "Sources: Invented"
    for doc in docs:
        d.add_paragraph("")
        d.add_paragraph(doc["headline"])
        d.add_paragraph(doc["source"])
        d.add_paragraph(doc["date"])
        if doc.get("copyright"):
            d.add_paragraph(doc["copyright"])
        for label, value in doc.get("fields", []):
            d.add_paragraph(f"{label}:\u00a0{value}")
        d.add_paragraph("Body")
        d.add_paragraph("")
        for p in doc["body"]:
            d.add_paragraph(p)
        d.add_paragraph("Load-Date:\u00a0June 4, 2019")
        d.add_paragraph("")
        d.add_paragraph("End of Document")
    d.save(str(path))
    return path


@pytest.fixture
def nexis_docx(tmp_path):
    docs = [
        {"headline": "Rebels shell Invented Port", "source": "The Invented Standard",
         "date": "July 1, 2019 Monday 9:20 PM GMT", "copyright": "Copyright 2019 Invented Standard Ltd. All Rights Reserved",
         "fields": [("Section", "WORLD; Pg. 12"), ("Length", "333 words"), ("Byline", "Kim Fictional"),
                    ("Dateline", "Invented Port")],
         "body": ["Rebels shelled Invented Port on Monday, killing five civilians, officials said.",
                  "The shelling damaged the port's main pier."]},
        {"headline": "Ceasefire talks stall", "source": "Invented Weekly", "date": "July 2, 2019 Tuesday",
         "fields": [("Length", "90 words")],
         "body": ["Talks on a ceasefire stalled on Tuesday."]},
    ]
    return make_nexis_docx(tmp_path / "nexis.DOCX", docs)
