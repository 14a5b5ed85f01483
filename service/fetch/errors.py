"""The problems a fetch can end in: each a Problem subclass, so the API renders it as problem+json.

Statuses follow STYLE.md: 422 when we refused the URL ourselves (nothing was connected to), 502 when the
upstream failed us (an error status, not HTML, too large: 413 is for the caller's own request body),
504 when the upstream was too slow for the deadline.
"""
from __future__ import annotations

from service.problems import Problem


class FetchProblem(Problem):
    """The upstream could not be fetched (refused connection, error status, broken response)."""

    status = 502
    slug = "upstream-failed"
    title = "Upstream fetch failed"


class UrlNotAllowed(FetchProblem):
    """The URL, or a redirect hop, names a scheme, port or address the fetcher may not reach."""

    status = 422
    slug = "url-not-allowed"
    title = "URL not allowed"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, errors={"url": [detail]})


class NotHtml(FetchProblem):
    """The upstream answered with something other than an HTML or XHTML page."""

    slug = "not-html"
    title = "Upstream page is not HTML"


class UpstreamTooLarge(FetchProblem):
    """The upstream body, compressed or decompressed, is over the fetch size cap."""

    slug = "too-large"
    title = "Upstream page too large"


class UpstreamTimeout(FetchProblem):
    """The upstream did not connect, answer or finish within the timeouts and the overall deadline."""

    status = 504
    slug = "upstream-timeout"
    title = "Upstream timed out"


class UpstreamUnreachable(FetchProblem):
    """No connection could be made to one address (refused, unroutable, or connect timeout); the
    fetcher then tries the host's next checked address, and reports this only for the last one."""

    slug = "upstream-failed"
