"""Fuzzing: any file bytes are parsed or skipped, and every extractor is total on any text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.cleaning import parse_document, split_passages
from knowledge.errors import BuildError, DocumentError
from knowledge.extract import EXTRACTORS
from knowledge.loading import read_text
from knowledge.store import KnowledgeBase, build_knowledge_base
from knowledge.text import fold

SUFFIXES = st.sampled_from([".txt", ".md", ".pdf", ".html"])
# Text made of the pieces documents of this kind are made of, shuffled: it reaches the
# extractors' patterns far more often than uniform random characters would.
PIECES = st.sampled_from([
    "€1,830,000", "46,000 euros ($63,020)", "$333,959", "two million euros", " per year", " a month",
    "(33)1-4312-2614", "VuAT3@state.gov", "@handle_x", "Schwarzenbergplatz 16, 1010, Vienna (Austria)",
    "October 19-20, 2009", "14-18 May 2018", "From 2-5 July", "31 May - 1 June", "in March 2009",
    "30-day reflection period", "residence permit", "article R316-1", "¶5.", "-- A.", "\n\n", "\n", " ",
    ". ", "? ", "PARIS 00000198  002.6 OF 006", "SIPDIS", "VZCZCXRO4378", "Contact", "Ms. ", "Mr ",
    "France", "UNODC", "the", "2018", "¶2008.", "-", "–", "(", ")", "“", "”", "\f", "$", "€", "£", "0", "1,",
])
DOC_TEXT = st.one_of(st.text(max_size=600), st.lists(PIECES, max_size=80).map("".join))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
def test_any_bytes_are_read_or_refused_with_a_reason(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_bytes(data)
        try:
            text, _, _, _ = read_text(path)
        except DocumentError as e:
            assert str(e)
        else:
            assert text.strip()


@FAST
@given(text=DOC_TEXT)
def test_every_extractor_is_total_and_quotes_verbatim(text: str) -> None:
    if not text.strip():
        return
    doc = parse_document("fuzz.txt", text, kind="text", sha256="0", notes=())
    folded = fold(text)
    for passage in split_passages(doc):
        assert text[passage.start:passage.end] == passage.text
        for name, extractor in EXTRACTORS.items():
            for fact in extractor(passage):
                assert fact.type == name
                assert fold(fact.excerpt) in folded
                assert len(fact.excerpt) <= 600


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(st.one_of(st.binary(max_size=800), DOC_TEXT.map(str.encode)), SUFFIXES),
                      min_size=1, max_size=4))
def test_a_build_never_crashes_on_any_files(files: list[tuple[bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for i, (data, suffix) in enumerate(files):
            (docs / f"f{i}{suffix}").write_bytes(data)
        try:
            report = build_knowledge_base(docs, Path(tmp) / "kb.db")
        except BuildError:
            assert not (Path(tmp) / "kb.db").exists()
            return
        assert report.documents + len(report.skipped) == len(files)
        assert KnowledgeBase(Path(tmp) / "kb.db").counts()["documents"] == report.documents
