"""Reading inputs: decoding, refusals, front matter, HTML extraction, folder listing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from allegiance.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)
from allegiance.ingest.files import iter_sources, read_bytes, read_path, repair_mojibake
from allegiance.ingest.frontmatter import split_front_matter
from allegiance.ingest.html import html_to_text

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FR = "Étienne a été élu maire de l’État de Genève, « à l’unanimité » — 3 000 €."


# --- decoding ------------------------------------------------------------------------------------


def test_utf8() -> None:
    doc = read_bytes(FR.encode("utf-8"), name="a.txt")
    assert (doc.text, doc.encoding, doc.is_html) == (FR, "utf-8", False)


def test_cp1252_with_typographic_apostrophe() -> None:
    data = FR.encode("cp1252")
    assert b"\x92" in data  # ’ is 0x92 in Windows-1252, a C1 control in Latin-1
    doc = read_bytes(data, name="a.txt")
    assert doc.text == FR
    assert doc.encoding == "cp1252"


def test_latin1() -> None:
    text = "Étienne a été élu à l'unanimité."
    doc = read_bytes(text.encode("latin-1"), name="a.txt")
    assert doc.text == text


def test_latin1_bytes_undefined_in_cp1252() -> None:
    data = "Élu".encode("latin-1") + b"\x81 ok"
    doc = read_bytes(data, name="a.txt")
    assert doc.encoding == "iso-8859-1"
    assert doc.text.startswith("Élu")


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_byte_order_marks(codec: str) -> None:
    data = FR.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    doc = read_bytes(data, name="a.txt")
    assert doc.text == FR


def test_html_meta_charset_is_honoured() -> None:
    html = '<html><head><meta charset="iso-8859-15"></head><body><p>Prix : 5 €</p></body></html>'
    doc = read_bytes(html.encode("iso-8859-15"), name="page.html")
    assert doc.is_html
    assert doc.encoding == "iso8859-15"
    assert "5 €" in doc.text


def test_html_http_equiv_windows_1252() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "</head><body><p>l’État</p></body></html>"
    )
    doc = read_bytes(html.encode("cp1252"), name="page.htm")
    assert "l’État" in doc.text


def test_mojibake_repair() -> None:
    assert repair_mojibake("Ã‰tienne a Ã©tÃ© Ã©lu, lâ€™Ã‰tat") == "Étienne a été élu, l’État"
    assert repair_mojibake("SANTÉ\u00a0: bien") == "SANTÉ\u00a0: bien"  # real text is left alone
    doc = read_bytes("Il a Ã©tÃ© Ã©lu.".encode(), name="a.txt")
    assert doc.text == "Il a été élu."


# --- refusals ------------------------------------------------------------------------------------


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError) as err:
        read_path(tmp_path / "nope.txt")
    assert err.value.path == str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  "])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as err:
        read_bytes(data, name="e.txt")
    assert err.value.path == "e.txt"


def test_front_matter_only_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        read_bytes(b"---\ntitle: x\n---\n\n", name="e.md")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n...",
        b"\x89PNG\r\n\x1a\n....",
        b"\xff\xd8\xff\xe0 JFIF",
        b"PK\x03\x04 zip",
        b"\x1f\x8b\x08 gzip",
        b"some text\x00with a NUL",
        bytes(range(1, 9)) * 40 + b"abc",
    ],
)
def test_binary(data: bytes) -> None:
    with pytest.raises(BinaryInputError):
        read_bytes(data, name="b.txt")


def test_too_large_message_gives_size_and_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<p>mot</p>" * 2_000_000 + b"</body></html>")
    with pytest.raises(InputTooLargeError) as err:
        read_path(big)
    message = str(err.value)
    assert "20.0 MB" in message and "10.0 MB" in message and str(big) in message
    with pytest.raises(InputTooLargeError):
        read_bytes(b"x" * 101, name="s.txt", max_bytes=100)


def test_undecodable() -> None:
    data = b"abc " + b"\x81\x8d\x8f\x90\x9d" * 20
    with pytest.raises(DecodingError):
        read_bytes(data, name="d.txt")
    with pytest.raises(DecodingError):
        read_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a", name="d.txt")  # lone surrogate


# --- HTML detection ------------------------------------------------------------------------------


def test_html_sniffing() -> None:
    assert read_bytes(b"<!DOCTYPE html><html><p>x</p></html>", name="<stdin>").is_html
    assert read_bytes(b"  <html lang='fr'><p>x</p></html>", name="a.txt").is_html
    assert read_bytes(b"<p>un</p>" * 30, name="a.txt").is_html
    assert not read_bytes(b"Un <b>mot</b> en gras.", name="a.md").is_html
    assert read_bytes(b"plain", name="a.xhtml").is_html


# --- front matter --------------------------------------------------------------------------------


def test_yaml_front_matter() -> None:
    text = (
        '---\ntitle: "Un titre"\ndate: 2025-01-23\nsource: Le Journal\nlang:\n  - fr\n'
        "authors: [Ann Lee, Bo Ng]\ntags: [x, y]\nsummary: ignored\n---\n\nLe texte.\n"
    )
    meta, rest, cut = split_front_matter(text)
    assert meta == {
        "title": "Un titre",
        "date": "2025-01-23",
        "outlet": "Le Journal",
        "lang": "fr",
        "author": "Ann Lee, Bo Ng",
    }
    assert rest == "Le texte.\n"
    assert text[cut:] == rest


def test_bad_yaml_names_the_line() -> None:
    with pytest.raises(InputError, match="line 3"):
        split_front_matter("---\ntitle: ok\nbad: [unclosed\n---\ntext", path="f.md")


def test_comment_header() -> None:
    text = (
        "# title: Musk et Altman\n# date: 2025-02\n# url: https://example.org/a\n"
        "# source: owner/repo@abc:tests/x.html\n# text_origin: scraper\n\n# Un vrai titre\n\nCorps."
    )
    meta, rest, cut = split_front_matter(text)
    assert meta == {
        "title": "Musk et Altman",
        "date": "2025-02",
        "url": "https://example.org/a",
        "text_origin": "scraper",
    }  # a repo path is provenance, not an outlet
    assert rest.startswith("# Un vrai titre")
    assert text[cut:] == rest


def test_markdown_heading_is_not_metadata() -> None:
    for text in (
        "# Musk sues OpenAI\n\nBody.",
        "# Update: the vote\n\nBody.",
        "---\n\nNo closing rule.",
    ):
        meta, rest, cut = split_front_matter(text)
        assert (meta, rest, cut) == ({}, text, 0)


def test_read_path_splits_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("# title: T\n# outlet: Le Monde\n\nLe corps du texte.\n", "utf-8")
    doc = read_path(f)
    assert doc.meta == {"title": "T", "outlet": "Le Monde"}
    assert doc.text == "Le corps du texte.\n"
    assert doc.path == str(f)
    assert doc.header_chars == len("# title: T\n# outlet: Le Monde\n\n")


# --- folders -------------------------------------------------------------------------------------


def test_iter_sources(tmp_path: Path) -> None:
    for name in [
        "b/x.html",
        "b/x.txt",
        "a.md",
        "c.HTM",
        ".hidden.txt",
        ".git/y.txt",
        "z.pdf",
        "n.json",
    ]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_sources(tmp_path)]
    assert got == ["a.md", "b/x.html", "b/x.txt", "c.HTM"]
    with pytest.raises(MissingInputError):
        list(iter_sources(tmp_path / "none"))


# --- HTML extraction -----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="fr-FR"><head><title>Le conseil vote le budget</title>
<meta property="og:site_name" content="La Gazette">
<meta property="article:published_time" content="2024-03-12T08:00:00+01:00">
</head><body><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav>
<article><h1>Le conseil vote le budget</h1>
<p>Le conseil municipal a adopté mardi soir le budget de la ville pour l'année prochaine,
après un long débat entre la majorité et l'opposition sur le financement des écoles.</p>
<figure><img src="a.jpg">
<figcaption>La salle du conseil, mardi soir. Photo Jean Martin</figcaption></figure>
<p>La maire a salué « un budget responsable », tandis que l'opposition dénonçait une hausse
des impôts locaux qu'elle juge injuste pour les familles modestes de la commune.</p>
<p><span class="capsule"><span>À LIRE AUSSI</span>
<a href="/x">Les impôts locaux en hausse</a></span>Le vote
final a eu lieu peu avant minuit, par vingt-deux voix contre onze, sous les applaudissements.</p>
</article><footer>Mentions légales</footer></body></html>"""


def test_html_to_text() -> None:
    text, meta = html_to_text(PAGE, url="https://example.org/budget")
    assert text.startswith("Le conseil municipal a adopté mardi soir")
    assert "Le conseil vote le budget" not in text  # the title is metadata, not body
    assert "Photo Jean Martin" not in text and "LIRE AUSSI" not in text
    assert "Le vote\nfinal a eu lieu" in text or "Le vote final a eu lieu" in text
    assert "Accueil" not in text and "Mentions légales" not in text
    assert "\n\nLa maire a salué" in text
    assert meta["title"] == "Le conseil vote le budget"
    assert meta["date"] == "2024-03-12"
    assert meta["lang"] == "fr"
    assert meta["outlet"] == "La Gazette"
    assert meta["url"] == "https://example.org/budget"


def test_html_without_article_text() -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        html_to_text("<html><body><nav><a href='/'>Accueil</a></nav></body></html>", name="p.html")


@pytest.mark.corpus
def test_corpus_html_all_give_text() -> None:
    pages = sorted(CORPUS.glob("*/*.html")) if CORPUS.is_dir() else []
    if not pages:
        pytest.skip("shared corpus absent")
    for page in pages:
        doc = read_path(page)
        assert doc.is_html
        text, meta = html_to_text(doc.text, name=str(page))
        companion = page.with_suffix(".txt")
        _, expected, _ = split_front_matter(companion.read_text("utf-8"))
        assert len(text) > 0.5 * len(expected), page.name
        words = set(expected.split())
        assert len(words & set(text.split())) > 0.7 * len(words), page.name
        assert meta.get("title"), page.name


@pytest.mark.corpus
def test_corpus_text_files_read() -> None:
    files = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip("shared corpus absent")
    for f in files:
        doc = read_path(f)
        assert not doc.is_html and doc.text.strip() and not doc.text.startswith("# title:")
        assert "text_origin" in doc.meta, f.name
