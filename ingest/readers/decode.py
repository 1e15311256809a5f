"""Bytes to text, or a clear `InputFileError` saying why the bytes are not an article.

Order matters: a byte-order mark is trusted first; known binary signatures and NUL
bytes are refused before any text decoding is tried (UTF-8 would accept NULs);
then strict UTF-8. Anything else is a fallback, and `decode_text` says which one it
took (the reader reports it beside the article): a charset the document or server
declares; else Windows-1252 for Western text (accented letters standing alone
between ASCII ones); else `charset_normalizer`'s guess for multi-byte scripts.
Bytes that are mostly valid UTF-8 but not entirely are damaged UTF-8 (or two
encodings mixed): no single decoding reads them right, so they are refused rather
than stored as mojibake ("BÃ¶rse"). So is text that still reads as garbage.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

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
_GARBAGE_RATIO = 0.01
# C0/C1 controls other than tab and line breaks, private use, lone surrogates, U+FFFD.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")
# one well-formed multi-byte UTF-8 sequence (RFC 3629 table 3-7)
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_DAMAGED_UTF8 = 0.8  # share of the non-ASCII bytes in valid UTF-8 sequences
_WESTERN_RUN = 2.0  # mean length of non-ASCII runs below which text is single-byte Western
# charsets a guess may name: legacy news encodings, never UTF-16/32 without a BOM, EBCDIC
# or Mac code pages, which charset_normalizer offers for random bytes
_GUESSABLE = ("gb", "big5", "cp932", "shift_jis", "euc_", "cp949", "cp125", "koi8", "iso8859_")
_MIN_GUESS_EVIDENCE = 32  # non-ASCII bytes a guess needs: fewer are random as often as not
_MIN_TEXT_SHARE = 0.7  # letters, marks and spaces in natural text (random bytes: ~0.55)
# a Western text's non-ASCII characters are letters and typographic punctuation
# (random bytes in Windows-1252: about two in three)
_TYPOGRAPHIC = frozenset("\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac")
_TYPOGRAPHIC |= frozenset("\u00ab\u00bb\u00a0\u00b7\u00b0\u00a7\u00a3")
_MIN_WESTERN_SHARE = 0.9


class Decoded(NamedTuple):
    """Text and, when it was not plain UTF-8 (or a BOM's), which fallback read it."""

    text: str
    note: str | None = None


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """The text of `data`; `declared` is a charset from outside the bytes (an HTTP header)."""
    return decode_text(data, origin, declared).text


def decode_text(data: bytes, origin: str, declared: str | None = None) -> Decoded:
    """The text of `data` and a note naming the fallback encoding, if one was used."""
    if not data or data.isspace():
        raise InputFileError(f"{origin}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_checked(_strict(data, encoding, origin), origin, encoding))
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputFileError(f"{origin}: binary file ({kind}), not an article")
    if data.find(b"\x00", 0, 65536) >= 0:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise InputFileError(f"{origin}: binary file (contains NUL bytes), not an article")
        return Decoded(_checked(_strict(data, utf16, origin), origin, utf16))
    try:
        return Decoded(_checked(data.decode("utf-8"), origin, "utf-8"))
    except UnicodeDecodeError as exc:
        invalid = exc
    western = _is_western(data)
    _refuse_damaged_utf8(data, origin, invalid, western)
    for label in (declared, _declared_in(data)):
        text = _try_label(data, label)
        if text is not None:
            note = f"not UTF-8; decoded as {label}, the charset it declares"
            return Decoded(_checked(text, origin, str(label)), note)
    if western:
        # its five unassigned bytes become U+FFFD, which `_checked` counts as garbage
        text = data.decode("cp1252", errors="replace")
        note = (
            "not UTF-8 and no usable charset declared; decoded as Windows-1252 (Western European)"
        )
        _western_like(text, origin)
        return Decoded(_checked(_text_like(text, origin, "windows-1252"), origin, "cp1252"), note)
    return _guess(data, origin)


def _refuse_damaged_utf8(
    data: bytes, origin: str, invalid: UnicodeDecodeError, western: bool
) -> None:
    """Refuse bytes that are UTF-8 but for a few invalid ones: any fallback would turn
    their valid multi-byte letters into mojibake. Western single-byte text has no valid
    UTF-8 sequence at all (it takes "Ã©" to make one), so there one is enough."""
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    high = sum(len(run) for run in _HIGH_RUN.findall(data))
    if in_sequences and (in_sequences >= _DAMAGED_UTF8 * high or western):
        bad = data[invalid.start : invalid.start + 1].hex()
        raise InputFileError(
            f"{origin}: invalid UTF-8: byte 0x{bad} at offset {invalid.start:,} is not UTF-8 "
            "though the text around it is (damaged, or two encodings mixed); "
            "not read, so that nothing is stored as mojibake: re-save the file as UTF-8"
        )


def _is_western(data: bytes) -> bool:
    """Non-ASCII bytes mostly alone between ASCII ones: accented Latin letters in a
    single-byte charset, not a multi-byte (CJK) or all-non-Latin (Cyrillic) script."""
    runs = _HIGH_RUN.findall(data)
    return bool(runs) and sum(map(len, runs)) / len(runs) < _WESTERN_RUN


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


def _guess(data: bytes, origin: str) -> Decoded:
    import charset_normalizer  # here: only undeclared non-UTF-8 text needs it (start-up cost)

    evidence = sum(len(run) for run in _HIGH_RUN.findall(data))
    results = [
        r
        for r in charset_normalizer.from_bytes(data)
        if r.encoding.startswith(_GUESSABLE) and evidence >= _MIN_GUESS_EVIDENCE
    ]
    if not results:
        raise InputFileError(
            f"{origin}: cannot decode: not UTF-8, UTF-16 or any recognisable text encoding"
        )
    best = results[0]
    note = (
        f"not UTF-8 and no usable charset declared; decoded as {best.encoding} "
        "(charset-normalizer's guess)"
    )
    text = _text_like(str(best), origin, best.encoding)
    return Decoded(_checked(text, origin, best.encoding), note)


def _western_like(text: str, origin: str) -> None:
    """Refuse a Windows-1252 reading whose non-ASCII characters are not mostly letters."""
    high = [c for c in text[:20_000] if ord(c) > 0x7F]
    fit = sum(1 for c in high if c.isalpha() or c in _TYPOGRAPHIC)
    if high and fit / len(high) < _MIN_WESTERN_SHARE:
        raise InputFileError(
            f"{origin}: cannot decode: not UTF-8, and as Windows-1252 only {fit} of its "
            f"{len(high)} non-ASCII characters are letters; not readable text"
        )


def _text_like(text: str, origin: str, encoding: str) -> str:
    """Refuse a fallback decoding that does not read as natural language."""
    sample = text[:20_000]
    wordy = sum(
        1 for c in sample if c.isalpha() or c.isspace() or unicodedata.category(c)[0] == "M"
    )
    if sample and wordy / len(sample) < _MIN_TEXT_SHARE:
        raise InputFileError(
            f"{origin}: cannot decode: not UTF-8, and as {encoding} it does not read as text "
            f"({wordy} of {len(sample)} characters are letters or spaces)"
        )
    return text


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
