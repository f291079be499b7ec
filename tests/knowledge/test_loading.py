"""Loading: every common encoding and format, and clear reasons for files that cannot be used."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from knowledge.errors import DocumentError
from knowledge.loading import document_files, read_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "expected", "note"),
    [
        ("a.txt", "Contribution of €40,000 to the shelter.".encode(), "€40,000", None),
        ("b.txt", "\ufeffUTF-8 with a byte order mark: café".encode(), "café", None),
        ("c.txt", "Fondation Scelles reçoit 300 euros".encode("cp1252"), "reçoit", "cp1252"),
        ("d.txt", "Les Amis du Bus des Femmes – 2 000 €".encode("cp1252"), "– 2 000 €", "cp1252"),
        ("e.md", b"# Title\n\nWindows line ends\r\nsecond line\r\n", "line ends\nsecond", None),
        ("f.txt", "UTF-16 text".encode("utf-16"), "UTF-16 text", "UTF-16"),
    ],
)
def test_text_in_any_common_encoding(tmp_path: Path, name: str, data: bytes, expected: str, note: str | None) -> None:
    text, kind, sha, notes = read_text(write(tmp_path, name, data))
    assert expected in text
    assert len(sha) == 64
    assert (note is None and not notes) or any(note in n for n in notes)


def test_html_keeps_text_and_drops_markup(tmp_path: Path) -> None:
    page = (b"<html><head><title>Embassy note</title><style>p{color:red}</style></head><body>"
            b"<h1>Funding</h1><p>The ministry granted &euro;12,000 to <b>ALC</b>.</p>"
            b"<script>alert('x')</script></body></html>")
    text, kind, _, _ = read_text(write(tmp_path, "note.html", page))
    assert kind == "html"
    assert "The ministry granted €12,000 to ALC." in text
    assert "Embassy note" in text
    assert "alert" not in text and "color:red" not in text


def test_html_table_cells_stay_apart(tmp_path: Path) -> None:
    page = (b"<html><body><table><tr><th>Year</th><th>Permits issued</th></tr>"
            b"<tr><td>2012</td><td>117</td></tr></table></body></html>")
    text, _, _, _ = read_text(write(tmp_path, "permits.html", page))
    assert [line.split() for line in text.splitlines() if line.strip()] == [["Year", "Permits", "issued"],
                                                                            ["2012", "117"]]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\n  ", "no text"),
        ("bin.txt", b"\x00\x01\x02binary\x00" * 50, "binary"),
        ("ctrl.txt", bytes(range(1, 31)) * 40, "binary"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("tool.exe", b"MZ\x90\x00", "unsupported"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError, match=reason):
        read_text(write(tmp_path, name, data))


def test_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 1000)
    with pytest.raises(DocumentError, match="too large"):
        read_text(path, max_bytes=1000)
    assert read_text(path, max_bytes=10_000)[0].startswith("word")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    with pytest.raises(DocumentError, match="cannot read"):
        read_text(path)


def test_pdf_pages_are_marked(tmp_path: Path) -> None:
    pdf = make_pdf(["First page mentions UNODC.", "Second page mentions Vienna."])
    text, kind, _, _ = read_text(write(tmp_path, "two.pdf", pdf))
    assert kind == "pdf"
    assert "UNODC" in text and "Vienna" in text
    assert text.index("\f") > text.index("UNODC")


def test_pdf_justification_gaps_become_one_space_and_columns_stay(tmp_path: Path) -> None:
    # justified lines come out of a PDF with two or three spaces between words
    pdf = make_pdf(["NAPTIP  received  NGN  45  million   in 2022.", "Shelter        EUR 5,000"])
    text, _, _, _ = read_text(write(tmp_path, "justified.pdf", pdf))
    assert "NAPTIP received NGN 45 million in 2022." in text
    assert "Shelter        EUR 5,000" in text  # a wider gap is a column


def test_document_files_skips_hidden_and_folder_readme(tmp_path: Path) -> None:
    for name in ("a.txt", ".hidden.txt", "README.md", "sub/b.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in document_files(tmp_path)] == ["a.txt", "sub/b.md"]


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one line of text a page (Helvetica), written by hand."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>")
    font_id = 3 + 2 * len(pages)
    for i, line in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({line}) Tj ET"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_file_that_vanished_or_dangles(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(DocumentError, match="cannot read"):
        read_text(link)
