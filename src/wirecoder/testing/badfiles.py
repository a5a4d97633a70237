"""A corpus of broken input files, generated at run time (nothing committed).

``generate(dir)`` writes the corpus and returns its paths; ``build(dir)`` returns the same
files as ``BadFile`` records that say what a correct ingest must do with each:

- ``"error"``: nothing readable; the file gets one-line ``ReadError``(s) and no article;
- ``"article"``: damaged but recoverable (wrong encoding, one bad JSONL line): at least one
  article comes out (and possibly errors for the bad parts);
- ``"any"``: no crash and no hang, articles or errors both acceptable (a truncated export
  may still hold complete records before the cut).

Every valid-looking record is invented. Big cases cost no disk or memory to build: the huge
file is sparse (``truncate``), the zip bomb is deflated from a stream of zeros.
"""
from __future__ import annotations

import os
import random
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BadFile", "LAYOUTS", "build", "generate", "write_good"]


@dataclass(frozen=True)
class BadFile:
    path: Path
    case: str    # short name of what is wrong with it
    expect: str  # "error" | "article" | "any" (see module docstring)


# One invented two-record export per text layout. The truncated cases cut these inside
# the second record, so the first record is complete and the second is not.
_FACTIVA_ARTICLE = """Militia attacks checkpoint near Inventa Bay

By Ada Fictional
412 words
12 March 2021
The Invented Observer
INVOBS
English
(c) 2021 Invented Observer Ltd

Gunmen attacked a police checkpoint near Inventa Bay on Friday, killing four officers, a regional governor said.

Residents said the attackers fled into the hills.

Document INVOBS0020210312eh3c0001a
Protesters march in Sample City

220 words
13 March 2021
The Invented Observer
INVOBS
English
(c) 2021 Invented Observer Ltd

Thousands of protesters marched through Sample City on Saturday demanding the release of detained students, organisers said.

The march ended peacefully outside the parliament building.

Document INVOBS0020210313eh3d0002b
"""

_FACTIVA_TAGGED = """HD
Rebels shell Fakeville market
WC
150 words
PD
4 June 2019
SN
Invented Wire Service
SC
INVWS
LA
English
CY
(c) 2019 Invented Wire Service
LP
Rebels shelled the central market of Fakeville on Tuesday, killing six civilians, a hospital director said.
TD
The shelling started a fire that destroyed dozens of stalls.
AN
Document INVWS00020190604ef640000a

HD
Army retakes Mockton after week of fighting
WC
160 words
PD
5 June 2019
SN
Invented Wire Service
SC
INVWS
LA
English
CY
(c) 2019 Invented Wire Service
LP
The army said on Wednesday it had retaken the town of Mockton after a week of fighting with rebels.
TD
Dozens of fighters were captured, a military spokesman said.
AN
Document INVWS00020190605ef650000b
"""

_LEXISNEXIS_TXT = """                               1 of 2 DOCUMENTS

                              The Invented Chronicle

                             April 2, 2016 Saturday

LENGTH: 300 words

HEADLINE: Bomb kills three in Placeholder Town

BODY:

A roadside bomb killed three soldiers near Placeholder Town on Friday, the defence ministry said.

The ministry blamed insurgents for the attack.

LOAD-DATE: April 3, 2016

LANGUAGE: ENGLISH


                               2 of 2 DOCUMENTS

                              The Invented Chronicle

                              April 3, 2016 Sunday

LENGTH: 250 words

HEADLINE: Curfew declared in Placeholder Town

BODY:

Authorities declared a night curfew in Placeholder Town on Saturday after the bombing, officials said.

Shops closed early across the district.

LOAD-DATE: April 4, 2016

LANGUAGE: ENGLISH
"""

_FACTIVA_HTML = """<html><head><meta charset="utf-8"><title>Factiva</title></head><body>
<div id="article-INVH000020180101" class="article"><div class="article enArticle">
<p><div id="hd"><span class="enHeadline">Clashes in Exampleburg leave five dead</span></div>
<div>300 words</div><div>1 January 2018</div><div>The Invented Herald</div><div>INVH</div>
<div>English</div><div>(c) 2018 Invented Herald</div></p>
<p class="articleParagraph enarticleParagraph">Clashes between rival groups in Exampleburg on Monday left five people dead, police said.</p>
<p class="articleParagraph enarticleParagraph">Security forces sealed off the district.</p>
<p>Document INVH000020180101ee110000a</p></div></div>
<div id="article-INVH000020180102" class="article"><div class="article enArticle">
<p><div id="hd"><span class="enHeadline">Calm returns to Exampleburg</span></div>
<div>120 words</div><div>2 January 2018</div><div>The Invented Herald</div><div>INVH</div>
<div>English</div><div>(c) 2018 Invented Herald</div></p>
<p class="articleParagraph enarticleParagraph">Calm returned to Exampleburg on Tuesday after two days of clashes, residents said.</p>
<p>Document INVH000020180102ee120000b</p></div></div>
</body></html>
"""

_FACTIVA_XML = """<?xml version="1.0" encoding="utf-8"?>
<PPSResponse><ppsArticleResponse xmlns="http://global.factiva.com/pps/2.0"><ppsarticleResultSet count="2">
<ppsarticle><article><accessionNo>INVX000020150505ea550000a</accessionNo>
<headline><paragraph>Gunmen kill two in Mocksville</paragraph></headline>
<leadParagraph><paragraph>Gunmen killed two farmers near Mocksville on Tuesday, local officials said.</paragraph></leadParagraph>
<tailParagraphs><paragraph>No group claimed the attack.</paragraph></tailParagraphs>
<publicationDate><date>2015-05-05</date></publicationDate><sourceName>Invented Wire</sourceName>
</article></ppsarticle>
<ppsarticle><article><accessionNo>INVX000020150506ea560000b</accessionNo>
<headline><paragraph>Villagers flee Mocksville district</paragraph></headline>
<leadParagraph><paragraph>Hundreds of villagers fled the Mocksville district on Wednesday after the killings, aid workers said.</paragraph></leadParagraph>
<publicationDate><date>2015-05-06</date></publicationDate><sourceName>Invented Wire</sourceName>
</article></ppsarticle>
</ppsarticleResultSet></ppsArticleResponse></PPSResponse>
"""

_RTF_TAGGED = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl\\f0\\fswiss Helvetica;}\n" + "".join(
    "\\trowd \\cellx1000\\cellx9000\n\\pard\\intbl \\b %s\\b0 \\cell \\pard\\intbl %s\\cell \\row\n"
    % (code, value) for code, value in [
        ("HD", "Flooding cuts off Invented Valley"), ("WC", "120 words"), ("PD", "9 October 2017"),
        ("SN", "Invented Gazette"), ("SC", "INVG"), ("LA", "English"),
        ("LP", "Floods cut the only road into Invented Valley on Monday, officials said.\\par "
               "Relief convoys were turned back."),
        ("AN", "Document INVG000020171009ed990000a"),
        ("HD", "Water levels fall in Invented Valley"), ("WC", "80 words"),
        ("PD", "10 October 2017"), ("SN", "Invented Gazette"), ("SC", "INVG"), ("LA", "English"),
        ("LP", "Water levels fell on Tuesday and the road reopened, the district office said."),
        ("AN", "Document INVG000020171010ed9a0000b")]) + "}\n"

_JSONL = ('{"id": "j1", "headline": "Blast in Sampleport", "text": "A blast hit the port of '
          'Sampleport on Monday, killing two dockworkers, police said.", "date": "2020-03-02"}\n'
          '{"id": "j2", "headline": "Port reopens", "text": "The port of Sampleport reopened on '
          'Wednesday after repairs, the harbour master said.", "date": "2020-03-04"}\n')

_CSV = ('id,headline,text,date\n'
        'c1,Riot in Exampleton,"Riots broke out in Exampleton on Friday after a disputed vote, '
        'police said.",2020-02-14\n'
        'c2,Curfew in Exampleton,"A curfew was imposed in Exampleton on Saturday, officials '
        'said.",2020-02-15\n')

_PLAIN = ("Soldiers clash with rebels near Fictiona\n\n"
          "Soldiers clashed with rebels near the town of Fictiona on Sunday, killing at least "
          "nine fighters, the army said in a statement.\n\n"
          "Résidents fled towards the coast, according to a local café owner.\n")

# name -> (file suffix, text, marker inside the second record where the cut goes)
LAYOUTS: dict[str, tuple[str, str, str]] = {
    "factiva-article-txt": (".txt", _FACTIVA_ARTICLE, "Thousands of protesters"),
    "factiva-tagged-txt": (".txt", _FACTIVA_TAGGED, "The army said"),
    "lexisnexis-txt": (".txt", _LEXISNEXIS_TXT, "Authorities declared"),
    "factiva-html": (".html", _FACTIVA_HTML, "Calm returned"),
    "factiva-xml": (".xml", _FACTIVA_XML, "Hundreds of villagers"),
    "rtf": (".rtf", _RTF_TAGGED, "Water levels fell"),
    "jsonl": (".jsonl", _JSONL, "The port of Sampleport reopened"),
    "csv": (".csv", _CSV, "A curfew was imposed"),
}


def _docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal DOCX (only word/document.xml matters to the reader) in the Nexis Uni layout."""
    from xml.sax.saxutils import escape

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


_NEXIS_PARAS = ["Rebels shell Invented Port", "The Invented Standard", "July 1, 2019 Monday 9:20 PM GMT",
                "Length:\u00a0120 words", "Body", "",
                "Rebels shelled Invented Port on Monday, killing five civilians, officials said.",
                "Load-Date:\u00a0July 2, 2019", "", "End of Document"]


def _zip_bomb(path: Path, inflated: int) -> None:
    """``inflated`` bytes of zeros as word/document.xml, deflated in a stream (about 1/1000)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\x00" * (1 << 20)
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)


def _max_file_bytes() -> int:
    from ..readers import MAX_FILE_BYTES

    return MAX_FILE_BYTES


def build(directory: str | os.PathLike, seed: int = 9, big: bool = True) -> list[BadFile]:
    """Write the corpus into ``directory`` (created) and describe each file.

    ``big=False`` leaves out the cases that take CPU to build (the 300 MiB zip bomb)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    out: list[BadFile] = []

    def put(name: str, data: bytes | str, case: str, expect: str) -> Path:
        p = d / name
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        out.append(BadFile(p, case, expect))
        return p

    # Truncated exports of each layout, cut inside the second record.
    for layout, (suffix, text, marker) in LAYOUTS.items():
        cut = text.index(marker) + len(marker) // 2
        put(f"truncated_{layout}{suffix}", text[:cut], f"truncated {layout}", "any")
        # Cut in the first record's header: nothing complete is left.
        put(f"truncated_head_{layout}{suffix}", text[:40], f"truncated {layout} header", "any")
    docx = _docx_bytes(_NEXIS_PARAS)
    put("truncated_nexis.docx", docx[: len(docx) // 2], "truncated DOCX", "error")
    put("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty",
        "truncated PDF", "error")

    # Binary and encodings.
    put("random.bin", rnd.randbytes(64 * 1024), "random binary", "error")
    put("random.txt", rnd.randbytes(8 * 1024), "random binary named .txt", "error")
    put("nul_bytes.txt", _PLAIN.replace(" ", "\x00", 40), "NUL bytes in text", "any")
    put("utf16_no_bom.txt", _PLAIN.encode("utf-16-le"), "UTF-16 without BOM", "article")
    put("latin1_in_utf8.txt", _PLAIN.encode("latin-1"), "latin-1 bytes in a UTF-8 file", "article")
    put("mixed_encodings.txt", _PLAIN.encode("utf-8") + "Un témoin a parlé.\n".encode("cp1252")
        + "Ещё один абзац.\n".encode("koi8-r"), "mixed encodings", "article")
    put("empty.txt", b"", "empty file", "error")
    put("whitespace.txt", b" \n\t\r\n   \n\n" + b"\xc2\xa0\n" * 50, "whitespace only (NBSP too)",
        "error")
    put("megabyte_line.txt", ("word " * 400_000).encode(), "2 MB single line", "any")
    put("megabyte_line.html", b"<html><body><p>" + b"a" * 2_000_000 + b"</p></body></html>",
        "2 MB single line of HTML", "any")
    put("deep_nesting.html", b"<html><body>" + b"<div>" * 100_000 + b"Deep text"
        + b"</div>" * 100_000 + b"</body></html>", "100k nested divs", "any")
    put("deep_nesting.xml", b'<?xml version="1.0"?><PPSResponse><ppsarticle>' + b"<a>" * 100_000
        + b"</a>" * 100_000 + b"</ppsarticle></PPSResponse>", "100k nested XML elements", "any")
    put("billion_laughs.xml", b'<?xml version="1.0"?><!DOCTYPE l ['
        + b"".join(b'<!ENTITY e%d "%s">' % (i, (b"&e%d;" % (i - 1)) * 10 if i else b"ha")
                   for i in range(10))
        + b']><PPSResponse><ppsarticle><article><headline><paragraph>&e9;</paragraph>'
          b'</headline></article></ppsarticle></PPSResponse>', "XML entity expansion", "any")

    # Malformed containers.
    # An old Word .doc (OLE2 compound file) renamed .docx, and a text file named .docx.
    put("old_word.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24 + b"\x3e\x00\x03\x00"
        + rnd.randbytes(4000), "not-a-zip .docx (OLE2 .doc)", "error")
    put("text_named.docx", _PLAIN, "plain text named .docx", "any")
    put("zip_magic_only.docx", b"PK\x03\x04" + b"\x00" * 200, "zip header, no archive", "error")
    garbage = zipfile.ZipFile(d / "garbage_document.docx", "w")
    with garbage:
        garbage.writestr("word/document.xml", rnd.randbytes(4096))
    out.append(BadFile(d / "garbage_document.docx", "garbage document.xml", "error"))
    unclosed = zipfile.ZipFile(d / "unclosed_document.docx", "w")
    with unclosed:
        unclosed.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p><w:t>Half")
    out.append(BadFile(d / "unclosed_document.docx", "unclosed document.xml", "error"))
    if big:
        _zip_bomb(d / "zip_bomb.docx", 300 * 2**20)  # > the 256 MiB document.xml limit
        out.append(BadFile(d / "zip_bomb.docx", "zip bomb (300 MiB inflated)", "error"))
    _zip_bomb(d / "ratio_bomb.docx", 24 * 2**20)  # under the size limit, absurd ratio
    out.append(BadFile(d / "ratio_bomb.docx", "zip bomb (24 MiB, ratio ~1000)", "error"))
    put("unbalanced.rtf", "{\\rtf1\\ansi {\\b Clashes in Inventa {{{{ \\'zz \\u99999999? "
        "Gunmen attacked a village near Inventa on Monday.\\par " * 3, "unbalanced RTF braces", "any")
    put("rtf_deep.rtf", "{\\rtf1 " + "{" * 50_000 + "text" + "}" * 50_000 + "}", "deeply nested RTF",
        "any")
    put("bad_line.jsonl", _JSONL + '{"id": "j3", "text": "unterminated\n' + _JSONL.replace('"j', '"k'),
        "one bad JSONL line among good ones", "article")
    rows = _CSV.splitlines(keepends=True)
    put("broken_row.csv", rows[0] + rows[1] + 'c9,"Unclosed, quote\n' + "".join(rows[2:]) + "c3\n",
        "CSV with a broken row", "article")
    put("lone_surrogate.jsonl", _JSONL.replace("killing two", "killing \\ud800 two"),
        "lone surrogate escape in JSON text", "article")
    put("stray_nul.txt", _PLAIN.replace("statement.", "statement.\x00"), "one stray NUL byte",
        "article")

    # Oversized file: sparse, so it costs no disk; the reader must refuse it unread.
    huge = d / "huge.txt"
    with open(huge, "wb") as fh:
        fh.write(b"Headline\n\nText.\n")
        fh.truncate(_max_file_bytes() + 1)
    out.append(BadFile(huge, "beyond the size limit (sparse)", "error"))

    # File-system oddities.
    loop = d / "loop_a.txt"
    if not loop.is_symlink():
        os.symlink(d / "loop_b.txt", loop)
        os.symlink(loop, d / "loop_b.txt")
    out.append(BadFile(loop, "symlink loop", "error"))
    dangling = d / "dangling.txt"
    if not dangling.is_symlink():
        os.symlink(d / "does_not_exist.txt", dangling)
    out.append(BadFile(dangling, "dangling symlink", "error"))
    fifo = d / "named_pipe.txt"
    if not fifo.exists() and hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        out.append(BadFile(fifo, "named pipe (reading would block)", "error"))
    locked = put("unreadable.txt", _PLAIN, "unreadable (chmod 000)", "error")
    os.chmod(locked, 0)
    # A name that breaks naive one-line messages and UTF-8 output.
    put("name\nwith newline.bin", rnd.randbytes(2048), "newline in the file name", "error")
    odd = os.fsencode(d) + b"/latin1_name_\xe9.bin"
    with open(odd, "wb") as fh:
        fh.write(rnd.randbytes(2048))
    out.append(BadFile(Path(os.fsdecode(odd)), "non-UTF-8 file name", "error"))
    return out


def write_good(directory: str | os.PathLike) -> dict[str, Path]:
    """The intact invented exports the broken cases are cut from: layout -> path (two
    records each; one in the Nexis DOCX). Lets a test mix good files into a bad batch."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    out = {}
    for layout, (suffix, text, _) in LAYOUTS.items():
        out[layout] = d / f"good_{layout}{suffix}"
        out[layout].write_text(text, encoding="utf-8")
    out["nexis-docx"] = d / "good_nexis.docx"
    out["nexis-docx"].write_bytes(_docx_bytes(_NEXIS_PARAS))
    return out


def generate(directory: str | os.PathLike, seed: int = 9, big: bool = True) -> list[Path]:
    """Write the broken-input corpus into ``directory``; return the paths."""
    return [b.path for b in build(directory, seed, big)]


def unreadable_works() -> bool:
    """chmod 000 only stops a non-root user (tests often run as root)."""
    return hasattr(os, "geteuid") and os.geteuid() != 0


def is_permission_case(b: BadFile) -> bool:
    try:
        return stat.S_IMODE(os.lstat(b.path).st_mode) == 0 and not b.path.is_symlink()
    except OSError:
        return False
