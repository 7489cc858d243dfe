"""Bytes to repaired text: encodings, mojibake, and date strings checked before anyone trusts them."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata

import ftfy

from extract.errors import DocumentError

__all__ = ["decode_bytes", "repair", "check_date", "MIN_YEAR"]

MIN_YEAR = 1800
_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
# Keep curly quotes and the document's own characters: we repair encodings, not typography.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                             normalization="NFC")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, tuple[str, ...]]:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252.

    Raises:
        DocumentError: when the bytes look binary.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), ()
    if _looks_utf16(data):
        return data.decode("utf-16-le", errors="replace"), ("decoded as UTF-16 (no byte-order mark)",)
    if _looks_binary(data):
        raise DocumentError(path, "binary file (control bytes), not a text document")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        return _decode_legacy(data), ("not valid UTF-8: decoded as Windows-1252",)


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    return len(sample) >= 8 and sample[1::2].count(0) > 0.4 * len(sample[1::2]) and sample[0::2].count(0) == 0


def _looks_binary(data: bytes) -> bool:
    """More than 5 % control bytes (other than tab, newlines, form feed) in the first 8 KiB, or many NULs."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > 0.05 * len(sample) or data.count(b"\x00") > max(8, len(data) // 100)


def _decode_legacy(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def repair(text: str) -> tuple[str, list[str]]:
    """Repair mojibake (`â€™` → `’`) and control characters; say so when something changed."""
    cleaned = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    fixed = ftfy.fix_text(cleaned, config=_FTFY)
    warnings = []
    if text.count("\x00"):
        warnings.append(f"removed {text.count(chr(0))} NUL characters")
    if fixed != unicodedata.normalize("NFC", cleaned):
        warnings.append("repaired mojibake")
    return fixed, warnings


def check_date(value: str, *, today: dt.date | None = None) -> tuple[str | None, str | None]:
    """Normalise `YYYY-MM[-DD]` (zero-padded) or say what is wrong with it.

    >>> check_date("2017-5-7")
    ('2017-05-07', None)
    >>> check_date("2017-13-45")[1]
    'not a calendar date'
    """
    m = _DATE.match(value.strip())
    if m is None:
        return None, "expected YYYY-MM-DD or YYYY-MM"
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        when = dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return None, "not a calendar date"
    limit = (today or dt.date.today()).year + 1
    if not MIN_YEAR <= year <= limit:
        return None, f"year {year} is outside {MIN_YEAR}-{limit}"
    return (when.isoformat() if day else when.isoformat()[:7]), None
