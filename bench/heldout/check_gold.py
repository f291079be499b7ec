"""Check the held-out gold: every excerpt is a verbatim quote of its document, white space folded.

A PDF is read through pypdf, a text file that is not UTF-8 as cp1252, and an HTML file both raw and with its tags
stripped and entities unescaped.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import unicodedata
from pathlib import Path

__all__ = ["main", "problems"]

HERE = Path(__file__).resolve().parent
_WS = re.compile(r"\s+")
# Tags are dropped (a quote may run across an inline tag such as <i>); block tags sit on their own lines.
_TAG = re.compile(r"<[^>]+>")


def problems(gold_path: Path, docs_dir: Path) -> list[str]:
    """Every excerpt of the gold file that is not verbatim in its document, as readable lines."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["docs"]
    found: list[str] = []
    for name, per_type in gold.items():
        path = docs_dir / name
        if not path.is_file():
            found.append(f"{name}: no such document")
            continue
        texts = _texts(path)
        for kind, facts in per_type.items():
            for n, fact in enumerate(facts):
                for quote in [fact["excerpt"], *fact.get("alt_excerpts", [])]:
                    if not any(_fold(quote) in text for text in texts):
                        found.append(f"{name} {kind}[{n}]: not verbatim: {quote[:100]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=HERE / "gold.json")
    ap.add_argument("--docs", type=Path, default=HERE / "docs")
    a = ap.parse_args(argv)
    found = problems(a.gold, a.docs)
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)")
    return 1 if found else 0


def _fold(s: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", s)).strip()


def _texts(path: Path) -> list[str]:
    if path.suffix.lower() == ".pdf":  # the text pypdf (a factbot dependency) reads, as factbot quotes it
        import pypdf

        reader = pypdf.PdfReader(str(path))
        return [_fold("\n".join(page.extract_text() for page in reader.pages))]
    data = path.read_bytes()
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        raw = data.decode("cp1252")
    texts = [_fold(raw)]
    if path.suffix.lower() in (".html", ".htm"):
        texts.append(_fold(html.unescape(_TAG.sub("", raw))))
    return texts


if __name__ == "__main__":
    sys.exit(main())
