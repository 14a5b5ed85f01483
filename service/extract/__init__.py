"""Metadata extraction: every field extractor run over the one parsed Page.

Each field module holds an ordered rule list (specific first) and returns a Found value whose rule
name becomes the field's provenance. This module only sequences them and assembles the result; values
one field needs from another (the title and description for regions and themes) are passed along.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from service.extract import (
    authors,
    copyright,
    dates,
    lead,
    regions,
    site,
    source,
    tags,
    taxonomy,
    themes,
    title,
)
from service.extract.model import Extraction, Metadata
from service.extract.rules import Found
from service.page import Page

# The fields read from the page alone, in the order they run (the bench times each one).
FIELDS: dict[str, Callable[[Page], Found[Any] | None]] = {
    "title": title.extract,
    "authors": authors.extract,
    "published": dates.published,
    "modified": dates.modified,
    "language": site.language,
    "site_name": site.site_name,
    "canonical_url": site.canonical_url,
    "description": site.description,
    "tags": tags.extract,
    "taxonomies": taxonomy.extract,
    "original_source": source.extract,
    "copyright": copyright.extract,
}


def extract_metadata(page: Page, settings: Mapping[str, Any] | None = None) -> Extraction:
    """All metadata fields of one page, with provenance and warnings.

    settings: the app's configuration (REGIONS_FILE, THEMES_FILE); the shipped vocabularies without it.
    """
    settings = settings or {}
    found: dict[str, Found[Any] | None] = {name: extract(page) for name, extract in FIELDS.items()}
    values = {name: f.value for name, f in found.items() if f is not None}
    labelled = values.get("taxonomies", {})
    article_lead = lead.of(page, values.get("title"), values.get("description"))
    found["section"] = taxonomy.section(page, labelled, values.get("title"))
    found["regions"] = regions.extract(page, labelled, article_lead,
                                       regions.vocabulary(settings.get("REGIONS_FILE") or ""))
    found["themes"] = themes.extract(page, labelled, article_lead,
                                     themes.vocabulary(settings.get("THEMES_FILE") or ""))
    values = {name: f.value for name, f in found.items() if f is not None}
    provenance = {name: f.rule for name, f in found.items() if f is not None}
    metadata = Metadata(**values)
    return Extraction(url=metadata.canonical_url or page.url, metadata=metadata, provenance=provenance,
                      warnings=tuple(page.warnings))
