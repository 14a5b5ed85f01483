"""fetch_related: same registrable site only, through the safe fetch, cached with a bound and a TTL."""
from __future__ import annotations

import ipaddress
import time

import pytest
from fetch_servers import Canary, Upstream, page

from service.fetch import FetchProblem, FetchSettings, UrlNotAllowed, fetch_related
from service.fetch.related import RELATED_CACHE, registrable_site


@pytest.fixture()
def upstream():
    RELATED_CACHE.clear()
    server = Upstream("127.0.0.2")
    server.routes["/terms"] = page(b"<html><title>Terms</title></html>")
    server.routes["/licence"] = page(b"<html><title>Licence</title></html>")
    server.routes["/about"] = page(b"<html><title>About</title></html>")
    yield server
    server.close()
    RELATED_CACHE.clear()


def local(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    return [ipaddress.ip_address("127.0.0.2")]


def settings_for(server: Upstream, **overrides: object) -> FetchSettings:
    values: dict[str, object] = {"allowed_networks": ("127.0.0.2/32",), "allowed_ports": (server.port, 80, 443),
                                 "deadline": 3.0, "cache_ttl": 60.0, "cache_size": 8}
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("one, other, same", [
    ("https://www.example.co.uk/a", "https://legal.example.co.uk/terms", True),
    ("https://www.example.co.uk/a", "https://www.other.co.uk/terms", False),
    ("https://alice.github.io/post", "https://bob.github.io/terms", False),  # a private suffix: separate sites
    ("https://alice.github.io/post", "https://alice.github.io/terms", True),
    ("https://news.example.com/a", "https://example.com/terms", True),
    ("https://example.com/a", "https://example.com.evil.org/terms", False),
    ("http://93.184.215.14/a", "http://93.184.215.15/terms", False),
])
def test_registrable_sites_follow_the_public_suffix_list(one, other, same):
    settings = FetchSettings()
    assert (registrable_site(one, settings) == registrable_site(other, settings)) is same


def test_a_page_on_the_same_site_is_fetched_once_then_served_from_the_cache(upstream):
    settings = settings_for(upstream)
    base = f"http://www.news.test:{upstream.port}/2024/story"
    first = fetch_related(f"http://legal.news.test:{upstream.port}/terms", base, settings, resolver=local)
    again = fetch_related(f"http://legal.news.test:{upstream.port}/terms", base, settings, resolver=local)
    assert "Terms" in first.text and again == first
    assert len(upstream.requests) == 1
    assert upstream.requests[0][1]["Host"] == f"legal.news.test:{upstream.port}"


def test_another_site_is_refused_without_a_request(upstream):
    with pytest.raises(UrlNotAllowed, match="same site"):
        fetch_related(f"http://other.test:{upstream.port}/terms", f"http://news.test:{upstream.port}/a",
                      settings_for(upstream), resolver=local)
    assert upstream.connections == 0


def test_same_site_pages_still_go_through_the_address_checks():
    canary = Canary("127.0.0.1")
    try:
        settings = FetchSettings(allowed_ports=(canary.port,))
        with pytest.raises(UrlNotAllowed, match="loopback"):
            fetch_related(f"http://localhost:{canary.port}/terms", f"http://localhost:{canary.port}/a", settings)
    finally:
        canary.close()
    assert canary.connections == 0


def test_entries_expire_after_the_ttl(upstream):
    settings = settings_for(upstream, cache_ttl=0.2)
    url, base = upstream.url("/terms"), upstream.url("/a")
    fetch_related(url, base, settings)
    time.sleep(0.3)
    fetch_related(url, base, settings)
    assert len(upstream.requests) == 2


def test_the_cache_is_bounded_least_recently_used_first(upstream):
    settings = settings_for(upstream, cache_size=2)
    base = upstream.url("/a")
    for path in ("/terms", "/licence", "/terms", "/about"):  # /licence is the least recently used
        fetch_related(upstream.url(path), base, settings)
    assert len(RELATED_CACHE) == 2
    fetch_related(upstream.url("/terms"), base, settings)
    fetch_related(upstream.url("/licence"), base, settings)
    assert [path for path, _ in upstream.requests] == ["/terms", "/licence", "/about", "/licence"]


def test_failures_are_cached_too(upstream):
    settings = settings_for(upstream)
    for _ in range(2):
        with pytest.raises(FetchProblem, match="404"):
            fetch_related(upstream.url("/gone"), upstream.url("/a"), settings)
    assert len(upstream.requests) == 1


def test_spellings_of_one_url_share_an_entry(upstream):
    settings = settings_for(upstream)
    base = upstream.url("/a")
    fetch_related(upstream.url("/terms"), base, settings)
    fetch_related(upstream.url("/terms#section-2"), base, settings)
    fetch_related(upstream.url("/terms").replace("http://", "HTTP://"), base, settings)
    assert len(upstream.requests) == 1


def test_the_cache_is_bounded_in_characters_too(upstream):
    RELATED_CACHE.max_chars = 100
    try:
        settings = settings_for(upstream)
        base = upstream.url("/a")
        for path in ("/terms", "/licence", "/about"):  # ~35 characters each: two fit
            fetch_related(upstream.url(path), base, settings)
        assert len(RELATED_CACHE) == 2 and RELATED_CACHE.chars <= 100
        fetch_related(upstream.url("/terms"), base, settings)  # evicted: fetched again
        assert len(upstream.requests) == 4
    finally:
        RELATED_CACHE.max_chars = 32 * 1024 * 1024
