"""Regions: the world regions an article is about, named from a region vocabulary (a data file).

Declared regions come from the page itself, first rule that finds one wins: a "Region:" label, the
article's JSON-LD contentLocation/spatialCoverage, geo meta tags, a dateline ("BEIRUT (Reuters) -").
Only when none does are regions inferred from the countries the title and lead name.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from service.extract.lead import Lead
from service.extract.model import Region
from service.extract.places import CountryIndex, country_index
from service.extract.rules import Found, Rule, first_match
from service.extract.taxonomy import values_of
from service.page import Page

REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.yaml"
REGION_LABELS = frozenset({"region", "regions", "región", "regiones", "région", "régions", "regione", "regioni",
                           "country", "countries", "land", "länder", "pays", "país", "países", "paese"})
PLACE_KEYS = ("contentLocation", "spatialCoverage", "locationCreated")
GEO_META_KEYS = ("geo.region", "geo.placename", "geo.country", "dc.coverage")
# "BEIRUT (Reuters) -", "KYIV, Ukraine —", "Damascus (AFP) –": a place, maybe an agency, then a dash.
DATELINE = re.compile(r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ'’ .-]{1,40}|[A-ZÀ-Þ][\w'’ .-]{1,40}(?=\s*\())"
                      r"(?:,\s*(?P<country>[A-ZÀ-Þ][\w .]{1,30}?))?\s*(?:\((?P<agency>[^)]{1,30})\))?\s*[-–—]\s")
TITLE_WEIGHT = 3  # a country in the title counts as three mentions in the lead
MIN_INFERRED_SCORE = 2
MAX_INFERRED = 3


@dataclass(frozen=True)
class RegionVocabulary:
    """Region names in order, the region of each country code, and the region each name or alias means."""

    names: tuple[str, ...]
    by_country: dict[str, str]
    by_alias: dict[str, str]

    def resolve(self, value: str, index: CountryIndex) -> tuple[str, tuple[str, ...]] | None:
        """The region a declared value means, and the country it names if it names one."""
        region = self.by_alias.get(_alias_key(value))
        if region:
            return region, ()
        code = index.code_of(value)
        codes = [code] if code else list(index.find(value))
        regions = [self.by_country[c] for c in codes if c in self.by_country]
        return (regions[0], tuple(c for c in codes if self.by_country.get(c) == regions[0])) if regions else None


def _alias_key(value: str) -> str:
    return " ".join(value.replace("&", " and ").casefold().split())


@lru_cache(maxsize=4)
def vocabulary(path: str = "") -> RegionVocabulary:
    """The region vocabulary of a YAML file (default: the shipped one), read once per path."""
    data = yaml.load(Path(path or REGIONS_FILE).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    names: list[str] = []
    by_country: dict[str, str] = {}
    by_alias: dict[str, str] = {}
    for entry in data.get("regions") or []:
        name = str(entry["name"])
        names.append(name)
        for code in entry.get("countries") or []:
            by_country.setdefault(str(code).upper(), name)
        for alias in [name, *(entry.get("aliases") or [])]:
            by_alias.setdefault(_alias_key(str(alias)), name)
    return RegionVocabulary(tuple(names), by_country, by_alias)


def _declared(values: Iterable[str], vocab: RegionVocabulary, index: CountryIndex, mentioned: Counter[str],
              keep_unknown: bool) -> tuple[Region, ...] | None:
    """Regions for declared values; a vocabulary region lists the countries the title and lead name in it."""
    found: dict[str, list[str]] = {}
    for value in values:
        resolved = vocab.resolve(value, index)
        if resolved is None:
            if keep_unknown and value.strip():
                found.setdefault(value.strip(), [])
            continue
        codes = found.setdefault(resolved[0], [])
        named = list(resolved[1]) + [c for c, _ in mentioned.most_common() if vocab.by_country.get(c) == resolved[0]]
        codes.extend(c for c in named if c not in codes)
    return tuple(Region(name, "declared", tuple(codes)) for name, codes in found.items()) or None


def _place_strings(value: Any) -> Iterable[str]:
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            address = item.get("address")
            parts = [item.get("name"), address]
            if isinstance(address, dict):
                parts += [address.get(k) for k in ("addressCountry", "addressRegion", "addressLocality")]
            for part in parts:
                if isinstance(part, dict):
                    part = part.get("name")
                if isinstance(part, str):
                    yield part


def _geo_meta(page: Page) -> Iterable[str]:
    for key in GEO_META_KEYS:
        for content in page.meta.get(key, ()):
            yield content.split("-")[0].strip() if key == "geo.region" else content


def _dateline(paragraphs: tuple[str, ...]) -> list[str]:
    match = DATELINE.match(paragraphs[0]) if paragraphs else None
    if not match:
        return []
    return [match.group("country") or "", match.group("place").strip().title()]


def _inferred(vocab: RegionVocabulary, in_title: Counter[str], in_lead: Counter[str]) -> tuple[Region, ...] | None:
    score: Counter[str] = Counter()
    countries: dict[str, Counter[str]] = {}
    for code in dict.fromkeys([*in_title, *in_lead]):  # first mention first: ties keep that order
        region = vocab.by_country.get(code)
        if region:
            weight = TITLE_WEIGHT * in_title[code] + in_lead[code]
            score[region] += weight
            countries.setdefault(region, Counter())[code] += weight
    kept = [name for name, s in score.most_common(MAX_INFERRED) if s >= MIN_INFERRED_SCORE]
    return tuple(Region(n, "inferred", tuple(c for c, _ in countries[n].most_common())) for n in kept) or None


def extract(page: Page, taxonomies: dict[str, list[str]], lead: Lead,
            vocab: RegionVocabulary | None = None) -> Found[tuple[Region, ...]] | None:
    """The article's regions; taxonomies and lead are what the page's other extractors found."""
    vocab = vocab or vocabulary()
    index = country_index()
    paragraphs = lead.paragraphs
    in_title = index.find(lead.title)
    in_lead = index.find(lead.body)
    mentioned = in_title + in_lead
    labelled = values_of(taxonomies, REGION_LABELS)
    node = page.article.data if page.article else {}
    rules: list[Rule] = [
        (f"text:label:{labelled[0]}" if labelled else "text:label",
         lambda p: _declared(labelled[1], vocab, index, mentioned, True) if labelled else None),
        *[(f"json-ld:{key}", lambda p, key=key: _declared(_place_strings(node.get(key)), vocab, index,
                                                          mentioned, False)) for key in PLACE_KEYS],
        ("meta:geo", lambda p: _declared(_geo_meta(p), vocab, index, mentioned, False)),
        ("text:dateline", lambda p: _declared(_dateline(paragraphs), vocab, index, Counter(), False)),
        ("inferred:title+lead", lambda p: _inferred(vocab, in_title, in_lead)),
    ]
    return first_match(page, rules)
