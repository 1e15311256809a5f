"""Bytes to text, or a clear `InputFileError` saying why the bytes are not an article.

Order matters: a byte-order mark is trusted first; known binary signatures and NUL
bytes are refused before any text decoding is tried (UTF-8 would accept NULs);
then strict UTF-8, then a charset the document or server declares, then
`charset_normalizer`'s guess, which is refused when it still reads as garbage.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from graph.errors import InputFileError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_DECLARED = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
# WHATWG: documents labelled Latin-1 are decoded as windows-1252.
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
}
_PREFERRED = ("cp1252",)  # charset_normalizer breaks near-ties arbitrarily; Western news wins
_TIE_MARGIN = 0.03
_GARBAGE_RATIO = 0.01
# C0/C1 controls other than tab and line breaks, private use, lone surrogates, U+FFFD.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """The text of `data`; `declared` is a charset from outside the bytes (an HTTP header)."""
    if not data or data.isspace():
        raise InputFileError(f"{origin}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data, encoding, origin), origin, encoding)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputFileError(f"{origin}: binary file ({kind}), not an article")
    if data.find(b"\x00", 0, 65536) >= 0:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputFileError(f"{origin}: binary file (contains NUL bytes), not an article")
        return _checked(_strict(data, utf16, origin), origin, utf16)
    try:
        return _checked(data.decode("utf-8"), origin, "utf-8")
    except UnicodeDecodeError:
        pass
    for label in (declared, _declared_in(data)):
        text = _try_label(data, label)
        if text is not None:
            return _checked(text, origin, str(label))
    return _guess(data, origin)


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{origin}: starts like {encoding} text but byte {exc.start} is invalid ({exc.reason})"
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if len(data) % 2 or half < 8:
        return None
    if sample[1::2].count(0) > 0.6 * half and sample[0::2].count(0) == 0:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.6 * half and sample[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def _declared_in(data: bytes) -> str | None:
    """A charset an XML declaration or HTML meta tag names near the start."""
    match = _DECLARED.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


def _try_label(data: bytes, label: str | None) -> str | None:
    if not label:
        return None
    encoding = _LABEL_ALIASES.get(label.lower(), label)
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _guess(data: bytes, origin: str) -> str:
    results = list(charset_normalizer.from_bytes(data))
    if not results:
        raise InputFileError(
            f"{origin}: cannot decode: not UTF-8, UTF-16 or any recognisable text encoding"
        )
    best = results[0]
    for match in results:
        if match.chaos <= best.chaos + _TIE_MARGIN and any(
            enc in match.could_be_from_charset for enc in _PREFERRED
        ):
            best = match
            break
    return _checked(str(best), origin, best.encoding)


def _checked(text: str, origin: str, encoding: str) -> str:
    """Refuse text that decoded but is mostly control or private-use characters."""
    bad = len(_BAD_CHARS.findall(text))
    if text and bad / len(text) > _GARBAGE_RATIO:
        raise InputFileError(
            f"{origin}: decodes as {encoding} but {bad} of {len(text)} characters are control "
            "or replacement characters; not readable text"
        )
    if not text.strip():
        raise InputFileError(f"{origin}: empty file (only whitespace)")
    return text
