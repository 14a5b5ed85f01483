"""Parse a URL the way the fetcher will use it, refusing anything ambiguous before it can be misread.

SSRF guards are usually beaten by parser differentials: a guard reads one host, the HTTP client
another. So the URL is parsed once, here, strictly: no userinfo, no backslashes or control characters,
every IPv4 spelling the WHATWG URL standard (and inet_aton) accepts read as the address it denotes
(`2130706433`, `0x7f000001`, `017700000001`, `127.1`), IDNs mapped by UTS 46, IPv6 zone ids refused.
The fetcher then builds its request from the parsed parts, never from the caller's string.
"""
from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import idna

from service.fetch.errors import UrlNotAllowed
from service.fetch.netguard import IPAddress

SCHEME_PORTS = {"http": 80, "https": 443}
MAX_URL_CHARS = 8192
# Characters that different URL parsers treat differently (WHATWG reads "\" as "/", strips tabs...).
_AMBIGUOUS = re.compile(r"[\x00-\x20\x7f\\]")
_IDEOGRAPHIC_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_NUMBER_LABEL = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)$")


@dataclass(frozen=True)
class Target:
    """One parsed http(s) URL: where to connect and what to ask for."""

    scheme: str
    host: str  # ASCII host name, or the IP address in its canonical form
    port: int
    path: str  # path and query, never empty; the fragment is dropped
    address: IPAddress | None  # set when the URL names an IP address literally

    @property
    def host_header(self) -> str:
        """The Host header (and the URL's authority): brackets for IPv6, the port when not default."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == SCHEME_PORTS[self.scheme] else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        """The canonical URL the fetcher requests."""
        return f"{self.scheme}://{self.host_header}{self.path}"


def parse_target(url: str, allowed_ports: tuple[int, ...]) -> Target:
    """url as a Target, or UrlNotAllowed naming what is wrong with it (scheme, credentials, host, port)."""
    if len(url) > MAX_URL_CHARS:
        raise UrlNotAllowed(f"the URL is longer than {MAX_URL_CHARS} characters")
    if _AMBIGUOUS.search(url):
        raise UrlNotAllowed("the URL contains whitespace, control characters or a backslash")
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UrlNotAllowed(f"the URL cannot be parsed: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEME_PORTS:
        raise UrlNotAllowed(f"only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}")
    if "@" in parts.netloc:
        raise UrlNotAllowed("URLs with credentials (user@host) are not fetched")
    host_text, port_text = _split_authority(parts.netloc)
    port = _port(port_text, SCHEME_PORTS[scheme])
    if port not in allowed_ports:
        raise UrlNotAllowed(f"port {port} is not an allowed port")
    host, address = _host(host_text)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(scheme=scheme, host=host, port=port, path=path, address=address)


def _split_authority(netloc: str) -> tuple[str, str]:
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            raise UrlNotAllowed("the URL has an unclosed IPv6 bracket")
        rest = netloc[end + 1:]
        if rest and not rest.startswith(":"):
            raise UrlNotAllowed("the URL has text after its IPv6 address")
        return netloc[:end + 1], rest[1:]
    if netloc.count(":") > 1:
        raise UrlNotAllowed("an IPv6 address in a URL must be in brackets")
    host, _, port = netloc.partition(":")
    return host, port


def _port(text: str, default: int) -> int:
    if not text:
        return default
    if not text.isascii() or not text.isdigit() or not 0 < int(text) < 65536:
        raise UrlNotAllowed(f"the URL's port {text!r} is not a port number")
    return int(text)


def _host(text: str) -> tuple[str, IPAddress | None]:
    if text.startswith("["):
        inner = text[1:-1]
        if "%" in inner:
            raise UrlNotAllowed("IPv6 zone ids are not fetched")
        try:
            address6 = ipaddress.IPv6Address(inner)
        except ValueError as exc:
            raise UrlNotAllowed(f"{inner!r} is not an IPv6 address") from exc
        return str(address6), address6
    name = unicodedata.normalize("NFKC", text.translate(_IDEOGRAPHIC_DOTS)).lower()
    if not name.isascii():
        try:
            name = idna.encode(name, uts46=True).decode("ascii")
        except idna.IDNAError as exc:
            raise UrlNotAllowed(f"{text!r} is not a valid international host name") from exc
    labels = name.split(".")
    if len(labels) > 1 and labels[-1] == "":
        labels.pop()  # one trailing dot: the root
    if labels and _NUMBER_LABEL.match(labels[-1]):
        address4 = parse_ipv4(labels)
        return str(address4), address4
    if not labels or len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise UrlNotAllowed(f"{text!r} is not a valid host name")
    return ".".join(labels), None


def parse_ipv4(labels: list[str]) -> ipaddress.IPv4Address:
    """An IPv4 address in any spelling the WHATWG URL standard accepts (1 to 4 parts, each decimal,
    0x-hex or 0-octal; the last part fills the remaining bytes), else UrlNotAllowed."""
    spelled = ".".join(labels)
    if len(labels) > 4:
        raise UrlNotAllowed(f"{spelled!r} is not a valid IPv4 address")
    numbers = [_ipv4_number(label, spelled) for label in labels]
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise UrlNotAllowed(f"{spelled!r} is not a valid IPv4 address")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def _ipv4_number(label: str, spelled: str) -> int:
    try:
        if label[:2] in ("0x", "0X"):
            return int(label[2:] or "0", 16)
        if len(label) > 1 and label.startswith("0"):
            return int(label[1:], 8)
        return int(label, 10)
    except ValueError as exc:
        raise UrlNotAllowed(f"{spelled!r} is not a valid IPv4 address") from exc
