"""Authors: people or organisations in byline order, from structured data first.

A first version: JSON-LD author, meta author tags, rel=author links. Bylines in text come next.
"""
from __future__ import annotations

from typing import Any

from service.extract.model import Author
from service.extract.rules import Found, Rule, first_match
from service.page import Page, clean_text


def _dedupe(authors: list[Author]) -> tuple[Author, ...]:
    seen: set[str] = set()
    out = []
    for author in authors:
        key = author.name.casefold()
        if author.name and key not in seen:
            seen.add(key)
            out.append(author)
    return tuple(out)


def _from_jsonld_value(value: Any) -> list[Author]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Author(clean_text(item)))
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            url = item.get("url") if isinstance(item.get("url"), str) else None
            out.append(Author(clean_text(item["name"]), url))
    return out


def _jsonld(page: Page) -> tuple[Author, ...] | None:
    node = page.article
    return _dedupe(_from_jsonld_value(node.data.get("author"))) if node else None


def _meta(page: Page) -> Found[tuple[Author, ...]] | None:
    for key in ("author", "article:author", "dc.creator", "dcterms.creator", "citation_author", "parsely-author"):
        values = [v for v in page.meta.get(key, ()) if not v.startswith("http")]
        if values:
            return Found(_dedupe([Author(clean_text(v)) for v in values]), f"meta:{key}")
    return None


def _rel_author(page: Page) -> tuple[Author, ...]:
    return _dedupe([Author(link.text, link.href) for link in page.links_with_rel("author") if link.text])


RULES: list[Rule] = [
    ("json-ld:author", _jsonld),
    ("meta", _meta),
    ("link:rel-author", _rel_author),
]


def extract(page: Page) -> Found[tuple[Author, ...]] | None:
    return first_match(page, RULES)
