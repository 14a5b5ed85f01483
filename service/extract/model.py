"""What extraction returns: plain frozen dataclasses, turned into JSON by the schemas at the edge."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Author:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Region:
    name: str
    source: str  # "declared" | "inferred"
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Theme:
    name: str
    source: str  # "declared" | "inferred"


@dataclass(frozen=True)
class OriginalSource:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class Copyright:
    notice: str
    holder: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    authors: tuple[Author, ...] = ()
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = ()
    regions: tuple[Region, ...] = ()
    themes: tuple[Theme, ...] = ()
    taxonomies: dict[str, list[str]] = field(default_factory=dict)
    original_source: OriginalSource | None = None
    copyright: Copyright | None = None


@dataclass(frozen=True)
class Extraction:
    """The result for one page: metadata, where each value came from, and what looked odd."""

    url: str | None
    metadata: Metadata
    provenance: dict[str, str]
    warnings: tuple[str, ...] = ()
