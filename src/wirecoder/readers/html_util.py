"""lxml.html helpers for the HTML readers (forgiving parser: exports nest ``<div>`` in ``<p>``)."""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .text import clean, decode

_META_CHARSET = re.compile(rb"<meta[^>]{0,200}charset=[\"']?([A-Za-z0-9_\-]{2,30})", re.I)


def html_text(raw: bytes) -> str:
    """Decode an HTML file: its declared charset when Python knows it, else UTF-8/cp1252."""
    m = _META_CHARSET.search(raw[:4096])
    if m:
        enc = m[1].decode("ascii").lower()
        if enc not in ("utf-8", "utf8"):
            try:
                return raw.decode(enc, "replace")
            except LookupError:
                pass
    return decode(raw)


def parse_html(raw: bytes):
    """Root element of an HTML document; raises ValueError on nothing parseable."""
    text = html_text(raw)
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", text, count=1)
    parser = lxml.html.HTMLParser(recover=True, remove_comments=False, no_network=True)
    root = lxml.html.document_fromstring(text, parser=parser) if text.strip() else None
    if root is None:
        raise ValueError("empty HTML document")
    return root


def has_class(el, name: str) -> bool:
    return name in (el.get("class") or "").split()


def text_of(el, keep_breaks: bool = False) -> str:
    """Visible text of an element; ``<br>`` become newlines when ``keep_breaks``."""
    parts: list[str] = []
    # Explicit stack, not recursion: deeply nested HTML must not hit the recursion limit.
    stack: list[tuple[object, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node is not el and node.tail:
                parts.append(node.tail)
            continue
        stack.append((node, True))
        if node.tag in ("script", "style", "noscript") or not isinstance(node.tag, str):
            continue  # comments, processing instructions: only their tail is text
        if keep_breaks and node.tag == "br":
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        stack.extend((child, False) for child in reversed(node))
    s = "".join(parts)
    if keep_breaks:
        return "\n".join(clean(l) for l in s.split("\n"))
    return clean(s)
