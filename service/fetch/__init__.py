"""The safe fetcher: fetch(url, settings) -> Fetched, or a FetchProblem; never a connection it refused.

Each hop, the first and every redirect, goes through the same steps:
  parse the URL strictly (target) -> resolve and judge EVERY address (resolve, netguard)
  -> dial exactly the judged address (pinned) -> redirect? loop back : read the body within the caps
  (body) -> decode its charset (service.decode).
Redirects are followed here, never by requests, so every hop is checked; one DeadlineGuard bounds the
whole fetch, DNS and slow upstreams included.
"""
from service.fetch.client import Fetched, fetch
from service.fetch.errors import FetchProblem, NotHtml, UpstreamTimeout, UpstreamTooLarge, UrlNotAllowed
from service.fetch.related import fetch_related
from service.fetch.settings import FetchSettings

__all__ = ["FetchProblem", "FetchSettings", "Fetched", "NotHtml", "UpstreamTimeout", "UpstreamTooLarge",
           "UrlNotAllowed", "fetch", "fetch_related"]
