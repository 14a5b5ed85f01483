"""Text-and-data-mining and AI-training reservations: reported apart from republication terms.

Reads the W3C TDMRep protocol (`tdm-reservation` and `tdm-policy` as meta tags or HTTP headers) and
robots directives that opt out of AI use (`noai`, `noimageai` in meta robots or X-Robots-Tag). A
reservation says nothing about republishing; it only tells a miner to ask first.
"""
from __future__ import annotations

from service.page import Page
from service.terms.model import Tdm

RESERVATION_KEYS = ("tdm-reservation",)
POLICY_KEYS = ("tdm-policy",)
ROBOTS_KEYS = ("robots", "googlebot", "bingbot", "x-robots-tag")
ROBOTS_HEADER = "x-robots-tag"
AI_DIRECTIVES = frozenset({"noai", "noimageai"})
RESERVED_VALUES = frozenset({"1", "true", "yes"})


def find(page: Page) -> Tdm | None:
    """The page's TDM reservation and policy URL, or None when the page says nothing about mining."""
    reserved_value = _first(page, RESERVATION_KEYS)
    policy = _first(page, POLICY_KEYS)
    robots = _robots_directives(page)
    if reserved_value is None and policy is None and not robots & AI_DIRECTIVES:
        return None
    reserved = (reserved_value or "").strip().lower() in RESERVED_VALUES or bool(robots & AI_DIRECTIVES)
    return Tdm(reserved=reserved, policy=page.absolute(policy) if policy else None)


def _first(page: Page, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        header = page.headers.get(key)
        if header and header.strip():
            return header.strip()
        values = page.meta.get(key)
        if values:
            return values[0]
    return None


def _robots_directives(page: Page) -> set[str]:
    values = [v for key in ROBOTS_KEYS for v in page.meta.get(key, ())]
    header = page.headers.get(ROBOTS_HEADER)
    if header:
        values.append(header)
    directives: set[str] = set()
    for value in values:
        for part in value.replace(";", ",").split(","):
            directives.add(part.strip().lower().rsplit(":", 1)[-1].strip())
    return directives
