"""One fetch, hop by hop: the steps are listed in the package docstring (service/fetch/__init__.py)."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin

import requests
import urllib3.exceptions

from service.decode import decode_report
from service.fetch.body import ACCEPT_ENCODING, read_capped
from service.fetch.errors import (
    FetchProblem,
    NotHtml,
    UpstreamTimeout,
    UpstreamTooLarge,
    UpstreamUnreachable,
    UrlNotAllowed,
)
from service.fetch.netguard import IPAddress, parse_networks
from service.fetch.pinned import DeadlineGuard, PinnedAdapter
from service.fetch.resolve import Resolver, checked_addresses, system_resolver
from service.fetch.settings import FetchSettings
from service.fetch.target import Target, parse_target

log = logging.getLogger("clearance.fetch")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
# Bodies without a Content-Type are accepted only if they start like HTML.
HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<meta", b"<title")
SNIFF_BYTES = 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched HTML page: final URL (after redirects), status, headers and decoded text."""

    url: str  # the final URL, after redirects
    status: int
    headers: dict[str, str]
    text: str
    encoding: str = "utf-8"
    redirects: tuple[str, ...] = ()  # the URLs that redirected, in order
    warnings: tuple[str, ...] = field(default=())


def fetch(url: str, settings: FetchSettings, *, resolver: Resolver = system_resolver,
          deadline: float | None = None) -> Fetched:
    """Fetch an HTML page by the fetch rules (addresses, ports, redirects, timeouts, caps, types).

    resolver is the DNS lookup; tests pass one that names local addresses. Everything else (the address
    checks, the pinned connection) is the same for every caller. deadline: seconds for this fetch when
    it is shorter than settings.deadline (what is left of a budget several fetches share).
    """
    seconds = settings.deadline if deadline is None else min(deadline, settings.deadline)
    if seconds <= 0:
        raise UpstreamTimeout(f"no time was left to fetch {url}")
    guard = DeadlineGuard(seconds)
    try:
        return _follow(url, settings, resolver, guard)
    finally:
        guard.close()


def _follow(url: str, settings: FetchSettings, resolver: Resolver, guard: DeadlineGuard) -> Fetched:
    allowed = parse_networks(settings.allowed_networks)
    denied = parse_networks(settings.denied_networks)
    redirects: list[str] = []
    target = parse_target(url, settings.allowed_ports)
    while True:
        try:
            addresses = checked_addresses(target, allowed, resolver, guard.remaining(), denied)
        except UrlNotAllowed as exc:
            if not redirects:
                raise
            raise UrlNotAllowed(f"redirect from {redirects[-1]} refused: {exc.detail}") from exc
        adapter, response = _dial(target, addresses, settings, guard)
        try:
            location = response.headers.get("Location") if response.status_code in REDIRECT_STATUSES else None
            if location is None:
                return _page(target, response, settings, guard, tuple(redirects))
        finally:
            adapter.close()
        redirects.append(target.url)
        if len(redirects) > settings.max_redirects:
            raise FetchProblem(f"more than {settings.max_redirects} redirects, starting at {redirects[0]}")
        target = _next_hop(target, location, settings)
        if target.url in redirects:
            raise FetchProblem(f"redirect loop: {target.url} redirects back to itself")


def _dial(target: Target, addresses: list[IPAddress], settings: FetchSettings,
          guard: DeadlineGuard) -> tuple[PinnedAdapter, requests.Response]:
    """Send the request to the first checked address that accepts a connection."""
    for index, address in enumerate(addresses):
        adapter = PinnedAdapter(target, address, guard)
        try:
            response = _send(adapter, target, settings, guard)
        except UpstreamUnreachable:
            adapter.close()
            if index + 1 < len(addresses) and guard.remaining() > 0:
                log.info("fetch %s: %s unreachable, trying the next address", target.url, address)
                continue
            raise
        except BaseException:
            adapter.close()
            raise
        log.info("fetch %s via %s: HTTP %s", target.url, address, response.status_code)
        return adapter, response
    raise FetchProblem(f"{target.url} has no address to dial")  # checked_addresses never returns none


def _next_hop(target: Target, location: str, settings: FetchSettings) -> Target:
    try:
        # Spaces are the one breakage common enough in Location headers to repair; anything else
        # ambiguous (control characters, backslashes) is refused by parse_target.
        joined = urljoin(target.url, location.strip().replace(" ", "%20"))
    except ValueError as exc:
        raise FetchProblem(f"the upstream redirected to an unreadable Location {location!r}") from exc
    try:
        return parse_target(joined, settings.allowed_ports)
    except UrlNotAllowed as exc:
        raise UrlNotAllowed(f"redirect from {target.url} refused: {exc.detail}") from exc


def _send(adapter: PinnedAdapter, target: Target, settings: FetchSettings,
          guard: DeadlineGuard) -> requests.Response:
    remaining = guard.remaining()
    if remaining <= 0:
        raise UpstreamTimeout(f"the fetch deadline of {guard.seconds:g} s passed")
    request = requests.Request("GET", target.url, headers={
        "Host": target.host_header, "User-Agent": settings.user_agent, "Accept": ACCEPT,
        "Accept-Encoding": ACCEPT_ENCODING}).prepare()
    timeout = (min(settings.connect_timeout, remaining), min(settings.read_timeout, remaining))
    with upstream_errors(target, settings, guard):
        return adapter.send(request, stream=True, timeout=timeout, verify=settings.ca_bundle or True, proxies={})


def _page(target: Target, response: requests.Response, settings: FetchSettings, guard: DeadlineGuard,
          redirects: tuple[str, ...]) -> Fetched:
    if response.status_code in REDIRECT_STATUSES:
        raise FetchProblem(f"{target.url} redirected without a Location")
    if not 200 <= response.status_code < 300:
        raise FetchProblem(f"{target.url} answered HTTP {response.status_code}")
    content_type = response.headers.get("Content-Type")
    media_type = (content_type or "").split(";")[0].strip().lower()
    if content_type and media_type not in HTML_TYPES:
        raise NotHtml(f"{target.url} is {media_type or 'of no media type'}, not HTML")
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise UpstreamTooLarge(f"{target.url} declares {declared} bytes, over the {settings.max_bytes} allowed")
    with upstream_errors(target, settings, guard):
        body = read_capped(response.raw, response.headers.get("Content-Encoding"), settings.max_bytes)
    if not content_type and not body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(HTML_STARTS):
        raise NotHtml(f"{target.url} has no Content-Type and does not look like HTML")
    decoded = decode_report(body, content_type)
    warnings = tuple(w for w in (decoded.warning,) if w)
    return Fetched(url=target.url, status=response.status_code, headers=dict(response.headers),
                   text=decoded.text, encoding=decoded.encoding, redirects=redirects, warnings=warnings)


@contextmanager
def upstream_errors(target: Target, settings: FetchSettings, guard: DeadlineGuard) -> Iterator[None]:
    """Turn what requests and urllib3 raise into FetchProblems: the deadline or a timeout -> 504."""
    try:
        yield
    except FetchProblem:
        raise
    except requests.exceptions.ConnectTimeout as exc:
        raise UpstreamUnreachable(f"connecting to {target.url} timed out", status=504, slug="upstream-timeout",
                                  title=UpstreamTimeout.title) from exc
    except requests.exceptions.ConnectionError as exc:
        if not isinstance(getattr(exc.args[0] if exc.args else None, "reason", None),
                          urllib3.exceptions.NewConnectionError):
            raise _failure(exc, target, settings, guard) from exc
        raise UpstreamUnreachable(f"{target.url} refused the connection or cannot be reached") from exc
    except (requests.Timeout, urllib3.exceptions.TimeoutError, TimeoutError) as exc:
        raise UpstreamTimeout(f"{target.url} did not answer in time") from exc
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
        raise _failure(exc, target, settings, guard) from exc
    if guard.expired:  # the guard cut the socket: whatever was read is truncated
        raise UpstreamTimeout(f"{target.url} did not finish within the {guard.seconds:g} s deadline")


def _failure(exc: Exception, target: Target, settings: FetchSettings, guard: DeadlineGuard) -> FetchProblem:
    if guard.expired or guard.remaining() <= 0:
        return UpstreamTimeout(f"{target.url} did not finish within the {guard.seconds:g} s deadline")
    if isinstance(exc, requests.exceptions.SSLError):
        return FetchProblem(f"TLS with {target.host} failed: certificate or handshake refused")
    return FetchProblem(f"{target.url} could not be fetched: {type(exc).__name__}")
