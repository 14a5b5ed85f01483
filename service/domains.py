"""Registrable domains ("bbc.co.uk" for "www.bbc.co.uk"): the one place the service decides which site a
host belongs to, from the public suffix list that publicsuffixlist bundles (offline, loaded once)."""
from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def load() -> None:
    """Read the public suffix list now (start-up), not during the first request that needs it."""
    _psl()


@lru_cache(maxsize=4096)
def registrable_domain(url_or_host: str | None) -> str | None:
    """The registrable domain (eTLD+1) of a URL, host or domain; an IP address stands for itself.

    None when there is none (a public suffix alone, an empty or malformed value): never raises, since
    URLs here come from pages, requests and policy files ("http://[::1" has no host).
    """
    if not url_or_host or not isinstance(url_or_host, str):
        return None
    text = url_or_host.strip().lower()
    try:
        host = urlsplit(text).hostname if "://" in text or text.startswith("//") else text.split("/")[0]
    except ValueError:
        return None
    if host and "://" not in text and not text.startswith("//") and host.count(":") == 1:
        host = host.split(":")[0]  # "example.org:8080"
    host = (host or "").strip("[]").rstrip(".")
    if not host:
        return None
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    return _psl().privatesuffix(host) or None
