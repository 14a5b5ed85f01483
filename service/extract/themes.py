"""Themes: what an article is about, as the page files it or as a theme vocabulary (a data file) suggests.

Declared themes, first rule that finds some wins: a "Theme:" label, a category label, the article's
JSON-LD articleSection, article:section meta tags, category links (rel=category, /category/ paths).
Only when none does are themes inferred from the vocabulary's keywords in the title and lead.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count, islice
from pathlib import Path
from typing import Any

import yaml
from ahocorasick_rs import AhoCorasick

from service.extract.lead import Lead
from service.extract.model import Theme
from service.extract.rules import Found, Rule, first_match, jsonld_value
from service.extract.taxonomy import filed_name, values_of
from service.extract.zones import CHROME, page_zone
from service.page import Page, clean_text

THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.yaml"
THEME_LABELS = frozenset({"theme", "themes", "topic", "topics", "thema", "themen", "thème", "thèmes", "tema",
                          "temas", "subject", "subjects", "argomenti", "argomento", "sujet", "sujets"})
CATEGORY_LABELS = frozenset({"category", "categories", "kategorie", "kategorien", "categoría", "categorías",
                             "catégorie", "catégories", "categoria", "categorie", "filed under", "posted in"})
# Links that file the article under a category: rel=category (WordPress) or a /category/ archive path.
CATEGORY_PATHS = ("/category/", "/categories/", "/kategorie/", "/categoria/")
CATEGORY_STEM = "ategor"  # in every one of CATEGORY_PATHS: most hrefs fail this one test
MAX_CATEGORY_LINKS = 10  # more links to category pages than this is a site menu, not the article's
TITLE_WEIGHT = 3
MIN_INFERRED_SCORE = 2
MAX_INFERRED = 3
WORD = re.compile(r"\w+(?:['’-]\w+)*")
WORD_CHAR = re.compile(r"\w")
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Every character whose casefolding holds a character of another kind (word character, apostrophe or
# hyphen, other) than its own: "İ" folds to "i" and a combining dot, which is no word character.
FOLDS_TO_A_MARK = re.compile(r"[\u0130\u01f0\u0345\u0390\u03b0\u1e96-\u1e99\u1f50-\u1ff7]")
STEM_INDEX_CHARS = 3  # stems ("Impf*") are looked up by their first letters; shorter ones match whole words


@dataclass(frozen=True)
class ThemeVocabulary:
    """Theme names in order; keyword phrases (casefolded word tuples) and stem phrases (last word a
    prefix, "terrorist*") to their theme, stems indexed by their first letters; and an automaton that
    finds every keyword's first word (or stem) in a casefolded text in one pass."""

    names: tuple[str, ...]
    phrases: dict[tuple[str, ...], str]
    stems: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    longest: int  # words in the longest phrase or stem phrase
    first_words: frozenset[str]
    openers: AhoCorasick | None  # None for a vocabulary without keywords

    def count(self, text: str) -> Counter[str]:
        """Keyword hits per theme name in text: the words of text in order, each casefolded, the longest
        phrase first, then stems. Words are read only where the automaton finds a keyword may begin."""
        hits: Counter[str] = Counter()
        if self.openers is None:
            return hits
        text, openings = self._openings(text)
        free = 0  # the text before this offset belongs to a keyword found already
        for start in openings:
            if start < free or not _starts_word(text, start):
                continue
            end, theme = self._at(text, start)
            if theme:
                hits[theme] += 1
                free = end
        return hits

    def _openings(self, text: str) -> tuple[str, Iterable[int]]:
        """The text to read words from, and the offsets in it where a keyword's first word (or stem) may
        begin, in order: the casefolded text holds the same words as text, each casefolded, unless text
        holds one of the few characters whose folding adds a combining mark ("İ" to "i̇")."""
        assert self.openers is not None
        folded = text.casefold()
        try:
            found = {start for _, start, _ in self.openers.find_matches_as_indexes(folded, overlapping=True)}
        except UnicodeEncodeError:  # lone surrogates (JSON "\\ud800"): no word holds one, nor U+FFFD
            folded = SURROGATE.sub("\ufffd", folded)
            found = {start for _, start, _ in self.openers.find_matches_as_indexes(folded, overlapping=True)}
        if not FOLDS_TO_A_MARK.search(text):
            return folded, sorted(found)
        # read text itself, at the characters that start where a keyword was found in the folded text
        starts = accumulate(map(len, map(str.casefold, text)), initial=0)
        return text, compress(count(), map(found.__contains__, starts))

    def _at(self, text: str, start: int) -> tuple[int, str | None]:
        """Where the keyword that begins with the word at start ends, and its theme."""
        match = WORD.match(text, start)
        if match is None:  # not reached: count asks only where a word starts
            return start + 1, None
        words, ends = [match.group().casefold()], [match.end()]
        if words[0] not in self.first_words and words[0][:STEM_INDEX_CHARS] not in self.stems:
            return ends[0], None
        while len(words) < self.longest and (match := WORD.search(text, ends[-1])):
            words.append(match.group().casefold())
            ends.append(match.end())
        for width in range(len(words), 0, -1):
            theme = self.phrases.get(tuple(words[:width]))
            if theme:
                return ends[width - 1], theme
        for stem, theme in self.stems.get(words[0][:STEM_INDEX_CHARS], ()):
            width = len(stem)
            if width <= len(words) and tuple(words[:width - 1]) == stem[:-1] and words[width - 1].startswith(stem[-1]):
                return ends[width - 1], theme
        return ends[0], None


def _starts_word(text: str, at: int) -> bool:
    """Whether WORD.finditer(text) starts a word at `at`, where a keyword's first word begins.

    A word runs on over word characters, and over an apostrophe or hyphen into another word character:
    it runs into `at` when the character before, or the one before an apostrophe or hyphen there, is a
    word character.
    """
    before = at - 1
    if before >= 0 and text[before] in "'’-":
        before -= 1
    return before < 0 or not WORD_CHAR.match(text, before)


@lru_cache(maxsize=4)
def vocabulary(path: str = "") -> ThemeVocabulary:
    """The theme vocabulary of a YAML file (default: the shipped one), indexed once per path."""
    data = yaml.load(Path(path or THEMES_FILE).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    names: list[str] = []
    phrases: dict[tuple[str, ...], str] = {}
    stems: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for entry in data.get("themes") or []:
        name = str(entry["name"])
        names.append(name)
        for keyword in entry.get("keywords") or []:
            words = tuple(str(keyword).casefold().rstrip("*").split())
            if not words:
                continue
            if str(keyword).endswith("*") and len(words[0]) >= STEM_INDEX_CHARS:
                stems.setdefault(words[0][:STEM_INDEX_CHARS], []).append((words, name))
            else:
                phrases.setdefault(words, name)
    longest = max((len(k) for k in [*phrases, *(stem for found in stems.values() for stem, _ in found)]), default=0)
    first_words = frozenset(k[0] for k in phrases)
    openers = sorted(first_words | {stem[0] for found in stems.values() for stem, _ in found})
    return ThemeVocabulary(tuple(names), phrases, {k: tuple(v) for k, v in stems.items()}, longest, first_words,
                           AhoCorasick(openers) if openers else None)


def _declared(values: Any, headline: str, split: bool = False) -> tuple[Theme, ...] | None:
    """Declared themes, once each; split: a string may hold several, comma-separated (meta, JSON-LD).
    Entities left escaped by the page ("Natur &amp; Umwelt") are read; placeholders, dates and the
    headline are no themes (taxonomy.filed_name)."""
    items = values if isinstance(values, (list, tuple)) else [values]
    names: list[str] = []
    for item in items:
        if not isinstance(item, str):
            continue
        for part in item.split(",") if split else [item]:
            name = filed_name(part, headline)
            if name and name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return tuple(Theme(name, "declared") for name in names) or None


def rejoin(values: list[str], known: tuple[str, ...], widest: int = 3) -> list[str]:
    """Plain-text label values split at commas, put back together where they form a known name
    ("Culture", "Society & History" -> "Culture, Society & History")."""
    names = {name.casefold() for name in known}
    out: list[str] = []
    i = 0
    while i < len(values):
        width = next((w for w in range(min(widest, len(values) - i), 1, -1)
                      if ", ".join(values[i:i + w]).casefold() in names), 1)
        out.append(", ".join(values[i:i + width]))
        i += width
    return out


def _category_links(page: Page, headline: str) -> tuple[Theme, ...] | None:
    # Every anchor of the page is tested: the test is written out here, not called, and the walk stops
    # once there are too many to be the article's.
    links = list(islice((a for a in page.tree.iter("a") if "category" in a.get("rel", "")
                         or (CATEGORY_STEM in (href := a.get("href", "")) and any(p in href for p in CATEGORY_PATHS))),
                        3 * MAX_CATEGORY_LINKS + 1))
    if len(links) > 3 * MAX_CATEGORY_LINKS:  # a site map of categories
        return None
    texts = list(dict.fromkeys(clean_text(a.text_content()).replace("\n", " ") for a in links
                               if page_zone(page, a) != CHROME))
    texts = [text for text in texts if text]
    return _declared(texts, headline) if len(texts) <= MAX_CATEGORY_LINKS else None


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
        (f"text:label:{theme[0]}" if theme else "text:label",
         lambda p: _declared(rejoin(theme[1], vocab.names), lead.title) if theme else None),
        (f"text:label:{category[0]}" if category else "text:label",
         lambda p: _declared(rejoin(category[1], vocab.names), lead.title) if category else None),
        ("json-ld:articleSection", lambda p: _declared(jsonld_value(p.article.data, "articleSection"), lead.title,
                                                       split=True) if p.article else None),
        ("meta:article:section", lambda p: _declared(p.meta.get("article:section", []), lead.title, split=True)),
        ("link:category", lambda p: _category_links(p, lead.title)),
        ("inferred:title+lead", lambda p: _inferred(vocab, lead)),
    ]
    return first_match(page, rules)
