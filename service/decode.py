"""Bytes to text for HTML: the declared charset (header, BOM, <meta>), else UTF-8, else windows-1252."""
from __future__ import annotations

import codecs
import re

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
META_SNIFF_BYTES = 4096


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return _known(match.group(1)) if match else None


def _known(name: str | bytes) -> str | None:
    label = name.decode("ascii", "ignore") if isinstance(name, bytes) else name
    try:
        codec = codecs.lookup(label.strip())
    except LookupError:
        return None
    # A page that says latin-1 is, by the HTML standard, windows-1252.
    return "cp1252" if codec.name in {"latin-1", "iso8859-1", "ascii"} else codec.name


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an HTML body by the HTML standard's order: BOM, transport header, <meta>, then sniffing."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(encoding, "replace")
    declared = charset_from_content_type(content_type)
    if declared is None:
        match = _META_CHARSET.search(body[:META_SNIFF_BYTES])
        declared = _known(match.group(1)) if match else None
        if declared and declared.startswith("utf-16"):
            declared = "utf-8"  # a <meta> readable as ASCII cannot be UTF-16
    if declared:
        try:
            return body.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled: fall through to sniffing
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        if declared:
            return body.decode(declared, "replace")
        return body.decode("cp1252", "replace")
