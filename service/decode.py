"""Bytes to text for HTML: BOM, then the transport header, then <meta>, then UTF-8, then windows-1252.

That is the HTML standard's order, with one practical correction: a page whose label names a legacy
single-byte charset (latin-1, windows-1252...) but whose bytes are valid UTF-8 with non-ASCII text is
read as UTF-8, because valid multi-byte UTF-8 almost never arises from real single-byte text, while
servers mislabelling UTF-8 as latin-1 are common. Likewise a page labelled UTF-8 whose bytes are not
UTF-8 at all (no valid multi-byte sequence) is read as windows-1252.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
META_SNIFF_BYTES = 4096
FALLBACK = "cp1252"


@dataclass(frozen=True)
class Decoded:
    """Text, the codec that produced it, and which rule chose it (bom, header, meta, sniffed...)."""

    text: str
    encoding: str
    source: str
    warning: str | None = None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The codec a Content-Type header's charset names, if Python knows it."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _known(match.group(1)) if match else None


def _known(name: str | bytes) -> str | None:
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        codec = codecs.lookup(label.strip())
    except LookupError:
        return None
    # A page that says latin-1 (or ASCII) is, by the HTML standard, windows-1252.
    return FALLBACK if codec.name in {"latin-1", "iso8859-1", "ascii"} else codec.name


def _single_byte(codec: str) -> bool:
    return codec == FALLBACK or codec.startswith(("cp125", "iso8859", "latin", "mac-", "koi8"))


def decode_report(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode an HTML body and say how the charset was chosen (for provenance and warnings)."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return Decoded(body[len(bom):].decode(encoding, "replace"), encoding, "bom")
    declared, source = charset_from_content_type(content_type), "header"
    if declared is None:
        match = _META_CHARSET.search(body[:META_SNIFF_BYTES])
        declared, source = (_known(match.group(1)) if match else None), "meta"
        if declared and declared.startswith("utf-16"):
            declared = "utf-8"  # a <meta> readable as ASCII cannot be UTF-16
    if declared and _single_byte(declared) and _UTF8_MULTIBYTE.search(body):
        try:
            return Decoded(body.decode("utf-8"), "utf-8", "sniffed",
                           f"the page is labelled {declared} ({source}) but is UTF-8; read as UTF-8")
        except UnicodeDecodeError:
            pass  # not UTF-8 after all: the label stands
    if declared:
        try:
            return Decoded(body.decode(declared), declared, source)
        except UnicodeDecodeError:
            pass  # mislabelled: sniff below
    try:
        return Decoded(body.decode("utf-8"), "utf-8", "default" if not declared else "sniffed")
    except UnicodeDecodeError:
        pass
    note = f"the page is labelled {declared} ({source}) but is not; " if declared else ""
    if declared and not _single_byte(declared) and (declared != "utf-8" or _UTF8_MULTIBYTE.search(body)):
        return Decoded(body.decode(declared, "replace"), declared, source,
                       note + "invalid bytes replaced" if note else None)
    return Decoded(body.decode(FALLBACK, "replace"), FALLBACK, "sniffed",
                   note + f"read as {FALLBACK}" if note else None)


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an HTML body by the HTML standard's order: BOM, transport header, <meta>, then sniffing."""
    return decode_report(body, content_type).text
