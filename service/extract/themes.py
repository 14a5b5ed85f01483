"""Themes: what an article is about, as the page files it or as a theme vocabulary (a data file) suggests.

Declared themes, first rule that finds some wins: a "Theme:" label, a category label, the article's
JSON-LD articleSection, article:section meta tags, category links (rel=category, /category/ paths).
Only when none does are themes inferred from the vocabulary's keywords in the title and lead.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from service.extract.lead import Lead
from service.extract.model import Theme
from service.extract.rules import Found, Rule, first_match, jsonld_value
from service.extract.taxonomy import values_of
from service.extract.zones import CHROME, zone_of
from service.page import Page, clean_text

THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.yaml"
THEME_LABELS = frozenset({"theme", "themes", "topic", "topics", "thema", "themen", "thème", "thèmes", "tema",
                          "temas", "subject", "subjects", "argomenti", "argomento", "sujet", "sujets"})
CATEGORY_LABELS = frozenset({"category", "categories", "kategorie", "kategorien", "categoría", "categorías",
                             "catégorie", "catégories", "categoria", "categorie", "filed under", "posted in"})
# Links that file the article under a category: rel=category (WordPress) or a /category/ archive path.
CATEGORY_LINKS = ("//a[contains(concat(' ', normalize-space(translate(@rel, 'CATEGORY', 'category')), ' '),"
                  " ' category ') or contains(@href, '/category/') or contains(@href, '/categories/')"
                  " or contains(@href, '/kategorie/') or contains(@href, '/categoria/')]")
MAX_CATEGORY_LINKS = 10  # more links to category pages than this is a site menu, not the article's
TITLE_WEIGHT = 3
MIN_INFERRED_SCORE = 2
MAX_INFERRED = 3


@dataclass(frozen=True)
class ThemeVocabulary:
    """Theme names in order and one compiled matcher whose group i is theme i's keywords."""

    names: tuple[str, ...]
    matcher: re.Pattern[str] | None

    def count(self, text: str) -> Counter[str]:
        """Keyword hits per theme name in text."""
        hits: Counter[str] = Counter()
        if self.matcher is not None:
            for match in self.matcher.finditer(text):
                hits[self.names[int(match.lastgroup[1:])]] += 1  # type: ignore[index]
        return hits


def _keyword_pattern(keyword: str) -> str:
    stem = keyword.rstrip("*")
    return re.escape(stem) + (r"\w*" if keyword.endswith("*") else "")


@lru_cache(maxsize=4)
def vocabulary(path: str = "") -> ThemeVocabulary:
    """The theme vocabulary of a YAML file (default: the shipped one), compiled once per path."""
    data = yaml.load(Path(path or THEMES_FILE).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    names: list[str] = []
    groups: list[str] = []
    for i, entry in enumerate(data.get("themes") or []):
        names.append(str(entry["name"]))
        keywords = sorted((str(k) for k in entry.get("keywords") or []), key=len, reverse=True)
        if keywords:
            groups.append(f"(?P<t{i}>{'|'.join(_keyword_pattern(k) for k in keywords)})")
    matcher = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE) if groups else None
    return ThemeVocabulary(tuple(names), matcher)


def _declared(values: Any) -> tuple[Theme, ...] | None:
    items = values if isinstance(values, (list, tuple)) else [values]
    names: list[str] = []
    for item in items:
        if isinstance(item, str):
            name = clean_text(item).replace("\n", " ")
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return tuple(Theme(name, "declared") for name in names) or None


def _category_links(page: Page) -> tuple[Theme, ...] | None:
    links = page.tree.xpath(CATEGORY_LINKS)
    if len(links) > 3 * MAX_CATEGORY_LINKS:  # a site map of categories
        return None
    texts = list(dict.fromkeys(clean_text(a.text_content()).replace("\n", " ") for a in links
                               if zone_of(a) != CHROME))
    texts = [text for text in texts if text]
    return _declared(texts) if len(texts) <= MAX_CATEGORY_LINKS else None


def _inferred(vocab: ThemeVocabulary, lead: Lead) -> tuple[Theme, ...] | None:
    in_title = vocab.count(lead.title)
    score = Counter({name: TITLE_WEIGHT * hits for name, hits in in_title.items()}) + vocab.count(lead.body)
    kept = [name for name, s in score.most_common(MAX_INFERRED) if s >= MIN_INFERRED_SCORE]
    return tuple(Theme(name, "inferred") for name in kept) or None


def extract(page: Page, taxonomies: dict[str, list[str]], lead: Lead,
            vocab: ThemeVocabulary | None = None) -> Found[tuple[Theme, ...]] | None:
    """The article's themes; taxonomies and lead are what the page's other extractors found."""
    vocab = vocab or vocabulary()
    theme = values_of(taxonomies, THEME_LABELS)
    category = values_of(taxonomies, CATEGORY_LABELS)
    rules: list[Rule] = [
        (f"text:label:{theme[0]}" if theme else "text:label", lambda p: _declared(theme[1]) if theme else None),
        (f"text:label:{category[0]}" if category else "text:label",
         lambda p: _declared(category[1]) if category else None),
        ("json-ld:articleSection", lambda p: _declared(jsonld_value(p.article.data, "articleSection"))
         if p.article else None),
        ("meta:article:section", lambda p: _declared(p.meta.get("article:section", []))),
        ("link:category", _category_links),
        ("inferred:title+lead", lambda p: _inferred(vocab, lead)),
    ]
    return first_match(page, rules)
