"""Reading an article from bytes, a file, a folder or standard input.

Everything a user can point us at goes through :func:`read_bytes`, which refuses what is not an
article (empty, binary, too large, undecodable) with one clear :mod:`allegiance.errors` error each,
and decodes the rest. Older French sites still serve Windows-1252 or Latin-1, so the decoding
order is: byte-order mark, strict UTF-8, the ``<meta charset>`` of an HTML page, then Windows-1252
(a superset of Latin-1 on every byte it defines), then Latin-1 for the bytes it leaves undefined.

HTML is returned as HTML (``is_html=True``): turning it into text is :mod:`allegiance.ingest.html`'s
job. A text file's front matter is split off here, into ``meta``.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from allegiance.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MissingInputError,
)
from allegiance.ingest.frontmatter import split_front_matter

DEFAULT_MAX_BYTES = 10_000_000
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass
class RawDocument:
    """An input read and decoded, before HTML extraction and boilerplate removal."""

    text: str  # the decoded text (HTML source when is_html), front matter removed
    is_html: bool
    meta: dict[str, str] = field(default_factory=dict)  # title, date, url, lang, outlet, author
    path: str | None = None
    encoding: str = "utf-8"
    header_chars: int = 0  # characters of front matter cut from the start of the decoded text


# --- refusing what is not an article -------------------------------------------------------------

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.odt/.epub)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "an executable"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"WARC/", "a WARC archive (use the WARC reader)"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls that never appear in text (tab, newlines, form feed and escape are allowed)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_RATIO = 0.05


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _check_size(size: int, max_bytes: int, name: str) -> None:
    if size > max_bytes:
        raise InputTooLargeError(
            f"input is {_size(size)}, over the limit of {_size(max_bytes)}; "
            "raise the limit (max_bytes) if this really is one article",
            path=name,
        )


def _check_binary(data: bytes, name: str) -> None:
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        raise BinaryInputError("this is a WebP image, not an article", path=name)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"this is {what}, not an article", path=name)
    head = data[:65536]
    if b"\x00" in head:
        raise BinaryInputError("the bytes are not text (NUL bytes)", path=name)
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if controls > _CONTROL_RATIO * len(head):
        raise BinaryInputError("the bytes are not text (too many control characters)", path=name)


# --- decoding -----------------------------------------------------------------------------------

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""",
    re.IGNORECASE,
)


def declared_charset(data: bytes) -> str | None:
    """The encoding an HTML page declares (``<meta charset>``, ``http-equiv``, XML prolog)."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252, which browsers do too
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Windows-1252 when it defines every byte, else Latin-1.

    Latin-1 maps 0x80-0x9F to C1 control characters no real text contains, while Windows-1252
    puts ’ “ ” € … there, so Windows-1252 is the right reading whenever it succeeds.
    """
    try:
        text = data.decode("cp1252")
        return text, ("cp1252" if re.search(rb"[\x80-\x9f]", data) else "iso-8859-1")
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso-8859-1"


def decode(data: bytes, *, name: str = "<input>", html: bool = False) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``. See the module docstring for the order."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"bytes invalid for their {codec} byte-order mark: {exc}", path=name
                ) from exc
            return text.lstrip("\ufeff"), codec
    try:
        return repair_mojibake(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = declared_charset(data)
        if declared and declared not in ("utf-8", "cp1252"):
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    text, codec = _decode_legacy(data)
    c1 = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if c1 > max(3, 0.01 * len(text)):
        raise DecodingError("the bytes are not UTF-8, Windows-1252 or Latin-1 text", path=name)
    return text, codec


# UTF-8 read as Windows-1252 ("Ã©" for "é", "â€™" for "’"): each UTF-8 sequence became a lead
# character in Â-ô followed by continuation characters, the Windows-1252 images of 0x80-0xBF.
_CONT_CHARS = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)
)
_CONT = "[" + re.escape(_CONT_CHARS) + "]"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}")
_TO_BYTE = {ch: bytes([0x80 + i]) for i, ch in enumerate(_CONT_CHARS)}


def _unmangle(m: re.Match[str]) -> str:
    raw = b"".join(_TO_BYTE.get(ch) or ch.encode("latin-1") for ch in m.group())
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()
    # only letters and punctuation a Latin-script article really uses; "É\u00a0" stays "É\u00a0"
    ok = "\u00a0" <= fixed <= "\u017f" or "\u2010" <= fixed <= "\u203a" or fixed in "€™"
    return fixed if ok else m.group()


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-Windows-1252 sequences ("Ã©tÃ©" -> "été") in otherwise good text."""
    if not any(ch in text for ch in "ÂÃâ"):
        return text  # cheap exit: nearly every French/English mojibake starts with one of these
    return _MOJIBAKE.sub(_unmangle, text)


# --- sniffing HTML ------------------------------------------------------------------------------

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|span|a|br|body|head|meta|script|li|ul|h[1-6]|article|section|table|td)\b", re.I
)


def looks_like_html(text: str, suffix: str = "") -> bool:
    """HTML by extension, or by content: a doctype/``<html>`` start, or markup everywhere."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    if suffix in (".md", ".markdown"):
        return False  # Markdown may hold a few inline tags and still be Markdown
    return len(_BLOCK_TAG.findall(text[:20000])) >= 20


# --- entry points -------------------------------------------------------------------------------


def read_bytes(
    data: bytes,
    *,
    name: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    front_matter: bool = True,
) -> RawDocument:
    """Check and decode one input. ``name`` (a path or ``<stdin>``) is used for HTML sniffing by
    extension and in every error message."""
    _check_size(len(data), max_bytes, name)
    if not data.strip():
        raise EmptyInputError("the input is empty", path=name)
    wide = any(data.startswith(bom) for bom, codec in _BOMS if codec != "utf-8-sig")
    if not wide:  # UTF-16/32 text is full of NUL bytes, legitimately
        _check_binary(data, name)
    suffix = Path(name).suffix if name and not name.startswith("<") else ""
    is_html = suffix.lower() in HTML_SUFFIXES or looks_like_html(
        data[:20000].decode("latin-1"), suffix
    )
    text, encoding = decode(data, name=name, html=is_html)
    if not text.strip():
        raise EmptyInputError("the input is empty (only whitespace)", path=name)
    if not is_html and suffix.lower() not in HTML_SUFFIXES:
        is_html = looks_like_html(text, suffix)  # a UTF-16 page is only visible once decoded
    meta: dict[str, str] = {}
    cut = 0
    if front_matter and not is_html:
        meta, text, cut = split_front_matter(text, path=name)
        if not text.strip():
            raise EmptyInputError("the input holds metadata but no article text", path=name)
    path = None if name.startswith("<") else name
    return RawDocument(
        text=text, is_html=is_html, meta=meta, path=path, encoding=encoding, header_chars=cut
    )


def read_path(path: str | Path, **kw: object) -> RawDocument:
    """Read one article file (see :func:`read_bytes` for the checks and keyword arguments)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise MissingInputError("no such file", path=name)
    if p.is_dir():
        raise InputError("is a folder, expected an article file", path=name)
    max_bytes = kw.get("max_bytes", DEFAULT_MAX_BYTES)
    assert isinstance(max_bytes, int)
    try:
        _check_size(p.stat().st_size, max_bytes, name)  # before reading a huge file into memory
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=name) from exc
    front_matter = kw.get("front_matter", True)
    return read_bytes(data, name=name, max_bytes=max_bytes, front_matter=bool(front_matter))


def read_stdin(*, max_bytes: int = DEFAULT_MAX_BYTES, front_matter: bool = True) -> RawDocument:
    """Read one article from standard input (at most ``max_bytes`` are read)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"standard input is over the limit of {_size(max_bytes)}", path="<stdin>"
        )
    return read_bytes(data, name="<stdin>", max_bytes=max_bytes, front_matter=front_matter)


def iter_sources(folder: str | Path) -> Iterator[Path]:
    """The article files under ``folder``, recursively, in a stable (sorted) order.

    Hidden files and folders are skipped. Both ``x.html`` and ``x.txt`` are returned when a
    folder holds the two forms of one article: which to prefer is the caller's decision.
    """
    root = Path(folder)
    if not root.exists():
        raise MissingInputError("no such folder", path=str(folder))
    if not root.is_dir():
        raise InputError("is a file, expected a folder", path=str(folder))
    found = [
        p
        for p in root.rglob("*")
        if p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(root).parts)
        and p.is_file()
    ]
    yield from sorted(found, key=lambda p: p.relative_to(root).as_posix())


def iter_articles(folder: str | Path) -> Iterator[Path]:
    """:func:`iter_sources` less the ``.txt``/``.md`` companion of an ``x.html`` of the same stem:
    the HTML is the original, the text its extraction, and one article is analysed once."""
    paths = list(iter_sources(folder))  # a sorted list of paths, not of contents
    html_stems = {(p.parent, p.stem) for p in paths if p.suffix.lower() in HTML_SUFFIXES}
    for path in paths:
        if path.suffix.lower() not in HTML_SUFFIXES and (path.parent, path.stem) in html_stems:
            continue
        yield path
