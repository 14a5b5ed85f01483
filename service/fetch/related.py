"""Same-site fetches for the terms engine (a site's licence or terms page), cached in-process.

A page's terms often live on another page of the same site (/terms, /copyright). fetch_related fetches
such a page only when it is on the same registrable site (eTLD+1, by the Public Suffix List that
publicsuffixlist bundles, never downloaded at run time) as the article, through the same safe fetch,
and keeps the answer (or the refusal) in a small LRU cache with a time-to-live, so an engine that asks
for the same terms page for every article of a site fetches it once per TTL.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict

from service.domains import registrable_domain
from service.fetch.client import Fetched, fetch
from service.fetch.errors import FetchProblem, UpstreamTimeout, UrlNotAllowed
from service.fetch.resolve import Resolver, system_resolver
from service.fetch.settings import FetchSettings
from service.fetch.target import parse_target

# All cached pages together hold at most this many characters (a page may be up to the fetch cap).
CACHE_MAX_CHARS = 32 * 1024 * 1024


def registrable_site(url: str, settings: FetchSettings) -> str:
    """The site a URL belongs to: its registrable domain (eTLD+1), or the IP address it names."""
    target = parse_target(url, settings.allowed_ports)
    if target.address is not None:
        return target.host
    return registrable_domain(target.host) or target.host


class FetchCache:
    """A thread-safe LRU of fetch outcomes (pages and refusals), each kept for at most ttl seconds,
    bounded both in entries and in the characters of the pages it holds (pages can be megabytes)."""

    def __init__(self, max_chars: int = CACHE_MAX_CHARS) -> None:
        self._entries: OrderedDict[tuple[str, FetchSettings], tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_chars = max_chars
        self.chars = 0

    def get(self, key: tuple[str, FetchSettings], ttl: float) -> object | None:
        """The outcome stored under key if it is younger than ttl seconds (then the most recent), else None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stored_at, outcome = entry
            if time.monotonic() - stored_at > ttl:
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return outcome

    def put(self, key: tuple[str, FetchSettings], outcome: object, size: int) -> None:
        """Store an outcome, then drop the oldest until at most size entries and max_chars remain."""
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = (time.monotonic(), outcome)
            self.chars += _weight(outcome)
            while self._entries and (len(self._entries) > max(size, 0) or self.chars > self.max_chars):
                self._drop(next(iter(self._entries)))

    def _drop(self, key: tuple[str, FetchSettings]) -> None:
        _, outcome = self._entries.pop(key)
        self.chars -= _weight(outcome)

    def clear(self) -> None:
        """Forget every stored outcome."""
        with self._lock:
            self._entries.clear()
            self.chars = 0

    def __len__(self) -> int:
        return len(self._entries)


def _weight(outcome: object) -> int:
    return len(outcome.text) if isinstance(outcome, Fetched) else 0


RELATED_CACHE = FetchCache()


def fetch_related(url: str, base_url: str, settings: FetchSettings, *,
                  resolver: Resolver = system_resolver, deadline: float | None = None) -> Fetched:
    """Fetch url if it is on base_url's registrable site, from the cache when fetched recently.

    A URL on another site is UrlNotAllowed (422). Timeouts are not cached (they may pass); pages and
    other problems are, for settings.cache_ttl seconds. deadline: as for fetch.
    """
    if registrable_site(url, settings) != registrable_site(base_url, settings):
        raise UrlNotAllowed(f"{url} is not on the same site as {base_url}")
    key = (parse_target(url, settings.allowed_ports).url, settings)  # one entry per canonical URL
    cached = RELATED_CACHE.get(key, settings.cache_ttl)
    if isinstance(cached, FetchProblem):
        raise cached
    if cached is not None:
        return cached  # type: ignore[return-value]
    try:
        page = fetch(url, settings, resolver=resolver, deadline=deadline)
    except UpstreamTimeout:
        raise
    except FetchProblem as problem:
        RELATED_CACHE.put(key, problem, settings.cache_size)
        raise
    RELATED_CACHE.put(key, page, settings.cache_size)
    return page
