"""Text helpers shared by the readers: decoding, line blocks, paragraph reflow, cleaning.

All functions are pure and linear in the input size (article text is untrusted: no regex
here may backtrack badly on a megabyte-long line).
"""
from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


def _utf8_then_cp1252(exc: UnicodeDecodeError):
    # Mixed-encoding files (a cp1252 paragraph pasted into a UTF-8 export) keep their
    # accents instead of turning into U+FFFD.
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", "replace"), exc.end


codecs.register_error("wirecoder-cp1252", _utf8_then_cp1252)


def decode(raw: bytes) -> str:
    """Bytes of a text export -> str. BOMs first, then UTF-8 with cp1252 for stray bytes."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return raw.decode(enc, "replace")
    if raw[:2000].count(b"\x00") > 100 and _looks_utf16(raw[:2000]):
        return raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be", "replace")
    return raw.decode("utf-8", "wirecoder-cp1252")


def _looks_utf16(head: bytes) -> bool:
    even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
    return max(even, odd) > 0.3 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2


def is_binary(head: bytes) -> bool:
    """Control bytes (NUL, etc.) in the first bytes: not a text export."""
    if not head or any(head.startswith(b) for b, _ in _BOMS) or _looks_utf16(head[:2000]):
        return False
    sample = head[:4096]
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32 and b not in (12, 27))
    # A stray NUL or two in a long text export (a bad copy) must not lose the whole file.
    return sample.count(b"\x00") > max(2, len(sample) // 1000) or ctrl > 0.05 * len(sample)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_WS = re.compile(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean(s: str) -> str:
    """One line of text: control characters out, whitespace runs (NBSP too) collapsed, trimmed."""
    s = " ".join(s.split())  # str.split is the fastest whitespace collapse in CPython
    if not s.isprintable():
        s = _WS.sub(" ", _CTRL.sub("", s)).strip()
    return s


def clean_keep_spaces(s: str) -> str:
    """Like ``clean`` but keeps double spaces (Factiva marks search hits with them)."""
    return _CTRL.sub("", s).replace("\u00a0", " ").replace("\t", " ").strip()


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (stripped)."""
    out: list[list[str]] = []
    cur: list[str] = []
    for ln in lines:
        s = ln.strip()
        if s:
            cur.append(s)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


_END_PUNCT = tuple('.!?:;"\u201d\u2019)\'')


def reflow(lines: list[str], width: int | None = None) -> list[str]:
    """Join hard-wrapped lines into paragraphs.

    A line much shorter than the block's line width that ends a sentence closes a paragraph
    (PDF text layers and fixed-width exports wrap lines but drop blank lines between
    paragraphs). Lines of one block that are not wrapped stay one paragraph each.
    """
    lines = [l.strip() for l in lines if l.strip()]
    if not lines:
        return []
    if len(lines) == 1:
        return [clean(lines[0])]
    width = width or max(len(l) for l in lines)
    paras: list[str] = []
    cur: list[str] = []
    for ln in lines:
        cur.append(ln)
        if len(ln) < 0.7 * width and (ln.endswith(_END_PUNCT) or len(ln) < 0.4 * width):
            paras.append(join_wrapped(cur))
            cur = []
    if cur:
        paras.append(join_wrapped(cur))
    return paras


def merge_broken(paras: list[str]) -> list[str]:
    """Re-join a paragraph cut by a page break: no closing punctuation, next starts lower-case."""
    out: list[str] = []
    for p in paras:
        if out and p[:1].islower() and not out[-1].endswith(_END_PUNCT) and len(out[-1]) > 60:
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


def join_wrapped(lines: list[str]) -> str:
    """Join wrapped lines with spaces; a hyphenated word split over two lines is re-joined."""
    if len(lines) == 1:
        return clean(lines[0])
    parts: list[str] = []
    for ln in lines:
        ln = ln.strip()
        if not ln:
            continue
        prev = parts[-1] if parts else ""
        if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and ln[:1].islower():
            parts[-1] = prev + ln  # "forward-\nlooking" keeps its hyphen, no space
        else:
            parts.append(ln)
    return clean(" ".join(parts))


COPYRIGHT_RE = re.compile(r"(^\W{0,2}\(c\)|^\W{0,2}©|^\W{0,2}copyright\b|all rights reserved|"
                          r"tous droits r|alle rechte vorbehalten|todos los derechos|"
                          r"\(c\)\s*\d{4}|©\s*\d{4}|copyright\s*(\(c\)\s*)?\d{4})", re.I)


def looks_like_copyright(s: str) -> bool:
    return bool(COPYRIGHT_RE.search(s[:300]))


LANGUAGE_NAMES = {
    "english": "en", "englisch": "en", "anglais": "en", "inglés": "en", "ingles": "en",
    "inglese": "en", "french": "fr", "français": "fr", "francais": "fr", "französisch": "fr",
    "francés": "fr", "frances": "fr", "german": "de", "deutsch": "de", "allemand": "de",
    "alemán": "de", "aleman": "de", "tedesco": "de", "spanish": "es", "español": "es",
    "espanol": "es", "espagnol": "es", "spanisch": "es", "castellano": "es", "italian": "it",
    "italiano": "it", "italien": "it", "italienisch": "it", "portuguese": "pt",
    "português": "pt", "portugues": "pt", "portugais": "pt", "portugiesisch": "pt",
    "arabic": "ar", "arabe": "ar", "arabisch": "ar", "árabe": "ar", "russian": "ru",
    "russe": "ru", "russisch": "ru", "chinese": "zh", "chinois": "zh", "chinesisch": "zh",
    "japanese": "ja", "japonais": "ja", "dutch": "nl", "nederlands": "nl",
    "néerlandais": "nl", "niederländisch": "nl", "turkish": "tr", "türkçe": "tr",
    "polish": "pl", "polski": "pl", "swedish": "sv", "svenska": "sv", "danish": "da",
    "dansk": "da", "norwegian": "no", "norsk": "no", "finnish": "fi", "suomi": "fi",
    "greek": "el", "hebrew": "he", "indonesian": "id", "bahasa indonesia": "id",
    "korean": "ko", "vietnamese": "vi", "ukrainian": "uk", "czech": "cs", "hungarian": "hu",
    "romanian": "ro", "catalan": "ca", "català": "ca", "persian": "fa", "farsi": "fa",
    "hindi": "hi", "urdu": "ur", "malay": "ms", "thai": "th",
}
ISO_LANGS = set(LANGUAGE_NAMES.values())


def language_code(name: str | None) -> str | None:
    """'English' / 'ENGLISH' / 'Français' / 'EN' -> ISO 639-1, else None."""
    if not name:
        return None
    key = clean(name).lower()
    if key in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[key]
    if key in ISO_LANGS:
        return key
    return None


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def word_count(s: str | None) -> int | None:
    """'1,026 words' / '664 Wörter' / '355 words' -> int."""
    if not s:
        return None
    m = re.search(r"\d[\d.,\u00a0 ]*", s)
    if not m:
        return None
    digits = re.sub(r"\D", "", m[0])
    return int(digits) if digits and len(digits) < 9 else None
