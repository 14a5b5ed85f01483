"""Metadata extraction: every field extractor run over the one parsed Page.

Each field module holds an ordered rule list (specific first) and returns a Found value whose rule
name becomes the field's provenance. This module only sequences them and assembles the result.
"""
from __future__ import annotations

from typing import Any

from service.extract import authors, dates, site, tags, title
from service.extract.model import Extraction, Metadata
from service.extract.rules import Found
from service.page import Page


def extract_metadata(page: Page) -> Extraction:
    """All metadata fields of one page, with provenance and warnings."""
    found: dict[str, Found[Any] | None] = {
        "title": title.extract(page),
        "authors": authors.extract(page),
        "published": dates.published(page),
        "modified": dates.modified(page),
        "language": site.language(page),
        "site_name": site.site_name(page),
        "canonical_url": site.canonical_url(page),
        "description": site.description(page),
        "tags": tags.extract(page),
    }
    values = {name: f.value for name, f in found.items() if f is not None}
    provenance = {name: f.rule for name, f in found.items() if f is not None}
    metadata = Metadata(**values)
    return Extraction(url=metadata.canonical_url or page.url, metadata=metadata, provenance=provenance,
                      warnings=tuple(page.warnings))
