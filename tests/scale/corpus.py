"""Invented articles in the Factiva article layout, generated for the scale tests.

Each article is deterministic in its index; some sentences carry attack words so the fake
analyser codes events, and a few articles are repeated to exercise de-duplication.
"""
from __future__ import annotations

import random
from pathlib import Path

TOWNS = ["Qaryat", "Wadi Hamra", "Marsa Tibra", "Jebel Nafusa", "Kufrah", "Tazirbu", "Harawa"]
GROUPS = ["Northern Brigade", "Coastal Guard", "Desert Shield", "People's Front"]
VERBS = ["attacked", "shelled", "clashed with", "met", "visited", "praised"]


def article_text(i: int) -> tuple[str, str]:
    rnd = random.Random(i)
    town, group, verb = rnd.choice(TOWNS), rnd.choice(GROUPS), rnd.choice(VERBS)
    killed = rnd.randint(0, 12)
    headline = f"Report {i}: {group} active near {town}"
    paras = [
        f"Fighters of the {group} {verb} positions near {town} on Tuesday, officials said. "
        f"{killed} people were killed in the fighting.",
        f"Residents of {town} described a tense week. Traders closed the main market early.",
        f"Another statement, number {i}, said the {group} would hold talks with elders.",
    ]
    day = 1 + i % 28
    doc_id = f"WCTEST{i:010d}"
    body = "\n\n".join(paras)
    text = (f"{headline}\n\nBy A Reporter\n{len(body.split())} words\n{day} March 2019\n"
            f"The Invented Gazette\nINVG\nEnglish\nCopyright 2019 Invented Media.\n\n"
            f"{body}\n\nDocument {doc_id}\n")
    return doc_id, text


def write_corpus(directory: Path, n: int, per_file: int = 10, repeats: int = 0) -> int:
    """Write ``n`` distinct articles (``per_file`` per file, form-feed separated) plus
    ``repeats`` articles repeated in an extra file. Returns the number of distinct articles."""
    directory.mkdir(parents=True, exist_ok=True)
    for f in range(0, n, per_file):
        chunk = [article_text(i)[1] for i in range(f, min(n, f + per_file))]
        (directory / f"export_{f // per_file:05d}.txt").write_text("\f".join(chunk))
    if repeats:
        chunk = [article_text(i)[1] for i in range(repeats)]
        (directory / "zz_repeats.txt").write_text("\f".join(chunk))
    return n
