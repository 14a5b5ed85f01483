"""Read an upstream body within the size cap, before and after decompression.

The body is read raw (urllib3 does not decode it) and inflated here, chunk by chunk, with zlib's
max_length, so a gzip or deflate bomb stops at the cap instead of filling memory. Only the encodings
the fetcher advertises (gzip, deflate) are accepted; any other (br, zstd...) is refused, since it could
be neither capped nor read.
"""
from __future__ import annotations

import zlib
from typing import Protocol

from service.fetch.errors import FetchProblem, UpstreamTooLarge

ACCEPT_ENCODING = "gzip, deflate"
CHUNK_BYTES = 64 * 1024
GZIP_WBITS = 16 + zlib.MAX_WBITS
ZLIB_WBITS = zlib.MAX_WBITS
RAW_DEFLATE_WBITS = -zlib.MAX_WBITS
IDENTITY = {"", "identity"}


class RawStream(Protocol):
    def read(self, amt: int | None = None, decode_content: bool | None = None) -> bytes: ...


class _Inflater:
    """One gzip or deflate layer, its output capped at limit bytes in all."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.produced = 0
        self._pending = b""
        self._zlib: zlib._Decompress | None = None
        self._members = 0
        if encoding != "deflate":
            self._zlib = zlib.decompressobj(GZIP_WBITS)

    def feed(self, data: bytes) -> bytes:
        if self._zlib is None:  # "deflate" is zlib-wrapped by the RFC, raw in some servers: look first
            self._pending += data
            if len(self._pending) < 2:
                return b""
            data, self._pending = self._pending, b""
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._zlib = zlib.decompressobj(ZLIB_WBITS if wrapped else RAW_DEFLATE_WBITS)
        out = b""
        while data:
            try:
                piece = self._zlib.decompress(data, self.limit - self.produced + 1)
            except zlib.error as exc:
                if self._members:
                    return out  # padding after a complete gzip member, as some servers send: ignored
                raise FetchProblem(f"the upstream's {self.encoding} body is corrupt") from exc
            self._count(piece)
            out += piece
            data = b""
            if self._zlib.eof and self._zlib.unused_data and self.encoding != "deflate":
                data = self._zlib.unused_data  # another gzip member follows
                self._members += 1
                self._zlib = zlib.decompressobj(GZIP_WBITS)
        return out

    def finish(self) -> bytes:
        if self._zlib is None:
            return b""  # under two bytes of deflate: nothing to inflate
        piece = self._zlib.flush()
        self._count(piece)
        return piece

    def _count(self, piece: bytes) -> None:
        self.produced += len(piece)
        if self.produced > self.limit:
            raise UpstreamTooLarge(f"the upstream body inflates past {self.limit} bytes")


def content_codings(header: str | None) -> list[str]:
    """The Content-Encoding layers in the order they were applied; an unknown one is a FetchProblem."""
    codings = [part.strip().lower() for part in (header or "").split(",")]
    codings = [c for c in codings if c not in IDENTITY]
    for coding in codings:
        if coding not in {"gzip", "x-gzip", "deflate"}:
            raise FetchProblem(f"the upstream used content-encoding {coding!r}, which is not accepted")
    return codings


def read_capped(raw: RawStream, content_encoding: str | None, limit: int) -> bytes:
    """The whole body, decoded, or UpstreamTooLarge as soon as either the wire bytes or the decoded
    bytes pass limit. Timeouts and cut connections surface as the stream's own exceptions."""
    layers = [_Inflater(coding, limit) for coding in reversed(content_codings(content_encoding))]
    received = 0
    parts: list[bytes] = []
    while True:
        chunk = raw.read(CHUNK_BYTES, decode_content=False)
        if not chunk:
            break
        received += len(chunk)
        if received > limit:
            raise UpstreamTooLarge(f"the upstream body is over {limit} bytes")
        for layer in layers:
            chunk = layer.feed(chunk)
        parts.append(chunk)
    tail = b""
    for layer in layers:
        tail = layer.feed(tail) + layer.finish() if tail else layer.finish()
    parts.append(tail)
    return b"".join(parts)
